"""The public page cache: whole rendered pages, keyed on the data, the address and what the
page reads from the query string.

A rendered public page costs 10-60 ms of ORM and template work; serving it again costs one
small query, prepared once per connection on PostgreSQL (`_prepared_cursor`). Pages are cached
under a key that includes a fingerprint of the data: the latest change recorded by
simple-history on every model a page shows (claims, articles, speakers, evidence, stances,
links, and the topics, tags and outlets whose names every claim list's
filters show: admin edits and services write history, deletions too, migration 0026; tagging
or untagging a claim writes a claim row, migration 0029), the
newest claim id and the newest Claim.updated (indexed, migrations 0004 and 0022). Any such
change makes every key new, so a dismissed or unpublished claim disappears and a renamed
topic, tag or outlet shows on the next request. An import filling in an existing speaker's
empty role, affiliation or container writes the history row its bulk_update does not
(claims/services/speakers/writes.py); if a counted commit (a claim of that speaker published
meanwhile) came between its telling the speakers apart and its own commit, that commit raises
the counter below (migration 0032), with nothing left for after it. Writes that bypass both
(QuerySet.update, raw SQL) are picked up when the entry expires: CLAIMDESK_PAGE_CACHE_SECONDS
(0 turns the cache off).

The max() lookups alone are not enough under concurrent writers: a transaction that wrote a
counted row and commits after another one that wrote a later-stamped row leaves every maximum
as it was, and a page rendered between the two commits (without the first one's change) was
cached under the key that stays current. So the fingerprint also reads a counter the database
raises at the commit of every transaction that wrote a row those lookups count (migration
0030: triggers with the same predicates on the history tables and on claims_claim; deferred
to COMMIT on PostgreSQL, once per transaction, and raised after the transaction's other
deferred checks, migration 0031, so no commit holds it while waiting for another). A page's
key is read before the page is, so one rendered without a write has a counter older than that
write's commit and is never served after it. The counter lives in the database, not in the
cache: with the default cache in each worker's memory an import's process could not reach the
workers' copies, and a callback after the commit would be lost with a process killed between
the two (the trigger commits with the rows or not at all). Uncounted writes (an import's
unpublished claims) queue nothing.

An import changes no page it does not appear on (issue 14). With CLAIMDESK_SHOW_UNREVIEWED off
(the production default; claims/queries.py owns the rule) an imported claim is not public, and
a speaker reaches a public page only through a public claim (the home page counts speakers with
public claims), so the fingerprint leaves out the history rows that cannot change a public
page: creation ('+') and deletion ('-') rows of claims that are not published, creation rows of
articles and speakers, the rows the import writes when it updates a stored article
(`IMPORT_UPDATE_REASONS`: the article's, and those of kept claims not published that it
re-anchors or orphans) and when it fills in a speaker no public page shows; it reads the
newest id and Claim.updated over published claims only.
Importing articles, by the ORM or the COPY path (claims/services/fastwrite.py) alike, and
re-importing articles with no published claim (their untouched claims deleted and extracted
again), leave every cached page cached: an outlet not seen before is named on no public page
(the claim list's filter names outlets with public claims only, claims/queries.py) until one
of its claims is published, an edit the fingerprint counts. Two pages read more than the shared
fingerprint:
an article's page (there only while the article has a public claim, as a speaker's) shows
its headline and text (so its key adds the article's own newest history row, `article_scope`:
a re-import shows there),
and a re-import of an article that has published claims touches those claims' `updated`
(claims/services/imports.py), so every page that may show them or the article's headline
changes. Every other edit ('~') and deletion still counts, so publishing, unpublishing,
dismissing, correcting and renaming show at once. Partial indexes with the same predicates
(migration 0023) keep each max() one index lookup however many rows an import has written.
With CLAIMDESK_SHOW_UNREVIEWED on (the demo) imported claims are public at once. A new claim
is on its article's page, its speaker's page and the lists (home, claim, speaker and article
lists, every filter, the feeds and the sitemap, which are not cached), and on no other: an
import writes no stance, link or evidence, and topics show reviewed stances only. So those
pages add generations of their own to their key (`article_scope`, `speaker_scope`,
`lists_scope`: one primary-key lookup each, in the same query), and the shared fingerprint
leaves out the creation rows of claims not published (`_SHOWN`): an import changes those
pages and leaves every claim, topic and other speaker's or article's page cached. Filling in
a speaker of unreviewed claims only (FILLED_IN_UNSEEN: the import tells speakers apart by
published claims in both modes) changes its page, its claims' and articles' pages and the
lists, where its role shows: the speaker's generation is in their keys (`speaker_scope`,
`claim_scope`, `article_scope` the sum over its claims' speakers, and `lists_scope`). The
database raises the generations at the commit, like the shared counter (migration 0032): the
newest claim id or speaker history row they read before were taken before the commit, so of
two imports committing in the other order the first one's claims stayed off the pages until
they expired.
Two writes of an import still change every key in the demo, as in production: filling in a
speaker with a published claim, or a container of one (positions and topic pages show them),
and an outlet not seen before whose claims are public at once (they change the lists' newest
claim id too).

A search (the claim list with `q`) also matches a claim by its speaker's aliases, which no
history row the fingerprint reads records. Its key adds a generation the database raises at
the commit of every write of an alias (added, changed, moved to another speaker, removed, by
the desk, a merge or an import) whose speaker has a published claim (`claim_list_scope`,
migration 0034), or in the demo of any alias. An import learning aliases of the speakers it
creates, or of speakers of unreviewed claims only, changes no page; if a claim of such a
speaker is published between the write and its commit, the commit raises the shared counters,
as for the fill-in above. No other public page shows an alias.

The rest of the key is the visibility setting, the scheme (a page links to itself absolutely:
an http copy must not be served over https), the host, the path, and the query parameters the
page declares it reads. Every other parameter is dropped from the request before the view
runs, cache or no cache, so `?r=1`, `?r=2`, ... are one page and one cache entry, not a forced
render each (issue 15, item 5); of a declared parameter the last value counts, as with
`QueryDict.get`, and an empty one counts as absent.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.http import HttpResponse, QueryDict

from claims.enums import ClaimStatus
from claims.models import (
    Article,
    Claim,
    ClaimEvidence,
    ClaimLink,
    Outlet,
    Speaker,
    Stance,
    Tag,
    Topic,
)
from claims.public.search import parse_query
from claims.services.speakers.writes import FILLED_IN_UNSEEN, HANDED_OVER

logger = logging.getLogger(__name__)

_TRACKED = (Claim, Article, Speaker, ClaimEvidence, Stance, ClaimLink, Topic, Tag, Outlet)
# One row, two counters (CLAIMDESK_SHOW_UNREVIEWED off, on), raised by triggers (migration 0030).
GENERATION_TABLE = "claims_pagegeneration"
# (kind, object id) -> generation, raised by triggers (migration 0032): the demo's own parts.
SCOPE_TABLE = "claims_pagegeneration_scope"


# Rows a page may show only once they are public: with CLAIMDESK_SHOW_UNREVIEWED off, a
# creation ('+') or deletion ('-') history row of a claim that is not published, a creation row
# of an article or of a speaker, and the import's updates of a stored article change no public
# page but the article's own (claims/queries.py: a speaker, and an article in a list, reach a
# public page only through a public claim, and a claim becomes public by an edit, a '~' row).
# The predicates are the ones of the partial indexes of migrations 0023 and 0024, so each max() stays
# one index lookup however many rows an import has just written.
_PUBLISHED = f"'{ClaimStatus.PUBLISHED.value}'"
# The change reasons of the history rows the import writes when it updates a stored article
# (claims/services/imports.py, import_reason): a new text or another extractor's claims. They
# change the article's own page (`article_scope`) and, when the article has published claims,
# the pages showing those claims, which the import marks by touching their Claim.updated.
# The rows of the kept claims it re-anchors or orphans carry the same reasons.
IMPORT_UPDATE_REASONS = ("re-import", "re-extraction")
_IMPORT_UPDATE = " AND ".join(
    f"history_change_reason NOT LIKE '{reason} (%%'" for reason in IMPORT_UPDATE_REASONS
)
_PUBLIC_ONLY = {
    # A claim that is not published is on no public page when it is created or deleted, nor
    # when a re-import re-anchors or orphans it (the import's reasons); any other edit ('~')
    # may be the one that unpublishes it, so it counts.
    Claim: (
        f"(history_type = '~' AND (history_change_reason IS NULL OR ({_IMPORT_UPDATE}))) "
        f"OR status = {_PUBLISHED}"
    ),
    Article: f"history_type <> '+' AND (history_change_reason IS NULL OR ({_IMPORT_UPDATE}))",
    # A speaker an import filled in (an empty role, affiliation or container) that no public
    # page shows: claims/services/speakers/writes.py tells them apart when it writes the row.
    # And the deletion of a speaker an import created and dropped before its commit (a
    # concurrent run stored the same one first: HANDED_OVER), which no page ever showed.
    Speaker: (
        "history_type <> '+' AND (history_change_reason IS NULL OR "
        f"history_change_reason NOT IN ('{FILLED_IN_UNSEEN}', '{HANDED_OVER}'))"
    ),
    # A new outlet (an import of an article from one not seen before) is named on no public
    # page until one of its claims is public (claims.queries.outlets_with_public_claims); with
    # every page's key new, three workers' caches render every page again.
    Outlet: "history_type <> '+'",
}
# With CLAIMDESK_SHOW_UNREVIEWED on (the demo) a new claim is public at once, but it shows only
# on its article's and its speaker's pages and on the lists (an import writes no stance, link
# or evidence: those have rows of their own). Those pages add its id to their key
# (`lists_scope`, `speaker_scope`, `article_scope`), so the shared fingerprint leaves out the
# creation rows of claims not published; a deletion of any claim counts. Migration 0027's
# partial index has the same predicate.
_SHOWN = {
    **_PUBLIC_ONLY,
    Claim: f"history_type <> '+' OR status = {_PUBLISHED}",
}


@functools.cache
def _fingerprint_sql(show_unreviewed: bool) -> str:
    # Table names come from model metadata, never from input.
    parts = []
    predicates = _SHOWN if show_unreviewed else _PUBLIC_ONLY
    for model in _TRACKED:
        table = model.history.model._meta.db_table
        where = predicates.get(model, "")
        where = f" WHERE {where}" if where else ""
        parts.append(f"(SELECT max(history_date) FROM {table}{where})")  # noqa: S608
    claims = Claim._meta.db_table
    # Over published claims in the demo too: its new claims reach the pages' own scopes.
    where = f" WHERE status = {_PUBLISHED}"
    parts += [
        f"(SELECT max(id) FROM {claims}{where})",  # noqa: S608
        f"(SELECT max(updated) FROM {claims}{where})",  # noqa: S608
        # Raised by the database at the commit of every write the lookups above count
        # (migration 0030), whatever that write's timestamps.
        f"(SELECT {'shown' if show_unreviewed else 'public'} FROM {GENERATION_TABLE})",  # noqa: S608
    ]
    return "SELECT " + ", ".join(parts)


@contextlib.contextmanager
def _prepared_cursor():
    """Django's cursor (logged, counted and its errors wrapped like any other) over, on
    PostgreSQL, a psycopg cursor with server-side binding that prepares what it runs.

    Every cached page runs the fingerprint, and PostgreSQL spent longer planning it (a dozen
    subqueries, each table's partial indexes matched against its predicate: 1.5-5 ms of the
    backend) than running it (0.1-0.5 ms). Prepared, each connection plans each of its few
    texts once (psycopg names and keeps them per connection; a statement without parameters
    gets one generic plan) and then only binds and runs it. Django's own cursors bind on the
    client, which never prepares; with DATABASE_PREPARED_STATEMENTS off (the connection's
    prepare_threshold None) psycopg runs this one unprepared too."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.cursor.close()
            cursor.cursor = _preparing_cursor()(connection.connection)
        yield cursor


