"""Given-name gender comes from a generated table (nomquamgender's data), checked in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claims.extraction import lexicon as lx
from claims.extraction.lexicon import given_names

TOOL = Path(lx.__file__).parents[1] / "tools" / "generate_given_names.py"


@pytest.mark.parametrize(
    ("word", "gender"),
    [
        ("Anna", "f"),
        ("Ghazala", "f"),
        ("Tom", "m"),
        ("Khizr", "m"),
        ("Vladimir", "m"),
        # ambiguous names tell nothing
        ("Jordan", ""),
        ("Kim", ""),
        ("Andrea", ""),
        # case, accents, letters NFKD keeps whole, a trailing dot, a hyphenated name
        ("ANNA", "f"),
        ("José", "m"),
        ("Łukasz", "m"),
        ("Zoë", "f"),
        ("Mary-Kate", "f"),
        # a hyphenated name the table lacks is read by its first part
        ("Tove-Marit", "f"),
        ("Tom-Olav", "m"),
        # no name: an initial, a word, nothing
        ("J.", ""),
        ("Harbour", ""),
        ("", ""),
    ],
)
def test_given_name_gender_reads_the_table(word, gender):
    assert lx.given_name_gender(word) == gender


_PLAIN_TABLE = dict.fromkeys(given_names.FEMALE.split(), "f")
_PLAIN_TABLE |= dict.fromkeys(given_names.MALE.split(), "m")


def _plain_given_name_gender(word: str) -> str:
    """given_name_gender as first written: one path for every word (NFKD, the table of
    undecomposed letters, then only a-z and "-" kept) and a dict of the table: the ASCII fast
    path and the lookup by bisection must agree."""
    import unicodedata

    low = unicodedata.normalize("NFKD", word.strip(".")).lower()
    key = "".join(ch for ch in low.translate(lx._UNDECOMPOSED) if "a" <= ch <= "z" or ch == "-")
    table = _PLAIN_TABLE
    found = table.get(key)
    if found is None and "-" in key:
        found = table.get(key.split("-", 1)[0])
    return found or ""


def test_given_name_gender_ascii_path_agrees_with_the_plain_reading():
    # Every name of the table as a capitalised word, and in capitals with a dot, with an
    # apostrophe or a digit inside, or glued to a second part; every ASCII character alone
    # and inside a name.
    names = given_names.FEMALE.split()[::50] + given_names.MALE.split()[::50]
    words = [w for n in names for w in (n.capitalize(), n.upper() + ".", n[:2] + "'" + n[2:])]
    words += [n + "9-" + m for n, m in zip(names, reversed(names), strict=True)]
    words += [chr(i) for i in range(128)] + ["An" + chr(i) + "na" for i in range(128)]
    told = {"f": 0, "m": 0, "": 0}
    for word in words:
        gender = lx.given_name_gender(word)
        assert gender == _plain_given_name_gender(word), word
        told[gender] += 1

    assert min(told.values()) > 100


def test_given_names_table_holds_no_name_twice_nor_in_both_genders():
    female, male = given_names.FEMALE.split(), given_names.MALE.split()

    assert (len(set(female)), len(set(male)), set(female) & set(male)) == (
        len(female),
        len(male),
        set(),
    )


@pytest.mark.slow
def test_given_names_table_matches_a_fresh_run():
    # Needs nomquamgender, a dev dependency (pyproject.toml): missing, the check fails loudly.
    run = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, check=False
    )

    assert run.returncode == 0, run.stderr
