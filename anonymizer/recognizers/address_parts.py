"""ADDRESS, the parts around a street address that the street grammar of ``address.py`` does not reach.

Writers from many countries put more on either side of the street and house number than a Norwegian
envelope does, and every such part left outside the span leaks a place that, with the rest, finds the
home:

* before it, the name of the house or building ("«Fjellstua, Vassbygda 41, ...»", "The Old Rectory, 5 Mill Lane",
  "Villa Sol, Urb. Las Lomas 14") or the town the writer names first ("bor i Kraków, ul. Floriańska 22",
  "in Bad Homburg vor der Höhe, Louisenstraße 58");
* after the house number, the flat and floor ("12 B, 2. etg. til venstre", "3º Dto", "2. Stock links");
* after the postcode and place, a region and the country ("..., 29680 Estepona, Málaga, Spain"), or a
  region alone that the word lists know as a place ("..., 29780 Nerja, Málaga").

* the postcodes of English-speaking countries (``postal_code``).

All are cheap regex tests made once per address found, never per token.
"""

from __future__ import annotations

import itertools
import re

from anonymizer.recognizers._gazetteer import COMMON, FREQUENT, FUNCTION, NAME, NOT_NAME, SOFT, person_cues, word_flags

_L = r"[^\W\d_]"
_COUNTRIES = (
    r"Norway|Norge|Noreg|Sweden|Sverige|Denmark|Danmark|Finland|Suomi|Iceland|Island|Germany|Deutschland"
    r"|Tyskland|Spain|España|Spania|Portugal|France|Frankrike|Italy|Italia|Italien|Poland|Polen|Polska"
    r"|Lithuania|Litauen|Latvia|Latvija|Estonia|Estland|Netherlands|Nederland|Holland|Belgium|Belgia"
    r"|Austria|Østerrike|Österreich|Switzerland|Sveits|Schweiz|Greece|Hellas|Turkey|Tyrkia|Thailand"
    r"|UK|United Kingdom|England|Scotland|Wales|Ireland|Irland|USA|United States|Canada|Australia"
    r"|New Zealand|China|Kina|India|Pakistan|Bangladesh|Sri Lanka|Nepal|Philippines|Filippinene|Vietnam"
    r"|Malaysia|Singapore|Indonesia|Japan|South Korea|Sør-Korea|Russia|Russland|Ukraina|Ukraine"
    r"|Romania|Bulgaria|Serbia|Croatia|Kroatia|Hungary|Ungarn|Czech Republic|Tsjekkia|Slovakia"
    r"|Brazil|Brasil|Mexico|Chile|Argentina|Colombia|Peru|South Africa|Sør-Afrika|Nigeria|Kenya|Ghana"
    r"|Somalia|Eritrea|Ethiopia|Etiopia|Morocco|Marokko|Egypt|Syria|Iraq|Irak|Iran|Afghanistan"
)
COUNTRY = re.compile(_COUNTRIES)
#: ", Málaga": a region after the postcode and place, taken if the word lists know it as a place.
_REGION_AFTER = re.compile(rf",[ \t]*(?P<region>[A-ZÆØÅ]{_L}+)(?![\w-])")
#: ", Spain", ", Málaga, Spain" or "\nNorway" after the postcode and place: any region before a country.
_COUNTRY_AFTER = re.compile(
    rf",?[ \t]*(?:[A-ZÆØÅ]{_L}+(?:[ -][A-ZÆØÅ]{_L}+)?,[ \t]*)?(?:{_COUNTRIES})(?![\w-])"
    rf"|,?[ \t]*\r?\n[ \t]*(?:{_COUNTRIES})(?=[ \t]*(?:[\r\n.,;!?)]|$))"
)  # or on a line of its own, as a pasted address has it (not "Norge er fint" on the next line)

