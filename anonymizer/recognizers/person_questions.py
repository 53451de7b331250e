"""PERSON, continued: a lower-case given name as the subject of a question that opens with its verb.

Why: a yes/no question in Norwegian and English puts the finite verb first and the subject right after
it ("har yrsa lov til", "kan itj solbjørg få", "does priya need"); the subject there is a pronoun, a
noun with its article or possessive, or a name. So is the word after "var det"/"was it" in a cleft that
asks who did something ("var det henrik jeg prata med", "was it aleksander i spoke to"). A listed given
name in lower case is taken there when the lists know it as a name and as nothing else: no everyday word
(nynorsk and dialect ones too: "treng tala te"), no closed-class word, no place or month ("har sol",
"is bill paid" stay words).
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import AMBIGUOUS, COMMON, FOREIGN, FUNCTION, GIVEN, NOT_NAME, SOFT
from anonymizer.recognizers._tokens import LOWER, Tokens
from anonymizer.recognizers.person_context import SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_words import plain_gap

#: Finite verbs that open a yes/no question with the subject right after them.
QUESTION_VERBS = frozenset(
    {"har", "hadde", "kan", "kunne", "skal", "skulle", "ska", "sku", "vil", "ville", "må", "får", "fikk",
     "fekk", "er", "var", "blir", "trenger", "treng", "hev", "does", "did", "has", "can", "could", "should",
     "would", "is", "was"}
)  # fmt: skip
#: A negation between the verb and the subject: "kan ikke gudveig få", "kan itj ho".
_NEGATIONS = frozenset({"ikke", "ikkje", "itj", "ikk", "ikkj", "not"})
#: The cleft: "var det X jeg ...", "er det X som ...", "was it X who ...".
_CLEFT_VERBS = frozenset({"var", "va", "er", "e", "was", "is"})
_CLEFT_IT = frozenset({"det", "de", "d", "it"})
_CLEFT_AFTER = frozenset({"som", "jeg", "eg", "æ", "du", "who", "that", "i", "you"})
#: "is X still working there", "jobber X fortsatt hos dere": asking whether someone still works at the bank.
_WORK_OPENERS = frozenset({"jobber", "jobbar", "works", "does"})
_STILL = frozenset({"still", "fortsatt", "fremdeles", "framleis", "enda", "stadig", "no", "nå", "now"})
_WORKING = frozenset({"working", "employed", "ansatt", "tilsett", "work"})
_WORK_PLACE = frozenset({"there", "at", "for", "with", "in", "here", "der", "hos", "i", "her", "på", "te", "til"})
#: The words a message must hold for ``question_subjects`` to find anything (the caller's cheap test).
QUESTION_STARTS = QUESTION_VERBS | _CLEFT_VERBS | _WORK_OPENERS
_EXCLUDED = AMBIGUOUS | COMMON | FOREIGN | FUNCTION | NOT_NAME | SOFT


def question_subjects(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(word, word, score) of a lower-case given name right after the verb opening a question, or after
    "var det" in a cleft before "som"/"jeg"/"who"."""
    low = toks.low
    n = len(low)
    for i in range(n - 2):
        if not toks.initial[i] or low[i] not in QUESTION_STARTS:
            continue
        j = i + 1
        if low[i] in _CLEFT_VERBS and low[j] in _CLEFT_IT:
            k = j + 1  # "var det henrik jeg"
            if k + 1 < n and low[k + 1] in _CLEFT_AFTER and plain_gap(toks, k) and _given_only(toks, k, covered):
                yield k, k, SCORE_KNOWN_LOWER
            continue
        if _still_works(toks, i):
            yield j, j, SCORE_KNOWN_LOWER  # "is bo still working there", "jobber ask fortsatt hos dere"
            continue
        if low[i] not in QUESTION_VERBS:
            continue
        if low[j] in _NEGATIONS and plain_gap(toks, i):
            j += 1  # "kan ikke gudveig få"
        if j + 1 < n and plain_gap(toks, j) and toks.shape[j + 1] == LOWER and _given_only(toks, j, covered):
            yield j, j, SCORE_KNOWN_LOWER


def _still_works(toks: Tokens, i: int) -> bool:
    """ "is bo still working there?", "jobber ask fortsatt hos dere?": the question opened at ``i`` asks
    whether the listed given name after it (also one that is a word: nothing else works there) still
    works somewhere."""
    low, n = toks.low, len(toks.low)
    j = i + 1
    k = j + 1
    if k < n and low[k] in _STILL:
        k += 1
    if low[i] in ("is", "was", "er", "var", "does"):
        if k >= n or low[k] not in _WORKING:
            return False
        k += 1
    elif low[i] not in _WORK_OPENERS:
        return False
    if k >= n or low[k] not in _WORK_PLACE or not all(plain_gap(toks, m) for m in range(i, k)):
        return False
    flags = toks.flags[j]
    return bool(flags & GIVEN) and not flags & (FUNCTION | NOT_NAME) and len(low[j]) >= 2 and not is_pronoun(low[j])


def _given_only(toks: Tokens, k: int, covered: list[bool]) -> bool:
    """Word ``k`` is a lower-case given name and nothing else the lists know, not yet found."""
    if covered[k] or toks.shape[k] != LOWER or not plain_gap(toks, k - 1):
        return False
    flags, low = toks.flags[k], toks.low[k]
    if not flags & GIVEN or flags & _EXCLUDED or len(low) < 3:
        return False
    return not is_pronoun(low) and not is_cue_word(low)
