"""Settings are read from the environment; junk fails loudly, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**env):
    """Import newsroom.settings in a fresh interpreter with exactly these variables set."""
    clean = {k: v for k, v in os.environ.items() if k not in _VARS}
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import newsroom.settings as s; print(s.DATABASES['default']['ENGINE'], s.DEBUG, s.CLAIMDESK_SHOW_UNREVIEWED)",
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


_VARS = {
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "CLAIMDESK_SHOW_UNREVIEWED",
    "TIME_ZONE",
    "CSRF_TRUSTED_ORIGINS",
    "CONN_MAX_AGE",
    "ALLOWED_HOSTS",
    "CACHE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # the browser tests' conftest sets it for this process only
}


def test_settings_default_to_sqlite_with_debug_off_when_a_secret_key_is_given():
    result = load_settings(SECRET_KEY="s" * 50)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "False", "True"]


def test_settings_without_secret_key_and_debug_off_refuse_to_start():
    result = load_settings()

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_settings_postgres_url_selects_postgresql():
    result = load_settings(DEBUG="1", DATABASE_URL="postgres://root@127.0.0.1:5432/x")

    assert result.stdout.split()[0] == "django.db.backends.postgresql", result.stderr


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DEBUG": "1", "CLAIMDESK_SHOW_UNREVIEWED": "perhaps"}, "CLAIMDESK_SHOW_UNREVIEWED"),
        ({"DEBUG": "1", "DATABASE_URL": "nosuchdb://x"}, "DATABASE_URL"),
        ({"DEBUG": "1", "TIME_ZONE": "Mars/Olympus"}, "TIME_ZONE"),
        ({"DEBUG": "1", "CONN_MAX_AGE": "ten"}, "CONN_MAX_AGE"),
        ({"DEBUG": "1", "CSRF_TRUSTED_ORIGINS": "example.org"}, "CSRF_TRUSTED_ORIGINS"),
        ({"DEBUG": "1", "CACHE_URL": "memcached://127.0.0.1"}, "CACHE_URL"),
    ],
)
def test_settings_junk_value_raises_improperly_configured_naming_the_variable(env, named):
    result = load_settings(**env)

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured")
    assert named in last_line


def test_settings_show_unreviewed_can_be_turned_off():
    result = load_settings(DEBUG="1", CLAIMDESK_SHOW_UNREVIEWED="0")

    assert result.stdout.split()[2] == "False", result.stderr


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.cache.backends.locmem.LocMemCache"),
        ("redis://127.0.0.1:6379/1", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_settings_cache_url_selects_the_page_cache_backend(url, backend):
    result = subprocess.run(
        [sys.executable, "-c", "import newsroom.settings as s; print(s.CACHES['default'])"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in _VARS},
            "DEBUG": "1",
            "CACHE_URL": url,
        },
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert f"'BACKEND': '{backend}'" in result.stdout
