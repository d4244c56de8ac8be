"""The speaker phrase before a cue (claims/extraction/speakers.py): how far back it is read.
Every text is made up for the tests."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims
from claims.extraction.speakers import lone_adverb

# A subject with a relative clause long enough that only its last 240 characters before
# "said" are read (speakers._SUBJECT_WINDOW); `extra` words move where that window begins.
_LONG = (
    "The executive director of the harbour authority, who has run the port for a decade{extra}"
    " and rebuilt most of the city's old bridges in the nineties before advising the regional"
    " transport board on its rail projects in the north and the south of the country for"
    " several years, said the tunnel is a waste of money."
)


@pytest.mark.parametrize(
    ("extra", "claims"),
    [
        # The window begins at "harbour": the phrase from there is the speaker.
        ("", [("the tunnel is a waste of money", "Harbour authority")]),
        # It begins inside "harbour": no word's tail ("arbour authority") is read as a
        # speaker; the phrase left ("authority, who ...") names no one.
        (" a", []),
        (" or so", []),
    ],
)
def test_subject_window_never_starts_inside_a_word(extra, claims):
    text = _LONG.format(extra=extra)

    assert [(c.content, c.speaker) for c in extract_claims(text)] == claims


def test_lone_adverb_is_a_name_where_the_text_puts_it_after_a_capitalised_word():
    # "Early" is a surname where the text says "Rex Early" anywhere, an adverb where it does
    # not; the names are read once per text (speakers._ly_names).
    named = "Rex Early spoke. " + "x " * 2000 + "Early, the vote came."
    unnamed = "The vote came. " + "x " * 2000 + "Early, the vote came."

    assert lone_adverb(named, "Early") is False
    assert lone_adverb(unnamed, "Early") is True
    assert lone_adverb("Ann Kelly Early spoke.", "Early") is False
    assert lone_adverb(named, "Early spoke") is False
