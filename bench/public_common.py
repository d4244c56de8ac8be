"""Shared by bench_pages.py, bench_load.py and bench_search.py (public pages).

A scratch PostgreSQL database (created, migrated, filled in SQL with generate_series, dropped),
gunicorn with sync workers on 127.0.0.1, and wrk as the load generator (installed with apt-get
when missing, the only install these benchmarks do).
"""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SERVER = os.environ.get("BENCH_PG", "postgres://root@127.0.0.1:5432")
# What the bench server shows: gunicorn() leaves CLAIMDESK_SHOW_UNREVIEWED at the production
# default (off), so published claims only.
PUBLIC_STATUS = "published"
PAGE_SIZE = 50  # the claim list's (claims/public/pagination.py)
DEEP_PAGE = 1000  # "page 1,000", reached by cursor

# Words for generated claims: a few very common ones (like "government" in real news), then a
# long tail, so searches see realistic match counts.
COMMON_WORDS = ["government", "minister", "said", "war", "talks"]
WORDS = [
    *COMMON_WORDS,
    "bridge", "budget", "tax", "peace", "border", "troops", "election", "vote", "energy", "gas",
    "oil", "price", "inflation", "wages", "health", "hospital", "school", "teachers", "police",
    "court", "judge", "law", "reform", "climate", "emissions", "coal", "wind", "solar", "nuclear",
    "grain", "exports", "imports", "sanctions", "embassy", "treaty", "ceasefire", "refugees",
    "housing", "rent", "pension", "deficit", "debt", "bank", "interest", "rates", "jobs",
    "factory", "strike", "union", "farmers", "drought", "flood", "water", "river", "port",
    "railway", "airport", "tunnel", "road", "missile", "drone", "navy", "army", "general",
    "president", "parliament", "senate", "coalition", "opposition", "party", "campaign",
    "poll", "survey", "report", "audit", "fraud", "corruption", "contract", "tender", "minerals",
    "lithium", "copper", "steel", "chips", "software", "internet", "privacy", "data", "vaccine",
    "virus", "doctors", "nurses", "prison", "crime", "migration", "visa", "tourism", "museum",
    "football", "olympics", "stadium", "festival", "census", "population", "birth", "children",
]  # fmt: skip


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def admin_connection():
    return psycopg.connect(f"{SERVER}/postgres", autocommit=True)


