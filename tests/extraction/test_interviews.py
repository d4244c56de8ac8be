"""Interviews (issue 10): the interviewer's questions and the guest's answers alternate; an
answer is the guest's claim, a question is no claim, whatever shape the transcript takes."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims


def claims_of(text):
    return [(c.content, c.speaker, c.kind, c.rule) for c in extract_claims(text)]


QA = (
    "Ana Silva runs the harbour clinic, which adds a wing this spring. Tom Berg, the city"
    " engineer, said the road to it would be finished in April.\n\n"
    "Q: When will the new wing open? The city said it would be June.\n\n"
    "A: The new wing will open in May, if the builders finish.\n\n"
    "And the nurses are hired already.\n\n"
    "Q: Mr Berg said the road may be late?\n\n"
    "**A:** The road will be ready before we are."
)


def test_q_and_a_answers_are_the_guest_s_and_questions_yield_nothing():
    assert claims_of(QA) == [
        (
            "the road to it would be finished in April",
            "Tom Berg",
            "indirect",
            "subject_cue_content",
        ),
        (
            "The new wing will open in May, if the builders finish.",
            "Ana Silva",
            "direct",
            "interview_turn",
        ),
        ("And the nurses are hired already.", "Ana Silva", "direct", "interview_turn"),
        ("The road will be ready before we are.", "Ana Silva", "direct", "interview_turn"),
    ]


NAMED = (
    "Vera Holt interviewed Tom Berg, the city engineer, about the bridge.\n\n"
    "HOLT: Will the bridge reopen this year?\n\n"
    "BERG: The bridge will reopen in the spring, once the repairs are done.\n\n"
    "HOLT: You said in March that the ferry would stop?\n\n"
    "BERG: The ferry keeps running until then.\n\n"
    "HOLT: Thank you."
)


def test_named_turns_the_label_that_asks_is_the_interviewer():
    assert claims_of(NAMED) == [
        (
            "The bridge will reopen in the spring, once the repairs are done.",
            "Tom Berg",
            "direct",
            "interview_turn",
        ),
        ("The ferry keeps running until then.", "Tom Berg", "direct", "interview_turn"),
    ]


DASHES = (
    "Ina Lund has been mayor for ten years. We met her at the town hall.\n\n"
    "– Will taxes rise next year?\n\n"
    "– Taxes will not rise next year, and the pool stays open.\n\n"
    "– Not even for the new school?\n\n"
    "– The school is paid for already."
)


def test_dash_turns_alternate_question_and_answer():
    assert claims_of(DASHES) == [
        (
            "Taxes will not rise next year, and the pool stays open.",
            "Ina Lund",
            "direct",
            "interview_turn",
        ),
        ("The school is paid for already.", "Ina Lund", "direct", "interview_turn"),
    ]


QUOTES = (
    "In an interview on Monday, Ana Silva said the clinic was ready. “We have hired every"
    " nurse we need,” Silva said.\n\n"
    "“Will it open on time?”\n\n"
    "“It will open on the first of May, as planned.”"
)


def test_quoted_question_in_an_interview_is_no_claim_and_the_answer_is_the_guest_s():
    assert claims_of(QUOTES) == [
        ("the clinic was ready", "Ana Silva", "indirect", "subject_cue_content"),
        ("“We have hired every nurse we need,”", "Ana Silva", "direct", "content_then_subject_cue"),
        (
            "“It will open on the first of May, as planned.”",
            "Ana Silva",
            "direct",
            "interview_quote",
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # No one named before it: a FAQ, not an interview.
        "Q: When does the pool open?\n\nA: The pool opens at nine every day.\n\n"
        "Q: Is parking free?\n\nA: Parking is free after six.",
        # Labels, but no one asks: a list, not an interview.
        "Tom Berg wrote the plan.\n\nCost: Lower than last year.\n\nTime: Three months.\n\n"
        "Cost: Paid by the city.",
        # Only two turns.
        "Ana Silva runs the clinic.\n\nQ: When will it open?\n\nA: It opens in May.",
    ],
)
def test_texts_that_are_no_transcript_get_no_interview_claims(text):
    assert [c for c in extract_claims(text) if c.rule.startswith("interview")] == []


def test_quoted_questions_outside_an_interview_are_left_to_the_other_rules():
    # A speaker's own rhetorical question goes on with their words, as before.
    text = QUOTES.replace("In an interview on Monday", "On Monday")

    assert [c.rule for c in extract_claims(text)] == [
        "subject_cue_content",
        "content_then_subject_cue",
        "continuation_paragraph",
        "continuation_paragraph",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Every turn asks: no answers, no guest.
        "Ana Silva runs the clinic.\n\nQ: When will it open?\n\nQ: Who pays?\n\nQ: Why now?",
        # Five voices: a panel or a script, not one interview.
        "Ana Silva runs the clinic.\n\nLUND: Why?\n\nBERG: Because.\n\nMOSS: Why not?\n\n"
        "KAY: Never.\n\nRAY: Later.",
    ],
)
def test_blocks_without_one_interviewer_and_guest_get_no_interview_claims(text):
    assert [c for c in extract_claims(text) if c.rule.startswith("interview")] == []


def test_a_body_answering_is_its_own_speaker_and_names_in_quotes_are_no_guest():
    text = (
        "The sign reads “Vera Lund Clinic”. Ana Silva runs it.\n\n"
        "HOLT: Will the clinic open in May?\n\n"
        "Health Ministry: The clinic will open in May, as planned.   \n\n"
        "HOLT: And the staff?\n\n"
        "Health Ministry: Every nurse is hired."
    )
    qa = (
        text.split("\n\nHOLT")[0]
        + "\n\nQ: When?\n\nA: In May, as planned.\n\nQ: Who?\n\nA: Nurses."
    )

    assert [c for c in claims_of(text) if c[3] == "interview_turn"] == [
        (
            "The clinic will open in May, as planned.",
            "Health Ministry",
            "direct",
            "interview_turn",
        ),
        ("Every nurse is hired.", "Health Ministry", "direct", "interview_turn"),
    ]
    assert {c.speaker for c in extract_claims(qa) if c.rule == "interview_turn"} == {"Ana Silva"}


def test_quotes_in_an_interview_that_are_no_question_and_answer_pair_are_left_alone():
    said = (
        "In an interview, Ana Silva said the clinic was ready. “We have hired every nurse we"
        " need,” Silva said.\n\n"
    )
    asked_in_prose = said + "“Will it open on time?” she was asked.\n\n“It will, as planned.”"
    asked_later = said + "The clinic has forty beds.\n\n“Will it open on time?”\n\n“Yes.”"
    no_question = said + "“It will open on the first of May, as planned.”"
    answer_in_prose = said + "“Will it open on time?”\n\nThe clinic has forty beds. “In May.”"

    for text in (asked_in_prose, asked_later, no_question, answer_in_prose):
        assert [c for c in extract_claims(text) if c.rule == "interview_quote"] == [], text
    assert [c.rule for c in extract_claims(no_question)][-1] == "continuation_paragraph"
