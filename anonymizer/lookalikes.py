"""Look-alike letters inside numbers that a checksum vouches for: "3783 I43281 s8372", "NO2o634s4SB64B6".

``anonymizer.disguises`` reads O/o/l/I/S/B as digits inside a group that is mostly digits already, and
``anonymizer.strays`` one stray letter when the result is a valid account number. A customer who wants to
beat a filter goes further: lower-case "s" for 5, "b" and "G" for 6, "Z" for 2, "T" for 7, "g" and "q"
for 9, underscores between the groups ("S2S1_3136_6149_452B"), two groups of letters alone in a phone
number ("4O OS OB l0"), the check digits of an IBAN disguised too. Reading such letters as digits
everywhere would turn codes, product names and prose into numbers, so here a reading is taken only when
the digits it gives are a number of a kind that proves itself:

* eleven digits with a valid fødselsnummer or kontonummer (mod 11) check digit;
* 13-19 digits with a card issuer's prefix and length and a valid Luhn digit (the card recognizer's test);
* an IBAN (two capitals, then digits and look-alikes) whose reading passes the mod-97 check;
* eight digits not starting with 0, a Norwegian phone number, when a phone cue word stands before it
  (``anonymizer.strays``'s test: "Nytt telefonnummer: 97.42.lS.39");
* four characters between a house number and a place name, a postcode ("Torggata 9, O182 Oslo").

The same test vouches for groups joined by marks nobody groups a number with ("4867 | 9935 | 4461 |
9851", "150890;47746", "1234#56#78903", "5251_3136_..."): a pipe between digit groups is as likely a
table or a signature ("22 41 87 30 | 951 22 408"), so only a number that proves itself is joined.

The edits replace each letter by its digit and such a separator by a space; the redactor still replaces
what the customer typed.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from stdnum.no import fodselsnummer as _fodselsnummer
from stdnum.no import kontonr as _kontonr

from anonymizer.strays import CHECKSUM_LENGTH, PHONE_LENGTH, phone_cue_before
from anonymizer.types import Edit

#: Letters typed for a digit, the obvious ones (``strays.LOOKALIKES``) and the bolder ones.
READINGS: dict[str, str] = {
    "o": "0", "O": "0", "D": "0",
    "l": "1", "I": "1", "i": "1",
    "z": "2", "Z": "2",
    "s": "5", "S": "5",
    "b": "6", "G": "6",
    "T": "7",
    "B": "8",
    "g": "9", "q": "9",
}  # fmt: skip
_CHARS = "0-9" + "".join(READINGS)
#: Between groups: a space, a dot, a hyphen, or a mark nobody groups a number with ("4867 | 9935", "_").
_SEPARATOR = r"(?:[ ._\-]|[ \t]*[|;*#~+][ \t]*)"
_ODD_MARKS = frozenset("|;*#~+_")
#: Groups of digits and look-alikes, one separator between groups, not glued to a word or an address.
_CANDIDATE = re.compile(
    rf"(?<![\w@.\-])(?:[{_CHARS}]+(?:{_SEPARATOR}[{_CHARS}]+)+(?![.\-]\d)|[{_CHARS}]{{8,}})(?![\w@])"
)
_GROUP = re.compile(rf"[{_CHARS}]+")
_DIGIT = re.compile(r"\d")
#: A group without a real digit: two or three of the look-alikes no word is made of ("OS", "lS").
_DIGITLESS = re.compile(r"[OIlSBZ]{2,3}")
#: The cheap test first: a look-alike letter glued to a digit ("I43281", "s8372"), or a group of the
#: look-alikes no word is made of one separator away from one ("42.lS.39").
#: Written from the digit (a lookbehind for what precedes it): a pattern that starts with a character
#: class is scanned for that class first, which is several times faster than an alternation.
_LETTERS = "".join(READINGS)
_HINT = re.compile(
    rf"\d(?:(?<=[{_LETTERS}]\d)|(?=[{_LETTERS}]|[ ._\-][OIlSBZ]{{2}}|[ \t]*[|;*#~+_][ \t]*\d)"
    r"|(?<=[OIlSBZ]{2}[ ._\-]\d))"
)
#: Look-alike letters a reading may hold at most, against its real digits (a phone number with a cue
#: may hold more: "4O OS OB l0").
MAX_LETTER_SHARE = 0.4
#: The longest number a reading may prove itself as (a card of 19 digits; IBANs are read separately).
MAX_NUMBER_LENGTH = 19
#: After a cue for a personal number ("fnr: Z4O7O4 79O4O") half the characters may be look-alikes: the
#: cue says a number is meant, and the mod-11 check still has to vouch for the reading.
CUED_LETTER_SHARE = 0.5
_NUMBER_CUE = re.compile(r"(?i)(?<![^\W\d_])(?:fnr|fødselsn|fodselsn|personn|pnr|kontonr|kontonummer|ssn|dnr)")
#: An IBAN written with look-alikes: country code, check digits and body (groups of up to four).
_IBAN = re.compile(rf"(?<![\w@])[A-Z]{{2}}[{_CHARS}]{{2}}(?:[ ]?[{_CHARS}A-Z]{{1,4}}){{2,8}}(?![\w@])")
_COUNTRY = re.compile(r"[A-Z]{2}[0-9oOlIizZsSbGTBgq]{2}")
#: A postcode with look-alikes after a street (or a post box) and its number, behind a comma or on the next
#: line, before a capitalised place name: "Torggata 9, O182 Oslo", "Kvaløyvegen 221, 9O16 Tromsø",
#: "Ryenbergveien 7S\nOl9O OSLO", "Postboks 8O4O, 5O2O Bergen". The house number's own look-alikes are
#: read with it.
_POSTCODE = re.compile(
    r"(?<![^\W\d_])[A-ZÆØÅ][^\W\d_]{2,}(?:[ \-][^\W\d_]+)?[ \t]+(?P<house>[0-9oOlISB]{1,5})(?:[ \t]?[A-Za-z])??"
    r"(?:,[ \t]*(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*)"
    r"(?P<code>[0-9oOlISB]{4})(?=[ \t]+[A-ZÆØÅ][A-Za-zÆØÅæøå]{2,})"
)


@functools.cache
def _card_test() -> Callable[[str], bool]:
    """The card recognizer's own test (issuer prefix, length, Luhn), imported on first use: the
    recognizers package imports ``anonymizer.disguises``, which imports this module."""
    from anonymizer.recognizers.credit_card import is_valid_card

    return is_valid_card


@functools.cache
def _iban_test() -> Callable[[str], bool]:
    """``disguises.valid_iban``, imported on first use: ``anonymizer.disguises`` imports this module."""
    from anonymizer.disguises import valid_iban

    return valid_iban


def _proves_itself(number: str, text: str, start: int, letters: int) -> bool:
    """``number`` (digits read from ``letters`` look-alikes and the rest) is a number that vouches for
    the reading: a checksum of its kind, or a phone number's length after a phone cue."""
    if len(number) == PHONE_LENGTH and number[0] != "0" and phone_cue_before(text, start):
        return True
    if letters > (CUED_LETTER_SHARE if _NUMBER_CUE.search(text, max(0, start - 30), start) else MAX_LETTER_SHARE) * len(
        number
    ):
        return False
    if len(number) == CHECKSUM_LENGTH:
        return bool(_kontonr.is_valid(number) or _fodselsnummer.is_valid(number))
    return 13 <= len(number) <= 19 and _card_test()(number)


