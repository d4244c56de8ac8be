import pytest

from tests.claims.migrating import migrate_to_latest


@pytest.fixture
def latest_schema_after():
    """Whatever the test migrates to, the next test finds every migration applied."""
    yield
    migrate_to_latest()
