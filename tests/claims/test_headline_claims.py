"""Claims in the headline (issue 10): the importer keeps the headline out of the body, so a
headline claim (`Mayor Lund: “No new taxes”`) is stored with `in_headline` and offsets into
the headline; every place that reads claim offsets reads them in the right text."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from claims.desk.claims import ClaimAdmin
from claims.enums import ClaimStatus, Verdict
from claims.extraction import extract_article
from claims.models import Article, Claim, ClaimLink
from claims.services.articles import save_article
from claims.services.imports import import_article, reextract_article
from claims.services.review import correct_span
from tests.factories import make_link, make_record, make_user

pytestmark = pytest.mark.django_db

HEADLINE = "Ina Lund: “No new taxes this year”"
BODY = (
    "The mayor, Ina Lund, spoke in the square on Monday.\n\n"
    "“We will cut spending instead,” Lund said."
)


def imported():
    article = import_article(record=make_record(headline=HEADLINE, body=BODY)).article
    head, body = Claim.objects.filter(article=article).order_by("-in_headline", "start")
    return article, head, body


def publish(*claims):
    for claim in claims:
        claim.status, claim.verdict = ClaimStatus.PUBLISHED, Verdict.FALSE
        claim.rationale, claim.published_at = "The budget says otherwise.", timezone.now()
        claim.save()


def test_extract_article_locates_each_claim_in_the_headline_or_the_body():
    claims = extract_article(HEADLINE, BODY)

    rows = [
        (c.in_headline, c.content, c.speaker, c.mention, c.cue, c.context_start, c.context_end)
        for c in claims
    ]
    assert rows == [
        (True, "“No new taxes this year”", "Ina Lund", "Ina Lund", ":", 0, len(HEADLINE)),
        (False, "“We will cut spending instead,”", "Ina Lund", "Lund", "said", 53, len(BODY)),
    ]
    for c in claims:
        text = HEADLINE if c.in_headline else BODY
        assert text[c.start : c.end] == c.content
        assert text[c.mention_start : c.mention_end] == c.mention
        assert text[c.cue_start : c.cue_end] == c.cue


def test_extract_article_without_a_headline_is_extract_claims_of_the_body():
    (claim,) = extract_article("", "Ina Lund said the bridge would reopen in May.")

    assert (claim.in_headline, claim.content) == (False, "the bridge would reopen in May")


def test_import_stores_a_headline_claim_with_offsets_into_the_headline():
    article, head, body = imported()

    assert (head.in_headline, head.content, head.mention, head.extraction_rule) == (
        True,
        "“No new taxes this year”",
        "Ina Lund",
        "name_colon_line",
    )
    assert article.headline[head.start : head.end] == head.content
    assert article.headline[head.mention_start : head.mention_end] == "Ina Lund"
    assert (head.context_start, head.context_end) == (0, len(HEADLINE))
    assert (body.in_headline, article.body[body.start : body.end]) == (False, body.content)
    assert head.speaker_id == body.speaker_id  # one speaker, named in both


def test_article_page_marks_a_headline_claim_in_the_headline_not_in_the_body(client, settings):
    article, head, body = imported()
    publish(head, body)

    for mode in ("full", "excerpts"):
        settings.CLAIMDESK_ARTICLE_TEXT = mode
        html = client.get(article.get_absolute_url()).content.decode()

        assert (
            f'<h1>Ina Lund: <a class="claim-mark" href="{head.get_absolute_url()}">'
            "<mark>“No new taxes this year”</mark></a></h1>"
        ) in html
        assert html.count(f'href="{head.get_absolute_url()}"><mark>') == 1
        assert (
            f'<a class="claim-mark" href="{body.get_absolute_url()}">'
            "<mark>“We will cut spending instead,”</mark></a> Lund said."
        ) in html


def test_claim_page_shows_a_headline_claim_in_its_headline(client):
    _, head, _ = imported()
    publish(head)

    html = client.get(head.get_absolute_url()).content.decode()

    assert "Ina Lund: <mark>“No new taxes this year”</mark>" in html


def test_desk_shows_a_headline_claim_in_its_headline():
    _, head, _ = imported()
    claim = Claim.objects.select_related("article__outlet").get(pk=head.pk)

    html = ClaimAdmin(Claim, None).in_context(claim)

    assert 'data-start="0"' in html
    assert "No new taxes this year" in html
    assert "The mayor" not in html  # the body is not the headline claim's paragraph


def test_span_editor_moves_a_headline_claim_within_the_headline():
    _, head, _ = imported()
    start = HEADLINE.index("No new taxes")
    reviewer = make_user(role="Reviewer")

    moved = correct_span(
        claim=head,
        user=reviewer,
        target="content",
        start=start,
        end=start + 12,
        text="No new taxes",
    )

    assert (moved.in_headline, moved.start, moved.content) == (True, start, "No new taxes")
    with pytest.raises(Exception, match="does not match"):
        correct_span(claim=head, user=reviewer, target="content", start=0, end=8, text="The mayo")


def test_reextraction_keeps_a_reviewed_headline_claim_in_the_headline():
    article, head, _ = imported()
    publish(head)

    result = reextract_article(article=article)

    head.refresh_from_db()
    assert (result.claims_reanchored, head.in_headline, head.orphaned) == (1, True, False)
    assert article.headline[head.start : head.end] == head.content


def test_export_and_load_keep_a_headline_claim_and_a_link_to_it():
    article, head, body = imported()
    make_link(body, head, "repeats")
    out = io.StringIO()
    call_command("export_claims", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    records = {r["content"]["text"]: r for r in lines if r["record"] == "claim"}
    assert records[head.content]["in_headline"] is True
    assert records[body.content]["links"][0]["to_key"] == [
        article.source_key,
        head.start,
        head.end,
        True,
    ]
    Claim.objects.all().delete()
    Article.objects.all().delete()

    call_command("load_claims", "-", stdin=io.StringIO(out.getvalue()), stdout=io.StringIO())

    loaded = Claim.objects.get(in_headline=True)
    assert (loaded.content, loaded.start, loaded.end) == (head.content, head.start, head.end)
    assert ClaimLink.objects.get().to_claim == loaded


def test_an_edited_headline_is_re_extracted_with_its_article():
    article, _, _ = imported()
    article.headline = "Tom Berg: “The budget adds up”"

    result = save_article(article=article, user=make_user(role="Editor"))

    assert result is not None  # the headline changed: the claims were re-extracted
    rows = list(
        Claim.objects.filter(article=article, in_headline=True).values_list("content", "mention")
    )
    assert rows == [("“The budget adds up”", "Tom Berg")]
    assert Claim.objects.filter(article=article, in_headline=False).count() == 1


def test_an_article_saved_unchanged_is_not_re_extracted():
    article, _, _ = imported()

    assert save_article(article=article, user=make_user(role="Editor")) is None
