"""Check-worthiness: a transparent score for the review queue, with its reasons.

Each feature is one a fact-checker recognises and names beside the claim; the weights are
small integers set by hand (see the table) so a reviewer can recompute any score in their
head. Pure Python: no Django, no I/O.

| feature                                   | weight | why a checker picks it first            |
|-------------------------------------------|--------|-----------------------------------------|
| numbers, statistics, amounts              | +3     | checkable against data                  |
| comparison or superlative                 | +2     | "more than", "the largest": verifiable   |
| causal or predictive statement            | +2     | "because", "will": consequential         |
| named official (government or a role)     | +2     | public accountability                    |
| repeats a claim made elsewhere            | -1     | likely checked already (novelty counts)  |
| a question                                | -3     | asks, does not assert                   |
| under six words                           | -1     | rarely a whole checkable statement       |

How the weights were set: by hand, not fitted. The strongest sign a statement can be checked
(a figure) weighs most; the three kinds of statement checkers single out next (comparisons,
cause and prediction, an official speaker's) weigh equally below it; the penalties mark what is
rarely worth a check (a question, a fragment, something already logged). Nothing has tuned them
against data: there is no set of claims ranked by checkers to tune them on.
`bench/bench_checkworthiness.py` measures what the order does on the seed and speakers-dev
(figures in docs/benchmarks.md): the features concentrate in the top quarter by construction,
and the only outside check it has, the share of real (gold) claims against extraction noise,
is 0.93 in the top quarter against 0.84 in the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(
    r"\d|\b(?:percent|per cent|million|billion|trillion|thousand|hundred|dozen|half|"
    r"doubled|tripled|quadrupled|twice|thrice)\b",
    re.I,
)
_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|greater|smaller|bigger|larger|worse|better|than|"
    r"most|least|largest|biggest|highest|lowest|smallest|worst|best|fastest|record|"
    r"ever|never before|unprecedented)\b",
    re.I,
)
_CAUSAL = re.compile(
    r"\b(?:because|caused?|causing|led to|leads? to|due to|result(?:ed|s)? in|so that|"
    r"therefore|will|would|going to|expect(?:s|ed)?|predict(?:s|ed)?|forecast|"
    r"threaten(?:s|ed)?|risk(?:s)?)\b",
    re.I,
)
OFFICIAL_KINDS = {"government"}


@dataclass(frozen=True)
class Assessment:
    score: int
    reasons: tuple[str, ...]

    def describe(self) -> str:
        return ", ".join(self.reasons) or "no check-worthy features"


def assess(
    text: str, *, speaker_kind: str | None = None, speaker_role: str = "", repeated: bool = False
) -> Assessment:
    """Score `text` (a claim's words) by the table above; reasons in table order."""
    score, reasons = 0, []
    if _NUMBER.search(text):
        score, reasons = score + 3, [*reasons, "numbers"]
    if _COMPARISON.search(text):
        score, reasons = score + 2, [*reasons, "comparison"]
    if _CAUSAL.search(text):
        score, reasons = score + 2, [*reasons, "cause or prediction"]
    if speaker_kind in OFFICIAL_KINDS or (speaker_kind == "person" and speaker_role.strip()):
        score, reasons = score + 2, [*reasons, "named official"]
    if repeated:
        score, reasons = score - 1, [*reasons, "repeated elsewhere"]
    if text.rstrip().endswith("?"):
        score, reasons = score - 3, [*reasons, "a question"]
    if len(text.split()) < 6:
        score, reasons = score - 1, [*reasons, "very short"]
    return Assessment(score, tuple(reasons))
