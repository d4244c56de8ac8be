"""export_claims: the JSONL shape (every key), CSV columns, and streaming in keyset chunks."""

import csv
import io
import json

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
    "record",
    "id",
    "article",
    "content",
    "in_headline",
    "kind",
    "cue",
    "mention",
    "speaker",
    "status",
    "verdict",
    "rationale",
    "attribution_checked",
    "extraction_rule",
    "speaker_resolution",
    "via",
    "tags",
    "stances",
    "links",
    "evidence",
    "created",
    "updated",
    # What a restore needs besides the reader-facing fields.
    "context",
    "notes",
    "said_on",
    "reviewed_at",
    "published_at",
    "extractor_version",
    "orphaned",
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
        speaker_resolution="surname",
        via="Reuters",
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
    assert set(first) == CLAIM_KEYS
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
    assert first["in_headline"] is False
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
    assert (first["speaker_resolution"], first["via"]) == ("surname", "Reuters")
    assert (claims[1]["speaker_resolution"], claims[1]["via"]) == ("", "")
    assert first["tags"] == ["peace-talks"]
    assert first["stances"] == [{"topic": "talks-now", "stance": "opposes", "note": ""}]
    assert first["links"] == [
        {
            "relation": "contradicts",
            "to": other.pk,
            "to_key": [article.source_key, other.start, other.end, False],
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
    claim, other = reviewed_claim()
    claim.refresh_from_db()
    other.refresh_from_db()
    article = claim.article

    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))

    assert list(rows[0]) == CSV_COLUMNS
    assert rows == [
        {
            "id": str(claim.pk),
            "article_id": str(article.pk),
            "article_headline": "Talks Stall",
            "article_slug": "talks-stall",
            "article_url": "https://news.example/talks-stall",
            "article_outlet": "Example News",
            "article_published": "",
            "article_source_path": "in/talks.txt",
            "content_start": str(claim.start),
            "content_end": str(claim.end),
            "content_text": "the United States saw “zero evidence”",
            "in_headline": "False",
            "kind": "indirect",
            "cue_text": "said",
            "cue_start": str(claim.cue_start),
            "cue_end": str(claim.cue_end),
            "mention_text": "Antony J. Blinken",
            "mention_start": str(claim.mention_start),
            "mention_end": str(claim.mention_end),
            "speaker_id": str(claim.speaker_id),
            "speaker_name": "Antony J. Blinken",
            "speaker_slug": "antony-j-blinken",
            "speaker_kind": "person",
            "speaker_role": "Secretary of State",
            "speaker_affiliation": "",
            "status": "in_review",
            "verdict": "misleading",
            "rationale": "Evidence was shown.",
            "attribution_checked": "True",
            "extraction_rule": "subject_cue_content",
            "speaker_resolution": "surname",
            "via": "Reuters",
            "tags": "peace-talks",
            "stances": "talks-now:opposes",
            "links": f"contradicts:{other.pk}",
            "evidence": "https://state.example/transcript",
            "created": claim.created.isoformat(),
            "updated": claim.updated.isoformat(),
        },
        {
            **dict.fromkeys(CSV_COLUMNS, ""),
            "id": str(other.pk),
            "article_id": str(article.pk),
            "article_headline": "Talks Stall",
            "article_slug": "talks-stall",
            "article_url": "https://news.example/talks-stall",
            "article_outlet": "Example News",
            "article_source_path": "in/talks.txt",
            "content_start": str(other.start),
            "content_end": str(other.end),
            "content_text": "We will keep helping",
            "in_headline": "False",
            "kind": "indirect",
            "status": "new",
            "attribution_checked": "False",
            "created": other.created.isoformat(),
            "updated": other.updated.isoformat(),
        },
    ]


def test_export_to_a_file_writes_what_stdout_gets(tmp_path):
    claim, other = reviewed_claim()
    target = tmp_path / "claims.jsonl"

    export("--output", str(target))

    written = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    printed = [json.loads(line) for line in export().splitlines()]
    assert [r["record"] for r in written] == [
        "tag",
        "topic",
        "speaker",
        "article",
        "claim",
        "claim",
    ]
    # Field by field, so a difference names the record and the field.
    for got, expected in zip(written, printed, strict=True):
        assert set(got) == set(expected), got["record"]
        for field in expected:
            assert got[field] == expected[field], (got["record"], field)
    assert [(r["id"], r["content"]["text"]) for r in written if r["record"] == "claim"] == [
        (claim.pk, "the United States saw “zero evidence”"),
        (other.pk, "We will keep helping"),
    ]


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
