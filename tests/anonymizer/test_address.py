"""AddressRecognizer on its own: street addresses with postcode and town, and numbers that are not.

Tables of (text, expected addresses as substrings, left to right); a small labelled corpus at the end
is scored for precision and recall.
"""

from __future__ import annotations

import re

import pytest

from anonymizer import Anonymizer
from anonymizer.recognizers.address import AddressRecognizer
from anonymizer.recognizers.address_spoken import SpokenAddressRecognizer


@pytest.fixture(scope="module", params=["nb", "en"])
def recognizer(request: pytest.FixtureRequest) -> AddressRecognizer:
    return AddressRecognizer(supported_language=request.param)


def found(recognizer: AddressRecognizer, text: str) -> list[str]:
    """The street grammar's addresses and the dictated ones (``address_spoken.py``), overlapping ones merged
    as the engine merges them."""
    results = recognizer.analyze(text, ["ADDRESS"], None)
    results += SpokenAddressRecognizer(supported_language=recognizer.supported_language).analyze(text, [], None)
    assert all(r.entity_type == "ADDRESS" and 0 <= r.start < r.end <= len(text) for r in results)
    spans: list[list[int]] = []
    for r in sorted(results, key=lambda r: r.start):
        if spans and r.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], r.end)
        else:
            spans.append([r.start, r.end])
    return [text[a:b] for a, b in spans]


