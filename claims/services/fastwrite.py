"""The import's hot-path writes on PostgreSQL: COPY for rows, history rows made by the server.

Django's bulk_create prepares every value of every row in Python (the insert compiler's
per-field preparation, then psycopg quoting them into arrays): about three quarters of the
writing process of an import (docs/benchmarks-import.md). Here:

- rows are plain tuples streamed with COPY (psycopg 3's copy support, its C dumpers);
- their ids come from the table's own sequence, taken in blocks (`IdBlocks`), so rows written
  by COPY, which returns nothing, still have known ids;
- a simple-history "created" row is made by the server from the row just written
  (INSERT ... SELECT by id), so a 5 KB article body crosses the wire once, not twice.

The rows are the same as bulk_create + bulk_history_create write (the tests compare them);
unique and foreign-key violations raise Django's IntegrityError as they did. PostgreSQL only:
`enabled()` says whether to use it, and SQLite keeps the ORM path.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from collections.abc import Iterable, Sequence
from contextlib import contextmanager, nullcontext

from django.db import connection
from django.utils import timezone
from psycopg import pq

# A session's later id requests take at least this many at once (one query per block).
ID_BLOCK = 512


def enabled() -> bool:
    return connection.vendor == "postgresql"


def plain(value):
    """A value COPY can take as it is: enum members (TextChoices) as their value."""
    return value.value if isinstance(value, enum.Enum) else value


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


@functools.cache
def _sequence(table: str, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [_qn(table), column])
        (name,) = cursor.fetchone()
    if not name:
        raise LookupError(f"{table}.{column} has no sequence")
    return name


class IdBlocks:
    """Ids for rows not yet written, from each table's sequence (so never handed out twice,
    whatever other processes insert meanwhile).

    The first request takes exactly what it needs (a one-article session wastes none), later
    ones at least ID_BLOCK. Ids a rolled-back transaction took are not reused by this object;
    the sequence, as always, leaves gaps.
    """

    def __init__(self):
        self._free: dict[str, list[int]] = {}
        self._asked: set[str] = set()

    def take(self, model, n: int) -> list[int]:
        table = model._meta.db_table
        free = self._free.setdefault(table, [])
        if len(free) < n:
            want = n - len(free)
            if table in self._asked:
                want = max(want, ID_BLOCK)
            self._asked.add(table)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT nextval(%s) FROM generate_series(1, %s)",
                    [_sequence(table, model._meta.pk.column), want],
                )
                free.extend(row[0] for row in cursor.fetchall())
        taken, self._free[table] = free[:n], free[n:]
        return taken


def copy_rows(model, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY `rows` (tuples in `columns`' order) into `model`'s table, in the current
    transaction. Database errors (a unique or foreign-key violation) are Django's. Counted as
    one query wherever Django counts them (the debug cursor's log, execute_wrapper)."""
    sql = f"COPY {_qn(model._meta.db_table)} ({', '.join(_qn(c) for c in columns)}) FROM STDIN"

    def copy(sql, params, many, context):
        with context["cursor"].cursor.copy(sql) as stream:
            for row in rows:
                stream.write_row(row)

    with connection.cursor() as cursor, connection.wrap_database_errors:
        logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
        with logged:
            cursor._execute_with_wrappers(sql, None, False, executor=copy)


def _history_columns(model) -> tuple[str, list[str], list[str]]:
    """The history table, the tracked columns, and those with the history_* columns after."""
    history = model.history.model
    tracked = [f.column for f in history.tracked_fields]
    columns = [*tracked, "history_date", "history_change_reason", "history_type"]
    columns.append(history._meta.get_field("history_user").column)
    return history._meta.db_table, tracked, columns


@functools.cache
def _history_sql(model) -> str:
    """INSERT INTO <history> (tracked columns, history_*) SELECT ... FROM <table> WHERE id in."""
    table, tracked, columns = _history_columns(model)
    # Identifiers come from model metadata; every value is a parameter.
    return (
        f"INSERT INTO {_qn(table)} ({', '.join(_qn(c) for c in columns)}) "  # noqa: S608
        f"SELECT {', '.join(_qn(c) for c in tracked)}, %s, %s, '+', %s "
        f"FROM {_qn(model._meta.db_table)} WHERE {_qn(model._meta.pk.column)} = ANY(%s)"
    )


