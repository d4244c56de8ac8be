"""The seed article's scorer: its text, its hand annotation (tests/fixtures/seed-gold.json)
and the shared attribution scorer's definition of a match and a right speaker, exactly (see
test_seed_gold.py's docstring). One implementation: test_seed_gold.py holds the floors on it,
bench/bench_quality.py --only seed prints it, bench/bench_checkworthiness.py matches with it.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path

from claims.extraction import extract_claims

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "2023-03-01-nyt-ukraine-reinforces-bakhmut.txt"
GOLD = ROOT / "tests" / "fixtures" / "seed-gold.json"

JACCARD = 0.5
_WORD_RE = re.compile(r"\w+")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}


class _Tokens:
    """Word tokens of one text, addressed by index."""

    def __init__(self, text: str):
        self.starts, self.ends = [], []
        for m in _WORD_RE.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def span(self, start: int, end: int) -> set[int]:
        """Indices of the tokens overlapping [start, end)."""
        i0 = bisect.bisect_right(self.ends, start)
        i1 = bisect.bisect_left(self.starts, end)
        return set(range(i0, i1)) if i1 > i0 else set()


def last_name_token(name: str | None) -> str | None:
    name = re.sub(r"['\u2019]s\b", "", name or "")
    tokens = [t.lower() for t in _WORD_RE.findall(name)]
    while tokens and tokens[-1] in _NAME_SUFFIXES and len(tokens) > 1:
        tokens.pop()
    return tokens[-1] if tokens else None


def greedy_match(candidates: list[tuple[float, int, int]]) -> dict[int, int]:
    """[(jaccard, gold index, prediction index)] -> {gold index: prediction index}."""
    used_gold, used_pred, pairs = set(), set(), {}
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs[g] = p
    return pairs


def match(text: str, gold_spans, pred_spans) -> dict[int, int]:
    tokens = _Tokens(text)
    gold_sets = [tokens.span(s, e) for s, e in gold_spans]
    pred_sets = [tokens.span(s, e) for s, e in pred_spans]
    candidates = []
    for g, gs in enumerate(gold_sets):
        for p, ps in enumerate(pred_sets):
            inter = len(gs & ps)
            if inter and inter / len(gs | ps) >= JACCARD:
                candidates.append((inter / len(gs | ps), g, p))
    return greedy_match(candidates)


def speaker_right(gold_speaker: str, predicted_name: str | None) -> bool:
    token = last_name_token(predicted_name)
    return token is not None and token in {t.lower() for t in _WORD_RE.findall(gold_speaker)}


@dataclass
class Score:
    gold: list[dict]
    predictions: list
    pairs: dict[int, int]
    with_speaker: list[int]

    @property
    def precision(self) -> float:
        return len(self.pairs) / len(self.predictions) if self.predictions else 0.0

    def report(self) -> str:
        missed = [
            self.gold[g]["content"]["text"][:60]
            for g in range(len(self.gold))
            if g not in self.with_speaker
        ]
        extra = [
            p.content[:60] for i, p in enumerate(self.predictions) if i not in self.pairs.values()
        ]
        return (
            f"found with the right speaker {len(self.with_speaker)}/{len(self.gold)}, "
            f"content matched {len(self.pairs)}/{len(self.gold)}, "
            f"precision {len(self.pairs)}/{len(self.predictions)} = {self.precision:.3f}; "
            f"missed or wrong speaker: {missed}; unmatched predictions: {extra}"
        )


def score_seed() -> Score:
    """The seed article through `extract_claims`, scored against its hand annotation."""
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["claims"]
    predictions = extract_claims(text)
    pairs = match(
        text,
        [(g["content"]["start"], g["content"]["end"]) for g in gold],
        [(p.start, p.end) for p in predictions],
    )
    with_speaker = [
        g
        for g, p in pairs.items()
        if speaker_right(gold[g]["speaker"], predictions[p].speaker or predictions[p].mention)
    ]
    return Score(gold, predictions, pairs, with_speaker)
