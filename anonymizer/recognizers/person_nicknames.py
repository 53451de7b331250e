"""PERSON, continued: a short form of a name with the full given name in brackets after it.

Why: a writer who uses a nickname often adds the full name in brackets ("kris (kristoffer) skal ha
kort", "Tom (Thomas) Berg"); a word that is the start of the listed given name right after it in
brackets is that person's short name, even where the lists know it as a word or a modal ("will
(william)", "ben (benjamin)"). Nothing else is written as the start of a name with the name after it.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import GIVEN, NOT_NAME, word_flags
from anonymizer.recognizers._tokens import Tokens, fold
from anonymizer.recognizers.person_context import SCORE_KNOWN_LOWER

#: The short form has at least this many letters ("jo (johanne)"), and the full name at least one more.
_MIN_SHORT = 2


def nickname_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of a short form right before "(" and a listed given name it starts, and of
    that name when no rule found it."""
    low = toks.low
    for j in range(len(low) - 1):
        if toks.gap(j) != " (" or toks.text[toks.end[j + 1] : toks.end[j + 1] + 1] != ")":
            continue
        short, full = fold(low[j]), fold(low[j + 1])
        if len(short) < _MIN_SHORT or len(full) <= len(short) or not full.startswith(short):
            continue
        flags = word_flags().get(low[j + 1], 0)
        if not flags & GIVEN or flags & NOT_NAME or word_flags().get(low[j], 0) & NOT_NAME:
            continue
        if not covered[j]:
            yield j, j, SCORE_KNOWN_LOWER  # "will (william)"
        if not covered[j + 1]:
            yield j + 1, j + 1, SCORE_KNOWN_LOWER
