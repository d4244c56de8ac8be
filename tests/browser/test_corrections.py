"""Correcting the machine in a real browser: selecting text in the claim's paragraph moves the
span (the desk's own script computes the offsets), and selecting text on the article page adds
a missed claim."""

import pytest

from claims.models import Claim, ExtractionFeedback
from tests.factories import ensure_roles, make_article, make_claim, make_user

pytestmark = pytest.mark.django_db(transaction=True)

BODY = (
    "Intro.\n\nThe minister said \u202eexports doubled last year, and imports fell. Then she left."
)


def select(page, selector, text):
    """Select `text` inside the element matched by `selector`, as a mouse drag would."""
    page.evaluate(
        """([selector, wanted]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(wanted);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + wanted.length);
                    const selection = document.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return;
                }
            }
            throw new Error("text not found: " + wanted);
        }""",
        [selector, text],
    )


def test_reviewer_corrects_a_span_and_adds_a_missed_claim_by_selecting_text(
    page, login, live_server
):
    ensure_roles()
    article = make_article(body=BODY)
    start = BODY.index("exports")
    claim = make_claim(
        article=article, start=start, end=BODY.index(" last year"), extractor_version="rules-1.0"
    )
    login(make_user(username="rita", role="Reviewer"))

    # Widen the claim: select from "exports" to "fell" in the shown paragraph.
    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    select(page, "blockquote.claim-context .article-text", "and imports fell")
    assert page.input_value("input[name=span_start]") == str(BODY.index("and imports"))
    select(page, "blockquote.claim-context .article-text", "The minister said")
    assert page.input_value("input[name=span_start]") == str(BODY.index("The minister"))
    assert page.input_value("input[name=span_end]") == str(BODY.index(" \u202eexports"))
    page.get_by_role("button", name="This names the speaker").click()
    assert "speaker mention now covers" in page.locator("ul.messagelist").inner_text()

    # The marker for U+202E stands for one character: offsets after it stay right.
    select(page, "blockquote.claim-context .article-text", "imports fell")
    page.get_by_role("button", name="This is the claim").click()
    claim.refresh_from_db()
    assert (claim.mention, claim.content) == ("The minister said", "imports fell")
    assert claim.start == BODY.index("imports fell")

    # A missed claim, from the article's page.
    page.goto(f"{live_server.url}/admin/claims/article/{article.pk}/change/")
    select(page, "p.article-text[data-start='8']", "exports doubled last year")
    page.fill("input[name=speaker_name]", "A New Minister")
    page.get_by_role("button", name="Add this claim").click()
    assert "Added the missed claim" in page.locator("ul.messagelist").inner_text()

    added = Claim.objects.get(content="\u202eexports doubled last year".lstrip("\u202e"))
    assert added.start == BODY.index("exports doubled")
    assert added.speaker.name == "A New Minister"
    assert sorted(ExtractionFeedback.objects.values_list("kind", flat=True)) == [
        "missed_claim",
        "wrong_span",
        "wrong_span",
    ]
