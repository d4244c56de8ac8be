"""The checks a cue must pass (claims/extraction/rules/checks.py), where a case table cannot
reach them. Every text is made up for the tests."""

from __future__ import annotations

import pytest

from claims.extraction.rules.article import Article
from claims.extraction.rules.checks import after_common_noun


@pytest.mark.parametrize(
    ("text", "after"),
    [
        # `a short film called “Arrival”`: a common noun before "called" (naming).
        ("They showed a short film called “Arrival” at the port.", True),
        ("The mayor called the plan a “disgrace.”", False),
        # Nothing before the cue at all (a text that starts with it): no noun.
        ("called the plan a “disgrace,” Lund said.", False),
    ],
)
def test_after_common_noun(text, after):
    assert after_common_noun(Article(text), text.index("called")) is after
