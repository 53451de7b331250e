"""A labelled evaluation corpus of Norwegian and English bank customer-service chat.

Why a generator and not a fixed file: real chat logs are personal data we may not keep for testing, and
a fixed handful of examples is quickly over-fitted. A seeded generator gives thousands of messages whose
labels are right *by construction*: every message is assembled from literal pieces and value pieces, and
the offsets of the value pieces are recorded while the text is joined, so a label can never drift from
its substring. Noise (typos, lower case, missing punctuation, emoji) is applied to the literal pieces
only, so the personal data itself stays exactly what was labelled.

The name, street and domain lists below are this module's own and deliberately wider than any
gazetteer the anonymizer ships (rare farm names, immigrant-origin names, names with diacritics), so that
scores say how the anonymizer does on the real population of a Norwegian bank's customers.

Row format (JSON lines)::

    {"id": "m00042", "lang": "nb", "category": "pii", "text": "...",
     "entities": [{"type": "PERSON", "start": 10, "end": 21}],
     "negatives": [{"kind": "AMOUNT", "start": 30, "end": 41}]}

Offsets are Python string indices (Unicode code points), ``text[start:end]`` is the value. ``negatives``
are labelled hard negatives (amounts, dates, KIDs, ...) that must *not* be flagged; ``category`` is
``pii`` (at least one entity), ``negative`` (hard negatives only) or ``clean``.

Usage: ``python -m bench.corpus --n 3000 --seed 7 --out corpus.jsonl``
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import re
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.no import fodselsnummer, kontonr, orgnr

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "NO_FODSELSNUMMER",
    "NO_KONTONUMMER",
    "NO_ORGNR",
    "IBAN_CODE",
    "CREDIT_CARD",
    "ADDRESS",
    "IP_ADDRESS",
)

NEGATIVE_KINDS: tuple[str, ...] = (
    "AMOUNT",
    "DATE",
    "TIME",
    "KID",
    "INVOICE",
    "CASE",
    "BAD_CHECKSUM",
    "LAST4",
    "ORDER",
    "PERCENT",
    "YEAR",
    "WORD",
)

DEFAULT_N = 3000
DEFAULT_SEED = 7

# --- record types -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled entity: ``text[start:end]`` is personal data of ``type``.

    ``origin`` says which name list a PERSON came from (``constructed``: built from syllables, mostly
    in no list), so that recall can be reported per origin.
    """

    type: str
    start: int
    end: int
    origin: str | None = None

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"type": self.type, "start": self.start, "end": self.end}
        if self.origin is not None:
            row["origin"] = self.origin
        return row


@dataclass(frozen=True, slots=True)
class Negative:
    """A labelled hard negative: ``text[start:end]`` looks like data but must not be flagged."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message with its gold labels."""

    id: str
    lang: str
    category: str
    text: str
    entities: tuple[Span, ...] = ()
    negatives: tuple[Negative, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "category": self.category,
            "text": self.text,
            "entities": [s.to_json() for s in self.entities],
            "negatives": [{"kind": n.kind, "start": n.start, "end": n.end} for n in self.negatives],
        }

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Message:
        return cls(
            id=str(row["id"]),
            lang=str(row.get("lang", "nb")),
            category=str(row.get("category", "pii" if row.get("entities") else "clean")),
            text=str(row["text"]),
            entities=tuple(
                Span(e["type"], int(e["start"]), int(e["end"]), e.get("origin")) for e in row.get("entities", [])
            ),
            negatives=tuple(Negative(n["kind"], int(n["start"]), int(n["end"])) for n in row.get("negatives", [])),
        )


# --- names ------------------------------------------------------------------------------------------

