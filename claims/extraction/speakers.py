"""Speaker mentions: find the noun phrase that names a speaker, classify it, and resolve it to
one canonical name per article ("Mr. Blinken", "he" -> "Antony J. Blinken").

Parsing is token based over a short window next to a cue, so the cost per claim is bounded
by the window size, not by the article length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from . import lexicon as lx

# Words (with inner apostrophes, hyphens, dots of abbreviations) and the punctuation that
# separates noun phrases. A trailing dot is only kept for abbreviations, see `tokenize`.
# Plain form: `[^\W_](?:[\w’'&-]|\.(?=\w))*\.?|[,;:()“”\"«»—–]|''`; the runs of word characters
# are hoisted out of the repeated group so that `re` matches them in one tight loop.
_TOKEN_RE = re.compile(r"[^\W_][\w’'&-]*(?:\.(?=\w)[\w’'&-]*)*\.?|[,;:()“”\"«»—–]|''")
# Possessive endings ("Trump's", "voters’"). Tokens and words never hold a newline, so a
# plain `endswith` test is the same as the regex `(?:['’]s|s['’])$` and much cheaper.
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_INITIAL_RE = re.compile(r"^(?:[A-Z]\.)+$")
_ABBREV_TOKEN_RE = re.compile(r"(?:[A-Z]\.)+$|(?:[A-Za-z]\.)+[A-Za-z]\.$")

# Proper names anywhere in the text (for "Mr. Blinken" -> "Antony J. Blinken" and pronouns).
# Two to five capitalised tokens; middle initials allowed. Bounded repetition keeps it linear.
# Spelled so that the pattern opens with a character class: `re` then skips to the next
# capital letter in C instead of trying a match at every position (3-4x faster whole-text
# scans). The word boundary is checked after that first letter (`(?<!\w.)`: no word character
# before it) and the honorific is matched by its remaining letters. Same matches as the plain
# form `\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][a-zà-ÿ’'-]+(?:...){1,3}`.
_NAME_RE = re.compile(
    r"[A-Z](?<!\w.)(?:(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=R)ep|(?<=G)(?:ov|en))\.\s+[A-Z])?"
    r"[a-zà-ÿ’'-]+"
    r"(?:\s+(?:[A-Z]\.\s*){0,2}(?:(?:de|van|von|bin|al|da|di|le|la|del|der)\s+)?"
    r"[A-Z][a-zà-ÿ’'-]+){1,3}"
)
# `\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\w’'-]+)`, opened by a character class as above.
_HONORIFIC_NAME_RE = re.compile(
    r"([MD](?<!\w.)(?:(?<=M)(?:r|rs|s|iss)|(?<=D)r))\.?\s+([A-Z][\w’'-]+)"
)

_LEADING_SKIP = frozenset(
    [
        "but",
        "and",
        "so",
        "yet",
        "as",
        "if",
        "when",
        "while",
        "because",
        "although",
        "though",
        "since",
        "after",
        "before",
        "then",
        "still",
        "however",
        "now",
        "also",
        "instead",
        "meanwhile",
        "indeed",
        "moreover",
        "thus",
        "hence",
        "even",
        "only",
        "or",
        "nor",
        "later",
        "earlier",
    ]
)
_QUANTIFIERS = frozenset(
    ("another", "others", "some", "many", "most", "several", "both", "few", "one", "all")
)
# -ed/-ing words that are common inside speaker phrases.
_PARTICIPLE_NOUNS = frozenset(
    (
        "united",
        "elected",
        "retired",
        "embattled",
        "indicted",
        "acting",
        "leading",
        "ruling",
        "governing",
        "founding",
        "presiding",
        "outgoing",
        "incoming",
        "ranking",
        "polling",
        "fundraising",
        "reporting",
        "briefing",
        "meeting",
        "hearing",
        "building",
        "opening",
        "trading",
        "banking",
        "advertising",
        "undecided",
        "unnamed",
        "alleged",
        "armed",
        "detained",
        "wounded",
        "qualified",
        "evangelical",
        "sitting",
        "longstanding",
        "aged",
        "skilled",
        "organized",
        "talented",
        "related",
        "disaffected",
        "registered",
        "married",
        "self-described",
        "so-called",
        "defeated",
        "appointed",
        "concerned",
        "interested",
    )
)
# A capitalised name right after one of these is a place ("in New Hampshire").
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|near|across|throughout)\s+$")
_NAME_PARTICLES = frozenset(("de", "van", "von", "bin", "al", "da", "di", "le", "la", "del", "der"))
_CONNECTIVES = frozenset(("of", "for", "and")) | lx.DETERMINERS
_INSTITUTION_WORDS = lx.ORG_WORDS | lx.GOVERNMENT_WORDS | lx.MEDIA_WORDS
_NOT_PERSON_WORDS = _INSTITUTION_WORDS | lx.TITLE_WORDS  # a name holding one is no person
_NAME_LEAD_SKIP = lx.TITLE_WORDS | lx.NP_STOP | lx.DETERMINERS  # dropped before a name
_PLACE_WORDS = frozenset(lx.COUNTRIES) | frozenset(lx.DEMONYMS)  # "Russia", "Russian"


class Token(NamedTuple):
    """One word or separator; `low` and `cap` are precomputed because every rule asks."""

    start: int
    end: int
    text: str
    low: str
    cap: bool


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


def _np_end(tokens: list[Token], i: int, limit: int) -> int:
    """Index just past the noun phrase that starts at tokens[i] (forward, greedy, bounded)."""
    j = i
    n_of = n_and = 0
    seen_word = False
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
            if n_and >= 1 or j + 1 >= limit:
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
                break
            j += 1
            continue
        if t.cap or low in lx.HONORIFICS:
            seen_word = True
            j += 1
            continue
        if low in lx.NP_STOP or low in lx.VERB_STOP:
            break
        if low.endswith("ly") and len(low) > 4:
            break
        if low.endswith("ed") and j > i and tokens[j - 1].cap:
            break  # "Matt Walsh provided": a verb after a name ends the phrase
        if (
            low.endswith(("ed", "ing"))
            and len(low) > 4
            and (j == i or tokens[j - 1].low not in lx.DETERMINERS)
            and low not in _PARTICIPLE_NOUNS
        ):
            break  # "placed national ads", "celebrating victories": a verb, not a noun phrase
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
        elif i < j and tokens[i].cap and not t.cap:
            # A lower-case word before a name is a role ("adviser Alexander Rodnyansky").
            i -= 1
        elif i == j or not tokens[i].cap:
            i -= 1
        else:
            break
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
        if t.cap or _INITIAL_RE.match(t.text) or (t.low in _NAME_PARTICLES and a < b):
            a -= 1
        else:
            break
    # Keep an honorific ("Mr.") but drop titles ("Secretary of State", "President").
    k = a
    while k < b - 1 and (tokens[k].low in lx.TITLE_WORDS and tokens[k].low not in lx.HONORIFICS):
        k += 1
    return k, b


def classify(words: list[str], has_person_name: bool) -> str:
    """Best-guess speaker kind from the words of a phrase."""
    stripped = [_strip_possessive(w) for w in words]
    lows = [w.lower() for w in stripped]
    joined = " ".join(stripped)
    head = lows[-1] if lows else ""
    if any(w in lx.HONORIFICS for w in lows[:1]) or has_person_name:
        return "person"
    if joined in lx.COUNTRIES or joined in lx.COUNTRY_ALIASES:
        return "government"
    if joined.removeprefix("the ").removeprefix("The ") in lx.COUNTRY_ALIASES:
        return "government"
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
        return "organization" if len(words) > 1 else "person"
    return "person" if not head.endswith("s") else "group"


def _affiliation(words: list[str]) -> str:
    for w in words:
        c = _country_of(w)
        if c:
            return c
    return ""


def _canonical(words: list[str]) -> str:
    ws = list(words)
    while ws and ws[0].lower() in lx.DETERMINERS:
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
    all-caps datelines ("this week", "2006", "WASHINGTON")."""
    seen = False
    for t in tokens[i:j]:
        low = t.low
        if low in lx.DETERMINERS:
            continue
        if not (
            low in _TIME_WORDS_ONLY or t.text.isdigit() or (t.text.isupper() and len(t.text) > 3)
        ):
            return False
        seen = True
    return seen


