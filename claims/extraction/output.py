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

from collections.abc import Iterable
from typing import Any

from .core import ExtractedClaim


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
    claim credited by the same cue and speaker as an earlier claim joins that relation (its
    content runs on to this claim's end). `text` is the text the claims were found in."""
    records: list[dict[str, Any]] = []
    by_cue: dict[tuple, dict[str, Any]] = {}
    for claim in claims:
        key = (claim.cue_start, claim.cue_end, claim.speaker)
        record = by_cue.get(key) if claim.cue_start is not None else None
        if record is not None:
            start = record["content"]["start"]
            end = max(record["content"]["end"], claim.end)
            record["content"] = {"start": start, "end": end, "text": text[start:end]}
            continue
        record = claim_to_eval_dict(claim, path)
        records.append(record)
        if claim.cue_start is not None:
            by_cue[key] = record
    return records
