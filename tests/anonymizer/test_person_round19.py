"""Round 19: newcomers' names and dictated messages. A name in its own script beside the Latin one or in a
name field, passport order (SURNAME in capitals, given names not), one name in several spellings in one
message, a well-known given name copied in capitals, a number dictated into an e-mail's user name; and the
look-alikes left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


def emails(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == "EMAIL_ADDRESS"]


# Another script: after a found name behind a slash or in brackets (a language may be named), before one,
# or as the value of a name field.
OTHER_SCRIPT: list[tuple[str, list[str]]] = [
    ("Ny betalingsmottaker: Yusuf Haddad / يوسف حداد, konto i Amman", ["Yusuf Haddad", "يوسف حداد"]),
    ("Svigermor Natalia Petrenko (Наталія Петренко) skal ha fullmakt", ["Natalia Petrenko", "Наталія Петренко"]),
    ("Klienten Kavitha Selvam (på tamil: கவிதா செல்வம்) trenger tolk", ["Kavitha Selvam", "கவிதா செல்வம்"]),
    ("Имя: Сергей Волков / Sergei Volkov", ["Сергей Волков", "Sergei Volkov"]),
    ("Navn: Дмитрий Соколов\nTelefon: 4", ["Дмитрий Соколов"]),
    # look-alikes: words in another script with no name beside them and no name label
    ("Naboen skrev bare شكرا جزيلا til meg etter møtet", []),
    ("Til: Київ\nBeløp: 200 euro", []),
    ("Appen viser teksten Ошибка оплаты når jeg betaler", []),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_SCRIPT)
def test_round19_a_name_in_another_script(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Passport order: the surname in capitals before a found given name, given names after a found surname
# in capitals.
PASSPORT_ORDER: list[tuple[str, list[str]]] = [
    ("Mottaker: OKONKWO Chidinma\nBank: Zenith", ["OKONKWO Chidinma"]),
    ("Jeg overførte til TESFAMARIAM Yohannes forrige uke", ["TESFAMARIAM Yohannes"]),
    ("Beneficiary: HOSSEINI Mahtab Zahra", ["HOSSEINI Mahtab Zahra"]),
    # look-alikes: an acronym or an everyday word in capitals before a name, a day after one
    ("Jeg ringte NAV Kari i går", ["Kari"]),
    ("VIKTIG Kari må signere", ["Kari"]),
    ("Skal sende til HANSEN Mandag", ["HANSEN"]),
]


@pytest.mark.parametrize(("text", "expected"), PASSPORT_ORDER)
def test_round19_passport_order(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# One name spelled several ways in one message: one letter off a found name, or a found name of two
# words written as one; a well-known given name copied in capitals.
SPELLINGS: list[tuple[str, list[str]]] = [
    ("Jeg heter Ingrid, men på kortet står det Ingird", ["Ingrid", "Ingird"]),
    ("Jeg heter Thuy, men appen viser Thúy og brevet sier Thuyy", ["Thuy", "Thúy", "Thuyy"]),
    ("Etternavnet mitt er AL HASSAN, men kortet sier ALHASSAN", ["AL HASSAN", "ALHASSAN"]),
    ("the letter says YOUSSEF and my passport says YOUSEF", ["YOUSSEF", "YOUSEF"]),
    # look-alikes: an everyday word one letter from a found name; an acronym in capitals alone
    ("Jeg heter Jens, og jeg trenger hjelp med kortet", ["Jens"]),
    ("Hilsen Mona, jeg fikk en mail fra NORDEA om PSD2", ["Mona"]),
    ("Please send the PDF to my bank, regards Pablo", ["Pablo"]),
]


@pytest.mark.parametrize(("text", "expected"), SPELLINGS)
def test_round19_one_name_spelled_several_ways(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A number dictated at the end of an e-mail's user name.
DICTATED_EMAILS: list[tuple[str, list[str]]] = [
    (
        "mailen min er kari punktum berg førtifem alfakrøll hotmail punktum com",
        ["kari punktum berg førtifem alfakrøll hotmail punktum com"],
    ),
    ("my email is tom dot lee twelve at gmail dot com", ["tom dot lee twelve at gmail dot com"]),
    # look-alike: numbers with no "@" word after them
    ("jeg har tjue kroner på kontoen og sendte mail til dere", []),
]


@pytest.mark.parametrize(("text", "expected"), DICTATED_EMAILS)
def test_round19_a_number_dictated_into_an_email(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert emails(engine, text) == expected
