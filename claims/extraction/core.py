"""The claim extractor: cues -> speaker and content -> claims -> in-article resolution.

Cost model: one linear regex pass each for quotes, sentence breaks, names and cues; then work
bounded by a fixed window per cue. No regex here can backtrack over more than a window.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lexicon as lx
from .mentions import _TOKEN_RE, Mention, tokenize
from .registry import Entity, Registry
from .speakers import clause_subject, possessor_before, subject_after, subject_before
from .text import QuoteIndex, find_quotes, paragraphs, sentence_bounds, sentence_breaks

EXTRACTOR_VERSION = "rules-1.0"

KINDS = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "government", "organization", "media", "group", "anonymous")


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One attributed claim. All offsets are Python str indices into the text given to
    `extract_claims`; `text[start:end] == content` always holds, likewise for cue and mention.
    """

    content: str
    start: int
    end: int
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    speaker: str | None
    speaker_kind: str
    role: str
    affiliation: str
    context_start: int
    context_end: int


def _trie_regex(words: set[str] | frozenset[str]) -> str:
    """An alternation of `words` factored by common prefixes ("sa(?:id|ys?)"), so the regex
    engine tries a handful of branches per position instead of hundreds."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


def _cue_pattern() -> re.Pattern[str]:
    r"""Reporting cues: "according to", "as first reported by", "points out", "fired back",
    "Says" heads, and every verb form of the lexicon.

    The whole-text scan is one of the largest fixed costs, so the pattern is spelled for the
    regex engine; it matches exactly what this plain form matches:
    `\b(?:(?P<acc>[Aa]ccording\s+to|(?:[Aa]s\s+)?(?:first\s+)?(?:reported|...|said)\s+by)|...)`.
    The optional "as"/"first" groups are spelled out as alternatives (optional groups cost a
    repeat context at every word start) and `\b` becomes `(?<!\w)`, equivalent before a
    letter and cheaper. Together 40% faster.
    """
    by = r"(?:reported|stated|noted|announced|quoted|told\s+to|said)\s+by"
    acc = rf"[Aa](?:ccording\s+to|s\s+first\s+{by}|s\s+{by})|first\s+{by}|{by}"
    alts = _trie_regex(lx.SPEECH_FORMS | lx.BELIEF_FORMS | lx.ATTITUDE_FORMS)
    return re.compile(
        r"(?<!\w)(?:(?P<acc>" + acc + r")|(?P<point>point(?:s|ed|ing)?\s+out)"
        r"|(?P<phrasal>(?:fire[sd]?|firing|sho(?:t|ots|oting))\s+back|chimed?\s+in|went\s+on)"
        r"|(?P<head>Says|Said)|(?P<verb>" + alts + r"))\b(?![-=])"
    )


_CUE_RE = _cue_pattern()
# "China's declaration that ...": a claim noun, whitespace, "that". Found from the "that"
# side (a literal, which `re` finds with a fast substring search) instead of scanning for
# `\b(?P<noun>NOUNS)\s+that\b` at every position: 8x cheaper, same matches (see
# `_claim_nouns`).
_THAT_WORD_RE = re.compile(r"that\b")
_CLAIM_NOUN_END_RE = re.compile(r"(?<!\w)(?:" + _trie_regex(lx.CLAIM_NOUNS) + r")\Z")
_CLAIM_NOUN_MAX = max(map(len, lx.CLAIM_NOUNS))
_THAT_RE = re.compile(r"\bthat\b")
_COUNT_RE = re.compile(r"[^\W_][\w’'-]*|[“”\"]")
_TRAILING_PUNCT = " \t\r\n\xa0.,;:!?—–-"
# Where reported content stops: a clause that leaves the report. Tried in this order at each
# position; `_CONTENT_CUT_RE` is their alternation.
_CONTENT_CUT_ALTERNATIVES = [
    r",(?P<q>[\"”’']?)\s+(?:but|while|although|though|whereas|even\s+as|(?:add|say|not|argu|"
    r"explain|insist|warn|tell|cit|call|claim|point|suggest|stress|accus|describ|writ|ask|urg|"
    r"quot)ing|according\s+to|he\s+said|she\s+said|they\s+said|he\s+added|she\s+added)\b",
    r",\s+and\s+(?=(?:[A-Z]\w*|he|she|they|I|we)\s+[a-z]+(?:ed|s)\b)",
    r"\s+but\s+(?:also\s+)?(?:[a-z]+ing|said|says|added|noted|insisted|told)\b",
    r"\s+[-—–]{1,2}\s+(?=(?:said|says|added|told)\b)",
    r"\s+and\s+(?:also\s+)?(?:said|says|added|argued|noted|insisted|warned|told|claimed|"
    r"suggested|stressed|explained|vowed|promised|acknowledged|declared|denied|urged|wrote)\b",
    r"\s+(?:—|--)\s+",
    r"\s+but\s+(?:did|does|didn't|didn’t|would|will|has|have|had|was|is|also|not|never)\b",
    r",\s+(?:he|she|they|I|we)(?:’s|'s|’d|'d)?\s+(?:[a-z]+\s+)?(?:said|says|added|told|wrote)\b",
    r",\s+(?:to|at|after|from|in)\s+which\b",
    r",\s+which\b",
    r"\s+and\s+(?:saying|questioning|calling|adding|accusing|arguing|insisting|suggesting"
    r"|telling|urging|warning|noting)\b",
    r"(?<=[”\"]),?\s+and\s+(?=[a-z]+(?:ed|s)\b)",
    r",\s+(?:said|says|told|added|wrote|argued|insisted|noted)\b",
    r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added|told|wrote|argued|insisted)\b",
]


def _opened_by_class(alternatives: list[str]) -> str:
    r"""The alternation of `alternatives`, each of which starts with "," or `\s+` (one starts
    with a lookbehind and then one of those), rewritten to open with the class `[,\s]`.

    A pattern that opens with a character class lets `re` skip in C to the next comma or
    space; otherwise it tries all alternatives at every position. Each alternative then
    checks the character just consumed with a lookbehind: `,X` becomes `(?<=,)X` and `\s+X`
    becomes `(?<=\s)\s*X`. Same matches, same order of preference.
    """
    out = []
    for alt in alternatives:
        if alt.startswith(","):
            out.append("(?<=,)" + alt[1:])
        elif alt.startswith(r"\s+"):
            out.append(r"(?<=\s)\s*" + alt[3:])
        elif alt.startswith(r"(?<=[”\"]),?\s+"):
            rest = alt[len(r"(?<=[”\"]),?\s+") :]
            out.append(r"(?:(?<=[”\"],)\s+|(?<=[”\"]\s)\s*)" + rest)
        else:
            raise ValueError(alt)
    return r"[,\s](?:" + "|".join(out) + ")"


_CONTENT_CUT_RE = re.compile(_opened_by_class(_CONTENT_CUT_ALTERNATIVES))
# Time and place adjuncts that may sit between a cue and its "that" complement.
_ADJUNCT_START = frozenset(
    [
        "on",
        "of",
        "about",
        "in",
        "at",
        "during",
        "after",
        "before",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "earlier",
        "later",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "repeatedly",
        "again",
        "also",
        "recently",
        "previously",
        "privately",
        "publicly",
        "once",
        "twice",
        "flatly",
        "bluntly",
        "simply",
        "then",
        "separately",
        "via",
        "through",
        "over",
        "while",
        "when",
        "as",
        "to",
        "from",
        "with",
    ]
)
_TELL_VERBS = frozenset(
    lx._regular_forms("tell")
    + lx._regular_forms("inform")
    + lx._regular_forms("assure")
    + lx._regular_forms("warn")
    + lx._regular_forms("urge")
    + lx._regular_forms("advise")
    + lx._regular_forms("remind")
    + lx._regular_forms("ask")
    + lx._regular_forms("accuse")
    + lx._regular_forms("promise")
    + lx._regular_forms("call")
    + lx._regular_forms("caution")
)
# A complement starting with one of these is a noun-phrase object, not reported content.
_NON_CLAUSE_START = frozenset(
    {
        "about",
        "of",
        "for",
        "with",
        "by",
        "from",
        "into",
        "onto",
        "upon",
        "against",
        "over",
        "under",
        "at",
        "to",
        "him",
        "them",
        "me",
        "us",
        "and",
        "or",
        "but",
        "which",
        "who",
        "whom",
    }
)
# After "A, he said," these start a new clause, so the attribution is not parenthetical.
_NOT_PARENTHETICAL = re.compile(
    r",\s*(?:[a-z]+ing|according|but|and|while|although|though|as|because|when|after|before|"
    r"who|which|where|in|on|at|during|with|to|for)\b"
)
_CLAUSE_LINKS = frozenset(
    [
        "as",
        "while",
        "when",
        "but",
        "and",
        "because",
        "after",
        "before",
        "although",
        "though",
        "since",
        "until",
        "whereas",
        "if",
        "which",
        "who",
        "where",
    ]
)
_WH_WORDS = frozenset(["what", "whatever", "how", "why", "when", "where", "whether", "whoever"])
_INTENT_TO_RE = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?to\s+[a-z]")
_RELATIVE_REST_RE = re.compile(r",\s+(?:who|whose|which)\b")
_RESUME_RE = re.compile(r",\s*[“\"]")
_THAT_NOT_CLAUSE = frozenset(
    ("night", "day", "week", "month", "year", "morning", "evening", "afternoon", "time", "")
)
_TELL_COMPLEMENT_RE = re.compile(
    r"(?:[^\s,.;]+\s+){1,4}?(?:that|to|whether|if|how|what|why|when|where|who)\s"
)
_CLAUSE_WORD_RE = re.compile(r"\b(?:as|while|when|who|which|because|after|before|but|and)\b")
# `“...”` followed by `- Name.` on the same or the next line (pull quotes, fact checks).
_DASH_CREDIT_RE = re.compile(
    r"[ \t]*\n?[ \t\n]{0,4}(?P<dash>[-—–―]{1,2})[ \t]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})\.?[ \t]*(?:\n|$)"
)
_ANY_VERB_RE = re.compile(
    r"[ \t\xa0]+(?P<subj>he|she|they|I|we|[A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,3})"
    r"[ \t\xa0]+(?P<verb>[a-z]{3,}(?:ed|s))\b(?=[ \t\xa0]*[.,;]|[ \t\xa0]+(?:and|as|with|before|"
    r"after|in|at|on|to)\b)"
)
# `“This is fantastic!” beamed Donald Hartley of Madison.`: verb first, then the name.
_ANY_VERB_FIRST_RE = re.compile(
    r"[ \t\xa0]+(?P<verb>[a-z]{3,}ed)[ \t\xa0]+"
    r"(?P<subj>[A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,3})(?=[ \t\xa0]*[.,;]|[ \t\xa0]+of\b)"
)
# Cheap views of the words before a cue, without building Token objects.
_RAW_TOKEN_RE = _TOKEN_RE  # the tokenizer's pattern, without its dot rule
# Every word `negated` looks for holds one of these (case-insensitively): NEGATIONS and
# "-n't" words hold n' n’ no or ne, then "to" and "refused"; a window without any is not
# negated, and the findall below is skipped for most cues.
_NEGATION_HINT_RE = re.compile(r"(?i)n['’oe]|to|refused")
# The run of word characters (and ’'&.-) that ends a reversed window, see `_last_word`.
_WORD_RUN_RE = re.compile(r"[\w’'&.-]*")
_OBJECT_WORDS = frozenset(("him", "her", "them", "us", "me", "you", "reporters", "it"))
_PARTICIPLE_CUE = re.compile(r"ing$")
_WINDOW = 1500  # characters considered on each side of a cue
_QUOTE_CHARS = "\"“”„‟«»'"
_CLOSING_QUOTE_ENDINGS = (
    ",“",
    "?“",
    "!“",
    ".“",
    ",”",
    ',"',
    ",''",
    "”",
    '"',
    "''",
    "?”",
    "!”",
    "»",
)


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    mention: Mention | None
    sentence: tuple[int, int]
    speaker_of: _Draft | None = None  # continuation: same speaker as this draft
    ent: Entity | None = None


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace and trailing punctuation that sits outside any quote."""
    while s < e and text[s] in " \t\r\n\xa0,;:—–-":
        s += 1
    while e > s and text[e - 1] in _TRAILING_PUNCT:
        e -= 1
    return s, e


