"""Throughput, cold start and memory of our anonymizer against stock Presidio, on one core.

Why one core: the gateway sizes its anonymizer workers per core, so messages/second *per core* is the
figure that capacity planning needs, and pinning keeps the number comparable on a shared machine.
Cold start and peak RSS are measured in a fresh subprocess (interpreter start + import + engine build
+ first call), because a worker process pays exactly that on every (re)start; measuring in-process
after imports would hide most of it.

The messages are typical chat lines from the corpus generator (its usual mix of languages, PII and
hard negatives), 45-110 characters, about 60 on average. Batches hold messages of one language, as
the gateway sends them.

Usage: ``python -m bench.pii_speed [--quick] [--json] [--cpu 0]``
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

TARGET_MSGS_PER_S = 3000.0
TARGET_COLD_START_S = 2.0
TARGET_RSS_MB = 300.0
FIRST_TEXT = "Hei, jeg heter Kari Nordmann og kontonummeret mitt er 1234.56.78903"


@dataclass(frozen=True, slots=True)
class Unit:
    """A batch-sized slice of the workload; all messages in one language."""

    lang: str
    texts: tuple[str, ...]


def pin_to_one_core(cpu: int) -> str:
    """Run this process (and the subprocesses it starts) on one core only."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    os.sched_setaffinity(0, {cpu})
    return f"pinned to cpu {cpu}"


