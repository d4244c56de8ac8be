"""Speaker noun phrases: tokens, the noun phrase that names a speaker, and its kind.

Parsing is token based over a short window next to a cue, so the cost per claim is bounded
by the window size, not by the article length. Where the phrase stands relative to the cue is
`speakers.py`'s concern; what it refers to in the article is `registry.py`'s.
"""

from __future__ import annotations

import re
from collections import namedtuple
from dataclasses import dataclass

from . import lexicon as lx
from .verb_evidence import s_verb_after_head

# Words (with inner apostrophes, hyphens, dots of abbreviations) and the punctuation that
# separates noun phrases. A trailing dot is only kept for abbreviations, see `tokenize`.
# Plain form: `[^\W_](?:[\w’'&-]|\.(?=\w))*\.?|[,;:()“”\"«»—–]|''`; the runs of word characters
# are hoisted out of the repeated group so that `re` matches them in one tight loop.
_TOKEN_RE = re.compile(r"[^\W_][\w’'&-]*(?:\.(?=\w)[\w’'&-]*)*\.?|[,;:()“”\"«»—–]|''")
# Possessive endings ("Trump's", "voters’"). Tokens and words never hold a newline, so a
# plain `endswith` test is the same as the regex `(?:['’]s|s['’])$` and much cheaper.
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_INITIAL_RE = re.compile(r"^(?:[A-Z]\.)+$")
# A surname with its particle in one token: "al-Ansari", "el-Sisi", "bin-Zayed".
_PARTICLE_NAME_RE = re.compile(r"(?:al|el|bin|ibn|abu|ben)-[A-Z]")
_ABBREV_TOKEN_RE = re.compile(r"(?:[A-Z]\.)+$|(?:[A-Za-z]\.)+[A-Za-z]\.$")

# Words before a subject that are not part of it ("But Lund said", "Later, Lund said").
_LEADING_SKIP_WORDS = """but and so yet as if when while because although though since after
before then still however now also instead meanwhile indeed moreover thus hence even only or
nor later earlier"""
_LEADING_SKIP = frozenset(_LEADING_SKIP_WORDS.split())
_QUANTIFIERS = frozenset(
    ("another", "others", "some", "many", "most", "several", "both", "few", "one", "all")
)
_NAME_PARTICLES = frozenset(("de", "van", "von", "bin", "al", "da", "di", "le", "la", "del", "der"))
_CONNECTIVES = frozenset(("of", "for", "and")) | lx.DETERMINERS
_INSTITUTION_WORDS = lx.ORG_WORDS | lx.GOVERNMENT_WORDS | lx.MEDIA_WORDS
# Titles before a name, with the words of company posts ("Chief Executive Officer").
_TITLE_LIKE = lx.TITLE_WORDS | frozenset(
    ("executive", "officer", "operating", "financial", "technology", "ceo", "cfo", "coo", "cto")
)


_TIME_WORDS = lx.CALENDAR_WORDS | lx.MENTION_TIME_WORDS


_TIME_WORDS_ONLY = _TIME_WORDS - {"the", "a", "of"}
_TIME_LEAD = frozenset(("last", "this", "next", "early", "late", "earlier", "later"))
_TIME_NOUNS = _TIME_WORDS_ONLY - _TIME_LEAD - {"on", "in", "at", "also", "ago", "recently"}


def _only_time_words(tokens: list[Token], i: int, j: int) -> bool:
    return all(t.low in _TIME_WORDS or t.text[:1].isdigit() for t in tokens[i:j])


