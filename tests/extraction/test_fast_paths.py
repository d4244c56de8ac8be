"""The speed-ups in the extractor must not change what it finds.

Some regexes are spelled for speed (opening with a character class so that `re` can skip
ahead in C); each must give exactly the matches of its plain, readable form, kept here.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import lexicon as lx
from claims.extraction import mentions, people, text
from claims.extraction.rules import interview, patterns
from claims.extraction.rules.article import Article

PLAIN_FORMS = {
    "name": (
        people._NAME_RE,
        r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.[^\S\n]+)?[A-Z][a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?"
        r"(?:[^\S\n]+(?:[A-Z]\.[^\S\n]*){0,2}(?:(?:de|van|von|bin|al|da|di|le|la|del|der)[^\S\n]+|(?:al|el)-)?"
        r"[A-Z][a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?){1,3}",
    ),
    "honorific-name": (
        people._HONORIFIC_NAME_RE,
        r"\b(Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+([A-Z][\w’'-]+)",
    ),
    "quote-mark": (text._QUOTE_MARK_RE, r"''|``|[\"“”„‟«»]"),
    "sentence-boundary": (
        text._BOUNDARY_RE,
        r"(?<![.!?])[.!?]++['\"”’)\]]*+(?=[^\S\n]++['\"“‘’(\[]*+[A-Z0-9])|;(?=[^\S\n])",
    ),
    "cue": (
        patterns.CUE_RE,
        r"\b(?:(?P<acc>[Aa]ccording\s+to|[Aa]s\s+confirmed\s+by|(?:[Aa]s\s+)?(?:first\s+)?(?:reported|stated|noted|"
        r"announced|quoted|told\s+to|said)\s+by)|(?P<point>point(?:s|ed|ing)?\s+out)"
        r"|(?P<phrasal>(?:fire[sd]?|firing|sho(?:t|ots|oting))\s+back|chimed?\s+in|went\s+on)"
        r"|(?P<head>Says|Said)|(?P<verb>"
        + patterns.trie_regex(lx.SPEECH_FORMS | lx.BELIEF_FORMS | lx.ATTITUDE_FORMS)
        + r"))\b(?![-=])",
    ),
    "content-cut": (patterns.CONTENT_CUT_RE, "|".join(patterns.CONTENT_CUT_ALTERNATIVES)),
    "token": (mentions._TOKEN_RE, r"[^\W_](?:[\w’'&-]|\.(?=\w))*\.?|[,;:()“”\"«»—–]|''"),
}
_PLAIN_CLAIM_NOUN_RE = re.compile(
    r"\b(?P<noun>" + patterns.trie_regex(lx.CLAIM_NOUNS) + r")\s+that\b"
)

# Pieces that exercise every branch: honorifics with and without dots, capitals glued to
# words, runs of terminal marks, doubled apostrophes and backticks, name particles.
_PIECES = st.sampled_from(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "M",
        "D",
        "G",
        ".",
        "!",
        "?",
        ";",
        "...",
        "?!",
        " ",
        "  ",
        "\n",
        "\t",
        "\xa0",
        "Smith",
        "Anne",
        "J.",
        "de",
        "van",
        "O'Neil",
        "José",
        "x",
        "aM",
        "_",
        "9",
        "'",
        "''",
        "`",
        "``",
        '"',
        "“",
        "”",
        "«",
        "»",
        "(",
        ")",
        "’",
        "said",
        "Said",
        "says",
        "told",
        "according",
        "According",
        "As",
        "as",
        "first",
        "reported",
        "confirmed",
        "by",
        "to",
        "points",
        "out",
        "fired",
        "back",
        "went",
        "on",
        "claims",
        "statement",
        "that",
        "thatch",
        "-",
        "=",
        ",",
        "and",
        "but",
        "which",
        "he",
        "I",
        "also",
        "saying",
        "added",
        "denied",
        "in",
        "—",
        "--",
        "–",
    ]
)


def _matches(pattern: re.Pattern[str], s: str, pos: int = 0, endpos: int | None = None):
    end = len(s) if endpos is None else endpos
    return [(m.span(), m.groups()) for m in pattern.finditer(s, pos, end)]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PLAIN_FORMS))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=40), cut=st.integers(0, 200))
def test_fast_regex_property_matches_plain_form(name, pieces, cut):
    fast, plain = PLAIN_FORMS[name]
    plain = re.compile(plain)
    s = "".join(pieces)
    pos = min(cut, len(s))

    # Whole string, and a window starting mid-string (lookbehinds see before `pos`).
    assert _matches(fast, s) == _matches(plain, s)
    assert _matches(fast, s, pos) == _matches(plain, s, pos)
    assert _matches(fast, s, 0, pos) == _matches(plain, s, 0, pos)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=40))
def test_claim_nouns_property_match_plain_regex(pieces):
    s = "".join(pieces)

    expected = [(m.start("noun"), m.end("noun"), m.end()) for m in _PLAIN_CLAIM_NOUN_RE.finditer(s)]

    assert patterns.claim_nouns(s) == expected


@pytest.mark.parametrize(
    "s",
    [
        "his claims that it",
        "claims   \n\t that",
        "that that claims that",
        "xclaims that",
        "statement\xa0that",
        "claims thatch",
        "warnings that",
    ],
)
def test_claim_nouns_match_plain_regex(s):
    expected = [(m.start("noun"), m.end("noun"), m.end()) for m in _PLAIN_CLAIM_NOUN_RE.finditer(s)]

    assert patterns.claim_nouns(s) == expected


_PLAIN_LAST_WORD_RE = re.compile(r"([^\W_][\w’'&.-]*)\s*$")


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=20), cut=st.integers(0, 60))
def test_last_word_property_matches_plain_regex(pieces, cut):
    s = "".join(pieces)
    start = min(cut, len(s))

    m = _PLAIN_LAST_WORD_RE.search(s, start, len(s))

    assert patterns.last_word(s, start, len(s)) == (m.group(1) if m else None)


def _plain_negated(text: str, s0: int, cue_start: int) -> bool:
    lows = [
        w.lower()
        for w in patterns.RAW_TOKEN_RE.findall(text, max(s0, cue_start - 40), cue_start)[-3:]
    ]
    if any(w in lx.NEGATIONS or w.endswith(("n't", "n’t")) for w in lows):
        return True
    if lows and lows[-1] == "to":
        return True
    return len(lows) >= 2 and lows[-2] in ("declined", "refused", "wouldn't")


_NEGATION_PIECES = st.sampled_from(
    [
        "not",
        "NOT",
        "n't",
        "n’t",
        "didn't",
        "never",
        "No",
        "nor",
        "neither",
        "cannot",
        "to",
        "To",
        "declined",
        "REFUSED",
        "refused",
        "wouldn't",
        "he",
        "she",
        "said",
        " ",
        ", ",
        ".",
        "Smith",
        "'",
        "’",
        "x",
    ]
)


@pytest.mark.slow
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_NEGATION_PIECES, max_size=14), s0=st.integers(0, 20))
def test_negated_property_fast_path_agrees(pieces, s0):
    text = " ".join(pieces) + " said"
    cue_start = len(text) - 4
    s0 = min(s0, cue_start)

    assert Article(text).negated(s0, cue_start) == _plain_negated(text, s0, cue_start)


def _plain_tokenize(s: str, start: int, end: int) -> list[mentions.Token]:
    out = []
    for m in mentions._TOKEN_RE.finditer(s, start, end):
        w, b, e = m.group(), m.start(), m.end()
        if (
            len(w) > 1
            and w[-1] == "."
            and w.lower() not in lx.HONORIFICS
            and not mentions._ABBREV_TOKEN_RE.match(w)
        ):
            w, e = w[:-1], e - 1
        out.append(mentions.Token(b, e, w, w.lower(), w[:1].isupper()))
    return out


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=40), a=st.integers(0, 200), b=st.integers(0, 200))
def test_tokenize_property_matches_plain_loop(pieces, a, b):
    s = "".join(pieces) + " _'x__''' U.S. Mr. e.g. a.m.'' '"
    start, end = min(a, b, len(s)), min(max(a, b), len(s))

    assert mentions.tokenize(s, start, end) == _plain_tokenize(s, start, end)
    assert mentions.tokenize(s, 0, len(s)) == _plain_tokenize(s, 0, len(s))


_PLAIN_INTERVIEW_RE = re.compile(r"\b[Ii]nterview")
_INTERVIEW_PIECES = [
    "interview",
    "Interview",
    "nterview",
    "INTERVIEW",
    "i",
    "I",
    "x",
    "_",
    "9",
    "é",
]
_INTERVIEW_SEPARATORS = ["", " ", "-", "\n", "’", "\xa0"]


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(
        st.sampled_from(_INTERVIEW_PIECES + _INTERVIEW_SEPARATORS + ["Mr", "said"]), max_size=20
    )
)
def test_mentions_interview_property_matches_plain_regex(pieces):
    s = "".join(pieces)

    assert interview.mentions_interview(s) == (_PLAIN_INTERVIEW_RE.search(s) is not None)


def test_mentions_interview_matches_plain_regex_on_every_pair_of_pieces():
    # Every piece after every separator after every piece: the word at the start, inside a
    # word ("xinterview", "_interview", "9interview"), after a letter with an accent, after a
    # space, a hyphen, an apostrophe; the literal without its first letter; no mention at all.
    answers = {True: 0, False: 0}
    for a, sep, b in itertools.product(_INTERVIEW_PIECES, _INTERVIEW_SEPARATORS, _INTERVIEW_PIECES):
        s = a + sep + b
        fast = interview.mentions_interview(s)
        assert fast == (_PLAIN_INTERVIEW_RE.search(s) is not None), s
        answers[fast] += 1

    assert answers[True] > 100 and answers[False] > 100


def _plain_find_quotes(s: str) -> list[text.Quote]:
    """`find_quotes` as first written: every newline is an event of the pairing loop. With
    one rule since: a straight `''` closing a quote before a third `'` takes it along (the
    nested single quote closes first), and that mark starts nothing."""
    quotes = []
    open_at = -1
    taken = 0
    for m in re.finditer(r"''|``|[\"“”„‟«»\n]", s):
        mark, pos = m.group(), m.start()
        if pos < taken:
            continue
        if mark == "\n":
            if open_at >= 0 and not text._next_line_opens_quote(s, pos):
                open_at = -1
                continue
            if open_at >= 0:
                end = pos
                while end > open_at + 1 and s[end - 1] in " \t\r":
                    end -= 1
                if end > open_at + 1:
                    quotes.append(text.Quote(open_at, end, False))
                open_at = -1
            continue
        if mark in text._OPENERS and open_at >= 0 and text._looks_closing(s, pos, m.end()):
            quotes.append(text.Quote(open_at, m.end(), True))
            open_at = -1
        elif mark in text._OPENERS:
            open_at = pos
        elif mark in text._CLOSERS or open_at >= 0:
            end = m.end()
            if open_at >= 0 and mark == "''" and s[end : end + 1] == "'":
                end = taken = end + 1
            if open_at >= 0 and end - open_at > 2:
                quotes.append(text.Quote(open_at, end, True))
            open_at = -1
        else:
            open_at = pos
    if open_at >= 0:
        end = len(s)
        while end > open_at + 1 and s[end - 1] in " \t\r":
            end -= 1
        if end > open_at + 1:
            quotes.append(text.Quote(open_at, end, False))
    return quotes


_QUOTE_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "''",
        "``",
        "«",
        "»",
        "„",
        "‟",
        "'",
        "\n",
        "\n\n",
        " \n",
        "\r\n",
        "\t",
        " ",
        "a",
        "said",
        ".",
        ",",
        "x”",
        "“x",
    ]
)


@pytest.mark.parametrize(
    "s",
    ["“''''", "''A, 'B,''' he said. ''C''", "''A''''B''", "“A'''\n''B"],
)
def test_find_quotes_matches_plain_loop_around_a_third_closing_mark(s):
    # The slow property test's fast twin, at the marks the three-mark rule reads: the third
    # mark a closing quote takes along starts no other quote (no two quotes overlap).
    quotes = text.find_quotes(s)

    assert quotes == _plain_find_quotes(s)
    assert all(a.end <= b.start for a, b in itertools.pairwise(quotes))


@pytest.mark.slow
@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_QUOTE_PIECES, max_size=40))
def test_find_quotes_property_matches_plain_loop(pieces):
    s = "".join(pieces)

    assert text.find_quotes(s) == _plain_find_quotes(s)


_CARRIER_TEXT = (
    "Per reports, the paper reported it; super told. Quoted by aides, cited and carried "
    "in an interview (a conversation) she spoke of speaking, talking to TASS according to "
    "sources — per  no, reportedly: ‘told’."
)


def test_carrier_word_in_matches_the_regex_search_on_every_window():
    # The per-article word spans answer what the regex search over the window answers, for
    # every window of the text: words cut by either end, overlapping windows, none at all.
    from claims.extraction import documents
    from claims.extraction.registry import Registry

    reg = Registry(_CARRIER_TEXT, lambda pos: False)
    reg.lowered = _CARRIER_TEXT.lower()
    n = len(_CARRIER_TEXT)
    answers = {True: 0, False: 0}
    for s0 in range(n + 1):
        for s1 in range(s0, min(n, s0 + 40) + 1):
            fast = documents.carrier_word_in(reg, s0, s1)
            plain = documents._CARRIER_WORD_RE.search(reg.lowered, s0, s1) is not None
            assert fast == plain, (s0, s1)
            answers[fast] += 1

    assert answers[True] > 1000 and answers[False] > 1000


def test_opened_by_class_refuses_an_alternative_it_cannot_rewrite():
    # An alternative that opens with neither ",", "—", r"\s+" nor the quote lookbehind would
    # be dropped from the fast form's opening class: CONTENT_CUT_RE would silently stop
    # matching it, so the rewrite refuses it when the module is built.
    assert patterns._opened_by_class([",X", r"\s+Y"]) == r"[,\s—](?:(?<=,)X|(?<=\s)\s*Y)"
    with pytest.raises(ValueError, match=r"^said$"):
        patterns._opened_by_class([",X", "said"])
