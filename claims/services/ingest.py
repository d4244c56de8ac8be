"""Continuous ingest: poll sources, record the article addresses they list, fetch and import each.

The write side of claims/tasks.py (which runs these on procrastinate's workers) and of the
poll_sources command. Nothing here knows about the queue: `poll_source` takes an `enqueue`
callable for the fetches it finds, and a transient fetch failure raises `RetryLater` for the
caller to schedule.

Exactly once: an `IngestItem` is unique per normalised URL (the article's source key), so an
address seen in two feeds or two polls is fetched once; an item already imported is never
fetched again; and `import_article` is an upsert on the same key, so a fetch retried after its
first try committed (a worker killed at the wrong moment) changes nothing. Files queued by
`import_articles --enqueue` are IngestItems too (`add_file`, `import_file_item`), keyed by their
absolute path, with the same statuses, errors and attempts as fetched addresses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims.enums import IngestStatus, SourceKind
from claims.importers import ImportFileError, read_file, record_from_html
from claims.importers.web import (
    Client,
    Entry,
    FetchError,
    ParseError,
    RobotsRules,
    parse_feed,
    parse_sitemap,
)
from claims.models import Article, IngestHost, IngestItem, Source
from claims.normalise import source_key_for

from .imports import ImportSession, import_article, record_with_defaults

logger = logging.getLogger(__name__)

POLLED, NOT_MODIFIED, POLL_FAILED = "polled", "not_modified", "failed"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
MAX_SLOT_WAIT = 5.0  # seconds a worker waits in place for its host slot before rescheduling


class RetryLater(Exception):
    """Try this fetch again in `delay` seconds (a transient failure, or the host is busy)."""

    def __init__(self, reason: str, *, delay: float):
        self.reason = reason
        self.delay = delay
        super().__init__(f"{reason} (retry in {delay:g} s)")


@dataclass(slots=True)
class PollResult:
    """What one poll did: `status` is polled, not_modified or failed."""

    status: str
    found: int = 0
    new: int = 0
    error: str = ""


def default_client() -> Client:
    return Client(
        user_agent=settings.CLAIMDESK_INGEST_USER_AGENT,
        timeout=float(settings.CLAIMDESK_INGEST_TIMEOUT),
        max_bytes=settings.CLAIMDESK_INGEST_MAX_BYTES,
        allow_private=settings.CLAIMDESK_INGEST_ALLOW_PRIVATE,
    )


_robots: RobotsRules | None = None


def default_robots() -> RobotsRules:
    """The process's robots.txt rules, shared by its worker threads, in front of the Django
    cache (Redis with CACHE_URL), which every worker on every machine reads."""
    global _robots
    if _robots is None or _robots.client != default_client():
        _robots = RobotsRules(default_client(), shared=caches["default"])
    return _robots


def due_sources(*, now: dt.datetime | None = None) -> list[Source]:
    """Active sources whose poll interval has passed since their last poll (never polled: due).

    One query; the interval check is done here (a newsroom has dozens of sources, not millions).
    """
    now = now or timezone.now()
    return [
        source
        for source in Source.objects.filter(active=True).order_by("last_polled_at", "id")
        if source.last_polled_at is None
        or source.last_polled_at + dt.timedelta(minutes=source.poll_interval) <= now
    ]


def poll_source(
    *,
    source: Source,
    enqueue: Callable[[int], None],
    client: Client | None = None,
    robots: RobotsRules | None = None,
) -> PollResult:
    """Fetch a source (a conditional request) and record every new address it lists.

    A 304 answer does nothing else. Each new address becomes a queued IngestItem and
    `enqueue(item.pk)` is called for it inside the same transaction. A failed poll is recorded
    on the source (`last_error`) and returned, not raised: the next poll tries again.
    """
    client = client or default_client()
    robots = robots or default_robots()
    now = timezone.now()
    if source.kind == SourceKind.URL:
        entries = [Entry(url=source.url)]
        result = PollResult(POLLED)
    else:
        try:
            if not robots.allowed(source.url):
                raise FetchError("robots.txt disallows fetching it")
            _wait_for_host(source.url, robots=robots, max_wait=None)
            resp = client.get(
                source.url,
                etag=source.etag,
                last_modified=source.last_modified,
                accept=FEED_ACCEPT,
            )
            if resp.not_modified:
                _record_poll(source, now=now, error="")
                return PollResult(NOT_MODIFIED)
            parse = parse_sitemap if source.kind == SourceKind.SITEMAP else parse_feed
            entries = parse(resp.body, base_url=resp.url)
        except (FetchError, ParseError) as exc:
            reason = exc.reason if isinstance(exc, FetchError) else str(exc)
            _record_poll(source, now=now, error=reason)
            return PollResult(POLL_FAILED, error=reason)
        source.etag = resp.headers.get("etag", "")[:500]
        source.last_modified = resp.headers.get("last-modified", "")[:100]
        result = PollResult(POLLED)
    result.found = len(entries)
    with transaction.atomic():
        for entry in entries:
            item, created = _item_for(entry.url, source=source)
            if created:
                result.new += 1
                if item.status == IngestStatus.QUEUED:
                    enqueue(item.pk)
        _record_poll(source, now=now, error="")
    return result


def _item_for(url: str, *, source: Source | None) -> tuple[IngestItem, bool]:
    key = source_key_for(url=url, body="")
    item = IngestItem.objects.filter(url_key=key).first()
    if item is not None:
        return item, False
    defaults = {"source": source, "url": url[:2000]}
    existing = Article.objects.filter(source_key=key).only("pk").first()
    if existing is not None:
        # Imported before (a file import, or before this source existed): never fetched again.
        defaults |= {
            "status": IngestStatus.SKIPPED,
            "article": existing,
            "error": "already in the database (imported before)",
        }
    return IngestItem.objects.get_or_create(url_key=key, defaults=defaults)


def add_item(*, url: str, enqueue: Callable[[int], None], source: Source | None = None):
    """Record one address to fetch (e.g. from the admin or a script); enqueue it when new."""
    with transaction.atomic():
        item, created = _item_for(url, source=source)
        if created and item.status == IngestStatus.QUEUED:
            enqueue(item.pk)
    return item, created


def file_key(path: Path) -> str:
    """An enqueued file's IngestItem key: its absolute path, hashed (url_key holds 255)."""
    return "file:sha256:" + hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()


