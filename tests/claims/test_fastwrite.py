"""The import's fast write path on PostgreSQL (claims.services.fastwrite) writes what the ORM path
writes: the same articles, claims, speakers, aliases and history rows, field for field."""

import contextlib
import io
import json
import threading

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connections, transaction

from claims.importers import ArticleRecord
from claims.models import Article, Claim, Speaker, SpeakerAlias
from claims.services import fastwrite
from claims.services.imports import ImportSession, import_article
from claims.services.speakers.writes import FILLED_IN, FILLED_IN_UNSEEN
from tests.factories import make_alias, make_claim, make_published_claim, make_speaker

pytestmark = pytest.mark.django_db

ARTICLES = [
    {
        "headline": "Talks resume",
        "url": "https://news.example/talks",
        "outlet": "Example News",
        "published": "2026-03-02",
        "body": (
            'Dmytro Kuleba, the foreign minister of Ukraine, said: "The talks are over." '
            "Later, a spokesman for the Kremlin told reporters that the meeting would go ahead.\n\n"
            "According to Maria Vance, the deal was signed on Tuesday. Kuleba said the "
            "agreement covered grain."
        ),
    },
    {
        "headline": "Talks resume",  # the same slug base: -2
        "outlet": "Example News",
        "body": "Maria Vance said the ports reopened. Mr. Kuleba said nothing had changed.",
    },
]


def run(path):
    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def snapshot():
    """Every row the import writes, ids replaced by what they point at, times left out."""
    speaker = dict(Speaker.objects.values_list("id", "name"))
    article = dict(Article.objects.values_list("id", "slug"))

    def rows(queryset, *, drop, names):
        out = []
        for row in queryset.values():
            for key in drop:
                row.pop(key)
            for key, table in names.items():
                row[key] = table.get(row[key])
            out.append(row)
        return sorted(out, key=repr)

    claim_names = {"article_id": article, "speaker_id": speaker}
    return {
        "articles": rows(Article.objects, drop=["id", "imported_at", "outlet_id"], names={}),
        "article history": rows(
            Article.history.model.objects,
            drop=["id", "imported_at", "outlet_id", "history_id", "history_date"],
            names={},
        ),
        "claims": rows(Claim.objects, drop=["id", "created", "updated"], names=claim_names),
        "claim history": rows(
            Claim.history.model.objects,
            drop=["id", "created", "history_id", "history_date"],
            names=claim_names,
        ),
        "speakers": rows(
            Speaker.objects, drop=["id", "created"], names={"affiliated_with_id": speaker}
        ),
        "aliases": rows(
            SpeakerAlias.objects, drop=["id", "created"], names={"speaker_id": speaker}
        ),
        # In the order they were written (the page cache reads the newest), reasons included.
        "speaker history": [
            {**row, "affiliated_with_id": speaker.get(row["affiliated_with_id"])}
            for row in Speaker.history.model.objects.order_by("history_id").values(
                "name",
                "role",
                "affiliation",
                "affiliated_with_id",
                "history_type",
                "history_change_reason",
            )
        ],
    }


def wipe():
    for model in (Claim, Article, SpeakerAlias, Speaker):
        model.objects.all().delete()
    for model in (Claim, Article, Speaker):  # after: deleting writes history rows too
        model.history.model.objects.all().delete()


def test_copy_path_writes_the_rows_the_orm_path_writes(on_postgresql, tmp_path, monkeypatch):
    path = tmp_path / "talks.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    with monkeypatch.context() as orm_only:
        orm_only.setattr(fastwrite, "enabled", lambda: False)
        run(path)
    by_orm = snapshot()
    wipe()

    run(path)
    by_copy = snapshot()

    assert len(by_copy["claims"]) >= 4 and len(by_copy["speakers"]) >= 3  # something to compare
    assert {k: len(v) for k, v in by_copy.items()} == {k: len(v) for k, v in by_orm.items()}
    for table in by_orm:
        assert by_copy[table] == by_orm[table], table
    # The generated search vector is filled by the database on both paths.
    assert Claim.objects.filter(search="grain").count() == 1


# Fills in the roles of two speakers the test makes: Tom Berg, with a published claim (so on
# public pages: FILLED_IN), and Ina Lund, with an unreviewed one only (FILLED_IN_UNSEEN).
FILLING_IN = {
    "headline": "Harbour",
    "outlet": "Example News",
    "body": (
        "“We will cut spending this year,” said Ina Lund, the mayor of the town. "
        "“The bridge will open in May,” said Tom Berg, the harbour master."
    ),
}


