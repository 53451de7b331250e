"""PERSON, continued: the value of a name field that fills its line ("Fra: Liv", "Name on card: WILL HARTLEY").

Why: forms, e-mail headers and pasted card details put a name alone after a label and a colon, and
nothing else on the line. There the value is the name whatever else its words are: a given name that is
also a word ("Fra: Liv", "To: Will"), a surname in no list ("Name on card: WILL HARTLEY", where the cue
rules doubt a shouted word they cannot look up). The label must open its line, the value must fill the
rest of it, and every word must be a listed name or a word in no list, in one case (capitalised or
capitals), so that "Til: Kundeservice", "Fra: Oslo", "Name: see attached" stay what they are. A surname,
a comma and a given name ("til: bakken, tone") is a name in any case: only names are written that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import (
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    near_frequent_word,
    word_flags,
)
from anonymizer.recognizers._tokens import LOWER, Tokens, wordlike

SCORE_FIELD = 0.7

#: Labels of a name field, as the words before the colon (lower case).
_LABELS = frozenset(
    {("name",), ("navn",), ("namn",), ("full", "name"), ("fullt", "navn"), ("fornavn",), ("etternavn",),
     ("first", "name"), ("last", "name"), ("surname",), ("name", "on", "card"), ("name", "on", "account"),
     ("navn", "på", "kort"), ("navn", "på", "kortet"), ("cardholder",), ("card", "holder"), ("kortholder",),
     ("kortinnehaver",), ("kontoinnehaver",), ("account", "holder"), ("account", "name"), ("kontohaver",),
     ("fra",), ("frå",), ("from",), ("til",), ("to",), ("avsender",), ("sender",), ("mottaker",),
     ("recipient",), ("beneficiary",), ("payee",), ("kontaktperson",), ("contact",), ("attn",), ("signert",),
     ("signed",), ("underskrift",),
     # the parties of an estate, a power of attorney or a loan, as its forms list them ("ARVING: ELSE
     # MARIE BERG STRAND", "Avdøde: Johannes Berg", "Fullmektig: Kari Lie", "Medlåntakar: Ola Vik")
     ("avdøde",), ("avdød",), ("arving",), ("arvingar",), ("arvinger",), ("arvtaker",), ("deceased",), ("heir",),
     ("fullmektig",), ("fullmaktshavar",), ("fullmektige",), ("verge",), ("guardian",), ("låntaker",),
     ("låntakar",), ("medlåntaker",), ("medlåntakar",), ("kausjonist",), ("borrower",), ("co", "borrower"),
     ("co-borrower",), ("guarantor",)}
)  # fmt: skip
#: Labels that also head lines about places or offices ("Fra: Oslo", "Til: Kundeservice"): a single word
#: after them that is also an everyday word must at least be a given name ("Fra: Liv", not "Til: Post").
_ROUTING = frozenset({("fra",), ("frå",), ("from",), ("til",), ("to",)})
_LONGEST_LABEL = 3
_MAX_WORDS = 4


#: What may follow the name on its line: the sender's address, as mail headers write it ("From: Ola Nordmann
#: <ola@example.com>"); the tokenizer leaves the address out of the words.
_ADDRESS_AFTER = re.compile(r"[<(\[]?[^\s<>()\[\]@]+@[^\s<>()\[\]@]+[>)\]]?")


def field_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) word of each name that fills a field line after its label."""
    text = toks.text
    n = len(toks.low)
    for j in range(1, n):
        gap = toks.gap(j - 1)
        if ":" not in gap or gap.strip(" \t") != ":" or "\n" in gap:
            continue
        label = _label(toks, j - 1)
        if label is None:
            continue
        line_end = text.find("\n", toks.start[j])
        line_end = len(text) if line_end < 0 else line_end
        last = j
        while last + 1 < n and toks.start[last + 1] < line_end:
            last += 1
        rest = text[toks.end[last] : line_end].strip(" \t.,")
        if last - j >= _MAX_WORDS or (rest and not _ADDRESS_AFTER.fullmatch(rest)) or all(covered[j : last + 1]):
            continue
        if _name_words(toks, j, last, routing=label in _ROUTING) or _surname_first(toks, j, last):
            yield j, last


def _label(toks: Tokens, k: int) -> tuple[str, ...] | None:
    """The name-field label that ends at word ``k`` and opens its line, or None."""
    for size in range(1, _LONGEST_LABEL + 1):
        first = k - size + 1
        if first < 0:
            break
        if first > 0 and "\n" not in toks.gap(first - 1):
            continue
        words = tuple(toks.low[first : k + 1])
        if words in _LABELS and all(toks.gap(m) == " " for m in range(first, k)):
            return words
    return None


def _name_words(toks: Tokens, j: int, last: int, *, routing: bool) -> bool:
    """Words ``j``..``last`` are one name: one case, single spaces (or an initial's full stop), each a
    listed name (flags before a closed-class word's name was stripped: "WILL") or a word in no list."""
    table = word_flags()
    shape = toks.shape[j]
    if shape == LOWER:
        return False
    listed = 0
    for k in range(j, last + 1):
        low = toks.low[k]
        if k > j and toks.gap(k - 1) not in (" ", ". "):
            return False
        if len(low) == 1:
            if toks.shape[k] == LOWER or k == last:
                return False
            continue  # an initial: "Name: KARI M NORDMANN"
        if toks.shape[k] != shape and not toks.flags[k] & PARTICLE:
            return False
        flags = table.get(low, toks.flags[k])
        if flags & (NOT_NAME | SOFT) or is_cue_word(low):
            return False
        if flags & NAME:
            listed += 1
            if routing and last == j and flags & COMMON and not flags & GIVEN:
                return False  # "Til: Post"
        elif flags & (COMMON | PARTICLE) or len(low) < 3 or wordlike(low) or near_frequent_word(low):
            return False
    return listed > 0 or last > j


def _surname_first(toks: Tokens, j: int, last: int) -> bool:
    """ "til: bakken, tone", "Mottaker: Berg, Liv": a surname, a comma and a given name, as registers and
    bank lists write a name, in one case (lower case too). The order is a name's only; the field says
    whose: so the given name may be an everyday word ("tone") and the surname the word of a farm."""
    if last != j + 1 or toks.gap(j) != ", " or toks.shape[j] != toks.shape[last]:
        return False
    surname, given = toks.flags[j], toks.flags[last]
    if surname & (NOT_NAME | SOFT | FUNCTION) or given & (NOT_NAME | SOFT | FUNCTION):
        return False
    return bool(surname & SURNAME and given & GIVEN) and not (is_cue_word(toks.low[j]) or is_cue_word(toks.low[last]))


#: "Lier til etternavn", "Moe som etternamn": the words after a word that say it is the name.
_AS_NAME = frozenset({"etternavn", "etternamn", "fornavn", "fornamn", "mellomnavn", "mellomnamn", "surname"})


def stated_as_name(toks: Tokens, j: int) -> bool:
    """ "Jeg heter Lier til etternavn", "Eg heiter Moe som etternamn": the writer says the word is their
    name, a place or an everyday word though it is (a field in running text)."""
    after = toks.low[j + 1 : j + 3]
    return len(after) == 2 and after[0] in ("til", "te", "som", "as") and after[1] in _AS_NAME and toks.gap(j) == " "
