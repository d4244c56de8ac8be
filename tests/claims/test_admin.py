"""The review desk admin: changelists, change pages, actions, panels, history, dashboard."""

import datetime as dt
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType

from claims.enums import ClaimStatus, SpeakerKind, Verdict
from claims.models import (
    Claim,
    ClaimLink,
    MethodologyText,
    RoleHolding,
    Speaker,
    SpeakerMerge,
    SpeakerMergeSuggestion,
)
from claims.services.similarity import clear_stats_cache
from tests.factories import (
    make_alias,
    make_article,
    make_claim,
    make_evidence,
    make_link,
    make_outlet,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db
S = ClaimStatus
CLAIMS = "/admin/claims/claim/"


@pytest.fixture(autouse=True)
def cold_caches():
    """ContentType lookups and pg_stats are cached per process: clear them so query counts do
    not depend on which test ran first."""
    ContentType.objects.clear_cache()
    clear_stats_cache()


def make_role_holding():
    return RoleHolding.objects.create(
        head="minister",
        words="foreign",
        country="ruritania",
        role="Foreign Minister",
        speaker=make_speaker(),
        first_seen=dt.date(2024, 3, 1),
        last_seen=dt.date(2024, 5, 1),
    )


def change_url(claim):
    return f"{CLAIMS}{claim.pk}/change/"


@pytest.fixture
def reviewer(client):
    user = make_user(role="Reviewer", username="rita")
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    user = make_user(role="Editor", username="eddie")
    client.force_login(user)
    return user


def full_claim(**overrides):
    """A claim with a speaker, an outlet, a tag, a stance, evidence: every column has data."""
    claim = make_claim(
        speaker=make_speaker(), article=make_article(outlet=make_outlet()), **overrides
    )
    claim.tags.add(make_tag())
    make_stance(claim, make_topic())
    make_evidence(claim)
    return claim


def complete_claim(status=S.READY, **overrides):
    claim = full_claim(
        status=status,
        verdict=Verdict.FALSE,
        rationale="The figures say otherwise.",
        attribution_checked=True,
        **overrides,
    )
    return claim


# --- Changelists: query counts ---------------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 3])
def test_claim_changelist_query_count_is_constant(
    client, reviewer, rows, django_assert_num_queries
):
    for _ in range(rows):
        full_claim(assignee=reviewer)

    # 1 session, 2 user, 3-4 the user's and the group's permissions,
    # 5-7 tag, topic and outlet filter choices (RelatedOnlyFieldListFilter),
    # 8 filtered count, 9 total count, 10 the page of claims with speaker, article, outlet and
    # assignee joined, 11 their tags (one prefetch), 12-13 date hierarchy (range, then days).
    with django_assert_num_queries(13):
        response = client.get(CLAIMS)

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == rows


def test_claim_changelist_shows_each_column(client, reviewer):
    claim = full_claim(assignee=reviewer, verdict=Verdict.MISLEADING, status=S.IN_REVIEW)

    text = client.get(CLAIMS).content.decode()

    for shown in [
        claim.content[:30],
        claim.speaker.name,
        claim.article.headline,
        claim.article.outlet.name,
        claim.tags.get().name,
        "In review",
        "Misleading",
        "Reported statement",
        "rita",
    ]:
        assert shown in text, shown


@pytest.mark.parametrize(
    ("model_path", "make_row"),
    [
        ("article", lambda: make_claim(article=make_article(outlet=make_outlet())).article),
        ("speaker", lambda: make_claim(speaker=make_speaker()).speaker),
        ("tag", lambda: make_tag()),
        ("topic", lambda: make_stance(make_claim(), make_topic()).topic),
        ("outlet", lambda: make_outlet()),
        (
            "speakermergesuggestion",
            lambda: SpeakerMergeSuggestion.objects.create(
                speaker=make_speaker(), candidate=make_speaker(), reason="same surname"
            ),
        ),
        (
            "speakermerge",
            lambda: SpeakerMerge.objects.create(
                kept=make_speaker(), merged_name="A. Person", merged_slug="a-person"
            ),
        ),
        ("roleholding", lambda: make_role_holding()),
    ],
)
@pytest.mark.parametrize("rows", [1, 3])
def test_other_changelists_query_count_is_constant(
    client, editor, model_path, make_row, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        make_row()
    # Constant: session, user, 2 permission queries, filter choices, 2 counts, the page
    # (counts annotated in the same query), date hierarchy where there is one. No per-row query.
    expected = {
        "article": 11,
        "speaker": 7,
        "tag": 7,
        "topic": 7,
        "outlet": 7,
        "speakermergesuggestion": 7,
        "speakermerge": 9,
        "roleholding": 7,
    }[model_path]

    with django_assert_max_num_queries(expected):
        response = client.get(f"/admin/claims/{model_path}/")

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == rows


# --- Changelist filters and search -----------------------------------------------------------


def test_claim_changelist_assigned_to_me_filter(client, reviewer):
    mine = make_claim(assignee=reviewer)
    theirs = make_claim(assignee=make_user())
    nobodys = make_claim()

    shown = client.get(CLAIMS, {"assignee": "me"}).context["cl"].result_list

    assert list(shown) == [mine]
    assert theirs not in shown and nobodys not in shown


def test_claim_changelist_has_links_filter(client, reviewer):
    source, repeat, alone = make_claim(), make_claim(), make_claim()
    make_link(repeat, source)

    linked = set(client.get(CLAIMS, {"has_links": "yes"}).context["cl"].result_list)
    unlinked = set(client.get(CLAIMS, {"has_links": "no"}).context["cl"].result_list)

    assert linked == {source, repeat}
    assert unlinked == {alone}


def test_claim_changelist_filters_by_speaker_kind_topic_tag_and_outlet(client, reviewer):
    target = full_claim()
    target.speaker.kind = SpeakerKind.GOVERNMENT
    target.speaker.save()
    other = full_claim()

    for params in [
        {"speaker__kind": "government"},
        {"stances__topic__id__exact": target.stances.get().topic_id},
        {"tags__id__exact": target.tags.get().pk},
        {"article__outlet__id__exact": target.article.outlet_id},
    ]:
        shown = list(client.get(CLAIMS, params).context["cl"].result_list)
        assert shown == [target], params
        assert other not in shown


def test_claim_changelist_search_finds_speaker_aliases_and_headlines(client, reviewer):
    speaker = make_speaker(name="Antony J. Blinken")
    make_alias(speaker, "Mr. Blinken")
    by_alias = make_claim(speaker=speaker)
    by_headline = make_claim(article=make_article(headline="Bakhmut under fire"))
    make_claim()

    assert list(client.get(CLAIMS, {"q": "Mr. Blinken"}).context["cl"].result_list) == [by_alias]
    assert list(client.get(CLAIMS, {"q": "Bakhmut"}).context["cl"].result_list) == [by_headline]


# --- Change page -----------------------------------------------------------------------------


def test_claim_change_page_query_count(client, reviewer, django_assert_num_queries):
    claim = full_claim()
    make_link(claim, make_claim())
    make_link(make_claim(), claim)

    # 1 session, 2 user, 3-4 the claim (speaker, article, outlet, assignee joined) and its
    # tags, 5-6 permissions, 7-10 inlines: links in (with the other claim), evidence, stances,
    # links out, 11-13 similar claims: exact-hash ids, near candidates, then what the panel
    # shows of them (the two link targets share this claim's text), 14 the speaker's claims on
    # the same topics, 15 content type (history link), 16 speaker widget's selected value,
    # 17 publication checklist's evidence check, 18 assignee choices, 19-21 selected values of
    # the tag, topic and link-target widgets, 22-23 "next in my queue" (the user's open
    # claims, then unassigned new ones), 24 the topic to suggest in the stance row (none
    # here: test_stance_row counts the page with one). On PostgreSQL 11-13 are the claim's
    # lexemes, one read of pg_stats (cached afterwards), and one statement for hash matches,
    # ranked candidates and their columns.
    with django_assert_num_queries(24):
        response = client.get(change_url(claim))

    assert response.status_code == 200


def test_claim_change_page_shows_the_claim_in_its_paragraph(client, reviewer):
    body = "First paragraph.\n\nThe minister said the bridge was safe. Nobody agreed.\n\nLast."
    article = make_article(body=body)
    start = body.index("the bridge")
    claim = make_claim(
        article=article,
        start=start,
        end=body.index(" Nobody"),
        mention="The minister",
        mention_start=body.index("The minister"),
        mention_end=body.index(" said"),
    )

    text = client.get(change_url(claim)).content.decode()

    assert (
        '<blockquote class="claim-context"><span class="article-text" data-start="18">'
        '<strong class="mention" title="speaker mention">'
        'The minister</strong> said <mark class="claim" title="the claim">the bridge was safe.'
        "</mark> Nobody agreed.</span></blockquote>"
    ) in text
    assert "First paragraph." not in text.split("claim-context")[1].split("</blockquote>")[0]


def test_claim_change_page_shows_the_extraction_rule_read_only(client, reviewer):
    claim = make_claim(extraction_rule="according_to")

    text = client.get(change_url(claim)).content.decode()

    assert '<div class="readonly">according_to</div>' in text
    assert 'name="extraction_rule"' not in text


def test_claim_change_page_shows_links_both_ways_with_inverse_labels(client, reviewer):
    claim = make_claim(content="The original remark")
    earlier = make_claim(content="An earlier line")
    repeat = make_claim(content="A later repetition")
    make_link(claim, earlier, relation="paraphrases")
    make_link(repeat, claim, relation="repeats")

    text = client.get(change_url(claim)).content.decode()

    assert "this claim is repeated by" in text
    assert f'<a href="/admin/claims/claim/{repeat.pk}/change/">A later repetition</a>' in text
    assert 'value="paraphrases" selected' in text


def test_claim_change_form_records_verdict_evidence_and_stamps(client, reviewer):
    claim = make_claim()
    topic = make_topic()
    from tests.claims.test_locking import change_data

    response = client.post(
        change_url(claim),
        change_data(
            claim,
            verdict="false",
            rationale="Official figures contradict it.",
            attribution_checked="on",
            **{
                "evidence-TOTAL_FORMS": "1",
                "evidence-0-url": "https://stats.example/report",
                "evidence-0-title": "Statistics office",
                "stances-TOTAL_FORMS": "1",
                "stances-0-topic": topic.pk,
                "stances-0-stance": "opposes",
            },
        ),
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale, claim.attribution_checked) == (
        "false",
        "Official figures contradict it.",
        True,
    )
    assert claim.reviewed_by == reviewer and claim.version == 2
    evidence = claim.evidence.get()
    assert (evidence.url, evidence.added_by) == ("https://stats.example/report", reviewer)
    assert claim.stances.get().stance == "opposes"
    assert claim.history.first().history_user == reviewer


def test_claim_change_form_tag_edits_are_in_the_claims_history(client, reviewer):
    claim = make_claim()
    dropped, added = make_tag(name="Ferries"), make_tag(name="Bridges")
    claim.tags.add(dropped)
    from tests.claims.test_locking import change_data

    response = client.post(change_url(claim), change_data(claim, tags=[added.pk]))

    assert response.status_code == 302
    newest = claim.history.first()
    assert (newest.history_user, [t.tag_id for t in newest.tags.all()]) == (reviewer, [added.pk])


# --- Similar claims --------------------------------------------------------------------------


def test_similar_panel_lists_the_same_remark_elsewhere_and_links_it(client, reviewer):
    text = "We will never give up Bakhmut to the invaders"
    claim = make_claim(content=text)
    same = make_claim(content=text.upper() + "!")
    unrelated = make_claim(content="Grain exports resumed on Tuesday")

    page = client.get(change_url(claim))
    similar = [item.pk for item in page.context["similar"]]
    response = client.post(
        f"{CLAIMS}{claim.pk}/link-similar/", {"link_to": f"{same.pk}:repeats"}, follow=True
    )

    assert similar == [same.pk]
    assert unrelated.pk not in similar
    assert f'value="{same.pk}:repeats"' in page.content.decode()
    assert f"This claim repeats claim {same.pk}." in response.content.decode()
    assert list(ClaimLink.objects.values_list("from_claim", "to_claim", "relation")) == [
        (claim.pk, same.pk, "repeats")
    ]


def test_similar_link_view_refuses_get_and_other_relations(client, reviewer):
    claim, other = make_claim(), make_claim()
    url = f"{CLAIMS}{claim.pk}/link-similar/"

    assert client.get(url, {"link_to": f"{other.pk}:repeats"}).status_code == 405
    client.post(url, {"link_to": f"{other.pk}:contradicts"})

    assert not ClaimLink.objects.exists()


# --- Actions ---------------------------------------------------------------------------------


def run_action(client, action, claims, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in claims], "index": 0}
    data.update(extra)
    return client.post(CLAIMS, data, follow=True)


def test_reviewer_sees_review_actions_but_not_editor_actions(client, reviewer):
    make_claim()

    choices = dict(client.get(CLAIMS).context["action_form"].fields["action"].choices)

    assert {"assign_to_me", "start_review", "mark_ready", "send_back", "add_tag"} <= set(choices)
    assert not {"publish", "unpublish", "dismiss", "restore", "delete_selected"} & set(choices)


def test_editor_bulk_publish_publishes_complete_claims_and_reports_the_rest(client, editor):
    ready = complete_claim()
    incomplete = make_claim(status=S.READY)

    response = run_action(client, "publish", [ready, incomplete])

    text = response.content.decode()
    assert "Published: 1 claim(s)." in text
    assert f"Claim {incomplete.pk} skipped: Cannot publish: the claim needs a verdict" in text
    ready.refresh_from_db()
    incomplete.refresh_from_db()
    assert (ready.status, incomplete.status) == (S.PUBLISHED, S.READY)
    assert ready.published_at is not None


def test_assign_to_me_and_start_review_actions(client, reviewer):
    claims = [make_claim(), make_claim()]

    run_action(client, "assign_to_me", claims)
    run_action(client, "start_review", claims)

    assert set(Claim.objects.values_list("assignee", "status")) == {(reviewer.pk, S.IN_REVIEW)}


def test_add_tag_action_asks_which_tag_then_tags_each_claim(client, reviewer):
    claims = [make_claim(), make_claim()]
    tag = make_tag(name="Peace talks")

    form_page = run_action(client, "add_tag", claims)
    done = run_action(client, "add_tag", claims, tag=tag.pk, apply="1")

    assert "Add a tag to 2 claims" in form_page.content.decode()
    assert "Tagged 2 claim(s) “Peace talks”." in done.content.decode()
    assert set(tag.claims.all()) == set(claims)


# --- History ---------------------------------------------------------------------------------


def test_claim_history_page_shows_claim_evidence_stance_and_link_changes(client, reviewer):
    from claims.services import review

    claim = make_claim()
    review.record_verdict(claim=claim, verdict=Verdict.FALSE, rationale="No.", user=reviewer)
    evidence = make_evidence(claim, title="Ministry report")
    evidence.delete()
    make_stance(claim, make_topic(title="Ceasefire"), stance="opposes")
    make_link(claim, make_claim())

    text = client.get(f"{CLAIMS}{claim.pk}/history/").content.decode()

    assert "rita" in text
    assert "Ministry report" in text
    assert text.count("Ministry report") == 2  # created, then deleted
    assert "opposes on “Ceasefire”" in text
    assert "repeats claim" in text


def test_history_revert_restores_an_earlier_verdict_through_the_service(client, reviewer):
    from claims.services import review

    claim = make_claim()
    review.record_verdict(claim=claim, verdict=Verdict.FALSE, rationale="First.", user=reviewer)
    first = claim.history.first()
    review.record_verdict(claim=claim, verdict=Verdict.TRUE, rationale="Second.", user=reviewer)
    claim.refresh_from_db()
    from tests.claims.test_locking import change_data

    response = client.post(
        f"{CLAIMS}{claim.pk}/history/{first.history_id}/",
        change_data(first.instance, version=claim.version),
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale, claim.version) == ("false", "First.", 4)


# --- Dashboard -------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 3])
def test_dashboard_query_count_is_constant(client, reviewer, rows, django_assert_num_queries):
    for _ in range(rows):
        make_claim(assignee=reviewer)
        make_claim()
        complete_claim()

    # 1 session, 2 user, 3-4 permissions, 5-6 my queue and its count, 7 waiting, 8 which of
    # the waiting texts are repeated (check-worthiness), 9 the waiting count, 10 ready,
    # 11 recent changes (with users), 12 the admin log sidebar.
    with django_assert_num_queries(12):
        response = client.get("/admin/")

    assert response.status_code == 200


def test_dashboard_shows_my_queue_waiting_and_ready(client, reviewer):
    mine = make_claim(content="Mine to check", assignee=reviewer, status=S.IN_REVIEW)
    waiting = make_claim(content="Nobody has this yet")
    ready = complete_claim(content="Ready for an editor")
    done = make_claim(content="Already published elsewhere", assignee=reviewer, status=S.DISMISSED)

    text = client.get("/admin/").content.decode()

    assert "My queue (1)" in text
    my_queue = text.split('id="my-queue"')[1].split('id="waiting"')[0]
    assert mine.content in my_queue and done.content not in my_queue
    assert waiting.content in text.split('id="waiting"')[1].split('id="ready"')[0]
    assert ready.content in text.split('id="ready"')[1].split('id="recent-changes"')[0]


# --- Speakers, suggestions, topics, articles -------------------------------------------------


def test_speaker_changelist_counts_claims_by_annotation(client, reviewer):
    speaker = make_speaker(name="Hanna Maliar")
    make_claim(speaker=speaker)
    make_claim(speaker=speaker)

    cl = client.get("/admin/claims/speaker/").context["cl"]

    assert [(s.name, s.claim_count) for s in cl.result_list] == [("Hanna Maliar", 2)]


def test_speaker_change_page_lists_possible_duplicates_and_suggestions(client, editor):
    speaker = make_speaker(name="Alexander Rodnyansky")
    lookalike = make_speaker(name="Alexandr Rodnyansky")
    suggested = make_speaker(name="Oleksandr Rodnianskyi")
    unrelated = make_speaker(name="Hanna Maliar")
    SpeakerMergeSuggestion.objects.create(
        speaker=suggested, candidate=speaker, reason="transliteration", score=0.8
    )

    text = client.get(f"/admin/claims/speaker/{speaker.pk}/change/").content.decode()
    panel = text.split('id="possible-duplicates"')[1].split("</fieldset>")[0]

    assert lookalike.name in panel
    assert "importer: transliteration (0.80)" in panel and suggested.name in panel
    assert unrelated.name not in panel
    assert f'name="merge" value="{lookalike.pk}"' in panel


def test_editor_merges_a_duplicate_from_the_speaker_page_after_a_preview(client, editor):
    keep = make_speaker(name="Alexander Rodnyansky")
    dupe = make_speaker(name="Alexandr Rodnyansky")
    claim = make_claim(speaker=dupe, content="Invented claim text for the merge preview")
    make_alias(dupe, "Mr. Rodnyansky")
    url = f"/admin/claims/speaker/{keep.pk}/merge/"

    preview = client.post(url, {"merge": dupe.pk})
    unmerged = Speaker.objects.filter(pk=dupe.pk).exists()
    response = client.post(url, {"merge": dupe.pk, "confirm": "1"}, follow=True)

    page = preview.content.decode()
    moves = page.split('<div id="merge-preview">')[1].split("<form")[0]
    assert unmerged
    assert "<li>1 claims</li>" in moves and "<li>1 aliases</li>" in moves
    assert "<li>0 stances on their claims</li>" in moves
    assert "Invented claim text for the merge preview" in moves
    assert 'name="confirm" value="1"' in page
    assert "Merged “Alexandr Rodnyansky” into “Alexander Rodnyansky”" in response.content.decode()
    claim.refresh_from_db()
    assert claim.speaker == keep
    assert not Speaker.objects.filter(pk=dupe.pk).exists()
    assert SpeakerMerge.objects.get().merged_by == editor


def test_editor_merge_action_asks_which_speaker_to_keep(client, editor):
    a, b = make_speaker(name="Maliar"), make_speaker(name="Hanna Maliar")
    data = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [a.pk, b.pk], "index": 0}

    form_page = client.post("/admin/claims/speaker/", data)
    client.post("/admin/claims/speaker/", {**data, "keep": b.pk, "apply": "1"})

    assert "Which speaker do the others become?" in form_page.content.decode()
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Hanna Maliar"]


