"""import_rows.py DATABASE_URL OUT.tsv: dump every row of the claims tables, to diff the output
of two import_articles trees (issue 14: a faster import must write the same rows).

Run each tree's `manage.py import_articles` into an emptied database (bench_import.py
truncates with RESTART IDENTITY, so a deterministic import gives the same ids), dump, diff:

    .venv/bin/python bench/import_rows.py postgres://root@127.0.0.1:5432/DB /tmp/after.tsv
    diff /tmp/before.tsv /tmp/after.tsv && echo identical

Every column of every `claims_*` table, ids included, except the timestamps (created, updated,
history_date: the time of the run) and the search vector (generated from the content). One
line per row: table, then the values; rows sorted.
"""

import sys

import psycopg

SKIPPED_TYPES = {"timestamp with time zone", "timestamp without time zone", "tsvector"}


def dump(url: str, out) -> int:
    n = 0
    with psycopg.connect(url) as conn:
        tables = [
            t
            for (t,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                "AND table_name LIKE 'claims\\_%' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        for table in tables:
            columns = [
                c
                for c, kind in conn.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
                    [table],
                )
                if kind not in SKIPPED_TYPES
            ]
            select = ", ".join(f'"{c}"::text' for c in columns)
            rows = sorted(
                "\t".join("\\N" if v is None else repr(v) for v in row)
                for row in conn.execute(f'SELECT {select} FROM "{table}"')
            )
            out.write(f"# {table} ({', '.join(columns)}): {len(rows)} rows\n")
            out.writelines(f"{table}\t{row}\n" for row in rows)
            n += len(rows)
    return n


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], "w", encoding="utf-8") as out:
        n = dump(argv[0], out)
    print(f"{n} rows written to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