def _mention_from_tokens(text: str, tokens: list[Token], i: int, j: int) -> Mention | None:
    while i < j and tokens[i].low in _LEADING_SKIP:
        i += 1
    if i >= j:
        return None
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
        if tokens[k].low in ("of", "for") and tokens[k - 1].cap and k + 1 < j and tokens[k + 1].cap:
            # Only cut when what precedes is a person name, not "Secretary of State".
            a, b = _name_run(tokens, i, k)
            if b - a >= 2 and tokens[a].low not in lx.TITLE_WORDS:
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
        and " ".join(run_words) not in lx.COUNTRY_ALIASES
        and not _country_of(run_words[-1])
        and (b - a >= 2 or tokens[a].low in lx.HONORIFICS or a > i or tokens[b - 1].cap)
    )
    role_words = [t.text for t in tokens[i:a] if t.low not in lx.DETERMINERS]
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
    if is_person:
        # A single capitalised word that is a plural or a demonym ("Democrats") is a group.
        single = run_words[0] if len(run_words) == 1 else ""
        if single and (
            single in lx.DEMONYMS
            or (single.endswith("s") and single.lower() in lx.PLURAL_GROUP_HINT)
        ):
            is_person = False
    if is_person:
        s, e = tokens[a].start, tokens[b - 1].end
        name_words = [w for w in run_words if w.lower() not in lx.HONORIFICS] or run_words
        role = " ".join(w for w in role_words if not _country_of(w) or w.lower() in lx.TITLE_WORDS)
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
    kind = classify(words, False)
    name = _canonical(words)
    aff = _affiliation(words + tail_words)
    if kind == "government" and not aff:
        aff = _country_of(name) or lx.COUNTRY_ALIASES.get(name, "")
    role = ""
    if kind in ("person", "anonymous") and words:
        role = " ".join(w for w in role_words if not _country_of(w))
    return Mention(s, e, text[s:e], name, kind, role=role, affiliation=aff)


