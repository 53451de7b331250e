"""Anonymizer quality on labelled sets written by others: held-out sets apart from development sets.

Why a second benchmark: ``bench/pii_quality.py`` scores the anonymizer on a corpus generated alongside
it, which flatters it (P/R 1.000/0.998 there, while a set written independently leaked 8.8 %). Here
every set was written by a writer who never saw the recognizers (see tests/data/pii_heldout/README.md):

* **held-out** sets (``tests/data/pii_heldout/*.jsonl``) are never tuned on. This script prints their
  scores and nothing else: no examples of misses, so that nobody fixes the anonymizer by reading them.
* **development** sets (``bench/data/pii_dev/*.jsonl``) were written the same way, for the developers
  to read, and ``--examples N`` prints their misses and false positives.

Both anonymizer modes are scored (strict, the default, and balanced), side by side; ``--stock`` adds
stock Presidio as a baseline. Scoring is ``bench.pii_quality``'s (same type + overlap is a hit) and
*leak* is its *exposed* rule: three or more of the value's letters/digits (all of them if fewer;
digits only for numbers) covered by no prediction of any type, so a number with a zero-width space
inside counts as leaked when its digits survive, whatever the verbatim text looks like.

Targets (issue 7): on each held-out set, leak ≤ 2 % overall and 0 for fødselsnummer, kontonummer,
card, IBAN and e-mail; precision ≥ 0.90. ``--check`` exits 1 when the default mode misses one.

Usage: ``python -m bench.pii_heldout [--examples N] [--stock] [--json] [--check] [FILE ...]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus import ENTITY_TYPES, Message, iter_jsonl
from bench.pii_quality import NO_LEAK_TYPES, Ours, Report, StockPresidio, System, evaluate, example_lines

ROOT = Path(__file__).resolve().parent.parent
HELDOUT_DIR = ROOT / "tests" / "data" / "pii_heldout"
DEV_DIR = ROOT / "bench" / "data" / "pii_dev"

LEAK_TARGET = 0.02
PRECISION_TARGET = 0.90
MODES = ("strict", "balanced")


@dataclass(frozen=True, slots=True)
class LabelledSet:
    name: str
    kind: str  # "held-out" or "dev"
    messages: list[Message]


def discover(paths: Sequence[Path] = ()) -> list[LabelledSet]:
    """The given files (kind from their folder), or every held-out and development set."""
    files = list(paths) or [*sorted(HELDOUT_DIR.glob("*.jsonl")), *sorted(DEV_DIR.glob("*.jsonl"))]
    return [
        LabelledSet(path.stem, "held-out" if path.resolve().parent == HELDOUT_DIR else "dev", list(iter_jsonl(path)))
        for path in files
    ]


@dataclass(frozen=True, slots=True)
class Summary:
    """One system on one set: the figures the targets are about."""

    precision: float | None
    recall: float | None
    leak: float | None
    leaked_by_type: dict[str, int]
    gold_by_type: dict[str, int]
    negatives: int
    negatives_flagged: int
    clean_messages: int
    clean_flagged: int

    @classmethod
    def of(cls, report: Report) -> Summary:
        micro = report.micro()
        gold = {t: report.per_type[t].gold for t in ENTITY_TYPES}
        leaked = {t: report.per_type[t].exposed for t in ENTITY_TYPES}
        total = sum(gold.values())
        return cls(
            precision=micro["precision"],
            recall=micro["recall"],
            leak=sum(leaked.values()) / total if total else None,
            leaked_by_type=leaked,
            gold_by_type=gold,
            negatives=sum(n for n, _ in report.negatives.values()),
            negatives_flagged=sum(f for _, f in report.negatives.values()),
            clean_messages=report.no_pii_messages,
            clean_flagged=report.no_pii_flagged,
        )

    def failures(self) -> list[str]:
        out = []
        if self.leak is not None and self.leak > LEAK_TARGET:
            out.append(f"leak {self.leak:.3f} > {LEAK_TARGET}")
        for t in NO_LEAK_TYPES:
            if self.leaked_by_type[t]:
                out.append(f"{t} leaked {self.leaked_by_type[t]} of {self.gold_by_type[t]}")
        if self.precision is not None and self.precision < PRECISION_TARGET:
            out.append(f"precision {self.precision:.3f} < {PRECISION_TARGET}")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "leak": self.leak,
            "leaked_by_type": self.leaked_by_type,
            "gold_by_type": self.gold_by_type,
            "negatives": self.negatives,
            "negatives_flagged": self.negatives_flagged,
            "clean_messages": self.clean_messages,
            "clean_flagged": self.clean_flagged,
            "failures": self.failures(),
        }


def _f(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def render(results: dict[tuple[str, str], tuple[LabelledSet, Summary, Report]], systems: Sequence[str]) -> str:
    lines = [
        "Anonymizer quality on sets written by others (leak = >= 3 letters/digits of a value left unredacted)",
        "",
        f"{'set':<14}{'kind':<9}{'msgs':>5}{'gold':>6}  {'system':<16}{'P':>6}{'R':>6}{'leak':>7}"
        f"  {'zero-leak types leaked':<26}{'neg flagged':>12}{'clean flagged':>15}",
    ]
    for (set_name, system), (labelled, summary, _report) in results.items():
        critical = sum(summary.leaked_by_type[t] for t in NO_LEAK_TYPES)
        critical_gold = sum(summary.gold_by_type[t] for t in NO_LEAK_TYPES)
        lines.append(
            f"{set_name:<14}{labelled.kind:<9}{len(labelled.messages):>5}{sum(summary.gold_by_type.values()):>6}  "
            f"{system:<16}{_f(summary.precision):>6}{_f(summary.recall):>6}"
            f"{'-' if summary.leak is None else f'{summary.leak:.1%}':>7}  "
            f"{f'{critical} of {critical_gold}':<26}"
            f"{f'{summary.negatives_flagged}/{summary.negatives}':>12}"
            f"{f'{summary.clean_flagged}/{summary.clean_messages}':>15}"
        )
    lines += ["", "Leaked per type (of gold), default mode:"]
    header = f"{'set':<14}" + "".join(f"{t.replace('NO_', '')[:9]:>10}" for t in ENTITY_TYPES)
    lines.append(header)
    for (set_name, system), (_labelled, summary, _report) in results.items():
        if system != systems[0]:
            continue
        lines.append(
            f"{set_name:<14}"
            + "".join(f"{f'{summary.leaked_by_type[t]}/{summary.gold_by_type[t]}':>10}" for t in ENTITY_TYPES)
        )
    return "\n".join(lines)


def render_examples(results: dict[tuple[str, str], tuple[LabelledSet, Summary, Report]], limit: int) -> str:
    """Misses and false positives of the default mode, on development sets only."""
    lines: list[str] = []
    for (set_name, system), (labelled, _summary, report) in results.items():
        if labelled.kind != "dev" or system != f"ours-{MODES[0]}":
            continue
        lines += ["", f"Errors on development set {set_name} ({system}, up to {limit} per type and kind):"]
        lines += example_lines(report.examples, limit)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Anonymizer quality on held-out and development sets.")
    parser.add_argument("files", nargs="*", type=Path, help="JSON lines sets (default: all held-out and dev sets)")
    parser.add_argument("--examples", type=int, default=0, help="errors to print per type (development sets only)")
    parser.add_argument("--stock", action="store_true", help="also score stock Presidio")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--check", action="store_true", help="exit 1 when a held-out set misses a target")
    args = parser.parse_args(argv)

    sets = discover(args.files)
    if not sets:
        parser.error("no labelled sets found")
    systems: dict[str, System] = {}
    if args.stock:
        systems["stock"] = StockPresidio()  # first: see bench/pii_quality.py on class-name lookup
    for mode in MODES:
        systems[f"ours-{mode}"] = Ours(lang="auto", mode=mode)
    order = [f"ours-{mode}" for mode in MODES] + (["stock"] if args.stock else [])
    results: dict[tuple[str, str], tuple[LabelledSet, Summary, Report]] = {}
    for labelled in sets:
        for name in order:
            keep = args.examples if labelled.kind == "dev" else 0  # never show a held-out message
            report = evaluate(systems[name], labelled.messages, keep_examples=keep)
            results[(labelled.name, name)] = (labelled, Summary.of(report), report)
    failing = [
        f"{set_name}: {'; '.join(summary.failures())}"
        for (set_name, system), (labelled, summary, _) in results.items()
        if labelled.kind == "held-out" and system == order[0] and summary.failures()
    ]
    if args.json:
        out = {
            f"{set_name}/{system}": {"kind": labelled.kind, "messages": len(labelled.messages), **summary.to_json()}
            for (set_name, system), (labelled, summary, _) in results.items()
        }
        print(json.dumps(out, indent=2))
    else:
        print(render(results, order))
        if args.examples:
            print(render_examples(results, args.examples))
        print()
        if not any(labelled.kind == "held-out" for labelled in sets):
            verdict = "no held-out set in this run (targets apply to held-out sets only)"
        else:
            verdict = "FAIL: " + " | ".join(failing) if failing else "PASS (every held-out set meets the targets)"
        print("RESULT: " + verdict)
    return 1 if args.check and failing else 0


if __name__ == "__main__":
    sys.exit(main())
