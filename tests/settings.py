"""Settings for the test suite: production settings plus test-only tweaks.

DEBUG stays off, as in production; DATABASE_URL still picks SQLite or PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "x" * 40)

from newsroom.settings import *  # noqa: F403
from newsroom.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed, tests only
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
# Every page rendered: tests read response.context and count queries. The page cache has its
# own tests (tests/claims/test_public_cache.py turns it on there).
CLAIMDESK_PAGE_CACHE_SECONDS = 0
# The suite's processes keep their priority (call_command runs the import in them); the
# priority has its own tests (tests/claims/test_import_articles.py, test_ingest_workers.py).
CLAIMDESK_INGEST_NICENESS = 0
# Login throttling is tested on purpose (tests/claims/test_admin_security.py turns it on).
AXES_ENABLED = False
