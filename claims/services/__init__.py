"""The write side of Claimdesk. Import from the submodules:

- claims.services.review: status transitions, verdicts, links, stances, optimistic locking
- claims.services.imports: import_article (one transaction per article)
- claims.services.speakers: resolve speakers across articles, aliases, merge suggestions, merges
- claims.services.export: streaming export and load_claims

Permission rules live in claims.permissions; every service that needs one calls it.
"""
