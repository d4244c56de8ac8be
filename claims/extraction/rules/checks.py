"""Tests the rules share: is this cue a verb here, can this phrase speak, does a complement
follow? Each answers from a bounded window around the cue."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..adjuncts import time_adjunct
from ..mentions import _TIME_WORDS, Mention, tokenize
from ..speakers import reduced_relative, subject_before
from .article import Article
from .content import continuation_quote, resumed_quote
from .patterns import (
    CLOSING_QUOTE_ENDINGS,
    CUE_RE,
    INTENT_TO_RE,
    INTENT_TO_TITLE_RE,
    QUOTE_CHARS,
    TELL_COMPLEMENT_RE,
    THAT_RE,
    count_words,
    is_np_word,
    last_word,
)

SPEAKER_KINDS = ("person", "government", "organization", "media", "group", "anonymous")
_BODY_KINDS = frozenset(("government", "organization", "media"))


def phrase_opens_clause(art: Article, c0: int, pos: int) -> bool:
    """True when only a closing quote, a comma-ended intro, or nothing precedes `pos`."""
    before = art.text[c0:pos].rstrip()
    return not before or before.endswith((",", *CLOSING_QUOTE_ENDINGS))


def after_determiner(art: Article, cs: int) -> bool:
    last = last_word(art.text, max(0, cs - 30), cs)
    if last is None:
        return False
    if last.lower() in ("the", "a", "an", "his", "her", "its", "their", "this", "our", "my"):
        return True
    if last.endswith(("’s", "'s")):
        word = art.text[cs : cs + 12].split(" ", 1)[0].strip(",.:;").lower()
        return not last[:1].isupper() or word in lx.NOUNISH
    return False


def after_common_noun(art: Article, cs: int) -> bool:
    toks = tokenize(art.text, max(0, cs - 30), cs)
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


def after_and(art: Article, s0: int, cs: int) -> bool:
    return (
        art.text[max(s0, cs - 8) : cs]
        .rstrip()
        .endswith((" and", " but", ", but", " by", " before", " after", " while", " also"))
    )


def plausible_speaker(mention: Mention, cue: str = "") -> bool:
    """Reject phrases that cannot name a speaker: a lone lower-case adjective
    ("handwritten note"), a free relative ("What Romney has said"), a lone demonym before a
    cue that doubles as a noun ("Russian state"; but "Cuban said": a surname)."""
    words = mention.text.split()
    if not words or words[0].lower() in lx.WH_WORDS:
        return False
    if words[0].lower() in _NEGATIVE_SUBJECTS or mention.text.lower().startswith("no one"):
        return False  # "Nobody said ...", "None of his men agreed to ...": no one speaks
    if mention.pronoun or mention.relative or mention.kind == "anonymous":
        return True
    if len(words) == 1 and not words[0][:1].isupper() and not words[0][:1].isdigit():
        return words[0].lower().endswith("s") or words[0].lower() in lx.ANONYMOUS_HEADS
    # "Russian state ...": a lone demonym is an adjective before a noun read as a verb.
    if len(words) == 1 and words[0] in lx.DEMONYMS:
        return bool(cue) and cue not in lx.NOUNISH and cue in lx.SPEECH_FORMS
    # "responsible for saying", "Alongside BLM, saying": a phrase that a preposition opens or
    # ends is no noun phrase.
    return words[0].lower() not in lx.PREPOSITIONS and words[-1].lower() not in lx.PREPOSITIONS


_NEGATIVE_SUBJECTS = frozenset(("nobody", "none", "neither", "no"))


def reports_speech(art: Article, s: int, e: int) -> bool:
    """text[s:e] opens with its own speaker and reporting verb ("X said ..."), so the words
    are X's, not those of the source that carried them ("According to Reuters, X said")."""
    text = art.text
    cue = CUE_RE.search(text, s, min(e, s + 160))
    if cue is None or cue.group("verb") is None or cue.group().lower() not in lx.SPEECH_FORMS:
        return False
    subject = subject_before(text, s, cue.start())
    return (
        subject is not None
        and not subject.pronoun
        and not text[s : subject.phrase_start or subject.start].strip(" ,")
    )


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
        or (mention.text[:1].isupper() and mention.text.split()[0].lower() not in lx.DETERMINERS)
        # a body's name before a noun-like cue in its -s form ("The Centers for Disease
        # Control estimates"; not "the IMF report stated", where the noun heads the subject)
        or (
            low in lx.NOUNISH
            and low.endswith("s")
            and mention.kind in _BODY_KINDS
            and mention.text.split()[-1][:1].isupper()
        )
    )
    if low in lx.NOUNISH or (low in lx.ATTITUDE_FORMS and low not in lx.SPEECH_FORMS):
        return known and not (low in lx.ATTITUDE_FORMS and mention.kind not in SPEAKER_KINDS)
    return True


