"""Behaviour of `extract_claims` on small hand-written texts, one case per rule."""

from __future__ import annotations

import dataclasses

import pytest

from claims.extraction import EXTRACTOR_VERSION, ExtractedClaim, extract_article, extract_claims
from claims.extraction.output import eval_records


def _only(text: str) -> ExtractedClaim:
    claims = extract_claims(text)
    assert len(claims) == 1, [c.content for c in claims]
    return claims[0]


def _check(claim: ExtractedClaim, expected: dict) -> None:
    for field, value in expected.items():
        assert getattr(claim, field) == value, (field, getattr(claim, field), value)


# -- direct quotes ------------------------------------------------------------------------

DIRECT_CASES = [
    pytest.param(
        "“We will hold the line,” Ms. Maliar said.",
        {
            "content": "“We will hold the line,”",
            "kind": "direct",
            "cue": "said",
            "mention": "Ms. Maliar",
            "speaker": "Maliar",
        },
        id="curly-quote-then-cue",
    ),
    pytest.param(
        '"We will hold the line," said John Smith, a spokesman for the army.',
        {
            "content": '"We will hold the line,"',
            "kind": "direct",
            "cue": "said",
            "mention": "John Smith",
            "speaker": "John Smith",
            "role": "spokesman",
        },
        id="straight-quote-cue-first",
    ),
    pytest.param(
        "The minister was blunt. He said: “Nothing has changed.”",
        {"content": "“Nothing has changed.”", "kind": "direct", "mention": "He"},
        id="cue-colon-quote",
    ),
    pytest.param(
        '"A is true," she said, "and B is true as well."',
        {"content": '"A is true," she said, "and B is true as well."', "kind": "direct"},
        id="quote-split-by-comma-is-one-claim",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_CASES)
def test_extract_claims_direct_quotes(text, expected):
    _check(_only(text), expected)


def test_extract_claims_quote_split_around_a_sentence_cue_is_two_claims_of_one_speaker():
    text = "“A is true,” Ana Ruiz said. “B is true as well.”"

    first, second = extract_claims(text)

    assert (first.content, first.mention, first.cue, first.speaker, first.kind) == (
        "“A is true,”",
        "Ana Ruiz",
        "said",
        "Ana Ruiz",
        "direct",
    )
    # The second half: the same speaker and the same cue, no mention of its own.
    assert (second.content, second.mention, second.cue, second.speaker, second.kind) == (
        "“B is true as well.”",
        None,
        "said",
        "Ana Ruiz",
        "direct",
    )
    assert (second.cue_start, second.cue_end) == (first.cue_start, first.cue_end)
    assert second.rule == "split_quote_continuation"


def test_extract_claims_quote_over_several_paragraphs_is_one_claim():
    text = (
        "Anna Berg, the mayor, said: “We rebuilt the bridge in a year.\n\n"
        "“Nobody thought we could do it.”\n\nThe council met later."
    )

    claim = _only(text)

    assert claim.content == (
        "“We rebuilt the bridge in a year.\n\n“Nobody thought we could do it.”"
    )
    assert claim.speaker == "Anna Berg"
    assert claim.kind == "direct"


def test_extract_claims_continuation_paragraph_takes_previous_speaker_and_cue():
    text = (
        "“Our army is ready,” said General Tom Hale.\n\n"
        "“We have trained for this for years and we will not retreat.”\n\n"
        "“Our soldiers know every road in this valley.”\n\n"
        "The fighting continued."
    )

    first, second, third = extract_claims(text)

    assert first.speaker == second.speaker == third.speaker == "Tom Hale"
    assert second.content == "“We have trained for this for years and we will not retreat.”"
    assert third.content == "“Our soldiers know every road in this valley.”"
    assert (second.mention, second.kind, second.speaker_resolution) == (
        None,
        "direct",
        "continuation",
    )
    assert first.cue == second.cue == third.cue == "said"
    assert first.cue_start == second.cue_start == third.cue_start
    # One attribution relation for the evaluation interface, covering the three quotes.
    (record,) = eval_records([first, second, third], "a.txt", text)
    assert (record["content"]["start"], record["content"]["end"]) == (first.start, third.end)


def test_extract_claims_quote_paragraph_after_an_unquoted_paragraph_is_not_joined():
    text = (
        "“Our army is ready,” said General Tom Hale.\n\n"
        "The fighting continued for three more days.\n\n"
        "“We have trained for this for years and we will not retreat.”"
    )

    claims = extract_claims(text)

    assert [c.content for c in claims] == ["“Our army is ready,”"]


# -- mixed and indirect speech ------------------------------------------------------------


def test_extract_claims_mixed_quote_inside_reported_speech():
    text = (
        "Mr. Blinken said at a news conference that the United States saw “zero evidence” "
        "that Russia was ready to talk."
    )

    claim = _only(text)

    assert claim.kind == "mixed"
    assert claim.content == ("the United States saw “zero evidence” that Russia was ready to talk")


# The shared scorer's reporting verbs (its README, "speech" subset) in the past tense (plus two
# present forms), except "speak", which takes no that-clause ("spoke that ..." is not English).
REPORTING_VERBS = [
    "accused",
    "acknowledged",
    "added",
    "admitted",
    "advised",
    "affirmed",
    "alleged",
    "announced",
    "answered",
    "argued",
    "asked",
    "asserted",
    "assured",
    "boasted",
    "bragged",
    "cautioned",
    "claimed",
    "commented",
    "complained",
    "conceded",
    "concluded",
    "confirmed",
    "contended",
    "countered",
    "criticised",
    "criticized",
    "declared",
    "denied",
    "described",
    "disclosed",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "informed",
    "insisted",
    "joked",
    "maintained",
    "mentioned",
    "noted",
    "observed",
    "pledged",
    "posted",
    "praised",
    "predicted",
    "proclaimed",
    "promised",
    "proposed",
    "questioned",
    "quipped",
    "recalled",
    "recounted",
    "reiterated",
    "remarked",
    "repeated",
    "replied",
    "reported",
    "responded",
    "retorted",
    "revealed",
    "said",
    "screamed",
    "shouted",
    "stated",
    "stressed",
    "suggested",
    "told",
    "testified",
    "threatened",
    "tweeted",
    "urged",
    "vowed",
    "warned",
    "whispered",
    "wrote",
    "yelled",
    "says",
    "calls",
]


@pytest.mark.parametrize("verb", REPORTING_VERBS)
def test_extract_claims_indirect_speech_with_reporting_verb(verb):
    text = f"The finance minister, Ana Silva, {verb} that the budget would be balanced by 2026."

    claim = _only(text)

    assert claim.cue == verb
    assert claim.kind == "indirect"
    assert claim.content == "the budget would be balanced by 2026"
    assert claim.speaker == "Ana Silva"
    assert claim.role == "finance minister"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Officials told reporters that the talks had collapsed.",
            {"cue": "told", "content": "the talks had collapsed", "mention": "Officials"},
            id="told-skips-addressee",
        ),
        pytest.param(
            "The senator called for an immediate ceasefire in the region.",
            {"cue": "called", "content": "an immediate ceasefire in the region"},
            id="called-for",
        ),
        pytest.param(
            "The president urged Congress to pass the bill before the recess.",
            {"cue": "urged", "content": "to pass the bill before the recess"},
            id="urged-object-to",
        ),
        pytest.param(
            "Even a ceasefire, they say, would only freeze the conflict.",
            {"cue": "say", "content": "Even a ceasefire, they say, would only freeze the conflict"},
            id="parenthetical-attribution-covers-sentence",
        ),
        pytest.param(
            "The economy grew by 3 percent last year, the ministry said.",
            {
                "cue": "said",
                "content": "The economy grew by 3 percent last year",
                "mention": "the ministry",
            },
            id="content-before-cue",
        ),
    ],
)
def test_extract_claims_indirect_forms(text, expected):
    _check(_only(text), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "According to state media, the two leaders discussed trade.",
            {
                "cue": "According to",
                "content": "the two leaders discussed trade",
                "mention": "state media",
                "speaker_kind": "media",
            },
            id="according-to-first",
        ),
        pytest.param(
            "The two leaders discussed trade, according to state media.",
            {
                "cue": "according to",
                "content": "The two leaders discussed trade",
                "mention": "state media",
            },
            id="according-to-last",
        ),
        pytest.param(
            'Zelensky: "We will not give up our land."',
            {
                "cue": ":",
                "content": '"We will not give up our land."',
                "mention": "Zelensky",
                "kind": "direct",
            },
            id="headline-colon-form",
        ),
    ],
)
def test_extract_claims_according_to_and_headline_forms(text, expected):
    _check(_only(text), expected)


