"""`python -m claims.extraction`: human-readable by default, evaluation JSON Lines with --jsonl.

Run in-process (`main(argv)`, and `runpy` for the `-m` entry itself) so that the coverage gate
sees the module; one test runs the real `python -m` in a subprocess.
"""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from claims.extraction import EXTRACTOR_VERSION
from claims.extraction.__main__ import main
from claims.extraction.registry import Registry

ROOT = Path(__file__).resolve().parents[2]


class _Proc:
    """What a run left: its exit status and the two streams."""

    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def run(capsys):
    def _run(*args: str) -> _Proc:
        code = main(list(args))
        out, err = capsys.readouterr()
        return _Proc(code, out, err)

    return _run


def test_cli_as_a_module_in_a_subprocess(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Officials said the bridge would reopen in May.", encoding="utf-8")

    proc = subprocess.run(
        [sys.executable, "-m", "claims.extraction", "--jsonl", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert proc.returncode == 0, proc.stderr
    (record,) = map(json.loads, proc.stdout.splitlines())
    assert record["content"]["text"] == "the bridge would reopen in May"


def test_cli_run_as_main_exits_with_mains_status(tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Officials said the bridge would reopen in May.", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["claims.extraction", str(good), str(tmp_path / "gone.txt")])
    monkeypatch.delitem(sys.modules, "claims.extraction.__main__", raising=False)  # as `-m` runs it

    with pytest.raises(SystemExit) as exit_:
        runpy.run_module("claims.extraction", run_name="__main__")

    assert exit_.value.code == 1  # one file could not be read
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == f"{good}: 1 claims"
    assert "gone.txt: cannot read" in err


def test_cli_jsonl_prints_only_claim_records_with_offsets_into_raw_text(tmp_path, run):
    raw = "Headline\r\n\r\n“We hold,” said Anna Berg.\r\n\r\nLeave a Reply\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))

    proc = run("--jsonl", str(path))

    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 1
    rec = records[0]
    assert rec["path"] == str(path)
    assert rec["kind"] == "direct"
    assert raw[rec["content"]["start"] : rec["content"]["end"]] == rec["content"]["text"]
    assert rec["content"]["text"] == "“We hold,”"
    assert rec["speaker"] == {
        "start": raw.index("Anna"),
        "end": raw.index("Anna") + 9,
        "text": "Anna Berg",
        "name": "Anna Berg",
    }
    assert rec["cue"]["text"] == "said"
    assert "ms" in proc.stderr


def test_cli_jsonl_text_without_claims_prints_no_record(tmp_path, run):
    path = tmp_path / "b.txt"
    path.write_text("Nothing is attributed here.", encoding="utf-8")

    proc = run("--jsonl", str(path))

    assert proc.returncode == 0
    assert proc.stdout == ""
    assert proc.stderr.startswith(f"{path}: 0 claims in ")


def test_cli_jsonl_unattributed_speaker_is_null(tmp_path, run, monkeypatch):
    # A claim whose speaker could not be resolved is printed with "speaker": null. The engine
    # gives one when resolving the first half of a split quote fails (the safety net loses
    # that half only): the second half goes on with no speaker. Without the failure the two
    # halves are one record of Ana Ruiz's.
    text = "“The fund is empty,” Ana Ruiz said. “We will close the office.”"
    path = tmp_path / "b.txt"
    path.write_text(text, encoding="utf-8")

    def fail(*args, **kwargs):
        raise RuntimeError("resolution failed")

    monkeypatch.setattr(Registry, "attribute", fail)
    proc = run("--jsonl", str(path))

    assert proc.returncode == 0
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    start = text.index("“We")
    cue = text.index("said")
    assert records == [
        {
            "path": str(path),
            "content": {"start": start, "end": len(text), "text": "“We will close the office.”"},
            "speaker": None,
            "cue": {"start": cue, "end": cue + 4, "text": "said"},
            "kind": "direct",
        }
    ]


def test_cli_human_readable_lists_claims(tmp_path, run):
    path = tmp_path / "c.txt"
    path.write_text("Officials said the bridge would reopen in May.", encoding="utf-8")

    proc = run(str(path))

    assert proc.returncode == 0
    assert "1 claims" in proc.stdout
    assert "the bridge would reopen in May" in proc.stdout
    assert f"{path}: 1 claims in " in proc.stderr
    assert proc.stderr.rstrip().endswith(f"ms ({EXTRACTOR_VERSION})")


def test_cli_unreadable_file_is_reported_and_others_still_run(tmp_path, run):
    good = tmp_path / "good.txt"
    good.write_text("Officials said the bridge would reopen in May.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8")

    proc = run("--jsonl", str(bad), str(good))

    assert proc.returncode == 1
    assert "bad.txt" in proc.stderr
    assert len(proc.stdout.splitlines()) == 1
