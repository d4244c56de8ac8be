"""The README's "Importing and exporting" examples parse with the commands' real parsers."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import load_command_class

ROOT = Path(__file__).parent.parent.parent


def section() -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index("## Importing and exporting")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def manage_examples() -> list[tuple[str, list[str]]]:
    examples = []
    for line in section().splitlines():
        for segment in line.split("|"):
            segment = segment.split(">")[0].strip()
            if "manage.py" in segment and segment.startswith((".venv/bin/python", "DATABASE")):
                words = shlex.split(segment)
                i = words.index("manage.py")
                examples.append((words[i + 1], words[i + 2 :]))
    return examples


def test_readme_has_examples_for_every_import_and_export_command():
    commands = {command for command, _ in manage_examples()}

    assert {"import_articles", "export_claims", "load_claims"} <= commands


@pytest.mark.parametrize(
    ("command", "args"),
    [
        pytest.param(c, a, id=f"{c} {' '.join(a)}")
        for c, a in manage_examples()
        if c in ("import_articles", "export_claims", "load_claims")
    ],
)
def test_readme_example_parses(command, args):
    parser = load_command_class("claims", command).create_parser("manage.py", command)

    options = parser.parse_args(args)

    assert options is not None


def test_readme_extractor_examples_use_real_options():
    examples = re.findall(r"python -m claims\.extraction (.+)", section())
    help_text = subprocess.run(
        [sys.executable, "-m", "claims.extraction", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert examples
    for example in examples:
        for word in shlex.split(example.split(">")[0]):
            if word.startswith("-"):
                assert word in help_text