def test_merge_suggestion_accept_previews_then_merges_and_reject_records_the_decision(
    client, editor
):
    new, existing = make_speaker(name="Mr. Blinken"), make_speaker(name="Antony Blinken")
    make_claim(speaker=new)
    accept = SpeakerMergeSuggestion.objects.create(speaker=new, candidate=existing, reason="x")
    a, b = make_speaker(name="John Kirby"), make_speaker(name="John Kerry")
    reject = SpeakerMergeSuggestion.objects.create(speaker=a, candidate=b, reason="y")
    url = "/admin/claims/speakermergesuggestion/"
    chosen = {"action": "accept", ACTION_CHECKBOX_NAME: [accept.pk], "index": 0}

    preview = client.post(url, chosen)
    unmerged = Speaker.objects.filter(pk=new.pk).exists()
    client.post(url, {**chosen, "apply": "1"})
    client.post(url, {"action": "reject", ACTION_CHECKBOX_NAME: [reject.pk], "index": 0})

    page = preview.content.decode()
    assert unmerged
    assert "<td>1 claims, 0 aliases, 0 stances on their claims" in page
    assert not Speaker.objects.filter(pk=new.pk).exists()
    reject.refresh_from_db()
    assert (reject.status, reject.resolved_by) == ("rejected", editor)
    assert Speaker.objects.filter(pk__in=[a.pk, b.pk]).count() == 2


