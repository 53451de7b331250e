"""PERSON, continued: a listed surname right after the noun "etternavnet"/"surname", ending its clause.

Why: "og etternavnet lie", "surname bush." name the surname with no verb between, as people do when they
add it after the given name; the cue rules take a word after "etternavnet er" but refuse an everyday
word without the verb. Nothing but the surname itself ends a clause right after that noun, so a listed
surname there is one, also when it is a word ("strand", "lie", "bush"); not a closed-class word
("etternavnet mitt"), and not where the clause goes on ("surname field is empty").
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import FUNCTION, NOT_NAME, SURNAME
from anonymizer.recognizers._tokens import Tokens, closed
from anonymizer.recognizers.person_context import SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_words import plain_gap

#: The nouns for a surname, which the caller tests the message for first.
SURNAME_NOUNS = frozenset({"etternavnet", "etternamnet", "etternavn", "etternamn", "surname", "lastname"})


def surname_noun_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(word, word, score) of a listed surname right after a noun for a surname, closing its clause."""
    low = toks.low
    for j in range(1, len(low)):
        if covered[j] or low[j - 1] not in SURNAME_NOUNS or not plain_gap(toks, j - 1):
            continue
        flags = toks.flags[j]
        if not flags & SURNAME or flags & (FUNCTION | NOT_NAME) or is_pronoun(low[j]) or len(low[j]) < 2:
            continue
        if closed(toks, j):
            yield j, j, SCORE_KNOWN_LOWER  # "og etternavnet lie", "surname bush."