def add_file(*, path: Path, enqueue: Callable[[int], None]) -> tuple[IngestItem, bool]:
    """Record a file to import (`import_articles --enqueue`) as an IngestItem and queue it.

    One item per absolute path. A new item is queued; an item that is done (imported, failed,
    skipped) is queued again, attempts starting over: asking again means "import it again",
    which import_article makes a no-op for articles already stored unchanged. An item still
    queued is left as it is, so a file enqueued twice before a worker reaches it is read once.
    Returns (item, queued now).
    """
    path = Path(path).resolve()
    key = file_key(path)
    with transaction.atomic():
        item, created = IngestItem.objects.get_or_create(
            url_key=key, defaults={"url": path.as_uri()[:2000]}
        )
        if not created:
            done = [IngestStatus.IMPORTED, IngestStatus.FAILED, IngestStatus.SKIPPED]
            created = bool(
                IngestItem.objects.filter(pk=item.pk, status__in=done).update(
                    status=IngestStatus.QUEUED,
                    attempts=0,
                    error="",
                    article=None,
                    updated=timezone.now(),
                )
            )
        if created:
            enqueue(item.pk)
    return item, created


def import_file_item(
    *,
    item_id: int,
    outlet: str = "",
    published: dt.date | None = None,
    update: bool = False,
    extract: bool = True,
    session: ImportSession | None = None,
) -> IngestItem:
    """Import a queued file item through the same readers and `import_article` as the command.

    Ends `imported` (every article stored or already there; `error` then says what happened
    to its articles, e.g. "2 articles: 1 created, 1 unchanged", and any that failed) or `failed`
    (the file cannot be read, or none of its articles could be stored), with the reason. Each
    article is its own transaction, so a retry after a crash finds the stored ones unchanged.
    An item that is not queued is left alone: running this twice is harmless.
    """
    item = IngestItem.objects.get(pk=item_id)
    if item.status != IngestStatus.QUEUED:
        return item
    item.attempts += 1
    item.save(update_fields=["attempts", "updated"])
    path = Path(url2pathname(urlsplit(item.url).path))
    try:
        records = read_file(path, max_bytes=settings.CLAIMDESK_IMPORT_MAX_BYTES)
    except ImportFileError as exc:
        return _finish(item, IngestStatus.FAILED, exc.reason)
    tally: dict[str, int] = {}
    articles, problems = [], []
    for record in records:
        try:
            result = import_article(
                record=record_with_defaults(record, outlet=outlet, published=published),
                update=update,
                extract=extract,
                session=session,
            )
        except (ValueError, ValidationError) as exc:  # e.g. no text left after cleaning
            problems.append(f"{record.headline[:60]!r}: {exc}")
            continue
        tally[result.status] = tally.get(result.status, 0) + 1
        articles.append(result.article)
        if result.note:
            problems.append(result.note)
    counts = ", ".join(f"{n} {status}" for status, n in tally.items())
    summary = f"{len(records)} article{'s' if len(records) != 1 else ''}: {counts or 'none stored'}"
    if len(records) - len(articles):
        summary += f", {len(records) - len(articles)} failed"
    item.status = IngestStatus.IMPORTED if articles else IngestStatus.FAILED
    item.article = articles[0] if len(articles) == 1 else None
    item.error = "; ".join([summary, *problems])
    item.save(update_fields=["status", "article", "error", "updated"])
    return item


def _record_poll(source: Source, *, now: dt.datetime, error: str) -> None:
    source.last_polled_at = now
    source.last_error = error
    source.save(update_fields=["etag", "last_modified", "last_polled_at", "last_error"])


def retry_item(*, item: IngestItem, enqueue: Callable[[int], None]) -> bool:
    """Queue a failed item again (attempts start over). False when it is not failed."""
    with transaction.atomic():
        updated = IngestItem.objects.filter(pk=item.pk, status=IngestStatus.FAILED).update(
            status=IngestStatus.QUEUED, attempts=0, error="", updated=timezone.now()
        )
        if updated:
            enqueue(item.pk)
    return bool(updated)


