"""A rule (or the speaker resolution) that raises loses its own claim, is logged, and the rest
of the article is still extracted."""

from __future__ import annotations

import logging

import pytest

from claims.extraction import core, extract_claims
from claims.extraction.registry import Registry

TEXT = (
    "The mayor said the budget is balanced this year.\n\n"
    "The police chief said the roads are safe again."
)


def test_extract_claims_rule_that_raises_loses_only_its_claim_and_is_logged(monkeypatch, caplog):
    def broken(art, cue):
        if art.text.startswith("chief", cue.start - 6):
            raise RuntimeError("boom")
        return None

    monkeypatch.setattr(core, "_CUE_RULES", (("broken", broken), *core._CUE_RULES))

    with caplog.at_level(logging.ERROR, logger="claims.extraction.core"):
        claims = extract_claims(TEXT)

    assert [c.content for c in claims] == ["the budget is balanced this year"]
    assert len(caplog.records) == 1
    assert "rule broken failed at offset 67" in caplog.records[0].getMessage()
    assert "boom" in caplog.text  # the traceback is in the log


def test_extract_claims_resolution_that_raises_loses_only_its_claim_and_is_logged(
    monkeypatch, caplog
):
    resolve = Registry.resolve

    def broken(self, mention, pos):
        if mention.text == "The police chief":
            raise RuntimeError("boom")
        return resolve(self, mention, pos)

    monkeypatch.setattr(Registry, "resolve", broken)

    with caplog.at_level(logging.ERROR, logger="claims.extraction.core"):
        claims = extract_claims(TEXT)

    assert [(c.content, c.speaker) for c in claims] == [
        ("the budget is balanced this year", "Mayor")
    ]
    assert "resolving the speaker at offset" in caplog.records[0].getMessage()


def test_extract_claims_without_errors_logs_nothing(caplog):
    with caplog.at_level(logging.DEBUG, logger="claims.extraction"):
        claims = extract_claims(TEXT)

    assert [c.rule for c in claims] == ["subject_cue_content", "subject_cue_content"]
    assert caplog.records == []


BUDGET = "\n\nThe mayor said the budget is balanced this year."
INTERVIEW = (
    "Ana Silva runs the harbour clinic, which adds a wing this spring.\n\n"
    "Q: When will the new wing open?\n\n"
    "A: The new wing will open in May, if the builders finish.\n\n"
    "Q: And the cost?\n\n"
    "A: It costs less than the old one did."
)


# Each trigger's site names its offset in the log: a turn its content, a credited line its
# paragraph, a claim noun the noun, a quote its opening mark.
@pytest.mark.parametrize(
    ("table", "text", "sites", "rule"),
    [
        (
            "_TURN_RULES",
            INTERVIEW + BUDGET,
            ["When will", "The new wing", "And the cost", "It costs"],
            "interview_turn",
        ),
        (
            "_LINE_RULES",
            "Ina Lund: Council Has Lost Its Way\n\nThe mayor, Ina Lund, spoke in the square."
            + BUDGET,
            ["Ina Lund"],
            "name_colon_line",
        ),
        (
            "_NOUN_RULES",
            "Ina Lund repeated her belief that the dam is safe for another decade." + BUDGET,
            ["belief"],
            "claim_noun_that",
        ),
        (
            "_QUOTE_RULES",
            "“Get out of my office,” Lund barked." + BUDGET,
            ["“"],
            "quote_then_unlisted_verb",
        ),
    ],
)
def test_extract_claims_each_trigger_logs_its_site_offset_when_a_rule_raises(
    monkeypatch, caplog, table, text, sites, rule
):
    def broken(art, site):
        raise RuntimeError("boom")

    whole = extract_claims(text)
    monkeypatch.setattr(core, table, (("broken", broken), *getattr(core, table)))

    with caplog.at_level(logging.ERROR, logger="claims.extraction.core"):
        claims = extract_claims(text)

    assert [r.getMessage() for r in caplog.records] == [
        f"extraction rule broken failed at offset {text.index(s)}; its claim is skipped"
        for s in sites
    ]
    assert rule in {c.rule for c in whole}
    assert rule not in {c.rule for c in claims}
    assert [c.content for c in claims if c.rule == "subject_cue_content"] == [
        "the budget is balanced this year"
    ]


def test_extract_claims_text_that_cannot_be_segmented_gives_nothing_and_is_logged(
    monkeypatch, caplog
):
    def unreadable(text):
        raise ValueError("no sentences")

    monkeypatch.setattr(core, "Article", unreadable)

    with caplog.at_level(logging.ERROR, logger="claims.extraction.core"):
        claims = extract_claims(TEXT)

    assert claims == []
    assert [r.getMessage() for r in caplog.records] == [
        f"extraction: could not segment a text of {len(TEXT)} characters"
    ]
