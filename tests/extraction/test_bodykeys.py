"""bodykeys.body_keys: the keys that make an acronym, its expansion and a description of what a
state body does name one body (issue 10), and the forms that must stay apart."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims
from claims.extraction.bodykeys import body_keys, is_description

FSB = {"acronym:FSB", "function:russia:security"}

CASES = [
    ("the FSB", "", FSB),
    ("Russia's FSB", "", FSB),
    ("The FSB security service", "", FSB),
    ("Russia's Federal Security Service", "", FSB | {"acronym:FSS"}),
    ("The Federal Security Service", " (FSB) said", FSB | {"acronym:FSS"}),
    ("Russian state security", "", {"function:russia:security"}),
    ("Russian state security forces", "", {"function:russia:security"}),
    ("Russia's state security apparatus", "", {"function:russia:security"}),
    ("Moscow's security services", "", {"function:russia:security"}),
    ("the Ukrainian Security Service", "", {"acronym:SBU", "function:ukraine:security"}),
    ("the Central Intelligence Agency", "", {"acronym:CIA"}),
    ("the CIA", "", {"acronym:CIA"}),
    ("the Ruritanian Water Board", " (RWB)", {"acronym:RWB"}),
    # Say nothing about a state body: troops, police or the FSB; a ministry's name; a firm.
    ("Russian security forces", "", set()),
    ("the US State Department", "", set()),
    ("Acme", "", set()),
    ("the ministry", "", set()),
    # Two initials spell too many names (the foreign and the finance ministry).
    ("the Foreign Ministry", "", set()),
    # An acronym beside another name is no lone acronym.
    ("the FSB and the SVR", "", set()),
    # A description of people names them, not the party or body in front (misattribution
    # regression): the candidate, the voters, the aide.
    ("The GOP presidential candidate", "", set()),
    ("GOP primary voters", "", set()),
    ("the SPD chancellor candidate", "", set()),
    ("an FSB spokesman", "", set()),
    # Members, hopefuls and their plurals too.
    ("the RNC member", "", set()),
    ("The GOP front-runner", "", set()),
    ("some GOP figures", "", set()),
    ("The SPD contenders", "", set()),
    ("the CDU candidates", "", set()),
]


@pytest.mark.parametrize(("mention", "after", "keys"), CASES, ids=[c[0] for c in CASES])
def test_body_keys_table(mention, after, keys):
    assert body_keys(mention.split(), after) == keys


def test_body_keys_description_is_lower_case_words():
    assert [is_description(m.split()) for m in ("Russian state security", "the FSB", "Acme")] == [
        True,
        False,
        False,
    ]


def test_body_keys_keep_other_bodies_apart_in_one_article():
    text = (
        "Russian security forces said the road was closed. The FSB said two men were held. "
        "The Foreign Ministry said talks would go on. The Finance Ministry said taxes would rise."
    )

    speakers = [c.speaker for c in extract_claims(text)]

    assert speakers == ["Russian security forces", "FSB", "Foreign Ministry", "Finance Ministry"]


def test_body_keys_people_described_by_an_acronym_are_not_the_body():
    text = (
        "The GOP presidential candidate said taxes would fall. "
        "Half of GOP primary voters said they were undecided. "
        "The SPD chancellor candidate said the coalition would hold. "
        "The FSB said two men were held. "
        "The Federal Security Service (FSB) said a third man had fled."
    )

    speakers = [c.speaker for c in extract_claims(text)]

    assert "GOP" not in speakers and "SPD" not in speakers
    assert speakers[-2:] == ["FSB", "FSB"]


def test_body_keys_members_and_plural_people_are_not_the_body():
    text = (
        "The RNC member said the budget was too loose. "
        "Some GOP figures declared that the race was over. "
        "The FSB said two men were held."
    )

    speakers = [c.speaker for c in extract_claims(text)]

    assert speakers == ["RNC member", "GOP figures", "FSB"]
