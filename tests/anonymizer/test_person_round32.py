"""Round 32: given names the lists lacked (the nynorsk "-leiv" spelling, "Kine", Somali names in Somali
orthography), a listed given name with the initial of its surname found as one name ("«Kjell A»"), a
list of names that goes on after a child's age in words in brackets ("Sol (3 år) og Ask"), a given name
that is also a little word standing between two names of a list ("ole, dina, mohammed"), a name before
or after the nynorsk past "heitte" ("kent heitte han"), a lower-case name that is a word with "og jeg"
after the greeting that opens a message ("hei dag og jeg skal ..."), "w" for "with" ("lunch w Dev"), a
name opening a sentence, where the person is from, then a verb of saying, sending or calling ("mark from
your bergen office said"), one consonant signing after a dash on its own line, and a greeting with its
last letter drawn out ("hiii its sky"), and a surname that is nothing else opening its line before an
account number ("jørgensen 3000 69 97526 450"); and the same words left alone where no such frame holds.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    # given names the lists lacked
    ("Kan Ingleiv få tilgang til kontoen til far?", "Ingleiv"),
    ("jeg har lånt bort kortet til kine, er det lov", "kine"),
    ("Maxamed Cabdi sendte meg 500 kr i går", "Maxamed Cabdi"),
    ("overføringen til Xaawo har ikke kommet fram", "Xaawo"),
    ("Ring meg i kveld. Hibo", "Hibo"),
    # a listed given name and a surname initial, where a rule found the given name alone
    ("Hvem er «Margit L» som har trukket 300 kr fra meg?", "Margit L"),
    ('Betalingen kom fra "Halvor T" i går', "Halvor T"),
    # a list that goes on after an age in words in brackets
    ("Vil spare til Kari (5 år) og Stein (2 år) hver måned", "Kari Stein"),
    ("Barnetrygd for Emil (6 mnd), Sol (4 år) og Even", "Emil Sol Even"),
    ("BSU for Astrid (nyfødt) og Dag", "Astrid Dag"),
    # a given name that is also a little word, between two names of a list
    ("vi deler husleia: ola, dina, kari og meg", "dina"),
    ("Felles konto for Per Olav, Dine, Mohammed og meg?", "Dine"),
    # the nynorsk past of the naming verb, the name before it or after it
    ("seljaren, sol heitte ho, ville ha pengane på førehand", "sol"),
    ("eg snakka med ein som heitte berg i går", "berg"),
    # a lower-case name that is a word, with "og jeg" right after the greeting that opens the message
    ("hei stein og jeg vil ha felles konto", "stein"),
    ("hallo liv og eg skal flytte saman", "liv"),
    # "w" for "with" in a quick note
    ("coffee w Zorana tomorrow?", "Zorana"),
    ("meeting w Stein at the branch", "Stein"),
    # a name that opens the sentence, where the person is from, then a verb of saying, sending or calling
    ("grace from the Oslo branch told me the card was on its way", "grace"),
    ("Per fra kundeservice sa at gebyret skulle strykes", "Per"),
    ("Dawn from Nordic Pipes AS called about the invoice", "Dawn"),
    # one consonant after a signing dash on a line of its own
    ("har dere fått skjemaet mitt?\n- t", "t"),
    # a greeting typed with its last letter drawn out opens the message like the greeting itself
    ("heiii det er stein her, har fått nytt nummer", "stein"),
    ("hiiii its hope 🌷 my card is blocked", "hope"),
    # a surname that is nothing else, opening its line before an account number: a payee noted down
    ("halvorsen 1503 12 34567 2000 kr – kom den fram?", "halvorsen"),
    ("betalinger i dag:\nkristiansen 3000.69.97526 450", "kristiansen"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round32_names(engine: Anonymizer, text: str, name: str) -> None:
    found = names(engine, text)
    words = " ".join(found).split()
    assert all(word in words for word in name.split()), found


CLEAN: list[str] = [
    # little words in lists that are no lists of names
    "kan du sende dina og mina papirer",
    "dine, mine og våre kontoer",
    "min, din og hans konto er sperret",
    # a plan and a letter
    "Vi valgte plan B i fjor",
    "Jeg har type A og type B",
    # ages in brackets without names
    "Jeg har to barn (3 år) og (5 år) og vil spare",
    "sparing for barna (nyfødt) og mer",
    # months and words in lists
    "mai, juni og juli er dyre",
    # the naming verb's word forms without a name
    "kva heitte det no igjen?",
    "det heitte noko anna før",
    # a greeting, then a kin word or nothing before "og jeg"
    "hei mamma og jeg har felles konto",
    "hei og jeg lurer på noe",
    "en dag og jeg fikk ikke logget inn",
    # "w" that is no "with": watts, and Polish "in"
    "charger 65 W Anker",
    "mieszkam w Bergen od roku, brat też",
    "pracuję w Norwegii, chcę otworzyć konto",
    # a month or a bill from somewhere, and a wish
    "Mai fra i fjor vil jeg ikke glemme",
    "the bill from Telenor sent me over the limit",
    # a list ending in a letter
    "Handleliste:\n- melk\n- k",
    "Svar a eller b\n- a",
    # a drawn-out greeting before words
    "heiii det er meg igjen",
    "hiii its me again, the card is still blocked",
    # a place, a bank or a word before an account number; a surname before an amount alone
    "oslo 3000 69 97526 450",
    "dnb 30006997526 til sparing",
    "konto 30006997526 er min",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round32_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
