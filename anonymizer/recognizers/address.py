"""ADDRESS: Norwegian and English street addresses, with or without postcode and city.

A street address is a street word followed by a house number, so the recognizer looks for every
"word + number" in the message (one regex) and then decides from word lists
(``anonymizer/data/address_words.txt``) whether the word names a street:

* Norwegian compounds by their ending: "Storgata 12", "strandveien 3a", "Fjellstien 7";
  endings that are also everyday words ("bakken", "hagen", "lia") only when capitalised and not a
  common word ("Solbakken 4" yes, "barnehagen 2 dager" no).
* Separate street words after capitalised names: "Kongens gate 5", "Bjørnstjerne Bjørnsons vei 14",
  "Bygdøy allé 4"; prefixes such as "Øvre", "Gamle", "Dronning" are taken into the span.
* Post-office boxes: "Postboks 123".
* English: number + capitalised names + street type: "21 Baker Street", "10 Downing St",
  "1600 Pennsylvania Avenue NW", optionally after "Flat 3,".

The span then grows over what follows: a letter ("12 B"), a range ("12-14"), a flat number ("H0301"),
a Norwegian postcode and place ("0155 Oslo"), an English town and UK/US postcode ("London NW1 6XE",
"Washington, DC 20500"), and backwards over "c/o Name,". A number followed by a unit ("12 kr",
"3 ganger", "12. mai") is no house number. House numbers in words ("Storgata åtti sju") are
``address_spoken.py``'s.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymizer.normalize import ignorecase_folded
from anonymizer.recognizers._gazetteer import (
    COMMON,
    FREQUENT,
    FUNCTION,
    NAME,
    NOT_NAME,
    SOFT,
    person_cues,
    word_flags,
    word_list,
)
from anonymizer.recognizers.address_parts import (
    ROMANCE,
    ROMANCE_HINT,
    ROMANCE_WEAK,
    UK_POSTCODE,
    UNFOLDED,
    US_STATE_ZIP,
    country_end,
    farm_after_paa,
    house_or_town_start,
    postal_code,
    town_after,
    units_end,
)
from anonymizer.recognizers.address_parts import (
    house_end as end_of_house,
)
from anonymizer.recognizers.address_world import BALTIC, BALTIC_KEYS, town_code_end

ENTITY = "ADDRESS"

SCORE_STREET = 0.85
SCORE_WEAK_STREET = 0.75
SCORE_WITH_POSTCODE = 0.95
SCORE_POBOX = 0.85
SCORE_ENGLISH = 0.85

_L = r"[^\W\d_]"  # a letter of any script
#: A word followed by a house number: "Storgata 12", "gt. 5", "Postboks 123". The word is matched
#: possessively: only its whole can be followed by the dot, space or digit the rest needs (a shorter part
#: is followed by a letter or a hyphen), so giving back letters one at a time, as plain ``+`` would after
#: every word of every message, can never find a match; the matches are the same.
_WORD_NUMBER = re.compile(
    rf"(?<![^\W\d_'’-])(?P<word>{_L}++(?:[-'’]{_L}++)*+)(?P<dot>\.)?[ \t]*(?P<num>\d{{1,5}})(?![\d])(?![.,:/]\d)"
)
_DIGIT = re.compile(r"\d")
#: A place's particle and last word: "Mo i Rana", "Frankfurt am Main", "Santa Cruz de Tenerife".
_PLACE_PARTICLE = rf"(?: [A-Z]{_L}+)? (?:i|am|an der|im|upon|on|sur|de|del|de la|di|do|da) [A-ZÆØÅ]{_L}+"
#: The first word of a place's name of two: "1634 Gamle Fredrikstad", "3970 Nedre Langesund", "01304-001
#: São Paulo", "28001 San Sebastián".
_PLACE_FIRST = (
    r"(?:(?:Gamle|Nye|Øvre|Nedre|Store|Lille|Vestre|Østre|Nordre|Søndre|São|Sao|San|Santa|Santo|Rio|Porto)"
    r" (?=[A-ZÆØÅ]))?"
)
#: The second word of a Norwegian place's name: "Løkken Verk", "Hommelvik Sentrum", "Hen Stasjon".
_PLACE_SECOND = r" (?:Verk|Bruk|Stasjon|Sentrum|Havn|Hamn|Sjøbad)\b"
#: Postcode and place: Norwegian and Danish "0155 Oslo", "1165 København K", Swedish "111 51 Stockholm",
#: German "10115 Berlin", Portuguese "1100-053 Lisboa", Brazilian "01304-001 São Paulo", with a country prefix
#: "DK-1165", "S-111 51".
_NO_POSTCODE = re.compile(
    rf"\s?,?\s+(?P<code>(?:[A-Z]{{1,2}}-)?"
    rf"(?:\d{{4}} [A-Z]{{2}}(?= [A-Z])|\d{{4,5}}-\d{{3}}|\d{{4,5}}|\d{{3}} \d{{2}}|\d{{2}}-\d{{3}}"
    rf"|\d \d \d \d(?! \d)))\s+"
    # "Oslo", "København K", "Vik i Sogn", "Mo i Rana", "Nord-Torpa", "Sør-Fron"; Dutch "1016 EK Amsterdam";
    # "Frankfurt am Main", "Santa Cruz de Tenerife", "Stratford upon Avon"
    rf"(?P<place>{_PLACE_FIRST}{_L}+(?:-{_L}+)*(?: [A-ZÆØÅ]\b|{_PLACE_PARTICLE}|{_PLACE_SECOND})?)"
)
#: One capitalised word between a house number and the postcode: "Pb. 33 Sentrum, 0101 Oslo".
_DISTRICT = re.compile(rf",? (?:[A-ZÆØÅ]{_L}+(?: [A-ZÆØÅ]{_L}+)?|sentrum|sentrun)(?=,?\s+\d{{4,5}}\s)")
#: A Polish address: "ul. Długa 17/4, 80-831 Gdańsk", "ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa", on an
#: estate ("os.", osiedle), an avenue ("al.", aleja) or a square ("pl.", plac), the flat's "m" with or without
#: its dot ("120 m 4"); and a
#: Ukrainian or Russian one as newcomers transliterate it, street ("vul."/"ul."/"prosp.") before the name,
#: flat ("kv.") after the number, town before the postcode: "vul. Franka 3, kv. 12, Odesa 65000".
_POLISH = re.compile(
    rf"\b(?:ul\.|vul\.|prosp\.|os\.|al\.|pl\.|(?i:vulytsia|vulytsya|ulitsa|ulica|prospekt|osiedle|aleja|plac)) ?"
    rf"[A-ZĄĆĘŁŃÓŚŹŻ]{_L}+(?: [A-ZĄĆĘŁŃÓŚŹŻ]{_L}+)?"
    rf",? \d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?(?: m\.? ?\d{{1,4}}\b|,? kv\.? ?\d{{1,4}})?"
)
#: Pieces of every street type of _CADASTRAL ("gnr") and _POLISH: the cheap test before them.
_POLISH_KEYS = re.compile(r"nr|ul|prosp|os\.|al\.|pl\.|osiedle|aleja|plac")
_PL_CODE = re.compile(r",? \d{2}-\d{3}\b")
#: The town and then its postcode, as Ukrainian and Russian addresses end: ", Lviv 79005", ", Kyiv, 01001".
_TOWN_CODE = re.compile(rf",? ?[A-Z]{_L}+(?:[- ][A-Z]{_L}+)?,? \d{{5,6}}(?!\d)")
#: A farm address by its cadastral numbers: "Nordre Lien gnr 23 bnr 4".
_CADASTRAL = re.compile(
    rf"(?P<name>(?:[A-ZÆØÅ]{_L}+ ){{0,2}}[A-ZÆØÅ]{_L}+),? (?:gnr|g\.nr)\.? ?\d{{1,4}},? (?:bnr|b\.nr)\.? ?\d{{1,4}}"
)
#: ", Grimstad" or ", Kristiansand S" after the house number (no postcode).
_NO_TOWN = re.compile(rf", ?(?P<town>{_L}+(?: [A-ZÆØÅ]\b| i [A-ZÆØÅ]{_L}+)?)")
_EN_TOWN = re.compile(rf",\s*(?P<town>[A-Z]{_L}+(?: (?![A-Z]{{1,2}}\d[A-Z\d]?\s?\d[A-Z]{{2}}\b)[A-Z]{_L}+(?!\w))?)")
_EN_TOWN_LOWER = re.compile(rf",\s*(?P<town>{_L}+(?: {_L}+(?!\w))?)")
#: A town in an English address: "Dallas", "Little Waltham", "St Kilda", "Co. Cork"; after a comma or on
#: the envelope's next line ("45 King Street West\nToronto, ON M5H 1J8").
_EN_TOWNS = re.compile(
    rf"(?:,\s*|[ \t]*\n[ \t]*)(?P<town>(?:St\.? |Co\. |Mount |Mt\.? )?[A-Z]{_L}+"
    rf"(?:[ -](?![A-Z]{{2,3}}\b)[A-Z]{_L}+)?(?!\w))"
)
#: After the street type: a direction, or Irish "Upper"/"Lower" ("Rathmines Road Upper").
_DIRECTION = re.compile(r" (?:NW|NE|SW|SE|N|S|E|W|West|East|North|South|Upper|Lower)\b")
_CARE_OF = re.compile(rf"(?i:c/o|c\.o\.)\s+{_L}+(?:[ -]{_L}+){{0,3}},?\s*$")
_UNIT_BEFORE = re.compile(
    rf"(?:(?P<unit>{_L}+)\.? ?\d{{1,4}}[A-Za-z]?|\d{{1,2}}(?:st|nd|rd|th) (?P<floor>[Ff]loor)),? ?$"
)
_ENGLISH_GATE = re.compile(r"(?:ig|og|ug|reg|leg|ng|rg)ate$")  # navigate, delegate... are no streets
#: An English address starts with a house number ("21", "12B") not glued to other digits or words.
_EN_NUMBER = re.compile(r"(?<![\w.,:/])(?:\d{1,4}/)?\d{1,5}(?:[A-Za-z](?![^\W\d_]))?(?= [^\W\d_])")
_EN_WORD = re.compile(rf" (?P<w>{_L}+(?:[-'’]{_L}+)*)\.?")
_EN_ABBREVIATIONS = frozenset({"st", "rd", "ave", "av", "ln", "dr", "ct", "sq", "pl", "cres", "blvd", "hwy", "pkwy"})
_EN_FULL_TYPES = frozenset({"street", "road", "avenue", "lane", "drive"})


@dataclass(frozen=True, slots=True)
class _Words:
    """The address word lists by kind (see ``anonymizer/data/address_words.txt``)."""

    suffix: tuple[str, ...]
    weak: tuple[str, ...]
    word: frozenset[str]
    prefix: frozenset[str]
    en: frozenset[str]
    unit: frozenset[str]
    pobox: frozenset[str]
    unitword: frozenset[str]
    notstreet: frozenset[str]
    endings: tuple[str, ...]  #: suffix + weak, for a quick ``str.endswith`` test


@functools.cache
def street_words() -> _Words:
    """The address word lists (also used by the PERSON recognizer to leave street names alone)."""
    kinds: dict[str, list[str]] = {}
    for line in word_list("address_words.txt"):
        kind, word = line.split(maxsplit=1)
        kinds.setdefault(kind, []).append(word)
    return _Words(
        suffix=tuple(sorted(kinds["suffix"], key=len, reverse=True)),  # longest ending first
        weak=tuple(sorted(kinds["weak"], key=len, reverse=True)),
        word=frozenset(kinds["word"]),
        prefix=frozenset(kinds["prefix"]),
        en=frozenset(kinds["en"]),
        unit=frozenset(kinds["unit"]),
        pobox=frozenset(kinds["pobox"]),
        unitword=frozenset(kinds["unitword"]),
        notstreet=frozenset(kinds["notstreet"]),
        endings=tuple(kinds["suffix"] + kinds["weak"]),
    )


_WORD = re.compile(r"\w+")


def _english_street_word(text: str) -> bool:
    r"""Some word of ``text`` is an English street type, in any case: no English address without one.

    Why not one case-blind regex of them all (``\b(?:street|st|...)\b``): it tries every position of
    every message with a number. The types are whole words of letters, so such a regex matches just
    where a whole word (a run of ``\w``) is one of them, which a set lookup per word finds faster.
    """
    return not street_words().en.isdisjoint(_WORD.findall(ignorecase_folded(text)))


class AddressRecognizer(EntityRecognizer):
    """Finds street addresses (entity ``ADDRESS``) with word lists; see the module docstring."""

    def __init__(self, supported_language: str = "nb") -> None:
        super().__init__(supported_entities=[ENTITY], name="AddressRecognizer", supported_language=supported_language)

    def load(self) -> None:
        word_flags()
        street_words()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        """Return ADDRESS spans. ``nlp_artifacts`` is ignored: the recognizer tokenises by itself."""
        if entities and ENTITY not in entities:
            return []
        if _DIGIT.search(text) is None:
            return []  # every address has a number; one in words is address_spoken.py's
        found = [a for m in _WORD_NUMBER.finditer(text) if (a := _norwegian(text, m)) is not None]
        if _POLISH_KEYS.search(text) is not None:
            found += [_cadastral(text, m) for m in (*_CADASTRAL.finditer(text), *_POLISH.finditer(text))]
        if BALTIC_KEYS.search(text) is not None:
            found += [_cadastral(text, m) for m in BALTIC.finditer(text) if _baltic(text, m)]
        if ROMANCE_HINT.search(text.lower()) is not None or (
            not text.isascii() and any(ch in text for ch in UNFOLDED)
        ):
            found += [a for m in ROMANCE.finditer(text) if (a := _romance(text, m)) is not None]
        if _english_street_word(text):
            found += [a for m in _EN_NUMBER.finditer(text) if (a := _english(text, m)) is not None]
        found.sort(key=lambda a: (a[0], -a[1]))
        spans: list[tuple[int, int, float]] = []
        for start, end, score in found:
            if spans and start < spans[-1][1]:
                continue  # overlaps a longer or earlier address
            if score >= SCORE_STREET:  # a house name or the town before a sure address ("«Fjellstua, ...")
                start = max(house_or_town_start(text, start), spans[-1][1] if spans else 0)
            spans.append((start, end, score))
        return [RecognizerResult(ENTITY, s, e, score) for s, e, score in spans]


# --- Norwegian ---------------------------------------------------------------------------------------


def _norwegian(text: str, m: re.Match[str]) -> tuple[int, int, float] | None:
    words = street_words()
    flags = word_flags()
    word = m.group("word")
    low = word.lower()
    street = low.endswith(words.endings) or low in words.word or low in words.pobox
    if not street and not _maybe_street(text, m.start("word"), word, low):
        return None  # the common case, decided with one C call
    if _unit_follows(text, m.end("num")):
        return None
    start = m.start("word")
    house_end = end_of_house(text, m.end("num"))
    post = _postcode_after(text, house_end)
    score = SCORE_STREET
    if not street:
        # Any street name is an address with a house number, a postcode and a place after it:
        # "Grønland 18, 3045 Drammen", "Gállogieddi 4, 9520 Guovdageaidnu", "Kirkev 12" (an abbreviation).
        if post is None and not _abbreviated_street(low):
            return None
        start = _prefixes_before(text, start, words)
        score = SCORE_WEAK_STREET
    elif low in words.pobox:
        before = text[max(0, start - 6) : start].rstrip(" .")
        # "P.O. Box", "PO box", "Post box" (capitalised: "the post box 12 is full" is a thing)
        dotted = low == "box" and (before.lower().endswith("o") or before.endswith(("Post", "POST")))
        if low == "box" and not dotted and post is None:
            return None  # "box 12" only as "P.O. Box 12", or with a postcode and place: "Box 12, 9845 Tana"
        score = SCORE_POBOX
        if dotted:
            start = text.lower().rfind("p", 0, start)
            if post is None:
                return _english_tail(text, start, house_end)  # "PO Box 445, Reading RG1 8BW"
    elif low in words.word and start > 0:
        first = _names_before(text, start, words)
        if first is None and post is None:
            return None
        start = start if first is None else first  # "Adresse Vei 228-4, 9171 Longyearbyen"
    else:
        kind = _street_kind(word, low, flags.get(low, 0), words)
        if kind is None:
            return None
        exact, weak = kind
        if exact or weak:
            # "Lia 4" or "Solbakken 4": believable after "c/o X," or with a postcode only.
            vouched = text[:start].rstrip(" ").endswith(",") or post is not None or farm_after_paa(text, start, word)
            if not vouched and (exact or flags.get(low, 0) & COMMON):
                return None
            score = SCORE_WEAK_STREET
        start = _prefixes_before(text, start, words)
    end = house_end
    if post is not None:
        end = post
        score = SCORE_WITH_POSTCODE
    else:
        town = _NO_TOWN.match(text, end)
        if town is not None and _is_town(town.group("town")):
            end = town.end()
        else:
            end = town_after(text, end, words.unitword) or end  # "Havnegata 18 i Namsos"
    return _care_of(text, start), end, score


def _cadastral(text: str, m: re.Match[str]) -> tuple[int, int, float]:
    """ "Nordre Lien gnr 23 bnr 4, 2690 Skjåk" (a farm by its cadastral numbers), "ul. Długa 17/4,
    80-831 Gdańsk": an address found whole by its own pattern, then its postcode."""
    post = _postcode_after(text, m.end())
    if post is None and (code := _PL_CODE.match(text, m.end())) is not None:
        post = code.end()  # "ul. Floriańska 22 m. 5, 31-019": the Polish postcode says it all
    if post is None and (code := _TOWN_CODE.match(text, m.end())) is not None:
        post = code.end()  # "vul. Franka 3, kv. 12, Odesa 65000": the town, then its postcode
    if post is None and (town := _NO_TOWN.match(text, m.end())) is not None and _is_town(town.group("town")):
        return m.start(), town.end(), SCORE_STREET  # "ul. Piotrkowska 104/12, Łódź"
    return m.start(), post or m.end(), SCORE_WITH_POSTCODE if post else SCORE_STREET


