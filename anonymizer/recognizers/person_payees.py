"""The person a payment goes to or comes from: "sendt 300kr te stein på vipps", "kontoen til Hope".

Why a module of its own: paying someone is the relation bank chat states most often, and the payee's
name is as often a word ("per", "will", "jo", "frøya") typed in lower case. ``paid`` and ``owner`` are
the relations ``person_context`` has always used for listed names; ``lower_payee`` adds the names the
word lists hold only as closed-class words or as months and places, which ``candidate_score`` refuses
everywhere else: in lower case such a word is a name only right after the payment's preposition (or an
English verb of paying) and before what goes on about the payment ("to will by mistake", "pay will for
the car", "te jo på vipps", "til frøya (6439...)").
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import NAME, NOT_NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import LOWER, Tokens, closed, without_number_points
from anonymizer.recognizers.person_roles import amount_after
from anonymizer.recognizers.person_words import _ARTICLES, Relations, _word, plain_gap


def owner(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "kontoen til Hope", "kortet til sol"; not "konto til husleiga", what the account is for."""
    if toks.low[j] in rel.money:
        return False
    return _word(toks, j - 1) in rel.prep and _word(toks, j - 2) in rel.owned and not unit_after_word(toks, j, rel)


def paid(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "sendt 300kr te stein på vipps", "har lånt av liv", "fikk 1200kr fra en frank på vipps",
    "betalte 4500 te ein hope young", "fullmakt gitt til per h"."""
    before = _word(toks, j - 1)
    if toks.shape[j] == LOWER and (toks.low[j] in rel.unit or toks.low[j] in rel.money):
        return False  # "betalt regninga to gang": Norwegian "to" is two; "konto til husleiga": what for
    if before in rel.prep:
        prep = j - 1
    elif (before in _ARTICLES or (before == "ein" and toks.flags[j] & NAME)) and _word(toks, j - 2) in rel.prep:
        prep = j - 2  # "te ein hope young": nynorsk "ein" before a listed name only ("frå ein snikkar" is a noun)
    else:
        return False
    nearest = next(
        (
            k
            for k in range(prep - 1, max(-1, prep - 7), -1)
            if toks.low[k] in rel.money or toks.low[k] in rel.granted or _standing_payment(toks, k)
        ),
        None,
    )
    if nearest is None or sentence_between(toks, nearest, prep):
        return False
    return not unit_after_word(toks, j, rel) or amount_after(toks, j)  # "til dag 3", but "til liv 150kr"


#: Payments set up to recur, named by two words whose last alone means something else ("in order to"):
#: "a standing order to June for 4 500 NOK", "direct debit to Will".
_STANDING = frozenset({("standing", "order"), ("direct", "debit"), ("fast", "trekk"), ("faste", "trekk")})
_STANDING_LAST = frozenset(last for _, last in _STANDING)


def _standing_payment(toks: Tokens, k: int) -> bool:
    """Words ``k - 1`` and ``k`` name a recurring payment ("standing order", "direct debit")."""
    low = toks.low[k]
    return low in _STANDING_LAST and k > 0 and (toks.low[k - 1], low) in _STANDING and plain_gap(toks, k - 1)


def unit_after_word(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "per måned", "Per i dag", "til dag 3": the word is a preposition or a noun here, not a name."""
    rest = toks.text[toks.end[j] : toks.end[j] + 3].lstrip()
    if rest[:1].isdigit():
        return True
    if j + 1 >= len(toks.low) or not plain_gap(toks, j) or toks.trim[j]:
        return False  # a genitive is no preposition: "grace's phone", "Pers telefon"
    after = toks.low[j + 1]
    if after in rel.unit:
        return True
    return toks.low[j] == "per" and after == "i" and _word(toks, j + 2) in rel.unit  # "Per i dag"


def sentence_between(toks: Tokens, first: int, last: int) -> bool:
    """A sentence ends between words ``first`` and ``last`` (not at an initial's full stop: "K. M. Larsen",
    nor at a point inside a number: "betale 3.200,- til will")."""
    return any(
        c in ".!?\n" and not (c == "." and len(toks.low[k]) == 1)
        for k in range(first, last)
        for c in without_number_points(toks.gap(k))
    )


#: Given names the lists hold as closed-class words too ("will", "jo", "mina"): the others ("en", "da",
#: "ni", "be", "so") follow "til"/"to" as words far more often than as anyone's name.
_FUNCTION_NAMES = frozenset({"will", "jo", "mina"})
#: English verbs of paying whose object is the person: "pay will for the car", "owe jo 200".
_PAY_OBJECT = frozenset({"pay", "paid", "repay", "repaid", "owe", "owes", "owed", "lent", "refund", "refunded"})
#: What goes on about a payment after its payee: "to will by mistake", "te jo på vipps".
_AFTER_PAYEE = frozenset(
    {"for", "by", "på", "pa", "via", "back", "tilbake", "tebake", "but", "men", "instead", "istedenfor", "isteden",
     "i", "on", "yesterday", "today", "last", "igår", "idag", "forrige", "sist"}
)  # fmt: skip


#: Pronouns of a person (not "it", "det"), that take a payee up in the next clause.
_PERSONAL = frozenset({"hun", "han", "hu", "ho", "she", "he", "hon"})
#: "til chelsea fra mamma:", "to max from dad": the note on a gift, from a relative or the writer.
_GIFT_TO = frozenset({"til", "te", "to", "till"})
_GIFT_FROM = frozenset({"fra", "frå", "from", "från"})
_GIVERS = frozenset({"meg", "me", "oss", "us", "mæ", "mæg"})


def gift_note(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "til chelsea fra mamma: 200 kr til kino", "to hope from grandma <3": "to X from" and a kin word
    (or "me", "us") is the note on a gift or a transfer, and X the one it is for."""
    if j == 0 or j + 2 >= len(toks.low) or toks.low[j - 1] not in _GIFT_TO or toks.low[j + 1] not in _GIFT_FROM:
        return False
    giver = toks.low[j + 2]
    return plain_gap(toks, j - 1) and plain_gap(toks, j) and (giver in rel.kin or giver in _GIVERS)


def lower_payee(toks: Tokens, j: int, rel: Relations) -> bool:
    """A lower-case name that is also a closed-class word ("will", "jo") or a month or a place ("frøya")
    as the payee: after the payment's preposition or an English verb of paying, and before the end of
    the clause, an amount or a word that goes on about the payment. A month or a place must be followed
    by an amount, an account number in brackets or "back": "utsette betalingen til mai." is a date,
    "sende penger til polen for ..." a country."""
    low = toks.low[j]
    if not (low in _FUNCTION_NAMES or toks.flags[j] & SOFT) or toks.shape[j] != LOWER or j == 0:
        return False  # the cheap tests first: this runs for every word no list takes for a name
    flags = word_flags().get(low, 0)
    if not flags & NAME or flags & NOT_NAME or not (flags & SOFT or low in _FUNCTION_NAMES):
        return False
    if not plain_gap(toks, j - 1):
        return False
    if not (paid(toks, j, rel) or (toks.low[j - 1] in _PAY_OBJECT and low in _FUNCTION_NAMES)):
        return False
    rest = toks.text[toks.end[j] : toks.end[j] + 4]
    if amount_after(toks, j) or (rest.startswith((" (", "(")) and any(ch.isdigit() for ch in rest)):
        return True  # "til frøya (64394015057)", "te jo 200kr"
    if j + 1 >= len(toks.low):
        return not flags & SOFT
    after = _word(toks, j + 1) if plain_gap(toks, j) else ""
    if flags & SOFT:
        # "sendt 250 kr til juni men hu har ikkje fått": a pronoun takes the payee up as a person
        taken_up = after in ("men", "but") and _word(toks, j + 2) in _PERSONAL and plain_gap(toks, j + 1)
        return after in ("back", "tilbake", "tebake") or taken_up
    return closed(toks, j) or after in _AFTER_PAYEE