@functools.cache
def _preparing_cursor():
    import psycopg  # PostgreSQL only

    class PreparingCursor(psycopg.Cursor):
        """Server-side binding, every statement prepared on its first run (psycopg's
        `prepare=True`; its threshold of runs is for statements not asked)."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparingCursor


def data_fingerprint(scope: tuple[str, list] | None = None) -> str:
    """One query of index lookups; changes whenever public data may have changed. `scope`:
    (SQL of more scalar subqueries, comma-separated, and their parameters), what one page
    reads beyond the shared fingerprint (`article_scope`), asked in the same query."""
    # Always run with parameters (an empty list too), so the base's LIKE patterns are written
    # with %% however the query is extended.
    sql, params = _fingerprint_sql(bool(settings.CLAIMDESK_SHOW_UNREVIEWED)), []
    if scope is not None:
        sql, params = f"{sql}, {scope[0]}", list(scope[1])
    with _prepared_cursor() as cursor:
        cursor.execute(sql, params)
        return "|".join(str(value) for value in cursor.fetchone())


def _generation_sql(kind: str, object_id: str) -> str:
    """The generation `kind` of the object whose id `object_id` (SQL) gives: raised by the
    database at the commit of every transaction that wrote what it stands for (migration
    0032: `lists`, `article` and `speaker-claims` by a new claim, `speaker` and `lists` by a
    fill-in of a speaker of unreviewed claims only, FILLED_IN_UNSEEN; migration 0034:
    `aliases` by any alias written, `public-aliases` by an alias of a speaker with a published
    claim). One primary-key lookup; NULL until the first such commit."""
    # Names from model metadata and the migration; `kind` is one of its constants.
    return (
        f"(SELECT generation FROM {SCOPE_TABLE} "  # noqa: S608
        f"WHERE kind = '{kind}' AND object_id = {object_id})"
    )


def article_scope(request, slug, *args, **kwargs) -> tuple[str, list]:
    """An article page's own part of the key: the newest history row of the article at `slug`
    (its headline, text, outlet and date), every row counted, the import's updates too. One
    lookup by slug, one on the history table's id index. In the demo also the generation of
    its claims (its new claims are public at once) and the sum of its claims' speakers'
    generations (their cards show the role an import fills in; any one raised raises the
    sum), read on the (article, span) index and the generations' primary key."""
    history = Article.history.model._meta.db_table
    articles = Article._meta.db_table
    # Names from model metadata; the slug is a parameter.
    article = f"(SELECT id FROM {articles} WHERE slug = %s)"  # noqa: S608
    sql = f"(SELECT max(history_date) FROM {history} WHERE id = {article})"  # noqa: S608
    if not settings.CLAIMDESK_SHOW_UNREVIEWED:
        return sql, [slug]
    claims = Claim._meta.db_table
    speakers = (
        f"(SELECT sum(generation) FROM {SCOPE_TABLE} WHERE kind = 'speaker' AND "  # noqa: S608
        f"object_id IN (SELECT speaker_id FROM {claims} WHERE article_id = {article}))"
    )
    return f"{sql}, {_generation_sql('article', article)}, {speakers}", [slug, slug, slug]


