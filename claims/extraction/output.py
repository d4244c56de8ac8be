"""Serialisation of claims to the evaluation JSON Lines interface (see shared eval README).

The interface scores attribution relations, PolNeAR's unit: one cue, its source and its
content, which may be discontinuous (`“A,” Flynn said. “B.”` is one relation whose content is
A and B). The extractor finds claims, the desk's unit, and gives each half of such a split
quote a claim of its own, both credited by the same cue. `eval_records` turns claims back
into relations: claims that share one cue (the same offsets) and one speaker are one record,
whose content is the covering span from the first claim's start to the last claim's end, as
PolNeAR's own covering spans are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .core import ExtractedClaim

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up cost)
if TYPE_CHECKING:
    from typing import Any


def claim_to_eval_dict(claim: ExtractedClaim, path: str) -> dict[str, Any]:
    """One JSON Lines record: content, speaker (null when unattributed), cue (or null), kind.

    The speaker object carries the mention offsets when the text names the speaker at this
    claim, and always the resolved `name`; a continuation quote has a name but no offsets.
    """
    if claim.speaker is None and claim.mention is None:
        speaker = None
    else:
        speaker = {
            "start": claim.mention_start,
            "end": claim.mention_end,
            "text": claim.mention,
            "name": claim.speaker,
        }
    cue = None
    if claim.cue is not None:
        cue = {"start": claim.cue_start, "end": claim.cue_end, "text": claim.cue}
    return {
        "path": path,
        "content": {"start": claim.start, "end": claim.end, "text": claim.content},
        "speaker": speaker,
        "cue": cue,
        "kind": claim.kind,
    }


def eval_records(claims: Iterable[ExtractedClaim], path: str, text: str) -> list[dict[str, Any]]:
    """The attribution relations of one text's claims, one record each, in text order: a
    claim credited by the same cue and speaker as an earlier claim joins that relation.
    `text` is the text the claims were found in.

    The interface gives a relation one contiguous content span, while its content may be
    several parts (`“A,” X said at the rally in Y, two hours after Z. “B.”`). The record's
    span is the covering span, PolNeAR's own, while at least half of its words are the
    parts' words; when the words between the parts (a long attribution, a claim of their
    own) outnumber them, it is the span from one part's start to the same or a later part's
    end whose words best cover the parts' words (word Jaccard)."""
    records: list[dict[str, Any]] = []
    parts: list[list[tuple[int, int]]] = []
    by_cue: dict[tuple, int] = {}
    for claim in claims:
        key = (claim.cue_start, claim.cue_end, claim.speaker)
        i = by_cue.get(key) if claim.cue_start is not None else None
        if i is not None:
            parts[i].append((claim.start, claim.end))
            continue
        record = claim_to_eval_dict(claim, path)
        spans = [(claim.start, claim.end)]
        if claim.reported_by is not None:
            _carried(record, spans, claim, text)
        records.append(record)
        parts.append(spans)
        if claim.cue_start is not None:
            by_cue[key] = len(records) - 1
    for record, spans in zip(records, parts, strict=True):
        if len(spans) > 1:
            start, end = _best_span(text, spans)
            record["content"] = {"start": start, "end": end, "text": text[start:end]}
    return records


def _carried(
    record: dict[str, Any], spans: list[tuple[int, int]], claim: ExtractedClaim, text: str
) -> None:
    """`“A,” X said, according to Y.`: PolNeAR annotates the outer relation only, Y's, whose
    content is X's words with X's attribution (`“A,” X said`); the claim stays X's."""
    a, b, ms, me = claim.reported_by
    for s, e in ((claim.mention_start, claim.mention_end), (claim.cue_start, claim.cue_end)):
        if s is not None and e is not None:
            spans.append((s, e))
    record["speaker"] = {"start": ms, "end": me, "text": text[ms:me], "name": None}
    record["cue"] = {"start": a, "end": b, "text": text[a:b]}


_WORD_RE = re.compile(r"\w+")


def _best_span(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The covering span when at least half its words are the parts' words, else the span
    from one part's start to a part's end whose words best cover the parts' words. Parts are
    few (a quote split once or twice), so the pairs are few too."""
    spans = sorted(spans)
    sizes = [len(_WORD_RE.findall(text, s, e)) for s, e in spans]
    total = sum(sizes)
    n = len(spans)
    pairs = [(0, n - 1)] + [(i, j) for i in range(n) for j in range(i, n) if (i, j) != (0, n - 1)]
    best, best_score = (spans[0][0], spans[-1][1]), -1.0
    for i, j in pairs:
        inside = sum(sizes[i : j + 1])
        covered = len(_WORD_RE.findall(text, spans[i][0], spans[j][1]))
        score = inside / max(1, total + covered - inside)
        if (i, j) == (0, n - 1) and score >= 0.5:
            return best  # the covering span holds mostly the parts' words: PolNeAR's own span
        if score > best_score:
            best, best_score = (spans[i][0], spans[j][1]), score
    return best
