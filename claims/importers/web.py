"""Fetching from the web for continuous ingest: polite HTTP, robots.txt, feeds and sitemaps.

Pure Python plus urllib3, protego, feedparser and lxml; no database. The ingest service
(claims.services.ingest) decides what to fetch and records what happened.

Every request sends the configured User-Agent, follows at most a few redirects, and is cut off
at `max_bytes` of body and `timeout` seconds in all (not per read). A failure raises FetchError
with a reason a person can read ("HTTP 404 Not Found", "timed out after 20 s") and whether it is
transient (worth retrying later: timeouts, refused connections, 408, 429 and 5xx) or not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import urllib3

MAX_REDIRECTS = 5
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
ROBOTS_TTL = 3600.0  # seconds a robots.txt is trusted before it is fetched again
_CHUNK = 64 * 1024

logger = logging.getLogger(__name__)

_pool = urllib3.PoolManager(num_pools=50, maxsize=4, block=False)


class FetchError(Exception):
    """A fetch that did not give a usable response. `transient`: worth retrying later."""

    def __init__(self, reason: str, *, status: int | None = None, transient: bool = False):
        self.reason = reason
        self.status = status
        self.transient = transient
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names

    @property
    def not_modified(self) -> bool:
        return self.status == HTTPStatus.NOT_MODIFIED


@dataclass(frozen=True, slots=True)
class Client:
    """How to fetch: who we say we are and how much we accept.

    Addresses come from feeds, i.e. from outside: unless `allow_private`, a host that resolves
    to a loopback, private, link-local or otherwise non-public address is refused, so a feed
    cannot make the workers read the newsroom's internal services. (A host whose DNS answer
    changes between this check and the connection is not caught: run the workers where the
    network itself keeps them out of internal services if that matters.)
    """

    user_agent: str
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    allow_private: bool = False

    def _check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) address: {url!r}")
        if self.allow_private:
            return
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 80, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            raise FetchError("host name not found", transient=True) from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%")[0])
            if not address.is_global:
                raise FetchError(
                    f"refused: {parts.hostname} is a private or local address "
                    "(CLAIMDESK_INGEST_ALLOW_PRIVATE)"
                )

    def get(
        self,
        url: str,
        *,
        etag: str = "",
        last_modified: str = "",
        accept: str = "*/*",
        allow_status: frozenset[int] = frozenset(),
    ) -> Response:
        """GET `url`; 2xx, 304 and the `allow_status` codes are answers, the rest FetchError.

        `etag`/`last_modified` make it a conditional request: a 304 answer means unchanged.
        """
        headers = {"User-Agent": self.user_agent, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.timeout
        # Redirects are followed here, not by urllib3, so every hop's address is checked.
        for _ in range(MAX_REDIRECTS + 1):
            self._check_address(url)
            try:
                resp = _pool.request(
                    "GET",
                    url,
                    headers=headers,
                    preload_content=False,
                    redirect=False,
                    retries=False,
                    timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout),
                )
            except urllib3.exceptions.HTTPError as exc:
                raise _connection_error(exc, self.timeout) from None
            location = resp.get_redirect_location()
            if not location:
                break
            resp.drain_conn()
            resp.release_conn()
            url = urljoin(url, location)
        else:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects")
        try:
            status = resp.status
            final_url = url
            if status == HTTPStatus.NOT_MODIFIED:
                return Response(url=final_url, status=status, headers=_headers(resp))
            if not (200 <= status < 300 or status in allow_status):
                raise FetchError(
                    f"HTTP {status} {_phrase(status)}",
                    status=status,
                    transient=status in TRANSIENT_STATUSES,
                )
            declared = resp.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(
                    f"response is {declared} bytes, over the limit of {self.max_bytes}",
                    status=status,
                )
            chunks, size = [], 0
            try:
                for chunk in resp.stream(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(
                            f"response is over the limit of {self.max_bytes} bytes", status=status
                        )
                    if time.monotonic() > deadline:
                        raise FetchError(
                            f"timed out after {self.timeout:g} s", status=status, transient=True
                        )
                    chunks.append(chunk)
            except urllib3.exceptions.HTTPError as exc:
                raise _connection_error(exc, self.timeout) from None
            return Response(
                url=final_url, status=status, body=b"".join(chunks), headers=_headers(resp)
            )
        finally:
            resp.release_conn()


def _headers(resp) -> dict[str, str]:
    return {name.lower(): value for name, value in resp.headers.items()}


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _connection_error(exc, timeout: float) -> FetchError:
    if isinstance(exc, urllib3.exceptions.ResponseError):  # too many redirects
        return FetchError(f"more than {MAX_REDIRECTS} redirects")
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return FetchError("host name not found", transient=True)
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        # Checked before timeouts: urllib3 2 makes it a subclass of ConnectTimeoutError.
        return FetchError("connection refused or unreachable", transient=True)
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return FetchError(f"timed out after {timeout:g} s", transient=True)
    if isinstance(exc, urllib3.exceptions.SSLError):
        return FetchError(f"TLS error: {exc}")
    return FetchError(f"connection failed: {type(exc).__name__}", transient=True)


# --- robots.txt -------------------------------------------------------------------------------


class RobotsRules:
    """robots.txt answers per host, trusted for `ttl` seconds (an hour): one fetch per host.

    Parsed rules are kept in this process; with `shared` (a Django cache: Redis in production)
    the robots.txt text is kept there too, so every worker on every machine fetches a host's
    robots.txt once per `ttl`, not once per process. A shared entry carries the time it was
    fetched, so a copy taken from it expires with it. A shared cache that fails (Redis down) is
    only skipped: robots.txt is then fetched as if nobody had.
    """

    def __init__(self, client: Client, *, ttl: float = ROBOTS_TTL, shared=None):
        self.client = client
        self.ttl = ttl
        self.shared = shared
        self._cache: dict[str, tuple[float, object]] = {}  # root -> (fetched at, rules)
        self._lock = threading.Lock()

    @staticmethod
    def shared_key(root: str) -> str:
        return "robots-txt:" + hashlib.sha256(root.encode()).hexdigest()

    def _rules(self, url: str):
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        now = time.time()
        with self._lock:
            cached = self._cache.get(root)
        if cached and now - cached[0] < self.ttl:
            return cached[1]
        entry = self._shared_get(root, now)
        if entry is None:
            entry = (now, self._fetch(root))
            self._shared_set(root, entry)
        rules = _parse_robots(entry[1])
        with self._lock:
            self._cache[root] = (entry[0], rules)
        return rules

    def _fetch(self, root: str) -> str | None:
        """The robots.txt text, None when there is none (a 4xx: everything allowed)."""
        try:
            resp = self.client.get(
                urljoin(root, "/robots.txt"),
                accept="text/plain",
                allow_status=frozenset(range(400, 500)),
            )
        except FetchError as exc:
            # RFC 9309: an unreachable robots.txt means "assume everything is disallowed" for
            # now; the item is retried later like any transient failure. Nothing is cached.
            raise FetchError(
                f"robots.txt unavailable ({exc.reason})", status=exc.status, transient=True
            ) from None
        if 400 <= resp.status < 500:
            return None
        return resp.body.decode("utf-8", "replace")

    def _shared_get(self, root: str, now: float) -> tuple[float, str | None] | None:
        if self.shared is None:
            return None
        try:
            entry = self.shared.get(self.shared_key(root))
        except Exception:  # a cache server that is down must not stop the fetch
            logger.warning("robots.txt cache unavailable; reading %s itself", root, exc_info=True)
            return None
        if not isinstance(entry, tuple) or len(entry) != 2 or now - entry[0] >= self.ttl:
            return None
        return entry

    def _shared_set(self, root: str, entry: tuple[float, str | None]) -> None:
        if self.shared is None:
            return
        try:
            self.shared.set(self.shared_key(root), entry, timeout=max(1, round(self.ttl)))
        except Exception:
            logger.warning("robots.txt cache unavailable; %s not shared", root, exc_info=True)

    def allowed(self, url: str) -> bool:
        rules = self._rules(url)
        return rules is None or rules.can_fetch(url, self.client.user_agent)

    def crawl_delay(self, url: str) -> float:
        rules = self._rules(url)
        delay = rules.crawl_delay(self.client.user_agent) if rules is not None else None
        return float(delay or 0.0)


def _parse_robots(text: str | None):
    from protego import Protego

    return None if text is None else Protego.parse(text)


# --- feeds and sitemaps -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One article address a feed or sitemap lists."""

    url: str
    title: str = ""
    published: dt.date | None = None