def typical_messages(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """``n`` (text, lang) pairs of 45-110 characters (about 60 on average) from the corpus mix."""
    from bench.corpus import make_message

    out: list[tuple[str, str]] = []
    i = 0
    while len(out) < n:
        msg = make_message(seed, i)
        i += 1
        if 45 <= len(msg.text) <= 110:
            out.append((msg.text, msg.lang))
    return out


def units(messages: Sequence[tuple[str, str]], batch: int) -> list[Unit]:
    by_lang: dict[str, list[str]] = {}
    for text, lang in messages:
        by_lang.setdefault(lang, []).append(text)
    return [
        Unit(lang, tuple(texts[i : i + batch]))
        for lang, texts in sorted(by_lang.items())
        for i in range(0, len(texts), batch)
    ]


def throughput(work: Callable[[Unit], object], todo: Sequence[Unit], seconds: float, repeats: int) -> float:
    """Median messages/second over ``repeats`` runs of at least ``seconds`` each (after a warm-up)."""
    for unit in todo[:2]:
        work(unit)
    rates: list[float] = []
    for _ in range(repeats):
        done, i = 0, 0
        started = time.perf_counter()
        while True:
            unit = todo[i % len(todo)]
            work(unit)
            done += len(unit.texts)
            i += 1
            elapsed = time.perf_counter() - started
            if elapsed >= seconds and i >= len(todo) // 4:
                break
        rates.append(done / elapsed)
    return statistics.median(rates)


# --- the two systems' workloads ---------------------------------------------------------------------

Modes = dict[str, Callable[[Unit], object]]


def ours_modes(module: str) -> Modes:
    mod: Any = importlib.import_module(module)
    return {
        "analyze": lambda u: [mod.analyze(t, u.lang) for t in u.texts],
        "redact": lambda u: [mod.redact(t, u.lang) for t in u.texts],
        "analyze_batch": lambda u: mod.analyze_batch(u.texts, u.lang),
        "redact_batch": lambda u: mod.redact_batch(u.texts, u.lang),
    }


def stock_modes(batch: int) -> Modes:
    from presidio_analyzer import BatchAnalyzerEngine

    from bench.pii_quality import build_stock_presidio

    analyzer, anonymizer = build_stock_presidio()
    batch_engine = BatchAnalyzerEngine(analyzer_engine=analyzer)

    def analyze_batch(u: Unit) -> list[Any]:
        return list(batch_engine.analyze_iterator(list(u.texts), language="en", batch_size=batch))

    def redact_batch(u: Unit) -> list[str]:
        found = analyze_batch(u)
        return [anonymizer.anonymize(t, r).text for t, r in zip(u.texts, found, strict=True)]

    return {
        "analyze": lambda u: [analyzer.analyze(t, language="en") for t in u.texts],
        "redact": lambda u: [anonymizer.anonymize(t, analyzer.analyze(t, language="en")).text for t in u.texts],
        "analyze_batch": analyze_batch,
        "redact_batch": redact_batch,
    }


# --- cold start in a subprocess ---------------------------------------------------------------------


def child(system: str, module: str) -> None:
    """Runs in the fresh subprocess: time import, build and first call, then the workload for RSS."""
    t0 = time.perf_counter()
    first: Callable[[str, str], object]
    every: Callable[[str, str], object]
    if system == "ours":
        mod: Any = importlib.import_module(module)
        t1 = time.perf_counter()
        if hasattr(mod, "get_anonymizer"):
            mod.get_anonymizer()
        t2 = time.perf_counter()
        first = mod.redact

        def every(text: str, lang: str) -> object:
            return (mod.analyze(text, lang), mod.redact(text, lang))
    else:
        from bench.pii_quality import build_stock_presidio

        t1 = time.perf_counter()
        analyzer, anonymizer = build_stock_presidio()
        t2 = time.perf_counter()

        def first(text: str, lang: str) -> object:
            return anonymizer.anonymize(text, analyzer.analyze(text, language="en")).text

        def every(text: str, lang: str) -> object:
            return (analyzer.analyze(text, language="en"), first(text, lang))

    first(FIRST_TEXT, "nb")
    t3 = time.perf_counter()
    first_result_at = time.time()
    for text, lang in json.load(sys.stdin):
        every(text, lang)
    print(
        json.dumps(
            {
                "import_s": t1 - t0,
                "build_s": t2 - t1,
                "first_call_s": t3 - t2,
                "first_result_at": first_result_at,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


@dataclass(slots=True)
class Cold:
    cold_start_s: float
    import_s: float
    build_s: float
    first_call_s: float
    rss_mb: float


def cold_start(system: str, module: str, messages: Sequence[tuple[str, str]], repeats: int) -> Cold:
    """Median over ``repeats`` fresh subprocesses; RSS is the largest seen."""
    runs: list[dict[str, float]] = []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    for _ in range(repeats):
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-m", "bench.pii_speed", "--child", system, "--module", module],
            input=json.dumps(list(messages)),
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=True,
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        row["cold_start_s"] = row["first_result_at"] - started
        runs.append(row)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    return Cold(
        med("cold_start_s"), med("import_s"), med("build_s"), med("first_call_s"), max(r["rss_mb"] for r in runs)
    )


# --- report -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Result:
    system: str
    msgs_per_s: dict[str, float] = field(default_factory=dict)
    cold: Cold | None = None


def failures(ours: Result) -> list[str]:
    out = [
        f"{mode} {rate:,.0f} msgs/s < {TARGET_MSGS_PER_S:,.0f}"
        for mode, rate in ours.msgs_per_s.items()
        if rate < TARGET_MSGS_PER_S
    ]
    if ours.cold is not None:
        if ours.cold.cold_start_s >= TARGET_COLD_START_S:
            out.append(f"cold start {ours.cold.cold_start_s:.2f} s >= {TARGET_COLD_START_S} s")
        if ours.cold.rss_mb >= TARGET_RSS_MB:
            out.append(f"peak RSS {ours.cold.rss_mb:.0f} MB >= {TARGET_RSS_MB:.0f} MB")
    return out


def render(results: Sequence[Result], header: str) -> str:
    by = {r.system: r for r in results}
    names = [r.system for r in results]
    lines = [header, "", f"{'':<22}" + "".join(f"{n:>14}" for n in names) + ("    ours/stock" if len(by) == 2 else "")]
    for mode in results[0].msgs_per_s:
        row = f"{mode + ' (msgs/s)':<22}" + "".join(f"{by[n].msgs_per_s.get(mode, 0):>14,.0f}" for n in names)
        if "ours" in by and "stock" in by and by["stock"].msgs_per_s.get(mode):
            row += f"{by['ours'].msgs_per_s[mode] / by['stock'].msgs_per_s[mode]:>13.1f}x"
        lines.append(row)
    colds = [(n, by[n].cold) for n in names]
    if all(c is not None for _, c in colds):
        for label, key in (
            ("cold start (s)", "cold_start_s"),
            ("  import (s)", "import_s"),
            ("  build (s)", "build_s"),
            ("  first call (s)", "first_call_s"),
            ("peak RSS (MB)", "rss_mb"),
        ):
            lines.append(f"{label:<22}" + "".join(f"{getattr(c, key):>14.2f}" for _, c in colds))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Anonymizer speed on one core, ours against stock Presidio.")
    parser.add_argument("--quick", action="store_true", help="smoke run: short timings, one cold start")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--check", action="store_true", help="exit 1 when ours misses a target")
    parser.add_argument("--systems", default="ours,stock")
    parser.add_argument("--module", default="anonymizer")
    parser.add_argument("--cpu", type=int, default=0, help="core to pin to")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--messages", type=int, default=512)
    parser.add_argument("--seconds", type=float, default=1.5, help="per timing run")
    parser.add_argument("--repeats", type=int, default=3, help="timing runs per mode (median)")
    parser.add_argument("--child", choices=("ours", "stock"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.module)
        return 0
    if args.quick:
        args.seconds, args.repeats, args.messages = 0.3, 1, 128
    pinned = pin_to_one_core(args.cpu)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    messages = typical_messages(args.messages)
    todo = units(messages, args.batch)
    mean_chars = sum(len(t) for t, _ in messages) / len(messages)
    langs = {lang: sum(1 for _, m in messages if m == lang) for lang in sorted({m for _, m in messages})}
    names = args.systems.split(",")
    if unknown := set(names) - {"ours", "stock"}:
        parser.error(f"unknown system(s) {sorted(unknown)}")
    by_name: dict[str, Result] = {}
    # Stock first: Presidio's default registry finds recognizer classes by class name among all loaded
    # subclasses, so once ours is imported a same-named class of ours could be picked up instead.
    for system in sorted(names, key=lambda n: n != "stock"):
        result = Result(system)
        result.cold = cold_start(system, args.module, messages, 1 if args.quick else 3)
        modes = ours_modes(args.module) if system == "ours" else stock_modes(args.batch)
        for mode, work in modes.items():
            result.msgs_per_s[mode] = throughput(work, todo, args.seconds, args.repeats)
        by_name[system] = result
    results = [by_name[n] for n in names]
    header = (
        f"Anonymizer speed: {len(messages)} messages, mean {mean_chars:.0f} chars, langs {langs}, "
        f"batch {args.batch}; {pinned}; Python {sys.version.split()[0]}; {os.cpu_count()} cores; "
        f"1-min load at start {load:.2f}"
    )
    ours = next((r for r in results if r.system == "ours"), None)
    if args.json:
        payload = {
            "header": header,
            "results": [
                {"system": r.system, "msgs_per_s": r.msgs_per_s, "cold": None if r.cold is None else vars_of(r.cold)}
                for r in results
            ],
            "failures": failures(ours) if ours else None,
        }
        print(json.dumps(payload, indent=2))
    else:
        print(render(results, header))
        if ours is not None:
            fails = failures(ours)
            print("\nTargets (ours): >= 3,000 msgs/s per core in every mode, cold start < 2 s, peak RSS < 300 MB")
            print("RESULT (ours): PASS" if not fails else "RESULT (ours): FAIL: " + "; ".join(fails))
    return 1 if args.check and ours is not None and failures(ours) else 0


def vars_of(cold: Cold) -> dict[str, float]:
    return {k: round(v, 3) for k, v in asdict(cold).items()}


if __name__ == "__main__":
    sys.exit(main())
