"""PERSON, continued: a name in passport order, the surname in capitals and the given names not.

Why: passports, residence cards and foreign bank forms print the surname first and in capitals
("KRAVCHUK Olena", "ABRAHA Tsegay Gebreyesus"), and newcomers copy their name that way. The rules that
carry a name over its next words want one case throughout, so they stop at the change of case and take
only the part they know: the given name after a surname in no list, or the surname before given names
in no list. The change of case inside one run of names is itself the passport's mark, so a word in
capitals right before a found name in ordinary case is its surname, and a capitalised word right after a
found surname in capitals is a given name, when the word could be a name at all (listed as one, or in
no list and no word, no typo of a frequent word and no acronym). Not in a message written all in
capitals, where capitals mark nothing.
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    near_frequent_word,
)
from anonymizer.recognizers._tokens import CAP, UPPER, Tokens, unknown_name_word
from anonymizer.recognizers.person_caps import unlisted_caps
from anonymizer.recognizers.person_words import shouting

#: Given names a passport may print after the surname.
_MAX_GIVEN = 3
_NOT_SURE = AMBIGUOUS | COMMON | FUNCTION | NOT_NAME | PARTICLE | SOFT


def passport_order(toks: Tokens, first: int, last: int, covered: list[bool]) -> tuple[int, int]:
    """The words of the name found at ``first..last``, with its passport-order surname or given names."""
    shapes = {toks.shape[k] for k in range(first, last + 1)}
    if len(shapes) != 1 or shouting(toks):
        return first, last
    if shapes == {CAP}:
        k = first - 1
        if k >= 0 and not covered[k] and toks.gap(k) == " " and toks.shape[k] == UPPER and _surname_caps(toks, k):
            return k, last  # "Navn: KRAVCHUK Olena"
    elif shapes == {UPPER}:
        k = last + 1
        while k < len(toks.low) and k - last <= _MAX_GIVEN and toks.gap(k - 1) == " " and _given_word(toks, k):
            k += 1
        return first, k - 1  # "til GHEBREMARIAM Tesfaldet"
    return first, last


def _surname_caps(toks: Tokens, k: int) -> bool:
    """Word ``k`` in capitals is a listed name that is no word, or a surname in no list ("KRAVCHUK")."""
    flags = toks.flags[k]
    if flags & NAME and flags & (SURNAME | GIVEN) and not flags & _NOT_SURE:
        return len(toks.low[k]) >= 3
    return unlisted_caps(toks, k)


def _given_word(toks: Tokens, k: int) -> bool:
    """Word ``k`` is capitalised and a listed name that is no word, or a word in no list that reads as a name."""
    if toks.shape[k] != CAP:
        return False
    flags = toks.flags[k]
    if flags & NAME:
        return not flags & _NOT_SURE
    return unknown_name_word(toks, k) and not near_frequent_word(toks.low[k], chat_only=True)
