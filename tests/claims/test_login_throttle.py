"""Login throttling per address beside per (username, address) pair (issue 15, item 12).

Password spraying (a few passwords on every username from one address) never reached the
per-pair limit; the address now has its own, higher one."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
RIGHT = "the right password"


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_ADDRESS_FAILURE_LIMIT = 6
    return make_user(username="editor", role="Reviewer", password=RIGHT)


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_spraying_one_password_over_many_usernames_locks_the_address(client, throttled):
    sprayed = [attempt(client, f"user{i}", "Summer2024!") for i in range(6)]

    right = attempt(client, "editor", RIGHT)

    assert [r.status_code for r in sprayed[:5]] == [200] * 5  # each pair below its limit of 3
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_below_its_limit_still_logs_in(client, throttled):
    typos = [attempt(client, name, "typo") for name in ("editor", "editr", "editor", "edtor", "x")]

    right = attempt(client, "editor", RIGHT)

    assert [r.status_code for r in typos] == [200] * 5
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(throttled.pk)


def test_another_address_is_not_locked_by_one_that_is(client, throttled):
    for i in range(6):
        attempt(client, f"user{i}", "guess")

    right = attempt(client, "editor", RIGHT, address="198.51.100.20")

    assert right.status_code == 302


def test_a_successful_login_does_not_reset_the_address_count(client, throttled):
    for i in range(5):
        attempt(client, f"user{i}", "guess")
    assert attempt(client, "editor", RIGHT).status_code == 302
    client.logout()

    attempt(client, "user9", "guess")  # the address's sixth failure
    again = attempt(client, "editor", RIGHT)

    assert again.status_code == 429


def test_the_pair_limit_still_applies_below_the_address_limit(client, throttled):
    for _ in range(3):
        attempt(client, "editor", "guess")

    assert attempt(client, "editor", RIGHT).status_code == 429
    assert attempt(client, "other", "guess").status_code == 200  # the address is not locked
