"""Each rule of the RULES table against its cases (tests/extraction/rule_cases.py)."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims
from claims.extraction.rules import NO_CLAIM, RULES, rules_for
from claims.extraction.rules.checks import SPEAKER_KINDS

from .construction_cases import CONSTRUCTION_CASES, CONSTRUCTION_DECLINED
from .edge_cases import EDGE_CASES, EDGE_DECLINED
from .rule_cases import CASES, DECLINED_CASES, NO_CLAIM_CASES

ALL_CASES = CASES + CONSTRUCTION_CASES + EDGE_CASES
ALL_DECLINED = DECLINED_CASES + CONSTRUCTION_DECLINED + EDGE_DECLINED


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_rule_finds_its_case(case):
    claims = extract_claims(case.text)

    found = [c for c in claims if c.content == case.content]
    assert found, [(c.content, c.rule) for c in claims]
    (claim,) = found
    assert (claim.speaker, claim.kind, claim.rule) == (
        case.speaker,
        case.kind,
        case.claim_rule or case.rule,
    )
    assert case.text[claim.start : claim.end] == claim.content
    # The kinds the database takes (core._claim has no fallback for any other).
    assert {c.speaker_kind for c in claims} <= set(SPEAKER_KINDS)


@pytest.mark.parametrize(("rule", "text"), NO_CLAIM_CASES, ids=[r for r, _ in NO_CLAIM_CASES])
def test_filter_rule_keeps_its_case_from_yielding_a_claim(rule, text):
    assert extract_claims(text) == []


@pytest.mark.parametrize(("rule", "text"), ALL_DECLINED, ids=[r for r, _ in ALL_DECLINED])
def test_rule_declines_a_text_that_is_not_its_construction(rule, text):
    assert extract_claims(text) == []


def test_rules_every_rule_has_a_case():
    covered = {c.rule for c in CASES} | {rule for rule, _ in NO_CLAIM_CASES}

    assert {r.name for r in RULES} - covered == set()


def test_rules_filters_are_the_rules_that_make_no_claims():
    assert {r.name for r in RULES if not r.makes_claims} == {rule for rule, _ in NO_CLAIM_CASES}


def test_rules_names_are_unique_and_triggers_known():
    names = [r.name for r in RULES]

    assert len(names) == len(set(names))
    triggers = ("turn", "cue", "claim_noun", "line", "quote")
    assert {r.trigger for r in RULES} == set(triggers)
    assert sum(len(rules_for(t)) for t in triggers) == len(RULES)


def test_rules_each_rule_has_a_docstring_example():
    for rule in RULES:
        doc = rule.apply.__doc__ or ""
        assert "`" in doc or "“" in doc, rule.name


def test_no_claim_reads_as_its_name_in_logs_and_failures():
    # A rule's outcome shows up in assertion messages and debug output: NO_CLAIM by name,
    # not as an anonymous object.
    assert repr(NO_CLAIM) == "NO_CLAIM"
