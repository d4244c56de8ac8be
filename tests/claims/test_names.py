"""Name keys for cross-article speaker identity (claims.names, normalise_name, slugs).

Every name here is invented.
"""

import pytest

from claims.models import Speaker
from claims.names import (
    clean_person_name,
    given_compatible,
    given_key,
    org_parts,
    person_parts,
    role_fits,
    role_parts,
    surname_key,
)
from claims.normalise import normalise_name
from tests.fresh import run_fresh


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ingrid von der Haelen", ("Ingrid", "von der Haelen")),
        ("Khalid bin Rashed", ("Khalid", "bin Rashed")),
        ("Pierre de Montclair", ("Pierre", "de Montclair")),
        ("Gen. Arkady Voronin", ("Arkady", "Voronin")),
        ("Dr Samir Al-Haddad", ("Samir", "Al-Haddad")),
        ("Mr Voronin", ("", "Voronin")),
        ("Ruritanian President Anton Varga", ("Anton", "Varga")),
        ("Harbour Authority spokesman Leo Brandt", ("Leo", "Brandt")),
        ("Acme's Chief Executive Officer Nina Okafor", ("Nina", "Okafor")),
        ("Thomas Wendell Jr.", ("Thomas", "Wendell")),
        ("Olga Baranova-King", ("Olga", "Baranova-King")),
        ("Stephen Marshal", ("Stephen", "Marshal")),
        ("Voronin", ("", "Voronin")),
    ],
)
def test_person_parts_drops_titles_and_keeps_particles(name, expected):
    assert person_parts(name) == expected


@pytest.mark.parametrize(
    "description",
    [
        "Harbour Authority Spokesperson",
        "Canada's foreign ministry spokesperson",
        "Somber-looking Canadian president",
        "President of Canada",
        "Russian",
        "the mercenary group's founder",
    ],
)
def test_person_parts_is_none_for_descriptions(description):
    assert person_parts(description) is None


def test_clean_person_name_keeps_only_the_name():
    assert clean_person_name("Ruritanian President Anton Varga") == "Anton Varga"
    assert clean_person_name("Acme's Nina Okafor") == "Nina Okafor"
    assert clean_person_name("Ingrid von der Haelen") == "Ingrid von der Haelen"


def test_surname_key_ignores_particles_and_hyphens():
    assert surname_key("Al-Haddad") == surname_key("al Haddad") == surname_key("Haddad")
    assert surname_key("von der Haelen") == surname_key("Haelen")
    assert surname_key("Haddad") != surname_key("Hadid")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Dmitry", "Dimitry", True),  # an epenthetic vowel
        ("Dmitry", "Dmitri", True),
        ("Vladimir", "Volodymyr", True),  # the variants table
        ("A.", "Anna", True),  # an initial
        ("Anna", "Peter", False),
        ("Marian", "Marion", False),  # a substituted vowel is another name
        ("Ivo", "Iva", False),
        ("Aleksandr", "Aleksandra", False),
    ],
)
def test_given_compatible(a, b, expected):
    assert given_compatible(given_key(a), given_key(b)) is expected


def test_normalise_name_transliterates_with_anyascii():
    assert normalise_name("Łukasz Wróbel") == normalise_name("Lukasz Wrobel") == "lukasz wrobel"
    assert normalise_name("Олександр Коваленко") == "oleksandr kovalenko"
    assert normalise_name("O’Dwyer") == normalise_name("ODwyer")


@pytest.mark.django_db
def test_cyrillic_speaker_name_gets_a_readable_slug():
    speaker = Speaker.objects.create(name="Олександр Коваленко")

    assert speaker.slug == "oleksandr-kovalenko"


def test_role_parts_equal_for_two_wordings_of_one_office():
    assert role_parts("Canada's foreign ministry spokesperson") == role_parts(
        "a spokeswoman for Canada’s Foreign Ministry"
    )
    assert role_parts("foreign ministry spokesman", "Canada") == (
        "spokesperson",
        frozenset({"foreign", "ministry"}),
        "canada",
    )
    assert role_parts("the foreign ministry") is None


