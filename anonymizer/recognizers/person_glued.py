"""PERSON, continued: a given name glued to a number, "Jonas2", "Hope123", "gi Mari500 kr".

Why: the tokenizer skips words glued to digits, because most are identifiers ("nils58" in a user name,
"A4", "Windows10"). But a listed given name with a capital and a short number after it is a name: a
contact saved twice ("Jonas2"), a chat handle ("Hope123"), or a missing space before an amount ("gi
Mari500 kr"). Only the name is redacted; the number is the number recognizers' business. Not inside
e-mail addresses, links or handles ("kari58@", "/Anna2"), not a month or a place ("Mai2024", "Bergen1"),
and not a name that is also an everyday word in capitals ("Will2" could be a file).
"""

from __future__ import annotations

import re

from anonymizer.recognizers._gazetteer import FUNCTION, GIVEN, NOT_NAME, SOFT, word_flags

SCORE_GLUED = 0.6

#: A capitalised word of three letters or more with up to four digits glued on, standing alone.
_GLUED = re.compile(r"(?<![\w@./:#\-])([A-ZÆØÅ][a-zæøåäöüéè]{2,14})\d{1,4}(?![\w@]|[./:]\w)")
_LETTER_DIGIT = re.compile(r"[a-zæøåäöüéè]\d")


def glued_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each given name glued to a number in ``text``."""
    found: list[tuple[int, int]] = []
    if _LETTER_DIGIT.search(text) is None:
        return found  # every match has a lower-case letter right before a digit; that scan is the cheaper
    table = word_flags()
    for m in _GLUED.finditer(text):
        flags = table.get(m.group(1).lower(), 0)
        if not flags & GIVEN or flags & (NOT_NAME | FUNCTION | SOFT):
            continue
        if m.group(1).lower() in _MODALS:
            continue  # a noun like "Hope" or "Stein" glued to digits is a handle; "Will2", "Kan3" may be anything
        found.append(m.span(1))
    return found


#: Modal verbs and prepositions that are given names too.
_MODALS = frozenset({"will", "may", "can", "must", "shall", "kan", "vil", "skal", "har", "per"})
