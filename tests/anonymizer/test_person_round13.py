"""Round 13: names in young customers' chat (slang verbs of paying, marketplaces, lists with the writer,
nicknames that are everyday words) and a maiden name after a name, each with look-alikes that must stay
unflagged, one block a rule.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# The person paid or owed after a slang verb of paying, and the next payee of the same sentence.
PAYEES: list[tuple[str, list[str]]] = [
    ("jeg vippsa mo 350 for pizzaen men han fikk det ikke", ["mo"]),
    ("skylder ask 200 og stein 90 etter festen", ["ask", "stein"]),
    ("må vippse vår for konsertbilletten", ["vår"]),
    ("i owe storm 40 for the tickets lol", ["storm"]),
    # look-alikes: a month, an adverb, a possessive before a noun, a stone
    ("jeg betaler mai 5000 og juni 5000", []),
    ("kan jeg betale ned 50 000 på lånet", []),
    ("vi må betale vår del av husleia", []),
    ("fant en stein 20 meter unna", []),
]


@pytest.mark.parametrize(("text", "expected"), PAYEES)
def test_round13_payee_after_a_slang_verb(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Someone on a marketplace or an app who does what people do; a handle of given name and surname.
SITES: list[tuple[str, list[str]]] = [
    ("luna på finn vil ha forskudd før hun sender", ["luna"]),
    ("en Storm fra tise sendte meg en rar lenke", ["Storm"]),
    ("river from insta asked for my bankid code", ["river"]),
    ("en fyr på snap (ola.hansen) vil låne kontoen min", ["ola.hansen"]),
    # look-alikes: a thing bought on a site, an e-mail address, a dotted handle in talk of e-mail
    ("kjøpte en sofa på finn i går", []),
    ("skriv til ola.hansen@gmail.com", []),
    ("min mail er kari.berg på outlook", []),
]


@pytest.mark.parametrize(("text", "expected"), SITES)
def test_round13_someone_on_a_site(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A list that holds the writer and a name found already: the other words are people too.
WRITER_LISTS: list[tuple[str, list[str]]] = [
    ("me, emma og ask deler en leilighet", ["emma", "ask"]),
    ("so Blaze, Sara and me split the rent", ["Blaze", "Sara"]),
    # look-alikes: a greeting before the writer, things in a list, kin
    ("Hei, jeg og Kari lurer på noe", ["Kari"]),
    ("me, kaffe og kake er alt jeg trenger", []),
    ("meg, mamma og pappa har felles konto", []),
]


@pytest.mark.parametrize(("text", "expected"), WRITER_LISTS)
def test_round13_list_with_the_writer(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Kin and naming: the owner of a kin noun, a bare kin noun before what is granted or owned, a remark in
# brackets, a naming verb with an adverb, a maiden name, a lower-case name before a verb of lending.
KIN_AND_NAMING: list[tuple[str, list[str]]] = [
    ("søstera til Blue mista kortet sitt", ["Blue"]),
    ("kan jeg gi tante Lilje tilgang til kontoen", ["Lilje"]),
    ("send it to my bf Ace's account", ["Ace"]),
    ("fikk penger fra river (his real name btw)", ["river"]),
    ("fyren heter visst Lykke, rart navn", ["Lykke"]),
    ("Mor er Ragnhild Moe f. Dal og bor på sykehjem", ["Ragnhild Moe", "Dal"]),
    ("mo lånte 500 av meg i fjor", ["mo"]),
    # look-alikes: a place after "til", a thing in brackets, a birth year, a town in lower case
    ("broren min flytter til Bergen", []),
    ("kjøpte en jakke (navnet på merket glemte jeg)", []),
    ("Kari Moe f. 1950 er min mor", ["Kari Moe"]),
    ("i mo lånte jeg 500 kr", []),
]


@pytest.mark.parametrize(("text", "expected"), KIN_AND_NAMING)
def test_round13_kin_and_naming(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Lower-case names after youth kin nouns, and the payer of a transfer; a pair of people something befell.
MORE: list[tuple[str, list[str]]] = [
    ("bestien min liv har ikke betalt meg tilbake", ["liv"]),
    ("overføringen fra stein 😅 kom aldri", ["stein"]),
    ("Aryan og Sherzad ble svindlet på samme måte", ["Aryan", "Sherzad"]),
    # look-alikes: a season and weather, a transfer from an account
    ("sol og regn ble det i helga", []),
    ("overføringen fra sparekontoen kom aldri", []),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_round13_youth_kin_transfers_and_pairs(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A list with the writer where every other item may be a person; a name set off by an emoji before a verb
# of people; capital initials on the line after thanks; youth words of address that are no names.
SET_OFF: list[tuple[str, list[str]]] = [
    ("meg, nova og storm skal dele strømregninga", ["nova", "storm"]),
    ("lina 🌸 sendte meg 500 i går", ["lina"]),
    ("Takk for svaret.\nT.H.", ["T.H"]),
    # look-alikes: things in a list, weather with an emoji, a plain closing line, youth address words
    ("meg, mai og juni er travle", []),
    ("sol ☀️ skinner i dag, kan jeg betale regninga nå", []),
    ("Takk for svaret.\nOK.", []),
    ("yo bro, kan du sjekke kortet mitt", []),
    ("hei bruh kortet mitt er sperra", []),
]


@pytest.mark.parametrize(("text", "expected"), SET_OFF)
def test_round13_lists_emoji_initials_and_address(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Words young customers use that are no names: the generic pronoun, "vi" ending a list, a greeting before
# a verb, what an account is for, student and travel services, a firm or a venue named with a name-word.
NOT_NAMES: list[tuple[str, list[str]]] = [
    ("hva skjer om man har sendt til feil nummer", []),
    ("bor med Jonas og Elias, vi er tre studenter", ["Jonas", "Elias"]),
    ("yo vil bytte pin på kortet", []),
    ("vi vil ha en konto til husleiga", []),
    ("fikk regning fra sio i dag", []),
    ("refund from eurail never came", []),
    ("det står Sky Records på utskriften", []),
    ("Nova kino trakk meg to ganger", []),
    # the same words as names where a relation says so
    ("vippsa liv 200 for kinoen", ["liv"]),
    ("kontoen til Sky er sperra", ["Sky"]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_NAMES)
def test_round13_youth_words_that_are_no_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
