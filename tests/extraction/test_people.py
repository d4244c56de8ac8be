"""People of one article (claims/extraction/people.py): who is named, and which gender an
honorific gives each of them. Every text is made up for the tests."""

from __future__ import annotations

import pytest

from claims.extraction.people import People, role_gender


def _people(text: str) -> People:
    people = People(text, lambda pos: False, [])
    people.prescan()
    return people


def _genders(text: str) -> dict[str, str]:
    people = _people(text)
    return {e.name: e.titled for ents in people.by_last.values() for e in ents}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Two given names joined by "and" share the surname after the second.
        (
            "The parents, Omar and Leila Haddad, spoke at the rally.",
            {"Omar Haddad", "Leila Haddad"},
        ),
        ("Omar and Leila Haddad spoke. Omar Haddad said the law was clear.", None),
        # The word before "and" is a surname ("McCain" of "John McCain"), a company that
        # stands alone elsewhere, or a place after "in": no person.
        ("John McCain and Lindsey Graham spoke.", {"John McCain", "Lindsey Graham"}),
        ("Acme and Tim Cook disagreed. Acme said the deal was bad.", {"Tim Cook"}),
        ("Voters in Texas and Ted Cruz agreed.", {"Ted Cruz"}),
        ("Judge Ana and Tom Berg spoke.", {"Tom Berg"}),
        (
            "Trump and Hillary Clinton spoke. Donald Trump left.",
            {"Hillary Clinton", "Donald Trump"},
        ),
        ("Democrats and Ana Berg spoke.", {"Ana Berg"}),
        # ... nor is a possessive ("Berg's teams and Ina Lund's"): no "Berg's Lund".
        ("Berg’s and Ina Lund's teams met.", {"Ina Lund"}),
    ],
)
def test_people_coordinated_given_names(text, names):
    people = _people(text)

    expected = names if names is not None else {"Omar Haddad", "Leila Haddad"}
    assert set(people.by_name) == expected


@pytest.mark.parametrize(
    ("text", "genders"),
    [
        # The honorific gives gender to the person it is attached to, not to the surname.
        (
            "Mr. Omar Haddad spoke. Leila Haddad said the port would close.",
            {"Omar Haddad": "m", "Leila Haddad": ""},
        ),
        # A bare "Mr. Haddad" named after Omar and before Leila can only be Omar.
        (
            "Omar Haddad said taxes would rise. Mr. Haddad spoke for an hour. "
            "Leila Haddad said the port would close.",
            {"Omar Haddad": "m", "Leila Haddad": ""},
        ),
        # Once one has the other gender, the other honorific is the other person's.
        (
            "Mrs. Ana Lund said taxes would rise. Tom Lund spoke. Mr. Lund left.",
            {"Ana Lund": "f", "Tom Lund": "m"},
        ),
        # Both honorifics, two people either could mean: no one gets a gender ...
        (
            "Kim and Robin Haddad spoke. Mr. Haddad left. Ms. Haddad stayed.",
            {"Kim Haddad": "", "Robin Haddad": ""},
        ),
        # ... unless their given names tell them apart (issue 10).
        (
            "Omar and Leila Haddad spoke. Mr. Haddad left. Ms. Haddad stayed.",
            {"Omar Haddad": "m", "Leila Haddad": "f"},
        ),
        # One honorific for a shared surname: the person named most often.
        (
            "Ana Lund spoke. Tom Lund spoke. Ana Lund left. Mrs. Lund stayed.",
            {"Ana Lund": "f", "Tom Lund": ""},
        ),
        # ... and on a tie, no one; a given name of the other gender is no candidate.
        ("Kim Lund spoke. Robin Lund spoke. Mrs. Lund stayed.", {"Kim Lund": "", "Robin Lund": ""}),
        ("Ana Lund spoke. Tom Lund spoke. Mrs. Lund stayed.", {"Ana Lund": "f", "Tom Lund": ""}),
        (
            "Kim Lund spoke. Robin Lund spoke. Kim Lund left. Mrs. Lund stayed.",
            {"Kim Lund": "f", "Robin Lund": ""},
        ),
        ("Tom Lund spoke. Omar Lund spoke. Mrs. Lund stayed.", {"Tom Lund": "", "Omar Lund": ""}),
        # The lone person of a surname: the honorific, unless the article uses both.
        ("Tom Lund spoke. Mr. Lund left.", {"Tom Lund": "m"}),
        ("Ivana Lund spoke. Mr. Lund left. Ms. Lund stayed.", {"Ivana Lund": ""}),
        # An honorific attached to the name wins over bare ones.
        ("Mr. Tom Lund spoke. Ms. Lund stayed.", {"Tom Lund": "m"}),
    ],
)
def test_people_honorific_gender_is_per_person(text, genders):
    assert _genders(text) == genders


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The title words in front of a name, read back at most six words ("Old Port" is
        # the seventh and eighth).
        (
            "On Monday the Old Port Northern Harbour Board Vice Chair and Deputy Mayor Ina Lund"
            " opened the port.",
            {"northern", "harbour", "board", "vice", "chair", "and", "deputy", "mayor"},
        ),
        # A lone "of" before the name ("a friend of") describes no one.
        ("A friend of Ina Lund opened the port.", set()),
        # An appositive after the name is its description ...
        (
            "Ina Lund, the head of the harbour board, opened the port.",
            {"head", "of", "harbour", "board"},
        ),
        # ... but not one of more than ten words: that is a clause, not a title.
        (
            "Ina Lund, the first of the three sailors to reach the shore after the storm that"
            " night, opened the port.",
            set(),
        ),
    ],
)
def test_people_described_gives_the_title_words_around_a_name(text, words):
    people = _people(text)

    assert people.described(people.by_name["Ina Lund"]) == words


