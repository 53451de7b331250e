"""Who a person is to the writer: kin and roles ("bestefar Eilev", "samboeren min Kine"), a service
("Dag fra kundeservice"), someone called, asked, paid or visited ("ring Sol på ...", "spør Ask om",
"skylder kasia 1200", "hos Oscar"). Relation rules of ``person_context`` (its ``_RULES``), kept here so
that module stays one screenful of rules per kind.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, NAME, NOT_NAME, SOFT
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens, closed
from anonymizer.recognizers.person_words import (
    _GREETINGS,
    _IS,
    _MODAL,
    _MY,
    _SUBJECT_VERBS,
    AGE,
    Relations,
    _word,
    plain_gap,
)

#: Verbs of paying or owing that take the person as their object: "jeg skylder kasia 1200", "i paid mark 200".
_PAY_VERBS = frozenset(
    {"paid", "pay", "owe", "owes", "owed", "lent", "vippset", "vippsa", "betalte", "skylder", "skylde", "skyldte",
     "skyldar", "lånte", "swishade", "swishat", "gav", "ga"}
)  # fmt: skip
_AMOUNT_AFTER = re.compile(
    r" (?:kr\.? ?|nok ?|\$|€|£)?\d[\d .,]*(?:k\b|kr\b|,-)?(?!\s*(?:%|prosent|percent|uker?|dager?|døgn|måneder"
    r"|mnd|år|timer?|minutt|weeks?|days?|months?|years?|hours?|times|ganger|gang|stk|x\b))"
)


def pays(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "jeg skylder kasia 1200", "æ skylde biret 600", "i paid mark 200": the person, then the amount."""
    low = toks.low[j]
    return (
        j > 0
        and _word(toks, j - 1) in _PAY_VERBS
        and plain_gap(toks, j - 1)
        and not toks.flags[j] & SOFT
        and low not in rel.unit
        and low not in rel.kin
        and _AMOUNT_AFTER.match(toks.text, toks.end[j]) is not None
    )


#: "Dag fra kundeservice", "Liv i banken", "Will from customer service": someone of a service.
_OF = frozenset({"fra", "frå", "från", "from", "i", "hos", "at", "på", "in", "with"})
_SERVICES = frozenset(
    {"kundeservice", "kundeservicen", "kundesenter", "kundesenteret", "banken", "filialen", "kontoret",
     "avdelingen", "svindelavdelingen", "support", "supporten", "customer", "nav", "skatteetaten", "inkasso",
     "inkassoselskapet", "fraud", "lånekontoret", "bedriftsavdelingen", "bank", "service"}
)  # fmt: skip
_YOUR = frozenset({"the", "your", "dere", "deres", "dykk", "dykkar", "dokker", "jeres", "er", "era", "ert"})
_DEPARTMENT = ("avdelingen", "avdelinga", "avdelningen", "afdelingen", "kontoret", "kontor", "senteret", "banken")


