"""PERSON, continued: a name in a hyphenated compound: a family by its surname ("Hansen-familien", "the
Olsen-family"), or a person by the trade the village knows them by ("snekker-Per", "Maler-Ola") or by a
byname of age, size or kin ("gamle-Per", "vesle-Kari", "tante-Else").

Why: Norwegian joins a surname to the word for the family, its children or its estate with a hyphen
("nabokrangel med Hansen-familien", "Olsen-ungene", "Dahl-dødsboet"), and a given name to the trade of
the one who bears it ("ska betal te han snekker-Per fra Sogndal"). The tokenizer keeps the compound one
word, which no list holds and which reads as a word with a hyphen, so the name in it went unseen. The
name part alone is redacted (the family word or the trade says nothing about who they are).

A byname is a trade's case: "gamle", "vesle", "lille", "store", a kin word glued to a capitalised listed
given name; "Lille-Norge", "Gamle-Oslo" are places and "lille-julaften" a day, so neither counts.

For a family: only a capitalised first part that is a listed surname or given name, and no place or
brand ("Oslo-familien"); a word in no list, or a listed name that is also a word, stays out
("Host-familien" is a host family). For a trade: only a capitalised listed given name after it, which the
trade makes a name even when it is also a word ("snekker-Per"); "snekker-arbeid", "maler-jobben" are work.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    SOFT,
    SURNAME,
    word_flags,
)
from anonymizer.recognizers._tokens import LOWER, Tokens
from anonymizer.recognizers.person_words import relations

SCORE_FAMILY = 0.6

#: The words for a family, its members together or its estate, after the hyphen.
_FAMILY_WORDS = frozenset(
    {"familien", "familie", "familia", "familiane", "family", "slekta", "slekten", "klanen", "gutta", "guttene",
     "jentene", "jentenes", "barna", "ungene", "ungan", "søsknene", "brødrene", "søstrene", "dødsboet",
     "boet", "kids", "boys", "girls", "brothers", "sisters", "estate", "household"}
)  # fmt: skip


#: English names a family by its surname between "the" and the word for it: "the Berg family".
_ENGLISH_FAMILY = frozenset({"family", "family's", "families", "household"})


def family_names(toks: Tokens) -> Iterator[tuple[int, int]]:
    """(start, end) of the name in each "Surname-family" or "trade-Name" compound of the message, and
    in each "the Surname family"."""
    table = word_flags()
    if "amily" in toks.text or "ousehold" in toks.text:
        yield from _the_family(toks, table)
    if "-" not in toks.text:
        return
    rel = relations()
    for k, low in enumerate(toks.low):
        head, _, tail = low.rpartition("-")
        if not head or "-" in head or len(head) < 2:
            continue
        if head in rel.trade or head in rel.byname:
            start = toks.end[k] - len(tail)
            if toks.text[start].isupper() and _byname(table.get(tail, 0)):
                yield start, toks.end[k]  # "snekker-Per", "Rørlegger-Ola", "gamle-Per", "vesle-Kari"
            continue
        if tail not in _FAMILY_WORDS:
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


def _the_family(toks: Tokens, table: dict[str, int]) -> Iterator[tuple[int, int]]:
    """ "au pair for the Berg family", "the Storm family's house": a capitalised word between "the" and
    "family" is the family's surname, even when it is also a word ("berg", "storm"), as "familien Berg"
    is in Norwegian. Not an adjective or a nationality ("the Royal family", "the Norwegian family"): the
    word must be a listed name, or capitalised and in no word list ("the Kowalczyk family")."""
    for k in range(2, len(toks.low)):
        if toks.low[k] not in _ENGLISH_FAMILY or toks.low[k - 2] != "the":
            continue
        j = k - 1
        if toks.shape[j] == LOWER or toks.shape[k] != LOWER or toks.gap(j) != " " or toks.gap(j - 1) != " ":
            continue
        flags = table.get(toks.low[j], 0)
        if flags & (NOT_NAME | FUNCTION) or len(toks.low[j]) < 2:
            continue
        # a family is named by a surname: a given name that is also a word is the word ("the Royal family")
        if flags & SURNAME or (flags & NAME and not flags & AMBIGUOUS) or not flags & COMMON:
            yield toks.start[j], toks.end[j]


def _byname(flags: int) -> bool:
    """A given name that may follow a trade in a byname: listed, also when it is a word ("Per"), but no
    place, month or closed-class word ("snekker-Mai" would be the month's carpenter)."""
    return bool(flags & GIVEN) and not flags & (NOT_NAME | SOFT | FUNCTION)
