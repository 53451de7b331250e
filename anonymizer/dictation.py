"""Punctuation dictated to a voice keyboard ("kyrkjevegen 3 komma 5700 voss punktum ny linje"), read as
the marks it stands for; ``anonymizer.normalize`` applies the edits (kept apart so that module stays a
readable size). Also the case folding its quick test and other modules' quick tests share.
"""

from __future__ import annotations

import re

from anonymizer.types import Edit

#: Letters that IGNORECASE matches as "i" and "s" but ``str.lower`` leaves as they are.
_IGNORECASE_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def ignorecase_folded(text: str) -> str:
    """``text`` in lower case as a case-blind regex compares ASCII letters: one character for each of
    ``text``'s, an ASCII letter just where IGNORECASE matches that letter ("K", "ſ", "ı", "İ" too). A
    case-blind regex of ASCII words can match only a text whose folded form holds one of its words."""
    if not text.isascii() and ("ı" in text or "İ" in text or "ſ" in text):
        text = text.translate(_IGNORECASE_FOLD)  # a dict lookup per character: only when it changes something
    return text.lower()


#: The words people say or type for the dot inside a number, an IP address or an e-mail address ("84
#: punkt 212", "ola dot nordmann"): one list for every rule that reads them, as a regex alternation.
DOT_WORDS = r"punktum|punkt|prikk|dot|point"
#: The words for the "@" of an e-mail address, written or spoken ("kari(at)online.no", "kari snabel-a
#: online punktum no"), and those of them that are never anything else: shared like ``DOT_WORDS``.
AT_WORDS = r"at|snabel(?:[- ]?a)?|kr[øo]ll[- ]?alfa|alfa[- ]?kr[øo]ll|kr[øo]ll|arobase|klammeraffe"
SPOKEN_AT = r"snabel[- ]?a|kr[øo]ll[- ]?alfa|alfa[- ]?kr[øo]ll|kr[øo]ll|arobase|klammeraffe"

#: Punctuation spoken to a voice keyboard that wrote it out as words: "kyrkjevegen 3 komma 5700 voss
#: punktum ny linje helsing kjellaug". Addresses, sign-offs and numbers need the real marks.
_DICTATED = {"komma": ",", "comma": ",", "punktum": ".", "full stop": ".", "kolon": ":", "colon": ":",
             "ny linje": "\n", "ny line": "\n", "new line": "\n", "newline": "\n", "linjeskift": "\n"}  # fmt: skip
_MARK_WORDS = r"komma|comma|punktum|full stop|kolon|colon"
_BREAK_WORDS = r"ny lin(?:je|e)|new ?line|linjeskift"
DICTATED_HINT = re.compile(rf"(?i)\b(?:{_MARK_WORDS}|{_BREAK_WORDS})\b")
#: A part of each of those words: no match of ``DICTATED_HINT`` without one (a substring test per part
#: costs less than the case-blind regex over every message).
_DICTATED_PARTS = ("omma", "punktum", "full stop", "olon", "linje", "line")


#: ``_DICTATED_PARTS`` as one alternation of literals: one scan instead of a substring test per part.
_ANY_DICTATED_PART = re.compile("|".join(map(re.escape, _DICTATED_PARTS)))


def may_dictate(text: str) -> bool:
    return _ANY_DICTATED_PART.search(ignorecase_folded(text)) is not None


#: The word with the space before it (and after it, for a line break): "3 komma 5700" -> "3, 5700".
_DICTATED_WORD = re.compile(
    rf"(?i)[ \t]*(?<![(\[{{<])\b({_MARK_WORDS})\b(?![)\]}}>])|[ \t]*\b({_BREAK_WORDS})\b[ \t]*"
)  # not in brackets: "fjordbyraa(punktum)no" is an e-mail's own disguise


def dictated_punctuation(text: str) -> list[Edit]:
    """Edits that replace spoken punctuation words by the marks they stand for."""
    edits: list[tuple[int, int, str]] = []
    for m in _DICTATED_WORD.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        mark = _DICTATED.get(word, _DICTATED.get(word.replace(" ", ""), "\n"))
        edits.append((m.start(), m.end(), mark))
    return edits
