"""PERSON, continued: names typed in capitals.

Capitals mean two different things in chat. In a calm message a name in capitals is copied from a
card, a form or a passport ("det står \"SOLVEIG HAMMERØ\" på kortet", "my card should say WILL
HARRINGTON"): the capitals mark the name, and its surname may be in no list. In a message written all
in capitals ("JØRN-INGE OG SISSEL VIL HA NYTT KORT") capitals say nothing, and a well-known given name
is a name the way it would be in lower case. Acronyms are the risk in both, so a word in no list counts
only after a sure given name, and a single word only when it is a well-known given name.
"""

from __future__ import annotations

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    WELL_KNOWN,
    near_frequent_word,
    word_flags,
)
from anonymizer.recognizers._tokens import UPPER, Tokens, wordlike
from anonymizer.recognizers.person_extend import NUMBER_AFTER
from anonymizer.recognizers.person_unlisted import double_given
from anonymizer.recognizers.person_words import shouting

#: A given name and a surname copied in capitals into a calm message.
SCORE_CAPITALS_NAME = 0.75
#: A well-known given name alone in a message written in capitals.
SCORE_SHOUTED_GIVEN = 0.55

_MAX_WORDS = 4


def capitals_name(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """The name in capitals that starts at word ``i`` (first word, last word, score), or None."""
    if toks.shape[i] != UPPER:
        return None
    if shouting(toks):
        return _shouted_given(toks, i)
    return _copied_name(toks, i)


def unlisted_caps(toks: Tokens, k: int) -> bool:
    """Word ``k`` in capitals is in no list and no word, cue word or inflection: a surname no list holds
    ("HAMMERØ"), not an acronym (those are short) nor a label ("FØDSELSNR")."""
    low = toks.low[k]
    vowels = sum(c in "aeiouyæøåäöü" for c in low)
    if toks.flags[k] or len(low) < 4 or not vowels or (len(low) == 4 and vowels < 2):
        return False  # four letters need two vowels: "NABI", not "HTML"
    return not (wordlike(low) or is_cue_word(low) or near_frequent_word(low))


def _copied_name(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """ "SOLVEIG HAMMERØ", "WILL HARRINGTON" in a message otherwise in lower case: a given name in
    capitals, then capitalised surnames (listed, or in no list at all after a sure given name; the last one
    also a surname that is a word: "PER ARNE BAKKE som"). A given name that is also a word ("WILL", "LIV")
    needs a listed name that is no word after it: a surname, or the second given name of a double one
    ("fra en LIV HEGE som")."""
    first = word_flags().get(toks.low[i], toks.flags[i])  # "WILL": the table's flags, before any stripping
    if not first & GIVEN or first & (NOT_NAME | SOFT | PARTICLE) or len(toks.low[i]) < 2:
        return None
    sure = not first & (AMBIGUOUS | FUNCTION | COMMON)
    n = len(toks.low)
    last = i
    listed_after = False
    k = i + 1
    while k < n and k - i < _MAX_WORDS and _capitals(toks, k) and toks.gap(k - 1) == " ":
        flags = toks.flags[k]
        if len(toks.low[k]) == 1 and k + 1 < n and toks.shape[k + 1] == UPPER and toks.gap(k) == " ":
            k += 1  # a middle initial, whatever word the letter also is: "TOR I BAKKEN", "ANNE A LIE"
            continue
        if flags & NAME and not flags & (AMBIGUOUS | SOFT | NOT_NAME | COMMON | FUNCTION):
            listed_after = bool(flags & (SURNAME | GIVEN))
        elif sure and unlisted_caps(toks, k):
            listed_after = False
        elif (sure or listed_after) and _last_surname(toks, k):
            last = k  # "Det er PER ARNE BAKKE som skriver": a surname that is a word too ends the name
            listed_after = True
            break
        elif (sure or listed_after) and _word_surname(toks, k) and toks.gap(k) == " " and _last_surname(toks, k + 1):
            last = k + 1  # "ARVING: ELSE MARIE BERG STRAND": a double surname, both of its farms words too
            listed_after = True
            break
        else:
            break
        last = k
        k += 1
    if last == i and _copied_given(toks, i, first):
        return i, i, SCORE_SHOUTED_GIVEN  # "the card says MUHAMMAD"
    if last == i or NUMBER_AFTER.match(toks.text, toks.end[last]):
        return None
    if not sure and not listed_after:
        return None
    return i, last, SCORE_CAPITALS_NAME


def _last_surname(toks: Tokens, k: int) -> bool:
    """Word ``k`` in capitals ends the run of capitals and is a listed surname, also one that is an everyday
    word ("BAKKE", "LIE", "BERG"): after a sure given name the capitals mark it as the name's end."""
    if k >= len(toks.low) or toks.shape[k] != UPPER or not _word_surname(toks, k):
        return False
    return k + 1 >= len(toks.low) or toks.gap(k) != " " or not _capitals(toks, k + 1)


def _word_surname(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a listed surname, maybe also an everyday word, but no place, month or little word."""
    flags = toks.flags[k]
    return bool(flags & SURNAME) and not flags & (SOFT | NOT_NAME | FUNCTION) and len(toks.low[k]) >= 2


def _copied_given(toks: Tokens, i: int, flags: int) -> bool:
    """A well-known given name of five letters or more, alone in capitals in a calm message ("står det
    MOHAMED", "my passport says MUHAMMAD"): copied from a card or a passport. Shorter ones are too often
    acronyms ("IAN", "EVA"), and a name that is also a word needs more than its capitals."""
    low = toks.low[i]
    if not flags & WELL_KNOWN or flags & (AMBIGUOUS | SOFT | COMMON | FUNCTION | NOT_NAME | PARTICLE):
        return False
    if len(low) < 5 or NUMBER_AFTER.match(toks.text, toks.end[i]):
        return False
    return not (wordlike(low) or is_cue_word(low) or near_frequent_word(low, chat_only=True))


def _shouted_given(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """ "GEIR HAR IKKJE FÅTT PENGAN", "JØRN-INGE OG SISSEL": in a message in capitals, a well-known given
    name (or given names joined by a hyphen) that is no everyday word, as it would be in lower case."""
    flags, low = toks.flags[i], toks.low[i]
    if (pair := _shouted_full_name(toks, i)) is not None:
        return pair
    if flags & (AMBIGUOUS | SOFT | COMMON | FUNCTION | NOT_NAME | PARTICLE) or not flags & GIVEN:
        return None
    if any(0 <= k < len(toks.low) and toks.flags[k] & NAME and not toks.flags[k] & COMMON for k in (i - 1, i + 1)):
        return None  # "KNUTSEN, LARS PETTER": part of a longer name, which the full-name rules take whole
    if double_given(low) or (flags & WELL_KNOWN and not near_frequent_word(low, chat_only=True)):
        return i, i, SCORE_SHOUTED_GIVEN
    return None


def _shouted_full_name(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """ "GRACE ADEYEMI", "MARK OKAFOR" in a message in capitals: a given name, even one that is also a
    word, then a surname that is no word, as "grace adeyemi" in lower case is a full name."""
    k = i + 1
    if k >= len(toks.low) or toks.shape[k] != UPPER or toks.gap(i) != " ":
        return None
    given, surname = toks.flags[i], toks.flags[k]
    if not given & GIVEN or given & (SOFT | FUNCTION | NOT_NAME | PARTICLE) or len(toks.low[i]) < 2:
        return None
    if not surname & SURNAME or surname & (AMBIGUOUS | SOFT | COMMON | FUNCTION | NOT_NAME | PARTICLE):
        return None
    last = k
    while last + 1 < len(toks.low) and toks.shape[last + 1] == UPPER and toks.gap(last) == " ":
        flags = toks.flags[last + 1]  # "ELSE MARIE TVEIT": more given names or surnames
        if not flags & NAME or flags & (AMBIGUOUS | SOFT | COMMON | FUNCTION | NOT_NAME | PARTICLE):
            break
        last += 1
    return i, last, SCORE_CAPITALS_NAME


def _capitals(toks: Tokens, k: int) -> bool:
    """Word ``k`` is in capitals, or a capital letter alone (an initial: "I" in "TOR I BAKKEN")."""
    return toks.shape[k] == UPPER or (len(toks.low[k]) == 1 and toks.text[toks.start[k]].isupper())
