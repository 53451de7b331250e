"""Numbers written backwards on purpose: "fødselsnummer (baklengs): 80060662022", "card number, reversed:
5356 4598 8140 1615".

Why: a customer who does not trust the chat with a number, or someone testing the filter, turns it
around and says so. Read as written, the digits fail every checksum and pass as a reference; turned
back they are a fødselsnummer, an account, an organisation or a card number. The edit turns the run of
digits around in place (same length, separators mirrored with it), so that the number recognizers read
the real number and the redaction covers exactly what was typed.

Narrow on purpose: only in a message that says a number is reversed ("baklengs", "backwards", "reverse
it", "right to left", "bakvendt", "omvendt"), only a run of 9, 11 or 13-19 digits, only when it fails its
checksums as written and passes one turned around (:func:`anonymizer.checksums.checksummed`: a date of
birth that is a real date, for a fødselsnummer; a card's Luhn and first digit).
"""

from __future__ import annotations

import re

from anonymizer.checksums import checksummed
from anonymizer.types import Edit

#: Words that say a number is written backwards (Norwegian, nynorsk, dialect, English, Swedish).
_REVERSED = re.compile(
    r"(?i)(?<![^\W\d_])(?:bak ?lengs|baklens|bakvendt|bakfram|bakafrå|omvendt|baklänges"
    r"|backwards?|reversed?|reverse[ds]?|right[ -]to[ -]left|in reverse)(?![^\W\d_])"
)
#: A run of digits, maybe grouped by spaces, dots or dashes: "80060662022", "5356 4598 8140 1615".
_RUN = re.compile(r"(?<![\w.,])\d(?:[ .\-]?\d){8,18}(?![\w]|[.,]\d)")


def reversed_numbers(text: str) -> list[Edit]:
    """Each run of digits in a message that says a number is reversed, turned around where only that
    reading passes a checksum."""
    if _REVERSED.search(text) is None:
        return []
    edits: list[Edit] = []
    for m in _RUN.finditer(text):
        run = m.group()
        digits = "".join(ch for ch in run if ch.isdigit())
        if checksummed(digits) or not checksummed(digits[::-1]):
            continue  # valid as written (a second number beside a reversed one), or no number turned back
        edits.append((m.start(), m.end(), run[::-1]))
    return edits
