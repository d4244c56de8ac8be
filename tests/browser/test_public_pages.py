"""Readers in a real browser: search, filter by speaker, open a claim, read the topic matrix.

CLAIMDESK_SCREENSHOTS=1 also writes docs/public-*.png (the README shows them).
"""

import datetime
import os
from pathlib import Path

import pytest

from claims.enums import ClaimStatus
from claims.services import review
from tests.factories import (
    ensure_roles,
    make_article,
    make_claim,
    make_evidence,
    make_outlet,
    make_published_claim,
    make_speaker,
    make_stance,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db(transaction=True)
DOCS = Path(__file__).resolve().parents[2] / "docs"

BODY = (
    "Secretary of State Antony J. Blinken said the United States saw zero evidence that Russia "
    "was ready for talks. Foreign Minister Qin Gang said China's 12-point plan was the only path "
    "to peace. Chancellor Olaf Scholz said negotiations could start once troops withdrew.\n\n"
    "President Volodymyr Zelensky said any peace plan must restore Ukraine's borders."
)


def quote(article, text, **fields):
    start = article.body.index(text)
    maker = make_published_claim if fields.get("verdict") else make_claim
    return maker(article=article, start=start, end=start + len(text), content=text, **fields)


@pytest.fixture
def newsroom():
    usa = make_speaker(name="United States", kind="government")
    china = make_speaker(name="China", kind="government")
    germany = make_speaker(name="Germany", kind="government")
    blinken = make_speaker(
        name="Antony J. Blinken",
        role="Secretary of State",
        affiliated_with=usa,
        wikidata_id="Q22686",
    )
    qin = make_speaker(name="Qin Gang", role="Foreign Minister", affiliated_with=china)
    scholz = make_speaker(name="Olaf Scholz", role="Chancellor", affiliated_with=germany)
    zelensky = make_speaker(name="Volodymyr Zelensky", role="President of Ukraine")
    article = make_article(
        headline="Ukraine Reinforces Bakhmut as Talks Stall",
        body=BODY,
        url="https://news.example/2023/03/01/bakhmut",
        published=datetime.date(2023, 3, 1),
        outlet=make_outlet(name="The Example Times"),
    )
    claims = {
        "blinken": quote(
            article,
            "the United States saw zero evidence that Russia was ready for talks",
            speaker=blinken,
            mention="Antony J. Blinken",
            verdict="mostly_true",
            rationale="Public statements by Russian officials in February set conditions that "
            "amount to a refusal of talks.",
            said_on=datetime.date(2023, 2, 28),
            context_start=0,
            context_end=BODY.index("talks.") + len("talks."),
        ),
        "qin": quote(
            article,
            "China's 12-point plan was the only path to peace",
            speaker=qin,
            said_on=datetime.date(2023, 2, 24),
        ),
        "scholz": quote(
            article,
            "negotiations could start once troops withdrew",
            speaker=scholz,
            verdict="half_true",
            rationale="Germany's position has shifted; earlier statements set no such condition.",
            said_on=datetime.date(2023, 3, 1),
        ),
        "zelensky": quote(
            article,
            "any peace plan must restore Ukraine's borders",
            speaker=zelensky,
            said_on=datetime.date(2023, 3, 1),
        ),
        "dismissed": make_claim(
            speaker=zelensky, content="Dismissed duplicate", status=ClaimStatus.DISMISSED
        ),
    }
    make_evidence(
        claims["blinken"], url="https://www.state.gov/", title="State Department briefing"
    )
    topic = make_topic(
        title="Peace talks on China's 12-point plan",
        question="Should talks start on the basis of China's plan?",
    )
    earlier = make_published_claim(
        speaker=scholz,
        content="We welcome every proposal that could lead to peace",
        said_on=datetime.date(2023, 2, 20),
        verdict="not_checkable",
    )
    make_stance(earlier, topic, "supports")
    make_stance(claims["blinken"], topic, "opposes")
    make_stance(claims["qin"], topic, "supports")
    make_stance(claims["scholz"], topic, "conditional")
    make_stance(claims["zelensky"], topic, "opposes")
    return {"topic": topic, "claims": claims, "speakers": {"blinken": blinken, "qin": qin}}


def screenshot(page, name):
    if os.environ.get("CLAIMDESK_SCREENSHOTS"):
        page.screenshot(path=str(DOCS / name), full_page=True)


def test_public_search_finds_and_highlights_claims(page, live_server, newsroom):
    page.goto(live_server.url + "/")

    page.fill("#site-q", "evidence talks")
    page.click(".site-search button")

    page.wait_for_url("**/claims/?q=evidence+talks")
    cards = page.locator(".claim-card")
    assert cards.count() == 1
    assert cards.first.locator("mark").all_inner_texts() == ["evidence", "talks"]
    assert "Antony J. Blinken" in cards.first.inner_text()


def test_public_filter_by_speaker_keeps_the_filter_in_the_url(
    page, live_server, newsroom, settings
):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True  # Qin Gang's claim is not reviewed yet
    page.goto(live_server.url + "/claims/")

    page.select_option("#id_speaker", label="Qin Gang")
    page.click(".filters button[type=submit]")

    page.wait_for_url(f"**speaker={newsroom['speakers']['qin'].slug}**")
    texts = page.locator(".claim-card .claim-content").all_inner_texts()
    assert texts == ["Qin Gang said that China's 12-point plan was the only path to peace"]
    assert page.locator("#id_speaker").input_value() == newsroom["speakers"]["qin"].slug
    assert "Not yet reviewed" in page.locator(".claim-card").first.inner_text()


def test_public_open_a_claim_shows_verdict_rationale_and_markup(page, live_server, newsroom):
    ensure_roles()  # an earlier transactional test's flush may have removed the groups
    review.correct_claim(
        newsroom["claims"]["blinken"],
        make_user(role="Editor"),
        verdict="half_true",
        note="A later briefing showed Russian officials had named conditions for talks.",
    )
    page.goto(live_server.url + "/claims/")
    screenshot(page, "public-claims.png")

    page.get_by_role("link", name="the United States saw zero evidence").click()

    page.wait_for_url(f"**/claims/{newsroom['claims']['blinken'].pk}/")
    assert page.locator("h1").inner_text() == (  # paraphrase reads as reported speech
        "Antony J. Blinken said that the United States saw zero evidence that Russia was ready "
        "for talks"
    )
    assert page.locator(".verdict").first.text_content() == "Verdict: Half true"
    correction = page.locator(".correction").inner_text()
    assert correction.startswith("Corrected on ")
    assert "had named conditions for talks." in correction
    assert correction.endswith("Previous verdict: Mostly true.")
    assert "refusal of talks" in page.locator(".rationale").inner_text()
    assert page.locator(".context mark").inner_text().startswith("the United States saw")
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert page.locator("a", has_text="State Department briefing").get_attribute("href") == (
        "https://www.state.gov/"
    )
    screenshot(page, "public-claim.png")


def test_public_topic_matrix_reads_by_actor_and_position(page, live_server, newsroom):
    page.goto(live_server.url + newsroom["topic"].get_absolute_url())

    rows = page.locator("table.positions tbody tr")
    by_actor = {
        rows.nth(i).locator("th").inner_text(): [
            cell.inner_text().strip() for cell in rows.nth(i).locator("td").all()
        ]
        for i in range(rows.count())
    }
    # Qin Gang's and Zelensky's claims are not reviewed: their stances count nowhere.
    assert sorted(by_actor) == ["Germany", "United States"]
    assert "only path to peace" not in page.content()
    assert "zero evidence" in by_actor["United States"][1]  # opposes
    assert "negotiations could start" in by_actor["Germany"][2]  # conditional
    assert "welcome every proposal" in by_actor["Germany"][0]
    assert "Germany: Supports → Conditional" in page.locator(".changes").inner_text()
    assert "Dismissed duplicate" not in page.content()
    screenshot(page, "public-topic.png")


def test_public_pages_skip_link_moves_focus_to_main(page, live_server, newsroom):
    page.goto(live_server.url + "/claims/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
