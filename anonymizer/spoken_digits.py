"""Spoken digits: number words read as the digits they stand for (``anonymizer.normalize``, step 2).

A voice keyboard writes what it hears: "fire seks sju null", "nine one two", "nittien tjuetre førtifem",
"double seven", dialect words ("fæm", "fira", "sjau"), a phone number read in pairs ("førti seks seksti
åtte"), digits and words mixed ("43 34 ni 8 85"). A run of such words becomes the digits, separated by
spaces, so that the number recognizers, which accept spaced digits, find it. A run needs four words or six
digits, so "en to tre ganger" and "I have two or three" stay words; words that are digits only in speech
("en", "to", "ni") count only among unmistakable ones, or among digits after a phone cue. Four groups split
by a spoken dot are an IPv4 address and keep their dots.

Also the readers other modules share: ``spoken_number`` (one number below a hundred, for house numbers),
``NUMBER_WORD_PATTERN``, ``is_digit_word`` and ``has_number_word``.
"""

from __future__ import annotations

import functools
import re

from anonymizer.dictation import DOT_WORDS
from anonymizer.strays import PHONE_LENGTH, phone_cue_before
from anonymizer.types import Edit

#: Words for one digit, Norwegian (bokmål, nynorsk and the dialects people type as they speak: "fæm",
#: "fira", "tri", "sjau"), English, Swedish and Danish. A dialect word missing here splits a dictated
#: number in two ("to 0 fæm 0 4 åtta ..."), and neither half is long enough to be read as one.
_UNITS: dict[str, int] = {
    "null": 0, "zero": 0, "oh": 0, "noll": 0, "nul": 0, "nøll": 0,
    "en": 1, "én": 1, "ein": 1, "eitt": 1, "ett": 1, "one": 1, "et": 1,
    "to": 2, "two": 2, "två": 2, "tva": 2, "tvo": 2, "tvei": 2,
    "tre": 3, "three": 3, "tri": 3, "trei": 3,
    "fire": 4, "four": 4, "fyra": 4, "fira": 4, "fýre": 4,
    "fem": 5, "five": 5, "fæm": 5,
    "seks": 6, "six": 6, "sex": 6,
    "sju": 7, "syv": 7, "seven": 7, "sjau": 7,
    "åtte": 8, "atte": 8, "eight": 8, "åtta": 8, "otte": 8,
    "ni": 9, "nine": 9, "nio": 9,
}  # fmt: skip

#: Ten to nineteen.
_TEENS: dict[str, int] = {
    "ti": 10, "ten": 10, "tio": 10,
    "elleve": 11, "elleva": 11, "eleven": 11, "elva": 11,
    "tolv": 12, "twelve": 12,
    "tretten": 13, "thirteen": 13, "tretton": 13,
    "fjorten": 14, "fourteen": 14, "fjorton": 14,
    "femten": 15, "fifteen": 15, "femton": 15,
    "seksten": 16, "sixteen": 16, "sexton": 16,
    "sytten": 17, "søtten": 17, "seventeen": 17, "sjutton": 17,
    "atten": 18, "eighteen": 18, "arton": 18,
    "nitten": 19, "nineteen": 19, "nitton": 19,
}  # fmt: skip

#: Tens, which Norwegians glue to the unit ("tjuetre", "førtifem", "nittien").
_TENS: dict[str, int] = {
    "tjue": 20, "tyve": 20, "twenty": 20, "tjugo": 20, "tjuge": 20,
    "tretti": 30, "tredve": 30, "thirty": 30, "trettio": 30,
    "førti": 40, "forti": 40, "forty": 40, "fyrtio": 40,
    "femti": 50, "fifty": 50, "femtio": 50,
    "seksti": 60, "sixty": 60, "sextio": 60,
    "sytti": 70, "søtti": 70, "seventy": 70, "sjuttio": 70,
    "åtti": 80, "atti": 80, "eighty": 80, "åttio": 80,
    "nitti": 90, "ninety": 90, "nittio": 90,
}  # fmt: skip

#: "double seven", "dobbel sju": the next digit twice.
_REPEAT: dict[str, int] = {"double": 2, "dobbel": 2, "dobbelt": 2, "triple": 3, "trippel": 3}

#: Words that are digits in speech but ordinary words in writing ("en", "to", "et", "ni", "oh", "sex"):
#: they count in a run only between unmistakable number words or digits.
_AMBIGUOUS = frozenset(
    {"en", "et", "ett", "to", "ni", "oh", "sex", "ti", "ten", "one", "fire", "tre", "ein", "fira", "sjau", "tri"}
)

_WORD_ALTERNATIVES = "|".join(sorted({*_UNITS, *_TEENS, *_TENS, *_REPEAT}, key=len, reverse=True))
_TENS_ALTERNATIVES = "|".join(sorted(_TENS, key=len, reverse=True))
_UNIT_ALTERNATIVES = "|".join(sorted(_UNITS, key=len, reverse=True))