def test_extract_claims_negated_cue_is_not_a_claim():
    assert extract_claims("She did not say how many troops were being sent.") == []


def test_extract_claims_scare_quotes_alone_are_not_claims():
    assert extract_claims("The so-called “peace plan” was published on Friday.") == []


@pytest.mark.parametrize(
    "second",
    [
        # a quoted name or label inside the sentence, a title at its end, a colon's quote
        "She now hosts “Late Night at the Harbour” on Fridays.",
        "She then signed on for “Open Roads.”",
        "She went further: “Nobody on the board has read the plan at all.”",
        # a sentence with its own cue is another report, even a cue that made no claim
        "Tom Berg later said “nobody on the board has read the plan at all.”",
        "The so-called experts were “wrong about the harbour from the very start.”",
        # a sentence that holds another claim, one further on, one in the next paragraph
        "Tom Berg said he agreed, but “the whole plan for the harbour is dead now.”",
        "The hall was full. Then “nobody on the board listened to us at all.”",
        "\n\nThen “nobody on the board listened to us at all.”",
    ],
)
def test_extract_claims_next_sentence_not_a_quoted_continuation(second):
    text = "“We tried everything,” Ana Ruiz said. " + second

    contents = [c.content for c in extract_claims(text) if c.rule == "quoted_sentence_continuation"]

    assert contents == []


