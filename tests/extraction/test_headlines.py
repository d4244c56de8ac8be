"""Headline constructions read by `extract_article`: a title-case headline capitalises its
cue verbs ("..., Announces Mayor Ina Lund", "Nurses Threaten to Quit"). Invented headlines."""

from __future__ import annotations

import pytest

from claims.extraction import extract_article, extract_claims

HEADLINE_CASES = [
    # (headline, content, speaker, rule)
    (
        "Tom Berg and Ana Silva Join City Council to Lead New Housing Team, Announces Mayor"
        " Ina Lund",
        "Tom Berg and Ana Silva Join City Council to Lead New Housing Team",
        "Ina Lund",
        "clause_then_cue_subject",
    ),
    (
        "Town Hall Will Close in May, Mayor Ina Lund Announces",
        "Town Hall Will Close in May",
        "Ina Lund",
        "content_then_subject_cue",
    ),
    (
        "City Nurses, Including Ana Silva, Threaten to Quit Unless the Board Resigns",
        "to Quit Unless the Board Resigns",
        "City Nurses",
        "subject_cue_content",
    ),
    (
        "Union boss Berg was furious during ‘heated’ talks that ended the strike, says Lund",
        "Union boss Berg was furious during ‘heated’ talks that ended the strike",
        "Lund",
        "clause_then_cue_subject",
    ),
]


@pytest.mark.parametrize(("headline", "content", "speaker", "rule"), HEADLINE_CASES)
def test_extract_article_finds_the_headline_claim(headline, content, speaker, rule):
    claims = extract_article(headline, "The council meets again on Monday.")

    assert [(c.in_headline, c.content, c.speaker, c.rule) for c in claims] == [
        (True, content, speaker, rule)
    ]


def test_extract_article_takes_no_capitalised_cue_that_opens_the_headline_or_stands_in_the_body():
    body = "Town Hall Will Close in May, Mayor Ina Lund Announces"

    assert extract_article("Claims of Fraud Grow in Northern Towns", "Nobody spoke.") == []
    assert extract_claims(body) == []


def test_extract_article_names_a_group_as_the_body_spells_it():
    # "Acme Workers" is a group, not a person's name; the body's spelling names it.
    claims = extract_article(
        "Acme Workers Threaten to Strike Over Pay",
        "The Acme workers said the pay offer was an insult.",
    )

    assert [(c.in_headline, c.content, c.speaker) for c in claims] == [
        (True, "to Strike Over Pay", "Acme workers"),
        (False, "the pay offer was an insult", "Acme workers"),
    ]
