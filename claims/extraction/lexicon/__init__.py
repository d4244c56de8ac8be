"""Hand-written word lists the rules rely on.

Written from general knowledge of English news style (reporting verbs, titles, countries);
nothing here is mined from any corpus. Keep entries lower-case unless noted. Reporting verbs
are listed by lemma in verbs.py; their forms come from the generated table verb_forms.py.
The other lists live in data modules by concern (words, bodies, rule_words, coref); every name
is re-exported here, so code reads `lexicon.NAME` whichever module holds it.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata

from .bodies import (  # noqa: F401 (re-exported: lx.NAME)
    ANONYMOUS_HEADS,
    BODY_ACRONYMS,
    COUNTRIES,
    COUNTRY_ALIASES,
    DEMONYMS,
    FUNCTION_HEADS,
    GOVERNMENT_WORDS,
    KNOWN_COMPANIES,
    MEDIA_WORDS,
    MEMBER_HEADS,
    ORG_WORDS,
    PAPER_TITLES,
    PLURAL_GROUP_HINT,
    REGIONS,
    STAFF_PLURALS,
    STATE_QUALIFIERS,
)
from .coref import (  # noqa: F401 (re-exported: lx.NAME)
    CARRIER_NAMES,
    DOCUMENT_NOUNS,
    FEMALE_ROLE_NOUNS,
    LEADER_HEADS,
    MALE_ROLE_NOUNS,
    PERSON_DESCRIPTION_HEADS,
    PLACE_HEADS,
    SINGLE_HOLDER_TITLES,
    STUDY_NOUNS,
    TRAILING_SUBJECT_ADVERBS,
    US_STATE_ABBREVIATIONS,
)
from .rule_words import (  # noqa: F401 (re-exported: lx.NAME)
    ADJUNCT_STARTS,
    BROADCAST_NOUNS,
    CALENDAR_WORDS,
    CLAUSE_LINKS,
    CLAUSE_VERBS_AFTER_IT,
    CONTINUATION_OPENERS,
    CONTINUING_PARTICIPLES,
    GO_ON_FORMS,
    HEADLINE_LABELS,
    IT_CONTRACTIONS,
    MENTION_TIME_WORDS,
    MESSAGE_NOUNS,
    MONTHS,
    NAMED_DAY_MODIFIERS,
    NON_CLAUSE_STARTS,
    OBJECT_WORDS,
    PARTICIPLE_NOUNS,
    PLURAL_MODIFIERS,
    REMARK_NOUNS,
    THAT_NOT_CLAUSE,
    TIME_ADJUNCT_STARTS,
    TIME_NOUNS,
    WEEKDAYS,
    WH_WORDS,
)
from .verb_forms import VERB_FORMS
from .verbs import (
    AS_LEMMAS,
    BELIEF_LEMMAS,
    INTENT_LEMMAS,
    NOUNISH_LEMMAS,
    OBJECT_LEMMAS,
    SPEECH_LEMMAS,
    STANCE_OBJECT_LEMMAS,
    TELL_LEMMAS,
    WEAK_LEMMAS,
)
from .words import (  # noqa: F401 (re-exported: lx.NAME)
    AUX_ADVERBS,
    CLAIM_NOUNS,
    CONTENT_END_CONJ,
    DETERMINERS,
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    NEGATIONS,
    NP_STOP,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    TITLE_WORDS,
)

# Letters NFKD does not split into a base and a mark: "Łukasz" is "lukasz" in the table.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)


# The ASCII characters a key never holds (it keeps a-z and "-"), deleted by `str.translate`.
_NOT_IN_KEYS = dict.fromkeys(i for i in range(128) if not ("a" <= chr(i) <= "z" or chr(i) == "-"))


@functools.cache
def _given_names() -> tuple[tuple[list[str], str], ...]:
    """The generated tables of given_names.py as (sorted names, "f" or "m"); loaded on first
    use. Looked up by bisection: a dict of the 51,000 names hashed every one of them, 97 M
    instructions of nearly every process; splitting and sorting (already sorted: one pass)
    costs a third of that, and a lookup about 1 µs."""
    from .given_names import FEMALE, MALE

    return (sorted(FEMALE.split()), "f"), (sorted(MALE.split()), "m")


def _table_gender(key: str) -> str | None:
    for names, gender in _given_names():  # no name is in both (test_given_names)
        i = bisect.bisect_left(names, key)
        if i < len(names) and names[i] == key:
            return gender
    return None


def given_name_gender(word: str) -> str:
    """ "f" or "m" when `word` is a given name that tells a gender ("Anna", "Tom", "Ghazala",
    "Khizr", "José"), else "" (ambiguous: "Jordan", "Kim", "Andrea"; unknown; an initial).
    Case and accents do not matter; "Mary-Kate" is read as "Mary" when the whole is not
    listed."""
    bare = word.strip(".")
    if bare.isascii():  # most names: NFKD and the table of letters change nothing
        key = bare.lower().translate(_NOT_IN_KEYS)
    else:
        low = unicodedata.normalize("NFKD", bare).lower().translate(_UNDECOMPOSED)
        key = "".join(ch for ch in low if "a" <= ch <= "z" or ch == "-")
    found = _table_gender(key)
    if found is None and "-" in key:
        found = _table_gender(key.split("-", 1)[0])
    return found or ""


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Every inflected form of a reporting-verb lemma listed in verbs.py (generated table)."""
    return VERB_FORMS[lemma]


def _forms(lemmas: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f for lemma in lemmas for f in VERB_FORMS[lemma])


SPEECH_FORMS: frozenset[str] = _forms(SPEECH_LEMMAS)
BELIEF_FORMS: frozenset[str] = _forms(BELIEF_LEMMAS) - SPEECH_FORMS
INTENT_FORMS: frozenset[str] = _forms(INTENT_LEMMAS)
OBJECT_FORMS: frozenset[str] = _forms(OBJECT_LEMMAS)
STANCE_OBJECT_FORMS: frozenset[str] = _forms(STANCE_OBJECT_LEMMAS)
AS_FORMS: frozenset[str] = _forms(AS_LEMMAS)
WEAK_CUES: frozenset[str] = _forms(WEAK_LEMMAS)
TELL_FORMS: frozenset[str] = _forms(TELL_LEMMAS)
NOUNISH = frozenset(f for lem in NOUNISH_LEMMAS for f in (lem, lem + "s"))
ATTITUDE_FORMS = (INTENT_FORMS | OBJECT_FORMS) - SPEECH_FORMS - BELIEF_FORMS
VERB_STOP = (SPEECH_FORMS | BELIEF_FORMS) - NOUNISH
# The third-person -s form of every verb in the table ("says", "slams", "hammers",
# "addresses"): what a title-case headline's verb after its speaker looks like.
S_VERB_FORMS: frozenset[str] = frozenset(
    f for forms in VERB_FORMS.values() for f in forms[1:2] if f.endswith("s")
)
