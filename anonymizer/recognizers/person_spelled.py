"""PERSON, continued: names spelled out letter by letter, and the same name written again another way.

Why: a customer whose name is misspelled by the bank spells it out ("Etternavnet staves Ø-D-E-G-Å-R-D",
"det er k-a-r-i med k", "Det skal vere Å S L A U G") and then often writes it whole, or writes the wrong
form the bank used ("altså Thien", "ikkje solvei uten g", "Kjersit ... istedenfor Kjersti", «Garcia» for
García). No word list knows a name cut into letters, and the other spellings are typos of a name, so
neither is listed; the shape is what tells: three or more single letters joined by hyphens are a word
spelled out, and the only words people spell out in a bank chat are names. A word one letter (or one
accent, or two swapped letters) away from a name found in the same message is that name again, and so
is a found name of several words written as one ("AL RASHEED" ... "ALRASHEED"): a newcomer's name
comes in several transliterations, and the writer quotes the bank's beside the passport's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, NAME, NOT_NAME, PARTICLE, near_frequent_word
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens, fold, wordlike
from anonymizer.recognizers.person_words import plain_gap, relations

SCORE_SPELLED = 0.7
SCORE_RESPELLED = 0.6

#: One token of single letters joined by hyphens: "k-a-r-i", "Ø-D-E-G-Å-R-D" (three letters or more).
_HYPHEN_SPELLED = re.compile(r"[^\W\d_](?:-[^\W\d_]){2,}")
#: Gaps inside a run of single-letter tokens: a hyphen with or without spaces ("S - I - V"). Letters with
#: spaces only ("Å S L A U G") are joined into one word by the normaliser before the recognizers run.
_LETTER_GAPS = frozenset({"-", " - ", " -", "- "})


def spelled_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) word of each name spelled out: one token of hyphen-joined letters ("k-a-r-i"), or a
    run of three or more single-letter tokens joined by hyphens between spaces ("S - I - V")."""
    n = len(toks.low)
    i = 0
    while i < n:
        low = toks.low[i]
        if "-" in low and not covered[i] and _HYPHEN_SPELLED.fullmatch(low) and _all_one_case(toks.text, i, toks):
            yield i, i
            i += 1
            continue
        if len(low) != 1 or covered[i]:
            i += 1
            continue
        last, hyphens = i, False
        while last + 1 < n and len(toks.low[last + 1]) == 1 and toks.gap(last) in _LETTER_GAPS:
            if covered[last + 1] or toks.shape[last + 1] != toks.shape[i]:
                break
            hyphens = hyphens or "-" in toks.gap(last)
            last += 1
        letters = last - i + 1
        if hyphens and letters >= 3 and all("-" in toks.gap(k) for k in range(i, last)):
            yield i, last
        i = last + 1


def _all_one_case(text: str, i: int, toks: Tokens) -> bool:
    """The letters of "k-a-r-i" are all lower case or all capitals (not "E-post-A")."""
    word = text[toks.start[i] : toks.end[i]].replace("-", "")
    return word.islower() or word.isupper()


def respelled_names(
    toks: Tokens, named: list[tuple[int, int, float]], covered: list[bool]
) -> Iterator[tuple[int, float]]:
    """Uncovered words that are a found name written another way: the letters of a spelled-out name
    joined up ("T-H-I-E-N, altså Thien"), the name without its accents («Garcia» for García), or one
    letter added, dropped, changed or two swapped (five letters or more: "solvei" for s-o-l-v-e-i-g,
    "Kjersit" for Kjersti). A word the same as the name is ``other_mentions``' business; everyday words
    are never taken for another spelling ("lande" is no typo of "Lunde")."""
    spelled: dict[str, float] = {}  # the letters of a spelled-out name, joined
    forms: dict[str, float] = {}  # each word of a found name, without accents
    raw: set[str] = set()  # each word of a found name as typed
    for first, last, score in named:
        if last > first and all(len(toks.low[k]) == 1 for k in range(first, last + 1)):
            _keep(spelled, fold("".join(toks.low[first : last + 1])), score)  # "S - I - V"
        for k in range(first, last + 1):
            low = toks.low[k]
            if toks.flags[k] & (PARTICLE | FUNCTION) or len(low) < 3:
                continue
            if "-" in low and _HYPHEN_SPELLED.fullmatch(low):
                _keep(spelled, fold(low.replace("-", "")), score)  # "k-a-r-i"
            else:
                _keep(forms, fold(toks.bare(k)), score)
                raw.add(toks.bare(k))
        if last > first and all(toks.gap(k) in (" ", "-") for k in range(first, last)):
            _keep(forms, fold("".join(toks.bare(k) for k in range(first, last + 1))), score)  # "ALRASHEED"
    if not forms and not spelled:
        return
    for k in range(len(toks.low)):
        low = toks.low[k]
        if covered[k] or len(low) < 3:
            continue
        word = fold(toks.bare(k))
        if word in spelled and not toks.flags[k] & FUNCTION:
            yield k, min(spelled[word], SCORE_RESPELLED)
            continue
        accents = toks.shape[k] != LOWER and toks.flags[k] & NAME and word in forms and low not in raw
        if toks.flags[k] & (COMMON | FUNCTION | NOT_NAME) and not (accents and not toks.flags[k] & NOT_NAME):
            continue  # but a listed name that is a word too, typed without the found name's accents: «Garcia»
        if len(word) >= 5 and any(form[0] == word[0] and _one_edit(word, form) for form in spelled):
            yield k, SCORE_RESPELLED  # "s-o-l-v-e-i-g. ikkje solvei"
            continue
        unlisted = toks.shape[k] == LOWER and not toks.flags[k] and len(word) >= 5 and _contrasted(toks, k)
        if unlisted and any(form[0] == word[0] and _one_edit(word, form) for form in forms):
            yield k, SCORE_RESPELLED  # "han kjelli altså, ikkje kjell": the right spelling, set against it
            continue
        if toks.shape[k] == LOWER:
            continue  # "Vi så en bjørn ... Bjørn er mannen min"
        if word in forms:
            yield k, min(forms[word], SCORE_RESPELLED)  # «Garcia» for García, "Thien" after "THIEN"
            continue
        # capitalised inside a sentence, or at a quote's start with a contrast beside it («Tonnesen»
        # istedenfor «Tønnessen»): the quote, not a sentence, made the capital
        if len(word) >= 4 and (not toks.initial[k] or _contrasted(toks, k)) and _name_shaped(toks, k):
            near = max((forms[f] for f in forms if len(f) >= 4 and f[0] == word[0] and _one_edit(word, f)), default=0.0)
            if near:
                yield k, min(near, SCORE_RESPELLED)  # "står det Nung" after "Nhung", MOHAMED beside MOHAMMED
                continue
        source = _same_surname_after(toks, k, named, word)
        if source is not None:
            yield k, source  # "Kjersit Lund istedenfor Kjersti Lund"


