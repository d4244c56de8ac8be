"""The article a rule reads: its text, quotes, sentences and paragraphs, and the claims found
so far (`Draft`). Rules ask it questions and hand it drafts; they keep no state of their own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from .. import lexicon as lx
from ..mentions import Mention
from ..registry import Entity
from ..text import QuoteIndex, find_quotes, paragraphs, sentence_bounds, sentence_breaks
from .patterns import CUE_RE, NEGATION_HINT_RE, RAW_TOKEN_RE, WINDOW


class NoClaim:
    """What a rule returns when the construction is its own but yields no claim here: the
    engine stops trying rules for this cue or quote. (`None` means "not mine: try the next".)
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_CLAIM"


NO_CLAIM = NoClaim()


@dataclass(slots=True)
class Draft:
    """A claim being built: content span, kind, cue span and speaker mention. `rule` is the
    name of the rule that found it (set by the engine from the RULES table)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    mention: Mention | None
    sentence: tuple[int, int]
    speaker_of: Draft | None = None  # continuation: same speaker as this draft
    ent: Entity | None = None
    rule: str = ""
    # The source that carried the report, and its cue: "“A,” X said, according to Y" (Y).
    reported_by: tuple[tuple[int, int], Mention] | None = None


# A paragraph that opens "Editor's note:" (the outlet's note on its coverage).
_EDITORS_NOTE_RE = re.compile(r"(?im)^[ \t\xa0]*editor[’']?s?[ \t\xa0]+note\b")


class Article:
    """One text under extraction. Offsets are Python str indices into `text`."""

    def __init__(self, text: str, headline_end: int = 0):
        self.text = text
        # `extract_article`: text[:headline_end] is the headline (0: no headline).
        self.headline_end = headline_end
        self.quotes = find_quotes(text)
        self.qindex = QuoteIndex(self.quotes)
        self.breaks = sentence_breaks(text, self.qindex)
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.drafts: list[Draft] = []
        self.taken: list[tuple[int, int]] = []  # content spans already claimed, sorted by start
        self.interview = False  # the text says "interview" (set by interview.find_turns)
        self.transcripts = 0  # interview transcripts read so far (bounded per article)
        self.asked: list[tuple[int, int]] = []  # paragraphs of questions told as quotes
        # "according to Y" around a claim another cue makes: (cue span, Y, sentence).
        self.carriers: list[tuple[tuple[int, int], Mention, tuple[int, int]]] = []

    @cached_property
    def editors_notes(self) -> frozenset[int]:
        """The starts of the paragraphs that open with "Editor's note" (one scan, on first
        use; a plain substring test first, as most texts name no editor at all)."""
        if "ditor" not in self.text and "DITOR" not in self.text:
            return frozenset()
        return frozenset(
            self.paragraph_of(m.end())[0] for m in _EDITORS_NOTE_RE.finditer(self.text)
        )

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos`, clipped to a fixed window so that the work per cue stays
        bounded even in a megabyte-long "sentence" (hostile input stays linear)."""
        s0, s1 = sentence_bounds(self.text, self.breaks, pos)
        return max(s0, pos - WINDOW), min(s1, pos + WINDOW)

    def in_quote(self, pos: int) -> bool:
        return self.qindex.containing(pos) is not None

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        """The paragraph at or before `pos`. Every caller passes the offset of a character
        that is no whitespace (a quote's, cue's or claim's, or one after it), and the first
        paragraph starts at the text's first such character, so there is one."""
        return self.paras[bisect.bisect_right(self.para_starts, pos) - 1]

    def prev_paragraph_end(self, p0: int) -> int:
        i = bisect.bisect_left(self.para_starts, p0) - 1
        return self.paras[i][1] if i >= 0 else -1

    def is_taken(self, pos: int) -> bool:
        i = bisect.bisect_right(self.taken, (pos, 1 << 62)) - 1
        return i >= 0 and self.taken[i][0] <= pos < self.taken[i][1]

    def overlaps_taken(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.taken, (s, -1))
        if i > 0 and self.taken[i - 1][1] > s:
            return True
        return i < len(self.taken) and self.taken[i][0] < e

    def add(self, d: Draft) -> None:
        if d.end <= d.start or self.overlaps_taken(d.start, d.end):
            return
        self.drafts.append(d)
        bisect.insort(self.taken, (d.start, d.end))

    def reserve(self, s: int, e: int) -> None:
        """Keep text[s:e] from every later rule without making it a claim (a question)."""
        if e > s and not self.overlaps_taken(s, e):
            bisect.insort(self.taken, (s, e))

    def extend(self, d: Draft, end: int) -> None:
        i = bisect.bisect_left(self.taken, (d.start, d.end))
        if i < len(self.taken) and self.taken[i] == (d.start, d.end):
            self.taken.pop(i)
        d.end = end
        bisect.insort(self.taken, (d.start, d.end))

    def kind_of(self, s: int, e: int) -> str:
        qs = [q for q in self.qindex.between(s, e + 1)]
        inner = self.qindex.containing(s + 1)
        if inner is not None and inner.start == s:
            qs = qs or [inner]
        if not qs:
            return "indirect"
        if qs[0].start == s and qs[-1].end >= e:
            if len(qs) == 1:
                return "direct"
            # Quotes split around their cue: the gaps must be attribution only, no claims text.
            return "direct"
        return "mixed"

    def clause_start(self, s0: int, pos: int) -> int:
        """Where the clause holding a cue begins: after a colon or dash, if any."""
        window_start = max(s0, pos - 400)
        best = s0
        for ch in (":", "—", " – ", " - ", " -- "):
            k = self.text.rfind(ch, window_start, pos)
            while k >= 0 and self.in_quote(k):
                k = self.text.rfind(ch, window_start, k)
            if k >= 0 and k + len(ch) > best:
                best = k + len(ch)
        return best

    def negated(self, s0: int, cue_start: int) -> bool:
        # "did not say", "never said", "declined to say", "to say": not a report.
        start = max(s0, cue_start - 40)
        if NEGATION_HINT_RE.search(self.text, start, cue_start) is None:
            return False  # fast path: no word below could be there (most cues)
        lows = [w.lower() for w in RAW_TOKEN_RE.findall(self.text, start, cue_start)[-3:]]
        if any(w in lx.NEGATIONS or w.endswith(("n't", "n’t")) for w in lows):
            return True
        if lows and lows[-1] == "to":
            # "went on to say", "goes on to argue": the report goes on; other "to say" is none.
            return not (len(lows) == 3 and lows[1] == "on" and lows[0] in lx.GO_ON_FORMS)
        return len(lows) >= 2 and lows[-2] in ("declined", "refused", "wouldn't")

    def cue_in(self, s: int, e: int) -> bool:
        return CUE_RE.search(self.text, s, e) is not None

    def has_claim_word_gap(self, s: int, e: int) -> bool:
        """True when a sentence-level break sits between s and e."""
        return bisect.bisect_right(self.breaks, e) != bisect.bisect_right(self.breaks, s)

    def last_draft_in(self, s0: int, s1: int, cs: int, ce: int) -> int | None:
        """If a claim already ends inside [cs, ce), content must start after it."""
        best = None
        for d in self.drafts[-4:]:
            if s0 <= d.end <= ce and d.end > cs:
                best = max(best or 0, d.end)
        return best
