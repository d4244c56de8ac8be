"""The extraction-quality report: the extractor's precision, speaker and span accuracy measured
on reviewed claims, by rule, outlet and month, each figure linking to its claims."""

import datetime as dt

import pytest

from claims.enums import ClaimStatus
from claims.services import review
from tests.factories import make_article, make_claim, make_outlet, make_speaker, make_user

pytestmark = pytest.mark.django_db
REPORT = "/admin/claims/extraction-quality/"


def machine(rule, outlet, **fields):
    article = make_article(outlet=outlet, published=dt.date(2024, 3, 5))
    return make_claim(
        article=article, extraction_rule=rule, extractor_version="rules-1.0", **fields
    )


@pytest.fixture
def reviewed():
    """Rule said_that: 3 reviewed (1 not a claim, 1 new speaker), 1 untouched; rule
    according_to: 1 reviewed, fine. Plus a hand-entered claim, which never counts."""
    wire, daily = make_outlet(name="Wire"), make_outlet(name="Daily")
    reviewer = make_user(role="Reviewer")
    a = machine("said_that", wire)
    b = machine("said_that", wire, speaker=make_speaker(name="Wrong Person"))
    c = machine("said_that", daily, status=ClaimStatus.IN_REVIEW)
    machine("said_that", daily)  # never looked at
    d = machine("according_to", daily, status=ClaimStatus.READY)
    make_claim(status=ClaimStatus.IN_REVIEW, extractor_version="")
    review.mark_not_a_claim(a, reviewer, "A question.")
    b.speaker = make_speaker(name="Right Person")
    review.save_reviewed_claim(claim=b, user=reviewer, expected_version=1)
    return {"a": a, "b": b, "c": c, "d": d}


def row(page, table, group):
    body = page.split(f'id="quality-{table}"')[1].split("</table>")[0]
    cells = body.split(f"<th>{group}</th>")[1].split("</tr>")[0]
    return [c.split("</td>")[0] for c in cells.split("<td>")[1:]]


def test_report_measures_each_rule_outlet_and_month(client, reviewed):
    client.force_login(make_user(role="Editor"))

    page = client.get(REPORT).content.decode()

    said = row(page, "rule", "said_that")
    assert [
        c.split(">")[1].split("<")[0] if c.startswith("<a") else c.split(" (")[0] for c in said
    ] == [
        "3",
        "0.67",
        "0.67",
        "1.00",
    ]
    assert "1 not a claim</a>" in said[1] and "1 corrected</a>" in said[2]
    assert row(page, "rule", "according_to")[1].startswith("1.00")
    assert row(page, "outlet", "Wire")[0].endswith(">2</a>")
    assert row(page, "outlet", "Daily")[0].endswith(">2</a>")
    assert row(page, "month", "2024-03")[0].endswith(">4</a>")


def test_report_figures_link_to_exactly_their_claims(client, reviewed):
    client.force_login(make_user(role="Editor"))
    page = client.get(REPORT).content.decode()
    said = row(page, "rule", "said_that")

    links = [cell.split('href="')[1].split('"')[0].replace("&amp;", "&") for cell in said[:3]]
    shown = [client.get(link).context["cl"].result_list for link in links]

    assert [sorted(c.pk for c in claims) for claims in shown] == [
        sorted(reviewed[k].pk for k in "abc"),
        [reviewed["a"].pk],
        [reviewed["b"].pk],
    ]


def test_report_is_for_editors(client, reviewed):
    client.force_login(make_user(role="Reviewer"))

    assert client.get(REPORT).status_code == 403


def test_report_query_count(client, reviewed, django_assert_num_queries):
    client.force_login(make_user(role="Editor"))

    # 1 session, 2 user, 3-4 permissions, 5-7 one aggregate per table (rule, outlet, month),
    # 8 the missed-claim count.
    with django_assert_num_queries(8):
        response = client.get(REPORT)

    assert response.status_code == 200
