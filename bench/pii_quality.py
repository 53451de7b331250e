"""Detection quality of our anonymizer against stock Presidio on the labelled corpus.

Why both in one run: a score alone says little; next to stock Presidio (default recognizers, blank
English pipeline, as a bank would get it out of the box without downloads) it shows what the Norwegian
configuration buys, on exactly the same messages.

Scoring rules (stated in the output too):

* Predictions are first pruned the way a redactor resolves them: a span contained in another
  (longer, or equal and higher-scoring) span is dropped.
* A prediction *hits* a gold span when it has the same type and the two overlap by at least one
  character. Recall = gold spans hit / gold spans; precision = predictions that hit / predictions.
  Stock Presidio's types are mapped to ours where they mean the same; everything else it reports is
  a false positive of type ``OTHER`` (counted in the micro precision).
* Leak: the gold value still appears verbatim (as a whole word) in the redacted text.
* Exposed: three or more letters/digits of the gold value (or all of them, if fewer; digits only for
  numbers) are covered by no prediction of any type, so they survive redaction even if the full
  value does not.
* Hard negatives: a labelled negative (amount, date, KID, ...) counts as flagged when any prediction
  overlaps it.

Usage: ``python -m bench.pii_quality [--corpus FILE] [--n 3000] [--seed 7] [--json] [--check]``
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bench.corpus import DEFAULT_N, DEFAULT_SEED, ENTITY_TYPES, NEGATIVE_KINDS, Message, Span, load_or_generate

#: Stock Presidio entity names that mean the same as ours.
STOCK_TYPE_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "IP_ADDRESS": "IP_ADDRESS",
}
OTHER = "OTHER"

#: Targets for our anonymizer (issue 2).
NO_LEAK_TYPES: tuple[str, ...] = (
    "NO_FODSELSNUMMER",
    "NO_KONTONUMMER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "EMAIL_ADDRESS",
)
RECALL_TARGETS: dict[str, float] = {"PHONE_NUMBER": 0.97, "NO_ORGNR": 0.97, "ADDRESS": 0.97, "PERSON": 0.95}
PRECISION_TARGET = 0.95


@dataclass(frozen=True, slots=True)
class Pred:
    """A predicted span in our type names (``OTHER`` for anything we do not have)."""

    type: str
    start: int
    end: int
    score: float = 1.0


class System(Protocol):
    """Something that finds and redacts personal data in one message."""

    name: str

    def process(self, text: str, lang: str) -> tuple[list[Pred], str]:
        """Predicted spans and the redacted text."""
        ...


# --- systems ----------------------------------------------------------------------------------------


class Ours:
    """Our anonymizer, through its public functions only (``analyze`` and ``redact``)."""

    name = "ours"

    def __init__(self, module: str = "anonymizer", lang: str | None = None, mode: str | None = None) -> None:
        mod = importlib.import_module(module)
        self._analyze: Callable[..., Sequence[Any]] = mod.analyze
        self._redact: Callable[..., str] = mod.redact
        self._lang = lang
        #: None: the anonymizer's default mode; passed only when set, so other modules need not know it.
        self._mode = {} if mode is None else {"mode": mode}
        if mode is not None:
            self.name = f"ours-{mode}"

    def process(self, text: str, lang: str) -> tuple[list[Pred], str]:
        use = self._lang or lang
        preds = [Pred(e.type, e.start, e.end, float(e.score)) for e in self._analyze(text, lang=use, **self._mode)]
        return preds, self._redact(text, lang=use, **self._mode)


def build_stock_presidio() -> tuple[Any, Any]:
    """Stock Presidio: default recognizers, a blank English spaCy pipeline, no network.

    tldextract (used by the e-mail recognizer) would fetch the public suffix list on first use; it is
    swapped for an extractor that uses the snapshot bundled with the package.
    """
    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_anonymizer import AnonymizerEngine

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # type: ignore[assignment]
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

    class BlankEnglish(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}  # type: ignore[assignment]

    nlp_engine = BlankEnglish(models=[{"lang_code": "en", "model_name": "blank"}])
    nlp_engine.load()
    anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"]), anonymizer


class StockPresidio:
    """Stock Presidio as a bank would get it without a language model: English only."""

    name = "stock"

    def __init__(self) -> None:
        self.analyzer, self.anonymizer = build_stock_presidio()

    def process(self, text: str, lang: str) -> tuple[list[Pred], str]:
        results = self.analyzer.analyze(text, language="en")
        preds = [Pred(STOCK_TYPE_MAP.get(r.entity_type, OTHER), r.start, r.end, r.score) for r in results]
        return preds, self.anonymizer.anonymize(text, results).text


# --- scoring ----------------------------------------------------------------------------------------


def prune(preds: Sequence[Pred]) -> list[Pred]:
    """Drop spans contained in an already kept one (longest first, then highest score)."""
    kept: list[Pred] = []
    for p in sorted(preds, key=lambda p: (-(p.end - p.start), -p.score, p.start)):
        if not any(k.start <= p.start and p.end <= k.end for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: (p.start, p.end))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def leaked(value: str, redacted: str) -> bool:
    """The value is still in the redacted text as a whole word (not inside a longer word)."""
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", redacted) is not None


#: Types whose identifying part is the digits ("NO" and "MVA" around an orgnr identify no one).
NUMERIC_TYPES = frozenset({"NO_FODSELSNUMMER", "NO_KONTONUMMER", "NO_ORGNR", "CREDIT_CARD", "PHONE_NUMBER"})


def exposed(text: str, gold: Span, preds: Sequence[Pred]) -> bool:
    """At least 3 letters/digits of the value (all, if it has fewer) are covered by no prediction.

    Only digits count for numeric types.
    """
    keep = str.isdigit if gold.type in NUMERIC_TYPES else str.isalnum
    positions = [i for i in range(gold.start, gold.end) if keep(text[i])]
    uncovered = sum(1 for i in positions if not any(p.start <= i < p.end for p in preds))
    return uncovered >= min(3, len(positions)) and uncovered > 0


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(slots=True)
class TypeScore:
    gold: int = 0
    pred: int = 0
    gold_hit: int = 0
    pred_hit: int = 0
    leaked: int = 0
    exposed: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.pred_hit, self.pred)

    @property
    def recall(self) -> float | None:
        return _ratio(self.gold_hit, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return 0.0 if (p == 0 or r == 0) else None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def leak_rate(self) -> float | None:
        return _ratio(self.leaked, self.gold)

    @property
    def exposed_rate(self) -> float | None:
        return _ratio(self.exposed, self.gold)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = asdict(self)
        out.update(
            precision=self.precision,
            recall=self.recall,
            f1=self.f1,
            leak_rate=self.leak_rate,
            exposed_rate=self.exposed_rate,
        )
        return out


@dataclass(slots=True)
class Example:
    kind: str  # "missed" or "false_positive"
    type: str
    value: str
    text: str
    predicted: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    system: str
    messages: int = 0
    seconds: float = 0.0
    per_type: dict[str, TypeScore] = field(default_factory=lambda: {t: TypeScore() for t in (*ENTITY_TYPES, OTHER)})
    negatives: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in NEGATIVE_KINDS})
    no_pii_messages: int = 0
    no_pii_flagged: int = 0
    #: name origin -> [gold PERSON spans, of which hit]
    person_by_origin: dict[str, list[int]] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)

    def micro(self) -> dict[str, float | None]:
        scores = self.per_type.values()
        total = TypeScore(
            gold=sum(s.gold for s in scores),
            pred=sum(s.pred for s in scores),
            gold_hit=sum(s.gold_hit for s in scores),
            pred_hit=sum(s.pred_hit for s in scores),
        )
        return {"precision": total.precision, "recall": total.recall, "f1": total.f1}

    def failures(self) -> list[str]:
        """The targets this report misses (empty means PASS)."""
        out: list[str] = []
        for t in NO_LEAK_TYPES:
            if self.per_type[t].leaked:
                out.append(f"{t} leaked {self.per_type[t].leaked}x (target: no leak)")
        for t, target in RECALL_TARGETS.items():
            r = self.per_type[t].recall
            if r is not None and r < target:
                out.append(f"{t} recall {r:.3f} < {target}")
        for t in ENTITY_TYPES:
            p = self.per_type[t].precision
            if p is not None and p < PRECISION_TARGET:
                out.append(f"{t} precision {p:.3f} < {PRECISION_TARGET}")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "messages": self.messages,
            "seconds": round(self.seconds, 2),
            "per_type": {t: s.to_json() for t, s in self.per_type.items()},
            "micro": self.micro(),
            "negatives": {k: {"n": v[0], "flagged": v[1]} for k, v in self.negatives.items()},
            "no_pii_messages": self.no_pii_messages,
            "no_pii_flagged": self.no_pii_flagged,
            "person_recall_by_origin": {
                o: {"n": v[0], "hit": v[1], "recall": _ratio(v[1], v[0])}
                for o, v in sorted(self.person_by_origin.items())
            },
            "failures": self.failures(),
            "examples": [asdict(e) for e in self.examples],
        }


def score_message(report: Report, msg: Message, raw: Sequence[Pred], redacted: str, keep_examples: int) -> None:
    """Add one message's outcome to the report."""
    preds = prune(raw)
    report.messages += 1
    for gold in msg.entities:
        s = report.per_type[gold.type]
        s.gold += 1
        hit = any(p.type == gold.type and _overlaps(p.start, p.end, gold.start, gold.end) for p in preds)
        s.gold_hit += hit
        if gold.type == "PERSON" and gold.origin:
            by_origin = report.person_by_origin.setdefault(gold.origin, [0, 0])
            by_origin[0] += 1
            by_origin[1] += hit
        value = msg.text[gold.start : gold.end]
        s.leaked += leaked(value, redacted)
        s.exposed += exposed(msg.text, gold, preds)
        if not hit and _count(report, "missed", gold.type) < keep_examples:
            shown = [f"{p.type}:{msg.text[p.start : p.end]}" for p in preds]
            report.examples.append(Example("missed", gold.type, value, msg.text, shown))
    for p in preds:
        s = report.per_type.setdefault(p.type, TypeScore())
        s.pred += 1
        hit = any(g.type == p.type and _overlaps(p.start, p.end, g.start, g.end) for g in msg.entities)
        s.pred_hit += hit
        if not hit and _count(report, "false_positive", p.type) < keep_examples:
            gold_here = [f"{g.type}:{msg.text[g.start : g.end]}" for g in msg.entities]
            report.examples.append(Example("false_positive", p.type, msg.text[p.start : p.end], msg.text, gold_here))
    for neg in msg.negatives:
        counts = report.negatives.setdefault(neg.kind, [0, 0])
        counts[0] += 1
        counts[1] += any(_overlaps(p.start, p.end, neg.start, neg.end) for p in preds)
    if not msg.entities:
        report.no_pii_messages += 1
        report.no_pii_flagged += bool(preds)