def history_created(model, ids: list[int], *, reason: str, user=None, date=None) -> None:
    """simple-history's "created" rows for the `model` rows `ids`, as bulk_history_create
    writes them (every tracked field, the date, reason, type "+" and user), copied by the
    server from the rows themselves."""
    if not ids:
        return
    user_id = user.pk if getattr(user, "pk", None) else None
    with connection.cursor() as cursor:
        cursor.execute(
            _history_sql(model) + _returning(model),
            [date or timezone.now(), reason, user_id, list(ids)],
        )
        _history_m2m(model, cursor)


def history_changed(model, ids: list[int], *, reason: str, user=None, date=None) -> None:
    """simple-history's "changed" rows ('~') for the `model` rows `ids` after a write that
    writes none (bulk_update, QuerySet.update), as save() would have written them: every
    tracked field as the row now stands, copied by the server. Unlike the rest of this module
    it runs on SQLite too (the ids go in an IN list; the date as the backend stores it)."""
    if not ids:
        return
    table, tracked, columns = _history_columns(model)
    user_id = user.pk if getattr(user, "pk", None) else None
    date = connection.ops.adapt_datetimefield_value(date or timezone.now())
    # Identifiers come from model metadata; every value is a parameter.
    sql = (
        f"INSERT INTO {_qn(table)} ({', '.join(_qn(c) for c in columns)}) "  # noqa: S608
        f"SELECT {', '.join(_qn(c) for c in tracked)}, %s, %s, '~', %s "
        f"FROM {_qn(model._meta.db_table)} "
        f"WHERE {_qn(model._meta.pk.column)} IN ({', '.join(['%s'] * len(ids))}) "
        # The history ids in the rows' id order, not the order a scan happens to meet them
        # (which moves with where updated rows landed in the table).
        f"ORDER BY {_qn(model._meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql + _returning(model), [date, reason, user_id, *ids])
        _history_m2m(model, cursor)


def history_m2m_fields(model) -> list:
    """The many-to-many fields whose state simple-history keeps with each row (Claim.tags)."""
    return list(getattr(model.history.model, "_history_m2m_fields", ()))


def _returning(model) -> str:
    """Only a model with recorded many-to-many fields needs the new history rows' ids back."""
    return " RETURNING history_id" if history_m2m_fields(model) else ""


def _history_m2m(model, cursor) -> None:
    """After a history insert ending in `_returning`: each new row's snapshot of its
    many-to-many fields, as simple-history writes with every row it makes itself (so the trail
    never shows a claim's tags vanishing at a merge or a re-anchoring)."""
    if history_m2m_fields(model):
        history_m2m(model, [row[0] for row in cursor.fetchall()])


def history_m2m(model, history_ids: list[int]) -> None:
    """The many-to-many snapshots of the history rows `history_ids` of `model`, copied by the
    server from the relations as they now stand. Portable SQL (SQLite too)."""
    for field in history_m2m_fields(model):
        m2m = getattr(model.history.model, field.name).model  # HistoricalClaim_tags
        through = field.remote_field.through._meta
        own, other = field.m2m_column_name(), field.m2m_reverse_name()
        history = model.history.model._meta
        for start in range(0, len(history_ids), 500):
            chunk = history_ids[start : start + 500]
            # Identifiers come from model metadata; every value is a parameter.
            sql = (
                f"INSERT INTO {_qn(m2m._meta.db_table)} "  # noqa: S608
                f"({_qn('id')}, {_qn(own)}, {_qn(other)}, {_qn('history_id')}) "
                f"SELECT t.{_qn('id')}, t.{_qn(own)}, t.{_qn(other)}, h.{_qn('history_id')} "
                f"FROM {_qn(history.db_table)} h JOIN {_qn(through.db_table)} t "
                f"ON t.{_qn(own)} = h.{_qn(model._meta.pk.column)} "
                f"WHERE h.{_qn('history_id')} IN ({', '.join(['%s'] * len(chunk))})"
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, chunk)


@functools.cache
def _insert_with_history_sql(model, columns: tuple[str, ...]) -> str:
    history = model.history.model
    tracked = [f.column for f in history.tracked_fields]
    hcolumns = [*tracked, "history_date", "history_change_reason", "history_type"]
    hcolumns.append(history._meta.get_field("history_user").column)
    pk = _qn(model._meta.pk.column)
    # One statement: the row, then its history row copied from what the first part returns.
    return (
        f"WITH new_row AS (INSERT INTO {_qn(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(_qn(c) for c in columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
        f"RETURNING *) "
        f"INSERT INTO {_qn(history._meta.db_table)} ({', '.join(_qn(c) for c in hcolumns)}) "
        f"SELECT {', '.join(_qn(c) for c in tracked)}, %s, %s, '+', %s FROM new_row "
        f"RETURNING {pk}"
    )


def insert_with_history(instance, *, reason: str, user=None, date=None) -> None:
    """INSERT one model instance (every concrete field as it stands, its auto id left to the
    database) and its simple-history "created" row, in one statement; sets its pk as save()
    would. What Model.save() + the history signal do, without the ORM's per-field work."""
    model = type(instance)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key or f.attname != "id"]
    columns = tuple(f.column for f in fields)
    values = [plain(getattr(instance, f.attname)) for f in fields]
    user_id = user.pk if getattr(user, "pk", None) else None
    with connection.cursor() as cursor:
        cursor.execute(
            _insert_with_history_sql(model, columns),
            [*values, date or timezone.now(), reason, user_id],
        )
        (instance.pk,) = cursor.fetchone()
    instance._state.adding = False
    instance._state.db = connection.alias