#: A Norwegian number from a hundred to 999 in one word: "hundreogsekstifire", "tohundreogfemti",
#: "hundre", "etthundreogtolv" (the octets of a dictated IP address).
_TEEN_ALTERNATIVES = "|".join(sorted(_TEENS, key=len, reverse=True))
_HUNDRED = (
    rf"(?:(?P<hundreds>{_UNIT_ALTERNATIVES})?hundre(?:og)?"
    rf"(?:(?P<htens>{_TENS_ALTERNATIVES})(?P<hunit>{_UNIT_ALTERNATIVES})?|(?P<hteen>{_TEEN_ALTERNATIVES})"
    rf"|(?P<hsingle>{_UNIT_ALTERNATIVES}))?)"
)
_HUNDRED_RE = re.compile(rf"(?i){_HUNDRED}")
_HUNDRED_TOKEN = re.sub(r"\(\?P<\w+>", "(?:", _HUNDRED)

#: One number token: a hundreds word, a tens word with an optional glued unit ("førtifem",
#: "twenty-one"), another number word, or a group of digits.
_TOKEN = rf"(?:(?:{_TENS_ALTERNATIVES})(?:-?(?:{_UNIT_ALTERNATIVES}))?|{_WORD_ALTERNATIVES}|\d{{1,4}})"
#: The same with hundreds words, used only for a text that holds "hundre" (the alternative costs every
#: other text a third more time in the run regex).
_TOKEN_H = rf"(?:{_HUNDRED_TOKEN}|{_TOKEN[3:-1]})"
#: Separators people dictate inside a number ("fire syv tre null punktum fem syv ...").
_SPOKEN_SEPARATORS = rf"{DOT_WORDS}|komma|strek|bindestrek|skråstrek|dash|comma"
_SEPARATOR_WORDS = frozenset(_SPOKEN_SEPARATORS.split("|"))
#: The separators of a dictated IPv4 address: "ti punktum null punktum null punktum førtito".
_SPOKEN_DOT = re.compile(rf"(?i)[ \t]+(?:{DOT_WORDS})[ \t]+")
_SEP = rf"(?:[ \t]*[,\-/|][ \t]*|[ \t]+(?:(?:{_SPOKEN_SEPARATORS}|\.)[ \t]+)?|[ \t]*\n[ \t]*)"
#: A separator that needs rewriting so that the number recognizers read it as one: a spoken one or a
#: pipe ("4 8 6 sju | 9 9 3 fæm | ...", a card typed in groups) becomes a space, a comma two spaces (a
#: list separator: "..., fire en to ..." may start another number).
_REWRITE_SEPARATOR = re.compile(rf"(?i)[ \t]*,[ \t]*|[ \t]*\|[ \t]*|[ \t]+(?:{_SPOKEN_SEPARATORS})[ \t]+")
_RUN = re.compile(rf"(?i)(?<![^\W_])(?:{_TOKEN}){_SEP}(?:{_TOKEN})(?:{_SEP}(?:{_TOKEN}))*(?![^\W_])")
_TOKEN_RE = re.compile(rf"(?i)(?<![^\W_]){_TOKEN}(?![^\W_])")
_RUN_H = re.compile(rf"(?i)(?<![^\W_])(?:{_TOKEN_H}){_SEP}(?:{_TOKEN_H})(?:{_SEP}(?:{_TOKEN_H}))*(?![^\W_])")
_TOKEN_RE_H = re.compile(rf"(?i)(?<![^\W_]){_TOKEN_H}(?![^\W_])")
_GLUED = re.compile(rf"(?i)({_TENS_ALTERNATIVES})-?({_UNIT_ALTERNATIVES})?")

#: One spoken number below a hundred: "fjorten", "tjueen", "åtti sju", "twenty-one", "sju".
_SPOKEN_NUMBER = re.compile(
    rf"(?i)(?:(?P<tens>{_TENS_ALTERNATIVES})(?:-?(?P<unit>{_UNIT_ALTERNATIVES})|[ ](?P<unit2>{_UNIT_ALTERNATIVES}))?"
    rf"|(?P<teen>{'|'.join(sorted(_TEENS, key=len, reverse=True))})|(?P<single>{_UNIT_ALTERNATIVES}))(?![^\W_])"
)
_STOP = re.compile(r"[ \t]*(?:$|[,.!?;\n])")
#: Single digit words too common to read as a number on their own ("Storgata en gang").
_NOT_ALONE = frozenset({"en", "én", "et", "ett", "ein", "eitt", "one", "oh", "null", "zero", "noll", "nul"})