#: A house's own name before its street, where nothing but an address can start (the message's or a
#: line's start, a colon, an opening quote): «Fjellstua, ...», "The Old Rectory, ...", "Villa Sol, ...".
_HOUSE_NAME = re.compile(
    rf"(?:^|(?<=[\n:«\"“'])|(?<=: ))[ \t]*(?P<name>[A-ZÆØÅ]{_L}+(?:[ -][A-ZÆØÅ]{_L}+){{0,2}}),[ \t]*$"
)
#: A house name needs a sign that it is one, unless a quote opens it.
_HOUSE_WORD = re.compile(
    r"(?i)^(?:the|villa|casa|quinta|finca|haus|chalet|cortijo|maison)\b"
    r"|(?:cottage|house|lodge|farm|hall|manor|rectory|vicarage|barn|mill|grange|villa|stua|stuen|tunet|gården"
    r"|huset|hytta|hytten)$"
)
#: A named building before its street, wherever it stands: "Tiller Gård, Tillerveien 110", "St. Olavs
#: hospital, Prinsesse Kristinas gate 3", "Moholt studentby, ...": its last word says what it is.
_BUILDING = re.compile(
    rf"(?<![\w.])(?P<name>(?:St\. )?[A-ZÆØÅ]{_L}+(?: {_L}+)?[ ](?i:gård|gard|gården|hospital|sykehus|sykehjem"
    rf"|studentby|studenthjem|omsorgssenter|bofellesskap|cottage|house|lodge|farm|manor|rectory|hall)),[ \t]*$"
)
#: A farm's name before its street, wherever it stands: "Nedre Berge, Bergsvegen 118", "Øvre Lia, ...": a
#: farm is told from its neighbours by such a first word.
_FARM = re.compile(
    rf"(?<![\w.])(?P<name>(?:Nedre|Øvre|Nordre|Søndre|Vestre|Østre|Store|Lille|Indre|Ytre|Midtre|Austre|Nørdre) "
    rf"[A-ZÆØÅ]{_L}+),[ \t]*$"
)
#: The town named before the street: "bor i Kraków, ul. ...", "in Bad Homburg vor der Höhe, ...".
_TOWN_BEFORE = re.compile(
    rf"(?:\b(?:i|in|im|à|w|en|at)[ \t]+)(?P<town>[A-ZÆØÅ]{_L}+(?:[ -](?:[A-ZÆØÅÄÖÜ]{_L}+|vor|der|am|an|im|i|de"
    rf"|del|la|sur|upon|on))*?(?:[ -][A-ZÆØÅÄÖÜ]{_L}+)?),[ \t]*$"
)


