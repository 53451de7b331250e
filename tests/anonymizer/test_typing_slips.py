"""Numbers with a typing slip in them: a stray letter or comma inside (anonymizer/strays.py), digits
glued to a word (``_common.glued``), and an account number after an amount word (``UNDENIABLE``).

Tables through the public ``analyze()``, and property tests: a stray character put anywhere inside a
valid account number or a phone number after its cue leaves no three of its digits in clear.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from stdnum.no import kontonr

from anonymizer import Anonymizer
from anonymizer.strays import stray_characters
from tests.anonymizer.conftest import spans_of

K = "NO_KONTONUMMER"
F = "NO_FODSELSNUMMER"
P = "PHONE_NUMBER"

EXAMPLES = int(os.environ.get("CHATLOG_HYPOTHESIS_EXAMPLES", "200"))
DERANDOMIZE = "CHATLOG_HYPOTHESIS_EXAMPLES" not in os.environ

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a stray letter or comma inside an account number whose digits pass the checksum without it
    ("Kontoen min er 7874.68.5911o1 (o-en er en skrivefeil)", [(K, "7874.68.5911o1")]),
    ("kontonr: 1594 43 8715q0 (q = feiltrykk)", [(K, "1594 43 8715q0")]),
    ("arbeidsgiver skrev 1594.56,06832 med komma", [(K, "1594.56,06832")]),
    ("Acc no 0539.85.4691,3 (there's a stray comma sorry)", [(K, "0539.85.4691,3")]),
    ("konto 1234.56.789,03", [(K, "1234.56.789,03")]),  # 4.2.3 is no thousands grouping: not decimals
    # ... and inside a phone number after a phone cue
    ("Ring meg på 916r91 670 – oi r-en kom med ved en feil", [(P, "916r91 670")]),
    ("Phone: 979t35660 (ignore the t, fat fingers)", [(P, "979t35660")]),
    ("Name Joao, tlf 444o47140", [(P, "444o47140")]),
    # digits glued to a word, with a cue word
    ("fnr:15048010277navn:", [(F, "15048010277")]),
    ("telefon:94544515mvh Ingvild", [(P, "94544515")]),
    ("og tlf er94423076. Vil søke om kredittkort", [(P, "94423076")]),
    ("kontonr:12345678903takk", [(K, "12345678903")]),
    # an account number's own shape after an amount word (strict mode)
    ("Kontonummer for overføring av saldo: 6345.33.88702.", [(K, "6345.33.88702")]),
    ("saldo 6345.33.88702", [(K, "6345.33.88702")]),
    # an account number right before an amount in spaced groups
    ("Det haster, send til 1822 78 54681 8 450 kr. Klem", [(K, "1822 78 54681")]),
    # negatives: no checksum, no cue, decimals, codes, several slips
    ("send til 1822 78 54682 8 450 kr", []),
    ("saldo 6345.33.88703", []),  # bad check digit
    ("Hvorfor står det 1202.21.58865 som mottaker?", []),
    ("KID-nummeret har en bokstav i seg: 8434499O5991853.", []),
    ("Beløpet er kr 12.5OO – ja, med O", []),
    ("Det står 14:3o som tidspunkt", []),
    ("kode 916r91 670", []),  # eight digits and a letter, no phone cue
    ("ref 7874a6859111", []),  # a valid checksum behind a reference word
    ("saldo 123456789,01 kr", []),  # decimals
    ("kontonr 1594 43 8715qq0", []),  # two stray letters: a code
    ("varenr ABC15048010277", []),  # glued, no cue
    ("ERR_94544515 i loggen", []),
    ("tlf kari94544515@gmail.com", [("EMAIL_ADDRESS", "kari94544515@gmail.com")]),  # no phone inside
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_typing_slips(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, "nb") == spans_of(text, *expected)


def test_a_number_in_two_groups_before_a_function_word_is_no_address(engine: Anonymizer) -> None:
    """ "4383 8616 og": no postcode and place ("og" is no town), so "Fakturanummer 4383" is no street."""
    text = "Fakturanummer 4383 8616 og forfall 20. August"
    assert [e for e in engine.analyze(text, "nb") if e.type == "ADDRESS"] == []
    lower = "adresse storgata 5 0481 oslo"  # a lower-case town after a street word still counts
    assert [lower[e.start : e.end] for e in engine.analyze(lower, "nb")] == ["storgata 5 0481 oslo"]


def test_an_account_shape_after_an_amount_word_is_strict_only(engine: Anonymizer) -> None:
    """Balanced mode takes the deny word's side; strict mode redacts (when in doubt, redact)."""
    text = "saldo 6345.33.88702"
    assert [e.type for e in engine.analyze(text, "nb", mode="strict")] == [K]
    assert engine.analyze(text, "nb", mode="balanced") == []


