"""import_articles PATH [PATH ...]: read article files, extract claims, store them.

A thin adapter: claims.importers reads files, claims.services.imports writes each article in its
own transaction. A bad file is reported on one line and skipped; the run ends with CommandError
(exit status 1) when anything failed.
"""

import argparse
import contextlib
import datetime as dt
import sys
from collections import Counter
from itertools import batched

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from claims.importers import ImportFileError, discover, read_file
from claims.services.imports import (
    CREATED,
    STALE,
    UNCHANGED,
    UPDATED,
    ImportSession,
    import_article,
    needs_extraction,
    prepare,
    record_with_defaults,
    stored_headline,
)
from claims.services.ingest import lower_ingest_priority

# Articles looked up together before their one-by-one transactions (ImportSession.prefetch).
WINDOW = 64


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, got {value!r}")
    return n


class Command(BaseCommand):
    help = (
        "Import articles from .txt (with an optional NAME.json sidecar), .json, .jsonl and "
        ".html files or directories, extract their claims and resolve speakers."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or directories.")
        parser.add_argument(
            "--outlet", default="", help="Outlet name for articles whose file does not say."
        )
        parser.add_argument(
            "--published",
            type=iso_date,
            default=None,
            help="Publication date (YYYY-MM-DD) for articles whose file does not say.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Extract and report; write nothing."
        )
        parser.add_argument(
            "--no-extract", action="store_true", help="Store the articles without claims."
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Re-extract articles whose text changed; reviewed claims are kept (orphaned "
            "if their text is gone).",
        )
        parser.add_argument(
            "--jobs",
            type=positive_int,
            default=1,
            metavar="N",
            help="Extract in N worker processes (database writes stay in this one).",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue one job per file for the ingest workers instead of importing here; "
            "each file is an ingest item (status and errors in the admin).",
        )

    def handle(self, *args, **options):
        paths = options["paths"]
        self.verbosity = options["verbosity"]
        self.dry_run = options["dry_run"]
        extract = not options["no_extract"]
        max_bytes = settings.CLAIMDESK_IMPORT_MAX_BYTES
        files, errors = discover(paths)
        tally = Counter()
        for error in errors:
            self._fail(error, tally)
        if options["enqueue"]:
            return self._enqueue(files, tally, options)
        lower_ingest_priority()
        session = ImportSession()
        if connection.vendor == "postgresql" and not self.dry_run:
            # This connection only imports: don't wait for the WAL flush at each article's
            # commit (that bounds a serial import at the disk's fsync rate, ~4 ms here).
            # Atomicity is unchanged; a server crash can lose only the last moments' committed
            # articles, whole, and re-running the import restores them.
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO OFF")

        def items():
            for path in files:
                try:
                    records = read_file(path, max_bytes=max_bytes)
                except ImportFileError as exc:
                    yield path, exc
                    continue
                for record in records:
                    yield (
                        path,
                        record_with_defaults(
                            record, outlet=options["outlet"], published=options["published"]
                        ),
                    )

        if extract and options["jobs"] > 1:
            from claims.importers.parallel import prepare_then_extract

            def wanted(chunk, prepared):
                # Unchanged and stale articles need no claims: only the others are extracted.
                pairs = [(rec, p) for (_, rec), p in zip(chunk, prepared, strict=True)]
                try:
                    return needs_extraction(pairs, update=options["update"])
                except DatabaseError:
                    return [p is not None for p in prepared]

            stream = prepare_then_extract(
                items(),
                jobs=options["jobs"],
                body=lambda item: None if isinstance(item[1], Exception) else item[1].body,
                headline=lambda item: stored_headline(item[1]),
                wanted=wanted,
                window=WINDOW,
            )
            work = (
                (path, rec, None if prepared is None else (*prepared, extracted))
                for (path, rec), prepared, extracted in stream
            )
        else:
            work = ((path, rec, None) for path, rec in items())

        bar = self._progress(len(files))
        last_path = None
        for window in batched(work, WINDOW):
            ready = []
            for path, rec, done in window:
                if bar is not None and path != last_path:
                    bar.update(1)
                    last_path = path
                if isinstance(rec, ImportFileError):
                    ready.append((path, rec, None, None))
                elif done is None:
                    ready.append((path, rec, prepare(rec), None))
                else:
                    ready.append((path, rec, done[:2], done[2]))
            # On a database error each article looks itself up, and reports its own error.
            with contextlib.suppress(DatabaseError):
                session.prefetch((rec, prepared) for _, rec, prepared, _ in ready if prepared)
            for path, rec, prepared, extracted in ready:
                if isinstance(rec, ImportFileError):
                    self._fail(rec, tally, bar=bar)
                else:
                    self._import(rec, path, prepared, extracted, session, options, tally, bar)
        if bar is not None:
            bar.close()
        if connection.vendor == "postgresql" and not self.dry_run:
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO DEFAULT")
        self._summary(tally)
        if tally["failed"]:
            raise CommandError(f"{tally['failed']} file(s) or article(s) failed to import.")

    def _enqueue(self, files, tally, options):
        from claims import tasks
        from claims.enums import IngestStatus
        from claims.services import ingest

        if self.dry_run or options["jobs"] > 1:
            raise CommandError("--enqueue cannot be combined with --dry-run or --jobs.")
        published = options["published"].isoformat() if options["published"] else None

        def enqueue(item_id):
            tasks.enqueue_file(
                item_id,
                outlet=options["outlet"],
                published=published,
                update=options["update"],
                extract=not options["no_extract"],
            )

        waiting = 0
        for path in files:
            try:
                item, queued = ingest.add_file(path=path, enqueue=enqueue)
            except DatabaseError as exc:
                self._fail(ImportFileError(path, str(exc)), tally)
                continue
            if not queued:
                waiting += 1  # still queued from an earlier run: read once, when its turn comes
            elif tasks.in_process():  # it ran right here: say how it went
                item.refresh_from_db()
                if item.status == IngestStatus.FAILED:
                    self._fail(ImportFileError(path, item.error), tally)
        if self.verbosity >= 1:
            where = "imported in-process (no queue on SQLite)" if tasks.in_process() else "queued"
            line = f"{len(files)} file(s) {where}; {tally['failed']} failed"
            if waiting:
                line += f"; {waiting} already waiting in the queue"
            self.stdout.write(line)
        if tally["failed"]:
            raise CommandError(f"{tally['failed']} path(s) could not be queued or imported.")

    def _import(self, rec, path, prepared, extracted, session, options, tally, bar):
        try:
            result = import_article(
                record=rec,
                extract=not options["no_extract"],
                update=options["update"],
                extracted=extracted,
                prepared=prepared,
                session=session,
                dry_run=self.dry_run,
            )
        except (ValueError, ValidationError, DatabaseError) as exc:
            self._fail(ImportFileError(path, f"{rec.headline[:60]!r}: {exc}"), tally, bar=bar)
            return
        tally[result.status] += 1
        tally["claims"] += result.claims_created
        tally["orphaned"] += result.claims_orphaned
        tally["replaced"] += result.claims_replaced
        tally["speakers_new"] += result.speakers_new
        tally["speakers_matched"] += result.speakers_matched
        tally["suggestions"] += result.suggestions
        if result.note and result.status in (CREATED, UPDATED):
            tally[f"language:{rec.language}"] += 1
        if self.verbosity >= 2:
            self._note(f"{path}: {result.status}, {result.claims_created} claims", bar)

    def _progress(self, total):
        if self.verbosity < 1 or total < 2 or not sys.stderr.isatty():
            return None
        from tqdm import tqdm

        return tqdm(total=total, unit="file", file=sys.stderr, leave=False)

    def _note(self, message, bar):
        if bar is not None:
            bar.write(message, file=sys.stdout)
        else:
            self.stdout.write(message)

    def _fail(self, error: ImportFileError, tally: Counter, bar=None):
        tally["failed"] += 1
        line = f"{error.path}: {error.reason}"
        if bar is not None:
            bar.write(self.style.ERROR(line), file=sys.stderr)
        else:
            self.stderr.write(line)  # self.stderr styles it as an error already

    def _summary(self, tally: Counter):
        if self.verbosity < 1:
            return
        prefix = "Dry run (nothing written): " if self.dry_run else ""
        w = self.stdout.write
        w(
            f"{prefix}articles: {tally[CREATED]} created, {tally[UNCHANGED]} unchanged, "
            f"{tally[UPDATED]} updated, {tally['failed']} failed"
        )
        if tally[STALE]:
            w(
                self.style.WARNING(
                    f"{tally[STALE]} article(s) changed since their import and were left as they "
                    "were: run with --update to re-extract them."
                )
            )
        languages = sorted(
            (key.split(":", 1)[1], n) for key, n in tally.items() if key.startswith("language:")
        )
        if languages:
            w(
                self.style.WARNING(
                    f"{sum(n for _, n in languages)} article(s) stored without claims: the "
                    "extractor handles English only ("
                    + ", ".join(f"{lang}: {n}" for lang, n in languages)
                    + ")."
                )
            )
        claims = f"claims: {tally['claims']} created"
        if tally["replaced"] or tally["orphaned"]:
            claims += f", {tally['replaced']} replaced, {tally['orphaned']} orphaned (reviewed)"
        w(claims)
        w(
            f"speakers: {tally['speakers_new']} new, {tally['speakers_matched']} matched; "
            f"merge suggestions: {tally['suggestions']}"
        )