def _baltic(text: str, m: re.Match[str]) -> bool:
    """A Baltic street's name is a genitive no everyday word is ("Gedimino", not "Foto pr. 3"), and its
    number no count ("3 stk")."""
    return not word_flags().get(m.group("name").split()[-1].lower(), 0) & COMMON and not _unit_follows(text, m.end())


def _romance(text: str, m: re.Match[str]) -> tuple[int, int, float] | None:
    """ "Calle Mayor 14, 3º B, 03001 Alicante", "12 rue des Lilas, 69003 Lyon": a Romance street type,
    a name with at least one capitalised word, a number; then floor and door, postcode and place.
    Without a postcode the name must not be an everyday word ("Via Vipps 200 kr" is no address)."""
    name = m.group("name") or m.group("name2")
    if not any(w[:1].isupper() for w in name.split()):
        return None
    if m.group("num") is not None and _unit_follows(text, m.end("num")):
        return None
    end = units_end(text, m.end())
    post = _postcode_after(text, end)
    if post is not None:
        return m.start(), post, SCORE_WITH_POSTCODE
    if (post := town_code_end(text, end)) is not None:
        return m.start(), post, SCORE_WITH_POSTCODE  # ", São Paulo - SP, 01234-567", ", București 010011"
    if (m.group("type") or m.group("type2")).lower() in ROMANCE_WEAK:
        return None  # "Via Vipps 300", "Place 2 bets": only with a postcode
    flags = word_flags()
    capitalised = [w for w in name.split() if w[:1].isupper()]
    if all(flags.get(w.lower(), 0) & COMMON and not flags.get(w.lower(), 0) & (NOT_NAME | NAME) for w in capitalised):
        return None
    town = _NO_TOWN.match(text, end)  # "Calle San Juan 9, Nerja"
    if town is None or not _is_town(town.group("town")):
        return m.start(), end, SCORE_STREET
    code = postal_code(text, town.end())  # Québec: "1234 Rue Sainte-Catherine O, Montréal, QC H3G 1P1"
    return m.start(), code.end() if code is not None else town.end(), SCORE_STREET


