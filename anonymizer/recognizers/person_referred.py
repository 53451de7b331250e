"""PERSON, continued (round 25): a name that is also a word, where a pronoun after it refers back to it.

Why: "spør will om det? han hadde lånesøknaden min", "betalte til dag i går men han sier ...", "konto
til Guy er ...? Han er ...". After "til"/"te" (to someone) or "spør"/"ask" (ask someone), a listed given
name that is also an everyday word ("dag", "will", "liv") is read as the word by the general rules; but
when "han"/"hun"/"he"/"she" follows within the next few words, with no other capitalised name between
that the pronoun could mean, the word was a person. Norwegian "til" takes no verb (the infinitive marker
is "å"), so "til dag" is a day only in set phrases ("fra dag til dag"), which are left out; English "to"
is not a slot here, since "to mark"/"to will" are verbs before "he" as easily.

Months and places (soft names: "til mai") are left out: "utsett til mai, han sa ..." is a date. The gate
is a set lookup of the word before, so most words cost one lookup.
"""

from __future__ import annotations

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    word_flags,
)
from anonymizer.recognizers._tokens import LOWER, Tokens
from anonymizer.recognizers.person_introduced import fellow_name
from anonymizer.recognizers.person_words import plain_gap, relations

#: Words after which a person is named: to someone ("til", dialect "te"), ask someone.
REFERRING_SLOT = frozenset({"til", "te", "spør", "spørre", "spurte", "ask", "asked"})
#: Third-person pronouns that refer back to a person (not "her": Norwegian "here").
_THIRD_PERSON = frozenset({"han", "hun", "ho", "hu", "he", "she", "ham", "henne", "him"})
#: English modals that are given names: after Norwegian "spør"/"til" no modal can stand ("spør will om").
_ENGLISH_MODALS = frozenset({"will", "may", "can", "must"})
#: Possessives of the third person that name lists hold ("Hans"): "til hans kone, han ..." is his wife.
_THIRD_POSSESSIVES = frozenset({"hans", "hennes", "hennar", "sin", "si", "sitt", "sine"})
#: Verbs of travel before "til": the word after is where one goes ("reiste til sol").
_TRAVEL = frozenset({"reise", "reiser", "reiste", "dra", "drar", "dro", "fly", "flyr", "fløy", "kjøre", "kjørte"})
#: How many words after the name the pronoun may come.
_REACH = 8


def referred_back(toks: Tokens, j: int) -> bool:
    """Word ``j``, after "til"/"spør"/"ask", is a listed given name a pronoun soon refers back to."""
    if j == 0 or toks.low[j - 1] not in REFERRING_SLOT or not plain_gap(toks, j - 1):
        return False
    low = toks.low[j]
    flags = word_flags().get(low, 0)  # the table's flags: a lower-case "will" keeps its name
    if not flags & GIVEN or flags & (NOT_NAME | SOFT | PARTICLE) or len(low) < 2:
        return False
    if (flags & FUNCTION and low not in _ENGLISH_MODALS) or low in _THIRD_POSSESSIVES:
        return False  # "til en", "spør om", "til min mann": closed-class words a name list holds too
    rel = relations()
    if (low in rel.pronoun and not fellow_name(toks, j)) or low in rel.kin or low in rel.self_ or is_cue_word(low):
        return False
    if j >= 2 and (toks.low[j - 2] == low or toks.low[j - 2] in _TRAVEL):
        return False  # "fra dag til dag": a set phrase; "reiste til sol": a destination
    if j >= 3 and toks.low[j - 3] in ("fra", "frå", "from"):
        return False  # "alt fra liv til helse": a range of things
    if j + 2 < len(toks.low) and toks.low[j + 1] in ("og", "and", "&") and _everyday(toks, j + 2):
        return False  # "til sol og varme", "til liv og helse": two everyday words in a phrase
    for k in range(j + 1, min(len(toks.low), j + 1 + _REACH)):
        if toks.low[k] in _THIRD_PERSON:
            return True
        if toks.shape[k] != LOWER and toks.flags[k] & NAME:
            return False  # another name the pronoun may mean
    return False


def _everyday(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a lower-case everyday word ("varme"; "helse", a rare name too), no sure name."""
    flags = toks.flags[k]
    return toks.shape[k] == LOWER and bool(flags & COMMON) and (not flags & NAME or bool(flags & AMBIGUOUS))
