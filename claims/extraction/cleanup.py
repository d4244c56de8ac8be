"""Scraped-text cleanup, run once before an article body is stored.

Removes page furniture that is not the article (comment forms, video embeds, "Read More:"
lines, photo captions and credits, lists of related headlines) and normalises paragraph
spacing. The article's own characters are kept exactly: no quote, dash or spelling changes.
"""

from __future__ import annotations

import re

# Linear by construction (issue 15, item 3; tests/extraction/test_cleanup_linear.py checks it):
# `_WS_RE` runs first and leaves no whitespace run longer than one space inside a line, so the
# other patterns write a single space as " " or " ?", never "\s*" or "\s+". Every repeat in
# them has an upper bound, so one match attempt reads a bounded stretch of text and a search
# over a line of n characters does O(n) work. `_WS_RE` itself is one possessive repeat of one
# character class: it never backtracks.

# Every Unicode whitespace character (str.isspace: \t \v \f, \x1c-\x1f, \x85, \xa0, \u1680,
# \u2000-\u200a, \u2028, \u2029, \u202f, \u205f, \u3000, ...) except the newline lines are split on.
_WS_RE = re.compile(r"[^\S\n]++")

# Whole lines that are page furniture, anchored at both ends of one line.
_BOILERPLATE_LINE_RE = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment)(?:\ to\ .{0,80})?
      | cancel\ reply
      | your\ email\ address\ will\ not\ be\ published\.?.{0,120}
      | required\ fields\ are\ marked\ ?\*?
      | (?:comment|name|email|e-mail|website|url)\ ?\*?:?
      | save\ my\ name,?\ email.{0,200}
      | notify\ me\ of\ (?:follow-up\ comments|new\ posts).{0,120}
      | post\ comment
      | submit(?:\ comment)?
      | video\ embed.{0,200}
      | (?:read\ more|related|see\ also|more\ from\ .{0,60}|recommended|trending|
           most\ popular|read\ next|watch|advertisement|sponsored(?:\ content)?|
           share\ this(?:\ article)?|sign\ up\ for\ .{0,100}|subscribe\b.{0,100})
        (?:\ ?[:|>»-].{0,300})?
      | (?:photo|image|picture|caption|video|graphic|illustration|credit|photograph)s?
        \ ?(?:credit)?\ ?[:.|…].{0,300}
      | \(?(?:photo|image|picture)s?\ (?:by|courtesy\ of|credit)\ .{1,200}\)?
      | credit(?:\.{2,3}|…|:)\ ?.{1,200}
      | (?:getty(?:\ images)?|reuters|associated\ press|ap\ photo|afp)(?:\ via\ .{1,60})?\.?
      | .{1,80}\ via\ getty\ images\.?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line that ends in a photo-agency credit ("... Kyiv. Sergei Supinsky/AFP/Getty Images").
_CREDIT_TAIL_RE = re.compile(
    r"(?:\(|\b)(?:photo(?:graph)? (?:by|credit) )?[\w.'’ -]{0,60}/ ?"
    r"(?:getty images|reuters|afp|ap|associated press|epa|bloomberg|shutterstock|"
    r"the new york times|the washington post|pool|sipa|tass|xinhua|anadolu|"
    r"[A-Z][\w.-]{1,30}(?: [A-Z][\w.-]{1,30}){0,2})(?: via [\w .-]{1,40})?\)? ?$",
)
# Inline credits in parentheses inside a kept line: "(Photo by X/Getty Images)".
_INLINE_CREDIT_RE = re.compile(
    r" ?\((?:photo|image|picture)s? (?:by|courtesy of|credit:?) [^()\n]{1,150}\)",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.!?…:;\"”’)\]] ?$")


def _is_credit_line(line: str) -> bool:
    """Short lines that end in an agency credit are captions, not prose."""
    # The slash first: the regex tries every position of the line, most lines have none.
    return len(line) <= 400 and "/" in line[-80:] and _CREDIT_TAIL_RE.search(line) is not None


def _is_headline_like(line: str) -> bool:
    """A short line with no sentence punctuation at its end (link text, a headline)."""
    return len(line) <= 120 and _SENTENCE_END_RE.search(line) is None


def clean_text(raw: str) -> str:
    """Return the article text without scraped page furniture.

    Contract: paragraphs are separated by exactly one blank line; runs of spaces inside a line
    collapse to one space; leading/trailing whitespace goes; characters inside kept lines are
    otherwise unchanged. Lines removed: comment-form boilerplate, "Video Embed", "Read More:"
    and "Related:" lines, photo captions and credits, and runs of three or more short
    headline-like lines (related-link lists). The first line (the headline) is always kept.
    Linear time; never raises for a `str`.
    """
    if not isinstance(raw, str) or not raw:
        return ""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = []
    for line in text.split("\n"):
        line = _WS_RE.sub(" ", line).strip()
        if line:
            stripped = _INLINE_CREDIT_RE.sub("", line).strip()
            # A short line that ends with a photo credit is a caption: drop it whole. A credit
            # inside a longer line is cut out and the prose around it kept.
            ends_with_credit = stripped != line and line.endswith(")") and line.startswith(stripped)
            line = "" if ends_with_credit and len(line) <= 200 else stripped
        lines.append(line)
    kept: list[str] = []
    paragraphs = [ln for ln in lines if ln]
    # Related-link lists: three or more consecutive headline-like lines after the first line.
    drop = [False] * len(paragraphs)
    run_start = None
    for i, line in enumerate([*paragraphs, "."]):
        headline = i > 0 and i < len(paragraphs) and _is_headline_like(line)
        if headline and run_start is None:
            run_start = i
        elif not headline and run_start is not None:
            if i - run_start >= 3:
                for k in range(run_start, i):
                    drop[k] = True
            run_start = None
    for i, line in enumerate(paragraphs):
        if i > 0 and (drop[i] or _BOILERPLATE_LINE_RE.match(line) or _is_credit_line(line)):
            continue
        kept.append(line)
    return "\n\n".join(kept)
