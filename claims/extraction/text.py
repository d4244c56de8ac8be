"""Paragraphs, quotations and sentence boundaries, each found in one linear regex pass.

Everything here works on character offsets into the caller's string; nothing is copied or
normalised, so offsets stay valid for the caller.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Typographic and straight double quotes, the two-apostrophe quote some wire copy uses, and
# guillemets. Same matches as `''|``|[\"“”„‟«»]`, spelled to open with one character class so
# that `re` skips in C to the next candidate (see _BOUNDARY_RE). Paragraph ends (newlines)
# are looked up separately, see `find_quotes`.
_QUOTE_MARK_RE = re.compile(r"['`\"“”„‟«»](?:(?<=')'|(?<=`)`|(?<=[\"“”„‟«»]))")
_OPENERS = frozenset(("“", "„", "«", "``"))
_CLOSERS = frozenset(("”", "»", "‟"))
_PARAGRAPH_RE = re.compile(r"[^\n]+")

# A candidate sentence end: terminal punctuation, optional closing marks, then whitespace and
# something that can start a sentence. Semicolons end a clause for our purposes too.
# The lookbehind makes a run of "!!!!" start one match attempt, not one per character.
# Plain form: `(?<![.!?])[.!?]++['"”’)\]]*+(?=[^\S\n]++['"“‘’(\[]*+[A-Z0-9])|;(?=[^\S\n])`.
# It is spelled to open with a character class, the first mark, so that `re` skips to the
# next candidate in C instead of trying a match at every position (several times faster on
# whole articles); the lookbehinds then test the mark just consumed and the one before it.
_BOUNDARY_RE = re.compile(
    r"[.!?;](?:(?<=;)(?=[^\S\n])"
    r"|(?<=[.!?])(?<![.!?].)[.!?]*+['\"”’)\]]*+(?=[^\S\n]++['\"“‘’(\[]*+[A-Z0-9]))"
)
_ABBREV_BEFORE_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Jr|Sr|Prof|Rev|"
    r"Hon|Mt|No|Nos|vs|etc|Inc|Corp|Co|Ltd|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Ft|Pres|Gens|"
    r"Cmdr|Maj|Atty|Supt|Ariz|Calif|Colo|Conn|Fla|Ill|Ind|Kan|Mass|Mich|Minn|Miss|Nev|Okla|"
    r"Ore|Pa|Tenn|Tex|Va|Wash|Wis|approx|est|al|Univ|Dept|Ave|Blvd|Rd)|\b[A-Z]|"
    r"\b(?:[A-Za-z]\.){1,3}[A-Za-z])$"
)


# After an abbreviation that often ends a sentence (`in the U.S.`, `at 7 p.m.`, `Acme Inc.`),
# a word that opens sentences and never follows such an abbreviation inside one (`He says`,
# `The ...`) makes the period a sentence end too.
_SENTENCE_END_ABBREV_RE = re.compile(
    r"(?:\b(?:[A-Za-z]\.){1,3}[A-Za-z]|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|etc))$"
)
_OPENER_AFTER_RE = re.compile(
    r"[^\S\n]+(?:He|She|They|It|We|The|This|That|These|Those|But|His|Her|Their|Its|Our|There)\b"
)


def _ends_sentence_anyway(text: str, mark: int, end: int) -> bool:
    """`... attacks in the U.S. He says ...`: the abbreviation ends its sentence."""
    return (
        _SENTENCE_END_ABBREV_RE.search(text, max(0, mark - 12), mark) is not None
        and _OPENER_AFTER_RE.match(text, end) is not None
    )


@dataclass(frozen=True, slots=True)
class Quote:
    """A double-quoted span inside one paragraph.

    `start` is the opening mark; `end` is just past the closing mark, or the paragraph end when
    the paragraph opens a quote without closing it (`closed` False, the multi-paragraph style).
    """

    start: int
    end: int
    closed: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end); whitespace-only lines are skipped."""
    out = []
    for m in _PARAGRAPH_RE.finditer(text):
        s, e = m.span()
        seg = m.group()
        stripped = seg.strip()
        if not stripped:
            continue
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        out.append((s + lead, e - trail))
    return out


