"""Round 33: a correction that opens with a verb of meaning or "det er"/"it was" needs no comma before
"not" ("I mean solveig not solvej", "det er sætre ikke settre"); a lower-case given name right after
a kin noun with its possessive, at the end of its clause or before a verb of people, even one that is
also a word ("svogeren min rune står", "my grandson ask, he's 2"); a lower-case given name that the
lists know only as a name, as the subject right after the verb that opens a question ("har yrsa lov
til", "kan itj solbjørg få") or after "var det" in a cleft ("var det henrik jeg prata med"); and the same
words left alone where no such frame holds. Also: a word in no list after a kin noun that only starts like
a cue word, before a verb of people ("my roommate callan paid"); a lower-case given name set off by
commas before a kin noun and its possessive ("d va per, svogeren min, som"); and "will"/"may" as a name
after "if"/"whether" before a past tense ("whether may sent") or after the modal opening a question
("Can Will open an account"); a given name that is also a place or a month, inside a sentence after
no place or time word, before a capitalised surname in no list with a surname's ending ("hvem er Ask
Tveitdal"); "will"/"may" opening a sentence with where the person is from and a past tense of saying
("Will from the card team said"), or after "jeg er"/"I am" before "og" ("jeg er will og lurer");
the right name exclaimed on its own before "not" and the wrong one ("liv! ikke lise"), and a misspelling
of a found name next to "sorry"/"oops" ("maritt, sorry, marit"); a listed given name, also one that is a
word, in a question whether that person still works somewhere ("is rose still working there", "jobber stein
fortsatt hos dere"); and whom the writer wants to reach ("får du tak i Dag?"); a short form before the
given name it starts in brackets ("ben (benjamin)"); a listed surname right after "etternavnet"/"surname",
closing its clause ("og etternavnet lie"); a given name right after a greeting, then "from" and an office
("Hello! Faith from the payroll team at ...").
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    # a correction opened by a verb of meaning or "det er", no comma before "not"
    ("nei, det er sætre ikke settre", "settre"),
    ("I mean solveig not solvej", "solvej"),
    # a lower-case given name after a kin noun and its possessive
    ("Svogeren min rune står fortsatt på kontoen", "rune"),
    ("its for my grandson ask, hes 2", "ask"),
    # the subject of a question that opens with its verb, or after "var det" in a cleft
    ("kan itj solbjørg få ny pinkode", "solbjørg"),
    ("har yrsa lov til å se saldoen?", "yrsa"),
    ("var det henrik jeg prata med i går", "henrik"),
    ("was it aleksander i spoke to yesterday?", "aleksander"),
    # a word in no list after a kin noun that only starts like a cue word ("call"), before a verb of people
    ("my roommate callan paid the rent", "callan"),
    # a lower-case given name set off by commas before a kin noun and its possessive
    ("d va per, svogeren min, som betalte", "per"),
    ("det var rune, naboen min, han lånte meg penger", "rune"),
    # a modal name after "if"/"whether" before a past tense, or after the modal opening a question
    ("can you check whether may sent the money", "may"),
    ("Can Will open an account for our son?", "Will"),
    # a given name that is also a place or a month, inside a sentence, before a surname in no list
    ("hvem er Ask Tveitdal? han har trukket 900 kr", "Ask Tveitdal"),
    ("betalte Ask Lyngvik for sykkelen", "Ask Lyngvik"),
    # "will"/"may" opening a sentence, "from" where the person is from, then a past tense of saying
    ("Will from the card team said I should write here", "Will"),
    # "will"/"may" after "jeg er"/"I am" before "og"/"and"
    ("hei jeg er will og lurer på noe", "will"),
    ("hallo, jeg er may og har et spørsmål", "may"),
    # the right name exclaimed on its own, then "not" and the wrong one
    ("liv! ikke lise", "liv"),
    ("storm! ikke stian", "storm"),
    # a slip owned up to with "sorry"/"oops" next to the right spelling
    ("maritt, sorry, marit", "maritt"),
    ("torbjønr oops torbjørn", "torbjønr"),
    # whether someone still works at the bank, a listed given name that is also a word
    ("is rose still working there? she set up my loan", "rose"),
    ("was mark still employed at your Bergen office in 2022?", "mark"),
    ("jobber stein fortsatt hos dere?", "stein"),
    # reaching someone: "få tak i", "get hold of"
    ("klarer du å få tak i Dag? han er rådgiveren min", "Dag"),
    # a short form with the full given name it starts in brackets after it
    ("ben (benjamin) skal ha eget kort", "ben"),
    ("kris (kristoffer) er sønnen min", "kris"),
    # a listed surname right after the noun for a surname, closing its clause
    ("og etternavnet lie", "lie"),
    ("fornavn ola, surname bush.", "bush"),
    # a given name right after a greeting, "from" and the office the writer writes from
    ("Hello! Faith from the payroll team at Nordsjø Bygg AS here", "Faith"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round33_names(engine: Anonymizer, text: str, name: str) -> None:
    assert name in names(engine, text)


CLEAN: list[str] = [
    # "not" in a correction of things, not names
    "I meant monthly not weekly",
    "jeg mener fast rente ikke flytende",
    "det er feil ikke riktig",
    # a kin noun and its possessive before a verb or a word
    "my grandmother got a call from someone claiming to be the bank",
    "my parents live abroad, can they get a card?",
    "kona mi har ikke fått kortet",
    "my husband also needs access",
    # a question that opens with its verb, with no name after it
    "har dere lov til å sperre kortet mitt?",
    "kan ikke banken sende brevet i posten",
    "var det noe jeg glemte å fylle ut?",
    "treng tala te skattemeldinga",
    "is bill payment possible on weekends?",
    "har sol og regn noe å si for renta?",
    # a kin noun set off by commas after a word, a will and a month
    "ja, kona mi, hun sier det er greit",
    "my will is with the lawyer",
    "if the will got lost what happens",
    "Can May be the start date?",
    "I wonder if may is better for the meeting",
    # a place or a time before the name and the farm
    "bor i Ask Bjørkedal nå",
    "kommer fra Ask Bjørkedal",
    # "from" a time, with its own subject; a slip after "I'm"
    "Will from now on I said no",
    "I'm will be late",
    # an exclamation and a slip owned up to with no name in them
    "nei! ikke det",
    "ja! ikke nå",
    "sorry, sorry, feil konto",
    # things that still work, things one gets hold of
    "is the app still working there",
    "is it still working at all",
    "får du tak i pengene før fredag",
    "can I get hold of the statement",
    # a word and a longer word in brackets, no given name; the noun for a surname in a clause going on
    "the app (application) is down",
    "jeg har en tom (tomme) konto",
    "etternavnet mitt er feil",
    "surname field is empty",
    # a greeting, then a thing from an office
    "hei, regning fra kontoret kom i går",
    "hello, mail from the office arrived",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round33_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