def fetch_item(
    *,
    item_id: int,
    client: Client | None = None,
    robots: RobotsRules | None = None,
    session: ImportSession | None = None,
    max_wait: float | None = MAX_SLOT_WAIT,
) -> IngestItem:
    """Fetch one queued item's page, extract it and import it through `import_article`.

    Ends `imported`, `skipped` (robots.txt), or `failed` with the reason (the HTTP status, a
    timeout, no article text). A transient failure before the last attempt leaves the item
    queued with its reason and raises RetryLater with an exponential backoff; so does a host
    whose next polite slot is more than `max_wait` seconds away (None: wait in place).
    An item already imported, skipped or failed is left alone: running this twice is harmless.
    """
    client = client or default_client()
    robots = robots or default_robots()
    item = IngestItem.objects.select_related("source__outlet").get(pk=item_id)
    if item.status not in (IngestStatus.QUEUED, IngestStatus.FETCHED):
        return item
    try:
        if not robots.allowed(item.url):
            return _finish(item, IngestStatus.SKIPPED, "robots.txt disallows fetching it")
        _wait_for_host(item.url, robots=robots, max_wait=max_wait)
        item.attempts += 1
        item.save(update_fields=["attempts", "updated"])
        resp = client.get(item.url, accept=PAGE_ACCEPT)
    except FetchError as exc:
        return _fetch_failed(item, exc)
    item.status = IngestStatus.FETCHED
    item.http_status = resp.status
    item.fetched_at = timezone.now()
    item.error = ""
    item.save(update_fields=["status", "http_status", "fetched_at", "error", "updated"])
    try:
        record = record_from_html(resp.body, origin=item.url, url=item.url)
    except ImportFileError as exc:
        return _finish(item, IngestStatus.FAILED, exc.reason)
    if item.source_id and item.source.outlet_id:
        record = replace(record, outlet=item.source.outlet.name)
    try:
        with transaction.atomic():
            result = import_article(record=record, session=session)
            item.status = IngestStatus.IMPORTED
            item.article = result.article
            item.error = result.note
            item.save(update_fields=["status", "article", "error", "updated"])
    except ValueError as exc:  # no text left after cleaning
        return _finish(item, IngestStatus.FAILED, str(exc))
    return item


def _finish(item: IngestItem, status: str, reason: str) -> IngestItem:
    item.status = status
    item.error = reason
    item.save(update_fields=["status", "error", "http_status", "updated"])
    return item


def _fetch_failed(item: IngestItem, exc: FetchError) -> IngestItem:
    item.http_status = exc.status
    if exc.transient and item.attempts < settings.CLAIMDESK_INGEST_MAX_ATTEMPTS:
        item.error = f"{exc.reason} (attempt {item.attempts}, will retry)"
        item.save(update_fields=["error", "http_status", "updated"])
        delay = settings.CLAIMDESK_INGEST_RETRY_SECONDS * 2 ** max(0, item.attempts - 1)
        raise RetryLater(exc.reason, delay=delay)
    if exc.transient:
        reason = f"{exc.reason} (gave up after {item.attempts} attempts)"
    else:
        reason = exc.reason
    return _finish(item, IngestStatus.FAILED, reason)


def _wait_for_host(url: str, *, robots: RobotsRules, max_wait: float | None) -> None:
    """Take this host's next polite slot (shared by every worker through the database) and
    wait for it; raise RetryLater instead when it is more than `max_wait` seconds away."""
    host = (urlsplit(url).netloc or "").lower()[:255]
    delay = max(settings.CLAIMDESK_INGEST_HOST_DELAY_MS / 1000, robots.crawl_delay(url))
    if not host or delay <= 0:
        return
    with transaction.atomic():
        slot, _ = IngestHost.objects.select_for_update().get_or_create(host=host)
        now = timezone.now()
        start = max(now, slot.next_fetch_at)
        wait = (start - now).total_seconds()
        if max_wait is not None and wait > max_wait:
            raise RetryLater(f"{host} is busy (one request every {delay:g} s)", delay=wait)
        slot.next_fetch_at = start + dt.timedelta(seconds=delay)
        slot.save(update_fields=["next_fetch_at"])
    if wait > 0:
        time.sleep(wait)


def lower_ingest_priority() -> int:
    """Lower this process's CPU priority by CLAIMDESK_INGEST_NICENESS, once (readers first: an
    import or an ingest worker takes what the web server leaves); the niceness it runs at.
    Called by `import_articles` and `ingest_worker` as they start; a process's priority cannot
    be raised again without privileges, so the web server never calls it. The pool workers an
    import starts inherit it (claims/importers/parallel.py lowers theirs further)."""
    global _priority_lowered
    if settings.CLAIMDESK_INGEST_NICENESS and not _priority_lowered:
        _priority_lowered = True
        return os.nice(settings.CLAIMDESK_INGEST_NICENESS)
    return os.nice(0)


_priority_lowered = False