def subject_adjacent(art: Article, mention: Mention, cs: int) -> bool:
    """The subject must end next to its cue, apart from auxiliaries, adverbs, an
    appositive or a relative clause ("the head of X that has ... said")."""
    start = max(mention.end, mention.phrase_end)
    if start >= cs or art.text[start:cs].isspace():
        return True  # the usual case, "Smith said": no tokens in between
    words = tokenize(art.text, start, cs)
    toks = [t for t in words if not (t.low in lx.AUX_ADVERBS or t.low.endswith("ly"))]
    if not toks:
        return True
    first = toks[0]
    if first.text in (",", "(", "—", "–") or first.low in ("that", "who", "which", "whose"):
        return True
    if time_adjunct(toks) or time_adjunct(words):
        # "Smith on Monday said", "The company late Friday announced", "Smith last week
        # said" ("last" is an auxiliary adverb too: "he last spoke")
        return True
    # "A city official briefed on the talks (, hosted by the mayor,) said": a reduced relative.
    k = next((n for n, t in enumerate(toks) if t.text == ","), len(toks))
    if first.low.endswith("ing") and mention.text.split()[-1].lower() in lx.CALENDAR_WORDS:
        return False  # "spent Monday campaigning in Iowa, showing": a day is no subject
    return reduced_relative(toks, 0, k)


def quote_is_title(art: Article, c0: int, pre_end: int, ce: int, s1: int) -> bool:
    """`Sunday on Fox's “Sunday Morning Futures,” Rep. Issa said Clinton's ...`: the quote
    is a title inside an intro phrase, and the cue has a long complement of its own."""
    q = art.qindex.containing(pre_end - 1)
    if q is None:
        return False
    lead = art.text[c0 : q.start].rstrip()
    if (
        not lead
        or lead.endswith((",", ":", "—", "-"))
        or count_words(art.text, q.start, q.end, 7) > 6
    ):
        return False
    toks = tokenize(art.text, ce, min(s1, ce + 120))
    k = next((n for n, t in enumerate(toks) if t.text in (",", ";")), len(toks))
    return k >= 6 and bool(toks) and toks[0].low not in lx.ADJUNCT_STARTS


def has_own_complement(art: Article, ce: int, s1: int, cue: str) -> bool:
    """Does the cue govern a complement after it ("said [that] the plan ...")?"""
    text = art.text
    after = text[ce:s1].lstrip()
    if not after or after[0] in ",.;!?:" or after[0] in QUOTE_CHARS:
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
    if not toks or (toks[0].low != "that" and toks[0].low not in lx.ADJUNCT_STARTS):
        return False
    for n, t in enumerate(toks[: min(k, 8)]):
        if t.low == "that":
            nxt = toks[n + 1].low if n + 1 < len(toks) else ""
            prv = toks[n - 1].low if n else ""
            # "that night", "if that remains" are not complementisers
            return nxt not in lx.THAT_NOT_CLAUSE and prv not in ("if", "whether", "when")
    return False


# Subjects that make "as" open a clause of time after a cue ("said as he left").
_AS_CLAUSE_SUBJECTS = frozenset(
    ["he", "she", "they", "we", "i", "it", "the", "his", "her", "their"]
)


def only_adjunct_after(art: Article, ce: int, s1: int, cue: str = "") -> bool:
    """After the cue comes at most a short adjunct ("said on Tuesday.", "said in a
    statement.") and no complement of its own."""
    toks = tokenize(art.text, ce, min(s1, ce + 100))
    if (
        toks
        and cue in lx.TELL_FORMS
        and (toks[0].cap or toks[0].low in lx.OBJECT_WORDS or (toks[0].low in lx.DETERMINERS))
    ):
        # "told Britain's ITV", "asked the real estate mogul": skip the addressee.
        k = 1
        while k < len(toks) and k < 6 and is_np_word(toks[k]):
            k += 1
        toks = toks[k:]
    if not toks or toks[0].text in (".", ",", ";"):
        return True
    first = toks[0].low
    if first == "to":
        # "said to reporters" is an adjunct; "said to be" is not a report at all.
        if len(toks) < 2 or not (toks[1].cap or toks[1].low in lx.DETERMINERS):
            return False
    elif first == "as":
        # "said as he left" is an adjunct; "said as much", "said as many as 30" are not.
        if len(toks) < 2 or toks[1].low not in _AS_CLAUSE_SUBJECTS:
            return False
    elif first not in lx.ADJUNCT_STARTS or first == "that":
        return False
    k = next((n for n, t in enumerate(toks) if t.text in (",", ";", "—")), len(toks))
    return k <= 20 and not any(t.low == "that" for t in toks[:k])


