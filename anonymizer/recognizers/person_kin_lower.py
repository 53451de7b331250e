"""PERSON, continued: a name after a kin noun and its possessive that the other kin rules refuse.

Why: ``person_roles.after_kin`` and ``person_kin.kin_named`` take a capitalised word after "my son" or a
listed name in lower case, but not the names chat types without capitals that are also closed-class
words ("my friend will sent me", "samboeren min jo will come"), words in no list ("bf olu sent"), a given
name and a surname in lower case that are both everyday words ("my tenant mark brown?"), or a name in
capitals, which ``candidate_score`` reads as an acronym ("my grandpa ALF RUNE he"). Right after a kin
noun with its possessive (or an informal kin word opening the sentence: "bf", "gf") the word is that
person's name when a verb of people follows it, or, for a full name, the end of the clause.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word, is_exact_cue_word
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
from anonymizer.recognizers._tokens import LOWER, UPPER, Tokens, closed, wordlike
from anonymizer.recognizers.person_context import SCORE_KNOWN, SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_payees import _FUNCTION_NAMES
from anonymizer.recognizers.person_words import (
    _MODAL,
    _MY,
    _SUBJECT_VERBS,
    _word,
    in_law,
    plain_gap,
    relations,
    shouting,
)

#: Kin words that open a sentence without a possessive: "bf olu sent me", "gf kari har".
_INFORMAL_KIN = frozenset({"bf", "gf", "bff", "hubby", "wifey", "bestie"})
#: After "will" as a name, a verb that "will" the modal cannot take: a past tense or a third person.
_NOT_AFTER_MODAL = frozenset(
    {"sent", "paid", "got", "said", "told", "came", "lost", "forgot", "gave", "lent", "took", "bought", "sold",
     "is", "was", "has", "had", "says", "wants", "needs", "lives", "works"}
)  # fmt: skip
_MAX_CAPITALS = 3
#: "I am marks mother", "jeg er marks mor": a being verb before a genitive without its apostrophe.
_BEING = frozenset({"am", "is", "was", "im", "i'm", "er", "e", "var", "va"})


def kin_lower_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of each name right after a kin noun with its possessive."""
    rel = relations()
    n = len(toks.low)
    near = _kin_words()
    if near.isdisjoint(toks.low):
        return  # no kin word or possessive at all (the test below, for the whole message at once)
    for j in range(1, n):
        # one set lookup per word first: most words follow neither a kin word nor a possessive
        if toks.low[j - 1] not in near or covered[j] or not plain_gap(toks, j - 1) or not _after_kin(toks, j):
            continue
        low = toks.low[j]
        if toks.flags[j] & NOT_NAME or is_pronoun(low) or low in rel.self_ or low in _MY or _cue_here(toks, j):
            continue
        if toks.shape[j] == UPPER and not shouting(toks):
            last = _capitals(toks, j)
            if last is not None:
                yield j, last, SCORE_KNOWN
        elif toks.shape[j] == LOWER:
            if (pair := _lower_pair(toks, j)) is not None:
                yield j, pair, SCORE_KNOWN_LOWER
            elif _lower_subject(toks, j) or _lower_resident(toks, j) or _lower_given(toks, j):
                yield j, j, SCORE_KNOWN_LOWER
    for j in range(n - 2):
        if not covered[j] and toks.low[j + 1] in near and _apposed_lower_given(toks, j):
            yield j, j, SCORE_KNOWN_LOWER  # "det var tor, kameraten min, som"


def _cue_here(toks: Tokens, j: int) -> bool:
    """Word ``j`` after a kin noun is a cue word: one as it stands, or a typo or a longer form of one
    except where a word in no list is the subject of a verb of people ("my flatmate callum sent", where
    "callum" only starts like "call")."""
    low = toks.low[j]
    if is_exact_cue_word(low):
        return True
    if toks.shape[j] == LOWER and not toks.flags[j] and _verb_next(toks, j) in _PEOPLE_VERBS:
        return False
    return is_cue_word(low)