def _maybe_street(text: str, start: int, word: str, low: str) -> bool:
    """A word that could name a street although no street ending says so: capitalised and no common
    word ("Forusbeen"; a place too: "Grønland"), or an abbreviation ending in "v" ("Kirkev", "fjellv")."""
    if not word[0].isupper():
        return _abbreviated_street(low)
    return not word_flags().get(low, 0) & COMMON or not _sentence_start(text, start)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n"


def _abbreviated_street(low: str) -> bool:
    """ "kirkev", "fjellv", "Skogv": "veien"/"vegen" shortened to "v" after a common word of four or
    more letters ("brev" is no street: its stem is too short)."""
    return len(low) >= 5 and low.endswith("v") and bool(word_flags().get(low[:-1], 0) & COMMON)


def _postcode_after(text: str, pos: int) -> int | None:
    """End of a postcode and place right after ``pos`` (also past one district word: "Pb. 33
    Sentrum, 0101 Oslo"), if the place reads as one."""
    district = _DISTRICT.match(text, pos)
    for start in (pos, district.end() if district else None):
        if start is None:
            continue
        post = _NO_POSTCODE.match(text, start)
        if post is not None and (post.group("place")[0].isupper() or _is_town(post.group("place"))):
            return country_end(text, post.end())
        if (
            post is not None
            and text[pos:start].strip() == ""
            and post.group("code").replace(" ", "").isdigit()
            and not word_flags().get(post.group("place").lower(), 0) & FUNCTION
        ):
            # lower case: "0481 oslo" after a street word; not "Fakturanummer 4383 8616 og forfall ...",
            # where the "place" is a function word and the digits a number in two groups
            return post.end()
    return None


