"""Login throttling: django-axes' database handler with a second, per-address limit.

Axes locks a (username, address) pair after AXES_FAILURE_LIMIT failures. On its own that lets
one address try a few passwords on every username (password spraying) without ever being
stopped. Axes can also count failures per address (AXES_LOCKOUT_PARAMETERS), but against the
same single AXES_FAILURE_LIMIT: 5 failures from one address would then lock out a whole
newsroom behind one NAT for one colleague's typos. So the address has its own, higher limit,
AXES_ADDRESS_FAILURE_LIMIT (default 30), over the same window, AXES_COOLOFF_MINUTES: failures
from the address whose latest attempt is that recent are summed over every username.

The lockout parameters stay the pair, so a successful login resets only its own pair's
failures (AXES_RESET_ON_SUCCESS), never the address's count: logging in to one's own account
does not buy another round of guesses elsewhere.
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LoginThrottle(AxesDatabaseHandler):
    """AxesDatabaseHandler, locked also when the address alone reaches its own limit."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        """The pair's failures; at least AXES_FAILURE_LIMIT (axes then locks) once the address
        has AXES_ADDRESS_FAILURE_LIMIT failures in the window."""
        pair = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(pair, get_failure_limit(request, credentials))
        return pair


def address_failures(request) -> int:
    """Failures from the request's address in the window, over every username: one query."""
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
