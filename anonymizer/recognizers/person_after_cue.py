"""What a word right after a person cue must pass to be taken as a name (``person._after_cue`` asks).

Split from :mod:`anonymizer.recognizers.person` (which keeps the cue index, the scores and the kin and
role rule): these are the checks on the word itself and its neighbours, each a small predicate with the
examples that made it: "w" typed for "with", names given in quotes, pronoun-like given names, labels of
numbers, lower-case pairs in no list, and capitalised names that are also words.
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
    Cue,
    near_frequent_word,
)
from anonymizer.recognizers._tokens import CAP, INFLECTED, LOWER, SENTENCE_BREAK, Tokens, wordlike
from anonymizer.recognizers.person_extend import SURNAME_ENDING

#: A number right after a word, maybe behind a full stop, colon or "#": the word labels it.
_LABEL_GAP = re.compile(r"[.:#]? ?[#:]? ?\d")


#: Cues after which the writer or someone else is named ("I am", "jeg heter", "my name is").
GIVING_NAME = frozenset({"strong", "capital"})
#: Cues that give a nickname, which may be any everyday word: "kallenavn Nok", "alle kaller ham HP".
NICKNAMING = frozenset(
    {("kallenavn",), ("kallenavnet",), ("kallenamn",), ("nickname",), ("kaller", "ham"), ("kaller", "henne"),
     ("kallar", "han"), ("kallar", "ho"), ("kalla", "han"), ("kalla", "ho"), ("goes", "by"), ("known", "as"), ("aka",)}
)  # fmt: skip
#: Cues after which a particle that is also a word ("de", "da") opens a surname: "mottaker: da Silva".
SURNAMING = frozenset({"strong", "medium", "title"})
#: "lunch w Dev": the one-letter cue for "with".
W = ("w",)
#: Letters of Polish, where "w" is "in" ("tu w Norwegii"), that Norwegian and English text never has.
_POLISH_LETTERS = frozenset("ąćęłńśźżĄĆĘŁŃŚŹŻ")


def with_w(toks: Tokens, i: int) -> bool:
    """Word ``i``, "w", is "with" typed short ("lunch w Dev", "meeting w Kari"): in lower case after an
    everyday word that is no name, not after a number ("65 W Anker" is watts), and not in Polish, where
    "w" is "in" ("mieszkam w Bergen")."""
    if i == 0 or toks.shape[i] != LOWER or not _POLISH_LETTERS.isdisjoint(toks.text):
        return False
    before = toks.flags[i - 1]
    return bool(before & COMMON) and not before & NAME and toks.gap(i - 1) == " "


#: Cues that give a name as a name ("heter", "called himself"): a capitalised everyday word after them is one,
#: and so is a quoted word ('called himself "mark"', 'sa han het «Dag»'): quotes set a name off as a name.
NAMING = frozenset(
    {"heter", "heiter", "heite", "heita", "het", "hette", "heitte", "himself", "herself", "named", "kalles", "kallas"}
)


#: The last words of sign-offs, after which the writer's name may stand in quotes: 'Hilsen «Liv»'.
_SIGNING = frozenset({"hilsen", "helsing", "mvh", "vh", "regards", "sincerely", "signed", "signert", "cheers"})


def names_quoted(toks: Tokens, j: int, cue: Cue) -> bool:
    """The cue gives a nickname, or a name as such, so the word ``j`` after it may stand in quotes: any
    word after a nickname cue, a listed name after a naming verb or a sign-off ('Hilsen «Liv»': the
    quotes say the word is meant as a name). Not a word in no list: things are named in quotes too
    ('plattformen heter «NordCapitalX»', 'det kalles «pengemuldyr»'); nor after "called", which names
    houses and designs as often ('the design called «Sol»')."""
    if cue.words in NICKNAMING:
        return True
    last = cue.words[-1]
    return cue.kind == "strong" and (last in NAMING or last in _SIGNING) and bool(toks.flags[j] & NAME)


def named_like_pronoun(toks: Tokens, j: int) -> bool:
    """Word ``j`` is a pronoun-like word that is also a given name ("guy"), capitalised inside a sentence
    and right after the cue: "Hei Guy,", "Thanks Guy" name a person, "this guy called" does not."""
    flags = toks.flags[j]
    return toks.shape[j] == CAP and not toks.initial[j] and bool(flags & GIVEN) and not flags & FUNCTION


def labels_number(toks: Tokens, j: int) -> bool:
    """Word ``j`` is the label of a number after it ("fødselsnr. 010105-93812", "Ornr 954675386")."""
    return _LABEL_GAP.match(toks.text, toks.end[j]) is not None


def lower_unknown_pair(toks: Tokens, j: int) -> bool:
    """Words ``j`` and ``j + 1`` are a lower-case given name and surname in no list ("alleik vassvoll"):
    neither a word nor a typo of one, and the second with a surname's ending. Or a word in no list before a
    listed surname that is nothing else ("til hegn hansen"): dictation mishears given names ("Hege") into
    near-words, and the surname says a person is meant."""
    if j + 1 >= len(toks.low) or toks.gap(j) != " " or toks.shape[j + 1] != LOWER:
        return False
    tail = toks.flags[j + 1]
    head = toks.low[j]
    pure_surname = tail & SURNAME and not tail & (GIVEN | COMMON | AMBIGUOUS | SOFT | NOT_NAME | FUNCTION | FOREIGN)
    if pure_surname and not toks.flags[j] and len(head) >= 3 and not (wordlike(head) or INFLECTED.search(head)):
        return True  # "til hegn hansen": a surname and nothing else vouches for a misheard given name
    for k in (j, j + 1):
        low = toks.low[k]
        if toks.flags[k] & (COMMON | NOT_NAME | PARTICLE) or len(low) < 3 or wordlike(low):
            return False
        if near_frequent_word(low):
            return False
    return not toks.flags[j] & SURNAME and SURNAME_ENDING.search(toks.low[j + 1]) is not None


def ambiguous_ok(toks: Tokens, j: int) -> bool:
    """A capitalised name that is also a word, after a cue: not if a number or a capitalised word follows.

    "Hi Will, ..." and "takk Per" are names; "Hi May I ask" and "this is May 2024" are not.
    """
    end = toks.end[j]
    rest = toks.text[end : end + 3].lstrip()
    if rest[:1].isdigit():
        return False
    if j + 1 >= len(toks.low) or any(c in SENTENCE_BREAK or c == "," for c in toks.gap(j)):
        return True
    nxt = toks.flags[j + 1]
    return toks.shape[j + 1] != CAP or bool(nxt & NAME) or not nxt & COMMON