class ParseError(Exception):
    """The body is not a feed or sitemap we can read; the message says why."""


def parse_feed(body: bytes, *, base_url: str) -> list[Entry]:
    """The entries of an RSS or Atom feed (feedparser), links made absolute, duplicates dropped."""
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.entries and parsed.get("bozo"):
        raise ParseError(f"not a readable feed: {parsed.get('bozo_exception')}")
    entries, seen = [], set()
    for item in parsed.entries:
        link = (item.get("link") or "").strip()
        if not link:
            continue
        url = urljoin(base_url, link)
        if url in seen or urlsplit(url).scheme not in ("http", "https"):
            continue
        seen.add(url)
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(
            Entry(
                url=url,
                title=(item.get("title") or "").strip(),
                published=dt.date(*stamp[:3]) if stamp else None,
            )
        )
    return entries


_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def parse_sitemap(body: bytes, *, base_url: str) -> list[Entry]:
    """The pages a (news) sitemap lists. A sitemap index is refused with a clear reason."""
    from lxml import etree

    # No entities, no network, no huge trees: a sitemap is untrusted XML.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"not a readable sitemap: {exc}") from None
    if root.tag == f"{_SITEMAP_NS}sitemapindex":
        raise ParseError("a sitemap index, not a sitemap: add each of its sitemaps as a source")
    if root.tag != f"{_SITEMAP_NS}urlset":
        raise ParseError(f"not a sitemap (root element {etree.QName(root).localname!r})")
    entries, seen = [], set()
    for node in root.iter(f"{_SITEMAP_NS}url"):
        loc = (node.findtext(f"{_SITEMAP_NS}loc") or "").strip()
        url = urljoin(base_url, loc) if loc else ""
        if not url or url in seen or urlsplit(url).scheme not in ("http", "https"):
            continue
        seen.add(url)
        title = (node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}title") or "").strip()
        date = (node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}publication_date") or "").strip()
        try:
            published = dt.date.fromisoformat(date[:10]) if date else None
        except ValueError:
            published = None
        entries.append(Entry(url=url, title=title, published=published))
    return entries
