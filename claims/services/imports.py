"""import_article: one ArticleRecord into the database, in one transaction.

Idempotent: the article's identity is ``Article.source_key`` (normalised URL, else a hash of the
cleaned text). Importing the same article again changes nothing and reports "unchanged"; a
concurrent import of the same article loses the unique-index race and reports "unchanged" too.

With ``update=True`` an article whose text changed is re-extracted. Claims nobody has touched
are replaced; claims a reviewer has touched (status not new, a verdict, rationale, evidence,
stances, links, tags or attribution_checked) are never deleted: when the new text still has the
same claim text they are re-anchored to its new offsets (provenance only; nothing a reviewer
entered changes), otherwise they are flagged ``orphaned``.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from claims.enums import ClaimKind, ClaimStatus, SpeakerResolution
from claims.extraction import EXTRACTOR_VERSION, ExtractedClaim, clean_text, extract_article
from claims.importers import ArticleRecord
from claims.models import (
    Article,
    Claim,
    ClaimEvidence,
    ClaimLink,
    Outlet,
    Stance,
    available_slug,
    highest_suffixes,
    next_slug,
    slug_base,
    slug_suffix,
)
from claims.normalise import primed_hash, source_key_for, text_hash
from claims.permissions import require

from . import fastwrite
from .speakers import ResolveStats, SpeakerResolver

CREATED, UNCHANGED, UPDATED, STALE = "created", "unchanged", "updated", "stale"
_RETRIES = 3  # deadlocks between concurrent imports touching the same speakers
# The extractor's lexicon and rules are English: articles in other languages are stored with a
# note and no claims, rather than run through rules that would find nothing (or nonsense).
EXTRACTION_LANGUAGES = frozenset({"en"})


def language_note(language: str) -> str:
    """Empty when the extractor handles `language` (an ISO 639-1 code, "en-GB" too), else the
    note stored on the article to say why it has no claims."""
    primary = (language or "").replace("_", "-").split("-")[0].strip().lower()
    if not primary or primary in EXTRACTION_LANGUAGES:
        return ""
    return (
        f"Not extracted: the article's language is {language!r} and the extractor handles "
        "English only."
    )


@dataclass(slots=True)
class ImportResult:
    """What one import_article call did. `status` is created, unchanged, updated or stale
    (the text changed but update was not asked for)."""

    status: str
    article: Article | None = None
    claims_created: int = 0
    claims_replaced: int = 0
    claims_orphaned: int = 0
    claims_reanchored: int = 0
    speakers_new: int = 0
    speakers_matched: int = 0
    suggestions: int = 0
    note: str = ""  # why no claims were extracted (a language the extractor does not handle)

    def describe(self) -> str:
        """One line for people: what changed in this article's claims."""
        return (
            f"{self.status}: {self.claims_created} claims new, {self.claims_replaced} replaced, "
            f"{self.claims_reanchored} kept, {self.claims_orphaned} orphaned"
        )


