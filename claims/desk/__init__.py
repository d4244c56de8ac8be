"""The review desk: the Django admin where a claim goes from extracted to published.

One module per model group (claims, articles, speakers, taxonomy, ingest), registered by claims/admin.py.
Every write goes through claims.services (review, speakers), which check claims.permissions; the
admin's own permission hooks only decide what is shown. Untrusted text (article bodies,
headlines, speaker names) is rendered with format_html and the helpers in review_tags.
"""