def copy_fields(model) -> list:
    """The fields COPY writes: every stored column but the generated ones (a search vector)."""
    return [f for f in model._meta.concrete_fields if not f.generated]


def copy_create(objs: list, ids: IdBlocks) -> None:
    """bulk_create(objs) by COPY: ids from `ids`, auto_now(_add) and other pre_save values
    set as bulk_create sets them; the instances end up saved, with their pks."""
    if not objs:
        return
    model = type(objs[0])
    pk_name = model._meta.pk.attname
    for obj, pk in zip(objs, ids.take(model, len(objs)), strict=True):
        setattr(obj, pk_name, pk)
    copy_rows(model, [f.column for f in copy_fields(model)], row_tuples(objs))
    saved(objs)


def row_tuples(objs: list) -> list[tuple]:
    """The instances (their pks set) as the tuples bulk_create would insert, in copy_fields'
    order: auto_now(_add) and other pre_save values set as bulk_create sets them."""
    if not objs:
        return []
    fields = copy_fields(type(objs[0]))
    return [
        tuple(
            plain(getattr(obj, f.attname) if f.primary_key else f.pre_save(obj, True))
            for f in fields
        )
        for obj in objs
    ]


def saved(objs: Iterable) -> None:
    """Mark instances written by hand as saved, as save() would."""
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


