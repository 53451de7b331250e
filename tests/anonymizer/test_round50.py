"""Round 50 (dev_95: personal data inside links, file names and JSON; dev_96: conversations pasted from
WhatsApp and SMS): an underscore in a file name reads as a space; a link's query string reads as the fields
it holds ("navn=Rami+Haddad&tlf=..."), a phone parameter with its country code and no "+" as a phone
number; a JSON key in camel case and its quoted value read as a form's label and field; the speakers of a
pasted conversation are people. An e-mail address keeps its underscores, however its "@" is written; a
form's labels are no speakers."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

FOUND: list[tuple[str, str, list[str]]] = [
    ("Uploaded payslip_Daniel_Okafor_May2024.pdf to the mortgage case", "PERSON", ["Daniel_Okafor"]),
    ("Kontoutskrifta heiter utskrift_98014587225_2023.pdf, men", "NO_KONTONUMMER", ["98014587225"]),
    ("Eg sende feil fil: «sjølvmelding_14086632536.pdf»", "NO_FODSELSNUMMER", ["14086632536"]),
    ("fekk lenke https://vipps-refusjon.com/r?tlf=4791873325&amt=1250 svindel?", "PHONE_NUMBER", ["4791873325"]),
    (
        "lenka: https://visning.megler-eksempel.no/booking?navn=Rami+Haddad&tlf=%2B4798765432&objekt=221045",
        "PERSON",
        ["Rami+Haddad"],
    ),
    (
        "lenka: https://visning.megler-eksempel.no/booking?navn=Rami+Haddad&tlf=%2B4798765432&objekt=221045",
        "PHONE_NUMBER",
        ["%2B4798765432"],
    ),
    (
        "feil: https://maps.google.com/?q=Sandakerveien+24C,+0473+Oslo – ikke C",
        "ADDRESS",
        ["Sandakerveien+24C,+0473+Oslo"],
    ),
    ('It threw: {"firstName":"Aisha","lastName":"Bello","email":"a@b.no"}', "PERSON", ["Aisha", "Bello"]),
    (
        "Gruppechat:\nSindre: da er det 1 150 på hver\nSindre: vipps til meg\nStian: 👍",
        "PERSON",
        ["Sindre", "Sindre", "Stian"],
    ),
    (
        "[12/04/2024, 21:07:33] Wanjiru 💐: Hi sis, the company\n[12/04/2024, 21:08:01] Wanjiru 💐: they pay 900",
        "PERSON",
        ["Wanjiru", "Wanjiru"],
    ),
    ("Family chat:\nDad: I've sent everyone 1,000\nEmily: thanks dad!!\nMe: haven't got any?", "PERSON", ["Emily"]),
    ("siv_eli_94 (at) hotmail . no e den nye mailen", "EMAIL_ADDRESS", ["siv_eli_94 (at) hotmail . no"]),
    ("Hotmailen min er vilde_k_96 om det hjelper", "EMAIL_ADDRESS", ["vilde_k_96"]),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round50_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values


@pytest.mark.parametrize(
    "text",
    [
        "Skjermbildet heter Screenshot_20240603-142211_Vipps.jpg, skal jeg sende det?",
        "Rent: 9000\nPower: 800\nInternet: 500",
        "Beløp: 2 300,00\nDato: 14.02.2024\nDato: 15.02.2024\nMerknad: betalt to ganger",
        "Tilbud: nytt sikringsskap\nPris: 24 500\nMerk: betales før oppstart",
        'The error was {"errorCode":"E1041","retryAfter":"30"} in the app',
    ],
)
def test_round50_nothing(engine: Anonymizer, text: str) -> None:
    assert [(e.type, text[e.start : e.end]) for e in engine.analyze(text)] == []


def test_round50_form_labels_are_no_speakers(engine: Anonymizer) -> None:
    text = "Afdøde: Poul Erik Vestergaard\nSidste adresse: ukjent\nJeg: Louise Vestergaard Møller\nTak."
    names = [text[e.start : e.end] for e in engine.analyze(text) if e.type == "PERSON"]
    assert "Afdøde" not in names and "Sidste" not in names
