"""Cyrillic and Greek letters typed inside a Latin word or a number: "Кari Nоrdmann", "4О12 345 678".

A Cyrillic "К", "а", "о" or a Greek "Ο" looks exactly like the Latin letter, so a customer (or an attack
on the filter) can write a name no word list knows and an e-mail address no pattern matches, and NFKC
leaves them as they are (they are letters of another script, not compatibility forms). A word that mixes
them with Latin letters or digits is no word of either script, so there each such letter is read as the
Latin letter it looks like (a Cyrillic "О" in a number then is an O, which the look-alike rules of
``anonymizer.disguises`` read as a zero). Words wholly in Cyrillic or Greek ("Олена Шевченко",
"Привіт") stay as they are: the recognizers know those scripts.
"""

from __future__ import annotations

import re

from anonymizer.types import Edit

#: Cyrillic and Greek letters and the Latin letter each looks like.
LATIN_FOR: dict[str, str] = {
    # Cyrillic capitals and small letters
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ү": "Y",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y",
    # Greek capitals and small letters
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "υ": "u", "χ": "x", "α": "a",
}  # fmt: skip
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")
#: A word (letters and digits) with a Cyrillic or Greek letter in it.
_WORD = re.compile(r"[^\W_]*[\u0370-\u03ff\u0400-\u052f][^\W_]*")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def homoglyphs(text: str) -> list[Edit]:
    """Edits that read the look-alike Cyrillic and Greek letters of mixed words as Latin ones."""
    if text.isascii() or _OTHER_SCRIPT.search(text) is None:
        return []
    edits: list[Edit] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if _LATIN_OR_DIGIT.search(word) is None:
            continue  # a word of its own script
        edits += [(m.start() + i, m.start() + i + 1, LATIN_FOR[ch]) for i, ch in enumerate(word) if ch in LATIN_FOR]
    return edits
