"""PERSON, continued (round 37): the given name after a surname and a comma ("til Berg, Mina").

Why: a transfer line, a register and a bank's own printouts write the surname first ("gikk til Berg, Nina,
men skulle til Berg, Mina"). The surname is found as a name, but a given name that is also a function
word in another language ("Mina": Swedish "my") was left standing after its comma. After a surname that
is a payee (after "til"/"fra"/"to"/"from"...) or opens a line, a capitalised listed given name right after
the comma is the rest of the same name; a word that is no given name, a pronoun or the writer's own
word ("Berg, jeg ...") is not taken, nor a function word that goes on as a clause ("Hansen, Men det").
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import FUNCTION, GIVEN, NOT_NAME, SURNAME
from anonymizer.recognizers._tokens import CAP, Tokens
from anonymizer.recognizers.person_context import SCORE_KNOWN, is_pronoun
from anonymizer.recognizers.person_words import relations


def inverted_given(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(j, j, score) of a capitalised given name right after "<surname>, " where the surname is a payee."""
    rel = relations()
    for j in range(1, len(toks.low)):
        sur = j - 1
        if covered[j] or not covered[sur] or toks.gap(sur) != ", " or toks.shape[j] != CAP:
            continue
        if toks.shape[sur] != CAP or not toks.flags[sur] & SURNAME:
            continue
        flags = toks.flags[j]
        if not flags & GIVEN or flags & NOT_NAME or is_pronoun(toks.low[j]) or toks.low[j] in rel.self_:
            continue
        if flags & FUNCTION and toks.text[toks.end[j] : toks.end[j] + 1] not in ("", ".", ",", "!", "?", ")", "\n"):
            continue  # "til Hansen, Men det gikk": a function word opening a clause unless the name ends there
        line_start = toks.start[sur] == 0 or toks.text[: toks.start[sur]].rstrip(" ")[-1:] in ("\n", ":")
        if line_start or (sur > 0 and toks.low[sur - 1] in rel.prep and not toks.gap(sur - 1).strip()):
            yield j, j, SCORE_KNOWN
