"""PERSON, continued: a word set against a name found ("Torunn, ikkje Torun", "Ståle ja, ikkje Stian",
"Moss, ikke «Mos»", "sent it to will instead of mark").

Why: a customer correcting a name, or saying which of two people was meant, puts the two names side by
side with "not" between them. The word lists doubt one of them (a rare spelling, a name that is also a
word, one opening the message), but what is set against a name in one breath is a name of the same
kind: nobody writes "Kari, ikke Bergen" to correct a name. Only the single word next to the contrast word
is taken, and only if it could be a name at all: a listed name, a capitalised word in no list, or a word
set off in quotes; pronouns, closed-class words and places never.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import FUNCTION, GIVEN, NAME, NOT_NAME, SOFT, SURNAME, near_frequent_word
from anonymizer.recognizers._tokens import CAP, LOWER, SENTENCE_BREAK, Tokens, unknown_name_word, wordlike
from anonymizer.recognizers.person_context import is_pronoun

SCORE_CONTRASTED = 0.6

#: One-word contrasts: "Torunn, ikkje Torun", "Ståle ja, ikkje Stian", "Moss, not Mos".
_NOT = frozenset({"ikke", "ikkje", "ikkj", "itj", "ikk", "not", "istedenfor", "istadenfor", "isteden", "inte"})
#: Contrasts of several words, keyed by their last word: "instead of mark", "i stedet for Per".
_NOT_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "of": (("instead", "of"), ("insted", "of")),
    "for": (("i", "stedet", "for"), ("i", "staden", "for"), ("i", "staden", "før")),
    "than": (("rather", "than"),),
}
#: Words that may stand between the first name and the contrast: "Ståle ja, ikkje", "Kjell altså, ikke".
_FILLERS = frozenset({"ja", "jo", "altså", "yes", "så", "da", "og", "and", "but", "men"})
#: One-word contrasts that reach back like the phrases: "sendte til Kari istedenfor Kåre".
_FAR = frozenset({"istedenfor", "istadenfor", "isteden"})
#: How many words before a contrast the name it contrasts with may stand ("to will by mistake instead of").
_REACH = 4
_QUOTES = frozenset("'\"«»“”‘’")
#: What opens a correction with the right form first, so that no comma is needed before "not": "I meant
#: solveig not solvej", "jeg mener helga ikke hege", "det er sætre ikke settre".
_MEANT = frozenset({"meant", "mean", "mente", "mener", "meinte", "meiner", "meina"})
_COPULAS = frozenset({"er", "e", "var", "va", "is", "was", "'s"})
_IT = frozenset({"det", "d", "de", "it", "that"})


def contrasted_names(
    toks: Tokens, named: list[tuple[int, int, float]], covered: list[bool]
) -> Iterator[tuple[int, float]]:
    """Uncovered words set against a found name by a contrast word, the one just before it or after it."""
    if not named:
        return
    n = len(toks.low)
    for c in range(1, n - 1):
        first = _contrast_start(toks, c)
        if first is None:
            continue
        after = c + 1
        meant = _meant(toks, c, named)
        if not covered[after] and _name_before(toks, c, first, named) and _could_be_name(toks, after, meant):
            yield after, SCORE_CONTRASTED  # "Torunn, ikkje Torun", "will by mistake instead of mark"
            covered[after] = True
        before = _word_before(toks, first)
        if before is not None and not covered[before] and _named_at(after, named) and _could_be_name(toks, before):
            yield before, SCORE_CONTRASTED  # "Ståle ja, ikkje Stian"
            covered[before] = True


def _contrast_start(toks: Tokens, c: int) -> int | None:
    """The first word of the contrast that ends at word ``c``, or None."""
    low = toks.low[c]
    if low in _NOT:
        return c
    for phrase in _NOT_PHRASES.get(low, ()):
        first = c - len(phrase) + 1
        if (
            first >= 0
            and tuple(toks.low[first : c + 1]) == phrase
            and all(not toks.gap(k).strip() for k in range(first, c))
        ):
            return first
    return None


def _name_before(toks: Tokens, c: int, first: int, named: list[tuple[int, int, float]]) -> bool:
    """A found name comes before the contrast: right before a bare "not" set off by a comma or a filler
    ("Torunn, ikkje Torun"; not "HETER BJØRG MOEN OG KAN IKKE SE"), within ``_REACH`` words of a
    contrast phrase ("to will by mistake instead of mark"), with no sentence break between."""
    for a, b, _s in named:
        if not first - _REACH <= b < first:
            continue
        if any(ch in SENTENCE_BREAK for k in range(b, first) for ch in toks.gap(k)):
            continue
        if c > first or toks.low[c] in _FAR:
            return True
        if b == first - 1 and _correction_opens(toks, a) and plain(toks, b):
            return True  # "I mean solveig not solvej", "det er sætre ikke settre"
        between = toks.low[b + 1 : first]
        if all(w in _FILLERS for w in between) and "," in "".join(toks.gap(k) for k in range(b, first)):
            return True
    return False


def _correction_opens(toks: Tokens, a: int) -> bool:
    """The words before the name at ``a`` open a correction: a verb of meaning ("I meant", "jeg mener") or
    "det er"/"it was"."""
    if a < 1 or not plain(toks, a - 1):
        return False
    before = toks.low[a - 1]
    if before in _MEANT:
        return True
    return before in _COPULAS and a >= 2 and toks.low[a - 2] in _IT and plain(toks, a - 2)


def _meant(toks: Tokens, c: int, named: list[tuple[int, int, float]]) -> bool:
    """The contrast at ``c`` follows a name right after a correction's opening ("I mean solveig not")."""
    return any(b == c - 1 and _correction_opens(toks, a) for a, b, _s in named)


