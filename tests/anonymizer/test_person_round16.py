"""Round 16: names in everyday chat that a weak cue gives away (a name after a phone number, the writer
naming themself in dialect), and the same words as numbers, places and everyday words left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# Four digits after a hyphen or a dot end a longer number, not a postcode before a place.
AFTER_A_NUMBER: list[tuple[str, list[str]]] = [
    ("ring meg på 4812-3390 torstein her", ["torstein"]),
    ("tlf 22.41.7765 kjersti her", ["kjersti"]),
    # look-alikes: a postcode and its place
    ("adressa mi e Sjøgata 4, 8006 Bodø", []),
    ("bor på 7043 Trondheim no", []),
]


@pytest.mark.parametrize(("text", "expected"), AFTER_A_NUMBER)
def test_round16_a_name_after_a_number_is_no_place(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The writer names themself in dialect: "dæ e X igjen", or a bare "e X her" right after the greeting.
DIALECT_SELF: list[tuple[str, list[str]]] = [
    ("hallo dæ e sigbjørn igjen, har dokker sett på saka?", ["sigbjørn"]),
    ("hei, e liv her, ka koste et nytt kort?", ["liv"]),
    ("heisann e synnøve her. kortet e sperra", ["synnøve"]),
    # look-alikes: the same words saying what the weather or a thing is
    ("dæ e bra no, takk for hjelpa", []),
    ("hei, e sol her i morgon tru?", []),
    ("hei dæ e mai igjen snart, kjem feriepengan då?", []),
]


@pytest.mark.parametrize(("text", "expected"), DIALECT_SELF)
def test_round16_the_writer_names_themself_in_dialect(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A rare given name in lower case after the dialect article "ho"/"han", set off by commas or before a verb.
ARTICLE_NAMES: list[tuple[str, list[str]]] = [
    ("dattera mi, ho gyri, treng nytt kort", ["gyri"]),
    ("no ska ho ylva ha 300 te bursdagen, og ho ylva ska ha 200 til", ["ylva", "ylva"]),
    # look-alikes: dialect verbs and everyday words after the same pronouns
    ("han sie han ikkje har fått pengan", []),
    ("ho vil ha nytt kort, ho sa det i går", []),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLE_NAMES)
def test_round16_a_rare_name_after_the_dialect_article(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A month-name paid, then taken up by "she"/"he" in the next clause: a person, not the time of year.
SOFT_PAYEES: list[tuple[str, list[str]]] = [
    ("overførte 400 kr til april men ho seier ho ikkje har fått noko", ["april"]),
    ("i sent 200 kr to june but she never got it", ["june"]),
    # look-alikes: the month as a date, and a pronoun with no payment before it
    ("betalinga er utsatt til juni men han sa det var greit", []),
    ("vi reiser til mai men hun vil ikke", []),
]


@pytest.mark.parametrize(("text", "expected"), SOFT_PAYEES)
def test_round16_a_month_paid_and_taken_up_by_a_pronoun(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The note on a gift: "til X fra mamma", "to X from grandma" names the one it is for.
GIFT_NOTES: list[tuple[str, list[str]]] = [
    ("til frida fra mormor: 500 kr til konfirmasjonen", ["frida"]),
    ("to hope from dad, happy 18th!", ["hope"]),
    # look-alikes: places and things from and to, and a note with no giver
    ("til oslo fra bergen tar det 7 timer", []),
    ("to hope from the start was naive", []),
]


@pytest.mark.parametrize(("text", "expected"), GIFT_NOTES)
def test_round16_the_note_on_a_gift(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A Vietnamese name in lower case whose given name is a closed-class word ("an"), before the next clause.
VIETNAMESE: list[tuple[str, list[str]]] = [
    ("sendte 300 til pham van an men han har ikke fått det", ["pham van an"]),
    ("kontoen er til bui van an og han er sønnen min", ["bui van an"]),
    # look-alike: "van" and "an" as words after a name, and the name alone
    ("tran van and i went to the bank together", ["tran"]),
]


@pytest.mark.parametrize(("text", "expected"), VIETNAMESE)
def test_round16_a_vietnamese_given_name_that_is_a_word(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Someone taken off or put on a shared account, with the verb before the writer ("melder jeg X ut av").
TAKEN_OFF: list[tuple[str, list[str]]] = [
    ("kan jeg melde ut liv? nei, hvordan melder jeg liv ut av den felles kontoen", ["liv"]),
    ("how do i take rose off our joint account", ["rose"]),
    # look-alikes: the writer themself, and no name between verb and particle
    ("hvordan melder jeg meg ut av den felles kontoen", []),
    ("hvordan tar jeg ut av den felles kontoen", []),
]


@pytest.mark.parametrize(("text", "expected"), TAKEN_OFF)
def test_round16_someone_taken_off_a_shared_account(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A pair that what follows calls people: "skal begge få", "each", "are twins" (also joined by "&").
PAIRS: list[tuple[str, list[str]]] = [
    ("te liv og dag ska begge ha 300 te jul", ["liv", "dag"]),
    ("we paid 500 to grace and rose each last week", ["grace", "rose"]),
    ("Hope & Joy are twins and need a savings account each", ["Hope", "Joy"]),
    # look-alikes: everyday pairs and a firm joined by "&"
    ("sol og regn er begge meldt i helga", []),
    ("Hansen & Sønn er begge stengt i dag", []),
    ("salt and pepper each cost 20 kr", []),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_round16_a_pair_that_what_follows_calls_people(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A lower-case name that is also a word, said again as the one who got or wrote something.
SAID_AGAIN: list[tuple[str, list[str]]] = [
    ("sendte 400 kr til sol, men bare sol fått varsel", ["sol", "sol"]),
    ("i sent 300 kr to grace but grace got nothing", ["grace", "grace"]),
    # look-alike: the same word without a name found before it
    ("only hope got us through the winter", []),
]


@pytest.mark.parametrize(("text", "expected"), SAID_AGAIN)
def test_round16_a_name_said_again_as_who_got_it(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Whom the writer talked with: a listed name after "talking to", "prata med".
TALKED_WITH: list[tuple[str, list[str]]] = [
    ("so i was talking to faith and she said the fee is gone", ["faith"]),
    ("eg prata me stein i går og han meinte det va greit", ["stein"]),
    # look-alikes: talking with no one named, or about a thing
    ("jeg snakket med banken i går", []),
    ("i was talking to support and they said no", []),
]


@pytest.mark.parametrize(("text", "expected"), TALKED_WITH)
def test_round16_whom_the_writer_talked_with(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The right spelling of a found name set against it: "X altså, ikkje Y", "X, not Y".
RESPELLED: list[tuple[str, list[str]]] = [
    ("ho tonjee altså, ikkje tonje. eg skreiv feil", ["tonjee", "tonje"]),
    ("it's sandrah, not sandra, on the card", ["sandrah", "sandra"]),
    # look-alike: a word one letter from a name, with nothing setting them against each other
    ("kjell sendte meg kjella i går", ["kjell"]),
]


@pytest.mark.parametrize(("text", "expected"), RESPELLED)
def test_round16_a_spelling_set_against_a_found_name(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A word the writer says is their name ("til etternavn", "som etternamn"), a place or a word though it is.
STATED_AS_NAME: list[tuple[str, list[str]]] = [
    ("Jeg heter Moss til etternavn og trenger nytt kort", ["Moss"]),
    ("Eg heiter Voss til etternamn og bur i Voss", ["Voss"]),
    # look-alikes: the same places with no name stated
    ("Jeg bor i Moss og trenger nytt kort", []),
    ("Vi flytta til Voss i fjor", []),
]


@pytest.mark.parametrize(("text", "expected"), STATED_AS_NAME)
def test_round16_a_word_stated_as_the_surname(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# An Irish surname in lower case with "o" for "O'": the whole name, not only its given name.
IRISH: list[tuple[str, list[str]]] = [
    ("my name is niamh o sullivan and i moved here in may", ["niamh o sullivan"]),
    # look-alike: dialect "o" for "og" between two given names keeps them two people
    ("ola o kari ska ha 200 kvar", ["ola", "kari"]),
]


@pytest.mark.parametrize(("text", "expected"), IRISH)
def test_round16_an_irish_surname_without_its_apostrophe(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