def _is_town(word: str, *, names_too: bool = False) -> bool:
    """ ", Grimstad", ", Kristiansand S": a place, not a greeting or an everyday word (nor a name, unless
    ``names_too``: English towns are often surnames, "York")."""
    low = word.split()[0].lower()
    flags = word_flags().get(low, 0)
    if low in person_cues():
        return False
    if flags & (NOT_NAME | SOFT | FREQUENT):
        return True  # known places ("Oslo", "Grimstad"), and proper nouns frequent in text ("Glasgow")
    if not word[0].isupper():
        return False
    if names_too and flags & NAME:
        return True
    return not flags & (COMMON | NAME)


def _street_kind(word: str, low: str, wflags: int, words: _Words) -> tuple[bool, bool] | None:
    """(exact, weak) if ``word`` names a street by its ending, else None."""
    if low in words.notstreet:
        return None
    for suffix in words.suffix:
        if low.endswith(suffix):
            exact = len(low) == len(suffix)
            if exact and not word[0].isupper():
                return None
            if suffix.endswith("gate") and wflags & COMMON and _ENGLISH_GATE.search(low):
                return None
            if suffix == "gt" and low[-3:-2] in ("n", "a"):
                return None  # "ringt", "sagt", "stengt": participles, not "Storgt", "Kirkegt"
            return exact, False
    for suffix in words.weak:
        if low.endswith(suffix):
            if not word[0].isupper() and (len(low) < len(suffix) + 3 or wflags & COMMON):
                return None  # lower case only as a compound that is no everyday word: "sjøsvingen 6"
            return len(low) == len(suffix), True
    return None