class ArticleRows:
    """One article's new rows, sent to PostgreSQL as one statement by `write()`.

    The statement is a chain of data-modifying CTEs (the new speakers, their aliases, the
    article and its history row, the claims and their history rows): one round trip instead
    of one or two per table, which under load, where each round trip waits for the server to
    be scheduled and then for this process, is most of an article's writing time. Every id is
    known in advance (`IdBlocks`), and every foreign key is deferred to the commit, so the
    order of the parts does not matter. Rows travel as JSON (one parameter per table, encoded
    by the json module's C encoder) and the server reads them with json_populate_recordset
    into the table's own row type, so the values are converted exactly as COPY or an INSERT
    converts them.

    The aliases' ON CONFLICT DO NOTHING keeps a name another run stored first. When that name
    is one of this article's new speakers' (`must_store`), the statement inserts it once more
    without ON CONFLICT, and so fails on the unique index (an IntegrityError: the article
    rolls back and import_article retries it with a reloaded speaker cache, which resolves
    the name to that run's speaker) instead of writing a second speaker for it. The
    statement itself fails, not a check after it, because it may be a transaction of its
    own (`alone`).

    Existing speakers the article fills in (`fills`, from `claims.services.speakers.writes`)
    are updated in the same statement, as `_Writes._write_filled` does in its own queries
    otherwise: the rows locked in id order, a field written only while it is still blank in
    the database (an editor's value is never overwritten), the page cache's shared counter
    noted for the commit when a speaker changed (`fill_note`: `_note_shared_generation`'s
    setting, read in the statement's snapshot, the one the question below reads), and a '~'
    history row for each speaker changed, copied from the updated row, its reason telling the
    speakers a public page may name (`claims.queries.shown_publicly_among`, walked over the
    containment as it stands after the update) from the others. So an article that fills a
    speaker in is one round trip like any other, instead of five or more statements before
    its own, and BEGIN and COMMIT.
    """

    def __init__(self, *, alone: bool = False):
        # The caller's transaction is the article's own (outermost, not a dry run): when this
        # statement is the first to reach the server in it, it is the whole transaction.
        self.alone = alone
        self.article = None
        self.article_reason = ""
        self.speakers: list[tuple] = []  # copy_fields(Speaker) order
        self.aliases: list[tuple[int, str, str]] = []  # (speaker id, alias, normalised)
        self.must_store: set[str] = set()
        self.claims: list[tuple] = []  # copy_fields(Claim) order
        self.claim_reason = ""
        self.user = None
        self.date = None  # the history rows' date (the claims' created), else now
        # Existing speakers' blanks to fill in: id -> {attname: value} (role, affiliation,
        # affiliated_with_id); the history rows' reasons (a public page may name the speaker,
        # none does); the shared counter's table and the setting that notes it.
        self.fills: dict[int, dict] = {}
        self.fill_reasons = ("", "")
        self.fill_note = ("", "")

    def write(self) -> None:
        from claims.models import Claim, Speaker, SpeakerAlias

        date = self.date or timezone.now()
        user_id = self.user.pk if getattr(self.user, "pk", None) else None
        parts, params = [], []
        if self.speakers:
            parts.append(_populate_part("sp", Speaker, returning=False))
            params.append(_json_rows(Speaker, self.speakers))
        if self.aliases:
            parts.append(_alias_part(SpeakerAlias))
            params += [date, _alias_json(self.aliases)]
            if must := [row for row in self.aliases if row[2] in self.must_store]:
                parts.append(_taken_part(SpeakerAlias))
                params += [date, _alias_json(must)]
        if self.article is not None:
            model = type(self.article)
            parts.append(_populate_part("ar", model, returning=True, one=True))
            params.append(_json_rows(model, row_tuples([self.article]), one=True))
            parts.append(_history_part("ah", model, "ar"))
            params += [date, self.article_reason, user_id]
        if self.claims:
            parts.append(_populate_part("cl", Claim, returning=True))
            params.append(_json_rows(Claim, self.claims))
            parts.append(_history_part("ch", Claim, "cl"))
            params += [date, self.claim_reason, user_id]
        # Data-modifying CTEs run whether or not the query reads them.
        main = "SELECT NULL LIMIT 0"
        if self.fills:
            from claims.enums import ClaimStatus
            from claims.queries import CONTAINMENT_DEPTH

            table, setting = self.fill_note
            parts.append(_fill_part(Speaker, Claim, table))
            params += [_fill_json(self.fills), setting, setting, CONTAINMENT_DEPTH]
            params += [ClaimStatus.PUBLISHED.value, date, *self.fill_reasons, user_id]
            main = "SELECT count(*) FROM fg"  # read, so that the note is taken
        if not parts:
            return
        recursive = "RECURSIVE " if self.fills else ""
        sql = f"WITH {recursive}{', '.join(parts)} {main}"
        with connection.cursor() as cursor, _as_its_own_transaction(self.alone):
            cursor.execute(sql, params)
        if self.article is not None:
            saved([self.article])


