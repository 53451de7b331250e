"""``python -m anonymizer`` as a subprocess: JSON lines in and out, bad lines, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "anonymizer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.mark.parametrize("command", ["analyze", "redact"])
def test_good_lines(command: str) -> None:
    done = run_cli(
        command,
        "--lang",
        "nb",
        stdin=lines({"id": 1, "text": "ring 912 34 567"}, {"id": "b", "text": "Takk!"}, {"text": "kari@example.no"}),
    )
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out == [
        {
            "id": 1,
            "entities": [{"type": "PHONE_NUMBER", "start": 5, "end": 15, "score": out[0]["entities"][0]["score"]}],
            "redacted": "ring <PHONE_NUMBER>",
        },
        {"id": "b", "entities": [], "redacted": "Takk!"},
        {"id": None, "entities": [out[2]["entities"][0]], "redacted": "<EMAIL_ADDRESS>"},
    ]
    assert out[2]["entities"][0]["type"] == "EMAIL_ADDRESS"
    assert 0.4 <= out[0]["entities"][0]["score"] <= 1.0


def test_bad_lines_are_reported_and_skipped() -> None:
    secret = "fnr 01019010046"
    done = run_cli(
        "analyze",
        "--batch-size",
        "2",
        stdin=lines(
            {"id": 1, "text": "tlf 91234567"},
            "this is not json " + secret,
            "[1, 2]",
            {"id": 4, "text": 5},
            "",
            {"id": 6, "text": "konto 1234.56.78903"},
        ),
    )
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("anonymizer: line")]
    assert errors == [
        "anonymizer: line 2: not valid JSON",
        "anonymizer: line 3: not a JSON object",
        'anonymizer: line 4: no string "text" field',
    ]
    assert secret not in done.stderr  # a bad line's content is never echoed
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(o["id"], o["redacted"]) for o in out] == [(1, "tlf <PHONE_NUMBER>"), (6, "konto <NO_KONTONUMMER>")]


def test_pseudonymize_with_key_file(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_bytes(b"k" * 32)
    stdin = lines({"id": 1, "text": "tlf +47 912 34 567"}, {"id": 2, "text": "ring 91234567"})
    first = run_cli("pseudonymize", "--key-file", str(key_file), stdin=stdin)
    assert first.returncode == 0, first.stderr
    out = [json.loads(line)["redacted"] for line in first.stdout.splitlines()]
    assert out[0].startswith("tlf <PHONE_NUMBER_") and out[0][4:] == out[1][5:]
    missing = run_cli("pseudonymize", stdin=stdin)
    assert missing.returncode == 2 and "--key-file" in missing.stderr
