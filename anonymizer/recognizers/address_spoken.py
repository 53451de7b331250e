"""ADDRESS dictated by voice: a street and a house number in words, "Storgata åtti sju", "bjørnstjerne
bjørnsons gate tolv c", "nedre storgate fire a tre tusen femten drammen".

Voice-to-text writes numbers below a hundred as words and in lower case, so the street grammar of
``address.py`` (a word and a number in digits) never sees these. Spoken digits long enough for a phone
number are made digits already by ``anonymizer.normalize``; what is left here is a street word followed
by a spoken house number, then optionally a letter and a postcode dictated digit by digit ("tre en fire
to") or as a number ("tre tusen femten"), and a place. A separate recognizer because it needs no digit
in the text, and the engine merges its spans with the street grammar's.
"""

from __future__ import annotations

import functools
import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymizer.recognizers._gazetteer import FUNCTION, GIVEN, NOT_NAME, word_flags
from anonymizer.recognizers.address import (
    ENTITY,
    SCORE_WEAK_STREET,
    _is_town,
    _names_before,
    _prefixes_before,
    _unit_follows,
    street_words,
)
from anonymizer.recognizers.address_cued import cue_ends
from anonymizer.recognizers.address_parts import COUNTRY
from anonymizer.spoken_digits import NUMBER_WORD_PATTERN, has_number_word, is_digit_word, spoken_number

_L = r"[^\W\d_]"


@functools.cache
def _spoken_street() -> re.Pattern[str]:
    """A word with a street ending and a word after it: "Løkkegata fjorten", "Strandveien åtti to",
    "Myrbakken fira" (a weak ending: see ``_weak_street``).

    The word is its whole run of letters (a space must follow it, and no letter, "'" or "-" may come
    before it), so it is taken at once and its end compared with each ending (a look-behind per ending):
    the same matches as letting letters go back one at a time to try every ending at every split of
    every word, which cost more than the rest of the recognizer."""
    words = street_words()
    endings = "|".join(f"(?<={re.escape(ending)})" for ending in (*words.suffix, *words.weak))
    return re.compile(rf"(?i)(?<![^\W\d_'’-])(?P<word>{_L}++)(?:{endings})[ \t]+(?=[^\W\d_])")


def _weak_street(word: str, low: str) -> bool:
    """A street by a weak ending ("Myrbakken", "Granlia") only capitalised, longer than the ending, and
    in no list: "bakken", "Haugen" (a surname) and "Solbakken" are no streets before a spoken number."""
    if not word[0].isupper() or word_flags().get(low, 0):
        return False
    return any(low.endswith(weak) and len(low) > len(weak) + 2 for weak in street_words().weak)


_SPOKEN_LETTER = re.compile(r" [A-Ha-h](?![^\W_])")
#: A dictated postcode after a spoken house number: four digits spoken (or made digits by the
#: normaliser) and a place, in any case: "komma tre en fire to Skjelsvik", ", null en åtte fire oslo",
#: "b fire to null sju stavanger".
_SPOKEN_POSTCODE = re.compile(rf"(?i:,| komma)? +(?:(?:{_L}+|\d) +){{3}}(?:{_L}+|\d) +{_L}{{2,}}")
#: A postcode said as a number, then a place: "tre tusen femten drammen", "fem tusen og tjueto Bergen".
_WORD = rf"(?:{NUMBER_WORD_PATTERN})(?![^\W_])"
_THOUSANDS_POSTCODE = re.compile(
    rf"(?i:,| komma)? +{_WORD} +tusen(?: +(?:og +)?(?:{_WORD}(?: +hundre)?))* +(?P<place>{_L}{{2,}})(?![^\W_])"
)


#: A name's genitive before a bare street word: "bjørnsons ", "Kyrres ".
_GENITIVE_BEFORE = re.compile(rf"(?<![^\W\d_]){_L}{{3,}}s $")


def spoken_addresses(text: str) -> list[tuple[int, int, float]]:
    """(start, end, score) of each address dictated with a spoken house number; see the module docstring."""
    found: list[tuple[int, int, float]] = []
    if not has_number_word(text):
        return found
    words = street_words()
    for m in _spoken_street().finditer(text):
        said = _NUMBER_SAID.match(text, m.end())  # "storgata nummer tolv"
        number = spoken_number(text, said.end() if said else m.end(), one_before_stop=m.group("word")[0].isupper())
        word = m.group("word")
        low = word.lower()
        bare = low in words.suffix
        if number is None or (low in words.notstreet and not bare) or _unit_follows(text, number[0]):
            continue
        if not any(low.endswith(suffix) for suffix in words.suffix) and not _weak_street(word, low):
            continue
        if low.endswith("gt") and low[-3:-2] in ("n", "a"):
            continue  # "ringt tre gonger", "sagt to ganger": participles, no "Storgt"
        start = m.start()
        if bare and (not word[0].isupper() or low in words.notstreet):
            # "gata to ganger", "Kan alle tre": a bare street word names no street, unless a person's name
            # in the genitive stands before it ("bjørnstjerne bjørnsons gate tolv", "olav kyrres gate ni")
            named = _names_before(text, start, words) if _GENITIVE_BEFORE.search(text, 0, start) else None
            if named is None:
                continue
            start = _given_before(text, named)
        end = number[0]
        letter = _SPOKEN_LETTER.match(text, end)
        if letter is not None:
            end = letter.end()
        end = _spoken_postcode_end(text, end)
        found.append((_prefixes_before(text, start, words), end, SCORE_WEAK_STREET))
    cues = cue_ends(text)
    return found + _english_spoken(text, cues) + _place_spoken(text, cues) if cues else found


