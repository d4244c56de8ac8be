"""The public page cache: whole rendered pages, keyed on the data, the address and what the
page reads from the query string.

A rendered public page costs 10-60 ms of ORM and template work; serving it again costs one
small query. Pages are cached under a key that includes a fingerprint of the data: the latest
change recorded by simple-history on every model a page shows (claims, articles, speakers,
evidence, stances, links: admin edits and services write history), the newest claim id and the
newest Claim.updated (indexed, migrations 0004 and 0022). Any such change makes every key new,
so a dismissed or unpublished claim disappears on the next request. Writes that bypass both
(QuerySet.update, raw SQL, an import filling in an existing speaker's empty role) and
topic/tag/outlet renames or new outlets are picked up when the entry expires:
CLAIMDESK_PAGE_CACHE_SECONDS (0 turns the cache off).

An import changes no page (issue 14). With CLAIMDESK_SHOW_UNREVIEWED off (the production
default; claims/queries.py owns the rule) an imported claim is not public, and an article or a
speaker reaches a public page only through a public claim (the home page counts speakers with
public claims), so the fingerprint leaves out the creation ('+') history rows of unpublished
claims, of articles and of speakers, and reads the newest id and Claim.updated over published
claims only: importing articles, by the ORM or the COPY path (claims/services/fastwrite.py)
alike, leaves every cached page cached. Every edit ('~') and deletion ('-') still counts, so
publishing, unpublishing, dismissing, a re-import's changes and a rename show at once. Partial
indexes with the same predicates (migration 0022) keep each max() one index lookup however many
creation rows an import has written. With CLAIMDESK_SHOW_UNREVIEWED on (the demo) imported
claims are public at once, and every change counts as before: an import makes every key new.

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

from claims.enums import ClaimStatus
from claims.models import Article, Claim, ClaimEvidence, ClaimLink, Speaker, Stance

logger = logging.getLogger(__name__)

_TRACKED = (Claim, Article, Speaker, ClaimEvidence, Stance, ClaimLink)


# Rows a page may show only once they are public: with CLAIMDESK_SHOW_UNREVIEWED off, a
# creation ('+') history row of a claim that is not published, of an article or of a speaker
# changes no public page (claims/queries.py: an article or speaker reaches a public page only
# through a public claim, and a claim becomes public by an edit, a '~' row). The predicates are
# the ones of the partial indexes of migration 0022, so each max() stays one index lookup
# however many creation rows an import has just written.
_PUBLISHED = f"'{ClaimStatus.PUBLISHED.value}'"
_PUBLIC_ONLY = {
    Claim: f"history_type <> '+' OR status = {_PUBLISHED}",
    Article: "history_type <> '+'",
    Speaker: "history_type <> '+'",
}


@functools.cache
def _fingerprint_sql(show_unreviewed: bool) -> str:
    # Table names come from model metadata, never from input.
    parts = []
    for model in _TRACKED:
        table = model.history.model._meta.db_table
        where = "" if show_unreviewed else _PUBLIC_ONLY.get(model, "")
        where = f" WHERE {where}" if where else ""
        parts.append(f"(SELECT max(history_date) FROM {table}{where})")  # noqa: S608
    claims = Claim._meta.db_table
    where = "" if show_unreviewed else f" WHERE status = {_PUBLISHED}"
    parts += [
        f"(SELECT max(id) FROM {claims}{where})",  # noqa: S608
        f"(SELECT max(updated) FROM {claims}{where})",  # noqa: S608
    ]
    return "SELECT " + ", ".join(parts)


def data_fingerprint() -> str:
    """One query of index-only max() lookups; changes whenever public data may have changed."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(bool(settings.CLAIMDESK_SHOW_UNREVIEWED)))
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
