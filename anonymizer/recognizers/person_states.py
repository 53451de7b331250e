"""Names that what is said about them gives away: being ill or dead, being put on a loan, having got
something, or who a phrase means, in brackets after it. Relations for ``person_context._RULES``
(``ill_or_gone``, ``holds_role``, ``put_on``, ``bracketed``) and for
its fallback on months and modal verbs (``has_got``).

Why: a customer who writes for someone else says why ("TONE ER SYK. JEG SKRIVER FOR HENNE", "Per er
død"; "far er innlagt" names no one: kin and pronouns are left out), and one who adds someone to a loan
or an account names them in the middle of the sentence ("e d mulig å få liv inn på lånet", "kan vi ta
Dag med på kontoen"). Storms and lives are not ill, dead or put on a loan, so the sentence vouches for a
name that is also a word, in any case and in all-capitals messages too, where capitals say nothing.
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import FUNCTION, NAME, NOT_NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import CAP, Tokens
from anonymizer.recognizers.person_words import Relations, _word, plain_gap

_IS = frozenset({"er", "e", "is", "was", "var", "va", "ble", "blei", "vart", "has", "har", "hass", "been", "vært"})
_ADVERB = frozenset({"nå", "no", "now", "fortsatt", "still", "veldig", "very", "dessverre", "sadly", "blitt", "been"})
#: What only a person is: ill, dead, in hospital, away, unable to come.
_STATES = frozenset(
    {"syk", "sjuk", "sykt", "døde", "død", "daud", "innlagt", "dement", "sykmeldt", "sjukmeldt", "gravid",
     "bortreist", "sengeliggende", "pleietrengende", "umyndiggjort", "sick", "ill", "dead",
     "deceased", "hospitalised", "hospitalized", "pregnant", "unwell", "passed"}
)  # fmt: skip
#: The clause opens before the name: the sentence's start, or one of these.
_OPENERS = frozenset({"at", "fordi", "siden", "som", "that", "because", "since", "og", "and", "men", "but"})


def _listed(toks: Tokens, j: int, rel: Relations) -> bool:
    low = toks.low[j]
    flags = word_flags().get(low, 0)
    return bool(flags & NAME) and not flags & (NOT_NAME | FUNCTION) and low not in rel.kin and low not in rel.pronoun


def ill_or_gone(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "TONE ER SYK", "per er død", "Dag ble innlagt i går": a listed name opening its clause, then
    "is" (perhaps "now" or "still") and a state only a person is in."""
    if _word(toks, j + 1) not in _IS or not (toks.initial[j] or _word(toks, j - 1) in _OPENERS):
        return False
    k = j + 2
    if _word(toks, k) in _ADVERB:
        k += 1
    if _word(toks, k) not in _STATES or not all(plain_gap(toks, m) for m in range(j, k)):
        return False
    return _listed(toks, j, rel)


#: Round 37. A part only a person plays in an account, a loan, a firm or an estate: "at Per ikkje lenger er
#: medeigar", "Stein er kausjonist", "Dag is no longer a co-owner". A stone or a day owns no share of a firm
#: and guarantees no loan, so the part vouches for a name that is also a word, as a state does above.
_ROLES = frozenset(
    {"medeier", "medeigar", "deleier", "deleigar", "medinnehaver", "kausjonist", "kausjonisten",
     "garantist", "medlåntaker", "medlåntakar", "medlåner", "medlåntakeren", "låntaker", "låntakar",
     "medsøker", "medsøkar", "fullmektig", "disponent", "medkontohaver", "kontohaver", "arving", "arvingen",
     "co-owner", "coowner", "co-signer", "cosigner", "co-borrower", "guarantor", "heir"}
)  # fmt: skip
#: Negations and adverbs that may stand on either side of the verb: "at Per ikkje lenger er", "is no longer a".
_ROLE_ADVERBS = frozenset(
    {"ikke", "ikkje", "ikkj", "itj", "ikk", "lenger", "lengre", "lenge", "fortsatt", "framleis", "enno", "ennå",
     "også", "not", "no", "longer", "still", "also", "now", "nå", "a", "an", "the", "en", "ein", "ei"}
)  # fmt: skip


