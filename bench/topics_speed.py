"""How long the topic model takes on a long chat: its word index against the literal definition (one
regex scan of the text per cue, which is how it ran until the outside audit found an instance blocked
5.9 s by one 300-message chat). Both in the same run, on the same texts, with the same scores checked.

The texts are the development set's customer messages (bench/data/topics), joined and cut into messages
of ``--chars`` characters: realistic words, realistic cue density.

Usage: ``python -m bench.topics_speed [--messages 300] [--chars 1900] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from bench.topics import DEV, sessions
from chat.topics import TopicModel


def long_chat(messages: int, chars: int) -> list[str]:
    words = " ".join(m["text"] for s in sessions(DEV) for m in s["messages"] if m.get("from") == "customer")
    while len(words) < messages * chars:
        words += " " + words
    return [words[i * chars : (i + 1) * chars] for i in range(messages)]


def best_of(repeat: int, run: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--chars", type=int, default=1900)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    model = TopicModel.load()
    cues = sum(len(t.cues) for t in model.topics)
    print(f"topic model: {cues} cues; chat: {args.messages} customer messages x {args.chars} characters")
    for n in sorted({1, 30, args.messages}):
        texts = long_chat(n, args.chars)
        if model.classify(texts).scores != model.scores_by_scan(texts):
            print("FAIL: the index and the definition disagree")
            return 1
        index = best_of(args.repeat, partial(model.classify, texts))
        scan = best_of(args.repeat, partial(model.scores_by_scan, texts))
        print(
            f"  {n:4d} messages: index {index * 1e3:8.1f} ms, scan per cue {scan * 1e3:8.1f} ms, "
            f"{scan / index:5.1f}x (best of {args.repeat})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
