"""Cheap necessary conditions that let ``person_context.relation_names`` skip words no rule can take.

Why: ``relation_names`` asks a dozen rules about every word ``candidate_score`` refuses, and most such
words (function words, everyday words in lower case) fail every one of them on its first lines. The
test here gathers those first lines: a word that fails it fails every rule of that chain, so skipping
the chain changes no result. A rule added to the chain must add its own first test here.
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import FUNCTION, NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import CAP, Tokens
from anonymizer.recognizers.person_kin import kin_or_my
from anonymizer.recognizers.person_payees import _FUNCTION_NAMES
from anonymizer.recognizers.person_selves import _AGAIN, _WHO
from anonymizer.recognizers.person_states import _GOT
from anonymizer.recognizers.person_subjects import MODAL_NAMES
from anonymizer.recognizers.person_words import _IS

#: The next words that ``self_named`` ("again", "som skriv"), ``has_got`` ("fått") and
#: ``capitalised_word_in_role`` ("is my son") need.
_NEXT_CUES = _AGAIN | _WHO | _GOT | _IS
#: Words ``month_or_modal_name`` and ``lower_payee`` take though no flag of theirs says name.
_WORD_NAMES = MODAL_NAMES | _FUNCTION_NAMES


def refused_may_be_named(toks: Tokens, j: int) -> bool:
    """Some rule of ``relation_names``'s chain for refused words may still take word ``j``: it has a name
    flag or a month's (in the table or as tokenised), is capitalised and in no list, is a modal or
    function word that is a name, the next word is one such a rule needs, or it is capitalised next to a
    kin noun or a possessive. (``person_namesakes.namesake`` needs the SOFT flag, tested first here.)"""
    flags = toks.flags[j]
    if flags & (NAME | SOFT) or (toks.shape[j] == CAP and not flags):
        return True
    low = toks.low[j]
    # The table's flags lack NAME where the token's do only when tokenize struck it off a function word
    # ("will", "kan" in lower case: ``_tokens._word_facts``); the lookup in the large table only then.
    if low in _WORD_NAMES or (flags & FUNCTION and word_flags().get(low, 0) & NAME):
        return True
    if j + 1 < len(toks.low) and toks.low[j + 1] in _NEXT_CUES:
        return True
    # ``kin_named``: a capitalised word next to a kin noun or a possessive ("our son Sky", "Sky, our son")
    if toks.shape[j] != CAP:
        return False
    near = kin_or_my()
    return (j > 0 and toks.low[j - 1] in near) or (j + 1 < len(toks.low) and toks.low[j + 1] in near)