def test_people_a_full_name_joins_the_lone_person_of_its_surname_named_before():
    # Neither name is in the scan ("Mayor Lund" is one word after the title; "Xiaoming"
    # ends in "-ing", as "Following" does): both are registered as the claims name them.
    people = _people("Mayor Lund opened the port in May. Xiaoming Lund, her brother, sailed.")
    lund, _ = people.person(["Lund"], 0, {"mayor"})

    same, how = people.person(["Xiaoming", "Lund"], 35, set())

    assert (same is lund, how, lund.name, lund.given) == (True, "name", "Xiaoming Lund", "Xiaoming")


_GIVEN = "Ada Bo Cy Di Ed Fay Gus Hal Ivy Jo Kit Lu"
_SURNAMES = "Alm Birk Cole Dahl Eng Falk Gran Holm Isak Juhl Krog Lind Moen Nord Rask Sand Tell Vik"
_CROWD = [f"{given} {surname}" for given in _GIVEN.split() for surname in _SURNAMES.split()]


def test_people_last_seen_looks_back_over_at_most_200_names():
    # Ina Lund named twice, then 216 other people: where she was last named is too far back
    # to look for, and her first naming stands in for it.
    text = "Ina Lund opened the port. Ina Lund waved. " + " ".join(f"{n} waved." for n in _CROWD)
    people = _people(text)
    lund = people.by_name["Ina Lund"]
    again = text.index("Ina Lund waved")

    assert len(_CROWD) == 216
    assert people.last_seen(lund, again + 20) == again
    assert people.last_seen(lund, len(text)) == lund.first_pos == 0


@pytest.mark.parametrize(
    ("text", "genders"),
    [
        # The given name tells a gender when the table lists it; an ambiguous one does not.
        ("Anna Berg spoke. Tom Lund spoke. Kim Holm spoke.", {"Anna Berg": "f", "Tom Lund": "m"}),
        # An honorific outranks the given name.
        ("Mr. Lindsey Berg spoke. Tom Lund spoke.", {"Lindsey Berg": "m", "Tom Lund": "m"}),
    ],
)
def test_people_given_name_gives_a_gender(text, genders):
    people = _people(text)

    found = {e.name: e.gender for ents in people.by_last.values() for e in ents if e.gender}
    assert found == genders


def test_people_a_pronoun_resolved_before_the_given_name_outranks_it():
    # "Lund said ... She ..." before the article names "Tom Lund": the pronoun told first.
    people = _people("The port reopened on Monday.")
    ent, _ = people.person(["Lund"], 0, set())
    ent.gender = "f"  # what Registry._learn_gender does for a resolved "she"

    full, how = people.person(["Tom", "Lund"], 10, set())

    assert (full is ent, how, ent.name, ent.named, ent.gender) == (
        True,
        "name",
        "Tom Lund",
        "m",
        "f",
    )


@pytest.mark.parametrize(
    ("words", "gender"),
    [
        ("Kremlin spokeswoman", "f"),
        ("a spokeswoman for the port", "f"),
        ("the husband of the mayor", "m"),
        ("Lund's wife", "f"),
        # governed by a preposition or a possessive: someone else's
        ("a lawyer for his wife", ""),
        ("a friend of the mother", ""),
        # a "-man" title, neutral words, both genders: nothing
        ("Trump spokesman", ""),
        ("the actor and chair", ""),
        ("the son and daughter", ""),
    ],
)
def test_role_gender_reads_the_role_nouns_of_one_description(words, gender):
    assert role_gender(words.split()) == gender


@pytest.mark.parametrize(
    ("text", "genders"),
    [
        # a role noun outranks the given name; an honorific outranks the role noun
        ("Lindsey Lund, the son of a farmer, spoke.", {"Lindsey Lund": "m"}),
        ("Ms. Robin Lund, the son of a farmer, spoke.", {"Robin Lund": "f"}),
        # two descriptions that disagree tell nothing
        ("Kim Lund, the son of a farmer, spoke. Kim Lund, a spokeswoman, left.", {}),
    ],
)
def test_people_described_gives_the_gender_of_a_role_noun(text, genders):
    people = _people(text)
    for ents in people.by_last.values():
        for e in ents:
            people.described(e)

    found = {e.name: e.gender for ents in people.by_last.values() for e in ents if e.gender}
    assert found == genders
