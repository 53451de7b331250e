"""PERSON, continued: the name in a header line that opens a note, "Frå Vår:", "MELDING TIL MOEN:".

Why: customers paste or write notes the way a letter or a memo heads them, with who it is from or to
and a colon: "Frå Vår: eg vil endre telefonnummeret", "MELDING TIL MOEN: JEG HAR SENDT PAPIRENE".
The word between "frå"/"til" and the colon is a sender or an addressee, so a name that is also an
everyday word ("Vår", spring) is a name there. Only at the start of a line, only capitalised words,
and only listed names or words in no list: "Til Kundeservice:" and "Fra Vipps:" stay what they are.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import FUNCTION, NAME, NOT_NAME, SOFT
from anonymizer.recognizers._tokens import LOWER, Tokens, unknown_name_word

#: "frå", "til": who a note is from or to.
_FROM_TO = frozenset({"fra", "frå", "från", "from", "til", "to", "attn", "att"})
#: Nouns that may head the line before "til"/"fra": "MELDING TIL MOEN:", "Hilsen fra Kari:".
_NOTE_NOUNS = frozenset({"melding", "beskjed", "message", "note", "notat", "brev", "letter", "hilsen", "helsing"})
#: Words a header name may have: "Til Kari Moen:".
_MAX_WORDS = 2


def header_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) word of each name between "frå"/"til" and a colon at the start of a line."""
    n = len(toks.low)
    for i in range(n - 1):
        if toks.low[i] not in _FROM_TO or not _line_start(toks, i):
            continue
        last = i
        while last + 1 < n and last - i < _MAX_WORDS and toks.gap(last) == " " and _header_word(toks, last + 1):
            last += 1
        if last > i and toks.gap(last).lstrip(" ").startswith(":") and not any(covered[i + 1 : last + 1]):
            yield i + 1, last


def _line_start(toks: Tokens, i: int) -> bool:
    """Word ``i`` opens its line, or follows a note noun that does ("MELDING TIL")."""
    if i == 0 or "\n" in toks.gap(i - 1):
        return True
    k = i - 1
    return toks.low[k] in _NOTE_NOUNS and toks.gap(k) == " " and (k == 0 or "\n" in toks.gap(k - 1))


def _header_word(toks: Tokens, k: int) -> bool:
    """Word ``k`` can be the sender's or addressee's name: capitalised (or in capitals), a listed name
    that is no place or month, or a word in no list."""
    if toks.shape[k] == LOWER or len(toks.low[k]) < 2:
        return False
    flags = toks.flags[k]
    if flags & (NOT_NAME | FUNCTION | SOFT):
        return False
    return bool(flags & NAME) or unknown_name_word(toks, k)
