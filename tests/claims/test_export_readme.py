"""The README's "Importing and exporting" examples parse with the commands' real parsers."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, load_command_class

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

    assert {
        "import_articles",
        "export_claims",
        "load_claims",
        "poll_sources",
        "ingest_worker",
    } <= commands


@pytest.mark.parametrize(
    ("command", "args"),
    [
        pytest.param(c, a, id=f"{c} {' '.join(a)}")
        for c, a in manage_examples()
        if c in ("import_articles", "export_claims", "load_claims", "poll_sources", "ingest_worker")
    ],
)
def test_readme_example_parses(command, args):
    parser = load_command_class("claims", command).create_parser("manage.py", command)

    options = vars(parser.parse_args(args))

    # Every option the example spells out is one the command reads.
    for word in args:
        if word.startswith("--"):
            assert options[word[2:].split("=")[0].replace("-", "_")] is not None, word


@pytest.mark.parametrize("command", ["import_articles", "export_claims", "load_claims"])
def test_readme_example_check_refuses_an_option_the_command_lacks(command):
    # The negative case: the check above fails on a README typo instead of passing anything.
    parser = load_command_class("claims", command).create_parser("manage.py", command)

    with pytest.raises(CommandError, match="unrecognized arguments: --no-such-option"):
        parser.parse_args(["--no-such-option", "x"])


def extractor_options() -> set[str]:
    """The options `python -m claims.extraction --help` lists."""
    help_text = subprocess.run(
        [sys.executable, "-m", "claims.extraction", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", help_text))


def test_readme_extractor_examples_use_real_options():
    examples = re.findall(r"python -m claims\.extraction (.+)", section())
    options = extractor_options()

    assert examples
    used = {w for e in examples for w in shlex.split(e.split("#")[0]) if w.startswith("-")}
    assert used
    assert used <= options
    # Whole options, not prefixes: "--json" would be a README typo for "--jsonl".
    assert "--json" not in options
