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

    # 1 the article with its outlet, 2 the count of its public claims, 3 this page of them
    # with speakers, 4 the offsets of the public claims inside the text shown (to mark them).
    with django_assert_num_queries(4):
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


def test_article_page_never_marks_a_claim_readers_may_not_see(client, settings, article):
    # The fixture's unreviewed claim covers "First" (offsets 0-5) in the full text.
    settings.CLAIMDESK_ARTICLE_TEXT = "full"

    html = client.get(article.get_absolute_url()).content.decode()

    assert "First paragraph with nothing" in html and "<mark>First" not in html
    assert html.count("<mark>") == 2


# --- Pages of claims (issue 12: 4,000 claim cards took 2.9 s to render) ----------------------

PARAGRAPHS = [f"Speaker {n} said the road number {n} was built." for n in range(1, 6)]


@pytest.fixture
def long_article(monkeypatch):
    """Five paragraphs with one claim each, two claims to a page."""
    monkeypatch.setattr("claims.public.views.ARTICLE_CLAIMS_PER_PAGE", 2)
    article = make_article(body="\n\n".join(PARAGRAPHS))
    claims = [claim_at(article, f"the road number {n} was built") for n in range(1, 6)]
    return article, claims


def cards(response):
    return [claim.pk for claim in response.context["claims"]]


def test_article_page_lists_its_claims_a_page_at_a_time_with_their_excerpts(client, long_article):
    article, claims = long_article

    pages = [client.get(article.get_absolute_url() + f"?page={n}") for n in (1, 2, 3)]
    html = [page.content.decode() for page in pages]

    assert [cards(page) for page in pages] == [
        [claims[0].pk, claims[1].pk],
        [claims[2].pk, claims[3].pk],
        [claims[4].pk],
    ]
    quoted = [[f"Speaker {n} said" in text for n in range(1, 6)] for text in html]
    assert quoted == [
        [True, True, False, False, False],
        [False, False, True, True, False],
        [False, False, False, False, True],
    ]
    assert "Claims 3–4 of 5, in the order they appear in the article." in html[1]
    assert '<a rel="prev" href="?page=1">Previous</a>' in html[1]
    assert "Page 2 of 3" in html[1] and '<a rel="next" href="?page=3">Next</a>' in html[1]
    assert 'rel="next"' not in html[2] and 'rel="prev"' not in html[0]


def test_article_page_out_of_range_page_shows_the_last(client, long_article):
    article, claims = long_article

    response = client.get(article.get_absolute_url() + "?page=99")
    junk = client.get(article.get_absolute_url() + "?page=x")

    assert (cards(response), cards(junk)) == ([claims[4].pk], [claims[0].pk, claims[1].pk])


def test_a_paragraph_split_over_two_pages_marks_all_its_claims_on_each(client, monkeypatch):
    monkeypatch.setattr("claims.public.views.ARTICLE_CLAIMS_PER_PAGE", 2)
    article = make_article(body="Ada said taxes fall, Bob said rents rise and Cy said jobs grow.")
    first, second, third = (
        claim_at(article, words) for words in ("taxes fall", "rents rise", "jobs grow")
    )

    pages = [client.get(article.get_absolute_url() + f"?page={n}") for n in (1, 2)]

    assert [cards(page) for page in pages] == [[first.pk, second.pk], [third.pk]]
    for page in pages:
        html = page.content.decode()
        assert html.count('<blockquote class="excerpt">') == 1
        marks = [f'href="/claims/{c.pk}/"><mark>' in html for c in (first, second, third)]
        assert marks == [True, True, True]


def test_full_text_shows_every_claim_marked_on_every_page(client, settings, long_article):
    settings.CLAIMDESK_ARTICLE_TEXT = "full"
    article, claims = long_article

    html = client.get(article.get_absolute_url() + "?page=3").content.decode()

    assert all(paragraph.split(" the road")[0] in html for paragraph in PARAGRAPHS)
    assert [f'href="/claims/{c.pk}/"><mark>' in html for c in claims] == [True] * 5


@pytest.mark.parametrize("page", [1, 3])
def test_article_page_query_count_is_the_same_on_every_page(
    client, django_assert_num_queries, long_article, page
):
    article, _claims = long_article

    # 1 the article, 2 the count, 3 this page's claims, 4 the offsets of the claims shown.
    with django_assert_num_queries(4):
        client.get(article.get_absolute_url() + f"?page={page}")


@pytest.mark.usefixtures("page_cache")
def test_cached_article_pages_are_one_entry_per_page(client, long_article):
    article, claims = long_article

    first = client.get(article.get_absolute_url()).content
    second = client.get(article.get_absolute_url() + "?page=2").content
    again = client.get(article.get_absolute_url() + "?page=2&utm_source=x").content

    assert first != second and again == second
    assert f"/claims/{claims[2].pk}/" in second.decode()
