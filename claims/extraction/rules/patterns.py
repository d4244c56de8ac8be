"""Regular expressions and small text measures shared by the claim rules.

Cost model: one linear regex pass each for quotes, sentence breaks, names and cues; then work
bounded by a fixed window per cue. No regex here can backtrack over more than a window.
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..mentions import _TOKEN_RE


def trie_regex(words: set[str] | frozenset[str]) -> str:
    """An alternation of `words` factored by common prefixes ("sa(?:id|ys?)"), so the regex
    engine tries a handful of branches per position instead of hundreds.

    Spelled compactly, since `re` compiles it at every start-up: sibling letters that end
    words become a class (`[ds]` for `(?:d|s)`) and an optional single atom takes a bare `?`
    (`e[ds]?`). Siblings start with different letters, so their order never matters.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        chars = sorted(ch for ch in node if ch)
        if not chars:
            return ""
        branches = [(re.escape(ch), build(node[ch])) for ch in chars]
        if len(branches) == 1:
            body = branches[0][0] + branches[0][1]
            atom = not branches[0][1] and len(chars[0]) == 1
        elif all(not rest for _, rest in branches):
            body, atom = "[" + "".join(esc for esc, _ in branches) + "]", True
        else:
            body, atom = "(?:" + "|".join(esc + rest for esc, rest in branches) + ")", True
        if "" not in node:
            return body
        return body + "?" if atom else "(?:" + body + ")?"

    return build(trie)


def _cue_pattern() -> re.Pattern[str]:
    r"""Reporting cues: "according to", "as first reported by", "points out", "fired back",
    "Says" heads, and every verb form of the lexicon.

    The whole-text scan is one of the largest fixed costs, so the pattern is spelled for the
    regex engine; it matches exactly what this plain form matches:
    `\b(?:(?P<acc>[Aa]ccording\s+to|[Aa]s\s+confirmed\s+by|(?:[Aa]s\s+)?(?:first\s+)?(?:reported|...|said)\s+by)|...)`.
    The optional "as"/"first" groups are spelled out as alternatives (optional groups cost a
    repeat context at every word start) and `\b` becomes `(?<!\w)`, equivalent before a
    letter and cheaper. Together 40% faster.
    """
    by = r"(?:reported|stated|noted|announced|quoted|told\s+to|said)\s+by"
    # "as confirmed by X" only: a bare "confirmed by the Senate" is a vote, not a report.
    acc = rf"[Aa](?:ccording\s+to|s\s+first\s+{by}|s\s+(?:{by}|confirmed\s+by))|first\s+{by}|{by}"
    alts = trie_regex(lx.SPEECH_FORMS | lx.BELIEF_FORMS | lx.ATTITUDE_FORMS)
    return re.compile(
        r"(?<!\w)(?:(?P<acc>" + acc + r")|(?P<point>point(?:s|ed|ing)?\s+out)"
        r"|(?P<phrasal>(?:fire[sd]?|firing|sho(?:t|ots|oting))\s+back|chimed?\s+in|went\s+on)"
        r"|(?P<head>Says|Said)|(?P<verb>" + alts + r"))\b(?![-=])"
    )


CUE_RE = _cue_pattern()


