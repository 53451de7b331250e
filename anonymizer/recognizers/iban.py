"""IBANs (IBAN_CODE): "NO93 8601 1117 947", "NO9386011117947", any country, any case.

A Norwegian IBAN embeds a kontonummer; the whole IBAN is reported (it is longer and scores higher, so
overlap resolution keeps it). The candidate pattern is greedy over groups of letters and digits, so it
can swallow a following short word ("NO93 8601 1117 947 og"); the base class shortens each match from
the right until ``stdnum.iban`` accepts it.
"""

from __future__ import annotations

import re

from anonymizer.disguises import IBAN_SHAPE, valid_iban
from anonymizer.recognizers._common import ChatPatternRecognizer, TextFacts

ENTITY = "IBAN_CODE"

_SEP = r"(?:[ \t]{1,2}|[\-./_]|[ \t]*\r?\n[ \t]*)"
PATTERNS: tuple[tuple[str, str, float], ...] = (
    # Greedy on purpose (see above). Case-insensitive through Presidio's default regex flags.
    # Separators people use between groups (space, dash, dot, slash, underscore, a line break: "DE40 8858
    # 7177\n5781 9979 05", "NO24.7874.7137.225"), also between the country code's letters and after it
    # ("n o 1 6 9 3 ...", "se 86 5000 ...").
    # Dictated IBANs come out of the normaliser with a double space where a comma was ("N O 1 1  1 5 9 4").
    ("iban", rf"(?<![\w@])[A-Z] ?[A-Z](?:{_SEP}?\d){{2}}(?:{_SEP}?[A-Z0-9]){{11,30}}", 0.95),
)

CONTEXT: tuple[str, ...] = ("iban", "swift", "bic", "konto", "kontonummer", "account", "bank")


#: What is not a letter or a digit: ``[^\W_]`` is exactly ``str.isalnum``, and one substitution costs less
#: than a test per character (the shrinking loop asks this for every shorter end of a candidate).
_NOT_ALNUM = re.compile(r"[\W_]+")


def is_valid_iban(text: str) -> bool:
    """Country format and mod-97 check digits (stdnum)."""
    return valid_iban(_NOT_ALNUM.sub("", text.upper()))


class ChatIbanRecognizer(ChatPatternRecognizer):
    """International bank account numbers, validated by stdnum."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    MIN_DIGIT_RUN = 4
    RUN_BOUND = False  # starts with the country letters
    SHRINK_TO_VALID = True
    SHRINK_MIN_CHARS = 15

    def could_match(self, facts: TextFacts) -> bool:
        """Four digits in a row, or an IBAN's shape however few digits it holds (Pakistan's, Qatar's,
        Kuwait's, Romania's, Latvia's hold bank codes and letters: "PK60SCWSCHJ0BY5SN31QMTUV", "kw35 uwnv
        m2t7 u9nd ...", "RO23-UKSE-A52C-P6CC-YZEG-WX4H"), the shape the normaliser protects."""
        return super().could_match(facts) or IBAN_SHAPE.search(facts.text) is not None

    def is_valid(self, candidate: str) -> bool:
        return is_valid_iban(candidate)