def street_name_start(text: str, street_word_start: int) -> int | None:
    """Where the name of the street whose street word ("gate", "vei") starts at ``street_word_start``
    begins; the PERSON recognizer asks, to leave "Karl Johans" to the address but keep the person before."""
    return _names_before(text, street_word_start, street_words())


#: Capitalised words a street's name takes before its street word: "Bjørnstjerne Bjørnsons gate",
#: "Kong Oscars gate". A third is the end of a name before the address: "Kolbjørn Haugland Karl Johans gate".
_MAX_STREET_NAME_WORDS = 2
_AFTER_PLACE_WORD = re.compile(r"(?<![^\W\d_])(?:på|i|in|at) $")


def _names_before(text: str, start: int, words: _Words) -> int | None:
    """Start of the name before a separate street word ("Kongens gate", "karl johans gate"), or None."""
    flags = word_flags()
    first = None
    capitalised = False
    taken = 0
    pos = start
    for _ in range(4):
        m = re.search(rf"({_L}+(?:[-'’.]{_L}+)*[.'’]?) $", text[max(0, pos - 40) : pos])
        if m is None:
            break
        token = m.group(1)
        tstart = pos - len(m.group(0))
        low = token.rstrip(".'’").lower()
        if not (low in ("den", "de", "von", "van", "der", "af") and first is not None):
            # not a lower-case particle inside the name ("Haakon den Godes gate")
            mid_sentence = text[:tstart].rstrip()[-1:].isalnum()
            # a capitalised genitive right before the street word names it, everyday word or not:
            # "c/o Ali, Markens gate 30", "Kongens gate"
            genitive = first is None and token[0].isupper() and len(low) > 3 and low.endswith("s")
            if not _street_name_word(token, low, flags.get(low, 0), words, capitalised=capitalised) and not (
                (mid_sentence or genitive) and token[0].isupper() and not flags.get(low, 0) & NOT_NAME
            ):
                break  # a capitalised word inside a sentence is part of the name: "Haakon den Godes gate"
            if low not in words.prefix:
                taken += 1
                # A third word only where nothing but the street can start: after a comma, a colon or
                # a line break ("..., Hans Nielsen Hauges gate 32").
                opening = text[:tstart].rstrip(" ")[-1:] in ("", ",", ":", "\n") or _AFTER_PLACE_WORD.search(
                    text, max(0, tstart - 4), tstart
                )  # or after "på", "i": "leiligheten på Hans Nielsen Hauges gate 39"
                if taken > _MAX_STREET_NAME_WORDS and (taken > 3 or not opening):
                    break
            first = tstart
            capitalised = capitalised or token[0].isupper()
        pos = tstart
        if pos == 0 or text[pos - 1] != " ":
            break
    return first