def speaker_scope(request, slug, *args, **kwargs) -> tuple[str, list] | None:
    """A speaker page's own part of the key in the demo: the generations of the speaker's
    claims (the page lists them; a new one is public at once) and of the speaker itself (an
    import filling in a speaker of unreviewed claims only). None with
    CLAIMDESK_SHOW_UNREVIEWED off: a claim is public only once published, and its speaker's
    rows count in the shared fingerprint from then on."""
    if not settings.CLAIMDESK_SHOW_UNREVIEWED:
        return None
    speaker = f"(SELECT id FROM {Speaker._meta.db_table} WHERE slug = %s)"  # noqa: S608
    return (
        f"{_generation_sql('speaker-claims', speaker)}, {_generation_sql('speaker', speaker)}",
        [slug, slug],
    )


def claim_scope(request, pk, *args, **kwargs) -> tuple[str, list] | None:
    """A claim page's own part of the key in the demo: its speaker's generation (the page
    shows the role and affiliation an import fills in), by primary key then the generations'.
    None with CLAIMDESK_SHOW_UNREVIEWED off (see speaker_scope)."""
    if not settings.CLAIMDESK_SHOW_UNREVIEWED:
        return None
    # Names from model metadata; the id is a parameter.
    speaker = f"(SELECT speaker_id FROM {Claim._meta.db_table} WHERE id = %s)"  # noqa: S608
    return _generation_sql("speaker", speaker), [pk]


