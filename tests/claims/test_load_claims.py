"""load_claims: an export loaded into an empty database exports the same again (ids aside)."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.enums import ClaimStatus, SpeakerKind, Verdict
from claims.models import (
    Article,
    Claim,
    ClaimEvidence,
    ClaimLink,
    Outlet,
    Speaker,
    SpeakerAlias,
    Stance,
    Tag,
    Topic,
)
from claims.services.export import load_claims
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
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).parent.parent.parent


def export():
    out = io.StringIO()
    call_command("export_claims", stdout=out)
    return out.getvalue()


def without_ids(text):
    """The export with database ids removed: they are the one thing a restore may renumber."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("id", "to")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return [strip(json.loads(line)) for line in text.splitlines()]


def empty_the_database():
    Claim.objects.all().delete()
    Article.objects.all().delete()
    Speaker.objects.update(affiliated_with=None)
    Speaker.objects.all().delete()
    for model in (Tag, Topic, Outlet):
        model.objects.all().delete()
    assert not SpeakerAlias.objects.exists()


def newsroom_with_reviews():
    call_command(
        "import_articles",
        str(ROOT / "seeds"),
        str(ROOT / "tests" / "fixtures" / "import"),
        stdout=io.StringIO(),
    )
    make_article(headline="No claims here", body="Nobody said anything at all.")
    first, second, third = Claim.objects.order_by("id")[:3]
    first.status = ClaimStatus.PUBLISHED
    first.verdict = Verdict.FALSE
    first.rationale = "The record shows otherwise."
    first.attribution_checked = True
    first.notes = "Called the ministry."
    first.save()
    first.tags.add(make_tag(name="Bakhmut"), make_tag(name="Front line"))
    make_stance(first, make_topic(title="Holding Bakhmut"), "supports", note="Explicit.")
    make_evidence(first, url="https://evidence.example/a", title="Map", note="Shows the line.")
    make_link(second, first, "supports", note="Same point.")
    make_link(third, Claim.objects.order_by("-id").first(), "contradicts")


def test_export_load_export_round_trip_keeps_everything():
    newsroom_with_reviews()
    first_export = export()
    counts = (
        Article.objects.count(),
        Claim.objects.count(),
        Speaker.objects.count(),
        SpeakerAlias.objects.count(),
        ClaimLink.objects.count(),
    )
    empty_the_database()

    out = io.StringIO()
    call_command("load_claims", "-", stdin=io.StringIO(first_export), stdout=out)

    assert (
        Article.objects.count(),
        Claim.objects.count(),
        Speaker.objects.count(),
        SpeakerAlias.objects.count(),
        ClaimLink.objects.count(),
    ) == counts
    assert without_ids(export()) == without_ids(first_export)
    assert out.getvalue().startswith(f"loaded {counts[0]} articles, {counts[1]} claims, ")


def test_load_twice_adds_nothing(tmp_path):
    newsroom_with_reviews()
    path = tmp_path / "backup.jsonl"
    path.write_text(export())
    empty_the_database()
    call_command("load_claims", str(path), stdout=io.StringIO())
    before = export()

    out = io.StringIO()
    call_command("load_claims", str(path), stdout=out)

    assert export() == before
    assert "loaded 0 articles, 0 claims, 0 speakers (0 aliases), 0 tags, 0 topics;" in (
        out.getvalue()
    )


def test_load_rejects_a_bad_line_and_writes_nothing(tmp_path):
    newsroom_with_reviews()
    lines = export().splitlines()
    empty_the_database()
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join([*lines[:5], "{not json", *lines[5:]]))

    with pytest.raises(CommandError, match=r"line 6: JSONDecodeError: .*nothing was loaded\.$"):
        call_command("load_claims", str(path), stdout=io.StringIO())

    assert not Speaker.objects.exists()
    assert not Article.objects.exists()


def test_load_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"absent\.jsonl: No such file or directory"):
        call_command("load_claims", str(tmp_path / "absent.jsonl"))


def test_load_reads_an_older_export_with_the_paragraph_as_text():
    # Exports before the context became offsets (issue 15, item 2) carried the paragraph text.
    body = "First paragraph.\n\nThe mayor said the bridge will open in spring. Others agreed."
    article = make_article(headline="Bridge", body=body)
    words = "the bridge will open in spring"
    start = body.index(words)
    Claim.objects.create(article=article, content=words, start=start, end=start + len(words))
    lines = []
    for line in export().splitlines():
        record = json.loads(line)
        if record["record"] == "claim":
            record["context"] = body.split("\n\n")[1]  # the old format: text
        lines.append(json.dumps(record))
    empty_the_database()

    call_command(
        "load_claims", "-", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=io.StringIO()
    )

    claim = Claim.objects.get()
    assert body[claim.context_start : claim.context_end] == body.split("\n\n")[1]


HISTORY_MODELS = (Tag, Topic, Outlet, Speaker, Article, Claim, Stance, ClaimEvidence, ClaimLink)


def invented_newsroom():
    """Two speakers (one the other's party), an outlet's article with two claims, one of them
    published with a tag, a stance, evidence and a link to the other."""
    party = make_speaker(name="Harbour Party", kind=SpeakerKind.ORGANIZATION)
    mayor = make_speaker(name="Ina Lund", affiliated_with=party)
    body = "The mayor, Ina Lund, spoke on Monday. She said the ferry will run all winter."
    article = make_article(headline="Ferry plans", body=body, outlet=make_outlet(name="Tidings"))
    words = "the ferry will run all winter"
    start = body.index(words)
    published = make_published_claim(
        article=article, speaker=mayor, content=words, start=start, end=start + len(words)
    )
    other = make_claim(article=article, speaker=party, content="The mayor", start=0, end=9)
    published.tags.add(make_tag(name="Ferries"))
    make_stance(published, make_topic(title="Winter ferry"), "supports")
    make_evidence(published, url="https://evidence.example/timetable", title="Timetable")
    make_link(other, published, "supports")
    make_link(other, published, "repeats")
    return published


