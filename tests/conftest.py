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
