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
