"""File readers: turn .txt (+ sidecar .json), .json, .jsonl and .html files into ArticleRecords.

Pure Python plus trafilatura; no database. The import service (claims.services.imports) does the
writing. Every expected problem with a file raises ImportFileError(path, reason), so the command
can print one line per bad file and go on.
"""

from .readers import (
    SUPPORTED_SUFFIXES,
    ArticleRecord,
    ImportFileError,
    discover,
    read_file,
    record_from_html,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ArticleRecord",
    "ImportFileError",
    "discover",
    "read_file",
    "record_from_html",
]