def forget_history():
    for model in HISTORY_MODELS:
        model.history.all().delete()


def history(model):
    return sorted(
        model.history.values_list("id", "history_type", "history_change_reason").order_by()
    )


def test_load_writes_one_history_row_per_loaded_row_with_the_files_reason(tmp_path):
    invented_newsroom()
    path = tmp_path / "harbour.jsonl"
    path.write_text(export())
    empty_the_database()
    forget_history()

    call_command("load_claims", str(path), stdout=io.StringIO())

    reason = "load_claims (harbour.jsonl)"
    for model in (Tag, Topic, Outlet, Article, Claim, Stance, ClaimEvidence, ClaimLink):
        rows = [(pk, "+", reason) for pk in model.objects.values_list("pk", flat=True)]
        assert len(rows) == 1 + (model in (Claim, ClaimLink)), model
        assert history(model) == sorted(rows), model
    party, mayor = Speaker.objects.get(name="Harbour Party"), Speaker.objects.get(name="Ina Lund")
    # Both created, then the mayor's party set by QuerySet.update once both exist.
    assert history(Speaker) == sorted(
        [(party.pk, "+", reason), (mayor.pk, "+", reason), (mayor.pk, "~", reason)]
    )
    changed = mayor.history.get(history_type="~")
    assert (changed.affiliated_with_id, changed.name) == (party.pk, "Ina Lund")
    # The claim's row is the claim as stored, not as it was before save-time derivations.
    claim = Claim.objects.get(status=ClaimStatus.PUBLISHED)
    row = claim.history.get()
    assert (row.content, row.status, row.speaker_id, row.article_id) == (
        claim.content,
        claim.status,
        mayor.pk,
        claim.article_id,
    )
    # Its tags are in the row too, as in every claim history row save() writes.
    assert [t.tag.name for t in row.tags.all()] == ["Ferries"]


def test_load_in_batches_of_one_writes_each_links_history_row_once():
    # A claim's two links go in two batches; the second must not write the first's row again.
    invented_newsroom()
    text = export()
    empty_the_database()
    forget_history()

    load_claims(io.StringIO(text), reason="a restore", chunk_size=1)

    rows = [(pk, "+", "a restore") for pk in ClaimLink.objects.values_list("pk", flat=True)]
    assert (len(rows), history(ClaimLink)) == (2, sorted(rows))
    claims = [(pk, "+", "a restore") for pk in Claim.objects.values_list("pk", flat=True)]
    assert (len(claims), history(Claim)) == (2, sorted(claims))


def test_load_from_stdin_names_stdin_as_the_reason():
    invented_newsroom()
    text = export()
    empty_the_database()
    forget_history()

    call_command("load_claims", "-", stdin=io.StringIO(text), stdout=io.StringIO())

    assert set(Claim.history.values_list("history_type", "history_change_reason")) == {
        ("+", "load_claims (stdin)")
    }


@pytest.mark.usefixtures("page_cache")
def test_a_cached_public_page_shows_a_loaded_published_claim_at_once(
    client, django_assert_num_queries
):
    loaded = invented_newsroom()
    words = loaded.content
    text = export()
    empty_the_database()
    shown = make_published_claim(content="Bridge tolls will fall next year")
    pages = [
        reverse("claims:claim-list"),
        reverse("claims:speaker-list"),
        reverse("claims:article-list"),
    ]
    for url in pages:
        client.get(url)
        # 1 the data fingerprint: the page comes from the cache.
        with django_assert_num_queries(1, info=url):
            page = client.get(url).content.decode()
        assert words not in page and "Ina Lund" not in page and "Ferry plans" not in page

    call_command("load_claims", "-", stdin=io.StringIO(text), stdout=io.StringIO())

    claim_list = client.get(pages[0]).content.decode()
    assert (words in claim_list, shown.content in claim_list) == (True, True)
    assert "Ina Lund" in client.get(pages[1]).content.decode()
    assert "Ferry plans" in client.get(pages[2]).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_a_cached_public_page_shows_a_container_a_load_sets_at_once(
    client, django_assert_num_queries
):
    # A load that adds no claim but sets a kept speaker's empty container (QuerySet.update):
    # only the '~' history row it writes tells the page cache.
    party = make_speaker(name="Harbour Party", kind=SpeakerKind.ORGANIZATION)
    mayor = make_speaker(name="Ina Lund", affiliated_with=party)
    claim = make_published_claim(speaker=mayor, content="The ferry will run all winter")
    text = export()
    Speaker.objects.filter(pk=mayor.pk).update(affiliated_with=None)
    party.delete()
    pages = [mayor.get_absolute_url(), claim.get_absolute_url()]
    for url in pages:
        client.get(url)
        # 1 the data fingerprint: the page comes from the cache.
        with django_assert_num_queries(1, info=url):
            assert "Harbour Party" not in client.get(url).content.decode()

    call_command("load_claims", "-", stdin=io.StringIO(text), stdout=io.StringIO())

    assert Claim.objects.get() == claim  # the load added no claim
    for url in pages:
        assert "Harbour Party" in client.get(url).content.decode(), url
