"""Content finders: where the reported content of a cue begins and ends."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..mentions import _np_end, tokenize
from ..text import Quote
from .article import Article
from .patterns import (
    AND_SPEECH_RE,
    CLAUSE_WORD_RE,
    CONTENT_CUT_RE,
    CUE_RE,
    QUOTE_CHARS,
    RESUME_RE,
    THAT_RE,
    count_words,
    strip_span,
)

# Cues whose first object is the addressee even when it is quoted ("told “Meet the Press”").
_ADDRESSEE_FIRST = frozenset(
    f for lemma in ("tell", "inform", "assure", "remind", "advise") for f in lx.verb_forms(lemma)
)


# Verbs whose object pronoun opens their infinitive clause: "expects them to fall".
_OBJECT_THEN_TO = frozenset(
    f for lemma in ("want", "expect", "intend") for f in lx.verb_forms(lemma)
)


def content_after(art: Article, cue_start: int, cue_end: int, s1: int, cue: str) -> tuple[int, int]:
    """The complement of a forward cue: "said (on Tuesday) (that) CONTENT"."""
    text = art.text
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
        if text[pos] == ":" or (nxt < s1 and text[nxt] in QUOTE_CHARS):
            s, e = cut_content(art, nxt, s1)
            return s, quoted_object_end(art, s, e)
        if text[pos] == ",":
            # "said, however, that ..."
            m = THAT_RE.search(text, pos, min(s1, pos + 40))
            if m is not None and not art.in_quote(m.start()):
                return cut_content(art, m.end(), s1)
            return (s1, s1)
    if text[pos] in QUOTE_CHARS:
        s, e = cut_content(art, pos, s1)
        if cue.lower() in _ADDRESSEE_FIRST:
            q = art.qindex.containing(pos + 1)
            if q is not None and q.start == pos and q.closed and count_words(text, q.end, e, 2) > 1:
                # "told “Meet the Press” (that) ...": the quote names the addressee
                return content_after(art, cue_start, q.end, s1, "said")
            return s, e  # "telling “the story of ...”": the quote is what was told
        return s, quoted_object_end(art, s, e)
    window_end = min(s1, pos + 160)
    m = THAT_RE.search(text, pos, window_end)
    if m is not None and not art.in_quote(m.start()):
        gap = tokenize(text, pos, m.start())
        if not gap:
            return cut_content(art, m.end(), s1)
        first = gap[0].low
        is_tell = cue.lower() in lx.TELL_FORMS
        if (
            (
                first in lx.ADJUNCT_STARTS
                or text[pos] == ","
                or is_tell
                or (len(gap) <= 3 and all(t.cap or t.low in lx.DETERMINERS for t in gap))
            )
            and len(gap) <= 14
            and (first in lx.ADJUNCT_STARTS or not any(t.text in QUOTE_CHARS for t in gap))
        ):
            return cut_content(art, m.end(), s1)
    low = cue.lower()
    toks = tokenize(text, pos, min(s1, pos + 120))
    if not toks:
        return (s1, s1)
    i = 0
    if (
        low.startswith("call")
        and low in lx.TELL_FORMS
        and art.qindex.starting_in(pos, min(s1, pos + 90)) is not None
    ):
        # "called the suspension “arbitrary”", "calling him “a stiff”": the object is part
        # of the content.
        return cut_content(art, toks[0].start, s1)
    elif low in lx.TELL_FORMS:
        # Skip the addressee: "told reporters", "told The Washington Post", "urged him".
        if (
            toks[0].low in _POSSESSIVE_DETERMINERS
            and len(toks) > 2
            and toks[1].low.isalpha()
            and not toks[1].cap
            and toks[1].low not in lx.NON_CLAUSE_STARTS
            and toks[1].low not in lx.DETERMINERS
            and toks[1].low not in lx.PRONOUNS
        ):
            i = 2  # "urged his government to ...", not "told her that ..."
        elif toks[0].low in lx.OBJECT_WORDS:
            i = 1
        elif toks[0].cap or toks[0].low in lx.DETERMINERS:
            i = 1
            while i < len(toks) and (toks[i].cap or toks[i].low in ("of", "the")) and i < 6:
                i += 1
            if (
                i < len(toks)
                and not toks[i].cap
                and toks[0].low in lx.DETERMINERS
                and not (i > 1 and toks[i].low in lx.TIME_ADJUNCT_STARTS)
            ):
                i += 1  # "the mayor", "the Senate panel" (not "the Herald on Monday")
        if i < len(toks) and toks[i].low in lx.TIME_ADJUNCT_STARTS:
            # "told the Herald on Monday, “...”": a time adjunct (and its comma) after the
            # addressee
            k = i + 1
            while k < len(toks) and k < i + 4 and _time_word(toks, k):
                k += 1
            if (k < len(toks) and toks[k].text == ",") or k > i + 1:
                i = k  # "told the Star last week she would ...", or nothing after it
        if i < len(toks) and toks[i].text == ",":
            i += 1
        if low.startswith("call") and i == 0 and toks[0].low in ("for", "on"):
            i = 1
        if low.startswith("accus") and 0 < i < len(toks) and "of" in (toks[i - 1].low, toks[i].low):
            # "accused the mayor of misleading voters": the accused is part of the content.
            return cut_content(art, toks[0].start, s1)
    elif toks[0].low in lx.ADJUNCT_STARTS and toks[0].low not in ("to", "as", "while", "when"):
        # "said in a statement, ..." / "said on Tuesday the ..."
        k = next((n for n, t in enumerate(toks) if t.text == ","), -1)
        if 0 < k < 10:
            i = k + 1
            if i < len(toks) and toks[i].low in lx.CLAUSE_LINKS:
                return (s1, s1)
        elif toks[0].low in lx.TIME_ADJUNCT_STARTS or toks[0].low.endswith("day"):
            # Time adjunct without a comma ("said on Tuesday the ...", "said last week
            # that"): skip up to three words of dates and times, not the content's own
            # "the" or a name ("said on Tuesday Lund was ...").
            i = 1
            while i < len(toks) and i < 3 and _time_word(toks, i):
                i += 1
        else:
            return (s1, s1)
    if low in lx.TELL_FORMS and i < len(toks) and toks[i].low in ("who", "which", "in", "at"):
        # "told the mayors who gathered in X, “...”": the quote after the comma.
        m = RESUME_RE.search(text, toks[i].start, min(s1, toks[i].start + 120))
        if m is not None and not art.in_quote(m.start()):
            if _ends_with_cue(art, toks[i].start, m.start()):
                # "After the host asked who would win, Lund replied, “...”": the quote is
                # the answer, the second cue's.
                return (s1, s1)
            return cut_content(art, m.end() - 1, s1)
    if i >= len(toks) or (
        toks[i].low in lx.NON_CLAUSE_STARTS
        and not (toks[i].low == "to" and (low in lx.TELL_FORMS or low in lx.INTENT_FORMS))
        and not (low in _OBJECT_THEN_TO and i + 1 < len(toks) and toks[i + 1].low == "to")
    ):
        return (s1, s1)
    return cut_content(art, toks[i].start, s1)


def _ends_with_cue(art: Article, s: int, e: int) -> bool:
    """Does the text in [s, e) end with a reporting verb ("..., Lund replied")?"""
    found = list(CUE_RE.finditer(art.text, max(s, e - 30), e))
    return bool(found) and found[-1].lastgroup == "verb" and found[-1].end() == e


# What follows a quoted utterance and is no part of it: an adjunct (`chanted “No more!” at the
# mayor`, `said “We'll see,” when asked`) or a second verb (`wrote “Thanks!” and left`).
_UTTERANCE_TAIL_RE = re.compile(
    r",?[ \t\xa0]*(?:at|on|in|after|before|as|when|while|during|moments|hours|days|minutes|"
    r"until|amid|and|but|then|who|which|from|outside|inside|near|over|to)\b"
)
# After a quoted phrase that may be a noun phrase (`said “budget reforms” and taxes would
# pay`, `reported “40 incidents” in the city`) only a clause adjunct or a participle ends it.
_PHRASE_TAIL_RE = re.compile(
    r",?[ \t\xa0]*(?:after|before|as|when|while|moments|hours|days|minutes|until|amid|then|"
    r"and[ \t\xa0]+(?:then[ \t\xa0]+)?[a-z]+ing)\b"
)


def quoted_object_end(art: Article, s: int, e: int) -> int:
    """`The crowd chanted “Lock the gates!” as the council met`: content that opens with a
    quote right after its cue ends with that quote when an adjunct or a second clause
    follows it and no other quote does."""
    text = art.text
    q = art.qindex.containing(s + 1)
    if q is None or q.start != s or not q.closed or q.end >= e:
        return e
    if art.qindex.starting_in(q.end, e) is not None:
        return e
    utterance = text[q.end - 2 : q.end - 1] in (",", ".", "!", "?")
    tail = _UTTERANCE_TAIL_RE if utterance else _PHRASE_TAIL_RE
    if tail.match(text, q.end, e) is None:
        return e
    return q.end


# What ends the clause after a quoted label: an adjunct of time or place, a participle.
_LABEL_TAIL_RE = re.compile(
    r",?[ \t\xa0]*(?:on|in|at|during|after|before|while|when|amid|last|this|yesterday|today|"
    r"earlier|later|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:and[ \t\xa0]+)?[a-z]+ing)\b"
)


def label_end(art: Article, content: tuple[int, int], cue: str) -> tuple[int, int]:
    """`Lund called the plan “a disaster” on Monday`, `Berg described him as a “decent man”
    in a tweet`: the content of a naming or stance verb whose object carries a quoted label
    ends with the label when an adjunct of time or place or a participle follows it."""
    s, e = content
    if not (cue.startswith("call") or cue in lx.OBJECT_FORMS):
        return content
    q = art.qindex.starting_in(s, min(e, s + 90))
    if q is None or not q.closed or q.end >= e or art.qindex.starting_in(q.end, e) is not None:
        return content
    if _LABEL_TAIL_RE.match(art.text, q.end, e) is None:
        return content
    return s, q.end


_POSSESSIVE_DETERMINERS = frozenset(("his", "her", "their", "its", "our", "my", "your"))


def _time_word(toks: list, i: int) -> bool:
    """Is toks[i] part of a date or time ("Tuesday", "week", "5", "this morning")?"""
    low = toks[i].low
    if low in lx.TIME_NOUNS or low in lx.CALENDAR_WORDS or low.isdigit():
        return True
    return low in lx.DETERMINERS and i + 1 < len(toks) and toks[i + 1].low in lx.TIME_NOUNS


def cut_content(art: Article, s: int, e: int) -> tuple[int, int]:
    """Content from s to the sentence end e, stopping at a clause that leaves the report."""
    text = art.text
    aside_end = -1
    for m in CONTENT_CUT_RE.finditer(text, s, e):
        q = m.group("q") or ""
        if art.in_quote(m.start() + len(q) + 1):
            continue
        if m.start() < aside_end or (
            m.start() - s < 12
            and (m.start() - s < 4 or AND_SPEECH_RE.match(text, m.start()) is None)
        ):
            continue
        aside_end = _aside_end(text, m, e)
        if aside_end > 0:
            continue
        e = m.start() + 1 + len(q) if q else m.start()
        if q and _CREDIT_CUT_RE.search(m.group()):
            e = _before_credited_quote(art, s, e)
        break
    s, e = strip_span(text, s, e)
    # A quote closed in the content keeps its closing mark; an unbalanced lone quote mark
    # stripped at the end would otherwise leave a dangling opener.
    if e < len(text) and text[e : e + 1] in "”\"'" and art.in_quote(e):
        e += 1
    return s, e


_CREDIT_CUT_RE = re.compile(r"\b(?:said|says|added|told|wrote)\b")
_INTRO_END_RE = re.compile(r"(?::|\s[-—–]{1,2})\s*\Z")


def _before_credited_quote(art: Article, s: int, e: int) -> int:
    """`Lund declared the need for calm: “Stay home,” she said.`: a quote that the cut's own
    cue credits (`, she said`) is not part of the content before it when a colon or a dash
    introduces it; the content ends before the colon."""
    q = art.qindex.containing(e - 1)
    if q is None or q.end != e or q.start <= s:
        return e
    m = _INTRO_END_RE.search(art.text, s, q.start)
    return m.start() if m is not None else e


_DASHES = ("—", "–", "--")
_MAIN_VERB_AFTER_RE = re.compile(
    r",\s+(?:is|was|are|were|has|have|had|will|would|could|can|should|may|might|must|does|did)\b"
)


def _aside_end(text: str, m: re.Match[str], e: int) -> int:
    """Where the aside a cut opens ends, when the sentence closes it again (else -1): such a
    cut is no cut. `the plan — as well as the tax — is dead` (a second dash), `the
    announcement, which some called a trick, was an “insult”` (the relative clause ends at a
    comma before the main verb)."""
    cut = m.group().strip(" ,\t\n\xa0")
    if cut in _DASHES:
        end = min(e, m.end() + 200)
        ks = [k for k in (text.find(d, m.end(), end) for d in _DASHES) if k >= 0]
        if not ks:
            return -1
        k = min(ks)
        aside = text[m.end() : k]
        if _CREDIT_CUT_RE.search(aside) and any(ch in QUOTE_CHARS for ch in aside):
            return -1  # `A - “B,” she said - and C`: a quote with its own credit is a cut
        return k + 1
    if cut == "which":
        k = text.find(",", m.end(), min(e, m.end() + 150))
        if k >= 0 and _MAIN_VERB_AFTER_RE.match(text, k) is not None:
            return k + 1
    return -1


def quote_or_clause(art: Article, start: int, end: int) -> tuple[int, int]:
    """Content that precedes an attribution: the quote right before it when the quote
    opens the clause or follows an intro phrase ("Whatever X, “...,” says Y"); otherwise the
    clause from `start` (a mixed or indirect claim), as when the quote opens in lower case and
    so goes on with the lead's sentence ("The fair, held every summer, “brings us together”")."""
    text = art.text
    # Every caller's `end` is right after a comma, a dash, a closing mark or the last word
    # before the subject or cue, and strip_span keeps quote marks: a closing mark is already
    # inside text[s:e].
    s, e = strip_span(text, start, end)
    q = art.qindex.containing(e - 1)
    if q is not None and q.end == e and q.start >= s:
        lead = text[s : q.start].rstrip()
        if not lead or (lead.endswith((",", ":", "—", "(")) and not _goes_on_lead(text, q)):
            return (q.start, q.end)
    return (s, e)


