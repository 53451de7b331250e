"""Cue words: how the recognizers read the words around a candidate (split out of ``_common``).

A cue word matches a whole token, or as a prefix from four letters on, because Norwegian inflects and
compounds by suffix ("konto" → "kontoen", "kontonummeret"); cue and deny words of six letters or more
also match with a typo or two (``CueSet.fuzzy_match``), because customers type fast
("Oganisasjonsnummerret", "kontonumer"). A word that is itself a cue or deny word of some family never
counts as a typo of another ("kortnummer" is not a mistyped "kontonummer"): that shared vocabulary is
kept here, registered by each ``ChatPatternRecognizer``. The person rules ask ``is_cue_word`` too, so
that "ODD FØDSELSNR" is not read as a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import OSA

from anonymizer.recognizers._gazetteer import COMMON, word_flags
from anonymizer.spoken_digits import is_digit_word

#: A cue word of at least this many characters also matches words it starts ("konto" ~ "kontoen").
PREFIX_MATCH_MIN = 4

#: Cue words this long or longer also match a word with a typo in it (see ``CueSet.fuzzy_match``).
FUZZY_MIN = 6
#: ... with up to two typos from this length on ("organisasjonsnummer"), else one.
FUZZY_TWO_TYPOS = 10

#: Words skipped when looking for the nearest word before a match: "KID-nummer er 1234", "Order number 5".
FILLER: frozenset[str] = frozenset({"nr", "no", "num", "nummer", "nummeret", "number", "er", "is", "was", "var"})

_COLLAPSED_FILLER = frozenset(re.sub(r"(.)\1+", r"\1", word) for word in FILLER)

_WORD = re.compile(r"[^\W_]+(?:[.\-/][^\W_]+)*\.?")

_PART_SEPARATOR = re.compile(r"[.\-/:]")


def word_forms(word: str) -> list[str]:
    """A token and its parts: "kid-nummer" → ["kid-nummer", "kid", "nummer"], "tlf." → ["tlf"]."""
    return list(_word_forms(word))


@functools.lru_cache(maxsize=65_536)
def _word_forms(word: str) -> tuple[str, ...]:
    word = word.strip(".:;,!?()[]{}\"'«»").lower()
    if not word:
        return ()
    if _PART_SEPARATOR.search(word) is None:
        return (word,)
    parts = [p for p in _PART_SEPARATOR.split(word) if p]
    return (word, *parts) if len(parts) > 1 else (word,)


#: Every cue and deny word of every family (registered by ChatPatternRecognizer subclasses): such a
#: word is what it says, never a typo of another family's word.
_VOCABULARY: set[str] = set()


def register_vocabulary(words: Iterable[str]) -> None:
    """Add cue or deny words to the shared vocabulary (see ``CueSet.fuzzy_match``)."""
    _VOCABULARY.update(word.lower() for word in words)
    _known_words.cache_clear()
    _fuzzy_known_words.cache_clear()
    is_cue_word.cache_clear()
    _fuzzy_match.cache_clear()


@functools.cache
def _known_words() -> CueSet:
    return CueSet(_VOCABULARY, fuzzy=False)


def _is_dictionary_word(word: str) -> bool:
    return bool(word_flags().get(word, 0) & COMMON)


@functools.lru_cache(maxsize=65_536)
def is_cue_word(word: str) -> bool:
    """``word`` (lower case) is a cue or deny word of some number family, or a typo of one ("fødselsnr",
    "kontoen", "KID", "fødslsnr", "sparekonttoen"). Cached: the fuzzy match is the costly part of the
    name rules, and chat repeats its words (bounded, so free text cannot grow it without limit)."""
    for form in word_forms(word):
        if is_filler(form) or _known_words().exact_match(form) or _fuzzy_known_words().fuzzy_match(form):
            return True
    return False


def is_exact_cue_word(word: str) -> bool:
    """``word`` (lower case) is a cue or deny word as it stands, not by its start or a typo ("fnr", but not
    "callum", which starts with "call")."""
    return word in _known_words().words


@functools.cache
def _fuzzy_known_words() -> CueSet:
    return CueSet(_VOCABULARY)


_REPEATS = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65_536)
def collapse_repeats(word: str) -> str:
    """``word`` with each run of one letter written once: "nuumber" → "number", "nummer" → "numer".

    Cached (bounded): the deny-word test asks it for every word before every number, and chat repeats
    its words; a cache hit costs less than the regex substitution."""
    return _REPEATS.sub(r"\1", word)


def is_filler(form: str) -> bool:
    """Whether a word form is FILLER, also with a doubled letter ("nuumber", "nummmer")."""
    return form in FILLER or collapse_repeats(form) in _COLLAPSED_FILLER


def max_typos(cue: str) -> int:
    """How many edits a word may be from ``cue`` and still count as it (0 for short cues)."""
    if len(cue) < FUZZY_MIN:
        return 0
    return 2 if len(cue) >= FUZZY_TWO_TYPOS else 1


class CueSet:
    """Cue words prepared for matching: whole words in a set, long ones also as prefixes and with typos."""

    __slots__ = ("collapsed", "collapsed_prefixes", "fuzzy", "prefixes", "words")

    def __init__(self, cues: Iterable[str], *, fuzzy: bool = True) -> None:
        self.words = frozenset(cue.lower() for cue in cues)
        self.prefixes = tuple(sorted(c for c in self.words if len(c) >= PREFIX_MATCH_MIN))
        # Typo-tolerant cues by first letter: a typo rarely hits the first letter, and the index keeps
        # the number of distance computations per word to a handful.
        by_letter: dict[str, list[str]] = {}
        if fuzzy:
            for cue in sorted(self.words):
                if max_typos(cue):
                    by_letter.setdefault(cue[0], []).append(cue)
        self.fuzzy = {letter: tuple(cues) for letter, cues in by_letter.items()}
        # A doubled letter is the commonest typo of all ("nuumber", "moobil", "Ordeer"), and it can be
        # told apart even in short words, so those compare with repeated letters collapsed.
        long_cues = [cue for cue in sorted(self.words) if len(cue) >= PREFIX_MATCH_MIN] if fuzzy else []
        self.collapsed = {collapse_repeats(cue): cue for cue in long_cues}
        self.collapsed_prefixes = tuple(self.collapsed)

    def exact_match(self, word: str) -> str | None:
        """The cue that ``word`` (lower-case) is, or starts with when the cue is long enough."""
        if word in self.words:
            return word
        if self.prefixes and word.startswith(self.prefixes):
            return next(cue for cue in self.prefixes if word.startswith(cue))
        return None

    def match(self, word: str) -> str | None:
        """``exact_match``, else the cue that ``word`` is a typo of (``fuzzy_match``)."""
        return self.exact_match(word) or self.fuzzy_match(word)

    def fuzzy_match(self, word: str) -> str | None:
        """``_fuzzy_match_uncached`` (below), cached: see ``_fuzzy_match``."""
        return _fuzzy_match(self, word)

    def _fuzzy_match_uncached(self, word: str) -> str | None:
        """The cue that ``word`` or its start is within ``max_typos`` edits of, keeping the first letter.

        The start of the word is compared, at lengths around the cue's, because typos and inflection
        come together ("Oganisasjonsnummerret" ~ "organisasjonsnummer"). Words of the shared vocabulary
        are excluded: each is a cue or deny word of its own; so are dictionary words, which are what they
        say ("Polish" is no typo of "polise", so "My Polish number is ..." keeps its phone number).
        """
        if len(word) <= PREFIX_MATCH_MIN or _known_words().exact_match(word):
            return None
        if _is_dictionary_word(word):
            return None
        if self.collapsed_prefixes:
            short = collapse_repeats(word)
            if short != word and short.startswith(self.collapsed_prefixes):
                return next(cue for key, cue in self.collapsed.items() if short.startswith(key))
        candidates = self.fuzzy.get(word[:1])
        if not candidates or len(word) < FUZZY_MIN - 1:
            return None
        for cue in candidates:
            typos = max_typos(cue)
            for length in range(len(cue) - typos, min(len(cue) + typos, len(word)) + 1):
                if OSA.distance(cue, word[:length], score_cutoff=typos) <= typos:
                    return cue
        return None


@functools.lru_cache(maxsize=65_536)
def _fuzzy_match(cues: CueSet, word: str) -> str | None:
    """``CueSet.fuzzy_match``, cached per (cue set, word): the edit distances are the costly part of
    reading the words around a number, every number family asks about the same few words, and chat
    repeats its words (bounded, as ``is_cue_word``; cleared when the vocabulary grows, which the answer
    depends on)."""
    return cues._fuzzy_match_uncached(word)


@functools.lru_cache(maxsize=256)
def cue_set(cues: tuple[str, ...]) -> CueSet:
    """A shared CueSet per list of cue words (recognizers keep theirs as a plain list)."""
    return CueSet(cues)


def words_before(text: str, start: int, limit: int, window: int = 60) -> list[str]:
    """Up to ``limit`` words (numbers included) right before ``start``, nearest first."""
    chunk = text[max(0, start - window) : start]
    return [m.group() for m in _WORD.finditer(chunk)][::-1][:limit]


def words_after(text: str, end: int, limit: int, window: int = 30) -> list[str]:
    """Up to ``limit`` words (numbers included) right after ``end``, nearest first."""
    return [m.group() for m in _WORD.finditer(text, end, end + window)][:limit]


def nearby_words(
    text: str, start: int, end: int, before: int, after: int
) -> tuple[list[list[str] | None], list[list[str] | None]]:
    """Word forms around ``text[start:end]``, nearest first: up to ``before`` words before it and
    ``after`` words after it, read from the raw text (the same words the deny check sees).

    A number in between is kept as None: it is never a cue, but it marks where a cue stops describing
    this match ("fnr 01019012345, konto 12345678903": "fnr" is about the first number).
    """
    near_before = _nearest(words_before(text, start, before * 2 + 2, window=80), before)
    near_after = _nearest(words_after(text, end, after * 2 + 2, window=40), after)
    return near_before, near_after


def _nearest(words: Iterable[str], count: int) -> list[list[str] | None]:
    """The cue forms of ``words`` (nearest first) until ``count`` words are taken; a number is kept as
    None and does not count, a word with no forms is skipped."""
    near: list[list[str] | None] = []
    for word in words:
        forms = _cue_forms(word)
        if forms is None or forms:
            near.append(forms)
        if sum(f is not None for f in near) >= count:
            break
    return near


def _cue_forms(word: str) -> list[str] | None:
    """Word forms of a word that could be a cue; None for a number, [] for punctuation. Digit words
    joined by hyphens are a number too ("ring meg på ni-ni-to... nei vent, fire-åtte null-seks ..."):
    a first try at the number must not push the cue before it out of reach."""
    if word[:1].isdigit():
        return None
    if "-" in word:
        parts = word.strip(".,;:!?").split("-")
        if len(parts) > 1 and all(is_digit_word(part) for part in parts):
            return None
    return word_forms(word)


def forms_of(words: Iterable[str]) -> Iterator[list[str]]:
    """The word forms of each word that has any (punctuation has none)."""
    for word in words:
        forms = word_forms(word)
        if forms:
            yield forms
