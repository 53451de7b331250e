"""Encodings and markup that hide personal data, round 26: HTML character references and tags, URL
percent-escapes, markdown emphasis inside a number (anonymizer/markup.py); dingbat digits and
ideographic full stops (anonymizer/normalize.py); hex and dashed IP addresses, "(punkt)" and "~"
separators, a cue glued to its number, a card in labelled groups (anonymizer/number_forms.py); hundreds
in spoken Norwegian numbers; a look-alike share after a cue (anonymizer/lookalikes.py). Each kind has
examples of what must be read and of what must stay as it is (amounts, prose, URLs without personal
data), and the redaction must cover exactly the original characters.
"""

from __future__ import annotations

import pytest
from stdnum import luhn
from stdnum.no import fodselsnummer, kontonr

from anonymizer import Anonymizer
from anonymizer.markup import markup
from anonymizer.normalize import normalize

FNR = "150785" + "123"
FNR += fodselsnummer.calc_check_digit1(FNR)
FNR += fodselsnummer.calc_check_digit2(FNR)
ACCOUNT = next(a for a in (f"1503123456{d}" for d in range(10)) if kontonr.is_valid(a))
CARD = "545762389012345"
CARD += luhn.calc_check_digit(CARD)


def _found(engine: Anonymizer, text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in engine.analyze(text)]


def _entities(value: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in value)


def _percent(value: str) -> str:
    return "".join(f"%{ord(ch):02X}" for ch in value)


# --- what the recognizers read -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"fnr: {_entities(FNR)}</p>", f"fnr: {FNR}\n"),
        ("e-post: ola.nordmann&#64;hotmail&#46;com", "e-post: ola.nordmann@hotmail.com"),
        # HTML's own tags go; a made-up one ("<fnr>") and words in brackets stay in view
        ("<fnr><span>121181</span><span>03414</span></fnr> ok", "<fnr>12118103414</fnr> ok"),
        ("hilsen <Kari Nordmann>", "hilsen <Kari Nordmann>"),
        ("iban <DE89 3704 0044 0532 0130 00>", "iban <DE89 3704 0044 0532 0130 00>"),
        ("<Mark Hansen> og <mark>Liv</mark>", "<Mark Hansen> og Liv"),
        ("min iban er _DE89 3704 0044 0532 0130 00_", "min iban er DE89 3704 0044 0532 0130 00"),
        ("ring _+47 412 34 567_ eller kari_h", "ring +47 412 34 567 eller kari_h"),
        ("hilsen _Kari Nordmann_", "hilsen Kari Nordmann"),
        ("Lykkeveien 4<br>1337 Sandvika", "Lykkeveien 4\n1337 Sandvika"),
        ('<a href="mailto:kari%40gmail.com">mail</a>', ' href="mailto:kari@gmail.com" mail'),
        # a query string reads as its fields (round 50, anonymizer/links.py)
        (f"verify?ssn={_percent(FNR)}&lang=no", f"verify?ssn: {FNR} lang: no"),
        ("https://www.dnb.no/lan?type=bolig&rente=4.5", "https://www.dnb.no/lan?type: bolig rente: 4.5"),
        ("name=Wiktor%20Zaremba&mob=1", "name=Wiktor Zaremba&mob=1"),
        ("konto: **2050**.**32**.**53799**", "konto: 2050.32.53799"),
        ("card *5317* *1607* *8399* *7579* ok", "card 5317 1607 8399 7579 ok"),
        ("mitt nr: ➒➎➐➒➌➐➍➍", "mitt nr: 95793744"),
        ("nr ⓵⓶❸ 85。165。33。201", "nr 123 85.165.33.201"),
        ("IP: 0x55.0xA6.0x1C.0x07 (hex)", "IP: 85.166.28.7 (hex)"),
        ("fra 77(punkt)40(punkt)118(punkt)203??", "fra 77.40.118.203??"),
        ("mobben min: 992~76~724", "mobben min: 992 76 724"),
        ("v6: 2001-67c-2e8-22-0-0-c100-68b", "v6: 2001:67c:2e8:22:0:0:c100:68b"),
        ("glemt passordet. fnr110671 24016", "glemt passordet. fnr 110671 24016"),
        ("first four: 5471, next four: 4602, last four: 9278", "first four: 5471 4602 9278"),
        ("IP var åttifem punktum hundreogsekstifire punktum tolv punktum tjueto", "IP var 85.164.12.22"),
        ("fnr: Z4O7O4 79O4O", "fnr: 240704 79040"),
        ("følg meg på insta #IngeborgLøvlie nå", "følg meg på insta #Ingeborg Løvlie nå"),
    ],
)
def test_normalised(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "50% rabatt, 100%25 nei, 5*3=15 og 2 * 3 <- dette <3",
        "Fisk & chips; R&D-avdelingen &nbsp",
        "**Viktig**: betal *før* fredag",
        "mellom 10~20 kr, versjon 1-2-3-4-5-6-7-8",
        "det koster hundre kroner, tohundre i alt",
        "ref: 0x i loggen, a < b > c",
        "oppgjør 12,5 %",
        "#dnb #sparing #Lønn og C#Sharp",
    ],
)
def test_left_alone(text: str) -> None:
    assert normalize(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "kb 5%20 av",  # one escape after a digit
        "5*3 og 4**2",
    ],
)
def test_no_markup_edit(text: str) -> None:
    assert markup(text) == []