def create_scratch(base: str, *, root: Path = ROOT, exact: bool = False) -> str:
    """Create a scratch database named `base` plus this process's id (so that two runs, or two
    people on one machine, never share or drop each other's database), run the migrations of
    the tree at `root` (this one by default, with its own .venv) on it; return its URL.

    exact=True names it `base` itself, for a database kept for a later run (bench_search
    --keep); an existing one of that name is dropped first, and dropping fails while another
    session is connected to it rather than cutting that session off."""
    name = base if exact else f"{base}_{os.getpid()}"
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{SERVER}/{name}"
    log(f"scratch database {name}")
    subprocess.run(
        [str(root / ".venv" / "bin" / "python"), "manage.py", "migrate", "-v0", "--noinput"],
        cwd=root,
        env={**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench", "DEBUG": "0"},
        check=True,
    )
    return url


def drop_scratch(url: str) -> None:
    """Drop the scratch database at `url` (one create_scratch made), with whatever sessions
    this run left on it."""
    name = url.rsplit("/", 1)[1]
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sentence_sql(seed: str, n_words: int) -> str:
    """SQL text for n_words pool words chosen by a skewed random draw (common words often)."""
    picks = " || ' ' || ".join(
        f"w[1 + floor(power(random(), 2.5) * {len(WORDS)})::int + 0 * {seed}]"
        for _ in range(n_words)
    )
    return picks


def fill_public_data(url: str, *, articles: int = 10_000, claims_per_article: int = 10) -> dict:
    """Outlets, speakers (governments and members), articles, claims in every status, topics,
    stances, tags, links and evidence, all in SQL. Returns ids the benchmarks request."""
    words = "ARRAY[" + ",".join(f"'{w}'" for w in WORDS) + "]"
    n_claims = articles * claims_per_article
    sql = f"""
    INSERT INTO claims_outlet (name, slug, homepage, article_text)
      SELECT 'Outlet ' || i, 'outlet-' || i, 'https://outlet' || i || '.example', ''
      FROM generate_series(1, 20) i;
    INSERT INTO claims_speaker (id, name, slug, kind, role, affiliation, description, wikidata_id,
                                created, affiliated_with_id)
      OVERRIDING SYSTEM VALUE
      SELECT i, 'Government ' || i, 'government-' || i, 'government', '', '', '', '', now(), NULL
      FROM generate_series(1, 20) i;
    INSERT INTO claims_speaker (id, name, slug, kind, role, affiliation, description, wikidata_id,
                                created, affiliated_with_id)
      OVERRIDING SYSTEM VALUE
      SELECT i, 'Speaker ' || i, 'speaker-' || i, 'person', 'Minister of things', 'Cabinet', '',
             'Q' || (1000 + i), now(), CASE WHEN i % 3 = 0 THEN 1 + i % 20 END
      FROM generate_series(21, 500) i;
    SELECT setval(pg_get_serial_sequence('claims_speaker', 'id'), 500);
    INSERT INTO claims_article (id, headline, slug, url, published, authors, body, language,
                                source_key, source_path, body_hash, imported_at,
                                extractor_version, extraction_note, outlet_id)
      OVERRIDING SYSTEM VALUE
      SELECT i, 'Headline number ' || i, 'article-' || i, 'https://news.example/a/' || i,
             date '2015-01-01' + (i % 3650), 'A. Writer', body, 'en', 'bench:' || i, '', '',
             now(), '', '', 1 + i % 20
      FROM (
        SELECT i, (
          SELECT string_agg(rpad(left({_sentence_sql("i", 16)}, 99), 99, '.') || ' ', ''
                            ORDER BY k)
          FROM generate_series(0, {claims_per_article - 1}) k, (SELECT {words} AS w) pool
          WHERE i > 0
        ) AS body
        FROM generate_series(1, {articles}) i
      ) generated;
    SELECT setval(pg_get_serial_sequence('claims_article', 'id'), {articles});
    INSERT INTO claims_claim (id, mention, content, start, "end", cue, kind, context_start,
                              context_end, said_on, sort_date, status, verdict, rationale, notes, attribution_checked,
                              published_at, orphaned, content_hash, extractor_version, version,
                              created, updated, article_id, speaker_id, in_headline,
                              extraction_rule, speaker_resolution, via, summary)
      OVERRIDING SYSTEM VALUE
      SELECT n, 'Speaker ' || sp, substr(a.body, k * 100 + 1, 80), k * 100, k * 100 + 80, 'said',
             'indirect', k * 100, k * 100 + 99, NULL, a.published,
             CASE WHEN n % 10 < 4 THEN 'published' WHEN n % 10 < 9 THEN 'new' ELSE 'dismissed' END,
             CASE WHEN n % 10 < 4 THEN (ARRAY['true','mostly_true','half_true','misleading',
                  'mostly_false','false'])[1 + n % 6] END,
             CASE WHEN n % 10 < 4 THEN 'Because the record says so.' ELSE '' END,
             'internal note', false,
             CASE WHEN n % 10 < 4 THEN a.published + interval '1 day' END,
             false, md5(n::text), '', 1, now(), now(), a.id, sp, false, '', '', '', ''
      FROM claims_article a, generate_series(0, {claims_per_article - 1}) k,
           LATERAL (SELECT (a.id - 1) * {claims_per_article} + k + 1 AS n) num,
           LATERAL (SELECT 21 + (n * 7919) % 480 AS sp) s;
    SELECT setval(pg_get_serial_sequence('claims_claim', 'id'), {n_claims});
    INSERT INTO claims_topic (title, slug, question, description, created)
      SELECT 'Topic ' || i, 'topic-' || i, 'Should it happen?', '', now()
      FROM generate_series(1, 20) i;
    INSERT INTO claims_stance (stance, note, claim_id, topic_id)
      SELECT (ARRAY['supports','opposes','conditional','neutral'])[1 + (id / 5) % 4], '', id,
             (SELECT min(id) FROM claims_topic) + id % 20
      FROM claims_claim WHERE id % 5 = 0;
    INSERT INTO claims_tag (name, slug, description)
      SELECT 'Tag ' || i, 'tag-' || i, '' FROM generate_series(1, 50) i;
    INSERT INTO claims_claim_tags (claim_id, tag_id)
      SELECT id, (SELECT min(id) FROM claims_tag) + id % 50 FROM claims_claim WHERE id % 2 = 0;
    INSERT INTO claims_claimlink (from_claim_id, to_claim_id, relation, note, created)
      SELECT id + 1, id, 'repeats', '', now() FROM claims_claim
      WHERE id % 10 = 0 AND id < {n_claims};
    INSERT INTO claims_claimevidence (claim_id, url, title, note, added_at)
      SELECT id, 'https://evidence.example/' || id, 'A source', '', now()
      FROM claims_claim WHERE id % 7 = 0 AND status = 'published';
    """
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)
        conn.execute("VACUUM ANALYZE")
        # A published claim with stances, links in and out, evidence, tags: the fullest page.
        claim_id = conn.execute(
            "SELECT c.id FROM claims_claim c WHERE c.status = 'published' AND c.id % 70 = 0 "
            "AND c.speaker_id IS NOT NULL ORDER BY c.id LIMIT 1"
        ).fetchone()[0]
        speaker_slug, article_slug = conn.execute(
            "SELECT s.slug, a.slug FROM claims_claim c JOIN claims_speaker s ON s.id = c.speaker_id "
            "JOIN claims_article a ON a.id = c.article_id WHERE c.id = %s",
            [claim_id],
        ).fetchone()
        # The keyset cursor for "page 1,000": the row ending page 999 of the public list
        # (published claims: the bench server's visibility, see spread_paths), or of its
        # last full page when the data has fewer (`deep_page` says which page it opens).
        public = conn.execute(
            f"SELECT count(*) FROM claims_claim WHERE status = '{PUBLIC_STATUS}'"
        ).fetchone()[0]
        deep_page = max(1, min(DEEP_PAGE, public // PAGE_SIZE))
        row = (
            conn.execute(
                f"SELECT sort_date, id FROM claims_claim WHERE status = '{PUBLIC_STATUS}' "
                "ORDER BY sort_date DESC, id DESC OFFSET %s LIMIT 1",
                [PAGE_SIZE * (deep_page - 1) - 1],
            ).fetchone()
            if deep_page > 1
            else None
        )
        cursor = f"{row[0].isoformat()}_{row[1]}" if row else ""
    log(f"generated {n_claims:,} claims in {time.perf_counter() - started:.1f}s")
    return {
        "claim_id": claim_id,
        "speaker_slug": speaker_slug,
        "article_slug": article_slug,
        "topic_slug": "topic-1",
        "deep_cursor": cursor,
        "deep_page": deep_page,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(
    database_url: str,
    *,
    conn_max_age: int = 600,
    page_cache: int = 300,
    workers: int = 3,
    cache_url: str = "",
    root: Path = ROOT,
    pid: list | None = None,
):
    """gunicorn (sync workers) on 127.0.0.1 with the bench settings; yields the base URL.

    cache_url: the page cache's CACHE_URL ("" = memory, per worker). root: the tree served
    (its own .venv; this one by default). pid: a list the master's process id is put in."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "public_settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CONN_MAX_AGE": str(conn_max_age),
        "CLAIMDESK_PAGE_CACHE_SECONDS": str(page_cache),
        "CACHE_URL": cache_url,
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(
        [
            str(root / ".venv" / "bin" / "gunicorn"),
            "newsroom.wsgi:application",
            "--pythonpath",
            f"{root},{root / 'bench'}",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        cwd=root,
        env=env,
    )
    if pid is not None:
        pid.append(process.pid)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()  # noqa: S310 -- local
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer on " + base)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def redis_url(url: str = "redis://127.0.0.1:6379/14") -> str:
    """`url` when a Redis server answers there, else "" (the page cache then stays per worker)."""
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=0.5).close()
    except OSError:
        log(f"no Redis at {url}: the page cache stays in each worker's memory")
        return ""
    return url


def spread_paths(database_url: str, *, claims: int = 500, speakers: int = 200, articles: int = 500):
    """Many different pages of each kind (public claims, speakers and articles with public
    claims), spread evenly over the data: a cache-friendly single URL would flatter the cache.

    Chosen from the rows the database holds, public as the bench server sees them (gunicorn
    here runs with CLAIMDESK_SHOW_UNREVIEWED off, the production default: published claims
    only), so every path answers 200 whatever --articles made; a smaller database gives fewer
    pages (the caller labels each target with its count). The stride spreads them over the
    whole id range."""
    public = f"c.status = '{PUBLIC_STATUS}'"
    with psycopg.connect(database_url) as conn:
        claim_ids = _spread(
            conn, f"SELECT c.id FROM claims_claim c WHERE {public} ORDER BY c.id", claims
        )
        speaker_slugs = _spread(
            conn,
            "SELECT s.slug FROM claims_speaker s WHERE EXISTS (SELECT 1 FROM claims_claim c "
            f"WHERE c.speaker_id = s.id AND {public}) ORDER BY s.id",
            speakers,
        )
        article_slugs = _spread(
            conn,
            "SELECT a.slug FROM claims_article a WHERE EXISTS (SELECT 1 FROM claims_claim c "
            f"WHERE c.article_id = a.id AND {public}) ORDER BY a.id",
            articles,
        )
    return {
        "minimal": [f"/bench/minimal/{pk}/" for pk in claim_ids],
        "claim": [f"/claims/{pk}/" for pk in claim_ids],
        "speaker": [f"/speakers/{slug}/" for slug in speaker_slugs],
        "article": [f"/articles/{slug}/" for slug in article_slugs],
    }


def _spread(conn, sql: str, count: int) -> list:
    """`count` rows of `sql`'s (one column, ordered) spread evenly over all of them; all of
    them when there are fewer."""
    rows = [row[0] for row in conn.execute(sql)]
    step = max(1, len(rows) // count)
    return rows[::step][:count]


def warm(base: str, paths: list[str], *, threads: int = 3) -> None:
    """Request every path once (fails on anything but 200), a few at a time."""
    from concurrent.futures import ThreadPoolExecutor

    def get(path):
        with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310 -- local
            assert response.status == 200, (path, response.status)

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(get, paths))
    log(f"warmed {len(paths)} pages in {time.perf_counter() - started:.1f}s")


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    log("wrk missing: apt-get install -y wrk")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    return shutil.which("wrk")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(
    url: str, *, seconds: int = 8, connections: int = 6, threads: int = 1, script: str | None = None
) -> dict:
    """Run wrk against url; requests/s, p50/p99 latency (ms), errors and non-2xx counts."""
    command = [
        ensure_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    p50 = _ms(re.search(r"\s50%\s+(\S+)", output)[1])
    p99 = _ms(re.search(r"\s99%\s+(\S+)", output)[1])
    requests = int(re.search(r"(\d+) requests in", output)[1])
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    errors = 0
    if socket_errors:
        errors = sum(int(n) for n in re.findall(r"\d+", socket_errors[1]))
    return {
        "rps": rps,
        "p50_ms": p50,
        "p99_ms": p99,
        "requests": requests,
        "non2xx": int(non2xx[1]) if non2xx else 0,
        "errors": errors,
    }


def rotating_script(paths: list[str], *, stop_after: int = 0, marker: Path | None = None) -> str:
    """A wrk Lua script requesting `paths` in turn; returns the file's path.

    With stop_after, each thread stops after that many answers and appends a byte to `marker`
    (wrk itself only stops at its duration or SIGINT): bench_cached_pages' fixed counts."""
    handle, path = tempfile.mkstemp(suffix=".lua", prefix="bench-public-")
    items = ",\n".join(f'  "{p}"' for p in paths)
    script = (
        f"local paths = {{\n{items}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    if stop_after:
        script += (
            "local done = 0\n"
            "response = function(status, headers, body)\n  done = done + 1\n"
            f"  if done == {stop_after} then\n"
            f'    local f = io.open("{marker}", "a")\n    f:write("x")\n    f:close()\n'
            "    wrk.thread:stop()\n  end\nend\n"
        )
    with os.fdopen(handle, "w") as f:
        f.write(script)
    return path


def machine() -> str:
    cpus = os.cpu_count()
    model = ""
    with contextlib.suppress(OSError):
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    pg = ""
    with contextlib.suppress(Exception), admin_connection() as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
    return f"{cpus} cores ({model}), PostgreSQL {pg}, Python {sys.version.split()[0]}"
