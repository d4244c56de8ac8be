"""Streaming export (JSONL, CSV) and load_claims: a portable backup and restore.

JSONL layout: one JSON object per line, each with a ``record`` key, in this order:

- ``tag``, ``topic``: every tag and topic (slug, name/title, description, question);
- ``speaker``: every speaker with its aliases; ``affiliated_with`` is the other speaker's slug;
- ``article``: every article with its body, source_key, authors, language, provenance;
- ``claim``: every claim, in id order, with the documented keys (``id``, ``article``,
  ``content``, ``kind``, ``cue``, ``mention``, ``speaker``, ``status``, ``verdict``,
  ``rationale``, ``attribution_checked``, ``tags``, ``stances``, ``links``, ``evidence``,
  ``created``, ``updated``; ``speaker_resolution`` and ``via`` say how the speaker was found
  and which outlet only carried the words; ``in_headline`` says that the offsets point into the
  headline, not the body) plus what a lossless restore needs (context offsets, notes, said_on,
  orphaned, extractor_version, review timestamps; each link's target by natural key).

Database ids are exported but not reused: load_claims rebuilds rows by natural keys (slugs,
Article.source_key, a claim's (article, start, end) span, in the headline or the body), so a restore into a database that
already has rows does not collide. Not exported: users (assignee, reviewer, who added
evidence), merge suggestions and merge audit records, and history.

Memory stays flat: every table is read in keyset-paginated chunks (``WHERE id > last ORDER BY
id LIMIT n``) with its prefetches per chunk, so queries grow with chunks, never with rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch

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
    context_offsets,
)
from claims.normalise import normalise_name
from claims.services import fastwrite

CHUNK_SIZE = 1000
FORMAT_VERSION = 2  # 2: a claim's context is {start, end} offsets, not text


def _is_text(record) -> bool:
    return isinstance(record.get("context"), str) and bool(record["context"])


def _context(record, body: str | None) -> tuple[int | None, int | None]:
    """The claim's paragraph offsets from an export record: {"start", "end"} (format 2), or
    the paragraph text of older exports located in the article `body`."""
    context, content = record.get("context"), record["content"]
    if isinstance(context, dict):
        start, end = context.get("start"), context.get("end")
        if (
            isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start <= content["start"]
            and content["end"] <= end
        ):
            return start, end
        return None, None
    if _is_text(record) and body is not None:
        return context_offsets(body, context, content["start"], content["end"])
    return None, None


def _iso(value):
    return value.isoformat() if value is not None else None


def _chunks(queryset, chunk_size: int) -> Iterator[list]:
    """Keyset pagination over the primary key: constant memory, one query set per chunk."""
    last = 0
    while True:
        rows = list(queryset.filter(pk__gt=last).order_by("pk")[:chunk_size])
        if not rows:
            return
        yield rows
        last = rows[-1].pk
        if len(rows) < chunk_size:
            return


def claim_queryset():
    """Claims with article, outlet and speaker joined (article body deferred), and their tags,
    stances (with topic), outgoing links (with the target's natural key) and evidence."""
    return (
        Claim.objects.select_related("article__outlet", "speaker")
        .defer("article__body", "search")
        .prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("slug")),
            Prefetch("stances", queryset=Stance.objects.select_related("topic").order_by("id")),
            Prefetch(
                "links_out",
                queryset=ClaimLink.objects.select_related("to_claim__article")
                .only(
                    "from_claim_id",
                    "relation",
                    "note",
                    "to_claim__id",
                    "to_claim__start",
                    "to_claim__end",
                    "to_claim__article__source_key",
                )
                .order_by("id"),
            ),
            Prefetch("evidence", queryset=ClaimEvidence.objects.order_by("added_at", "id")),
        )
    )


