"""PERSON precision: words that are no one's name by kind (places, nationalities, firms, months), each
with look-alikes where the same word is a person's name and must stay redacted (person_not_names.py).
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# Countries, towns and destinations after "til", "fra", "from", "to", in Norwegian and English.
PLACES: list[tuple[str, list[str]]] = [
    ("Hvor lang tid tar en overføring til Polen?", []),
    ("Jeg skal på ferie til Kreta i juli, må jeg si fra?", []),
    ("Is Georgia blocked? Going to Tbilisi next week.", []),
    ("Vi har flyttet fra Kharkiv og trenger felles konto.", []),
    ("I moved to Stavanger from Aberdeen in January", []),
    ("Jeg flytter til Lviv i mars", []),
    ("I booked a trip to Sofia for December", []),
    ("we went to Victoria station and the card didnt work", []),
    ("Vi skal kjøpe hus i Santa Cruz de Tenerife.", []),
    ("Kan jeg sette opp fast trekk til Lie barnehage?", []),
    # look-alikes: the same words as people's names
    ("Hei Sofia, takk for hjelpen!", ["Sofia"]),
    ("Jeg sendte 500 kr til Sofia i går", ["Sofia"]),
    ("min venn Jordan skal betale meg tilbake", ["Jordan"]),
    ("søstra mi Frøya skal flytte hjem fra usa", ["Frøya"]),
    ("Frøya (6) har fått 1000 kr i bursdagsgave", ["Frøya"]),
    ("Eg leiger ut til Nour og Yara og treng ein depositumskonto", ["Nour", "Yara"]),
    ("Finn og eg har felles lån. No vil Finn ut av lånet.", ["Finn", "Finn"]),
    ("Overfør til Karl Johan Nilsen i morgen", ["Karl Johan Nilsen"]),
]


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_places_are_no_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


#: A listed given name that is also a place, after a payment's preposition and nothing that says "place":
#: people are paid as often as countries ("sendt te Jordan 1500 kr"), so in strict mode it stays redacted;
#: the place reading needs a word of place or travel ("i Sofia", "ferie til Kreta", "trip to Sydney").
DOUBTS: list[tuple[str, list[str]]] = [
    ("How much is the fee per transfer to India?", ["India"]),
    ("my wife Faith send me 5000 from Kenya but it not arrive", ["Faith", "Kenya"]),
    ("sendte 1500 kr te Jordan i går, kor blei dei av?", ["Jordan"]),
    ("I sent NOK 700 to Sydney yesterday and she has not got it", ["Sydney"]),
    ("Fikk 4 500 kr fra Israel (kollega) for billettene", ["Israel"]),
    ("sendte 300 til Mercedes for barnevakt på lørdag", ["Mercedes"]),
    ("Jeg venter fortsatt på Haugen, han skulle ringe meg tilbake", ["Haugen"]),
]
PLACED: list[tuple[str, list[str]]] = [
    ("Kortet ble avvist i Jordan, er det sperret der?", []),
    ("Vi skal på tur til Sydney i mars, må jeg varsle banken?", []),
    ("Can I use my card in Kenya?", []),
    ("kjøpte en sykkel på Finn og selgeren svarer ikke", []),
    ("Can I get a car loan for a used Mercedes?", []),
    ('Card charged EUR 40 by "Chase", I do not bank there', []),
    ("Butikken på Holmen tok betalt to ganger", []),
    ("kjøpte en Kari Traa-genser, vil reklamere", []),
]


@pytest.mark.parametrize(("text", "expected"), DOUBTS + PLACED)
def test_a_named_place_is_a_place_only_when_the_words_say_so(
    engine: Anonymizer, text: str, expected: list[str]
) -> None:
    assert names(engine, text) == expected


# Nationality adjectives and languages; firms, shops, banks, brands, apps.
NATIONS_AND_FIRMS: list[tuple[str, list[str]]] = [
    ("I am Eritrean and my wife is still in Asmara.", []),
    ("Is it possible to pay rent from Vietnamese account?", []),
    ("asked me to pay by transfer to a Lithuanian IBAN", []),
    ("Kjøpte en lampe hos Clas Ohlson og ble trukket dobbelt", []),
    ("ble trukket 899 av Storytel etter at jeg sa opp", []),
    ("Why is there a fee on the SWIFT transfer from Wells Fargo?", []),
    ("jakke fra Kari Traa ble trukket to ganger", []),
    ("Vi har kjøpt bil hos Bertel O. Steen og de foreslår billån", []),
    ("Paid €45 to Ryanair but it shows NOK 560", []),
    ("Elkjøp sier det er bankens feil og banken sier det er Elkjøps feil.", []),
    ("Firma: Kvamme Snekkerservice\nOrg.nr.: 851282408", []),
    ("Betal til Autohaus Kessler GmbH i Mainz", []),
    ("There's a charge from Summer House Ltd I don't recognise", []),
    # look-alikes: people with a firm's word in their name, a greeting before a country
    ("min mor har betalt til en Thomas Kraft de siste månedene", ["Thomas Kraft"]),
    ("Hei Kenya, takk for sist", ["Kenya"]),
    ("Jeg sendte penger til Victoria", ["Victoria"]),
    # A legal form right after a run makes the run a company's name (person_firms.py); a company's name
    # is no one's personal data. A sole trader's "Kari Hansen ENK" stays her name (test_person_firms.py).
    ("Kari Hansen AS skal ha pengene", []),
]


@pytest.mark.parametrize(("text", "expected"), NATIONS_AND_FIRMS)
def test_nations_and_firms_are_no_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Months in dates; a person of the same name beside them.
MONTHS: list[tuple[str, list[str]]] = [
    ("I paid 3,450.00 on Jan 3 and it still says overdue", []),
    ("the transfer of NOK 12,400 from 3 June is missing", []),
    ("transfer of EUR 3,400.00 on Mon 15 Jan still not arrived", []),
    ("My wife June passed away in June.", ["June"]),
    ("Transfer from April Jordan hasn't arrived. She sent it on April 3.", ["April Jordan"]),
]


@pytest.mark.parametrize(("text", "expected"), MONTHS)
def test_months_in_dates_are_no_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Lower-case everyday words the weak rules took; lower-case names beside them stay names.
EVERYDAY: list[tuple[str, list[str]]] = [
    ("hei æ e Ann-Kristin å æ lure på om æ kan få lån te bil", ["Ann-Kristin"]),
    ("Min mor bor på sykehjem og trenger hjelp", []),
    ("Kind regards, J. Smith (the account holder is my wife Ingvild)", ["J. Smith", "Ingvild"]),
    ("the lady at the branch, ingrid, said i could just do this", ["ingrid"]),
    ("vipps tilbake til et annet nummer", []),
    # look-alikes: lower-case names, and a capitalised everyday word that is a surname
    ("Hei, kan stein få disponentrett på brukskontoen min?", ["stein"]),
    ("Jeg har snakket med Kari Strøm om lånet", ["Kari Strøm"]),
]


@pytest.mark.parametrize(("text", "expected"), EVERYDAY)
def test_lower_case_everyday_words_are_no_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A surname alone after "i"/"på" is the farm or village it comes from; a given name there is a person.
FARMS: list[tuple[str, list[str]]] = [
    ("Butikken på Holmen trakk meg to ganger for samme vare", []),
    ("Jeg heter Kari Haugen og bor på Haugen i Tynset.", ["Kari Haugen"]),
    # look-alikes: a given name after "på", a surname after "til"
    ("Jeg ventet på Kari i to timer", ["Kari"]),
    ("Kan du sende regningen til Vik i morgen?", ["Vik"]),
]


@pytest.mark.parametrize(("text", "expected"), FARMS)
def test_a_surname_after_i_or_pa_is_a_place(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


def test_a_mobile_number_after_a_surname_is_no_house_number(engine: Anonymizer) -> None:
    """"Bakke 489" looked like a street and its number, which keeps a street out of a name; eight digits
    from a 4 or a 9 are a mobile, and the name before them stays whole."""
    assert names(engine, "Daglig leder Geir Bakke 489 96 917, ring gjerne") == ["Geir Bakke"]
    assert names(engine, "Send kortet til Kari Nordmann, Skogveien 17, 0150 Oslo") == ["Kari Nordmann"]