#: origin -> (first names, surnames). Hyphenated and diacritic forms are in the lists on purpose.
# fmt: off
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "nb_common": (
        (
            "Kari", "Ole", "Anne", "Per", "Lars", "Ingrid", "Nora", "Emma", "Jakob", "Emil", "Marit",
            "Solveig", "Bjørn", "Knut", "Hans", "Liv", "Inger", "Astrid", "Sigrid", "Tone", "Hilde",
            "Trond", "Geir", "Morten", "Espen", "Håkon", "Øystein", "Åse", "Jørgen", "Sondre", "Ida",
            "Thea", "Maja", "Sofie", "Henrik", "Magnus", "Silje", "Kristin", "Randi", "Tor", "Arne", "Jon",
            "Nils", "Eirik", "Anders", "Martin", "Kjell", "Svein", "Gunnar", "Terje", "Anne-Lise",
            "Per-Erik", "Kari-Anne", "Jan-Olav", "Mari", "Stian", "Siri", "Vegard", "Camilla", "Marius",
        ),
        (
            "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
            "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
            "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
            "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen",
            "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Rasmussen",
            "Berntsen", "Nygård", "Holm", "Lunde", "Aas", "Solheim", "Hansen-Berg", "Strand-Olsen",
        ),
    ),
    "nb_rare": (
        (
            "Gudbrand", "Sigvald", "Torbjørg", "Ragnhild", "Alvhild", "Ingebjørg", "Halvdan", "Audun",
            "Eldbjørg", "Torgeir", "Herborg", "Åsmund", "Vebjørn", "Signy", "Ylva", "Tuva", "Oddvar",
            "Oddny", "Gjermund", "Dagfinn", "Sunniva", "Idun", "Frøydis", "Hallvard", "Bergljot",
            "Torvald", "Ingvild", "Aslaug", "Brynjulf", "Jorunn", "Sølvi", "Evjen", "Gyda", "Ottar",
            "Tjerand", "Valborg", "Kolbjørn", "Reidun", "Ådne", "Eiliv",
        ),
        (
            "Skjæveland", "Grønnestad", "Fjeldstad", "Tveit", "Brekke", "Haugland", "Kvamme", "Vikøren",
            "Rødseth", "Ødegård", "Aasland", "Bjørnstad", "Flåten", "Gjerde", "Myklebust", "Sæther",
            "Kvalheim", "Utne", "Hjelmeland", "Lysgaard", "Mjøs", "Tjøtta", "Øvrebø", "Skogstad", "Hovland",
            "Stokkeland", "Rypdal", "Sundt", "Leirvåg", "Rørvik", "Espedal", "Hægeland", "Kolstø",
            "Bjørgum", "Nesheim", "Grøtte", "Tvedten", "Aarvik", "Løvseth", "Sandvold-Hæreid",
        ),
    ),
    "polish": (
        ("Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Małgorzata", "Krzysztof", "Michał", "Anna",
         "Paweł", "Magdalena", "Łukasz", "Joanna", "Wojciech", "Ewa"),
        ("Kowalska", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zieliński",
         "Szymańska", "Woźniak", "Dąbrowska", "Kozłowski", "Jankowska", "Mazur", "Krawczyk"),
    ),
    "somali": (
        ("Abdirahman", "Hodan", "Fadumo", "Mohamed", "Ayaan", "Abdullahi", "Hawa", "Ifrah", "Khadar",
         "Sahra", "Faisal", "Ubah", "Liban", "Ikran"),
        ("Warsame", "Farah", "Abdi", "Hassan", "Hirsi", "Osman", "Jama", "Mohamud", "Ali", "Ismail",
         "Egal", "Duale", "Nur", "Abdulle"),
    ),
    "pakistani": (
        ("Muhammad", "Ayesha", "Imran", "Sadia", "Bilal", "Nadia", "Usman", "Farah", "Zeeshan", "Hina",
         "Tariq", "Shazia", "Kashif", "Rabia"),
        ("Iqbal", "Khan", "Chaudhry", "Butt", "Malik", "Qureshi", "Javed", "Rana", "Aslam", "Mirza",
         "Hussain", "Akhtar", "Bhatti", "Sheikh"),
    ),
    "arabic": (
        ("Ahmad", "Fatima", "Omar", "Layla", "Yousef", "Rania", "Khaled", "Mariam", "Samir", "Nour",
         "Hassan", "Amira", "Tarek", "Yasmin"),
        ("Al-Sayed", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Ibrahim", "Aziz", "Hamdan",
         "Al-Khatib", "Darwish", "Barakat", "Qasim", "El-Amin"),
    ),
    "vietnamese": (
        ("An", "Mai", "Tuan", "Lan", "Anh", "Huong", "Linh", "Minh", "Thao", "Hieu", "Trang", "Duc"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Nguyễn", "Trần"),
    ),
    "eritrean": (
        ("Yonas", "Senait", "Abraham", "Helen", "Filmon", "Semhar", "Tesfalem", "Mehret", "Merhawi",
         "Luwam", "Dawit", "Saba"),
        ("Tesfaye", "Ghebremariam", "Tekle", "Berhane", "Haile", "Kidane", "Woldemichael",
         "Gebreyesus", "Tsegay", "Habte", "Asmerom", "Mehari"),
    ),
    "lithuanian": (
        ("Tomas", "Rūta", "Mindaugas", "Aistė", "Darius", "Jurgita", "Vaidas", "Eglė", "Žygimantas",
         "Inga"),
        ("Kazlauskas", "Petrauskienė", "Jankauskas", "Stankevičiūtė", "Vasiliauskas", "Žukauskaitė",
         "Butkus", "Paulauskas", "Urbonaitė", "Navickas"),
    ),
    "turkish": (
        ("Mehmet", "Ayşe", "Emre", "Zeynep", "Burak", "Elif", "Mustafa", "Gül", "Hakan", "Özlem"),
        ("Yılmaz", "Demir", "Şahin", "Çelik", "Kaya", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç"),
    ),
    "iranian": (
        ("Reza", "Shirin", "Dariush", "Maryam", "Behnaz", "Kourosh", "Parisa", "Arash", "Nasrin",
         "Babak"),
        ("Ahmadi", "Hosseini", "Karimi", "Rezaei", "Moradi", "Tehrani", "Jafari", "Sadeghi", "Mousavi",
         "Rahimi"),
    ),
    "filipino": (
        ("Maricel", "Jose", "Rowena", "Jerome", "Analyn", "Ramon", "Jocelyn", "Rodel", "Marites",
         "Arnel"),
        ("Santos", "Reyes", "dela Cruz", "Bautista", "Villanueva", "Mendoza", "Garcia", "Ramos",
         "Aquino", "Castillo"),
    ),
    "other_immigrant": (
        ("Oleksandr", "Olena", "Tharshan", "Zahra", "Siriporn", "Mohammad", "Bashir", "Nirosha",
         "Dmytro", "Sukhwinder"),
        ("Kovalenko", "Shevchenko", "Sivakumar", "Haidari", "Chaiyaporn", "Rahimi", "Popal",
         "Jeyakumar", "Bondarenko", "Kaur"),
    ),
    "english": (
        ("John", "Emily", "Oliver", "Sarah", "James", "Charlotte", "Michael", "Siobhan", "Harry",
         "Jessica", "Liam", "Megan", "Daniel", "Chloe", "Patrick", "Grace"),
        ("Smith", "Clarke", "Brown", "Thompson", "Wilson", "Davies", "O'Brien", "Murphy", "Evans",
         "Taylor", "Walsh", "Robinson", "Wright", "McKenzie", "Hughes", "Fitzgerald"),
    ),
}

_ORIGIN_WEIGHTS: dict[str, dict[str, float]] = {
    "nb": {
        "nb_common": 35, "nb_rare": 15, "polish": 5, "somali": 5, "pakistani": 5, "arabic": 5,
        "vietnamese": 4, "eritrean": 4, "lithuanian": 3, "turkish": 3, "iranian": 3, "filipino": 3,
        "other_immigrant": 3, "english": 7, "constructed": 8,
    },
    "en": {
        "nb_common": 15, "nb_rare": 7, "polish": 5, "somali": 4, "pakistani": 5, "arabic": 5,
        "vietnamese": 3, "eritrean": 3, "lithuanian": 3, "turkish": 3, "iranian": 3, "filipino": 4,
        "other_immigrant": 3, "english": 37, "constructed": 5,
    },
}

# fmt: on
#: Given middle names by the gender of the first name (so that "Gjermund Louise" does not happen).
_NB_MIDDLE_F = ("Marie", "Elisabeth", "Louise", "Helene", "Sofie", "Kristine", "Margrethe")
_NB_MIDDLE_M = ("Johan", "Kristian", "Andreas", "Olav", "Martin", "Magnus", "Emil")
_NB_MIDDLE = _NB_MIDDLE_F + _NB_MIDDLE_M
# fmt: off
_NB_FEMALE = frozenset((
    "Kari", "Anne", "Ingrid", "Nora", "Emma", "Marit", "Solveig", "Liv", "Inger", "Astrid", "Sigrid",
    "Tone", "Hilde", "Åse", "Ida", "Thea", "Maja", "Sofie", "Silje", "Kristin", "Randi", "Anne-Lise",
    "Kari-Anne", "Mari", "Siri", "Camilla", "Torbjørg", "Ragnhild", "Alvhild", "Ingebjørg", "Eldbjørg",
    "Herborg", "Signy", "Ylva", "Tuva", "Oddny", "Sunniva", "Idun", "Frøydis", "Bergljot", "Ingvild",
    "Aslaug", "Jorunn", "Sølvi", "Gyda", "Valborg", "Reidun",
))
# fmt: on


@dataclass(frozen=True, slots=True)
class Person:
    """A generated person; the message's slots draw first/full/any forms from one person."""

    first: str
    last: str
    middle: str | None
    origin: str

    @property
    def full(self) -> str:
        if self.origin == "vietnamese" and self.middle:
            return f"{self.last} {self.middle} {self.first}"
        parts = [self.first, self.middle, self.last] if self.middle else [self.first, self.last]
        return " ".join(parts)


def _weighted(rng: Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# fmt: off
# Syllables for names that are in no list (Norway has tens of thousands of farm-name surnames and many
# rare given names; a gazetteer never has them all, so these measure what context alone achieves).
_NB_ONSETS = ("Al", "Bjør", "Dag", "Ei", "Fri", "Gun", "Hal", "Ing", "Jo", "Kol", "Lei", "Mar", "Nor", "Od",
              "Ra", "Sig", "Tor", "Ul", "Ve", "Yl", "Ås", "Sver", "Tjø", "Gry")
_NB_ENDINGS = ("dis", "hild", "laug", "frid", "ny", "veig", "run", "borg", "gerd", "vald", "mund", "grim",
               "rand", "stein", "ulf", "var", "bjørn", "leik")
_FARM_FIRST = ("Bjørk", "Lyng", "Hage", "Myr", "Stav", "Kvern", "Fjell", "Nes", "Holt", "Løk", "Tjern",
               "Rud", "Grav", "Skjel", "Vass", "Brå", "Hov", "Lid", "Sel", "Tvet", "Øy", "Kvit", "Stor")
_FARM_LAST = ("ås", "heim", "vik", "stad", "dal", "rud", "land", "li", "berg", "seth", "bø", "mo", "nes",
              "eng", "haug", "voll", "tveit", "gard", "sæter", "myr")
_CONSONANTS = "bdfghjklmnrstvz"
_VOWELS = "aeiou"
_FOREIGN_ENDINGS = ("ov", "ian", "ez", "ani", "ović", "ski", "oğlu", "ura", "ane", "eke", "ito")
# fmt: on


def _syllables(rng: Random, n: int) -> str:
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(n))


def constructed_name(rng: Random) -> tuple[str, str]:
    """A plausible given name and surname built from syllables; most are in no name list (some, like
    "Torbjørn", happen to be real)."""
    if rng.random() < 0.6:
        first = rng.choice(_NB_ONSETS) + rng.choice(_NB_ENDINGS)
        last = rng.choice(_FARM_FIRST) + rng.choice(_FARM_LAST)
    else:
        first = _syllables(rng, rng.choice((2, 2, 3))) + rng.choice(("", "n", "l", "r"))
        last = _syllables(rng, 2) + rng.choice(_FOREIGN_ENDINGS)
    return first.capitalize(), last.capitalize()


def make_person(rng: Random, lang: str) -> Person:
    origin = _weighted(rng, _ORIGIN_WEIGHTS[lang])
    if origin == "constructed":
        first, last = constructed_name(rng)
        return Person(first, last, None, origin)
    firsts, lasts = NAMES[origin]
    first, last = rng.choice(firsts), rng.choice(lasts)
    middle: str | None = None
    roll = rng.random()
    if origin == "vietnamese":
        middle = rng.choice(("Van", "Thi", "Minh", "Duc", "Thi Thu")) if roll < 0.6 else None
    elif origin.startswith("nb") and roll < 0.15:
        middle = rng.choice(_NB_MIDDLE_F if first in _NB_FEMALE else _NB_MIDDLE_M)
    elif origin.startswith("nb") and roll < 0.22:
        middle = rng.choice(NAMES["nb_common"][1])  # double surname: "Ingrid Solberg Lie"
    elif roll < 0.06:
        last = f"{last}-{rng.choice(NAMES[origin][1])}"
    return Person(first, last, middle, origin)


def name_form(rng: Random, person: Person) -> str:
    """Any of the ways a person's name appears in chat (first only, full, with middle names)."""
    roll = rng.random()
    if roll < 0.3:
        return person.first
    if roll < 0.4 and person.middle and person.origin != "vietnamese":
        return f"{person.first} {person.last}"
    return person.full


# --- e-mail -----------------------------------------------------------------------------------------

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "ł": "l", "ß": "ss", "ı": "i", "đ": "d", "'": ""})
_FREE_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "online.no",
    "live.no",
    "icloud.com",
    "yahoo.com",
    "hotmail.no",
    "protonmail.com",
    "getmail.no",
    "me.com",
    "yahoo.no",
)
_WORK_DOMAINS = (
    "firma.no",
    "bygg-service.no",
    "uio.no",
    "ntnu.no",
    "helse-bergen.no",
    "oslo.kommune.no",
    "posten.no",
    "equinor.com",
    "kiwi-grunerlokka.no",
    "regnskapskontoret.no",
    "tannlege-hansen.no",
    "example.co.uk",
)