def plain(toks: Tokens, k: int) -> bool:
    """Words ``k`` and ``k + 1`` are separated by spaces only."""
    return not toks.gap(k).strip()


def _named_at(k: int, named: list[tuple[int, int, float]]) -> bool:
    """A found name of one word is word ``k``: the contrast is about that word alone."""
    return any(a == k == b for a, b, _s in named)


def _word_before(toks: Tokens, first: int) -> int | None:
    """The word before the contrast, past a filler ("ja", "altså"); the contrast must follow a comma or
    stand after a filler ("Ståle ja, ikkje", not "Kari har ikke ..."), or an exclamation mark after a word
    that opens its sentence ("gunnar! ikke gunn")."""
    k = first - 1
    if k < 0:
        return None
    filler = toks.low[k] in _FILLERS and k >= 1
    if filler:
        k -= 1
    gaps = "".join(toks.gap(m) for m in range(k, first))
    if gaps.strip() == "!" and not filler and toks.initial[k]:
        return k  # "gunnar! ikke gunn": the right name on its own, exclaimed
    if "," not in gaps or any(ch in SENTENCE_BREAK for ch in gaps):
        return None
    return k


def _could_be_name(toks: Tokens, k: int, meant: bool = False) -> bool:
    """Word ``k`` may be a name where a contrast sets it against one; after a correction's opening
    (``meant``), also a lower-case word in no list that reads as no word ("I mean solveig not solvej")."""
    flags, low = toks.flags[k], toks.low[k]
    if flags & (FUNCTION | NOT_NAME) or len(low) < 2 or is_pronoun(low):
        return False
    if _quoted(toks, k):
        return True  # 'ikke «Mos»'
    if flags & SOFT:
        return False  # a month or a place: "Kari, ikke Bergen", "ikke mai"
    if toks.shape[k] == LOWER:
        if meant and not flags and len(low) >= 3 and unknown_lower(low):
            return True  # "det er sætre ikke settre"
        return bool(flags & (GIVEN | SURNAME))  # "instead of mark"
    if flags & NAME:
        return True
    return toks.shape[k] == CAP and unknown_name_word(toks, k) and not near_frequent_word(low)


def unknown_lower(low: str) -> bool:
    """A lower-case word in no list that reads as no word and is no near miss of a frequent one."""
    return not wordlike(low) and not near_frequent_word(low, chat_only=True)


def _quoted(toks: Tokens, k: int) -> bool:
    before = toks.text[toks.start[k] - 1 : toks.start[k]] if toks.start[k] else ""
    after = toks.text[toks.end[k] : toks.end[k] + 1]
    return before in _QUOTES and after in _QUOTES and before != ""
