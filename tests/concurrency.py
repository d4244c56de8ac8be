"""A second connection holding a transaction open, for tests of what another writer sees
between a write and its commit (PostgreSQL: the test's own connection commits on its own)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connections, transaction


@contextmanager
def held_open(work: Callable[[], object]) -> Iterator[None]:
    """Run `work()` in a transaction on another connection (a thread) and keep it open while
    the block runs; leaving the block commits it. What the thread raised is raised here."""
    written, commit, failed = threading.Event(), threading.Event(), []

    def run():
        try:
            with transaction.atomic():
                work()
                written.set()
                assert commit.wait(30)
        except BaseException as exc:  # reported by the test, not lost in the thread
            failed.append(exc)
        finally:
            written.set()
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    assert written.wait(30)
    if failed:
        thread.join(30)
        raise failed[0]
    try:
        yield
    finally:
        commit.set()
        thread.join(30)
    if failed:
        raise failed[0]