def _ascii(name: str, rng: Random) -> str:
    low = name.lower().replace(" ", "")
    if rng.random() < 0.3:
        low = low.replace("ø", "oe").replace("å", "a")
    low = low.translate(_TRANSLIT)
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def make_email(rng: Random, person: Person) -> str:
    first, last = _ascii(person.first, rng), _ascii(person.last, rng)
    form = rng.randrange(8)
    local = {
        0: f"{first}.{last}",
        1: f"{first}{last}",
        2: f"{first[0]}.{last}",
        3: f"{first}_{last}",
        4: f"{first}.{last}+{rng.choice(('bank', 'faktura', 'spam', 'nb'))}",
        5: f"{first}{rng.randrange(50, 100)}",
        6: f"{first}.{last}{rng.randrange(1, 30)}",
        7: f"{last}.{first}",
    }[form]
    domain = rng.choice(_WORK_DOMAINS if rng.random() < 0.25 else _FREE_DOMAINS)
    return f"{local}@{domain}"


# --- numbers with real checksums --------------------------------------------------------------------


def _digits(rng: Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def make_fodselsnummer(rng: Random, kind: str = "f") -> str:
    """11 digits; ``kind`` is ``f`` (fødselsnummer), ``d`` (D-nummer, day+40) or ``syn`` (month+80).

    Synthetic test numbers (month+80) carry both real check digits but are rejected by stdnum, which
    checks the birth date; Skatteetaten issues them for test systems, and they do turn up in chat.
    """
    while True:
        born = date(1930, 1, 1) + timedelta(days=rng.randrange(365 * 76))
        if born.year >= 2000:
            ind = rng.randrange(500, 1000)
        else:
            ind = rng.randrange(0, 500) if born.year < 1940 or rng.random() < 0.9 else rng.randrange(900, 1000)
        day = born.day + (40 if kind == "d" else 0)
        month = born.month + (80 if kind == "syn" else 0)
        base = f"{day:02d}{month:02d}{born.year % 100:02d}{ind:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if k1 == "10":
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if k2 == "10":
            continue
        number = base + k1 + k2
        if (kind == "syn") != fodselsnummer.is_valid(number):
            return number


def fodselsnummer_checks(number: str) -> bool:
    """Both check digits right (true for real, D- and synthetic numbers alike)."""
    return (
        len(number) == 11
        and number.isdigit()
        and fodselsnummer.calc_check_digit1(number[:9]) == number[9]
        and fodselsnummer.calc_check_digit2(number[:10]) == number[10]
    )


def make_kontonummer(rng: Random) -> str:
    """A valid kontonummer that is not also a fødselsnummer by checksum.

    A fødselsnummer's second check digit is the kontonummer check digit, so every fødselsnummer is a
    valid kontonummer; one in eleven kontonummer also passes the first check. Those are ambiguous
    without context, so they are drawn again to keep the gold labels unambiguous.
    """
    while True:
        candidate = rng.choice(("1", "2", "3", "4", "6", "7", "9")) + _digits(rng, 10)
        if kontonr.is_valid(candidate) and not fodselsnummer_checks(candidate):
            return candidate


def make_orgnr(rng: Random) -> str:
    while True:
        candidate = rng.choice("89") + _digits(rng, 8)
        if orgnr.is_valid(candidate):
            return candidate


#: country -> BBAN shape: ``n`` digit, ``a`` upper-case letter, ``c`` either.
_IBAN_BBAN: dict[str, str] = {
    "DE": "n" * 18,
    "GB": "aaaa" + "n" * 14,
    "SE": "n" * 20,
    "DK": "n" * 14,
    "FI": "n" * 14,
    "PL": "n" * 24,
    "NL": "aaaa" + "n" * 10,
    "FR": "n" * 10 + "c" * 11 + "nn",
    "ES": "n" * 20,
    "LT": "n" * 16,
    "TR": "n" * 5 + "0" + "c" * 16,
}


def _shape(rng: Random, shape: str) -> str:
    alpha = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}
    return "".join(rng.choice(alpha[s]) if s in alpha else s for s in shape)


def make_iban(rng: Random, country: str | None = None) -> str:
    """A valid IBAN (compact). Norwegian ones wrap a valid kontonummer, as real ones do."""
    cc = country or ("NO" if rng.random() < 0.55 else rng.choice(list(_IBAN_BBAN)))
    for _ in range(10_000):
        bban = make_kontonummer(rng) if cc == "NO" else _shape(rng, _IBAN_BBAN[cc])
        number = cc + stdnum_iban.calc_check_digits(cc + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number
    raise RuntimeError(f"no valid IBAN for {cc}")  # pragma: no cover - every shape above is satisfiable


def make_card(rng: Random, brand: str | None = None) -> str:
    """A Luhn-valid card number (compact): Visa, Mastercard 51-55 or 2221-2720, or Amex."""
    brand = brand or rng.choice(("visa", "visa", "mc", "mc2", "amex"))
    if brand == "visa":
        body = "4" + _digits(rng, 14)
    elif brand == "mc":
        body = str(rng.randrange(51, 56)) + _digits(rng, 13)
    elif brand == "mc2":
        body = str(rng.randrange(2221, 2721)) + _digits(rng, 11)
    else:
        body = rng.choice(("34", "37")) + _digits(rng, 12)
    return body + luhn.calc_check_digit(body)


def mod11_check(digits: str) -> str | None:
    """KID MOD11 check digit (weights 2..7 from the right); ``None`` where it would be ``-``."""
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(digits)))
    check = (11 - total % 11) % 11
    return None if check == 10 else str(check)


def make_kid(rng: Random) -> str:
    """A valid KID: MOD10 (Luhn) or MOD11, 7-25 digits; a fifth are Luhn-valid 16-digit ones."""
    if rng.random() < 0.2:
        body = _digits(rng, 15)
        return body + luhn.calc_check_digit(body)
    length = rng.randrange(7, 26)
    while True:
        body = _digits(rng, length - 1)
        if rng.random() < 0.5:
            return body + luhn.calc_check_digit(body)
        check = mod11_check(body)
        if check is not None:
            return body + check


