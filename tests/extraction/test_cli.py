"""`python -m claims.extraction`: human-readable by default, evaluation JSON Lines with --jsonl."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claims.extraction", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_jsonl_prints_only_claim_records_with_offsets_into_raw_text(tmp_path):
    raw = "Headline\r\n\r\n“We hold,” said Anna Berg.\r\n\r\nLeave a Reply\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))

    proc = _run("--jsonl", str(path))

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


def test_cli_jsonl_unattributed_speaker_is_null(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Nothing is attributed here.", encoding="utf-8")

    proc = _run("--jsonl", str(path))

    assert proc.returncode == 0
    assert proc.stdout == ""


def test_cli_human_readable_lists_claims(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("Officials said the bridge would reopen in May.", encoding="utf-8")

    proc = _run(str(path))

    assert proc.returncode == 0
    assert "1 claims" in proc.stdout
    assert "the bridge would reopen in May" in proc.stdout


def test_cli_unreadable_file_is_reported_and_others_still_run(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials said the bridge would reopen in May.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8")

    proc = _run("--jsonl", str(bad), str(good))

    assert proc.returncode == 1
    assert "bad.txt" in proc.stderr
    assert len(proc.stdout.splitlines()) == 1
