"""Companies an article names, for "the company" and "the company's board" (registry.py).

"the company" is the company the text names nearest before it: a name the lexicon knows
("Nvidia", "Exxon Mobil", "Goldman Sachs") or one with a legal suffix ("Brill Corp."). Until
rules-2.21 it was the last organisation that had spoken, or failing that any one-word speaker:
"Columbia defends Exxon articles ... the company wrote a letter" gave Exxon's letter to
Columbia (a university) because Exxon had not spoken yet.

Cost: one scan of the article's capitalised words, on the first "the company" only.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lexicon as lx
from .mentions import _strip_possessive

# Heads of a description that only a company answers to (not "group", "giant": a militant
# group, a tech giant named by its sector).
FIRM_HEADS = frozenset(("company", "firm", "corporation", "startup"))
_PARAGRAPHS_REACH = 3000
_CAPITALISED_RE = re.compile(r"(?<![\w’'&-])[A-Z][\w’'&-]*")
_SUFFIX_RE = re.compile(
    r",?[ \t\xa0]+(?:Inc|Corp|Corporation|Co|Ltd|LLC|plc|PLC|GmbH|AG|NV|SE)\b(?![’'-])"
)


@dataclass(slots=True)
class Companies:
    """An article's company names (`company_names`) and the same names lower-cased."""

    names: list[tuple[int, str]]
    lowered: frozenset[str]
    headline_end: int  # where the first line ends

    @classmethod
    def of(cls, text: str) -> Companies:
        names = company_names(text)
        end = text.find("\n")
        return cls(names, frozenset(n.lower() for _, n in names), end if end >= 0 else len(text))


def company_names(text: str) -> list[tuple[int, str]]:
    """(start, name) of every company the text names, in text order: a known one-word or
    two-word name (lexicon.KNOWN_COMPANIES: "Apple", "Goldman Sachs", "Exxon Mobil's" ->
    "Exxon Mobil"), or one to three capitalised words before a legal suffix ("Brill
    Foods Inc.")."""
    words = [(m.start(), m.end(), m.group()) for m in _CAPITALISED_RE.finditer(text)]
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(words):
        start, end, word = words[k]
        pair = None
        if k + 1 < len(words) and text[end : words[k + 1][0]] in (" ", "\xa0"):
            pair = f"{word} {_strip_possessive(words[k + 1][2])}"
        if pair is not None and pair.lower() in lx.KNOWN_COMPANIES:
            out.append((start, pair))
            k += 2
            continue
        bare = _strip_possessive(word)
        if bare.lower() in lx.KNOWN_COMPANIES:
            out.append((start, bare))
        elif bare == word and _SUFFIX_RE.match(text, end):
            first = k
            while (
                first > 0
                and k - first < 2
                and text[words[first - 1][1] : words[first][0]] in (" ", "\xa0")
                and not words[first - 1][2].endswith(("’s", "'s"))
                and words[first - 1][2].lower() not in lx.DETERMINERS
            ):
                first -= 1
            out.append((words[first][0], text[words[first][0] : end]))
        k += 1
    return out


def nearest_company(text: str, companies: Companies, pos: int) -> str | None:
    """The company named last before `pos` (`companies.names`) in its paragraph
    or the one before, else the first company the headline names, else None: a company named
    further up is seldom the one meant ("his Facebook profile" three paragraphs before "The
    company confirmed", meaning his employer)."""
    names = companies.names
    i = bisect.bisect_left(names, (pos, ""))
    if i and names[i - 1][0] >= _paragraph_before(text, pos):
        return names[i - 1][1]
    if names and names[0][0] < min(pos, companies.headline_end):
        return names[0][1]  # the headline's company: what the article is about
    return None


def _paragraph_before(text: str, pos: int) -> int:
    """Where the paragraph before the one holding `pos` starts (0 at the text's start; no
    further back than `_PARAGRAPHS_REACH` characters, so that a text without line breaks
    costs no scan of all of it per "the company")."""
    lo = max(0, pos - _PARAGRAPHS_REACH)
    k = pos
    for _ in range(2):
        k = text.rfind("\n", lo, k)
        while k > lo and text[k - 1] in "\n \t":
            k -= 1
        if k <= lo:
            return lo
    return k + 1