def looks_valid(digits: str) -> bool:
    """True if a digit string passes any checksum of the types we label (used to keep negatives clean)."""
    if len(digits) == 11 and (kontonr.is_valid(digits) or fodselsnummer_checks(digits)):
        return True
    if len(digits) == 9 and orgnr.is_valid(digits):
        return True
    return 12 <= len(digits) <= 19 and luhn.is_valid(digits)


def make_bad11(rng: Random) -> str:
    """11 digits that fail every checksum: not a fødselsnummer (any kind), not a kontonummer."""
    while True:
        candidate = rng.choice("123456789") + _digits(rng, 10)
        if not looks_valid(candidate):
            return candidate


def make_phone_no(rng: Random) -> str:
    """A valid Norwegian number in one of the ways people type it."""
    while True:
        national = rng.choice("4999922357") + _digits(rng, 7)
        if phonenumbers.is_valid_number(phonenumbers.parse(national, "NO")):
            break
    n = national
    mobile = n[0] in "49"
    styles = [
        f"+47 {n[:3]} {n[3:5]} {n[5:]}",
        f"+47 {n}",
        f"+47{n}",
        f"0047 {n}",
        f"0047 {n[:3]} {n[3:5]} {n[5:]}",
        f"{n[:3]} {n[3:5]} {n[5:]}",
        f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
        n,
        f"+47 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
    ]
    if not mobile:  # landlines are written in pairs
        styles = [styles[6], styles[6], styles[8], n, styles[1]]
    return rng.choice(styles)


# fmt: off
_FOREIGN_PHONES: tuple[str, ...] = (
    "+44 20 79XX XXXX", "+44 7XXX XXXXXX", "0044 7XXX XXXXXX", "+46 70 XXX XX XX", "+46 8 XXX XXX XX",
    "+1 415 XXX XXXX", "+1 (212) XXX-XXXX", "+49 151 XXXXXXXX", "+49 30 XXXXXXXX", "+48 5XX XXX XXX",
    "+45 XX XX XX XX", "+92 300 XXXXXXX", "+252 61 XXXXXXX", "+90 532 XXX XX XX", "+370 6XX XXXXX",
    "+63 917 XXX XXXX", "+98 912 XXX XXXX", "+84 91 XXX XX XX", "+380 67 XXX XXXX", "+358 40 XXX XXXX",
)
# fmt: on


def make_phone_intl(rng: Random) -> str:
    """A valid foreign number in international format."""
    while True:
        shape = rng.choice(_FOREIGN_PHONES)
        number = "".join(rng.choice(string.digits) if c == "X" else c for c in shape)
        dialable = "+" + number[2:] if number.startswith("00") else number
        if phonenumbers.is_valid_number(phonenumbers.parse(dialable, None)):
            return number


def make_ip(rng: Random) -> str:
    if rng.random() < 0.7:
        first = rng.choice((84, 85, 88, 46, 77, 178, 193, 212, 10, 192, 51, 109, 129, 158))
        return ".".join(str(x) for x in (first, rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)))
    groups = [0x2001, rng.choice((0x4640, 0x0DB8, 0x67C, 0x4600, 0x9B0))] + [
        rng.randrange(0, 0x10000) if rng.random() < 0.6 else 0 for _ in range(6)
    ]
    addr = ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))
    return addr.compressed if rng.random() < 0.8 else addr.exploded


# --- formatting of numbers as people type them ------------------------------------------------------


def fmt_fodselsnummer(rng: Random, number: str) -> str:
    return rng.choice((number, number, f"{number[:6]} {number[6:]}", f"{number[:6]}-{number[6:]}"))


def fmt_kontonummer(rng: Random, number: str) -> str:
    return rng.choice((f"{number[:4]}.{number[4:6]}.{number[6:]}", f"{number[:4]} {number[4:6]} {number[6:]}", number))


def fmt_orgnr(rng: Random, number: str) -> str:
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    return rng.choice((spaced, number, number, f"NO {spaced} MVA", f"NO{number}MVA"))


def fmt_iban(rng: Random, number: str) -> str:
    return stdnum_iban.format(number) if rng.random() < 0.6 else number


def fmt_card(rng: Random, number: str) -> str:
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    return rng.choice((" ".join(groups), " ".join(groups), "-".join(groups), number))


# --- addresses --------------------------------------------------------------------------------------

# fmt: off
_NB_STREETS_FIXED = (
    "Storgata", "Kirkegata", "Skolegata", "Markveien", "Trondheimsveien", "Sandakerveien",
    "Ullevålsveien", "Kirkeveien", "Bogstadveien", "Sognsveien", "Grefsenveien", "Kongsvingervegen",
    "Tollbugata", "Jernbanegata", "Strandgaten", "Torggata", "Grønlandsleiret", "Munkedamsveien",
    "Kongens gate", "Dronningens gate", "Karl Johans gate", "Thorvald Meyers gate", "Bygdøy allé",
    "Drammensveien", "Olav Tryggvasons gate", "Christian Michelsens gate", "Henrik Wergelands allé",
    "Professor Dahls gate", "Sofies gate", "Schweigaards gate", "Haakon VIIs gate", "Osterhaus' gate",
    "St. Olavs gate", "Nedre Vollgate", "Øvre Slottsgate", "Fridtjof Nansens vei", "Løkkeveien",
)
_NB_STREET_STEMS = (
    "Bjørke", "Gran", "Furu", "Lyng", "Eike", "Rogne", "Bringebær", "Blåbær", "Hegg", "Løvås", "Sol",
    "Måke", "Fjell", "Skog", "Myr", "Elve", "Sjø", "Kvernhus", "Prestegårds", "Stasjons", "Meieri",
    "Smie", "Tømmer", "Hauke", "Rosen", "Kirsebær", "Nordlys",
)
_NB_STREET_SUFFIXES = (
    "veien", "vegen", "vei", "gata", "gaten", "stien", "bakken", "lia", "åsen", "tunet", "lunden",
    "svingen", "kroken", "haugen",
)
_NB_PLACES = (
    ("0155", "Oslo"), ("0450", "Oslo"), ("0561", "Oslo"), ("0682", "Oslo"), ("1169", "Oslo"),
    ("5003", "Bergen"), ("5011", "Bergen"), ("7010", "Trondheim"), ("7030", "Trondheim"),
    ("4006", "Stavanger"), ("9008", "Tromsø"), ("3015", "Drammen"), ("1440", "Drøbak"), ("2317", "Hamar"),
    ("4610", "Kristiansand S"), ("6004", "Ålesund"), ("8006", "Bodø"), ("1337", "Sandvika"),
    ("2000", "Lillestrøm"), ("3510", "Hønefoss"), ("9510", "Alta"), ("1850", "Mysen"), ("4877", "Grimstad"),
    ("6800", "Førde"), ("8300", "Svolvær"), ("5700", "Voss"), ("2609", "Lillehammer"), ("3732", "Skien"),
)
_EN_STREETS = (
    "Baker Street", "High Road", "Elm Avenue", "Church Lane", "Station Road", "Victoria Street",
    "Park Avenue", "Queen's Road", "Mill Lane", "King Street", "Oxford Road", "Grange Close",
)
_EN_PLACES = (
    ("London", "NW1 6XE"), ("Leeds", "LS1 4AB"), ("Manchester", "M1 2AB"), ("York", "YO1 7HH"),
    ("Bristol", "BS1 5TR"), ("Edinburgh", "EH1 1YZ"), ("Cardiff", "CF10 1EP"), ("Glasgow", "G2 1DY"),
)
# fmt: on


