"""The database going away: a clean error page, then the next request works.

Runs a real gunicorn against the PostgreSQL test database and kills its database session from
outside, as a failover or a server restart would. (Django's test client keeps connections open
across requests on purpose, so it cannot show connection recovery.)
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import make_published_claim

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def gunicorn(on_postgresql):
    """Start gunicorn (one sync worker) on the test database; yields a get(path) function."""
    servers = []

    def start(**env):
        port = free_port()
        db = connection.settings_dict
        full_env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "ALLOWED_HOSTS": "127.0.0.1",
            **env,
        }
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "newsroom.wsgi",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=full_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        servers.append(proc)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)

        def get(path):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                    return r.status, r.read().decode()
            except urllib.error.HTTPError as err:
                return err.code, err.read().decode()

        return get

    yield start
    for proc in servers:
        proc.terminate()
        proc.wait(timeout=10)


def terminate_other_sessions():
    """Kill every other session on the test database (the server's), keeping our own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_database_dropped_mid_request_gives_a_clean_error_page_then_the_next_request_works(
    gunicorn,
):
    claim = make_published_claim(content="Zero evidence of readiness for talks")
    # Without the start-of-request health check, the dead connection is first noticed by the
    # view's own query: exactly what happens when the server goes away during a request.
    get = gunicorn(CONN_HEALTH_CHECKS="0")
    assert get(claim.get_absolute_url())[0] == 200

    assert terminate_other_sessions() >= 1
    failed_status, failed_body = get(claim.get_absolute_url())
    recovered_status, recovered_body = get(claim.get_absolute_url())

    assert failed_status == 500
    assert "Traceback" not in failed_body
    assert "OperationalError" not in failed_body
    assert recovered_status == 200
    assert "Zero evidence" in recovered_body


def test_database_dropped_between_requests_is_reconnected_without_an_error(gunicorn):
    claim = make_published_claim(content="A claim that survives a restart")
    get = gunicorn()
    assert get(claim.get_absolute_url())[0] == 200

    assert terminate_other_sessions() >= 1
    status, body = get(claim.get_absolute_url())

    assert status == 200
    assert "survives a restart" in body
