"""A rule (or the speaker resolution) that raises loses its own claim, is logged, and the rest
of the article is still extracted."""

from __future__ import annotations

import logging

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
