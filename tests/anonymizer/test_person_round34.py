"""Round 34: a point inside an amount ("2.500", "3.200,-") ends no sentence, so the payee after it is
still the payment's ("jeg skal betale 3.200,- til will for leie"); the dialects' "tel" for "til" is a
payment's preposition, and "en" after it a person's article before a given name ("betalt 2.500 tel en
vilma"); whom a verb of calling names before "on"/"på" and a phone number, also a word ("pls call Nok
on +47 ...", "ring liv på 412 ..."); one letter written as an initial closing the message after a dash
set off by spaces ("sender inn søknad i kveld - K."), or a message that is only a dash and the initials
("- t."); and the same words left alone where no such frame holds.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    # an amount with a thousands point between the verb of paying and the payee
    ("har betalt 1.250,- te stein for dekkskiftet", "stein"),
    ("sendte 4.000 til frank i går", "frank"),
    ("paid 1.200 to will for the bike", "will"),
    ("vippsa 1.500 te jo for konserten", "jo"),
    # "tel" for "til", and "en" before a given name after it
    ("kjøpte sykkel tel en ingrid på finn", "ingrid"),
    ("betalte 700 tel en jonas for billettene", "jonas"),
    ("han kom tel en ola", "ola"),
    # whom to call or text on a number, also a word: capitalised inside the sentence or a listed name
    ("call Nok on +66 81 234 5678, she is my wife", "Nok"),
    ("call Will on 939 46 859", "Will"),
    ("call will on 07700 900 318 please", "will"),
    ("text june on +44 7700 900 318", "june"),
    ("kan du ringe liv på 412 33 908", "liv"),
    ("ring Ask på mobil 45 61 22 09", "Ask"),
    ("ring mai på 45 61 22 09", "mai"),
    ("kan du ringe til liv på tlf. 412 33 908", "liv"),
    ("kan dere ringe til Nok på 412 33 908", "Nok"),
    # one letter written as an initial after a spaced dash closing the message, or a dash and initials alone
    ("hei, sender skjemaet i morgen - T.", "T"),
    ("takk for svaret - K", "K"),
    ("ok, betaler fakturaen i dag — s.", "s"),
    ("- p.", "p"),
    ("– jm", "jm"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round34_names(engine: Anonymizer, text: str, name: str) -> None:
    assert name in names(engine, text)


CLEAN: list[str] = [
    # an amount with a point, then what it pays for or when
    "betalte 2.500 til banken for gebyret",
    "skal betale 3.200,- til mai neste år",
    "overførte 1.500 til sparekontoen",
    "betalt 2.500 til dag 3 i måneden",
    "sendte 2.000. Til slutt ringte jeg",
    # "tel" and "en" before a noun, and "tel" for a telephone number
    "betalte 500 tel en venn",
    "sendte 200 tel en dag i uka",
    "betalt 300 tel ein snekker",
    "betalte 400 tel en bekjent av meg",
    "ring meg på tel 22 33 44 55",
    # calling a desk, a firm, an office or kin on a number, or oneself; "on"/"på" without a number
    "ring Banken på 915 00 000",
    "call Support on 800 123 4567",
    "ring Kundeservice på 915 04 800",
    "ring Legevakt på 116 117 00",
    "kontakt Politiet på 02800",
    "ring Nav på 55 55 33 33",
    "call Telenor on 22 33 44 55",
    "ring Mamma på 93 44 55 66",
    "ring sentralbordet på 22 33 44 55",
    "call customer service on 800 123 4567",
    "pls call me on +47 939 46 859",
    "call us on +47 939 46 859",
    "ring tilbake på 93 44 55 66",
    "ring gjerne på 93 44 55 66",
    "ring direkte på 93 44 55 66",
    "call it on 93 44 55 66",
    "call Nok on friday",
    "ringe til banken på 915 00 000",
    "ring til oss på 412 33 908",
    "ring opp igjen på 412 33 908",
    "ring til nummeret på 412 33 908",
    # a letter after a dash that is a plan, a vitamin, an entrance, an amount's or a word ("k" for "ok")
    "plan A - B.",
    "jeg tar vitamin - D.",
    "vi bor i oppgang - B.",
    "betalte 200 - K.",
    "ok det går fint - k",
    "sender i kveld - Å.",
    "- k",
    "- a.",
    "- ok",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round34_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