# One word or separator: start and end offsets, text, its lower-case form `low` and `cap`
# (opens with a capital), precomputed because every rule asks. A collections.namedtuple, not
# a typing.NamedTuple: importing `typing` is 15 M instructions of every start-up.
Token = namedtuple("Token", ("start", "end", "text", "low", "cap"))


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end]; a sentence-final dot is dropped unless it ends an
    abbreviation or an initial ("Mr.", "J.", "U.S.")."""
    # The extractor's hottest loop. `findall` returns the token strings without building a
    # match object each; a token's offset is then the next occurrence of its text: the gap
    # before a token holds no character a token can start with (no letter or digit, none of
    # the separators, no "''"), so `find` cannot stop early. 20% cheaper than finditer.
    out: list[Token] = []
    append = out.append
    find = text.find
    honorifics = lx.HONORIFICS
    new = tuple.__new__  # skips NamedTuple's Python-level __new__
    pos = start
    for w in _TOKEN_RE.findall(text, start, end):
        s = find(w, pos)
        pos = e = s + len(w)
        # A one-character token is never ".", so this is the "longer than one" test too.
        if w[-1] == "." and w.lower() not in honorifics and not _ABBREV_TOKEN_RE.match(w):
            w = w[:-1]
            e -= 1
        append(new(Token, (s, e, w, w.lower(), w[0].isupper())))
    return out


@dataclass(slots=True)
class Mention:
    """A speaker noun phrase as it appears in the text."""

    start: int
    end: int
    text: str
    name: str  # canonical form before in-article resolution
    kind: str
    role: str = ""
    affiliation: str = ""
    pronoun: str = ""  # "m", "f", "p", "n", "s" when the mention is a pronoun
    relative: bool = False  # "who"/"which": resolve to the phrase before
    antecedent: Mention | None = None  # for a relative pronoun, the phrase it refers to
    proper: bool = False  # names someone ("Hanna Maliar"), not a description
    phrase_start: int = 0  # start of the whole subject phrase, appositives included
    phrase_end: int = 0  # end of the noun phrase the mention heads ("X of North Carolina")


def _is_wordish(tok: Token) -> bool:
    return tok.text[0].isalnum()  # token texts are never empty


def _is_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDINGS)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(_POSSESSIVE_ENDINGS) else word


def _country_of(word: str) -> str:
    w = _strip_possessive(word)
    if w in lx.COUNTRIES:
        return w
    if w in lx.COUNTRY_ALIASES:
        return lx.COUNTRY_ALIASES[w]
    return lx.DEMONYMS.get(w, "")


# Articles and possessives, which open a noun phrase of their own; quantifiers and the
# like may stand before them inside one ("all the", "half his").
_ARTICLES = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your"))
_PARTICLES = frozenset(("out", "up", "off", "down", "back", "away"))
_NOT_VERBS = lx.DETERMINERS | _QUANTIFIERS | frozenset(("half", "twice", "quite", "such", "what"))


def _np_end(tokens: list[Token], i: int, limit: int) -> int:
    """Index just past the noun phrase that starts at tokens[i] (forward, greedy, bounded)."""
    j = i
    n_of = n_and = 0
    seen_word = False
    if i + 2 < limit and tokens[i].low in ("more", "fewer", "less") and tokens[i + 1].low == "than":
        j += 2  # "More than 500 of its 700 employees": a count opens the phrase
    while j < limit:
        t = tokens[j]
        low = t.low
        if not _is_wordish(t):
            break
        if low in ("of", "for") and seen_word:
            if n_of >= 2 or j + 1 >= limit or not _is_wordish(tokens[j + 1]):
                break
            nxt = tokens[j + 1].low
            if nxt in ("them", "us", "those", "these") and low == "of":
                n_of += 1
                j += 2  # "most of them", "one of those"
                seen_word = True
                continue
            if nxt in lx.NP_STOP and nxt not in ("the",):
                break
            n_of += 1
            j += 1
            continue
        if low == "and" and seen_word:
            if n_and >= 2 or j + 1 >= limit:
                break
            nxt = tokens[j + 1]
            if not (nxt.cap or nxt.low in lx.DETERMINERS):
                break
            n_and += 1
            j += 1
            continue
        if low in lx.DETERMINERS:
            # A determiner is only allowed at the start or after of/for/and.
            if seen_word and tokens[j - 1].low not in ("of", "for", "and"):
                prev = tokens[j - 1]
                if (
                    low in _ARTICLES
                    and j - 1 > i
                    and not prev.cap
                    and prev.low.isalpha()
                    and prev.low not in _NOT_VERBS
                ):
                    j -= 1  # "Tom Berg met the mayor": a noun takes no article after it
                    if prev.low in _PARTICLES and j - 1 > i and not tokens[j - 1].cap:
                        j -= 1  # "His office put out a statement"
                break
            j += 1
            continue
        if t.cap or low in lx.HONORIFICS:
            seen_word = True
            j += 1
            continue
        if low in lx.NP_STOP or low in lx.VERB_STOP:
            break
        if seen_word and low in lx.TRAILING_SUBJECT_ADVERBS:
            break  # "Interfax later reported"
        if low.endswith("ly") and len(low) > 4:
            break
        if low.endswith("ed") and j > i and tokens[j - 1].cap:
            break  # "Matt Walsh provided": a verb after a name ends the phrase
        if (
            low.endswith(("ed", "ing"))
            and len(low) > 4
            and (j == i or tokens[j - 1].low not in lx.DETERMINERS)
            and low not in lx.PARTICIPLE_NOUNS
        ):
            break  # "placed national ads", "celebrating victories": a verb, not a noun phrase
        if j == i + 2 and s_verb_after_head(tokens, i, limit):
            break  # "The ad features old photos": the verb of a one-noun subject
        seen_word = True
        j += 1
        if j - i > 12:
            break
    # Do not end on a connective.
    while j > i and tokens[j - 1].low in _CONNECTIVES:
        j -= 1
    return j


def _back_np_start(tokens: list[Token], j: int, floor: int) -> int:
    """Start index of the noun phrase ending just before tokens[j] (backward, bounded)."""
    i = j
    steps = 0
    while i > floor and steps < 10:
        t = tokens[i - 1]
        low = t.low
        if not _is_wordish(t):
            break
        if (
            t.cap
            or low in lx.HONORIFICS
            or (low in ("of",) and i - 1 > floor and tokens[i - 2].cap and i < j)
        ):
            i -= 1
        elif low in lx.DETERMINERS:
            i -= 1
            break
        elif low in lx.NP_STOP or low in lx.VERB_STOP:
            break
        else:
            # A lower-case word: part of the phrase, or a role before a name ("adviser
            # Alexander Rodnyansky").
            i -= 1
        steps += 1
    return i


def _name_run(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
    """The trailing run of capitalised tokens in tokens[i:j], without leading titles.

    Returns (a, b) token indices; a == b when the phrase has no proper name at its end.
    """
    b = j
    a = j
    while a > i:
        t = tokens[a - 1]
        if (
            t.cap
            or _INITIAL_RE.match(t.text)
            or (t.low in _NAME_PARTICLES and a < b)
            or (a == b and _PARTICLE_NAME_RE.match(t.text))
        ):
            a -= 1
        else:
            break
    # Keep an honorific ("Mr.") but drop titles ("Secretary of State", "President").
    # Also a demonym, an owner or a body in front ("Russian President", "Microsoft's",
    # "Kremlin spokesman"): "without a title in front" is how the desk writes a name.
    k = a
    while k < b - 1 and (
        (tokens[k].low in _TITLE_LIKE and tokens[k].low not in lx.HONORIFICS)
        or (k + 2 < b and _country_of(tokens[k].text))
        or (k + 2 < b and _is_possessive(tokens[k].text))
        or (k + 2 < b and tokens[k].low in _INSTITUTION_WORDS)
    ):
        k += 1
    # "Treasury Secretary Jacob Lew", "Rules Committee Chairman Bruce Ash": the last title
    # with a name of two words after it ends the description (as People.prescan reads it);
    # an honorific stays with the name ("South Carolina Sen. Lindsey Graham").
    for p in range(b - 3, k - 1, -1):
        if tokens[p].low in _POSTS:
            return p + (tokens[p].low not in lx.HONORIFICS), b
    if k == a and b - a >= 3 and _after_office_of(tokens, i, a):
        # "Secretary of the Treasury Jacob Lew": the run opens with the office's portfolio;
        # the name is its last two words, with their initials and particles.
        n, k = 0, b
        while k > a + 1 and n < 2:
            k -= 1
            n += not (_INITIAL_RE.match(tokens[k].text) or tokens[k].low in _NAME_PARTICLES)
    return k, b


def _after_office_of(tokens: list[Token], i: int, a: int) -> bool:
    """tokens[a] follows "<Title> of" or "<Title> of the" ("Secretary of the Treasury")."""
    k = a - 1 if a - 1 >= i and tokens[a - 1].low == "the" else a
    head = tokens[k - 2] if k - 2 >= i else None
    return head is not None and tokens[k - 1].low == "of" and head.cap and head.low in _OFFICE_HEADS


# An agency is a body of government ("the Fisheries Agency", "the agency said") unless it
# says it is a news agency ("the Xinhua news agency", "a press agency").
_NEWS_AGENCY_MODIFIERS = frozenset(("news", "press", "wire", "photo"))


def classify(words: list[str], has_person_name: bool) -> str:
    """Best-guess speaker kind from the words of a phrase."""
    stripped = [_strip_possessive(w) for w in words]
    lows = [w.lower() for w in stripped]
    joined = " ".join(stripped)
    head = lows[-1] if lows else ""
    if any(w in lx.HONORIFICS for w in lows[:1]) or has_person_name:
        return "person"
    if joined in lx.COUNTRIES or joined in lx.COUNTRY_ALIASES or joined in lx.REGIONS:
        return "government"
    if joined.removeprefix("the ").removeprefix("The ") in lx.COUNTRY_ALIASES:
        return "government"
    if head in ("agency", "agencies") and (len(lows) < 2 or lows[-2] not in _NEWS_AGENCY_MODIFIERS):
        return "government"  # "the Fisheries Agency", "the agency": no news agency
    if head in lx.MEDIA_WORDS:
        return "media"
    if head in lx.GOVERNMENT_WORDS:
        return "government"
    if head in lx.ORG_WORDS:
        return "organization"
    if head in lx.ANONYMOUS_HEADS:
        # "a spokesman for X" is a person without a name; plural unnamed sources are anonymous.
        return "anonymous" if head.endswith("s") or lows[0] in ("a", "an", "one") else "person"
    if head in lx.PLURAL_GROUP_HINT or "and" in lows:
        return "group"
    if words and words[-1][:1].isupper():
        # "FSB", "NATO": a lone acronym is a body, a lone capitalised word a person.
        return "organization" if len(words) > 1 or stripped[-1].isupper() else "person"
    return "person" if not head.endswith("s") else "group"


def _affiliation(words: list[str]) -> str:
    for w in words:
        c = _country_of(w)
        if c:
            return c
    return ""


def _canonical(words: list[str]) -> str:
    ws = list(words)
    # (not "One of those advisers", "Many of the workers": the quantifier heads the phrase)
    while ws and ws[0].lower() in lx.DETERMINERS and (len(ws) < 2 or ws[1].lower() != "of"):
        ws = ws[1:]
    if not ws:
        return ""
    name = " ".join(ws)
    name = name[0].upper() + name[1:]
    if len(ws) == 1:
        name = _strip_possessive(name)
    return name


def mention_from_tokens(text: str, tokens: list[Token], i: int, j: int) -> Mention | None:
    """Build a Mention from the noun phrase tokens[i:j]; `phrase_start` is where it begins."""
    m = _mention_from_tokens(text, tokens, i, j)
    if m is not None and i < j:
        m.phrase_start = min(m.start, tokens[i].start)
        m.phrase_end = max(m.end, tokens[j - 1].end)
    return m


def _only_dates(tokens: list[Token], i: int, j: int) -> bool:
    """tokens[i:j] has words besides determiners, and they are all time words, numbers or
    all-caps datelines ("this week", "2006", "WASHINGTON", "N.H."; not "the U.N.": a body)."""
    seen = False
    for k in range(i, j):
        t = tokens[k]
        low = t.low
        if low in lx.DETERMINERS:
            continue
        if not (
            low in _TIME_WORDS_ONLY
            or t.text.isdigit()
            or (
                t.text.isupper()
                and len(t.text) > 3
                and not ("." in t.text and k > 0 and tokens[k - 1].low == "the")
            )
        ):
            return False
        seen = True
    return seen


_OFFICE_HEADS = lx.TITLE_WORDS | lx.LEADER_HEADS | lx.PERSON_DESCRIPTION_HEADS
# Posts, not descriptions ("Billionaire" is no post a later "Trump" must share).
_POSTS = _TITLE_LIKE | lx.LEADER_HEADS


_TITLES = lx.TITLE_WORDS | lx.HONORIFICS


def _office_of(tokens: list[Token], i: int, a: int) -> bool:
    """The name run at tokens[a] follows "<office> of/for": "the new CEO of Acme", "the
    leader of Hamas" describe a person by an office in the body the run names."""
    k = a  # "a spokesman for Senator X": titles between (not "Secretary of State X")
    while k - 2 >= i and tokens[k - 1].cap and tokens[k - 1].low in _TITLES:
        k -= 1
    titled = k < a
    if not titled and k - 3 >= i and tokens[k - 1].low == "the":
        k -= 1  # "the Secretary of the Treasury"
    return (
        k - 2 >= i
        and tokens[k - 1].low in ("of", "for", "at")
        and _strip_possessive(tokens[k - 2].low) in _OFFICE_HEADS
        and (not titled or not tokens[k - 2].cap)
    )


