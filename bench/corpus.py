"""A labelled evaluation corpus of Norwegian and English bank customer-service chat.

Why a generator and not a fixed file: real chat logs are personal data we may not keep for testing, and
a fixed handful of examples is quickly over-fitted. A seeded generator gives thousands of messages whose
labels are right *by construction*: every message is assembled from literal pieces and value pieces, and
the offsets of the value pieces are recorded while the text is joined, so a label can never drift from
its substring. Noise (typos, lower case, missing punctuation, emoji) is applied to the literal pieces
only, so the personal data itself stays exactly what was labelled.

The name, street and domain lists below are this module's own and deliberately wider than any
gazetteer the anonymizer ships (rare farm names, immigrant-origin names, names with diacritics), so that
scores say how the anonymizer does on the real population of a Norwegian bank's customers.

Row format (JSON lines)::

    {"id": "m00042", "lang": "nb", "category": "pii", "text": "...",
     "entities": [{"type": "PERSON", "start": 10, "end": 21}],
     "negatives": [{"kind": "AMOUNT", "start": 30, "end": 41}]}

Offsets are Python string indices (Unicode code points), ``text[start:end]`` is the value. ``negatives``
are labelled hard negatives (amounts, dates, KIDs, ...) that must *not* be flagged; ``category`` is
``pii`` (at least one entity), ``negative`` (hard negatives only) or ``clean``.

Usage: ``python -m bench.corpus --n 3000 --seed 7 --out corpus.jsonl``
"""

from __future__ import annotations

import argparse
import json
import re
import string
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

from bench.corpus_numbers import (
    fmt_card,
    fmt_fodselsnummer,
    fmt_iban,
    fmt_kontonummer,
    fmt_orgnr,
    make_amount,
    make_bad11,
    make_card,
    make_case,
    make_date,
    make_fodselsnummer,
    make_iban,
    make_invoice,
    make_ip,
    make_kid,
    make_kontonummer,
    make_order,
    make_orgnr,
    make_percent,
    make_phone_intl,
    make_phone_no,
    make_time,
    random_digits,
)
from bench.corpus_people import Person, make_address_en, make_address_nb, make_email, make_person, name_form, weighted
from bench.corpus_templates import TEMPLATES

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "NO_FODSELSNUMMER",
    "NO_KONTONUMMER",
    "NO_ORGNR",
    "IBAN_CODE",
    "CREDIT_CARD",
    "ADDRESS",
    "IP_ADDRESS",
)

NEGATIVE_KINDS: tuple[str, ...] = (
    "AMOUNT",
    "DATE",
    "TIME",
    "KID",
    "INVOICE",
    "CASE",
    "BAD_CHECKSUM",
    "LAST4",
    "ORDER",
    "PERCENT",
    "YEAR",
    "WORD",
)

DEFAULT_N = 3000
DEFAULT_SEED = 7

# --- record types -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled entity: ``text[start:end]`` is personal data of ``type``.

    ``origin`` says which name list a PERSON came from (``constructed``: built from syllables, mostly
    in no list), so that recall can be reported per origin.
    """

    type: str
    start: int
    end: int
    origin: str | None = None

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"type": self.type, "start": self.start, "end": self.end}
        if self.origin is not None:
            row["origin"] = self.origin
        return row


@dataclass(frozen=True, slots=True)
class Negative:
    """A labelled hard negative: ``text[start:end]`` looks like data but must not be flagged."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message with its gold labels."""

    id: str
    lang: str
    category: str
    text: str
    entities: tuple[Span, ...] = ()
    negatives: tuple[Negative, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "category": self.category,
            "text": self.text,
            "entities": [s.to_json() for s in self.entities],
            "negatives": [{"kind": n.kind, "start": n.start, "end": n.end} for n in self.negatives],
        }

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Message:
        return cls(
            id=str(row["id"]),
            lang=str(row.get("lang", "nb")),
            category=str(row.get("category", "pii" if row.get("entities") else "clean")),
            text=str(row["text"]),
            entities=tuple(
                Span(e["type"], int(e["start"]), int(e["end"]), e.get("origin")) for e in row.get("entities", [])
            ),
            negatives=tuple(Negative(n["kind"], int(n["start"]), int(n["end"])) for n in row.get("negatives", [])),
        )


# --- message assembly -------------------------------------------------------------------------------

#: How often each PII focus is drawn for a ``pii`` message (weights).
# fmt: off
_PII_FOCUS: dict[str, float] = {
    "PERSON": 26, "EMAIL_ADDRESS": 7, "PHONE_NUMBER": 10, "NO_FODSELSNUMMER": 8, "NO_KONTONUMMER": 9,
    "NO_ORGNR": 6, "IBAN_CODE": 6, "CREDIT_CARD": 7, "ADDRESS": 9, "IP_ADDRESS": 4, "MULTI": 14,
}
# fmt: on
_CATEGORY_WEIGHTS: dict[str, float] = {"pii": 63, "negative": 17, "clean": 20}
_LANG_WEIGHTS: dict[str, float] = {"nb": 65, "en": 35}
_EMOJI = ("🙂", "😊", "🙏", "👍", "😅", "😡", "🤔", "❤️", "👍🏻")


