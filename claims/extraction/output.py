"""Serialisation of claims to the evaluation JSON Lines interface (see shared eval README)."""

from __future__ import annotations

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
