"""The generated corpus's people: names of every origin, their e-mail addresses and street addresses
(see :mod:`bench.corpus` for why the lists are wider than any gazetteer the anonymizer ships)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from random import Random

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


def weighted(rng: Random, weights: dict[str, float]) -> str:
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
    origin = weighted(rng, _ORIGIN_WEIGHTS[lang])
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
