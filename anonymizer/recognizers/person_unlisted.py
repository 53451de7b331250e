"""PERSON, continued: full names whose surname (or given name) is in no list.

Norway has tens of thousands of farm surnames ("Storli", "Kårvåg") and customers of every origin
("chidinma okonkwo", "neeve murfy"); no list holds them all. What the rules here ask instead is
structure: a given name next to a word that reads as a surname, or two name-like words right after a
cue that says a name follows. Each rule wants two signals, never a single unknown word, because one
word in no list is a typo or a compound as often as a name.
"""

from __future__ import annotations

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FREQUENT,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    near_frequent_word,
    word_flags,
)
from anonymizer.recognizers._tokens import (
    CAP,
    DEFINITE_ENDINGS,
    INFLECTED,
    LOWER,
    Tokens,
    closed,
    unknown_name_word,
    wordlike,
)
from anonymizer.recognizers.person_extend import NUMBER_AFTER, SURNAME_ENDING, extend
from anonymizer.recognizers.person_words import _title_case

#: A name-word that is also a frequent word ("Dag", "Per", "Mark") before a surname in no list.
SCORE_AMBIGUOUS_UNLISTED = 0.7
#: Two lower-case name-like words right after a cue ("my name is neeve murfy").
SCORE_CUED_PAIR = 0.75

#: Words that may follow a name the writer gives ("... neeve murfy and I ...", "... okonkwo og ...").
_AFTER_PAIR = frozenset({"and", "og", "å", "&", "but", "men", "from", "fra", "frå", "here", "her", "again", "igjen"})


def double_given(low: str) -> bool:
    """ "vår-lise", "per-ivar": two or more given names joined by hyphens, one of them no everyday word.
    Only people have such names; months and places ("mai-juni", "Oslo-Bergen") are left out."""
    if "-" not in low:
        return False
    table = word_flags()
    parts = [table.get(part, 0) for part in low.split("-")]
    if not all(f & GIVEN and not f & (SOFT | NOT_NAME | FUNCTION) for f in parts):
        return False
    return any(not f & AMBIGUOUS for f in parts)


def unlisted_lower(toks: Tokens, k: int) -> bool:
    """Word ``k`` follows the word before it after one space, in lower case, and is in no list at all,
    no word, inflection or typo of one: after a sure given name, the surname no list holds."""
    if k >= len(toks.low) or toks.shape[k] != LOWER or toks.gap(k - 1) != " " or toks.flags[k]:
        return False
    low = toks.low[k]
    return len(low) >= 4 and not (wordlike(low) or INFLECTED.search(low) or near_frequent_word(low) or is_cue_word(low))