# "China's declaration that ...": a claim noun, whitespace, "that". Found from the "that"
# side (a literal, which `re` finds with a fast substring search) instead of scanning for
# `\b(?P<noun>NOUNS)\s+that\b` at every position: 8x cheaper, same matches (see
# `claim_nouns`).
_THAT_WORD_RE = re.compile(r"that\b")
_CLAIM_NOUN_END_RE = re.compile(r"(?<!\w)(?:" + trie_regex(lx.CLAIM_NOUNS) + r")\Z")
_CLAIM_NOUN_MAX = max(map(len, lx.CLAIM_NOUNS))
THAT_RE = re.compile(r"\bthat\b")
COUNT_RE = re.compile(r"[^\W_][\w’'-]*|[“”\"]")
TRAILING_PUNCT = " \t\r\n\xa0.,;:!?—–-"
# Past forms of the speech verbs ("said", "accused", "threatened"): "A, and also accused B".
_PAST_SPEECH = trie_regex(
    frozenset(f for f in lx.SPEECH_FORMS if f.endswith("ed")) | {"said", "told", "wrote"}
)
# Third-person forms of the speech verbs ("argues", "says"): "A but argues B".
_PRESENT_SPEECH = trie_regex(
    frozenset(f for f in lx.SPEECH_FORMS if f.endswith("s") and f[:-1] in lx.SPEECH_FORMS)
    | frozenset(f for f in lx.SPEECH_FORMS if f.endswith("es") and f[:-2] in lx.SPEECH_FORMS)
)
# Where reported content stops: a clause that leaves the report. Tried in this order at each
# position; `CONTENT_CUT_RE` is their alternation.
# "... and said B", "... and then tweeted B": the subject's next report.
AND_SPEECH = (
    r"\s+and\s+(?:also\s+|then\s+)?(?:says|" + _PAST_SPEECH + "|" + _PRESENT_SPEECH + r")\b"
)
AND_SPEECH_RE = re.compile(AND_SPEECH)
CONTENT_CUT_ALTERNATIVES = [
    r",(?P<q>[\"”’']?)\s+(?:but(?!\s+(?:also|only|rather)\b)|while|although|though|whereas|even\s+as|(?:add|say|not|argu|"
    r"explain|insist|warn|tell|cit|call|claim|point|suggest|stress|accus|describ|writ|ask|urg|"
    r"quot)ing|according\s+to|he\s+said|she\s+said|they\s+said|he\s+added|she\s+added)\b",
    r",\s+and\s+(?=(?:[A-Z]\w*|he|she|they|I|we)\s+[a-z]+(?:ed|s)\b)",
    # "... a “great meeting” and Tom Berg said it was ...": a second speaker and cue.
    r"\s+and\s+(?=(?:[A-Z][\w.'’-]*\s+){1,3}(?:"
    + _PAST_SPEECH
    + "|"
    + _PRESENT_SPEECH
    + r"|tweeted|tweets)\b)",
    r"\s+but\s+(?:also\s+)?(?:[a-z]+ing|said|says|added|noted|insisted|told|"
    + _PRESENT_SPEECH
    + r")\b",
    r"\s+[-—–]{1,2}\s+(?=(?:said|says|added|told)\b)",
    AND_SPEECH,
    r"\s+(?:—|--|–)\s+",
    r"\s+but\s+(?:did|does|didn't|didn’t|would|will|has|have|had|was|is|also|not|never)\b",
    r",\s+(?:he|she|they|I|we)(?:’s|'s|’d|'d)?\s+(?:[a-z]+\s+)?(?:said|says|added|told|wrote)\b",
    r",\s+(?:to|at|after|from|in)\s+which\b",
    # "... will begin Friday, after a delay in ...": the outlet's gloss on what was reported.
    r",\s+after\s+(?:a|an|the|days|weeks|months|years)\s",
    r",\s+which\b",
    r"\s+and\s+(?:saying|questioning|calling|adding|accusing|arguing|insisting|suggesting"
    r"|telling|urging|warning|noting)\b",
    r"(?<=[”\"]),?\s+and\s+(?=[a-z]+(?:ed|s)\b)",
    # "calling him a “nice guy” and he didn't ...": a new subject after a closed quote.
    r"(?<=[”\"]),?\s+and\s+(?=(?:he|she|they|I|we|it)\s)",
    # "“This is not the era of war,” repeating a line ...": a participle after a closed quote.
    r"(?<=[”\"]),?\s+(?=[a-z]+ing\b)",
    r",\s+(?:said|says|told|added|wrote|argued|insisted|noted)\b",
    r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added|told|wrote|argued|insisted|reported)\b",
    # "... was not involved after Foreign Minister Ada Moss said ...", "... after rogue
    # militia chief Tom Berg announced ...": a second speaker's own report, introduced by a
    # conjunction of time, is no part of the first.
    r"\s+(?:after|before|when|while)\s+(?=(?:(?!(?:that|which|who)\s)[a-z][\w-]*\s+){0,3}(?:[A-Z][\w.'’-]*\s+){1,6}"
    r"(?:said|says|told|announced)\b)",
    # "... his actions—and is even threatening to quit": an unspaced dash before a new clause.
    r"—(?=(?:and|but)\s)",
]