def _street_name_word(token: str, low: str, f: int, words: _Words, *, capitalised: bool) -> bool:
    """A word of a street's name: capitalised, or (chat in lower case) all of the name in lower case."""
    if low in words.prefix:
        return True
    if len(low) < 2 and not token.endswith("."):
        return False
    if token[0].isupper():
        return not (f & COMMON and not f & (NAME | FREQUENT))
    if capitalised:
        return False
    if low.endswith("s") and word_flags().get(low[:-1], 0) & NAME:
        return True  # a name's genitive: "hans nielsen hauges gate", "olav kyrres gate"
    return not f & (COMMON | NOT_NAME)


def _prefixes_before(text: str, start: int, words: _Words) -> int:
    """Take "Øvre", "Gamle", "Dronning" ... before a street name into the span."""
    while True:
        m = re.search(rf"({_L}+)\.? $", text[max(0, start - 20) : start])
        if m is None or m.group(1).lower() not in words.prefix:
            return start
        start -= len(m.group(0))


_MORE_GROUPS = re.compile(
    r"[ -]\d{2,4}[ -]\d{2,3}(?!\d)|[ ]\d{3}[ ]?(?i:kr|nok|sek|dkk|eur|usd)\b"
    r"|[ ]\d{5,}(?!\d|[ \t]+[A-ZÆØÅÄÖÜ])"  # "Ring 915 03000 hvis ...": a phone number; not "5 10115 Berlin"
)
_RANGE_WORDS = frozenset({"til", "to", "av", "of"})