@pytest.mark.parametrize(
    "text",
    [
        # a clause other than a relative one on the speaker, or a relative clause that holds
        # one: the quote after it is not resumed
        "“The risk,” said Ana Ruiz as she left the hall, “is that the jobs move away.”",
        "“The risk,” said Ana Ruiz, who spoke after the mayor, “is that the jobs move away.”",
    ],
)
def test_extract_claims_quote_after_a_clause_on_the_speaker_is_not_resumed(text):
    assert [c.content for c in extract_claims(text)] == ["“The risk,”"]


# -- speaker mentions -----------------------------------------------------------------------

MENTION_CASES = [
    pytest.param(
        "Secretary of State Antony J. Blinken said the talks were useful.",
        {
            "mention": "Antony J. Blinken",
            "speaker": "Antony J. Blinken",
            "role": "Secretary of State",
            "speaker_kind": "person",
        },
        id="name-with-title",
    ),
    pytest.param(
        "“It is hard,” Ukraine’s president, Volodymyr Zelensky, said on Tuesday.",
        {
            "mention": "Volodymyr Zelensky",
            "speaker": "Volodymyr Zelensky",
            "role": "president",
            "affiliation": "Ukraine",
        },
        id="appositive-role-before-name",
    ),
    pytest.param(
        "Vinay Kwatra, the foreign secretary of India, said that talks were needed.",
        {"mention": "Vinay Kwatra", "role": "foreign secretary", "affiliation": "India"},
        id="appositive-role-after-name",
    ),
    pytest.param(
        "In an audio message, the head of the Wagner mercenary force that has led the "
        "offensive said there was no sign of a retreat.",
        {
            "mention": "the head of the Wagner mercenary force",
            "speaker": "Head of the Wagner mercenary force",
            "speaker_kind": "person",
        },
        id="role-description-with-relative-clause",
    ),
    pytest.param(
        "Russia says its annexation must be the baseline for talks.",
        {
            "mention": "Russia",
            "speaker": "Russia",
            "speaker_kind": "government",
            "affiliation": "Russia",
        },
        id="country-as-government",
    ),
    pytest.param(
        "The Kremlin said the drills were routine.",
        {"mention": "The Kremlin", "speaker_kind": "government", "affiliation": "Russia"},
        id="institution-as-government",
    ),
    pytest.param(
        "China’s Foreign Ministry said the proposal was balanced.",
        {
            "mention": "China’s Foreign Ministry",
            "speaker_kind": "government",
            "affiliation": "China",
        },
        id="ministry-as-government",
    ),
    pytest.param(
        "American officials say China is providing a smoke screen.",
        {
            "mention": "American officials",
            "speaker": "American officials",
            "speaker_kind": "anonymous",
            "affiliation": "United States",
        },
        id="anonymous-officials",
    ),
    pytest.param(
        "Diplomats said the meeting had been tense.",
        {"mention": "Diplomats", "speaker_kind": "anonymous"},
        id="anonymous-diplomats",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MENTION_CASES)
def test_extract_claims_speaker_mentions(text, expected):
    _check(_only(text), expected)


# -- resolution inside an article ---------------------------------------------------------


def test_extract_claims_resolves_honorific_and_surname_to_full_name():
    text = (
        "Secretary of State Antony J. Blinken visited Tashkent on Wednesday.\n\n"
        "Mr. Blinken said the region mattered.\n\n"
        "Blinken said he would return soon."
    )

    claims = extract_claims(text)

    assert [c.speaker for c in claims] == ["Antony J. Blinken", "Antony J. Blinken"]
    assert [c.mention for c in claims] == ["Mr. Blinken", "Blinken"]
    assert claims[0].role == "Secretary of State"


def test_extract_claims_resolves_pronouns_to_compatible_speaker():
    text = (
        "Hanna Maliar, a deputy minister, said new fighters had arrived. "
        "Ms. Maliar did not give numbers.\n\n"
        "Another official, the adviser Alexander Rodnyansky, spoke to CNN.\n\n"
        "“We will weigh all the options,” he said.\n\n"
        "Later she said the city would hold."
    )

    claims = extract_claims(text)

    assert [(c.mention, c.speaker) for c in claims] == [
        ("Hanna Maliar", "Hanna Maliar"),
        ("he", "Alexander Rodnyansky"),
        ("she", "Hanna Maliar"),
    ]


def test_extract_claims_resolves_they_to_previous_group():
    text = (
        "American officials say China is helping Russia. A ceasefire, they say, would "
        "only freeze the war."
    )

    claims = extract_claims(text)

    assert [c.speaker for c in claims] == ["American officials", "American officials"]


# -- contract -------------------------------------------------------------------------------


def test_extracted_claim_is_frozen():
    claim = _only("“Yes,” she said.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.start = 0  # type: ignore[misc]


def test_extract_claims_offsets_point_into_text():
    text = "Intro.\n\n“One thing,” Mr. Kim said. Officials say the plan is dead, diplomats said."
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.content
        assert text[claim.cue_start : claim.cue_end] == claim.cue
        if claim.mention is not None:
            assert text[claim.mention_start : claim.mention_end] == claim.mention
        assert claim.context_start <= claim.start < claim.end <= claim.context_end
        assert claim.kind in ("direct", "indirect", "mixed")


def test_extract_claims_is_deterministic_and_stateless():
    text = "“We are ready,” Mr. Hale said.\n\n“More later.”"
    assert extract_claims(text) == extract_claims(text)
    extract_claims("Ms. Other said it was fine.")
    assert extract_claims(text) == extract_claims(text)


def test_extract_claims_non_string_input_gives_no_claims():
    assert extract_claims("") == []
    assert extract_claims(None) == []  # type: ignore[arg-type]


def test_extractor_version_is_a_rules_version():
    assert EXTRACTOR_VERSION.startswith("rules-")


# -- the evaluation interface: attribution relations --------------------------------------


def test_eval_records_join_the_halves_of_a_split_quote_into_one_relation():
    text = "“A is true,” Ana Ruiz said. “B is true as well.”\n\nTom Berg said C was false."

    records = eval_records(extract_claims(text), "a.txt", text)

    assert [(r["content"]["text"], r["speaker"]["name"], r["cue"]["text"]) for r in records] == [
        ("“A is true,” Ana Ruiz said. “B is true as well.”", "Ana Ruiz", "said"),
        ("C was false", "Tom Berg", "said"),
    ]
    for r in records:
        assert text[r["content"]["start"] : r["content"]["end"]] == r["content"]["text"]


def test_eval_records_keep_claims_with_their_own_cues_apart():
    text = "“A is true,” Ana Ruiz said.\n\n“B is true as well,” Ana Ruiz said."

    records = eval_records(extract_claims(text), "a.txt", text)

    assert [r["content"]["text"] for r in records] == ["“A is true,”", "“B is true as well,”"]


def test_eval_records_take_the_larger_part_when_the_attribution_between_outweighs_them():
    text = (
        "“We will win,” Ana Ruiz said at the rally in the old harbour town on Friday night, "
        "two hours after the polls had closed across the whole of the region. “We have "
        "worked for this day for years and the voters have seen it.”"
    )
    claims = extract_claims(text)

    (record,) = eval_records(claims, "a.txt", text)

    assert [c.content for c in claims] == [
        "“We will win,”",
        "“We have worked for this day for years and the voters have seen it.”",
    ]
    assert record["content"]["text"] == claims[1].content


def test_eval_records_report_a_carried_claim_as_the_carrier_s_relation():
    text = (
        "“The levee will hold,” Tom Berg said, according to the Valley Herald. “We built it "
        "to last a century.”\n\nAccording to the Herald, Ana Ruiz said the dam was safe."
    )
    claims = extract_claims(text)

    records = eval_records(claims, "a.txt", text)

    assert [(c.speaker, c.reported_by is not None) for c in claims] == [
        ("Tom Berg", True),
        ("Tom Berg", False),
        ("Ana Ruiz", True),
    ]
    assert [(r["content"]["text"], r["speaker"]["text"], r["cue"]["text"]) for r in records] == [
        (
            "“The levee will hold,” Tom Berg said, according to the Valley Herald. “We built it "
            "to last a century.”",
            "the Valley Herald",  # a newspaper's noun phrase, as any outlet's (issue 10)
            "according to",
        ),
        ("Ana Ruiz said the dam was safe", "the Herald", "According to"),
    ]


def test_extract_article_keeps_a_carrier_only_inside_the_claim_s_part():
    body = "“The levee will hold,” Tom Berg said, according to the Valley Herald."

    (claim,) = extract_article("Levee holds", body)

    cue_start, cue_end, ms, me = claim.reported_by
    assert (body[cue_start:cue_end], body[ms:me]) == ("according to", "the Valley Herald")


# -- an article kept as headline and body -------------------------------------------------


def test_extract_article_gives_each_claim_offsets_in_its_own_part():
    headline = "Lund: Council Has Lost Its Way"
    body = "The mayor, Ina Lund, spoke on Monday.\n\n“It is a disgrace,” said Ina Lund."

    head, quote = extract_article(headline, body)

    assert (head.in_headline, head.content, head.speaker, head.rule) == (
        True,
        "Council Has Lost Its Way",
        "Ina Lund",
        "name_colon_line",
    )
    assert (head.context_start, head.context_end) == (0, len(headline))
    assert headline[head.start : head.end] == head.content
    assert headline[head.mention_start : head.mention_end] == head.mention == "Lund"
    assert (quote.in_headline, quote.content) == (False, "“It is a disgrace,”")
    assert body[quote.start : quote.end] == quote.content
    assert body[quote.cue_start : quote.cue_end] == quote.cue == "said"
    assert body[quote.context_start : quote.context_end] == "“It is a disgrace,” said Ina Lund."


def test_extract_article_drops_a_mention_and_cue_that_stand_in_the_other_part():
    # The headline introduces the body's first quote: the speaker is kept, the offsets of
    # the mention and the cue (in the headline) are not, since the claim's point into the body.
    (claim,) = extract_article("Ina Lund told the crowd:", "“We will not resign from the council.”")

    assert (claim.in_headline, claim.start, claim.content, claim.speaker) == (
        False,
        0,
        "“We will not resign from the council.”",
        "Ina Lund",
    )
    assert (claim.mention, claim.mention_start, claim.cue, claim.cue_start) == (
        None,
        None,
        None,
        None,
    )


def test_extract_article_without_a_headline_reads_the_body_alone():
    body = "Ina Lund said the bridge would reopen in May."

    assert extract_article("  ", body) == extract_claims(body)
    assert extract_article(None, body) == extract_claims(body)


def test_extract_article_with_a_body_that_is_no_text_reads_the_headline_alone():
    (claim,) = extract_article("Ina Lund says the council has lost its way", None)

    assert (claim.in_headline, claim.content, claim.speaker, claim.rule) == (
        True,
        "the council has lost its way",
        "Ina Lund",
        "subject_cue_content",
    )


def test_extraction_package_refuses_an_unknown_attribute():
    import claims.extraction

    with pytest.raises(AttributeError, match=r"'claims\.extraction' has no attribute 'clean_txt'"):
        claims.extraction.clean_txt  # noqa: B018 (the lookup is the test)


def test_extract_claims_a_lone_demonym_before_said_is_a_surname():
    text = 'Mark Cuban spoke on Sunday. "The deal is dead," Cuban said.'

    (claim,) = extract_claims(text)

    assert (claim.content, claim.mention) == ('"The deal is dead,"', "Cuban")


def test_extract_claims_a_lone_demonym_before_a_noun_cue_is_no_speaker():
    assert extract_claims("Later the Russian state ended the talks.") == []


def test_extract_claims_a_phrase_a_preposition_ends_is_no_speaker():
    # Not "Responsible for" saying it: no claim rather than a phrase for a speaker.
    assert extract_claims("The mayor was held responsible for saying the bridge was safe.") == []


def test_extract_claims_only_the_editors_note_paragraph_is_left_out():
    text = (
        "The town grew.\n\nEDITOR’S NOTE: Lund said taxes would fall.\n\n"
        "Lund said taxes would rise."
    )

    assert [c.content for c in extract_claims(text)] == ["taxes would rise"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The dock workers met. Most of them said the wage was too low.", "Most of them"),
        ("Dozens of them marched to the hall and said the wage was too low.", "Dozens of them"),
    ],
)
def test_extract_claims_part_of_a_group_named_before_is_anonymous(text, speaker):
    # "Most of them" gave no claim; "Dozens of them" was a person whose role was the phrase.
    claims = extract_claims(text)

    assert [(c.content, c.speaker, c.speaker_kind, c.role) for c in claims] == [
        ("the wage was too low", speaker, "anonymous", "")
    ]


def test_extract_claims_pronoun_more_than_3000_characters_from_any_person_stays_unresolved():
    said = "Ana Ruiz said the port was safe. "
    filler = " ".join(
        f"The ferry number {i} left the old harbour on time that day." for i in range(60)
    )
    pronoun = " She said the ships would come back in May."

    near = extract_claims(said + pronoun)
    far = extract_claims(said + filler + pronoun)

    assert [(c.content, c.speaker) for c in near] == [
        ("the port was safe", "Ana Ruiz"),
        ("the ships would come back in May", "Ana Ruiz"),
    ]
    assert [(c.content, c.speaker) for c in far] == [
        ("the port was safe", "Ana Ruiz"),
        ("the ships would come back in May", None),
    ]
