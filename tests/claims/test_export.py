"""export_claims: the JSONL shape (every key), CSV columns, and streaming in keyset chunks."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.enums import ClaimStatus, Verdict
from claims.services.export import CSV_COLUMNS, write_csv
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
)

pytestmark = pytest.mark.django_db

CLAIM_KEYS = {
    "id",
    "article",
    "content",
    "kind",
    "cue",
    "mention",
    "speaker",
    "status",
    "verdict",
    "rationale",
    "attribution_checked",
    "extraction_rule",
    "tags",
    "stances",
    "links",
    "evidence",
    "created",
    "updated",
}


def export(*args):
    out = io.StringIO()
    call_command("export_claims", *args, stdout=out)
    return out.getvalue()


def reviewed_claim():
    outlet = make_outlet(name="Example News")
    article = make_article(
        headline="Talks Stall",
        url="https://news.example/talks-stall",
        outlet=outlet,
        source_path="in/talks.txt",
    )
    speaker = make_speaker(name="Antony J. Blinken", role="Secretary of State", kind="person")
    make_alias(speaker, "Mr. Blinken")
    body = article.body
    claim = make_claim(
        article=article,
        speaker=speaker,
        start=body.index("the United States"),
        end=body.index(" that Russia"),
        mention="Antony J. Blinken",
        mention_start=body.index("Antony"),
        mention_end=body.index(" said"),
        cue="said",
        cue_start=body.index("said"),
        cue_end=body.index("said") + 4,
        status=ClaimStatus.IN_REVIEW,
        verdict=Verdict.MISLEADING,
        rationale="Evidence was shown.",
        attribution_checked=True,
        extraction_rule="subject_cue_content",
    )
    claim.tags.add(make_tag(name="Peace talks"))
    make_stance(claim, make_topic(title="Talks now"), "opposes")
    other = make_claim(article=article, start=body.index("We will"), end=body.index(",”"))
    make_link(claim, other, "contradicts")
    make_evidence(claim, url="https://state.example/transcript", title="Transcript")
    return claim, other


def test_export_jsonl_claim_line_has_every_key():
    claim, other = reviewed_claim()

    lines = [json.loads(line) for line in export().splitlines()]

    claims = [line for line in lines if line["record"] == "claim"]
    assert [c["id"] for c in claims] == [claim.pk, other.pk]
    first = claims[0]
    assert set(first) >= CLAIM_KEYS
    article = claim.article
    assert first["article"] == {
        "id": article.pk,
        "headline": "Talks Stall",
        "slug": "talks-stall",
        "url": "https://news.example/talks-stall",
        "outlet": "Example News",
        "published": None,
        "source_path": "in/talks.txt",
        "source_key": "url:https://news.example/talks-stall",
    }
    assert first["content"] == {
        "start": claim.start,
        "end": claim.end,
        "text": "the United States saw “zero evidence”",
    }
    assert first["kind"] == "indirect"
    assert first["cue"] == {"start": claim.cue_start, "end": claim.cue_end, "text": "said"}
    assert first["mention"] == {
        "start": claim.mention_start,
        "end": claim.mention_end,
        "text": "Antony J. Blinken",
    }
    assert first["speaker"] == {
        "id": claim.speaker.pk,
        "name": "Antony J. Blinken",
        "slug": "antony-j-blinken",
        "kind": "person",
        "role": "Secretary of State",
        "affiliation": "",
    }
    assert (first["status"], first["verdict"], first["rationale"]) == (
        "in_review",
        "misleading",
        "Evidence was shown.",
    )
    assert first["attribution_checked"] is True
    assert first["extraction_rule"] == "subject_cue_content"
    assert claims[1]["extraction_rule"] == ""  # entered by hand
    assert first["tags"] == ["peace-talks"]
    assert first["stances"] == [{"topic": "talks-now", "stance": "opposes", "note": ""}]
    assert first["links"] == [
        {
            "relation": "contradicts",
            "to": other.pk,
            "to_key": [article.source_key, other.start, other.end],
            "note": "",
        }
    ]
    assert [(e["url"], e["title"]) for e in first["evidence"]] == [
        ("https://state.example/transcript", "Transcript")
    ]
    claim.refresh_from_db()
    assert first["created"] == claim.created.isoformat()
    assert first["updated"] == claim.updated.isoformat()
    assert (claims[1]["cue"], claims[1]["mention"], claims[1]["speaker"]) == (None, None, None)


def test_export_jsonl_puts_tags_topics_speakers_and_articles_before_claims():
    reviewed_claim()

    kinds = [json.loads(line)["record"] for line in export().splitlines()]

    assert kinds == ["tag", "topic", "speaker", "article", "claim", "claim"]


def test_export_speaker_record_carries_aliases():
    reviewed_claim()

    (speaker,) = [
        json.loads(line)
        for line in export().splitlines()
        if json.loads(line)["record"] == "speaker"
    ]

    assert speaker["aliases"] == ["Mr. Blinken"]


def test_export_csv_flattens_claims():
    claim, _ = reviewed_claim()

    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))

    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2
    row = rows[0]
    assert row["id"] == str(claim.pk)
    assert row["article_outlet"] == "Example News"
    assert row["content_text"] == "the United States saw “zero evidence”"
    assert row["speaker_name"] == "Antony J. Blinken"
    assert row["extraction_rule"] == "subject_cue_content"
    assert row["tags"] == "peace-talks"
    assert row["stances"] == "talks-now:opposes"
    assert row["links"].startswith("contradicts:")
    assert row["evidence"] == "https://state.example/transcript"
    assert rows[1]["speaker_name"] == ""


def test_export_to_a_file(tmp_path):
    reviewed_claim()
    target = tmp_path / "claims.jsonl"

    export("--output", str(target))

    assert len(Path(target).read_text().splitlines()) == 6


def many_claims(n):
    speaker = make_speaker()
    tag = make_tag()
    topic = make_topic()
    for _ in range(n):
        claim = make_claim(speaker=speaker)
        claim.tags.add(tag)
        make_stance(claim, topic)
        make_evidence(claim)


@pytest.mark.parametrize(("claims", "chunk_size"), [(3, 2), (9, 5)])
def test_export_streams_in_chunks_so_queries_grow_with_chunks_not_rows(
    claims, chunk_size, django_assert_num_queries
):
    many_claims(claims)
    out = io.StringIO()

    # Two chunks either way; per chunk: claims (article, outlet, speaker joined), tags,
    # stances (topic joined), outgoing links (target joined), evidence.
    with django_assert_num_queries(2 * 5):
        count = write_csv(out, chunk_size=chunk_size)

    assert count == claims
