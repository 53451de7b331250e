"""Round 44 (dev_85: dialect and nynorsk everyday chat, people named in passing; dev_84: pasted e-mail
threads, letters and tables): after "heiter" a given name that is also a function word goes on the name
("Stein Are"); after a label, "var" before a capitalised name ("Avsender var Ola Nordmann"); a Norwegian
place's first word before it after the postcode ("1634 Gamle Fredrikstad"); a capitalised genitive right
before the street word ("c/o Ali, Markens gate 30"); "Post box 771"; "IBAN" or "konto" after a comma ends
an address a cue announced ("bur i Tyskland, IBAN DE86 ..."); associations named like firms ("Ålvik
Songlag"); nynorsk "husleiga", "eigar", "utleigar", "leigebuar", dialect "kæm", Danish "Hvad" and some
brands are no names."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("e det nån som heite Stein Are hos dokker? han lova å ring mæ", ["Stein Are"]),
        ("eg har ein leigebuar, Ahmed, som betale husleiga for seint kvar månad", ["Ahmed"]),
        ("ska betal for hytta i Lofoten, 4 800, te eigar Arnt Olsen", ["Arnt Olsen"]),
        ("Kontonummeret til utleigar Geirmund er 4312.09.14244", ["Geirmund"]),
        ("kan du skjekk kæm som sendte mæ 1500 i går?", []),
        ("Vi er eit lite lag, Ålvik Songlag, og treng konto.", []),
        ("Avsender var Ola Nordmann, sa kunden", ["Ola Nordmann"]),
        ("Avsender var noreply@dnb-sikkerhet.co. Det er jo phishing?", []),
        ("mannen min var hovedlåntaker på lånet", []),
        ("Vi bor på Vesterbrogade 42, 1620 København V. Hvad skal vi sende?", []),
        ("Vurderer å kjøpe en varmepumpe fra Mitsubishi til ca 35 000.", []),
    ],
)
def test_round44_names_and_words(engine: Anonymizer, text: str, names: list[str]) -> None:
    assert person_names(engine, text) == names


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Stein og Siv Pettersen, Solbakken 12, 1634 Gamle Fredrikstad", ["Solbakken 12, 1634 Gamle Fredrikstad"]),
        ("Bror min Arvid bur i Tyskland, IBAN DE86 1928 8019 7774 7310 45", []),
        ("Mora mi bur i Polen, konto 1234 56 78903 er hennar", []),
        ("c/o Ali, Markens gate 30, 4611 Kristiansand", ["c/o Ali, Markens gate 30, 4611 Kristiansand"]),
        ("Regards, Emeka Okonkwo, Post box 771, Lagos Island", ["Post box 771, Lagos Island"]),
        ("the post box 12 is full again", []),
    ],
)
def test_round44_addresses(engine: Anonymizer, text: str, addresses: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == "ADDRESS"] == addresses
