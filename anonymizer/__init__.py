"""PII detection and redaction for Norwegian and English bank chat, on Presidio.

``analyze`` / ``redact`` / ``process`` (and their ``_batch`` forms) use one process-wide engine that is
built on first use (about a second: spaCy and Presidio). Importing this package is cheap: the engine
module is imported only when something needs it, so code that only wants ``Entity`` or ``Redaction``
(the gateway's main process, whose anonymizer runs in worker processes) does not pay for Presidio.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from anonymizer.types import ENTITY_TYPES, Entity, Redaction

if TYPE_CHECKING:
    from anonymizer.engine import Anonymizer


#: ``anonymizer.engine.get_anonymizer``, once imported: an import statement on every call costs more
#: than the call itself.
_get_engine: Callable[[], Anonymizer] | None = None


def get_anonymizer() -> Anonymizer:
    """The process-wide engine (built once, thread-safe)."""
    global _get_engine
    if _get_engine is None:
        from anonymizer.engine import get_anonymizer as _get

        _get_engine = _get
    return _get_engine()


def analyze(text: str, lang: str = "auto", mode: str | None = None) -> list[Entity]:
    """Entities in ``text`` sorted by start; ``lang`` is "nb", "en" or "auto"; ``mode`` is "strict" (the
    default: when in doubt, redact) or "balanced" (see ``anonymizer.engine.MODES``)."""
    return get_anonymizer().analyze(text, lang, mode)


def redact(text: str, lang: str = "auto", mode: str | None = None) -> str:
    """``text`` with ``<TYPE>`` in place of each entity."""
    return get_anonymizer().redact(text, lang, mode)


def process(text: str, lang: str = "auto", mode: str | None = None) -> Redaction:
    """The redacted text and the entities (offsets into ``text``)."""
    return get_anonymizer().process(text, lang, mode)


def analyze_batch(texts: Sequence[str], lang: str = "auto", mode: str | None = None) -> list[list[Entity]]:
    return get_anonymizer().analyze_batch(texts, lang, mode)


def redact_batch(texts: Sequence[str], lang: str = "auto", mode: str | None = None) -> list[str]:
    return get_anonymizer().redact_batch(texts, lang, mode)


def process_batch(texts: Sequence[str], lang: str = "auto", mode: str | None = None) -> list[Redaction]:
    return get_anonymizer().process_batch(texts, lang, mode)


def pseudonymize(text: str, key: bytes, lang: str = "auto", mode: str | None = None) -> str:
    """``text`` with keyed pseudonyms (``<PERSON_3f9a1c2b>``): same value and key, same token."""
    return get_anonymizer().pseudonymize(text, key, lang, mode)


def __getattr__(name: str) -> Any:
    if name == "Anonymizer":
        from anonymizer.engine import Anonymizer

        return Anonymizer
    raise AttributeError(f"module 'anonymizer' has no attribute {name!r}")


__all__ = [
    "ENTITY_TYPES",
    "Anonymizer",
    "Entity",
    "Redaction",
    "analyze",
    "analyze_batch",
    "get_anonymizer",
    "process",
    "process_batch",
    "pseudonymize",
    "redact",
    "redact_batch",
]