ADDRESSES: list[tuple[str, list[str]]] = [
    # floors, flats and rooms after the number; hyphenated places; Dutch, Australian, Irish, US tails
    (
        "Leilighet: Kongsgårdgata 3, 4. etg. (leil. H0402), 4005 Stavanger, 3-roms",
        ["Kongsgårdgata 3, 4. etg. (leil. H0402), 4005 Stavanger"],
    ),
    ("Hybel: Sognsveien 218, blokk D, hybel 12, 0863 Oslo", ["Sognsveien 218, blokk D, hybel 12, 0863 Oslo"]),
    ("bor i Elvegata 9, sokkel, 3019 Drammen", ["Elvegata 9, sokkel, 3019 Drammen"]),
    ("Postboks 12, 2647 Sør-Fron", ["Postboks 12, 2647 Sør-Fron"]),
    ("Jagtvej 111, st. th., 2200 København N", ["Jagtvej 111, st. th., 2200 København N"]),
    ("Havnevej 3, Nørre Lyngby, 9480 Løkken", ["Havnevej 3, Nørre Lyngby, 9480 Løkken"]),
    ("Adres: Prinsengracht 263, 1016 GV Amsterdam", ["Prinsengracht 263, 1016 GV Amsterdam"]),
    ("Mail to 33 Oak Avenue, Apt 2C, Eugene, OR 97401 please", ["33 Oak Avenue, Apt 2C, Eugene, OR 97401"]),
    ("my flat at 7/21 Beach Road, Manly NSW 2095 was sold", ["7/21 Beach Road, Manly NSW 2095"]),
    ("Address: 9 Mill Lane, Great Baddow, Chelmsford CM2 8HE", ["9 Mill Lane, Great Baddow, Chelmsford CM2 8HE"]),
    ("old address 3 Church Road, Douglas, Co. Cork T12 X8P2", ["3 Church Road, Douglas, Co. Cork T12 X8P2"]),
    ("- Ola Dahl, Øvre Johan Sverdrups gate 4, 0481 Oslo", ["Øvre Johan Sverdrups gate 4, 0481 Oslo"]),
    ("Relocation Manager\n3rd Floor, 40 Bank Street, London E14 5NR", ["3rd Floor, 40 Bank Street, London E14 5NR"]),
    # Romance street types
    ("vivo en Calle del Carmen 21, 2º A, 28013 Madrid ahora", ["Calle del Carmen 21, 2º A, 28013 Madrid"]),
    ("adresse : 8 avenue des Tilleuls, 31000 Toulouse", ["8 avenue des Tilleuls, 31000 Toulouse"]),
    ("sender til Rua Augusta 120 i Lisboa", ["Rua Augusta 120"]),
    ("Via Garibaldi 4, 20121 Milano", ["Via Garibaldi 4, 20121 Milano"]),
    # dictated by voice
    ("jeg bor i Fjellveien tjuetre i Tromsø punktum", ["Fjellveien tjuetre"]),
    ("adressen er Kirkegata sytti fire", ["Kirkegata sytti fire"]),
    # the neighbours, Sápmi, farms, floors and flats (issue 7)
    ("Adressen er Drottninggatan 5, 111 51 Stockholm", ["Drottninggatan 5, 111 51 Stockholm"]),
    ("bor i Nørregade 14, 2. th., 8000 Aarhus C nå", ["Nørregade 14, 2. th., 8000 Aarhus C"]),
    ("Hauptstraße 5, 10115 Berlin", ["Hauptstraße 5, 10115 Berlin"]),
    ("Suomageaidnu 5, 9845 Deatnu", ["Suomageaidnu 5, 9845 Deatnu"]),
    ("Skicka kortet till Kungsgatan 7 lgh 1102, 753 21 Uppsala tack", ["Kungsgatan 7 lgh 1102, 753 21 Uppsala"]),
    ("adresse Södra Hamngatan 7, 452 30 Strömstad.", ["Södra Hamngatan 7, 452 30 Strömstad"]),
    ("Eg bur i Gamlevegen 17, 6893 Vik i Sogn", ["Gamlevegen 17, 6893 Vik i Sogn"]),
    ("Adressen han oppga var Grønland 18, 3045 Drammen, men", ["Grønland 18, 3045 Drammen"]),
    ("gårdsadresse: Nordre Lien gnr 23 bnr 4, 2690 Skjåk", ["Nordre Lien gnr 23 bnr 4, 2690 Skjåk"]),
    ("firmaet har adresse Pb. 33 Sentrum, 0101 Oslo", ["Pb. 33 Sentrum, 0101 Oslo"]),
    ("Address: PO Box 445, Reading RG1 8BW", ["PO Box 445, Reading RG1 8BW"]),
    ("bor på fjellv 21a nå", ["fjellv 21a"]),
    ("Storgata 12", ["Storgata 12"]),
    ("Storgata 12B", ["Storgata 12B"]),
    ("Storgata 12 B, 0155 Oslo", ["Storgata 12 B, 0155 Oslo"]),
    ("Kongens gate 5, 7011 Trondheim", ["Kongens gate 5, 7011 Trondheim"]),
    ("Bjørnstjerne Bjørnsons vei 14 H0301", ["Bjørnstjerne Bjørnsons vei 14 H0301"]),
    ("Strandveien 3a", ["Strandveien 3a"]),
    ("Hovedveien 10, 1234 Sted", ["Hovedveien 10, 1234 Sted"]),
    ("Postboks 123, 0102 Oslo", ["Postboks 123, 0102 Oslo"]),
    ("c/o Hansen, Lia 4", ["c/o Hansen, Lia 4"]),
    ("Øvre Slottsgate 2", ["Øvre Slottsgate 2"]),
    ("Dronning Eufemias gate 30", ["Dronning Eufemias gate 30"]),
    ("Bygdøy allé 4", ["Bygdøy allé 4"]),
    ("Fjellstien 7", ["Fjellstien 7"]),
    ("Gamle Drammensvei 120", ["Gamle Drammensvei 120"]),
    ("Storgt. 5", ["Storgt. 5"]),
    ("Solbakken 4, 1234 Sted", ["Solbakken 4, 1234 Sted"]),
    ("Tollbugata 60, H0304, Kristiansand S.", ["Tollbugata 60, H0304, Kristiansand S"]),
    ("Jeg bor i Jernbanegata 47D, Grimstad nå", ["Jernbanegata 47D, Grimstad"]),
    ("Ny adresse: Kirkeveien 45 B, 0368 Oslo. Takk!", ["Kirkeveien 45 B, 0368 Oslo"]),
    ("Kortet ble sendt til Osterhaus' gate 6, 3510 Hønefoss", ["Osterhaus' gate 6, 3510 Hønefoss"]),
    ("Haakon den Godes gate 3", ["Haakon den Godes gate 3"]),
    ("Liam Brown Furusvingen 147, Svolvær tlf 92947445", ["Furusvingen 147, Svolvær"]),
    # a street named after a person takes two capitalised words at most: the name before it is a person's
    ("Kolbjørn Haugland Karl Johans gate 94 tlf 0047 927 72 184", ["Karl Johans gate 94"]),
    ("Eivor Glomsrud, Bjørnstjerne Bjørnsons gate 7, 3044 Drammen", ["Bjørnstjerne Bjørnsons gate 7, 3044 Drammen"]),
    ("Adressen er Kong Oscars gate 12, 5017 Bergen.", ["Kong Oscars gate 12, 5017 Bergen"]),
    # lower case and typos, as typed in chat
    ("jeg bor i storgata 12 i oslo", ["storgata 12"]),
    ("postadresse: karl johans gate 27", ["karl johans gate 27"]),
    ("send kortet til sjøsvingen 6", ["sjøsvingen 6"]),
    ("eglė urbonaitė, munkedamsveien 112 b, 5003 bergen, tlf 23 81 81 48", ["munkedamsveien 112 b, 5003 bergen"]),
    ("addessen min er bringebæråsen 11, 4006 stavanger", ["bringebæråsen 11, 4006 stavanger"]),
    # English
    ("21 Baker Street, London NW1 6XE", ["21 Baker Street, London NW1 6XE"]),
    ("10 Downing St", ["10 Downing St"]),
    ("1600 Pennsylvania Avenue NW, Washington, DC 20500", ["1600 Pennsylvania Avenue NW, Washington, DC 20500"]),
    ("Flat 3, 12 High Road", ["Flat 3, 12 High Road"]),
    ("I've moved to 151B Grange Close.", ["151B Grange Close"]),
    ("I live at 21 baker street", ["21 baker street"]),
    ("i've moved to 24 park avenue, london nw1 6xe.", ["24 park avenue, london nw1 6xe"]),
    ("My address is 159 Queen's Road, Bristol", ["159 Queen's Road, Bristol"]),
    ("Case #42061 is open. I've moved to 130 Station Road, York. Thanks", ["130 Station Road, York"]),
]

