"""Round 15: people named after places and months ("Jordan", "Sydney", "Kenya", "May"), found by the
relation a sentence puts them in, and the same words as places, months and brands left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# A soft name after a kin noun or a marriage, paid for a service, or taken up by a pronoun.
NAMESAKES: list[tuple[str, list[str]]] = [
    ("bestemor Florence trenger hjelp med bankid", ["Florence"]),
    ("our son Austin wants his own debit card", ["Austin"]),
    ("Jeg er forlovet med Georgia og vi vil ha felles konto", ["Georgia"]),
    ("I paid Savannah for the cleaning but it bounced", ["Savannah"]),
    ("Kenya flyttet hjem i fjor, og hun mangler fortsatt BankID", ["Kenya"]),
    ("hei. kan Sydney få eget kort? hun er 15", ["Sydney"]),
    ("Got 1 500 kr from India yesterday, she is my cousin", ["India"]),
    # look-alikes: places, months and dates with no person around them
    ("Kenya er et vakkert land, og kortet virket fint der", []),
    ("We flew to Sydney and the card stopped working", []),
    ("Jeg betaler Mai 5000 og Juni 5000 på lånet", []),
    ("Can May be the month we start saving? The rent goes up then", []),
    ("sendte 2 000 kr til Georgia-turen i fjor", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMESAKES)
def test_round15_a_place_name_that_is_someone(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The same word as a person and as a place in one message: the placed one is the place.
SAME_WORD: list[tuple[str, list[str]]] = [
    ("Søstera mi Adelaide bor i Adelaide nå, og hun trenger nytt kort", ["Adelaide"]),
    ("Vi har fått en rabatt på flybilletten til Israel, men trekket kom to ganger", []),
    ("Sønnen min Jordan skal på klassetur til Jordan i mars", ["Jordan"]),
    ("My wife Florence is flying to Florence on Friday", ["Florence"]),
    ("Min venn Frøya har hytte på Frøya og vil låne penger", ["Frøya"]),
    # a person after "på" that is no place: waiting for her
    ("Min venn Frøya sa hun skulle betale, jeg venter på Frøya ennå", ["Frøya", "Frøya"]),
]


@pytest.mark.parametrize(("text", "expected"), SAME_WORD)
def test_round15_the_placed_namesake_stays_a_place(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The writer names themself after a greeting: a place-name too, and "her"/"here" after the name.
INTRODUCED: list[tuple[str, list[str]]] = [
    ("hello, it's austin, my card got swallowed by the ATM", ["austin"]),
    ("hej, det är Adelaide. Jag har glömt lösenordet", ["Adelaide"]),
    ("hallo det er savannah her, kortet mitt er stengt", ["savannah"]),
    # look-alikes: a month is the time of year, a greeting then a statement about the weather or a thing
    ("hei, det er mai. når kommer feriepengene?", []),
    ("hi it's june, so the rent goes up again?", []),
    ("hei det er kaldt her, kan jeg bestille nytt kort", []),
]


@pytest.mark.parametrize(("text", "expected"), INTRODUCED)
def test_round15_a_place_name_introducing_the_writer(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The last item of a list of names ends at an emoji, as at a full stop.
EMOJI_ENDS: list[tuple[str, list[str]]] = [
    ("Jonas og Sydney 🎉 Hvordan legger vi til hverandre som disponent?", ["Jonas", "Sydney"]),
    ("Kari og Adelaide 👍 Takk for svar", ["Kari", "Adelaide"]),
    # look-alike: places in a list after "i", an emoji after them
    ("Vi har vært i Oslo og Georgia 🌴 Kortet virker ikke der", []),
]


@pytest.mark.parametrize(("text", "expected"), EMOJI_ENDS)
def test_round15_a_list_of_names_ends_at_an_emoji(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The genitive of a name that is also a place, before a bank account or a card, is the owner's.
GENITIVES: list[tuple[str, list[str]]] = [
    ("Sydneys konto er stengt, hun får ikke logget inn", ["Sydneys"]),
    ("Georgias kort ble slukt av minibanken", ["Georgias"]),
    # look-alikes: a country's capital, a country's embassy
    ("Kenyas hovedstad er Nairobi", []),
    ("Israels ambassade trenger kontonummeret vårt", []),
]


@pytest.mark.parametrize(("text", "expected"), GENITIVES)
def test_round15_a_place_names_genitive_before_an_account(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A soft name said to be kin or a partner, with a word between; its clause going on with a verb of people;
# twins named after the word; a month-name that is a modal verb, asked about, then taken up by "she".
SAID_KIN: list[tuple[str, list[str]]] = [
    ("Georgia er den eldste datteren min og trenger BSU", ["Georgia"]),
    ("Austin is my new flatmate and needs to pay rent", ["Austin"]),
    ("Adelaide reiser til Roma og lurer på om kortet virker der", ["Adelaide"]),
    ("Vi har fått tvillinger, Sofia og Frøya 😍", ["Sofia", "Frøya"]),
    ("Will June be able to sign for her brother? She is 18", ["June"]),
    # look-alikes: a place described, a month asked about, a month and a date
    ("Georgia er mitt drømmeland, hun sa at det var billig", []),
    ("Florence er en vakker by og ligger i Italia", []),
    ("Is May a good month to refinance? She said rates drop", []),
    ("Tvillingene er født i April og Mai", []),
]


@pytest.mark.parametrize(("text", "expected"), SAID_KIN)
def test_round15_a_place_name_said_to_be_kin(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
