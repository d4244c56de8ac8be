import pytest


@pytest.fixture
def on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://...)")


@pytest.fixture
def page_cache(settings):
    """The public page cache on (5 minutes), empty before and after the test."""
    from django.core.cache import cache

    settings.CLAIMDESK_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_caches():
    """CACHES for the test Redis (CLAIMDESK_TEST_REDIS_URL, default redis://127.0.0.1:6379/15)
    under a key prefix of this test's own; skips when no Redis server answers."""
    import os
    import socket
    import uuid

    url = os.environ.get("CLAIMDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=0.5).close()
    except OSError:
        pytest.skip(f"no Redis server at {url} (set CLAIMDESK_TEST_REDIS_URL)")
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"claimdesk-test-{uuid.uuid4().hex}",
        }
    }