def _unit_follows(text: str, pos: int) -> bool:
    """ "12 kr", "3 ganger", "12. mai", "50 %": the number is no house number; nor is one that more digit
    groups continue, as a phone number or an amount ("Bakke 489 96 917", "Ring 08-123 456 78", "Ring 915
    03000", "4 218 SEK")."""
    rest = text[pos : pos + 16]
    if rest[:1] == "%" or rest[:2] == " %" or _MORE_GROUPS.match(rest) is not None:
        return True
    m = re.match(rf"\.? ?({_L}+)", rest)
    if m is None or m.group(1).lower() not in street_words().unitword:
        return False
    if m.group(1).lower() in _RANGE_WORDS:  # "3 til 5", "2 av 3"; but "fra Storgata 3 til Fjellveien"
        return re.match(r" ?\d", rest[m.end() :]) is not None
    return True


def _care_of(text: str, start: int) -> int:
    m = _CARE_OF.search(text, max(0, start - 60), start)
    return m.start() if m is not None else start


# --- English -----------------------------------------------------------------------------------------


def _english(text: str, m: re.Match[str]) -> tuple[int, int, float] | None:
    """ "21 Baker Street": a number, one to three names, a street type."""
    words = street_words()
    flags = word_flags()
    lower = False
    expected = m.end()
    for names, w in enumerate(_EN_WORD.finditer(text, m.end(), min(len(text), m.end() + 80))):
        if w.start() != expected:
            break
        expected = w.end()
        token = w.group("w")
        low = token.lower()
        if names > 0 and low in words.en:
            if lower and low not in _EN_FULL_TYPES:
                return None  # lower case only with an unmistakable type: "21 baker street"
            end = w.end() if low in _EN_ABBREVIATIONS else w.end("w")  # "St." but not "Close."
            return _english_tail(text, _unit_start(text, m.start(), words), end)
        if names >= 3:
            break
        if token[0].isupper() and flags.get(low, 0) & NOT_NAME:
            nxt = _EN_WORD.match(text, w.end())
            if nxt is None or nxt.group("w").lower() not in words.en:
                break  # but "40 Bank Street", "1 Church Road"
        if not token[0].isupper():
            if low in _EN_FULL_TYPES:
                break
            lower = True
    return None


