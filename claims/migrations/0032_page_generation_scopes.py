"""The page cache's per-page generations for CLAIMDESK_SHOW_UNREVIEWED on (the demo), raised by
the database at the commit of the write, like migration 0030's shared counters.

In the demo an import's claims are public at once, but the shared fingerprint leaves out their
creation rows so that an import changes only the pages its claims are on. Those pages keyed on
the newest claim id (of the site for the lists, of the speaker, of the article) and on the
newest history row of the speakers they show (an import filling in a speaker of unreviewed
claims only). Ids and history dates are taken before the commit: import A takes its ids, B
takes later ones and commits first, a page rendered between the two commits (without A's
claims) is cached under B's maximum, and A's commit leaves every maximum as it was. The page
stayed without A's claims until it expired (tests/claims/test_public_cache_commits.py).

Now each of those pages reads generations of its own from claims_pagegeneration_scope
(kind, object_id), which the database raises when a transaction that wrote them commits:

- `lists` (object 0): any new claim, any fill-in of a speaker on no public page
  (FILLED_IN_UNSEEN: a card shows its speaker's role);
- `article`: a new claim of the article;
- `speaker-claims`: a new claim of the speaker;
- `speaker`: a fill-in of the speaker (FILLED_IN_UNSEEN; every other speaker row the shared
  fingerprint counts).

PostgreSQL: the writes only append (kind, object_id) to a setting of their transaction (no
table write, nothing left behind: it goes with the transaction); the transaction's first claim
statement or fill-in queues, at COMMIT, a 'scope' row in migration 0031's
claims_pagegeneration_commit, whose trigger fires last and raises every generation listed in
one statement, in (kind, object_id) order, before the transaction's shared counters (so two
commits take these rows' locks in one order, and no commit waits for anything while holding
one). A claims_claim insert lists per statement (a transition table), not per row. (A first
version queued the keys in an unlogged table: every commit's DELETE scanned the dead rows
the others left until autovacuum came, 51,800 of them after 3,000 articles in a loop.)

Also at that moment (issue 14, the fill-in's window): an import that filled in speakers no
public page showed records the shared counter as it read it before telling them apart
(`claimdesk.claims_pagegeneration_seen`, claims/services/speakers/writes.py). If the counter
has moved since (a publication committed in between may have put one of them on a page
rendered without the fill-in), both shared counters are raised too, in the commit itself. This
replaces the callback after the commit, lost with a process killed between the two.

SQLite: plain triggers in the writing transaction (one writer at a time, so no such window).
"""

from django.db import migrations

TABLE = "claims_pagegeneration"
SCOPE = f"{TABLE}_scope"
# The transaction's own settings: the generations it wrote (",kind:id" each), and whether its
# first claim statement has been queued for the commit.
PENDING = f"claimdesk.{TABLE}_pending"
MARKED = f"claimdesk.{TABLE}_marked"
QUEUE = f"{TABLE}_commit"
KINDS = ("lists", "article", "speaker-claims", "speaker")
# claims/services/speakers/writes.py FILLED_IN_UNSEEN, word for word (a test checks it).
FILLED_IN_UNSEEN = "blanks filled in by import (on no public page)"
SEEN = f"claimdesk.{TABLE}_seen"

_TABLE = (
    f"CREATE TABLE {SCOPE} (kind varchar(20) NOT NULL CHECK (kind IN "
    f"({', '.join(repr(k) for k in KINDS)})), object_id bigint NOT NULL, "
    "generation bigint NOT NULL, PRIMARY KEY (kind, object_id))"
)