def test_topic_page_shows_positions_matrix_by_actor(client, reviewer):
    topic = make_topic(title="Peace talks")
    government = make_speaker(name="United States", kind=SpeakerKind.GOVERNMENT)
    blinken = make_speaker(name="Antony Blinken", affiliated_with=government)
    analyst = make_speaker(name="An Analyst")
    make_stance(
        make_claim(speaker=blinken, content="Talks now would reward Russia"), topic, "opposes"
    )
    make_stance(make_claim(speaker=analyst, content="Talks are overdue"), topic, "supports")

    text = client.get(f"/admin/claims/topic/{topic.pk}/change/").content.decode()
    table = text.split('class="positions"')[1].split("</table>")[0]

    assert "<th>United States</th>" in table
    assert "Antony Blinken" not in table  # folded into his government
    assert "<th>An Analyst</th>" in table
    us_row = table.split("<th>United States</th>")[1].split("</tr>")[0]
    assert us_row.index("Talks now would reward Russia") > us_row.index("<td></td>")


def test_article_change_page_highlights_every_claim(client, reviewer):
    body = "He said taxes would fall.\n\nShe said they would rise."
    article = make_article(body=body)
    first = make_claim(article=article, start=8, end=24)
    second = make_claim(article=article, start=body.index("they"), end=len(body) - 1)

    text = client.get(f"/admin/claims/article/{article.pk}/change/").content.decode()

    assert f'He said <mark class="claim" title="claim {first.pk}">taxes would fall</mark>.' in text
    assert f'She said <mark class="claim" title="claim {second.pk}">they would rise</mark>.' in text