#: Postcodes of English-speaking countries after the town: British "NW1 6XE", American "DC 20500",
#: Australian "NSW 2021", Irish Eircode ("Co. Cork P31 X2F4"), Canadian "ON M5H 1J8".
UK_POSTCODE = re.compile(r",?\s+(?i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b")
US_STATE_ZIP = re.compile(r",?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_AU_STATE_POSTCODE = re.compile(r",?\s+(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}\b")
_CA_POSTCODE = re.compile(r",?\s+(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\s+[A-Z]\d[A-Z] ?\d[A-Z]\d\b")
#: Dublin's postal districts after the town: "Dublin 6", "Dublin 6W", and the Eircode if one follows.
_DUBLIN = re.compile(r",?\s+Dublin \d{1,2}W?\b(?:,?\s+[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y\d]{4}\b)?")
_EIRCODE = re.compile(r",?\s+[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y\d]{4}\b")


def postal_code(text: str, pos: int) -> re.Match[str] | None:
    """A postcode of an English-speaking country right at ``pos``."""
    return (
        UK_POSTCODE.match(text, pos)
        or US_STATE_ZIP.match(text, pos)
        or _AU_STATE_POSTCODE.match(text, pos)
        or _EIRCODE.match(text, pos)
        or _CA_POSTCODE.match(text, pos)
        or _DUBLIN.match(text, pos)
    )


#: What may follow a house number (in this order, each optional).
#: "12B", "12b", "12 B" (a spaced letter only in capitals: "12 i Oslo" is no house letter), "12-14".
_HOUSE_LETTER = re.compile(
    r"(?:[A-Za-z]| [A-H]| [a-h](?=,|$|\s\d{4}\b))?(?!\w)(?: ?[-–] ?\d{1,4}(?:[A-Za-z]| [A-H])?(?!\w))?"
)
#: A flat or floor after the house number: Norwegian "H0301", "leil. 4"; Swedish "lgh 1102"; Danish
#: "2. th.", "1. tv.", "3. sal", "st."; Finnish staircase and flat "12 B 34", "as. 5".
_FLAT = re.compile(
    r"(?:,? ?[HhUuLlKk]\d{4}\b|,? (?:leil(?:ighet)?|leil\.|nr\.?|lgh\.?|lägenhet) ?\d{1,4}\b"
    r"|,? \d{1,2}\. ?(?:th|tv|mf|sal)\b\.?|,? st\.(?: ?(?:tv|th|mf)\.?)?(?= |,|$)|,? \d{1,2} ?tr\b\.?"
    r"|(?<=\b[A-H]) \d{1,3}(?=,)|,? as\. ?\d{1,3}\b)"
)
#: More about where in the building, after the house number and comma: "2. etg.", "leil. H0201",
#: "(leil. U0103)", "sokkel", "rom 214", "blokk C, hybel 311", "Apt 3B", "3º B", "st. tv.".
_UNIT_PART = re.compile(
    r",? \(?(?:"
    r"(?i:etg|etasje|etage|leil|leilighet|lgh|hybel|rom|room|blokk|block|bygg|oppgang|inngang|apt|apartment"
    r"|unit|flat|suite|level|piso|puerta|planta|bloque|escalera|esc|portal|apto|depto|dpto|casa"
    r"|lejl|lejlighed|lägenhet|våning|trappe)\.?(?: ?[A-Z]?\d{1,4}[A-Za-z]?| [A-Z])\b"
    r"|(?i:sokkel|sokkelleilighet|kjeller|kjellerleilighet|loft|loftsleilighet|underetasje|hybelen|bakgården"
    r"|bajo|ático|atico|entresuelo|entlo|sótano)\b"
    r"|(?:\d{1,2}\. ?(?:(?i:etg|etasje|etage|høgd|høgda|floor|sal|th|tv|mf|stock)|OG)\b\.?"
    r"|\d{1,2}(?:st|nd|rd|th) (?i:floor)\b)"
    r"(?: (?:til )?(?i:venstre|høyre|links|rechts|left|right)\b)?"
    r"|(?:Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus|Erdgeschoss|Dachgeschoss|EG|DG)\b"
    r"|\d{1,2}[º°ªoa](?: ?(?:(?i:dto|dta|esq|izq|izda|izqda|dcha|drcha)\b\.?|[A-Za-z]\b)|\b)|st\.(?: ?(?:tv|th|mf)\.?)?"
    r")\)?"
)


def house_end(text: str, pos: int) -> int:
    """End of the house number and what belongs to it ("12 B", "12-14", "14 H0301")."""
    m = _HOUSE_LETTER.match(text, pos)
    if m is not None:
        # "Storgata 12 B" but not "Storgata 12 i Oslo" ("i" is a word, the letter must stand alone).
        pos = m.end()
    f = _FLAT.match(text, pos)
    if f is not None:
        pos = f.end()
    return units_end(text, pos)


def units_end(text: str, pos: int) -> int:
    """Past up to three unit parts ("2. etg.", "leil. H0201", "blokk C, hybel 311")."""
    for _ in range(3):
        u = _UNIT_PART.match(text, pos)
        if u is None:
            break
        pos = u.end()
    return pos


#: " i Namsos", " på Fauske", " in Bergen" after a house number: the town, said as Norwegians say it.
_TOWN_AFTER = re.compile(rf"[ \t]+(?:i|på|in)[ \t]+(?P<town>[A-ZÆØÅ]{_L}+(?:-[A-ZÆØÅ]{_L}+)?)(?![\w-])")
#: Capitalised days and seasons, not towns: "Storgata 12 på Mandag".
_NOT_TOWNS = frozenset(
    {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "måndag", "tysdag", "laurdag",
     "sundag", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jul", "julen",
     "påske", "påsken", "sommer", "vinter", "høst", "vår", "helga", "helgen"}
)  # fmt: skip


def town_after(text: str, pos: int, month_words: frozenset[str]) -> int | None:
    """End of " i Namsos" / " på Fauske" right after a house number, if the word lists know the word as a
    place (never a name, a month or a day): the town is as much part of the address as after a comma."""
    m = _TOWN_AFTER.match(text, pos)
    if m is None:
        return None
    low = m.group("town").lower()
    flags = word_flags().get(low.split("-")[-1], 0)
    if low in _NOT_TOWNS or low in month_words or flags & (NAME | FUNCTION) or low in person_cues():
        return None
    return m.end() if flags & (NOT_NAME | SOFT | FREQUENT) else None


def country_end(text: str, pos: int) -> int:
    """End of ", Spain", ", Málaga, Spain" or ", Málaga" (a region the word lists know as a place) right
    after ``pos`` (else ``pos``)."""
    m = _COUNTRY_AFTER.match(text, pos)
    if m is not None:
        return m.end()
    region = _REGION_AFTER.match(text, pos)
    if region is not None:
        flags = word_flags().get(region.group("region").lower(), 0)
        if flags & NOT_NAME and not flags & (FUNCTION | NAME):
            return region.end()
    return pos


def house_or_town_start(text: str, start: int) -> int:
    """Where an address found at ``start`` begins once a house name or a town before it is taken in."""
    window = text[max(0, start - 50) : start]
    offset = start - len(window)
    house = _HOUSE_NAME.search(window)
    if house is not None:
        name = house.group("name")
        quoted = window[: house.start("name")].rstrip(" \t")[-1:] in ("«", '"', "“", "'")
        if quoted or _HOUSE_WORD.search(name):
            return offset + house.start("name")
    building = _BUILDING.search(window) or _FARM.search(window)
    if building is not None:
        return offset + building.start("name")
    town = _TOWN_BEFORE.search(window)
    if town is not None and len(town.group("town").split()) <= 6 and _is_town(town.group("town")):
        if COUNTRY.fullmatch(town.group("town")):
            return start  # "i Spania, Calle Mayor 18": the country alone identifies no one
        return offset + town.start("town")
    return start


def _is_town(town: str) -> bool:
    """A known place, or a last word that is no everyday word, name or greeting: "Kraków", "Bad Homburg vor
    der Höhe"."""
    last = re.split(r"[ -]", town)[-1].lower()
    if last in person_cues():
        return False
    flags = word_flags().get(last, 0)
    return bool(flags & (NOT_NAME | SOFT | FREQUENT)) or not flags & (COMMON | NAME)


_PAA_BEFORE = re.compile(r"(?<![^\W\d_])(?:på|pa)[ \t]+$", re.IGNORECASE)


def farm_after_paa(text: str, start: int, word: str) -> bool:
    """ "kåre på Nesset 4": a farm's name in the definite form ("Nesset", "Haugen", "Lia") capitalised after
    "på", where Norwegians put farms; a capital there marks a name, not the everyday word ("på haugen"). Not
    "på Ring 3": a ring road's number is no house number."""
    definite = word.lower().endswith(("et", "en", "a", "an"))
    return definite and word[0].isupper() and _PAA_BEFORE.search(text, max(0, start - 4), start) is not None


# --- Romance streets (address.py's ``_romance`` reads their matches) -------------------------------------

#: Spanish, Catalan, French, Italian and Portuguese streets: "Calle de la Paz 7", "Carrer Gran 12",
#: "12 rue des Lilas", "Via Roma 5", "Rua Augusta 120". The street type is capitalised when it leads
#: ("Via Vipps" aside, see ``_romance``); after the number it may be lower case, as the French write it.
_ROMANCE_TYPES = (
    r"Calle|C/|Carrer|Urb\.|Av\.|Urbanización|Avenida|Avinguda|Avda\.|Plaza|Plaça|Paseo|Passeig|Camino|Ronda|Travesía|Carretera"
    r"|Rue|Avenue|Boulevard|Bd|Chemin|Allée|Impasse|Quai|Cours|Place"
    r"|Via|Viale|Piazza|Corso|Vicolo|Rua|Travessa|Largo|Praça|Strada"
)
ROMANCE_WEAK = frozenset({"via", "place", "cours", "bd", "corso", "largo", "quai", "strada", "ronda"})
_ROMANCE_NAME = (
    r"(?: (?:de|del|de la|de las|de los|des|du|de l['’]|d['’]|di|della|dei|da|do|dos|das|la|le|les|el|los|las|y|e)"
    rf"(?= )| (?:[A-ZÁÉÍÓÚÑÇÀÈÌÒÙÂÊÎÔÛ]|d['’]|l['’])(?:{_L}|['’.-])*){{1,5}}"
)
ROMANCE = re.compile(
    rf"(?<![\w/])(?:(?P<type>{_ROMANCE_TYPES})(?P<name>{_ROMANCE_NAME}),? "
    rf"(?P<num>\d{{1,4}}(?:[A-Za-z]|bis|ter)?)(?![\w,.]\d)\b"
    rf"|(?<![\w.,:/])(?P<num2>\d{{1,4}}(?:[A-Za-z]|bis|ter)?),? "
    rf"(?P<type2>(?i:{_ROMANCE_TYPES}))(?P<name2>{_ROMANCE_NAME}))"
)
#: Where a street type of ``ROMANCE`` starts, in the lower-cased text (grouped by first letter): each of
#: its matches holds one, after no word character or "/". Most messages with a number hold none, and
#: this scan costs less than ``ROMANCE``'s own, which tries both of its branches at every position.
#: (``str.lower`` keeps offsets and agrees with the case-blind branch but on "ı", "İ" and "ſ"; a text
#: with one of those is searched without the hint.)
ROMANCE_HINT = re.compile(
    r"(?<![\w/])(?:"
    + "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(word[1:]) for word in words) + ")"
        for first, words in itertools.groupby(
            sorted({word.replace("\\.", ".").lower() for word in _ROMANCE_TYPES.split("|")}), key=lambda w: w[0]
        )
    )
    + ")"
)
#: Letters that IGNORECASE matches as "i" or "s" but ``str.lower`` leaves as they are.
UNFOLDED = "ıİſ"
