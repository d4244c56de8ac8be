"""The review desk in a real browser: a reviewer checks the seed's "zero evidence" claim, links
it to the same remark in another outlet and marks it ready; an editor publishes it; readers see it.

CLAIMDESK_SCREENSHOTS=1 also writes docs/review-changelist.png and docs/review-change.png (the
README's "The review desk" section shows them).
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.enums import ClaimStatus
from claims.models import Claim, ClaimLink
from tests.factories import ensure_roles, make_article, make_claim, make_outlet, make_user

pytestmark = pytest.mark.django_db(transaction=True)
DOCS = Path(__file__).resolve().parents[2] / "docs"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def screenshot(page, name):
    if os.environ.get("CLAIMDESK_SCREENSHOTS"):
        page.set_viewport_size({"width": 1600, "height": 1000})
        page.screenshot(path=str(DOCS / name), full_page=False)
        page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def zero_evidence_claim():
    """The seed's claim, imported the way an operator would, and the same remark elsewhere."""
    ensure_roles()  # an earlier transactional test's flush may have removed the groups
    call_command("import_articles", str(SEEDS), verbosity=0)
    claim = Claim.objects.filter(content__contains="zero evidence").order_by("start").first()
    assert claim is not None, "the seed import should find the “zero evidence” claim"
    body = f"The wire report: {claim.content}."
    other = make_article(
        headline="Blinken doubts Russia wants talks", body=body, outlet=make_outlet(name="Wire")
    )
    repeat = make_claim(article=other, start=17, end=17 + len(claim.content), content=claim.content)
    return claim, repeat


def test_reviewer_checks_a_claim_and_an_editor_publishes_it(
    browser, page, login, live_server, zero_evidence_claim
):
    claim, repeat = zero_evidence_claim
    reviewer = make_user(username="rita", role="Reviewer")
    editor = make_user(username="eddie", role="Editor")

    # The reviewer finds the claim from the changelist search.
    login(reviewer)
    page.goto(f"{live_server.url}/admin/claims/claim/?q=zero+evidence")
    assert page.locator("#result_list tbody tr").count() == 2
    screenshot(page, "review-changelist.png")
    page.locator("#result_list").get_by_role("link", name=re.compile("zero evidence")).first.click()
    if f"/claim/{claim.pk}/" not in page.url:
        page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    assert page.locator("blockquote.claim-context mark.claim").inner_text() == claim.content

    # Verdict, rationale, attribution check and evidence; saved with "Save and continue".
    page.select_option("#id_verdict", "unsupported")
    page.fill("#id_rationale", "No public evidence either way; the remark is an assessment.")
    page.check("#id_attribution_checked")
    page.fill("#id_evidence-0-url", "https://www.state.gov/secretary-blinkens-press-conference/")
    page.fill("#id_evidence-0-title", "State Department transcript")
    page.click("input[name=_continue]")
    assert "was changed successfully" in page.locator("ul.messagelist").inner_text()

    # The similar-claims panel offers the wire copy: one click links it.
    panel = page.locator("#similar-claims")
    assert "same text" in panel.inner_text()
    screenshot(page, "review-change.png")
    panel.get_by_role("button", name="repeats it").click()
    assert f"This claim repeats claim {repeat.pk}." in page.locator("ul.messagelist").inner_text()

    # Mark ready in one step: the button saves the form and moves the claim.
    page.locator("#decide").get_by_role("button", name="Save and mark ready").click()
    assert (
        "Saved; the claim is now ready to publish." in page.locator("ul.messagelist").inner_text()
    )
    # A reviewer is never offered publishing.
    assert "Save and publish" not in page.locator("#decide button").all_inner_texts()

    # The editor publishes it, in a session of their own.
    editor_context = browser.new_context(viewport={"width": 1280, "height": 900})
    editor_page = editor_context.new_page()
    editor_page.goto(f"{live_server.url}/admin/login/?next=/admin/claims/claim/{claim.pk}/change/")
    editor_page.fill("#id_username", editor.username)
    editor_page.fill("#id_password", "correct horse battery")
    editor_page.click("input[type=submit]")
    editor_page.locator("#decide").get_by_role("button", name="Save and publish").click()
    assert (
        "Saved; the claim is now published." in editor_page.locator("ul.messagelist").inner_text()
    )

    # Readers see it, with its verdict.
    editor_page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    public = editor_page.locator("main").inner_text()
    assert "zero evidence" in public
    assert "Unsupported" in public
    editor_context.close()

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert claim.reviewed_by == reviewer
    assert ClaimLink.objects.filter(from_claim=claim, to_claim=repeat, relation="repeats").exists()
