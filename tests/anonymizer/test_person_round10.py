"""Round 10: kinds of values that still leaked on the development sets, each with look-alikes that must
stay unflagged, one block a rule: a dotted account number next to an amount; Nigerian and Ghanaian names,
virtue names among them; the particles "ould", "delos", "delas"; one given name or surname more before a
found name; self-introductions in other languages, the bank's people "fra dere", lower-case double given
names, a quoted word asked about as a name, a middle name on its own line; greetings of other languages; "(snabel)" for
"@"; Ukrainian and Russian addresses.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


def of_type(engine: Anonymizer, text: str, entity_type: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == entity_type]


# A dotted 4.2.5 account number is complete in itself: an amount in digit groups may stand next to it.
KONTO: list[tuple[str, list[str]]] = [
    ("husleia går til 1503.20.47812 11 500 kr hver måned", ["1503.20.47812"]),
    ("overfør 2 500 1503.20.47812 i dag", ["1503.20.47812"]),
    ("betal 1503.20.47812 4 200,-", ["1503.20.47812"]),
    # a longer dotted or hyphened run is no account number
    ("ref 1503.20.47812.11", []),
    ("ref 1503.20.47812-11", []),
]


@pytest.mark.parametrize(("text", "expected"), KONTO)
def test_round10_kontonummer_next_to_amount(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert of_type(engine, text, "NO_KONTONUMMER") == expected


# Nigerian and Ghanaian given names and surnames; the virtue names among them are everyday words as well.
WEST_AFRICAN: list[tuple[str, list[str]]] = [
    ("Beneficiary is my sister Chioma Nwosu", ["Chioma Nwosu"]),
    ("Mercy Boateng will sign the papers tomorrow", ["Mercy Boateng"]),
    ("Please send it to Precious Adeyemi in Lagos", ["Precious Adeyemi"]),
    ("kontoen er til Kwabena Owusu", ["Kwabena Owusu"]),
    # the virtue names as words
    ("Have mercy on me, the app is down again", []),
    ("It was a blessing that the card came", []),
    ("How do I buy precious metals in the fund?", []),
    ("Thanks for your patience and the comfort of knowing", []),
]


@pytest.mark.parametrize(("text", "expected"), WEST_AFRICAN)
def test_round10_west_african_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Particles of Hassaniya ("ould", son of) and Filipino ("delos", "delas") surnames belong to the name.
PARTICLES: list[tuple[str, list[str]]] = [
    ("kontoen til Ahmed ould Cheikh er sperret", ["Ahmed ould Cheikh"]),
    ("Etternavnet mitt er ould Salem", ["ould Salem"]),
    ("the payee is Maria delos Santos", ["Maria delos Santos"]),
    ("NAME: DELAS ALAS, MARIA", ["DELAS ALAS", "MARIA"]),
    # the same letters that are no particle
    ("I could hold it for you", []),
]


@pytest.mark.parametrize(("text", "expected"), PARTICLES)
def test_round10_particles(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# One word more before a found name: a capitalised given name that is a word too, inside a sentence, before
# a name in no list; "Hans" (his) capitalised before a sure given name; a lower-case surname written first.
BEFORE: list[tuple[str, list[str]]] = [
    ("kan du legge til Bo Ødegårdsvik som mottaker", ["Bo Ødegårdsvik"]),
    ("mottaker er Sol Trævik", ["Sol Trævik"]),
    ("Hans Olav har fått nytt kort", ["Hans Olav"]),
    ("i går ringte Hans Erik Moe", ["Hans Erik Moe"]),
    ("nguyen thanh\n12.03.1990", ["nguyen thanh"]),
    # the same words where they are words
    ("Ask Trævik om lånet", []),
    ("Hans kone har fått nytt kort", []),
    ("Vi var i Mai Trævik", []),
]


@pytest.mark.parametrize(("text", "expected"), BEFORE)
def test_round10_given_before(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Self-introductions in the languages newcomers write in (a capitalised name after the "I am" phrases that
# are also everyday Vietnamese or Polish words), and the "my name is" phrases of those languages.
INTRODUCTIONS: list[tuple[str, list[str]]] = [
    ("tôi là Hoa và tôi cần hjelp med kortet", ["Hoa"]),
    ("Dzień dobry, to ja Marek, pisałem wczoraj", ["Marek"]),
    ("mam na imię Agnieszka i mam pytanie", ["Agnieszka"]),
    ("мене звати Олена", ["Олена"]),
    ("je m'appelle Amélie Dubois et j'ai une question", ["Amélie Dubois"]),
    # the phrases before words: "I am a Vietnamese person", a foreign sentence going on after a name
    ("tôi là người Việt", []),
    ("em là sinh viên", []),
    ("me llamo lucia y necesito ayuda", []),
]

# The bank's own people named by the bank ("X fra dere"), and a writer saying where the bank met them.
FROM_US: list[tuple[str, list[str]]] = [
    ("Kari fra kundeservice ringte meg", ["Kari"]),
    ("Stein fra dere sa at kortet var sendt", ["Stein"]),
    ("hi its mark from the chat again", ["mark"]),
    # pronouns, nouns with an article, and words from the bank
    ("Jeg fikk brev fra dere i går", []),
    ("en mann fra banken ringte", []),
    ("a guy from the bank called me", []),
    ("it is time from the bank", []),
]

# Lower-case double given names; a quoted word asked about as a name; a Vietnamese middle name on its line.
SHAPES: list[tuple[str, list[str]]] = [
    ("anne-lise og jeg har felles konto", ["anne-lise"]),
    ('is "Bassi" ok as name on the card?', ["Bassi"]),
    ("Tran\nThi\nLan", ["Tran", "Thi", "Lan"]),
    # a compound of words, a quoted word asked about as a word
    ("send it by e-mail", []),
    ('what does "fee" mean as name of the charge', []),
    ('I wrote "hello" as the name?', []),
]


@pytest.mark.parametrize(("text", "expected"), INTRODUCTIONS + FROM_US + SHAPES)
def test_round10_phrases_around_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Greetings and forms of address of other languages opening a message are no names.
GREETINGS: list[tuple[str, list[str]]] = [
    ("Chào chị, tôi muốn hỏi về thẻ", []),
    ("Olá, preciso de ajuda com o cartão", []),
    ("Szanowni Państwo, piszę w sprawie konta", []),
    ("Merhaba, kartım çalışmıyor", []),
    ("Witam, mam pytanie. Mam na imię Ewa", ["Ewa"]),
]


@pytest.mark.parametrize(("text", "expected"), GREETINGS)
def test_round10_foreign_greetings(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# "@" said as the bare word "snabel" (the elephant's trunk the Scandinavian name of "@" comes from), in brackets.
EMAILS: list[tuple[str, list[str]]] = [
    ("my email is olga.petrenko (snabel) gmail.com", ["olga.petrenko (snabel) gmail.com"]),
    ("e-post: kari [snabel] online.no", ["kari [snabel] online.no"]),
    # the word itself, not between a user name and a domain
    ("en elefant har snabel (snabel) ja", []),
]


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_round10_bracketed_snabel(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert of_type(engine, text, "EMAIL_ADDRESS") == expected


# Ukrainian and Russian addresses as newcomers transliterate them: street type first, flat, town, postcode.
ADDRESSES: list[tuple[str, list[str]]] = [
    ("my old address: vul. Franka 3, kv. 12, Odesa 65000", ["vul. Franka 3, kv. 12, Odesa 65000"]),
    ("prosp. Peremohy 22, Kyiv, 03056", ["prosp. Peremohy 22, Kyiv, 03056"]),
    ("ulitsa Lenina 14, kv. 7", ["ulitsa Lenina 14, kv. 7"]),
    # the abbreviation without a capitalised street name and a number
    ("vul. is short for vulytsia, 3 letters", []),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_round10_east_slavic_addresses(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert of_type(engine, text, "ADDRESS") == expected