def _looks_closing(text: str, start: int, end: int) -> bool:
    """A mark glued to the preceding word and followed by space or punctuation."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return bool(before) and not before.isspace() and (not after or after in " \t\n\xa0.,;:!?)")


_NEXT_LINE_QUOTE_RE = re.compile(r"\s*(?:[\"“„«]|'')")


def _next_line_opens_quote(text: str, newline: int) -> bool:
    return _NEXT_LINE_QUOTE_RE.match(text, newline + 1) is not None


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph, in one pass.

    Curly marks pair by direction; straight marks alternate. An opening mark inside an open
    curly quote restarts it (scraped text often loses closers). A quote still open at a
    newline ends there with `closed=False`.
    """
    # Newlines matter only while a quote is open (two in three quote-or-newline events are
    # newlines, and most come with no quote open), so they are looked up with `find` from
    # the opening mark instead of being visited one by one; the first one ends the quote.
    quotes: list[Quote] = []
    open_at = -1
    taken = 0  # a closing quote's third mark is not the start of another mark
    for m in _QUOTE_MARK_RE.finditer(text):
        mark = m.group()
        pos = m.start()
        if pos < taken:
            continue
        if open_at >= 0:
            newline = text.find("\n", open_at, pos)
            if newline >= 0:
                _end_at_newline(text, open_at, newline, quotes)
                open_at = -1
        if mark in _OPENERS and open_at >= 0 and _looks_closing(text, pos, m.end()):
            # A wrong-way curly mark ("...here,“ said X") closes the open quote.
            quotes.append(Quote(open_at, m.end(), True))
            open_at = -1
        elif mark in _OPENERS:
            open_at = pos
        elif mark in _CLOSERS:
            if open_at >= 0:
                if m.end() - open_at > 2:
                    quotes.append(Quote(open_at, m.end(), True))
                open_at = -1
        else:  # straight: '"', "''"
            if open_at >= 0:
                end = m.end()
                if mark == "''" and text[end : end + 1] == "'":
                    end = taken = end + 1  # `''I said, 'No,''' he recalled`: nested first
                if end - open_at > 2:
                    quotes.append(Quote(open_at, end, True))
                open_at = -1
            else:
                open_at = pos
    if open_at >= 0:
        newline = text.find("\n", open_at)
        if newline >= 0:
            _end_at_newline(text, open_at, newline, quotes)
            open_at = -1
    if open_at >= 0:
        end = len(text)
        while end > open_at + 1 and text[end - 1] in " \t\r":
            end -= 1
        if end > open_at + 1:
            quotes.append(Quote(open_at, end, False))
    singles = single_quotes(text, quotes)
    return sorted([*quotes, *singles], key=lambda q: q.start) if singles else quotes


# A single quotation mark before a letter: it opens a quote when it starts a paragraph or
# stands after a sentence end, a comma or a colon and a space (`Lund noted, 'A ...'`, `Lund:
# 'A ...'`; `_opens_single`). An apostrophe never stands there: `don't` and `Jones' car` glue
# it to the word before it, `the '90s` puts no comma or sentence end before it.
_SINGLE_MARK_RE = re.compile(r"['‘](?=[^\W\d_])")
# The mark that closes it: right after a sentence's end or the comma of `'A,' she said`,
# followed by a space, a closing bracket or the paragraph's end.
_SINGLE_CLOSE_RE = re.compile(r"([.!?,])(['’])(?=[\s)”\"]|$)")


