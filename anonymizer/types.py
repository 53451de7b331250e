"""Public value types of the anonymizer (kept free of Presidio so callers need not import it)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Stable entity type names (see ../shared/brief.md); redaction writes ``<TYPE>``.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "NO_FODSELSNUMMER",
    "NO_KONTONUMMER",
    "NO_ORGNR",
    "IBAN_CODE",
    "CREDIT_CARD",
    "ADDRESS",
    "IP_ADDRESS",
)


@dataclass(frozen=True, slots=True)
class Entity:
    """One detected span: ``text[start:end]`` is the personal data (character offsets)."""

    type: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Redaction:
    """The redacted text and what was removed from it (types and offsets into the original)."""

    text: str
    entities: list[Entity] = field(default_factory=list)
