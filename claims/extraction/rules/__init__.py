"""The claim rules, in the order the engine tries them.

A rule is a small function with a docstring example of the construction it takes. For each
trigger (a turn of an interview transcript, a reporting cue, a claim noun before "that", a
one-line paragraph, a quote no cue claimed) the engine tries
the rules of that trigger in table order: the first rule that answers with a claim (`Draft`) or
with `NO_CLAIM` ends the search; `None` passes to the next rule. Filters (rules that never
make a claim) sit in the table where they apply. Every claim carries the name of its rule.

To add a construction: write the function next to its kind (a cue rule in speaker_after.py,
speaker_before.py or participles.py, a filter in cue_filters.py; quotes.py) with an
example in its docstring, put it in `RULES` where it must be tried, and add its cases to
tests/extraction/rule_cases.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import cue_filters, interview, participles, quotes, speaker_after, speaker_before
from .article import NO_CLAIM, Article, Draft, NoClaim

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up cost)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["NO_CLAIM", "RULES", "Article", "Draft", "NoClaim", "Rule", "rules_for"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    trigger: str  # "turn", "cue", "claim_noun", "line" or "quote"
    apply: Callable[[Article, Any], Draft | NoClaim | None]
    makes_claims: bool = True  # False for filters


def _rule(trigger: str, fn: Callable, *, makes_claims: bool = True) -> Rule:
    return Rule(fn.__name__, trigger, fn, makes_claims)


def _filter(fn: Callable) -> Rule:
    return _rule("cue", fn, makes_claims=False)


RULES: tuple[Rule, ...] = (
    # Interview transcripts first, in text order: an answer is the guest's, a question is
    # no claim and nothing else is taken from it (rules/interview.py).
    _rule("turn", interview.interview_turn),
    # Reporting cues, in text order; belief and stance verbs after all other cues, so that
    # "X believed A, Y said B" gives B to the stronger cue.
    _filter(cue_filters.cue_inside_quote_or_claim),
    _filter(cue_filters.cue_in_editors_note),
    _filter(cue_filters.cue_as_adjective),
    _filter(cue_filters.called_as_naming),
    _filter(cue_filters.cue_past_sentence_window),
    _rule("cue", speaker_after.according_to),
    _filter(cue_filters.belief_without_clause),
    _filter(cue_filters.negated_cue),
    _filter(cue_filters.passive_stance),
    _filter(cue_filters.passive_cue),
    _filter(cue_filters.find_as_discovery),
    _rule("cue", participles.went_on_to),
    _rule("cue", speaker_after.said_then_subject),
    _rule("cue", speaker_after.quote_then_phrasal_cue),
    _rule("cue", speaker_after.phrasal_cue),
    _rule("cue", speaker_after.points_out),
    _rule("cue", speaker_after.quote_then_cue_subject),
    _rule("cue", speaker_after.clause_then_cue_subject),
    _rule("cue", participles.participle_clause),
    _rule("cue", participles.statement_saying),
    _rule("cue", participles.conjoined_or_participle),
    _rule("cue", speaker_before.content_then_subject_cue),
    _rule("cue", speaker_before.quote_sentence_then_subject_cue),
    _rule("cue", speaker_before.stance_verb_object),
    _rule("cue", speaker_before.what_x_called),
    _rule("cue", speaker_before.subject_cue_content),
    # Claim nouns: "the ministry's claim that ...".
    _rule("claim_noun", quotes.claim_noun_that),
    # One-line paragraphs credited before a colon (headlines), in text order.
    _rule("line", quotes.name_colon_line),
    # Quotes no cue claimed, in text order.
    _rule("quote", quotes.split_quote_continuation),
    _rule("quote", quotes.quote_after_reported_speech),
    _rule("quote", quotes.quoted_sentence_continuation),
    _rule("quote", quotes.multi_paragraph_quote),
    _rule("quote", interview.interview_quote),
    _rule("quote", quotes.continuation_paragraph),
    _rule("quote", quotes.as_x_put_it),
    _rule("quote", quotes.colon_introduced_quote),
    _rule("quote", quotes.dash_credit),
    _rule("quote", quotes.quote_then_unlisted_verb),
)


def rules_for(trigger: str) -> tuple[Rule, ...]:
    """The rules of one trigger, in table order."""
    return tuple(r for r in RULES if r.trigger == trigger)
