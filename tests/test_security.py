"""Production security: deploy checks, headers on every kind of page, configurable admin path."""

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_with_env(args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )


def production_env(**overrides):
    env = {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "claims.example.org",
        # The checks connect (GeneratedField asks the server's version): use a database that
        # needs no server, so the test runs on any machine.
        "DATABASE_URL": f"sqlite:///{Path(tempfile.gettempdir()) / 'claimdesk-check-deploy.sqlite3'}",
    }
    env.update(overrides)
    return env


def test_check_deploy_passes_at_warning_level_with_production_settings():
    result = run_with_env(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_env()
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_check_deploy_fails_when_production_is_weakened():
    result = run_with_env(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **production_env(SECURE_HSTS_SECONDS="0", SESSION_COOKIE_SECURE="0"),
    )

    assert result.returncode != 0
    assert "security.W004" in result.stderr  # HSTS
    assert "security.W012" in result.stderr  # session cookie


def test_production_mail_backend_is_not_the_console():
    result = run_with_env(
        ["-c", "import newsroom.settings as s; print(s.MAILERS['default']['BACKEND'])"],
        **production_env(),
    )

    assert result.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend", result.stderr


def test_admin_path_is_configurable():
    code = "import django; django.setup(); from django.urls import reverse; print(reverse('admin:index'))"
    result = run_with_env(["-c", code], DEBUG="1", CLAIMDESK_ADMIN_PATH="desk-7f3a")

    assert result.stdout.strip() == "/desk-7f3a/", result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/admin/login/", "/no-such-page/"])
def test_every_kind_of_page_sends_the_security_headers(client, path):
    response = client.get(path)

    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_password_validators_refuse_a_weak_password():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password")
    validate_password("a long and uncommon passphrase 93")
