"""Readers for the import formats. Each returns plain ArticleRecords or raises ImportFileError.

Formats:
- ``NAME.txt``: first non-empty line the headline, the rest the body. An optional sidecar
  ``NAME.json`` beside it gives ``url``, ``outlet``, ``published``, ``authors``, ``language``
  (unknown keys are ignored). A ``NAME.json`` next to a ``NAME.txt`` is always a sidecar, never
  a record file.
- ``.json``: one record object, or a list of them; ``.jsonl``: one record object per line.
  A record has ``headline`` and ``body`` (required), ``url``, ``outlet``, ``published``,
  ``authors``, ``language``.
- ``.html``/``.htm``: a web page; trafilatura finds the headline, date and main text.

A file is read whole and checked before anything is returned (size, NUL bytes, UTF-8, JSON), so
a bad line in a .jsonl rejects the whole file and nothing of it is half-imported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

TXT_SUFFIXES = (".txt",)
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TXT_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES


class ImportFileError(Exception):
    """An expected problem with one input file: the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article as read from a file, before cleaning and extraction (picklable)."""

    headline: str
    body: str
    url: str | None = None
    outlet: str = ""
    published: dt.date | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    source_path: str = ""
    language: str = "en"


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportFileError]]:
    """Expand files and directories (recursively, sorted) into the files to read.

    Returns (files, errors): a missing path or an unsupported file named explicitly is an error;
    unsupported or hidden files inside a directory are skipped; sidecars are never listed.
    """
    files: list[Path] = []
    errors: list[ImportFileError] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                errors.append(
                    ImportFileError(
                        path,
                        f"unsupported file type {path.suffix or '(none)'!r} "
                        f"(expected one of {', '.join(SUPPORTED_SUFFIXES)})",
                    )
                )
                continue
            found = [path]
        else:
            errors.append(ImportFileError(path, "no such file or directory"))
            continue
        for p in found:
            if is_sidecar(p) or p in seen:
                continue
            seen.add(p)
            files.append(p)
    return files, errors


def is_sidecar(path: Path) -> bool:
    """A NAME.json beside a NAME.txt holds the .txt's metadata."""
    return path.suffix.lower() == ".json" and sidecar_target(path) is not None


def sidecar_target(path: Path) -> Path | None:
    for suffix in (".txt", ".TXT"):
        candidate = path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def read_file(path: str | Path, *, max_bytes: int) -> list[ArticleRecord]:
    """Read one file into records; raises ImportFileError for every expected problem."""
    path = Path(path)
    suffix = path.suffix.lower()
    text = read_text(path, max_bytes=max_bytes)
    if suffix in TXT_SUFFIXES:
        return [_read_txt(path, text, max_bytes=max_bytes)]
    if suffix in JSON_SUFFIXES:
        data = _parse_json(path, text)
        items = data if isinstance(data, list) else [data]
        if not items:
            raise ImportFileError(path, "the JSON list holds no records")
        return [
            _record_from_mapping(path, item, where=f"record {i}") for i, item in enumerate(items, 1)
        ]
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, text)
    if suffix in HTML_SUFFIXES:
        return [_read_html(path, text)]
    raise ImportFileError(path, f"unsupported file type {suffix!r}")


