"""The review desk: the Django admin where a claim goes from extracted to published.

One module per model group (claims, articles, speakers, taxonomy, ingest), registered by claims/admin.py;
the desk's templates (templates/admin/...) and template tags (templatetags/review_tags.py) are
beside them, found because claims.desk is an app of its own (apps.DeskConfig, no models).
Every write goes through claims.services (review, speakers), which check claims.permissions; the
admin's own permission hooks only decide what is shown. Untrusted text (article bodies,
headlines, speaker names) is rendered with format_html and the helpers in templatetags/review_tags.
"""
