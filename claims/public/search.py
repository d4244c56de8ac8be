"""Claim search for the public claim list: PostgreSQL full text, a plain fallback on SQLite.

PostgreSQL matches `Claim.search` (a generated tsvector with a GIN index, migration 0002)
against `websearch_to_tsquery('english', q)`, which accepts anything a reader types (quotes,
`or`, `-word`) without a syntax error. A claim also matches when its speaker's name or one of
the speaker's aliases matches, or the name of its article's outlet.

Relevance ranking is bounded: the newest RANK_CANDIDATES matches are taken through the index,
then only those are ranked. Ranking every match of a very common word costs a full
ts_rank over tens of thousands of rows; the bounded form keeps p95 flat (bench/bench_search.py).

SQLite has no tsvector: every word must appear (case-insensitive substring) in the content,
the speaker mention, the speaker's name or one of its aliases, or the outlet's name, and no
"-word" may; relevance there is recency.

Snippets are highlighted in Python (`highlight`), on the rows of one page only, and escaped.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from claims.models import Outlet, Speaker, SpeakerAlias

# Relevance ranks the newest matches only. The date index finds them by scanning about
# RANK_CANDIDATES / (share of claims matching) entries: 300 keeps a 1%-word under ~30k.
RANK_CANDIDATES = 300
MAX_QUERY_LENGTH = 200
# Speakers whose name matches the query; their claims match too. Bounded: a one-letter query
# must not turn into an IN list of every speaker.
MAX_MATCHING_SPEAKERS = 50
# Outlets whose name matches the query; the claims in their articles match too. Bounded alike.
MAX_MATCHING_OUTLETS = 20

_WORD = re.compile(r"\w+", re.UNICODE)
_NEGATED = re.compile(r"(?:^|\s)-\"[^\"]*\"|(?:^|\s)-\w+", re.UNICODE)
# Words websearch_to_tsquery reads as operators rather than search terms.
_OPERATOR_WORDS = {"or", "and", "not"}


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the query as given to the database (cleaned, bounded)
    words: tuple[str, ...]  # the positive words, lower-cased, for the fallback and highlighting
    excluded: tuple[str, ...] = ()  # words after a minus sign ("-rumour"): the fallback drops them

    def __bool__(self):
        return bool(self.words)


def parse_query(raw: str | None) -> ParsedQuery:
    """Clean reader input: drop NUL and control characters, bound the length, pick the words."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable() or ch == " ")
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    positive = _NEGATED.sub(" ", text)
    words = tuple(
        dict.fromkeys(
            w.lower() for w in _WORD.findall(positive) if w.lower() not in _OPERATOR_WORDS
        )
    )
    excluded = tuple(w.lower() for m in _NEGATED.findall(text) for w in _WORD.findall(m) if w)
    return ParsedQuery(text=text, words=words[:20], excluded=excluded[:20])


def _tsquery(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(parsed.text, search_type="websearch", config="english")


def matching(queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """Claims of `queryset` that match the query (no ordering imposed)."""
    if not parsed:
        return queryset.none()
    if connection.vendor == "postgresql":
        query = _tsquery(parsed)
        # One small query on the speakers table first: a literal id list lets the planner
        # OR two index scans (GIN on search, btree on speaker); a join in the OR would not.
        # A speaker matches by name or by any alias ("Zelensky" finds Volodymyr Zelenskyy).
        alias_matches = SpeakerAlias.objects.annotate(
            doc=SearchVector("alias", config="english")
        ).filter(doc=query, speaker_id=OuterRef("pk"))
        speaker_ids = list(
            Speaker.objects.annotate(doc=SearchVector("name", config="english"))
            .filter(Q(doc=query) | Exists(alias_matches))
            .values_list("pk", flat=True)[:MAX_MATCHING_SPEAKERS]
        )
        # Outlets the same way: "Kyiv Independent" finds the claims in that outlet's articles.
        outlet_ids = list(
            Outlet.objects.annotate(doc=SearchVector("name", config="english"))
            .filter(doc=query)
            .values_list("pk", flat=True)[:MAX_MATCHING_OUTLETS]
        )
        condition = Q(search=query)
        if speaker_ids:
            condition |= Q(speaker_id__in=speaker_ids)
        if outlet_ids:
            condition |= Q(article__outlet_id__in=outlet_ids)
        return queryset.filter(condition)
    condition = Q()
    for word in parsed.words:
        condition &= (
            Q(content__icontains=word)
            | Q(mention__icontains=word)
            | Q(speaker__name__icontains=word)
            | Exists(
                SpeakerAlias.objects.filter(
                    speaker_id=OuterRef("speaker_id"), alias__icontains=word
                )
            )
            | Q(article__outlet__name__icontains=word)
        )
    for word in parsed.excluded:
        condition &= ~Q(content__icontains=word) & ~Q(mention__icontains=word)
    return queryset.filter(condition)


def rank_ids(queryset: QuerySet, ids: list[int], parsed: ParsedQuery) -> QuerySet:
    """The claims `ids` of `queryset`, best match first: ts_rank on PostgreSQL, else newest.

    `ids` are the newest RANK_CANDIDATES matches (read through the index by the caller): only
    those are ranked, so a word found in most claims costs no more than a rare one.
    """
    bounded = queryset.filter(pk__in=ids)
    if connection.vendor == "postgresql":
        return bounded.annotate(rank=SearchRank(F("search"), _tsquery(parsed))).order_by(
            "-rank", "-sort_date", "-id"
        )
    return bounded.order_by("-sort_date", "-id")


def _word_pattern(word: str) -> str:
    # Crude stemming so "talks" also lights up "talk" and "negotiations" "negotiating": match the
    # word, or its first letters when it is long, followed by any word characters.
    stem = word
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            stem = word[: -len(suffix)]
            break
    return rf"\b{re.escape(stem)}\w*"


def highlight(text: str, parsed: ParsedQuery) -> SafeString:
    """`text` escaped, with the query's words wrapped in <mark>."""
    if not parsed or not text:
        return conditional_escape(text)
    pattern = re.compile("|".join(_word_pattern(w) for w in parsed.words), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(conditional_escape(text[last : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group(0)))
        last = match.end()
    parts.append(conditional_escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 -- every part is escaped above