def make_address_nb(rng: Random) -> str:
    if rng.random() < 0.5:
        street = rng.choice(_NB_STREETS_FIXED)
    else:
        street = rng.choice(_NB_STREET_STEMS) + rng.choice(_NB_STREET_SUFFIXES)
    number = str(rng.randrange(1, 160) if rng.random() < 0.8 else rng.randrange(1, 20))
    roll = rng.random()
    if roll < 0.12:
        number += rng.choice("ABCD")
    elif roll < 0.17:
        number += " " + rng.choice("ABC")
    elif roll < 0.2:
        number += rng.choice("abc")
    line = f"{street} {number}"
    if rng.random() < 0.04:
        line += f", H0{rng.randrange(1, 6)}0{rng.randrange(1, 5)}"
    postcode, city = rng.choice(_NB_PLACES)
    roll = rng.random()
    if roll < 0.35:
        return line
    if roll < 0.75:
        return f"{line}, {postcode} {city}"
    if roll < 0.9:
        return f"{line} {postcode} {city}"
    return f"{line}, {city}"


def make_address_en(rng: Random) -> str:
    city, postcode = rng.choice(_EN_PLACES)
    line = f"{rng.randrange(1, 250)}{rng.choice(('', '', '', 'B'))} {rng.choice(_EN_STREETS)}"
    roll = rng.random()
    if roll < 0.35:
        return line
    if roll < 0.55:
        return f"Flat {rng.randrange(1, 20)}, {line}, {city} {postcode}"
    if roll < 0.85:
        return f"{line}, {city} {postcode}"
    return f"{line}, {city}"


# --- hard negatives ---------------------------------------------------------------------------------


def make_amount(rng: Random, lang: str) -> str:
    whole = rng.choice((rng.randrange(50, 1000), rng.randrange(1000, 20000), rng.randrange(20000, 3_000_000)))
    spaced = f"{whole:,}".replace(",", " ")
    dotted = f"{whole:,}".replace(",", ".")
    cents = f"{rng.randrange(100):02d}"
    nb = (
        f"kr {spaced},{cents}",
        f"NOK {dotted}",
        f"{whole} kr",
        f"{spaced},-",
        f"kr {spaced}",
        f"{spaced} kroner",
        f"{whole},- kr",
        f"kr. {whole}",
    )
    en = (f"${whole:,}.{cents}", f"NOK {whole:,}", f"£{whole}.{cents}", f"€{whole:,}", f"{whole} NOK", f"kr {spaced}")
    return rng.choice(nb if lang == "nb" else en)


# fmt: off
_NB_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
              "november", "desember")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
# fmt: on


def make_date(rng: Random, lang: str) -> str:
    d = date(2019, 1, 1) + timedelta(days=rng.randrange(365 * 7))
    forms = [d.strftime("%d.%m.%Y"), d.isoformat(), f"{d.day}.{d.month}.{d.year % 100:02d}"]
    forms += (
        [f"{d.day}. {_NB_MONTHS[d.month - 1]}"]
        if lang == "nb"
        else [
            f"{d.day} {_EN_MONTHS[d.month - 1]} {d.year}",
            f"{_EN_MONTHS[d.month - 1]} {d.day}",
            d.strftime("%d/%m/%Y"),
        ]
    )
    return rng.choice(forms)


def make_time(rng: Random, lang: str) -> str:
    h, m = rng.randrange(7, 23), rng.choice((0, 15, 30, 45, 5, 50))
    if lang == "nb":
        return rng.choice((f"kl {h}:{m:02d}", f"kl. {h:02d}.{m:02d}", f"kl {h}", f"{h}:{m:02d}"))
    return rng.choice(
        (f"{h}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d} {'pm' if h >= 12 else 'am'}", f"{(h - 1) % 12 + 1}pm")
    )


def _clean_digits(rng: Random, n: int) -> str:
    while True:
        candidate = rng.choice("123456789") + _digits(rng, n - 1)
        if not looks_valid(candidate):
            return candidate


def make_invoice(rng: Random) -> str:
    return rng.choice(
        (
            f"{rng.randrange(2019, 2026)}-{rng.randrange(1, 9999):04d}",
            _clean_digits(rng, 6),
            f"INV-{_clean_digits(rng, 5)}",
            _clean_digits(rng, 8),
        )
    )


def make_case(rng: Random) -> str:
    return rng.choice(
        (
            f"{rng.randrange(2019, 2026)}-{rng.randrange(100000, 999999)}",
            f"#{_clean_digits(rng, 5)}",
            f"SR-{_clean_digits(rng, 4)}",
            _clean_digits(rng, 7),
        )
    )


def make_order(rng: Random) -> str:
    return rng.choice(
        (
            _clean_digits(rng, 8),
            _clean_digits(rng, 7),
            f"#A-{_clean_digits(rng, 5)}",
            f"{_clean_digits(rng, 3)}-{_clean_digits(rng, 7)}",
        )
    )


def make_percent(rng: Random, lang: str) -> str:
    value = rng.randrange(50, 2500) / 100
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if lang == "nb":
        text = text.replace(".", ",")
        return rng.choice((f"{text} %", f"{text}%", f"{text} prosent"))
    return rng.choice((f"{text}%", f"{text} %", f"{text}% APR"))


# --- templates --------------------------------------------------------------------------------------
# ``{slot}`` is filled by the factory of the same name below; ``{w:Word}`` marks a capitalised common
# word (or a word that is also a name) as a WORD hard negative.

