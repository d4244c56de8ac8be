"""Imports under faults: killed midway (SIGKILL), and two imports of the same files at once.

These run import_articles in real subprocesses against the test database, so they need a
database another process can see: PostgreSQL (pytest-django's SQLite test database lives in
memory, invisible to a subprocess). CI runs the suite on PostgreSQL too (.ci/run).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count

from claims.extraction import extract_claims
from claims.models import Article, Claim, Speaker, SpeakerAlias

ROOT = Path(__file__).parent.parent.parent
NAMES = [
    "Hanna Maliar",
    "Dmytro Kuleba",
    "Antony Blinken",
    "Olaf Scholz",
    "Emmanuel Macron",
    "Rishi Sunak",
    "Jens Stoltenberg",
    "Olena Zelenska",
]


@pytest.fixture
def subprocess_database(on_postgresql):
    """Environment for a manage.py subprocess that uses this test's database."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"postgres://{db['USER'] or 'root'}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        "PYTHONPATH": str(ROOT),
    }
    return env


def write_articles(directory: Path, count: int) -> None:
    for i in range(count):
        lines = [f"Story number {i}"]
        for k in range(4):
            name = NAMES[(i + k) % len(NAMES)]
            lines.append(f"{name} said on day {i} that the plan number {k} was ready.")
        (directory / f"story-{i:04d}.txt").write_text("\n\n".join(lines) + "\n")


def import_process(directory, env):
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_articles", str(directory), "-v", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def assert_every_article_complete():
    for article in Article.objects.all():
        expected = len(extract_claims(article.body))
        assert expected > 0
        assert article.claims.count() == expected, article.headline


def assert_no_duplicates():
    assert not Speaker.objects.values("name").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert not Article.objects.values("headline").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert (
        not Claim.objects.values("article", "start", "end")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .exists()
    )


def wait_for(predicate, *, timeout=60.0):
    """Poll until predicate() is true; a bounded wait, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.django_db(transaction=True)
def test_import_killed_midway_leaves_no_partial_article_and_a_rerun_completes(
    tmp_path, subprocess_database
):
    count = 400
    write_articles(tmp_path, count)
    proc = import_process(tmp_path, subprocess_database)
    try:
        started = wait_for(lambda: Article.objects.count() >= 20)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert started, proc.stderr.read().decode()
    assert proc.returncode == -signal.SIGKILL

    imported = Article.objects.count()
    assert 20 <= imported < count  # it really was killed midway
    assert_every_article_complete()

    rerun = import_process(tmp_path, subprocess_database)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert Article.objects.count() == count
    assert_every_article_complete()
    assert_no_duplicates()


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_files_at_once_produce_no_duplicates(tmp_path, subprocess_database):
    count = 120
    write_articles(tmp_path, count)

    first = import_process(tmp_path, subprocess_database)
    second = import_process(tmp_path, subprocess_database)
    results = [p.communicate(timeout=300) for p in (first, second)]

    for proc, (_, err) in zip((first, second), results, strict=True):
        assert proc.returncode == 0, err.decode()
    assert Article.objects.count() == count
    assert_every_article_complete()
    assert_no_duplicates()
    assert Speaker.objects.count() == len(NAMES)
    assert SpeakerAlias.objects.filter(normalised="hanna maliar").count() == 1