def _is_np_word(t: object) -> bool:
    return t.cap or (t.text[:1].isalpha() and t.low not in lx.NP_STOP and t.low != "about")


def _words(text: str, s: int, e: int, enough: int) -> int:
    """Word and quote-mark tokens in text[s:e], counted over at most 100 characters and up
    to `enough`: callers only ask "at least two or three?", so the count stops there."""
    n = 0
    for _ in _COUNT_RE.finditer(text, s, min(e, s + 100)):
        n += 1
        if n == enough:
            break
    return n


def _claim_nouns(text: str) -> list[tuple[int, int, int]]:
    r"""(noun start, noun end, match end) of every `\b(?P<noun>NOUNS)\s+that\b` in text order.

    Every such match ends in "that" after whitespace, and the noun is the whole word before
    that whitespace, so looking back from each "that" finds the same matches; they can never
    overlap. The whitespace walks are disjoint, so the cost stays linear.
    """
    out = []
    for m in _THAT_WORD_RE.finditer(text):
        t = m.start()
        k = t
        while k > 0 and text[k - 1].isspace():  # str.isspace is what `\s` matches
            k -= 1
        if k == t:
            continue
        noun = _CLAIM_NOUN_END_RE.search(text, max(0, k - _CLAIM_NOUN_MAX), k)
        if noun is not None:
            out.append((noun.start(), k, m.end()))
    return out


def _last_word(text: str, start: int, end: int) -> str | None:
    r"""The word that ends text[start:end] (trailing whitespace apart), from its first letter
    or digit on: what `re.search(r"([^\W_][\w’'&.-]*)\s*$", text[start:end])` captures.

    That search tries every start position; instead, strip the whitespace, take the run of
    word characters at the end (matched on the reversed window) and skip to its first
    alphanumeric character (`[^\W_]` is exactly `str.isalnum`; `\s`, `str.isspace`).
    """
    seg = text[start:end].rstrip()
    run = _WORD_RUN_RE.match(seg[::-1]).end()
    for i in range(len(seg) - run, len(seg)):
        if seg[i].isalnum():
            return seg[i:]
    return None