def of_service(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Dag fra kundeservice sa ...", "Will from customer service called": a capitalised name that
    belongs to a service, which only a person does."""
    if toks.shape[j] == UPPER or _word(toks, j + 1) not in _OF or not plain_gap(toks, j):
        return False
    flags = toks.flags[j]
    opens = toks.initial[j] or _word(toks, j - 1) in _GREETINGS
    if toks.shape[j] == LOWER and not (flags & NAME and not flags & (COMMON | SOFT) and opens):
        return False  # in lower case a listed name opening the message: "hey sophie from customer service"
    k = j + 2
    if _word(toks, k) in _YOUR:
        k += 1
    if k + 1 < len(toks.low) and toks.shape[k] == CAP and _word(toks, k + 1) in _SERVICES | {"branch", "filial"}:
        k += 1  # "Mark from your Oslo branch", "Per fra jeres kontor i Oslo"
    service = _word(toks, k)
    return service in _SERVICES or service in ("branch", "filial") or service.endswith(_DEPARTMENT)


#: "Please call June on +47 919 33 270", "ring Sol på 412 34 567": someone to call at a number.
_CALL = frozenset({"call", "ring", "ringe", "ringa", "text", "contact", "kontakt", "kontakte", "sms"})
_ON = frozenset({"on", "at", "på", "pa", "på:"})


def called_at(toks: Tokens, j: int, rel: Relations) -> bool:
    if _word(toks, j - 1) not in _CALL or _word(toks, j + 1) not in _ON or toks.shape[j] == LOWER:
        return False
    rest = toks.text[toks.end[j + 1] : toks.end[j + 1] + 6].lstrip()
    return rest[:1].isdigit() or rest[:1] == "+" or rest[:1] == "("


def after_kin(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Bestefar Eilev vil ...", "samboeren min Kine", "adviser Marte": a capitalised word right after a
    word for a relative or a role is that person's name (a rare name near a frequent word included);
    in lower case a listed name before a verb: "dotra mi vår e myndig no"."""
    if j == 0 or toks.flags[j] & NOT_NAME:
        return False
    if toks.gap(j - 1).strip(" ") == "," and toks.shape[j] == CAP and _word(toks, j - 1) in rel.kin:
        # "Veslejenta, Idunn, har ...", "Ungane, Eir og Ask, skal ...": the name set off by commas
        return j + 1 >= len(toks.low) or toks.gap(j).strip(" ") == "," or _word(toks, j + 1) in rel.and_
    soft_ok = toks.shape[j] == CAP and _word(toks, j - 1) in _MY  # "søstra mi Frøya": a place-name too
    if not plain_gap(toks, j - 1) or (toks.flags[j] & SOFT and not soft_ok):
        return False
    if toks.shape[j] == LOWER:
        # "onkel oddleif å ...", "svigermor eldrid vil", "dotra mi vår e myndig", "sønnen min ask (7)": in
        # lower case the name must be followed by a verb, an age or the end; "naboen vår har" is "our".
        low = toks.low[j]
        owned = _word(toks, j - 1) in _MY  # "dotra mi vår": the possessive is said, the next word is the name
        if (low in _MY and not owned) or low in rel.pronoun or low in rel.self_ or toks.flags[j] & FUNCTION:
            return False
        nxt = _word(toks, j + 1)
        ends = j + 1 >= len(toks.low) or closed(toks, j) or AGE.match(toks.text, toks.end[j]) is not None
        verb = nxt in _IS or nxt in _SUBJECT_VERBS or nxt in _MODAL or nxt in rel.speech or nxt in rel.money
        if not (ends or verb or nxt in rel.and_ or nxt == "å"):  # "onkel oddleif å (og) ..."
            return False
    if j + 1 < len(toks.low) and toks.shape[j + 1] == CAP and not toks.flags[j + 1] & NAME and plain_gap(toks, j):
        return False  # "advokat Oslo Sentrum", "rådgiver Nordea Finans": a place or a firm
    before = _word(toks, j - 1)
    if before in _MY and j >= 2 and plain_gap(toks, j - 2):
        before = _word(toks, j - 2)  # "samboeren min Kine"
    return before in rel.kin


def at_home_of(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "festen var hos Oscar", "bor hos Liv": "hos" before a capitalised listed name is at someone's."""
    return (
        j > 0
        and toks.shape[j] == CAP
        and bool(toks.flags[j] & NAME)
        and toks.low[j - 1] in ("hos", "hjå", "hjemme hos")
        and plain_gap(toks, j - 1)
    )


#: "ask Ask in your mortgage team to call", "vil du spørre Ask om", "tell will that": someone asked or told.
_ASK = frozenset({"ask", "tell", "spør", "spørre", "spurte", "spurt", "fortell", "fortelle", "fortalte", "sei"})
_ASK_AFTER = frozenset({"if", "om", "about", "to", "å", "hvis", "whether", "at", "that", "in", "i", "from", "fra"})


def asked(toks: Tokens, j: int, rel: Relations) -> bool:
    return (
        j > 0
        and _word(toks, j - 1) in _ASK
        and bool(toks.flags[j] & NAME)
        and (toks.shape[j] != LOWER or not toks.flags[j] & SOFT)
        and plain_gap(toks, j - 1)
        and _word(toks, j + 1) in _ASK_AFTER
    )
