"""Settings are read from the environment; junk fails loudly, naming the variable.

The settings module is run in-process (`runpy`) with exactly the variables a test sets, which
is what a fresh interpreter would do and costs milliseconds; one test starts `manage.py` for
real. The README's configuration table is walked: every variable in it is read by settings,
every variable settings reads is in it, and a junk value of each stops start-up.
"""

import ast
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "newsroom" / "settings.py"
_READERS = {"os.environ.get", "os.getenv", "env_bool", "env_int", "env_list", "env_text"}


def variables_settings_reads() -> set[str]:
    """Every environment variable named in a read call in newsroom/settings.py."""
    names = set()
    for node in ast.walk(ast.parse(SETTINGS.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            first = node.args[0]
            if ast.unparse(node.func) in _READERS and isinstance(first, ast.Constant):
                names.add(first.value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            names.add(ast.literal_eval(node.slice))
    return {n for n in names if isinstance(n, str) and re.fullmatch(r"[A-Z][A-Z0-9_]+", n)}


def variables_in_readme_table() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])
    return names


@pytest.fixture
def load_settings(monkeypatch):
    """Run newsroom/settings.py with exactly these variables set; return its namespace."""

    def _load(**env):
        for name in variables_settings_reads():
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(SETTINGS))

    return _load


SECRET = "s" * 50
# A junk value of each variable in the README's table, with what else it needs set (DEBUG off
# and a SECRET_KEY, unless given). Free text that can hold anything is in ANY_VALUE instead.
JUNK = {
    "DATABASE_URL": "nosuchdb://x",
    "SECRET_KEY": "",
    "DEBUG": "maybe",
    "ALLOWED_HOSTS": ",,,",
    "CSRF_TRUSTED_ORIGINS": "example.org",
    "TIME_ZONE": "Mars/Olympus",
    "CONN_MAX_AGE": "ten",
    "CONN_HEALTH_CHECKS": "sometimes",
    "DATABASE_PREPARED_STATEMENTS": "prepared",
    "CLAIMDESK_PAGE_CACHE_SECONDS": "-1",
    "CACHE_URL": "memcached://127.0.0.1",
    "CLAIMDESK_SHOW_UNREVIEWED": "perhaps",
    "CLAIMDESK_CREDIT_REVIEWERS": "perhaps",
    "CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR": "twice",
    "CLAIMDESK_ARTICLE_TEXT": "everything",
    "CLAIMDESK_PUBLISHER_NAME": "  ",
    "CLAIMDESK_PUBLISHER_URL": "example.org",
    "CLAIMDESK_ADMIN_PATH": "",
    "CLAIMDESK_IMPORT_MAX_BYTES": "0",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "SECURE_SSL_REDIRECT": "2",
    "SECURE_HSTS_SECONDS": "one year",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "y",
    "SECURE_HSTS_PRELOAD": "n",
    "SESSION_COOKIE_SECURE": "secure",
    "CSRF_COOKIE_SECURE": "-",
    "STATIC_ROOT": "staticfiles",
    "MAIL_BACKEND": "console",
    "SMTP_HOST": "mail host",
    "SMTP_PORT": "smtp",
    "SMTP_USER": "user\nBcc: everyone@example.org",
    "SMTP_USE_TLS": "starttls",
    "DEFAULT_FROM_EMAIL": "claimdesk",
    "LOG_LEVEL": "loud",
    "AXES_FAILURE_LIMIT": "0",
    "AXES_COOLOFF_MINUTES": "a while",
    "AXES_ADDRESS_FAILURE_LIMIT": "thirty",
    "AXES_IPWARE_PROXY_COUNT": "-1",
    "AXES_ENABLED": "disabled",
    "CLAIMDESK_INGEST_IN_PROCESS": "0",  # on SQLite: the queue needs PostgreSQL
    "CLAIMDESK_INGEST_USER_AGENT": "Bot\r\nX-Evil: 1",
    "CLAIMDESK_INGEST_TIMEOUT": "0",
    "CLAIMDESK_INGEST_MAX_BYTES": "5 MB",
    "CLAIMDESK_INGEST_ALLOW_PRIVATE": "maybe",
    "CLAIMDESK_INGEST_HOST_DELAY_MS": "-1",
    "CLAIMDESK_INGEST_MAX_ATTEMPTS": "0",
    "CLAIMDESK_INGEST_RETRY_SECONDS": "soon",
    "CLAIMDESK_INGEST_STALLED_SECONDS": "1",
    "CLAIMDESK_INGEST_NICENESS": "20",
}
# A password may hold anything.
ANY_VALUE = {
    "SMTP_PASSWORD": ("p@ss word\twith $ymbols", ("MAILERS", "default", "OPTIONS", "password"))
}


