"""Person names, organisation names and role descriptions as matching keys. Pure Python.

Used by the speaker resolver (claims/services/speakers/) to decide whether two surface forms
name the same speaker across articles. Every key is built on ``normalise_name`` (anyascii
transliteration, casefolded, punctuation-free), so "Łukasz" = "Lukasz" and Cyrillic compares
with its romanisation.

- ``person_parts``: (given, surname) of a name, with titles, honorifics, a possessive owner
  and nationality in front dropped ("Kremlin spokesman Dmitry Peskov", "Microsoft's Satya
  Nadella", "Gen. Valery Gerasimov") and particles kept in the surname ("von der Leyen",
  "bin Salman"); nameparser splits what remains (suffixes such as "Jr." go).
- ``surname_key``: the surname without its leading particles and with romanisation differences
  folded: "Al-Ansari", "al Ansari" and "Ansari" share one key.
- ``given_compatible``: two given names may be one person's ("Dmitry"/"Dimitry"/"Dmitri",
  "Vladimir"/"Volodymyr", an initial and a name); different names are not ("Anna"/"Peter").
- ``org_parts``: an organisation's name without a nationality in front, and that country:
  "the Russian National Anti-Terrorism Committee" -> ("russia", "national anti terrorism
  committee").
- ``org_body_keys``: an organisation's acronym and, for a state body, what it does in its
  country: "FSB", "Russia's Federal Security Service" and "Russian state security" share
  "function:russia:security".
- ``role_parts``: a role description as (head, other words, country): "Qatar's foreign ministry
  spokesperson" and "a spokesperson for Qatar's Foreign Ministry" give one key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from nameparser import HumanName

from claims.extraction.bodykeys import body_keys
from claims.extraction.lexicon import (
    COUNTRIES,
    COUNTRY_ALIASES,
    DETERMINERS,
    GOVERNMENT_WORDS,
    HONORIFICS,
    MEDIA_WORDS,
    ORG_WORDS,
    TITLE_WORDS,
)
from claims.normalise import normalise_name

# The memoised functions below by name: what `prime` may fill.
_MEMOS: dict[str, Callable] = {}


def _memo(maxsize: int):
    """functools.lru_cache's part for the functions below, kept in a plain dict so that the
    import's writing process can be handed answers its pool workers computed
    (`speaker_name_facts`, `prime`): the functions are pure, so an answer from another
    process is the one this process would compute. Full, the dict starts again empty (a
    later miss is computed again), where lru_cache would drop the least recently used."""

    def decorate(fn):
        cache: dict = {}

        @functools.wraps(fn)
        def memoised(*args):
            try:
                return cache[args]
            except KeyError:
                pass
            if len(cache) >= maxsize:
                cache.clear()
            value = cache[args] = fn(*args)
            return value

        memoised.cache = cache
        memoised.maxsize = maxsize
        _MEMOS[fn.__name__] = memoised
        return memoised

    return decorate


# Given names that are one name in different transliterations (compared by translit_key).
GIVEN_NAME_VARIANTS = [
    ("Volodymyr", "Vladimir", "Wladimir", "Volodimir"),
    ("Oleksandr", "Alexander", "Aleksandr", "Alexandr", "Olexander", "Oleksander"),
    ("Dmytro", "Dmitry", "Dmitri", "Dmitriy"),
    ("Serhiy", "Sergei", "Sergey", "Serhii", "Sergiy"),
    ("Andriy", "Andrei", "Andrey", "Andrii"),
    ("Oleksiy", "Alexei", "Alexey", "Aleksei", "Oleksii"),
    ("Mykhailo", "Mikhail", "Mykhaylo"),
    ("Mykola", "Nikolai", "Nikolay"),
    ("Yuriy", "Yuri", "Yury", "Iurii"),
    ("Ihor", "Igor"),
    ("Petro", "Pyotr", "Petr"),
    ("Yevhen", "Yevgeny", "Evgeny", "Yevgeniy"),
    ("Olena", "Yelena", "Elena"),
    ("Maksym", "Maxim", "Maksim"),
    ("Anatoliy", "Anatoly"),
    ("Valeriy", "Valery"),
    ("Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed"),
]

# Particles that stand before a surname and are dropped from its key ("al-Ansari" = "Ansari",
# "von der Leyen" = "Leyen"). "le"/"la" (Le Pen), "abu" (a kunya), "san"/"st" (part of the
# name itself) and "mac"/"mc" stay.
SURNAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "ud",
        "ul",
        "bin",
        "ibn",
        "bint",
        "ben",
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "zu",
        "ter",
    ]
)
# Words that head a description of a person's office: a name never ends with one.
ROLE_HEADS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "president",
        "minister",
        "secretary",
        "governor",
        "mayor",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "leader",
        "ambassador",
        "commissioner",
        "adviser",
        "advisor",
        "chancellor",
        "premier",
        "senator",
        "congressman",
        "congresswoman",
        "sheriff",
        "deputy",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "officer",
        "head",
        "chief",
        "founder",
        "boss",
        "commander",
        "general",
        "prosecutor",
        "envoy",
        "negotiator",
        "representative",
        "strongman",
        "dictator",
    ]
)
# Words that change which office a role is: "vice president" is not the president.
ROLE_MODIFIERS = frozenset(w.rstrip(".") for w in TITLE_WORDS) - ROLE_HEADS
_SPOKES = re.compile(r"^spokes(?:man|woman|people|persons?)$")
_TITLES = (
    frozenset(w.rstrip(".") for w in TITLE_WORDS | HONORIFICS)
    | ROLE_HEADS
    | frozenset(("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "madam", "ceo", "pm"))
)
# A name never ends with an office or an honorific ("Kremlin Spokesperson" is a description);
# it may end with a title word that is also a surname ("King", "Judge", "Marshal").
_NAME_END_STOP = ROLE_HEADS | frozenset(w.rstrip(".") for w in HONORIFICS)
_NON_PERSON_WORDS = (
    frozenset(w.rstrip(".") for w in ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS) - _TITLES
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_VOWELS = frozenset("aeiou")
_VOWELS_AT_END = re.compile(r"[aeiou]+$")
_DOUBLES = re.compile(r"(.)\1+")
_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(demonym -> country, country name -> country), all normalised, loaded on first use.

    Countries, their English demonyms and alternative spellings come from `countryinfo`
    (about 250 countries and territories), plus the extractor lexicon's table and aliases
    (capitals used as metonyms: "Moscow", "Kyiv") and news spellings it lacks ("Belarussian").
    """
    from countryinfo import all_countries

    demonyms: dict[str, str] = {}
    names: dict[str, str] = {}
    for country in all_countries():
        info = country.info()
        name = normalise_name(info.get("name") or "")
        if not name:
            continue
        names.setdefault(name, name)
        for spelling in info.get("altSpellings") or ():
            key = normalise_name(spelling)
            if len(key) > 3 and not key.isdigit():  # not the ISO codes ("QA", "QAT")
                names.setdefault(key, name)
        if demonym := normalise_name(info.get("demonym") or ""):
            demonyms.setdefault(demonym, name)
    for country, adjectives in COUNTRIES.items():
        key = normalise_name(country)
        names[key] = key
        for adjective in adjectives:
            demonyms[normalise_name(adjective)] = key
    for alias, country in COUNTRY_ALIASES.items():
        key = normalise_name(alias)
        if key.removeprefix("the ") not in (
            "kremlin",
            "white house",
            "pentagon",
            "state department",
            "downing street",
        ):
            names.setdefault(key, normalise_name(country))
    for adjective, country in {
        "us": "united states",
        "uk": "united kingdom",
        "belarussian": "belarus",
        "saudi": "saudi arabia",
        "emirati": "united arab emirates",
        "palestinian": "palestine",
    }.items():
        demonyms.setdefault(adjective, country)
    return demonyms, names


