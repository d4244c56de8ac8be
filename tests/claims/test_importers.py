"""File readers: each format into ArticleRecords, and a clear ImportFileError for bad input.

No database: claims.importers is plain Python.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from claims.importers import ImportFileError, discover, read_file

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
SEEDS = Path(__file__).parent.parent.parent / "seeds"
LIMIT = 1_000_000


def test_read_txt_uses_first_line_as_headline_and_sidecar_metadata():
    (record,) = read_file(FIXTURES / "kremlin.txt", max_bytes=LIMIT)

    assert record.headline == "Kremlin Rejects Talks"
    assert record.body.startswith("The Kremlin said on Monday")
    assert "Kremlin Rejects Talks" not in record.body
    assert record.url == "https://news.example/kremlin-rejects-talks"
    assert record.outlet == "Example News"
    assert record.published == dt.date(2023, 3, 6)
    assert record.authors == ("A. Writer", "B. Writer")
    assert record.source_path == str(FIXTURES / "kremlin.txt")


def test_read_txt_without_sidecar_has_no_metadata(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("A Headline\n\nFirst paragraph.\n\nSecond paragraph.\n")

    (record,) = read_file(path, max_bytes=LIMIT)

    assert (record.headline, record.body) == ("A Headline", "First paragraph.\n\nSecond paragraph.")
    assert (record.url, record.outlet, record.published, record.authors) == (None, "", None, ())


def test_read_seed_txt_reads_its_sidecar():
    (record,) = read_file(SEEDS / "2023-03-01-nyt-ukraine-reinforces-bakhmut.txt", max_bytes=LIMIT)

    assert record.headline == "Ukraine Reinforces Embattled Bakhmut, but Mission Is Unclear"
    assert record.outlet == "The New York Times"
    assert record.published == dt.date(2023, 3, 1)
    assert record.authors[0] == "Thomas Gibbons-Neff"


def test_read_jsonl_gives_one_record_per_line():
    records = read_file(FIXTURES / "two-articles.jsonl", max_bytes=LIMIT)

    assert [r.headline for r in records] == ["Moscow Answers", "Kyiv Replies"]
    assert records[0].authors == ("C. Writer",)
    assert records[1].published == dt.date(2023, 3, 8)
    assert records[1].url is None


def test_read_json_accepts_one_object_and_datetime_dates():
    (record,) = read_file(FIXTURES / "beijing.json", max_bytes=LIMIT)

    assert record.headline == "Beijing Weighs In"
    assert record.published == dt.date(2023, 3, 9)


def test_read_json_accepts_a_list_and_ignores_unknown_keys(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(
        json.dumps(
            [
                {"headline": "One", "body": "Body one.", "shares": 10},
                {"headline": "Two", "body": "Body two.", "outlet": "X"},
            ]
        )
    )

    records = read_file(path, max_bytes=LIMIT)

    assert [(r.headline, r.outlet) for r in records] == [("One", ""), ("Two", "X")]


def test_read_html_extracts_headline_date_and_main_text():
    (record,) = read_file(FIXTURES / "page.html", max_bytes=LIMIT)

    assert record.headline == "Minister Warns of Long War"
    assert record.published == dt.date(2023, 3, 10)
    assert record.body.startswith("Dmytro Kuleba, the foreign minister, said")
    assert "Copyright" not in record.body
    assert "Home" not in record.body


def test_discover_skips_sidecars_and_lists_directories_sorted():
    files, errors = discover([FIXTURES])

    assert [f.name for f in files] == [
        "beijing.json",
        "kremlin.txt",
        "page.html",
        "two-articles.jsonl",
    ]
    assert errors == []


def test_discover_treats_an_explicit_sidecar_as_a_sidecar():
    files, errors = discover([FIXTURES / "kremlin.txt", FIXTURES / "kremlin.json"])

    assert [f.name for f in files] == ["kremlin.txt"]
    assert errors == []


def test_discover_reports_missing_and_unsupported_paths(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")

    files, errors = discover([tmp_path / "absent.txt", tmp_path / "notes.pdf"])

    assert files == []
    assert [(Path(e.path).name, e.reason) for e in errors] == [
        ("absent.txt", "no such file or directory"),
        (
            "notes.pdf",
            "unsupported file type '.pdf' (expected one of .txt, .json, .jsonl, .html, .htm)",
        ),
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        (
            "nul.txt",
            b"Headline\n\nBody\x00more",
            "contains NUL bytes at offset 14 (a binary file?)",
        ),
        (
            "latin1.txt",
            "Headline\n\nCaf\u00e9".encode("latin-1"),
            "not valid UTF-8 (byte 0xe9 at offset 13); re-encode it as UTF-8",
        ),
        (
            "bad.json",
            b'{"headline": "x", ',
            "invalid JSON at line 1 column 19: Expecting property name enclosed in double quotes",
        ),
        (
            "bad.jsonl",
            b'{"headline": "a", "body": "b"}\n{oops}\n',
            "invalid JSON at line 2: Expecting property name enclosed in double quotes",
        ),
        ("nobody.json", b'{"headline": "Only a headline"}', "record 1: 'body' is missing or empty"),
        ("list.jsonl", b"[1, 2]\n", "line 1: expected a JSON object, got list"),
        ("headline-only.txt", b"Just a headline\n", "no body text after the headline line"),
        (
            "baddate.json",
            b'{"headline": "h", "body": "b", "published": "last Tuesday"}',
            "record 1: 'published' must be an ISO date like 2023-03-01, got 'last Tuesday'",
        ),
        (
            "badurl.json",
            b'{"headline": "h", "body": "b", "url": "javascript:alert(1)"}',
            "record 1: 'url' must be an http(s) address, got 'javascript:alert(1)'",
        ),
    ],
)
def test_read_file_rejects_bad_input_with_a_clear_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(ImportFileError) as excinfo:
        read_file(path, max_bytes=LIMIT)

    assert excinfo.value.reason == reason
    assert str(excinfo.value) == f"{path}: {reason}"


def test_read_file_rejects_files_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Headline\n\n" + "x" * 200)

    with pytest.raises(ImportFileError) as excinfo:
        read_file(path, max_bytes=100)

    assert excinfo.value.reason == (
        "file is 210 bytes, over the limit of 100 (settings.CLAIMDESK_IMPORT_MAX_BYTES)"
    )


def test_read_txt_names_a_broken_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nBody.")
    (tmp_path / "a.json").write_text("{not json")

    with pytest.raises(ImportFileError) as excinfo:
        read_file(tmp_path / "a.txt", max_bytes=LIMIT)

    assert excinfo.value.path == str(tmp_path / "a.json")
    assert excinfo.value.reason.startswith("invalid JSON at line 1 column 2")


def test_read_file_accepts_a_utf8_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHeadline\n\nBody text.".encode())

    (record,) = read_file(path, max_bytes=LIMIT)

    assert record.headline == "Headline"
