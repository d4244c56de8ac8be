"""`manage.py extract_claims`: JSON Lines on stdout, errors per file, never the database."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from claims.extraction import extract_claims
from claims.extraction.output import eval_records


def _run(*paths, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("extract_claims", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_extract_claims_command_prints_eval_jsonl_with_raw_offsets(tmp_path):
    raw = "Headline\r\n\r\n“We hold,” said Anna Berg.\r\n\r\nOfficials say the bridge is safe."
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))

    out, err = _run(path)

    records = [json.loads(line) for line in out.splitlines()]
    assert records == eval_records(extract_claims(raw), str(path), raw)
    assert [r["content"]["text"] for r in records] == ["“We hold,”", "the bridge is safe"]
    for r in records:
        assert raw[r["content"]["start"] : r["content"]["end"]] == r["content"]["text"]
    assert "2 claim(s)" in err


def test_extract_claims_command_reports_bad_files_and_goes_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("Officials said the bridge would reopen in May.", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="2 file"):
        call_command("extract_claims", str(bad), str(missing), str(good), stdout=out, stderr=err)

    assert len(out.getvalue().splitlines()) == 1
    lines = err.getvalue().splitlines()
    assert any(line.startswith(f"{bad}: not valid UTF-8") for line in lines)
    assert any(line.startswith(f"{missing}: cannot read") for line in lines)


def test_extract_claims_command_never_touches_the_database(tmp_path):
    # No django_db mark: pytest-django makes any database access raise, so a command that
    # queried or wrote would fail here.
    path = tmp_path / "a.txt"
    path.write_text("“We hold,” said Anna Berg.", encoding="utf-8")

    out, err = _run(path, verbosity=0)

    assert len(out.splitlines()) == 1
    assert err == ""


def test_extract_claims_stops_quietly_when_the_reader_closes_the_pipe():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DEBUG": "1"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    seed = "seeds/2023-03-01-nyt-ukraine-reinforces-bakhmut.txt"
    producer = subprocess.Popen(
        [sys.executable, "manage.py", "extract_claims", *[seed] * 20],  # > a pipe buffer
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first_line = producer.stdout.readline()
    producer.stdout.close()  # what `| head -1` does
    stderr = producer.stderr.read().decode()
    producer.wait(timeout=30)

    assert first_line.startswith(b'{"path"')
    assert "Traceback" not in stderr
