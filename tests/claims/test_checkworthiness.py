"""The check-worthiness score: each feature's weight and reason, and the queue it orders."""

import pytest

from claims.checkworthiness import assess
from tests.factories import make_claim, make_speaker, make_user


@pytest.mark.parametrize(
    ("text", "speaker", "repeated", "score", "reasons"),
    [
        ("Exports fell by 12 percent in the first half of the year.", {}, False, 3, ("numbers",)),
        (
            "Our army is now stronger than it has ever been in history.",
            {},
            False,
            2,
            ("comparison",),
        ),
        (
            "The blockade will cause famine across the region this winter.",
            {},
            False,
            2,
            ("cause or prediction",),
        ),
        (
            "The ministry has acted within the law at every single step.",
            {"kind": "government"},
            False,
            2,
            ("named official",),
        ),
        (
            "The ministry has acted within the law at every single step.",
            {"kind": "person", "role": "Foreign minister"},
            False,
            2,
            ("named official",),
        ),
        (
            "The ministry has acted within the law at every single step.",
            {"kind": "person"},
            False,
            0,
            (),
        ),
        (
            "The ministry has acted within the law at every single step.",
            {},
            True,
            -1,
            ("repeated elsewhere",),
        ),
        ("Is this really what the people of the country wanted?", {}, False, -3, ("a question",)),
        ("We will win.", {}, False, 1, ("cause or prediction", "very short")),
        (
            "Prices doubled because of the war, more than anywhere else.",
            {"kind": "government"},
            False,
            9,
            ("numbers", "comparison", "cause or prediction", "named official"),
        ),
    ],
)
def test_assess_scores_each_feature_by_the_table(text, speaker, repeated, score, reasons):
    result = assess(
        text,
        speaker_kind=speaker.get("kind"),
        speaker_role=speaker.get("role", ""),
        repeated=repeated,
    )

    assert (result.score, result.reasons) == (score, reasons)


@pytest.mark.django_db
def test_dashboard_lists_waiting_claims_most_check_worthy_first_with_reasons(client):
    plain = make_claim(content="The talks were held in a hotel near the lake.")
    numbers = make_claim(content="Unemployment rose to 9 percent, the highest in a decade.")
    official = make_claim(
        content="The new law will protect every family in the country.",
        speaker=make_speaker(name="A Ministry", kind="government"),
    )
    client.force_login(make_user(role="Reviewer"))

    page = client.get("/admin/").content.decode()

    panel = page.split('id="waiting"')[1].split("</ul>")[0]
    order = [panel.index(c.content) for c in (numbers, official, plain)]
    assert order == sorted(order)
    assert "5: numbers, comparison</small>" in panel
    assert "4: cause or prediction, named official</small>" in panel
    assert "0: no check-worthy features</small>" in panel


@pytest.mark.django_db
def test_changelist_shows_the_score_and_reasons_beside_each_claim(client):
    text = "Unemployment rose to 9 percent, the highest in a decade."
    make_claim(content=text)
    make_claim(content=text)  # the same words elsewhere: not novel
    client.force_login(make_user(role="Reviewer"))

    page = client.get("/admin/claims/claim/").content.decode()

    cells = [c.split("</td>")[0] for c in page.split('<td class="field-worthiness">')[1:]]
    assert len(cells) == 2
    assert all(
        "4</span> <small>numbers, comparison, repeated elsewhere</small>" in c for c in cells
    )
