"""PERSON, round 8: kinds of names that still leaked on the development sets, each with look-alikes that
must stay words. Names spelled out letter by letter ("m-a-r-t-e", "E-K-R-E-M", "B - O - D - I - L") and the
same name written again another way ("altså Marte", «Nunez» for Núñez, "Tomsa Berg ... Tomas Berg");
nicknames after a nickname cue ("kallenavn Lyn", 'goes by "Bear"'); given names glued to a number
("Ingrid3"); lower-case names joined by slashes; the writer after the opening greeting ("hallo det e
stein.", "this is June again"); and, the other way round, places
named after a person or a word (a shop noun after a given name, a body noun before it, a genitive before
a street word) and pronouns after a strong cue ("someone called me")."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


NAMES: list[tuple[str, list[str]]] = [
    # spelled out, lower case or in capitals, hyphens with or without spaces, or spaced capitals
    ("fornavnet er m-a-r-t-e, ikke martha", ["m-a-r-t-e", "martha"]),
    ("etternavnet mitt staves E-K-R-E-M og ikke Ekrem med to k", ["E-K-R-E-M", "Ekrem"]),
    ("Staving: B - O - D - I - L. Hun skal ha kort", ["B - O - D - I - L"]),
    ("Det skal stå Å S T R I D på kortet, ikke Astrid", ["Å S T R I D", "Astrid"]),
    # the name again another way: joined up, without accents, one letter off, next to the same surname
    ("d-a-g-f-i-n-n, altså Dagfinn", ["d-a-g-f-i-n-n", "Dagfinn"]),
    ("eg heiter r-a-g-n-h-i-l-d, ikkje ragnhil", ["r-a-g-n-h-i-l-d", "ragnhil"]),
    ("Kontoen står på Ana Núñez, men brevet sier «Nunez»", ["Ana Núñez", "Nunez"]),
    ("Jeg skrev Tomsa Berg i stedet for Tomas Berg", ["Tomsa", "Berg", "Tomas Berg"]),
    ("Kortet skal stå på Lucía Martínez, ikke «Martinez»", ["Lucía Martínez", "Martinez"]),
    # nicknames, quoted or not, and words that are nicknames only there
    ("Jeg heter Wirat, kallenavn Lyn 🙂 trenger nytt kort", ["Wirat", "Lyn"]),
    ('She goes by "Bear" at work but her name is Ingrid Moe', ["Bear", "Ingrid Moe"]),
    ("Sønnen min heter Jon-Erik, men alle kaller ham JE.", ["Jon-Erik", "JE"]),
    # a given name glued to a number: a contact saved twice, a handle, a missing space before an amount
    ("Sendte til Ingrid3 i går, feil person", ["Ingrid"]),
    ("hi, Grace77 here from the app chat", ["Grace"]),
    ("overfør Henrik750 kr hver fredag", ["Henrik"]),
    # lower-case given names joined by slashes after a payee cue, a list going on into "som"
    ("mottakere: ragnhild/tove/ida, de får like mye", ["ragnhild", "tove", "ida"]),
    ("d va arne å geir å torbjørn som betalte", ["arne", "geir", "torbjørn"]),
    # the writer saying who writes, after the opening greeting
    ("hallo det e stein. fikk ikke logga inn", ["stein"]),
    ("Hello, this is June again, any news on my loan?", ["June"]),
]

#: Look-alikes: the same shapes and words as no name. The second item is the real names in the text.
WORDS: list[tuple[str, list[str]]] = [
    # letters that spell no name: two letters, a code, a shouted line, mixed case
    ("svar A-B eller C", []),
    ("HAR DU FÅTT DET NÅ", []),
    ("t-bane og e-post", []),
    # a look-alike of a found name that the writer disowns, alone; an everyday word one letter off
    ("my surname is spelled wrong, it says hansenn", []),
    ("Hei Lunde, vi skal lande i Oslo", ["Lunde"]),
    ("Vi så en bjørn på tur. Bjørn ble redd", ["Bjørn"]),
    ("Hope Nilsen skrev: I hope it works", ["Hope Nilsen"]),
    # a nickname cue with a pronoun or a lower-case word after it
    ("alle kaller ham bare sjefen", []),
    # shops, churches and bodies named with a given name or a word
    ("Trekk fra Liv Kaffebar på 89 kr", []),
    ("Har dere avtale med Hedda Blomsterbutikk?", []),
    ("Pengene til Grace Church kom ikke fram", []),
    ("Kontoeier er Borettslaget Granly", []),
    ("Jeg betalte Randi's Bakery to ganger", []),
    # but a full name before a shop noun, or a lower-case noun after a name, is still the person
    ("Betalte Kari Nordmann frisør 400 kr", ["Kari Nordmann"]),
    # a genitive before a street word is the street, with or without a number
    ("Butikken i Haakon VIIs gate er stengt", []),
    ("Jeg bor i Olav Tryggvasons gate og har ikke fått kortet", []),
    # pronouns after a strong cue, a cue word after a cue
    ("Somebody called me from a strange number", []),
    ("Beneficiary name: Tesfay Haile", ["Tesfay Haile"]),
    ("My sister, I'm helping her with the app", []),
    ("det er nabogutten som har kortet", []),
    # numbers glued to words that are no given name, to a modal, a month, or inside an address or handle
    ("Jeg har Windows10 og Office365 på pcen", []),
    ("Will2 is the file name", []),
    ("Rapporten for Mai2024 er klar", []),
    ("send it to ingrid3@example.com", []),
    # slashes between words that are no names, or a path
    ("prisen er kr/mnd, se side/fane/meny", []),
    # "det er" + a word that is the weather, a month, or not the end of the sentence
    ("hei, det er sol ute i dag", []),
    ("hei det er stein i skoen min", []),
    ("hei, det er mai.", []),
    ("det er mai igjen og husleia forfaller", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_round8_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_round8_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
