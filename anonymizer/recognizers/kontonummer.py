"""Norwegian bank account numbers (NO_KONTONUMMER): 11 digits, "1234.56.78903", one mod-11 check digit.

The dotted 4.2.5 grouping is how banks print account numbers, so it is telling on its own; a bare 11-digit
number is also a valid fødselsnummer one time in eleven, and then the fødselsnummer recognizer scores
higher unless a cue word ("konto") is nearer (see anonymizer/recognizers/fodselsnummer.py). Any valid
kontonummer is redacted whatever its grouping, because an unredacted account number is the worse error.
"""

from __future__ import annotations

from stdnum.no import kontonr as _kontonr

from anonymizer.recognizers._common import (
    GROUP_END,
    GROUP_START,
    NUM_END,
    NUM_START,
    NUMBER_DENY,
    ChatPatternRecognizer,
    digits,
    glued,
)

ENTITY = "NO_KONTONUMMER"

#: An amount after the number: digit groups in thousands, decimals, and a currency word.
_AMOUNT_AFTER = r"(?= \d{1,3}(?: \d{3})*(?:,\d{1,2}|,-)?[ \t]*(?:kr\b|nok\b|kroner\b|,-))"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    # The dotted 4.2.5 form is complete in itself, so a space-separated amount may follow it
    # ("konto 1234.56.78903 11 500 kr") or precede it: only a dotted or hyphened group would make it part
    # of a longer run.
    ("konto_dotted", NUM_START + r"(?<!\d-)\d{4}\.\d{2}\.\d{5}" + NUM_END + r"(?![.\-]\d)", 0.9),
    ("konto_4_2_5", GROUP_START + r"\d{4}[ \-]\d{2}[ \-]\d{5}" + GROUP_END, 0.85),
    # ... and right before an amount in spaced groups and its currency: "send til 1822 78 54681 8 450 kr".
    ("konto_4_2_5_amount", GROUP_START + r"\d{4}[ \-]\d{2}[ \-]\d{5}" + _AMOUNT_AFTER, 0.85),
    ("konto_bare", NUM_START + r"\d{11}" + NUM_END, 0.5),
    # Any other grouping of 11 digits ("1234 5678903", "123 456 789 03"): never leave a valid one.
    ("konto_other", GROUP_START + r"\d{2,6}(?:[ .\-]\d{1,7}){1,4}" + GROUP_END, 0.45),
    # Glued to a word ("kontonr:86011117947navn"): only with a cue word.
    ("konto_glued", glued(r"(?:\d{4}\.\d{2}\.\d{5}|\d{11})"), 0.15),
)

#: Words that name an account number (inflections by prefix, typos by edit distance: "kontonumer").
STRONG_CONTEXT: tuple[str, ...] = (
    "kontonummer", "kontonr", "konto-nr", "konto.nr", "ktonr", "kto.nr", "bankkontonummer", "kontonumre",
)

#: Topic words: "konto", "account" (followed by "nummer"/"number" they name it too).
CONTEXT: tuple[str, ...] = (
    *STRONG_CONTEXT, "konto", "kto", "bankkonto", "brukskonto", "lønnskonto", "sparekonto", "regningskonto",
    "kontoen", "account", "acct", "a/c", "overfør", "overføre", "overføring", "transfer",
)


def is_valid_kontonummer(text: str) -> bool:
    """Exactly 11 digits with a valid mod-11 check digit (stdnum)."""
    number = digits(text)
    return len(number) == 11 and _kontonr.is_valid(number)


class NoKontonummerRecognizer(ChatPatternRecognizer):
    """Norwegian bank account numbers in any grouping."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    STRONG_CONTEXT = STRONG_CONTEXT
    MIN_DIGIT_RUN = 11
    DENY = NUMBER_DENY
    #: Banks' own groupings, which no amount or reference takes ("saldo: 6345.33.88702").
    UNDENIABLE = frozenset({"konto_dotted", "konto_4_2_5", "konto_4_2_5_amount"})
    LOOSE_LENGTHS = frozenset({11})
    LOOSE_SCORE = 0.3

    def is_valid(self, candidate: str) -> bool:
        return is_valid_kontonummer(candidate)
