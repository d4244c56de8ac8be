"""Text normalisation shared by models, services and importers (no models, no settings)."""

import functools
import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from anyascii import anyascii

# Invisible characters let two visually equal strings differ: one table for the whole project.
from claims.invisible import strip_invisible

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]")
# Combining diacritics (what NFKD splits off accented Latin, Greek and Cyrillic letters): one
# regex pass instead of a per-character unicodedata.combining() filter, 10x faster.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Apostrophes inside a name ("O'Brien", anyascii's soft sign in "Zelens'kiy") join, not split.
_APOSTROPHES = re.compile("['\u2019\u02bc\u02b9]")
_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|smid|partner)$", re.I)


def normalise_text(text: str) -> str:
    """Casefolded, accent-free, punctuation-free, single-spaced: equal for trivially equal texts."""
    if not text.isascii():
        # Only non-ASCII text can hold accents or invisible characters; most English news is
        # ASCII but for its curly quotes, so the per-character filter runs on few strings.
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", strip_invisible(text)))
    text = _NON_WORD.sub(" ", text.casefold())
    return _WS.sub(" ", text).strip()


def text_hash(text: str) -> str:
    """A SHA-1 of the normalised text: the key for exact-duplicate lookups (40 hex chars)."""
    return hashlib.sha1(normalise_text(text).encode(), usedforsecurity=False).hexdigest()


# Claims' content hashes the import's pool workers computed for the writing process
# (claims.importers.parallel): text -> text_hash(text). Each is served once by `primed_hash`;
# past _PRIMED_MAX the table starts again empty. A miss computes the hash, so what is primed
# only saves work: text_hash is pure, and another process's answer is this one's.
_PRIMED: dict[str, str] = {}
_PRIMED_MAX = 1 << 15


def prime_hashes(hashes: dict[str, str]) -> None:
    """Hand this process text_hash answers computed elsewhere (text -> hash)."""
    if len(_PRIMED) > _PRIMED_MAX:
        _PRIMED.clear()
    _PRIMED.update(hashes)


def primed_hash(text: str) -> str:
    """text_hash(text), served from what prime_hashes was handed when it holds the text."""
    primed = _PRIMED.pop(text, None)
    return primed if primed is not None else text_hash(text)


def normalise_url(url: str) -> str:
    """Lower-cased scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING_PARAMS.match(k))
    )
    path = parts.path.rstrip("/") or "/"
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    return urlunsplit(
        ("https" if parts.scheme in ("http", "https") else parts.scheme, host, path, query, "")
    )


def source_key_for(*, url: str | None, body: str) -> str:
    """An article's identity: its normalised URL when it has one, else a hash of its text."""
    if url:
        key = "url:" + normalise_url(url)
        # Keep the unique index small: very long URLs are keyed by their hash.
        return (
            key
            if len(key) <= 255
            else "url-sha1:" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()
        )
    return "sha1:" + text_hash(body)


def to_ascii(text: str) -> str:
    """Readable ASCII for any script: "Володимир Зеленський" -> "Volodimir Zelens'kiy".

    anyascii transliterates Cyrillic, Greek, Arabic, CJK... letter by letter and folds accents
    ("Łukasz" -> "Lukasz", which NFKD alone cannot: Ł has no decomposition).
    """
    return text if text.isascii() else anyascii(strip_invisible(text))


@functools.lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """The key for speaker aliases: "Mr. Blinken" and "mr blinken" compare equal, and so do
    "Łukasz" and "Lukasz", "Зеленський" and "Zelens'kiy" (transliterated by anyascii).

    Apostrophes join their letters ("O'Brien" -> "obrien"). Cached (a few MB at most): speaker
    resolution asks for the same few thousand names again and again, about a hundred times
    per imported article. Changing it changes stored keys: SpeakerAlias.normalised is re-keyed
    by a data migration (see claims/migrations/0007_rekey_speaker_aliases.py).
    """
    return normalise_text(_APOSTROPHES.sub("", to_ascii(name)))
