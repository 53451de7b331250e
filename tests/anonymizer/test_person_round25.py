"""Round 25: names that are also words, months or places. A capitalised name right after the writer
introduces themself ("jeg er", "I'm"); an everyday word before a surname in no list after "I'm"; the
capitalised last word of a message after a comma or a full stop (a signature); "Guy" capitalised after
a greeting; and the same words used as words left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, list[str]]] = [
    # a first-person introduction before a capitalised soft name, a modal or a word-name
    ("Hallo, jeg er Jordan fra Sverige og lurer på sparekonto", ["Jordan"]),
    ("Hei, eg er August, sonen til Trude", ["August", "Trude"]),
    ("hello I'm Will and I lost my card yesterday", ["Will"]),
    ("I am April from the flower shop, we spoke on monday", ["April"]),
    # an everyday word, then a surname in no list, after "I'm"
    ("Hello, I'm Meadow Pickersgill, I need a new PIN", ["Meadow Pickersgill"]),
    # the signature after a comma: a listed name, even a word or a near-typo
    ("Kan dere ringe meg i morgen? Takk, Bogna", ["Bogna"]),
    ("please send the statement by post, thanks, Will", ["Will"]),
    # after thanks, a proper noun no list holds as a name
    ("Ring meg på 912 34 567 i morgen. Thanks, Brooklyn", ["Brooklyn"]),
    # the signature after a full stop: a capitalised word in no list
    ("The transfer never arrived, please check. Oluwaseun", ["Oluwaseun"]),
    # "Guy" capitalised after a greeting or with the writer is a person, not a fellow
    ("Hello Guy, did you get my papers?", ["Guy"]),
    ("Guy og jeg skal kjøpe leilighet sammen", ["Guy"]),
    ("the card is for me and Guy, can you add him", ["Guy"]),
    # a month or place name thanked or greeted, set off by a comma or "!"
    ("Thanks August, that solved it", ["August"]),
    # a place or brand word before a surname, after "til"/"to" or a sign-off, opens the name
    ("Kan jeg sende 500 kr til Paris Hansen i morgen?", ["Paris Hansen"]),
    ("Ring meg om noe mangler. Hilsen Milano Berg", ["Milano Berg"]),
    # a name-word with the writer as lower-case "i" after English "and", a capitalised modal before "ringer"
    ("mark and i want a joint account", ["mark"]),
    ("Hvis Will ringer i dag, be ham vente", ["Will"]),
    # a name-word after "til"/"spør" that a pronoun soon refers back to
    ("kan du spør storm om saken? han vet alt", ["storm"]),
    ("sendte 300 til rose i går, men hun har ikke fått dem", ["rose"]),
    # a couple signing with "&" after a sign-off, the names ending the message
    ("Takk for hjelpen.\nMvh\nRose & Tor Lie", ["Rose & Tor Lie"]),
    # names joined by "og" that a verb of needing and "begge" call people, a proper noun among them
    ("savannah og storm trenger begge nytt kort", ["savannah", "storm"]),
    # a month-name after "og" that turns an age
    ("Ola er 9 og April fyller 6, kan de få BSU?", ["Ola", "April"]),
    # a sentence-opening pronoun that is a name too stays a pronoun; inside a sentence the name is kept
    ("Hello,\nMy husband Tore Vik wants a card", ["Tore Vik"]),
]

WORDS: list[tuple[str, list[str]]] = [
    # "it's" / "det er" before a month or a place: a date or a place, not an introduction
    ("I'm Norwegian and need a card", []),
    ("Hei, jeg er Bergenser og vil flytte lånet", []),
    ("Det er Mai nå og lånet er ikke innvilget", []),
    # a first-person introduction before a month with a number, or a genitive before a noun
    ("I'm May 2024 ready to renew the loan", []),
    # a signature needs a comma or a full stop before it, and no month or place
    ("Vi flytter til Bergen i Juni", []),
    ("We fly on Friday to London, Paris", []),
    # a word of another language, or a cry, ending a message
    ("Kortet er stjålet fra meg. Pomocy!!", []),
    ("Takk for svaret. Gracias", []),
    ("Dere har sperret kortet. Skandale", []),
    # a pronoun or determiner that is a name too, opening its sentence
    ("He is my brother and he lost his card", []),
    ("Han har mistet kortet sitt i går", []),
    ("Hei,\nMy partner and I want a joint account", []),
    # a team beside "vs", a place after a compass word, "Even" as an adverb
    ("I paid for Brann vs Jordan tickets twice", []),
    ("We are moving to South Carolina next year", []),
    ("Even if the fee is small I want it back", []),
    ("Takk, Mai 5 passer fint", []),
    # "and i" is the writer only after English "and"; a capitalised word in no name list after "moved to"
    ("det går fra konto og i tillegg fra sparing", []),
    ("Min datter moved to Tirana last year and needs a card", []),
    # a place before a word that is no surname after "til" is no name
    ("Vi reiser til Oslo Sentrum i morgen", []),
    # a set phrase, a closed-class word, a month or a possessive after "til" before a pronoun
    ("prisen endrer seg fra dag til dag, sa han", []),
    ("jeg sendte til min mann, men han fikk ingenting", []),
    ("kan vi utsette til mai? han sa det går fint", []),
    ("vi reiste til sol og varme i fjor, og han elsket det", []),
    ("forsikringen dekker alt fra liv til helse, sa hun", []),
    # a firm joined by "&" after a sign-off, with its legal form
    ("Hilsen Berg & Sønn AS", []),
    # everyday words joined by "og" before "trenger begge"
    ("brød og melk trenger begge kjøling", []),
    # a month after "og" with a count of days is no age
    ("Mai har 31 dager og Juni er 30, ikke sant?", []),
    # "guy" as a word
    ("this guy called me about my account", []),
    ("Hei, fyren sa at a guy from the bank would call", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_round25_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_round25_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
