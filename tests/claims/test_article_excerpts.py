"""Article pages quote, not reprint (issue 12): by default only each claim's paragraph, with the
claim marked, and a prominent link to the source; `full` shows the whole text."""

import pytest

from tests.factories import make_article, make_claim, make_outlet, make_published_claim

pytestmark = pytest.mark.django_db

BODY = (
    "First paragraph with nothing claimed in it at all.\n\n"
    "The minister said the bridge cost 40 million euros. More words follow here.\n\n"
    "A middle paragraph that nobody quoted.\n\n"
    "Critics said the bridge was never finished."
)


def claim_at(article, text, **fields):
    start = article.body.index(text)
    return make_published_claim(
        article=article, start=start, end=start + len(text), content=text, **fields
    )


@pytest.fixture
def article():
    article = make_article(
        body=BODY, url="https://news.example/bridge", outlet=make_outlet(name="Daily Example")
    )
    claim_at(article, "the bridge cost 40 million euros")
    claim_at(article, "the bridge was never finished")
    make_claim(article=article, start=0, end=5, content="First")  # unreviewed: not shown
    return article


def test_article_page_shows_only_the_claims_paragraphs_by_default(client, article):
    html = client.get(article.get_absolute_url()).content.decode()

    assert html.count('<blockquote class="excerpt">') == 2
    assert "More words follow here." in html  # the claim's own paragraph
    assert "<mark>the bridge cost 40 million euros</mark>" in html
    assert "<mark>the bridge was never finished</mark>" in html
    assert "First paragraph" not in html and "A middle paragraph" not in html
    assert 'href="https://news.example/bridge"' in html
    assert "Read the full article at the source" in html and "(Daily Example)" in html


def test_article_page_full_text_shows_every_paragraph(client, settings, article):
    settings.CLAIMDESK_ARTICLE_TEXT = "full"

    html = client.get(article.get_absolute_url()).content.decode()

    assert "First paragraph" in html and "A middle paragraph" in html
    assert 'class="excerpt"' not in html


@pytest.mark.parametrize("rows", [1, 3])
def test_article_excerpt_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, rows
):
    article = make_article(body="\n\n".join(f"Paragraph {i} says a thing." for i in range(rows)))
    for i in range(rows):
        claim_at(article, f"Paragraph {i} says")

    # 1 the article with its outlet, 2 its public claims with speakers.
    with django_assert_num_queries(2):
        html = client.get(article.get_absolute_url()).content.decode()

    assert html.count('<blockquote class="excerpt">') == rows


@pytest.mark.parametrize(
    ("site", "outlet_choice", "full"),
    [
        ("excerpts", "full", True),  # the newsroom's own outlet
        ("full", "excerpts", False),  # another outlet quoted even on a full-text site
        ("excerpts", "", False),  # no choice: the site's setting
        ("full", "", True),
    ],
)
def test_article_page_text_follows_the_outlets_choice_over_the_site_setting(
    client, settings, site, outlet_choice, full
):
    settings.CLAIMDESK_ARTICLE_TEXT = site
    article = make_article(
        body=BODY,
        url="https://news.example/own",
        outlet=make_outlet(name="Our Paper", article_text=outlet_choice),
    )
    claim_at(article, "the bridge cost 40 million euros")

    html = client.get(article.get_absolute_url()).content.decode()

    assert ("First paragraph" in html) is full
    assert ('class="excerpt"' in html) is not full