def test_copy_path_fills_in_speakers_as_the_orm_path_does(on_postgresql, tmp_path, monkeypatch):
    """The fill-ins go with the article's statement on PostgreSQL (fastwrite.ArticleRows.fills):
    the same speakers' fields, history rows, reasons and order as the ORM path's queries."""
    path = tmp_path / "talks.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in [*ARTICLES, FILLING_IN]) + "\n")

    def run_with_speakers():
        for name, make in (("Tom Berg", make_published_claim), ("Ina Lund", make_claim)):
            speaker = make_speaker(name=name)
            make_alias(speaker, name)
            make(content=f"Words of {name}", speaker=speaker)
        run(path)

    with monkeypatch.context() as orm_only:
        orm_only.setattr(fastwrite, "enabled", lambda: False)
        run_with_speakers()
    by_orm = snapshot()
    wipe()
    Speaker.history.model.objects.all().delete()

    run_with_speakers()
    by_copy = snapshot()

    filled = [
        (r["name"], r["role"], r["history_change_reason"])
        for r in by_copy["speaker history"]
        if r["history_type"] == "~"
    ]
    assert filled == [
        ("Tom Berg", "harbour master", FILLED_IN),
        ("Ina Lund", "mayor", FILLED_IN_UNSEEN),
    ]
    # The articles and claims the test made are numbered apart; the imported ones are
    # compared by the test above.
    for table in ("speakers", "aliases", "speaker history"):
        assert by_copy[table] == by_orm[table], table


def test_copy_path_claims_are_found_and_their_history_says_import(on_postgresql, tmp_path):
    path = tmp_path / "talks.jsonl"
    path.write_text(json.dumps(ARTICLES[1]) + "\n")

    run(path)

    claims = list(Claim.objects.order_by("start"))
    assert [c.speaker.name for c in claims] == ["Maria Vance", "Kuleba"]
    history = Claim.history.model.objects.order_by("id")
    assert [(h.id, h.history_type, h.history_user_id) for h in history] == [
        (c.pk, "+", None) for c in claims
    ]
    assert {h.history_change_reason for h in history} == {
        f"import (extractor {claims[0].extractor_version})"
    }


def test_id_blocks_never_hand_out_an_id_the_orm_uses(on_postgresql):
    blocks = fastwrite.IdBlocks()

    first = blocks.take(Claim, 3)
    made = make_claim()
    second = blocks.take(Claim, 2)
    third = blocks.take(Claim, 1)

    assert first == list(range(first[0], first[0] + 3))
    assert made.pk > first[-1]
    assert made.pk not in second + third
    assert third == [second[-1] + 1]  # from the block the second request took


def test_copy_of_a_taken_id_is_a_django_integrity_error(on_postgresql):
    claim = make_claim()
    columns = [f.column for f in fastwrite.copy_fields(Claim)]
    row = tuple(fastwrite.plain(getattr(claim, f.attname)) for f in fastwrite.copy_fields(Claim))

    with pytest.raises(IntegrityError), transaction.atomic():
        fastwrite.copy_rows(Claim, columns, [row])

    assert Claim.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("same_slug", [True, False], ids=["same-slug", "other-slug"])
def test_two_concurrent_imports_of_a_new_name_create_one_speaker(
    on_postgresql, monkeypatch, same_slug
):
    # Two runs (two ingest workers, or an import beside them), each with its own speaker
    # cache, resolve the same new name in their own transactions before either writes.
    records = [
        ArticleRecord(
            headline=f"Bridge {n} opens",
            body=f'"We will open bridge {n} before the winter," said Jane Okafor on Tuesday.',
        )
        for n in (1, 2)
    ]
    sessions = [ImportSession(), ImportSession()]
    if not same_slug:
        # The second run's cache holds the slug as taken (a speaker renamed since, say): the
        # two new speakers no longer collide on their slug, only on the name's alias.
        sessions[1].resolver._load()
        sessions[1].resolver._slugs.add("jane-okafor")
    both_resolved = threading.Barrier(2, timeout=30)
    first_tries: set[int] = set()
    write = fastwrite.ArticleRows.write

    def write_after_the_other_resolved(rows):
        if threading.get_ident() not in first_tries:  # a retry goes straight on
            first_tries.add(threading.get_ident())
            both_resolved.wait()
        return write(rows)

    monkeypatch.setattr(fastwrite.ArticleRows, "write", write_after_the_other_resolved)
    outcome = {}

    def run_import(n):
        try:
            outcome[n] = import_article(record=records[n], session=sessions[n]).status
        except Exception as exc:  # reported by the assertion below
            outcome[n] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run_import, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert outcome == {0: "created", 1: "created"}
    okafor = Speaker.objects.get()  # one speaker, not one per run
    assert okafor.name == "Jane Okafor"
    assert list(Claim.objects.values_list("speaker_id", flat=True)) == [okafor.pk, okafor.pk]
    assert list(SpeakerAlias.objects.values_list("normalised", "speaker_id")) == [
        ("jane okafor", okafor.pk)
    ]
    assert Article.objects.count() == 2