@dataclass
class ImportSession:
    """Per-run caches (speakers, aliases, outlets); pass one to every import_article of a run.

    `prefetch` looks up the next few articles' identities and slugs in two queries; until the
    next prefetch, import_article answers "does it exist?" and "is this slug free?" for them
    from memory. Only one window is held, so memory stays flat on long runs.
    """

    resolver: SpeakerResolver = field(default_factory=SpeakerResolver)
    outlets: dict[str, int] = field(default_factory=dict)
    ids: fastwrite.IdBlocks = field(default_factory=fastwrite.IdBlocks)  # claims' ids (COPY)
    _checked: set[str] = field(default_factory=set, init=False, repr=False)  # keys and URLs
    _found: dict[str, Article] = field(default_factory=dict, init=False, repr=False)
    _slug_bases: set[str] = field(default_factory=set, init=False, repr=False)
    _slug_tops: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def prefetch(self, items: Iterable[tuple[ArticleRecord, tuple[str, str]]]) -> None:
        """Look up the articles about to be imported: (record, (cleaned body, text_hash)) pairs.

        Two queries for the window (existing articles by source key or URL; taken slugs for
        their headlines) instead of two per article. What a concurrent run writes meanwhile is
        caught by the unique indexes, and import_article then looks again (see `_forget`).
        """
        self._checked, self._found, self._slug_bases, self._slug_tops = set(), {}, set(), {}
        keys, urls, bases = set(), set(), set()
        for record, (_, body_hash) in items:
            keys.add(_source_key(record, body_hash))
            if record.url:
                urls.add(record.url)
            bases.add(_slug_base(record.headline))
        if not keys:
            return
        match = Q(source_key__in=keys)
        if urls:
            match |= Q(url__in=urls)
        self._checked = keys | urls  # before _remember, which keeps only what was asked for
        for article in Article.objects.filter(match):
            self._remember(article)
        # The highest taken suffix of each headline's slug: one row per base, not every slug.
        self._slug_tops = highest_suffixes(Article, bases)
        self._slug_bases = bases

    def _existing(self, key: str, url: str | None) -> Article | None:
        if key in self._checked and (not url or url in self._checked):
            by_key, by_url = self._found.get(key), self._found.get(url) if url else None
            if by_key is None or by_url is None or by_key.pk == by_url.pk:
                return by_key or by_url
        return _existing(key, url)

    def _remember(self, article: Article) -> None:
        if article.source_key not in self._checked:
            return  # not in this window: nobody will ask
        self._found[article.source_key] = article
        if article.url:
            self._found[article.url] = article

    def _forget(self) -> None:
        """A concurrent run got there first: look everything up again from now on."""
        self._checked, self._found, self._slug_bases, self._slug_tops = set(), {}, set(), {}

    def _free_slug(self, headline: str) -> str:
        base = _slug_base(headline)
        if base not in self._slug_bases:
            return available_slug(Article, headline, fallback="article")
        slug = next_slug(base, self._slug_tops.get(base))
        self._slug_tops[base] = slug_suffix(slug, base)
        return slug


def _slug_base(headline: str) -> str:
    return slug_base(headline, fallback="article")


def _source_key(record: ArticleRecord, body_hash: str) -> str:
    # source_key_for(url=None) would hash the body a second time.
    return source_key_for(url=record.url, body="") if record.url else f"sha1:{body_hash}"


def needs_extraction(
    items: list[tuple[ArticleRecord, tuple[str, str] | None]], *, update: bool
) -> list[bool]:
    """For (record, (cleaned body, hash)) pairs: would import_article extract this article?

    One query. False for articles already stored with the same text (unchanged) or, without
    `update`, with another text (stale); True for new ones and for anything unclear. Only a
    forecast: import_article extracts for itself when it turns out to need claims after all.
    """
    keys = {
        _source_key(record, prepared[1]): (record, prepared)
        for record, prepared in items
        if prepared is not None
    }
    urls = {record.url for record, _ in keys.values() if record.url}
    match = Q(source_key__in=keys)
    if urls:
        match |= Q(url__in=urls)
    found: dict[str, list[str]] = {}
    for source_key, url, body_hash in Article.objects.filter(match).values_list(
        "source_key", "url", "body_hash"
    ):
        found.setdefault(source_key, []).append(body_hash)
        if url:
            found.setdefault(url, []).append(body_hash)
    flags = []
    for record, prepared in items:
        if prepared is None:
            flags.append(False)
            continue
        hashes = found.get(_source_key(record, prepared[1]), []) + (
            found.get(record.url, []) if record.url else []
        )
        if not hashes:
            flags.append(True)
        elif len(set(hashes)) > 1:
            flags.append(True)  # key and URL name different texts: import_article decides
        else:
            # Same text: an older engine's claims are re-extracted by import_article itself.
            flags.append(update and hashes[0] != prepared[1])
    return flags