def test_readme_configuration_table_lists_exactly_the_variables_settings_reads():
    in_table = variables_in_readme_table()

    assert len(in_table) == len(set(in_table)), "a variable is listed twice"
    assert set(in_table) == variables_settings_reads()


def test_every_variable_in_the_table_has_a_junk_value_here():
    assert set(variables_in_readme_table()) == set(JUNK) | set(ANY_VALUE)


@pytest.mark.parametrize("name", sorted(JUNK))
def test_settings_junk_value_raises_improperly_configured_naming_the_variable(load_settings, name):
    env = {"SECRET_KEY": SECRET, name: JUNK[name]}

    with pytest.raises(ImproperlyConfigured, match=name):
        load_settings(**env)


@pytest.mark.parametrize("name", sorted(ANY_VALUE))
def test_settings_free_text_variable_takes_any_value(load_settings, name):
    value, path = ANY_VALUE[name]

    read = load_settings(SECRET_KEY=SECRET, **{name: value})
    for key in path:
        read = read[key]

    assert read == value


def test_settings_default_to_sqlite_with_debug_off_when_a_secret_key_is_given(load_settings):
    settings = load_settings(SECRET_KEY=SECRET)

    assert settings["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["DEBUG"] is False
    assert settings["CLAIMDESK_SHOW_UNREVIEWED"] is False
    assert settings["ALLOWED_HOSTS"] == []
    assert settings["CLAIMDESK_ADMIN_PATH"] == "admin/"
    assert settings["LOGGING"]["root"]["level"] == "INFO"


def test_settings_without_secret_key_and_debug_off_refuse_to_start(load_settings):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        load_settings()


def test_settings_postgres_url_selects_postgresql(load_settings):
    settings = load_settings(DEBUG="1", DATABASE_URL="postgres://root@127.0.0.1:5432/x")

    assert settings["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize(
    ("env", "threshold"), [({}, 5), ({"DATABASE_PREPARED_STATEMENTS": "0"}, None)]
)
def test_settings_postgresql_prepares_statements_unless_turned_off(load_settings, env, threshold):
    url = "postgres://root@127.0.0.1:5432/x"
    settings = load_settings(DEBUG="1", DATABASE_URL=url, **env)

    assert settings["DATABASES"]["default"].get("OPTIONS", {}).get("prepare_threshold") == threshold


def test_settings_show_unreviewed_can_be_turned_on(load_settings):
    assert load_settings(DEBUG="1", CLAIMDESK_SHOW_UNREVIEWED="1")["CLAIMDESK_SHOW_UNREVIEWED"] is (
        True
    )


@pytest.mark.parametrize(
    ("env", "name", "value"),
    [
        (
            {"ALLOWED_HOSTS": " a.example , b.example ,"},
            "ALLOWED_HOSTS",
            ["a.example", "b.example"],
        ),
        ({"CLAIMDESK_ADMIN_PATH": "/desk-7f3a"}, "CLAIMDESK_ADMIN_PATH", "desk-7f3a/"),
        ({"LOG_LEVEL": "warning"}, "LOG_LEVEL", "WARNING"),
        (
            {"DEFAULT_FROM_EMAIL": "Desk <desk@example.org>"},
            "DEFAULT_FROM_EMAIL",
            "Desk <desk@example.org>",
        ),
        (
            {"CLAIMDESK_PUBLISHER_URL": "https://example.org/"},
            "CLAIMDESK_PUBLISHER_URL",
            "https://example.org/",
        ),
        ({"STATIC_ROOT": "/srv/static"}, "STATIC_ROOT", Path("/srv/static")),
        ({"CLAIMDESK_INGEST_NICENESS": "0"}, "CLAIMDESK_INGEST_NICENESS", 0),
        ({}, "CLAIMDESK_INGEST_NICENESS", 10),
    ],
)
def test_settings_good_values_are_read(load_settings, env, name, value):
    assert load_settings(SECRET_KEY=SECRET, **env)[name] == value


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.cache.backends.locmem.LocMemCache"),
        ("redis://127.0.0.1:6379/1", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_settings_cache_url_selects_the_page_cache_backend(load_settings, url, backend):
    assert load_settings(DEBUG="1", CACHE_URL=url)["CACHES"]["default"]["BACKEND"] == backend


def test_start_up_with_a_junk_value_stops_naming_the_variable():
    # The real thing once: manage.py in a fresh interpreter, as a server would start.
    env = {k: v for k, v in os.environ.items() if k not in variables_settings_reads()}
    env.update(SECRET_KEY=SECRET, LOG_LEVEL="loud", DJANGO_SETTINGS_MODULE="newsroom.settings")

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: LOG_LEVEL")