def test_history_changed_writes_the_row_save_writes():
    """The '~' row it makes for a row as it stands is field for field the one save() makes for
    it; on SQLite too, its date stored as the ORM stores dates (the fingerprint compares them)."""
    from django.utils import timezone

    from tests.factories import make_speaker

    speaker = make_speaker(name="Ina Lund")
    speaker.role, speaker._change_reason = "mayor", "filled in"
    speaker.save()
    later = timezone.now()

    fastwrite.history_changed(Speaker, [speaker.pk], reason="filled in", date=later)

    rows = list(speaker.history.order_by("history_id").values())
    by_save, by_server = ({k: v for k, v in r.items() if k != "history_id"} for r in rows[-2:])
    assert by_server == {**by_save, "history_date": later}
    assert speaker.history.filter(history_date__gte=later).count() == 1
    assert speaker.history.latest().history_type == "~"


def test_history_rows_by_the_server_keep_the_claims_tags():
    """A claim's history row written without save() (a merge, a re-anchoring, a load) records
    the claim's tags as save()'s does; on SQLite too for '~' rows, '+' rows on PostgreSQL."""
    from tests.factories import make_claim, make_tag

    tagged, bare = make_claim(), make_claim()
    tagged.tags.add(make_tag(name="Ferries"), make_tag(name="Bridges"))
    kinds = [fastwrite.history_changed]
    if fastwrite.enabled():
        kinds.append(fastwrite.history_created)

    for write in kinds:
        write(Claim, [tagged.pk, bare.pk], reason="moved")

        for claim, names in ((tagged, ["Bridges", "Ferries"]), (bare, [])):
            row = claim.history.latest()
            assert row.history_change_reason == "moved"
            assert sorted(t.tag.name for t in row.tags.all()) == names


@contextlib.contextmanager
def _traced(connection):
    """libpq's trace of what this connection sends (type and text of each message), filled in
    when the block ends."""
    import tempfile

    from psycopg import pq

    sent = []
    pgconn = connection.connection.pgconn
    with tempfile.TemporaryFile("w+") as trace:
        pgconn.trace(trace.fileno())
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            yield sent
        finally:
            pgconn.untrace()
            trace.seek(0)
            fields = [line.rstrip("\n").split("\t") for line in trace if line.startswith("F\t")]
            sent += [" ".join(f[2:]).strip() for f in fields]


@pytest.mark.django_db(transaction=True)
def test_an_article_whose_rows_are_its_only_statement_is_sent_as_its_own_transaction(
    on_postgresql,
):
    """One round trip instead of three (BEGIN, the statement, COMMIT), and only where the
    article's transaction is its own: not in a dry run, not inside a caller's transaction."""
    from django.db import connection

    from claims.services.imports import prepare
    from tests.factories import make_record

    session = ImportSession()
    for n in (1, 2):  # the run's first id requests are queries of their own
        import_article(
            record=make_record(body=f"Olaf Scholz said plan {n} was ready."), session=session
        )
    records = [
        make_record(headline=f"Bridge {n}", body=f"{name} said bridge {n} would open.")
        for n, name in ((3, "Per Holm"), (4, "Eva Berg"), (5, "Ina Lund"))
    ]
    session.prefetch((record, prepare(record)) for record in records)

    import_article(record=records[0], session=session, dry_run=True)
    with transaction.atomic():
        import_article(record=records[1], session=session)
        transaction.set_rollback(True)
    assert not Article.objects.filter(headline__in=["Bridge 3", "Bridge 4"]).exists()

    with _traced(connection) as messages:
        result = import_article(record=records[2], session=session)

    assert result.status == "created"
    assert [m.split()[:2] for m in messages] == [["Query", '"WITH']]  # no BEGIN, no COMMIT
    article = Article.objects.get(headline="Bridge 5")
    assert [(c.speaker.name, c.speaker.aliases.count()) for c in article.claims.all()] == [
        ("Ina Lund", 1)
    ]
    assert Article.history.filter(id=article.pk).count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_article_filling_in_speakers_is_sent_as_its_own_transaction(
    on_postgresql,
):
    """An article that gives a known speaker her role is one statement too (the lock, the
    update, the note of the page cache's counter, the history row and the article's rows);
    it was BEGIN, five statements, the article's, COMMIT."""
    from django.db import connection

    from claims.services.imports import prepare
    from tests.factories import make_record

    lund = make_speaker(name="Ina Lund")
    make_alias(lund, "Ina Lund")
    make_claim(content="Unreviewed words", speaker=lund)  # on no public page
    session = ImportSession()
    for n in (1, 2):  # loads the run's cache; the first id requests are queries of their own
        import_article(
            record=make_record(body=f"Olaf Scholz said plan {n} was ready."), session=session
        )
    record = make_record(body="“Taxes will fall,” said Ina Lund, the mayor of the town.")
    session.prefetch([(record, prepare(record))])

    with _traced(connection) as messages:
        result = import_article(record=record, session=session)

    assert result.status == "created"
    assert [m.split()[:3] for m in messages] == [["Query", '"WITH', "RECURSIVE"]]
    assert " fu AS (UPDATE " in messages[0]
    lund.refresh_from_db()
    assert lund.role == "mayor"
    assert list(
        lund.history.order_by("history_id").values_list("history_type", "history_change_reason")
    ) == [("+", None), ("~", FILLED_IN_UNSEEN)]
