"""Claim extraction: pure Python rules, no Django, no state.

Public API::

    extract_claims(text) -> list[ExtractedClaim]   # offsets into `text`
    extract_article(headline, body) -> list[...]   # offsets into the headline or the body
    clean_text(raw) -> str                         # scraped-text cleanup, run before storing
    ExtractedClaim, EXTRACTOR_VERSION
"""

from .cleanup import clean_text
from .core import EXTRACTOR_VERSION, ExtractedClaim, extract_article, extract_claims

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractedClaim",
    "clean_text",
    "extract_article",
    "extract_claims",
]