class _Extractor:
    def __init__(self, text: str):
        self.text = text
        self.quotes = find_quotes(text)
        self.qindex = QuoteIndex(self.quotes)
        self.breaks = sentence_breaks(text, self.qindex)
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.drafts: list[_Draft] = []
        self.taken: list[tuple[int, int]] = []  # content spans already claimed, sorted by start

    # -- helpers -----------------------------------------------------------------------

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos`, clipped to a fixed window so that the work per cue stays
        bounded even in a megabyte-long "sentence" (hostile input stays linear)."""
        s0, s1 = sentence_bounds(self.text, self.breaks, pos)
        return max(s0, pos - _WINDOW), min(s1, pos + _WINDOW)

    def in_quote(self, pos: int) -> bool:
        return self.qindex.containing(pos) is not None

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.para_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.paras[i]

    def is_taken(self, pos: int) -> bool:
        i = bisect.bisect_right(self.taken, (pos, 1 << 62)) - 1
        return i >= 0 and self.taken[i][0] <= pos < self.taken[i][1]

    def overlaps_taken(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.taken, (s, -1))
        if i > 0 and self.taken[i - 1][1] > s:
            return True
        return i < len(self.taken) and self.taken[i][0] < e

    def add(self, d: _Draft) -> None:
        if d.end <= d.start or self.overlaps_taken(d.start, d.end):
            return
        self.drafts.append(d)
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
        if _NEGATION_HINT_RE.search(self.text, start, cue_start) is None:
            return False  # fast path: no word below could be there (most cues)
        lows = [w.lower() for w in _RAW_TOKEN_RE.findall(self.text, start, cue_start)[-3:]]
        if any(w in lx.NEGATIONS or w.endswith(("n't", "n’t")) for w in lows):
            return True
        if lows and lows[-1] == "to":
            return True
        return len(lows) >= 2 and lows[-2] in ("declined", "refused", "wouldn't")

    # -- content finders ---------------------------------------------------------------

    def content_after(self, cue_start: int, cue_end: int, s1: int, cue: str) -> tuple[int, int]:
        """The complement of a forward cue: "said (on Tuesday) (that) CONTENT"."""
        text = self.text
        pos = cue_end
        while pos < s1 and text[pos] in " \t\xa0":
            pos += 1
        if pos >= s1:
            return (s1, s1)
        # "said: ..." or "said, “...”"
        if text[pos] in ":,":
            nxt = pos + 1
            while nxt < s1 and text[nxt] in " \t\xa0":
                nxt += 1
            if text[pos] == ":" or (nxt < s1 and text[nxt] in _QUOTE_CHARS):
                return self.cut_content(nxt, s1)
            if text[pos] == ",":
                # "said, however, that ..."
                m = _THAT_RE.search(text, pos, min(s1, pos + 40))
                if m is not None and not self.in_quote(m.start()):
                    return self.cut_content(m.end(), s1)
                return (s1, s1)
        if text[pos] in _QUOTE_CHARS:
            return self.cut_content(pos, s1)
        window_end = min(s1, pos + 160)
        m = _THAT_RE.search(text, pos, window_end)
        if m is not None and not self.in_quote(m.start()):
            gap = tokenize(text, pos, m.start())
            if not gap:
                return self.cut_content(m.end(), s1)
            first = gap[0].low
            is_tell = cue.lower() in _TELL_VERBS
            if (
                (
                    first in _ADJUNCT_START
                    or text[pos] == ","
                    or is_tell
                    or (len(gap) <= 3 and all(t.cap or t.low in lx.DETERMINERS for t in gap))
                )
                and len(gap) <= 14
                and (first in _ADJUNCT_START or not any(t.text in _QUOTE_CHARS for t in gap))
            ):
                return self.cut_content(m.end(), s1)
        low = cue.lower()
        toks = tokenize(text, pos, min(s1, pos + 120))
        if not toks:
            return (s1, s1)
        i = 0
        if (
            low.startswith("call")
            and low in _TELL_VERBS
            and self.qindex.starting_in(pos, min(s1, pos + 90)) is not None
        ):
            # "called the suspension “arbitrary”", "calling him “a stiff”": the object is part
            # of the content.
            return self.cut_content(toks[0].start, s1)
        elif low in _TELL_VERBS:
            # Skip the addressee: "told reporters", "told The Washington Post", "urged him".
            if toks[0].low in _OBJECT_WORDS:
                i = 1
            elif toks[0].cap or toks[0].low in lx.DETERMINERS:
                i = 1
                while i < len(toks) and (toks[i].cap or toks[i].low in ("of", "the")) and i < 6:
                    i += 1
                if i < len(toks) and not toks[i].cap and toks[0].low in lx.DETERMINERS:
                    i += 1
            if i < len(toks) and toks[i].text == ",":
                i += 1
            if low.startswith("call") and i == 0 and toks[0].low in ("for", "on"):
                i = 1
        elif toks[0].low in _ADJUNCT_START and toks[0].low not in ("to", "as", "while", "when"):
            # "said in a statement, ..." / "said on Tuesday the ..."
            k = next((n for n, t in enumerate(toks) if t.text == ","), -1)
            if 0 < k < 10:
                i = k + 1
                if i < len(toks) and toks[i].low in _CLAUSE_LINKS:
                    return (s1, s1)
            elif toks[0].low in (
                "on",
                "in",
                "at",
                "during",
                "last",
                "this",
                "yesterday",
                "today",
                "earlier",
                "later",
            ) or toks[0].low.endswith("day"):
                # Time adjunct without a comma: skip up to three words.
                i = 1
                while (
                    i < len(toks)
                    and i < 3
                    and (
                        toks[i].cap
                        or toks[i].low in lx.DETERMINERS
                        or toks[i].low
                        in ("week", "month", "year", "night", "morning", "evening", "afternoon")
                    )
                ):
                    i += 1
            else:
                return (s1, s1)
        if low in _TELL_VERBS and i < len(toks) and toks[i].low in ("who", "which", "in", "at"):
            # "told the mayors who gathered in X, “...”": the quote after the comma.
            m = _RESUME_RE.search(text, toks[i].start, min(s1, toks[i].start + 120))
            if m is not None and not self.in_quote(m.start()):
                return self.cut_content(m.end() - 1, s1)
        if i >= len(toks) or (
            toks[i].low in _NON_CLAUSE_START
            and not (toks[i].low == "to" and (low in _TELL_VERBS or low in lx.INTENT_FORMS))
        ):
            return (s1, s1)
        return self.cut_content(toks[i].start, s1)

    def cut_content(self, s: int, e: int) -> tuple[int, int]:
        """Content from s to the sentence end e, stopping at a clause that leaves the report."""
        text = self.text
        for m in _CONTENT_CUT_RE.finditer(text, s, e):
            q = m.group("q") or ""
            if self.in_quote(m.start() + len(q) + 1):
                continue
            if m.start() - s < 12:
                continue
            e = m.start() + 1 + len(q) if q else m.start()
            break
        s, e = _strip_span(text, s, e)
        # A quote closed in the content keeps its closing mark; an unbalanced lone quote mark
        # stripped at the end would otherwise leave a dangling opener.
        if e < len(text) and text[e : e + 1] in "”\"'" and self.in_quote(e):
            e += 1
        return s, e

    # -- passes -----------------------------------------------------------------------

    def run(self) -> list[ExtractedClaim]:
        text = self.text
        # Reporting verbs first, so that "X believed A, Y said B" gives B to the stronger cue.
        later = []
        for m in _CUE_RE.finditer(text):
            low = m.group().lower()
            if m.group("verb") is not None and (low in lx.BELIEF_FORMS or low in lx.ATTITUDE_FORMS):
                later.append(m)
            else:
                self.handle_cue(m)
        for m in later:
            self.handle_cue(m)
        for ns, ne, end in _claim_nouns(text):
            self.handle_claim_noun(ns, ne, end)
        self.drafts.sort(key=lambda d: d.start)
        self.attach_quotes()
        self.drafts.sort(key=lambda d: d.start)
        return self.finish()

    def handle_cue(self, m: re.Match[str]) -> None:
        text = self.text
        cs, ce = m.span()
        if self.in_quote(cs) or self.is_taken(cs) or text[cs - 1 : cs] in ("<", "-", "/", "@"):
            return
        if not m.group("acc") and self.after_determiner(cs):
            return  # "the alleged ...", "his stated goal": an adjective, not a cue
        if m.group() == "called" and self.after_common_noun(cs):
            return  # "a short film called “X”": naming, not attribution
        s0, s1 = self.sentence(cs)
        if ce > s1:
            return
        c0 = self.clause_start(s0, cs)
        cue_word = m.group()
        low = cue_word.lower()
        belief = m.group("verb") is not None and (
            low in lx.BELIEF_FORMS or low in lx.ATTITUDE_FORMS
        )
        if m.group("acc"):
            self.handle_according(cs, ce, s0, s1)
            return
        if belief and not self.complement_ok(ce, s1, low):
            return  # cheap test first: belief and stance verbs never take inverted forms
        if self.negated(s0, cs):
            return
        if m.group("phrasal"):
            before = text[c0:cs].rstrip()
            if before.endswith(_CLOSING_QUOTE_ENDINGS):
                self.handle_inverted_cue_first(cs, ce, s0, s1, c0)
                return
            mention = subject_before(text, c0, cs)
            if mention is None:
                return
            pre = text[c0 : mention.phrase_start or mention.start].rstrip()
            if pre.endswith(_CLOSING_QUOTE_ENDINGS):
                content = self.quote_or_clause(c0, c0 + len(pre))
            elif not pre:
                q = self.quote_ending_before(s0)
                content = (
                    (q.start, q.end) if q is not None else self.content_after(cs, ce, s1, "say")
                )
            else:
                return
            if content[1] > content[0]:
                self.add(_Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1)))
            return
        if m.group("point"):
            content = self.content_after(cs, ce, s1, "point out")
            mention = subject_before(text, c0, cs)
            if mention is not None and content[1] - content[0] > 0:
                self.add(_Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1)))
            return
        # "..., said Mr. Smith." / "“...,” said the spokesman"
        before = text[c0:cs].rstrip()
        if not belief and before.endswith(_CLOSING_QUOTE_ENDINGS) and not low.endswith("ing"):
            self.handle_inverted_cue_first(cs, ce, s0, s1, c0)
            return
        if not belief and before.endswith(",") and low not in _TELL_VERBS:
            apposed = subject_before(text, c0, cs)
            if (
                apposed is not None
                and apposed.proper
                and self.phrase_opens_clause(c0, apposed.phrase_start or apposed.start)
            ):
                after_mention, stop = None, ce
            else:
                after_mention, stop = subject_after(text, ce, s1)
            rest = text[stop:s1].strip(" .,;:!?\"”'")
            if after_mention is not None and (not rest or _RELATIVE_REST_RE.match(text, stop)):
                self.handle_inverted_cue_first(cs, ce, s0, s1, c0)
                return
        if low.endswith("ing") and not belief and text[max(c0, cs - 3) : cs].rstrip().endswith(","):
            # ", calling him ...": a participle clause; its subject is the clause's subject.
            self.handle_participle(cs, ce, s0, s1, cue_word)
            return
        mention = subject_before(text, c0, cs)
        if mention is not None and mention.relative:
            # "Mr. X, who said ...": the mention stays "who"; the speaker is its antecedent.
            k = max(text.rfind(sep, s0, mention.start) for sep in (",", "—", " - ", "("))
            mention.antecedent = subject_before(text, s0, k) if k > s0 else None
        if mention is not None and not self.plausible_speaker(mention):
            mention = None
        if (
            mention is not None
            and low.endswith("ing")
            and not (mention.proper or mention.pronoun or mention.relative)
            and mention.kind not in ("person", "government", "group", "anonymous")
        ):
            # "issued a statement saying ...": the statement's author speaks.
            subject = clause_subject(text, s0, mention.start)
            if subject is not None and self.plausible_speaker(subject):
                self.add_participle_claim(cs, ce, s0, s1, cue_word, subject)
                return
        if mention is not None and not self.fits_cue(mention, low):
            mention = None
        if mention is None or not self.subject_adjacent(mention, cs):
            if (low.endswith("ing") or self.after_and(s0, cs)) and not belief:
                self.handle_participle(cs, ce, s0, s1, cue_word)
            return
        pre = text[c0 : mention.phrase_start or mention.start].rstrip()
        after = text[ce:s1]
        after_l = after.lstrip()
        if (
            not belief
            and len(pre) > 1
            and pre.endswith((",", "—", *_CLOSING_QUOTE_ENDINGS))
            and self.content_is_before(pre, ce, s1, after_l, cue_word, c0)
        ):
            # Content before the subject: "“A,” he said." / "A, he said, B."
            cut = len(pre)
            content_end = c0 + cut
            content_start = c0
            if pre.endswith(","):
                content_end -= 1
            prev = self.last_draft_in(s0, s1, content_start, content_end)
            if prev is not None:
                content_start = prev
            pre_is_quote = pre.endswith(_CLOSING_QUOTE_ENDINGS)
            rest_l = after_l[1:].lstrip()
            if (
                after_l.startswith(",")
                and _words(text, ce, s1, 3) >= 3
                and not _NOT_PARENTHETICAL.match(after_l)
                and (not pre_is_quote or rest_l[:1] in _QUOTE_CHARS or rest_l.startswith("that "))
            ):
                # Parenthetical attribution: "A, he said, B." covers the whole sentence.
                rest_start = ce + (len(after) - len(after_l)) + 1
                s, e = self.cut_content(rest_start, s1)
                first_s, _ = _strip_span(text, content_start, content_end)
                content = (first_s, e) if e > s else _strip_span(text, content_start, content_end)
            else:
                content = self.quote_or_clause(content_start, content_end)
                second = self.resumed_quote(ce, s1) if pre_is_quote else None
                if second is not None:
                    content = (content[0], second.end)
            if content[1] - content[0] < 3 or _words(text, *content, 2) < 2:
                return
            self.add(_Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1)))
            return
        if not pre and (not after_l or after_l[0] in ".!?" or self.only_adjunct_after(ce, s1, low)):
            # "“A.” Trump said." : the quote ended the previous sentence.
            q = self.quote_ending_before(s0)
            if q is not None:
                self.add(_Draft(q.start, q.end, "direct", (cs, ce), mention, (s0, s1)))
                return
        if not self.complement_ok(ce, s1, low):
            return
        content = self.content_after(cs, ce, s1, cue_word)
        if content[1] <= content[0] or (
            _words(text, *content, 2) < 2 and not self.in_quote(content[0] + 1)
        ):
            return
        self.add(_Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1)))

    def phrase_opens_clause(self, c0: int, pos: int) -> bool:
        """True when only a closing quote, a comma-ended intro, or nothing precedes `pos`."""
        before = self.text[c0:pos].rstrip()
        return not before or before.endswith((",", *_CLOSING_QUOTE_ENDINGS))

    def after_determiner(self, cs: int) -> bool:
        last = _last_word(self.text, max(0, cs - 30), cs)
        if last is None:
            return False
        if last.lower() in ("the", "a", "an", "his", "her", "its", "their", "this", "our", "my"):
            return True
        if last.endswith(("’s", "'s")):
            word = self.text[cs : cs + 12].split(" ", 1)[0].strip(",.:;").lower()
            return not last[:1].isupper() or word in lx.NOUNISH
        return False

    def after_common_noun(self, cs: int) -> bool:
        toks = tokenize(self.text, max(0, cs - 30), cs)
        if not toks:
            return False
        w = toks[-1]
        return (
            w.text[:1].islower()
            and w.text.isalpha()
            and not w.low.endswith("s")
            and w.low not in lx.ANONYMOUS_HEADS
            and w.low not in lx.TITLE_WORDS
            and w.low not in lx.PRONOUNS
            and w.low not in lx.AUX_ADVERBS
            and w.low not in lx.NP_STOP
            and not w.low.endswith("ly")
        )

    def after_and(self, s0: int, cs: int) -> bool:
        return (
            self.text[max(s0, cs - 8) : cs]
            .rstrip()
            .endswith((" and", " but", ", but", " by", " before", " after", " while", " also"))
        )

    @staticmethod
    def plausible_speaker(mention: Mention) -> bool:
        """Reject phrases that cannot name a speaker: a lone lower-case adjective
        ("handwritten note"), a free relative ("What Romney has said")."""
        words = mention.text.split()
        if not words or words[0].lower() in _WH_WORDS:
            return False
        if mention.pronoun or mention.relative or mention.kind == "anonymous":
            return True
        if len(words) == 1 and not words[0][:1].isupper() and not words[0][:1].isdigit():
            return words[0].lower().endswith("s") or words[0].lower() in lx.ANONYMOUS_HEADS
        return True

    @staticmethod
    def fits_cue(mention: Mention, low: str) -> bool:
        """Cue words that double as nouns ("one big question", "the city shows") need a
        subject that can hold a view: a name, a pronoun, or a person, group or institution."""
        if mention.proper or mention.pronoun or mention.relative:
            return True
        last = mention.text.split()[-1].lower().strip("’'") if mention.text else ""
        known = (
            last.endswith("s")
            or last in lx.ANONYMOUS_HEADS
            or last in lx.TITLE_WORDS
            or last in lx.GOVERNMENT_WORDS
            or last in lx.ORG_WORDS
            or last in lx.MEDIA_WORDS
            or (
                mention.text[:1].isupper() and mention.text.split()[0].lower() not in lx.DETERMINERS
            )
        )
        if low in lx.NOUNISH or (low in lx.ATTITUDE_FORMS and low not in lx.SPEECH_FORMS):
            return known and not (low in lx.ATTITUDE_FORMS and mention.kind not in SPEAKER_KINDS)
        return True

    def subject_adjacent(self, mention: Mention, cs: int) -> bool:
        """The subject must end next to its cue, apart from auxiliaries, adverbs, an
        appositive or a relative clause ("the head of X that has ... said")."""
        start = max(mention.end, mention.phrase_end)
        if start >= cs or self.text[start:cs].isspace():
            return True  # the usual case, "Smith said": no tokens in between
        toks = tokenize(self.text, start, cs)
        toks = [t for t in toks if not (t.low in lx.AUX_ADVERBS or t.low.endswith("ly"))]
        if not toks:
            return True
        first = toks[0]
        return first.text in (",", "(", "—", "–") or first.low in ("that", "who", "which", "whose")

    def quote_or_clause(self, start: int, end: int) -> tuple[int, int]:
        """Content that precedes an attribution: the quote right before it when the quote
        opens the clause or follows an intro phrase ("Whatever X, “...,” says Y"); otherwise the
        clause from `start` (a mixed or indirect claim)."""
        text = self.text
        s, e = _strip_span(text, start, end)
        if e < len(text) and text[e : e + 1] in "”\"'" and self.in_quote(e):
            e += 1
        elif e + 1 < len(text) and text[e : e + 2] == "''":
            e += 2
        q = self.qindex.containing(e - 1)
        if q is not None and q.end == e and q.start >= s:
            lead = text[s : q.start].rstrip()
            if not lead or lead.endswith((",", ":", "—")):
                return (q.start, q.end)
        return (s, e)

    def quote_ending_before(self, pos: int) -> object:
        """The closed quote that ends right before `pos` (whitespace apart), if any."""
        text = self.text
        k = pos
        while k > 0 and text[k - 1] in " \t\xa0":
            k -= 1
        if k == 0 or text[k - 1] not in "”\"'":
            return None
        q = self.qindex.containing(k - 1)
        if q is None or q.end != k or self.overlaps_taken(q.start, q.end):
            return None
        return q

    def resumed_quote(self, ce: int, s1: int) -> object:
        """`“A,” X told The Times in 2012, “B.”`: the quote that resumes after a short
        adjunct and a comma, in the same sentence."""
        m = _RESUME_RE.search(self.text, ce, min(s1, ce + 100))
        if m is None or self.in_quote(m.start()):
            return None
        q = self.qindex.containing(m.end())
        if q is None or q.start != m.end() - 1 or self.overlaps_taken(q.start, q.end):
            return None
        if any(ch in _QUOTE_CHARS for ch in self.text[ce : m.start()]):
            return None
        if _THAT_RE.search(self.text, ce, m.start()) or _CLAUSE_WORD_RE.search(
            self.text, ce, m.start()
        ):
            return None
        return q

    def quote_is_title(self, c0: int, pre_end: int, ce: int, s1: int) -> bool:
        """`Sunday on Fox's “Sunday Morning Futures,” Rep. Issa said Clinton's ...`: the quote
        is a title inside an intro phrase, and the cue has a long complement of its own."""
        q = self.qindex.containing(pre_end - 1)
        if q is None:
            return False
        lead = self.text[c0 : q.start].rstrip()
        if (
            not lead
            or lead.endswith((",", ":", "—", "-"))
            or _words(self.text, q.start, q.end, 7) > 6
        ):
            return False
        toks = tokenize(self.text, ce, min(s1, ce + 120))
        k = next((n for n, t in enumerate(toks) if t.text in (",", ";")), len(toks))
        return k >= 6 and bool(toks) and toks[0].low not in _ADJUNCT_START

    def has_own_complement(self, ce: int, s1: int, cue: str) -> bool:
        """Does the cue govern a complement after it ("said [that] the plan ...")?"""
        text = self.text
        after = text[ce:s1].lstrip()
        if not after or after[0] in ",.;!?:" or after[0] in _QUOTE_CHARS:
            return False
        toks = tokenize(text, ce, min(s1, ce + 160))
        k = next((n for n, t in enumerate(toks) if t.text in (",", ";", "—", "“", '"')), len(toks))
        if toks and toks[0].low in (
            "he",
            "she",
            "they",
            "we",
            "i",
            "if",
            "whether",
            "his",
            "her",
            "their",
            "its",
            "our",
        ):
            return True  # "said he had not ...", "said if ...": a clause of its own
        if not toks or (toks[0].low != "that" and toks[0].low not in _ADJUNCT_START):
            return False
        for n, t in enumerate(toks[: min(k, 8)]):
            if t.low == "that":
                nxt = toks[n + 1].low if n + 1 < len(toks) else ""
                prv = toks[n - 1].low if n else ""
                # "that night", "if that remains" are not complementisers
                return nxt not in _THAT_NOT_CLAUSE and prv not in ("if", "whether", "when")
        return False

    def only_adjunct_after(self, ce: int, s1: int, cue: str = "") -> bool:
        """After the cue comes at most a short adjunct ("said on Tuesday.", "said in a
        statement.") and no complement of its own."""
        toks = tokenize(self.text, ce, min(s1, ce + 100))
        if (
            toks
            and cue in _TELL_VERBS
            and (toks[0].cap or toks[0].low in _OBJECT_WORDS or (toks[0].low in lx.DETERMINERS))
        ):
            # "told Britain's ITV", "asked the real estate mogul": skip the addressee.
            k = 1
            while k < len(toks) and k < 6 and _is_np_word(toks[k]):
                k += 1
            toks = toks[k:]
        if not toks or toks[0].text in (".", ",", ";"):
            return True
        first = toks[0].low
        if first == "to":
            # "said to reporters" is an adjunct; "said to be" is not a report at all.
            if len(toks) < 2 or not (toks[1].cap or toks[1].low in lx.DETERMINERS):
                return False
        elif first not in _ADJUNCT_START or first in ("as", "that"):
            return False
        k = next((n for n, t in enumerate(toks) if t.text in (",", ";", "—")), len(toks))
        return k <= 20 and not any(t.low == "that" for t in toks[:k])

    def content_is_before(
        self, pre: str, ce: int, s1: int, after_l: str, cue: str = "", c0: int | None = None
    ) -> bool:
        """After "PRE, he said": is PRE the content, or an intro phrase ("A day earlier,")?"""
        if pre.endswith(_CLOSING_QUOTE_ENDINGS):
            if c0 is not None and self.quote_is_title(c0, c0 + len(pre), ce, s1):
                return False
            # Unless the cue has a complement of its own: `On “Meet the Press,” X said Y.`
            return not self.has_own_complement(ce, s1, cue)
        if cue.lower() in _TELL_VERBS and after_l:
            # "..., another friend told CNN." : skip the addressee before deciding.
            toks = tokenize(self.text, ce, min(s1, ce + 80))
            k = 0
            if toks and (toks[0].low in _OBJECT_WORDS or toks[0].cap):
                k = 1
                while k < len(toks) and k < 5 and toks[k].cap:
                    k += 1
            if k and (k == len(toks) or toks[k].text in (".", ",", ";")):
                return True
        if not after_l or after_l[0] in ".;!?":
            return True
        if after_l[0] == ",":
            rest = after_l[1:].lstrip()
            return not rest or rest[0] not in _QUOTE_CHARS
        toks = tokenize(self.text, ce, min(s1, ce + 160))
        if not toks:
            return True
        if toks[0].low in _ADJUNCT_START and toks[0].low not in ("to", "as"):
            if self.resumed_quote(ce, s1) is not None:
                return False  # "said Wednesday, “...”": the quote after the adjunct
            m = _THAT_RE.search(self.text, ce, min(s1, ce + 160))
            return m is None or self.in_quote(m.start())
        return False

    def strong_complement(self, ce: int, s1: int, low: str) -> bool:
        """Weak cues ("called", "noted") count only before that/colon/quote/comma-quote."""
        text = self.text
        window = text[ce : min(s1, ce + 60)].lstrip()
        if not window:
            return False
        if window[0] in ":" or window[0] in _QUOTE_CHARS:
            return True
        if window.startswith("that "):
            return True
        q = self.qindex.starting_in(ce, min(s1, ce + 90))
        if q is not None and not self.has_claim_word_gap(ce, q.start):
            # "called Cruz the “ultimate hypocrite”", "described the move as a “breach”"
            return True
        if low in _TELL_VERBS and low.startswith("call"):
            return bool(re.match(r"(?:for|on)\s", window))
        if low in _TELL_VERBS:
            return bool(_TELL_COMPLEMENT_RE.match(window))
        if window.startswith(", ") and window[2:3] in _QUOTE_CHARS:
            return True
        first = window.split(None, 1)[0].lower().strip(",")
        if first not in _ADJUNCT_START:
            return False
        m = _THAT_RE.search(window, 0, 60)
        return m is not None and not any(c in window[: m.start()] for c in _QUOTE_CHARS)

    def complement_ok(self, ce: int, s1: int, low: str) -> bool:
        """Does what follows the cue look like something attributed, for this kind of cue?"""
        text = self.text
        if low in lx.INTENT_FORMS and _INTENT_TO_RE.match(text, ce, min(s1, ce + 60)):
            return True
        if low in lx.OBJECT_FORMS:
            if low in lx.AS_FORMS and " as " not in text[ce : min(s1, ce + 80)]:
                return low in lx.WEAK_CUES and self.strong_complement(ce, s1, low)
            return True
        if low in lx.INTENT_FORMS and low not in lx.SPEECH_FORMS:
            return text[ce : ce + 6].lstrip().startswith("that ")
        if low in lx.WEAK_CUES or low in lx.INTENT_FORMS:
            return self.strong_complement(ce, s1, low)
        if low in lx.BELIEF_FORMS:
            return self.clause_follows(ce, s1)
        return True

    def has_claim_word_gap(self, s: int, e: int) -> bool:
        """True when a sentence-level break sits between s and e."""
        return bisect.bisect_right(self.breaks, e) != bisect.bisect_right(self.breaks, s)

    def clause_follows(self, ce: int, s1: int) -> bool:
        """Belief verbs need a clause ("thinks (that) X is"), not an object ("knows him")."""
        text = self.text
        toks = tokenize(text, ce, min(s1, ce + 80))
        if len(toks) < 3:
            return False
        if toks[0].low == "that":
            return True
        if toks[0].low in ("to", "it", "so"):
            return toks[0].low == "to"
        return (
            toks[0].low in lx.PRONOUNS
            or toks[0].low in ("the", "this", "there", "a", "an", "his", "her", "their", "its")
            or (toks[0].cap and toks[0].low not in ("i",))
        )

    def last_draft_in(self, s0: int, s1: int, cs: int, ce: int) -> int | None:
        """If a claim already ends inside [cs, ce), content must start after it."""
        best = None
        for d in self.drafts[-4:]:
            if s0 <= d.end <= ce and d.end > cs:
                best = max(best or 0, d.end)
        return best

    def handle_inverted_cue_first(self, cs: int, ce: int, s0: int, s1: int, c0: int) -> None:
        text = self.text
        mention, stop = subject_after(text, ce, s1)
        if mention is None:
            return
        pre = text[c0:cs].rstrip()
        content_end = c0 + len(pre)
        if pre.endswith(","):
            content_end -= 1
        content_start = c0
        prev = self.last_draft_in(s0, s1, content_start, content_end)
        if prev is not None:
            content_start = prev
        content = self.quote_or_clause(content_start, content_end)
        rest = text[stop:s1].lstrip()
        if rest.startswith(",") and _words(text, stop, s1, 3) >= 3:
            tail_start = stop + (len(text[stop:s1]) - len(rest)) + 1
            s, e = self.cut_content(tail_start, s1)
            if e > s and self.in_quote(s + 1):
                content = (content[0], e)
        elif self.qindex.containing(content[1] - 1) is not None:
            second = self.resumed_quote(stop, s1)
            if second is not None:
                content = (content[0], second.end)  # `“A,” said X of Y in Z, “B.”`
        if content[1] - content[0] < 3 or _words(text, *content, 2) < 2:
            return
        self.add(_Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1)))

    def handle_according(self, cs: int, ce: int, s0: int, s1: int) -> None:
        text = self.text
        mention, _ = subject_after(text, ce, s1)
        if mention is None:
            return
        before = _strip_span(text, s0, cs)
        if before[1] - before[0] > 3 and _words(text, *before, 3) >= 3:
            content = before
            if self.last_draft_in(s0, s1, *content) is not None:
                return  # "“A,” X said, according to Y.": the sentence is already attributed
        else:
            comma = text.find(",", mention.end, min(s1, ce + 200))
            while comma >= 0 and self.in_quote(comma):
                comma = text.find(",", comma + 1, min(s1, ce + 200))
            if comma < 0:
                return
            # "According to John Smith, a spokesman, the plan ...": skip the appositive.
            nxt = text.find(",", comma + 1, min(s1, comma + 80))
            seg = tokenize(text, comma + 1, nxt) if nxt > 0 else []
            if seg and seg[0].low in ("a", "an", "the") and len(seg) <= 8:
                comma = nxt
            content = self.cut_content(comma + 1, s1)
        if content[1] - content[0] < 3 or _words(text, *content, 2) < 2:
            return
        self.add(_Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1)))

    def handle_participle(self, cs: int, ce: int, s0: int, s1: int, cue_word: str) -> None:
        """ ", adding that ..." / "and arguing that ...": the speaker is the clause subject."""
        text = self.text
        pre = text[max(s0, cs - 6) : cs].rstrip()
        if not pre.endswith(
            (",", "and", "but", " by", "before", "after", "while", "also", *_CLOSING_QUOTE_ENDINGS)
        ):
            return
        if cue_word.lower() in lx.WEAK_CUES and not self.strong_complement(ce, s1, cue_word):
            return
        prior = None
        for d in reversed(self.drafts[-3:]):
            if d.sentence == (s0, s1) and d.mention is not None:
                prior = d
                break
        mention = prior.mention if prior is not None else None
        if mention is None:
            # "Hours later, Trump returned the compliment, telling Reuters ...": the subject is
            # the first noun phrase in the sentence that a verb follows.
            mention = clause_subject(text, s0, cs)
            if mention is None or not self.plausible_speaker(mention):
                return
        content = self.content_after(cs, ce, s1, cue_word)
        if content[1] - content[0] < 3 or _words(text, *content, 2) < 2:
            return
        self.add(
            _Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1), speaker_of=prior)
        )

    def add_participle_claim(
        self, cs: int, ce: int, s0: int, s1: int, cue_word: str, mention: Mention
    ) -> None:
        if cue_word.lower() in lx.WEAK_CUES and not self.strong_complement(ce, s1, cue_word):
            return
        content = self.content_after(cs, ce, s1, cue_word)
        if content[1] - content[0] < 3 or _words(self.text, *content, 2) < 2:
            return
        self.add(_Draft(*content, self.kind_of(*content), (cs, ce), mention, (s0, s1)))

    def handle_claim_noun(self, ns: int, ne: int, end: int) -> None:
        text = self.text
        if self.in_quote(ns) or self.is_taken(ns):
            return
        s0, s1 = self.sentence(ns)
        mention = possessor_before(text, s0, ns)
        if mention is None:
            return
        content = self.cut_content(end, s1)
        if _words(text, *content, 3) < 3:
            return
        self.add(_Draft(*content, self.kind_of(*content), (ns, ne), mention, (s0, s1)))

    def attach_quotes(self) -> None:
        """Quotes no cue claimed: split-quote halves, multi-paragraph and continuation quotes,
        and `Name: "..."` headline forms."""
        drafts = self.drafts
        starts = [d.start for d in drafts]
        new: list[_Draft] = []
        for q in self.quotes:
            if self.is_taken(q.start) or self.overlaps_taken(q.start, q.end):
                continue
            s0, s1 = self.sentence(q.start)
            p0, _ = self.paragraph_of(q.start)
            i = bisect.bisect_right(starts, q.start) - 1
            prev = drafts[i] if i >= 0 else None
            if new and (prev is None or new[-1].start > prev.start):
                prev = new[-1]
            # A quote after "Calif." opens a sentence even though the abbreviation hid the break.
            opens = q.start <= s0 or self.text[max(0, q.start - 3) : q.start].rstrip().endswith(
                (".", "!", "?")
            )
            quote_only = opens and (s1 - q.end <= 2 or not self.cue_in(q.end, s1))
            if (
                prev is not None
                and prev.kind == "indirect"
                and i >= 1
                and drafts[i - 1].kind in ("direct", "mixed")
                and drafts[i - 1].sentence == prev.sentence
                and quote_only
            ):
                # `“A,” said X, who said B. “C.”`: bridge over the claim nested in the
                # attribution of the split quote.
                prev = drafts[i - 1]
            if prev is not None and prev.kind in ("direct", "mixed") and quote_only:
                pp0, _ = self.paragraph_of(prev.start)
                n_breaks = bisect.bisect_right(self.breaks, q.start) - bisect.bisect_right(
                    self.breaks, prev.end
                )
                if pp0 == p0 and n_breaks <= 1:
                    # "A," she said. "B." -> one claim from the first opener to the last closer.
                    self.extend(prev, q.end)
                    continue
                prev_q = self.qindex.containing(prev.end - 1)
                if (
                    q.start == p0
                    and self.prev_paragraph_end(p0) <= prev.end + 2
                    and prev_q is not None
                    and not prev_q.closed
                ):
                    # Multi-paragraph quote: the previous paragraph left its quote open.
                    self.extend(prev, q.end)
                    continue
                if (
                    q.start == p0
                    and self.prev_paragraph_end(p0) <= prev.end + 40
                    and s1 - q.end <= 2
                    and _words(self.text, q.start, q.end, 5) >= 5
                ):
                    d = _Draft(q.start, q.end, "direct", None, None, (s0, s1), speaker_of=prev)
                    new.append(d)
                    bisect.insort(self.taken, (d.start, d.end))
                    continue
            d = self.colon_claim(q) or self.dash_credit_claim(q) or self.any_verb_claim(q)
            if d is not None:
                new.append(d)
                bisect.insort(self.taken, (d.start, d.end))
        drafts.extend(new)

    def any_verb_claim(self, q: object) -> _Draft | None:
        """`“Go back to Univision,” Trump barked.`: a quote closed with a comma (or ? !) and
        followed by a name or pronoun and a past-tense verb is attributed even when the verb
        is not in the lexicon."""
        text = self.text
        if not q.closed or text[q.end - 2 : q.end - 1] not in (",", "?", "!"):
            return None
        m = _ANY_VERB_RE.match(text, q.end) or _ANY_VERB_FIRST_RE.match(text, q.end)
        if m is None:
            return None
        toks = tokenize(text, m.start("subj"), m.end("subj"))
        from .speakers import mention_from_tokens

        mention = mention_from_tokens(text, toks, 0, len(toks)) if toks else None
        if mention is None or not (mention.proper or mention.pronoun):
            return None
        s0, s1 = self.sentence(q.start)
        return _Draft(q.start, q.end, "direct", m.span("verb"), mention, (s0, s1))

    def dash_credit_claim(self, q: object) -> _Draft | None:
        """A quote credited on its own line or after a dash: `“...”` then `- Bernie Sanders.`"""
        text = self.text
        m = _DASH_CREDIT_RE.match(text, q.end)
        if m is None:
            return None
        from .speakers import mention_from_tokens

        toks = tokenize(text, m.start("name"), m.end("name"))
        mention = mention_from_tokens(text, toks, 0, len(toks)) if toks else None
        if mention is None:
            return None
        s0, s1 = self.sentence(q.start)
        return _Draft(q.start, q.end, "direct", m.span("dash"), mention, (s0, s1))

    def colon_claim(self, q: object) -> _Draft | None:
        """A quote introduced by a colon: `Name: "..."`, `... pollster Daron Shaw: "..."`, or
        `He told the crowd:` ending the previous paragraph."""
        text = self.text
        k = q.start
        while k > 0 and text[k - 1] in " \t\r\n\xa0":
            k -= 1
        if k == 0 or text[k - 1] != ":":
            return None
        colon = k - 1
        cs0, _ = self.sentence(max(0, colon - 1))
        if colon - cs0 > 400:
            cs0 = colon - 400
        s0, s1 = self.sentence(q.start)
        for m in _CUE_RE.finditer(text, cs0, colon):
            if self.in_quote(m.start()) or m.group("acc"):
                continue
            mention = subject_before(text, self.clause_start(cs0, m.start()), m.start())
            if mention is not None and self.plausible_speaker(mention):
                return _Draft(q.start, q.end, "direct", m.span(), mention, (s0, s1))
        toks = tokenize(text, max(cs0, colon - 120), colon)
        if toks and not toks[-1].cap and colon - cs0 <= 120:
            # "In a Fox interview, Trump went even further: “...”": the clause subject.
            subject = clause_subject(text, cs0, colon)
            if subject is not None and (subject.proper or subject.pronoun):
                return _Draft(q.start, q.end, "direct", (colon, colon + 1), subject, (s0, s1))
        if not toks or not toks[-1].cap:
            return None
        from .speakers import _back_np_start, mention_from_tokens

        i = _back_np_start(toks, len(toks), 0)
        mention = mention_from_tokens(text, toks, i, len(toks))
        if mention is None or not (mention.proper or mention.kind in ("organization", "media")):
            return None
        return _Draft(q.start, q.end, "direct", (colon, colon + 1), mention, (s0, s1))

    def cue_in(self, s: int, e: int) -> bool:
        return _CUE_RE.search(self.text, s, e) is not None

    def has_quote_between(self, s: int, e: int) -> bool:
        return any(True for _ in self.qindex.between(s, e))

    def prev_paragraph_end(self, p0: int) -> int:
        i = bisect.bisect_left(self.para_starts, p0) - 1
        return self.paras[i][1] if i >= 0 else -1

    def extend(self, d: _Draft, end: int) -> None:
        i = bisect.bisect_left(self.taken, (d.start, d.end))
        if i < len(self.taken) and self.taken[i] == (d.start, d.end):
            self.taken.pop(i)
        d.end = end
        bisect.insort(self.taken, (d.start, d.end))

    # -- resolution and output -----------------------------------------------------------

    def finish(self) -> list[ExtractedClaim]:
        text = self.text
        reg = Registry(text, self.in_quote)
        reg.prescan()
        out = []
        for d in self.drafts:
            m = d.mention
            ent: Entity | None = None
            if d.speaker_of is not None and (m is None or d.speaker_of.mention is m):
                ent = d.speaker_of.ent
            elif m is not None:
                ent = reg.resolve(m, m.start)
            d.ent = ent
            if ent is not None:
                reg.note_speaker(d.start, ent)
            if m is not None and d.speaker_of is None:
                speaker_kind = (ent.kind if ent is not None else m.kind) or "person"
            elif ent is not None:
                speaker_kind = ent.kind
            else:
                speaker_kind = "anonymous"
            if speaker_kind not in SPEAKER_KINDS:
                speaker_kind = "person"
            p0, _ = self.paragraph_of(d.start)
            _, p1 = self.paragraph_of(max(d.start, d.end - 1))
            show_mention = m is not None and not (d.speaker_of is not None and d.cue is None)
            out.append(
                ExtractedClaim(
                    content=text[d.start : d.end],
                    start=d.start,
                    end=d.end,
                    kind=d.kind,
                    cue=text[d.cue[0] : d.cue[1]] if d.cue else None,
                    cue_start=d.cue[0] if d.cue else None,
                    cue_end=d.cue[1] if d.cue else None,
                    mention=text[m.start : m.end] if show_mention else None,
                    mention_start=m.start if show_mention else None,
                    mention_end=m.end if show_mention else None,
                    speaker=ent.name if ent is not None else None,
                    speaker_kind=speaker_kind,
                    role=(ent.role if ent is not None else "") or (m.role if m else ""),
                    affiliation=(ent.affiliation if ent is not None else "")
                    or (m.affiliation if m else ""),
                    context_start=min(p0, d.start),
                    context_end=max(p1, d.end),
                )
            )
        return out


def extract_claims(text: str) -> list[ExtractedClaim]:
    """All attributed claims in `text`, in text order.

    Deterministic and pure: no I/O, no state kept between calls. Never raises for any `str`
    (anything else is treated as empty). Runs in time linear in len(text).
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _Extractor(text).run()
    except Exception:
        return []
