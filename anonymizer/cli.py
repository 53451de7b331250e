"""``python -m anonymizer analyze|redact|pseudonymize``: JSON lines in, JSON lines out.

Each input line is ``{"id": ..., "text": ...}``; each output line is
``{"id": ..., "entities": [{"type", "start", "end", "score"}], "redacted": ...}`` with character offsets
into ``text``. ``analyze`` and ``redact`` write the same thing (both keys), so a pipeline can switch
between them freely; ``pseudonymize`` writes keyed pseudonyms instead of ``<TYPE>``.

A bad line (not JSON, not an object, no string ``text``) is reported on stderr by line number, never by
content (it may hold personal data), and the rest is still processed; the exit status is then 1.
Lines are read and analysed in batches; use ``--batch-size 1`` when another program feeds one line and
waits for its answer.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import orjson

from anonymizer.operators import MIN_KEY_BYTES, SecretKey
from anonymizer.types import DEFAULT_MODE, MODE_NAMES

EXIT_OK = 0
EXIT_BAD_LINES = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m anonymizer", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("analyze", "redact", "pseudonymize"))
    parser.add_argument("--lang", choices=("nb", "nn", "no", "en", "auto"), default="auto")
    parser.add_argument(
        "--mode",
        choices=MODE_NAMES,
        default=DEFAULT_MODE,
        help=f"strict: when in doubt, redact; balanced: only what the evidence carries (default {DEFAULT_MODE})",
    )
    parser.add_argument(
        "--key-file",
        type=Path,
        help=f"pseudonymize: file holding the secret key (at least {MIN_KEY_BYTES} bytes)",
    )
    parser.add_argument("--batch-size", type=int, default=256, help="lines analysed together (default 256)")
    return parser


def _batches(stream: IO[bytes], size: int) -> Iterator[list[tuple[int, bytes]]]:
    batch: list[tuple[int, bytes]] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue  # blank lines (a trailing newline) are not records
        batch.append((number, line))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse(line: bytes) -> tuple[Any, str] | str:
    """(id, text), or the reason the line is unusable (without its content)."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return "not valid JSON"
    if not isinstance(record, dict):
        return "not a JSON object"
    text = record.get("text")
    if not isinstance(text, str):
        return 'no string "text" field'
    return record.get("id"), text


def _read_key(path: Path | None) -> SecretKey:
    if path is None:
        raise ValueError("pseudonymize needs --key-file")
    try:
        raw = path.read_bytes().strip()
    except OSError as exc:
        raise ValueError(f"cannot read the key file: {exc.strerror}") from None
    return SecretKey(raw)


def run(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    from anonymizer.engine import get_anonymizer

    key = None
    if args.command == "pseudonymize":
        try:
            key = _read_key(args.key_file)
        except ValueError as exc:
            print(f"anonymizer: {exc}", file=stderr)
            return EXIT_USAGE
    engine = get_anonymizer()
    bad = 0
    for batch in _batches(stdin, max(1, args.batch_size)):
        records: list[tuple[Any, str]] = []
        for number, line in batch:
            parsed = _parse(line)
            if isinstance(parsed, str):
                bad += 1
                print(f"anonymizer: line {number}: {parsed}", file=stderr)
            else:
                records.append(parsed)
        texts = [text for _, text in records]
        if key is None:
            results = engine.process_batch(texts, args.lang, args.mode)
        else:
            results = [engine.pseudonymize_process(text, key, args.lang, args.mode) for text in texts]
        out = bytearray()
        for (record_id, _), result in zip(records, results, strict=True):
            out += orjson.dumps(
                {
                    "id": record_id,
                    "entities": [
                        {"type": e.type, "start": e.start, "end": e.end, "score": e.score} for e in result.entities
                    ],
                    "redacted": result.text,
                }
            )
            out += b"\n"
        stdout.write(out)
        stdout.flush()
    return EXIT_BAD_LINES if bad else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args, sys.stdin.buffer, sys.stdout.buffer, sys.stderr)
    except BrokenPipeError:  # the reader went away (| head): not an error of ours
        return EXIT_OK