def claim_record(claim: Claim) -> dict:
    article, speaker = claim.article, claim.speaker
    return {
        "record": "claim",
        "id": claim.pk,
        "article": {
            "id": article.pk,
            "headline": article.headline,
            "slug": article.slug,
            "url": article.url,
            "outlet": article.outlet.name if article.outlet else None,
            "published": _iso(article.published),
            "source_path": article.source_path,
            "source_key": article.source_key,
        },
        "content": {"start": claim.start, "end": claim.end, "text": claim.content},
        "in_headline": claim.in_headline,
        "kind": claim.kind,
        "cue": (
            {"start": claim.cue_start, "end": claim.cue_end, "text": claim.cue}
            if claim.cue
            else None
        ),
        "mention": (
            {"start": claim.mention_start, "end": claim.mention_end, "text": claim.mention}
            if claim.mention
            else None
        ),
        "speaker": (
            {
                "id": speaker.pk,
                "name": speaker.name,
                "slug": speaker.slug,
                "kind": speaker.kind,
                "role": speaker.role,
                "affiliation": speaker.affiliation,
            }
            if speaker
            else None
        ),
        "status": claim.status,
        "verdict": claim.verdict,
        "rationale": claim.rationale,
        "attribution_checked": claim.attribution_checked,
        "tags": [t.slug for t in claim.tags.all()],
        "stances": [
            {"topic": s.topic.slug, "stance": s.stance, "note": s.note} for s in claim.stances.all()
        ],
        "links": [
            {
                "relation": link.relation,
                "to": link.to_claim_id,
                "to_key": [
                    link.to_claim.article.source_key,
                    link.to_claim.start,
                    link.to_claim.end,
                    link.to_claim.in_headline,
                ],
                "note": link.note,
            }
            for link in claim.links_out.all()
        ],
        "evidence": [
            {"url": e.url, "title": e.title, "note": e.note, "added_at": _iso(e.added_at)}
            for e in claim.evidence.all()
        ],
        "created": _iso(claim.created),
        "updated": _iso(claim.updated),
        "context": (
            {"start": claim.context_start, "end": claim.context_end}
            if claim.context_start is not None
            else None
        ),
        "said_on": _iso(claim.said_on),
        "notes": claim.notes,
        "orphaned": claim.orphaned,
        "extractor_version": claim.extractor_version,
        "extraction_rule": claim.extraction_rule,
        "speaker_resolution": claim.speaker_resolution,
        "via": claim.via,
        "reviewed_at": _iso(claim.reviewed_at),
        "published_at": _iso(claim.published_at),
    }