@dataclass(slots=True)
class _Piece:
    text: str
    entity: str | None = None
    negative: str | None = None
    origin: str | None = None


@dataclass(slots=True)
class _Ctx:
    rng: Random
    lang: str
    person: Person | None = None
    other: Person | None = None
    lower_names: bool = False
    pieces: list[_Piece] = field(default_factory=list)

    def main_person(self) -> Person:
        if self.person is None:
            self.person = make_person(self.rng, self.lang)
        return self.person


def _fnr_value(ctx: _Ctx) -> str:
    kind = ctx.rng.choices(("f", "d", "syn"), weights=(75, 18, 7))[0]
    return fmt_fodselsnummer(ctx.rng, make_fodselsnummer(ctx.rng, kind))


def _other_value(ctx: _Ctx) -> str:
    if ctx.other is None:
        ctx.other = make_person(ctx.rng, ctx.lang)
    return name_form(ctx.rng, ctx.other)


#: slot -> (entity type, negative kind, factory)
_SLOTS: dict[str, tuple[str | None, str | None, Callable[[_Ctx], str]]] = {
    "name": ("PERSON", None, lambda c: name_form(c.rng, c.main_person())),
    "first": ("PERSON", None, lambda c: c.main_person().first),
    "full": ("PERSON", None, lambda c: c.main_person().full),
    "other": ("PERSON", None, _other_value),
    "email": ("EMAIL_ADDRESS", None, lambda c: make_email(c.rng, c.main_person())),
    "phone": ("PHONE_NUMBER", None, lambda c: make_phone_no(c.rng)),
    "phone_intl": ("PHONE_NUMBER", None, lambda c: make_phone_intl(c.rng)),
    "fnr": ("NO_FODSELSNUMMER", None, _fnr_value),
    "konto": ("NO_KONTONUMMER", None, lambda c: fmt_kontonummer(c.rng, make_kontonummer(c.rng))),
    "orgnr": ("NO_ORGNR", None, lambda c: fmt_orgnr(c.rng, make_orgnr(c.rng))),
    "iban": ("IBAN_CODE", None, lambda c: fmt_iban(c.rng, make_iban(c.rng))),
    "card": ("CREDIT_CARD", None, lambda c: fmt_card(c.rng, make_card(c.rng))),
    "address": (
        "ADDRESS",
        None,
        lambda c: make_address_nb(c.rng) if c.lang == "nb" or c.rng.random() < 0.3 else make_address_en(c.rng),
    ),
    "address_nb": ("ADDRESS", None, lambda c: make_address_nb(c.rng)),
    "ip": ("IP_ADDRESS", None, lambda c: make_ip(c.rng)),
    "amount": (None, "AMOUNT", lambda c: make_amount(c.rng, c.lang)),
    "date": (None, "DATE", lambda c: make_date(c.rng, c.lang)),
    "time": (None, "TIME", lambda c: make_time(c.rng, c.lang)),
    "kid": (None, "KID", lambda c: make_kid(c.rng)),
    "invoice": (None, "INVOICE", lambda c: make_invoice(c.rng)),
    "case": (None, "CASE", lambda c: make_case(c.rng)),
    "bad11": (None, "BAD_CHECKSUM", lambda c: make_bad11(c.rng)),
    "last4": (None, "LAST4", lambda c: random_digits(c.rng, 4)),
    "order": (None, "ORDER", lambda c: make_order(c.rng)),
    "pct": (None, "PERCENT", lambda c: make_percent(c.rng, c.lang)),
    "year": (None, "YEAR", lambda c: str(c.rng.randrange(1985, 2026))),
}

_FORMATTER = string.Formatter()


def fill(template: str, ctx: _Ctx) -> list[_Piece]:
    """Turn a template into literal and value pieces (offsets are computed only when joining)."""
    pieces: list[_Piece] = []
    for literal, slot, spec, _conv in _FORMATTER.parse(template):
        if literal:
            pieces.append(_Piece(literal))
        if slot is None:
            continue
        if slot == "w":
            pieces.append(_Piece(spec or "", negative="WORD"))
            continue
        entity, negative, factory = _SLOTS[slot]
        value = factory(ctx)
        origin: str | None = None
        if entity == "PERSON":
            person = ctx.other if slot == "other" else ctx.main_person()
            origin = person.origin if person is not None else None
            if ctx.lower_names:
                value = value.lower()
        pieces.append(_Piece(value, entity=entity, negative=negative, origin=origin))
    return pieces


_WORD = re.compile(r"[^\W\d_]{4,}")