@pytest.fixture
def desk(editor):
    """One of everything, with enough related rows that a per-row query would show."""
    speaker = make_speaker(
        name="Alexander Rodnyansky", affiliated_with=make_speaker(name="Ukraine")
    )
    make_alias(speaker, "Mr. Rodnyansky")
    make_alias(speaker, "Rodnyansky")
    make_speaker(name="Alexandr Rodnyansky")
    suggestion = SpeakerMergeSuggestion.objects.create(
        speaker=make_speaker(name="O. Rodnianskyi"), candidate=speaker, reason="transliteration"
    )
    topic, tag = make_topic(), make_tag()
    article = make_article(outlet=make_outlet())
    for i in range(3):
        claim = make_claim(article=article, start=i * 5, end=i * 5 + 4, speaker=speaker)
        make_stance(claim, topic)
        claim.tags.add(tag)
    merge = SpeakerMerge.objects.create(
        kept=speaker, merged_name="A. Rodnyansky", merged_slug="a-rodnyansky", merged_by=editor
    )
    return {
        "speaker": speaker,
        "article": article,
        "topic": topic,
        "tag": tag,
        "outlet": article.outlet,
        "speakermergesuggestion": suggestion,
        "speakermerge": merge,
        "methodologytext": MethodologyText.objects.create(body="How we check.", updated_by=editor),
        "roleholding": RoleHolding.objects.create(
            head="minister",
            words="foreign",
            country="ukraine",
            role="Foreign Minister",
            speaker=speaker,
            first_seen=dt.date(2024, 3, 1),
            last_seen=dt.date(2024, 5, 1),
            source_article=article,
        ),
    }


