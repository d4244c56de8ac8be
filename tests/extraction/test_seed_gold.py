"""Golden test: the seed article against its hand annotation (tests/fixtures/seed-gold.json).

A gold claim is found when some extracted claim matches its content (token Jaccard >= 0.5, as
the shared scorer does, or any overlap: a split quote is one claim here but may be two in the
annotation) and names the same speaker (last name token, case-insensitive). Precision counts
extracted claims whose content matches some gold claim.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from claims.extraction import extract_claims

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "2023-03-01-nyt-ukraine-reinforces-bakhmut.txt"
GOLD = ROOT / "tests" / "fixtures" / "seed-gold.json"
_WORD = re.compile(r"\w+")


def _tokens(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(text) if m.start() < end and m.end() > start}


def _content_match(text: str, gold: dict, claim) -> bool:
    g = _tokens(text, gold["content"]["start"], gold["content"]["end"])
    p = _tokens(text, claim.start, claim.end)
    if not g or not p:
        return False
    jaccard = len(g & p) / len(g | p)
    overlap = claim.start < gold["content"]["end"] and claim.end > gold["content"]["start"]
    return jaccard >= 0.5 or overlap


def _last_token(name: str | None) -> str:
    words = _WORD.findall((name or "").replace("’s", "").replace("'s", ""))
    return words[-1].lower() if words else ""


def _score():
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["claims"]
    claims = extract_claims(text)
    found = [
        g
        for g in gold
        if any(
            _content_match(text, g, c) and _last_token(c.speaker) == _last_token(g["speaker"])
            for c in claims
        )
    ]
    matched = [c for c in claims if any(_content_match(text, g, c) for g in gold)]
    return gold, claims, found, matched


def test_seed_gold_recall_with_speaker_at_least_25_of_27():
    gold, _, found, _ = _score()

    missing = [g["content"]["text"][:60] for g in gold if g not in found]
    assert len(gold) == 27
    assert len(found) >= 25, missing


def test_seed_gold_precision_at_least_085():
    _, claims, _, matched = _score()

    extra = [c.content[:60] for c in claims if c not in matched]
    assert len(matched) / len(claims) >= 0.85, extra