def _unit_start(text: str, start: int, words: _Words) -> int:
    m = _UNIT_BEFORE.search(text, max(0, start - 20), start)
    if m is not None and (m.group("floor") or m.group("unit").lower() in words.unit):
        return m.start()
    return start


def _towns_then_code(text: str, pos: int) -> int | None:
    """End of one to three towns that end in a postcode: ", Apt 14, Dallas, TX 75201",
    ", Pontcanna, Cardiff CF11 9LL", ", Paddington NSW 2021", ", Ballincollig, Co. Cork P31 X2F4"."""
    for _ in range(3):
        town = _EN_TOWNS.match(text, pos)
        if town is None:
            return None
        pos = town.end()
        code = postal_code(text, pos)
        if code is not None:
            return code.end()
    return None


def _english_tail(text: str, start: int, end: int) -> tuple[int, int, float]:
    """Direction, flat, towns and postcode after the street type ("NW, Washington, DC 20500")."""
    d = _DIRECTION.match(text, end)
    if d is not None:
        end = d.end()
    end = units_end(text, end)
    code = postal_code(text, end)
    if code is not None:
        return start, country_end(text, code.end()), SCORE_WITH_POSTCODE
    coded = _towns_then_code(text, end)
    if coded is not None:
        return start, country_end(text, coded), SCORE_WITH_POSTCODE
    town = _EN_TOWN.match(text, end)
    if town is None:
        town = _EN_TOWN_LOWER.match(text, end)  # "24 park avenue, london nw1 6xe", "..., glasgow"
        if town is None:
            return start, end, SCORE_ENGLISH
        code = UK_POSTCODE.match(text, town.end())
        if code is not None:
            return start, code.end(), SCORE_WITH_POSTCODE
        return (start, town.end(), SCORE_ENGLISH) if _is_town(town.group("town")) else (start, end, SCORE_ENGLISH)
    code = UK_POSTCODE.match(text, town.end()) or US_STATE_ZIP.match(text, town.end())
    if code is not None:
        return start, country_end(text, code.end()), SCORE_WITH_POSTCODE
    if not _is_town(town.group("town"), names_too=True):
        return start, end, SCORE_ENGLISH  # ", Thanks" and ", please" are no towns
    return start, town.end(), SCORE_ENGLISH