def _segment_start(tokens: list[Token], j: int) -> int:
    """Index of the first token after the nearest separator before tokens[j]."""
    i = j
    while i > 0 and _is_wordish(tokens[i - 1]):
        i -= 1
    return i


def _drop_parentheses(tokens: list[Token]) -> list[Token]:
    """Remove short parenthesised asides ("Sen. X (D-Mo.) said") from a token list."""
    if not any(t.text == "(" for t in tokens):
        return tokens
    out: list[Token] = []
    depth_start = -1
    for t in tokens:
        if t.text == "(":
            depth_start = len(out)
            out.append(t)
        elif t.text == ")" and depth_start >= 0:
            if len(out) - depth_start <= 8:
                del out[depth_start:]
            else:
                out.append(t)
            depth_start = -1
        else:
            out.append(t)
    return out


def subject_before(text: str, start: int, cue_start: int) -> Mention | None:
    """The speaker phrase ending just before a cue, e.g. "Mr. Blinken" in "Mr. Blinken said".

    Handles appositives ("Ukraine's president, Volodymyr Zelensky, said"), role phrases with
    relative clauses ("the head of X that has ..., said") and intervening auxiliaries.
    Returns None when no plausible subject is found. Cost is bounded by the window size.
    """
    start = max(start, cue_start - 160)
    tokens = tokenize(text, start, cue_start)
    if text.find("(", start, cue_start) >= 0:  # "(" is always a token of its own
        tokens = _drop_parentheses(tokens)
    j = len(tokens)
    while (
        j > 0
        and _is_wordish(tokens[j - 1])
        and (
            tokens[j - 1].low in lx.AUX_ADVERBS
            or (
                tokens[j - 1].low.endswith("ly")
                and not tokens[j - 1].cap
                and len(tokens[j - 1].low) > 4
            )
        )
    ):
        j -= 1
    if j == 0:
        return None
    # "Mr. Trump, however, said": drop a parenthetical adverb between commas.
    if (
        j >= 3
        and tokens[j - 1].text == ","
        and tokens[j - 3].text == ","
        and (
            tokens[j - 2].low in _LEADING_SKIP
            or tokens[j - 2].low in lx.AUX_ADVERBS
            or tokens[j - 2].low in ("too", "though", "meanwhile", "however", "instead")
        )
    ):
        j -= 3
    if tokens[j - 1].text == ",":
        m = _appositive_subject(text, tokens, j)
        return m
    return _plain_subject(text, tokens, j)


