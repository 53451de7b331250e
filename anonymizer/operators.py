"""How detected entities are replaced: ``<TYPE>`` or a keyed pseudonym ``<TYPE_1a2b3c4d>``.

Both are presidio-anonymizer operators, configured per call through ``OperatorConfig``. ``<TYPE>`` is
for anonymous transcripts: nothing links two mentions. Pseudonyms keep analysis possible ("the same
account number came up in three sessions") without the value: an HMAC-SHA256 of the normalised value
under a secret key, so that they cannot be reversed or recomputed by someone without the key, and change
completely when the key is rotated. Values are normalised first so that the ways people write one value
("1234.56.78903" / "12345678903", "+47 912 34 567" / "91234567", "Kari" / "KARI") give one pseudonym.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from typing import Any

import phonenumbers
from presidio_anonymizer.entities import InvalidParamError, OperatorConfig
from presidio_anonymizer.operators import Operator, OperatorType

PSEUDONYM_OPERATOR = "pseudonymize"
#: Hex characters of the HMAC kept in a token (32 bits: unique enough within one archive's sessions).
DEFAULT_TOKEN_HEX = 8
MIN_KEY_BYTES = 16

_NUMBER_TYPES = frozenset({"NO_FODSELSNUMMER", "NO_KONTONUMMER", "NO_ORGNR", "CREDIT_CARD"})


class SecretKey:
    """A pseudonymisation key that never shows up in a repr, a log line or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: bytes) -> None:
        if not isinstance(value, bytes) or len(value) < MIN_KEY_BYTES:
            raise ValueError(f"a pseudonymisation key must be at least {MIN_KEY_BYTES} bytes")
        self._value = value

    def reveal(self) -> bytes:
        return self._value

    def __repr__(self) -> str:
        return "SecretKey(***)"


def normalise(entity_type: str, value: str) -> str:
    """The canonical form of ``value`` that all of its spellings share."""
    if entity_type in _NUMBER_TYPES:
        return "".join(ch for ch in value if ch.isdigit())
    if entity_type == "IBAN_CODE":
        return "".join(ch for ch in value if ch.isalnum()).upper()
    if entity_type == "PHONE_NUMBER":
        try:
            number = phonenumbers.parse(value, "NO")
            return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        except phonenumbers.NumberParseException:
            return "".join(ch for ch in value if ch.isdigit())
    if entity_type == "IP_ADDRESS":
        try:
            return str(ipaddress.ip_address(value))
        except ValueError:
            return value.lower()
    return " ".join(value.casefold().split())


def pseudonym(entity_type: str, value: str, key: SecretKey, hex_chars: int = DEFAULT_TOKEN_HEX) -> str:
    """``<TYPE_xxxxxxxx>``: the same normalised value under the same key always gives the same token."""
    digest = hmac.new(key.reveal(), normalise(entity_type, value).encode("utf-8"), hashlib.sha256)
    return f"<{entity_type}_{digest.hexdigest()[:hex_chars]}>"


class KeyedPseudonym(Operator):
    """Presidio operator ``pseudonymize``: params ``key`` (a SecretKey) and optional ``hex_chars``."""

    def operate(self, text: str | None = None, params: dict[str, Any] | None = None) -> str:
        params = params or {}
        return pseudonym(
            str(params["entity_type"]), text or "", params["key"], int(params.get("hex_chars", DEFAULT_TOKEN_HEX))
        )

    def validate(self, params: dict[str, Any] | None = None) -> None:
        params = params or {}
        if not isinstance(params.get("key"), SecretKey):
            raise InvalidParamError("pseudonymize needs a 'key' parameter of type SecretKey")
        hex_chars = params.get("hex_chars", DEFAULT_TOKEN_HEX)
        if not isinstance(hex_chars, int) or not 4 <= hex_chars <= 64:
            raise InvalidParamError("hex_chars must be an int between 4 and 64")

    def operator_name(self) -> str:
        return PSEUDONYM_OPERATOR

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


#: ``<TYPE>`` for every entity (Presidio's replace operator without ``new_value``).
REPLACE_OPERATORS: dict[str, OperatorConfig] = {"DEFAULT": OperatorConfig("replace")}


def pseudonym_operators(key: SecretKey | bytes, hex_chars: int = DEFAULT_TOKEN_HEX) -> dict[str, OperatorConfig]:
    """Operator configuration that pseudonymises every entity type under ``key``."""
    secret = key if isinstance(key, SecretKey) else SecretKey(key)
    return {"DEFAULT": OperatorConfig(PSEUDONYM_OPERATOR, {"key": secret, "hex_chars": hex_chars})}