def stored_headline(record: ArticleRecord) -> str:
    """The headline as the article row keeps it (claims in it are located in this text)."""
    return record.headline[:500]


def prepare(record: ArticleRecord) -> tuple[str, str]:
    """(clean_text(record.body), its text_hash): what import_article's `prepared` takes."""
    body = clean_text(record.body)
    return body, text_hash(body)


class _DryRun(Exception):
    def __init__(self, result):
        self.result = result


def import_article(
    *,
    record: ArticleRecord,
    extract: bool = True,
    update: bool = False,
    extracted: list[ExtractedClaim] | None = None,
    session: ImportSession | None = None,
    dry_run: bool = False,
    prepared: tuple[str, str] | None = None,
) -> ImportResult:
    """Create or update one article and its claims in one transaction.

    `extracted` is extract_article(headline, clean_text(record.body)) when the caller computed
    it already
    (a process pool), and `prepared` the (clean_text(record.body), text_hash of it) pair;
    otherwise they are computed here, extraction only if the article needs it. `dry_run`
    does all the work, reports it, and rolls it back. A new article costs four inserts (the
    article, its history row, its claims in one bulk_create, their history rows in another), plus a speaker and an alias
    insert when it names new speakers; the existence check and the slug cost two more queries
    unless `session.prefetch` looked the article up already.
    """
    session = session or ImportSession()
    body, body_hash = prepared or prepare(record)
    if not body:
        raise ValueError("the article has no text after cleaning")
    key = _source_key(record, body_hash)
    note = language_note(record.language) if extract else ""
    if note:
        extract, extracted = False, None
    for attempt in range(1, _RETRIES + 1):
        existing = session._existing(key, record.url)
        if existing is not None and existing.body_hash == body_hash:
            if update and extract and existing.extractor_version != EXTRACTOR_VERSION:
                # Same text, an older engine's claims: re-extract with this one, keeping
                # every claim a reviewer touched (reextract_article's rules).
                return _reextract_stored(existing, session=session, dry_run=dry_run)
            return ImportResult(UNCHANGED, existing)
        if existing is not None and not update:
            return ImportResult(STALE, existing)
        if extract and extracted is None:
            extracted = extract_article(stored_headline(record), body)
        try:
            return _write(
                record=record,
                body=body,
                body_hash=body_hash,
                key=key,
                existing=existing,
                extracted=extracted if extract else [],
                session=session,
                dry_run=dry_run,
                note=note,
            )
        except _DryRun as stop:
            return stop.result
        except IntegrityError:
            # A concurrent import stored this article first: it is now simply unchanged.
            session._forget()
            winner = _existing(key, record.url)
            if winner is not None and winner.body_hash == body_hash:
                return ImportResult(UNCHANGED, winner)
            if attempt == _RETRIES:
                raise
            # Or it took a slug this run's cache thought free: reload and try again.
            session.resolver.reset()
        except OperationalError as exc:
            # PostgreSQL breaks a deadlock by failing one side; the retry then goes through.
            if attempt == _RETRIES or "deadlock" not in str(exc).lower():
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _existing(key: str, url: str | None) -> Article | None:
    match = Q(source_key=key)
    if url:
        match |= Q(url=url)
    return Article.objects.filter(match).first()


