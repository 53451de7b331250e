"""Fødselsnummer and D-nummer (NO_FODSELSNUMMER): 11 digits, "DDMMYY NNNNN", two mod-11 check digits.

Every valid fødselsnummer is also a valid kontonummer (its second check digit uses the kontonummer
weights), so the checksum cannot tell them apart: the format can ("DDMMYY NNNNN" is how people write a
fødselsnummer, "1234.56.78903" an account) and so can the nearest cue word. A bare 11-digit number that
is a valid fødselsnummer with a real date scores above a bare kontonummer, so that without any cue it is
redacted as the more sensitive of the two; either way it is redacted.

Checksums come from ``stdnum.no.fodselsnummer``; the date check is ours, because stdnum rejects
Skatteetaten's synthetic test numbers (month + 80) and numbers whose date lies in the future, which would
leave real-looking identifiers unredacted.
"""

from __future__ import annotations

import calendar

from stdnum.no import fodselsnummer as _fnr

from anonymizer.recognizers._common import (
    GROUP_END,
    GROUP_START,
    NUM_END,
    NUM_START,
    NUMBER_DENY,
    ChatPatternRecognizer,
    digits,
    glued,
)

ENTITY = "NO_FODSELSNUMMER"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    # "010190 12345", "010190-12345": the way a fødselsnummer is written on forms.
    ("fnr_6_5", GROUP_START + r"\d{6}[ \-]\d{5}" + GROUP_END, 0.9),
    # "01019012345": as likely an account number; the checksum and date must both hold.
    ("fnr_bare", NUM_START + r"\d{11}" + NUM_END, 0.55),
    # Glued to a word ("fnr:15048010277navn:"): only with a cue word.
    ("fnr_glued", glued(r"\d{11}"), 0.15),
)

#: Words that name a fødselsnummer; inflected forms match by prefix ("personnummeret", "fødselsnummerets")
#: and typos by edit distance ("fødselsnumer", "personummer"), see anonymizer/recognizers/_cues.py.
STRONG_CONTEXT: tuple[str, ...] = (
    "fødselsnummer", "fødselsnr", "fodselsnummer", "fodselsnr", "foedselsnummer", "fnr", "f.nr", "f-nr",
    "personnummer", "personnr", "pers.nr", "persnr", "pnr", "p.nr", "d-nummer", "dnummer", "d-nr", "dnr",
    "identitetsnummer", "id-nummer", "idnummer", "id-nr", "idnr", "id", "identity", "identification", "birth",
    "ssn", "folkeregisteret",
)

#: Topic words: "personal number", "national id" (a topic word followed by "number" names it too).
CONTEXT: tuple[str, ...] = (*STRONG_CONTEXT, "personal", "national", "personalia")


def has_valid_date(number: str) -> bool:
    """DDMMYY with D-nummer (day + 40), H-nummer (month + 40), synthetic (month + 80) and FH-nummer."""
    day, month, year = int(number[0:2]), int(number[2:4]), int(number[4:6])
    if day >= 80:
        return True  # FH-nummer (health sector): no date by design, still identifies a person
    if day > 40:
        day -= 40
    if month > 80:
        month -= 80
    elif month > 40:
        month -= 40
    if not 1 <= month <= 12 or day < 1:
        return False
    individual = int(number[6:9])
    if individual < 500:
        full_year = 1900 + year
    elif individual < 750 and year >= 54:
        full_year = 1800 + year
    elif year < 40:
        full_year = 2000 + year
    elif individual >= 900:
        full_year = 1900 + year
    else:
        full_year = 2000  # century unknown: allow 29 February
    return day <= calendar.monthrange(full_year, month)[1]


def is_valid_fodselsnummer(text: str) -> bool:
    """Both check digits (stdnum) and a plausible date (ours, see the module docstring)."""
    number = digits(text)
    return (
        len(number) == 11
        and number[9] == _fnr.calc_check_digit1(number)
        and number[10] == _fnr.calc_check_digit2(number)
        and has_valid_date(number)
    )


class NoFodselsnummerRecognizer(ChatPatternRecognizer):
    """Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer, synthetic test numbers)."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    STRONG_CONTEXT = STRONG_CONTEXT
    MIN_DIGIT_RUN = 11
    DENY = NUMBER_DENY
    LOOSE_LENGTHS = frozenset({11})
    LOOSE_SCORE = 0.45

    def is_valid(self, candidate: str) -> bool:
        return is_valid_fodselsnummer(candidate)