def _appositive_subject(text: str, tokens: list[Token], j: int) -> Mention | None:
    """ "A, B, said" and longer chains ("Cory James, 22, of Flint, Mich., said").

    Comma segments are read right to left while they are noun phrases or modifiers
    (relative clauses, prepositional phrases, ages). The leftmost proper name wins
    ("Ukraine's president, Volodymyr Zelensky, said"); otherwise the leftmost noun phrase
    ("Kazakhstan, which Mr. Blinken visited, said"). The other noun phrases give the role.
    """
    segs: list[tuple[int, int, str]] = []
    end = j - 1  # index of the comma before the cue
    while end > 0 and len(segs) < 6:
        start = _segment_start(tokens, end)
        if start >= end:
            break
        first = tokens[start].low
        if (
            first in lx.RELATIVE_PRONOUNS
            or first.startswith(("who’", "who'"))
            or first in lx.PREPOSITIONS
            or first in ("including", "now", "then", "like", "whose", "both", "speaking")
            or first.endswith("ing")
            or all(t.text[:1].isdigit() for t in tokens[start:end])
            or (end - start == 1 and (first in _LEADING_SKIP or first in lx.AUX_ADVERBS))
        ):
            kind = "mod"
        else:
            a = start
            while a < end and tokens[a].low in _LEADING_SKIP:
                a += 1
            e = _np_end(tokens, a, end) if a < end else a
            if a < end and tokens[a].low.endswith("ing") and a > start:
                e = a  # "also campaigning in Wisconsin": a participle phrase
            if a == e and a < end and tokens[a].low.endswith("ing"):
                kind = "mod"
            elif a < e and e >= end - 1:
                kind = "np"
            elif a < e or (a < end and tokens[a].low in ("the", "a", "an")):
                kind = "desc"  # a description: "a director at Human Rights Watch"
            else:
                kind = "other"
            if kind in ("np", "desc"):
                start = a
        if kind == "other":
            break
        segs.append((start, end, kind))
        if start == 0 or tokens[start - 1].text != ",":
            break
        end = start - 1
    nps = [(st, en) for st, en, k in segs if k == "np"]
    if not nps:
        # Not a chain: the phrase right before the comma, if it starts a noun phrase.
        b_start = _segment_start(tokens, j - 1)
        while b_start < j - 1 and tokens[b_start].low in _LEADING_SKIP:
            b_start += 1
        if b_start < j - 1 and (
            tokens[b_start].low in lx.RELATIVE_PRONOUNS or tokens[b_start].low in lx.PREPOSITIONS
        ):
            return None  # "that Sanders can catch Clinton, said X": not a subject
        seg = _np_end(tokens, b_start, j - 1) if b_start < j - 1 else b_start
        return mention_from_tokens(text, tokens, b_start, seg) if seg > b_start else None
    mentions = []
    for st, en in reversed(nps):  # left to right
        e = _np_end(tokens, st, en)
        m = mention_from_tokens(text, tokens, st, e)
        if m is not None:
            mentions.append(m)
    if not mentions:
        return None
    head = next((m for m in mentions if m.proper), mentions[0])
    descs = [(st, en) for st, en, k in segs if k == "desc" and tokens[st].start > head.start]
    for st, en in descs:
        e = _np_end(tokens, st, en)
        m = mention_from_tokens(text, tokens, st, e)
        if m is not None:
            mentions.append(m)
    for other in mentions:
        if other is head:
            continue
        if head.kind == "person":
            head.role = head.role or _role_text(other)
        head.affiliation = head.affiliation or other.affiliation
    head.phrase_start = mentions[0].phrase_start or mentions[0].start
    return head


