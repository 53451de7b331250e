"""PERSON, continued: a family named by its surname in a compound, "Hansen-familien", "the Olsen-family".

Why: Norwegian joins a surname to the word for the family, its children or its estate with a hyphen
("nabokrangel med Hansen-familien", "Olsen-ungene", "Dahl-dødsboet"). The tokenizer keeps the compound one
word, which no list holds and which reads as a word with a hyphen, so the surname in it went unseen. The
surname part alone is redacted (the family word says nothing about who they are). Only a capitalised
first part that is a listed surname or given name, and no place or brand ("Oslo-familien"); a word in no
list, or a listed name that is also a word, stays out ("Host-familien" is a host family).
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import AMBIGUOUS, FUNCTION, NAME, NOT_NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import Tokens

SCORE_FAMILY = 0.6

#: The words for a family, its members together or its estate, after the hyphen.
_FAMILY_WORDS = frozenset(
    {"familien", "familie", "familia", "familiane", "family", "slekta", "slekten", "klanen", "gutta", "guttene",
     "jentene", "jentenes", "barna", "ungene", "ungan", "søsknene", "brødrene", "søstrene", "dødsboet",
     "boet", "kids", "boys", "girls", "brothers", "sisters", "estate", "household"}
)  # fmt: skip


def family_names(toks: Tokens) -> Iterator[tuple[int, int]]:
    """(start, end) of the surname in each "Surname-family" compound of the message."""
    table = word_flags()
    for k, low in enumerate(toks.low):
        head, _, tail = low.rpartition("-")
        if not head or tail not in _FAMILY_WORDS or "-" in head or len(head) < 2:
            continue
        start = toks.start[k]
        if not toks.text[start].isupper():
            continue  # "kjerne-familien", "vert-familien": a word, in lower case
        flags = table.get(head, 0)
        if flags & (NOT_NAME | SOFT | FUNCTION):
            continue  # "Oslo-familien", "Bergen-gutta": a place
        # a name that is an everyday word too is the word: "Host-familien" (a host family), "Kjerne-"
        if flags & NAME and not flags & AMBIGUOUS:
            yield start, start + len(head)  # "Hansen-familien", "Olsen-ungene"