def _write(
    *, record, body, body_hash, key, existing, extracted, session, dry_run, note=""
) -> ImportResult:
    stats = ResolveStats()
    # The article's transaction is its own unless a caller's is open (or a dry run rolls it
    # back): then its one statement may be sent alone (fastwrite._as_its_own_transaction).
    alone = not dry_run and not transaction.get_connection().in_atomic_block
    with session.resolver.article(), transaction.atomic():
        outlet_id, new_outlet = _outlet_id(record.outlet, session)
        fields = {
            "headline": stored_headline(record),
            "body": body,
            "url": record.url or None,
            "published": record.published,
            "authors": ", ".join(record.authors)[:500],
            "language": record.language or "en",
            "source_path": record.source_path[:1000],
            "extractor_version": ""
            if note
            else EXTRACTOR_VERSION
            if extracted or existing is None
            else "",
            "extraction_note": note,
        }
        # PostgreSQL: the article's rows go in one statement at the end (fastwrite.ArticleRows).
        writes = fastwrite.ArticleRows(alone=alone) if fastwrite.enabled() else None
        if existing is None:
            # bulk_create skips save(), so derive_fields' work is done here (without hashing
            # the body again or a slug query) and the history row is written the same way.
            article = Article(
                outlet_id=outlet_id,
                source_key=key,
                body_hash=body_hash,
                slug=session._free_slug(record.headline),
                **fields,
            )
            if writes is not None:
                # Its id now, from the sequence: the claims and ties point at it before it is
                # written (their foreign keys are checked at the commit).
                (article.pk,) = session.ids.take(Article, 1)
                writes.article, writes.article_reason = article, import_reason("import")
            else:
                Article.objects.bulk_create([article])
                _article_history().bulk_history_create(
                    [article], default_change_reason=import_reason("import")
                )
            result = ImportResult(CREATED, article)
            occupied: set[tuple[int, int]] = set()
        else:
            article = existing
            for name, value in fields.items():
                setattr(article, name, value)
            article.outlet_id = outlet_id or article.outlet_id
            article.source_key = key
            # The page cache reads this reason (claims/public/pagecache.py, issue 14).
            article._change_reason = import_reason("re-import")
            article.save()
            result = ImportResult(UPDATED, article)
            extracted, occupied = _retire_old_claims(
                article, extracted, result, reason=import_reason("re-import")
            )
        result.note = note
        result.claims_created = _create_claims(
            article,
            extracted,
            occupied,
            session,
            stats,
            reason=import_reason("import"),
            writes=writes,
        )
        if writes is not None:
            writes.write()
        result.speakers_new = stats.speakers_new
        result.speakers_matched = stats.speakers_matched
        result.suggestions = stats.suggestions
        if dry_run:
            raise _DryRun(result)
    session._remember(article)
    if new_outlet:
        session.outlets[record.outlet] = outlet_id
    return result


@functools.cache
def _article_history():
    # Article.history builds a new manager class on every access (inspect.getmembers: 5% of
    # an import's time); the class-level manager does not change.
    return Article.history


def _outlet_id(name: str, session: ImportSession) -> tuple[int | None, bool]:
    if not name:
        return None, False
    if name in session.outlets:
        return session.outlets[name], False
    outlet = Outlet.objects.filter(name=name).first()
    if outlet is None:
        outlet, _ = Outlet.objects.get_or_create(name=name[:200])
        # Cached only once the article commits: a rolled-back outlet must not be reused.
        return outlet.pk, True
    session.outlets[name] = outlet.pk
    return outlet.pk, False


def touched_claims():
    """Claims a reviewer has touched: never deleted or rewritten by a re-import."""
    return Claim.objects.filter(
        ~Q(status=ClaimStatus.NEW)
        | Q(verdict__isnull=False)
        | ~Q(rationale="")
        | Q(attribution_checked=True)
        | Exists(ClaimEvidence.objects.filter(claim=OuterRef("pk")))
        | Exists(Stance.objects.filter(claim=OuterRef("pk")))
        | Exists(
            ClaimLink.objects.filter(Q(from_claim=OuterRef("pk")) | Q(to_claim=OuterRef("pk")))
        )
        | Exists(Claim.tags.through.objects.filter(claim=OuterRef("pk")))
    )


# What re-anchoring a kept claim changes (`_anchor`), and orphaning it.
_ANCHOR_FIELDS = [
    "start",
    "end",
    "in_headline",
    "mention_start",
    "mention_end",
    "cue_start",
    "cue_end",
    "context_start",
    "context_end",
    "orphaned",
]


