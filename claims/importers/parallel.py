"""Extraction in worker processes: CPU-bound pure Python, so threads would not help.

Workers are started with "spawn": a forked child would inherit the parent's open database
connection, and closing it at exit would break the parent's session. They import only
claims.extraction and claims.normalise (no Django), so they start quickly.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from claims.extraction import clean_text, extract_claims
from claims.normalise import text_hash


def extract_body(raw_body: str | None):
    """(cleaned body, its text_hash, extract_claims(cleaned body)), as import_article would
    compute them; None for None. Hashing here too keeps that work off the writing process."""
    if raw_body is None:
        return None
    body = clean_text(raw_body)
    return body, text_hash(body), extract_claims(body)


def ordered_map[T](
    fn: Callable, items: Iterable[T], *, jobs: int, key: Callable[[T], object], window: int = 0
) -> Iterator[tuple[T, object]]:
    """Yield (item, fn(key(item))) in input order, at most `window` items in flight.

    Bounded, unlike Executor.map, so a million-article run does not queue every text at once.
    """
    window = window or jobs * 8
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        pending: deque[tuple[T, Future]] = deque()
        for item in items:
            pending.append((item, pool.submit(fn, key(item))))
            if len(pending) >= window:
                done_item, fut = pending.popleft()
                yield done_item, fut.result()
        while pending:
            done_item, fut = pending.popleft()
            yield done_item, fut.result()