def _typo(rng: Random, text: str) -> str:
    words = list(_WORD.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    word = m.group()
    i = rng.randrange(1, len(word) - 1)
    broken = word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i] + word[i:]
    return text[: m.start()] + broken + text[m.end() :]


def add_noise(rng: Random, pieces: list[_Piece], *, lower: bool, typos: int, drop_punct: bool) -> None:
    """Noise on literal pieces only, so that labelled values stay exactly what they were."""
    literal = [p for p in pieces if p.entity is None and p.negative is None]
    if lower:
        for p in pieces:
            if p.entity in (None, "EMAIL_ADDRESS", "ADDRESS") or p.negative == "WORD":
                p.text = p.text.lower()
    for _ in range(typos):
        candidates = [p for p in literal if _WORD.search(p.text)]
        if candidates:
            p = rng.choice(candidates)
            p.text = _typo(rng, p.text)
    if drop_punct:
        for p in literal:
            p.text = re.sub(r"[.,!?:;](?=\s|$)", "", p.text)


def assemble(pieces: Sequence[_Piece]) -> tuple[str, tuple[Span, ...], tuple[Negative, ...]]:
    """Join pieces, recording the offsets of value pieces as they are laid down."""
    parts: list[str] = []
    spans: list[Span] = []
    negatives: list[Negative] = []
    pos = 0
    for p in pieces:
        end = pos + len(p.text)
        if p.entity is not None:
            spans.append(Span(p.entity, pos, end, p.origin))
        elif p.negative is not None:
            negatives.append(Negative(p.negative, pos, end))
        parts.append(p.text)
        pos = end
    return "".join(parts), tuple(spans), tuple(negatives)


def _one(rng: Random, lang: str, category: str, lower_names: bool) -> list[_Piece]:
    pool = TEMPLATES[lang]
    key = weighted(rng, _PII_FOCUS) if category == "pii" else category
    ctx = _Ctx(rng, lang, lower_names=lower_names)
    return fill(rng.choice(pool[key]), ctx)


def make_message(seed: int, index: int) -> Message:
    """Message ``index`` of the corpus for ``seed``; independent of how many messages are made."""
    rng = Random(f"chatlog-corpus:{seed}:{index}")
    lang = weighted(rng, _LANG_WEIGHTS)
    category = weighted(rng, _CATEGORY_WEIGHTS)
    lower = rng.random() < 0.12
    lower_names = lower and rng.random() < 0.5
    pieces = _one(rng, lang, category, lower_names)
    if rng.random() < 0.06:  # a long message: several thoughts in one go
        for _ in range(rng.randrange(2, 5)):
            extra = weighted(rng, _CATEGORY_WEIGHTS)
            pieces.append(_Piece(rng.choice((" ", " ", "\n", " Og en ting til: " if lang == "nb" else " Also, "))))
            pieces.extend(_one(rng, lang, extra, lower_names))
    typos = rng.choice((1, 1, 2)) if rng.random() < 0.15 else 0
    add_noise(rng, pieces, lower=lower, typos=typos, drop_punct=rng.random() < 0.2)
    if rng.random() < 0.08:
        emoji = rng.choice(_EMOJI)
        if rng.random() < 0.7:
            pieces.append(_Piece(" " + emoji))
        else:
            pieces.insert(0, _Piece(emoji + " "))
    text, spans, negatives = assemble(pieces)
    category = "pii" if spans else ("negative" if negatives else "clean")
    return Message(f"m{index:05d}", lang, category, text, spans, negatives)


def generate(n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[Message]:
    return [make_message(seed, i) for i in range(n)]


def iter_jsonl(path: Path) -> Iterator[Message]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Message.from_json(json.loads(line))


def load_or_generate(path: Path | None, n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[Message]:
    return list(iter_jsonl(path)) if path is not None else generate(n, seed)


def summary(messages: Sequence[Message]) -> dict[str, Any]:
    """Counts that say what a corpus contains (printed by ``--stats``)."""
    return {
        "messages": len(messages),
        "by_lang": dict(sorted(Counter(m.lang for m in messages).items())),
        "by_category": dict(sorted(Counter(m.category for m in messages).items())),
        "entities": dict(sorted(Counter(s.type for m in messages for s in m.entities).items())),
        "negatives": dict(sorted(Counter(x.kind for m in messages for x in m.negatives).items())),
        "mean_chars": round(sum(len(m.text) for m in messages) / max(1, len(messages)), 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="number of messages")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="write JSON lines here instead of stdout")
    parser.add_argument("--stats", action="store_true", help="print a summary to stderr")
    args = parser.parse_args(argv)
    messages = generate(args.n, args.seed)
    lines = "".join(json.dumps(m.to_json(), ensure_ascii=False) + "\n" for m in messages)
    if args.out:
        args.out.write_text(lines, encoding="utf-8")
    else:
        sys.stdout.write(lines)
    if args.stats:
        print(json.dumps(summary(messages), ensure_ascii=False, indent=2), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