def holds_role(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Eg vil melde at Per ikkje lenger er medeigar", "Stein er kausjonist på lånet": a listed name opening
    its clause (the sentence's start, or "at", "som", "because" ...), then "is" with at most three
    negations or adverbs around it, then a part only a person plays (co-owner, guarantor, heir)."""
    if not (toks.initial[j] or _word(toks, j - 1) in _OPENERS):
        return False
    k, seen_is = j + 1, False
    while k < j + 6 and (_word(toks, k) in _ROLE_ADVERBS or (not seen_is and _word(toks, k) in _IS)):
        seen_is = seen_is or _word(toks, k) in _IS
        k += 1
    if not seen_is or _word(toks, k) not in _ROLES or not all(plain_gap(toks, m) for m in range(j, k)):
        return False
    return _listed(toks, j, rel)


#: "få liv inn på lånet", "ta Dag med på kontoen", "sette per opp på kortet", "få Sol ut av lånet".
_PUT = frozenset(
    {"få", "fått", "ha", "ta", "tatt", "legge", "lagt", "sette", "satt", "melde", "skrive", "føre", "add", "put",
     "take", "get", "have", "melder", "meldte", "tar", "legger", "setter", "skriver"}
)  # fmt: skip
#: The subject between an inverted verb and the name: "hvordan melder jeg per ut av kontoen".
_SUBJECT = frozenset({"jeg", "eg", "æ", "vi", "me", "du", "dere", "dokker", "i", "we", "you"})
#: Words between the particle and the thing: "ut av den felles kontoen", "off our joint account".
_DETERMINER = frozenset({"the", "my", "our", "min", "mitt", "vår", "vårt", "den", "det", "felles", "joint", "shared"})
_IN = frozenset({"inn", "med", "til", "ut", "opp", "on", "onto", "off"})
_ON = frozenset({"på", "i", "av", "fra", "frå", "to", "from"})
_THINGS = ("lånet", "kontoen", "kortet", "avtalen", "konto", "lån", "loan", "account", "card", "mortgage")


def put_on(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "e d mulig å få liv inn på lånet", "take will off the account": someone put on or taken off a
    loan, an account or a card (a name between the verb and its particle, then the thing)."""
    english = _word(toks, j + 1) in ("off", "onto")  # "take rose off our account": no preposition after
    if _word(toks, j + 1) not in _IN or not (english or _word(toks, j + 2) in _ON):
        return False
    verb = j - 2 if _word(toks, j - 1) in _SUBJECT else j - 1  # "melder jeg per ut av": the verb inverted
    if _word(toks, verb) not in _PUT:
        return False
    k = j + 2 if english else j + 3
    while k < j + 5 and _word(toks, k) in _DETERMINER:
        k += 1
    if not _word(toks, k).endswith(_THINGS) or not all(plain_gap(toks, m) for m in range(verb, j + 2)):
        return False
    return _listed(toks, j, rel)


_HAVE = frozenset({"har", "hadde", "has", "have", "had", "hev"})
#: What a person has got or done: "har ask fått svar", "has may signed".
_GOT = frozenset({"fått", "fatt", "fåt", "got", "received", "signert", "signed", "svart", "answered", "betalt", "paid"})


def has_got(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "har ask fått svar på søknaden?", "Har mai fått pengene?": a question opened by "has", whose
    subject is a name (here one that is also a month, a place or a modal verb) that has got something."""
    have = j - 1
    if _word(toks, j + 1) not in _GOT or _word(toks, have) not in _HAVE:
        return False
    if not (toks.initial[have] or _word(toks, have - 1) in ("om", "if", "whether", "hvis")):
        return False
    return plain_gap(toks, have) and plain_gap(toks, j) and _listed(toks, j, rel)


#: Talking with someone: "so i was talking to grace and she says", "eg prata med stein i går".
_TALK = frozenset(
    {"talking", "talked", "talk", "spoke", "speaking", "chatting", "chatted", "snakket", "snakka", "snakker",
     "prata", "pratet", "prater", "prate", "snakke"}
)  # fmt: skip
_TALK_TO = frozenset({"to", "with", "med", "me"})


def talked_with(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "i was talking to grace and she says", "eg prata me sol i går": whom the writer talked with, or
    wants to reach ("får du tak i Bill?", "get hold of Rose"), a listed name (the sun and stones do not
    talk)."""
    if _word(toks, j - 1) in _HOLD_OF and _word(toks, j - 2) == _HOLD_OF[_word(toks, j - 1)]:
        reached = _word(toks, j - 3) in _GET or _word(toks, j - 4) in _GET  # "får du tak i", "get hold of"
        return reached and all(plain_gap(toks, m) for m in range(j - 3, j)) and _listed(toks, j, rel)
    if _word(toks, j - 1) not in _TALK_TO or _word(toks, j - 2) not in _TALK:
        return False
    return plain_gap(toks, j - 2) and plain_gap(toks, j - 1) and _listed(toks, j, rel)


#: Reaching someone: "får du tak i Grace?", "can you get hold of Bill".
_HOLD_OF = {"i": "tak", "of": "hold"}
_GET = frozenset({"få", "får", "fått", "fikk", "fekk", "get", "got", "getting"})


def bracketed(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Den gamle (Rune) skal ikke lenger ha tilgang", "kontaktpersonen (Hilde)": a capitalised listed
    name alone in brackets, after words it says who they mean (round 40). Months, places and brands are
    never alone in brackets as someone ("(Mai)" is soft, "(Visa)" no name)."""
    start, end = toks.start[j], toks.end[j]
    if toks.shape[j] != CAP or start < 2 or toks.text[start - 1 : start] != "(" or toks.text[end : end + 1] != ")":
        return False
    if _word(toks, j - 1).endswith(_FIRM_NOUNS):
        return False  # "Utleieselskapet (Hertz)", "appen (Max)": a firm's or a product's name
    return _listed(toks, j, rel) and not word_flags().get(toks.low[j], 0) & SOFT


#: What names a firm, a shop or a product, not a person, when a name in brackets follows it.
_FIRM_NOUNS = (
    "selskapet", "selskap", "firmaet", "firma", "banken", "appen", "butikken", "kjeden", "tjenesten", "merket",
    "company", "firm", "bank", "app", "shop", "store", "service", "brand",
)  # fmt: skip