@contextmanager
def _as_its_own_transaction(alone: bool):
    """Run what the block executes as its own transaction when nothing of the enclosing one
    has reached the server yet (psycopg sends BEGIN with a transaction's first statement).

    For most new articles the one statement is all their transaction holds. psycopg would
    send it as three round trips (BEGIN, the statement, COMMIT), each a wait for the server
    process and then for this one, which on a busy machine is most of an article's writing
    time. Outside a transaction block PostgreSQL runs one statement as a transaction of its
    own (deferred foreign keys checked at its end), so it is sent alone; the caller's
    atomic() then finds the connection idle, and psycopg's commit (or rollback, if the
    statement failed) has nothing to send. All or nothing as before: a crash or an error
    leaves the article wholly written or not at all."""
    conn = connection.connection
    if not alone or conn.info.transaction_status != pq.TransactionStatus.IDLE:
        yield
        return
    conn.autocommit = True
    try:
        yield
    finally:
        conn.autocommit = False


def _json_default(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _json_rows(model, rows, *, one=False) -> str:
    columns = [f.column for f in copy_fields(model)]
    objects = [dict(zip(columns, row, strict=True)) for row in rows]
    return _dumps(objects[0] if one else objects)


@functools.cache
def _populate_part(name: str, model, *, returning: bool, one: bool = False) -> str:
    """name AS (INSERT INTO table (columns) SELECT columns FROM the JSON rows [RETURNING *])."""
    columns = ", ".join(_qn(f.column) for f in copy_fields(model))
    table = _qn(model._meta.db_table)
    source = "json_populate_record" if one else "json_populate_recordset"
    return (
        f"{name} AS (INSERT INTO {table} ({columns}) SELECT {columns} "  # noqa: S608
        f"FROM {source}(NULL::{table}, %s::json){' RETURNING *' if returning else ''})"
    )


def _alias_json(rows) -> str:
    return _dumps([{"s": pk, "a": alias, "n": key} for pk, alias, key in rows])


def _alias_columns(model) -> list[str]:
    meta = model._meta
    return [meta.get_field(n).column for n in ("speaker", "alias", "normalised", "created")]


@functools.cache
def _alias_part(model) -> str:
    """al AS (INSERT the (speaker, alias, normalised) rows, skipping names already taken)."""
    columns = _alias_columns(model)
    return (
        f"al AS (INSERT INTO {_qn(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(_qn(c) for c in columns)}) "
        "SELECT r.s, r.a, r.n, %s::timestamptz "
        "FROM json_to_recordset(%s::json) AS r(s bigint, a text, n text) "
        f"ON CONFLICT ({_qn(columns[2])}) DO NOTHING RETURNING {_qn(columns[2])})"
    )


@functools.cache
def _taken_part(model) -> str:
    """an AS (INSERT again, without ON CONFLICT, the rows `al` skipped among these): none in
    the usual case; a name another run took fails the statement on the unique index."""
    columns = _alias_columns(model)
    return (
        f"an AS (INSERT INTO {_qn(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(_qn(c) for c in columns)}) "
        "SELECT r.s, r.a, r.n, %s::timestamptz "
        "FROM json_to_recordset(%s::json) AS r(s bigint, a text, n text) "
        f"WHERE r.n NOT IN (SELECT {_qn(columns[2])} FROM al))"
    )


@functools.cache
def _history_part(name: str, model, source: str) -> str:
    """name AS (INSERT INTO the history table the "created" rows of what `source` returned)."""
    table, tracked, columns = _history_columns(model)
    return (
        f"{name} AS (INSERT INTO {_qn(table)} "  # noqa: S608
        f"({', '.join(_qn(c) for c in columns)}) "
        f"SELECT {', '.join(_qn(c) for c in tracked)}, %s, %s, '+', %s FROM {source})"
    )


# What ArticleRows.fills may set: (attname, its key in the JSON rows, its SQL type).
_FILLABLE = (
    ("role", "role", "text"),
    ("affiliation", "aff", "text"),
    ("affiliated_with_id", "up", "bigint"),
)


def _fill_json(fills: dict[int, dict]) -> str:
    rows = []
    for pk, fields in sorted(fills.items()):
        row = {"id": pk}
        for attname, key, _ in _FILLABLE:
            row[key], row[f"has_{key}"] = fields.get(attname), attname in fields
        rows.append(row)
    return _dumps(rows)


@functools.cache
def _fill_part(speaker, claim, generations: str) -> str:
    """fw (the wanted values), fl (those speakers locked, in id order), fu (the update of the
    fields still blank, RETURNING the rows as updated), fg (the note of the shared counter in
    `generations` when a speaker changed, in the transaction's setting: the first note
    stands), fb and fs (the walk of
    `claims.queries.shown_publicly_among` from each updated speaker down through its members,
    as they stand after the update, to a published claim), fh (the history rows: those a
    public page may name first, then the others, each in id order, as `history_changed`
    numbered them in two inserts)."""
    table, claims = _qn(speaker._meta.db_table), _qn(claim._meta.db_table)
    history, tracked, columns = _history_columns(speaker)
    up = _qn(speaker._meta.get_field("affiliated_with").column)
    by = _qn(claim._meta.get_field("speaker").column)
    record = ", ".join(f"{key} {kind}, has_{key} boolean" for _, key, kind in _FILLABLE)
    sets, blanks = [], []
    for attname, key, kind in _FILLABLE:
        column = _qn(speaker._meta.get_field(attname).column)
        empty = f"s.{column} IS NULL" if kind == "bigint" else f"COALESCE(s.{column}, '') = ''"
        blank = f"(fw.has_{key} AND {empty})"
        sets.append(f"{column} = CASE WHEN {blank} THEN fw.{key} ELSE s.{column} END")
        blanks.append(blank)
    shown = "fu.id IN (SELECT id FROM fs)"
    # Identifiers come from model metadata; every value is a parameter.
    return (
        f"fw AS (SELECT * FROM json_to_recordset(%s::json) AS w(id bigint, {record})), "  # noqa: S608
        f"fl AS (SELECT s.id FROM {table} s WHERE s.id IN (SELECT id FROM fw) "
        f"ORDER BY s.id FOR NO KEY UPDATE), "
        f"fu AS (UPDATE {table} s SET {', '.join(sets)} FROM fw "
        f"WHERE s.id = fw.id AND s.id IN (SELECT id FROM fl) AND ({' OR '.join(blanks)}) "
        f"RETURNING s.*), "
        f"fg AS (SELECT set_config(%s, coalesce(nullif(current_setting(%s, true), ''), "
        f"public::text), true) FROM {_qn(generations)} WHERE id = 1 "
        f"AND EXISTS (SELECT 1 FROM fu)), "
        f"fb (root, id, depth) AS (SELECT id, id, 0 FROM fu "
        f"UNION ALL SELECT fb.root, m.id, fb.depth + 1 "
        f"FROM (SELECT id, {up} FROM {table} UNION ALL SELECT id, {up} FROM fu) m "
        f"JOIN fb ON m.{up} = fb.id WHERE fb.depth < %s), "
        f"fs AS (SELECT DISTINCT fb.root AS id FROM fb WHERE EXISTS "
        f"(SELECT 1 FROM {claims} c WHERE c.{by} = fb.id AND c.status = %s)), "
        f"fh AS (INSERT INTO {_qn(history)} ({', '.join(_qn(c) for c in columns)}) "
        f"SELECT {', '.join(f'fu.{_qn(c)}' for c in tracked)}, %s, "
        f"CASE WHEN {shown} THEN %s ELSE %s END, '~', %s FROM fu "
        f"ORDER BY {shown} DESC, fu.id)"
    )