def _opened_by_class(alternatives: list[str]) -> str:
    r"""The alternation of `alternatives`, each of which starts with ",", "—" or `\s+` (one
    starts with a lookbehind and then one of those), rewritten to open with the class `[,\s—]`.

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
        elif alt.startswith("—"):
            out.append("(?<=—)" + alt[1:])
        elif alt.startswith(r"(?<=[”\"]),?\s+"):
            rest = alt[len(r"(?<=[”\"]),?\s+") :]
            out.append(r"(?:(?<=[”\"],)\s+|(?<=[”\"]\s)\s*)" + rest)
        else:
            raise ValueError(alt)
    return r"[,\s—](?:" + "|".join(out) + ")"


CONTENT_CUT_RE = re.compile(_opened_by_class(CONTENT_CUT_ALTERNATIVES))
NOT_PARENTHETICAL = re.compile(
    r",\s*(?:[a-z]+ing|according|but|and|while|although|though|as|because|when|after|before|"
    r"who|which|where|in|on|at|during|with|to|for)\b"
)
INTENT_TO_RE = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?to\s+[a-z]")
# The same in a headline's title case: "Threaten to Quit".
INTENT_TO_TITLE_RE = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?[Tt]o\s+[A-Za-z]")
RELATIVE_REST_RE = re.compile(r",\s+(?:who|whose|which)\b")
# "..., said Lund in an interview.": an adjunct of time or place after an inverted speaker.
# ", on Monday." too: after an appositive ("said Tom Berg, the mayor, on Monday.").
ADJUNCT_REST_RE = re.compile(r",?\s+(?:in|at|on|during|after|before|last|this|earlier)\s")
# ", will open in May": a predicate (an auxiliary first) resumes after an inverted cue.
PREDICATE_REST_RE = re.compile(
    r",\s+(?:is|are|was|were|will|would|has|have|had|can|could|may|might|must|should|did|does)\s"
)
RESUME_RE = re.compile(r",\s*[“\"]")
# "told reporters that", "urged the council (on Tuesday night) to": an object of up to four
# words, then a day adjunct ("on Tuesday", "on Tuesday night", "last week") at most.
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY_ADJUNCT = (
    rf"(?:(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this)\s+(?:week|month|weekend|morning|evening))\s+"
)
TELL_COMPLEMENT_RE = re.compile(
    r"(?:[^\s,.;]+\s+){1,4}?(?:" + _DAY_ADJUNCT + r")?"
    r"(?:that|to|whether|if|how|what|why|when|where|who)\s"
)
CLAUSE_WORD_RE = re.compile(r"\b(?:as|while|when|who|which|because|after|before|but|and)\b")
# `“...”` followed by `- Name.` on the same or the next line (pull quotes, fact checks).
DASH_CREDIT_RE = re.compile(
    r"[ \t]*\n?[ \t\n]{0,4}(?P<dash>[-—–―]{1,2})[ \t]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})\.?[ \t]*(?:\n|$)"
)
ANY_VERB_RE = re.compile(
    r"[ \t\xa0]+(?P<subj>he|she|they|I|we|(?:(?:an?|the)[ \t\xa0]+[a-z]+[ \t\xa0]+)?"
    r"[A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,3})"
    r"[ \t\xa0]+(?P<verb>[a-z]{3,}(?:ed|s))\b(?=[ \t\xa0]*[.,;]|[ \t\xa0]+(?:and|as|with|before|"
    r"after|in|at|on|to)\b)"
)
# `“This is fantastic!” beamed Donald Hartley of Madison.`: verb first, then the name.
ANY_VERB_FIRST_RE = re.compile(
    r"[ \t\xa0]+(?P<verb>[a-z]{3,}ed)[ \t\xa0]+"
    r"(?P<subj>(?:[a-z][\w-]*[ \t\xa0]+){0,3}[A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,3})"
    r"(?=[ \t\xa0]*[.,;]|[ \t\xa0]+of\b)"
)
# Cheap views of the words before a cue, without building Token objects.
RAW_TOKEN_RE = _TOKEN_RE  # the tokenizer's pattern, without its dot rule
# Every word `negated` looks for holds one of these (case-insensitively): NEGATIONS and
# "-n't" words hold n' n’ no or ne, then "to" and "refused"; a window without any is not
# negated, and the findall below is skipped for most cues.
NEGATION_HINT_RE = re.compile(r"(?i)n['’oe]|to|refused")
# The run of word characters (and ’'&.-) that ends a reversed window, see `last_word`.
_WORD_RUN_RE = re.compile(r"[\w’'&.-]*")
WINDOW = 1500  # characters considered on each side of a cue
QUOTE_CHARS = "\"“”„‟«»'"
CLOSING_QUOTE_ENDINGS = (
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
    # single marks (text.single_quotes): `'We tried,' she said.`
    ",'",
    ",’",
    "?'",
    "?’",
    "!'",
    "!’",
)


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace and trailing punctuation that sits outside any quote."""
    while s < e and text[s] in " \t\r\n\xa0,;:—–-":
        s += 1
    while e > s and text[e - 1] in TRAILING_PUNCT:
        e -= 1
    return s, e


def is_np_word(t: object) -> bool:
    return t.cap or (t.text[:1].isalpha() and t.low not in lx.NP_STOP and t.low != "about")


def count_words(text: str, s: int, e: int, enough: int) -> int:
    """Word and quote-mark tokens in text[s:e], counted over at most 100 characters and up
    to `enough`: callers only ask "at least two or three?", so the count stops there."""
    n = 0
    for _ in COUNT_RE.finditer(text, s, min(e, s + 100)):
        n += 1
        if n == enough:
            break
    return n


def claim_nouns(text: str) -> list[tuple[int, int, int]]:
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


def last_word(text: str, start: int, end: int) -> str | None:
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
