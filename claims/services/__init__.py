"""The write side of Claimdesk. Import from the submodules:

- claims.services.review: status transitions, verdicts, links, stances, optimistic locking
- claims.services.imports: import_article (one transaction per article)
- claims.services.speakers: resolve speakers across articles, aliases, merge suggestions
- claims.services.speaker_edits: merge speakers, save an edit, reject suggestions, drop an alias
- claims.services.export: streaming export and load_claims

Permission rules live in claims.permissions; every service that needs one calls it.
"""
