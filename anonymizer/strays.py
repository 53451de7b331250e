"""Stray characters typed inside a number: "7874.68.5911o1", "1594 43 8715q0", "1594.56,06832", "916r91 670".

A finger that slips puts a letter or a comma between two digits, and the customer often says so ("o-en
er en skrivefeil", "there's a stray comma sorry"): the number is still theirs. The number recognizers
read digit groups, so one stray character hides the number (each group alone is too short) or turns it
into another one (a look-alike "o" read as a zero gives twelve digits). Like the other disguises, the
fix is an edit of what the recognizers read (see ``anonymizer.disguises``); the redactor still replaces
exactly what the customer typed, the stray character included.

A stray character is dropped (a comma between two groups becomes the token's group separator, so that
"1594.56,06832" reads as the account number it is) only when the digits without it are a number that
something else vouches for:

* eleven digits with a valid mod-11 check digit, the kontonummer's (every valid fødselsnummer passes it
  too): one string in eleven passes by chance, and the recognizers still apply their deny words ("KID",
  "kr") to what they read;
* eight digits not starting with 0, a Norwegian phone number's length, when a phone cue word stands
  among the few words before ("Ring meg på 916r91 670", "tlf 444o47140"): eight digits with a letter
  inside and no cue are as likely a code.

A look-alike letter (o/O/l/I/S/B) is read as its digit instead when that reading is such a number; when
neither reading is, the token is left to the look-alike rule of ``anonymizer.disguises``. A token with
two stray characters, or a comma before two decimals after an amount ("123456789,01", "123.456.789,01"),
is left alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from stdnum.no import kontonr as _kontonr

from anonymizer.types import Edit

#: Digit groups (single separators " . -") with exactly one letter or comma between two digits, not glued
#: to a word, an e-mail address or a longer number on either side.
_TOKEN = re.compile(
    r"(?<![\w@.,\-])(?P<head>\d+(?:[ .\-]\d+)*)(?P<stray>[^\W\d_]|,)(?P<tail>\d+(?:[ .\-]\d+)*)(?![\w@])(?![.,\-]\d)"
)
#: The cheap test before ``_TOKEN``: a letter or a comma between two digits somewhere in the text.
_HINT = re.compile(r"\d(?:[^\W\d_]|,)\d")
#: How the recognizers print an account number; a comma between its groups becomes their separator.
_ACCOUNT_SHAPE = re.compile(r"\d{4}([ .\-])\d{2}\1\d{5}")
#: Letters typed for the digit they look like (also ``anonymizer.disguises``'s, which imports this module).
LOOKALIKES = {"o": "0", "O": "0", "l": "1", "I": "1", "S": "5", "B": "8"}
_NON_DIGIT = re.compile(r"\D")
#: An amount before its decimals: digits in one piece or in thousands ("123456789", "123.456.789").
_AMOUNT_HEAD = re.compile(r"\d+|\d{1,3}(?:([ .])\d{3})(?:\1\d{3})*")
_DECIMALS = re.compile(r"\d{2}")

#: Lengths of the numbers a stray character may hide, and the words before a phone number looked at.
CHECKSUM_LENGTH = 11
PHONE_LENGTH = 8
PHONE_CUE_WORDS = 4


@functools.cache
def _phone_cue_test() -> Callable[[str, int], bool]:
    """Whether one of the phone recognizer's cue words stands among the few words before a position.
    Its imports run on first use, once: the recognizers package imports ``anonymizer.disguises`` (the
    IBAN check), which imports this module."""
    from anonymizer.recognizers._cues import cue_set, forms_of, words_before
    from anonymizer.recognizers.phone import CONTEXT

    cues = cue_set(tuple(CONTEXT))

    def cue_before(text: str, start: int) -> bool:
        words = words_before(text, start, PHONE_CUE_WORDS)
        return any(cues.match(form) for forms in forms_of(words) for form in forms)

    return cue_before


def phone_cue_before(text: str, start: int) -> bool:
    """One of the phone recognizer's cue words stands among the few words before ``start``."""
    return _phone_cue_test()(text, start)


def _vouched(number: str, text: str, start: int) -> bool:
    """``number`` (digits) is one that a checksum, or its length and a phone cue, vouches for."""
    if len(number) == CHECKSUM_LENGTH:
        return bool(_kontonr.is_valid(number))
    return len(number) == PHONE_LENGTH and number[0] != "0" and _phone_cue_test()(text, start)


def stray_characters(text: str) -> tuple[list[Edit], list[tuple[int, int]]]:
    """Edits that undo stray characters inside numbers (see the module docstring), and the spans of the
    numbers they fixed (no other digit rule should edit those)."""
    if _HINT.search(text) is None:
        return [], []
    edits: list[Edit] = []
    fixed: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        head, stray, tail = m.group("head"), m.group("stray"), m.group("tail")
        if stray == "," and _DECIMALS.fullmatch(tail) and _AMOUNT_HEAD.fullmatch(head):
            continue  # "123456789,01", "123.456.789,01": an amount and its decimals
        position = m.start("stray")
        dropped = _NON_DIGIT.sub("", head + tail)
        digit = LOOKALIKES.get(stray)
        if digit is not None and _vouched(_NON_DIGIT.sub("", head + digit + tail), text, m.start()):
            edits.append((position, position + 1, digit))
        elif _vouched(dropped, text, m.start()):
            edits.append((position, position + 1, _separator(head, stray, tail)))
        else:
            continue
        fixed.append(m.span())
    return edits, fixed


def _separator(head: str, stray: str, tail: str) -> str:
    """What replaces a dropped stray character: nothing, or for a comma between two groups the token's
    own separator when that gives an account number's shape ("1594.56,06832" → "1594.56.06832")."""
    if stray == ",":
        separators = [ch for ch in head + tail if not ch.isdigit()]
        mark = separators[0] if separators else " "
        if _ACCOUNT_SHAPE.fullmatch(head + mark + tail):
            return mark
    return ""
