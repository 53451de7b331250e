"""PERSON: a capitalised name that is also a place or a month ("Jordan", "Sydney", "Kenya", "May"), where
the sentence makes it someone.

Why: such names are *soft* (``soft_names.txt``): alone they are read as the place or the date, and most
relation rules refuse them, because "sendt til Jordan" or "in May" is as likely a country or a month.
But people are named after places, and the writers say so the way they speak of anyone: a kin noun
before the name ("mamma Adelaide", "our daughter Sydney", "tvillinger, Florence og Austin"), a marriage
("gift med Kenya"), a payment for a service ("betalte Mai for barnevakt"), or a pronoun that takes the
name up again after it is the subject of a sentence or the party of a payment ("Jordan is travelling
... does he", "fekk 2 000 frå Jordan. Han er ..."). A place has no "she" and no babysitting; these are
the relations this module takes. Same-word places in the same message stay places
(``person_not_names.vetoed``: "Sofia er i Sofia").
"""

from __future__ import annotations

import itertools
import re

from anonymizer.recognizers._gazetteer import FUNCTION, NOT_NAME, SOFT
from anonymizer.recognizers._tokens import CAP, Tokens
from anonymizer.recognizers.person_roles import _PAY_VERBS, amount_after
from anonymizer.recognizers.person_words import (
    _GREETINGS,
    _IS,
    _MODAL,
    _MY,
    _SUBJECT_VERBS,
    Relations,
    _word,
    plain_gap,
)

#: Pronouns that take up a person named before them (not "her", which is Norwegian "here").
_BACK_REFERENCE = frozenset(
    {"he", "she", "him", "he's", "she's", "han", "hun", "ho", "hu", "hon", "henne", "ham", "honom", "hennar"}
)
_AND = frozenset({"og", "och", "and"})
#: Words after "is"/"er" that open a description, which a place is given as often as a person: "er et
#: land", "is my favourite city" (kin after "my" is taken first: "India is my business partner").
_DESCRIBED = _MY | frozenset({"en", "ei", "et", "a", "an", "the", "den", "det", "mitt", "så", "so", "very", "veldig"})
#: Verbs of going somewhere, which a place does not do: "Adelaide reiser til Roma", "Sydney drar".
_GOES = frozenset({"reiser", "drar", "dro", "flyr", "kjører", "travels", "goes", "went", "flies", "åker", "reser"})
#: Words of a marriage or engagement before the partner's name: "gift med Kenya", "married to Sydney".
_PARTNERED = frozenset({("gift", "med"), ("married", "to"), ("forlovet", "med"), ("engaged", "to"), ("gift", "på")})
#: Auxiliaries that open a question before its subject: "can Kenya be", "Is May allowed", "e Kenya kjem".
_ASKING = _MODAL | _IS | frozenset({"does", "did", "har", "has", "kjem", "kommer"})
#: Words after a subject in a question that make it a person's doing: "can Kenya be a co-signer".
_DOING = frozenset({"be", "bli", "få", "get", "allowed", "kjem", "kommer", "use", "bruke", "have", "ha", "open"})
#: Prepositions of a payment's parties: "fekk 2 000 frå Jordan", "sent 300 to Georgia".
_PARTY = frozenset({"til", "te", "to", "fra", "frå", "from", "från"})
#: An amount within a payment's clause, before its party ("fekk 2 000 frå", "sent $40 to").
_AMOUNT = re.compile(r"\d[\d .,]*(?:kr|nok|,-|k)?\s*\S*\s*$", re.IGNORECASE)