def single_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Quotes in single marks (headlines, British outlets), outside the double-quoted ones:
    `Lund noted, 'A new bridge will not fix it.'` and `'We tried,' she said.` The first
    closing mark after the opener ends it (a word's apostrophe is no closing mark); none
    crosses a paragraph or holds a double quotation mark. Cost: one scan for openers, and
    for each one a scan to its closer or its paragraph's end."""
    if "'" not in text and "‘" not in text:
        return []
    index = QuoteIndex(quotes)
    out: list[Quote] = []
    taken = 0
    for m in _SINGLE_MARK_RE.finditer(text):
        start = m.start()
        if start < taken or not _opens_single(text, start) or index.containing(start):
            continue
        newline = text.find("\n", start)
        stop = len(text) if newline < 0 else newline
        c = _SINGLE_CLOSE_RE.search(text, start + 2, stop)
        if c is None:
            taken = stop  # no later opener in the paragraph finds a closer either
            continue
        end = c.end()
        if any(ch in text[start:end] for ch in '"“”'):
            continue
        if quotes and start > 0 and text[start - 1] == "\n" and not text[end:stop].strip():
            # A paragraph that is one single-quoted line in a text that quotes speech in
            # double marks is a subhead (`'A fight from start to finish.'`).
            continue
        out.append(Quote(start, end, True))
        taken = end
    return out


def _opens_single(text: str, start: int) -> bool:
    k = start
    while k > 0 and text[k - 1] in " \t\xa0":
        k -= 1
    if k == 0 or text[k - 1] == "\n":
        return True
    if k == start:
        return False  # glued to the word before it: an apostrophe
    before = text[k - 1]
    if before in ",:.!?":
        return True
    return before in "”\"'’" and text[k - 2 : k - 1] in (".", "!", "?")


def _end_at_newline(text: str, open_at: int, newline: int, quotes: list[Quote]) -> None:
    """A quote opened at `open_at` meets the end of its paragraph at `newline`."""
    if not _next_line_opens_quote(text, newline):
        # An unclosed quote not continued by the next paragraph is a stray mark, not a
        # multi-paragraph quote: dropping it keeps the paragraph's cues visible.
        return
    end = newline
    while end > open_at + 1 and text[end - 1] in " \t\r":
        end -= 1
    if end > open_at + 1:
        quotes.append(Quote(open_at, end, False))


class QuoteIndex:
    """Answers "is this offset inside a quote" in O(log n)."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def containing(self, pos: int) -> Quote | None:
        """The quote whose interior (strictly after the opener) holds `pos`."""
        i = bisect.bisect_left(self.starts, pos) - 1
        if i >= 0 and self.quotes[i].start < pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def starting_in(self, start: int, end: int) -> Quote | None:
        """The first quote whose opening mark lies in [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.quotes) and self.quotes[i].start < end:
            return self.quotes[i]
        return None

    def between(self, start: int, end: int) -> list[Quote]:
        """Quotes lying wholly inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            if self.quotes[i].end <= end:
                out.append(self.quotes[i])
            i += 1
        return out


def sentence_breaks(text: str, qindex: QuoteIndex) -> list[int]:
    """Sorted offsets where a sentence (or ;-clause) ends, newlines included.

    A break inside a quotation does not count: a quote is atomic, so `He said: "A. B."` is one
    sentence. A break right after a closing quote does count.
    """
    breaks = []
    for m in _BOUNDARY_RE.finditer(text):
        end = m.end()
        if (
            m.group() != ";"
            and _ABBREV_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
            and not _ends_sentence_anyway(text, m.start(), end)
        ):
            continue
        if qindex.containing(end - 1) is not None and qindex.containing(end) is not None:
            continue
        if qindex.containing(m.start()) is not None and qindex.containing(end) is not None:
            continue
        breaks.append(end)
    pos = text.find("\n")
    nl = []
    while pos >= 0:
        nl.append(pos)
        pos = text.find("\n", pos + 1)
    if nl:
        breaks = sorted(set(breaks).union(nl))
    return breaks


def sentence_bounds(text: str, breaks: list[int], pos: int) -> tuple[int, int]:
    """The sentence around `pos`, trimmed of surrounding whitespace."""
    i = bisect.bisect_right(breaks, pos)
    start = breaks[i - 1] if i > 0 else 0
    end = breaks[i] if i < len(breaks) else len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
