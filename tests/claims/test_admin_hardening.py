"""Issue 15's admin items: history revert forms are writes, claim reverts work, malformed
input is a 400/404, and invisible characters show as markers everywhere in the admin."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission

from claims import html
from claims.desk.history import GuardedHistoryAdmin
from claims.enums import ClaimStatus, Verdict
from claims.models import Article, Claim, ClaimEvidence, ClaimLink, Speaker, Stance
from claims.services import review
from tests.claims.test_locking import change_data
from tests.factories import (
    make_article,
    make_claim,
    make_evidence,
    make_speaker,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db
S = ClaimStatus
ADMIN = "/admin/claims"


def article_data(article, **overrides):
    data = {
        "headline": article.headline,
        "outlet": article.outlet_id or "",
        "url": article.url or "",
        "published": article.published or "",
        "authors": article.authors,
        "language": article.language,
        "body": article.body,
        "claims-TOTAL_FORMS": "0",
        "claims-INITIAL_FORMS": "0",
        "claims-MIN_NUM_FORMS": "0",
        "claims-MAX_NUM_FORMS": "1000",
        "_save": "Revert",
    }
    data.update(overrides)
    return data


def speaker_data(speaker, **overrides):
    data = {
        "name": speaker.name,
        "kind": speaker.kind,
        "role": speaker.role,
        "affiliation": speaker.affiliation,
        "affiliated_with": speaker.affiliated_with_id or "",
        "description": speaker.description,
        "wikidata_id": speaker.wikidata_id,
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "_save": "Revert",
    }
    data.update(overrides)
    return data


def viewer():
    """Staff who may look at every desk page but change nothing."""
    user = make_user()
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    return user


# --- 1. Every history form is a write, checked like one -------------------------------------


def test_every_admin_of_a_history_model_guards_its_revert_form():
    tracked = {model for model in admin.site._registry if hasattr(model, "history")}
    guarded = {
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, GuardedHistoryAdmin)
    }

    # Topics, tags and outlets keep history for the public page cache's fingerprint only
    # (claims/public/pagecache.py): their desk admins are plain, with no revert form at all.
    plain = tracked - guarded
    reverts = {
        model
        for model in plain
        for url in admin.site._registry[model].get_urls()
        if getattr(url, "name", None) and url.name.endswith("_simple_history")
    }

    assert {m.__name__ for m in guarded} == {"Article", "Claim", "Speaker"}
    assert {m.__name__ for m in plain} == {"Outlet", "Tag", "Topic"}
    assert reverts == set()
    assert guarded <= tracked


@pytest.mark.parametrize("model", [ClaimEvidence, Stance, ClaimLink])
def test_history_models_without_an_admin_have_no_revert_form(client, model):
    claim = make_claim()
    row = {
        ClaimEvidence: lambda: make_evidence(claim),
        Stance: lambda: Stance.objects.create(claim=claim, topic=make_topic(), stance="supports"),
        ClaimLink: lambda: ClaimLink.objects.create(
            from_claim=claim, to_claim=make_claim(), relation="repeats"
        ),
    }[model]()
    client.force_login(make_user(role="Reviewer"))
    record = row.history.first()

    response = client.post(
        f"{ADMIN}/{model._meta.model_name}/{row.pk}/history/{record.history_id}/", {"note": "x"}
    )

    assert response.status_code == 404


def test_reviewer_cannot_rewrite_an_article_through_its_history_form(client):
    article = make_article(url="https://news.example/story", headline="The real headline")
    record = article.history.first()
    client.force_login(make_user(role="Reviewer"))

    page = client.get(f"{ADMIN}/article/{article.pk}/history/{record.history_id}/")
    response = client.post(
        f"{ADMIN}/article/{article.pk}/history/{record.history_id}/",
        article_data(article, url="https://attacker.example/", body="Planted text."),
    )

    assert page.status_code == 200 and 'value="Revert"' not in page.content.decode()
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.url, article.headline) == ("https://news.example/story", "The real headline")
    assert article.body.startswith("Secretary of State")


def test_reviewer_cannot_recreate_a_deleted_article_through_its_history_form(client):
    article = make_article(url="https://news.example/deleted")
    pk, record = article.pk, article.history.first()
    article.delete()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        f"{ADMIN}/article/{pk}/history/{record.history_id}/", article_data(record.instance)
    )

    assert response.status_code == 403
    assert not Article.objects.filter(pk=pk).exists()


@pytest.mark.parametrize("model_name", ["article", "speaker", "claim"])
def test_view_only_staff_cannot_revert_anything(client, model_name):
    claim = make_claim(speaker=make_speaker(name="Olena Zelenska"))
    row = {"article": claim.article, "speaker": claim.speaker, "claim": claim}[model_name]
    record = row.history.first()
    data = {
        "article": lambda: article_data(row, headline="Changed"),
        "speaker": lambda: speaker_data(row, name="Changed"),
        "claim": lambda: change_data(claim, rationale="Changed"),
    }[model_name]()
    client.force_login(viewer())

    response = client.post(f"{ADMIN}/{model_name}/{row.pk}/history/{record.history_id}/", data)

    assert response.status_code == 403
    assert str(type(row).objects.get(pk=row.pk)) == str(row)
    assert not Claim.objects.filter(rationale="Changed").exists()


def test_reviewer_cannot_revert_a_published_claim(client):
    claim = make_claim(verdict=Verdict.FALSE, rationale="Old.", attribution_checked=True)
    make_evidence(claim)
    old = claim.history.first()
    editor = make_user(role="Editor")
    review.mark_ready(claim=claim, user=editor)
    review.publish_claim(claim=claim, user=editor)
    claim.refresh_from_db()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        f"{ADMIN}/claim/{claim.pk}/history/{old.history_id}/",
        change_data(old.instance, version=claim.version, rationale="Rewritten."),
    )

    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).rationale == "Old."


def test_a_deleted_published_claim_comes_back_as_new_never_published(client):
    claim = make_claim(verdict=Verdict.FALSE, rationale="Old.", attribution_checked=True)
    make_evidence(claim)
    editor = make_user(role="Editor")
    review.mark_ready(claim=claim, user=editor)
    review.publish_claim(claim=claim, user=editor)
    published = claim.history.first()
    pk = claim.pk
    claim.delete()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        f"{ADMIN}/claim/{pk}/history/{published.history_id}/",
        change_data(published.instance, version=published.version),
    )

    assert response.status_code == 302
    restored = Claim.objects.get(pk=pk)
    assert (restored.status, restored.published_at, restored.version) == (S.NEW, None, 1)


def test_editor_reverts_an_article_headline_and_the_log_names_them(client):
    article = make_article(headline="First headline")
    first = article.history.first()
    article.headline = "Second headline"
    article.save()
    editor = make_user(role="Editor")
    client.force_login(editor)

    response = client.post(
        f"{ADMIN}/article/{article.pk}/history/{first.history_id}/", article_data(first.instance)
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "First headline"
    assert article.history.first().history_user == editor


def test_editor_reverting_an_article_body_re_extracts_its_claims(client):
    article = make_article(body="An invented opening line with no quotes at all.")
    first = article.history.first()
    article.body = "Nothing here either, only plain narration."
    article.save()
    client.force_login(make_user(role="Editor"))

    client.post(
        f"{ADMIN}/article/{article.pk}/history/{first.history_id}/", article_data(first.instance)
    )

    article.refresh_from_db()
    assert article.body == "An invented opening line with no quotes at all."
    assert article.extractor_version  # re-extraction ran and stamped the article


# --- 8. Reverting a claim works, through the same rules as any edit -------------------------


def test_editor_reverts_a_claim_from_the_revert_page_as_shown(client):
    claim = make_claim()
    editor = make_user(role="Editor")
    review.record_verdict(claim=claim, verdict=Verdict.FALSE, rationale="First.", user=editor)
    first = claim.history.first()
    review.record_verdict(claim=claim, verdict=Verdict.TRUE, rationale="Second.", user=editor)
    client.force_login(editor)
    url = f"{ADMIN}/claim/{claim.pk}/history/{first.history_id}/"

    page = client.get(url).content.decode()
    shown_version = int(re.search(r'name="version" value="(\d+)"', page).group(1))
    response = client.post(url, change_data(first.instance, version=shown_version))

    assert shown_version == 3  # today's version, not the old row's 2
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale, claim.version) == ("false", "First.", 4)


def test_claim_revert_opened_before_another_save_is_refused_as_stale(client):
    claim = make_claim()
    editor = make_user(role="Editor")
    review.record_verdict(claim=claim, verdict=Verdict.FALSE, rationale="First.", user=editor)
    first = claim.history.first()
    client.force_login(editor)
    url = f"{ADMIN}/claim/{claim.pk}/history/{first.history_id}/"
    page = client.get(url).content.decode()
    shown_version = int(re.search(r'name="version" value="(\d+)"', page).group(1))
    review.record_verdict(claim=claim, verdict=Verdict.TRUE, rationale="Meanwhile.", user=editor)

    response = client.post(url, change_data(first.instance, version=shown_version))

    assert response.status_code == 200
    assert "Someone else saved this claim" in response.content.decode()
    claim.refresh_from_db()
    assert claim.rationale == "Meanwhile."


def test_reviewer_revert_to_an_incomplete_ready_version_says_what_is_missing(client):
    claim = make_claim()
    reviewer = make_user(role="Reviewer")
    # A version recorded as ready without evidence (e.g. its evidence was deleted since).
    Claim.objects.filter(pk=claim.pk).update(status=S.READY)
    claim.refresh_from_db()
    claim.save()
    ready = claim.history.first()
    review.send_back(claim=claim, user=make_user(role="Editor"))
    claim.refresh_from_db()
    client.force_login(reviewer)

    response = client.post(
        f"{ADMIN}/claim/{claim.pk}/history/{ready.history_id}/",
        change_data(ready.instance, version=claim.version),
    )

    assert response.status_code == 200
    assert "Cannot mark ready: the claim needs a verdict" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).status == S.IN_REVIEW


# --- 9. Malformed admin input is a 400 or 404, never a 500 ----------------------------------


def test_speaker_merge_checks_permission_before_reading_input(client):
    speaker = make_speaker()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(f"{ADMIN}/speaker/{speaker.pk}/merge/", {"merge": "abc"})

    assert response.status_code == 403


@pytest.mark.parametrize("value", ["abc", "", "99999", "1.5"])
def test_speaker_merge_with_junk_input_is_a_400(client, value):
    speaker = make_speaker()
    client.force_login(make_user(role="Editor"))

    response = client.post(f"{ADMIN}/speaker/{speaker.pk}/merge/", {"merge": value})

    assert response.status_code == 400
    assert Speaker.objects.filter(pk=speaker.pk).exists()


def test_speaker_merge_into_itself_is_a_400(client):
    speaker = make_speaker()
    client.force_login(make_user(role="Editor"))

    response = client.post(
        f"{ADMIN}/speaker/{speaker.pk}/merge/", {"merge": speaker.pk, "confirm": "1"}
    )

    assert response.status_code == 400
    assert Speaker.objects.filter(pk=speaker.pk).exists()


@pytest.mark.parametrize("value", ["abc:repeats", ":repeats", "1:", "x", "99999:repeats"])
def test_link_similar_with_junk_input_is_a_400(client, value):
    claim = make_claim()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(f"{ADMIN}/claim/{claim.pk}/link-similar/", {"link_to": value})

    assert response.status_code == 400
    assert not ClaimLink.objects.exists()


@pytest.mark.parametrize("suffix", ["history/abc/", "history/1.5/", "history/99999/"])
@pytest.mark.parametrize("model_name", ["claim", "article", "speaker"])
def test_history_form_with_a_junk_version_is_a_404(client, model_name, suffix):
    claim = make_claim(speaker=make_speaker())
    pk = {"claim": claim.pk, "article": claim.article_id, "speaker": claim.speaker_id}[model_name]
    client.force_login(make_user(role="Editor"))

    response = client.get(f"{ADMIN}/{model_name}/{pk}/{suffix}")

    assert response.status_code == 404


def test_history_form_with_a_junk_object_id_is_a_404(client):
    claim = make_claim()
    client.force_login(make_user(role="Editor"))

    response = client.get(f"{ADMIN}/claim/abc/history/{claim.history.first().history_id}/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    ["speaker__kind__exact=%00", "status__exact=%00", "q=%00", "o=%00", "a%00b=1"],
)
def test_claim_changelist_with_a_nul_parameter_is_a_400(client, query):
    make_claim(speaker=make_speaker())
    client.force_login(make_user(role="Reviewer"))

    response = client.get(f"{ADMIN}/claim/?{query}")

    assert response.status_code == 400


def test_nul_parameter_is_a_400_on_postgresql_too(client, on_postgresql):
    make_claim(speaker=make_speaker())
    client.force_login(make_user(role="Reviewer"))

    assert client.get(f"{ADMIN}/claim/?speaker__kind__exact=%00").status_code == 400
    assert client.get(f"{ADMIN}/speaker/?kind__exact=%00").status_code == 400


# --- 10. Invisible characters show as markers in every admin place --------------------------

RLO = "\u202e"
MARK = "[U+202E]"


def rtl_claim():
    speaker = make_speaker(name=f"Evil{RLO}Name")
    article = make_article(
        headline=f"Headline{RLO}reversed", body=f"Evil{RLO} figures doubled, she said.\n\nMore."
    )
    return make_claim(article=article, speaker=speaker, start=0, end=30)


def region(page, start, end):
    return page.split(start, 1)[1].split(end, 1)[0]


@pytest.mark.parametrize(
    "url",
    [
        lambda c: f"{ADMIN}/claim/{c.pk}/change/",
        lambda c: f"{ADMIN}/article/{c.article_id}/change/",
        lambda c: f"{ADMIN}/speaker/{c.speaker_id}/change/",
        lambda c: f"{ADMIN}/article/{c.article_id}/history/",
        lambda c: f"{ADMIN}/speaker/{c.speaker_id}/history/",
        lambda c: f"{ADMIN}/article/{c.article_id}/history/{c.article.history.first().history_id}/",
    ],
    ids=["claim", "article", "speaker", "article-history", "speaker-history", "article-revert"],
)
def test_admin_titles_and_breadcrumbs_mark_a_right_to_left_override(client, url):
    claim = rtl_claim()
    client.force_login(make_user(role="Editor"))

    page = client.get(url(claim)).content.decode()

    title, crumbs = (
        region(page, "<title>", "</title>"),
        region(page, 'class="breadcrumbs"', "</div>"),
    )
    assert RLO not in title and RLO not in crumbs
    assert MARK in title + crumbs


@pytest.mark.parametrize(
    ("url", "cell"),
    [
        (f"{ADMIN}/article/", '<th class="field-headline_text">'),
        (f"{ADMIN}/speaker/", '<th class="field-display_name">'),
        (f"{ADMIN}/claim/", '<td class="field-speaker_name">'),
        (f"{ADMIN}/claim/", '<td class="field-article_and_date">'),
    ],
)
def test_changelist_cells_mark_a_right_to_left_override(client, url, cell):
    rtl_claim()
    client.force_login(make_user(role="Editor"))

    page = client.get(url).content.decode()

    text = region(page, cell, "</t")
    assert RLO not in text and MARK in text


def test_home_page_recent_actions_mark_a_right_to_left_override(client):
    claim = rtl_claim()
    editor = make_user(role="Editor")
    client.force_login(editor)
    client.post(
        f"{ADMIN}/speaker/{claim.speaker_id}/change/",
        speaker_data(claim.speaker, role="Minister", _save="Save"),
    )

    page = client.get("/admin/").content.decode()

    recent = region(page, 'id="recent-actions-module"', "</div>")
    assert f"Evil{MARK}Name" in recent and RLO not in recent
    assert RLO not in page


def test_speaker_autocomplete_marks_a_right_to_left_override(client):
    claim = rtl_claim()
    client.force_login(make_user(role="Reviewer"))

    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "claims", "model_name": "claim", "field_name": "speaker", "term": "Evil"},
    )

    assert response.json()["results"] == [{"id": str(claim.speaker_id), "text": f"Evil{MARK}Name"}]


def test_one_table_of_invisible_characters_drives_every_display():
    from django.template import engines

    from claims.normalise import normalise_name
    from claims.templatetags.claims_tags import inert

    template = engines["django"].from_string("{% load review_tags %}{{ text|visible }}")

    def visible(text):
        return template.render({"text": text})

    for code in html.INVISIBLE:
        char = chr(code)
        text = f"a{char}b"
        assert html.strip_invisible(text) == "ab"
        assert inert(text) == "ab"
        assert html.printable(text) == f"a[U+{code:04X}]b"
        assert f">[U+{code:04X}]</code>" in visible(text) and char not in visible(text)
        assert normalise_name(f"Ann{char}a Smith") == normalise_name("Anna Smith")


def test_no_module_keeps_its_own_invisible_character_table():
    from pathlib import Path

    root = Path(html.__file__).parent
    pattern = re.compile(r"\\u202[aAeE]|0x202[aAeE]|\\u200[bB]|0x200[bB]")
    owners = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and pattern.search(path.read_text())
    }

    # The table is claims/invisible.py's (no Django, for the import's pool workers); html.py
    # builds on it and names such characters in its docstring and markers.
    assert owners == {"html.py", "invisible.py"}


# --- Query counts on the pages this issue touched --------------------------------------------


def test_claim_revert_page_query_count(client, django_assert_num_queries):
    claim = make_claim(speaker=make_speaker())
    editor = make_user(role="Editor")
    review.record_verdict(claim=claim, verdict=Verdict.FALSE, rationale="x", user=editor)
    record = claim.history.first()
    client.force_login(editor)
    client.get("/admin/")

    # 1 session, 2 user, 3 the version, 4-5 today's claim and its tags, 6-7 permissions,
    # 8 the old row as a claim (its lock version), 9 tag choices, 10-11 the old row's article
    # and speaker (context, widgets), 12 the publication checklist's evidence check, 13-14
    # the assignee's and reviewer's users.
    with django_assert_num_queries(14):
        response = client.get(f"{ADMIN}/claim/{claim.pk}/history/{record.history_id}/")

    assert response.status_code == 200


@pytest.mark.parametrize("claims", [1, 3])
def test_speaker_merge_preview_query_count(client, django_assert_num_queries, claims):
    keep, dupe = make_speaker(), make_speaker()
    for _ in range(claims):
        make_claim(speaker=dupe)
    client.force_login(make_user(role="Editor"))
    client.get("/admin/")

    # 1 session, 2 user, 3-4 permissions, 5-6 the two speakers, 7-11 counts of claims,
    # aliases, stances, links and members, 12 the sample claims.
    with django_assert_num_queries(12):
        response = client.post(f"{ADMIN}/speaker/{keep.pk}/merge/", {"merge": dupe.pk})

    assert response.status_code == 200