def _role_text(m: Mention) -> str:
    """A description used as a role: "the foreign secretary of India" -> "foreign secretary"."""
    return _role_words(m.text.split())


def _role_words(words: list[str]) -> str:
    while words and (
        words[0].lower() in lx.DETERMINERS or _is_possessive(words[0]) or words[0] in lx.DEMONYMS
    ):
        words = words[1:]
    for cut in ("of", "for", "at", "in", "with", "who", "which", "from"):
        if cut in words:
            words = words[: words.index(cut)]
    return " ".join(words)


def _plain_subject(text: str, tokens: list[Token], j: int) -> Mention | None:
    seg_start = _segment_start(tokens, j)
    while seg_start < j and tokens[seg_start].low in _LEADING_SKIP:
        seg_start += 1
    if seg_start >= j:
        return None
    if tokens[j - 1].low in lx.PRONOUNS or tokens[j - 1].low in ("who", "which"):
        return mention_from_tokens(text, tokens, j - 1, j)
    if (
        tokens[j - 1].low == "that"
        and j >= 2
        and _is_wordish(tokens[j - 2])
        and tokens[j - 2].low not in lx.NP_STOP
    ):
        t = tokens[j - 1]  # "a message that said"
        return Mention(t.start, t.end, t.text, "", "", relative=True, phrase_start=t.start)
    if tokens[j - 1].low in _QUANTIFIERS and (
        j == 1 or not _is_wordish(tokens[j - 2]) or tokens[j - 2].low in ("yet", "and", "but")
    ):
        t = tokens[j - 1]  # "Another said", "Most say"
        return Mention(
            t.start, t.end, t.text, t.text.capitalize(), "anonymous", phrase_start=t.start
        )
    first = tokens[seg_start].low
    if (first not in lx.PREPOSITIONS and first not in lx.NP_STOP) or first == "the":
        end = _np_end(tokens, seg_start, j)
        # The phrase must reach the cue, or be followed by a relative clause.
        if end > seg_start and (
            end == j
            or tokens[end].low in ("that", "who", "which", "whose")
            or _only_time_words(tokens, end, j)
        ):
            return mention_from_tokens(text, tokens, seg_start, end)
    i = _back_np_start(tokens, j, seg_start)
    if i < j:
        return mention_from_tokens(text, tokens, i, j)
    return None


