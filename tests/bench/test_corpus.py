"""The corpus generator's own tests: labels, checksums, determinism; and the quality scorer's rules."""

from __future__ import annotations

import ipaddress
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from random import Random

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.no import fodselsnummer, kontonr, orgnr

from bench import corpus, corpus_numbers, corpus_people
from bench.corpus import ENTITY_TYPES, NEGATIVE_KINDS, Message, Negative, Span
from bench.pii_quality import Pred, Report, evaluate, exposed, leaked, prune, score_message
from bench.pii_speed import Cold, typical_messages, units
from bench.pii_speed import Result as SpeedResult
from bench.pii_speed import failures as speed_failures

N = 1500


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return corpus.generate(N, seed=11)


def _values(messages: list[Message], type_: str) -> list[str]:
    return [m.text[s.start : s.end] for m in messages for s in m.entities if s.type == type_]


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


# --- labels point at the right substrings -----------------------------------------------------------


def test_spans_are_inside_the_text_trimmed_and_disjoint(messages: list[Message]) -> None:
    for m in messages:
        spans = sorted([(s.start, s.end) for s in m.entities] + [(n.start, n.end) for n in m.negatives])
        for start, end in spans:
            value = m.text[start:end]
            assert 0 <= start < end <= len(m.text), m
            assert value == value.strip(), m
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, m


def test_every_type_and_negative_kind_occurs(messages: list[Message]) -> None:
    types = Counter(s.type for m in messages for s in m.entities)
    kinds = Counter(n.kind for m in messages for n in m.negatives)
    assert set(types) == set(ENTITY_TYPES)
    assert set(kinds) == set(NEGATIVE_KINDS)
    assert all(types[t] >= 20 for t in ENTITY_TYPES), types


def test_share_without_pii_and_languages(messages: list[Message]) -> None:
    no_pii = sum(1 for m in messages if not m.entities) / len(messages)
    assert 0.30 <= no_pii <= 0.42
    langs = Counter(m.lang for m in messages)
    assert langs["nb"] > langs["en"] > 0.2 * len(messages)
    assert {m.category for m in messages} == {"pii", "negative", "clean"}
    for m in messages:
        assert (m.category == "pii") == bool(m.entities)


def test_fodselsnummer_labels_have_valid_check_digits(messages: list[Message]) -> None:
    kinds: Counter[str] = Counter()
    for value in _values(messages, "NO_FODSELSNUMMER"):
        number = _digits(value)
        assert corpus_numbers.fodselsnummer_checks(number), value
        day, month = int(number[:2]), int(number[2:4])
        if month > 80:
            kinds["synthetic"] += 1
            assert not fodselsnummer.is_valid(number)
        else:
            kinds["d" if day > 40 else "f"] += 1
            assert fodselsnummer.is_valid(number), value
    assert kinds["f"] and kinds["d"] and kinds["synthetic"], kinds


@pytest.mark.parametrize(
    ("type_", "valid"),
    [
        (
            "NO_KONTONUMMER",
            lambda v: (
                kontonr.is_valid(v) and len(_digits(v)) == 11 and not corpus_numbers.fodselsnummer_checks(_digits(v))
            ),
        ),
        ("NO_ORGNR", lambda v: orgnr.is_valid(_digits(v)) and _digits(v)[0] in "89"),
        ("IBAN_CODE", iban.is_valid),
        ("CREDIT_CARD", lambda v: luhn.is_valid(_digits(v)) and len(_digits(v)) in (15, 16)),
        ("IP_ADDRESS", lambda v: bool(ipaddress.ip_address(v))),
        ("EMAIL_ADDRESS", lambda v: v.isascii() and re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9.-]+\.[a-z]{2,}", v)),
        ("ADDRESS", lambda v: re.search(r"\d", v) is not None and v[0].isalnum()),
    ],
)
def test_labelled_values_are_valid(messages: list[Message], type_: str, valid: Callable[[str], bool]) -> None:
    values = _values(messages, type_)
    assert values
    for value in values:
        assert valid(value), value


