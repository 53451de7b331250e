"""EMAIL_ADDRESS through the public ``analyze()``, and that no public-suffix list is fetched."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import spans_of

E = "EMAIL_ADDRESS"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # obfuscated (issue 7)
    ("mail meg på ola . nordmann @ gmail . com takk", [(E, "ola . nordmann @ gmail . com")]),
    ("ola@gmail .com", [(E, "ola@gmail .com")]),
    ("skriv til ola (at) online.no", [(E, "ola (at) online.no")]),
    ("per [at] hotmail dot com", [(E, "per [at] hotmail dot com")]),
    ("kari snabel-a hotmail punktum com", [(E, "kari snabel-a hotmail punktum com")]),
    ("ola at gmail dot com", [(E, "ola at gmail dot com")]),
    ("kopi til trude.ro på gmail.com takk", [(E, "trude.ro på gmail.com")]),
    ("mailen e knutkvam63 på gmail, send dit", [(E, "knutkvam63 på gmail")]),
    ("gmail-adressen min er per.tveit77, bare send", [(E, "per.tveit77")]),
    ("Hotmailen min er siv_k_96 om det hjelper", [(E, "siv_k_96")]),
    ("mæil: ståle snabel a online punktum no", [(E, "ståle snabel a online punktum no")]),
    ("my email is paul&#64;kvale.net and", [(E, "paul&#64;kvale.net")]),
    ("ny mail: ellen.moe@@gmail.com oj", [(E, "ellen.moe@@gmail.com")]),
    ('email me: "ben.oconnor"@outlook.ie', [(E, 'ben.oconnor"@outlook.ie')]),
    ("post(a)bjornstad-regnskap.no", [(E, "post(a)bjornstad-regnskap.no")]),
    ("e-post: ragnhild.oksnes@\nbroadpark.no", [(E, "ragnhild.oksnes@\nbroadpark.no")]),
    ("regnskap(at)fjordbyraa(punktum)no", [(E, "regnskap(at)fjordbyraa(punktum)no")]),
    ("martin strek olsen krøllalfa yahoo punktum no", [(E, "martin strek olsen krøllalfa yahoo punktum no")]),
    ("mail: kari＠online.no", [(E, "kari＠online.no")]),
    ("hun sa at hotmail.com var nede", []),  # a sentence about a provider
    ("jeg ser at nav.no har nye regler", []),
    ("ola.nordmann@example.no", [(E, "ola.nordmann@example.no")]),
    ("e-post: Ola.Nordmann+bank@Example.COM.", [(E, "Ola.Nordmann+bank@Example.COM")]),
    ("kari@bøkker.no", [(E, "kari@bøkker.no")]),
    ("<per_hansen@firma.co.uk>", [(E, "per_hansen@firma.co.uk")]),
    ("send til a@b.no og c.d@e-f.com", [(E, "a@b.no"), (E, "c.d@e-f.com")]),
    ("MAIL: POST@BANK.NO", [(E, "POST@BANK.NO")]),
    # negatives
    ("@bank hjelp", []),
    # no top-level domain: forgotten or broken up, still an address ("ola.nordmann@gmail")
    ("user@localhost", [(E, "user@localhost")]),
    ("skriv til ola.nordmann@gmail takk", [(E, "ola.nordmann@gmail")]),
    ("kari.hansen@gmail.c o m", [(E, "kari.hansen@gmail.c")]),
    ("møte kl 10@kontoret", []),
    # dots typed twice are a typo (or a disguise) of the same address
    ("a..b@example.no", [(E, "a..b@example.no")]),
    ("e-post e ingrid.tveit@@gmail..com skreiv feil", [(E, "ingrid.tveit@@gmail..com")]),
    ("E-posten min er gudrun.nes ætt gmail.com", [(E, "gudrun.nes ætt gmail.com")]),
    ("Kontakt meg på MARTIN AT RORLEGGER-NESS DOT NO", [(E, "MARTIN AT RORLEGGER-NESS DOT NO")]),
    ("mail: kari.hansen at firma.no", [(E, "kari.hansen at firma.no")]),
    ("ola-dot-nordmann-at-gmail-dot-com", [(E, "ola-dot-nordmann-at-gmail-dot-com")]),
    ("eposten min: olanordmann gmail com", [(E, "olanordmann gmail com")]),
    ("jeg ser at nav.no er nede", []),
    ("Kontaktperson: sten-ake.lundgren🐘telia.se (elefanten är snabel-a)", [(E, "sten-ake.lundgren🐘telia.se")]),
    ("email: holly hyphen anne underscore k at icloud dot com",
     [(E, "holly hyphen anne underscore k at icloud dot com")]),
    ("send to tariq point hussain arobase orange point fr", [(E, "tariq point hussain arobase orange point fr")]),
    ("jeg er på gmail nå", []),
    ("x@-bad.no", []),
    ("jeg @ 12 i dag", []),
    ("e-post er ikke registrert", []),
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_email(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)


def test_no_network_access(engine: Anonymizer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Presidio's own e-mail recognizer downloads a suffix list; ours must not touch the network."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert engine.redact("skriv til kari@bøkker.no eller ola@nordmann.com") == (
        "skriv til <EMAIL_ADDRESS> eller <EMAIL_ADDRESS>"
    )