#: "nummer", "nr." between the street and its spoken number.
_NUMBER_SAID = re.compile(r"(?i)(?:nummer|nr\.?|number|no\.?)[ \t]+")
_EN_TYPES = frozenset({"road", "street", "avenue", "lane", "drive", "way", "close", "crescent", "terrace", "place"})
_LINK = re.compile(r"(?i)(?:to|til|is|er)[ \t]+")
#: English: a house number in words, one or two names, a street type: "fourteen park road".
_EN_SPOKEN = re.compile(
    r"(?i)(?<![^\W\d_])(?P<names>(?:[^\W\d_]{2,}[ \t]+){1,2}?)"
    r"(?P<type>road|street|avenue|lane|drive|close|crescent|terrace|gardens|grove|place)(?![^\W\d_])"
)


def _english_spoken(text: str, cues: list[int]) -> list[tuple[int, int, float]]:
    """ "my address to fourteen park road": a spoken house number, names and an English street type, only
    right after a cue that an address follows ("two lane road", "one way street" are no addresses)."""
    found: list[tuple[int, int, float]] = []
    for cue_end in cues:
        start = cue_end
        linked = _LINK.match(text, start)  # "address to fourteen": "to" links, though it is a number too
        number = spoken_number(text, linked.end()) if linked else None
        if number is not None:
            start = linked.end() if linked else start
        else:
            number = spoken_number(text, start)
        if number is None:
            continue
        gap = re.match(r"[ \t-]+", text[number[0] :])
        street = _EN_SPOKEN.match(text, number[0] + (gap.end() if gap else 0)) if gap else None
        if street is not None and not _EN_TYPES.intersection(street.group("names").lower().split()):
            found.append((start, street.end(), SCORE_WEAK_STREET))  # but not "two lane road"
    return found


_WORD_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<w>{_L}{{3,}}) $")


def _given_before(text: str, start: int) -> int:
    """Take a given name in lower case before the genitive ("bjørnstjerne bjørnsons gate"): the street
    grammar leaves a lower-case given name that is also a word out, but before a genitive it is the name's."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None or not text[start:].split(" ", 1)[0].endswith("s"):  # the name before is more than a genitive
        return start
    flags = word_flags().get(m.group("w").lower(), 0)
    return m.start() if flags & GIVEN and not flags & (FUNCTION | NOT_NAME) else start


def _spoken_postcode_end(text: str, end: int) -> int:
    """End of a dictated postcode and place right after the house number (else ``end``)."""
    post = _SPOKEN_POSTCODE.match(text, end)
    if post is not None and all(w.isdigit() or is_digit_word(w) for w in post.group().replace(",", " ").split()[-5:-1]):
        return post.end()
    thousands = _THOUSANDS_POSTCODE.match(text, end)
    if thousands is not None and _is_town(thousands.group("place")):
        return thousands.end()
    return end


class SpokenAddressRecognizer(EntityRecognizer):
    """Addresses with a spoken house number; see the module docstring."""

    def __init__(self, supported_language: str = "nb") -> None:
        super().__init__(
            supported_entities=[ENTITY], name="SpokenAddressRecognizer", supported_language=supported_language
        )

    def load(self) -> None:
        _spoken_street()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        """Return ADDRESS spans. ``nlp_artifacts`` is ignored: the recognizer tokenises by itself."""
        if entities and ENTITY not in entities:
            return []
        return [RecognizerResult(ENTITY, s, e, score) for s, e, score in spoken_addresses(text)]


#: A place's name, perhaps with a direction ("Øran vest"), right after a cue: the street or farm of a house
#: number spoken after it.
_PLACE = re.compile(rf"[A-ZÆØÅ]{_L}{{2,}}(?:[ \t]+(?:[A-ZÆØÅ]{_L}+|vest|øst|aust|nord|sør|indre|ytre))?[ \t]+")
#: What ends the clause after the house number: "og", a comma, a stop, the end.
_CLAUSE_END = re.compile(r"[ \t]*(?:$|[,.!?;\n]|(?:og|and|men|but|nå|now)\b)")
#: Spoken numbers too ambiguous to stand for a house number alone ("to" = "to", "tre" = tree).
_AMBIGUOUS_NUMBERS = frozenset({"to", "tre", "two", "four"})


def _place_spoken(text: str, cues: list[int]) -> list[tuple[int, int, float]]:
    """ "vi bor sammen i Øran vest tolv og ...": after a cue, a capitalised place and a spoken house number
    that ends the clause ("bor i Oslo tolv år" has a unit after it, "bodde i Spania to og..." an ambiguous
    number, and a country is no street)."""
    found: list[tuple[int, int, float]] = []
    for cue_end in cues:
        place = _PLACE.match(text, cue_end)
        if place is None or COUNTRY.fullmatch(place.group().split()[0]):
            continue
        number = spoken_number(text, place.end())
        if number is None or text[place.end() : number[0]].lower() in _AMBIGUOUS_NUMBERS:
            continue
        end = number[0]
        letter = _SPOKEN_LETTER.match(text, end)  # "Granlia sju B, andre etasje"
        if letter is not None and _CLAUSE_END.match(text, letter.end()) is not None:
            end = letter.end()
        if _CLAUSE_END.match(text, end) is not None:
            found.append((cue_end, end, SCORE_WEAK_STREET))
    return found