@pytest.mark.parametrize(
    ("model_name", "queries"),
    [
        # object, its aliases, similar names, open suggestions (both directions, candidates
        # joined), content type, the affiliated_with widget's selected value
        ("speaker", 10),
        # article, its claims (speakers joined), 2 content types (history link, inline),
        # the outlet widget's selected value, the claims' spans for highlighting
        ("article", 10),
        # topic with its stance count, content type, stances with claims, speakers, governments
        ("topic", 7),
        ("tag", 6),  # tag with its claim count, content type
        ("outlet", 6),  # outlet with its article count, content type
        ("speakermergesuggestion", 8),  # suggestion, content type, speaker, candidate
        ("speakermerge", 8),  # record, content type, kept speaker, merged_by user
        ("methodologytext", 7),  # the text, content type, the updated_by user (read-only)
        # the holding with its speaker and source article, content type, the speaker widget's
        # selected value
        ("roleholding", 7),
    ],
)
def test_other_change_pages_query_count(
    client, desk, model_name, queries, django_assert_num_queries
):
    url = f"/admin/claims/{model_name}/{desk[model_name].pk}/change/"

    # Plus 4 every admin page makes: session, user, the user's and the group's permissions.
    with django_assert_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200


# --- The stance row ----------------------------------------------------------------------


