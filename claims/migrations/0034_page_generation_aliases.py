"""The page cache tracks speaker aliases: the database raises a generation at the commit of
every transaction that adds, changes, moves or removes one, which the claim list's search
pages read (claims/public/pagecache.py, `claim_list_scope`).

A search matches a claim whose speaker's name or one of whose aliases matches the query
(claims/public/search.py). Nothing the fingerprint read changed with an alias, so a cached
search page kept an old match, or missed a new one, until it expired. No other public page
shows an alias.

Two generations in claims_pagegeneration_scope (migration 0032), object 0 each:

- `aliases`: every write of claims_speakeralias. With CLAIMDESK_SHOW_UNREVIEWED on (the demo)
  a speaker's claims are public at once, so any alias may be a match; the demo's import
  raises its lists' generation with every new claim anyway.
- `public-aliases`: a write of an alias of a speaker with a published claim (after the write:
  the new owner of a moved alias too). With the setting off only those speakers have claims
  on a public page, so an import learning aliases of the speakers it creates or of speakers
  of unreviewed claims only changes no page (issue 14: an import changes no page it does not
  appear on).

The second is a question asked when the alias is written, before the commit: a claim of that
speaker published and committed in between would put the speaker on a search page rendered
without the alias (or with the alias removed). So when the answer is no, the statement
records the shared counter as it read it before asking (0032's setting, as the import's
fill-in does), and the commit compares it under the counter's lock and raises the shared
counters if it moved (0032's flush). Nothing runs after the commit.

PostgreSQL: one trigger per statement (INSERT, UPDATE, DELETE, each with its transition
tables) appends the keys to the transaction's list (0032's setting); the first statement's
rows queue 0031's last event, which raises them at COMMIT (0032's flush, in key order, before
the shared counters). A partial index of published claims by speaker keeps the question one
index probe per speaker; an import's unpublished claims never enter it.
SQLite: plain row triggers in the writing transaction (one writer at a time); the scope
table is remade for its new kinds (SQLite cannot alter a CHECK), the triggers of 0032 that
name it left as they are.
"""

from django.db import migrations, models

TABLE = "claims_pagegeneration"
SCOPE = f"{TABLE}_scope"
PENDING = f"claimdesk.{TABLE}_pending"
MARKED = f"claimdesk.{TABLE}_marked"
SEEN = f"claimdesk.{TABLE}_seen"
OLD_KINDS = ("lists", "article", "speaker-claims", "speaker")
KINDS = (*OLD_KINDS, "aliases", "public-aliases")
ALIASES = "claims_speakeralias"
PUBLISHED = "status = 'published'"
INDEX = "claims_claim_pub_speaker_idx"


def _kinds_check(kinds) -> str:
    return f"CHECK (kind IN ({', '.join(repr(k) for k in kinds)}))"


# (table, trigger) of PostgreSQL's triggers (a test lists them against the schema).
PG_TRIGGERS = (
    (ALIASES, f"{TABLE}_pending_aliases_insert"),
    (ALIASES, f"{TABLE}_pending_aliases_update"),
    (ALIASES, f"{TABLE}_pending_aliases_delete"),
    (ALIASES, f"{TABLE}_pending_aliases_commit"),
)

_PG_FORWARD = [
    f"ALTER TABLE {SCOPE} DROP CONSTRAINT {SCOPE}_kind_check",
    f"ALTER TABLE {SCOPE} ADD CONSTRAINT {SCOPE}_kind_check {_kinds_check(KINDS)}",
    f"""
CREATE FUNCTION {TABLE}_pending_aliases() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    speakers bigint[] := '{{}}';
    public_before bigint;
    keys text := ',aliases:0';
BEGIN
    -- The speakers whose aliases the statement wrote: the owners before and after.
    IF TG_OP <> 'DELETE' THEN
        speakers := speakers || ARRAY(SELECT DISTINCT speaker_id FROM added);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        speakers := speakers || ARRAY(SELECT DISTINCT speaker_id FROM gone);
    END IF;
    IF cardinality(speakers) = 0 THEN
        RETURN NULL;  -- no row written (an insert whose names were all taken)
    END IF;
    -- Read before the question: a publication the question misses has moved it.
    SELECT public INTO public_before FROM {TABLE} WHERE id = 1;
    IF EXISTS (SELECT 1 FROM claims_claim WHERE speaker_id = ANY (speakers) AND {PUBLISHED})
    THEN
        keys := keys || ',public-aliases:0';
    ELSIF public_before IS NOT NULL THEN
        -- On no public page now: the commit checks that no publication came in between
        -- (0032's flush). The first value recorded in the transaction stands.
        PERFORM set_config('{SEEN}', coalesce(nullif(current_setting('{SEEN}', true), ''),
            public_before::text), true);
    END IF;
    PERFORM set_config('{PENDING}', coalesce(current_setting('{PENDING}', true), '') || keys,
        true);
    PERFORM set_config('{MARKED}', 'yes', true);
    RETURN NULL;
END
$$
""",
    f"CREATE TRIGGER {TABLE}_pending_aliases_insert AFTER INSERT ON {ALIASES} "
    f"REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
    f"EXECUTE FUNCTION {TABLE}_pending_aliases()",
    f"CREATE TRIGGER {TABLE}_pending_aliases_update AFTER UPDATE ON {ALIASES} "
    f"REFERENCING OLD TABLE AS gone NEW TABLE AS added FOR EACH STATEMENT "
    f"EXECUTE FUNCTION {TABLE}_pending_aliases()",
    f"CREATE TRIGGER {TABLE}_pending_aliases_delete AFTER DELETE ON {ALIASES} "
    f"REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    f"EXECUTE FUNCTION {TABLE}_pending_aliases()",
    # The rows of the transaction's first statement that queued nothing yet (the WHEN is read
    # as each row is written, before the statement's trigger above marks the transaction):
    # at COMMIT 0030's function queues one 'scope' row of 0031's queue, whose trigger fires
    # after every other deferred event and runs 0032's flush.
    f"CREATE CONSTRAINT TRIGGER {TABLE}_pending_aliases_commit AFTER INSERT OR UPDATE OR "
    f"DELETE ON {ALIASES} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN "
    f"(current_setting('{MARKED}', true) IS DISTINCT FROM 'yes') "
    f"EXECUTE FUNCTION {TABLE}_raise('scope')",
]

