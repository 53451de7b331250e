"""Relations of the chain in ``person_context``: what a named person does or has in the sentence.

Split from ``person_context`` (which keeps the chain, the scores and the gates): each function here is one
test the chain asks about the word at ``j``: an age in brackets after it ("Aksel (10), Mina (7)"), a verb
of saying after it, also after where the person is from ("mark from your bergen office said"), a
dialect genitive ("kontoen hass Ola"), being allowed or given something ("kan Klara få"), a role ("Per er
regnskapsfører"), the dialect article ("a Kari", "n Jo"), and a payee on a line before an account number.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FOREIGN,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    WELL_KNOWN,
    dialect_word,
)
from anonymizer.recognizers._tokens import (
    CAP,
    LOWER,
    Tokens,
    after_emoji,
    unknown_name_word,
)
from anonymizer.recognizers.person_introduced import turned_age_after_and
from anonymizer.recognizers.person_kin import plain_given
from anonymizer.recognizers.person_roles import (
    _NORWEGIAN_VERBS,
)
from anonymizer.recognizers.person_selves import names_the_name
from anonymizer.recognizers.person_subjects import (
    ADDED,
    IS_AGE,
    PASSIVE,
    verb_after,
)
from anonymizer.recognizers.person_words import (
    _DETERMINERS,
    _DIALECT_ARTICLES,
    _DONE,
    _GREETINGS,
    _HAVE,
    _IS,
    _MODAL,
    _MY,
    _NAME_NOUNS,
    _RECEIVE,
    _ROLES,
    _SIN,
    AGE,
    Relations,
    _title_case,
    _word,
    plain_gap,
)

#: A known name in a relation (capitalised / lower case), and a word in no list in one.

#: Chat fillers that end a clause like a full stop: "hey its jake lol, my card ...".
_FILLERS = frozenset({"lol", "haha", "hehe", "lmao", "xd", "hihi"})


_KIN_IN_BRACKETS = re.compile(r" ?\((?:(?:min|mi|mitt|my|vår|our|hans|hennes)\s+)?([^\W\d_]+)")


def _aged(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Liv (7)", "Tor 10 år": a listed name with an age after it; "storm (sønnen min)", "Nevaeh
    (datteren min)": a listed name or a capitalised word in no list with kin."""
    if toks.flags[j] & NAME and (
        AGE.match(toks.text, toks.end[j]) is not None
        or (toks.initial[j] and IS_AGE.match(toks.text, toks.end[j]))
        or turned_age_after_and(toks, j)
    ):
        return True  # "Liv (7)", "ask e 14 no, kan han få eget kort?", "Jack er 4 og June fylte nettopp 1"
    if not toks.flags[j] & NAME and toks.shape[j] != CAP:
        return False  # "Nevaeh (datteren min)": a capitalised word in no list, with kin in brackets
    bracket = _KIN_IN_BRACKETS.match(toks.text, toks.end[j])
    return bracket is not None and bracket.group(1).lower() in rel.kin


#: "Per fra banken sa ...": where the one who speaks is from.
_FROM_WHERE = frozenset({"fra", "frå", "from", "från"})
#: Verbs of saying, sending and calling after "X from <where>": what a person from a place or firm did (not
#: "vil", "wants": "Mai fra i fjor vil jeg glemme" is a time).
_FROM_VERBS = frozenset(
    {"sa", "sier", "sei", "seier", "sendte", "ringte", "ringde", "spurte", "svarte", "fortalte", "lovet", "lova",
     "skrev", "skreiv", "påstår", "said", "says", "told", "sent", "called", "asked", "answered", "promised",
     "wrote", "claims", "claimed"}
)  # fmt: skip


def _verb_after_from(toks: Tokens, j: int, rel: Relations) -> int:
    """ "mark from your bergen office said", "Bill from Oslo Rør AS sent": the word after "from" and a
    place or firm of at most five words (spaces only between them) that is a verb of saying, sending or
    calling; else the word after the name."""
    k = j + 1
    if _word(toks, k) not in _FROM_WHERE or not plain_gap(toks, j) or toks.flags[j] & SOFT:
        return k
    for m in range(k + 2, min(k + 7, len(toks.low))):
        if not plain_gap(toks, m - 1):
            break
        if toks.low[m] in _FROM_VERBS:
            return m if toks.low[m] in rel.speech else k
    return k


