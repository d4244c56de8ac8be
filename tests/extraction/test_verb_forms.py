"""The reporting-verb forms come from a generated table (lemminflect), checked in."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from claims.extraction import extract_claims
from claims.extraction import lexicon as lx
from claims.extraction.lexicon.verb_forms import VERB_FORMS

TOOL = Path(lx.__file__).parents[1] / "tools" / "generate_verb_forms.py"
VERBS = Path(lx.__file__).parent / "verbs.py"


def test_verb_forms_table_holds_every_lemma_of_verbs_py_and_no_other():
    lemmas = runpy.run_path(str(VERBS))["ALL_LEMMAS"]

    assert sorted(VERB_FORMS) == sorted(lemmas)


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("slam", {"slam", "slams", "slammed", "slamming"}),
        ("brag", {"brag", "brags", "bragged", "bragging"}),
        ("plan", {"plan", "plans", "planned", "planning"}),
        ("concur", {"concur", "concurs", "concurred", "concurring"}),
        ("agree", {"agree", "agrees", "agreed", "agreeing"}),
        ("say", {"say", "says", "said", "saying"}),
        ("write", {"write", "writes", "wrote", "written", "writing"}),
        ("hope", {"hope", "hopes", "hoped", "hoping"}),
    ],
)
def test_verb_forms_doubled_consonants_and_irregulars_come_out_right(lemma, forms):
    assert set(lx.verb_forms(lemma)) == forms


def test_verb_forms_no_misspelt_form_is_recognised():
    cues = lx.SPEECH_FORMS | lx.BELIEF_FORMS | lx.ATTITUDE_FORMS

    assert {"braged", "slamed", "planed", "concured", "agreing", "finded"} & cues == set()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The coach bragged that his team could not lose.", "bragged"),
        ("The governor slammed the ruling as an attack on voters.", "slammed"),
        ("The council planned to close the library by spring.", "planned"),
    ],
)
def test_extract_claims_recognises_doubled_consonant_cues(text, cue):
    (claim,) = extract_claims(text)

    assert claim.cue == cue


@pytest.mark.slow
def test_verb_forms_table_matches_a_fresh_lemminflect_run():
    # Needs lemminflect, a dev dependency (pyproject.toml): missing, the check fails loudly.
    run = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, check=False
    )

    assert run.returncode == 0, run.stderr