def _count(report: Report, kind: str, type_: str) -> int:
    return sum(1 for e in report.examples if e.kind == kind and e.type == type_)


def evaluate(system: System, corpus: Sequence[Message], keep_examples: int = 20) -> Report:
    report = Report(system.name)
    started = time.perf_counter()
    for msg in corpus:
        preds, redacted = system.process(msg.text, msg.lang)
        score_message(report, msg, preds, redacted, keep_examples)
    report.seconds = time.perf_counter() - started
    return report


# --- output -----------------------------------------------------------------------------------------


def _f(x: float | None, width: int = 5) -> str:
    return "-".rjust(width) if x is None else f"{x:.3f}".rjust(width)


def render(reports: Sequence[Report], corpus_desc: str, examples: int) -> str:
    lines = [
        f"Anonymizer quality: {corpus_desc}",
        "Rule: same type + overlap of >= 1 char is a hit; contained predictions pruned; leak = value still",
        "verbatim (whole word) in the redacted text; exp = >= 3 letters/digits of the value (digits only for",
        "numbers) covered by no prediction of any type.",
        "",
    ]
    head = f"{'type':<17}{'gold':>5} "
    sub = " " * 23
    for r in reports:
        head += f"| {r.system:<37}"
        sub += f"| {'P':>5} {'R':>5} {'F1':>5} {'pred':>5} {'leak':>5} {'exp':>5} "
    lines += [head, sub, "-" * len(sub)]
    for t in ENTITY_TYPES:
        row = f"{t:<17}{reports[0].per_type[t].gold:>5} "
        for r in reports:
            s = r.per_type[t]
            row += f"| {_f(s.precision)} {_f(s.recall)} {_f(s.f1)} {s.pred:>5} {_f(s.leak_rate)} {_f(s.exposed_rate)} "
        lines.append(row)
    row = f"{'OTHER (all FP)':<17}{'':>5} "
    for r in reports:
        row += f"| {'':>5} {'':>5} {'':>5} {r.per_type[OTHER].pred:>5} {'':>5} {'':>5} "
    lines.append(row)
    row = f"{'micro':<17}{sum(reports[0].per_type[t].gold for t in ENTITY_TYPES):>5} "
    for r in reports:
        m = r.micro()
        row += f"| {_f(m['precision'])} {_f(m['recall'])} {_f(m['f1'])} {'':>5} {'':>5} {'':>5} "
    lines += [row, ""]
    lines.append(f"{'hard negatives':<17}{'n':>5} " + "".join(f"| {r.system + ' flagged':<37}" for r in reports))
    kinds = [k for k in reports[0].negatives if reports[0].negatives[k][0]]
    for k in kinds:
        n = reports[0].negatives[k][0]
        lines.append(f"{k:<17}{n:>5} " + "".join(f"| {r.negatives[k][1]:<37}" for r in reports))
    total_n = sum(reports[0].negatives[k][0] for k in kinds)
    lines.append(
        f"{'all':<17}{total_n:>5} " + "".join(f"| {sum(v[1] for v in r.negatives.values()):<37}" for r in reports)
    )
    lines.append(
        f"{'msgs w/o PII hit':<17}{reports[0].no_pii_messages:>5} "
        + "".join(f"| {r.no_pii_flagged:<37}" for r in reports)
    )
    origins = sorted(reports[0].person_by_origin, key=lambda o: -reports[0].person_by_origin[o][0])
    if origins:
        lines += ["", f"{'PERSON by origin':<17}{'n':>5} " + "".join(f"| {r.system + ' recall':<37}" for r in reports)]
        for o in origins:
            n = reports[0].person_by_origin[o][0]
            cells = "".join(f"| {_f(_ratio(r.person_by_origin.get(o, [0, 0])[1], n)).strip():<37}" for r in reports)
            lines.append(f"{o:<17}{n:>5} {cells}")
    lines.append("")
    for r in reports:
        lines.append(f"{r.system}: {r.messages} messages in {r.seconds:.1f} s")
    for r in reports:
        if not r.system.startswith("ours") or not examples:
            continue
        lines += ["", f"Worst errors of {r.system} (up to {examples} per type and kind):"]
        ordered = sorted(
            r.examples, key=lambda e: (ENTITY_TYPES.index(e.type) if e.type in ENTITY_TYPES else 99, e.kind)
        )
        lines += example_lines(ordered, examples)
    return "\n".join(lines)


