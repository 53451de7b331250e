"""The topic model (chat/topics.py) on labelled chat sessions written by others: per-topic precision/recall.

Two kinds of set, as for the anonymizer: a **development** set (``bench/data/topics/topics_dev.jsonl``)
that the phrase lists were tuned on, and a **held-out** set (``tests/data/topics/topics_heldout.jsonl``)
written by another writer and never read while tuning: only its scores are printed, never its sessions.
Each session's customer messages are first redacted by the anonymizer (strict mode), exactly as the
gateway stores an anonymous chat, then classified.

Usage: ``python -m bench.topics [--examples N] [--check]``; ``--examples`` prints misclassified
*development* sessions; ``--check`` exits 1 if held-out accuracy falls under its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chat.topics import TopicModel

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "bench" / "data" / "topics" / "topics_dev.jsonl"
HELDOUT = ROOT / "tests" / "data" / "topics" / "topics_heldout.jsonl"
#: Held-out accuracy under which ``--check`` fails (tests/test_topics_heldout.py uses it too).
HELDOUT_FLOOR = 0.75


@dataclass
class Scores:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    misses: list[tuple[str, str, str, list[str]]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.confusion.values())

    @property
    def accuracy(self) -> float:
        right = sum(n for (gold, got), n in self.confusion.items() if gold == got)
        return right / self.total if self.total else 0.0

    def per_topic(self, topic: str) -> tuple[float, float, int]:
        tp = self.confusion[topic, topic]
        predicted = sum(n for (_, got), n in self.confusion.items() if got == topic)
        gold = sum(n for (g, _), n in self.confusion.items() if g == topic)
        return (tp / predicted if predicted else 0.0, tp / gold if gold else 0.0, gold)


def sessions(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def score(path: Path, model: TopicModel, redact: Any) -> Scores:
    out = Scores()
    for s in sessions(path):
        texts = [redact(m["text"]) for m in s["messages"] if m.get("from") == "customer"]
        got = model.classify(texts).topic
        out.confusion[s["topic"], got] += 1
        if got != s["topic"]:
            out.misses.append((s["id"], s["topic"], got, texts))
    return out


def report(name: str, scores: Scores, model: TopicModel) -> str:
    lines = [f"{name}: {scores.total} sessions, accuracy {scores.accuracy:.3f}",
             f"  {'topic':20} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for topic in model.names:
        p, r, n = scores.per_topic(topic)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"  {topic:20} {p:6.3f} {r:6.3f} {f1:6.3f} {n:5d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=0, help="print N misclassified development sessions")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if held-out accuracy < {HELDOUT_FLOOR}")
    args = parser.parse_args(argv)
    from anonymizer import Anonymizer

    anonymizer = Anonymizer(mode="strict")
    model = TopicModel.load()
    results: dict[str, Scores] = {}
    for name, path in (("development", DEV), ("held-out", HELDOUT)):
        if path.exists():
            results[name] = score(path, model, anonymizer.redact)
            print(report(f"{name} ({path.relative_to(ROOT)})", results[name], model))
    if args.examples and "development" in results:
        print("\nmisclassified development sessions (gold -> predicted):")
        for sid, gold, got, texts in results["development"].misses[: args.examples]:
            print(f"  {sid}: {gold} -> {got}: {' | '.join(texts)[:200]!r}")
    held = results.get("held-out")
    if args.check and (held is None or held.accuracy < HELDOUT_FLOOR):
        print(f"FAIL: held-out accuracy below {HELDOUT_FLOOR}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
