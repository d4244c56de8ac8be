"""Claim extraction: pure Python rules, no Django, no state.

Public API::

    extract_claims(text) -> list[ExtractedClaim]   # offsets into `text`
    extract_article(headline, body) -> list[...]   # offsets into the headline or the body
    clean_text(raw) -> str                         # scraped-text cleanup, run before storing
    ExtractedClaim, EXTRACTOR_VERSION

`clean_text` is imported on first use: `python -m claims.extraction` never cleans, and its
patterns cost a few milliseconds to compile at every start.
"""

from .core import EXTRACTOR_VERSION, ExtractedClaim, extract_article, extract_claims

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractedClaim",
    "clean_text",
    "extract_article",
    "extract_claims",
]


def __getattr__(name: str):
    if name == "clean_text":
        from .cleanup import clean_text

        return clean_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
