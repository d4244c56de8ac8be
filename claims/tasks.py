"""Ingest tasks on procrastinate's queue (PostgreSQL), run by `manage.py ingest_worker`.

Thin adapters over claims.services.ingest and claims.services.imports. procrastinate's Django
app finds this module by its name (`tasks`). Every task is safe to run twice: a worker killed
mid-task has its job run again by `retry_stalled_jobs`, and the services make the second run a
no-op where the first committed.

On SQLite (or with CLAIMDESK_INGEST_IN_PROCESS=1) there is no queue: `defer` runs the task at
once in the calling process, after the current transaction commits, and a transient failure is
recorded on the item without an automatic retry (the admin's "retry" action queues it again).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import random
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction
from procrastinate import BaseRetryStrategy, RetryDecision
from procrastinate.contrib.django import app
from procrastinate.contrib.django.django_connector import DjangoConnector
from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.manager import JobManager
from procrastinate.tasks import configure_task

from claims.models import Source
from claims.services import ingest
from claims.services.imports import ImportSession

logger = logging.getLogger(__name__)

QUEUE = "ingest"


class RetryWhenAsked(BaseRetryStrategy):
    """Retry exactly when the service raises RetryLater, after the delay it asks for (plus up
    to 10% jitter, so jobs throttled together do not all come back at the same moment).

    The number of attempts is the service's business (IngestItem.attempts counts real
    fetches; waiting for a busy host is not an attempt), so procrastinate's own count is not
    consulted; everything else is a bug or a permanent failure and is not retried.
    """

    def get_retry_decision(self, *, exception, job):
        if not isinstance(exception, ingest.RetryLater):
            return None
        delay = exception.delay * (1 + random.random() / 10)
        return RetryDecision(retry_in={"seconds": max(1, round(delay))})


def in_process() -> bool:
    return settings.CLAIMDESK_INGEST_IN_PROCESS


def defer(task, *, queueing_lock: str | None = None, lock: str | None = None, **kwargs) -> None:
    """Queue `task(**kwargs)`; on PostgreSQL in the current transaction (so a rollback
    unqueues it). In-process mode runs it once the current transaction commits."""
    if in_process():
        transaction.on_commit(lambda: _run_now(task, kwargs))
        return
    deferrer = configure_task(
        name=task.name,
        job_manager=_in_transaction(),
        queue=task.queue,
        lock=lock,
        queueing_lock=queueing_lock,
    )
    # AlreadyEnqueued: the same work is already waiting in the queue. It is a unique violation
    # underneath, so it gets a savepoint of its own: the caller's transaction goes on.
    with contextlib.suppress(AlreadyEnqueued), transaction.atomic():
        deferrer.defer(**kwargs)


@functools.cache
def _in_transaction() -> JobManager:
    """Defers through Django's own connection, inside the caller's transaction.

    Inside a worker the app's connector is the worker's own pool, which commits each job at
    once: a fetch could then start before the poll that found its item had committed.
    """
    return JobManager(connector=DjangoConnector())


def _run_now(task, kwargs) -> None:
    try:
        task(**kwargs)
    except ingest.RetryLater as exc:
        logger.warning("%s(%s): %s; not retried in-process", task.name, kwargs, exc)


SESSION_SECONDS = 60.0
_sessions = threading.local()


def _session() -> ImportSession | None:
    """One ImportSession per worker thread, renewed every minute (None in-process: fresh).

    The speaker index then loads once a minute (two queries over every speaker and alias)
    rather than for every article. What other workers and editors write meanwhile counts from
    the next renewal; a race for the same speaker is settled by the unique alias index, as
    between two import_articles runs.
    """
    if in_process():
        return None
    now = time.monotonic()
    if getattr(_sessions, "value", None) is None or now - _sessions.born > SESSION_SECONDS:
        _sessions.value, _sessions.born = ImportSession(), now
    return _sessions.value


def enqueue_fetch(item_id: int) -> None:
    # The lock: one fetch of an item at a time anywhere (a second job waits, then finds it done).
    key = f"fetch-item:{item_id}"
    defer(fetch_item, queueing_lock=key, lock=key, item_id=item_id)


@app.task(
    name="claims.fetch_item",
    queue=QUEUE,
    retry=RetryWhenAsked(),
)
def fetch_item(item_id: int) -> str:
    try:
        item = ingest.fetch_item(
            item_id=item_id,
            session=_session(),
            max_wait=None if in_process() else ingest.MAX_SLOT_WAIT,
        )
    except ingest.RetryLater:
        raise
    except Exception:
        _sessions.value = None  # whatever went wrong, the next article starts afresh
        raise
    return f"{item.status}: {item.error}" if item.error else item.status


@app.task(name="claims.poll_source", queue=QUEUE)
def poll_source(source_id: int) -> str:
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return "no such source"
    result = ingest.poll_source(source=source, enqueue=enqueue_fetch)
    return f"{result.status}: {result.found} listed, {result.new} new {result.error}".strip()


def enqueue_poll(source_id: int) -> None:
    defer(poll_source, queueing_lock=f"poll-source:{source_id}", source_id=source_id)


@app.periodic(cron="* * * * *", periodic_id="poll-due-sources")
@app.task(name="claims.poll_due_sources", queue=QUEUE, queueing_lock="poll-due-sources")
def poll_due_sources(timestamp: int) -> str:
    """Every minute, inside the workers (no cron): queue a poll of every source that is due."""
    due = ingest.due_sources()
    for source in due:
        enqueue_poll(source.pk)
    return f"{len(due)} source(s) due"


# Six columns: the sixth is seconds (every 10 s).
@app.periodic(cron="* * * * * */10", periodic_id="retry-stalled-jobs")
@app.task(name="claims.retry_stalled_jobs", queueing_lock="retry-stalled-jobs", pass_context=True)
async def retry_stalled_jobs(context, timestamp: int) -> str:
    """Every 10 s: jobs whose worker stopped sending heartbeats (killed, machine lost) run again.

    The documented recipe (procrastinate: "Retry stalled jobs"). Safe because every task here is
    idempotent; CLAIMDESK_INGEST_STALLED_SECONDS says how long a silent worker is given.
    """
    stalled = await context.app.job_manager.get_stalled_jobs(
        seconds_since_heartbeat=settings.CLAIMDESK_INGEST_STALLED_SECONDS
    )
    count = 0
    for job in stalled:
        await context.app.job_manager.retry_job(job)
        count += 1
    return f"{count} stalled job(s) retried"


def enqueue_file(
    item_id: int, *, outlet: str, published: str | None, update: bool, extract: bool
) -> None:
    # As for fetches: one job per item in the queue, and one run of it at a time anywhere.
    key = f"import-file-item:{item_id}"
    defer(
        import_file,
        queueing_lock=key,
        lock=key,
        item_id=item_id,
        outlet=outlet,
        published=published,
        update=update,
        extract=extract,
    )


@app.task(name="claims.import_file", queue=QUEUE)
def import_file(
    item_id: int | None = None,
    outlet: str = "",
    published: str | None = None,
    update: bool = False,
    extract: bool = True,
    path: str | None = None,
) -> str:
    """`import_articles --enqueue`: one file's IngestItem through the same readers and service.

    `path` without `item_id`: a job queued before files had items; an item is made for it.
    """
    import datetime as dt

    if item_id is None:
        item, _ = ingest.add_file(path=Path(path), enqueue=lambda pk: None)
        item_id = item.pk
    try:
        item = ingest.import_file_item(
            item_id=item_id,
            outlet=outlet,
            published=dt.date.fromisoformat(published) if published else None,
            update=update,
            extract=extract,
            session=_session(),
        )
    except Exception:
        _sessions.value = None  # whatever went wrong, the next article starts afresh
        raise
    return f"{item.status}: {item.error}" if item.error else item.status
