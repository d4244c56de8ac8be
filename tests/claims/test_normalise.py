import pytest

from claims.normalise import normalise_name, normalise_text, normalise_url, text_hash


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Blinken", "mr blinken"),
        ("Zelenskyy’s “zero evidence”", "zelenskyy s zero evidence"),
        ("Dmytró Kuléba", "dmytro kuleba"),
        ("Ñuñez", "nunez"),
        ("Sergei\u200b Lavrov\u202e", "sergei lavrov"),
        ("  many   spaces\n\nand lines ", "many spaces and lines"),
        ("", ""),
    ],
)
def test_normalise_text_folds_case_accents_punctuation_and_invisible_characters(text, expected):
    assert normalise_text(text) == expected


def test_text_hash_is_equal_for_trivially_different_texts_only():
    assert text_hash("“Zero evidence,” he said.") == text_hash("zero EVIDENCE he said")
    assert text_hash("zero evidence") != text_hash("some evidence")


def test_normalise_name_matches_aliases_regardless_of_punctuation():
    assert normalise_name("Mr. Blinken") == normalise_name("mr blinken")


def test_normalise_url_drops_tracking_fragment_www_and_trailing_slash():
    assert (
        normalise_url("HTTP://www.Example.com/a/b/?utm_source=x&id=3#frag")
        == "https://example.com/a/b?id=3"
    )


def test_primed_hash_serves_each_primed_answer_once_then_computes(monkeypatch):
    """The import's writer is handed its pool workers' content hashes (prime_hashes); each
    is served once, and a text nobody primed is hashed here."""
    from claims import normalise

    monkeypatch.setattr(normalise, "_PRIMED", {})
    normalise.prime_hashes({"The bridge will open.": "f" * 40})  # marked: not a real hash

    assert normalise.primed_hash("The bridge will open.") == "f" * 40
    assert normalise.primed_hash("The bridge will open.") == text_hash("The bridge will open.")
    assert normalise.primed_hash("The ferry will not.") == text_hash("The ferry will not.")
    assert normalise._PRIMED == {}


def test_prime_hashes_starts_again_empty_when_full(monkeypatch):
    from claims import normalise

    monkeypatch.setattr(normalise, "_PRIMED", {})
    monkeypatch.setattr(normalise, "_PRIMED_MAX", 2)
    normalise.prime_hashes({"a": "1", "b": "2", "c": "3"})
    normalise.prime_hashes({"d": "4"})  # over the cap: the table is emptied first

    assert normalise._PRIMED == {"d": "4"}
