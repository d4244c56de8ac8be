"""A claim's words, wherever they appear: a direct quote in exactly one pair of marks and without
the sentence's comma; paraphrase never in marks, as reported speech; a mixed claim as it stands
in the source (issue 12, Quotation)."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims.enums import ClaimKind
from claims.html import claim_words
from claims.services import review
from tests.factories import (
    make_article,
    make_link,
    make_published_claim,
    make_speaker,
    make_stance,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"

BODY = (
    "“We will hold the bridge,” Ada Minister said. "
    "Bob Critic said that the bridge had already fallen. "
    "Cy Mixed said the bridge plan was “a total success” for everyone."
)
DIRECT = "“We will hold the bridge,”"
INDIRECT = "the bridge had already fallen"
MIXED = "the bridge plan was “a total success” for everyone"

SHOWN = {
    "direct": "“We will hold the bridge”",
    "indirect": "Bob Critic said that the bridge had already fallen",
    "mixed": "Cy Mixed said that the bridge plan was “a total success” for everyone",
}
# What must never appear: doubled marks, the sentence's comma inside the marks, paraphrase in
# marks, and the mixed claim's words with marks around the whole span.
NEVER = ["““", "””", "bridge,”", "“the bridge had", "fallen”", "“the bridge plan", "everyone”"]


@pytest.fixture
def three_kinds():
    article = make_article(body=BODY)

    def published(text, kind, speaker):
        start = BODY.index(text)
        return make_published_claim(
            article=article,
            start=start,
            end=start + len(text),
            content=text,
            kind=kind,
            speaker=make_speaker(name=speaker),
        )

    return {
        "direct": published(DIRECT, ClaimKind.DIRECT, "Ada Minister"),
        "indirect": published(INDIRECT, ClaimKind.INDIRECT, "Bob Critic"),
        "mixed": published(MIXED, ClaimKind.MIXED, "Cy Mixed"),
    }


def assert_quoted_right(text: str, kinds=("direct", "indirect", "mixed")):
    for kind in kinds:
        assert SHOWN[kind] in text, kind
    for wrong in NEVER:
        assert wrong not in text, wrong


@pytest.mark.parametrize(
    ("content", "kind", "expected"),
    [
        ("“We will win,”", "direct", "We will win"),
        ('"We will win",', "direct", "We will win"),
        ("“We will win.”", "direct", "We will win"),
        ("“Will we win?”", "direct", "Will we win?"),
        ("“We will win...”", "direct", "We will win..."),
        ("We will win", "direct", "We will win"),
        ("that we will win.", "indirect", "we will win"),
        ("it was “a success.”", "mixed", "it was “a success.”"),
    ],
)
def test_claim_words_trims_only_what_belonged_to_the_sentence(content, kind, expected):
    assert claim_words(content, kind) == expected


def test_claim_words_shortens_to_the_limit_with_an_ellipsis():
    assert claim_words("“We will hold the bridge,”", "direct", limit=10) == "We will h…"


def without_source_paragraph(html: str) -> str:
    """The page without the quoted source paragraph (which rightly shows the text verbatim)."""
    if '<blockquote class="context">' not in html:
        return html
    before, rest = html.split('<blockquote class="context">', 1)
    return before + rest.split("</blockquote>", 1)[1]


def test_claim_page_shows_each_kind_quoted_once_or_reported(client, three_kinds):
    for kind, claim in three_kinds.items():
        html = without_source_paragraph(client.get(claim.get_absolute_url()).content.decode())
        heading = html.split('<h1 class="claim-content', 1)[1].split("</h1>", 1)[0]
        assert SHOWN[kind] in heading
        assert "<q>" not in heading
        assert_quoted_right(html, kinds=(kind,))


def test_claim_list_and_search_show_each_kind_quoted_right(client, three_kinds):
    assert_quoted_right(client.get(reverse("claims:claim-list")).content.decode())
    found = client.get(reverse("claims:claim-list"), {"q": "bridge"}).content.decode()
    assert "“We will hold the <mark>bridge</mark>”" in found
    assert "Bob Critic said that the <mark>bridge</mark> had already fallen" in found
    for wrong in NEVER:
        assert wrong not in found


def test_related_claims_show_each_kind_quoted_right(client, three_kinds):
    make_link(three_kinds["direct"], three_kinds["indirect"], "contradicts")
    make_link(three_kinds["mixed"], three_kinds["direct"], "responds_to")

    html = without_source_paragraph(
        client.get(three_kinds["direct"].get_absolute_url()).content.decode()
    )
    related = html.split('id="links-heading"', 1)[1].split("</section>", 1)[0]

    assert_quoted_right(related, kinds=("indirect", "mixed"))


def test_topic_matrix_and_speaker_stances_show_each_kind_quoted_right(client, three_kinds):
    topic = make_topic(title="The bridge")
    for claim in three_kinds.values():
        make_stance(claim, topic, "supports")

    assert_quoted_right(client.get(topic.get_absolute_url()).content.decode())
    for kind, claim in three_kinds.items():
        speaker_page = client.get(claim.speaker.get_absolute_url()).content.decode()
        assert_quoted_right(speaker_page, kinds=(kind,))


def test_feed_titles_and_summaries_show_each_kind_quoted_right(client, three_kinds):
    root = ET.fromstring(client.get(reverse("claims:feed-claims")).content)  # noqa: S314
    entries = root.findall(f"{ATOM}entry")
    titles = " | ".join(e.findtext(f"{ATOM}title") for e in entries)
    summaries = " | ".join(e.findtext(f"{ATOM}summary") for e in entries)

    assert "False: Ada Minister: “We will hold the bridge”" in titles
    assert "False: Bob Critic said that the bridge had already fallen" in titles
    assert_quoted_right(titles)
    assert_quoted_right(summaries)


def test_admin_names_and_messages_show_each_kind_quoted_right(client, three_kinds):
    # The admin wraps str(claim) in its own “…”: the direct quote's marks must not double.
    assert str(three_kinds["direct"]) == "We will hold the bridge"
    assert str(three_kinds["indirect"]) == "the bridge had already fallen"
    client.force_login(make_user(role="Editor"))
    for kind in ("direct", "indirect", "mixed"):
        claim = three_kinds[kind]
        claim.status = "new"
        claim.save()
        response = client.post(
            f"/admin/claims/claim/{claim.pk}/not-a-claim/", {"not_a_claim_reason": "A test."}
        )
        message = " ".join(str(m) for m in get_messages(response.wsgi_request))
        assert f"Dismissed as not a claim: {SHOWN[kind]}." in message


def test_home_article_and_corrections_pages_show_each_kind_quoted_right(client, three_kinds):
    """The places the other tests leave out: the home page's lists, the article page's cards
    (its excerpts rightly quote the source verbatim), /corrections/ and the desk's correction
    screen and message."""
    editor = make_user(role="Editor")
    for claim in three_kinds.values():
        review.correct_claim(claim, editor, verdict="true", note="Checked again.")
    article = three_kinds["direct"].article

    home = client.get(reverse("claims:home")).content.decode()
    article_page = client.get(article.get_absolute_url()).content.decode()
    cards = article_page.split('id="claims-heading"', 1)[1]
    corrections = client.get(reverse("claims:corrections")).content.decode()
    client.force_login(editor)
    screens = {
        kind: client.get(f"/admin/claims/claim/{claim.pk}/correct/").content.decode()
        for kind, claim in three_kinds.items()
    }

    assert_quoted_right(home)
    assert_quoted_right(cards)
    assert_quoted_right(corrections)
    for kind, screen in screens.items():
        assert_quoted_right(screen.split('id="correct-claim"', 1)[1], kinds=(kind,))


def test_corrections_speaker_and_topic_feeds_show_each_kind_quoted_right(client, three_kinds):
    editor = make_user(role="Editor")
    topic = make_topic(title="The bridge")
    for claim in three_kinds.values():
        review.correct_claim(claim, editor, verdict="true", note="Checked again.")
        make_stance(claim, topic, "supports")

    def entries(url):
        root = ET.fromstring(client.get(url).content)  # noqa: S314
        return " | ".join(
            f"{e.findtext(f'{ATOM}title')} / {e.findtext(f'{ATOM}summary')}"
            for e in root.findall(f"{ATOM}entry")
        )

    corrections = entries(reverse("claims:feed-corrections"))
    by_topic = entries(reverse("claims:feed-topic", args=[topic.slug]))
    by_speaker = {
        kind: entries(reverse("claims:feed-speaker", args=[claim.speaker.slug]))
        for kind, claim in three_kinds.items()
    }

    assert "Corrected: False → True: “We will hold the bridge”" in corrections
    assert_quoted_right(corrections)
    assert_quoted_right(by_topic)
    for kind, text in by_speaker.items():
        assert_quoted_right(text, kinds=(kind,))