def _retire_old_claims(article, extracted, result, *, reason, user=None):
    """Replace untouched claims; re-anchor or orphan touched ones. Returns what is left to
    create and the spans the kept claims occupy.

    A kept claim whose offsets or orphaned flag change gets a '~' history row with `reason`
    (the bulk writes save none): a published one's page shows its paragraph by those offsets,
    or none once orphaned, so the change is accountable like a reviewer's. The page cache
    leaves out these rows of claims not published (on no public page with
    CLAIMDESK_SHOW_UNREVIEWED off; claims/public/pagecache.py)."""
    touched = list(touched_claims().filter(article=article))
    touched_ids = {c.pk for c in touched}
    _, deleted = Claim.objects.filter(article=article).exclude(pk__in=touched_ids).delete()
    result.claims_replaced = deleted.get("claims.Claim", 0)
    by_content: dict[str, ExtractedClaim] = {}
    for ex in extracted:
        by_content.setdefault(ex.content, ex)
    remaining = list(extracted)
    reanchored, orphaned = [], []
    anchored = operator.attrgetter(*_ANCHOR_FIELDS)
    was = {claim.pk: anchored(claim) for claim in touched}
    for claim in touched:
        ex = by_content.pop(claim.content, None)
        text = article.headline if ex is not None and ex.in_headline else article.body
        if ex is not None and text[ex.start : ex.end] == claim.content:
            _anchor(claim, ex)
            claim.orphaned = False
            reanchored.append(claim)
            remaining.remove(ex)
        else:
            claim.orphaned = True
            orphaned.append(claim)
    # Re-anchored and orphaned claims keep their rows; new claims cannot take their spans.
    if reanchored:
        Claim.objects.bulk_update(reanchored, _ANCHOR_FIELDS)
    if orphaned:
        Claim.objects.filter(pk__in=[c.pk for c in orphaned]).update(orphaned=True)
    moved = sorted(c.pk for c in touched if anchored(c) != was[c.pk])
    fastwrite.history_changed(Claim, moved, reason=reason, user=user)
    if published := [c.pk for c in touched if c.status == ClaimStatus.PUBLISHED]:
        # The page cache leaves the import's article rows out of its fingerprint and reads
        # Claim.updated of published claims instead (claims/public/pagecache.py, issue 14):
        # the pages showing them (the article's headline, their context) change now.
        Claim.objects.filter(pk__in=published).update(updated=timezone.now())
    result.claims_reanchored = len(reanchored)
    result.claims_orphaned = len(orphaned)
    occupied = {(c.in_headline, c.start, c.end) for c in touched}
    return remaining, occupied


def _anchor(claim: Claim, ex: ExtractedClaim) -> None:
    claim.start, claim.end, claim.in_headline = ex.start, ex.end, ex.in_headline
    if claim.mention and ex.mention == claim.mention:
        claim.mention_start, claim.mention_end = ex.mention_start, ex.mention_end
    else:
        claim.mention_start = claim.mention_end = None
    if claim.cue and ex.cue == claim.cue:
        claim.cue_start, claim.cue_end = ex.cue_start, ex.cue_end
    else:
        claim.cue_start = claim.cue_end = None
    claim.context_start, claim.context_end = _context_bounds(ex)


def import_reason(what: str) -> str:
    """The history rows' change reason for claims the machine made: which run, which extractor."""
    return f"{what} (extractor {EXTRACTOR_VERSION})"[:100]


