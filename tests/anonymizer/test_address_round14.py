"""ADDRESS rules of round 14: addresses in the formats of other countries (address_world.py), and what
looks like them but is no address. Examples written for these tests."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

A = "ADDRESS"


def addresses(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == A]


POSITIVES: list[tuple[str, list[str]]] = [
    # Indian: parts back to "No." / "#", a six-digit PIN after the town
    (
        "my uncle stays at No. 7, 1st Main, Indiranagar 2nd Stage, Mysuru 570012 and will collect it",
        ["No. 7, 1st Main, Indiranagar 2nd Stage, Mysuru 570012"],
    ),
    (
        "Ship to: #42, 5th Cross, Malleshwaram, Bengaluru - 560 003",
        ["#42, 5th Cross, Malleshwaram, Bengaluru - 560 003"],
    ),
    # Chinese: a room, a street, a district, the city and its code, the country
    (
        "Her new flat is Room 804, 17 Nanjing Road, Huangpu, Shanghai 200001, China.",
        ["Room 804, 17 Nanjing Road, Huangpu, Shanghai 200001, China"],
    ),
    # Philippine: block and lot, a barangay, the postcode before the town, the province
    (
        "Address: Blk 3 Lot 9, Rizal Ave., Brgy. Malinta, 1440 Valenzuela, Metro Manila",
        ["Blk 3 Lot 9, Rizal Ave., Brgy. Malinta, 1440 Valenzuela, Metro Manila"],
    ),
    # Vietnamese: "Số" and the street, the district and the city
    ("Mẹ tôi ở Số 8 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội nhé", ["Số 8 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội"]),
    ("send it to 45 Lê Lợi, Quận 1, TP. Hồ Chí Minh please", ["45 Lê Lợi, Quận 1, TP. Hồ Chí Minh"]),
    # Vietnamese countryside: hamlet and commune in lower case, no street
    (
        "bà ngoại: Số 9, thôn 2, xã Tân Phú, huyện Đức Hòa, Long An",
        ["Số 9, thôn 2, xã Tân Phú, huyện Đức Hòa, Long An"],
    ),
    # Indian house number with dashes, the state before the PIN
    (
        "Card to H.No. 8-3-77, Ameerpet, Hyderabad, Telangana 500016 please",
        ["H.No. 8-3-77, Ameerpet, Hyderabad, Telangana 500016"],
    ),
    # Pakistani: house and block, a five-digit code after the city
    (
        "House 12-C, Block 6, Gulistan-e-Jauhar, Karachi 75290 is his home",
        ["House 12-C, Block 6, Gulistan-e-Jauhar, Karachi 75290"],
    ),
    # Philippine: four digits after the province
    (
        "Her home is 45 Bonifacio Street, Barangay 12, Ormoc City, Leyte 6541.",
        ["45 Bonifacio Street, Barangay 12, Ormoc City, Leyte 6541"],
    ),
    # Thai script: house number, village, sub-district, district, province, postcode
    ("พ่อ: บ้านเลขที่ 12/7 หมู่ 4 ต.บ้านเป็ด อ.เมือง จ.ขอนแก่น 40000 ครับ", ["บ้านเลขที่ 12/7 หมู่ 4 ต.บ้านเป็ด อ.เมือง จ.ขอนแก่น 40000"]),
]

CUED: list[tuple[str, list[str]]] = [
    # "har bodd på": the participle is as good a cue as "bodde"
    ("Vi har bodd på Solstrand 9 siden 2015", ["Solstrand 9"]),
    ("jag har bott på Lindholmen 22 i fem år", ["Lindholmen 22"]),
    # an abbreviation's dot does not end the address after a cue
    ("Address: No. 3, Gandhi Rd., Ward No. 5, Kottayam", ["No. 3, Gandhi Rd., Ward No. 5, Kottayam"]),
]

CUED_NOT: list[str] = [
    "har bodd på Scandic 3 netter nå",  # nights in a hotel
    "har bodd på hotell i 2 uker",
    "my address is the same as in 2019",  # a year
]

EUROPE: list[tuple[str, list[str]]] = [
    # Polish estate and flat without its dot; Baltic name before the street type
    ("mieszkam na os. Kościuszki 12/3, 30-114 Kraków od maja", ["os. Kościuszki 12/3, 30-114 Kraków"]),
    ("list do ul. Długa 7 m 2, 80-831 Gdańsk", ["ul. Długa 7 m 2, 80-831 Gdańsk"]),
    ("Mamos adresas: Savanorių pr. 176-4, LT-03154 Vilnius", ["Savanorių pr. 176-4, LT-03154 Vilnius"]),
    ("Adrese: Brīvības iela 55, Rīga", ["Brīvības iela 55, Rīga"]),
    # Spanish "C/" and a ground floor; Finnish street endings, staircase and flat
    ("Mi piso: C/ Mayor 14, bajo, 28013 Madrid", ["C/ Mayor 14, bajo, 28013 Madrid"]),
    ("bor nå i Hämeenkatu 5 A 12, 33100 Tampere", ["Hämeenkatu 5 A 12, 33100 Tampere"]),
    ("Postita se: Hämeentie 40 C 7, 00530 Helsinki", ["Hämeentie 40 C 7, 00530 Helsinki"]),
    # Irish "Upper" and Dublin's district number
    ("we moved to 3 Leeson Street Lower, Dublin 2 in May", ["3 Leeson Street Lower, Dublin 2"]),
    # a farm's name before its street; an address line after a sentence and a cue
    ("Posten kjem til Øvre Haug, Haugsvegen 12, 6856 Sogndal", ["Øvre Haug, Haugsvegen 12, 6856 Sogndal"]),
    ("Vi bur langt ute. Adressa er Søndre Li, Livegen 3, 2850 Lena", ["Søndre Li, Livegen 3, 2850 Lena"]),
    # a floor after a street and number, after a cue
    ("Ny adresse: Tøyengata 2, 3. etg., 0190 Oslo. Takk!", ["Tøyengata 2, 3. etg., 0190 Oslo"]),
]

EUROPE_NOT: list[str] = [
    "Foto pr. 3 stk, kr 50",  # "per", a count
    "Team g. 5 vant i går",
    "Buy the Bowtie 3 pack now",  # an English word ending in "tie"
    "vi bor i 4. etasje og heisen er ødelagt",  # a floor, no street
    "C/ 12 er feil",  # no name after "C/"
    "Dublin 6 was the match score",  # no street before it
]

NEGATIVES: list[str] = [
    "Order No. 12, shipped today, Oslo 123456",  # a lower-case part breaks the chain of parts
    "Invoice 4412, Paid, Reference 223344",  # a label before six digits, no house number
    "Betalt 1200, 300 og 450, totalt 1950 kr",  # amounts with commas
    "Møtet er 12. mai, rom 4, kl 1400",  # a date, a room, a time
    "Tôi sẽ gọi lại lúc 5 giờ chiều nay",  # Vietnamese with a number, no address
    "Ref 2024-11, case 118822, Team Alpha 334455",  # a case number after a capitalised word, no house
    "Room 4, Block B, Bergen 2024 was fun",  # a year after a town
    "Flat 2, Unit 3, Total 45000",  # an amount after a label
    "ราคา 500 บาท ครับ 12 ชิ้น",  # Thai: a price and a count, no address markers
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_world_address_formats(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_world_look_alikes(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


@pytest.mark.parametrize(("text", "expected"), CUED)
def test_cued_addresses(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", CUED_NOT)
def test_cued_look_alikes(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


@pytest.mark.parametrize(("text", "expected"), EUROPE)
def test_european_street_forms(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", EUROPE_NOT)
def test_european_look_alikes(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


SPOKEN: list[tuple[str, list[str]]] = [
    ("vi bor i kirkegata nummer fjorten nå", ["kirkegata nummer fjorten"]),
    ("Adressen er Bakkeveien nr. sju, takk", ["Bakkeveien nr. sju"]),
    ("please update my address to twenty two mill lane", ["twenty two mill lane"]),
    ("we have moved to nine Oak Avenue", ["nine Oak Avenue"]),
]

SPOKEN_NOT: list[str] = [
    "we moved to two lane road area",  # a road's lanes
    "i live on a one way street",  # no cue right before a number
    "jeg har nummer tolv i køen på gata",  # a queue number, no street word before it
    "my address is on the form, page four",
]


@pytest.mark.parametrize(("text", "expected"), SPOKEN)
def test_spoken_house_numbers(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", SPOKEN_NOT)
def test_spoken_look_alikes(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


FARMS_AND_UK: list[tuple[str, list[str]]] = [
    # a farm in the definite form, capitalised after "på"
    ("hei, det er Ola på Haugen 7, kortet er borte", ["Haugen 7"]),
    ("me bur på Lia 3 no", ["Lia 3"]),
    # a British address line with a unit and a house number before the parts
    ("Flat 3, 7 Cheyne Walk, London SW3 5QZ", ["Flat 3, 7 Cheyne Walk, London SW3 5QZ"]),
]

FARMS_AND_UK_NOT: list[str] = [
    "Jeg står fast på Ring 3 igjen",  # a ring road
    "vi satt på Haugen 2 timer",  # hours
    "ligger på haugen 4 meter over",  # the everyday word, in lower case
    "Order 12, Ref 33, Total 45, Code AB1 2CD",  # labels and numbers before a postcode-like code
]


@pytest.mark.parametrize(("text", "expected"), FARMS_AND_UK)
def test_farms_and_uk_lines(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", FARMS_AND_UK_NOT)
def test_farms_and_uk_look_alikes(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


PLACE_SPOKEN: list[tuple[str, list[str]]] = [
    ("vi bor i Lia sju, ved skolen", ["Lia sju"]),
    ("jeg bur på Nordvik aust elleve og har ny adresse", ["Nordvik aust elleve"]),
]

PLACE_SPOKEN_NOT: list[str] = [
    "bodde i Spania to og et halvt år",  # a country, an ambiguous number
    "jeg bor i Oslo tolv år nå",  # years
    "har bodd i Norge fjorten år",
    "we live in Leeds twelve years now",
]


@pytest.mark.parametrize(("text", "expected"), PLACE_SPOKEN)
def test_place_with_spoken_number(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", PLACE_SPOKEN_NOT)
def test_place_with_spoken_number_look_alikes(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


LINE_STARTS: list[tuple[str, list[str]]] = [
    # an address line begins after the sentence's small words, not at the line's start
    ("Woon op Keizersgracht 123, 1015 CJ Amsterdam", ["Keizersgracht 123, 1015 CJ Amsterdam"]),
    ("Ich wohne in der Berliner Str. 12, 10115 Berlin", ["Berliner Str. 12, 10115 Berlin"]),
    ("Meine Adresse ist Hauptstr. 5, 80331 München", ["Hauptstr. 5, 80331 München"]),
    # but a street's own small words stay in it
    ("Haakon den Godes gate 5, 0123 Oslo", ["Haakon den Godes gate 5, 0123 Oslo"]),
]


@pytest.mark.parametrize(("text", "expected"), LINE_STARTS)
def test_address_line_starts(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


ROMANCE: list[tuple[str, list[str]]] = [
    # a hyphenated saint's name in a Romance street, the Canadian postcode after the town
    ("1234 Rue Sainte-Catherine O, Montréal, QC H3G 1P1", ["1234 Rue Sainte-Catherine O, Montréal, QC H3G 1P1"]),
    ("Vivo en Calle Santa-Ana 4, Sevilla", ["Calle Santa-Ana 4, Sevilla"]),
]

ROMANCE_NOT: list[str] = [
    "Via Vipps 200 kr, takk",  # a payment, no street
    "Ordrenr 45 og kundenr 12",  # numbers after "nr", no cadastral pair
    "Det gjelder gnr 45 bnr 12 i Lesja kommune",  # a property's numbers without its name: no address
]


@pytest.mark.parametrize(("text", "expected"), ROMANCE)
def test_romance_streets(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", ROMANCE_NOT)
def test_romance_and_cadastral_look_alikes(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


NUMBERS_NOT_HOUSES: list[str] = [
    "Kontakt: Per Haugen 412 55 901 hele dagen",  # a phone after a name that is a street word
    "Ring 08-123 456 78 dagtid",  # a Swedish phone after "Ring"
    "Ämne: Skattebetaling 4 218 SEK",  # an amount in groups
    "eg har ringt tre gonger i dag",  # a participle ending in "gt", a spoken number
    "har ringt 22 ganger nå",
    "Far bor i Bergen, 47 60 28 14",  # a town and a phone after a cue
    "Bekreft adresse og betal 12 DKK her",  # a currency after a cue
]


@pytest.mark.parametrize("text", NUMBERS_NOT_HOUSES)
def test_numbers_that_are_no_house_numbers(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) == []


MORE_COUNTRIES: list[tuple[str, list[str]]] = [
    # Turkish: street type, "No:" and flat, district and town
    ("Annem: Bağdat Cad. No:120/4, 34728 Kadıköy/İstanbul", ["Bağdat Cad. No:120/4, 34728 Kadıköy/İstanbul"]),
    ("Adresim Gül Sok. No: 7 D: 2, Çankaya, Ankara", ["Gül Sok. No: 7 D: 2, Çankaya, Ankara"]),
    # Colombian grid
    ("Mi casa: Calle 45 # 12-34, Medellín", ["Calle 45 # 12-34, Medellín"]),
    # Brazilian flat, town, state and CEP; Romanian code after the town; Spanish "Av."
    (
        "Endereço: Rua Augusta 500, apto 12, Campinas - SP, 13010-111",
        ["Rua Augusta 500, apto 12, Campinas - SP, 13010-111"],
    ),
    ("Adresa: Strada Florilor 9, Cluj-Napoca 400001", ["Strada Florilor 9, Cluj-Napoca 400001"]),
    ("Vivo en Av. de América 8, 28002 Madrid", ["Av. de América 8, 28002 Madrid"]),
]

MORE_COUNTRIES_NOT: list[str] = [
    "Av. 5 personer kom ingen",  # Norwegian "of", a count
    "No: 15 is the winner, Team Red",  # "No:" without a street
    "Calle 45 # 3-2 fue el resultado",  # a score after a grid street
]


@pytest.mark.parametrize(("text", "expected"), MORE_COUNTRIES)
def test_more_country_formats(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", MORE_COUNTRIES_NOT)
def test_more_country_look_alikes(engine: Anonymizer, text: str) -> None:
    found = addresses(engine, text)
    assert all("#" not in f and "No" not in f and "Av." not in f for f in found)
