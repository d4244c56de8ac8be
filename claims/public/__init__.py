"""The public site: read-only, server-rendered pages anyone can read without logging in.

- `views`: the pages (home, claims, speakers, articles, topics, corrections, methodology);
- `urls`: their addresses (included at the site root, namespace "claims");
- `feeds`: Atom feeds of published claims and of corrections;
- `jsonld`: ClaimReview structured data for a published claim's page;
- `filters`: the claim list's filters (django-filter);
- `search`: full-text search, speaker/alias and outlet matching, highlighting;
- `pagination`: keyset and numbered pages, capped counts;
- `pagecache`: whole rendered pages cached on a fingerprint of the data;
- `sitemaps`: sitemap.xml.
"""