def _calendar_word(low: str) -> bool:
    return low in lx.TIME_NOUNS or low in lx.CALENDAR_WORDS or low.isdigit()


def content_is_before(
    art: Article, pre: str, ce: int, s1: int, after_l: str, cue: str = "", c0: int | None = None
) -> bool:
    """After "PRE, he said": is PRE the content, or an intro phrase ("A day earlier,")?"""
    if pre.endswith(CLOSING_QUOTE_ENDINGS):
        if c0 is not None and quote_is_title(art, c0, c0 + len(pre), ce, s1):
            return False
        # Unless the cue has a complement of its own: `On “Meet the Press,” X said Y.`
        return not has_own_complement(art, ce, s1, cue)
    if cue.lower() in lx.TELL_FORMS and after_l:
        # "..., another friend told CNN." : skip the addressee before deciding.
        toks = tokenize(art.text, ce, min(s1, ce + 80))
        k = 0
        if toks and (toks[0].low in lx.OBJECT_WORDS or toks[0].cap):
            k = 1
            while k < len(toks) and k < 7 and _addressee_word(toks, k):
                k += 1
        elif len(toks) > 1 and toks[0].low == "the" and toks[1].cap:
            k = 2  # "told the Herald" (not "told a joke")
            while k < len(toks) and k < 7 and _addressee_word(toks, k):
                k += 1
        if k and k < len(toks) and toks[k].low in lx.TIME_ADJUNCT_STARTS:
            # "told the Herald on Thursday.", "told CNN last week."
            t = k + 1
            while t < len(toks) and t < k + 4 and _calendar_word(toks[t].low):
                t += 1
            if t > k + 1 and (t == len(toks) or toks[t].text in (".", ";")):
                return True  # (not "A, he told me on Friday, is that B": a parenthesis)
        if k and (k == len(toks) or toks[k].text in (".", ",", ";")):
            return True
        if k and k < len(toks) and toks[k].low in ("in", "at", "during"):
            # "A, X told reporters in a briefing.": an adjunct to the end, no clause or quote
            rest = art.text[toks[k].start : s1]
            if not THAT_RE.search(rest) and not any(c in QUOTE_CHARS for c in rest):
                return "," not in rest
    if not after_l or after_l[0] in ".;!?":
        return True
    if after_l[0] == ",":
        rest = after_l[1:].lstrip()
        return not rest or rest[0] not in QUOTE_CHARS or continuation_quote(art, ce, s1) is not None
    toks = tokenize(art.text, ce, min(s1, ce + 160))
    if not toks:
        return True
    if toks[0].low in lx.ADJUNCT_STARTS and toks[0].low not in ("to", "as"):
        if resumed_quote(art, ce, s1) is not None:
            # "said Wednesday, “...”": the quote after the adjunct; but "A, X said Wednesday,
            # “and B.”" goes on with A.
            return continuation_quote(art, ce, s1) is not None
        m = THAT_RE.search(art.text, ce, min(s1, ce + 160))
        return m is None or art.in_quote(m.start()) or _relative_after_time(art, toks, m.start())
    return False


def _addressee_word(toks: list, k: int) -> bool:
    """A word of the addressee after "told": a capitalised word, or a word for an outlet or
    a programme between capitalised ones ("ABC News programme This Week")."""
    return toks[k].cap or (
        toks[k].low in lx.BROADCAST_NOUNS and k + 1 < len(toks) and toks[k + 1].cap
    )


# After a time adjunct and its comma: a phrase of circumstance ("in a deal brokered by ...").
_CIRCUMSTANCE_STARTS = frozenset(
    ("in", "with", "amid", "after", "under", "following", "during", "as", "before")
)


def _relative_after_time(art: Article, toks: list, that: int) -> bool:
    """`A, the Kremlin said Saturday, in a deal brokered by Lund that ends the revolt.`: after
    the cue's time adjunct and its comma, a phrase of circumstance holds a "that" that
    follows a noun (a relative clause), not the cue's complementiser (`said Saturday, in a
    statement, that ...` has a comma before it)."""
    comma = next((n for n, t in enumerate(toks) if t.text == ","), -1)
    if not (
        0 < comma <= 3
        and comma + 1 < len(toks)
        and toks[comma + 1].low in _CIRCUMSTANCE_STARTS
        and toks[comma + 1].start < that
        and all(t.low in _TIME_WORDS or _calendar_word(t.low) for t in toks[:comma])
    ):
        return False
    between = art.text[toks[comma + 1].start : that]
    return "," not in between and not any(c in QUOTE_CHARS for c in between)