def _create_claims(
    article, extracted, occupied, session, stats, *, reason, user=None, writes=None
) -> int:
    """Insert the new claims and their first history rows (the audit trail starts here).

    With `writes` (a fastwrite.ArticleRows), the claims, their history rows and the new
    speakers and aliases are added to it for the caller to write in one statement."""
    spans = set(occupied)
    todo = []
    for ex in extracted:
        span = (ex.in_headline, ex.start, ex.end)
        if ex.end <= ex.start or span in spans:
            continue
        spans.add(span)
        todo.append(ex)
    if not todo:
        return 0
    resolver = session.resolver
    speaker_ids = resolver.resolve_many(
        [(ex.speaker, ex.speaker_kind, ex.role, ex.affiliation, ex.mention) for ex in todo],
        stats=stats,
        on=article.published,
        article_id=article.pk,
        defer=writes,
    )
    sort_date = article.published or timezone.now().date()
    fast = fastwrite.enabled()
    row = _claim_row_template()
    at = _CLAIM_COLUMNS
    row[at["article_id"]] = article.pk
    row[at["extractor_version"]] = EXTRACTOR_VERSION
    row[at["sort_date"]] = sort_date  # said_on is never extracted: the article's date
    if fast:
        # What bulk_create's pre_save would set; the ids are taken from the sequence.
        now = timezone.now()
        row[at["created"]] = row[at["updated"]] = now
        if writes is not None:
            # The rows go as JSON: the dates as the text fastwrite's encoder would make of
            # them, once per article instead of three encoder callbacks per claim.
            row[at["created"]] = row[at["updated"]] = now.isoformat()
            if isinstance(sort_date, dt.date):  # a caller may have given the date as text
                row[at["sort_date"]] = sort_date.isoformat()
        ids = iter(session.ids.take(Claim, len(todo)))
    kinds = ClaimKind.values
    claims = []
    resolved = zip(todo, speaker_ids, resolver.holdings, resolver.by_office, strict=True)
    for ex, speaker_id, holding, by_office in resolved:
        has_mention = (
            ex.mention and ex.mention_start is not None and ex.mention_end > ex.mention_start
        )
        has_cue = ex.cue and ex.cue_start is not None and ex.cue_end > ex.cue_start
        row[at["speaker_id"]] = speaker_id
        row[at["role_holding_id"]] = holding  # an office alone, resolved by its tenure
        row[at["mention"]] = ex.mention[:300] if has_mention else ""
        row[at["mention_start"]] = ex.mention_start if has_mention else None
        row[at["mention_end"]] = ex.mention_end if has_mention else None
        row[at["content"]] = ex.content
        row[at["start"]] = ex.start
        row[at["end"]] = ex.end
        row[at["in_headline"]] = ex.in_headline
        row[at["cue"]] = ex.cue[:100] if has_cue else ""
        row[at["cue_start"]] = ex.cue_start if has_cue else None
        row[at["cue_end"]] = ex.cue_end if has_cue else None
        row[at["kind"]] = str(ex.kind) if ex.kind in kinds else ClaimKind.INDIRECT.value
        row[at["extraction_rule"]] = ex.rule
        if holding is not None:
            row[at["speaker_resolution"]] = SpeakerResolution.TENURE.value
        elif by_office:  # the one person known to hold the office, undated
            row[at["speaker_resolution"]] = SpeakerResolution.OFFICE.value
        else:
            row[at["speaker_resolution"]] = ex.speaker_resolution
        row[at["via"]] = (ex.via or "")[:200]
        row[at["context_start"]], row[at["context_end"]] = _context_bounds(ex)
        # bulk_create skips save(), so Claim.derive_fields' content_hash is set here (the
        # import's pool workers may have computed it: primed_hash).
        row[at["content_hash"]] = primed_hash(ex.content)
        if fast:
            row[at["id"]] = next(ids)
            claims.append(_COPY_ROW(row))
        else:
            # Positional arguments: Model.__init__'s fast path, half the cost of keywords.
            claims.append(Claim(*row))
    if writes is not None:
        writes.claims += claims
        writes.claim_reason, writes.user, writes.date = reason, user, now
        return len(claims)
    if fast:
        fastwrite.copy_rows(Claim, _COPY_COLUMNS, claims)
        fastwrite.history_created(
            Claim, [r[_COPY_ID] for r in claims], reason=reason, user=user, date=now
        )
        return len(claims)
    Claim.objects.bulk_create(claims)
    _claim_history().bulk_history_create(
        claims,
        default_change_reason=reason,
        default_user=user if getattr(user, "pk", None) else None,
    )
    return len(claims)