def demonym_country(word: str) -> str:
    """The country a nationality adjective names ("Qatari" -> "qatar"), or ''."""
    return _countries()[0].get(normalise_name(word), "")


def country_of(text: str) -> str:
    """The normalised country a place name, demonym or affiliation names, or ''."""
    key = normalise_name(text).removeprefix("the ")
    demonyms, names = _countries()
    return names.get(key) or demonyms.get(key, "")


def _country_in(words: list[str]) -> tuple[str, int, int]:
    """(country, start, end) of the first country name or demonym in normalised words."""
    demonyms, names = _countries()
    for i in range(len(words)):
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words) - i >= size and (found := names.get(phrase) or demonyms.get(phrase)):
                return found, i, i + size
    return "", 0, 0


def _romanisation_key(word: str) -> str:
    w = normalise_name(word).replace(" ", "")
    w = w.replace("x", "ks").replace("kh", "h").replace("ph", "f").replace("w", "v")
    w = w.replace("y", "i").replace("j", "i")
    return _DOUBLES.sub(r"\1", w)


@functools.lru_cache(maxsize=1 << 16)
def translit_key(word: str) -> str:
    """A key equal for common romanisations of one surname: Zelenskyy/Zelensky/Zelenskiy."""
    w = _romanisation_key(word)
    stripped = _VOWELS_AT_END.sub("", w)
    # Short names keep their vowels: "Lee" is not "Lou", "Wu" not "Va".
    return stripped if len(stripped) >= 3 else w


