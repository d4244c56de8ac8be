"""load_claims FILE: restore an export_claims --format jsonl file, in one transaction."""

import os
import sys

from django.core.management.base import BaseCommand, CommandError

from claims.services.export import LoadError, load_claims, load_reason


class Command(BaseCommand):
    help = (
        "Load a JSON Lines export (export_claims --format jsonl) into this database. Rows that "
        "already exist (same slug, source key or claim span) are kept; all or nothing."
    )
    stealth_options = ("stdin",)  # call_command(..., stdin=stream) in tests and scripts

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The export file; - reads stdin.")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            if path == "-":
                result = load_claims(options.get("stdin") or sys.stdin, reason=load_reason("stdin"))
            else:
                with open(path, encoding="utf-8") as fh:
                    result = load_claims(fh, reason=load_reason(os.path.basename(path)))
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path}: not valid UTF-8 ({exc.reason})") from None
        except LoadError as exc:
            raise CommandError(f"{path}: {exc}; nothing was loaded.") from None
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"loaded {result.articles} articles, {result.claims} claims, "
                f"{result.speakers} speakers ({result.aliases} aliases), {result.tags} tags, "
                f"{result.topics} topics; {result.skipped} already present"
            )