def _body_portfolio(tokens: list[Token], i: int, b: int) -> bool:
    """tokens[i:b] ends in a body's portfolio: "the Ministry of Foreign Affairs", "Department
    of Justice" (a capitalised institution word, "of"/"for", then only capitalised words)."""
    k = b - 1
    while k > i and (tokens[k].cap or (tokens[k].low == "and" and tokens[k - 1].cap)):
        k -= 1  # "the Centers for Disease Control and Prevention"
    body = tokens[k - 1].low if k - 1 >= i else ""
    return (
        k < b - 1
        # "Centers for Disease Control Director Thomas Frieden": a title and a name after
        and all(t.low not in _TITLE_LIKE for t in tokens[k + 1 : b - 2])
        and tokens[k].low in ("of", "for")
        and tokens[k - 1].cap
        and (body in _INSTITUTION_WORDS or body.removesuffix("s") in _INSTITUTION_WORDS)
    )


# Words before "of the" that make the phrase a person's post or a part of a group, not the
# name of a body: "Speaker of the House", "Members of the Trump campaign", "One of the".
_NOT_BODY_HEADS = (
    _OFFICE_HEADS
    | lx.ANONYMOUS_HEADS
    | lx.PLURAL_GROUP_HINT
    | lx.MEMBER_HEADS
    | _QUANTIFIERS
    | frozenset(("half", "third", "quarter", "rest", "none", "each", "any", "majority"))
)


