"""Continuous ingest with real worker processes on PostgreSQL, against a local test site.

`manage.py ingest_worker` processes poll a feed served on 127.0.0.1 (the periodic poll inside
the workers, no cron), fetch and import its articles; one is killed with SIGKILL mid-fetch and
two more run at once. Every live item must end imported exactly once, dead links failed with
their HTTP status, and a second poll must be conditional and import nothing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from claims.enums import IngestStatus
from claims.extraction import extract_claims
from claims.models import Article, IngestItem, Source
from tests.ingest_site import Site

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
POLL_EVERY = 0.5  # seconds between looks at the database while waiting on the workers
PATIENCE = 240  # looks before giving up (about two minutes)


@pytest.fixture
def site():
    site = Site().start()
    yield site
    site.stop()


@pytest.fixture
def workers(on_postgresql, transactional_db, tmp_path, settings):
    """Start `manage.py ingest_worker` processes on the test database; all stopped at the end."""
    settings.CLAIMDESK_INGEST_ALLOW_PRIVATE = True  # this process polls the 127.0.0.1 site too
    started: list[subprocess.Popen] = []
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "1",
        "SECRET_KEY": "tests-only",
        "DATABASE_URL": _database_url(),
        "CLAIMDESK_INGEST_HOST_DELAY_MS": "0",
        "CLAIMDESK_INGEST_ALLOW_PRIVATE": "1",  # the test site is on 127.0.0.1
        "CLAIMDESK_INGEST_RETRY_SECONDS": "1",
        "CLAIMDESK_INGEST_MAX_ATTEMPTS": "2",
        "CLAIMDESK_INGEST_STALLED_SECONDS": "6",  # heartbeats every 2 s: a busy CI is not stalled
        "CLAIMDESK_INGEST_TIMEOUT": "10",
    }

    def start(*args: str) -> subprocess.Popen:
        log = (tmp_path / f"worker-{len(started)}.log").open("w")
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "ingest_worker", "-v", "2", *args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in started:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    _drop_queue_rows()
    for log in sorted(tmp_path.glob("worker-*.log")):
        print(f"--- {log.name}\n{log.read_text()[-4000:]}")  # shown when a test fails


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER'] or 'root'}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _drop_queue_rows() -> None:
    # procrastinate's tables are not Django-managed: the test database's flush leaves them.
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE procrastinate_events, procrastinate_periodic_defers, procrastinate_jobs, "
            "procrastinate_workers CASCADE"
        )


def _wait_for(condition, what: str) -> None:
    for _ in range(PATIENCE):
        if condition():
            return
        time.sleep(POLL_EVERY)
    raise AssertionError(f"gave up waiting for {what}")


def _jobs(status: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE status = %s AND task_name <> "
            "'claims.retry_stalled_jobs' AND task_name <> 'claims.poll_due_sources'",
            [status],
        )
        return cursor.fetchone()[0]


def _settled(expected_items: int):
    def check():
        items = IngestItem.objects.count()
        busy = IngestItem.objects.filter(
            status__in=[IngestStatus.QUEUED, IngestStatus.FETCHED]
        ).count()
        return items == expected_items and busy == 0 and _jobs("todo") + _jobs("doing") == 0

    return check


def test_workers_import_every_live_item_exactly_once(site, workers):
    live = [site.add_article(f"story-{n}", n) for n in range(8)]
    # A slow page: the first worker is killed while it waits for it.
    slow = site.add_article("slow", 99, delay=4.0)
    dead = [site.url("/articles/gone.html"), site.url("/articles/also-gone.html")]
    site.add("/articles/broken.html", "down for good", status=500)
    broken = site.url("/articles/broken.html")
    feed = site.set_feed([slow, *live, *dead, broken])
    source = Source.objects.create(name="Test Gazette", url=feed, poll_interval=60)

    # One worker finds the source due (the periodic poll inside it) and starts fetching.
    first = workers("--concurrency", "2")
    _wait_for(lambda: site.hits("/articles/slow.html"), "the first worker to fetch the slow page")
    first.send_signal(signal.SIGKILL)
    first.wait()
    # Two workers at once finish the job, the killed worker's stalled fetch included.
    workers("--concurrency", "2")
    workers("--concurrency", "2")
    _wait_for(_settled(len(live) + 1 + len(dead) + 1), "every item to settle")

    items = {item.url: item for item in IngestItem.objects.select_related("article")}
    for url in [*live, slow]:
        item = items[url]
        assert item.status == IngestStatus.IMPORTED, (url, item.status, item.error)
        found = extract_claims(item.article.body)
        assert item.article.claims.count() == len(found) > 0
    assert Article.objects.count() == len(live) + 1
    assert sorted(Article.objects.values_list("url", flat=True)) == sorted([*live, slow])
    for url in dead:
        assert (items[url].status, items[url].error, items[url].http_status) == (
            IngestStatus.FAILED,
            "HTTP 404 Not Found",
            404,
        )
    assert items[broken].status == IngestStatus.FAILED
    assert items[broken].error == "HTTP 500 Internal Server Error (gave up after 2 attempts)"
    assert len(site.hits("/articles/broken.html")) == 2
    # The slow page was fetched again after the kill, and by one worker only.
    assert len(site.hits("/articles/slow.html")) == 2
    assert _jobs("failed") == 0

    # A second poll is a conditional request and imports nothing.
    source.refresh_from_db()
    call_command("poll_sources", "--now", "--source", str(source.pk), verbosity=0)
    assert site.hits("/feed.xml")[-1]["if-none-match"] == source.etag
    source.refresh_from_db()
    assert source.last_error == ""
    assert _jobs("todo") == 0
    assert IngestItem.objects.count() == len(live) + 1 + len(dead) + 1
    assert Article.objects.count() == len(live) + 1


def test_worker_burst_runs_enqueued_files_and_exits(tmp_path, workers):
    for n in range(3):
        (tmp_path / f"story-{n}.txt").write_text(
            f"Bridge {n} opens\n\n"
            f'"We will open bridge {n} before the winter," said Mayor Jane Okafor on Tuesday.\n'
        )
    (tmp_path / "empty.txt").write_text("")
    call_command("import_articles", "--enqueue", str(tmp_path), verbosity=0)
    # Asked twice before any worker ran: one item and one job per file all the same.
    call_command("import_articles", "--enqueue", str(tmp_path), verbosity=0)
    assert _jobs("todo") == 4
    assert IngestItem.objects.filter(status=IngestStatus.QUEUED).count() == 4
    assert Article.objects.count() == 0

    # Two workers at once: each file is read by one of them.
    both = [workers("--burst"), workers("--burst")]
    assert [worker.wait(timeout=120) for worker in both] == [0, 0]

    assert Article.objects.count() == 3
    assert _jobs("todo") + _jobs("doing") + _jobs("failed") == 0
    items = {
        item.url.rsplit("/", 1)[1]: (item.status, item.error, item.attempts, item.article)
        for item in IngestItem.objects.all()
    }
    assert items == {
        **{
            f"story-{n}.txt": (
                IngestStatus.IMPORTED,
                "1 article: 1 created",
                1,
                Article.objects.get(headline=f"Bridge {n} opens"),
            )
            for n in range(3)
        },
        "empty.txt": (IngestStatus.FAILED, "file is empty", 1, None),
    }

    # Enqueued again once done: read again, nothing new.
    call_command("import_articles", "--enqueue", str(tmp_path / "story-0.txt"), verbosity=0)
    assert workers("--burst").wait(timeout=120) == 0
    item = IngestItem.objects.get(url=(tmp_path / "story-0.txt").resolve().as_uri())
    assert (item.status, item.error, item.attempts) == (
        IngestStatus.IMPORTED,
        "1 article: 1 unchanged",
        1,
    )
    assert Article.objects.count() == 3


def _niceness(pid: int) -> int:
    """A process's nice value as the kernel reports it (/proc/PID/stat, field 19)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])


def test_worker_runs_below_the_web_servers_priority(workers):
    """Readers first: a worker lowers its own priority by CLAIMDESK_INGEST_NICENESS (10 by
    default, the workers' settings here) as it starts, so public pages served from the same
    machine keep the CPU they need during an import."""
    worker = workers()
    expected = min(19, os.nice(0) + 10)

    _wait_for(lambda: _niceness(worker.pid) == expected, f"the worker at niceness {expected}")

    assert worker.poll() is None
