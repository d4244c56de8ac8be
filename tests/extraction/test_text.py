"""Sentence breaks (claims/extraction/text.py) where a case table cannot show them. Every
text is made up for the tests."""

from __future__ import annotations

from claims.extraction.text import QuoteIndex, find_quotes, sentence_breaks


def _breaks(text: str) -> list[int]:
    return sentence_breaks(text, QuoteIndex(find_quotes(text)))


def test_sentence_breaks_no_break_inside_a_quote_glued_to_the_one_before():
    # `?"" Yes`: the boundary match takes the second quote's opening mark along as if it
    # closed the first, so its end falls inside the second quote: that is no break. With a
    # space between the quotes the break after the first counts.
    glued = 'Lund asked, "Is the port safe?"" Yes, it is," Berg said. The crowd left.'
    spaced = 'Lund asked, "Is the port safe?" "Yes, it is," Berg said. The crowd left.'

    assert (_breaks(glued), _breaks(spaced)) == ([56], [31, 56])
