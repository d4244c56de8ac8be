"""Slugs come after the highest taken suffix: work per new slug does not grow with how many
articles share the headline (issue 15, item 11: "Update" x 6,000 slowed every batch).

Work is counted as rows the ORM reads from the database, never timed."""

import contextlib
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.backends.utils import CursorWrapper
from django.db.models.sql import compiler
from django.db.models.sql.constants import MULTI

from claims.models import (
    Article,
    available_slug,
    highest_suffix,
    highest_suffixes,
    slug_suffix,
)

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def rows_read():
    """Counts the rows every query of the block returns: ORM queries, and raw SQL read with
    fetchall (highest_suffixes on PostgreSQL)."""
    count = [0]
    original = compiler.SQLCompiler.execute_sql

    last_sql = [""]

    def remember(execute, sql, params, many, context):
        last_sql[0] = sql
        return execute(sql, params, many, context)

    def counting_fetchall(self):  # CursorWrapper hands fetchall to the driver's cursor
        rows = self.cursor.fetchall()
        sql = last_sql[0].lstrip().upper()
        # Not an INSERT's RETURNING, nor ids taken from a sequence (fastwrite.IdBlocks: a
        # block of new ids, no rows of a table).
        if sql.startswith("SELECT") and not sql.startswith("SELECT NEXTVAL("):
            count[0] += len(rows)
        return rows

    def counting(self, result_type=MULTI, *args, **kwargs):
        result = original(self, result_type, *args, **kwargs)
        if result_type == MULTI and result is not None:
            chunks = [list(chunk) for chunk in result]
            count[0] += sum(len(chunk) for chunk in chunks)
            return iter(chunks)
        return result

    compiler.SQLCompiler.execute_sql = counting
    CursorWrapper.fetchall = counting_fetchall
    try:
        with connection.execute_wrapper(remember):
            yield count
    finally:
        compiler.SQLCompiler.execute_sql = original
        del CursorWrapper.fetchall


def existing_updates(n: int) -> None:
    rows = [Article(headline="Update", slug="update", body="x", source_key="k1")]
    rows += [
        Article(headline="Update", slug=f"update-{i}", body="x", source_key=f"k{i}")
        for i in range(2, n + 1)
    ]
    Article.objects.bulk_create(rows)


def test_slug_suffix_reads_only_the_base_and_its_numbers():
    assert slug_suffix("update", "update") == 1
    assert slug_suffix("update-17", "update") == 17
    assert [slug_suffix(s, "update") for s in ("update-01", "update-x", "updates", "upd")] == [
        None
    ] * 4


@pytest.mark.parametrize("taken", [20, 200])
def test_available_slug_reads_one_row_however_many_share_the_headline(taken):
    existing_updates(taken)
    Article.objects.create(headline="Update news", body="y")  # "update-news": another headline

    with rows_read() as rows:
        slug = available_slug(Article, "Update", fallback="article")

    assert slug == f"update-{taken + 1}"
    assert rows[0] == 1  # counting up read all `taken` slugs


def test_highest_suffixes_one_row_per_headline_in_one_query(django_assert_num_queries):
    existing_updates(50)
    Article.objects.bulk_create(
        [
            Article(headline="Other", slug="other", body="x", source_key="o1"),
            Article(headline="Other", slug="other-9", body="x", source_key="o9"),
            Article(headline="Update news", slug="update-news", body="x", source_key="n"),
        ]
    )

    with django_assert_num_queries(1), rows_read() as rows:
        tops = highest_suffixes(Article, ["update", "other", "fresh"])

    assert tops == {"update": 50, "other": 9}
    assert rows[0] == 2


@pytest.mark.parametrize("taken", [20, 200])
def test_import_of_repeated_headlines_reads_rows_independent_of_how_many_exist(tmp_path, taken):
    existing_updates(taken)
    records = [{"headline": "Update", "body": f"Story number {i} is here."} for i in range(3)]
    (tmp_path / "updates.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")

    with rows_read() as rows:
        call_command("import_articles", str(tmp_path), stdout=io.StringIO(), verbosity=0)

    new = Article.objects.filter(source_path__endswith="updates.jsonl")
    assert sorted(new.values_list("slug", flat=True)) == [f"update-{taken + i}" for i in (1, 2, 3)]
    # The window's lookups (existing articles, one slug row per headline) and the resolver's
    # speaker cache: the same count whether 20 or 200 "update" slugs exist.
    assert rows[0] == 1


def test_highest_suffixes_each_base_its_own_on_postgresql(on_postgresql):
    # "update-5" and "update-2" are headlines of their own and numbered "update"s at once.
    slugs = ["update", "update-2", "update-5", "update-50", "update-5-2", "update-news", "upd-9"]
    Article.objects.bulk_create(
        [Article(headline=s, slug=s, body="x", source_key=s) for s in slugs]
    )
    bases = ["update", "update-2", "update-5", "update-news", "upd", "fresh"]

    with rows_read() as rows:
        tops = highest_suffixes(Article, bases)

    assert tops == {"update": 50, "update-2": 1, "update-5": 2, "update-news": 1, "upd": 9}
    assert tops == {b: n for b in bases if (n := highest_suffix(Article, b)) is not None}
    assert rows[0] == 5
