"""A value typed over several messages of one chat (anonymizer/split_values.py; outside audit 63, H2)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anonymizer.split_values import Earlier, find, redact_head, rewrite

FNR, KONTO, CARD, ORGNR = "05109816444", "15031234562", "4925000000000004", "974760673"


def chat(*typed: str, stored: dict[int, str] | None = None) -> tuple[list[Earlier], str]:
    """The earlier messages (as written, and as stored where given) and the new one."""
    earlier = [Earlier(seq, text, (stored or {}).get(seq, text)) for seq, text in enumerate(typed[:-1], 1)]
    return earlier, typed[-1]


def redacted(earlier: list[Earlier], text: str) -> tuple[list[str], str]:
    """Every message's stored text after the split is applied."""
    split = find(earlier, text)
    assert split is not None
    texts = {e.seq: e.stored for e in earlier}
    originals = {e.seq: e.original for e in earlier}
    for seq, start, end in split.earlier:
        new = rewrite(texts[seq], originals[seq], start, end, split.entity)
        assert new is not None
        texts[seq] = new
    here = redact_head(text, text, *split.here, split.entity)
    assert here is not None
    return [texts[e.seq] for e in earlier], here


@pytest.mark.parametrize(
    ("typed", "entity", "expected"),
    [
        (("kontonummeret er 1503 12", "34562"), "NO_KONTONUMMER", ["kontonummeret er <NO_KONTONUMMER>"]),
        (("fnr 05109", "816444 takk"), "NO_FODSELSNUMMER", ["fnr <NO_FODSELSNUMMER>"]),
        (("05", "109816444"), "NO_FODSELSNUMMER", ["<NO_FODSELSNUMMER>"]),
        (("fnr 0510", "9816", "444"), "NO_FODSELSNUMMER", ["fnr <NO_FODSELSNUMMER>", "<NO_FODSELSNUMMER>"]),
        (("kortet 4925 0000", "0000 0004"), "CREDIT_CARD", ["kortet <CREDIT_CARD>"]),
        (("orgnr 974 760", "673"), "NO_ORGNR", ["orgnr <NO_ORGNR>"]),
        (("iban NO93 8601", "1117 947"), "IBAN_CODE", ["iban <IBAN_CODE>"]),
        (("ring meg på 412", "34 567"), "PHONE_NUMBER", ["ring meg på <PHONE_NUMBER>"]),
        (("konto 1503\u200b12", "34562."), "NO_KONTONUMMER", ["konto <NO_KONTONUMMER>"]),
        (("ola.nordmann@", "gmail.com"), "EMAIL_ADDRESS", ["<EMAIL_ADDRESS>"]),
        (("skriv til ola.nordmann", "@gmail.com takk"), "EMAIL_ADDRESS", ["skriv til <EMAIL_ADDRESS>"]),
    ],
)
def test_each_kind_split_over_messages(typed: tuple[str, ...], entity: str, expected: list[str]) -> None:
    earlier, text = chat(*typed)
    split = find(earlier, text)
    assert split is not None and split.entity == entity
    before, here = redacted(earlier, text)
    assert before[-len(expected):] == expected
    assert here.startswith(f"<{entity}>")


def test_the_rest_of_an_address_after_a_name_the_engine_already_replaced() -> None:
    earlier, text = chat("ola.nordmann@", "gmail.com", stored={1: "<PERSON>.nordmann@"})
    assert redacted(earlier, text) == (["<EMAIL_ADDRESS>"], "<EMAIL_ADDRESS>")


@pytest.mark.parametrize(
    ("typed", "stored", "expected"),
    [  # what the engine replaced inside a piece (a review of this module): the whole piece goes
        (("epost: hatlestad.kari.berg@", "gmail.com"), {1: "epost: hatlestad.<PERSON>.berg@"},
         "epost: <EMAIL_ADDRESS>"),
        (("IBAN: NO93 8601 1117 9", "47"), {1: "IBAN: NO93 <NO_ORGNR>"}, "IBAN: <IBAN_CODE>"),
        (("Kari sin: NO93 8601 1117 9", "47"), {1: "<PERSON> sin: NO93 <NO_ORGNR>"}, "<PERSON> sin: <IBAN_CODE>"),
        (("Kari: hatlestad.kari.berg@", "gmail.com"), {1: "<PERSON>: hatlestad.<PERSON>.berg@"},
         "<PERSON>: <EMAIL_ADDRESS>"),
    ],
)
def test_a_piece_the_engine_replaced_in_part_is_replaced_whole(
    typed: tuple[str, ...], stored: dict[int, str], expected: str
) -> None:
    earlier, text = chat(*typed, stored=stored)
    assert redacted(earlier, text)[0] == [expected]


