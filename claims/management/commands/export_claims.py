"""export_claims: every claim as JSON Lines (a full, loadable backup) or flattened CSV."""

import os
import sys

from django.core.management.base import BaseCommand, CommandError

from claims.services.export import write_csv, write_jsonl


class Command(BaseCommand):
    help = (
        "Export every claim as JSON Lines (with tags, topics, speakers and articles first, so "
        "load_claims can restore it) or as CSV (claims only, flattened). Streams: memory stays "
        "flat however many claims there are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument(
            "--output", "-o", metavar="FILE", help="Write here instead of standard output."
        )
        parser.add_argument(
            "--chunk-size", type=int, default=1000, help="Rows per query (keyset pagination)."
        )

    def handle(self, *args, **options):
        if options["chunk_size"] < 1:
            raise CommandError("--chunk-size must be at least 1.")
        writer = write_csv if options["format"] == "csv" else write_jsonl
        if options["output"]:
            try:
                # newline="" lets the csv module write its own line endings.
                with open(options["output"], "w", encoding="utf-8", newline="") as out:
                    count = writer(out, chunk_size=options["chunk_size"])
            except OSError as exc:
                raise CommandError(f"{options['output']}: {exc.strerror or exc}") from None
            if options["verbosity"] >= 1:
                self.stderr.write(f"{count} claims exported to {options['output']}")
        else:
            try:
                count = writer(_Raw(self.stdout), chunk_size=options["chunk_size"])
            except BrokenPipeError:
                # `export_claims | head`: the reader has gone; that is not an error.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return
            if options["verbosity"] >= 2:
                self.stderr.write(f"{count} claims exported")


class _Raw:
    """self.stdout without its "add a newline to every write" behaviour."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text):
        self.wrapper.write(text, ending="")