def iter_export(*, chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Every record of the JSONL export, in load order (see the module docstring)."""
    for rows in _chunks(Tag.objects.all(), chunk_size):
        for tag in rows:
            yield {
                "record": "tag",
                "slug": tag.slug,
                "name": tag.name,
                "description": tag.description,
            }
    for rows in _chunks(Topic.objects.all(), chunk_size):
        for topic in rows:
            yield {
                "record": "topic",
                "slug": topic.slug,
                "title": topic.title,
                "question": topic.question,
                "description": topic.description,
            }
    speakers = Speaker.objects.select_related("affiliated_with").prefetch_related(
        Prefetch("aliases", queryset=SpeakerAlias.objects.order_by("normalised"))
    )
    for rows in _chunks(speakers, chunk_size):
        for sp in rows:
            yield {
                "record": "speaker",
                "id": sp.pk,
                "slug": sp.slug,
                "name": sp.name,
                "kind": sp.kind,
                "role": sp.role,
                "affiliation": sp.affiliation,
                "affiliated_with": sp.affiliated_with.slug if sp.affiliated_with else None,
                "description": sp.description,
                "wikidata_id": sp.wikidata_id,
                "aliases": [a.alias for a in sp.aliases.all()],
            }
    for rows in _chunks(Article.objects.select_related("outlet"), chunk_size):
        for art in rows:
            yield {
                "record": "article",
                "id": art.pk,
                "source_key": art.source_key,
                "headline": art.headline,
                "slug": art.slug,
                "url": art.url,
                "outlet": art.outlet.name if art.outlet else None,
                "outlet_homepage": art.outlet.homepage if art.outlet else "",
                "published": _iso(art.published),
                "authors": art.authors,
                "language": art.language,
                "body": art.body,
                "source_path": art.source_path,
                "imported_at": _iso(art.imported_at),
                "extractor_version": art.extractor_version,
            }
    for rows in _chunks(claim_queryset(), chunk_size):
        for claim in rows:
            yield claim_record(claim)


def write_jsonl(out, *, chunk_size: int = CHUNK_SIZE) -> int:
    """Write the export to a text stream; returns the number of claim lines."""
    claims = 0
    for record in iter_export(chunk_size=chunk_size):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
        out.write("\n")
        claims += record["record"] == "claim"
    return claims


CSV_COLUMNS = [
    "id",
    "article_id",
    "article_headline",
    "article_slug",
    "article_url",
    "article_outlet",
    "article_published",
    "article_source_path",
    "content_start",
    "content_end",
    "content_text",
    "in_headline",
    "kind",
    "cue_text",
    "cue_start",
    "cue_end",
    "mention_text",
    "mention_start",
    "mention_end",
    "speaker_id",
    "speaker_name",
    "speaker_slug",
    "speaker_kind",
    "speaker_role",
    "speaker_affiliation",
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
]


def csv_row(record: dict) -> dict:
    """A claim record flattened: nested objects become prefixed columns, lists join with '|'."""
    row = {"id": record["id"]}
    for key in ("id", "headline", "slug", "url", "outlet", "published", "source_path"):
        row[f"article_{key}"] = record["article"][key]
    for group in ("content", "cue", "mention"):
        value = record[group] or {}
        for key in ("text", "start", "end"):
            row[f"{group}_{key}"] = value.get(key)
    speaker = record["speaker"] or {}
    for key in ("id", "name", "slug", "kind", "role", "affiliation"):
        row[f"speaker_{key}"] = speaker.get(key)
    for key in (
        "in_headline",
        "kind",
        "status",
        "verdict",
        "rationale",
        "attribution_checked",
        "extraction_rule",
        "speaker_resolution",
        "via",
    ):
        row[key] = record[key]
    row["tags"] = "|".join(record["tags"])
    row["stances"] = "|".join(f"{s['topic']}:{s['stance']}" for s in record["stances"])
    row["links"] = "|".join(f"{link['relation']}:{link['to']}" for link in record["links"])
    row["evidence"] = "|".join(e["url"] for e in record["evidence"])
    row["created"], row["updated"] = record["created"], record["updated"]
    return row


def write_csv(out, *, chunk_size: int = CHUNK_SIZE) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    claims = 0
    for rows in _chunks(claim_queryset(), chunk_size):
        for claim in rows:
            writer.writerow(csv_row(claim_record(claim)))
            claims += 1
    return claims


# --- load -----------------------------------------------------------------------------------


class LoadError(Exception):
    """A line of the export cannot be loaded; the message names the line."""


@dataclass(slots=True)
class LoadResult:
    tags: int = 0
    topics: int = 0
    speakers: int = 0
    aliases: int = 0
    articles: int = 0
    claims: int = 0
    skipped: int = 0


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _datetime(value):
    return dt.datetime.fromisoformat(value) if value else None


@contextmanager
def _keep_timestamps(*fields):
    """Let bulk_create write exported created/updated values instead of "now".

    auto_now/auto_now_add fields overwrite whatever the instance holds in pre_save; a restore
    must keep the originals. Management commands run single-threaded, so flipping the flags
    for the duration of the load is safe here (never do this in a web process).
    """
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    try:
        for f in fields:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def load_reason(name: str) -> str:
    """The change reason of every history row a load writes: which file was loaded."""
    return f"load_claims ({name})"[:100]


def load_claims(
    lines: Iterable[str], *, reason: str = "load_claims", chunk_size: int = CHUNK_SIZE
) -> LoadResult:
    """Load a JSONL export (see module docstring) in one transaction.

    Rows that already exist (same slug, source_key or claim span) are kept and counted as
    skipped, so loading twice adds nothing. Raises LoadError naming the line on bad input;
    then nothing is written.

    Every row written gets its simple-history row with `reason` (one '+' per new tag, topic,
    speaker, outlet, article, claim, stance, evidence and link; a '~' per speaker whose
    container it sets), so a load is accountable and the page cache's fingerprint sees it.
    """
    result = LoadResult()
    state = _LoadState(chunk_size=chunk_size, reason=reason)
    claim_meta = Claim._meta
    with (
        transaction.atomic(),
        _keep_timestamps(claim_meta.get_field("created"), claim_meta.get_field("updated")),
    ):
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                state.add(record, result)
            except (ValueError, KeyError, TypeError) as exc:
                raise LoadError(f"line {n}: {exc.__class__.__name__}: {exc}") from None
        state.finish(result)
    return result


class _LoadState:
    def __init__(self, *, chunk_size, reason):
        self.chunk_size = chunk_size
        self.reason = reason
        self.tags: dict[str, int] = dict(Tag.objects.values_list("slug", "id"))
        self.topics: dict[str, int] = dict(Topic.objects.values_list("slug", "id"))
        self.speakers: dict[str, int] = dict(Speaker.objects.values_list("slug", "id"))
        self.articles: dict[str, int] = {}
        self.outlets: dict[str, int] = dict(Outlet.objects.values_list("name", "id"))
        self.affiliations: list[tuple[str, str]] = []
        self.claims: list[dict] = []
        self.links: list[tuple[tuple, tuple, str, str]] = []

    def add(self, record: dict, result: LoadResult):
        kind = record["record"]
        if kind != "claim" and self.claims:
            self._flush_claims(result)
        if kind == "tag":
            if record["slug"] in self.tags:
                result.skipped += 1
                return
            tag = self._save(
                Tag(slug=record["slug"], name=record["name"], description=record["description"])
            )
            self.tags[tag.slug] = tag.pk
            result.tags += 1
        elif kind == "topic":
            if record["slug"] in self.topics:
                result.skipped += 1
                return
            topic = self._save(
                Topic(
                    slug=record["slug"],
                    title=record["title"],
                    question=record["question"],
                    description=record["description"],
                )
            )
            self.topics[topic.slug] = topic.pk
            result.topics += 1
        elif kind == "speaker":
            self._speaker(record, result)
        elif kind == "article":
            self._article(record, result)
        elif kind == "claim":
            self.claims.append(record)
            if len(self.claims) >= self.chunk_size:
                self._flush_claims(result)
        else:
            raise ValueError(f"unknown record type {kind!r}")

    def _save(self, instance):
        """save() one new row; its history row ('+') carries the load's reason."""
        instance._change_reason = self.reason
        instance.save()
        return instance

    def _history_created(self, model, objs: list) -> None:
        """The '+' history rows of rows bulk_create wrote (it writes none): on PostgreSQL copied
        by the server from the stored rows, elsewhere by simple-history from the instances.
        Dated now, as save() dates its row: the page cache's fingerprint reads the newest date."""
        if fastwrite.enabled():
            ids = [obj.pk for obj in objs]
            fastwrite.history_created(model, ids, reason=self.reason)
        elif objs:
            rows = model.history.bulk_history_create(objs, default_change_reason=self.reason)
            fastwrite.history_m2m(model, [row.pk for row in rows])

    def _speaker(self, record, result):
        slug = record["slug"]
        if slug in self.speakers:
            result.skipped += 1
            new = False
        else:
            new = True
            speaker = self._save(
                Speaker(
                    slug=slug,
                    name=record["name"],
                    kind=record["kind"],
                    role=record["role"],
                    affiliation=record["affiliation"],
                    description=record["description"],
                    wikidata_id=record["wikidata_id"],
                )
            )
            self.speakers[slug] = speaker.pk
            result.speakers += 1
        if record["affiliated_with"]:
            self.affiliations.append((slug, record["affiliated_with"]))
        aliases = [
            SpeakerAlias(speaker_id=self.speakers[slug], alias=a, normalised=normalise_name(a))
            for a in record["aliases"]
        ]
        SpeakerAlias.objects.bulk_create(aliases, ignore_conflicts=True)
        result.aliases += len(aliases) if new else 0

    def _article(self, record, result):
        key = record["source_key"]
        existing = Article.objects.filter(source_key=key).values_list("id", flat=True).first()
        if existing is not None:
            self.articles[key] = existing
            result.skipped += 1
            return
        outlet_id = None
        if record["outlet"]:
            outlet_id = self.outlets.get(record["outlet"])
            if outlet_id is None:
                outlet = self._save(
                    Outlet(name=record["outlet"], homepage=record.get("outlet_homepage", ""))
                )
                outlet_id = self.outlets[outlet.name] = outlet.pk
        article = Article(
            source_key=key,
            headline=record["headline"],
            slug=record["slug"],
            url=record["url"],
            outlet_id=outlet_id,
            published=_date(record["published"]),
            authors=record["authors"],
            language=record["language"],
            body=record["body"],
            source_path=record["source_path"],
            imported_at=_datetime(record["imported_at"]),
            extractor_version=record["extractor_version"],
        )
        self._save(article)
        self.articles[key] = article.pk
        result.articles += 1

    def _flush_claims(self, result):
        records, self.claims = self.claims, []
        article_ids = [self.articles[r["article"]["source_key"]] for r in records]
        existing = set(
            Claim.objects.filter(article_id__in=set(article_ids)).values_list(
                "article_id", "start", "end", "in_headline"
            )
        )
        new, kept = [], []
        # Exports before format 2 carried the paragraph as text: find it in the article body.
        older = {a for r, a in zip(records, article_ids, strict=True) if _is_text(r)}
        bodies = (
            dict(Article.objects.filter(pk__in=older).values_list("pk", "body")) if older else {}
        )
        for record, article_id in zip(records, article_ids, strict=True):
            span = (
                article_id,
                record["content"]["start"],
                record["content"]["end"],
                bool(record.get("in_headline", False)),
            )
            if span in existing:
                result.skipped += 1
                continue
            existing.add(span)
            claim = self._claim(record, article_id, bodies)
            new.append(claim)
            kept.append(record)
        Claim.objects.bulk_create(new)
        tag_rows, stance_rows, evidence_rows = [], [], []
        Through = Claim.tags.through
        for claim, record in zip(new, kept, strict=True):
            for slug in record["tags"]:
                tag_rows.append(Through(claim_id=claim.pk, tag_id=self.tags[slug]))
            for s in record["stances"]:
                stance_rows.append(
                    Stance(
                        claim_id=claim.pk,
                        topic_id=self.topics[s["topic"]],
                        stance=s["stance"],
                        note=s.get("note", ""),
                    )
                )
            for e in record["evidence"]:
                evidence_rows.append(
                    ClaimEvidence(
                        claim_id=claim.pk,
                        url=e["url"],
                        title=e["title"],
                        note=e.get("note", ""),
                        added_at=_datetime(e.get("added_at")) or claim.created,
                    )
                )
            for link in record["links"]:
                self.links.append(
                    (
                        (claim.article_id, claim.start, claim.end, claim.in_headline),
                        tuple(link["to_key"]),
                        link["relation"],
                        link.get("note", ""),
                    )
                )
        Through.objects.bulk_create(tag_rows)
        self._history_created(Claim, new)  # after the tags: each '+' row records them
        Stance.objects.bulk_create(stance_rows)
        self._history_created(Stance, stance_rows)
        ClaimEvidence.objects.bulk_create(evidence_rows)
        self._history_created(ClaimEvidence, evidence_rows)
        result.claims += len(new)

    def _claim(self, record, article_id, bodies) -> Claim:
        context = _context(record, bodies.get(article_id))
        cue, mention, speaker = record["cue"] or {}, record["mention"] or {}, record["speaker"]
        claim = Claim(
            article_id=article_id,
            speaker_id=self.speakers[speaker["slug"]] if speaker else None,
            content=record["content"]["text"],
            start=record["content"]["start"],
            end=record["content"]["end"],
            in_headline=bool(record.get("in_headline", False)),
            kind=record["kind"],
            cue=cue.get("text", ""),
            cue_start=cue.get("start"),
            cue_end=cue.get("end"),
            mention=mention.get("text", ""),
            mention_start=mention.get("start"),
            mention_end=mention.get("end"),
            status=record["status"],
            verdict=record["verdict"],
            rationale=record["rationale"],
            attribution_checked=record["attribution_checked"],
            context_start=context[0],
            context_end=context[1],
            said_on=_date(record.get("said_on")),
            notes=record.get("notes", ""),
            orphaned=record.get("orphaned", False),
            extractor_version=record.get("extractor_version", ""),
            extraction_rule=record.get("extraction_rule", ""),
            speaker_resolution=record.get("speaker_resolution", ""),
            via=record.get("via", ""),
            reviewed_at=_datetime(record.get("reviewed_at")),
            published_at=_datetime(record.get("published_at")),
            created=_datetime(record["created"]),
            updated=_datetime(record["updated"]),
        )
        claim.derive_fields(article_published=_date(record["article"]["published"]))
        return claim

    def finish(self, result):
        if self.claims:
            self._flush_claims(result)
        affiliated = []
        for slug, target in self.affiliations:
            if target in self.speakers:
                pk = self.speakers[slug]
                if Speaker.objects.filter(pk=pk, affiliated_with__isnull=True).update(
                    affiliated_with_id=self.speakers[target]
                ):
                    affiliated.append(pk)
        # QuerySet.update writes no history: the '~' rows save() would have written. In
        # chunks: the ids are parameters of an IN list (SQLite's limit).
        for i in range(0, len(affiliated), 500):
            fastwrite.history_changed(Speaker, affiliated[i : i + 500], reason=self.reason)
        self._links()

    def _links(self):
        """Links by natural key: (article source_key, start, end, in_headline) of the target
        claim (exports before headline claims name three: a body claim)."""
        pending = self.links
        written: set[int] = set()
        for i in range(0, len(pending), self.chunk_size):
            batch = pending[i : i + self.chunk_size]
            article_ids = {k[0] for k, _, _, _ in batch} | {
                self.articles[t[0]] for _, t, _, _ in batch if t[0] in self.articles
            }
            ids = {
                (a, s, e, h): pk
                for pk, a, s, e, h in Claim.objects.filter(article_id__in=article_ids).values_list(
                    "id", "article_id", "start", "end", "in_headline"
                )
            }
            rows = []
            for from_key, to_key, relation, note in batch:
                to_article = self.articles.get(to_key[0])
                in_headline = bool(to_key[3]) if len(to_key) > 3 else False
                from_id = ids.get(from_key)
                to_id = ids.get((to_article, to_key[1], to_key[2], in_headline))
                if from_id and to_id:
                    rows.append(
                        ClaimLink(
                            from_claim_id=from_id, to_claim_id=to_id, relation=relation, note=note
                        )
                    )
            ClaimLink.objects.bulk_create(rows, ignore_conflicts=True)
            # ignore_conflicts leaves the pks unset. Every link from a claim this load created
            # is one this load wrote (a claim's links are loaded with it only), and a claim's
            # links may span two batches: those not yet given their history row.
            stored = [
                link
                for link in ClaimLink.objects.filter(
                    from_claim_id__in={row.from_claim_id for row in rows}
                ).order_by("pk")
                if link.pk not in written
            ]
            written.update(link.pk for link in stored)
            self._history_created(ClaimLink, stored)