_NB_PERSON = (
    "Hei, jeg heter {name}.",
    "Hei! Mitt navn er {full} og jeg lurer på noe om lånet mitt.",
    "Dette er {name}, jeg ringte i går om kortet.",
    "Hilsen {name}",
    "Takk for hjelpen!\nMvh {full}",
    "mvh {first}",
    "Kan {full} få tilgang til kontoen min?",
    "Min mann {first} har mistet kortet sitt.",
    "Min kone {first} skal ha disponentrett på brukskontoen.",
    "Jeg vil overføre penger til {full}, hvordan gjør jeg det?",
    "Overfør til {first} fra sparekontoen min",
    "{first} her, kortet mitt er sperret.",
    "Kontoen står på {full}, men jeg er disponent.",
    "Jeg ringer på vegne av moren min, {full}.",
    "Sønnen min {first} trenger BankID.",
    "Datteren min {first} fyller 18 i år, kan hun få eget kort?",
    "Betalingen til {full} har ikke kommet frem.",
    "Jeg snakket med {first} hos dere i går.",
    "Rådgiveren min heter {full}, kan jeg få snakke med henne?",
    "Kan du sette meg over til {first}?",
    "Hei {first}, takk for svaret!",
    "Jeg er verge for {full}.",
    "Fullmakten gjelder for {full}.",
    "Avdøde {full} hadde konto hos dere, hva gjør vi nå?",
    "Navnet mitt er feilstavet, det skal være {full}.",
    "Jeg og samboeren min {first} vil søke boliglån sammen.",
    "Hei, det er {first} igjen 🙂",
    "Faren min {full} er på sykehjem og jeg har fullmakt.",
    "Gi beskjed til {first} om at jeg har betalt.",
    "Kan {first} og jeg ha felles konto?",
    "jeg heter {name} og trenger hjelp",
    "Vennlig hilsen\n{full}",
    "Det var {other} som fikk pengene, ikke meg.",
    "Jeg har lånt ut kortet til {other}, er det lov?",
    "Hei. {full} her. Får ikke logget inn",
)
_EN_PERSON = (
    "Hi, my name is {name}.",
    "This is {full}, I called yesterday about my card.",
    "Regards, {name}",
    "Best regards,\n{full}",
    "Kind regards\n{first}",
    "Thanks, {first}",
    "Can {full} get access to my account?",
    "My wife {first} is a co-owner of the account.",
    "My husband {first} lost his card.",
    "I want to transfer money to {full}.",
    "I spoke to {first} yesterday and she said it was fixed.",
    "I'm {full} and I need help with my mortgage.",
    "I'm calling on behalf of my father, {full}.",
    "Please add {full} as a joint account holder.",
    "The payment to {full} never arrived.",
    "{first} here, my card has been blocked.",
    "Could you put me through to {first}?",
    "My adviser is {full}.",
    "Is {first} still working there?",
    "Cheers, {first}",
    "Sent on behalf of {full}",
    "Hey, it's {first} again",
    "my name is {name} and i cant log in",
    "The money went to {other} by mistake.",
)
_NB_EMAIL = (
    "E-posten min er {email}",
    "Kan dere sende kontoutskriften til {email}?",
    "Ny e-postadresse: {email}",
    "send til {email} takk",
    "Jeg har byttet e-post til {email}.",
    "Dere kan nå meg på {email}",
    "mail: {email}",
    "Jeg fikk ikke e-posten, sjekk at dere har {email}",
)
_EN_EMAIL = (
    "My email is {email}",
    "Please send the statement to {email}.",
    "You can reach me at {email}",
    "new email address: {email}",
    "I never got the email, is it {email} you have?",
)
_NB_PHONE = (
    "Ring meg på {phone}",
    "Mobilnummeret mitt er {phone}.",
    "tlf {phone}",
    "Jeg har fått nytt nummer: {phone}",
    "Kan dere ringe meg på {phone} {time}?",
    "Jeg bor i utlandet, nummeret er {phone_intl}",
    "Jeg får ikke SMS-koden på {phone}.",
    "Mobil: {phone}",
    "Nås på {phone} hele dagen",
    "ring {phone}",
)
_EN_PHONE = (
    "Call me on {phone}",
    "My mobile number is {phone}.",
    "I'm abroad, you can reach me at {phone_intl}",
    "I don't get the SMS code on {phone}",
    "phone {phone_intl}",
    "My new number is {phone_intl}.",
    "Please call {phone} after {time}",
)
_NB_FNR = (
    "Fødselsnummeret mitt er {fnr}",
    "fnr: {fnr}",
    "Personnummer {fnr}",
    "Mitt d-nummer er {fnr}",
    "Her er fødselsnr. {fnr} som dere ba om",
    "Jeg har bare D-nummer: {fnr}",
    "{fnr} er personnummeret til sønnen min.",
    "fødselsnummer {fnr} hvorfor får jeg ikke logget inn",
    "Testbrukeren har fnr {fnr}",
)
_EN_FNR = (
    "My national identity number is {fnr}.",
    "Norwegian ID number: {fnr}",
    "my fødselsnummer is {fnr}",
    "D-number {fnr}",
)
_NB_KONTO = (
    "Kontonummeret mitt er {konto}.",
    "Jeg overførte til feil konto: {konto}",
    "Kan dere sjekke konto {konto}?",
    "Pengene skulle gått til {konto}",
    "Betal til {konto} med KID {kid}",
    "Overfør {amount} fra {konto} til sparekontoen",
    "konto nr {konto}",
    "Lønnen kommer inn på {konto}",
    "Hvorfor er {konto} sperret?",
)
_EN_KONTO = (
    "My account number is {konto}.",
    "I transferred {amount} to the wrong account, {konto}.",
    "Please check account {konto}",
    "Salary goes to {konto}",
)
_NB_ORGNR = (
    "Organisasjonsnummeret er {orgnr}.",
    "Orgnr: {orgnr}",
    "Firmaet mitt har org.nr. {orgnr}",
    "Jeg driver ENK med orgnr {orgnr} og trenger bedriftskonto",
    "Faktura fra {orgnr} ser mistenkelig ut",
    "Leverandøren har organisasjonsnummer {orgnr}",
    "Selskapet {orgnr} skal bytte bank",
)
_EN_ORGNR = (
    "Our company registration number is {orgnr}.",
    "org no {orgnr}",
    "The supplier's organisation number is {orgnr}",
)
_NB_IBAN = (
    "IBAN: {iban}",
    "Mottakers IBAN er {iban}, og BIC er DNBANOKKXXX",
    "Jeg skal sende penger til {iban}",
    "Hva er IBAN for kontoen min? Er det {iban}?",
    "Utenlandsbetalingen til {iban} er ikke kommet frem",
)
_EN_IBAN = (
    "The beneficiary IBAN is {iban}.",
    "Please send it to IBAN {iban}",
    "my IBAN {iban}",
    "Is {iban} the right format?",
)
_NB_CARD = (
    "Kortnummeret mitt er {card}.",
    "Jeg har mistet kortet {card}",
    "Sperr kort {card} takk",
    "Det er trukket {amount} fra kortet {card}",
    "kort: {card} utløper 04/27",
    "Noen har brukt {card} i utlandet!",
)
_EN_CARD = (
    "My card number is {card}",
    "Please block card {card}.",
    "There's a charge of {amount} on {card} I don't recognise",
    "card {card} was stolen",
)
_NB_ADDRESS = (
    "Jeg har flyttet til {address}.",
    "Ny adresse: {address}",
    "Send kortet til {address}",
    "Adressen min er {address}",
    "Jeg bor i {address} nå",
    "Kan dere sende brevet til {address}?",
    "Boligen vi skal kjøpe ligger i {address}.",
    "Postadresse: {address}",
    "Kortet ble sendt til gammel adresse, {address}",
)
_EN_ADDRESS = (
    "I've moved to {address}.",
    "Please send the new card to {address}",
    "My address is {address}.",
    "The property is at {address}.",
    "I live at {address_nb} now",
)
_NB_IP = (
    "IP-adressen min er {ip}",
    "Jeg får feilmelding om at IP {ip} er blokkert",
    "Noen logget inn fra {ip}, det var ikke meg!",
    "Nettbanken sier at {ip} ikke er tillatt",
)
_EN_IP = (
    "My IP address is {ip}",
    "Someone logged in from {ip}, that wasn't me",
    "Login blocked for {ip}?",
)
_NB_MULTI = (
    "Jeg heter {full}, fødselsnummer {fnr}, og jeg vil sperre kortet.",
    "{full}, {address}, tlf {phone}",
    "Hei! Jeg er {full} ({email}). Kontoen min {konto} er sperret.",
    "Navn: {full}\nAdresse: {address}\nTelefon: {phone}\nE-post: {email}",
    "Mvh {full}\n{phone}\n{email}",
    "Kan dere overføre {amount} fra {konto} til {other}? Kontoen er {konto}.",
    "Firmaet {orgnr} eies av {full}, kontakt {email}.",
    "Mitt navn er {full} og kortet mitt {card} er misbrukt.",
    "Jeg ({full}, f.nr. {fnr}) gir fullmakt til {other}.",
    "Send til {iban} med referanse {invoice}.",
    "Hei, jeg heter {first} og bor i {address}. Ring {phone} 😊",
    "Sorry, my norsk is bad. Jeg heter {full}, kontonummer {konto}",
)
_EN_MULTI = (
    "Name: {full}, phone {phone_intl}, email {email}",
    "Hi, I'm {full}, my account is {konto} and my card {card} was stolen.",
    "Regards,\n{full}\n{address}\n{phone}",
    "I'm {full}, D-number {fnr}, please call me on {phone}.",
    "Transfer {amount} to {iban} for {other} please",
)
_NB_NEGATIVE = (
    "Jeg betalte {amount} på butikken i går, men beløpet er trukket to ganger.",
    "Regningen på {amount} forfaller {date}.",
    "KID-nummeret er {kid}, hvorfor blir betalingen avvist?",
    "Jeg har betalt med KID {kid} og {amount}.",
    "KID: {kid}",
    "Fakturanummer {invoice} er betalt {date}.",
    "Angående saksnummer {case}: har dere fått dokumentene?",
    "sak {case} er fortsatt ikke løst",
    "Kortet som slutter på {last4} er blitt sperret.",
    "Ordrenummeret mitt er {order}.",
    "Renten er {pct}, er det fast eller flytende?",
    "Jeg har hatt lånet siden {year}.",
    "Kan jeg ringe {time} i morgen?",
    "Jeg prøver å betale til {bad11} men får feilmelding om ugyldig kontonummer.",
    "Referansen på kvitteringen er {bad11}.",
    "{w:Per} måned betaler jeg {amount} i avdrag.",
    "{w:Takk} for hjelpen!",
    "{w:Hei}, hvordan bytter jeg PIN-kode?",
    "{w:Jeg} har ikke fått {w:BankID} på mobilen.",
    "{w:Bank}-appen krasjer når jeg åpner den.",
    "Har dere {w:Liv}- og uføreforsikring?",
    "{w:Vipps} fungerer ikke etter oppdateringen.",
    "Overføringen på {amount} kom ikke frem før {date} {time}.",
    "Lånet på {amount} med {pct} rente over 25 år, hva blir terminbeløpet?",
    "Jeg fikk {amount} tilbake på skatten i {year}.",
    "{w:Mai} er måneden jeg betaler mest.",
    "{w:Per} i dag har jeg {amount} på konto.",
    "Betalingen med KID {kid} forfaller {date}",
    "Kortet med siste siffer {last4} virker ikke",
    "{w:Sparebank} 1 og {w:Nordea} har lavere rente, {pct}",
)
_EN_NEGATIVE = (
    "{w:May} I ask why I was charged {amount}?",
    "{w:Will} you refund the {amount} fee?",
    "The invoice {invoice} was paid on {date}.",
    "My card ending in {last4} was declined.",
    "The interest rate is {pct}, is that fixed?",
    "I paid with KID {kid} but it bounced.",
    "Order number {order} hasn't been refunded.",
    "Case {case} is still open.",
    "{w:Bank} transfer of {amount} on {date} at {time} is missing.",
    "{w:Mark} it as paid please, I paid {amount}.",
    "I've had the mortgage since {year}.",
    "Reference {bad11} doesn't work as an account number.",
    "{w:Grace} period ends {date}?",
)
_NB_CLEAN = (
    "Hvordan endrer jeg PIN-koden på kortet?",
    "Hva er renten på BSU nå?",
    "Jeg får ikke logget inn med BankID på mobil.",
    "Hvor lang tid tar en overføring til utlandet?",
    "Kan jeg øke kredittgrensen på kortet?",
    "Hvordan sperrer jeg kortet mitt?",
    "Jeg har glemt passordet til nettbanken.",
    "Hva koster det å ta ut penger i minibank i utlandet?",
    "Kan jeg søke om boliglån på nett?",
    "Når kommer lønnen inn på kontoen?",
    "Hvordan bestiller jeg nytt kort?",
    "Er det mulig å endre forfallsdato på lånet?",
    "Jeg vil gjerne snakke med en rådgiver.",
    "Kan jeg få avdragsfrihet i noen måneder?",
    "Hvorfor blir kortet mitt avvist i nettbutikker?",
    "Hvordan setter jeg opp eFaktura og AvtaleGiro?",
    "Hva er forskjellen på fast og flytende rente?",
    "Jeg tror jeg har blitt svindlet, hva gjør jeg?",
    "Har dere åpent i julen?",
    "Kan jeg bruke Apple Pay med kortet?",
    "Jeg fikk en rar SMS som sa at den var fra banken.",
    "Hvordan avslutter jeg en konto?",
    "Kan barn under 18 ha eget bankkort?",
    "Trenger jeg å gjøre noe når jeg flytter til utlandet?",
    "Hvor finner jeg årsoppgaven?",
    "Får jeg renter på sparekontoen hver måned?",
    "Hvordan fungerer fondssparing hos dere?",
    "Nettbanken henger, er det driftsproblemer?",
    "ok takk",
    "Tusen takk for god hjelp!",
    "Hallo? Er det noen der?",
    "Jeg venter fortsatt på svar.",
    "Kan jeg få snakke med et menneske?",
    "Hei, can you help me med kortet mitt?",
    "Sorry, jeg skriver litt dårlig norsk. Can we talk English?",
    "Hvorfor står det reservert beløp på kontoen?",
    "Kan jeg flytte aksjesparekontoen min til dere?",
)
_EN_CLEAN = (
    "How do I block my card?",
    "What's the interest rate on a savings account?",
    "I can't log in to the online bank.",
    "How long does an international transfer take?",
    "Can I open an account without a Norwegian ID number?",
    "I need to speak to an adviser please.",
    "Why was my card declined abroad?",
    "How do I set up a standing order?",
    "Is there a fee for withdrawing cash?",
    "Thanks for your help!",
    "Hello, is anyone there?",
    "Can I get a mortgage as a foreign citizen?",
    "Where can I find my annual statement?",
    "My BankID isn't working on my new phone.",
    "How do I change my PIN?",
    "Do you offer green loans?",
    "ok thanks",
    "Why is there a pending amount on my account?",
    "Hi, jeg har glemt passordet til nettbanken",
)

