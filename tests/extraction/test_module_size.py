"""The extraction engine stays readable in pieces (issue 10): no module in claims/extraction/
over 600 lines, no class over 300. A module or class that outgrows this is split along its
concerns (as rules/cues.py was into cue.py, cue_filters.py, speaker_after.py, participles.py
and speaker_before.py), not the limit raised."""

from __future__ import annotations

import ast
from pathlib import Path

import claims.extraction

MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 300
ROOT = Path(claims.extraction.__file__).parent


def oversized_classes(source: str) -> list[tuple[str, int]]:
    """(name, lines) of every class, nested ones too, longer than MAX_CLASS_LINES."""
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES
    ]


def test_the_checks_catch_a_long_class():
    def cls(name: str, lines: int, indent: str = "") -> str:
        return f"{indent}class {name}:\n" + "".join(
            f"{indent}    x{i} = {i}\n" for i in range(lines - 1)
        )

    assert oversized_classes(cls("Big", 301)) == [("Big", 301)]
    assert oversized_classes(cls("Fits", 300)) == []
    nested = "class Outer:\n    y = 0\n" + cls("Inner", 301, "    ")
    assert oversized_classes(nested) == [("Outer", 303), ("Inner", 301)]


def test_no_extraction_module_over_600_lines():
    modules = sorted(ROOT.rglob("*.py"))
    assert len(modules) > 20  # the walk found the package (rules/, lexicon/, tools/ too)
    long = {
        str(p.relative_to(ROOT)): n
        for p in modules
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_extraction_class_over_300_lines():
    long = {
        str(p.relative_to(ROOT)): found
        for p in sorted(ROOT.rglob("*.py"))
        if (found := oversized_classes(p.read_text(encoding="utf-8")))
    }
    assert long == {}