def test_the_new_piece_is_replaced_whole_where_the_engine_replaced_part_of_it() -> None:
    earlier, text = chat("skriv til ola", "@kari-nordmann.no takk")
    split = find(earlier, text)
    assert split is not None and split.entity == "EMAIL_ADDRESS"
    assert redact_head("@<PERSON>-nordmann.no takk", text, *split.here, split.entity) == "<EMAIL_ADDRESS> takk"


@pytest.mark.parametrize(
    ("typed", "entity"),
    [
        (("ring meg på +47 412", "34 567"), "PHONE_NUMBER"),  # with the country code
        (("mobil 0047 412 34", "567"), "PHONE_NUMBER"),
        (("kort 4925-0000-", "0000-0004"), "CREDIT_CARD"),  # a piece ending with its separator
        (("fnr 05109-", "816444"), "NO_FODSELSNUMMER"),
        (("konto 1503 12", "- 34562"), "NO_KONTONUMMER"),  # a piece opening with one
    ],
)
def test_pieces_with_a_country_code_or_a_separator_at_the_cut(typed: tuple[str, ...], entity: str) -> None:
    earlier, text = chat(*typed)
    split = find(earlier, text)
    assert split is not None and split.entity == entity
    before, here = redacted(earlier, text)
    assert not re.search(r"\d{2}", before[-1] + here)


def test_a_surname_sent_alone_after_a_message_that_ended_with_a_name() -> None:
    earlier, text = chat("jeg heter Ola", "Hatlestad", stored={1: "jeg heter <PERSON>"})
    assert redacted(earlier, text) == (["jeg heter <PERSON>"], "<PERSON>")
    earlier, text = chat("jeg heter Ola", "Berg", stored={1: "jeg heter <PERSON>"})  # a surname that is a word
    assert find(earlier, text) is not None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (("jeg skylder 5000", "123456 er saksnummeret"), {}),  # no checksum joins them
        (("kl 14", "30 passer fint"), {}),
        (("betalte 1500 kr", "i går"), {}),
        (("ring meg på 412", "34 567 kr"), {}),  # an amount is not a phone's second half
        (("jeg heter Ola", "takk"), {1: "jeg heter <PERSON>"}),  # thanks, not a surname
        (("jeg heter Ola", "ok"), {1: "jeg heter <PERSON>"}),
        (("hei", "Hatlestad"), {}),  # no name before it
        (("kontoen min", "34562"), {}),  # no digits before it
        (("1503 12 er ikke kontoen", "34562"), {}),  # the first piece does not end its message
        (("fnr 05109", "vent", "816444"), {}),  # not consecutive
        (("min e-post", "gmail.com"), {}),
        (("telling 412", "34 567"), {}),  # "tel" inside a word is no phone cue
    ],
)
def test_what_is_not_a_split_value(typed: tuple[str, ...], stored: dict[int, str]) -> None:
    earlier, text = chat(*typed, stored=stored)
    assert find(earlier, text) is None


def test_nothing_when_the_engine_already_redacted_the_piece() -> None:
    earlier, text = chat("konto 1503 12", "34562", stored={1: "konto <NO_KONTONUMMER>"})
    split = find(earlier, text)
    assert split is not None
    ((_, start, end),) = split.earlier
    assert rewrite("konto <NO_KONTONUMMER>", "konto 1503 12", start, end, split.entity) is None


_SEPARATORS = st.sampled_from([" ", "", ".", "-", "\u200b", "\u00a0", "  "])


@settings(max_examples=300, deadline=None)
@given(
    value=st.sampled_from([FNR, KONTO, CARD, ORGNR, "17054026641", "12345678903"]),
    cuts=st.lists(st.integers(min_value=2, max_value=17), min_size=1, max_size=2, unique=True),
    sep=_SEPARATORS,
    cue=st.sampled_from(["", "nummeret er ", "her: ", "fnr ", "konto "]),
)
def test_any_checksummed_number_in_two_or_three_pieces_leaves_no_digit(
    value: str, cuts: list[int], sep: str, cue: str
) -> None:
    points = sorted(c for c in cuts if 2 <= c <= len(value) - 2)
    if not points or any(b - a < 2 for a, b in itertools.pairwise(points)):
        return
    pieces = [value[a:b] for a, b in zip([0, *points], [*points, len(value)], strict=True)]
    typed = [cue + sep.join(pieces[0]), *(sep.join(p) for p in pieces[1:])]
    earlier, text = chat(*typed)
    before, here = redacted(earlier, text)
    for stored in [*before, here]:
        assert not re.search(r"\d", stored), (typed, before, here)
