"""PERSON, continued: a lower-case name written surname first, told by the surname's foreign form.

Why: writers from countries where forms and registers put the surname first write their name that way
in chat too, and in lower case ("kowalska anna", "petrenko olena", "jonsdottir sigrun"). The cue-less
rule for lower-case full names (``person_uncued.lower_full_name``) reads a given name and then a
surname; the other order is left, because "hansen per" may be two words of a list. A surname whose
ending belongs to another language's surnames (Polish -ska/-ski/-wicz, Ukrainian -enko, Russian
-ova/-ev, Icelandic -dottir/-sson, Lithuanian -auskas) is no Norwegian or English word, and before a
listed given name, the two closing their clause, it is a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NOT_NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import LOWER, Tokens, closed, opens_clause

#: Surname endings of other languages, no Norwegian or English word's (at least five letters in all).
_ENDINGS = (
    "ska|ski|cka|cki|wicz|enko|chuk|ova|eva|yeva|sson|dottir|dóttir|ović|ovic|auskas|ienė|aitė|poulos"
    "|oglu|oğlu|zadeh|yan"
)
_FOREIGN_SURNAME = re.compile(rf".{{2,}}(?:{_ENDINGS})$")
#: Any word with such an ending, followed by a space: the quick test before the rule.
_ENDING = re.compile(rf"(?:{_ENDINGS}) ")
#: Score of a name found by its surname's form (as a lower-case full name's).
SCORE_SURNAME_FIRST = 0.7


def surname_first_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of each "surname given-name" pair in lower case that opens and closes its
    clause, the surname known by its foreign ending, the given name listed."""
    if _ENDING.search(toks.text) is None:
        return  # no word ends like a foreign surname (one scan of the text instead of a test per word)
    low = toks.low
    for k in range(len(low) - 1):
        if covered[k] or covered[k + 1] or toks.shape[k] != LOWER or toks.shape[k + 1] != LOWER:
            continue
        if _FOREIGN_SURNAME.match(low[k]) is None or toks.gap(k) != " ":
            continue
        if word_flags().get(low[k], 0) & (COMMON | FUNCTION | NOT_NAME):
            continue  # "polska", "ferska": a word, not a surname
        given = word_flags().get(low[k + 1], 0)
        if not given & GIVEN or given & (FUNCTION | NOT_NAME | SOFT) or len(low[k + 1]) < 3:
            continue
        if opens_clause(toks, k) and closed(toks, k + 1):  # "hi. kowalska anna.", "navn: petrenko olena"
            yield k, k + 1, SCORE_SURNAME_FIRST