def _name_shaped(toks: Tokens, k: int) -> bool:
    """Word ``k``, capitalised inside a sentence, could be a name: a listed one, or a word in no list that
    is no inflected word nor a typo of a frequent one (a typo of a found name is the name again)."""
    flags, low = toks.flags[k], toks.low[k]
    if flags & NAME:
        return True
    if flags & (COMMON | NOT_NAME | PARTICLE) or wordlike(low):
        return False
    return toks.shape[k] in (CAP, UPPER) and not near_frequent_word(low, chat_only=True)


def _same_surname_after(toks: Tokens, k: int, named: list[tuple[int, int, float]], word: str) -> float | None:
    """Word ``k`` is one edit from the given name of a found full name and is followed by that name's
    surname ("Kjersit Lund ... Kjersti Lund"): the writer typed the same person twice, once wrongly. A
    lone look-alike is not enough ("it says nordbye": the bank's spelling, which the writer disowns)."""
    if len(word) < 5 or k + 1 >= len(toks.low) or toks.gap(k) != " ":
        return None
    for first, last, score in named:
        if last > first and toks.low[first + 1] == toks.low[k + 1] and first != k:
            form = fold(toks.low[first])
            if form[0] == word[0] and _one_edit(word, form):
                return min(score, SCORE_RESPELLED)
    return None


#: Words that set one spelling against another: "kjelli altså, ikkje kjell", "not jon but jonn", and the
#: writer owning up to a slip: "maritt, sorry, marit", "torbjønr oops torbjørn", "frederik mente jeg".
_CONTRAST = frozenset(
    {"ikkje", "ikke", "ikkj", "itj", "not", "altså", "istedenfor", "instead", "nei", "no", "sorry", "sori", "sry",
     "beklager", "unnskyld", "oops", "mente", "meinte", "meant"}
)  # fmt: skip


def _contrasted(toks: Tokens, k: int) -> bool:
    """A word setting spellings against each other stands within two words of word ``k``."""
    return any(toks.low[m] in _CONTRAST for m in range(max(0, k - 2), min(len(toks.low), k + 3)) if m != k)


def _keep(forms: dict[str, float], form: str, score: float) -> None:
    forms[form] = max(forms.get(form, 0.0), score)


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added, dropped or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


#: "Sørensen - med ø", "Hansen med to s", "Thien with an h": a remark on how a word is spelled.
_SPELLING_WITH = frozenset({"med", "with", "uten", "utan", "without"})
_LETTER_COUNT = frozenset({"to", "two", "dobbel", "dobbelt", "double", "en", "ei", "ein", "ett", "one", "a", "an"})
_REMARK_GAPS = frozenset({" ", " - ", " – ", ", ", " ( ", " (", "-", "- "})


def explained_names(toks: Tokens, covered: list[bool]) -> Iterator[int]:
    """Words whose spelling the writer explains letter by letter ("SØRENSEN - med ø", "Hansen med to s"):
    nobody explains how an everyday word is spelled, so the word is a name, if it could be one at all
    (capitalised or a listed name, no closed-class word, no place or brand)."""
    n = len(toks.low)
    for k in range(n - 2):
        if covered[k] or toks.low[k + 1] not in _SPELLING_WITH or toks.gap(k) not in _REMARK_GAPS:
            continue
        m = k + 2
        if toks.low[m] in _LETTER_COUNT and m + 1 < n and plain_gap(toks, m):
            m += 1
        if len(toks.low[m]) != 1 or not plain_gap(toks, k + 1) or (m + 1 < n and plain_gap(toks, m)):
            continue  # the letter ends the remark: "med ø", not "med e-post"
        flags, low = toks.flags[k], toks.low[k]
        if flags & (FUNCTION | NOT_NAME | PARTICLE) or len(low) < 3 or low in relations().pronoun:
            continue  # "Oyelaran heter hun, med O": the name before, not the pronoun
        if flags & NAME or (toks.shape[k] != LOWER and not flags & COMMON):
            yield k
