"""PERSON, continued (round 37): bare initials that open a message as the writer's "X her".

Why: a customer who comes back to the chat names themself the way they sign, and some sign with
initials: "k.h. her, ringte om kausjonen i går", "J.S. here again". "Kari her" is taken by the "here"
relation of ``person_context``; initials are no listed word, so nothing vouched for them. Only dotted
initials (two or three letters, each followed by a full stop) opening the message or a line count, and
only before "her"/"here" that closes the phrase (a comma, the end, or "igjen"/"again"...): abbreviations
written the same way ("e.g. here", "p.s. her") are in ``person_lists.NOT_INITIALS``, and the dotted
Norwegian abbreviations that may open a sentence before "her" ("p.t. her i Spania", "d.v.s. her") in
:data:`_ABBREVIATIONS` (review of round 37).
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._tokens import Tokens
from anonymizer.recognizers.person_context import SCORE_KNOWN
from anonymizer.recognizers.person_lists import NOT_INITIALS
from anonymizer.recognizers.person_words import relations

#: Dotted abbreviations, joined ("p.t." → "pt"), that are no one's initials at the start of a sentence.
_ABBREVIATIONS = NOT_INITIALS | frozenset({"pt", "dvs", "tom", "fom", "mm", "ol", "el", "ca", "bla", "mv", "osv"})


def opening_initials(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of dotted initials opening the message or a line, before "her"/"here"."""
    n = len(toks.low)
    rel = relations()
    for first in range(n - 2):
        if toks.start[first] and toks.text[toks.start[first] - 1] != "\n":
            continue  # the message's or a line's first word only
        last = first
        while last < n - 1 and len(toks.low[last]) == 1 and toks.low[last].isalpha() and toks.gap(last) == ".":
            last += 1
        if last - first not in (1, 2) or len(toks.low[last]) != 1 or not toks.low[last].isalpha():
            continue
        if toks.gap(last).strip(" ") != "." or last + 1 >= n or toks.low[last + 1] not in rel.here:
            continue
        letters = "".join(toks.low[first : last + 1])
        if letters in _ABBREVIATIONS or any(covered[first : last + 1]):
            continue
        here = last + 1
        after = toks.text[toks.end[here] :].lstrip(" ")
        closed = not after or after[0] in ",.!:;-–\n" or (here + 1 < n and toks.low[here + 1] in rel.after_here)
        if closed:
            yield first, last, SCORE_KNOWN
