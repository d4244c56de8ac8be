"""Database routing for the task queue's schema."""

from django.db import connections


class TaskQueueRouter:
    """procrastinate's migrations are PostgreSQL SQL: run them on PostgreSQL only.

    On SQLite (`make run`) tasks run in-process (CLAIMDESK_INGEST_IN_PROCESS) and need no
    queue tables; the migrations are still recorded, so switching DATABASE_URL needs nothing.
    """

    def allow_migrate(self, db, app_label, **hints):
        if app_label == "procrastinate":
            return connections[db].vendor == "postgresql"
        return None