# fmt: off
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "nb": {
        "PERSON": _NB_PERSON, "EMAIL_ADDRESS": _NB_EMAIL, "PHONE_NUMBER": _NB_PHONE,
        "NO_FODSELSNUMMER": _NB_FNR, "NO_KONTONUMMER": _NB_KONTO, "NO_ORGNR": _NB_ORGNR,
        "IBAN_CODE": _NB_IBAN, "CREDIT_CARD": _NB_CARD, "ADDRESS": _NB_ADDRESS, "IP_ADDRESS": _NB_IP,
        "MULTI": _NB_MULTI, "negative": _NB_NEGATIVE, "clean": _NB_CLEAN,
    },
    "en": {
        "PERSON": _EN_PERSON, "EMAIL_ADDRESS": _EN_EMAIL, "PHONE_NUMBER": _EN_PHONE,
        "NO_FODSELSNUMMER": _EN_FNR, "NO_KONTONUMMER": _EN_KONTO, "NO_ORGNR": _EN_ORGNR,
        "IBAN_CODE": _EN_IBAN, "CREDIT_CARD": _EN_CARD, "ADDRESS": _EN_ADDRESS, "IP_ADDRESS": _EN_IP,
        "MULTI": _EN_MULTI, "negative": _EN_NEGATIVE, "clean": _EN_CLEAN,
    },
}

#: How often each PII focus is drawn for a ``pii`` message (weights).
_PII_FOCUS: dict[str, float] = {
    "PERSON": 26, "EMAIL_ADDRESS": 7, "PHONE_NUMBER": 10, "NO_FODSELSNUMMER": 8, "NO_KONTONUMMER": 9,
    "NO_ORGNR": 6, "IBAN_CODE": 6, "CREDIT_CARD": 7, "ADDRESS": 9, "IP_ADDRESS": 4, "MULTI": 14,
}
# fmt: on
_CATEGORY_WEIGHTS: dict[str, float] = {"pii": 63, "negative": 17, "clean": 20}
_LANG_WEIGHTS: dict[str, float] = {"nb": 65, "en": 35}
_EMOJI = ("🙂", "😊", "🙏", "👍", "😅", "😡", "🤔", "❤️", "👍🏻")

# --- message assembly -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    text: str
    entity: str | None = None
    negative: str | None = None
    origin: str | None = None


@dataclass(slots=True)
class _Ctx:
    rng: Random
    lang: str
    person: Person | None = None
    other: Person | None = None
    lower_names: bool = False
    pieces: list[_Piece] = field(default_factory=list)

    def main_person(self) -> Person:
        if self.person is None:
            self.person = make_person(self.rng, self.lang)
        return self.person


def _fnr_value(ctx: _Ctx) -> str:
    kind = ctx.rng.choices(("f", "d", "syn"), weights=(75, 18, 7))[0]
    return fmt_fodselsnummer(ctx.rng, make_fodselsnummer(ctx.rng, kind))


def _other_value(ctx: _Ctx) -> str:
    if ctx.other is None:
        ctx.other = make_person(ctx.rng, ctx.lang)
    return name_form(ctx.rng, ctx.other)


