"""The speaker phrase before a cue (claims/extraction/speakers.py): how far back it is read.
Every text is made up for the tests."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims

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