def _speaks(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Mark says he transferred it", "Stein påstår at ...": a listed name opening a sentence with a
    verb only people do, also after where the person is from ("mark from your bergen office said")."""
    return (
        _word(toks, _verb_after_from(toks, j, rel)) in rel.speech
        and (toks.initial[j] or after_emoji(toks, j))  # "takk for sist 👍 even sa du kunne": an emoji ends one
        and (toks.shape[j] != LOWER or not any(ch.isupper() for ch in toks.text))  # or no capitals at all
        and bool(toks.flags[j] & NAME and plain_gap(toks, j))
        and toks.low[j] not in _GREETINGS  # "yo vil søke billån": a greeting, then the request
    )


def _sin(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Kan Hans sin datter", "Liv sin konto": "sin/si/sitt/sine"; "TOR SINN KONTO": misspelt, before a thing."""
    after = _word(toks, j + 1)
    return (after in _SIN or (after == "sinn" and _word(toks, j + 2) in rel.owned)) and plain_gap(toks, j)


def _may_get(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Kan Ask få BSU", "can Sky get a card", "vil at liv skal få tilgang", "can faith be added": someone
    who may be given something, or added to an account."""
    if j + 1 >= len(toks.low) or not plain_gap(toks, j):
        return False
    if _word(toks, j - 1) in _MODAL:
        k = verb_after(toks, j)  # "kan dag også få tilgang": one adverb between
        if _word(toks, k) in _RECEIVE and all(plain_gap(toks, m) for m in range(j, k)):
            return True
        if _word(toks, j + 1) in PASSIVE and _word(toks, j + 2) in ADDED and plain_gap(toks, j + 1):
            return True  # "can faith be added as a card holder", "kan liv bli lagt til"
    return (
        toks.initial[j] is False
        and _word(toks, j + 1) in _MODAL
        and _word(toks, j + 2) in _RECEIVE
        and _word(toks, j + 3) in rel.granted
    )


def _in_role(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "lagt te ask som disponent", "en mark som sa ...", "Dag som har ringt", "Sky is my son"."""
    after, after2 = _word(toks, j + 1), _word(toks, j + 2)
    if after == "som":
        return after2 in _ROLES or after2 in rel.speech or (after2 in _HAVE and _word(toks, j + 3) in _DONE)
    if after not in _IS or toks.low[j] in _ROLES:
        return False  # "Avsender er svigerfaren min": a role, not a name
    if after2 in _NAME_NOUNS and _word(toks, j + 3) in _MY:
        return True  # "ørn e etternavnet mitt", "Storm is my name"
    if names_the_name(toks, j + 2):
        return True  # "KEVIN is my first name, ODUYA is the surname" (spelled out, then joined up)
    # "Sky is my son", "May is my landlady"; "Ask er sonen vår", "Storm er sønnen min"
    return (after2 in _MY and _word(toks, j + 3) in rel.kin) or (after2 in rel.kin and _word(toks, j + 3) in _MY)


def _dialect_article(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "har ho liv fått pengan?", "han per ska ha 500", "a vår ska ha gave": a name with the dialect
    article before it."""
    article = _word(toks, j - 1) in _DIALECT_ARTICLES or (
        _word(toks, j - 1) == "a" and _word(toks, j + 1) in _NORWEGIAN_VERBS and plain_gap(toks, j)
    )
    return (
        article
        and (
            bool(toks.flags[j] & NAME and toks.flags[j] & (WELL_KNOWN | AMBIGUOUS))
            or plain_given(toks, j)
            or (toks.shape[j] == CAP and (bool(toks.flags[j] & NAME) or unknown_name_word(toks, j)))
        )
        and toks.low[j] not in rel.speech  # "han sa det var ordnet"
        # "han veit meir", "ho lova å sende"; but "n Jo": capitalised inside the sentence, a name
        and (not dialect_word(toks.low[j]) or (toks.shape[j] == CAP and not _title_case(toks)))
        and plain_gap(toks, j - 1)
        and not (j >= 2 and toks.low[j - 2] in _DETERMINERS)
    )


#: An account number right after a word: "jørgensen 3000 69 97526", "hansen 1503.12.34567".
_ACCOUNT_AFTER = re.compile(r" \d{4}[ .]?\d{2}[ .]?\d{5}(?!\d)")
#: What a surname that is sure in lower case is none of: a given name, a word, a place, a month.
_NOT_SURE_SURNAME = GIVEN | AMBIGUOUS | COMMON | FOREIGN | FUNCTION | SOFT | NOT_NAME | PARTICLE


def _account_payee(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "jørgensen 30006997526 450 - sjekk om den gikk": a listed surname that is nothing else, opening its
    line, with an account number right after it: a payee noted the way a payment is (name, account,
    amount). A given name there is the cue-less rules'."""
    if (
        not toks.flags[j] & SURNAME
        or toks.flags[j] & _NOT_SURE_SURNAME
        or not toks.text[toks.end[j] + 1 : toks.end[j] + 2].isdigit()
    ):
        return False
    line_start = j == 0 or "\n" in toks.gap(j - 1)
    return line_start and _ACCOUNT_AFTER.match(toks.text, toks.end[j]) is not None
