"""load_claims: an export loaded into an empty database exports the same again (ids aside)."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.enums import ClaimStatus, Verdict
from claims.models import (
    Article,
    Claim,
    ClaimLink,
    Outlet,
    Speaker,
    SpeakerAlias,
    Tag,
    Topic,
)
from tests.factories import (
    make_article,
    make_evidence,
    make_link,
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