def clause_subject(text: str, start: int, end: int) -> Mention | None:
    """The subject of the main clause in text[start:end]: the first comma-separated segment
    whose opening noun phrase is followed by more words (a verb), skipping intro phrases."""
    end = min(end, start + 300)
    tokens = tokenize(text, start, end)
    if text.find("(", start, end) >= 0:  # "(" is always a token of its own
        tokens = _drop_parentheses(tokens)
    i = 0
    n = len(tokens)
    candidate: Mention | None = None
    while i < n:
        k = i
        while k < n and tokens[k].text != ",":
            k += 1
        a = i
        while a < k and tokens[a].low in _LEADING_SKIP:
            a += 1
        if a < k and tokens[a].low.endswith("ing") and not tokens[a].cap:
            i = k + 1
            continue  # "Speaking at a town hall, Trump ...": skip the participle phrase
        if (
            a < k
            and tokens[a].cap
            and tokens[a].low.endswith("ing")
            and a + 1 < k
            and (tokens[a + 1].low in lx.PREPOSITIONS or not tokens[a + 1].cap)
        ):
            i = k + 1
            continue
        if a < k and tokens[a].low in ("he", "she", "they", "we", "i", "it") and a + 1 < k:
            return mention_from_tokens(text, tokens, a, a + 1)  # "he supported X and said"
        if a < k and tokens[a].low not in lx.PREPOSITIONS and _is_wordish(tokens[a]):
            e = _np_end(tokens, a, k)
            if a < e < k and not _only_time_words(tokens, e, k):
                return mention_from_tokens(text, tokens, a, e)
            if e == k and candidate is None and k < n:
                # "Dan Backer, the fund's lawyer, has rejected ...": an appositive chain.
                m = mention_from_tokens(text, tokens, a, e)
                if m is not None and m.proper:
                    candidate = m
            elif e == a and candidate is not None:
                return candidate
        elif a < k and candidate is not None and tokens[a].low in lx.AUX_ADVERBS:
            return candidate
        i = k + 1
    return candidate


_TIME_WORDS = frozenset(
    [
        "on",
        "in",
        "at",
        "last",
        "this",
        "next",
        "yesterday",
        "today",
        "tonight",
        "week",
        "month",
        "year",
        "morning",
        "evening",
        "night",
        "afternoon",
        "earlier",
        "later",
        "also",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "the",
        "a",
        "of",
        "ago",
        "recently",
        "previously",
    ]
)


_TIME_WORDS_ONLY = _TIME_WORDS - {"the", "a", "of"}


def _only_time_words(tokens: list[Token], i: int, j: int) -> bool:
    return all(t.low in _TIME_WORDS or t.text[:1].isdigit() for t in tokens[i:j])


def subject_after(text: str, cue_end: int, end: int) -> tuple[Mention | None, int]:
    """The speaker phrase right after an inverted cue ("..., said Mr. Smith, a spokesman.").

    Returns the mention and the offset where the phrase (with any appositive) ends.
    """
    end = min(end, cue_end + 300)
    tokens = tokenize(text, cue_end, end)
    if not tokens:
        return None, cue_end
    j = _np_end(tokens, 0, len(tokens))
    if j == 0:
        return None, cue_end
    m = mention_from_tokens(text, tokens, 0, j)
    stop = tokens[j - 1].end
    if m is not None and j < len(tokens) and tokens[j].text == ",":
        k = _np_end(tokens, j + 1, len(tokens))
        if k > j + 1 and (
            tokens[j + 1].low in lx.DETERMINERS
            or not tokens[j + 1].cap
            or tokens[j + 1].low in lx.TITLE_WORDS
        ):
            # A description runs to the next comma or the sentence end: "Larry Noble, an
            # attorney with the Campaign Legal Center."
            while (
                k < len(tokens)
                and tokens[k].text not in (",", ";", ".", "“", '"')
                and k - j < 25
                and tokens[k].low not in ("who", "which", "whose")
            ):
                k += 1
        # An appositive ends the sentence or is closed by a comma; otherwise it is a clause.
        if k > j + 1 and (k == len(tokens) or tokens[k].text in (",", ";", ".", "“", '"')):
            appos = [t.text for t in tokens[j + 1 : k]]
            if m.kind == "person":
                m.role = m.role or _role_words(appos)
                m.affiliation = m.affiliation or _affiliation(appos)
            stop = tokens[k - 1].end
    return m, stop