def checked_lookalikes(text: str) -> tuple[list[Edit], list[tuple[int, int]]]:
    """Edits that read look-alike letters as digits where a checksum vouches for it (module docstring),
    and the spans of the numbers so read."""
    if _HINT.search(text) is None:
        return [], []
    edits: list[Edit] = []
    spans: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(text):
        found, span = _number_edits(text, m.start(), m.group())
        if found:
            edits += found
            spans.append(span)
    for m in _POSTCODE.finditer(text):
        house, code = m.group("house"), m.group("code")
        if not any(ch.isdigit() for ch in house) or not any(ch.isdigit() for ch in code):
            continue
        if sum(ch.isdigit() for ch in house + code) < 2:
            continue  # "Box lO, lO2O ..." reads too much into too little
        for group in ("house", "code"):
            at = m.start(group)
            edits += [(at + i, at + i + 1, READINGS[ch]) for i, ch in enumerate(m.group(group)) if ch in READINGS]
    for m in _IBAN.finditer(text) if _COUNTRY.search(text) else ():
        edits += _iban_edits(m.start(), m.group())
    return edits, spans


def _number_edits(text: str, start: int, run: str) -> tuple[list[Edit], tuple[int, int]]:
    """The edits of the longest window of ``run``'s groups (from a group with a digit to another) whose
    reading proves itself, and the window's span; no edits if no window does."""
    if sum(ch.isalnum() for ch in run) < PHONE_LENGTH:
        return [], (start, start)  # too short for any number here
    if not any(ch in READINGS for ch in run) and _ODD_MARKS.isdisjoint(run):
        return [], (start, start)  # digits grouped as usual: the recognizers' business
    groups = [(g.start(), g.end()) for g in _GROUP.finditer(run)]
    # A window's reading has one digit per character of its groups, and no reading longer than a card's
    # 19 digits proves itself: counting first keeps a long run ("*1*1*1...", a hostile message of 2,000
    # characters) linear in its groups instead of cubic (minutes of a worker's time per message).
    ends = list(itertools.accumulate((e - s for s, e in groups), initial=0))
    # After "fødselsnummer:" or "telefon" the first or last group may be look-alikes alone ("ll 04 39 359
    # 27", "22 96 l6 OO"); the reading must still prove itself
    cued = _NUMBER_CUE.search(text, max(0, start - 30), start) is not None or phone_cue_before(text, start)
    for size in range(min(len(groups), MAX_NUMBER_LENGTH), 0, -1):
        for first in range(len(groups) - size + 1):
            if ends[first + size] - ends[first] > MAX_NUMBER_LENGTH:
                continue
            window = groups[first : first + size]
            piece = run[window[0][0] : window[-1][1]]
            if not cued and not (_DIGIT.search(run, *window[0]) and _DIGIT.search(run, *window[-1])):
                continue  # the number starts and ends with a real digit
            if any(not _DIGITLESS.fullmatch(run, s, e) for s, e in window if not _DIGIT.search(run, s, e)):
                continue  # "443 og 47", "1234 i 5678": a word between two numbers
            letters = sum(ch in READINGS for ch in piece)
            odd = [(e, s) for (_, e), (s, _) in itertools.pairwise(window) if not _ODD_MARKS.isdisjoint(run[e:s])]
            number = "".join(READINGS.get(ch, ch) for ch in piece if ch.isalnum())
            if (letters or odd) and _proves_itself(number, text, start + window[0][0], letters):
                offset = start + window[0][0]
                edits = [(offset + i, offset + i + 1, READINGS[ch]) for i, ch in enumerate(piece) if ch in READINGS]
                edits += [(start + e, start + s, " ") for e, s in odd]  # one space for " | ", "_"
                return sorted(edits), (offset, offset + len(piece))
    return [], (start, start)


def _iban_edits(start: int, candidate: str) -> list[Edit]:
    """Look-alikes after an IBAN's country code read as digits, when the reading is a valid IBAN (and
    the candidate as typed is not: many countries' IBANs hold letters of their own)."""
    valid_iban = _iban_test()
    compact = candidate.replace(" ", "")
    if not any(ch in READINGS for ch in compact[2:]) or valid_iban(compact):
        return []
    read = compact[:2] + "".join(READINGS.get(ch, ch) for ch in compact[2:])
    for end in range(len(read), 14, -1):  # the pattern may take a following short word
        if read[:end].isalnum() and read[2:end].isdigit() and valid_iban(read[:end]):
            limit = _position_of(candidate, end)
            body = enumerate(candidate[:limit])
            return [(start + i, start + i + 1, READINGS[ch]) for i, ch in body if i >= 2 and ch in READINGS]
    return []


def _position_of(candidate: str, compact_length: int) -> int:
    """The index in ``candidate`` (with spaces) just after its first ``compact_length`` non-spaces."""
    seen = 0
    for i, ch in enumerate(candidate):
        if ch != " ":
            seen += 1
            if seen == compact_length:
                return i + 1
    return len(candidate)
