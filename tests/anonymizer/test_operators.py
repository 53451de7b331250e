"""Replacement and keyed pseudonymisation operators."""

from __future__ import annotations

import re

import pytest
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import InvalidParamError, OperatorConfig, RecognizerResult

import anonymizer
from anonymizer import Anonymizer
from anonymizer.operators import KeyedPseudonym, SecretKey, normalise, pseudonym, pseudonym_operators

KEY_A = b"a" * 32
KEY_B = b"b" * 32
TOKEN = re.compile(r"<[A-Z_]+_[0-9a-f]{8}>")


@pytest.mark.parametrize(
    ("entity_type", "first", "second"),
    [
        ("NO_KONTONUMMER", "1234.56.78903", "12345678903"),
        ("NO_KONTONUMMER", "1234 56 78903", "1234-56-78903"),
        ("NO_FODSELSNUMMER", "010190 10046", "01019010046"),
        ("PHONE_NUMBER", "+47 912 34 567", "91234567"),
        ("PHONE_NUMBER", "0047 91234567", "912 34 567"),
        ("IBAN_CODE", "no93 8601 1117 947", "NO9386011117947"),
        ("EMAIL_ADDRESS", "Kari@Example.NO", "kari@example.no"),
        ("PERSON", "Kari  NORDMANN", "kari nordmann"),
        ("IP_ADDRESS", "2001:0db8::0001", "2001:db8::1"),
        ("CREDIT_CARD", "4111 1111 1111 1111", "4111-1111-1111-1111"),
    ],
)
def test_spellings_of_one_value_share_a_pseudonym(entity_type: str, first: str, second: str) -> None:
    key = SecretKey(KEY_A)
    assert normalise(entity_type, first) == normalise(entity_type, second)
    assert pseudonym(entity_type, first, key) == pseudonym(entity_type, second, key)


def test_pseudonym_shape_and_key_dependence() -> None:
    a = pseudonym("PERSON", "Kari Nordmann", SecretKey(KEY_A))
    b = pseudonym("PERSON", "Kari Nordmann", SecretKey(KEY_B))
    assert TOKEN.fullmatch(a) and TOKEN.fullmatch(b)
    assert a.startswith("<PERSON_") and a != b
    assert pseudonym("PERSON", "Ola Nordmann", SecretKey(KEY_A)) != a


def test_pseudonymize_text_is_stable_under_one_key(engine: Anonymizer) -> None:
    text = "Ring +47 912 34 567 eller 91234567, konto 1234.56.78903"
    once = anonymizer.pseudonymize(text, KEY_A)
    assert once == anonymizer.pseudonymize(text, KEY_A)
    tokens = TOKEN.findall(once)
    assert len(tokens) == 3 and tokens[0] == tokens[1]  # one phone number, two spellings
    assert "912 34 567" not in once and "1234.56.78903" not in once
    assert anonymizer.pseudonymize(text, KEY_B) != once
    result = engine.pseudonymize_process(text, KEY_A)
    assert result.text == once and [e.type for e in result.entities] == [
        "PHONE_NUMBER",
        "PHONE_NUMBER",
        "NO_KONTONUMMER",
    ]


def test_text_without_entities_is_returned_unchanged() -> None:
    assert anonymizer.pseudonymize("Takk for hjelpen!", KEY_A) == "Takk for hjelpen!"


@pytest.mark.parametrize("bad", [b"", b"short", "a string, not bytes" * 3])
def test_weak_or_wrong_keys_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        SecretKey(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        anonymizer.pseudonymize("tlf 91234567", bad)  # type: ignore[arg-type]


def test_key_never_shows_in_repr() -> None:
    config = pseudonym_operators(KEY_A)["DEFAULT"]
    assert "aaaa" not in repr(config) and "SecretKey(***)" in repr(config)


def test_operator_validates_params() -> None:
    operator = KeyedPseudonym()
    with pytest.raises(InvalidParamError):
        operator.validate({"key": KEY_A})  # raw bytes, not a SecretKey
    with pytest.raises(InvalidParamError):
        operator.validate({"key": SecretKey(KEY_A), "hex_chars": 2})
    operator.validate({"key": SecretKey(KEY_A)})
    assert operator.operator_name() == "pseudonymize"


def test_operator_works_in_a_plain_presidio_engine() -> None:
    engine = AnonymizerEngine()  # type: ignore[no-untyped-call]
    engine.add_anonymizer(KeyedPseudonym)
    result = engine.anonymize(
        text="ring 91234567",
        analyzer_results=[RecognizerResult("PHONE_NUMBER", 5, 13, 0.9)],
        operators={"DEFAULT": OperatorConfig("pseudonymize", {"key": SecretKey(KEY_A), "hex_chars": 12})},
    )
    assert result.text == "ring " + pseudonym("PHONE_NUMBER", "91234567", SecretKey(KEY_A), 12)
