"""PERSON, continued: a given name glued to a number ("Jonas2", "Hope123", "gi Mari500 kr") or to the cue
before it ("hilsenOla", "jeg heterLine").

Why: the tokenizer skips words glued to digits, because most are identifiers ("nils58" in a user name,
"A4", "Windows10"). But a listed given name with a capital and a short number after it is a name: a
contact saved twice ("Jonas2"), a chat handle ("Hope123"), or a missing space before an amount ("gi
Mari500 kr"). Only the name is redacted; the number is the number recognizers' business. Not inside
e-mail addresses, links or handles ("kari58@", "/Anna2"), not a month or a place ("Mai2024", "Bergen1"),
and not a name that is also an everyday word in capitals ("Will2" could be a file). In lower case only a
sure given name that is no word: "kari123" is a user name, but the name in it is the writer's own, and
redacting it costs less than giving it away; "stein2", "anna88" may be anything.

A missing space after a cue glues the cue to the name ("hilsenOla", "heterLine Marie"): the tokenizer
sees one word, but a capital right after a lower-case cue word marks where the name begins; words are
not written with a capital inside them. Only a strong cue's word (one that names, signs or labels a
name), and only a listed name or a word in no list that reads as a name after it.
"""

from __future__ import annotations

import functools
import re

from anonymizer.recognizers._common import text_facts
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    SOFT,
    WELL_KNOWN,
    near_frequent_word,
    person_cues,
    word_flags,
)
from anonymizer.recognizers._tokens import wordlike

SCORE_GLUED = 0.6

#: A word of three letters or more (capitalised, or a sure given name in lower case: "kari123") with up to
#: four digits glued on, standing alone.
_GLUED = re.compile(r"(?<![\w@./:#\-])([A-ZÆØÅa-zæøå][a-zæøåäöüéè]{2,14})\d{1,4}(?![\w@]|[./:]\w)")
_LOWER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzæøåäöüéè")


def glued_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each given name glued to a number in ``text``."""
    found: list[tuple[int, int]] = []
    # Every match has a lower-case letter right before a digit, which can only be the first digit of a
    # run of digits (inside a run a digit follows a digit, a space, a dot or a dash): the message's runs
    # are found once for every recognizer (``text_facts``), so this costs a look at each run's start.
    if not any(run.start and text[run.start - 1] in _LOWER_LETTERS for run in text_facts(text).runs):
        return found
    table = word_flags()
    for m in _GLUED.finditer(text):
        flags = table.get(m.group(1).lower(), 0)
        if not flags & GIVEN or flags & (NOT_NAME | FUNCTION | SOFT):
            continue
        if m.group(1).lower() in _MODALS:
            continue  # a noun like "Hope" or "Stein" glued to digits is a handle; "Will2", "Kan3" may be anything
        if m.group(1).islower() and (not flags & WELL_KNOWN or flags & (AMBIGUOUS | COMMON)):
            continue  # in lower case only a sure given name: "kari123" is a handle, "stein2" or "bil3" a thing
        found.append(m.span(1))
    return found


#: Modal verbs and prepositions that are given names too.
_MODALS = frozenset({"will", "may", "can", "must", "shall", "kan", "vil", "skal", "har", "per"})


#: A lower-case word glued to a capitalised one: "hilsenOla", "heterLine".
_CUE_GLUED = re.compile(r"(?<![^\W\d_])([a-zæøå]{2,12})([A-ZÆØÅ][a-zæøåäöüéè]{1,20})(?![^\W\d_]|\d)")
_UPPER_INSIDE = re.compile(r"[a-zæøå][A-ZÆØÅ]")


@functools.cache
def _strong_cue_words() -> frozenset[str]:
    """The last words of the strong cues ("heter", "hilsen", "mvh", "regards"): what a name follows."""
    return frozenset(last for last, cues in person_cues().items() if any(c.kind == "strong" for c in cues))


def glued_cue_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name glued to the strong cue before it: "hilsenOla", "jeg heterLine Marie"."""
    found: list[tuple[int, int]] = []
    if _UPPER_INSIDE.search(text) is None:
        return found
    cues = _strong_cue_words()
    table = word_flags()
    for m in _CUE_GLUED.finditer(text):
        if m.group(1) not in cues:
            continue
        low = m.group(2).lower()
        flags = table.get(low, 0)
        if flags & (NOT_NAME | FUNCTION):
            continue
        if not flags & NAME and (flags & COMMON or len(low) < 3 or wordlike(low) or near_frequent_word(low)):
            continue
        found.append(m.span(2))
    return found