#: slot -> (entity type, negative kind, factory)
_SLOTS: dict[str, tuple[str | None, str | None, Callable[[_Ctx], str]]] = {
    "name": ("PERSON", None, lambda c: name_form(c.rng, c.main_person())),
    "first": ("PERSON", None, lambda c: c.main_person().first),
    "full": ("PERSON", None, lambda c: c.main_person().full),
    "other": ("PERSON", None, _other_value),
    "email": ("EMAIL_ADDRESS", None, lambda c: make_email(c.rng, c.main_person())),
    "phone": ("PHONE_NUMBER", None, lambda c: make_phone_no(c.rng)),
    "phone_intl": ("PHONE_NUMBER", None, lambda c: make_phone_intl(c.rng)),
    "fnr": ("NO_FODSELSNUMMER", None, _fnr_value),
    "konto": ("NO_KONTONUMMER", None, lambda c: fmt_kontonummer(c.rng, make_kontonummer(c.rng))),
    "orgnr": ("NO_ORGNR", None, lambda c: fmt_orgnr(c.rng, make_orgnr(c.rng))),
    "iban": ("IBAN_CODE", None, lambda c: fmt_iban(c.rng, make_iban(c.rng))),
    "card": ("CREDIT_CARD", None, lambda c: fmt_card(c.rng, make_card(c.rng))),
    "address": (
        "ADDRESS",
        None,
        lambda c: make_address_nb(c.rng) if c.lang == "nb" or c.rng.random() < 0.3 else make_address_en(c.rng),
    ),
    "address_nb": ("ADDRESS", None, lambda c: make_address_nb(c.rng)),
    "ip": ("IP_ADDRESS", None, lambda c: make_ip(c.rng)),
    "amount": (None, "AMOUNT", lambda c: make_amount(c.rng, c.lang)),
    "date": (None, "DATE", lambda c: make_date(c.rng, c.lang)),
    "time": (None, "TIME", lambda c: make_time(c.rng, c.lang)),
    "kid": (None, "KID", lambda c: make_kid(c.rng)),
    "invoice": (None, "INVOICE", lambda c: make_invoice(c.rng)),
    "case": (None, "CASE", lambda c: make_case(c.rng)),
    "bad11": (None, "BAD_CHECKSUM", lambda c: make_bad11(c.rng)),
    "last4": (None, "LAST4", lambda c: _digits(c.rng, 4)),
    "order": (None, "ORDER", lambda c: make_order(c.rng)),
    "pct": (None, "PERCENT", lambda c: make_percent(c.rng, c.lang)),
    "year": (None, "YEAR", lambda c: str(c.rng.randrange(1985, 2026))),
}

_FORMATTER = string.Formatter()


def fill(template: str, ctx: _Ctx) -> list[_Piece]:
    """Turn a template into literal and value pieces (offsets are computed only when joining)."""
    pieces: list[_Piece] = []
    for literal, slot, spec, _conv in _FORMATTER.parse(template):
        if literal:
            pieces.append(_Piece(literal))
        if slot is None:
            continue
        if slot == "w":
            pieces.append(_Piece(spec or "", negative="WORD"))
            continue
        entity, negative, factory = _SLOTS[slot]
        value = factory(ctx)
        origin: str | None = None
        if entity == "PERSON":
            person = ctx.other if slot == "other" else ctx.main_person()
            origin = person.origin if person is not None else None
            if ctx.lower_names:
                value = value.lower()
        pieces.append(_Piece(value, entity=entity, negative=negative, origin=origin))
    return pieces


_WORD = re.compile(r"[^\W\d_]{4,}")


def _typo(rng: Random, text: str) -> str:
    words = list(_WORD.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    word = m.group()
    i = rng.randrange(1, len(word) - 1)
    broken = word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i] + word[i:]
    return text[: m.start()] + broken + text[m.end() :]


def add_noise(rng: Random, pieces: list[_Piece], *, lower: bool, typos: int, drop_punct: bool) -> None:
    """Noise on literal pieces only, so that labelled values stay exactly what they were."""
    literal = [p for p in pieces if p.entity is None and p.negative is None]
    if lower:
        for p in pieces:
            if p.entity in (None, "EMAIL_ADDRESS", "ADDRESS") or p.negative == "WORD":
                p.text = p.text.lower()
    for _ in range(typos):
        candidates = [p for p in literal if _WORD.search(p.text)]
        if candidates:
            p = rng.choice(candidates)
            p.text = _typo(rng, p.text)
    if drop_punct:
        for p in literal:
            p.text = re.sub(r"[.,!?:;](?=\s|$)", "", p.text)


def assemble(pieces: Sequence[_Piece]) -> tuple[str, tuple[Span, ...], tuple[Negative, ...]]:
    """Join pieces, recording the offsets of value pieces as they are laid down."""
    parts: list[str] = []
    spans: list[Span] = []
    negatives: list[Negative] = []
    pos = 0
    for p in pieces:
        end = pos + len(p.text)
        if p.entity is not None:
            spans.append(Span(p.entity, pos, end, p.origin))
        elif p.negative is not None:
            negatives.append(Negative(p.negative, pos, end))
        parts.append(p.text)
        pos = end
    return "".join(parts), tuple(spans), tuple(negatives)


def _one(rng: Random, lang: str, category: str, lower_names: bool) -> list[_Piece]:
    pool = TEMPLATES[lang]
    key = _weighted(rng, _PII_FOCUS) if category == "pii" else category
    ctx = _Ctx(rng, lang, lower_names=lower_names)
    return fill(rng.choice(pool[key]), ctx)


def make_message(seed: int, index: int) -> Message:
    """Message ``index`` of the corpus for ``seed``; independent of how many messages are made."""
    rng = Random(f"chatlog-corpus:{seed}:{index}")
    lang = _weighted(rng, _LANG_WEIGHTS)
    category = _weighted(rng, _CATEGORY_WEIGHTS)
    lower = rng.random() < 0.12
    lower_names = lower and rng.random() < 0.5
    pieces = _one(rng, lang, category, lower_names)
    if rng.random() < 0.06:  # a long message: several thoughts in one go
        for _ in range(rng.randrange(2, 5)):
            extra = _weighted(rng, _CATEGORY_WEIGHTS)
            pieces.append(_Piece(rng.choice((" ", " ", "\n", " Og en ting til: " if lang == "nb" else " Also, "))))
            pieces.extend(_one(rng, lang, extra, lower_names))
    typos = rng.choice((1, 1, 2)) if rng.random() < 0.15 else 0
    add_noise(rng, pieces, lower=lower, typos=typos, drop_punct=rng.random() < 0.2)
    if rng.random() < 0.08:
        emoji = rng.choice(_EMOJI)
        if rng.random() < 0.7:
            pieces.append(_Piece(" " + emoji))
        else:
            pieces.insert(0, _Piece(emoji + " "))
    text, spans, negatives = assemble(pieces)
    category = "pii" if spans else ("negative" if negatives else "clean")
    return Message(f"m{index:05d}", lang, category, text, spans, negatives)


def generate(n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[Message]:
    return [make_message(seed, i) for i in range(n)]


def iter_jsonl(path: Path) -> Iterator[Message]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Message.from_json(json.loads(line))


def load_or_generate(path: Path | None, n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[Message]:
    return list(iter_jsonl(path)) if path is not None else generate(n, seed)


def summary(messages: Sequence[Message]) -> dict[str, Any]:
    """Counts that say what a corpus contains (printed by ``--stats``)."""
    return {
        "messages": len(messages),
        "by_lang": dict(sorted(Counter(m.lang for m in messages).items())),
        "by_category": dict(sorted(Counter(m.category for m in messages).items())),
        "entities": dict(sorted(Counter(s.type for m in messages for s in m.entities).items())),
        "negatives": dict(sorted(Counter(x.kind for m in messages for x in m.negatives).items())),
        "mean_chars": round(sum(len(m.text) for m in messages) / max(1, len(messages)), 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="number of messages")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="write JSON lines here instead of stdout")
    parser.add_argument("--stats", action="store_true", help="print a summary to stderr")
    args = parser.parse_args(argv)
    messages = generate(args.n, args.seed)
    lines = "".join(json.dumps(m.to_json(), ensure_ascii=False) + "\n" for m in messages)
    if args.out:
        args.out.write_text(lines, encoding="utf-8")
    else:
        sys.stdout.write(lines)
    if args.stats:
        print(json.dumps(summary(messages), ensure_ascii=False, indent=2), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