def test_offsets_cover_the_encoded_characters() -> None:
    text = f"ssn={_percent(FNR)}&x"
    view = normalize(text)
    start = view.text.index(FNR)
    assert view.span(start, start + len(FNR)) == (4, 4 + 3 * len(FNR))


# --- what the engine finds --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entity_type", "value"),
    [
        (f"Mitt fødselsnr: {_entities(FNR)} takk", "NO_FODSELSNUMMER", _entities(FNR)),
        (f"https://bank.example/verify?ssn={_percent(FNR)}&lang=no", "NO_FODSELSNUMMER", _percent(FNR)),
        ("e-post: ola.nordmann&#64;hotmail&#46;com", "EMAIL_ADDRESS", "ola.nordmann&#64;hotmail&#46;com"),
        (
            f"kontonummer: **{ACCOUNT[:4]}**.**{ACCOUNT[4:6]}**.**{ACCOUNT[6:]}**",
            "NO_KONTONUMMER",
            f"{ACCOUNT[:4]}**.**{ACCOUNT[4:6]}**.**{ACCOUNT[6:]}",
        ),
        (
            f"card *{CARD[:4]}* *{CARD[4:8]}* *{CARD[8:12]}* *{CARD[12:]}* thanks",
            "CREDIT_CARD",
            f"{CARD[:4]}* *{CARD[4:8]}* *{CARD[8:12]}* *{CARD[12:]}",
        ),
        (f"fnr{FNR[:6]} {FNR[6:]} hjelp", "NO_FODSELSNUMMER", f"{FNR[:6]} {FNR[6:]}"),
        ("my IP is 0x55.0xA6.0x1C.0x07", "IP_ADDRESS", "0x55.0xA6.0x1C.0x07"),
        ("innlogging fra 77(punkt)40(punkt)118(punkt)203", "IP_ADDRESS", "77(punkt)40(punkt)118(punkt)203"),
        ("my home IP is 85。165。33。201 ok", "IP_ADDRESS", "85。165。33。201"),
        ("følg meg på insta #IngeborgLøvlie nå", "PERSON", "IngeborgLøvlie"),
    ],
)
def test_found(engine: Anonymizer, text: str, entity_type: str, value: str) -> None:
    assert (entity_type, value) in _found(engine, text)


def test_labelled_card_groups(engine: Anonymizer) -> None:
    text = f"first four: {CARD[:4]}, next four: {CARD[4:8]}, next four: {CARD[8:12]}, last four: {CARD[12:]} ok"
    found = _found(engine, text)
    assert any(t == "CREDIT_CARD" and CARD[:4] in v and CARD[12:] in v for t, v in found)


@pytest.mark.parametrize(
    "text",
    [
        "Faktura <b>12345</b> forfaller 15.01.2025, beløp **1 250,00** kr",
        "Se https://www.example.no/sok?q=boligl%C3%A5n&side=2 for mer",
        "Rabatt: 20% på alt, KID 1234567890128",
        "versjon 0x1.0x2 av appen, saksnr 2024~118",
    ],
)
def test_no_false_positive(engine: Anonymizer, text: str) -> None:
    assert [t for t, _ in _found(engine, text) if t not in {"PERSON", "ADDRESS", "URL"}] == []