def _goes_on_lead(text: str, q: Quote) -> bool:
    """`The party, held every four years, “allows us to meet,” said X`: a quote that opens
    in lower case goes on with the sentence the lead began, so the lead is part of it."""
    k = q.start + 1
    while k < q.end and not text[k].isalnum():
        k += 1
    return k < q.end and text[k].islower()


def quote_ending_before(art: Article, pos: int) -> Quote | None:
    """The closed quote that ends right before `pos` (whitespace apart), if any."""
    text = art.text
    k = pos
    while k > 0 and text[k - 1] in " \t\xa0":
        k -= 1
    if k == 0 or text[k - 1] not in "”\"'":
        return None
    q = art.qindex.containing(k - 1)
    if q is None or q.end != k or art.overlaps_taken(q.start, q.end):
        return None
    return q


def resumed_quote(art: Article, ce: int, s1: int) -> Quote | None:
    """`“A,” X told The Times in 2012, “B.”`: the quote that resumes after a short
    adjunct and a comma, in the same sentence."""
    m = RESUME_RE.search(art.text, ce, min(s1, ce + 100))
    if m is None or art.in_quote(m.start()):
        return None
    q = art.qindex.containing(m.end())
    if q is None or q.start != m.end() - 1 or art.overlaps_taken(q.start, q.end):
        return None
    if any(ch in QUOTE_CHARS for ch in art.text[ce : m.start()]):
        return None
    if art.cue_in(ce, m.start()):
        return None  # `“A,” X said, adding, “B.”`: B is the second cue's
    if THAT_RE.search(art.text, ce, m.start()):
        return None
    clause = CLAUSE_WORD_RE.search(art.text, ce, m.start())
    while clause is not None and _joins_noun_phrases(art.text, clause, m.start()):
        clause = CLAUSE_WORD_RE.search(art.text, clause.end(), m.start())
    if clause is not None and not _speaker_relative(art.text, ce, clause):
        return None
    return q