def example_lines(examples: Sequence[Example], limit: int) -> list[str]:
    """One line per miss or false positive, at most ``limit`` per (kind, type), in the given order."""
    lines: list[str] = []
    shown: dict[tuple[str, str], int] = {}
    for e in examples:
        key = (e.kind, e.type)
        if shown.get(key, 0) >= limit:
            continue
        shown[key] = shown.get(key, 0) + 1
        label = "pred" if e.kind == "missed" else "gold"
        extra = f"  [{label}: {', '.join(e.predicted)}]" if e.predicted else ""
        lines.append(f"  {e.kind:<14} {e.type:<16} {e.value!r} in {e.text!r}{extra}")
    return lines


def verdict(report: Report) -> str:
    failures = report.failures()
    if not failures:
        return f"RESULT ({report.system}): PASS (all targets met)"
    return f"RESULT ({report.system}): FAIL: " + "; ".join(failures)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Anonymizer quality against the labelled corpus.")
    parser.add_argument("--corpus", type=Path, help="JSON lines from bench.corpus (default: generate)")
    parser.add_argument("--n", type=int, default=DEFAULT_N)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--systems", default="ours,stock", help="comma-separated: ours, stock")
    parser.add_argument("--module", default="anonymizer", help="module providing analyze/redact")
    parser.add_argument("--lang", choices=("corpus", "auto"), default="corpus", help="language passed to ours")
    parser.add_argument("--mode", choices=("strict", "balanced"), help="anonymizer mode (default: its own default)")
    parser.add_argument("--examples", type=int, default=4, help="errors of ours to print per type")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--check", action="store_true", help="exit 1 when ours misses a target")
    args = parser.parse_args(argv)

    corpus = load_or_generate(args.corpus, args.n, args.seed)
    desc = f"{len(corpus)} messages from {args.corpus}" if args.corpus else f"{len(corpus)} messages, seed {args.seed}"
    names = args.systems.split(",")
    if unknown := set(names) - {"ours", "stock"}:
        parser.error(f"unknown system(s) {sorted(unknown)}")
    # Stock first: Presidio's default registry finds recognizer classes by class name among all loaded
    # subclasses, so once ours is imported a same-named class of ours could be picked up instead.
    built: dict[str, System] = {}
    if "stock" in names:
        built["stock"] = StockPresidio()
    if "ours" in names:
        built["ours"] = Ours(args.module, None if args.lang == "corpus" else "auto", args.mode)
    reports = [evaluate(built[name], corpus) for name in names]
    ours = next((r for r in reports if r.system.startswith("ours")), None)
    if args.json:
        print(json.dumps({"corpus": desc, "reports": [r.to_json() for r in reports]}, ensure_ascii=False, indent=2))
    else:
        print(render(reports, desc, args.examples))
        if ours is not None:
            print("\n" + verdict(ours))
    if args.check and ours is not None and ours.failures():
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