def read_text(path: Path, *, max_bytes: int) -> str:
    """The file's text, after the checks every format shares: size, emptiness, NUL, UTF-8."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportFileError(
                path,
                f"file is {size} bytes, over the limit of {max_bytes} "
                "(settings.CLAIMDESK_IMPORT_MAX_BYTES)",
            )
        with path.open("rb") as fh:
            # Read one byte past the limit: the file may have grown since stat().
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ImportFileError(path, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise ImportFileError(
            path,
            f"file is over the limit of {max_bytes} bytes (settings.CLAIMDESK_IMPORT_MAX_BYTES)",
        )
    if not raw.strip():
        raise ImportFileError(path, "file is empty")
    if b"\x00" in raw:
        raise ImportFileError(
            path, f"contains NUL bytes at offset {raw.index(b'\x00')} (a binary file?)"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            path,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "re-encode it as UTF-8",
        ) from None


def _parse_json(path: Path, text: str, *, line: int | None = None):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {line}" if line is not None else f"line {exc.lineno} column {exc.colno}"
        raise ImportFileError(path, f"invalid JSON at {where}: {exc.msg}") from None
    except RecursionError:
        # A few KB of '[' exhaust the decoder's recursion limit; a record is never that deep.
        where = f" at line {line}" if line is not None else ""
        raise ImportFileError(path, f"JSON nested too deeply to read{where}") from None


def _read_jsonl(path: Path, text: str) -> list[ArticleRecord]:
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        data = _parse_json(path, line, line=n)
        records.append(_record_from_mapping(path, data, where=f"line {n}"))
    if not records:
        raise ImportFileError(path, "file holds no records")
    return records


def _read_txt(path: Path, text: str, *, max_bytes: int) -> ArticleRecord:
    lines = text.strip().split("\n", 1)
    headline = lines[0].strip()
    body = lines[1].strip() if len(lines) > 1 else ""
    if not body:
        raise ImportFileError(path, "no body text after the headline line")
    meta = {}
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        meta = _parse_json(sidecar, read_text(sidecar, max_bytes=max_bytes))
        if not isinstance(meta, dict):
            raise ImportFileError(sidecar, "the sidecar must hold a JSON object")
    return _record_from_mapping(
        path, {**meta, "headline": headline, "body": body}, where="sidecar", origin=sidecar
    )


def _read_html(path: Path, text: str) -> ArticleRecord:
    return record_from_html(text, origin=path)


def record_from_html(
    html: str | bytes, *, origin: Path | str, url: str | None = None
) -> ArticleRecord:
    """A web page's article: trafilatura finds the headline, date, site name and main text.

    `origin` names the file or address in errors and becomes the record's source_path; `url`
    (the address it was fetched from) wins over the page's own idea of its address. Bytes are
    decoded by trafilatura (declared charset, else detection).
    """
    import trafilatura  # slow to import; only HTML needs it

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (doc.text or "").strip():
        raise ImportFileError(origin, "no article text found in the page")
    headline = (doc.title or "").strip()
    if not headline:
        raise ImportFileError(origin, "no headline found in the page")
    body_lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    if body_lines and body_lines[0].strip() == headline:
        body_lines = body_lines[1:]
    if not body_lines:
        raise ImportFileError(origin, "no article text found in the page")
    return _record_from_mapping(
        origin,
        {
            "headline": headline,
            "body": "\n\n".join(body_lines),
            "url": url or doc.url,
            "outlet": doc.sitename or "",
            "published": doc.date,
            "authors": doc.author or "",
            "language": doc.language or _declared_language(html) or "en",
        },
        where="page",
    )


_HTML_LANG = re.compile(
    rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I
)


def _declared_language(html: str | bytes) -> str:
    """The page's <html lang>, which trafilatura reads only with a language detector installed."""
    head = html[:4096]
    match = _HTML_LANG.search(head.encode("utf-8", "replace") if isinstance(head, str) else head)
    return match.group(1).decode("ascii") if match else ""


def _record_from_mapping(path: Path | str, data, *, where: str, origin: Path | str | None = None):
    origin = origin or path
    if not isinstance(data, dict):
        raise ImportFileError(origin, f"{where}: expected a JSON object, got {type(data).__name__}")
    headline = _string(origin, data, "headline", where).strip()
    body = _string(origin, data, "body", where).strip()
    if not headline:
        raise ImportFileError(origin, f"{where}: 'headline' is missing or empty")
    if not body:
        raise ImportFileError(origin, f"{where}: 'body' is missing or empty")
    url = _string(origin, data, "url", where).strip() or None
    if url and not url.lower().startswith(("http://", "https://")):
        raise ImportFileError(origin, f"{where}: 'url' must be an http(s) address, got {url!r}")
    authors = data.get("authors") or []
    if isinstance(authors, str):
        authors = [a for a in authors.split(",")]
    elif not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise ImportFileError(origin, f"{where}: 'authors' must be a list of names or a string")
    return ArticleRecord(
        headline=headline,
        body=body,
        url=url,
        outlet=_string(origin, data, "outlet", where).strip(),
        published=_date(origin, data.get("published"), where),
        authors=tuple(a.strip() for a in authors if a.strip()),
        source_path=str(path),
        language=(_string(origin, data, "language", where).strip() or "en")[:12],
    )


def _string(path: Path, data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportFileError(
            path, f"{where}: {key!r} must be a string, got {type(value).__name__}"
        )
    return value


def _date(path: Path, value, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise ImportFileError(
        path, f"{where}: 'published' must be an ISO date like 2023-03-01, got {value!r}"
    )