_GIVEN_GROUP = {translit_key(n): group[0] for group in GIVEN_NAME_VARIANTS for n in group}


@_memo(maxsize=1 << 14)
def given_key(word: str) -> str:
    """translit_key of a given name, one for the variants in GIVEN_NAME_VARIANTS ("Dmitry",
    "Dmytro"). A final "a" stays: it marks another name ("Iva"/"Ivo", "Aleksandra")."""
    final_a = len(word) > 2 and _romanisation_key(word).endswith("a")
    name = _GIVEN_GROUP.get(translit_key(word), word)
    if final_a != _romanisation_key(name).endswith("a"):
        name = word  # "Aleksandra" is not in the "Aleksandr" group
    key = translit_key(name)
    return key + "a" if final_a else key


def given_compatible(a: str, b: str) -> bool:
    """Two given_keys may name one person: equal, an initial of the other, or one vowel apart
    by insertion ("dmitr"/"dimitr": a romanisation's epenthetic vowel; "marian"/"marion",
    a substitution, stay apart). Empty keys are compatible with anything."""
    if not a or not b or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1 or len(short) < 4:
        return False
    # Not the last letter: "Aleksandr"/"Aleksandra" are two people.
    return any(
        ch in _VOWELS and long_[:i] + long_[i + 1 :] == short for i, ch in enumerate(long_[:-1])
    )


_QUANTITY_WORDS = frozenset(
    [
        "more",
        "than",
        "less",
        "fewer",
        "over",
        "under",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "least",
        "out",
        "all",
        "most",
        "many",
        "several",
        "hundreds",
        "dozens",
        "thousands",
        "majority",
        "half",
        "percent",
        "per",
        "cent",
    ]
)


def _bare(token: str) -> str:
    return normalise_name(_POSSESSIVE.sub("", token))


def _is_cut(token: str) -> bool:
    """A token after which a person's name may start: a title, honorific, nationality, a
    possessive owner ("Microsoft's") or a lower-case word ("spokesman")."""
    if _POSSESSIVE.search(token) and len(token) > 2:
        return True
    if not token[:1].isupper():
        return normalise_name(token) not in SURNAME_PARTICLES
    bare = normalise_name(token)
    return bare in _TITLES or bool(demonym_country(bare))


@_memo(maxsize=1 << 15)
def split_person_name(name: str) -> tuple[str, str, str] | None:
    """(what stands before the name, given, surname), or None when `name` is no person's name.

    "Ukrainian President Volodymyr Zelenskiy" -> ("Ukrainian President", "Volodymyr",
    "Zelenskiy"); "Mr Peskov" -> ("Mr", "", "Peskov"); "Ursula von der Leyen" -> ("",
    "Ursula", "von der Leyen"); "Qatar's foreign ministry spokesperson" -> None.
    """
    tokens = [t.strip(",;:()") for t in name.replace("\u00a0", " ").split()]
    tokens = [t for t in tokens if t]
    if len(tokens) > 1 and _bare(tokens[-1]) in _SUFFIXES:
        tokens = tokens[:-1]
    cut = 0
    for i, token in enumerate(tokens[:-1]):
        if _is_cut(token):
            cut = i + 1
    rest = tokens[cut:]
    if not rest:
        return None
    bares = [_bare(t) for t in rest]
    if any(
        not t[:1].isupper() and b not in SURNAME_PARTICLES for t, b in zip(rest, bares, strict=True)
    ):
        return None
    if bares[-1] in _NAME_END_STOP or demonym_country(bares[-1]) or bares[-1] in SURNAME_PARTICLES:
        return None
    if any(b in _NON_PERSON_WORDS for b in bares):
        return None
    before = " ".join(tokens[:cut])
    if len(rest) == 1 and country_of(rest[0]):
        return None  # "President of Canada"; a bare "Jordan" is the country, not a person
    if len(rest) == 1:
        return before, "", rest[0]
    parsed = HumanName(" ".join(rest))
    last = parsed.last or rest[-1]
    first = parsed.first if parsed.last else ""
    if _bare(first) in _TITLES:
        first = ""
    return before, first, last


