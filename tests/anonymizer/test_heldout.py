"""The held-out PII sets must not get worse: a regression guard, not a target.

The sets in ``tests/data/pii_heldout/`` were written by people who never saw the recognizers, and
nobody tunes on them (see their README). This test scores the default mode on each and fails when a
figure falls below what was measured when the guard was last set (``FLOORS``), with a small margin for
changes elsewhere that move one message. The issue's targets (leak ≤ 2 %, no leak of the critical
types, precision ≥ 0.90) are reported by ``python -m bench.pii_heldout``; where the anonymizer does not
meet them yet, the floor is the measured figure, so the test records today's level without pretending.

On failure the message names figures only, never a message of a held-out set: reading them would turn
the set into a development set.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bench.corpus import iter_jsonl
from bench.pii_heldout import HELDOUT_DIR, Summary
from bench.pii_quality import NO_LEAK_TYPES, Ours, evaluate


@dataclass(frozen=True, slots=True)
class Floor:
    """The worst a held-out set may score in strict mode (measured figure plus a margin)."""

    max_leak: float
    min_precision: float
    max_critical_leaks: int  #: fødselsnummer, kontonummer, card, IBAN and e-mail values left readable


#: Set from `python -m bench.pii_heldout` on 2026-11-29 22:55 UTC (docs/benchmarks.md), margin about one value.
FLOORS: dict[str, Floor] = {
    "heldout_a": Floor(max_leak=0.025, min_precision=0.975, max_critical_leaks=0),  # measured 0.020, 0.984, 0
    "heldout_b": Floor(max_leak=0.010, min_precision=0.93, max_critical_leaks=0),  # measured 0.006, 0.942, 0
    "heldout_c": Floor(max_leak=0.012, min_precision=0.975, max_critical_leaks=0),  # measured 0.008, 0.984, 0
    "heldout_d": Floor(max_leak=0.012, min_precision=0.965, max_critical_leaks=0),  # measured 0.007, 0.975, 0
}


def test_every_heldout_set_has_a_floor() -> None:
    assert sorted(p.stem for p in HELDOUT_DIR.glob("*.jsonl")) == sorted(FLOORS)


@pytest.fixture(scope="module")
def system() -> Ours:
    return Ours(lang="auto", mode="strict")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_set_does_not_regress(system: Ours, name: str) -> None:
    messages = list(iter_jsonl(HELDOUT_DIR / f"{name}.jsonl"))
    summary = Summary.of(evaluate(system, messages, keep_examples=0))
    floor = FLOORS[name]
    critical = sum(summary.leaked_by_type[t] for t in NO_LEAK_TYPES)
    assert summary.leak is not None and summary.precision is not None
    figures = f"{name}: leak {summary.leak:.3f}, precision {summary.precision:.3f}, critical leaks {critical}"
    assert summary.leak <= floor.max_leak, figures
    assert summary.precision >= floor.min_precision, figures
    assert critical <= floor.max_critical_leaks, figures
