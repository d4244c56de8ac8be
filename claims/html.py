"""Showing untrusted text (article bodies, headlines, speaker names): the one implementation.

Text from the web can carry characters a reader cannot see: bidirectional overrides and isolates
("evil\u202egnp.exe" reads as "evilexe.png") and zero-width characters that pad or split words.
One table, INVISIBLE, names them; three ways to treat them follow from it:

- `strip_invisible(text)`: remove them (matching keys, normalised names).
- `printable(text)`: plain text with each one replaced by a visible "[U+202E]" marker. Models'
  `__str__` use it, so admin titles, breadcrumbs, messages, the log and autocomplete show it.
- `visible(text)`: escaped HTML with each one as <code class="invisible-char">[U+202E]</code>,
  for the review desk's own markup (changelist cells, the claim in its paragraph).
- `inert(text)`: public pages show the text without them (and without C0 controls, which XML
  1.0 forbids), escaped later by the template.
- `xml_text(text)`: `inert`, and without every other character XML 1.0 forbids (U+FFFE,
  U+FFFF, lone surrogates): whatever goes into a feed or JSON-LD goes through it.

Span marking (a claim and its speaker mention inside the article text) builds on `visible`.
Everything is escaped piece by piece with conditional_escape/format_html; nothing is marked
safe whole.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

# The table and strip_invisible live in a module without Django (the import's pool workers).
from claims.invisible import _INVISIBLE_RE, INVISIBLE, strip_invisible  # noqa: F401 (re-exported)

# C0 controls other than tab, newline and carriage return: invisible in HTML and not allowed
# in XML 1.0 (a feed containing one cannot be written at all).
C0_CONTROLS = frozenset([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])

_INERT = dict.fromkeys(INVISIBLE | C0_CONTROLS)
_MARKERS = {c: f"[U+{c:04X}]" for c in INVISIBLE}
# A claim shows its paragraph, at most this many characters either side of the claim: the
# desk's `paragraph_bounds` and the public pages' `Claim.objects.with_context()` both clip to it.
CONTEXT_RADIUS = 600


def printable(text) -> str:
    """Plain text with each INVISIBLE character as a visible "[U+XXXX]" marker (not escaped)."""
    return str(text or "").translate(_MARKERS)


def inert(text) -> str:
    """`text` without INVISIBLE characters and C0 controls (still escaped by the template)."""
    if text is None:
        return ""
    return str(text).translate(_INERT)


# Characters outside XML 1.0's Char production (#x9 | #xA | #xD | [#x20-#xD7FF] |
# [#xE000-#xFFFD] | [#x10000-#x10FFFF]). One U+FFFF in a quote made the site-wide feed invalid
# XML (issue 15, item 7).
_XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text) -> str:
    """`inert(text)` without any character XML 1.0 forbids: for feeds, sitemaps and JSON-LD."""
    return _XML_FORBIDDEN_RE.sub("", inert(text))


def visible(text) -> SafeString:
    """Escape `text`, replacing each INVISIBLE character with a visible [U+XXXX] marker."""
    parts = _INVISIBLE_RE.split(str(text or ""))
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a captured invisible character
            out.append(
                format_html(
                    '<code class="invisible-char" title="invisible character">[U+{}]</code>',
                    f"{ord(part):04X}",
                )
            )
        else:
            out.append(conditional_escape(part))
    # Every piece above is escaped or built by format_html.
    return mark_safe("".join(out))  # noqa: S308


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str  # "claim" or "mention"
    title: str = ""


def highlight(text: str, spans: list[Span], *, offset: int = 0) -> SafeString:
    """`text` escaped, with each span (offsets into the full body, `offset` = text's start) marked.

    Spans may overlap or nest (a mention inside a mixed quote): the text is cut at every span
    boundary and each piece is wrapped in the marks that cover it.
    """
    length = len(text)
    cuts = {0, length}
    for s in spans:
        cuts.update(min(max(p - offset, 0), length) for p in (s.start, s.end))
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        piece = visible(text[a:b])
        for s in spans:
            if s.start - offset <= a and b <= s.end - offset:
                tag = "mark" if s.css == "claim" else "strong"
                piece = format_html(
                    '<{} class="{}"{}>{}</{}>',
                    tag,
                    s.css,
                    format_html(' title="{}"', s.title) if s.title else "",
                    piece,
                    tag,
                )
        out.append(piece)
    return mark_safe("".join(out))  # noqa: S308  (pieces built above)


def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph around [start, end), clipped to CONTEXT_RADIUS."""
    para_start = body.rfind("\n\n", 0, start)
    para_start = 0 if para_start == -1 else para_start + 2
    para_end = body.find("\n\n", end)
    para_end = len(body) if para_end == -1 else para_end
    return max(para_start, start - CONTEXT_RADIUS), min(para_end, end + CONTEXT_RADIUS)


def claim_in_context(claim, body: str) -> SafeString:
    """The claim's paragraph with its content marked and its speaker mention in bold."""
    if not body or claim.end > len(body):
        return format_html("<em>The article text no longer contains this span.</em>")
    a, b = paragraph_bounds(body, claim.start, claim.end)
    spans = [Span(claim.start, claim.end, "claim", "the claim")]
    if claim.mention_start is not None and claim.mention_end is not None:
        a, b = min(a, claim.mention_start), max(b, claim.mention_end)
        spans.append(Span(claim.mention_start, claim.mention_end, "mention", "speaker mention"))
    prefix = "… " if a > 0 and body[a - 1] != "\n" else ""
    suffix = " …" if b < len(body) and body[b] != "\n" else ""
    # data-start: where the shown text begins in the body, so the desk's script can turn a
    # selection into offsets (each invisible-character marker stands for one character).
    return format_html(
        '<blockquote class="claim-context">{}<span class="article-text" data-start="{}">{}'
        "</span>{}</blockquote>",
        prefix,
        a,
        highlight(body[a:b], spans, offset=a),
        suffix,
    )


# --- Claim spans on the public article page --------------------------------------------------
#
# Spans may nest or overlap: the text is cut at every span boundary and each piece is marked
# once, linking to the innermost claim covering it (shortest, then lowest id), so the HTML never
# interleaves tags. One pass over the cut points with a heap of the claims covering the current
# piece: O(n + k log k) for a body of n characters and k claims. (Comparing every piece with
# every claim made a 4,000-claim article take 5.7 s: issue 15, item 5.)


def mark_claims(body: str, claims, *, offset: int = 0) -> SafeString:
    """The body escaped, each claim span wrapped in a <mark> linking to the claim's page.

    `offset`: where `body` starts in the article (an excerpt); claims not wholly inside it are
    not marked. A claim whose span lies outside the body (an orphaned claim) is not
    highlighted. Each claim's offsets, id and URL are read once.
    """
    spans = []
    for claim in claims:
        start, end = claim.start - offset, claim.end - offset
        if 0 <= start < end <= len(body):
            spans.append((start, end, claim.pk, claim.get_absolute_url()))
    spans.sort()
    cuts = sorted({0, len(body), *(s[0] for s in spans), *(s[1] for s in spans)})
    ending = Counter(s[1] for s in spans)
    covering: list[tuple[int, int, int, str]] = []  # heap: (length, id, end, url)
    active = 0  # claims covering the current piece (the heap may hold ended ones too)
    next_span = 0
    parts = []
    for left, right in itertools.pairwise(cuts):
        active -= ending.get(left, 0)
        while next_span < len(spans) and spans[next_span][0] == left:
            start, end, pk, url = spans[next_span]
            heapq.heappush(covering, (end - start, pk, end, url))
            active += 1
            next_span += 1
        while covering and covering[0][2] <= left:  # ended before this piece: drop lazily
            heapq.heappop(covering)
        text = inert(body[left:right])
        if not active:
            parts.append(conditional_escape(text))
            continue
        url = covering[0][3]
        css = "claim-mark overlap" if active > 1 else "claim-mark"
        parts.append(format_html('<a class="{}" href="{}"><mark>{}</mark></a>', css, url, text))
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 -- every part is escaped above


# --- A claim's words -------------------------------------------------------------------------
#
# A direct quote's span keeps the marks and the comma or full stop of the sentence it came from
# ('"We will win,"'); a page wrapping it in its own marks showed '““We will win,””'. The span is
# left as extracted (its offsets point into the article) and trimmed only for display, here.
# The template partial "claims/partials.html#claim-words" is the one place that puts the words
# in marks (direct) or in reported speech (indirect, mixed).

OPENING_MARKS = "\"“„«‘‚‹'"
CLOSING_MARKS = "\"”»’›'"
_SENTENCE_END = ",;:."


def _trim_sentence_end(text: str) -> str:
    """Drop one trailing comma, semicolon, colon or full stop, never an ellipsis ("...")."""
    if text.endswith("..") or not text or text[-1] not in _SENTENCE_END:
        return text
    return text[:-1].rstrip()


def claim_words(content, kind: str, limit: int | None = None) -> str:
    """What a reader is shown of a claim's words, as plain text (not escaped, not in marks).

    - direct: the quote without its own outer marks and without the comma or full stop that
      belonged to the surrounding sentence, so the partial adds exactly one pair of marks;
    - indirect: the paraphrase, without a leading "that" (the partial says "... said that");
    - mixed: the span as it stands in the source, the speaker's own words in their marks.
    `limit` shortens the words to that many characters, ending in "…".
    """
    text = inert(content).strip()
    if kind == "direct":
        text = _trim_sentence_end(text)  # '"… Bakhmut",' : the comma is outside
        if text[:1] in OPENING_MARKS:
            text = text[1:].lstrip()
        if text[-1:] in CLOSING_MARKS:
            text = text[:-1].rstrip()
        text = _trim_sentence_end(text)  # '"… Bakhmut,"' : the comma is inside
    elif kind == "indirect":
        if text[:5].lower() == "that ":
            text = text[5:].lstrip()
        text = _trim_sentence_end(text)
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


@functools.cache
def _claim_words_plain():
    from django.template import engines  # the template engine is configured after this module

    return engines["django"].from_string(
        '{% autoescape off %}{% include "claims/partials.html#claim-words" %}{% endautoescape %}'
    )


def claim_words_text(claim, limit: int | None = None) -> str:
    """The claim-words partial rendered as plain text (feeds, admin messages): the same words
    and marks as on the pages, not escaped (the feed writer and the admin escape them)."""
    return _claim_words_plain().render({"claim": claim, "limit": limit}).strip()


def excerpt_ranges(body: str, claims) -> list[tuple[int, int]]:
    """The paragraphs (`paragraph_bounds`) holding the claims, merged where they touch, in order.
    Claims whose span lies outside the body are left out."""
    ranges = sorted(
        paragraph_bounds(body, c.start, c.end) for c in claims if 0 <= c.start < c.end <= len(body)
    )
    merged: list[list[int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def mark_excerpts(body: str, claims, *, marked=None) -> SafeString:
    """Only the paragraphs holding claims, each escaped with its claims marked and linked
    (`mark_claims`), "…" where text is left out: an article page that quotes, not reprints.

    `marked`: the claims to mark in those paragraphs, when not only `claims` (a page of an
    article's claims quotes their paragraphs, and marks every claim the paragraphs hold)."""
    claims = list(claims)
    marked = claims if marked is None else list(marked)
    parts = []
    for a, b in excerpt_ranges(body, claims):
        parts.append(
            format_html(
                '<blockquote class="excerpt"><p>{}{}{}</p></blockquote>',
                "… " if a > 0 and body[a - 1] != "\n" else "",
                mark_claims(body[a:b], marked, offset=a),
                " …" if b < len(body) and body[b] != "\n" else "",
            )
        )
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 -- each part built by format_html