def possessor_before(text: str, start: int, noun_start: int) -> Mention | None:
    """The owner of a claim noun: "China's (longstanding) declaration", "his warning"."""
    tokens = tokenize(text, max(start, noun_start - 120), noun_start)
    j = len(tokens)
    # Skip adjectives between the possessor and the noun.
    k = j
    while (
        k > 0
        and _is_wordish(tokens[k - 1])
        and not tokens[k - 1].cap
        and (
            tokens[k - 1].low not in lx.PRONOUNS
            and tokens[k - 1].low not in ("his", "their", "its")
        )
        and not _is_possessive(tokens[k - 1].text)
        and j - k < 3
    ):
        k -= 1
    if k == 0:
        return None
    t = tokens[k - 1]
    if t.low in ("his", "her", "their", "its", "my", "our"):
        p = {"his": "m", "her": "f", "their": "p", "its": "n", "my": "s", "our": "p"}[t.low]
        return Mention(t.start, t.end, t.text, "", "", pronoun=p)
    if _is_possessive(t.text) and t.cap:
        i = k - 1
        while (
            i > 0
            and k - i < 6
            and (tokens[i - 1].cap or _INITIAL_RE.match(tokens[i - 1].text))
            and not _is_possessive(tokens[i - 1].text)
        ):
            i -= 1
        m = mention_from_tokens(text, tokens, i, k)
        if m is not None:
            # The mention keeps the possessive off its span.
            stripped = _strip_possessive(m.text)
            m.end = m.start + len(stripped)
            m.text = stripped
            if not m.name or m.name.endswith(("’s", "'s")):
                m.name = _strip_possessive(m.name)
        return m
    return None


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    gender: str = ""  # "m", "f" or ""
    last: str = ""
    proper: bool = False


