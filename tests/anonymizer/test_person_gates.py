"""The gate of ``relation_names`` (``person_gates.refused_may_be_named``) is only a shortcut: with it and
without it, the same words come out, on every message of every development set and of a generated
corpus. A rule added to the chain without its first test in the gate fails here, instead of losing
names silently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from anonymizer.recognizers import person_context
from anonymizer.recognizers._tokens import tokenize
from bench.corpus import generate, iter_jsonl

DEV = Path(__file__).resolve().parents[2] / "bench" / "data" / "pii_dev"


def _texts() -> Iterator[str]:
    for path in sorted(DEV.glob("dev_*.jsonl")):
        for message in iter_jsonl(path):
            yield message.text
    for message in generate(2000, 11):
        yield message.text


def _names(text: str) -> list[tuple[int, float]]:
    toks = tokenize(text)
    return list(person_context.relation_names(toks, [False] * len(toks.low)))


def test_the_gate_changes_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = list(_texts())
    assert len(texts) > 10_000
    gated = [_names(text) for text in texts]
    monkeypatch.setattr(person_context, "refused_may_be_named", lambda toks, j: True)
    ungated = [_names(text) for text in texts]
    differ = [text[:60] for text, a, b in zip(texts, gated, ungated, strict=True) if a != b]
    assert not differ, differ[:5]
