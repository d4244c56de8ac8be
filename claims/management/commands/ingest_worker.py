"""ingest_worker [--burst] [--concurrency N]: run a procrastinate worker for Claimdesk's tasks.

Run as many as you like, on as many machines, against one PostgreSQL: jobs are handed out
with row locks, periodic polls are deferred once per minute whichever worker gets there first,
and a killed worker's job is run again by another (README: "Continuous ingest").
"""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand

from claims.management.commands.import_articles import positive_int
from claims.services.ingest import lower_ingest_priority


class Command(BaseCommand):
    help = "Run an ingest worker: fetch, import and poll on the task queue (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--burst",
            action="store_true",
            help="Exit once the queue is empty instead of waiting for more jobs.",
        )
        parser.add_argument(
            "--concurrency",
            type=positive_int,
            default=1,
            metavar="N",
            help="Jobs run at once by this process (threads: fetches overlap; extraction is "
            "CPU-bound, so run one process per core for imports).",
        )
        parser.add_argument(
            "--name", default=None, help="A name for this worker in the queue's records."
        )

    def handle(self, *args, **options):
        from procrastinate import testing
        from procrastinate.contrib.django import app

        lower_ingest_priority()
        if options["verbosity"] >= 2:
            logging.getLogger("procrastinate").setLevel(logging.INFO)
        stalled = settings.CLAIMDESK_INGEST_STALLED_SECONDS
        worker_options = {
            "concurrency": options["concurrency"],
            "wait": not options["burst"],
            "name": options["name"],
            "install_signal_handlers": True,
            # Heartbeats three times per stalled period: a live worker is never taken for dead.
            "update_heartbeat_interval": max(1.0, stalled / 3),
            "stalled_worker_timeout": float(stalled),
            # Finished jobs are deleted (IngestItem keeps the history); failed ones stay.
            "delete_jobs": "successful",
        }
        if settings.CLAIMDESK_INGEST_IN_PROCESS:
            # No queue on SQLite: the periodic polls still run here, their fetches in-process.
            connector = testing.InMemoryConnector()
            worker_options["listen_notify"] = False
        else:
            connector = app.connector.get_worker_connector()
        mode = "in-process (no queue)" if settings.CLAIMDESK_INGEST_IN_PROCESS else "PostgreSQL"
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"ingest worker: {mode}, concurrency {options['concurrency']}"
                + (", burst" if options["burst"] else "")
            )
        with app.replace_connector(connector):
            app.run_worker(**worker_options)
