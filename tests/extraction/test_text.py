"""Sentence breaks and quotation marks (claims/extraction/text.py) where a case table cannot
show them. Every text is made up for the tests."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # after a cue and a comma, to a sentence's end; curly marks alike
        ("Lund noted, 'The port is safe.' Then she left.", ["'The port is safe.'"]),
        ("Lund noted, ‘The port is safe.’", ["‘The port is safe.’"]),
        # at a sentence's start, to the comma before the cue; two in one sentence
        ("'We tried,' she said, 'and we failed.'", ["'We tried,'", "'and we failed.'"]),
        # apostrophes: a word's, a decade's, a plural possessive
        ("Lund said the '90s were hard and Berg' car didn't start.", []),
        # inside a double-quoted quote: the double quote only
        (
            "Lund said: \"He told me, 'No way.' Then he left.\"",
            ["\"He told me, 'No way.' Then he left.\""],
        ),
        # one holding double marks is none
        ("Lund said, 'The \"harbour\" plan is dead.'", ['"harbour"']),
        # an opener inside a single quote opens nothing
        ("Lund said: 'It is done. 'Nothing' is left.'", ["'It is done. 'Nothing' is left.'"]),
        # no closing mark in the paragraph: none, and no later opener in it either
        ("Lund said, 'It is done, she said, 'the end\n\nBerg said, 'Fine.'", ["'Fine.'"]),
        # a single-quoted line alone in a text that quotes speech in double marks: a subhead
        (
            "\"We tried,\" Lund said.\n\n'A fight from start to finish.'\n\nIt ended.",
            ['"We tried,"'],
        ),
    ],
)
def test_find_quotes_pairs_single_marks_but_not_apostrophes(text, spans):
    assert [text[q.start : q.end] for q in find_quotes(text)] == spans