def test_phone_labels_are_real_numbers(messages: list[Message]) -> None:
    for value in _values(messages, "PHONE_NUMBER"):
        dialable = "+" + value[2:] if value.startswith("00") else value
        assert phonenumbers.is_valid_number(phonenumbers.parse(dialable, "NO")), value


def test_person_labels_are_names_from_the_lists(messages: list[Message]) -> None:
    known = {
        part.lower()
        for first, last in corpus_people.NAMES.values()
        for name in (*first, *last)
        for part in re.split(r"[ -]", name)
    }
    known |= {n.lower() for n in corpus_people._NB_MIDDLE} | {"van", "thi", "minh", "duc", "thu"}
    origins: Counter[str | None] = Counter()
    for m in messages:
        for s in m.entities:
            if s.type != "PERSON":
                continue
            value = m.text[s.start : s.end]
            origins[s.origin] += 1
            if s.origin == "constructed":
                assert re.fullmatch(r"[^\W\d_]+( [^\W\d_]+)?", value), value
                continue
            assert s.origin in corpus_people.NAMES, s
            for token in value.split():
                assert token.lower() in known or all(p.lower() in known for p in token.split("-")), value
    assert set(origins) == {*corpus_people.NAMES, "constructed"}


def test_hard_negatives_are_really_negative(messages: list[Message]) -> None:
    for m in messages:
        for n in m.negatives:
            value = m.text[n.start : n.end]
            if n.kind == "KID":
                assert 7 <= len(value) <= 25 and value.isdigit()
                assert luhn.is_valid(value) or corpus_numbers.mod11_check(value[:-1]) == value[-1], value
            elif n.kind == "BAD_CHECKSUM":
                assert len(value) == 11 and not corpus_numbers.looks_valid(value), value
                assert not kontonr.is_valid(value) and not fodselsnummer.is_valid(value)
            elif n.kind == "LAST4":
                assert re.fullmatch(r"\d{4}", value)
            elif n.kind in ("INVOICE", "CASE", "ORDER"):
                assert not corpus_numbers.looks_valid(_digits(value)), value


# --- generators -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "stdnum_valid", "day_offset", "month_offset"),
    [("f", True, 0, 0), ("d", True, 40, 0), ("syn", False, 0, 80)],
)
def test_fodselsnummer_kinds(kind: str, stdnum_valid: bool, day_offset: int, month_offset: int) -> None:
    rng = Random(1)
    for _ in range(200):
        number = corpus_numbers.make_fodselsnummer(rng, kind)
        assert corpus_numbers.fodselsnummer_checks(number)
        assert fodselsnummer.is_valid(number) is stdnum_valid
        assert 1 <= int(number[:2]) - day_offset <= 31
        assert 1 <= int(number[2:4]) - month_offset <= 12


def test_mod11_agrees_with_stdnum_kontonummer() -> None:
    rng = Random(2)
    for _ in range(500):
        body = "".join(rng.choice("0123456789") for _ in range(10))
        check = corpus_numbers.mod11_check(body)
        if check is None:
            assert not any(kontonr.is_valid(body + d) for d in "0123456789")
        else:
            assert kontonr.is_valid(body + check)


@pytest.mark.parametrize(
    ("fmt", "make", "pattern"),
    [
        (
            corpus_numbers.fmt_kontonummer,
            corpus_numbers.make_kontonummer,
            r"\d{4}\.\d{2}\.\d{5}|\d{4} \d{2} \d{5}|\d{11}",
        ),
        (corpus_numbers.fmt_orgnr, corpus_numbers.make_orgnr, r"(NO ?)?(\d{3} \d{3} \d{3}|\d{9})( ?MVA)?"),
        (corpus_numbers.fmt_card, corpus_numbers.make_card, r"\d{4}([ -]?\d{4}){3}|\d{4}([ -]?)\d{6}\2\d{5}"),
        (corpus_numbers.fmt_fodselsnummer, corpus_numbers.make_fodselsnummer, r"\d{6}[ -]?\d{5}"),
        (corpus_numbers.fmt_iban, corpus_numbers.make_iban, r"[A-Z]{2}\d{2}( ?[A-Z0-9]{1,4})+"),
    ],
)
def test_formats(fmt: Callable[[Random, str], str], make: Callable[[Random], str], pattern: str) -> None:
    rng = Random(3)
    seen = set()
    for _ in range(100):
        value = fmt(rng, make(rng))
        assert re.fullmatch(pattern, value), value
        seen.add(re.sub(r"\w", "x", value))
    assert len(seen) >= 2  # several ways of writing it


