"""A small news site on 127.0.0.1 for the ingest tests: http.server in a thread.

Serves /robots.txt (disallows /private/), /feed.xml (RSS, with an ETag: a matching
If-None-Match gets 304), /sitemap.xml (a news sitemap), /articles/<slug>.html pages with
invented sentences the extractor finds claims in, and whatever status codes a test asks for.
Every request is logged with its headers, so a test can assert what the fetcher sent.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = "User-agent: *\nDisallow: /private/\n"


def article_page(headline: str, paragraphs: list[str], *, lang: str = "en") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(headline)}</title>"
        '<meta property="og:site_name" content="The Test Gazette">'
        '<meta name="date" content="2026-11-20"></head>'
        f"<body><article><h1>{html.escape(headline)}</h1>{body}</article></body></html>"
    )


def invented_article(n: int) -> tuple[str, list[str]]:
    """An invented article with two claims the extractor finds (a direct and a reported one)."""
    return (
        f"Harbour bridge {n} opens to traffic after long delays",
        [
            f"The city council of Testville met on Tuesday to discuss bridge number {n}, which "
            "has been closed to traffic since the spring floods damaged its eastern ramp.",
            f'"We will open bridge {n} to all traffic before the winter," said Mayor Jane '
            "Okafor at a news conference at the town hall.",
            f"Council member Peter Lindqvist said the budget for bridge {n} had doubled since "
            "March because steel prices rose sharply over the summer months.",
            "Residents have waited more than a year for the repairs, and local shops say their "
            "takings fell by a third while the bridge was closed to cars and lorries.",
        ],
    )


@dataclass
class Site:
    """Routes: path -> (status, content type, body, delay in seconds)."""

    routes: dict[str, tuple[int, str, bytes, float]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path, body, *, status=200, content_type="text/html; charset=utf-8", delay=0.0):
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, content_type, data, delay)

    def add_article(self, slug: str, n: int, *, lang: str = "en", delay: float = 0.0) -> str:
        headline, paragraphs = invented_article(n)
        self.add(
            f"/articles/{slug}.html", article_page(headline, paragraphs, lang=lang), delay=delay
        )
        return self.url(f"/articles/{slug}.html")

    def set_feed(self, urls: list[str], *, path: str = "/feed.xml") -> str:
        items = "".join(
            f"<item><title>Story {i}</title><link>{html.escape(u)}</link>"
            "<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>"
            for i, u in enumerate(urls)
        )
        rss = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>The Test Gazette</title><link>{self.base}/</link>"
            f"<description>Invented news</description>{items}</channel></rss>"
        )
        self.add(path, rss, content_type="application/rss+xml")
        return self.url(path)

    def set_sitemap(self, urls: list[str], *, path: str = "/sitemap.xml") -> str:
        entries = "".join(
            f"<url><loc>{html.escape(u)}</loc><news:news><news:title>Story {i}</news:title>"
            "<news:publication_date>2026-11-20T10:00:00Z</news:publication_date>"
            "</news:news></url>"
            for i, u in enumerate(urls)
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{entries}</urlset>"
        )
        self.add(path, xml, content_type="application/xml")
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    def start(self) -> Site:
        site = self
        self.add("/robots.txt", ROBOTS, content_type="text/plain")

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                status, content_type, body, delay = route
                if delay:
                    time.sleep(delay)
                etag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(status)
                if 300 <= status < 400:  # a redirect: the body is where to
                    self.send_header("Location", body.decode())
                    body = b""
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                # The client may have given up (a timeout or size test).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