def lists_scope(request, *args, **kwargs) -> tuple[str, list] | None:
    """The lists' own part of the key in the demo (the home page, claim, speaker and article
    lists, every filter): their generation, raised by every new claim (public at once) and
    every fill-in of a speaker of unreviewed claims (a card shows its speaker's role). One
    primary-key lookup. None with CLAIMDESK_SHOW_UNREVIEWED off (see speaker_scope)."""
    if not settings.CLAIMDESK_SHOW_UNREVIEWED:
        return None
    return _generation_sql("lists", "0"), []


def claim_list_scope(request, *args, **kwargs) -> tuple[str, list] | None:
    """The claim list's own part of the key: the lists' (`lists_scope`), and for a search the
    generation of the speakers' aliases, which it matches (claims/public/search.py): raised by
    the database at the commit of every write of an alias of a speaker with a published claim
    (`public-aliases`), or in the demo of any alias (`aliases`: any speaker's claims may be
    public), migration 0034. One primary-key lookup more, for a search only: no other page
    shows an alias, and a list without a query keeps its key."""
    lists = lists_scope(request)
    if not parse_query(request.GET.get("q")):
        return lists
    kind = "aliases" if settings.CLAIMDESK_SHOW_UNREVIEWED else "public-aliases"
    aliases = _generation_sql(kind, "0")
    if lists is None:
        return aliases, []
    return f"{lists[0]}, {aliases}", lists[1]


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


def page_key(request, scope: tuple[str, list] | None = None) -> str:
    """The cache key of the page `request` (after `page_query`) asks for, for the current data
    (`scope`: what the page reads beyond the shared fingerprint, see `data_fingerprint`)."""
    raw = "\n".join(
        [
            data_fingerprint(scope),
            str(settings.CLAIMDESK_SHOW_UNREVIEWED),
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
        ]
    )
    return "public-page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def cached_page(view=None, *, params=(), scope=None):
    """Serve the view's 200 responses from the cache while the data fingerprint is unchanged.

    `params`: the query parameters the page reads; the view sees only those (`page_query`).
    `scope`: called with the view's arguments, the page's own part of the fingerprint
    (`article_scope`), or None when it has none. Use bare (`@cached_page`) for a page that
    reads neither.
    """
    if view is None:
        return functools.partial(cached_page, params=params, scope=scope)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.GET = page_query(request.GET, params)
        request.META["QUERY_STRING"] = request.GET.urlencode()
        seconds = getattr(settings, "CLAIMDESK_PAGE_CACHE_SECONDS", 0)
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request, scope(request, *args, **kwargs) if scope else None)
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
