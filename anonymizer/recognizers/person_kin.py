"""A capitalised word that a kin noun and a possessive name: "Our son Sky is turning 18", "My wife Nok
will be at home", "kompisen min Bror 250 kr", "Sky, our son, ...".

Why: ``person_roles.after_kin`` takes a name after a word for a relative, but only a word that may be a
name by itself (``person_context.candidate_score``). Given names that are everyday words of English or
Norwegian ("Sky", "Nok", "Bror", "River") are refused there, or lose to an amount after them ("Even 2k",
read as a unit). With both a kin noun and a possessive ("our son", "kompisen min") the capitalised word
after them can only be that person's name, when a verb, an amount or the end of the clause follows it.
"""

from __future__ import annotations

import functools

from anonymizer.recognizers._gazetteer import COMMON, FOREIGN, FUNCTION, GIVEN, NAME, NOT_NAME, SOFT, SURNAME
from anonymizer.recognizers._tokens import CAP, LOWER, Tokens, closed
from anonymizer.recognizers.person_roles import _NORWEGIAN_VERBS, amount_after
from anonymizer.recognizers.person_words import (
    _MODAL,
    _MY,
    _SUBJECT_VERBS,
    Relations,
    _title_case,
    _word,
    in_law,
    plain_gap,
    relations,
)

#: Kin nouns that are roles a firm can have too: "vår rådgiver Sparebank", "my landlord Obos".
_ROLES = frozenset(
    {"adviser", "advisor", "advokat", "advokaten", "attorney", "boss", "lawyer", "rådgivaren", "rådgiver",
     "rådgiveren", "saksbehandler", "saksbehandleren", "sjef", "sjefen", "landlord", "landlady", "leietaker",
     "tenant", "utleier", "utleieren", "utleigar", "utleiar", "utleigaren", "husverten", "huseieren",
     "huseigaren", "partner", "verge", "vergen", "nabo", "naboen", "neighbour", "colleague", "kollega",
     "kollegaen", "coworker"}
)  # fmt: skip


@functools.cache
def kin_or_my() -> frozenset[str]:
    """The words one of which stands next to a name this rule takes (the gate's cheap first test)."""
    return frozenset(relations().kin | _MY)


def _kin_pair(toks: Tokens, a: int, b: int, rel: Relations) -> bool:
    """Words ``a`` and ``b`` are a possessive and a kin noun in either order ("our son", "kompisen min")."""
    first, second = _word(toks, a), _word(toks, b)
    return plain_gap(toks, a) and ((first in _MY and second in rel.kin) or (first in rel.kin and second in _MY))


def kin_named(toks: Tokens, j: int, rel: Relations) -> bool:
    """Capitalised word ``j`` inside a sentence comes right after a kin noun with its possessive ("our
    son Sky is", "kompisen min Bror 250 kr") or right before one set off by a comma ("Sky, our son,"),
    and a verb, an amount or the end of the clause follows it."""
    if toks.shape[j] != CAP or toks.initial[j] or _title_case(toks):
        return False
    low = toks.low[j]
    given_kin = low in rel.kin and toks.flags[j] & GIVEN  # "kompisen min Bror": a given name too; not "Mum"
    if (not given_kin and (low in rel.kin or low in rel.pronoun)) or low in _MY or low in rel.self_:
        return False
    if not toks.flags[j] & NAME and (_word(toks, j - 1) in _ROLES or _word(toks, j - 2) in _ROLES):
        return False  # "vår rådgiver Sparebank har": an adviser or a landlord may be a firm
    if j + 2 < len(toks.low) and toks.gap(j) == ", " and _kin_pair(toks, j + 1, j + 2, rel):
        # "Sky, our son, is turning 18": the apposition closes too; not "in Philippines, my mom Rosalinda"
        return closed(toks, j + 2)
    if j < 2 or not plain_gap(toks, j - 1) or not (_kin_pair(toks, j - 2, j - 1, rel) or _my_in_law(toks, j)):
        return False
    if j + 1 >= len(toks.low) or closed(toks, j) or toks.gap(j).strip(" ") == "," or amount_after(toks, j):
        return True
    after = toks.low[j + 1]
    return plain_gap(toks, j) and (after in _SUBJECT_VERBS or after in _MODAL or after in rel.speech)


def plain_given(toks: Tokens, j: int) -> bool:
    """ "vesla mi, ho eir, ska ha konto", "han torgeir ska ha 500", "advokaten, han fjeldstad, sier": after a
    dialect article, a given name or a surname in lower case that is no everyday word, set off by a comma
    or before a verb of the clause (not "han sie han", where the word is dialect for a verb)."""
    flags = toks.flags[j]
    if (
        toks.shape[j] != LOWER
        or not flags & (GIVEN | SURNAME)
        or flags & (COMMON | SOFT | FOREIGN | NOT_NAME | FUNCTION)
    ):
        return False
    return j + 1 < len(toks.low) and (toks.gap(j).startswith(",") or toks.low[j + 1] in _NORWEGIAN_VERBS)


def _my_in_law(toks: Tokens, j: int) -> bool:
    """A possessive and an in-law written apart stand right before word ``j``: "my son in law Will"."""
    first = in_law(toks, j - 1)
    return first > 0 and _word(toks, first - 1) in _MY and plain_gap(toks, first - 1)