# (table, trigger) of PostgreSQL's triggers (a test lists them against the schema).
PG_TRIGGERS = (
    ("claims_claim", f"{TABLE}_pending_claims"),
    ("claims_claim", f"{TABLE}_pending"),
    ("claims_historicalspeaker", f"{TABLE}_pending_filled"),
    ("claims_historicalspeaker", f"{TABLE}_pending_filled_commit"),
)
_PG_PENDING = [
    # A new claim: one statement's rows at once, its keys appended to the transaction's list.
    f"""
CREATE FUNCTION {TABLE}_pending_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('{PENDING}', coalesce(current_setting('{PENDING}', true), '') || (
        SELECT string_agg(DISTINCT key, '') FROM (
            SELECT ',lists:0' AS key
            UNION ALL SELECT ',article:' || article_id FROM added
            UNION ALL SELECT ',speaker-claims:' || speaker_id FROM added
            WHERE speaker_id IS NOT NULL
        ) keys), true);
    PERFORM set_config('{MARKED}', 'yes', true);
    RETURN NULL;
END
$$
""",
    f"CREATE TRIGGER {TABLE}_pending_claims AFTER INSERT ON claims_claim "
    f"REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
    f"EXECUTE FUNCTION {TABLE}_pending_claims()",
    # The rows of the transaction's first claim statement (the WHEN is read as the row is
    # written, before the statement's trigger above marks the transaction): at COMMIT 0030's
    # function queues one 'scope' row of 0031's queue, whose trigger fires after every other
    # deferred event.
    f"CREATE CONSTRAINT TRIGGER {TABLE}_pending AFTER INSERT ON claims_claim DEFERRABLE "
    f"INITIALLY DEFERRED FOR EACH ROW WHEN (current_setting('{MARKED}', true) IS DISTINCT "
    f"FROM 'yes') EXECUTE FUNCTION {TABLE}_raise('scope')",
    f"""
CREATE FUNCTION {TABLE}_pending_filled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('{PENDING}', coalesce(current_setting('{PENDING}', true), '') ||
        ',lists:0,speaker:' || NEW.id, true);
    RETURN NULL;
END
$$
""",
    f"CREATE TRIGGER {TABLE}_pending_filled AFTER INSERT ON claims_historicalspeaker "
    f"FOR EACH ROW WHEN (NEW.history_change_reason = '{FILLED_IN_UNSEEN}') "
    f"EXECUTE FUNCTION {TABLE}_pending_filled()",
    f"CREATE CONSTRAINT TRIGGER {TABLE}_pending_filled_commit AFTER INSERT ON "
    f"claims_historicalspeaker DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
    f"WHEN (NEW.history_change_reason = '{FILLED_IN_UNSEEN}') "
    f"EXECUTE FUNCTION {TABLE}_raise('scope')",
    f"ALTER TABLE {QUEUE} DROP CONSTRAINT {QUEUE}_counter_check",
    f"ALTER TABLE {QUEUE} ADD CONSTRAINT {QUEUE}_counter_check "
    "CHECK (counter IN ('public', 'shown', 'scope'))",
    f"""
CREATE FUNCTION {TABLE}_flush() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    pending text := coalesce(current_setting('{PENDING}', true), '');
    seen text := coalesce(current_setting('{SEEN}', true), '');
    public_now bigint;
BEGIN
    -- The generations this transaction wrote, in one order for every committer.
    IF pending <> '' THEN
        PERFORM set_config('{PENDING}', '', true);
        INSERT INTO {SCOPE} AS scope (kind, object_id, generation)
        SELECT DISTINCT split_part(key, ':', 1), split_part(key, ':', 2)::bigint, 1
        FROM string_to_table(pending, ',') AS key WHERE key <> ''
        ORDER BY 1, 2
        ON CONFLICT (kind, object_id) DO UPDATE SET generation = scope.generation + 1;
    END IF;
    -- An import's fill-in of speakers on no public page: a counted commit since it told them
    -- apart may have put one on a page rendered without it. Unless this transaction raises
    -- the shared counters itself, raise them if the counter moved; under the counter's lock,
    -- so a commit still on its way raises it after this one (and renders the fill-in).
    IF seen <> '' THEN
        PERFORM set_config('{SEEN}', '', true);
        IF current_setting('claimdesk.{TABLE}_public', true) IS DISTINCT FROM 'raised' THEN
            SELECT public INTO public_now FROM {TABLE} WHERE id = 1 FOR UPDATE;
            IF public_now::text <> seen THEN
                UPDATE {TABLE} SET public = public + 1, shown = shown + 1 WHERE id = 1;
            END IF;
        END IF;
    END IF;
END
$$
""",
    # 0031's last trigger: the generations first, then the shared counter.
    f"""
CREATE OR REPLACE FUNCTION {QUEUE}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM {TABLE}_flush();
    IF NEW.counter = 'public' THEN
        UPDATE {TABLE} SET public = public + 1 WHERE id = 1;
    ELSIF NEW.counter = 'shown' THEN
        UPDATE {TABLE} SET shown = shown + 1 WHERE id = 1;
    END IF;
    DELETE FROM {QUEUE} WHERE id = NEW.id;
    RETURN NULL;
END
$$
""",
]