def sibling(claim, n):
    """Another claim of the same article, n words in."""
    return make_claim(article=claim.article, start=n, end=n + 3)


def test_change_page_offers_a_stance_row_with_the_suggested_topic_and_no_position(client, reviewer):
    claim = make_claim()
    peace = make_topic(title="Peace talks")
    make_stance(sibling(claim, 1), peace)

    page = client.get(change_url(claim)).content.decode()

    assert f'<option value="{peace.pk}" selected>Peace talks</option>' in page
    radios = re.findall(r'<input type="radio" name="stances-0-stance"[^>]*>', page)
    assert [re.search(r'value="([^"]*)"', r).group(1) for r in radios] == [
        "supports",
        "opposes",
        "conditional",
        "neutral",
    ]
    assert not [r for r in radios if "checked" in r]


def stance_row_post(claim, **fields):
    from tests.claims.test_locking import change_data

    return change_data(
        claim,
        **{
            "stances-TOTAL_FORMS": "1",
            **{f"stances-0-{name}": value for name, value in fields.items()},
        },
    )


def test_untouched_prefilled_stance_row_saves_nothing(client, reviewer):
    claim = make_claim()
    peace = make_topic(title="Peace talks")
    make_stance(sibling(claim, 1), peace)

    response = client.post(change_url(claim), stance_row_post(claim, topic=peace.pk, note=""))

    assert response.status_code == 302
    assert not claim.stances.exists()


