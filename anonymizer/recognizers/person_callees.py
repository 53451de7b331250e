"""PERSON, continued: whom the writer asks to be called or texted on a number ("pls call Nok on +47 939
46 859", "ring Odd på 909 87 216", "kan du ringe til liv på tlf. 412 ...", "text ngozi at 0047 ...").

Why: between a verb of calling and "on"/"på" and a phone number stands whoever answers that phone, and a
desk answers one only under a noun ("ring banken på", "call support on"); so the word there is a person's
name even when it is also a word ("Nok", "Will", "stein"). The other rules need the name listed and no
word; here the frame vouches. Taken: a capitalised word inside the sentence that is no desk or service,
no definite noun ("Banken") and no pronoun or kin word ("Mamma"); in lower case or capitals only a listed
given name or surname, or a word in no list that is no word, inflected or mistyped. Places and brands
("ring Nav på 55 55 33 33") are the caller's veto's (person_not_names.py). The verbs of calling and the
desks are ``call`` and ``service`` in ``person_relations.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import COMMON, NAME, PARTICLE, near_frequent_word, word_flags
from anonymizer.recognizers._tokens import CAP, DEFINITE, INFLECTED, LOWER, Tokens, wordlike
from anonymizer.recognizers.person_context import SCORE_KNOWN, SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_extend import extend
from anonymizer.recognizers.person_words import Relations, plain_gap, relations

#: Between the verb and whom it calls: "ringe til liv på ...", "call up Will on ...".
_TO = frozenset({"til", "te", "tel", "to", "opp", "up"})
#: "on"/"på" before the number (and "at", "via": "text me at +46 ...").
_ON = frozenset({"on", "at", "via", "på", "pa", "paa"})
#: A word naming the phone between "på" and the number: "ring Odd på mobilen 909 87 216".
_PHONE_WORDS = frozenset({"mobil", "mobilen", "tlf", "telefon", "nummer", "nummeret", "nr", "mobile", "cell", "number"})
#: The number: at least eight digits (a Norwegian number; more abroad) in one run of digits, spaces,
#: dashes, points and brackets, perhaps after a colon or the full stop of "tlf.".
_NUMBER = re.compile(r"[ \t]*[.:]?[ \t]*\+?\(?\d[\d \-().]{6,24}\d")


def callee_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of whom a verb of calling names before "on"/"på" and a phone number. The
    caller asks only when a verb of calling is in the message."""
    rel = relations()
    low = toks.low
    for v in range(len(low) - 2):
        if low[v] not in rel.call or not plain_gap(toks, v):
            continue
        j = v + 2 if low[v + 1] in _TO and plain_gap(toks, v + 1) else v + 1  # "ringe til liv på ..."
        if j + 1 >= len(low) or covered[j] or low[j + 1] not in _ON or not _phone_after(toks, j + 1):
            continue
        if plain_gap(toks, j) and _callee(toks, j, rel):
            last = extend(toks, j, strong=False) if toks.shape[j] == CAP else j
            yield j, last, SCORE_KNOWN if toks.shape[j] == CAP else SCORE_KNOWN_LOWER


def _phone_after(toks: Tokens, k: int) -> bool:
    """A phone number follows word ``k`` ("on"/"på"), perhaps after a word naming the phone."""
    end = toks.end[k]
    if k + 1 < len(toks.low) and toks.low[k + 1] in _PHONE_WORDS and plain_gap(toks, k):
        end = toks.end[k + 1]
    found = _NUMBER.match(toks.text, end)
    return found is not None and sum(c.isdigit() for c in found.group()) >= 8


def _callee(toks: Tokens, j: int, rel: Relations) -> bool:
    """Word ``j`` may be the person called: see the module docstring."""
    low = toks.low[j]
    if len(low) < 2 or is_pronoun(low) or low in rel.kin or low in rel.service:
        return False
    flags = word_flags().get(low, 0)  # the tokenizer drops a closed-class word's name flags ("Will")
    if flags & PARTICLE:
        return False
    if toks.shape[j] == CAP:  # "call Nok on" (also a cue word of amounts), not "ring Banken på"
        return bool(flags & NAME) or not (flags & COMMON and DEFINITE.search(low))
    if is_cue_word(low):
        return False  # "ring tlf på", "call nok on": in lower case a word the number rules read
    if flags & NAME:
        return True  # "ring stein på ...": a listed name, also one that is a word
    unknown = not flags and len(low) >= 3 and toks.shape[j] == LOWER
    return unknown and not (wordlike(low) or INFLECTED.search(low) or near_frequent_word(low))