def test_role_fits_descriptive_words_but_not_other_offices():
    president = role_parts("President", "Canada")

    assert role_fits(president, role_parts("the somber Canadian president"))
    assert not role_fits(president, role_parts("the Canadian vice president"))
    assert not role_fits(president, role_parts("the Polish president"))


def test_org_parts_moves_a_nationality_into_the_country():
    assert org_parts("the Canadian National Water Board") == ("canada", "board national water")
    assert org_parts("National Water Board", "Canada") == ("canada", "board national water")
    assert org_parts("Water Board of Canada") == ("canada", "board water")
    assert org_parts("the Canadian Ministry") == ("canada", "")  # too generic to match on


def test_org_parts_reads_a_portfolio_in_either_order():
    foreign = ("canada", "foreign ministry")
    assert org_parts("the Canadian Ministry of Foreign Affairs") == foreign
    assert org_parts("Canada's Foreign Ministry") == foreign
    assert org_parts("Ministry of Foreign Affairs of Canada") == foreign
    assert org_parts("Foreign Affairs Ministry", "Canada") == foreign
    assert org_parts("Ministry of Defence") == org_parts("the Defence Ministry")
    assert org_parts("Ministry of Affairs") == ("", "affairs ministry")  # no portfolio left
    assert org_parts("Canadian Ministry of Health") != foreign


# --- answers computed in the import's pool workers (speaker_name_facts, prime) ---------------
ITEMS = [
    # (speaker name, role, affiliation, mention), as the extractor gives them
    ("Ruritanian President Ivo Marek", "President", "Ruritania", "Ruritanian President Ivo Marek"),
    ("Marek", "", "", "Mr. Marek"),
    ("Ruritania's foreign ministry spokesperson", "spokesperson", "Ruritania", "she"),
    ("the Ruritanian Ministry of Water Affairs", "", "Ruritania", "the ministry"),
]


def test_speaker_name_facts_are_the_functions_answers():
    from claims import names

    facts = names.speaker_name_facts(ITEMS)

    assert {"split_person_name", "surname_key", "given_key", "role_parts", "org_parts"} <= set(
        facts
    )
    assert facts["split_person_name"][("Ruritanian President Ivo Marek",)] == (
        "Ruritanian President",
        "Ivo",
        "Marek",
    )
    assert ("Ivo Marek",) in facts["split_person_name"]  # the name a new speaker would take
    for name, answers in facts.items():
        function = getattr(names, name).__wrapped__  # uncached: computed afresh
        for args, answer in answers.items():
            assert function(*args) == answer, (name, args)


def test_primed_answers_from_another_process_spare_the_parsing(monkeypatch):
    """What the pool does: a worker (here a fresh interpreter) computes the facts, this
    process primes its caches with them, and the resolver's questions about those names are
    answered without parsing (nameparser made to fail here)."""
    import pickle

    from claims import names

    code = (
        "import pickle, sys\n"
        "from claims.names import speaker_name_facts\n"
        f"sys.stdout.buffer.write(pickle.dumps(speaker_name_facts({ITEMS!r})))\n"
    )
    stdout = run_fresh(code)
    expected = names.speaker_name_facts(ITEMS)
    for memo in names._MEMOS.values():
        memo.cache.clear()  # a cache: only the time it saves is lost

    names.prime(pickle.loads(stdout))  # noqa: S301 (our own subprocess's output)
    monkeypatch.setattr(names, "HumanName", None)  # parsing would now raise TypeError

    assert names.split_person_name("Ruritanian President Ivo Marek") == (
        "Ruritanian President",
        "Ivo",
        "Marek",
    )
    assert names.person_parts("Ivo Marek".title()) == ("Ivo", "Marek")
    assert names.speaker_name_facts(ITEMS) == expected
