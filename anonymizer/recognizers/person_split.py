"""PERSON, continued: a name split in two by a stray space or line break, "K ari", "Mar\\ntin".

Why: a phone's keyboard or a narrow chat field breaks words where it likes, and people slip on the space
bar, so a name arrives in two pieces that are no names on their own ("K" and "ari", "Mar" and "tin"): no
rule that reads one word at a time can see it. Put back together, the pieces are a well-known given name.

The pieces must look like one word broken: the first starts with a capital (as the name did), the second
is in lower case (a second word of a name would be capitalised), and neither is a closed-class word, so
that "Han na", "Tor e" (he now, Tor is) are left alone. The name they make must be a well-known given
name that is no everyday word, and the first piece no sure name of its own ("Kari Anne" is two names,
and the rules for runs of names take it).
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    SOFT,
    WELL_KNOWN,
    word_flags,
)
from anonymizer.recognizers._tokens import LOWER, Tokens

SCORE_SPLIT = 0.6

#: What may stand between the pieces: one space or one line break.
_BREAKS = frozenset({" ", "\n"})


def split_names(toks: Tokens) -> Iterator[tuple[int, int]]:
    """(start, end) in the text of each given name typed in two pieces ("K ari", "Mar\\ntin")."""
    table = word_flags()
    n = len(toks.low)
    for k in range(n - 1):
        if toks.shape[k + 1] != LOWER or not toks.text[toks.start[k]].isupper() or toks.gap(k) not in _BREAKS:
            continue
        head, tail = toks.flags[k], toks.flags[k + 1]
        if head & (FUNCTION | NOT_NAME) or tail & (FUNCTION | NOT_NAME) or len(toks.low[k + 1]) < 2:
            continue
        if len(toks.low[k]) > 1 and head & NAME and not head & AMBIGUOUS:
            continue  # "Kari anne": a name already, with a word after it
        whole = table.get(toks.low[k] + toks.low[k + 1], 0)
        if whole & GIVEN and whole & WELL_KNOWN and not whole & (AMBIGUOUS | COMMON | SOFT | NOT_NAME):
            yield toks.start[k], toks.end[k + 1]