def _of_the_name(tokens: list[Token], i: int, a: int) -> bool:
    """The name run at tokens[a] ends "<Capitalised> of (the) <run>": a body's name ("the Bank
    of the West", "Friends of the Earth", "the Church of England"), not the person "West".
    Not after a post or a quantifier ("Speaker of the House", "Half of Vermont Democrats").
    A surname before "of" is the person when the article names one: registry._member_of."""
    k = a - 1 if a - 1 >= i and tokens[a - 1].low == "the" else a
    if k - 2 < i or tokens[k - 1].low != "of":
        return False
    head = tokens[k - 2]
    low = _strip_possessive(head.low)
    return (
        head.cap
        and low not in _NOT_BODY_HEADS
        and low not in lx.DETERMINERS
        and low not in lx.HONORIFICS
        and (low[:-1] not in _NOT_BODY_HEADS if low.endswith("s") else True)
    )


def _lone_acronym(run_words: list[str]) -> bool:
    words = [w for w in run_words if w.lower() not in lx.DETERMINERS]
    return len(words) == 1 and len(words[0]) > 2 and _strip_possessive(words[0]).isupper()


def _mention_from_tokens(text: str, tokens: list[Token], i: int, j: int) -> Mention | None:
    while i < j and tokens[i].low in _LEADING_SKIP:
        i += 1
    if j - i > 2 and tokens[i].low in _TIME_LEAD and tokens[i + 1].low in _TIME_NOUNS:
        i += 2  # "Last Friday Prigozhin said": a time adverb, not part of the name
    if i >= j:
        return None
    if j - i == 3 and tokens[i + 1].low == "of" and tokens[i + 2].low in ("them", "us"):
        # "Dozens of them marched ... and said": part of a group named before, anonymous
        phrase = text[tokens[i].start : tokens[i + 2].end]
        name = phrase[:1].upper() + phrase[1:]
        return Mention(tokens[i].start, tokens[i + 2].end, phrase, name, "anonymous")
    first = tokens[i]
    if first.low in lx.PREPOSITIONS or _only_dates(tokens, i, j):
        return None  # "of the campaign", "Wednesday", "this week", "2006", "WASHINGTON"
    if j - i == 1 and first.low in lx.PRONOUNS:
        return Mention(first.start, first.end, first.text, "", "", pronoun=lx.PRONOUNS[first.low])
    if j - i == 1 and first.low in ("who", "which"):
        return Mention(first.start, first.end, first.text, "", "", relative=True)
    # Split "President Vladimir V. Putin of Russia": the head is before the first "of"/"for".
    head_end = j
    tail_words: list[str] = []
    for k in range(i + 1, j):
        after = k + 2 if k + 2 < j and tokens[k + 1].low == "the" else k + 1  # "of the X"
        if tokens[k].low in ("of", "for") and tokens[k - 1].cap and after < j and tokens[after].cap:
            # Only cut when what precedes is a person name, not "Secretary of State".
            a, b = _name_run(tokens, i, k)
            if (
                # two words of a name, not "The Church" of "The Church of England"
                sum(t.low not in lx.DETERMINERS for t in tokens[a:b]) >= 2
                # "Mr. Holm of the Lake Fund": an honorific and a surname
                and (tokens[a].low not in lx.TITLE_WORDS or tokens[a].low in lx.HONORIFICS)
                and tokens[k - 1].low not in lx.TITLE_WORDS  # "US Secretary of State X"
                # "the Qatari Ministry of Foreign Affairs": a body's name goes on after "of"
                and _strip_possessive(tokens[k - 1].low) not in _INSTITUTION_WORDS
            ):
                head_end = k
                tail_words = [t.text for t in tokens[k + 1 : j]]
            break
    a, b = _name_run(tokens, i, head_end)
    words = [t.text for t in tokens[i:head_end]]
    run_words = [t.text for t in tokens[a:b]]
    run_lows = {_strip_possessive(w).lower() for w in run_words}
    is_person = (
        b > a
        and not any(map(_is_possessive, run_words))
        and run_lows.isdisjoint(_INSTITUTION_WORDS)
        and " ".join(run_words) not in lx.COUNTRIES
        and " ".join(run_words) not in lx.REGIONS
        and " ".join(run_words) not in lx.COUNTRY_ALIASES
        and not _country_of(run_words[-1])
        and (
            b - a >= 2
            or tokens[a].low in lx.HONORIFICS
            or a > i
            or tokens[b - 1].cap
            or _PARTICLE_NAME_RE.match(tokens[b - 1].text)
        )
        # "FSB", "NATO", "The FSB" (a capitalised determiner): a lone acronym names a body.
        and not _lone_acronym(run_words)
        # "the Ministry of Defence", "the Department of Foreign Affairs": a body's portfolio.
        and not _body_portfolio(tokens, i, b)
        # "the Bank of the West", "the Church of the Nazarene": one body's name.
        and not _of_the_name(tokens, i, a)
    )
    role_words = [t.text for t in tokens[i:a] if t.low not in lx.DETERMINERS]
    # "the attorney general of New York": a person, though "New York" names no one
    in_region = b > a and " ".join(run_words) in lx.REGIONS
    office_of = (is_person or in_region) and _office_of(tokens, i, a)
    if office_of:
        is_person = False
    if is_person and b - a == 1 and tokens[a].low in lx.DETERMINERS:
        is_person = False  # "Some said", "Many say": a quantifier, not a name
    if is_person and b - a == 1 and a == i and not words[0][:1].isupper():
        is_person = False
    if (
        is_person
        and b - a == 1
        and (tokens[a].low in lx.ANONYMOUS_HEADS or tokens[a].low in lx.PLURAL_GROUP_HINT)
    ):
        is_person = False  # "Diplomats said" at the start of a sentence
    if is_person and b - a >= 2 and run_words[-1].lower() in lx.STAFF_PLURALS:
        is_person = False  # a headline's "OpenAI Employees"
    # (A lone demonym, "Russian", is no person either: `_country_of` above rejects it.)
    if is_person:
        s, e = tokens[a].start, tokens[b - 1].end
        name_words = [w for w in run_words if w.lower() not in lx.HONORIFICS] or run_words
        role = " ".join(
            w
            for w in role_words
            if (not _country_of(w) or w.lower() in lx.TITLE_WORDS) and not _is_possessive(w)
        )
        aff = _affiliation(words[: a - i] + tail_words)
        return Mention(
            s,
            e,
            text[s:e],
            " ".join(name_words),
            "person",
            role=role.strip(),
            affiliation=aff,
            proper=True,
        )
    s, e = tokens[i].start, tokens[head_end - 1].end
    kind = "person" if office_of else classify(words, False)
    if kind == "group" and b > a and _body_portfolio(tokens, i, b):
        kind = "organization"  # "the Centers for Disease Control and Prevention": no group
    name = _canonical(words)
    aff = _affiliation(words + tail_words)
    if kind == "government" and not aff:
        aff = _country_of(name) or lx.COUNTRY_ALIASES.get(name, "")
    role = ""
    if kind in ("person", "anonymous") and words:
        role = " ".join(w for w in role_words if not _country_of(w))
    return Mention(s, e, text[s:e], name, kind, role=role, affiliation=aff)
