"""Public pages: what each shows and hides, pagination, and a fixed number of queries."""

import datetime
import itertools
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus
from claims.models import CONTEXT_RADIUS, Claim
from claims.public import views
from tests.factories import (
    make_article,
    make_claim,
    make_evidence,
    make_link,
    make_outlet,
    make_published_claim,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def show_unreviewed(settings):
    """These pages are tested with unreviewed claims shown (the demo's setting, `make run`): the
    case where more could leak. The default (off) is tested where a test sets it."""
    settings.CLAIMDESK_SHOW_UNREVIEWED = True


BODY = (
    "The minister said the bridge cost 40 million euros. "
    "Critics said the bridge was never finished. "
    "A spokesman said talks would resume in May."
)


def claim_in(article, text, **overrides):
    start = article.body.index(text)
    return make_claim(
        article=article, start=start, end=start + len(text), content=text, **overrides
    )


def published_in(article, text, **overrides):
    start = article.body.index(text)
    return make_published_claim(
        article=article, start=start, end=start + len(text), content=text, **overrides
    )


def page_text(response) -> str:
    return response.content.decode()


def home_counts(html: str) -> str:
    """The home page's counts line, whitespace collapsed."""
    counts = html.split('<p class="counts">', 1)[1].split("</p>", 1)[0]
    return " ".join(counts.split())


# --- Home --------------------------------------------------------------------------------------


def test_home_shows_recently_published_claims_topics_and_counts(client):
    speaker = make_speaker(name="Ada Minister")
    claim = make_published_claim(speaker=speaker, content="Published words")
    topic = make_topic(title="Bridge funding")
    make_stance(claim, topic, "supports")

    html = page_text(client.get(reverse("claims:home")))

    assert "Published words" in html
    assert "Ada Minister" in html
    assert "Bridge funding" in html
    assert home_counts(html) == "1 claim tracked · 1 checked and published · 1 speaker"


@pytest.mark.parametrize("rows", [1, 3])
def test_home_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    topic = make_topic()
    for _ in range(rows):
        make_stance(make_published_claim(speaker=make_speaker()), topic)
        make_claim(speaker=make_speaker())

    # 1 recently published, 2 latest public, 3 topics with counts, 4 public count (capped),
    # 5 published count (capped), 6 speaker count.
    with django_assert_num_queries(6):
        response = client.get(reverse("claims:home"))

    assert response.status_code == 200


# --- Visibility --------------------------------------------------------------------------------


@pytest.fixture
def mixed_claims():
    """One claim in each state, all in one article, by one speaker, on one topic, with leaks."""
    article = make_article(headline="Bridge story", body=BODY, outlet=make_outlet(name="Daily"))
    speaker = make_speaker(name="Ada Minister")
    topic = make_topic(title="Bridge funding")
    editor = make_user(username="assigned-editor")
    published = published_in(
        article,
        "the bridge cost 40 million euros",
        speaker=speaker,
        verdict="mostly_false",
        rationale="Audited accounts show 55 million.",
        notes="SECRET-NOTE-PUBLISHED",
        assignee=editor,
        reviewed_by=editor,
    )
    dismissed = claim_in(
        article,
        "the bridge was never finished",
        speaker=speaker,
        status=ClaimStatus.DISMISSED,
        notes="SECRET-NOTE-DISMISSED",
    )
    ready = claim_in(
        article,
        "talks would resume in May",
        speaker=speaker,
        status=ClaimStatus.READY,
        verdict="true",
        rationale="DRAFT-RATIONALE-READY",
        notes="SECRET-NOTE-READY",
        assignee=editor,
    )
    for claim, stance in ((published, "supports"), (dismissed, "opposes"), (ready, "neutral")):
        make_stance(claim, topic, stance)
    return {
        "article": article,
        "speaker": speaker,
        "topic": topic,
        "published": published,
        "dismissed": dismissed,
        "ready": ready,
    }


def public_urls(data):
    return [
        reverse("claims:home"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?q=bridge",
        reverse("claims:speaker-list"),
        data["speaker"].get_absolute_url(),
        data["article"].get_absolute_url(),
        reverse("claims:topic-list"),
        data["topic"].get_absolute_url(),
        data["published"].get_absolute_url(),
        data["ready"].get_absolute_url(),
    ]


def test_dismissed_claim_page_answers_404(client, mixed_claims):
    response = client.get(mixed_claims["dismissed"].get_absolute_url())

    assert response.status_code == 404
    assert "the bridge was never finished" not in page_text(response)


def test_dismissed_claim_never_appears_on_any_public_page(client, mixed_claims):
    for url in public_urls(mixed_claims):
        html = page_text(client.get(url))

        assert f'href="/claims/{mixed_claims["dismissed"].pk}/"' not in html, url
        # In the article body the words stay (they are the article), but never as a claim.
        if url != mixed_claims["article"].get_absolute_url():
            assert "never finished" not in html, url
        assert "SECRET-NOTE" not in html, url


def test_dismissed_claim_is_not_counted(client, mixed_claims):
    html = page_text(client.get(reverse("claims:home")))

    assert home_counts(html) == "2 claims tracked · 1 checked and published · 1 speaker"
    list_html = page_text(client.get(reverse("claims:claim-list")))
    assert "2 claims" in list_html


def test_notes_assignee_and_drafts_never_appear(client, mixed_claims):
    for url in public_urls(mixed_claims):
        html = page_text(client.get(url))

        assert "SECRET-NOTE" not in html, url
        assert "assigned-editor" not in html, url
        assert "DRAFT-RATIONALE-READY" not in html, url


def test_unreviewed_claim_is_labelled_without_verdict_or_rationale(client, mixed_claims):
    response = client.get(mixed_claims["ready"].get_absolute_url())
    html = page_text(response)

    assert response.status_code == 200
    assert "talks would resume in May" in html
    assert "Not yet reviewed" in html
    assert "verdict-true" not in html
    assert ">True<" not in html
    assert "DRAFT-RATIONALE-READY" not in html
    assert "application/ld+json" not in html


def test_published_claim_shows_verdict_rationale_and_evidence(client, mixed_claims):
    claim = mixed_claims["published"]
    make_evidence(claim, url="https://audit.example/report", title="Audit report")

    html = page_text(client.get(claim.get_absolute_url()))

    assert "Mostly false" in html
    assert "Audited accounts show 55 million." in html
    assert '<a href="https://audit.example/report" rel="nofollow noopener">Audit report</a>' in html
    own_part = html.split('id="related-heading"')[0]  # the related cards follow
    assert "Not yet reviewed" not in own_part


def test_unreviewed_claims_hidden_everywhere_when_setting_off(client, mixed_claims, settings):
    settings.CLAIMDESK_SHOW_UNREVIEWED = False

    assert client.get(mixed_claims["ready"].get_absolute_url()).status_code == 404
    for url in public_urls(mixed_claims)[:-1]:
        html = page_text(client.get(url))
        assert f'href="/claims/{mixed_claims["ready"].pk}/"' not in html, url
        assert "Not yet reviewed" not in html, url
    assert home_counts(page_text(client.get(reverse("claims:home")))).startswith(
        "1 claim tracked ·"
    )


def test_unreviewed_claims_listed_and_labelled_when_setting_on(client, mixed_claims, settings):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True

    html = page_text(client.get(reverse("claims:claim-list")))

    assert f'href="/claims/{mixed_claims["ready"].pk}/"' in html
    assert html.count("Not yet reviewed") == 1


def test_verdict_filter_ignores_unpublished_verdicts(client, mixed_claims):
    html = page_text(client.get(reverse("claims:claim-list") + "?verdict=true"))

    assert "talks would resume" not in html
    assert "0 claims" in html


# --- Claim list --------------------------------------------------------------------------------


def test_claim_list_filters_by_speaker_tag_topic_outlet_kind_and_dates(client):
    outlet = make_outlet(name="Gazette")
    tag = make_tag(name="Budget")
    topic = make_topic(title="Taxes")
    ada = make_speaker(name="Ada")
    match = make_published_claim(
        speaker=ada,
        content="Matching claim",
        kind="direct",
        said_on=datetime.date(2024, 5, 1),
        article=make_article(outlet=outlet),
    )
    match.tags.add(tag)
    make_stance(match, topic)
    others = [
        make_published_claim(speaker=make_speaker(), content="Other speaker"),
        make_published_claim(speaker=ada, content="Too old", said_on=datetime.date(2020, 1, 1)),
    ]
    query = (
        f"?speaker={ada.slug}&tag={tag.slug}&topic={topic.slug}&outlet={outlet.slug}"
        "&kind=direct&date_from=2024-01-01&date_to=2024-12-31&verdict=false"
    )

    html = page_text(client.get(reverse("claims:claim-list") + query))

    assert "Matching claim" in html
    for other in others:
        assert other.content not in html
    assert "1 claim" in html


def test_claim_list_unknown_slug_shows_error_and_no_claims(client):
    make_published_claim(content="Some claim")

    response = client.get(reverse("claims:claim-list") + "?speaker=nobody-at-all")

    assert response.status_code == 200
    html = page_text(response)
    assert "Some claim" not in html
    assert "Some filters could not be used" in html
    assert "No claims match" in html


def test_claim_list_empty_state_is_explained(client):
    html = page_text(client.get(reverse("claims:claim-list") + "?q=zebra"))

    assert "No claims match" in html
    assert "clear the filters" in html


def make_dated_claims(n, speaker=None):
    article = make_article()
    day = datetime.date(2024, 1, 1)
    return [
        make_published_claim(
            article=article,
            start=i,
            end=i + 5,
            content=f"Claim number {i:03d}",
            said_on=day + datetime.timedelta(days=i // 2),  # pairs share a date: ties on id
            speaker=speaker,
        )
        for i in range(n)
    ]


def test_claim_list_keyset_pages_cover_every_claim_once_and_keep_filters(client, monkeypatch):
    monkeypatch.setattr("claims.public.pagination.PAGE_SIZE", 4)
    speaker = make_speaker(name="Pager")
    claims = make_dated_claims(10, speaker=speaker)
    make_published_claim(content="Someone else entirely")
    url = reverse("claims:claim-list") + f"?speaker={speaker.slug}"
    seen = []

    for _ in range(5):
        response = client.get(url)
        page = response.context["page"]
        seen.extend(c.pk for c in page.rows)
        if not page.next_params:
            break
        next_link = response.context["request"].path + _next_href(page_text(response))
        assert f"speaker={speaker.slug}" in next_link
        url = next_link

    expected = [c.pk for c in sorted(claims, key=lambda c: (c.sort_date, c.pk), reverse=True)]
    assert seen == expected


def _next_href(html: str) -> str:
    start = html.index('rel="next" href="') + len('rel="next" href="')
    return html[start : html.index('"', start)].replace("&amp;", "&")


def _prev_href(html: str) -> str:
    start = html.index('rel="prev" href="') + len('rel="prev" href="')
    return html[start : html.index('"', start)].replace("&amp;", "&")


def test_claim_list_previous_link_returns_to_the_page_before(client, monkeypatch):
    monkeypatch.setattr("claims.public.pagination.PAGE_SIZE", 3)
    make_dated_claims(8)
    first = client.get(reverse("claims:claim-list"))
    second = client.get("/claims/" + _next_href(page_text(first)))
    third = client.get("/claims/" + _next_href(page_text(second)))

    back = client.get("/claims/" + _prev_href(page_text(third)))

    assert [c.pk for c in back.context["page"].rows] == [c.pk for c in second.context["page"].rows]


def test_claim_list_oldest_sort_reverses_the_order(client):
    claims = make_dated_claims(3)

    response = client.get(reverse("claims:claim-list") + "?sort=oldest")

    assert [c.pk for c in response.context["page"].rows] == [c.pk for c in claims]


def test_claim_list_count_is_exact_up_to_the_cap(client, monkeypatch):
    monkeypatch.setattr("claims.public.pagination.LIST_COUNT_CAP", 3)
    make_dated_claims(3)

    html = page_text(client.get(reverse("claims:claim-list")))

    assert "3 claims" in html
    assert "More than" not in html and "About" not in html


def test_claim_list_count_above_the_cap_is_bounded_or_estimated(client, monkeypatch):
    monkeypatch.setattr("claims.public.pagination.LIST_COUNT_CAP", 2)
    make_dated_claims(3)

    count = client.get(reverse("claims:claim-list")).context["count"]

    # SQLite: "More than 2". PostgreSQL: the planner's estimate when it says more than 2 (an
    # unanalysed table's estimate is a guess), else "More than 2". Never an exact full count.
    assert (count.more and count.n == 2) or (count.approx and count.n > 2)
    assert count.label in (f"About {count.n:,} claims", "More than 2 claims")


@pytest.mark.parametrize("rows", [1, 3])
def test_claim_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        claim = make_published_claim(
            speaker=make_speaker(), article=make_article(outlet=make_outlet())
        )
        claim.tags.add(make_tag())
        make_stance(claim, make_topic())

    # 1 capped count, 2 the page's rows (speaker, article, outlet joined),
    # 3-6 the filter selects' options: speakers, tags, topics, outlets.
    with django_assert_num_queries(6):
        response = client.get(reverse("claims:claim-list"))

    assert len(response.context["page"].rows) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_claim_list_with_search_and_speaker_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, rows
):
    speaker = make_speaker(name="Searcher")
    for _ in range(rows):
        make_published_claim(speaker=speaker, content="bridge money words")
    url = reverse("claims:claim-list") + f"?q=bridge&speaker={speaker.slug}"
    # 1 the speaker slug checked, [PostgreSQL: 2 speakers and 3 outlets whose name matches the
    # words], 4 the page's rows, [PostgreSQL: 5 the planner's estimate of the matches (EXPLAIN)],
    # 6 the count (exact below the cap), 7-10 the four selects' options.
    expected = 7 + (3 if connection.vendor == "postgresql" else 0)

    with django_assert_num_queries(expected):
        response = client.get(url)

    assert len(response.context["page"].rows) == rows


# --- Claim page --------------------------------------------------------------------------------


def test_claim_page_shows_speaker_article_context_and_highlight(client):
    government = make_speaker(name="Republic of Examplia", kind="government")
    speaker = make_speaker(
        name="Ada Minister",
        role="Finance minister",
        affiliation="Cabinet",
        affiliated_with=government,
    )
    article = make_article(
        headline="Bridge story",
        body=BODY,
        url="https://news.example/bridge",
        published=datetime.date(2024, 3, 2),
        outlet=make_outlet(name="Daily Planet"),
    )
    claim = published_in(
        article,
        "the bridge cost 40 million euros",
        speaker=speaker,
        context_start=0,
        context_end=len("The minister said the bridge cost 40 million euros."),
    )

    html = page_text(client.get(claim.get_absolute_url()))

    assert "Ada Minister" in html
    assert "Finance minister" in html
    assert "Republic of Examplia" in html
    assert "Bridge story" in html
    assert "Daily Planet" in html
    assert "2 March 2024" in html
    assert 'href="https://news.example/bridge"' in html
    assert "The minister said <mark>the bridge cost 40 million euros</mark>." in html


def test_claim_page_shows_links_in_both_directions_with_inverse_labels(client):
    original = make_published_claim(content="The original statement")
    repeat = make_published_claim(content="A repeat of it")
    correction = make_published_claim(content="A correction of it")
    make_link(repeat, original, "repeats")
    make_link(correction, original, "corrects")
    make_link(original, correction, "responds_to")

    html = page_text(client.get(original.get_absolute_url()))

    assert "This claim is repeated by" in html
    assert "This claim is corrected by" in html
    assert "This claim responds to" in html
    assert "A repeat of it" in html
    repeat_html = page_text(client.get(repeat.get_absolute_url()))
    assert "This claim repeats" in repeat_html
    assert "The original statement" in repeat_html


def test_claim_page_hides_links_to_dismissed_claims(client):
    claim = make_published_claim(content="Kept claim")
    dismissed = make_claim(content="Dismissed linked claim", status=ClaimStatus.DISMISSED)
    make_link(dismissed, claim, "repeats")
    make_link(claim, dismissed, "supports")

    html = page_text(client.get(claim.get_absolute_url()))

    assert "Dismissed linked claim" not in html
    assert "Related claims" not in html


def test_claim_page_lists_other_claims_of_the_speaker_on_the_same_topics(client):
    speaker = make_speaker(name="Ada")
    topic = make_topic(title="Bridges")
    claim = make_published_claim(speaker=speaker, content="First on bridges")
    same_topic = make_published_claim(speaker=speaker, content="Second on bridges")
    other_topic = make_published_claim(speaker=speaker, content="On something else")
    make_stance(claim, topic)
    make_stance(same_topic, topic, "opposes")
    make_stance(other_topic, make_topic())

    html = page_text(client.get(claim.get_absolute_url()))

    assert "Second on bridges" in html
    assert "On something else" not in html


@pytest.mark.parametrize("rows", [1, 3])
def test_claim_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    speaker = make_speaker()
    claim = make_published_claim(speaker=speaker)
    for _ in range(rows):
        topic = make_topic()
        make_stance(claim, topic)
        make_stance(make_published_claim(speaker=speaker), topic)
        make_evidence(claim)
        claim.tags.add(make_tag())
        make_link(claim, make_published_claim(speaker=make_speaker()), "repeats")
        make_link(make_published_claim(speaker=make_speaker()), claim, "supports")

    # 1 the claim (speaker, government, article, outlet joined), 2 its tags, 3 links both
    # ways, 4 stances with topics, 5 the speaker's other claims on those topics, 6 evidence,
    # 7 corrections.
    with django_assert_num_queries(7):
        response = client.get(claim.get_absolute_url())

    assert len(response.context["evidence"]) == rows
    assert len(response.context["links_out"]) == len(response.context["links_in"]) == rows


# --- Speakers ----------------------------------------------------------------------------------


def test_speaker_page_shows_scorecard_of_published_verdicts_only(client):
    speaker = make_speaker(name="Ada")
    make_published_claim(speaker=speaker, verdict="false")
    make_published_claim(speaker=speaker, verdict="false")
    make_published_claim(speaker=speaker, verdict="true")
    make_claim(speaker=speaker, status=ClaimStatus.READY, verdict="misleading")

    response = client.get(speaker.get_absolute_url())

    assert [(v.value, n) for v, n in response.context["scorecard"]] == [("true", 1), ("false", 2)]
    assert "Misleading" not in page_text(response)


def test_speaker_page_groups_claims_by_year_and_stances_by_topic(client):
    speaker = make_speaker(name="Ada")
    old = make_published_claim(
        speaker=speaker, content="Said in 2022", said_on=datetime.date(2022, 6, 1)
    )
    new = make_published_claim(
        speaker=speaker, content="Said in 2024", said_on=datetime.date(2024, 6, 1)
    )
    topic = make_topic(title="Bridges")
    make_stance(old, topic, "supports")
    make_stance(new, topic, "opposes")

    html = page_text(client.get(speaker.get_absolute_url()))

    assert html.index("<h3>2024</h3>") < html.index("<h3>2022</h3>")
    assert "Positions by topic" in html
    assert "Supports" in html and "Opposes" in html


def test_speaker_page_shows_each_topics_newest_stances_and_links_to_the_rest(client):
    speaker = make_speaker(name="Ada", slug="ada")
    bridges, tunnels = make_topic(title="Bridges", slug="bridges"), make_topic(title="Tunnels")
    for day in range(1, views.SPEAKER_TOPIC_STANCES + 3):
        claim = make_published_claim(
            speaker=speaker, content=f"Bridge claim {day:02d}", said_on=datetime.date(2024, 1, day)
        )
        make_stance(claim, bridges, "supports")
    make_stance(make_published_claim(speaker=speaker, content="Tunnel claim"), tunnels, "opposes")

    response = client.get(speaker.get_absolute_url())
    html = page_text(response)

    rows = {row.topic.title: row for row in response.context["topics"]}
    assert rows["Bridges"].total == views.SPEAKER_TOPIC_STANCES + 2
    assert [s.claim.content for s in rows["Bridges"].stances] == [
        f"Bridge claim {day:02d}"
        for day in range(views.SPEAKER_TOPIC_STANCES + 2, 2, -1)  # newest first
    ]
    assert rows["Tunnels"].total == 1 and rows["Tunnels"].more == 0
    assert "/claims/?speaker=ada&amp;topic=bridges" in html
    assert f"All {views.SPEAKER_TOPIC_STANCES + 2} claims on this topic" in html
    assert "(2 older not shown)" in html


def test_speaker_list_shows_only_speakers_with_public_claims(client):
    make_published_claim(speaker=make_speaker(name="Visible Speaker"))
    make_claim(speaker=make_speaker(name="Dismissed Only"), status=ClaimStatus.DISMISSED)
    make_speaker(name="No Claims")

    html = page_text(client.get(reverse("claims:speaker-list")))

    assert "Visible Speaker" in html
    assert "Dismissed Only" not in html
    assert "No Claims" not in html


@pytest.mark.parametrize("rows", [1, 3])
def test_speaker_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    speaker = make_speaker(affiliated_with=make_speaker(kind="government"))
    for _ in range(rows):
        make_stance(make_published_claim(speaker=speaker), make_topic())

    # 1 the speaker (and government), 2 recent claims, 3 capped count, 4 scorecard, 5 stances.
    with django_assert_num_queries(5):
        response = client.get(speaker.get_absolute_url())

    assert len(response.context["claims"]) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_speaker_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        make_published_claim(speaker=make_speaker())

    # 1 the paginator's count, 2 the page of speakers with claim counts.
    with django_assert_num_queries(2):
        response = client.get(reverse("claims:speaker-list"))

    assert len(response.context["page"].object_list) == rows


# --- Articles ----------------------------------------------------------------------------------


def test_article_page_marks_each_public_claim_and_links_it(client, mixed_claims):
    article, published, ready = (
        mixed_claims["article"],
        mixed_claims["published"],
        mixed_claims["ready"],
    )

    html = page_text(client.get(article.get_absolute_url()))

    assert (
        f'<a class="claim-mark" href="/claims/{published.pk}/"><mark>the bridge cost 40 million euros</mark></a>'
        in html
    )
    assert f'href="/claims/{ready.pk}/"><mark>talks would resume in May</mark>' in html
    assert "<mark>the bridge was never finished</mark>" not in html
    assert "the bridge was never finished" in html  # the article's words, unmarked


def test_article_page_handles_nested_and_overlapping_claims(client, settings):
    settings.CLAIMDESK_ARTICLE_TEXT = "full"
    article = make_article(body="Alpha beta gamma delta epsilon.")
    outer = claim_in(article, "Alpha beta gamma delta")
    inner = claim_in(article, "beta gamma")
    overlapping = claim_in(article, "delta epsilon")

    html = page_text(client.get(article.get_absolute_url()))
    body = html[
        html.index('<div class="article-body">') : html.index(
            "</div>", html.index('<div class="article-body">')
        )
    ]

    assert body == (
        '<div class="article-body">'
        f'<a class="claim-mark" href="/claims/{outer.pk}/"><mark>Alpha </mark></a>'
        f'<a class="claim-mark overlap" href="/claims/{inner.pk}/"><mark>beta gamma</mark></a>'
        f'<a class="claim-mark" href="/claims/{outer.pk}/"><mark> </mark></a>'
        f'<a class="claim-mark overlap" href="/claims/{overlapping.pk}/"><mark>delta</mark></a>'
        f'<a class="claim-mark" href="/claims/{overlapping.pk}/"><mark> epsilon</mark></a>'
        "."
    )


def test_article_page_ignores_spans_past_the_end_of_the_body(client, settings):
    settings.CLAIMDESK_ARTICLE_TEXT = "full"
    article = make_article(body="Short body.")
    make_claim(article=article, start=50, end=60, content="gone")

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert (
        "<mark>"
        not in page_text(response).split('<div class="article-body">')[1].split("</div>")[0]
    )


@pytest.mark.parametrize("rows", [1, 3])
def test_article_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    article = make_article(body="x" * 100, outlet=make_outlet())
    for i in range(rows):
        make_claim(article=article, start=i * 10, end=i * 10 + 5, speaker=make_speaker())

    # 1 the article with its outlet, 2 the count of its public claims, 3 this page of them
    # with speakers, 4 the offsets of the public claims inside the text shown (to mark them).
    with django_assert_num_queries(4):
        response = client.get(article.get_absolute_url())

    assert len(response.context["claims"]) == rows


@pytest.mark.parametrize("show_unreviewed", [False, True])
def test_article_page_with_no_public_claim_is_404_and_shows_at_once_when_one_is_published(
    client, settings, django_assert_num_queries, page_cache, show_unreviewed
):
    """An article with nothing readers may see answers 404 like a speaker with nothing: its
    page would name an outlet, authors and a headline known only from claims not published
    (the claim list's outlet filter and the article list name none of them)."""
    settings.CLAIMDESK_SHOW_UNREVIEWED = show_unreviewed
    settings.CLAIMDESK_ARTICLE_TEXT = "full"
    article = make_article(
        headline="Secret bridge headline",
        body="The minister said the bridge would open in May. Nobody believed it.",
        authors="Hidden Author",
        outlet=make_outlet(name="Unseen Gazette"),
    )
    claim = claim_in(
        article, "the bridge would open in May", speaker=make_speaker(name="Misread Nam")
    )
    claim.status = ClaimStatus.DISMISSED  # public in neither mode
    claim.save()
    ready = claim_in(
        article,
        "Nobody believed it",
        status=ClaimStatus.READY,
        verdict="false",
        rationale="DRAFT-RATIONALE",
        speaker=make_speaker(name="Ready Speaker"),
    )
    empty = make_article(headline="Stored with no claims", outlet=make_outlet(name="Empty Post"))
    if show_unreviewed:  # the ready claim is public in the demo: dismiss it too
        ready.status = ClaimStatus.DISMISSED
        ready.save()
    leaks = [
        "Secret bridge headline",
        "Unseen Gazette",
        "Hidden Author",
        "bridge would open",
        "Misread Nam",
        "Ready Speaker",
        "DRAFT-RATIONALE",
        "Stored with no claims",
        "Empty Post",
    ]

    for url in (article.get_absolute_url(), empty.get_absolute_url()):
        # 1 the article with its outlet if it has a public claim: none, so nothing else runs
        # (the page cache's fingerprint comes first).
        with django_assert_num_queries(2, info=url):
            response = client.get(url)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert [leak for leak in leaks if leak in html] == [], url

    ready.status, ready.published_at = ClaimStatus.PUBLISHED, timezone.now()
    ready.save()

    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = page_text(response)
    shown = [leak for leak in leaks if leak in html]
    # The headline, outlet, authors and text, and the published claim's speaker (its card
    # links to its rationale); never the dismissed claim's speaker or the claimless article.
    assert shown == [
        "Secret bridge headline",
        "Unseen Gazette",
        "Hidden Author",
        "bridge would open",
        "Ready Speaker",
    ]
    assert client.get(empty.get_absolute_url()).status_code == 404


# --- Topics ------------------------------------------------------------------------------------


def test_topic_matrix_groups_by_government_and_records_changes(client):
    examplia = make_speaker(name="Examplia", kind="government")
    minister = make_speaker(name="Ada Minister", affiliated_with=examplia)
    critic = make_speaker(name="Bob Critic")
    topic = make_topic(title="Peace talks")
    first = make_published_claim(
        speaker=minister, content="Talks now", said_on=datetime.date(2023, 1, 1)
    )
    later = make_published_claim(
        speaker=examplia, content="No talks", said_on=datetime.date(2024, 1, 1)
    )
    critic_claim = make_claim(
        speaker=critic, content="Maybe talks", said_on=datetime.date(2023, 6, 1)
    )
    hidden = make_claim(speaker=critic, content="Hidden talk", status=ClaimStatus.DISMISSED)
    make_stance(first, topic, "supports")
    make_stance(later, topic, "opposes")
    make_stance(critic_claim, topic, "conditional")
    make_stance(hidden, topic, "opposes")

    response = client.get(topic.get_absolute_url())

    rows = {row.actor.name: row for row in response.context["rows"]}
    # Bob Critic's only stance is on an unreviewed claim: it counts nowhere (issue 12).
    assert set(rows) == {"Examplia"}
    assert [c.pk for c in rows["Examplia"].cells["supports"]] == [first.pk]
    assert [c.pk for c in rows["Examplia"].cells["opposes"]] == [later.pk]
    assert [(a, b, c.pk) for a, b, c in rows["Examplia"].changes] == [
        ("Supports", "Opposes", later.pk)
    ]
    html = page_text(response)
    assert "Examplia: Supports → Opposes" in html
    assert "Hidden talk" not in html and "Maybe talks" not in html
    assert "1 Jan 2023" in html


@pytest.mark.parametrize("rows", [1, 3])
def test_topic_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    topic = make_topic()
    for _ in range(rows):
        speaker = make_speaker(affiliated_with=make_speaker(kind="government"))
        make_stance(make_published_claim(speaker=speaker), topic)

    # 1 the topic, 2 its public stances with claim, speaker and government.
    with django_assert_num_queries(2):
        response = client.get(topic.get_absolute_url())

    assert len(response.context["rows"]) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_topic_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        make_stance(make_published_claim(), make_topic())

    # 1 topics with their stance counts.
    with django_assert_num_queries(1):
        response = client.get(reverse("claims:topic-list"))

    assert len(response.context["topics"]) == rows


def test_topic_list_counts_only_public_stances(client):
    topic = make_topic(title="Counted")
    make_stance(make_published_claim(), topic, "supports")
    make_stance(make_claim(status=ClaimStatus.DISMISSED), topic, "supports")

    response = client.get(reverse("claims:topic-list"))

    assert response.context["topics"][0].n_supports == 1


# --- Errors ------------------------------------------------------------------------------------


def test_unknown_page_uses_the_custom_404_template(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = page_text(response)
    assert "<h1>Page not found</h1>" in html
    assert 'class="skip-link"' in html


def test_500_template_renders_without_request_or_database(django_assert_num_queries, rf):
    from django.views.defaults import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_claim_detail_for_missing_claim_is_404(client):
    assert client.get("/claims/999999/").status_code == 404
    assert client.get("/speakers/nobody/").status_code == 404
    assert client.get("/articles/nothing/").status_code == 404
    assert client.get("/topics/nothing/").status_code == 404


def test_public_pages_are_served_with_csp_and_no_inline_styles(client, mixed_claims):
    for url in public_urls(mixed_claims):
        response = client.get(url)
        html = page_text(response)

        assert "script-src 'self'" in response["Content-Security-Policy"], url
        assert "style=" not in html, url
        assert "<style" not in html, url
        assert html.count("<script") == html.count('<script type="application/ld+json">'), url


def test_published_at_order_on_home(client):
    older = make_published_claim(
        content="Older fact-check", published_at=timezone.now() - datetime.timedelta(days=2)
    )
    newer = make_published_claim(content="Newer fact-check")

    response = client.get(reverse("claims:home"))

    assert [c.pk for c in response.context["recently_published"]] == [newer.pk, older.pk]
    assert Claim.objects.count() == 2


def test_500_template_renders_even_without_a_static_manifest(rf, settings):
    from django.views.defaults import server_error

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert 'href="/static/claims/site.css"' in response.content.decode()


class _Outline(HTMLParser):
    """Collects what the accessibility checks need: controls, labels, headings, landmarks."""

    def __init__(self):
        super().__init__()
        self.controls, self.labels, self.headings, self.tags, self.html_lang = (
            [],
            set(),
            [],
            [],
            None,
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            self.controls.append(attrs.get("id"))
        if tag == "label":
            self.labels.add(attrs.get("for"))
        if tag in ("h1", "h2", "h3", "h4"):
            self.headings.append(int(tag[1]))


def test_public_pages_are_accessible_landmarks_labels_and_heading_order(client, mixed_claims):
    for url in public_urls(mixed_claims):
        outline = _Outline()
        outline.feed(client.get(url).content.decode())

        assert outline.html_lang == "en", url
        assert {"header", "nav", "main", "footer"} <= set(outline.tags), url
        assert all(control and control in outline.labels for control in outline.controls), url
        assert outline.headings[0] == 1 and outline.headings.count(1) == 1, url
        # Headings never skip a level going down (h2 -> h4).
        assert all(b - a <= 1 for a, b in itertools.pairwise(outline.headings)), url


def test_topic_matrix_reads_the_newest_stances_and_lists_five_per_cell(client, monkeypatch):
    monkeypatch.setattr("claims.queries.TOPIC_STANCES_MAX", 7)
    speaker = make_speaker(name="Prolific")
    topic = make_topic()
    claims = [
        make_published_claim(
            speaker=speaker, content=f"Position {i:02d}", said_on=datetime.date(2024, 1, 1 + i)
        )
        for i in range(8)
    ]
    for claim in claims:
        make_stance(claim, topic, "supports")

    response = client.get(topic.get_absolute_url())
    html = page_text(response)

    [row] = response.context["rows"]
    assert [c.pk for c in row.cells["supports"]] == [c.pk for c in claims[1:]]  # oldest left out
    assert [f"Position {i:02d}" in html for i in range(8)] == [False] * 3 + [True] * 5
    assert "and 2 earlier" in html


# --- Canonical addresses -----------------------------------------------------------------------


def test_detail_pages_name_their_canonical_address_whatever_the_query_string(client):
    speaker = make_speaker(slug="ada")
    claim = make_published_claim(speaker=speaker)
    topic = make_topic(slug="bridges")
    make_stance(claim, topic)
    pages = [claim, speaker, claim.article, topic]

    for obj in pages:
        html = client.get(obj.get_absolute_url() + "?utm_source=x&page=9").content.decode()

        expected = f'<link rel="canonical" href="http://testserver{obj.get_absolute_url()}">'
        assert html.count('rel="canonical"') == 1
        assert expected in html


def test_topic_matrix_rolls_positions_up_along_containment(client, django_assert_num_queries):
    # An invented state, its seat of government, and that seat's spokesman: three levels.
    examplia = make_speaker(name="Examplia", kind="government")
    palace = make_speaker(name="Examplia Palace", kind="government", affiliated_with=examplia)
    spokesman = make_speaker(name="Ivo Spokes", affiliated_with=palace)
    critic = make_speaker(name="Una Critic")
    topic = make_topic(title="Border talks")
    by_spokesman = make_published_claim(speaker=spokesman, content="We support talks")
    by_critic = make_published_claim(speaker=critic, content="Talks are a trap")
    make_stance(by_spokesman, topic, "supports")
    make_stance(by_critic, topic, "opposes")

    # 1 the topic, 2 its stances with speaker and container, 3 the palace's container.
    with django_assert_num_queries(3):
        response = client.get(topic.get_absolute_url())

    rows = {row.actor.name: row for row in response.context["rows"]}
    assert set(rows) == {"Examplia", "Una Critic"}
    assert [c.pk for c in rows["Examplia"].cells["supports"]] == [by_spokesman.pk]
    assert [c.pk for c in rows["Una Critic"].cells["opposes"]] == [by_critic.pk]
    assert "(Ivo Spokes)" in page_text(response)


def test_speaker_page_without_public_claims_is_404(client, settings):
    # The page would only confirm a name found in unpublished or dismissed claims.
    settings.CLAIMDESK_SHOW_UNREVIEWED = False
    unreviewed = make_speaker(name="Only Unreviewed")
    make_claim(speaker=unreviewed, status=ClaimStatus.READY)
    dismissed = make_speaker(name="Only Dismissed")
    make_claim(speaker=dismissed, status=ClaimStatus.DISMISSED)
    nothing = make_speaker(name="No Claims")

    for speaker in (unreviewed, dismissed, nothing):
        response = client.get(speaker.get_absolute_url())
        assert response.status_code == 404
        assert speaker.name not in response.content.decode()


def test_speaker_page_with_unreviewed_claims_shows_when_they_are_public(client, settings):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    speaker = make_speaker(name="Shown Unreviewed")
    make_claim(speaker=speaker, status=ClaimStatus.NEW)

    assert client.get(speaker.get_absolute_url()).status_code == 200


def test_claim_page_shows_a_bounded_window_of_a_long_paragraph(client):
    # Issue 15, item 2: the paragraph is offsets into the body; the page reads a window of it.
    before, after = "Words before the claim. " * 200, " Words after the claim." * 200
    words = "the bridge will open in spring"
    body = f"Title line.\n\n{before}{words}{after}\n\nLast paragraph."
    start = body.index(words)
    claim = make_published_claim(
        article=make_article(body=body),
        start=start,
        end=start + len(words),
        content=words,
        context_start=body.index(before),
        context_end=body.index(after) + len(after),
    )

    html = page_text(client.get(claim.get_absolute_url()))

    shown = html.split('<blockquote class="context"><p>')[1].split("</p></blockquote>")[0]
    radius = CONTEXT_RADIUS
    assert shown.startswith("… ") and shown.endswith(" …")
    assert f"<mark>{words}</mark>" in shown
    assert len(shown) <= 2 * radius + len("… <mark></mark> …") + len(words)
