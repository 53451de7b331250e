"""Payment card numbers (CREDIT_CARD): 13-19 digits, Luhn check digit, a real issuer prefix.

Luhn alone is weak: one random number in ten passes, and Norwegian KID payment references of 15-16
digits often carry a Luhn check digit too. So a match must also have an issuer prefix and a length that
issuer uses (the table below, which also covers Mastercard's 2221-2720 range that Presidio's own card
pattern misses), and a KID / reference cue right before it makes it a payment reference, not a card.
"""

from __future__ import annotations

import re

from stdnum import luhn

from anonymizer.recognizers._common import (
    DATE_NEXT,
    GROUP_END,
    GROUP_START,
    NUM_END,
    NUM_START,
    NUMBER_DENY,
    ChatPatternRecognizer,
    digits,
)

ENTITY = "CREDIT_CARD"

#: The amount words among ``NUMBER_DENY``.
AMOUNT_WORDS = frozenset(
    {"kr", "nok", "sek", "dkk", "eur", "usd", "beløp", "beløpet", "sum", "amount", "total", "saldo", "balance"}
)

PATTERNS: tuple[tuple[str, str, float], ...] = (
    # "4111 1111 1111 1111", "4111-1111-1111-1111", 19-digit cards with a short last group.
    # The short group is no date's day: "kortet 4111 1111 1111 1111 2. mars" (see GROUP_END).
    ("card_4x4", GROUP_START + r"\d{4}(?:[ \-]\d{4}){2,3}(?:[ \-](?!" + DATE_NEXT + r")\d{1,4})?" + GROUP_END, 0.85),
    # American Express / Diners print 4-6-5 and 4-6-4.
    ("card_4_6_5", GROUP_START + r"\d{4}[ \-]\d{6}[ \-]\d{4,5}" + GROUP_END, 0.85),
    ("card_bare", NUM_START + r"\d{13,19}" + NUM_END, 0.5),
)

#: (lowest prefix, highest prefix, allowed lengths): prefixes compared on their own number of digits.
ISSUERS: tuple[tuple[str, str, frozenset[int]], ...] = (
    ("4", "4", frozenset({13, 16, 19})),  # Visa (and Visa Electron)
    ("51", "55", frozenset({16})),  # Mastercard
    ("2221", "2720", frozenset({16})),  # Mastercard 2-series
    ("34", "34", frozenset({15})),  # American Express
    ("37", "37", frozenset({15})),
    ("300", "305", frozenset({14, 16, 17, 18, 19})),  # Diners Club
    ("36", "36", frozenset({14, 16, 17, 18, 19})),
    ("38", "39", frozenset({14, 16, 17, 18, 19})),
    ("6011", "6011", frozenset({16, 17, 18, 19})),  # Discover
    ("644", "649", frozenset({16, 17, 18, 19})),
    ("65", "65", frozenset({16, 17, 18, 19})),
    ("62", "62", frozenset({16, 17, 18, 19})),  # UnionPay
    ("3528", "3589", frozenset({16, 17, 18, 19})),  # JCB
    ("50", "50", frozenset({13, 14, 15, 16, 17, 18, 19})),  # Maestro
    ("56", "58", frozenset({13, 14, 15, 16, 17, 18, 19})),
    ("60", "69", frozenset({13, 14, 15, 16, 17, 18, 19})),
)

CONTEXT: tuple[str, ...] = (
    "kort", "kortet", "kortnummer", "kortnr", "kortnummeret", "bankkort", "kredittkort", "debetkort",
    "betalingskort", "visa", "visakort", "mastercard", "amex", "maestro", "card", "creditcard", "credit",
    "debit", "cc",
)


def has_issuer_prefix(number: str) -> bool:
    """True if the number starts with a known issuer prefix and has a length that issuer uses."""
    return any(len(number) in lengths and low <= number[: len(low)] <= high for low, high, lengths in ISSUERS)


def is_valid_card(text: str) -> bool:
    """13-19 digits, Luhn (stdnum), issuer prefix and length."""
    number = digits(text)
    return 13 <= len(number) <= 19 and has_issuer_prefix(number) and luhn.is_valid(number)


#: Sixteen digits in four groups of four, as every card is embossed and printed ("5968 2799 0777 0480").
PRINTED = re.compile(r"\d{4}([ \-])\d{4}\1\d{4}\1\d{4}")
#: A printed card number from an issuer ``ISSUERS`` lacks (Maestro's 59, Mir's 2200-2204, RuPay's and
#: UnionPay's 81-82, Troy's 9792, and ranges yet to be assigned): the table can never be complete, and
#: a tourist's card is as personal as a Norwegian's. Below strict mode's threshold alone, so a KID or
#: reference printed 4-4-4-4 stays; a card cue in reach ("The card: ...", "kortet mitt") lifts it over
#: both modes' thresholds (+0.35 from the context enhancer).
UNLISTED_ISSUER_SCORE = 0.1


def is_printed_card(text: str) -> bool:
    """Printed 4-4-4-4, or sixteen digits in one piece ("Kortnr 2741630215262415"), with a Luhn check
    digit, whatever the issuer (scored ``UNLISTED_ISSUER_SCORE``: only a card cue makes it a card)."""
    number = digits(text)
    if PRINTED.fullmatch(text) is None and not (len(number) == 16 and text.isdigit()):
        return False
    return luhn.is_valid(number)


class ChatCreditCardRecognizer(ChatPatternRecognizer):
    """Payment card numbers; a KID or reference cue right before one wins over the Luhn check."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    MIN_DIGIT_RUN = 13
    #: Not the amount words: no amount has 13-19 digits, and "nok" is also "enough" ("kortnr (19 siffer,
    #: rart nok): 4269 ...", oddly enough). Nor a receipt: a card's number is printed on one ("kortnummeret
    #: står på kvitteringen: 2221 ..."), and a receipt's own number is no card's Luhn and issuer. References
    #: ("KID", "faktura") still deny.
    DENY = NUMBER_DENY - AMOUNT_WORDS - {"kvittering", "receipt"}
    LOOSE_LENGTHS = frozenset(range(13, 20))  # "41111111 11111111", one digit per group, over lines
    LOOSE_SCORE = 0.45

    def is_valid(self, candidate: str) -> bool:
        return is_valid_card(candidate) or is_printed_card(candidate)

    def score_of(self, candidate: str, score: float) -> float:
        """A printed card from an issuer not in ``ISSUERS`` needs a card cue (``UNLISTED_ISSUER_SCORE``)."""
        return score if has_issuer_prefix(digits(candidate)) else UNLISTED_ISSUER_SCORE
