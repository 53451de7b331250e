"""Round 36 (dev_68: dialect and SMS; dev_69: a Western-Norway savings bank): each kind of writing that
leaked, in several variants, and look-alikes that must stay untouched."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names, spans_of

KONTO, PHONE, CARD = "NO_KONTONUMMER", "PHONE_NUMBER", "CREDIT_CARD"
Found = Callable[..., list[tuple[str, int, int]]]


# --- a grouped number before a day as an ordinal, with no month: "5. hver måned" ------------------------

ORDINAL_DAY_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("trukket 399,- fra kontoen hans 3838 14 12218 5. hver måned", [(KONTO, "3838 14 12218")]),
    ("fast trekk frå 1503 12 34562 20. kvar månad", [(KONTO, "1503 12 34562")]),
    ("overføring til 9710 05 12347 1. i måneden", [(KONTO, "9710 05 12347")]),
    ("debited from 3000 45 12347 5th each month", [(KONTO, "3000 45 12347")]),
    ("ring 41 23 39 08 3. gang nå", [(PHONE, "41 23 39 08")]),
    ("kortet 4925 0000 0000 0004 5. hver måned", [(CARD, "4925 0000 0000 0004")]),
    # a digit group that ends a sentence (a capital after it) or that is no ordinal is one more group
    ("kontoen hans 3838 14 12218 5. Hver måned.", []),
    ("kontoen hans 3838 14 12218 5 hver måned", []),
    ("kontoen 3838 14 12218 45. hver", []),
]


@pytest.mark.parametrize(("text", "expected"), ORDINAL_DAY_CASES)
def test_grouped_number_before_an_ordinal_day(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert [s for s in found(text, "nb") if s[0] in (KONTO, PHONE, CARD)] == spans_of(text, *expected)


# --- a printed card from an issuer the table lacks, named by a card cue ---------------------------------

UNLISTED_ISSUER_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("I never got the trip. The card: 5968 2799 0777 0480. I'm a tourist", [(CARD, "5968 2799 0777 0480")]),
    ("kortet mitt 2200 1234 5678 9019 er sperret", [(CARD, "2200 1234 5678 9019")]),
    ("card no 8171-1234-5678-9011 was declined", [(CARD, "8171-1234-5678-9011")]),
    ("kortnummer: 9792 1234 5678 9018", [(CARD, "9792 1234 5678 9018")]),
    # sixteen digits in one piece after a card cue are a card too (round 46: "Kortnr 2741630215262415")
    ("kortnummer 5903123456789012", [(CARD, "5903123456789012")]),
    # no card cue, a reference cue nearer, or no Luhn check digit: not a card
    ("betal 5903 1234 5678 9012 innen fredag", []),
    ("brukte kortet, KID 5903 1234 5678 9012", []),
    ("kortet 5903 1234 5678 9013", []),
]


@pytest.mark.parametrize(("text", "expected"), UNLISTED_ISSUER_CASES)
def test_printed_card_of_an_unlisted_issuer(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert [s for s in found(text) if s[0] == CARD] == spans_of(text, *expected)


def test_unlisted_issuer_card_is_redacted_in_balanced_mode_too(engine: Anonymizer) -> None:
    text = "kortet mitt 2200 1234 5678 9019 er sperret"
    assert [(e.type, text[e.start : e.end]) for e in engine.analyze(text, mode="balanced")] == [
        (CARD, "2200 1234 5678 9019")
    ]


# --- being reachable at a number: "eg e nåbar på 51884210" -----------------------------------------------

REACHABLE_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("eg e nåbar på 51884210 heile dagen", [(PHONE, "51884210")]),
    ("eg kan nåast på 51884210 etter kl 16", [(PHONE, "51884210")]),
    ("er treffbar på 22334455 i dag", [(PHONE, "22334455")]),
    ("eg er å treffa på 51884210", [(PHONE, "51884210")]),
    ("eg e nåbar heile dagen, saldo 51884210", []),
    ("betalte 51884210 kr", []),
]


@pytest.mark.parametrize(("text", "expected"), REACHABLE_CASES)
def test_reachable_at_a_number(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert [s for s in found(text, "nb") if s[0] == PHONE] == spans_of(text, *expected)


# --- names --------------------------------------------------------------------------------------------

NAME_CASES: list[tuple[str, list[str]]] = [
    # a farm's position and its name: a hyphenated surname ("Ytre-Vik", "Øvre-Bø")
    (
        "Vi har fått skifteattest etter Lars Dagfinn Ytre-Vik. Arvingane er sonen Dag Ytre-Vik og dottera "
        "Siv Ytre-Vik Halvorsen.",
        ["Lars Dagfinn Ytre-Vik", "Dag Ytre-Vik", "Siv Ytre-Vik Halvorsen"],
    ),
    ("Send til Ola Øvre-Bø i morgon", ["Ola Øvre-Bø"]),
    ("HILSEN KARI YTRE-VIK", ["KARI YTRE-VIK"]),
    ("Han bur i Ytre-Vik no", []),
    ("Eg reiste til Nord-Norge", []),
    ("Han budde på Store-Haugen", []),
    # a bracket after the last name of a list ends it as a comma does
    ("ok tusen takk! hilsen hope og storm (vi e tvillinga hehe)", ["hope", "storm"]),
    ("hilsen kari og ronja (naboen)", ["kari", "ronja"]),
    ("hilsen kari og banken (dokker)", ["kari"]),
    # dialect "å" for "og" after the writer opening the clause
    ("æ å samir kjøpte bil sammen. no vil han ha sin del", ["samir"]),
    ("hei eg å kari ska flytte saman", ["kari"]),
    ("ok, æ å sol har lån", ["sol"]),
    ("Rekker jeg å endre det?", []),
    ("klarer eg å ordne det", []),
    ("æ å prøvde å betale", []),
    ("det e vanskelig for mæ å forstå", []),
    # "the Surname family"
    ("I work as au pair for the Berg family. How do I open an account?", ["Berg"]),
    ("the Storm family's house", ["Storm"]),
    ("the Kowalczyk family paid", ["Kowalczyk"]),
    ("the Royal family", []),
    ("for the Norwegian family", []),
    ("the host family is nice", []),
    # the parties of an estate or a loan in a form, a double surname of two words in capitals
    (
        "AVDØDE: JOHANNES BERG\nARVING: ELSE MARIE BERG STRAND\nADRESSE: LIAVEGEN 7",
        ["JOHANNES BERG", "ELSE MARIE BERG STRAND"],
    ),
    ("Verge: Liv Storm", ["Liv Storm"]),
    ("fra en LIV HEGE BERG STRAND som", ["LIV HEGE BERG STRAND"]),
    ("Låntaker: 2 personer", []),
    ("Arving: sonen", []),
    ("Kausjonist: nei", []),
    # the writer's full name set between commas after the pronoun
    ("Bestefar Eldar Bø vil at eg, Ask Bø Sandal, får sjå kontoen hans.", ["Eldar Bø", "Ask Bø Sandal"]),
    ("Jeg, Kari Lie, født 01.01.1980, gir fullmakt til banken", ["Kari Lie"]),
    ("I, Anna Smith, authorize the bank", ["Anna Smith"]),
    ("Eg, Storm Bø Sandal, gjev fullmakt til sonen min", ["Storm Bø Sandal"]),
    ("Jeg, Liv Berg Strand, ber om innsyn", ["Liv Berg Strand"]),
    ("JEG, KARI BØ SANDAL, GIR FULLMAKT", ["KARI BØ SANDAL"]),
    ("Jeg, Kunden, vil klage", []),
    ("Eg, Oslo Kommune, skriv", []),
    ("Jeg, som eier, vil selge", []),
]


@pytest.mark.parametrize(("text", "expected"), NAME_CASES)
def test_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert person_names(engine, text) == expected