NOT_ADDRESSES: list[str] = [
    "Jeg fikk brev 2 ganger",
    "Det kostet 1 200 kr, 3045 kroner totalt",
    "",
    "Gata er stengt",
    "Gå til gate 12",
    "Boarding at Gate 12",
    "Det koster 12 kr",
    "Konto 1234",
    "den 12. mai",
    "i barnehagen 2 dager i uka",
    "navigate 3 menus",
    "Riksvei 7 er stengt",
    "Jeg har betalt 50 % av lånet",
    "Overføringen 1200 kom ikke fram",
    "Kortet som slutter på 2003 er sperret",
    "Bakken 3 ganger i uka",
    "Ring meg på 22 33 44 55",
    "Thanks, see you at 12",
    "Storgata er fin",
    "😀🎉 👍 12",
    "Привет 12",
    "Jeg betalte via Vipps 300 kr og Via Vipps 200",
    "Place 2 bets on 3 place settings",
    "vi gikk gata to ganger",
    "Storgata to ganger i uka",
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_finds_addresses(recognizer: AddressRecognizer, text: str, expected: list[str]) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_numbers_that_are_no_addresses(recognizer: AddressRecognizer, text: str) -> None:
    assert found(recognizer, text) == []


def test_offsets_and_scores(recognizer: AddressRecognizer) -> None:
    text = "🏠 Adresse: Storgata 12 B, 0155 Oslo og Fjellstien 7"
    results = sorted(recognizer.analyze(text, ["ADDRESS"], None), key=lambda r: r.start)
    assert [(r.start, r.end) for r in results] == [(11, 35), (39, 51)]
    assert results[0].score > results[1].score >= 0.75  # a postcode is more evidence


def test_other_entities_requested_gives_nothing(recognizer: AddressRecognizer) -> None:
    assert recognizer.analyze("Storgata 12", ["PERSON"], None) == []


def test_long_message_is_handled_whole(recognizer: AddressRecognizer) -> None:
    piece = "Send kortet til Storgata 12 B, 0155 Oslo, takk. "
    text = (piece * (2000 // len(piece) + 1))[:2000]
    assert found(recognizer, text).count("Storgata 12 B, 0155 Oslo") == 2000 // len(piece)


CORPUS = """
Ny adresse: [[Kirkeveien 45 B, 0368 Oslo]]
Jeg har flyttet til [[Smielia 11, Trondheim]].
Kan dere sende brevet til [[Furuvegen 48C, Oslo]]?
Boligen vi skal kjøpe ligger i [[Solvei 16, 2609 Lillehammer]].
Jeg bor i [[St. Olavs gate 18, 2609 Lillehammer]] nå.
Adressen min er [[Thorvald Meyers gate 45]].
Send kortet til [[Grefsenveien 127B, Førde]]
Postadresse: [[Postboks 412, 5804 Bergen]]
[[c/o Hansen, Lia 4]]
adressen min er [[dronningens gate 115, 6800 førde]]
i live at [[nordlyslunden 159c, 1337 sandvika]] now
Boligen ligger i [[Professor Dahls gate 7 A, Ålesund]].
The property is at [[39 Elm Avenue]].
My address is [[63 Victoria Street, Bristol BS1 5TR]].
Please send the new card to [[47 King Street, Edinburgh]]
[[Flat 2, 18 Mill Lane]]
Det koster 1200 kr i måneden.
Renten er 5,4 % fra 1. mai.
Kontonummeret er 1234 56 78903.
Jeg betaler 3 ganger i året.
Dag 12 av 30.
Ring meg på 22 33 44 55 etter kl 16.
Saksnummer 123456 er fortsatt åpent.
Gate 12 er stengt på Gardermoen.
Det tok 2 timer i banken.
I paid 20 pounds on 12 May.
Call me on 0047 22 33 44 55.
"""


def _corpus() -> list[tuple[str, set[tuple[int, int]]]]:
    rows = []
    for line in CORPUS.strip().splitlines():
        gold: set[tuple[int, int]] = set()
        text = ""
        for part in re.split(r"(\[\[.*?\]\])", line):
            if part.startswith("[["):
                gold.add((len(text), len(text) + len(part) - 4))
                text += part[2:-2]
            else:
                text += part
        rows.append((text, gold))
    return rows


def test_precision_and_recall_on_labelled_chat(recognizer: AddressRecognizer) -> None:
    tp = fp = fn = 0
    for text, gold in _corpus():
        predicted = {(r.start, r.end) for r in recognizer.analyze(text, ["ADDRESS"], None)}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.97


# Through the engine: the street grammar and the addresses a sentence announces (address_cued.py), whose
# two readings of one address merge into one span.
ANNOUNCED: list[tuple[str, list[str]]] = [
    ("gardsadressa e Søre Hagen 5, 2975 Vang i Valdres, ikkje Vang", ["Søre Hagen 5, 2975 Vang i Valdres"]),
    # one part per line after a cue that ends its line
    ("Address:\n12\nØvre Storgate\n3018\nDRAMMEN\n(my app cuts lines weirdly)", ["12\nØvre Storgate\n3018\nDRAMMEN"]),
    # a line that is an address on its own: a place before the street, a box, a country after the town
    ("Chidi Nwosu\nSogn studentby, Sognsveien 218, 0864 Oslo\nAccount", ["Sogn studentby, Sognsveien 218, 0864 Oslo"]),
    ("Advisor\nBox 7124, 103 87 Stockholm\nTel: 08-410", ["Box 7124, 103 87 Stockholm"]),
    ("Jessica M. Thornton\nOlav Kyrres gate 19, 5014 Bergen, Norway\nand",
     ["Olav Kyrres gate 19, 5014 Bergen, Norway"]),
    # announced by the sentence: places and farms, Sami, formats the street grammar does not model
    ("Hei, jeg bor i Tjøtta 8860 og har ikke fått PIN-koden", ["Tjøtta 8860"]),
    ("Mun orun Guovdageainnu 12, Kárášjohka. Man guhkes", ["Guovdageainnu 12, Kárášjohka"]),
    ("adressa e Nedre Bakklandet 22, rett ved brua", ["Nedre Bakklandet 22"]),
    ("Our address is 545 W 45th St, Apt 7C, New York, NY 10036 until the end of the year",
     ["545 W 45th St, Apt 7C, New York, NY 10036"]),
    ("Address: Apartment 12, The Maltings, Grand Canal Dock, Dublin 4, D04 T2X9",
     ["Apartment 12, The Maltings, Grand Canal Dock, Dublin 4, D04 T2X9"]),
    ("Skicka kortet till Box 7712, 103 95 Stockholm, tack", ["Box 7712, 103 95 Stockholm"]),
    ("hei. adressen min er hans nielsen hauges gate 44 h0302, 0481 oslo",
     ["hans nielsen hauges gate 44 h0302, 0481 oslo"]),
    ("Adress: Tjøme Strandvei 44, 3145 Tjøme", ["Tjøme Strandvei 44, 3145 Tjøme"]),  # two readings, one span
    ("Signed Philippa Moore, Moore & Co, 10 Downing Street, London SW1A 2AA", ["10 Downing Street, London SW1A 2AA"]),
]

NOT_ANNOUNCED: list[str] = [
    "Betalt 1 250, 0150 Oslo",
    "jeg bor i Norge i 5 år nå",
    "vi bor i 3. etasje",
    "flyttet til Bergen i 2019",
    "adressen er feil på 2 brev",
    "Ny adresse fra 15. august kommer",
    "IP-adressen min er visst blokkert fra 2 steder",
]


@pytest.mark.parametrize(("text", "expected"), ANNOUNCED)
def test_addresses_a_sentence_announces(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == "ADDRESS"] == expected


@pytest.mark.parametrize("text", NOT_ANNOUNCED)
def test_times_floors_and_dates_after_a_cue_are_no_address(engine: Anonymizer, text: str) -> None:
    assert [e for e in engine.analyze(text) if e.type == "ADDRESS"] == []


#: The parts around a street that writers from many countries add (anonymizer/recognizers/address_parts.py):
#: floors and doors, a house's or a building's name, the town before the street, region and country after.
AROUND_THE_STREET: list[tuple[str, list[str]]] = [
    # floors and doors after the house number
    ("Bor hos henne, Kristian Augusts gate 15, 3. etg. til venstre, 0164 Oslo. Navnet",
     ["Kristian Augusts gate 15, 3. etg. til venstre, 0164 Oslo"]),
    ("I live at Schönhauser Allee 112, Hinterhaus, 3. OG, 10439 Berlin. Can I",
     ["Schönhauser Allee 112, Hinterhaus, 3. OG, 10439 Berlin"]),
    ("Please ship the card to Hauptstr. 5a, 2. Stock links, 69117 Heidelberg, Germany - thanks",
     ["Hauptstr. 5a, 2. Stock links, 69117 Heidelberg, Germany"]),
    ("office at Rua Augusta 120, 2º Dto, 1100-053 Lisboa.", ["Rua Augusta 120, 2º Dto, 1100-053 Lisboa"]),
    ("Bor i Calle Mayor 5, 1º Izq., 28013 Madrid, Spain", ["Calle Mayor 5, 1º Izq., 28013 Madrid, Spain"]),
    ("at Avenida de Europa 22, Bloque 3, 03503 Benidorm. Can I", ["Avenida de Europa 22, Bloque 3, 03503 Benidorm"]),
    # multi-word places, region and country after the postcode
    ("han bor i Berger Straße 211, 60385 Frankfurt am Main. Kan jeg",
     ["Berger Straße 211, 60385 Frankfurt am Main"]),
    ("Wohnung: Berliner Str. 12, 2. OG rechts, 60311 Frankfurt am Main",
     ["Berliner Str. 12, 2. OG rechts, 60311 Frankfurt am Main"]),
    ("Postadresse Bjørnstadveien 3, Mo i Rana", ["Bjørnstadveien 3, Mo i Rana"]),
    ("Second home: Villa Sol, Urb. Las Lomas 14, 29680 Estepona, Málaga, Spain. First home",
     ["Villa Sol, Urb. Las Lomas 14, 29680 Estepona, Málaga, Spain"]),
    ("3. Jostein, Calle de la Paz 7, 3º B, 29780 Nerja, Málaga, konto ES50",
     ["Calle de la Paz 7, 3º B, 29780 Nerja, Málaga"]),
    ("rs Kowalski, ul. Długa 15/4, 80-827 Gdańsk, Poland", ["ul. Długa 15/4, 80-827 Gdańsk, Poland"]),
    ("Send til ul. Piotrkowska 104/12, Łódź takk", ["ul. Piotrkowska 104/12, Łódź"]),
    ("Send it to Apt 4B, 221 Elm Street, Springfield, IL 62704, USA",
     ["Apt 4B, 221 Elm Street, Springfield, IL 62704, USA"]),
    # a house's or a building's name, the town named before the street
    ("Jeg bor i et hus som heter «Fjellstua, Vassbygda 41, 6392 Vikebukt» – posten",
     ["Fjellstua, Vassbygda 41, 6392 Vikebukt"]),
    ("send the documents to: The Old Rectory, 5 Mill Lane, Bishops Cleeve, Cheltenham GL52 8BX? I'm",
     ["The Old Rectory, 5 Mill Lane, Bishops Cleeve, Cheltenham GL52 8BX"]),
    ("flytta te Tiller Gård, Tillerveien 110, 7092 Tiller\nå ny mail", ["Tiller Gård, Tillerveien 110, 7092 Tiller"]),
    ("Jeg bor i Kraków, ul. Floriańska 22 m. 5, 31-019 (skrevet", ["Kraków, ul. Floriańska 22 m. 5, 31-019"]),
    ("Ich wohne jetzt in Bad Homburg vor der Höhe, Louisenstraße 58. Kan jeg",
     ["Bad Homburg vor der Höhe, Louisenstraße 58"]),
    # no postcode: the town after a Romance street; an English street type before the number
    ("han er i Calle San Juan 9, Nerja. Hans nummer", ["Calle San Juan 9, Nerja"]),
    ("his profile says he's in Al Wasl Road 34, Dubai and he", ["Al Wasl Road 34, Dubai"]),
    ("Suite 300, 45 King Street West\nToronto, ON M5H 1J8\nCanada",
     ["Suite 300, 45 King Street West\nToronto, ON M5H 1J8\nCanada"]),  # the country on its own line too
]  # fmt: skip

#: The same parts that stay out: a country named before the street, a greeting before it, a word after it.
NOT_AROUND_THE_STREET: list[tuple[str, list[str]]] = [
    ("Jeg har hus i Spania, Calle Mayor 18, 03590 Altea", ["Calle Mayor 18, 03590 Altea"]),
    ("Hei, Storgata 5, 0150 Oslo er adressen", ["Storgata 5, 0150 Oslo"]),
    ("Storgata 5, 0150 Oslo, Takk for hjelpen", ["Storgata 5, 0150 Oslo"]),
    ("Storgata 5, 0150 Oslo i morgen", ["Storgata 5, 0150 Oslo"]),
]


@pytest.mark.parametrize(("text", "expected"), AROUND_THE_STREET + NOT_AROUND_THE_STREET)
def test_parts_around_the_street(recognizer: AddressRecognizer, text: str, expected: list[str]) -> None:
    assert found(recognizer, text) == expected


#: A British address without a house number, between an opening quote and its postcode.
def test_british_address_in_parts_ending_in_a_postcode(engine: Anonymizer) -> None:
    text = 'Our house is called "Rose Cottage, Church Lane, Little Snoring, Norfolk NR21 0AA". The bank'
    got = [text[e.start : e.end] for e in engine.analyze(text) if e.type == "ADDRESS"]
    assert got == ["Rose Cottage, Church Lane, Little Snoring, Norfolk NR21 0AA"]