def namesake(toks: Tokens, j: int, rel: Relations) -> bool:
    """Capitalised word ``j``, a listed name that is also a place or a month, is a person here: after a
    kin noun or a marriage, paid for something, or taken up by a pronoun after it opens a clause or is
    a payment's party."""
    flags = toks.flags[j]
    if toks.shape[j] != CAP or not flags & SOFT or flags & NOT_NAME:
        return False
    if flags & FUNCTION and toks.initial[j]:
        return False  # "May I ...": a modal verb opening the sentence; "Is May allowed" is the au pair
    if j > 0 and _kin_before(toks, j, rel):
        return True
    if j >= 2 and (toks.low[j - 2], toks.low[j - 1]) in _PARTNERED and plain_gap(toks, j - 1):
        return True
    if _paid(toks, j) and toks.low[j + 1 : j + 2] == ["for"] and plain_gap(toks, j):
        return True  # "Betalte Mai for barnevakt", "pay April for babysitting"; not "betaler Mai 5000"
    if _said_kin(toks, j, rel):
        return True
    paid = _paid(toks, j) and amount_after(toks, j)  # "paid Jordan 400 kr ... he"
    return _referred_back(toks, j, rel) and (_subject(toks, j) or _party(toks, j) or paid)


def _kin_before(toks: Tokens, j: int, rel: Relations) -> bool:
    """A kin noun right before the name, or set off by a comma: "mamma Adelaide", "our daughter Sydney",
    "tvillinger, Florence og Austin"."""
    return _word(toks, j - 1) in rel.kin and toks.gap(j - 1) in (" ", ", ")


def _paid(toks: Tokens, j: int) -> bool:
    """A verb of paying right before the name: "Betalte Mai", "pay April"."""
    return j > 0 and _word(toks, j - 1) in _PAY_VERBS and plain_gap(toks, j - 1)


def _referred_back(toks: Tokens, j: int, rel: Relations) -> bool:
    """A pronoun for a person stands somewhere after the name, or the name's clause goes on with "og"
    and a verb only people do ("Jordan skal på ferie til Jordan og lurer på ...")."""
    low = toks.low
    return any(
        low[k] in _BACK_REFERENCE or (low[k] in _AND and k + 1 < len(low) and low[k + 1] in rel.speech)
        for k in range(j + 1, len(low))
    )


def _said_kin(toks: Tokens, j: int, rel: Relations) -> bool:
    """The name opens a sentence that says whose kin or partner it is, a word between: "India is my
    business partner", "Georgia er den eldste datteren min"."""
    if not toks.initial[j] or _word(toks, j + 1) not in _IS or not plain_gap(toks, j):
        return False
    words = [_word(toks, k) for k in range(j + 2, min(j + 6, len(toks.low)))]
    if words[:1] and words[0] in _MY:
        return any(w in rel.kin for w in words[1:3])  # "is my business partner"
    return any(w in rel.kin and nxt in _MY for w, nxt in itertools.pairwise(words))


def _subject(toks: Tokens, j: int) -> bool:
    """The name opens a sentence before a verb ("Jordan is travelling", "Paris är i"), or is the
    subject of a question ("can Kenya be", "Is May allowed", "e Kenya kjem")."""
    if j + 1 >= len(toks.low) or not plain_gap(toks, j):
        return False
    after = toks.low[j + 1]
    if after in _IS and _word(toks, j + 2) in _DESCRIBED:
        return False  # "Georgia er mitt drømmeland", "Kenya is a big country": what the place is like
    if toks.initial[j]:
        return after in _SUBJECT_VERBS or after in _MODAL or after in _IS or after in _GOES
    if j == 0 or toks.low[j - 1] not in _ASKING or not plain_gap(toks, j - 1):
        return False
    opens = toks.initial[j - 1] or (j >= 2 and toks.low[j - 2] in _GREETINGS)
    return opens and (after in _DOING or after in _SUBJECT_VERBS)


def _party(toks: Tokens, j: int) -> bool:
    """A payment's party: an amount before its preposition ("fekk 2 000 frå Jordan")."""
    if j < 2 or toks.low[j - 1] not in _PARTY or not plain_gap(toks, j - 1):
        return False
    window = toks.text[max(0, toks.start[j - 1] - 24) : toks.start[j - 1]]
    return _AMOUNT.search(window) is not None