@pytest.mark.parametrize(
    ("text", "edits"),
    [
        ("7874.68.5911o1", [(12, 13, "")]),  # "o" as a zero gives twelve digits: a slip, dropped
        ("1594.56,06832", [(7, 8, ".")]),  # a comma between groups becomes the token's separator
        ("0539.85.4691,3", [(12, 13, "")]),
        ("tlf 444o47140", [(7, 8, "")]),
        ("kontonr 1234567890l", []),  # glued letter at the end: not between digits
        ("444o47140", []),  # no phone cue: the look-alike rule's business
        ("1,999.00", []),
    ],
)
def test_stray_edits(text: str, edits: list[tuple[int, int, str]]) -> None:
    assert stray_characters(text)[0] == edits


# --- property-based ---------------------------------------------------------------------------------

_STRAYS = st.sampled_from([*"abcdefghijkmnpqrstuvwxyzo", ","])


@st.composite
def account_with_slip(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A valid account number in a common grouping, with one stray letter or comma between two of its
    digits, after a cue; returns the message and the positions of the number's digits."""
    body = "".join(str(draw(st.integers(0, 9))) for _ in range(10))
    checks = [d for d in "0123456789" if kontonr.is_valid(body + d)]
    assume(bool(checks))  # a remainder of 10 has no check digit: no account number starts so
    number = body + checks[0]
    layout = draw(st.sampled_from(["{}.{}.{}", "{} {} {}", "{}{}{}"]))
    text = layout.format(number[:4], number[4:6], number[6:])
    digit_places = [i for i, ch in enumerate(text) if ch.isdigit()]
    inner = [i for i in digit_places[1:] if text[i - 1].isdigit()]  # between two digits
    place = draw(st.sampled_from(inner))
    stray = draw(_STRAYS)
    if stray == "," and len(text) - place == 2:
        stray = "q"  # a comma before two final digits reads as decimals (see anonymizer/strays.py)
    slipped = text[:place] + stray + text[place:]
    cue = draw(st.sampled_from(["kontonummer", "kontoen min er", "konto:", "acc no"]))
    prefix = f"Hei, {cue} "
    positions = [len(prefix) + i for i, ch in enumerate(slipped) if ch.isdigit()]
    return prefix + slipped + " takk", positions


@st.composite
def phone_with_slip(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A Norwegian mobile number after a phone cue, with one stray letter between two of its digits."""
    number = draw(st.sampled_from("49")) + "".join(str(draw(st.integers(0, 9))) for _ in range(7))
    layout = draw(st.sampled_from(["{}{}{}", "{} {} {}"]))
    text = layout.format(number[:3], number[3:5], number[5:])
    inner = [i for i, ch in enumerate(text) if ch.isdigit() and i > 0 and text[i - 1].isdigit()]
    place = draw(st.sampled_from(inner))
    slipped = text[:place] + draw(st.sampled_from("abcdefghijkmnpqrtuvwxyz")) + text[place:]
    cue = draw(st.sampled_from(["ring meg på", "tlf", "mobil:", "phone", "telefonnummeret mitt er"]))
    prefix = f"{cue} "
    positions = [len(prefix) + i for i, ch in enumerate(slipped) if ch.isdigit()]
    return prefix + slipped + " takk", positions


def _surviving(spans: list[tuple[int, int]], positions: list[int]) -> int:
    return sum(1 for i in positions if not any(s <= i < e for s, e in spans))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(account_with_slip())
def test_a_stray_character_in_an_account_number_is_redacted(engine: Anonymizer, case: tuple[str, list[int]]) -> None:
    text, positions = case
    spans = [(e.start, e.end) for e in engine.analyze(text, "nb")]
    assert _surviving(spans, positions) < 3, (text, engine.redact(text, "nb"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(phone_with_slip())
def test_a_stray_letter_in_a_phone_number_after_its_cue_is_redacted(
    engine: Anonymizer, case: tuple[str, list[int]]
) -> None:
    text, positions = case
    spans = [(e.start, e.end) for e in engine.analyze(text, "nb")]
    assert _surviving(spans, positions) < 3, (text, engine.redact(text, "nb"))
