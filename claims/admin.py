"""Registers the review desk's admin classes (claims/desk/, one module per model group)."""

from claims.desk import articles, claims, ingest, speakers, taxonomy  # noqa: F401  (registration)
