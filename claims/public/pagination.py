"""Pages of claims: keyset pages (newest/oldest) with cursors, numbered pages of search
results ranked by relevance, and counts that stop at a cap (or the planner's estimate)."""

import datetime
import json
import re
from dataclasses import dataclass, field

from django.db import connection

from claims.models import Claim

from . import search
from .filters import SORT_OLDEST, SORT_RELEVANCE

PAGE_SIZE = 50
COUNT_CAP = 10_000
SEARCH_COUNT_CAP = 1_000
LIST_COUNT_CAP = 1_000


def capped_count(queryset, cap: int | None = None) -> tuple[int, bool]:
    """(count, capped): counts at most cap + 1 rows through a LIMIT subquery, never all of them."""
    cap = COUNT_CAP if cap is None else cap
    n = queryset.order_by().values("pk")[: cap + 1].count()
    return (cap, True) if n > cap else (n, False)


_CURSOR = re.compile(r"(\d{4}-\d{2}-\d{2})_(\d{1,18})")


def parse_cursor(raw: str | None) -> tuple[datetime.date, int] | None:
    """ "2024-05-01_123" -> (date, id); anything else -> None (the list starts over)."""
    match = _CURSOR.fullmatch(raw or "")
    if not match:
        return None
    try:
        return datetime.date.fromisoformat(match[1]), int(match[2])
    except ValueError:
        return None


def cursor_for(claim) -> str:
    return f"{claim.sort_date.isoformat()}_{claim.pk}"


@dataclass
class ListPage:
    rows: list
    next_params: dict = field(default_factory=dict)  # query changes for the "next" link
    prev_params: dict | None = None  # None: no previous page
    number: int | None = None  # page number, for relevance order


def _after(queryset, cursor, *, descending: bool):
    # Keyset condition written so the (sort_date, id) index serves it as one range:
    # a Q(date < d) | Q(date = d, id < i) form made PostgreSQL walk far more index entries.
    date, pk = cursor
    if descending:
        return queryset.filter(sort_date__lte=date).exclude(sort_date=date, id__gte=pk)
    return queryset.filter(sort_date__gte=date).exclude(sort_date=date, id__lte=pk)


def _links(page: ListPage, *, has_next: bool, has_prev: bool, came_back: bool) -> ListPage:
    """Next/previous cursors for a keyset page; `came_back`: reached through a `before` link."""
    cleared = {"after": None, "before": None, "page": None}
    if page.rows and has_next:
        page.next_params = {**cleared, "after": cursor_for(page.rows[-1])}
    if page.rows and has_prev:
        page.prev_params = {**cleared, "before": cursor_for(page.rows[0])}
    elif came_back:
        page.prev_params = cleared  # back to the first page
    return page


def keyset_page(queryset, params, *, descending: bool) -> ListPage:
    """One page of `queryset` (ordered by sort_date, id) after or before a cursor."""
    after, before = parse_cursor(params.get("after")), parse_cursor(params.get("before"))
    if before and not after:
        reverse = ("sort_date", "id") if descending else ("-sort_date", "-id")
        rows = list(
            _after(queryset, before, descending=not descending).order_by(*reverse)[: PAGE_SIZE + 1]
        )
        page = ListPage(rows=rows[:PAGE_SIZE][::-1])
        return _links(page, has_next=True, has_prev=len(rows) > PAGE_SIZE, came_back=True)
    if after:
        queryset = _after(queryset, after, descending=descending)
    rows = list(queryset[: PAGE_SIZE + 1])
    page = ListPage(rows=rows[:PAGE_SIZE])
    return _links(page, has_next=len(rows) > PAGE_SIZE, has_prev=bool(after), came_back=False)


@dataclass(frozen=True)
class ResultCount:
    n: int
    more: bool = False  # at least n (counting stopped at a cap)
    approx: bool = False  # the planner's estimate, not a count

    @property
    def label(self) -> str:
        noun = "claim" if self.n == 1 and not (self.more or self.approx) else "claims"
        if self.approx:
            return f"About {self.n:,} {noun}"
        return f"{'More than ' if self.more else ''}{self.n:,} {noun}"


def search_page(queryset, params, *, sort: str, parsed) -> tuple[ListPage, ResultCount]:
    """A page of search results (`queryset`: matches in list order) and their count.

    Newest/oldest: keyset pages, like the unfiltered list; the planner picks the GIN index for
    rare words and the date index for common ones. Relevance: the newest RANK_CANDIDATES
    matches, ranked by id alone, then one page of rows fetched by primary key.
    """
    if sort == SORT_RELEVANCE:
        ids = list(queryset.values_list("pk", flat=True)[: search.RANK_CANDIDATES])  # query
        ranked = search.rank_ids(Claim.objects.all(), ids, parsed).values_list("pk", flat=True)
        page = numbered_page(ranked, params)  # query: one page of ids, best first
        found = Claim.objects.public().for_list().in_bulk(page.rows) if page.rows else {}  # query
        page.rows = [found[pk] for pk in page.rows if pk in found]
    else:
        page = keyset_page(queryset, params, descending=sort != SORT_OLDEST)  # query
    return page, search_count(queryset)


def search_count(queryset) -> ResultCount:
    """Exact up to SEARCH_COUNT_CAP; above it (PostgreSQL) the planner's estimate.

    Counting even 1,000 matches of a word found in 1% of claims walks 100,000 index entries;
    the planner's row estimate (EXPLAIN, no execution) is close for full-text matches.
    """
    if connection.vendor == "postgresql":
        estimate = planner_rows(queryset)  # query: EXPLAIN
        if estimate > SEARCH_COUNT_CAP:
            return estimated_count(estimate)
    n, more = capped_count(queryset, cap=SEARCH_COUNT_CAP)  # query
    return ResultCount(n, more=more)


def list_count(queryset) -> ResultCount:
    """Exact up to LIST_COUNT_CAP (counting stops there: at most that many index entries); above
    it, on PostgreSQL, the planner's estimate when it agrees there are more, else "More than".

    Counting the 10,000 newest of 100,000 claims cost 3-7 ms a page; 1,000 and an EXPLAIN cost
    well under 1 ms each."""
    n, more = capped_count(queryset, cap=LIST_COUNT_CAP)  # query
    if more and connection.vendor == "postgresql":
        estimate = planner_rows(queryset)  # query: EXPLAIN
        if estimate > LIST_COUNT_CAP:
            return estimated_count(estimate)
    return ResultCount(n, more=more)


def estimated_count(estimate: int) -> ResultCount:
    """The planner's estimate to two significant figures ("About 11,000 claims")."""
    return ResultCount(round(estimate, -max(0, len(str(estimate)) - 2)), approx=True)


def planner_rows(queryset) -> int:
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def numbered_page(queryset, params) -> ListPage:
    """Offset pages over a bounded result (relevance order ranks at most search.RANK_CANDIDATES)."""
    last = max(1, -(-search.RANK_CANDIDATES // PAGE_SIZE))  # pages needed for the candidates
    try:
        number = min(max(int(params.get("page", "1")), 1), last)
    except ValueError:
        number = 1
    offset = (number - 1) * PAGE_SIZE
    rows = list(queryset[offset : offset + PAGE_SIZE + 1])
    page = ListPage(rows=rows[:PAGE_SIZE], number=number)
    if len(rows) > PAGE_SIZE and number < last:
        page.next_params = {"page": number + 1, "after": None, "before": None}
    if number > 1:
        page.prev_params = {"page": number - 1, "after": None, "before": None}
    return page
