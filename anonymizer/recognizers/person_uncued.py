"""PERSON, continued: names that stand without a cue, found by their words alone.

Most names in chat come with no cue at all ("Kari Nordmann har ikke fått kortet"), so after the cues
(``person.py``) every word not yet taken is read on its own: a run of capitalised words that reads as
a name (gazetteer names, a known given name before an unlisted word, two or more words in no list),
and a known given name followed by a surname typed without capitals ("ola nordmann", "KARI HANSEN").
These rules decide from the words and their shapes only, so they live apart from the cue handling:
what makes a lone capitalised word a place ("hytte i Vik"), a noun ("en bjørn") or a sentence's first
word rather than a name.
"""

from __future__ import annotations

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FOREIGN,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    WELL_KNOWN,
    near_frequent_word,
)
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens, closed, unknown_name_word
from anonymizer.recognizers.address import street_words
from anonymizer.recognizers.person_extend import MIDDLE_MARKERS, NUMBER_AFTER, SURNAME_ENDING, extend
from anonymizer.recognizers.person_lists import surname_first
from anonymizer.recognizers.person_not import _names_a_street
from anonymizer.recognizers.person_unlisted import (
    ambiguous_before_unlisted,
    double_given,
    unlisted_lower,
    word_before_unlisted,
)
from anonymizer.recognizers.person_words import NOT_FIRST as _NOT_FIRST
from anonymizer.recognizers.person_words import _title_case as title_case
from anonymizer.recognizers.person_words import plain_gap, relations, shouting

# Scores (Presidio's 0..1) of these rules; the cues in person.py give some of them too.
SCORE_FULL_NAME = 0.85
SCORE_GIVEN_PLUS_UNKNOWN = 0.8
SCORE_AMBIGUOUS_FULL_NAME = 0.7
SCORE_LOWER_FULL_NAME = 0.75
SCORE_UNKNOWN_PAIR = 0.7  # two capitalised words in no list and no common word: "Tjerand Sundt"
SCORE_UNKNOWN_AFTER_WEAK_CUE = 0.6  # "til Juzan": a capitalised unknown word after "til", "from"
SCORE_GIVEN_ALONE = 0.65
SCORE_SURNAME_ALONE = 0.6
SCORE_LOWER_GIVEN_ALONE = 0.55

#: Before a lone name-word, these make it a place: "hytte i Vik", "I live in York" (not "på": "registrert
#: på Vidar" is a person as often as "hytte på Frøya" is a place, and places that are names are soft).
_PLACE_PREPOSITIONS = frozenset({"i", "in", "near", "nær", "utenfor", "outside"})
#: "Tyler Brooks from Austin", "Kari fra Bergen": after a name, "from" says where the person is from.
FROM = frozenset({("fra",), ("frå",), ("från",), ("from",)})
#: Before a lower-case word, these make it a noun ("en bjørn"); not "a", the dialect's article before a
#: woman's name ("om a kari har betalt").
_DETERMINERS = frozenset({"en", "ei", "et", "an", "the", "den", "det", "this", "that", "denne", "dette"})
#: Articles that may stand before a person's name in speech: "ei hilde", "den rolf".
_NAMING_ARTICLES = frozenset({"ei", "den"})
#: Prepositions that take a person, after which "en" + a frequent given name is someone of that name
#: (with the dialects' "te" and "tel" for "til": "kjøpte den tel en vilma").
_TO_SOMEONE = frozenset({"til", "te", "tel", "fra", "frå", "hos", "med"})


def _names_with_article(toks: Tokens, a: int) -> bool:
    """The article ``a`` stands before a person's name: "ei hilde", "den rolf", or "en" after a preposition
    that takes a person ("det gikk til en anette": to some Anette). Not "en" alone: "Vi så en bjørn" is an
    animal, and many given names are nouns too ("Bjørn", "Ørn")."""
    low = toks.low[a]
    if low in _NAMING_ARTICLES:
        return True
    return low == "en" and a > 0 and toks.low[a - 1] in _TO_SOMEONE and plain_gap(toks, a - 1) and plain_gap(toks, a)