def _joins_noun_phrases(text: str, clause: re.Match[str], end: int) -> bool:
    """`“A,” he said of the dam and the river, “B.”`: an "and" that joins a noun phrase
    running to the comma opens no clause."""
    if clause.group() != "and":
        return False
    toks = tokenize(text, clause.end(), end)
    return (
        len(toks) > 1
        and (toks[0].cap or toks[0].low in lx.DETERMINERS)
        and _np_end(toks, 0, len(toks)) == len(toks)
    )


def _speaker_relative(text: str, ce: int, clause: re.Match[str]) -> bool:
    """`“A,” said X, an economist who runs the forecast, “B.”`: a relative clause on the
    speaker (no other clause word after it, no cue: `resumed_quote` checks) leaves the
    resumed quote the speaker's."""
    if clause.group() not in ("who", "which"):
        return False
    return CLAUSE_WORD_RE.search(text, clause.end(), text.find(",", clause.end()) + 1) is None


def continuation_quote(art: Article, ce: int, s1: int) -> Quote | None:
    """`The vote is rigged, X said on Monday, “and we will prove it.”`: a quote resumed after
    the cue that opens in lower case goes on with the sentence before the cue, quoted or not."""
    q = resumed_quote(art, ce, s1)
    if q is None:
        return None
    toks = tokenize(art.text, q.start + 1, min(q.end, q.start + 40))
    # Only a conjunction says the quote goes on with the words before the cue: "“the plan
    # ...”" or "“we will ...”" after "In May, X said," opens a clause of its own.
    return q if toks and toks[0].text in lx.CONTINUATION_OPENERS else None