# A content clause without "that": a subject pronoun, then a modal or a finite auxiliary.
_PRONOUN_CLAUSE_RE = re.compile(
    r"(?:he|she|it|they|we|I)[ \t\xa0]+(?:will|would|could|should|can|may|might|must|has|"
    r"have|had|is|are|was|were|did|does|do)(?:n[’']t)?\b"
)


def strong_complement(art: Article, ce: int, s1: int, low: str) -> bool:
    """Weak cues ("called", "noted") count only before that/colon/quote/comma-quote."""
    text = art.text
    window = text[ce : min(s1, ce + 60)].lstrip()
    if not window:
        return False
    if window[0] in ":" or window[0] in QUOTE_CHARS:
        return True
    if window.startswith("that "):
        return True
    q = art.qindex.starting_in(ce, min(s1, ce + 90))
    if q is not None and not art.has_claim_word_gap(ce, q.start):
        # "called Cruz the “ultimate hypocrite”", "described the move as a “breach”"
        return True
    if low in lx.TELL_FORMS and low.startswith("call"):
        return bool(re.match(r"(?:for|on)\s", window))
    if low in lx.SPEECH_FORMS and _PRONOUN_CLAUSE_RE.match(window):
        return True  # "stated it will not fund", "noted they had left": a bare clause
    if low in lx.TELL_FORMS:
        return bool(TELL_COMPLEMENT_RE.match(window))
    if window.startswith(", ") and window[2:3] in QUOTE_CHARS:
        return True
    first = window.split(None, 1)[0].lower().strip(",")
    if first not in lx.ADJUNCT_STARTS:
        return False
    m = THAT_RE.search(window, 0, 60)
    return m is not None and not any(c in window[: m.start()] for c in QUOTE_CHARS)


# Promise verbs take a clause without "that" ("vowed the war would continue"): a subject of up
# to five words, then a modal.
_PROMISE_STEMS = ("vow", "pledg", "promis")
_MODAL_CLAUSE_RE = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|this|these|those|he|she|they|it|we|[A-Z][\w’'-]*)"
    r"(?:\s+(?!(?:to|that|which|who|for|with|from|on|in|at|by)\s)[\w’'-]+){0,4}?\s+(?:would|will|could|should|must|can|might|shall)\s+[a-z]"
)


def complement_ok(art: Article, ce: int, s1: int, low: str) -> bool:
    """Does what follows the cue look like something attributed, for this kind of cue?"""
    text = art.text
    to_re = INTENT_TO_TITLE_RE if ce < art.headline_end else INTENT_TO_RE
    if low in lx.INTENT_FORMS and to_re.match(text, ce, min(s1, ce + 60)):
        return True
    if low in lx.OBJECT_FORMS:
        if low in lx.AS_FORMS and " as " not in text[ce : min(s1, ce + 80)]:
            return low in lx.WEAK_CUES and strong_complement(art, ce, s1, low)
        return True
    if low.startswith(_PROMISE_STEMS) and _MODAL_CLAUSE_RE.match(text, ce, min(s1, ce + 80)):
        return True  # "vowed the war would continue", not "vowed revenge"
    if low in lx.INTENT_FORMS and low not in lx.SPEECH_FORMS:
        return text[ce : ce + 6].lstrip().startswith("that ")
    if low in lx.WEAK_CUES or low in lx.INTENT_FORMS:
        return strong_complement(art, ce, s1, low)
    if low in lx.BELIEF_FORMS:
        return clause_follows(art, ce, s1)
    return True


def clause_follows(art: Article, ce: int, s1: int) -> bool:
    """Belief verbs need a clause ("thinks (that) X is"), not an object ("knows him")."""
    text = art.text
    toks = tokenize(text, ce, min(s1, ce + 80))
    if len(toks) < 3:
        return False
    if toks[0].low == "that":
        return True
    if toks[0].low == "it":
        # "thinks it is over", "believes it will pass" (a clause); "believes it necessary",
        # "thinks it a mistake" (an object and its complement).
        return toks[1].low in lx.CLAUSE_VERBS_AFTER_IT or _present_or_past_verb(toks[1].low)
    if toks[0].low in lx.IT_CONTRACTIONS:
        return True
    if toks[0].low in ("to", "so"):
        return toks[0].low == "to"
    return (
        toks[0].low in lx.PRONOUNS
        or toks[0].low in ("the", "this", "there", "a", "an", "his", "her", "their", "its")
        or (toks[0].cap and toks[0].low not in ("i",))
    )


def _present_or_past_verb(low: str) -> bool:
    """A lower-case word that reads as a finite verb after "it": "it helps", "it worked"
    (not "it less", "it unfair")."""
    return low.isalpha() and (
        (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3)
        or (low.endswith("ed") and len(low) > 4)
    )