def person_parts(name: str) -> tuple[str, str] | None:
    """(given, surname) of a person's name, given '' when absent; None for descriptions.

    "Antony J. Blinken" -> ("Antony", "Blinken"); "Mr. Zelensky" -> ("", "Zelensky");
    "Gen. Valery Gerasimov" -> ("Valery", "Gerasimov"); "Head of the Wagner force" -> None.
    """
    split = split_person_name(name)
    return None if split is None else (split[1], split[2])


def clean_person_name(name: str) -> str:
    """The name without what stands before it: "Kremlin spokesman Dmitry Peskov" -> "Dmitry
    Peskov"; the name itself when it is no person's name."""
    split = split_person_name(name)
    if split is None or not split[0]:
        return name
    tokens = name.split()
    return " ".join(tokens[len(split[0].split()) :]) or name


@_memo(maxsize=1 << 15)
def surname_key(surname: str) -> str:
    """translit_key of the surname without leading particles: "Al-Ansari" = "Ansari"."""
    words = normalise_name(surname).split()
    while len(words) > 1 and words[0] in SURNAME_PARTICLES:
        words = words[1:]
    return translit_key(" ".join(words))


def _words(text: str) -> tuple[list[str], str]:
    """Normalised words of a description without determiners, and the country it names
    ("the President of the United States" -> (["president"], "united states"))."""
    words = []
    for token in text.split():
        for word in _bare(token).split():
            if word in DETERMINERS or word in ("for", "of", "at", "in", "to", "s"):
                continue
            words.append("spokesperson" if _SPOKES.match(word) else word)
    country, start, end = _country_in(words)
    if country:
        words = words[:start] + words[end:]
    return words, country


@_memo(maxsize=1 << 14)
def org_parts(name: str, affiliation: str = "") -> tuple[str, str]:
    """(country, name key) of an organisation: a nationality or a country's possessive in
    front goes into the country ("the Russian National Anti-Terrorism Committee" ->
    ("russia", "national anti terrorism committee")), else the affiliation's country.
    The key is '' when what remains is one generic word ("the Qatari Ministry")."""
    words, country = _words(name)
    # "More than 500 of Acme's 700 employees" is "Acme employees": counts change by the hour.
    words = [w for w in words if not w.isdigit() and w not in _QUANTITY_WORDS]
    if len(set(words)) < 2:
        # One word ("Voters", "the Ministry", "Politicians") is too common a name to match on
        # once the nationality or count is gone; the exact alias still matches it.
        return country or country_of(affiliation), ""
    if "affairs" in words and PORTFOLIO_BODIES.intersection(words) and len(set(words)) >= 3:
        # "the Ministry of Foreign Affairs" is "the Foreign Ministry"; "Home Affairs
        # Department" the "Home Department".
        words = [w for w in words if w != "affairs"]
    # Word order and linking words vary ("employees from Acme", "Acme employees").
    key = " ".join(sorted(set(words) - {"from", "by", "with", "and"}))
    return country or country_of(affiliation), key


@_memo(maxsize=1 << 14)
def org_body_keys(name: str) -> frozenset[str]:
    """The keys an organisation's name shares with its other names: its acronym ("FSB",
    "Central Intelligence Agency" -> "acronym:CIA") and, for a state body, its country and
    what it does ("Russian state security" -> "function:russia:security"); see
    claims/extraction/bodykeys.py. Empty for most names ("Acme", "the Foreign Ministry")."""
    return body_keys(name.split())


# Bodies named by their portfolio, in either order: "Ministry of Defence", "Defence Ministry".
PORTFOLIO_BODIES = frozenset(("ministry", "department", "office", "secretariat"))


@_memo(maxsize=1 << 14)
def role_head(description: str) -> str:
    """The office word a description is about, or '' when it is not about a person's office.

    "a spokesperson for Qatar's Foreign Ministry" -> "spokesperson"; "the Russian president"
    -> "president"; "the foreign ministry" -> ''.
    """
    words, _ = _words(re.split(r"\s(?:for|of|at)\s", description, maxsplit=1)[0])
    if not words:
        return ""
    head = words[-1]
    return head if head in ROLE_HEADS or head == "spokesperson" else ""


