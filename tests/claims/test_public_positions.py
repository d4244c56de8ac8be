"""What is public (issue 12): unreviewed claims are off by default, and even when shown they
never carry a stance into positions (topic matrix, changes of position, counts, speaker pages)."""

import datetime

import pytest
from django.urls import reverse

from claims.enums import ClaimStatus
from claims.models import Correction
from tests.factories import (
    make_article,
    make_claim,
    make_published_claim,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreviewed_stance():
    """A government with a published 'supports' and a later unreviewed 'opposes' on one topic:
    the unreviewed stance, if it leaked, would show a change of position."""
    government = make_speaker(name="Examplia", kind="government")
    topic = make_topic(title="Bridge repairs")
    reviewed = make_published_claim(
        speaker=government, content="Repairs start now", said_on=datetime.date(2024, 1, 1)
    )
    unreviewed = make_claim(
        speaker=government,
        content="Repairs never start",
        said_on=datetime.date(2024, 6, 1),
        status=ClaimStatus.NEW,
    )
    make_stance(reviewed, topic, "supports")
    make_stance(unreviewed, topic, "opposes")
    return topic, government, reviewed, unreviewed


def test_show_unreviewed_defaults_to_off_and_hides_unreviewed_claims(client, unreviewed_stance):
    from django.conf import settings

    _topic, _government, _reviewed, unreviewed = unreviewed_stance
    assert settings.CLAIMDESK_SHOW_UNREVIEWED is False  # tests/settings.py leaves the default

    listing = client.get(reverse("claims:claim-list")).content.decode()

    assert "Repairs start now" in listing and "Repairs never start" not in listing
    assert client.get(unreviewed.get_absolute_url()).status_code == 404
    assert "that no one has checked yet" not in listing


@pytest.mark.parametrize("show_unreviewed", [False, True])
def test_unreviewed_stances_never_count_in_positions(
    client, settings, unreviewed_stance, show_unreviewed
):
    settings.CLAIMDESK_SHOW_UNREVIEWED = show_unreviewed
    topic, government, reviewed, _unreviewed = unreviewed_stance

    response = client.get(topic.get_absolute_url())
    rows = {row.actor.name: row for row in response.context["rows"]}
    html = response.content.decode()
    topics = client.get(reverse("claims:topic-list"))
    speaker = client.get(government.get_absolute_url())

    assert [c.pk for c in rows["Examplia"].cells["supports"]] == [reviewed.pk]
    assert rows["Examplia"].cells["opposes"] == []
    assert rows["Examplia"].changes == []
    assert "Repairs never start" not in html and "Supports → Opposes" not in html
    (listed,) = topics.context["topics"]
    assert (listed.public_stances, listed.n_supports, listed.n_opposes) == (1, 1, 0)
    speaker_stances = [s.claim_id for t in speaker.context["topics"] for s in t.stances]
    assert speaker_stances == [reviewed.pk]


def test_unreviewed_claim_page_shows_no_position_when_unreviewed_are_shown(
    client, settings, unreviewed_stance
):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    _topic, _government, _reviewed, unreviewed = unreviewed_stance

    html = client.get(unreviewed.get_absolute_url()).content.decode()

    assert "Repairs never start" in html and "Not yet reviewed" in html
    assert 'id="stances-heading"' not in html and "Bridge repairs" not in html
    assert "that no one has checked yet" in html  # the site says it shows them


def test_desk_topic_matrix_is_the_public_one_plus_claims_under_review(client, unreviewed_stance):
    """One positions matrix (claims.queries.positions): the desk's topic page rolls actors up
    along containment as the public page does, and also shows the stance under review."""
    topic, government, reviewed, _unreviewed = unreviewed_stance
    palace = make_speaker(name="Examplia Palace", kind="government", affiliated_with=government)
    spokesman = make_speaker(name="Ivo Spokes", affiliated_with=palace)
    by_spokesman = make_published_claim(
        speaker=spokesman, content="Repairs are funded", said_on=datetime.date(2024, 3, 1)
    )
    make_stance(by_spokesman, topic, "supports")
    client.force_login(make_user(role="Reviewer"))

    public = client.get(topic.get_absolute_url())
    desk = client.get(f"/admin/claims/topic/{topic.pk}/change/").content.decode()

    (row,) = public.context["rows"]  # the spokesman two levels down counts for Examplia
    assert (row.actor, [c.pk for c in row.cells["supports"]]) == (
        government,
        [reviewed.pk, by_spokesman.pk],
    )
    table = desk.split('class="positions"')[1].split("</table>")[0]
    rows = table.split("<tbody>")[1].split("</tr>")[:-1]
    assert [r.split("<th>")[1].split("</th>")[0] for r in rows] == ["Examplia"]
    cells = rows[0].split("<td>")[1:]
    assert ["Repairs start now" in cells[0], "Repairs are funded" in cells[0]] == [True, True]
    assert "Repairs never start" in cells[1]  # under review: the desk sees it, readers do not


@pytest.mark.parametrize("show_unreviewed", [False, True])
def test_claim_list_names_no_speaker_readers_may_not_see(client, settings, show_unreviewed):
    """The speaker filter lists and accepts speakers with public claims only: a name found only
    in an unreviewed (when hidden) or dismissed claim, often a misread one, stays private."""
    settings.CLAIMDESK_SHOW_UNREVIEWED = show_unreviewed
    shown = make_speaker(name="Ada Public", slug="ada-public")
    make_published_claim(speaker=shown, content="Bridges are safe")
    unreviewed = make_speaker(name="Ivo Unreviewed", slug="ivo-unreviewed")
    make_claim(speaker=unreviewed, content="Roads are safe", status=ClaimStatus.NEW)
    dismissed = make_speaker(name="Mis Read", slug="mis-read")
    make_claim(speaker=dismissed, content="Not a claim", status=ClaimStatus.DISMISSED)
    listed = {"Ada Public": True, "Ivo Unreviewed": show_unreviewed, "Mis Read": False}

    page = client.get(reverse("claims:claim-list")).content.decode()
    filtered = {
        slug: client.get(reverse("claims:claim-list"), {"speaker": slug}).context["errors"]
        for slug in ("ada-public", "ivo-unreviewed", "mis-read", "never-was")
    }

    assert {name: f">{name}</option>" in page for name in listed} == listed
    assert filtered == {
        "ada-public": False,
        "ivo-unreviewed": not show_unreviewed,
        "mis-read": True,
        "never-was": True,
    }


@pytest.mark.parametrize("show_unreviewed", [False, True])
def test_no_public_address_names_what_readers_may_not_see(client, settings, show_unreviewed):
    """Every public page, index, feed and the sitemap, over data that could leak: an
    unreviewed claim with its own speaker, article, stance, tag and a correction made while it
    was published; a dismissed one likewise. The unreviewed claim shows only when the setting
    says so, and then without its correction; the dismissed one never."""
    settings.CLAIMDESK_SHOW_UNREVIEWED = show_unreviewed
    topic = make_topic(title="Bridges")
    shown = make_published_claim(
        speaker=make_speaker(name="Ada Minister"),
        article=make_article(headline="Shown article"),
        content="Bridges are safe",
    )
    make_stance(shown, topic)
    leaks = {}
    for status, name in ((ClaimStatus.READY, "Ivo Draft"), (ClaimStatus.DISMISSED, "Mis Read")):
        claim = make_claim(
            speaker=make_speaker(name=f"{name} Speaker"),
            article=make_article(headline=f"{name} Article"),
            content=f"{name} claim words",
            status=status,
            notes=f"{name} reviewer note",
        )
        make_stance(claim, topic, "opposes")
        claim.tags.add(make_tag(name=f"{name} tag"))
        Correction.objects.create(
            claim=claim, previous_verdict="true", new_verdict="false", note=f"{name} fix note"
        )
        leaks[name] = claim
    urls = [
        reverse("claims:home"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?q=words",
        reverse("claims:speaker-list"),
        reverse("claims:article-list"),
        reverse("claims:topic-list"),
        topic.get_absolute_url(),
        reverse("claims:corrections"),
        reverse("claims:methodology"),
        "/sitemap.xml",
        reverse("claims:feed-claims"),
        reverse("claims:feed-corrections"),
        reverse("claims:feed-topic", args=[topic.slug]),
        shown.get_absolute_url(),
        shown.speaker.get_absolute_url(),
        shown.article.get_absolute_url(),
    ]
    pages = {url: client.get(url).content.decode() for url in urls}

    def named(name):
        claim = leaks[name]
        marks = [
            f"/claims/{claim.pk}/",
            f"{name} claim words",
            f"{name} Speaker",
            f"{name} Article",
            f"{name} reviewer note",
            f"{name} fix note",
        ]
        return sorted({url for url, page in pages.items() for mark in marks if mark in page})

    assert named("Mis Read") == []
    if not show_unreviewed:
        assert named("Ivo Draft") == []
    else:  # listed and labelled, but never its note, correction or position
        draft = leaks["Ivo Draft"]
        assert named("Ivo Draft") == sorted(
            [
                reverse("claims:claim-list"),
                reverse("claims:claim-list") + "?q=words",
                reverse("claims:speaker-list"),
                reverse("claims:article-list"),
                reverse("claims:home"),
                "/sitemap.xml",
            ]
        )
        for page in pages.values():
            assert "Ivo Draft reviewer note" not in page and "Ivo Draft fix note" not in page
        assert client.get(draft.get_absolute_url()).status_code == 200
    assert all(
        client.get(leaks[n].get_absolute_url()).status_code == 404
        for n in (["Mis Read"] if show_unreviewed else ["Mis Read", "Ivo Draft"])
    )
    assert "Bridges are safe" in pages[topic.get_absolute_url()]
