"""PERSON, continued: a name and another form of it in brackets ("Tulla (Turid Lie)", "Johannes (Jojo) Vikan").

Why: chat explains a nickname, initials or a short form by putting the full name next to it in brackets,
or the other way round: "Bassen (Bjørn Arne) har lånt ...", "t.l. (Turid Lie) ba meg ...", "Kristoffer
(Kris) Dahl", "Oddvar (alle kaller ham Dotten)". Once one side is found as a name, the other side is the
same person: the word just before the bracket, the surname just after it, or the word after a nickname
phrase inside it. Each side must still look like a name (capitalised and no closed-class word, place or
brand, or initials), so "Kari (mor)" and "Tor Lie (sønn)" stay what they are.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, NAME, NOT_NAME, SOFT, SURNAME
from anonymizer.recognizers._tokens import CAP, UPPER, Tokens, unknown_name_word, wordlike

SCORE_BRACKET = 0.6

#: Phrases inside a bracket that give a nickname: "(alle sier Bønna)", "(kalt Kris)", "(aka Tiny)".
_NICKNAME_PHRASES = (
    ("alle", "sier"), ("alle", "kaller", "ham"), ("alle", "kaller", "henne"), ("kalt",), ("kalla",),
    ("kalles",), ("aka",), ("called",), ("known", "as"), ("kjent", "som"), ("også", "kalt"), ("sier", "vi"),
)  # fmt: skip
_MAX_INITIALS = 3


def bracket_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) word of each name given away by a bracket next to a found name."""
    n = len(toks.low)
    for k in range(n - 1):
        gap = toks.gap(k)
        if gap.replace(" ", "") in ("(", ".(") and covered[k + 1] and not covered[k]:
            found = _before_bracket(toks, k)  # "Kjelli (Kjell Ivar)", "t.l. (Turid Lie)"
            if found is not None:
                yield found
        elif gap in (" (", "(") and covered[k]:
            yield from _inside_bracket(toks, k + 1, covered)  # "Johannes (Jojo) Vikan", "(alle sier Dotten)"


def _name_like(toks: Tokens, k: int) -> bool:
    """Word ``k`` is capitalised and could be a name: listed, or in no list, and no word, place or cue."""
    flags = toks.flags[k]
    if toks.shape[k] not in (CAP, UPPER) or len(toks.low[k]) < 2 or flags & (NOT_NAME | FUNCTION | SOFT | COMMON):
        return False  # "Mor (Randi Lie)": a kin word or any everyday word is what it says
    if is_cue_word(toks.low[k]):
        return False
    return bool(flags & NAME) or unknown_name_word(toks, k) or not wordlike(toks.low[k])


def _before_bracket(toks: Tokens, k: int) -> tuple[int, int] | None:
    """Word ``k`` ends a name or initials just before a bracket that holds a found name."""
    if len(toks.low[k]) == 1:
        first = k  # initials: "t.l." or "T.L."
        while first > 0 and len(toks.low[first - 1]) == 1 and toks.gap(first - 1) == "." and k - first < _MAX_INITIALS:
            first -= 1
        if first == k or toks.text[toks.end[k] : toks.end[k] + 1] != ".":
            return None
        if first > 0 and not any(c in toks.gap(first - 1) for c in "\n.!?,:;"):
            return None  # initials that open their clause: "s.b. (...)", not "på s.b. (...)"
        return first, k
    return (k, k) if _name_like(toks, k) else None


def _inside_bracket(toks: Tokens, j: int, covered: list[bool]) -> Iterator[tuple[int, int]]:
    """After a found name and "(": the nickname in the bracket, and a surname after it."""
    n = len(toks.low)
    close = j
    while close + 1 < n and ")" not in toks.gap(close) and close - j < 4:
        close += 1
    if close >= n or ")" not in _after(toks, close):
        return
    words = tuple(toks.low[j:close])
    nick: int | None = None
    if close == j and _name_like(toks, j) and not toks.flags[j] & COMMON:
        nick = j  # "Johannes (Jojo) Vikan"
    elif any(words == p for p in _NICKNAME_PHRASES) and _name_like_or_word(toks, close):
        nick = close  # "(alle sier Dotten)": after the phrase any capitalised word is the nickname
    if nick is None and not (close == j and covered[j]):
        return  # but a bracket whose one word is a name found already still leads on to the surname
    if nick is not None and not covered[nick]:
        yield nick, nick
    after = close + 1
    if after < n and toks.gap(close).strip() == ")" and not covered[after] and toks.shape[after] == CAP:
        flags = toks.flags[after]
        surname = bool(flags & SURNAME) and not flags & (NOT_NAME | FUNCTION | SOFT)
        if surname or (unknown_name_word(toks, after) and not flags & COMMON):
            yield after, after  # "Johannes (Jojo) Vikan": the surname after the nickname


def _name_like_or_word(toks: Tokens, k: int) -> bool:
    """A nickname may be any capitalised word ("Bønna", "Tiny"), not a closed-class word or a place."""
    flags = toks.flags[k]
    return toks.shape[k] in (CAP, UPPER) and len(toks.low[k]) >= 2 and not flags & (NOT_NAME | FUNCTION | SOFT)


def _after(toks: Tokens, k: int) -> str:
    """The text after word ``k`` up to the next word (to the end for the last word)."""
    return toks.gap(k) if k + 1 < len(toks.low) else toks.text[toks.end[k] :]