def sure_name(toks: Tokens, k: int) -> bool:
    """Word ``k`` is capitalised and in a name list ("Brooks" in "Tyler Brooks from Austin")."""
    flags = toks.flags[k]
    return toks.shape[k] == CAP and bool(flags & NAME) and not flags & (SOFT | NOT_NAME)


def capitalised_name(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """A run of capitalised words from ``i`` that reads as a name, or None."""
    flags = toks.flags[i]
    if flags & (NOT_NAME | PARTICLE):
        return None
    if (pair := ambiguous_before_unlisted(toks, i) or word_before_unlisted(toks, i)) is not None:
        return pair  # "Dag Storli", "Grace Wanjiru", "hjelper Aster Haileselassie"
    if flags & COMMON and not flags & NAME:
        return None
    last = extend(toks, i, strong=False)
    if last > i and NUMBER_AFTER.match(toks.text, toks.end[last]) and _names_a_street(toks, last, last):
        last -= 1  # "Liam Brown Furusvingen 147"
    run = range(i, last + 1)
    names = [toks.flags[k] for k in run]
    first = i
    unknown = [unknown_name_word(toks, k) for k in run]
    # A word capitalised only because it starts the sentence, and that is no sure name, is dropped:
    # "Will John pay" -> "John"; "Gjeldsregisteret Hansen" -> "Hansen". Not a word in no list before
    # more such words or names: "Tjerand Sundt, Elvegata 13".
    if (
        toks.initial[i]
        and len(names) > 1
        and not (
            unknown[0]
            and all(u or (f & NAME and not f & AMBIGUOUS) for u, f in zip(unknown[1:], names[1:], strict=True))
        )
    ):
        f0 = names[0]
        surname_after = any(f & SURNAME for f in names[1:])
        # ... but "Per Egil Haugland", "Tor Lie (sønn)", "Tone Elisabeth Berg": a word that is a given
        # name, before given names and a surname, starts the name.
        full = bool(f0 & GIVEN and names[-1] & SURNAME and not f0 & FUNCTION and toks.low[i] not in _NOT_FIRST)
        if not f0 & NAME or (f0 & AMBIGUOUS and (not surname_after or (names[1] & GIVEN and not full))):
            first = i + 1
            names = names[1:]
            unknown = unknown[1:]
            if len(names) == 1 and unknown[0] and toks.low[i] in _NOT_FIRST and not near_frequent_word(toks.low[first]):
                return first, first, SCORE_UNKNOWN_AFTER_WEAK_CUE  # "Kan Grygrim og jeg ha felles konto?"
    # a modal opening a question, or capitalised inside a sentence a name ("that Will Hunter from your bank")
    second = len(names) > 1 and (names[1] & GIVEN or not names[1] & SURNAME or unknown[1])
    if second and toks.low[first] in _NOT_FIRST and (toks.initial[first] or title_case(toks)):
        first += 1  # "Kan Tomasz og jeg ...", "Can Michael Wilson get ...", "Kan Friulf Holtberg få"
        names = names[1:]
        unknown = unknown[1:]
        if len(names) == 1 and unknown[0] and not near_frequent_word(toks.low[first]):
            return first, first, SCORE_UNKNOWN_AFTER_WEAK_CUE  # "Kan Grygrim og jeg ha felles konto?"
    if len(names) == 1:
        f = names[0]
        if f & (AMBIGUOUS | SOFT) or not f & NAME:
            return None
        if toks.shape[first] != CAP or len(toks.low[first]) < 2:
            return None
        patronymic = f & SURNAME and toks.low[first].endswith(("sen", "son", "ski", "wicz", "dottir", "datter"))
        if not f & WELL_KNOWN and not patronymic and near_frequent_word(toks.low[first]):
            return None  # "Seet", "Loggin", "Alo": a rare name, but here a typo of "set", "login", "also"
        place = first > 0 and toks.low[first - 1] in _PLACE_PREPOSITIONS and plain_gap(toks, first - 1)
        genitive = bool(toks.trim[first]) and first + 1 < len(toks.low) and toks.shape[first + 1] == LOWER
        if genitive:
            words = street_words()
            nxt = toks.low[first + 1]
            genitive = not (nxt in words.word or nxt in words.en or nxt.endswith(words.suffix))  # "Dahls gate"
        if place and not genitive:
            return None  # "hytte på Frøya", "I live in York": a place named like a person; not "i Monas bursdag"
        after_name = first > 1 and plain_gap(toks, first - 1) and sure_name(toks, first - 2)
        if after_name and (toks.low[first - 1],) in FROM:
            return None  # "Tyler Brooks from Austin"
        return first, first, SCORE_GIVEN_ALONE if f & GIVEN else SCORE_SURNAME_ALONE
    if all(unknown) or (
        unknown[0] and all(u or (f & NAME and not f & AMBIGUOUS) for u, f in zip(unknown[1:], names[1:], strict=True))
    ):
        # Two or more capitalised words in no list and no word ("Tjerand Sundt", "Brandolf Kvistebø"), or
        # such a word before surnames ("Friulf Haugland"); not if every word is a typo of a frequent one.
        if all(near_frequent_word(toks.low[k]) for k in range(first, last + 1) if unknown[k - first]):
            return None
        return first, last, SCORE_UNKNOWN_PAIR
    sure = [f for f in names if f & NAME and not f & (AMBIGUOUS | SOFT)]
    if sure:
        has_unknown = any(not f & NAME for f in names)
        if has_unknown and not (names[0] & GIVEN or names[-1] & SURNAME or toks.low[first + 1] in MIDDLE_MARKERS):
            return None
        return first, last, SCORE_GIVEN_PLUS_UNKNOWN if has_unknown else SCORE_FULL_NAME
    if names[0] & GIVEN and names[-1] & SURNAME and all(f & NAME and not f & SOFT for f in names):
        return first, last, SCORE_AMBIGUOUS_FULL_NAME
    return None


def lower_full_name(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """ "ola nordmann", "KARI HANSEN": a known given name followed by a surname, typed without capitals."""
    flags = toks.flags[i]
    if (reversed_order := surname_first(toks, i)) is not None:
        return reversed_order
    if (
        toks.initial[i]
        and toks.shape[i] == LOWER
        and flags & GIVEN
        and not flags & (FUNCTION | NOT_NAME)
        and i + 1 < len(toks.low)
        and len(toks.low[i + 1]) == 1
        and toks.low[i + 1] not in "aeiouyæøå"  # "ka e", "saken i": a word, not an initial
        and not toks.flags[i + 1] & COMMON
        and toks.gap(i) == " "
        and (i + 2 == len(toks.low) or closed(toks, i + 1) or toks.flags[i + 2] & COMMON)
    ):
        return i, i + 1, SCORE_LOWER_FULL_NAME  # "per h sa at ...": a writer opening with name and initial
    if len(toks.low) == 1 and flags & NAME and not flags & (AMBIGUOUS | NOT_NAME | SOFT | COMMON | FUNCTION):
        return i, i, SCORE_LOWER_GIVEN_ALONE  # "olsen": a message that is a listed name and nothing else
    if flags & AMBIGUOUS and _lower_pair_of_ambiguous(toks, i):
        return i, i + 1, SCORE_LOWER_FULL_NAME  # "altså per haugland fra Klepp"
    if not flags & GIVEN or flags & (AMBIGUOUS | NOT_NAME | SOFT | COMMON):
        return None
    last = extend(toks, i, strong=False)
    if last > i:
        tail = toks.flags[last]
        if tail & SURNAME or (not tail & NAME and SURNAME_ENDING.search(toks.low[last])):
            return i, last, SCORE_LOWER_FULL_NAME
        if any(toks.low[k] in MIDDLE_MARKERS for k in range(i + 1, last)):
            return i, last, SCORE_LOWER_FULL_NAME  # "tran thi mai": surname, middle name, given name
        if (
            toks.shape[i] == UPPER
            and not shouting(toks)
            and all(toks.flags[k] & NAME and not toks.flags[k] & (AMBIGUOUS | SOFT) for k in range(i, last + 1))
        ):
            return i, last, SCORE_LOWER_FULL_NAME  # "om MUHAMMAD ASIF har": capitals in a calm message
        if toks.shape[i] == UPPER and flags & WELL_KNOWN and _shouted_surname(toks, last) and last == i + 1:
            return i, last, SCORE_LOWER_FULL_NAME  # "DET E KARI NESSE OG ÆG ...": a whole message in capitals
        if toks.shape[i] == UPPER and flags & WELL_KNOWN and last == i + 1 and _passport_surname(toks, last):
            return i, last, SCORE_LOWER_FULL_NAME  # "navn i passet: MOHAMMAD NABI og ...": capitals in a calm message
    if i > 0 and toks.low[i - 1] in _DETERMINERS and not (flags & WELL_KNOWN and _names_with_article(toks, i - 1)):
        return None  # "En bjørn har ødelagt bikubene": a noun; but "ei hilde", "den rolf": that Hilde, Rolf
    if toks.shape[i] == LOWER and double_given(toks.low[i]):
        return i, i, SCORE_LOWER_GIVEN_ALONE  # "vippsa vår-lise", "tor-inge": given names joined by a hyphen
    if flags & WELL_KNOWN and toks.shape[i] == LOWER and unlisted_lower(toks, i + 1):
        return i, i + 1, SCORE_LOWER_FULL_NAME  # "siriporn wongsakul": a sure given name and a surname in no list
    if flags & WELL_KNOWN and toks.shape[i] == LOWER and not near_frequent_word(toks.low[i], chat_only=True):
        # not "IAN for kontoen" (an acronym in capitals), nor "new emil address" (a typo of "email")
        if i > 0 and toks.low[i - 1] in _WHERE and toks.low[i].endswith("en"):
            return None  # "stein i hagen", "på haugen": a place noun in its definite form, as surnames are
        return i, i, SCORE_LOWER_GIVEN_ALONE
    return None


#: Where-prepositions before a noun in its definite form: "i hagen", "på bakken", "under brua".
_WHERE = frozenset(
    {"i", "på", "pa", "under", "over", "bak", "ved", "rundt", "gjennom", "inni", "oppi", "nedi", "utafor"}
)


def _shouted_surname(toks: Tokens, k: int) -> bool:
    """Word ``k``, after a well-known given name in a message typed all in capitals, is in no list and ends
    the name: the clause ends or a closed-class word follows ("KARI NESSE OG ÆG FÅR ..."). Capitals hide
    which words are names, so the lists decide: a word none of them holds, after a sure given name, is
    the surname, even when it reads like an inflected word ("NESSE"), as farm names do."""
    if toks.flags[k] or not shouting(toks) or len(toks.low[k]) < 3 or is_cue_word(toks.low[k]):
        return False
    return k + 1 >= len(toks.low) or closed(toks, k) or bool(toks.flags[k + 1] & FUNCTION and toks.gap(k) == " ")


def _passport_surname(toks: Tokens, k: int) -> bool:
    """Word ``k``, after a well-known given name in capitals inside a message in ordinary case, is in no
    list and ends the name ("to navn i passet: MOHAMMAD NABI og ..."). A calm writer who types two words in
    capitals copies a name as documents print it; a word none of the lists holds is then the surname, not
    a typo of a word ("nabi" is one letter from "nabo"), since nobody mistypes in deliberate capitals."""
    low = toks.low[k]
    if toks.flags[k] or shouting(toks) or len(low) < 4 or is_cue_word(low) or not any(c in "aeiouyæøå" for c in low):
        return False
    return k + 1 >= len(toks.low) or closed(toks, k) or toks.shape[k + 1] == LOWER


def _lower_pair_of_ambiguous(toks: Tokens, i: int) -> bool:
    """ "per haugland", "even olsen": a lower-case given name that is also a word, then a surname that is
    nothing but a surname (no given name, no word, no place). The word reading ("per", "even") has no
    business before a family name; the pair is the person."""
    k = i + 1
    if k >= len(toks.low) or toks.shape[i] != LOWER or toks.shape[k] != LOWER or toks.gap(i) != " ":
        return False
    if not toks.flags[i] & GIVEN or toks.flags[i] & (FUNCTION | NOT_NAME | SOFT) or toks.low[i] in relations().kin:
        return False  # "mor eide den", "mor hass": a kin word before a verb or a possessive
    tail = toks.flags[k]
    return bool(tail & SURNAME) and not tail & (GIVEN | COMMON | AMBIGUOUS | SOFT | NOT_NAME | FUNCTION | FOREIGN)