_PG_BACK = [
    f"DROP TRIGGER {TABLE}_pending_aliases_commit ON {ALIASES}",
    f"DROP TRIGGER {TABLE}_pending_aliases_delete ON {ALIASES}",
    f"DROP TRIGGER {TABLE}_pending_aliases_update ON {ALIASES}",
    f"DROP TRIGGER {TABLE}_pending_aliases_insert ON {ALIASES}",
    f"DROP FUNCTION {TABLE}_pending_aliases()",
    f"DELETE FROM {SCOPE} WHERE kind IN ('aliases', 'public-aliases')",
    f"ALTER TABLE {SCOPE} DROP CONSTRAINT {SCOPE}_kind_check",
    f"ALTER TABLE {SCOPE} ADD CONSTRAINT {SCOPE}_kind_check {_kinds_check(OLD_KINDS)}",
]


def _sqlite_raise(kind: str) -> str:
    return (
        f"INSERT OR IGNORE INTO {SCOPE} (kind, object_id, generation) VALUES ('{kind}', 0, 0); "
        f"UPDATE {SCOPE} SET generation = generation + 1 WHERE kind = '{kind}' "
        "AND object_id = 0;"
    )


def _sqlite_published(*owners: str) -> str:
    speakers = " OR ".join(f"speaker_id = {owner}" for owner in owners)
    return f"EXISTS (SELECT 1 FROM claims_claim WHERE ({speakers}) AND {PUBLISHED})"


# (event, the owners the row had and has): SQLite trigger names are global, so each is
# prefixed with its table.
_SQLITE_EVENTS = (
    ("INSERT", ("NEW.speaker_id",)),
    ("UPDATE", ("OLD.speaker_id", "NEW.speaker_id")),
    ("DELETE", ("OLD.speaker_id",)),
)


def _sqlite_triggers():
    """(name, table, CREATE TRIGGER statement) of each SQLite trigger."""
    for event, owners in _SQLITE_EVENTS:
        for kind, when in (("aliases", ""), ("public-aliases", _sqlite_published(*owners))):
            name = f"{ALIASES}_{SCOPE}_{kind.replace('-', '_')}_{event.lower()}"
            condition = f" WHEN {when}" if when else ""
            yield (
                name,
                ALIASES,
                f"CREATE TRIGGER {name} AFTER {event} ON {ALIASES} FOR EACH ROW{condition} "
                f"BEGIN {_sqlite_raise(kind)} END",
            )


def _sqlite_remake_scope(schema_editor, kinds) -> None:
    """The scope table again with `kinds` in its CHECK, its rows kept. The triggers of 0032
    name it in their bodies: the legacy rename leaves them be (a modern one refuses, as
    they name a table missing for the moment)."""

    def execute(sql):
        schema_editor.execute(sql, None)

    with schema_editor.connection.cursor() as cursor:
        cursor.execute("PRAGMA legacy_alter_table")
        legacy = cursor.fetchone()[0]
    execute("PRAGMA legacy_alter_table = ON")
    execute(
        f"CREATE TABLE {SCOPE}_new (kind varchar(20) NOT NULL {_kinds_check(kinds)}, "
        "object_id bigint NOT NULL, generation bigint NOT NULL, PRIMARY KEY (kind, object_id))"
    )
    execute(
        f"INSERT INTO {SCOPE}_new (kind, object_id, generation) "  # noqa: S608
        f"SELECT kind, object_id, generation FROM {SCOPE} "
        f"WHERE kind IN ({', '.join(repr(k) for k in kinds)})"
    )
    execute(f"DROP TABLE {SCOPE}")
    execute(f"ALTER TABLE {SCOPE}_new RENAME TO {SCOPE}")
    execute(f"PRAGMA legacy_alter_table = {'ON' if legacy else 'OFF'}")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in _PG_FORWARD:
            schema_editor.execute(sql, None)  # no parameters: the SQL as it is
        return
    _sqlite_remake_scope(schema_editor, KINDS)
    for _name, _table, sql in _sqlite_triggers():
        schema_editor.execute(sql, None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in _PG_BACK:
            schema_editor.execute(sql, None)
        return
    for name, _table, _sql in _sqlite_triggers():
        schema_editor.execute(f"DROP TRIGGER {name}", None)
    _sqlite_remake_scope(schema_editor, OLD_KINDS)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0033_speakeralias_history"),
    ]

    operations = [
        # Which speakers have a published claim: the alias triggers' question (and nothing an
        # import writes: its claims are not published).
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                fields=["speaker"], condition=models.Q(status="published"), name=INDEX
            ),
        ),
        migrations.RunPython(create, drop),
    ]