@pytest.mark.parametrize("brand", ["visa", "mc", "mc2", "amex"])
def test_card_brands(brand: str) -> None:
    rng = Random(4)
    for _ in range(50):
        number = corpus_numbers.make_card(rng, brand)
        assert luhn.is_valid(number)
        prefix = int(number[:4])
        assert {
            "visa": number[0] == "4" and len(number) == 16,
            "mc": 5100 <= prefix <= 5599 and len(number) == 16,
            "mc2": 2221 <= prefix <= 2720 and len(number) == 16,
            "amex": number[:2] in ("34", "37") and len(number) == 15,
        }[brand]


# --- determinism and I/O ----------------------------------------------------------------------------


def test_deterministic_under_a_seed() -> None:
    assert corpus.generate(300, seed=5) == corpus.generate(300, seed=5)
    assert corpus.generate(300, seed=5) != corpus.generate(300, seed=6)
    assert corpus.generate(300, seed=5)[:40] == corpus.generate(40, seed=5)


def test_json_round_trip_and_cli(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    assert corpus.main(["--n", "25", "--seed", "9", "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 25
    assert [Message.from_json(r) for r in rows] == corpus.generate(25, seed=9)
    assert list(corpus.iter_jsonl(out)) == corpus.generate(25, seed=9)


# --- the quality scorer (bench/pii_quality.py), against stub systems --------------------------------


def test_prune_keeps_the_outer_span() -> None:
    preds = [Pred("EMAIL_ADDRESS", 0, 20, 1.0), Pred("OTHER", 5, 20, 0.5), Pred("PERSON", 0, 4, 0.9)]
    assert prune(preds) == [Pred("EMAIL_ADDRESS", 0, 20, 1.0)]
    same = [Pred("NO_KONTONUMMER", 3, 14, 0.6), Pred("NO_FODSELSNUMMER", 3, 14, 0.9)]
    assert prune(same) == [Pred("NO_FODSELSNUMMER", 3, 14, 0.9)]


@pytest.mark.parametrize(
    ("value", "redacted", "expected"),
    [
        ("Kari Hansen", "Hei, jeg heter <PERSON>", False),
        ("Kari Hansen", "Hei, jeg heter Kari Hansen", True),
        ("Ida", "Idag er det fint", False),  # not as a whole word
        ("+47 912 34 567", "ring +47 912 34 567.", True),
    ],
)
def test_leaked(value: str, redacted: str, expected: bool) -> None:
    assert leaked(value, redacted) is expected


@pytest.mark.parametrize(
    ("preds", "expected"),
    [
        ([], True),
        ([Pred("PERSON", 10, 21)], False),
        ([Pred("OTHER", 10, 21)], False),  # redacted, even if under the wrong type
        ([Pred("PERSON", 10, 14)], True),  # "Hansen" survives
        ([Pred("PERSON", 10, 20)], False),  # one letter left is not exposure
    ],
)
def test_exposed(preds: list[Pred], expected: bool) -> None:
    assert exposed("Jeg heter Kari Hansen.", Span("PERSON", 10, 21), preds) is expected


@pytest.mark.parametrize(
    ("start", "end", "expected"), [(13, 24, False), (13, 23, False), (13, 20, True), (10, 12, True)]
)
def test_exposed_counts_only_digits_of_numbers(start: int, end: int, expected: bool) -> None:
    text = "Org.nr er NO 923 609 016 MVA"
    assert exposed(text, Span("NO_ORGNR", 10, 28), [Pred("NO_ORGNR", start, end)]) is expected


def _msg(text: str, entities: tuple[Span, ...] = (), negatives: tuple[Negative, ...] = ()) -> Message:
    return Message("t", "nb", "pii" if entities else "clean", text, entities, negatives)


def test_score_message_counts_hits_misses_and_false_positives() -> None:
    msg = _msg(
        "Kari Hansen, konto 1234.56.78903, KID 1234567",
        (Span("PERSON", 0, 11), Span("NO_KONTONUMMER", 19, 32)),
        (Negative("KID", 38, 45),),
    )
    report = Report("stub")
    preds = [Pred("PERSON", 0, 4), Pred("NO_KONTONUMMER", 38, 45)]
    score_message(report, msg, preds, "<PERSON> Hansen, konto 1234.56.78903, KID <NO_KONTONUMMER>", 5)
    person, konto = report.per_type["PERSON"], report.per_type["NO_KONTONUMMER"]
    assert (person.gold_hit, person.pred_hit, person.leaked, person.exposed) == (1, 1, 0, 1)
    assert (konto.gold_hit, konto.pred, konto.pred_hit, konto.leaked) == (0, 1, 0, 1)
    assert report.negatives["KID"] == [1, 1]
    assert {(e.kind, e.type) for e in report.examples} == {
        ("missed", "NO_KONTONUMMER"),
        ("false_positive", "NO_KONTONUMMER"),
    }


class _Oracle:
    """Finds exactly the gold spans (or nothing), to check the report's arithmetic and verdict."""

    def __init__(self, gold: dict[str, Message], blind: bool = False) -> None:
        self.name = "ours"
        self._gold = gold
        self._blind = blind

    def process(self, text: str, lang: str) -> tuple[list[Pred], str]:
        spans = [] if self._blind else list(self._gold[text].entities)
        redacted = text
        for s in sorted(spans, key=lambda s: -s.start):
            redacted = redacted[: s.start] + f"<{s.type}>" + redacted[s.end :]
        return [Pred(s.type, s.start, s.end) for s in spans], redacted


def test_evaluate_perfect_and_blind_systems() -> None:
    messages = corpus.generate(400, seed=12)
    by_text = {m.text: m for m in messages}
    perfect = evaluate(_Oracle(by_text), messages)
    assert perfect.failures() == []
    assert perfect.micro() == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert all(perfect.per_type[t].leaked == 0 for t in ENTITY_TYPES)
    assert perfect.no_pii_flagged == 0
    blind = evaluate(_Oracle(by_text, blind=True), messages)
    assert blind.micro()["recall"] == 0.0
    assert blind.per_type["CREDIT_CARD"].leak_rate == 1.0
    assert any(f.startswith("PERSON recall") for f in blind.failures())


# --- the speed benchmark's workload (bench/pii_speed.py) --------------------------------------------


def test_speed_workload_is_typical_chat_in_single_language_batches() -> None:
    messages = typical_messages(300)
    assert 50 <= sum(len(t) for t, _ in messages) / len(messages) <= 70
    batches = units(messages, 64)
    assert all(len(u.texts) <= 64 and len({lang for t, lang in messages if t in u.texts}) == 1 for u in batches)
    assert sorted(t for u in batches for t in u.texts) == sorted(t for t, _ in messages)


def test_speed_verdict() -> None:
    fast = SpeedResult("ours", {"analyze": 5000.0, "redact_batch": 4000.0}, Cold(1.5, 0.1, 1.2, 0.2, 240.0))
    assert speed_failures(fast) == []
    slow = SpeedResult("ours", {"analyze": 2500.0, "redact_batch": 4000.0}, Cold(2.5, 0.1, 2.2, 0.2, 320.0))
    assert [f.split()[0] for f in speed_failures(slow)] == ["analyze", "cold", "peak"]
