"""What the number, e-mail and IP recognizers share: a Presidio ``PatternRecognizer`` whose behaviour is data.

Each recognizer module declares patterns with scores, context words (cues that raise the score through
Presidio's context enhancer) and *deny* words (cues that make a match something else: "KID 1234...",
"kr 12 34 56 78"), plus a checksum check built on python-stdnum. This base class supplies the rest:

* A checksum that passes keeps the *pattern's* score. Presidio's own ``validate_result() -> True`` would
  raise every match to 1.0, which erases the format-based scoring that tells a fødselsnummer from a
  kontonummer (both pass the same mod-11 check), so validity is expressed through ``invalidate_result``.
* Deny words are looked up in the raw text: the nearest word before the match (skipping filler such as
  "nr" and "er": "KID-nr. er 1234...") and the word right after it ("912 345 678 kr"). Only the nearest
  word counts, so "overfør 500 kr fra 1234.56.78903" and "faktura fra 923 456 789" are not denied, and a
  recognizer's own cue in that place wins ("konto: 1234.56.78903", "order phone number 91234567").
* ``could_match`` lets the engine skip the recognizer for texts that cannot contain a match, judged on
  ``TextFacts`` computed once per message (no "@"; no run of eleven digits for a fødselsnummer). Most
  chat messages have no digits at all, and most that do hold an amount, a date or a time.

Cue and deny words are matched as :mod:`anonymizer.recognizers._cues` says: whole words, prefixes of
inflected forms, and typos of long words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from anonymizer.recognizers._cues import (
    cue_set,
    forms_of,
    is_filler,
    register_vocabulary,
    words_after,
    words_before,
)

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

#: Lookarounds that keep a number from being cut out of a longer number, a word or an e-mail address.
#: ``(?<!\d[.,])`` keeps "1.12345678903" (a decimal) and "1,5" groups out; ``(?![.,]\d)`` likewise after.
NUM_START = r"(?<![\w@])(?<!\d[.,])"
NUM_END = r"(?![\w@])(?![.,]\d)"
#: A date whose day comes first: "2. mars", "14 feb", "3rd of May", "2.3", "02.03.2025" (see GROUP_END);
#: or a day as an ordinal with no month, as a monthly date is written: "5. hver måned", "20. kvar månad",
#: "the 5th each month". A day and a full stop with a lower-case word after it is Norwegian's ordinal (a
#: digit group that ends a sentence has a capital after it: "... 12218 5. Hver"), and no number's group.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
DATE_NEXT = (
    r"(?:" + _DAY + r"(?:\.|st|nd|rd|th)? ?(?:of )?"
    r"(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-zæøå]*\b"
    r"|" + _DAY + r"[./](?:0?[1-9]|1[0-2])(?:[./](?:\d{4}|\d{2}))?(?![\d,]|\.\d)"
    r"|" + _DAY + r"(?:\.[ \t](?-i:[a-zæøå])|(?:st|nd|rd|th)\b))"
)
#: For space-grouped formats: the match must not continue a longer run of digit groups either side
#: (a time right after it is not a digit group: "ring 56 49 45 29 13:15"; nor is a date's day:
#: "betalte til 857 919 335 2. mars", "ringte fra 412 33 908 14 feb").
GROUP_START = NUM_START + r"(?<!\d[ \-])"
GROUP_END = NUM_END + r"(?![ \-](?!" + DATE_NEXT + r")\d(?!\d?[:.]\d\d))"


def glued(body: str) -> str:
    """``body`` glued to a word on one side or both, a space forgotten: "fnr:15048010277navn:", "tlf
    er94423076", "telefon:94544515mvh". Never part of a longer number, an e-mail address or a code joined
    with "_"; patterns built on it score low, so that only a cue word makes the digits an identifier
    (a word glued to digits is as often a product code or a user name)."""
    return (
        rf"(?:(?<=[^\W\d_]){body}(?![\d@_])(?![.,]\d)"
        rf"|(?<![\w@])(?<!\d[.,]){body}(?=[^\W\d_]))"
    )


#: The score of a valid match in a shape no deny word explains away (``UNDENIABLE``), after a deny word:
#: strict mode redacts it, balanced mode does not (see anonymizer/engine.py: ``MODES``).
DENIED_SHAPE_SCORE = 0.3

#: Words that turn a topic word into the name of a number: "account number", "konto nr", "id no".
NUMBER_WORDS: frozenset[str] = frozenset({"nr", "no", "num", "nummer", "nummeret", "number", "nummer:"})

#: Deny words shared by the number families: references and amounts are not personal data. Matched like
#: cue words (whole word, or as a prefix when four letters or longer: "fakturaen", "referansen").
NUMBER_DENY: frozenset[str] = frozenset(
    {
        # payment references and business identifiers
        "kid", "kidnr", "kidnummer", "kid-nummer", "kid-nr", "betalingsreferanse", "referanse",
        "referansenummer", "ref", "refnr", "faktura", "fakturanr", "fakturanummer", "ordre", "ordrenr",
        "ordrenummer", "sak", "saksnr", "saksnummer", "kundenr", "kundenummer", "avtalenr", "avtalenummer",
        "sporingsnummer", "invoice", "reference", "order", "case", "ticket", "tracking", "customer",
        "bestillingsnummer", "bestillingsnr", "transaksjonsnummer", "transaksjon", "kvittering", "polise",
        "polisenummer", "forsikringsnummer", "serienummer", "booking", "confirmation", "transaction",
        "receipt", "policy", "serial",
        # amounts
        "kr", "nok", "sek", "dkk", "eur", "usd", "beløp", "beløpet", "sum", "amount", "total", "saldo",
        "balance",
    }
)

#: The end of a sentence: a deny word before it says nothing about a number after it.
_SENTENCE_END = re.compile(
    r"(?<!\bnr)(?<!\bno)(?<!\bref)(?<!\btlf)(?<!\bkr)(?<!\bca)(?<!\bjf)(?<!\bkid)(?<!\bsak)(?<!\borg)(?<!\bfnr)"
    r"(?<!\bfakt)(?<!\binv)(?<!\bacc)(?<!\bmob)(?<!\btel)[.!?](?:\s+|$)(?=\S)|\n",
    re.IGNORECASE,
)

#: Presidio's default regex flags, for the patterns this module matches itself.
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL

#: A number as people type one: digits with single spaces, dots or dashes between them.
_DIGIT_RUN = re.compile(r"\d(?:[ .\-]?\d)*")
#: Where a group of digits starts (the only places a number pattern can start matching).
_GROUP_START = re.compile(r"(?<!\d)\d")
#: Digit groups separated the way people split a number they type or dictate: up to three spaces, or
#: one of ". - / _" or a line break with spaces around it. Not ",", ":" or words: those end a number.
_DIGIT_CHAIN = re.compile(
    r"(?<![\w@])\d+(?:(?:[ \t]{1,3}|[ \t]{0,3}(?:[.\-/_]?\r?\n[ \t]{0,3}[.\-/_]?|[.\-/_])[ \t]{0,3})\d+)+(?![\w@])"
)
#: The pattern name of results found in a ``DigitChain`` (in their analysis explanation).
LOOSE_PATTERN = "loose_digits"
#: Where a chain may hold two numbers: a line break, "/", a dash between spaces, or several spaces.
_LIST_SEPARATOR = re.compile(r"[ \t]*(?:\r?\n|/)[ \t]*|[ \t]+[\-–][ \t]+|[ \t]{2,}")
#: A chain longer than this (a pasted table) is only searched in its first groups.
MAX_CHAIN_GROUPS = 40
#: A date is never a number written oddly: "12.03.2025", "1/2/24".
_DATE_SHAPE = re.compile(r"\d{1,2}([./\-])\d{1,2}\1(?:\d{4}|\d{2})")


class DigitRun(NamedTuple):
    """One run of ``_DIGIT_RUN`` in a text: "1234.56.78903" has 11 digits in 3 groups.

    A named tuple rather than a frozen dataclass: as immutable, and built several times per message
    with digits, where a frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) costs
    more than finding the run."""

    start: int
    end: int
    digits: int
    group_starts: tuple[int, ...]


class DigitChain(NamedTuple):
    """Digit groups joined by looser separators than a ``DigitRun``'s: several spaces, a line break,
    "/", "_", " - " ("010190\n12345", "12 34 56 78 90 3", "4 1 2 3 4 5 6 7").

    A number written oddly is the whole chain, or a stretch of it between *list* separators (a line
    break, "/", " - ", several spaces): "fnr 150890\n47746" is one number over two lines, "91234567 /
    98765432" two numbers. Never a few groups from the middle of a run: "4111 1111 1111 1111" holds no
    phone number, though "1111 1111" has eight digits.
    """

    #: (start, end) of each segment between list separators, and its number of digits.
    segments: tuple[tuple[int, int, int], ...]
    #: The digits of all segments (their sum, counted once when the chain is found).
    digits: int

    def windows(self, lengths: frozenset[int]) -> Iterator[tuple[int, int]]:
        """(start, end) of every run of whole segments holding a number of digits in ``lengths``."""
        longest = max(lengths)
        segments = self.segments[:MAX_CHAIN_GROUPS]
        for i in range(len(segments)):
            total = 0
            for j in range(i, len(segments)):
                total += segments[j][2]
                if total > longest:
                    break
                if total in lengths:
                    yield segments[i][0], segments[j][1]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> DigitChain:
        segments = []
        position = start
        for sep in _LIST_SEPARATOR.finditer(text, start, end):
            segments.append((position, sep.start(), _digit_count(text, position, sep.start())))
            position = sep.end()
        segments.append((position, end, _digit_count(text, position, end)))
        return cls(tuple(segments), sum(s[2] for s in segments))


def _group_starts(text: str, start: int, end: int, count: int) -> tuple[int, ...]:
    """Where the digit groups of the run ``text[start:end]`` (of ``count`` digits) start.

    A run without separators ("91234567", most of them) is one group: no regex scan needed, since
    the character before a run is never a digit."""
    if count <= 1 or count == end - start:
        return (start,)
    return tuple([m.start() for m in _GROUP_START.finditer(text, start, end)])


def _digit_count(text: str, start: int, end: int) -> int:
    return sum(map(str.isdigit, text[start:end]))


class TextFacts(NamedTuple):
    """Cheap facts about a message, computed once, that rule recognizers out before any pattern runs.

    A named tuple (immutable, and cheaper to build than a frozen dataclass); ``starts`` is a memo
    that ``group_starts`` fills, not a fact of its own."""

    text: str
    runs: tuple[DigitRun, ...]
    #: Most digits in one run: "kr 1 500, 12.03.2024" → 8.
    longest_run: int
    #: Chains of two or more groups (see ``DigitChain``), and the most digits in one.
    chains: tuple[DigitChain, ...]
    longest_chain: int
    #: ``group_starts(min_digits)`` by ``min_digits``: every number recognizer asks it once per pattern.
    starts: dict[int, tuple[int, ...]]

    @classmethod
    def of(cls, text: str) -> TextFacts:
        runs = []
        longest_run = 0
        groups = 0  # digit groups in the text: a chain joins two or more
        for match in _DIGIT_RUN.finditer(text):
            start, end = match.span()
            run = match.group()
            count = len(run) - run.count(" ") - run.count(".") - run.count("-")
            starts = _group_starts(text, start, end, count)
            runs.append(DigitRun(start, end, count, starts))
            groups += len(starts)
            if count > longest_run:
                longest_run = count
        chains = []
        longest_chain = 0
        if groups > 1:
            for match in _DIGIT_CHAIN.finditer(text):
                chain = DigitChain.of(text, *match.span())
                chains.append(chain)
                if chain.digits > longest_chain:
                    longest_chain = chain.digits
        return cls(text, tuple(runs), longest_run, tuple(chains), longest_chain, {})

    def group_starts(self, min_digits: int) -> tuple[int, ...]:
        """Where digit groups start, in runs of at least ``min_digits`` digits."""
        found = self.starts.get(min_digits)
        if found is None:
            found = self.starts[min_digits] = tuple(
                [position for run in self.runs if run.digits >= min_digits for position in run.group_starts]
            )
        return found


def remove_duplicates(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """``EntityRecognizer.remove_duplicates``: the same results, in the same order, at less cost.

    Presidio's version puts the results in a set, whose hash formats each result as a string, and sorts
    and groups them with a lambda per comparison; it runs once per message and once per number
    recognizer that finds two results or more. Same steps here: equal results (type, offsets and score,
    Presidio's ``__eq__``) are one, the first kept (as a set keeps it); zero scores go; a result that a
    result of its type with an equal or higher score contains goes; the rest ordered by score, start,
    length, with ties in the order of the type-sorted pass (the sorts are stable, as Presidio's are).
    """
    unique: dict[tuple[str, int, int, float], RecognizerResult] = {}
    for result in results:
        unique.setdefault((result.entity_type, result.start, result.end, result.score), result)
    # (type, start, longest first, highest first), Presidio's order; no two distinct results share a key
    ordered = sorted(unique.items(), key=_type_order)
    kept: list[RecognizerResult] = []
    active: list[RecognizerResult] = []
    entity_type: str | None = None
    for (kind, start, end, score), result in ordered:
        if kind != entity_type:
            entity_type, active = kind, []
        if score == 0:
            continue
        active = [other for other in active if other.end >= start]
        if any(start >= other.start and end <= other.end and score <= other.score for other in active):
            continue
        kept.append(result)
        active.append(result)
    kept.sort(key=lambda r: (-r.score, r.start, r.start - r.end))
    return kept


def _type_order(item: tuple[tuple[str, int, int, float], RecognizerResult]) -> tuple[str, int, int, float]:
    kind, start, end, score = item[0]
    return str(kind), start, start - end, -score


@functools.lru_cache(maxsize=8)
def text_facts(text: str) -> TextFacts:
    """``TextFacts.of(text)``, shared by the engine and every recognizer that looks at the same text.

    Kept small on purpose: it holds message text, and it only has to bridge one message's analysis.
    """
    return TextFacts.of(text)


_NON_DIGIT = re.compile(r"\D")
#: Letters that IGNORECASE matches as "i" or "s" but ``str.lower`` leaves as they are (see PATTERN_HINTS).
_UNFOLDED = "ıİſ"


def digits(text: str) -> str:
    """The digits of ``text`` in order: how every number family compares and checks its values."""
    return _NON_DIGIT.sub("", text)


class ChatPatternRecognizer(PatternRecognizer):
    """A Presidio pattern recognizer configured by class-level data (see the module docstring)."""

    # Set by PatternRecognizer.__init__; declared here because Presidio leaves them unannotated.
    name: str
    patterns: list[Pattern]

    ENTITY: ClassVar[str]
    #: (name, regex, score) per format; the score encodes how telling the format is on its own.
    PATTERNS: ClassVar[Sequence[tuple[str, str, float]]]
    #: Words that raise the score (Presidio's context enhancer, see anonymizer/engine.py).
    CONTEXT: ClassVar[Sequence[str]] = ()
    #: Cue words that *name* this identifier ("personnummeret", "kontonummer"), as opposed to topic words
    #: ("konto", "transfer"). When two types claim the same digits, a naming cue beats a nearer topic word
    #: (a topic word followed by "nummer"/"number" names it too: "account number"). See anonymizer/nlp.py.
    STRONG_CONTEXT: ClassVar[Sequence[str]] = ()
    #: The nearest word before the match (past FILLER) makes it something else when it is one of these.
    DENY: ClassVar[frozenset[str]] = frozenset()
    #: The word right after the match makes it something else when it is one of these ("912 345 678 kr").
    DENY_AFTER: ClassVar[frozenset[str]] = frozenset()
    #: Patterns whose shape no deny word explains away: "saldo: 6345.33.88702" is no amount (an amount is
    #: never written 4.2.5 with two dots). A valid match after a deny word keeps DENIED_SHAPE_SCORE.
    UNDENIABLE: ClassVar[frozenset[str]] = frozenset()
    #: What a text must have for this recognizer to have any chance (see ``could_match``).
    MIN_DIGIT_RUN: ClassVar[int] = 1
    REQUIRED_CHARS: ClassVar[str] = ""
    #: Every match of these patterns lies inside one digit run (TextFacts), except for the patterns named
    #: in FREE_PATTERNS, which are searched over the whole text.
    RUN_BOUND: ClassVar[bool] = True
    FREE_PATTERNS: ClassVar[frozenset[str]] = frozenset()
    #: Per free pattern (by name): a regex that the lower-cased text must match for the pattern to match
    #: at all, as the literal words of a case-blind pattern must be there in lower case. A scan for the
    #: words costs a fraction of the pattern's own search, which tries every word of the message.
    #: (``str.lower`` keeps offsets and agrees with IGNORECASE except on "ı", "İ" and "ſ"; a text with
    #: one of those is searched without the hint.)
    PATTERN_HINTS: ClassVar[Mapping[str, str]] = {}
    #: Patterns are greedy and each match is shortened from the right, to a word boundary, until
    #: ``is_valid`` accepts it (IBANs and international phone numbers can be followed by a short word or
    #: number that the pattern cannot tell from one more group).
    SHRINK_TO_VALID: ClassVar[bool] = False
    SHRINK_MIN_CHARS: ClassVar[int] = 6
    #: Numbers of digits this identifier has when written with odd grouping, line breaks or spaced-out
    #: digits (windows of a ``DigitChain``), and the score such a window gets when ``is_valid`` accepts it.
    #: Checksums are what make these safe: a window of an amount or a date rarely passes one.
    LOOSE_LENGTHS: ClassVar[frozenset[int]] = frozenset()
    LOOSE_SCORE: ClassVar[float] = 0.3

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        register_vocabulary([*cls.CONTEXT, *cls.STRONG_CONTEXT, *cls.DENY, *cls.DENY_AFTER])

    def __init__(self, supported_language: str = "nb") -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name=f"{type(self).__name__}",
            supported_language=supported_language,
            patterns=[Pattern(name, regex, score) for name, regex, score in self.PATTERNS],
            context=list(self.CONTEXT),
        )
        self._compiled = [re.compile(p.regex, _FLAGS) for p in self.patterns]
        self._free = [not self.RUN_BOUND or p.name in self.FREE_PATTERNS for p in self.patterns]
        hints = [self.PATTERN_HINTS.get(p.name) for p in self.patterns]
        self._hints = [None if hint is None else re.compile(hint) for hint in hints]
        self._steps = tuple(zip(self.patterns, self._compiled, self._free, self._hints, strict=True))
        self._cues = cue_set(tuple(self.CONTEXT))
        self.strong_cues = cue_set(tuple(self.STRONG_CONTEXT))
        self._deny = cue_set(tuple(sorted(self.DENY)))
        self._deny_after = cue_set(tuple(sorted(self.DENY_AFTER)))

    # --- checks: subclasses override is_valid ---------------------------------------------------------

    def could_match(self, facts: TextFacts) -> bool:
        """False when ``facts`` rule out any match, so the engine need not run the patterns at all."""
        longest = facts.longest_run
        if self.LOOSE_LENGTHS and facts.longest_chain > longest:
            longest = facts.longest_chain
        if longest < self.MIN_DIGIT_RUN:
            return False
        return not self.REQUIRED_CHARS or any(ch in facts.text for ch in self.REQUIRED_CHARS)

    def is_valid(self, candidate: str) -> bool:
        """Checksum / structure check on the matched text; the default accepts every match."""
        return True

    def score_of(self, candidate: str, score: float) -> float:
        """The score of a valid match: the pattern's, unless the recognizer has doubts about the value
        (a phone number in a range that libphonenumber does not know yet)."""
        return score

    def validate_result(self, pattern_text: str) -> bool | None:
        # None keeps the pattern's score; see the module docstring for why not True.
        return None

    def invalidate_result(self, pattern_text: str) -> bool | None:
        return not self.is_valid(pattern_text)

    def _shrink(self, text: str, start: int, end: int) -> int | None:
        """The largest end ≤ ``end`` at a word boundary where ``text[start:end]`` is valid. The pattern's
        own end may touch a letter: the pattern said where the digits stop ("telefon:94544515mvh")."""
        for stop in range(end, start + self.SHRINK_MIN_CHARS - 1, -1):
            if stop < len(text) and (text[stop].isdigit() if stop == end else text[stop].isalnum()):
                continue
            if not (text[stop - 1].isalnum() or text[stop - 1] == ")"):
                continue
            if self.is_valid(text[start:stop]):
                return stop
        return None

    # --- deny context ---------------------------------------------------------------------------------

    def is_denied(self, text: str, start: int, end: int) -> bool:
        """True if the nearest word before the match, or the word after it, is a deny word."""
        if self.DENY and start > 0:
            # only this sentence: "he has my case. number is 418 60 276" is a phone number
            window = text[max(0, start - 60) : start]
            cut = 0
            if "." in window or "!" in window or "?" in window or "\n" in window:
                for boundary in _SENTENCE_END.finditer(text, max(0, start - 60), start):
                    cut = boundary.end()
            for forms in forms_of(words_before(text[cut:], start - cut, 4)):
                if all(is_filler(form) for form in forms):
                    continue
                denied = self._deny.exact_match(forms[0])
                cue = self._cues.exact_match(forms[0]) if denied else None
                if denied and (cue is None or len(cue) <= len(denied)):
                    return True  # the whole word denies, whatever its parts say: "KID-nummer"; but a
                    # longer cue it starts with is the word ("kontortelefon" is no "konto")
                if any(self._cues.match(form) for form in forms):
                    # our own cue is nearest: "konto 1234.56.78903", "phone number 91234567"; a typo
                    # that could be either reads as our cue ("acount" ~ "account" and "amount")
                    break
                if any(self._deny.match(form) for form in forms):
                    return True
                break
        if self.DENY_AFTER and end < len(text):
            for forms in forms_of(words_after(text, end, 1)):
                if any(self._deny_after.match(form) for form in forms):
                    return True
        return False

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """PatternRecognizer's analysis, with the checks above, in one pass over precompiled patterns.

        Presidio's own loop re-checks compile flags, reads the clock twice and builds an explanation
        for every pattern on every call, which costs more than the matching on a chat-sized text.
        Results, scores and metadata are what PatternRecognizer would produce (with ``validate_result``
        returning None); explanations are built for kept results only.
        """
        results: list[RecognizerResult] = []
        scored: dict[tuple[int, int], float] = {}  # span -> best score so far: skip what dedup would drop
        checked: dict[tuple[int, int], int | None] = {}  # the same span matched by several patterns
        starts: tuple[int, ...] | None = None  # the same for every run-bound pattern: found once
        low: str | None = None  # the lower-cased text, for the patterns' hints (see PATTERN_HINTS)
        for pattern, compiled, free, hint in self._steps:
            if free:
                if hint is not None:
                    if low is None:
                        unfolded = not text.isascii() and any(ch in text for ch in _UNFOLDED)
                        low = "" if unfolded else text.lower()
                    if low and hint.search(low) is None:
                        continue
                candidates = self._search(compiled, text, checked)
            else:
                if starts is None:
                    starts = text_facts(text).group_starts(self.MIN_DIGIT_RUN)
                if not starts:
                    continue
                candidates = self._match_at(compiled, text, starts, checked)
            for start, stop in candidates:
                if scored.get((start, stop), -1.0) >= pattern.score:
                    continue
                if not self.is_denied(text, start, stop):
                    score = self.score_of(text[start:stop], pattern.score)
                elif pattern.name in self.UNDENIABLE:
                    score = min(self.score_of(text[start:stop], pattern.score), DENIED_SHAPE_SCORE)
                else:
                    continue
                scored[(start, stop)] = score
                results.append(self._result(pattern, start, stop, score))
        if self.LOOSE_LENGTHS:
            results.extend(self._loose(text, results))
        if len(results) > 1:
            results = remove_duplicates(results)
        return self.add_results(text, results)

    def add_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Results no pattern can express, merged into the patterns' (the e-mail recognizer's addresses
        around a provider, the phone recognizer's mobile numbers in any grouping); none by default."""
        return results

    def _loose(self, text: str, found: list[RecognizerResult]) -> Iterator[RecognizerResult]:
        """Valid numbers written with odd grouping, line breaks or spaced-out digits (``DigitChain``)
        that no pattern matched, at ``LOOSE_SCORE``."""
        facts = text_facts(text)
        taken = [(r.start, r.end) for r in found]
        for chain in facts.chains:
            if chain.digits < min(self.LOOSE_LENGTHS):
                continue
            for start, stop in chain.windows(self.LOOSE_LENGTHS):
                if any(start < e and s < stop for s, e in taken):
                    continue
                candidate = text[start:stop]
                if _DATE_SHAPE.fullmatch(candidate) or not self.is_valid(candidate):
                    continue
                if self.is_denied(text, start, stop):
                    continue
                taken.append((start, stop))
                yield self._result(self._loose_pattern, start, stop, self.score_of(candidate, self.LOOSE_SCORE))

    def _accept(self, text: str, start: int, end: int, checked: dict[tuple[int, int], int | None]) -> int | None:
        """The end of the valid value matched at ``start`` (shortened if SHRINK_TO_VALID), or None."""
        if (start, end) in checked:
            return checked[start, end]
        if self.SHRINK_TO_VALID:
            stop = self._shrink(text, start, end)
        else:
            stop = end if end > start and self.is_valid(text[start:end]) else None
        checked[start, end] = stop
        return stop

    def _search(
        self, compiled: re.Pattern[str], text: str, checked: dict[tuple[int, int], int | None]
    ) -> list[tuple[int, int]]:
        """Valid matches over the whole text, non-overlapping, like ``finditer``.

        A list, not a generator: nothing the caller does between candidates changes which come next,
        and most patterns find none, where a generator's set-up is the larger part of the cost."""
        found: list[tuple[int, int]] = []
        position = 0
        while (match := compiled.search(text, position)) is not None:
            start, end = match.span()
            stop = self._accept(text, start, end, checked)
            if stop is not None:
                found.append((start, stop))
            position = (start + 1 if stop is None else stop) if self.SHRINK_TO_VALID else max(end, start + 1)
        return found

    def _match_at(
        self,
        compiled: re.Pattern[str],
        text: str,
        starts: Iterable[int],
        checked: dict[tuple[int, int], int | None],
    ) -> list[tuple[int, int]]:
        """The same matches as ``_search`` for a pattern confined to digit runs, tried only where a digit
        group starts (a number pattern cannot start inside a group): most of a text is never scanned."""
        found: list[tuple[int, int]] = []
        resume = 0
        match_at = compiled.match
        for position in starts:
            if position < resume or (match := match_at(text, position)) is None:
                continue
            start, end = match.span()
            stop = self._accept(text, start, end, checked)
            if stop is not None:
                found.append((start, stop))
                resume = stop
            elif not self.SHRINK_TO_VALID:
                resume = end
        return found

    @functools.cached_property
    def _loose_pattern(self) -> Pattern:
        return Pattern(LOOSE_PATTERN, _DIGIT_CHAIN.pattern, self.LOOSE_SCORE)

    def _result(self, pattern: Pattern, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=self.build_regex_explanation(
                self.name, pattern.name, pattern.regex, score, True, _FLAGS
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
