"""People of one article (claims/extraction/people.py): who is named, and which gender an
honorific gives each of them. Every text is made up for the tests."""

from __future__ import annotations

import pytest

from claims.extraction.people import People


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
        # Both honorifics, two people either could mean: no one gets a gender.
        (
            "Omar and Leila Haddad spoke. Mr. Haddad left. Ms. Haddad stayed.",
            {"Omar Haddad": "", "Leila Haddad": ""},
        ),
        # One honorific for a shared surname: the person named most often.
        (
            "Ana Lund spoke. Tom Lund spoke. Ana Lund left. Mrs. Lund stayed.",
            {"Ana Lund": "f", "Tom Lund": ""},
        ),
        # ... and on a tie, no one.
        ("Ana Lund spoke. Tom Lund spoke. Mrs. Lund stayed.", {"Ana Lund": "", "Tom Lund": ""}),
        # The lone person of a surname: the honorific, unless the article uses both.
        ("Tom Lund spoke. Mr. Lund left.", {"Tom Lund": "m"}),
        ("Ivana Lund spoke. Mr. Lund left. Ms. Lund stayed.", {"Ivana Lund": ""}),
        # An honorific attached to the name wins over bare ones.
        ("Mr. Tom Lund spoke. Ms. Lund stayed.", {"Tom Lund": "m"}),
    ],
)
def test_people_honorific_gender_is_per_person(text, genders):
    assert _genders(text) == genders