# 0031's last function and queue check, for the way back.
_PG_BACK = [
    f"""
CREATE OR REPLACE FUNCTION {QUEUE}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.counter = 'public' THEN
        UPDATE {TABLE} SET public = public + 1 WHERE id = 1;
    ELSE
        UPDATE {TABLE} SET shown = shown + 1 WHERE id = 1;
    END IF;
    DELETE FROM {QUEUE} WHERE id = NEW.id;
    RETURN NULL;
END
$$
""",
    f"DROP FUNCTION {TABLE}_flush()",
    f"ALTER TABLE {QUEUE} DROP CONSTRAINT {QUEUE}_counter_check",
    f"ALTER TABLE {QUEUE} ADD CONSTRAINT {QUEUE}_counter_check "
    "CHECK (counter IN ('public', 'shown'))",
    f"DROP TRIGGER {TABLE}_pending_filled_commit ON claims_historicalspeaker",
    f"DROP TRIGGER {TABLE}_pending_filled ON claims_historicalspeaker",
    f"DROP FUNCTION {TABLE}_pending_filled()",
    f"DROP TRIGGER {TABLE}_pending ON claims_claim",
    f"DROP TRIGGER {TABLE}_pending_claims ON claims_claim",
    f"DROP FUNCTION {TABLE}_pending_claims()",
]


def _sqlite_raise(raised) -> str:
    """Statements raising the generations `raised` ((kind, SQL of the object id)) by one."""
    return " ".join(
        f"INSERT OR IGNORE INTO {SCOPE} (kind, object_id, generation) VALUES ('{kind}', {pk}, 0); "
        f"UPDATE {SCOPE} SET generation = generation + 1 WHERE kind = '{kind}' "
        f"AND object_id = {pk};"
        for kind, pk in raised
    )


# (table, trigger, WHEN, what it raises): SQLite trigger names are global, so each is prefixed
# with its table.
_SQLITE = (
    ("claims_claim", "claims", None, (("lists", "0"), ("article", "NEW.article_id"))),
    (
        "claims_claim",
        "claims_speaker",
        "NEW.speaker_id IS NOT NULL",
        (("speaker-claims", "NEW.speaker_id"),),
    ),
    (
        "claims_historicalspeaker",
        "filled",
        f"NEW.history_change_reason = '{FILLED_IN_UNSEEN}'",
        (("lists", "0"), ("speaker", "NEW.id")),
    ),
)


def _sqlite_triggers():
    """(name, table, CREATE TRIGGER statement) of each SQLite trigger."""
    for table, name, when, raised in _SQLITE:
        name = f"{table}_{SCOPE}_{name}"
        condition = f" WHEN {when}" if when else ""
        yield (
            name,
            table,
            f"CREATE TRIGGER {name} AFTER INSERT ON {table} FOR EACH ROW{condition} "
            f"BEGIN {_sqlite_raise(raised)} END",
        )


def create(apps, schema_editor):
    def execute(sql):
        schema_editor.execute(sql, None)  # no parameters: the SQL as it is

    execute(_TABLE)
    if schema_editor.connection.vendor == "postgresql":
        for sql in _PG_PENDING:
            execute(sql)
    else:
        for _name, _table, sql in _sqlite_triggers():
            execute(sql)


def drop(apps, schema_editor):
    def execute(sql):
        schema_editor.execute(sql, None)

    if schema_editor.connection.vendor == "postgresql":
        for sql in _PG_BACK:
            execute(sql)
    else:
        for name, _table, _sql in _sqlite_triggers():
            execute(f"DROP TRIGGER {name}")
    execute(f"DROP TABLE {SCOPE}")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0031_page_generation_last"),
    ]

    operations = [migrations.RunPython(create, drop)]