#: Every word for a number below a hundred, as a regex alternation (longest first), for other modules'
#: patterns; ``spoken_number`` reads its value.
NUMBER_WORD_PATTERN = _WORD_ALTERNATIVES


def is_digit_word(word: str) -> bool:
    """ "fire", "null", "åtta": a word for one digit."""
    return word.lower() in _UNITS


def has_number_word(text: str) -> bool:
    """Any word of ``text`` is a number word ("fjorten", "tjueto"): a set lookup per word."""
    return not _NUMBER_WORDS.isdisjoint(_letter_words(text))


def spoken_number(text: str, pos: int, *, one_before_stop: bool = False) -> tuple[int, int] | None:
    """(end, value) of a number from one to ninety-nine spoken at ``pos``, or None.

    The address recognizer asks after a street word: "Løkkegata fjorten", "Storgata åtti sju" are
    house numbers too short for a run of spoken digits (see ``MIN_WORDS``). A word for one alone
    ("Storgata en gang") is no number, unless ``one_before_stop`` and a comma, a stop or the end
    follows it: "Bakkevegen ein, kan de endre adressa?"."""
    m = _SPOKEN_NUMBER.match(text, pos)
    if m is None:
        return None
    if m.group("tens"):
        unit = m.group("unit") or m.group("unit2")
        value = _TENS[m.group("tens").lower()] + (_UNITS[unit.lower()] if unit else 0)
        if m.group("unit2") and value % 10 == 0:
            return None
        return m.end(), value
    if m.group("teen"):
        return m.end(), _TEENS[m.group("teen").lower()]
    low = m.group("single").lower()
    if low in _NOT_ALONE and not (one_before_stop and _UNITS[low] == 1 and _STOP.match(text, m.end())):
        return None
    return m.end(), _UNITS[low]


#: A run of number words is taken as a spoken number when it has this many words, or this many digits.
MIN_WORDS = 4
MIN_DIGITS = 6


