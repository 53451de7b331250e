"""A fødselsnummer given in two messages of one chat (anonymizer/session_numbers.py): the date in one,
the personnummer in a later one; the memory pairs them by the check digits and holds digests only."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anonymizer
from anonymizer import session_numbers
from chat.gateway.live import HALVES_KEPT
from tests.anonymizer.conftest import chat as memory_chat

KEY = os.urandom(32)
FNR = "07026910034"  # valid: 07.02.1969
DATE, REST = FNR[:6], FNR[6:]


def chat(*messages: str) -> list[str]:
    return memory_chat(KEY, *messages)


def test_the_second_half_in_a_later_message_is_redacted() -> None:
    assert anonymizer.redact(REST) == REST  # the premise: alone, five digits are nothing
    assert chat(f"fnr {DATE}", "resten kommer her", REST) == [
        "fnr <NO_FODSELSNUMMER>",
        "resten kommer her",
        "<NO_FODSELSNUMMER>",
    ]
    assert chat(DATE, f"og så {REST} takk")[1] == "og så <NO_FODSELSNUMMER> takk"


def test_five_digits_that_complete_no_remembered_date_stay() -> None:
    wrong = REST[:-1] + str((int(REST[-1]) + 1) % 10)
    assert chat(f"fnr {DATE}", wrong)[1] == wrong  # one check digit off
    assert chat("ordrenummer 123456", REST)[1] == REST  # no date to complete
    assert chat(f"fnr {DATE}", f"{REST} kr")[1] == f"{REST} kr"  # an amount is no personnummer
    assert chat(REST, DATE)[0] == REST  # the personnummer before its date is not paired (documented)


def test_each_chat_and_each_key_has_its_own_memory() -> None:
    assert chat(REST)[0] == REST
    memory = session_numbers.learn(KEY, f"fnr {DATE}")
    assert session_numbers.recall(os.urandom(32), REST, memory, []) == []  # another process's key
    assert session_numbers.recall(KEY, REST, memory, []) == [(0, 5)]


def test_the_memory_holds_neither_the_date_nor_the_endings() -> None:
    (blob,) = session_numbers.learn(KEY, f"født {DATE}, fnr kommer")
    assert session_numbers.is_blob(blob)
    assert DATE.encode() not in blob and REST.encode() not in blob
    assert len(blob) < 4 * 1000 + 32  # about 830 four-byte digests


@pytest.mark.parametrize("six", ["070269", "290200", "450190", "014590"])
def test_the_endings_are_exactly_those_that_make_a_valid_number(six: str) -> None:
    """What the fødselsnummer recognizer accepts, every ending tried: 29 February 2000 exists only for the
    individual numbers of that century; D- and H-numbers count."""
    from anonymizer.recognizers.fodselsnummer import is_valid_fodselsnummer

    brute = [f"{i:05d}" for i in range(100_000) if is_valid_fodselsnummer(six + f"{i:05d}")]
    assert session_numbers.endings(six) == brute


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2039, 12, 31)), st.integers(0, 10**6), st.booleans())
def test_any_valid_number_given_in_two_messages_is_paired(day: date, pick: int, d_number: bool) -> None:
    """Any date (or D-number) and any ending that makes it valid, the date in one message, the ending in
    the next with words around it."""
    from anonymizer.recognizers.fodselsnummer import is_valid_fodselsnummer

    six = f"{day.day + (40 if d_number else 0):02d}{day.month:02d}{day.year % 100:02d}"
    endings = session_numbers.endings(six)
    assert endings  # every date has valid numbers
    rest = endings[pick % len(endings)]
    assert is_valid_fodselsnummer(six + rest)
    memory = session_numbers.learn(KEY, f"fnr {six}")
    assert session_numbers.recall(KEY, f"resten: {rest}.", memory, []) == [(8, 13)]


def test_a_message_full_of_dates_teaches_at_most_two() -> None:
    assert len(session_numbers.learn(KEY, " ".join(f"0{d}0190" for d in range(1, 10)))) == 2
    assert session_numbers.learn(KEY, "ordre 850190") == frozenset()  # an FH-number's six: any digits pass


def test_a_live_chat_keeps_its_last_halves_beside_its_names() -> None:
    from chat.gateway.live import LiveSession

    live = LiveSession.__new__(LiveSession)
    live.names, live.halves = frozenset(), ()
    blobs = [next(iter(session_numbers.learn(KEY, f"0{d}0190"))) for d in range(1, 5)]
    for blob in blobs:
        live.remember(frozenset({blob, bytes(16)}))
    assert live.halves == tuple(blobs[-HALVES_KEPT:])
    assert live.names == frozenset({bytes(16)})
    assert live.memory == frozenset({bytes(16), *blobs[-HALVES_KEPT:]})
