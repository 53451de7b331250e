"""Which kind of number a checksum vouches for, from its digits alone.

Shared by the readings that must prove a number before they change or join anything: the pieces of a
number typed over several messages (``anonymizer.split_values``) and a number written backwards
(``anonymizer.reversed_numbers``). A leaf module (python-stdnum only), so that the normaliser can use it
without importing the recognizers.
"""

from __future__ import annotations

from stdnum import luhn
from stdnum.no import fodselsnummer, kontonr, orgnr


def checksummed(digits: str) -> str | None:
    """The entity type a checksum vouches for (a fødselsnummer before an account: every valid one passes
    the account's check too), or None: 11 digits, 9 for an organisation, 13-19 for a card (Luhn, and a
    card's first digit, 2-6)."""
    if len(digits) == 11:
        if fodselsnummer.is_valid(digits):
            return "NO_FODSELSNUMMER"
        if kontonr.is_valid(digits):
            return "NO_KONTONUMMER"
        return None
    if len(digits) == 9:
        return "NO_ORGNR" if orgnr.is_valid(digits) else None
    if 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn.is_valid(digits):
        return "CREDIT_CARD"
    return None