#: Every number word, glued tens included ("tjuetre", "twenty-one"), for the quick check below.
_NUMBER_WORDS: frozenset[str] = frozenset(
    {*_UNITS, *_TEENS, *_TENS, *_REPEAT}
    | {t + u for t in _TENS for u in _UNITS}
    | {t + "-" + u for t in _TENS for u in _UNITS}
)
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@functools.lru_cache(maxsize=8)
def _letter_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case. Cached (a few texts): the normaliser and the spoken-address
    recognizer both ask about each message, and finding them costs more than the set tests after."""
    return tuple(_LETTERS.findall(text.lower()))


def has_number_word_pair(text: str) -> bool:
    """Two number words next to each other (separated by anything but a word): worth a closer look.

    A set lookup per word; the run regex, which is far slower, only runs on texts that pass.
    """
    words = _letter_words(text)
    # "fire-en-to": dictated digits joined by hyphens (split only when the text has a hyphen)
    parts = [part for word in words for part in word.split("-")] if "-" in text else words
    hundreds = "undre" in text or "UNDRE" in text
    if _NUMBER_WORDS.isdisjoint(parts) and not hundreds:
        return False  # no number word at all (most messages): one set test instead of the loop
    previous = False
    for part in parts:
        if part in _NUMBER_WORDS or (hundreds and _HUNDRED_RE.fullmatch(part) is not None):
            if previous:
                return True
            previous = True
        elif previous and part not in _SEPARATOR_WORDS:  # "ti punktum null ...": a spoken separator keeps it
            previous = False
    # one number word between groups of digits: "mobilnummer 43 34 ni 8 85"
    return _WORD_AMID_DIGITS.search(text) is not None


#: A number word with a group of digits on either side.
_WORD_AMID_DIGITS = re.compile(rf"(?i)\d[ \t]+(?:{_WORD_ALTERNATIVES})[ \t]+\d")


def _token_digits(token: str) -> tuple[str, bool] | None:
    """The digits a token stands for, and whether it is a number *word* (not digits already)."""
    if token.isdigit():
        return token, False
    low = token.lower()
    if low in _UNITS:
        return str(_UNITS[low]), True
    if low in _TEENS:
        return str(_TEENS[low]), True
    hundred = _HUNDRED_RE.fullmatch(low) if "hundre" in low else None
    if hundred is not None:
        value = 100 * (_UNITS[hundred["hundreds"]] if hundred["hundreds"] else 1)
        if hundred["htens"]:
            value += _TENS[hundred["htens"]] + (_UNITS[hundred["hunit"]] if hundred["hunit"] else 0)
        elif hundred["hteen"]:
            value += _TEENS[hundred["hteen"]]
        elif hundred["hsingle"]:
            value += _UNITS[hundred["hsingle"]]
        return str(value), True
    glued = _GLUED.fullmatch(low)
    if glued is not None:
        tens = _TENS[glued.group(1)]
        unit = _UNITS[glued.group(2)] if glued.group(2) else 0
        return str(tens + unit), True
    return None


def spelled_digits(text: str) -> list[Edit]:
    """The edits that replace runs of spoken digits by digits (see the module docstring)."""
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) of each token in a run
    run_re, token_re = (_RUN_H, _TOKEN_RE_H) if "undre" in text or "UNDRE" in text else (_RUN, _TOKEN_RE)
    for run in run_re.finditer(text):
        tokens = list(token_re.finditer(text, run.start(), run.end()))
        converted: list[tuple[int, int, str]] = []
        words = 0
        unmistakable = 0
        repeat = 1
        for m in tokens:
            low = m.group().lower()
            if low in _REPEAT:
                repeat = _REPEAT[low]
                converted.append((m.start(), m.end(), ""))
                continue
            found = _token_digits(m.group())
            if found is None:
                continue
            value, is_word = found
            if is_word:
                words += 1
                unmistakable += low not in _AMBIGUOUS
            if _pair_read(text, converted, m, value, is_word):
                # "førti seks", "sixty two": a tens word and a unit word after it are one pair of digits
                # (a phone number read in pairs, split by the dictation), not "40 6"
                start, _, tens = converted.pop()
                converted.append((start, m.end(), str(int(tens) + int(value))))
                repeat = 1
                continue
            converted.append((m.start(), m.end(), " ".join([value] * repeat)))
            repeat = 1
        digit_count = sum(len(v.replace(" ", "")) for _, _, v in converted)
        if words == 0 or (
            unmistakable == 0
            and not _digits_among(len(converted), words)
            and not (digit_count == PHONE_LENGTH and len(converted) > words and phone_cue_before(text, run.start()))
        ):  # "mobilnummer 43 34 ni 8 85": an ambiguous word among digits after a phone cue
            continue
        if not (words + (len(converted) - words) >= MIN_WORDS or digit_count >= MIN_DIGITS):
            continue
        if words < 2 and digit_count < MIN_DIGITS:
            continue
        address = _spoken_ip(text, run, converted)
        if address is not None:
            edits.extend(address)
            continue
        edits.extend((s, e, v) for s, e, v in converted if not text[s:e].isdigit())
        for sep in _REWRITE_SEPARATOR.finditer(text, run.start(), run.end()):
            edits.append((sep.start(), sep.end(), "  " if "," in sep.group() else " "))
    return edits


def _pair_read(text: str, converted: list[Edit], m: re.Match[str], value: str, is_word: bool) -> bool:
    """True when the word ``m`` (a unit, 1-9) follows a tens word alone ("førti", "sixty") across one space."""
    if not is_word or len(value) != 1 or value == "0" or not converted:
        return False
    start, end, tens = converted[-1]
    return (
        len(tens) == 2
        and tens[1] == "0"
        and tens[0] != "1"
        and not text[start:end].isdigit()
        and text[end : m.start()] == " "
    )


#: Tokens a run of ambiguous number words and digits needs to be a number ("0 en en 0 | en 0 ..."), and
#: a run of ambiguous words alone (as many as the shortest personal number has digits).
MIN_MIXED_TOKENS = 8
MIN_AMBIGUOUS_WORDS = 11


def _digits_among(tokens: int, words: int) -> bool:
    """A run whose number words are all ambiguous ("en", "to", "fira") is still a number when digits
    stand among them and it is long, or when it is as long as a personal number: "en to tre" is prose,
    "tri en 0 0 | 0 0 0 0 | 0 0 3" and "fire en en en, en en en en, ..." (a card) are not."""
    return (tokens >= MIN_MIXED_TOKENS and tokens - words >= 2) or tokens >= MIN_AMBIGUOUS_WORDS


def _spoken_ip(text: str, run: re.Match[str], converted: list[Edit]) -> list[Edit] | None:
    """The edits that make a dictated IPv4 address its dotted form, or None if the run is none.

    Digits read one by one with "punktum" between the groups would become "1 9 2 1 6 8 ...", which no
    recognizer takes for an address. A run of exactly four groups split by a spoken dot, each a number
    from 0 to 255 ("en ni to", "ti", "førtito"), is written "192.168.0.42" instead; each group maps
    back to the words it was read from."""
    dots = list(_SPOKEN_DOT.finditer(text, run.start(), run.end()))
    if len(dots) != 3:
        return None
    bounds = [run.start(), *(p for d in dots for p in (d.start(), d.end())), run.end()]
    edits: list[tuple[int, int, str]] = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        group = "".join(v.replace(" ", "") for s, e, v in converted if start <= s and e <= end)
        if not group or len(group) > 3 or int(group) > 255 or (len(group) > 1 and group[0] == "0"):
            return None
        edits.append((start, end, group))
    return edits + [(d.start(), d.end(), ".") for d in dots]
