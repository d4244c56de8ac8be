"""extract_claims PATH [PATH ...]: print the claims found in plain-text files as JSON Lines.

A thin adapter around claims.extraction: one evaluation record per attribution relation on
stdout (claims.extraction.output.eval_records: the two claims of a quote split around its cue
are one record), offsets into each file's text as read, UTF-8, no cleanup; logs on stderr. Nothing is written to the database. A file that cannot be read is
reported on one stderr line and skipped; the run then ends with CommandError (exit status 1).
"""

import json
import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import EXTRACTOR_VERSION, extract_claims
from claims.extraction.output import eval_records


class Command(BaseCommand):
    help = (
        "Extract attributed claims from plain-text files and print them as JSON Lines "
        "(content, speaker, cue, kind) without touching the database."
    )

    # No database: the model checks would connect to it (GeneratedField asks the server's
    # version), and this command must run where no database is reachable.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="UTF-8 text files.")

    def handle(self, *args, **options):
        try:
            self._extract(options)
        except BrokenPipeError:
            # The reader went away (`... | head`): stop quietly, as Unix tools do, and keep
            # Python from reporting the pipe again when it flushes stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    def _extract(self, options):
        failed = []
        total = 0
        started = time.perf_counter()
        for path in options["paths"]:
            try:
                with open(path, encoding="utf-8", newline="") as fh:
                    text = fh.read()
            except UnicodeDecodeError as exc:
                failed.append(path)
                self.stderr.write(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            except OSError as exc:
                failed.append(path)
                self.stderr.write(f"{path}: cannot read ({exc.strerror or exc})")
                continue
            claims = extract_claims(text)
            total += len(claims)
            for record in eval_records(claims, path, text):
                self.stdout.write(json.dumps(record, ensure_ascii=False))
            if options["verbosity"] >= 2:
                self.stderr.write(f"{path}: {len(claims)} claims")
        if options["verbosity"] >= 1:
            elapsed = time.perf_counter() - started
            self.stderr.write(
                f"{len(options['paths']) - len(failed)} file(s), {total} claim(s) in "
                f"{elapsed:.2f}s ({EXTRACTOR_VERSION})"
            )
        if failed:
            raise CommandError(f"{len(failed)} file(s) could not be read: {', '.join(failed)}")