def ambiguous_before_unlisted(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """ "Dag Storli", "Per Kårvåg": a capitalised given name that is also a word, then a capitalised word
    in no list with a surname's ending (-li, -vik, -stad, -sen ...) that ends the name. Either word
    alone proves nothing ("Dag" is a day, "Storli" may be a farm); together they are a person.
    Not before a number ("Per Storli 12" may be a street), and not after "i"/"in" (a place)."""
    if toks.shape[i] != CAP or i + 1 >= len(toks.low) or toks.gap(i) != " ":
        return None
    flags = toks.flags[i]
    if not (flags & GIVEN and flags & AMBIGUOUS) or flags & (FUNCTION | NOT_NAME | PARTICLE):
        return None
    if flags & SOFT and not _soft_inside(toks, i):
        return None
    k = i + 1
    low = toks.low[k]
    if not unknown_name_word(toks, k) or SURNAME_ENDING.search(low) is None or len(low) < 4:
        return None
    if near_frequent_word(low) or is_cue_word(low) or NUMBER_AFTER.match(toks.text, toks.end[k]):
        return None
    if k + 1 < len(toks.low) and not closed(toks, k) and toks.shape[k + 1] != LOWER:
        return None  # more capitalised words: a company or a place, the other rules' business
    return i, k, SCORE_AMBIGUOUS_UNLISTED


#: Before a given name that is also a month or a place, these make it the month or the place: "i Ask
#: Bjørkedal" may be a farm at Ask, "fra Mai Storli" a date.
_SOFT_BEFORE = frozenset(
    {"i", "in", "på", "paa", "fra", "frå", "from", "til", "te", "to", "at", "ved", "near", "nær", "mot", "av",
     "of", "utenfor", "outside", "innen", "before", "før", "etter", "after", "siden", "since", "by", "om"}
)  # fmt: skip


def _soft_inside(toks: Tokens, i: int) -> bool:
    """ "kven er Ask Bjørkedal": a given name that is also a month or a place may open a name with an
    unlisted surname inside a sentence, after a word that puts no place or time before it."""
    return i > 0 and not toks.initial[i] and toks.low[i - 1] not in _SOFT_BEFORE and toks.gap(i - 1) == " "


#: A surname in no list after a word that is also a name, or a word used as one ("Grace Wanjiru", "Aster
#: Haileselassie"), has at least this many letters: short words in no list are typos and abbreviations.
_UNLISTED_SURNAME_MIN = 5


def word_before_unlisted(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """ "Grace Wanjiru", "jeg hjelper Aster Haileselassie og ...": a capitalised given name that is also a
    word, or an everyday word capitalised inside a sentence (flowers, virtues and wishes are given names:
    "Aster", "Lovely", "Sunny"), then a capitalised word in no list that ends the name. ``ambiguous_before_
    unlisted`` wants a surname's ending, which Norwegian farm names have and names from elsewhere lack;
    here the unlisted word must be long and no typo of a word instead, and an everyday word must stand
    where no sentence starts it in a message that does not capitalise every word ("Røde Kors" is two
    words; "Happy Days" in a title-case message proves nothing), and be no proper noun's genitive or
    definite noun ("Norges Råfisklag", "Sameiet Fjordtun"). At the start of a sentence the pair must stand
    alone, set off by punctuation ("(Grace Wanjiru, Kenyan"), not open a clause ("Many Cambodians use")."""
    if toks.shape[i] != CAP or i + 1 >= len(toks.low) or toks.gap(i) != " ":
        return None
    flags = toks.flags[i]
    if flags & (SOFT | FUNCTION | NOT_NAME | PARTICLE) or is_cue_word(toks.low[i]):
        return None
    if flags & GIVEN:
        if not flags & AMBIGUOUS:
            return None  # a sure given name: ``capitalised_name`` takes it with what follows
    elif not flags & COMMON or flags & FREQUENT or toks.initial[i] or _title_case(toks) or len(toks.low[i]) < 4:
        return None  # not "fra Norges Råfisklag": a proper noun's genitive
    elif toks.low[i].endswith(DEFINITE_ENDINGS):
        return None  # "fra Sameiet Fjordtun": a noun in its definite form names a thing
    k = i + 1
    low = toks.low[k]
    if not unknown_name_word(toks, k) or len(low) < _UNLISTED_SURNAME_MIN or INFLECTED.search(low):
        return None
    if near_frequent_word(low) or is_cue_word(low) or NUMBER_AFTER.match(toks.text, toks.end[k]):
        return None
    if k + 1 < len(toks.low) and not closed(toks, k):
        if toks.shape[k + 1] != LOWER:
            return None  # more capitalised words: a company or a place, the other rules' business
        if toks.initial[i]:
            return None  # "Many Cambodians use", "Mein Norwegisch ist": a sentence's subject, not a name set off
    return i, k, SCORE_AMBIGUOUS_UNLISTED


def word_before_full_name(toks: Tokens, j: int) -> int | None:
    """The last word of a full name that an everyday word opens, right after a cue that gives a name ("I
    am Lovely Grace Aquino", "jeg heter Sunny Hansen"), or None. A capitalised word that is no name
    stands inside a sentence only as a name, and the names after it say which kind of word it is."""
    if toks.shape[j] != CAP or toks.initial[j] or j + 1 >= len(toks.low) or toks.gap(j) != " ":
        return None
    flags = toks.flags[j]
    if not flags & COMMON or flags & (NAME | FUNCTION | NOT_NAME | PARTICLE | SOFT) or is_cue_word(toks.low[j]):
        return None
    k = j + 1
    if toks.shape[k] != CAP or not toks.flags[k] & GIVEN or toks.flags[k] & (NOT_NAME | SOFT | FUNCTION):
        return None
    last = extend(toks, k, strong=False)
    if last == k or not toks.flags[last] & SURNAME:
        return None
    return last


def _pair_word(toks: Tokens, k: int, *, typo_ok: bool) -> bool:
    """Lower-case word ``k`` can be one half of a name given after a cue: no everyday word, no
    inflection, no cue word of a number; with ``typo_ok`` it may look like a typo of a frequent word."""
    low = toks.low[k]
    flags = toks.flags[k]
    if toks.shape[k] != LOWER or len(low) < 3 or flags & (COMMON | FUNCTION | NOT_NAME | PARTICLE):
        return False
    if wordlike(low) or INFLECTED.search(low) or is_cue_word(low):
        return False
    return typo_ok or bool(flags) or not near_frequent_word(low)


def cued_lower_pair(toks: Tokens, j: int, kind: str) -> int | None:
    """The last word of a lower-case full name right after a cue, when the single-word rules doubted
    its first word ("my name is neeve murfy", "hello I am chidinma okonkwo"), or None.

    After a strong cue ("my name is", "jeg heter") two words that are no everyday words are a name even
    if each looks like a typo of one: two typos in a row, neither a word, right where a name is
    announced, are far rarer than a foreign name. After a weaker cue ("I am", "dette er") the first
    word must be no typo and the second a listed surname. The pair must end there (punctuation, the end,
    or "and"/"og"), so a cue followed by a sentence is not taken.
    """
    n = len(toks.low)
    k = j + 1
    if k >= n or toks.gap(j) != " " or toks.shape[j] != LOWER:
        return None
    if not (k + 1 >= n or closed(toks, k) or toks.low[k + 1] in _AFTER_PAIR):
        return None
    if kind == "strong":
        ok = _pair_word(toks, j, typo_ok=True) and _pair_word(toks, k, typo_ok=True)
    elif kind in ("capital", "medium"):
        surname = toks.flags[k]
        ok = (
            not toks.flags[j]
            and _pair_word(toks, j, typo_ok=False)
            and bool(surname & SURNAME)
            and not surname & (AMBIGUOUS | GIVEN)
            and _pair_word(toks, k, typo_ok=False)
        )
    else:
        ok = False
    return k if ok else None