@dataclass(slots=True)
class Registry:
    """Speakers and person names seen so far in one article (built fresh per call)."""

    text: str
    in_quote: object  # callable(pos) -> bool
    by_last: dict[str, Entity] = field(default_factory=dict)
    by_name: dict[str, Entity] = field(default_factory=dict)
    mention_pos: list[int] = field(default_factory=list)
    mention_ent: list[Entity] = field(default_factory=list)
    speakers: list[tuple[int, Entity]] = field(default_factory=list)

    def prescan(self) -> None:
        """Register every multi-word proper name and honorific gender, in text order."""
        text = self.text
        genders: dict[str, str] = {}
        for m in _HONORIFIC_NAME_RE.finditer(text):
            h = m.group(1).lower() + "."
            g = "f" if h in lx.FEMALE_HONORIFICS or h == "miss." else "m" if h == "mr." else ""
            if g:
                genders.setdefault(_strip_possessive(m.group(2)), g)
        for m in _NAME_RE.finditer(text):
            start = m.start()
            if self.in_quote(start) or _PLACE_BEFORE_RE.search(text, max(0, start - 8), start):
                continue
            found = m.group()
            words = all_words = found.split()
            while words and words[0].lower() in _NAME_LEAD_SKIP:
                words = words[1:]
            if len(words) < 2 or words[0].lower() in lx.HONORIFICS:
                continue
            titles = all_words[: len(all_words) - len(words)]
            words[-1] = _strip_possessive(words[-1])
            lows = {w.lower() for w in words}
            if not lows.isdisjoint(_NOT_PERSON_WORDS):
                continue
            full = " ".join(words)
            if full in lx.COUNTRIES or not _PLACE_WORDS.isdisjoint(words):
                continue
            ent = self._person(full)
            if not ent.role and titles and all(w.lower() in lx.TITLE_WORDS for w in titles):
                lead = text[max(0, m.start() - 30) : m.start()].split()
                if len(lead) >= 2 and lead[-1] == "of" and lead[-2].lower() in lx.TITLE_WORDS:
                    titles = [*lead[-2:], *titles]
                ent.role = " ".join(titles)
            if ent.gender == "" and words[-1] in genders:
                ent.gender = genders[words[-1]]
            self.mention_pos.append(start + len(found) - len(found.lstrip()))
            self.mention_ent.append(ent)

    def _person(self, full: str) -> Entity:
        ent = self.by_name.get(full)
        if ent is None:
            last = full.split()[-1]
            ent = self.by_last.get(last)
            if ent is None or (
                len(full) > len(ent.name)
                and ent.name.split()[-1] == last
                and (full.split()[0] == ent.name.split()[0])
            ):
                if ent is None:
                    ent = Entity(full, "person", last=last, proper=True)
                    self.by_last[last] = ent
                else:
                    ent.name = full
            self.by_name[full] = ent
        return ent

    def resolve(self, m: Mention, pos: int) -> Entity | None:
        """Map a mention to an article-level entity, registering new ones."""
        if m.relative:
            return self.resolve(m.antecedent, pos) if m.antecedent is not None else None
        if m.pronoun:
            return self._resolve_pronoun(m, pos)
        if m.kind == "person":
            words = [w for w in m.name.split() if w.lower() not in lx.HONORIFICS]
            if not words:
                return None
            last = _strip_possessive(words[-1])
            ent = self.by_name.get(" ".join(words))
            if ent is None:
                ent = self.by_last.get(last)
            if ent is None:
                ent = Entity(" ".join(words), "person", last=last, proper=m.proper)
                self.by_last[last] = ent
                self.by_name[ent.name] = ent
            ent.proper = ent.proper or m.proper
            h = m.text.split()[0].lower() if m.text else ""
            if h in lx.FEMALE_HONORIFICS:
                ent.gender = "f"
            elif h in lx.MALE_HONORIFICS:
                ent.gender = "m"
            ent.role = ent.role or m.role
            ent.affiliation = ent.affiliation or m.affiliation
            return ent
        if not m.name:
            return None
        key = m.name.lower()
        ent = self.by_name.get(key)
        if ent is None and m.text.lower().startswith(("the ", "this ", "that ")):
            ent = self._generic(m)
        if ent is None:
            ent = Entity(m.name, m.kind, role=m.role, affiliation=m.affiliation)
            self.by_name[key] = ent
        return ent

    def _generic(self, m: Mention) -> Entity | None:
        head = m.name.split()[-1].lower()
        for _, ent in reversed(self.speakers[-8:]):
            if ent.name.split()[-1].lower() == head:
                return ent
            if head in lx.MEDIA_WORDS and ent.kind == "media":
                return ent
        return None

    def _resolve_pronoun(self, m: Mention, pos: int) -> Entity | None:
        p = m.pronoun
        want_person = p in ("m", "f", "s")
        if m.relative:
            return None
        if p in ("s",) or m.text.lower() in ("we", "you"):
            return None
        # The previous speaker, if recent and compatible, wins: news prose keeps its subject.
        for spos, ent in reversed(self.speakers[-3:]):
            if pos - spos > 700:
                break
            if self._compatible(ent, p, want_person):
                return self._learn_gender(ent, p)
        if want_person:
            i = bisect.bisect_left(self.mention_pos, pos)
            steps = 0
            while i > 0 and steps < 30:
                i -= 1
                steps += 1
                ent = self.mention_ent[i]
                if pos - self.mention_pos[i] > 3000:
                    break
                if self._compatible(ent, p, True):
                    return self._learn_gender(ent, p)
        for spos, ent in reversed(self.speakers[-6:]):
            if pos - spos > 3000:
                break
            if self._compatible(ent, p, want_person):
                return ent
        return None

    @staticmethod
    def _learn_gender(ent: Entity, p: str) -> Entity:
        """Once "he" or "she" resolves to someone, later pronouns must agree with it."""
        if p in ("m", "f") and not ent.gender:
            ent.gender = p
        return ent

    @staticmethod
    def _compatible(ent: Entity, p: str, want_person: bool) -> bool:
        if want_person:
            if ent.kind != "person" or (ent.gender and ent.gender != p):
                return False
            head = ent.name.split()[-1].lower() if ent.name else ""
            return ent.proper or head in lx.ANONYMOUS_HEADS or head in lx.TITLE_WORDS
        if p == "p":
            return ent.kind in ("group", "anonymous", "government", "organization", "media")
        if p == "n":
            return ent.kind in ("government", "organization", "media")
        return False

    def note_speaker(self, pos: int, ent: Entity) -> None:
        self.speakers.append((pos, ent))
