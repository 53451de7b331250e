"""PERSON, continued: writers who name themselves, or say which of their names a word is.

Why: a customer opening a chat says who is writing ("hi its will again", "Hey it's Sky again", "e mai
som skriv") or spells a name out and then says what it was ("K-E-V-I-N is my first name, O-D-U-Y-A is
the surname"). The word is often an everyday word, a month or a modal verb, which the word lists alone
cannot call a name; the phrase around it can, because only a person is "again" the one writing, or is a
first name. ``person_context.relation_names`` asks these rules about words its other rules doubt.
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import GIVEN, NAME, NOT_NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import CAP, Tokens, closed
from anonymizer.recognizers.person_not_names import is_month
from anonymizer.recognizers.person_words import (
    _GREETINGS,
    _IDENTITY,
    _MY,
    _NAME_NOUNS,
    Relations,
    _title_case,
    _word,
    _words_before,
    phrase_before,
    phrase_index,
    plain_gap,
)

#: "my first name", "the last name": which of a person's names a word is.
_WHICH_NAME = frozenset({"first", "last", "given", "family", "middle", "second"})


def names_the_name(toks: Tokens, k: int) -> bool:
    """Words from ``k`` (after "X is", "X er") say which of the writer's names X was: "my first name",
    "the surname", "my last name", "etternavnet." (closing the clause)."""
    word = _word(toks, k)
    if word in _NAME_NOUNS:  # "ODUYA er etternavnet.", "Vik er etternavnet, ..."
        return word != "name" and closed(toks, k)
    if word not in _MY and word != "the":
        return False
    nxt = _word(toks, k + 1)
    if nxt in _NAME_NOUNS:
        end = k + 1
    elif nxt in _WHICH_NAME and _word(toks, k + 2) == "name":
        end = k + 2
    else:
        return False
    # "the surname." ends the clause; not "Price is the first name on the list", "the name of the shop"
    return word != "the" or closed(toks, end)


#: After "it's X": the writer is back, or is the one writing ("it's Sky again", "det er Vår her igjen").
_AGAIN = frozenset({"again", "igjen", "igjæn", "igen", "atter"})
#: "e mai som skriv", "it's June who's writing": verbs of the one writing the message.
_WRITING = frozenset(
    {"skriv", "skriver", "skreiv", "skrev", "skrive", "ringer", "ringde", "ringte", "writes", "writing", "wrote",
     "messaging", "speaking", "chatting", "chatter"}
)  # fmt: skip
_WHO = frozenset({"som", "who", "who's", "whos"})
#: Seasons and holidays come "again" too ("it's summer again", "det er vår igjen"), and some are names.
SEASONS = frozenset(
    {"summer", "winter", "spring", "autumn", "fall", "sommer", "vinter", "vår", "høst", "haust", "jul", "påske",
     "easter", "christmas", "xmas", "helg", "weekend", "payday", "lønningsdag"}
)  # fmt: skip
#: Dialect "e" alone for "det er" at the start of a message: "heisann, e mai som skriv".
_BARE_IS = frozenset({"e"})


def self_named(toks: Tokens, j: int, rel: Relations) -> bool:
    """Word ``j`` is the writer's name in "it's X again" or "(det) e X som skriv": a listed name (also
    one that is a month or a modal verb: "its will again", "e mai som skriv"), or a word capitalised
    inside a sentence ("Hey it's Sky again"). Not a pronoun ("it's me again"), a season or a holiday."""
    low = toks.low[j]
    flags = toks.flags[j]
    if flags & NOT_NAME or len(low) < 2 or low in rel.pronoun or low in rel.self_ or low in SEASONS:
        return False
    if j + 1 >= len(toks.low) or not plain_gap(toks, j):
        return False
    after = toks.low[j + 1]
    writing = after in _WHO and _word(toks, j + 2) in _WRITING and plain_gap(toks, j + 1)
    if after not in _AGAIN and not writing:
        return False
    if not (phrase_before(toks, j, _IDENTITY_BY_LAST) is not None or _bare_is(toks, j)):
        return False
    if flags & SOFT and not writing and phrase_before(toks, j, _THIS_IS_BY_LAST) is None:
        return False  # a month "again" is a month: "it's May again"; but "This is May again" is the writer
    if word_flags().get(low, 0) & NAME:
        return True
    return toks.shape[j] == CAP and not toks.initial[j] and not _title_case(toks)


#: "This is X": the writer on the line, where "it's X" may be the time of year.
_THIS_IS = (("this", "is"), ("dette", "er"), ("dette", "e"))
#: "hei de e stein .": saying who writes, right after the greeting that opens the message.
#: Dialect "dæ e" is "det er"; a bare "e" says it too right after the greeting ("hei, e sol her,").
_GREETED_IS = (
    *_THIS_IS, ("det", "er"), ("det", "e"), ("de", "e"), ("d", "e"), ("dæ", "e"), ("e",), ("it's",), ("its",),
    ("det", "är"),
)  # fmt: skip


_IDENTITY_BY_LAST = phrase_index(_IDENTITY)
_THIS_IS_BY_LAST = phrase_index(_THIS_IS)
_GREETED_IS_BY_LAST = phrase_index(_GREETED_IS)


def greeted_self(toks: Tokens, j: int, rel: Relations) -> bool:
    """Word ``j`` is the writer's name in "hei, det er X." / "hi, this is X!": a listed given name (also
    one that is an everyday word: "hei de e stein .", or a place: "hi it's paris,") right after a greeting
    that opens the message and "det er"/"this is", and nothing after it in the sentence but "her"/"here"
    ("hei det er dakota her,"). Not a month, not a pronoun."""
    low = toks.low[j]
    flags = word_flags().get(low, 0)
    if not flags & GIVEN or flags & NOT_NAME or low in rel.pronoun or low in rel.self_ or len(low) < 3:
        return False
    if flags & SOFT and is_month(low):
        return False  # "hei, det er mai." is the time of year; "hi it's paris," and "det är Frøya." are people
    end = j + 1 if _word(toks, j + 1) in rel.here and plain_gap(toks, j) else j  # "hei det er dakota her,"
    if end + 1 < len(toks.low) and not closed(toks, end):
        return False
    if toks.low[0] not in _GREETINGS or j < 1:
        return False  # the greeting opens the message (and a phrase stands between it and the name)
    for phrase in _GREETED_IS_BY_LAST.get(toks.low[j - 1], ()):  # only those ending right before the name
        k = j - len(phrase) - 1
        if k >= 0 and _words_before(toks, j, phrase) and toks.low[k] in _GREETINGS and not any(
            toks.low[i] not in _GREETINGS for i in range(k)
        ):
            return plain_gap(toks, k) or toks.gap(k).strip() in (",", "!")
    return False


def _bare_is(toks: Tokens, j: int) -> bool:
    """ "heisann, e mai som ...": dialect "e" (is) opening the message, or right after a greeting."""
    k = j - 1
    if k < 0 or toks.low[k] not in _BARE_IS or not plain_gap(toks, k):
        return False
    return toks.initial[k] or (k > 0 and toks.low[k - 1] in _GREETINGS)
