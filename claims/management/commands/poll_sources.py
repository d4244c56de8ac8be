"""poll_sources [--source ID ...] [--now]: poll the due sources (or the named ones).

Queues the polls for the workers; `--now` polls here and now instead (the fetches they find
are still queued, or run here on SQLite), and prints what each poll found.
"""

from django.core.management.base import BaseCommand, CommandError

from claims import tasks
from claims.models import Source
from claims.services import ingest


class Command(BaseCommand):
    help = "Poll sources that are due (or those given with --source) for new articles."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=int,
            action="append",
            default=[],
            metavar="ID",
            help="Poll this source (by id) whether it is due or not; repeatable.",
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Poll in this process and report, instead of queueing the polls.",
        )

    def handle(self, *args, **options):
        if options["source"]:
            sources = list(Source.objects.filter(pk__in=options["source"]))
            missing = set(options["source"]) - {s.pk for s in sources}
            if missing:
                raise CommandError(f"no source with id {', '.join(map(str, sorted(missing)))}")
        else:
            sources = ingest.due_sources()
        if not options["now"]:
            for source in sources:
                tasks.enqueue_poll(source.pk)
            if options["verbosity"] >= 1:
                self.stdout.write(f"{len(sources)} poll(s) queued.")
            return
        failed = 0
        for source in sources:
            result = ingest.poll_source(source=source, enqueue=tasks.enqueue_fetch)
            line = f"{source.name}: {result.status}, {result.found} listed, {result.new} new"
            if result.error:
                failed += 1
                self.stderr.write(f"{line}: {result.error}")
            elif options["verbosity"] >= 1:
                self.stdout.write(line)
        if options["verbosity"] >= 1:
            self.stdout.write(f"{len(sources)} source(s) polled, {failed} failed.")
        if failed:
            raise CommandError(f"{failed} poll(s) failed.")
