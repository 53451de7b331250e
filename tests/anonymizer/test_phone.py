"""PHONE_NUMBER through the public ``analyze()``: formats, countries, cue words, look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from presidio_analyzer import RecognizerResult

from anonymizer.recognizers.phone import ChatPhoneRecognizer, is_valid_phone
from tests.anonymizer.conftest import spans_of

P = "PHONE_NUMBER"

SPOKEN_PHONE = "four seven nine one two eight five zero three four"  # "47" dictated without its "+"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a cue and the right length are enough, whatever libphonenumber knows (issue 7)
    ("ring meg på 4 1 2 3 4 5 6 7", [(P, "4 1 2 3 4 5 6 7")]),
    ("my US cell is (971) 555-0142, still on wifi calling", [(P, "(971) 555-0142")]),
    ("kan dokker ring mæ på 9o8 12 345?", [(P, "9o8 12 345")]),
    ("mobil: 41 23\n45 67", [(P, "41 23\n45 67")]),
    ("mitt nr ９３５８１２０４", [(P, "９３５８１２０４")]),
    ("Ni kan nå mig på 073-981 22 40", [(P, "073-981 22 40")]),
    ("Festnetz 030 9821 4477", [(P, "030 9821 4477")]),
    ("Telefonnummeret mitt er +47 (0) 57 72 61 40", [(P, "+47 (0) 57 72 61 40")]),
    ("250kr på vipps til 94817362", [(P, "94817362")]),
    (f"call me on {SPOKEN_PHONE} after six", [(P, SPOKEN_PHONE)]),
    ("+47 912 34 567", [(P, "+47 912 34 567")]),
    # a number in brackets: the brackets are not part of it, and the "+" is
    ("the money i sent to her (+252 61 555 2301) did not arrive", [(P, "+252 61 555 2301")]),
    ("ny mobil (+47 412 34 567).", [(P, "+47 412 34 567")]),
    ("min svenska mobil (+46 70 123 45 67) funkar", [(P, "+46 70 123 45 67")]),
    ("ring meg (0047 41234567).", [(P, "0047 41234567")]),
    # eight digits in a mobile range, grouped as no amount or reference is: strict mode, no cue needed
    ("ska ha nytt kort te dattra mi, ho e på 49 831 386 og", [(P, "49 831 386")]),
    ("Mvh Henrik, mäklare, 070-491 66 30", [(P, "070-491 66 30")]),  # a Swedish mobile's own shape
    ("is that real? it came from +44 7700 900123", [(P, "+44 7700 900123")]),  # a fictional UK range
    ("he has my case. number is 418 60 276", [(P, "418 60 276")]),  # a deny word in the sentence before
    ("the scammer sent me https://wa.me/4741277291?text=hei", [(P, "4741277291")]),  # a number in a link
    ("Please call me on (0047) 9 3 2 1 5 8 4 0. Regards", [(P, "(0047) 9 3 2 1 5 8 4 0")]),
    ("ring meg: fire-en-to tre-fire fem-seks-sju", [(P, "fire-en-to tre-fire fem-seks-sju")]),
    ("det stemmer ikke, det skal være 447 40918", [(P, "447 40918")]),
    ("mob 938 3S 2Sl (skreiv med bokstava)", [(P, "938 3S 2Sl")]),  # S for 5, l for 1
    ("ring 0047 91234567 i morgen", [(P, "0047 91234567")]),
    ("(+47) 91234567", [(P, "(+47) 91234567")]),
    ("+4791234567", [(P, "+4791234567")]),
    ("912 34 567", [(P, "912 34 567")]),
    ("91 23 45 67", [(P, "91 23 45 67")]),
    ("sentralbord 22 12 34 56", [(P, "22 12 34 56")]),
    ("+44 20 7946 0958", [(P, "+44 20 7946 0958")]),
    ("+44 (0)20 7946 0958", [(P, "+44 (0)20 7946 0958")]),
    ("call +1 (415) 555-0123 today", [(P, "+1 (415) 555-0123")]),
    ("+46 70 123 45 67", [(P, "+46 70 123 45 67")]),
    # National formats of English chat, with a cue and valid in that country.
    ("please call me back on 07911 123456", [(P, "07911 123456")]),
    ("my number is 020 7946 0958", [(P, "020 7946 0958")]),
    ("call me at 415-555-0123", [(P, "415-555-0123")]),
    ("Invoice 0123 456 7890 is overdue", []),
    ("order number 415-555-0123", []),
    ("Betalingen på 45 000 000 er en skrivefeil", []),  # an amount
    ("Account: 004417730195 Amount: USD 2,150", []),
    ("Saksnummer: 2017-0044871-03", []),
    ("ordren va 4510-8837 på komplett", []),  # a reference
    ("tekst «AMZN MKTP 9146-2210»", []),
    ("ERR_400 882 19 i betalingsfilen", []),
    # Ofcom's range for fiction: not a valid number, but a cue and the right length are enough
    ("call me back on 07700 900123", [(P, "07700 900123")]),
    ("tlf 91234567", [(P, "91234567")]),
    ("Tlf.: 41234567", [(P, "41234567")]),
    ("ring meg på 91234567", [(P, "91234567")]),
    ("mobilnummeret mitt er 91234567", [(P, "91234567")]),
    ("please call me on 91234567", [(P, "91234567")]),
    ("91234567 er mobilen min", [(P, "91234567")]),  # cue after the number
    ("sms til 9123 4567", [(P, "9123 4567")]),
    ("+47 912 34 567 eller +47 22 12 34 56", [(P, "+47 912 34 567"), (P, "+47 22 12 34 56")]),
    ("Kan dere ringe meg på 56 49 45 29 13:15?", [(P, "56 49 45 29")]),  # a time is not one more group
    ("phone number: 91234567", [(P, "91234567")]),
    ("kan nås på 97330947", [(P, "97330947")]),
    # negatives
    ("21234567", []),  # plain eight digits outside the mobile ranges, no cue
    # eight digits in one piece in a mobile range: a phone unless a reference word precedes (strict)
    ("91234567", [(P, "91234567")]),
    ("ring heller 48123390 i stedet for det gamle", [(P, "48123390")]),
    ("i stedet for 48123390", [(P, "48123390")]),
    ("send til 93456789 takk", [(P, "93456789")]),
    ("Fakturanr 94150561. Ring meg", []),
    ("Ordre #94571022 fra nettbutikken er ikke kommet", []),
    ("Terminal-ID: TID 40011872", []),
    ("betalte 48123390,50 for det", []),
    ("koden er 48123390", []),
    ("tlf 12345678", [(P, "12345678")]),  # a cue and eight digits: phone-shaped is enough (issue 7)
    ("kr 12 34 56 78", []),
    ("Det koster 91 23 45 67 kr", []),
    ("NOK 12.000 betalt 12.03.2024 kl 12:30", []),
    ("fakturanr 91234567", []),
    ("KID 91234567", []),
    ("kundenummer 91234567", []),
    ("Order number 38128771 hasn't been refunded", []),  # "number" is filler; "order" is nearest
    ("ordrenr. er 91234567", []),
    ("56 49 45 29 13", []),  # five groups: not a phone number
    ("saksnummer 2024-118834", []),
    ("$1,200.50 and 1 500,00", []),
    ("+47 123", []),
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_phone(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("+47 912 34 567", True),
        ("(+47) 91234567", True),
        ("0047 91234567", True),
        ("12345678", False),
        ("912345", False),
    ],
)
def test_is_valid_phone(text: str, valid: bool) -> None:
    assert is_valid_phone(text) is valid


@pytest.mark.parametrize(
    ("text", "neighbour", "raised"),
    [
        ("Kari Nordmann\n21234567", ("PERSON", 0, 13), True),  # signature: name, then the number
        ("Storgata 12, 21234567", ("ADDRESS", 0, 11), True),
        ("Kari Nordmann sa 21234567", ("PERSON", 0, 13), False),  # a word between: no signature
        ("21234567 Kari Nordmann", ("PERSON", 9, 22), False),  # the name comes after
        ("kari@example.no 21234567", ("EMAIL_ADDRESS", 0, 15), False),  # only names and addresses
    ],
)
def test_number_after_a_name_or_address(text: str, neighbour: tuple[str, int, int], raised: bool) -> None:
    """Presidio's related-entity hook: a plain number right after PERSON/ADDRESS is a signature line."""
    recognizer = ChatPhoneRecognizer("nb")
    own = recognizer.analyze(text, [P], None)
    assert [r.score for r in own] == [0.15]
    others = [RecognizerResult(neighbour[0], neighbour[1], neighbour[2], 0.85)]
    enhanced = recognizer.enhance_using_context(text, own, others, None)  # type: ignore[arg-type]
    assert (enhanced[0].score >= 0.4) is raised


def test_a_number_typed_twice_is_the_same_phone() -> None:
    """ "9 1 8 - 2 2 - 4 7 1" alone needs a cue word; with the same digits found as a phone it is that phone."""
    from anonymizer import Anonymizer

    text = "jeg har 9 1 8 - 2 2 - 4 7 1 nei vent 918 22 471 riktig"
    found = [text[e.start : e.end] for e in Anonymizer().analyze(text, mode="strict") if e.type == P]
    assert found == ["9 1 8 - 2 2 - 4 7 1", "918 22 471"]
