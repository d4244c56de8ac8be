"""clean_text is linear for every Unicode whitespace class, proved by counting, not timing.

Issue 15, item 3: a run of 80,000 U+001F between two letters took 30 s (`_WS_RE` left it
alone and `_INLINE_CREDIT_RE`'s leading `\\s*` re-read the run from every position). The
argument, checked in two parts:

1. Structure: every repeat in every cleanup pattern has an upper bound, except possessive
   repeats of one character class (which cannot backtrack). So one match attempt reads a
   bounded stretch of text, whatever the input.
2. Work: with every pattern wrapped in a counter, the characters the patterns are asked to
   scan stay under a fixed multiple of the input's length, for a hostile text built from each
   whitespace character; so total work is O(n).
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser's node names: the structure test walks parsed patterns
import re._parser as sre_parse
import sys

import pytest

from claims.extraction import cleanup

WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
PATTERNS = {name: value for name, value in vars(cleanup).items() if isinstance(value, re.Pattern)}


def test_whitespace_classes_include_the_ones_the_attack_used():
    assert {"\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u1680", "\u2028", "\u2029"} <= set(WHITESPACE)
    assert len(WHITESPACE) == 29  # str.isspace, Python 3.12's Unicode database


def _unbounded_repeats(nodes) -> list[str]:
    """The repeats in a parsed pattern that can backtrack over unboundedly much text."""
    found = []
    for op, av in nodes:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, body = av
            if high == sre.MAXREPEAT:
                found.append(f"{op} {{{low},}} over {list(body)!r}")
            found += _unbounded_repeats(body)
        elif op == sre.POSSESSIVE_REPEAT:
            low, high, body = av
            # One character class, possessive: matches greedily and never gives back.
            single_class = len(body) == 1 and body[0][0] in (sre.IN, sre.LITERAL, sre.ANY)
            if high == sre.MAXREPEAT and not single_class:
                found.append(f"possessive {{{low},}} over {list(body)!r}")
        elif op == sre.SUBPATTERN:
            found += _unbounded_repeats(av[-1])
        elif op == sre.BRANCH:
            for branch in av[1]:
                found += _unbounded_repeats(branch)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found += _unbounded_repeats(av[1])
        elif op == sre.ATOMIC_GROUP:
            found += _unbounded_repeats(av)
        elif op == sre.GROUPREF_EXISTS:
            found += _unbounded_repeats(av[1]) + (_unbounded_repeats(av[2]) if av[2] else [])
    return found


def test_cleanup_has_patterns_to_check():
    assert set(PATTERNS) == {
        "_WS_RE",
        "_BOILERPLATE_LINE_RE",
        "_CREDIT_TAIL_RE",
        "_INLINE_CREDIT_RE",
        "_SENTENCE_END_RE",
    }


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_cleanup_pattern_repeats_are_bounded_or_possessive_single_class(name):
    pattern = PATTERNS[name]
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    assert _unbounded_repeats(parsed) == []


class CountingPattern:
    """Delegates to a compiled pattern and adds up the characters it is asked to scan."""

    def __init__(self, pattern, counts, name):
        self.pattern, self.counts, self.name = pattern, counts, name

    def _count(self, text):
        self.counts[self.name] = self.counts.get(self.name, 0) + len(text)

    def sub(self, repl, text, *args, **kwargs):
        self._count(text)
        return self.pattern.sub(repl, text, *args, **kwargs)

    def search(self, text, *args, **kwargs):
        self._count(text)
        return self.pattern.search(text, *args, **kwargs)

    def match(self, text, *args, **kwargs):
        self._count(text)
        return self.pattern.match(text, *args, **kwargs)

    def fullmatch(self, text, *args, **kwargs):
        self._count(text)
        return self.pattern.fullmatch(text, *args, **kwargs)

    def finditer(self, text, *args, **kwargs):
        self._count(text)
        return self.pattern.finditer(text, *args, **kwargs)

    def findall(self, text, *args, **kwargs):
        self._count(text)
        return self.pattern.findall(text, *args, **kwargs)


@pytest.fixture
def counted(monkeypatch):
    counts: dict[str, int] = {}
    for name, pattern in PATTERNS.items():
        monkeypatch.setattr(cleanup, name, CountingPattern(pattern, counts, name))
    return counts


def hostile_texts(ws: str, n: int) -> dict[str, str]:
    """Texts of about n characters built around one whitespace character."""
    return {
        "run-between-letters": "a" + ws * n + "b",
        "run-before-parenthesis": "Headline\n\nA" + ws * n + "(photo by x",
        "run-in-credit": "Headline\n\n(Photo by" + ws * n + "X/Getty Images)",
        "run-after-read-more": "Headline\n\nRead more" + ws * n + ":",
        "run-after-sentence-end": "Headline\n\nShort." + ws * n,
        "alternating": "Headline\n\n" + ("a" + ws) * (n // 2),
        "credit-pieces": "Headline\n\n" + ("(photo by" + ws) * (n // 10),
    }


# Each pattern may scan the text a bounded number of times: _WS_RE the raw lines, the others
# the collapsed ones. A quadratic pattern scans every suffix: n times the text.
MAX_SCANS = 6


@pytest.mark.parametrize("ws", WHITESPACE, ids=[f"U+{ord(c):04X}" for c in WHITESPACE])
def test_clean_text_work_is_linear_for_every_whitespace_class(ws, counted):
    for name, text in hostile_texts(ws, 5_000).items():
        counted.clear()

        cleanup.clean_text(text)

        scanned = sum(counted.values())
        assert scanned <= MAX_SCANS * len(text), (name, counted)


@pytest.mark.parametrize("ws", WHITESPACE, ids=[f"U+{ord(c):04X}" for c in WHITESPACE])
def test_clean_text_collapses_every_whitespace_class(ws):
    expected = "a\n\nb" if ws in "\n\r" else "a b"  # line breaks separate paragraphs
    assert cleanup.clean_text("a" + ws * 50 + "b") == expected
    assert cleanup.clean_text(ws * 5 + "a" + ws * 5) == "a"


INLINE = [c for c in WHITESPACE if c not in "\n\r"]  # these two end the line


@pytest.mark.parametrize("ws", INLINE, ids=[f"U+{ord(c):04X}" for c in INLINE])
def test_clean_text_still_cuts_an_inline_credit_after_any_whitespace(ws):
    line = "The mayor spoke" + ws * 3 + "(Photo by Jane Doe/Getty Images)" + ws + "at noon."
    assert cleanup.clean_text("Headline\n\n" + line) == "Headline\n\nThe mayor spoke at noon."
