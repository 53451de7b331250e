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


#: How much evidence redaction needs (the engine maps each to a score threshold):
#:
#: * ``strict`` (the default; what the gateway uses for anonymous chats): when in doubt, redact. Results
#:   that recognizers mark as doubtful (a checksum-valid number in an odd grouping with no cue word, a
#:   name that is also an everyday word but reads as a name) are redacted too. An over-redacted word
#:   costs a statistic a little; a leaked name in an anonymous log is a breach kept for a year.
#: * ``balanced``: only what the evidence carries, where readability matters more.
#:
#: docs/benchmarks.md has the precision and recall of both, measured on held-out sets.
#: One change normalisation makes to the raw text: replace ``text[start:end]`` with the string. Every
#: normalising pass returns these, and ``anonymizer.normalize`` applies them and maps offsets back.
Edit = tuple[int, int, str]

MODE_NAMES: tuple[str, ...] = ("strict", "balanced")
DEFAULT_MODE = "strict"


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
