"""The page cache's counter (migration 0030) is raised last at COMMIT, after every other deferred
check of the transaction (PostgreSQL; SQLite has one writer at a time and plain triggers).

0030's deferred trigger updated the counter's row as the first counted event fired, so a
transaction took that row's lock before its later events: the foreign-key checks Django defers
to COMMIT (`SELECT ... FOR KEY SHARE` of each referenced row). An editor saving a claim and then
linking it to a claim a reviewer had locked (`select_for_update`, every review service) held the
counter while waiting for the reviewer, and the reviewer's commit waited for the counter:
PostgreSQL found the deadlock and failed one of the two (tests/claims/test_public_cache_commits.py).

Now the first counted event of a transaction only inserts a row into claims_pagegeneration_commit,
whose own deferred trigger raises the counter and deletes the row. That event is queued while
COMMIT fires the others, so it fires after all of them: a transaction takes the counter's lock
as the last thing it does before its commit record, and never waits for anything while holding
it. Counted writers still wait for each other only for that moment.
"""

from django.db import migrations

TABLE = "claims_pagegeneration"
QUEUE = f"{TABLE}_commit"

_FIRST = f"""
CREATE OR REPLACE FUNCTION {TABLE}_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction and counter, however many counted rows it wrote. Not the counter's
    -- row yet: a row of {QUEUE}, whose deferred trigger is queued now, while COMMIT fires
    -- this transaction's events, so it fires after every one of them (migration 0031).
    IF current_setting('claimdesk.{TABLE}_' || TG_ARGV[0], true) IS DISTINCT FROM 'raised' THEN
        PERFORM set_config('claimdesk.{TABLE}_' || TG_ARGV[0], 'raised', true);
        INSERT INTO {QUEUE} (counter) VALUES (TG_ARGV[0]);
    END IF;
    RETURN NULL;
END
$$
"""

_LAST = f"""
CREATE FUNCTION {QUEUE}() RETURNS trigger LANGUAGE plpgsql AS $$
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
"""

# 0030's function, for the way back.
_0030 = f"""
CREATE OR REPLACE FUNCTION {TABLE}_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction and counter, however many counted rows it wrote.
    IF current_setting('claimdesk.{TABLE}_' || TG_ARGV[0], true) IS DISTINCT FROM 'raised' THEN
        PERFORM set_config('claimdesk.{TABLE}_' || TG_ARGV[0], 'raised', true);
        IF TG_ARGV[0] = 'public' THEN
            UPDATE {TABLE} SET public = public + 1 WHERE id = 1;
        ELSE
            UPDATE {TABLE} SET shown = shown + 1 WHERE id = 1;
        END IF;
    END IF;
    RETURN NULL;
END
$$
"""

FORWARD = [
    f"CREATE TABLE {QUEUE} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
    "counter text NOT NULL CHECK (counter IN ('public', 'shown')))",
    _LAST,
    f"CREATE CONSTRAINT TRIGGER {QUEUE} AFTER INSERT ON {QUEUE} DEFERRABLE INITIALLY DEFERRED "
    f"FOR EACH ROW EXECUTE FUNCTION {QUEUE}()",
    _FIRST,
]
BACKWARD = [
    _0030,
    f"DROP TRIGGER {QUEUE} ON {QUEUE}",
    f"DROP FUNCTION {QUEUE}()",
    f"DROP TABLE {QUEUE}",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql, None)  # no parameters: the SQL as it is

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0030_page_generation"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
