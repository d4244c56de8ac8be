"""The public page cache: whole rendered pages, keyed on the data, the address and what the
page reads from the query string.

A rendered public page costs 10-60 ms of ORM and template work; serving it again costs one
small query. Pages are cached under a key that includes a fingerprint of the data: the latest
change recorded by simple-history on every model a page shows (claims, articles, speakers,
evidence, stances, links: admin edits and services write history), the newest claim id
(imports) and the newest Claim.updated (indexed, migration 0004). Any such change makes every
key new, so a dismissed or unpublished claim disappears on the next request. Writes that bypass
both (QuerySet.update, raw SQL) and topic/tag/outlet renames are picked up when the entry
expires: CLAIMDESK_PAGE_CACHE_SECONDS (0 turns the cache off).

The rest of the key is the visibility setting, the scheme (a page links to itself absolutely:
an http copy must not be served over https), the host, the path, and the query parameters the
page declares it reads. Every other parameter is dropped from the request before the view
runs, cache or no cache, so `?r=1`, `?r=2`, ... are one page and one cache entry, not a forced
render each (issue 15, item 5); of a declared parameter the last value counts, as with
`QueryDict.get`, and an empty one counts as absent.
"""

from __future__ import annotations

import functools
import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.http import HttpResponse, QueryDict

from claims.models import Article, Claim, ClaimEvidence, ClaimLink, Speaker, Stance

logger = logging.getLogger(__name__)

_TRACKED = (Claim, Article, Speaker, ClaimEvidence, Stance, ClaimLink)


@functools.cache
def _fingerprint_sql() -> str:
    # Table names come from model metadata, never from input.
    tables = [m.history.model._meta.db_table for m in _TRACKED]
    parts = [f"(SELECT max(history_date) FROM {table})" for table in tables]  # noqa: S608
    claims = Claim._meta.db_table
    parts += [f"(SELECT max(id) FROM {claims})", f"(SELECT max(updated) FROM {claims})"]  # noqa: S608
    return "SELECT " + ", ".join(parts)


def data_fingerprint() -> str:
    """One query of index-only max() lookups; changes whenever public data may have changed."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        return "|".join(str(value) for value in cursor.fetchone())


def _page_caches():
    """(local, shared): a per-process cache in front of the shared one when that one is
    elsewhere (Redis); (None, default) when the default cache is already in process memory."""
    shared = caches["default"]
    if isinstance(shared, LocMemCache) or "pages-local" not in settings.CACHES:
        return None, shared
    return caches["pages-local"], shared


def page_query(query: QueryDict, params) -> QueryDict:
    """The declared `params` of `query`, in sorted order, last value each, empty ones left out."""
    kept = QueryDict(mutable=True)
    for name in sorted(params):
        value = query.get(name)
        if value not in (None, ""):
            kept[name] = value
    kept._mutable = False
    return kept


def page_key(request) -> str:
    """The cache key of the page `request` (after `page_query`) asks for, for the current data."""
    raw = "\n".join(
        [
            data_fingerprint(),
            str(settings.CLAIMDESK_SHOW_UNREVIEWED),
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
        ]
    )
    return "public-page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def cached_page(view=None, *, params=()):
    """Serve the view's 200 responses from the cache while the data fingerprint is unchanged.

    `params`: the query parameters the page reads; the view sees only those (`page_query`).
    Use bare (`@cached_page`) for a page that reads none.
    """
    if view is None:
        return functools.partial(cached_page, params=params)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.GET = page_query(request.GET, params)
        request.META["QUERY_STRING"] = request.GET.urlencode()
        seconds = getattr(settings, "CLAIMDESK_PAGE_CACHE_SECONDS", 0)
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request)
        local, shared = _page_caches()
        hit = local.get(key) if local else None
        if hit is None:
            try:
                hit = shared.get(key)
            except Exception:  # an unreachable cache server must not take the public site down
                logger.warning(
                    "page cache unavailable; rendering %s uncached", request.path, exc_info=True
                )
                return view(request, *args, **kwargs)
            if hit is not None and local:
                local.set(key, hit, seconds)
        if hit is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.streaming:
            entry = (response.content, response["Content-Type"])
            if local:
                local.set(key, entry, seconds)
            try:
                shared.set(key, entry, seconds)
            except Exception:
                logger.warning("page cache unavailable; %s not stored", request.path, exc_info=True)
        return response

    return wrapper