def test_one_click_on_a_position_saves_the_stance_on_the_suggested_topic(client, reviewer):
    claim = make_claim()
    peace = make_topic(title="Peace talks")
    make_stance(sibling(claim, 1), peace)

    response = client.post(
        change_url(claim), stance_row_post(claim, topic=peace.pk, stance="opposes", note="")
    )

    assert response.status_code == 302
    assert list(claim.stances.values_list("topic", "stance", "note")) == [(peace.pk, "opposes", "")]


def test_a_topic_without_a_position_is_a_form_error_and_keeps_what_was_typed(client, reviewer):
    claim = make_claim()
    topic = make_topic(title="Peace talks")

    response = client.post(
        change_url(claim),
        stance_row_post(claim, topic=topic.pk, note="Calls talks a trap.", rationale="typed"),
    )

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][1].formset.errors[0] == {
        "stance": ["This field is required."]
    }
    assert "Calls talks a trap." in response.content.decode()
    assert not claim.stances.exists()


def test_claim_change_page_query_count_with_a_suggested_topic(
    client, reviewer, django_assert_num_queries
):
    claim = full_claim()
    make_link(claim, make_claim())
    make_link(make_claim(), claim)
    make_stance(sibling(claim, 1), make_topic(title="Suggested"))

    # The 24 of test_admin's test_claim_change_page_query_count (which names them; 24 is the
    # suggestion), plus 25 the suggested topic's name in the stance row's topic widget.
    with django_assert_num_queries(25):
        response = client.get(change_url(claim))

    assert response.status_code == 200


# --- Where the desk's templates live ---------------------------------------------------------


def test_desk_templates_and_tags_are_the_ones_beside_the_admin_code():
    import importlib.util
    from pathlib import Path

    from django.template import engines
    from django.template.loader import get_template

    import claims.desk
    from claims.desk.templatetags import review_tags

    desk = Path(claims.desk.__file__).parent
    names = sorted(
        str(p.relative_to(desk / "templates")) for p in (desk / "templates").rglob("*.html")
    )
    origins = {name: Path(get_template(name).origin.name) for name in names}
    libraries = engines["django"].engine.template_libraries

    assert "admin/claims/claim/change_form.html" in names
    assert {name: origin.is_relative_to(desk) for name, origin in origins.items()} == {
        name: True for name in names
    }
    assert libraries["review_tags"] is review_tags.register
    assert importlib.util.find_spec("claims.templatetags.review_tags") is None
