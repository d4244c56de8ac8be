"""Cleaning and extraction in worker processes: CPU-bound pure Python, so threads would not help.

On Linux the workers are forked (`start_method`): a forked child starts with this process's
modules already imported, where a spawned one first starts an interpreter and imports
claims.extraction, claims.names and claims.normalise (~0.3 s of CPU each, before its first
article, while the writing process waits for the first window). A forked child inherits this
process's open database connection: it never uses it and leaves through os._exit (as
multiprocessing's forked children do), so nothing closes it or sends anything on it, and the
connection carries on in this process (a test checks it). The executor forks its workers
before it starts its own threads. A process already running other threads (a test runner's,
a server's) spawns instead: a forked child gets a copy of every lock another thread held at
that moment, and can wait on one forever. Elsewhere (macOS, where fork is unsafe with the
system's frameworks) they are spawned too, and import no Django. Workers run below the writing process's
priority (WORKER_NICENESS).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import batched

from claims.extraction import clean_text, extract_article, extract_claims
from claims.names import prime, speaker_name_facts
from claims.normalise import prime_hashes, text_hash

# How much lower the workers' scheduling priority is than the writing process's (os.nice).
# An import is bounded by the writer and its database server taking turns (each article's
# speakers resolved, then its statement run), while the workers' extraction may run ahead;
# on a machine with fewer cores than the writer and its workers, a worker at the same
# priority takes a core from the writer whenever both are ready, and the chain waits.
# Lower, the workers take what the writer leaves. (Linux groups a session's processes for
# the scheduler: this orders the writer and its workers, not the import against others.)
WORKER_NICENESS = 10


def start_method() -> str:
    """ "fork" on Linux while this process runs a single thread, else "spawn" (see the module's
    docstring). Threads are counted as the kernel sees them, as Python's own warning about
    fork does: a thread started outside `threading` counts too."""
    if sys.platform == "linux" and len(os.listdir("/proc/self/task")) == 1:
        return "fork"
    return "spawn"


def _lower_priority() -> None:
    os.nice(WORKER_NICENESS)


def _pool(jobs: int) -> ProcessPoolExecutor:
    """`jobs` worker processes (`start_method`), each at WORKER_NICENESS below this process."""
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(start_method()),
        initializer=_lower_priority,
    )


def prepare_body(raw_body: str) -> tuple[str, str]:
    """(clean_text(raw_body), its text_hash), as import_article would compute them."""
    body = clean_text(raw_body)
    return body, text_hash(body)


def extract_body(raw_body: str | None):
    """(cleaned body, its text_hash, extract_claims(cleaned body)), as import_article would
    compute them; None for None. Hashing here too keeps that work off the writing process."""
    if raw_body is None:
        return None
    body, body_hash = prepare_body(raw_body)
    return body, body_hash, extract_claims(body)


def extract_for_import(headline: str, body: str):
    """(extract_article(headline, body), the speaker name facts of its claims, their content
    hashes): the name parsing the writing process's speaker resolver would do and the
    text_hash of each claim's content it would compute, done here (see
    claims.names.speaker_name_facts and claims.normalise.primed_hash; `prepare_then_extract`
    primes the writer's caches with both)."""
    claims = extract_article(headline, body)
    facts = speaker_name_facts((c.speaker, c.role, c.affiliation, c.mention) for c in claims)
    return claims, facts, {c.content: text_hash(c.content) for c in claims}


def ordered_map[T](
    fn: Callable, items: Iterable[T], *, jobs: int, key: Callable[[T], object], window: int = 0
) -> Iterator[tuple[T, object]]:
    """Yield (item, fn(key(item))) in input order, at most `window` items in flight.

    Bounded, unlike Executor.map, so a million-article run does not queue every text at once.
    """
    window = window or jobs * 8
    with _pool(jobs) as pool:
        pending: deque[tuple[T, Future]] = deque()
        for item in items:
            pending.append((item, pool.submit(fn, key(item))))
            if len(pending) >= window:
                done_item, fut = pending.popleft()
                yield done_item, fut.result()
        while pending:
            done_item, fut = pending.popleft()
            yield done_item, fut.result()


def prepare_then_extract[T](
    items: Iterable[T],
    *,
    jobs: int,
    body: Callable[[T], str | None],
    headline: Callable[[T], str] = lambda item: "",
    wanted: Callable[[list[T], list[tuple[str, str] | None]], list[bool]],
    window: int,
) -> Iterator[tuple[T, tuple[str, str] | None, list | None]]:
    """Yield (item, (cleaned body, hash), claims) in input order, workers doing the work.

    Two steps per window of `window` items: the workers clean and hash every body
    (`body(item)`; None skips the item), then `wanted(items, prepared)` says which need
    extracting (the caller asks the database which are new or changed) and only those are
    extracted, with their `headline(item)` (`extract_for_import`); the others come with
    claims None. As each article is handed out, this process's name caches are primed with
    what its worker parsed of the claims' speakers, and its content hashes with the claims'
    hashes. While the caller consumes one window, the
    next is being extracted and the one after that cleaned, so about three windows are in flight.
    """
    # A few tasks per worker and window: one future, one wake-up and one message per task,
    # not per article, in the writing process.
    chunksize = max(1, window // (jobs * 4))
    with _pool(jobs) as pool:

        def clean(chunk):
            raws = [body(item) for item in chunk]
            todo = [raw for raw in raws if raw is not None]
            return chunk, raws, pool.map(prepare_body, todo, chunksize=chunksize)

        def extract(chunk, raws, cleaned):
            prepared = [None if raw is None else next(cleaned) for raw in raws]
            flags = wanted(list(chunk), prepared)
            todo = [
                (headline(item), p[0])
                for item, p, flag in zip(chunk, prepared, flags, strict=True)
                if p is not None and flag
            ]
            claims = pool.map(
                extract_for_import,
                [h for h, _ in todo],
                [b for _, b in todo],
                chunksize=chunksize,
            )
            return chunk, prepared, flags, claims

        cleaning = (clean(chunk) for chunk in batched(items, window))
        ready = deque()
        for chunk, raws, cleaned in cleaning:
            # Submit this window's extraction, then hand out the previous one's results (the
            # generator then submits the next window's cleaning before this one is consumed).
            ready.append(extract(chunk, raws, cleaned))
            if len(ready) > 1:
                yield from _results(*ready.popleft())
        while ready:
            yield from _results(*ready.popleft())


def _results(chunk, prepared, flags, extracted):
    for item, p, flag in zip(chunk, prepared, flags, strict=True):
        if p is None or not flag:
            yield item, p, None
            continue
        claims, facts, hashes = next(extracted)
        prime(facts)
        prime_hashes(hashes)
        yield item, p, claims