@_memo(maxsize=1 << 14)
def role_parts(role: str, affiliation: str = "") -> tuple[str, frozenset[str], str] | None:
    """(head, the other words, country) of an office, or None when `role` names no office.

    "Qatar's foreign ministry spokesperson" and "Spokesperson for Qatar’s Foreign Ministry"
    both give ("spokesperson", {"foreign", "ministry"}, "qatar"); the country comes from the
    text, else from `affiliation`.
    """
    head = role_head(role)
    if not head:
        return None
    words, country = _words(role)
    others = frozenset(w for w in words if w != head)
    return head, others, country or country_of(affiliation)


# Words for whoever leads a country, whatever the office: "the Belarusian strongman" is its
# president, "the Ruritanian leader" its president or prime minister (when only one is known).
LEADER_HEADS = frozenset(("leader", "strongman", "dictator", "ruler", "autocrat"))
_HEAD_OF_STATE = LEADER_HEADS | frozenset(("president", "premier", "chancellor"))


def _leads(head: str, words: frozenset[str]) -> bool:
    """The office of a country's leader: "president", "prime minister", "strongman"."""
    return (head in _HEAD_OF_STATE and not words) or (head == "minister" and words == {"prime"})


def role_fits(holder: tuple[str, frozenset[str], str], description: tuple) -> bool:
    """A description fits the office a person is known to hold: same head and country, the
    holder's words all present, and any extra words mere description ("somber-looking"), not
    ones that change the office ("vice", "deputy", "former", "foreign"). A leader word on
    either side ("strongman", "leader") fits any leader's office of that country."""
    head, words, country = holder
    d_head, d_words, d_country = description
    if country != d_country:
        return False
    extra = ROLE_MODIFIERS | _NON_PERSON_WORDS | ROLE_HEADS
    if (head in LEADER_HEADS or d_head in LEADER_HEADS) and country:
        d_core = d_words & extra
        return _leads(head, words) and _leads(d_head, d_core)
    if head != d_head or not words <= d_words:
        return False
    return not (d_words - words) & extra


def role_index_heads(head: str) -> tuple[str, ...]:
    """The heads whose holders a description with this head may be: a leader word looks at
    every leader's office."""
    if head in LEADER_HEADS:
        return (*sorted(_HEAD_OF_STATE), "minister")
    if head in _HEAD_OF_STATE:
        return (head, *sorted(LEADER_HEADS))
    return (head,)


def speaker_name_facts(
    items: Iterable[tuple[str, str, str, str]],
) -> dict[str, dict[tuple, object]]:
    """The answers the speaker resolver will want from the memoised functions above for one
    article's (speaker name, role, affiliation, mention) items: function name -> {arguments:
    answer}. The import's pool workers compute them beside the extraction and the writing
    process `prime`s its caches with them, so it looks names up instead of parsing them
    (nameparser and the rest: a third of its CPU). Only a forecast of the resolver's
    questions: one it did not foresee is answered in the writing process as before."""
    facts: dict[str, dict[tuple, object]] = {}

    def ask(fn, *args):
        value = fn(*args)
        facts.setdefault(fn.__name__, {})[args] = value
        return value

    def person(surface):
        if split := ask(split_person_name, surface):
            if split[1]:
                ask(given_key, split[1])
            ask(surname_key, split[2])
        return split

    for name, role, affiliation, mention in items:
        name, role, affiliation = name or "", role or "", affiliation or ""
        for surface in {name, name.strip(), mention or ""} - {""}:
            # As is (the article's given names, titles, descriptions) and title-cased (how an
            # alias is indexed), and the name without what stands before it (a new speaker's).
            split = person(surface)
            person(surface.title())
            if split:
                if split[0]:
                    ask(role_parts, split[0], affiliation)
                if (clean := clean_person_name(surface)) != surface:
                    person(clean)
                    person(clean.title())
        for text in {name, name.strip()} - {""}:
            ask(role_head, text)
            ask(role_parts, text, affiliation)
            ask(org_parts, text)
            ask(org_parts, text, affiliation)
            ask(org_body_keys, text)
        if role:
            ask(role_parts, role, affiliation)
    return facts


def prime(facts: dict[str, dict[tuple, object]]) -> None:
    """Put `speaker_name_facts`' answers (computed in another process) in this process's
    caches."""
    for name, answers in facts.items():
        memo = _MEMOS[name]
        if len(memo.cache) + len(answers) > memo.maxsize:
            memo.cache.clear()
        memo.cache.update(answers)