def _context_bounds(ex: ExtractedClaim) -> tuple[int, int]:
    """The paragraph as offsets into the body or headline (stored, never copied), widened to
    hold the claim."""
    return min(ex.context_start, ex.start), max(ex.context_end, ex.end)


# Claim's concrete fields in __init__'s positional order.
_CLAIM_COLUMNS = {f.attname: i for i, f in enumerate(Claim._meta.concrete_fields)}
# What COPY writes: every stored column but the generated ones (the search vector).
_COPY_FIELDS = [f for f in Claim._meta.concrete_fields if not f.generated]
_COPY_COLUMNS = [f.column for f in _COPY_FIELDS]
_COPY_ROW = operator.itemgetter(*(_CLAIM_COLUMNS[f.attname] for f in _COPY_FIELDS))
_COPY_ID = _COPY_COLUMNS.index(Claim._meta.pk.column)


@functools.cache
def _claim_history():
    return Claim.history  # see _article_history


def _claim_row_template() -> list:
    """Every concrete field's default (fresh each call: a default may be a callable), enum
    members as their values (what the database stores)."""
    return [fastwrite.plain(f.get_default()) for f in Claim._meta.concrete_fields]


def _reextract_stored(article: Article, *, session: ImportSession, dry_run: bool) -> ImportResult:
    """import_article --update on an unchanged text that an older extractor version read."""
    if not dry_run:
        return reextract_article(article=article, session=session)
    with transaction.atomic():
        result = reextract_article(article=article, session=session)
        transaction.set_rollback(True)
    return result


def reextract_article(*, article: Article, user=None, session: ImportSession | None = None):
    """Run the current extractor over an article's stored text again, in one transaction.

    Claims nobody has touched are replaced by the new extraction; touched claims are kept,
    re-anchored when the extractor still finds them, else flagged orphaned (see
    `_retire_old_claims`). `user` needs the review permission; None is a trusted operator.
    """
    require(user, "review")
    session = session or ImportSession()
    stats = ResolveStats()
    note = language_note(article.language)
    extracted = [] if note else extract_article(article.headline, article.body)
    with session.resolver.article(), transaction.atomic():
        result = ImportResult(UPDATED, article, note=note)
        remaining, occupied = _retire_old_claims(
            article, extracted, result, reason=import_reason("re-extraction"), user=user
        )
        result.claims_created = _create_claims(
            article,
            remaining,
            occupied,
            session,
            stats,
            reason=import_reason("re-extraction"),
            user=user,
        )
        article.extractor_version = "" if note else EXTRACTOR_VERSION
        article.extraction_note = note
        article._change_reason = import_reason("re-extraction")  # read by the page cache
        article.save(update_fields=["extractor_version", "extraction_note"])
    result.speakers_new = stats.speakers_new
    result.speakers_matched = stats.speakers_matched
    result.suggestions = stats.suggestions
    return result


def record_with_defaults(
    record: ArticleRecord, *, outlet: str = "", published: dt.date | None = None
) -> ArticleRecord:
    """The record with `outlet`/`published` filled in where the file did not say."""
    return replace(
        record,
        outlet=record.outlet or outlet,
        published=record.published or published,
    )


__all__ = [
    "CREATED",
    "STALE",
    "UNCHANGED",
    "UPDATED",
    "ImportResult",
    "ImportSession",
    "import_article",
    "language_note",
    "needs_extraction",
    "prepare",
    "record_with_defaults",
    "reextract_article",
    "touched_claims",
]