#: Verbs of people after an unlisted word that only starts like a cue word ("callum sent").
_PEOPLE_VERBS = frozenset(
    {"sent", "paid", "said", "told", "lent", "gave", "sendte", "betalte", "sa", "lånte", "ga", "sendt", "betalt"}
)


def _apposed_lower_given(toks: Tokens, j: int) -> bool:
    """ "d e tor, kameraten min, han sendte": a listed given name in lower case (even one that is also a
    word) set off by commas before a kin noun with its possessive, the apposition closed by a comma or the
    end of the sentence."""
    if toks.shape[j] != LOWER or toks.gap(j) != ", " or j + 2 >= len(toks.low):
        return False
    flags, low = toks.flags[j], toks.low[j]
    if not flags & GIVEN or flags & (FUNCTION | NOT_NAME) or len(low) < 3 or low in _SUBJECT_VERBS:
        return False
    kin, my = _kin_nouns(), _MY
    a, b = toks.low[j + 1], toks.low[j + 2]
    if not ((a in kin and b in my) or (a in my and b in kin)) or not plain_gap(toks, j + 1):
        return False
    return closed(toks, j + 2)


def genitive_kin(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(word, word, score) of a lower-case genitive of a name before a word for kin or a thing one owns:
    "will's card" (a closed-class name, which ``person_context`` refuses), "I am marks mother" (the
    apostrophe left out, after a being verb and before kin)."""
    rel = relations()
    if rel.kin.isdisjoint(toks.low) and rel.owned.isdisjoint(toks.low):
        return  # both rules need a word for kin or a thing owned after the genitive
    for j in range(len(toks.low) - 1):
        low = toks.low[j]
        if covered[j] or toks.shape[j] != LOWER or not low.endswith("s") or not plain_gap(toks, j):
            continue
        after = toks.low[j + 1]
        if toks.trim[j] == 2 and low[:-2] in _FUNCTION_NAMES and (after in rel.kin or after in rel.owned):
            yield j, j, SCORE_KNOWN_LOWER  # "will's card"
        elif not toks.trim[j] and after in rel.kin and j > 0 and toks.low[j - 1] in _BEING and len(low) > 3:
            stem = word_flags().get(low[:-1], 0)
            if stem & GIVEN and not stem & (NOT_NAME | FUNCTION | SOFT) and low[:-1] not in rel.kin:
                toks.trim[j] = 1  # "marks mother": the name without its "s"
                yield j, j, SCORE_KNOWN_LOWER


#: The last word of an in-law written apart ("son in law", "son in-law"): see ``person_words.in_law``.
_LAW = frozenset({"law", "in-law"})


@functools.cache
def _kin_words() -> frozenset[str]:
    """Kin nouns (with the informal ones), possessives and the end of an in-law written apart: the word
    before a name this module takes."""
    return _kin_nouns() | _MY | _LAW


@functools.cache
def _kin_nouns() -> frozenset[str]:
    return frozenset(relations().kin | _INFORMAL_KIN)


def _after_kin(toks: Tokens, j: int) -> bool:
    """A kin noun and its possessive, in either order, stand right before word ``j`` ("my friend",
    "samboeren min"), or an informal kin word opens the sentence ("bf")."""
    kin = _kin_nouns()
    before, before2 = _word(toks, j - 1), _word(toks, j - 2)
    if before in _INFORMAL_KIN and toks.initial[j - 1]:
        return True
    if j < 2 or not plain_gap(toks, j - 2):
        return False
    if before in _LAW:  # "my son in law pawel needs", "her sister in-law kamala devi in nepal"
        first = in_law(toks, j - 1)
        return first > 0 and _word(toks, first - 1) in _MY and plain_gap(toks, first - 1)
    return (before in kin and before2 in _MY) or (before in _MY and before2 in kin)


def _verb_next(toks: Tokens, j: int) -> str:
    """The word after ``j`` if it is a verb of people (or a modal), else ""."""
    if j + 1 >= len(toks.low) or not plain_gap(toks, j):
        return ""
    after = toks.low[j + 1]
    rel = relations()
    return after if after in _SUBJECT_VERBS or after in _MODAL or after in rel.speech or after in rel.money else ""


def _lower_subject(toks: Tokens, j: int) -> bool:
    """ "my friend will sent", "samboeren min jo will come", "bf olu sent": a closed-class name or a word
    in no list, before a verb of people."""
    verb = _verb_next(toks, j)
    low = toks.low[j]
    if not verb:
        return False
    if low in _FUNCTION_NAMES:
        return low != "will" or verb in _NOT_AFTER_MODAL  # "my friend will send" is the modal
    flags = toks.flags[j]
    return not flags and len(low) >= 3 and not wordlike(low) and not near_frequent_word(low, chat_only=True)


#: Where a relative lives or comes from, after the name: "my sister neve in ireland", "bror min ali fra".
_WHERE = frozenset({"in", "i", "from", "fra", "frå", "på"})


def _lower_resident(toks: Tokens, j: int) -> bool:
    """ "my sister neve in ireland", "bror min jon i bergen": a listed name (even one that is also a word)
    between a kin noun with its possessive and where that person lives. Nothing else stands there but an
    adverb ("my sister still in"), and no adverb is in the name lists."""
    if j + 2 >= len(toks.low) or toks.low[j + 1] not in _WHERE or not plain_gap(toks, j):
        return False
    flags = toks.flags[j]
    return bool(flags & NAME) and not flags & (FUNCTION | NOT_NAME) and len(toks.low[j]) >= 3


#: Verbs of where or how a person stands, after a kin noun and the name: "svogeren min rune står på kontoen".
_STATE_VERBS = frozenset({"står", "sto", "stod", "bor", "budde", "bodde", "jobber", "jobbet", "stands", "lives"})


def _lower_given(toks: Tokens, j: int) -> bool:
    """ "svogeren min rune står", "my grandson ask, he's 2": a listed given name in lower case (even one
    that is also a word) right after a kin noun with its possessive, that ends the clause or comes before a
    verb of people. The word itself is no verb ("my grandmother got a call", "my parents live at")."""
    flags, low = toks.flags[j], toks.low[j]
    if not flags & GIVEN or flags & (FUNCTION | NOT_NAME) or len(low) < 3:
        return False
    if low in _SUBJECT_VERBS or low in _NOT_AFTER_MODAL or low in _STATE_VERBS:
        return False
    if closed(toks, j):
        return True  # "my grandson ask, hes 2"
    if _verb_next(toks, j):
        return True  # "kona mi randi sendte"
    return j + 1 < len(toks.low) and toks.low[j + 1] in _STATE_VERBS and plain_gap(toks, j)  # "rune står"


def _lower_pair(toks: Tokens, j: int) -> int | None:
    """ "my tenant mark brown?": a lower-case given name and a surname that end the clause, or come before
    where that person lives or a verb of people ("her sister kamala devi in nepal", "kona mi anna berg sendte")."""
    k = j + 1
    if k >= len(toks.low) or toks.gap(j) != " " or toks.shape[k] != LOWER:
        return None
    first, second = toks.flags[j], toks.flags[k]
    if not first & GIVEN or first & (SOFT | FUNCTION) or not second & SURNAME or second & (FUNCTION | NOT_NAME):
        return None
    if closed(toks, k) or _verb_next(toks, k):
        return k
    where = k + 2 < len(toks.low) and toks.low[k + 1] in _WHERE and plain_gap(toks, k)
    return k if where and not second & COMMON else None


def _capitals(toks: Tokens, j: int) -> int | None:
    """ "my grandpa ALF RUNE he": a run of listed names in capitals, the first a given name, then a word in
    lower case or the end of the clause."""
    if not toks.flags[j] & GIVEN or toks.flags[j] & SOFT:
        return None
    last = j
    while (
        last + 1 < len(toks.low)
        and last - j + 1 < _MAX_CAPITALS
        and toks.shape[last + 1] == UPPER
        and toks.gap(last) == " "
        and toks.flags[last + 1] & NAME
        and not toks.flags[last + 1] & (NOT_NAME | PARTICLE | SOFT)
    ):
        last += 1
    after_ok = last + 1 >= len(toks.low) or closed(toks, last) or toks.shape[last + 1] == LOWER
    return last if after_ok else None
