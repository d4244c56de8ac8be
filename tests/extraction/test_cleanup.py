"""`clean_text`: scraped page furniture goes, the article's own characters stay."""

from __future__ import annotations

import pytest

from claims.extraction import clean_text, extract_claims


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            "Headline\n\nBody “quoted,” he said.\n\nLeave a Reply\n\nYour email address will not "
            "be published. Required fields are marked *\n\nComment\n\nName *\n\nEmail *\n\n"
            "Website\n\nSave my name, email, and website in this browser for the next time I "
            "comment.\n\nPost Comment",
            "Headline\n\nBody “quoted,” he said.",
            id="comment-form-boilerplate",
        ),
        pytest.param(
            "Headline\n\nFirst paragraph.\n\nVideo Embed\n\nSecond paragraph.",
            "Headline\n\nFirst paragraph.\n\nSecond paragraph.",
            id="video-embed-line",
        ),
        pytest.param(
            "Headline\n\nFirst paragraph.\nRead More: Another story about the war\n"
            "Related: Yet another story\nSecond paragraph.",
            "Headline\n\nFirst paragraph.\n\nSecond paragraph.",
            id="read-more-and-related-lines",
        ),
        pytest.param(
            "Headline\n\nPhoto: Soldiers near Bakhmut on Tuesday.\n\nFirst paragraph.\n\n"
            "Soldiers near Bakhmut. Sergei Supinsky/AFP/Getty Images\n\n"
            "Credit...Tyler Hicks/The New York Times\n\nSecond paragraph.",
            "Headline\n\nFirst paragraph.\n\nSecond paragraph.",
            id="photo-captions-and-credits",
        ),
        pytest.param(
            "Headline\n\nA man walks in Kyiv. (Photo by Jane Doe/Getty Images)\n\nGetty.\n\n"
            "Orlando Sentinel via Getty Images.\n\nJim Urquhart / Reuters.\n\nBody.",
            "Headline\n\nBody.",
            id="caption-lines-and-agency-credits",
        ),
        pytest.param(
            "Headline\n\nThe mayor spoke (Photo by Jane Doe/Getty Images) at noon.",
            "Headline\n\nThe mayor spoke at noon.",
            id="inline-photo-credit",
        ),
        pytest.param(
            "Headline\n\nFirst paragraph.\n\nTrump wins in Iowa\nClinton leads in polls\n"
            "Sanders raises more money\n\nLast paragraph.",
            "Headline\n\nFirst paragraph.\n\nLast paragraph.",
            id="related-link-headline-list",
        ),
        pytest.param(
            "  Headline  \r\n\r\n\r\n  First   paragraph “as is” — with a typo teh.\n\n\n\n"
            "Second\tparagraph.  ",
            "Headline\n\nFirst paragraph “as is” — with a typo teh.\n\nSecond paragraph.",
            id="whitespace-normalised-characters-kept",
        ),
        pytest.param(
            "Headline\n\nCredit card debt rose sharply last year, the bank said.",
            "Headline\n\nCredit card debt rose sharply last year, the bank said.",
            id="prose-starting-with-credit-is-kept",
        ),
    ],
)
def test_clean_text_removes_furniture(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_keeps_the_headline_even_if_short():
    assert clean_text("Short title\n\nBody.") == "Short title\n\nBody."


def test_clean_text_offsets_of_extraction_point_into_cleaned_text():
    raw = "Title\n\n\n“We hold,” Ms. Ko said.   \nVideo Embed\n\nShe added that help was coming."
    cleaned = clean_text(raw)

    claims = extract_claims(cleaned)

    assert [c.content for c in claims] == ["“We hold,”", "help was coming"]
    for claim in claims:
        assert cleaned[claim.start : claim.end] == claim.content


@pytest.mark.parametrize("raw", ["", "\n\n\n", "\x00\x00", "\u202e\u202d", None])
def test_clean_text_degenerate_input_never_raises(raw):
    assert isinstance(clean_text(raw), str)
