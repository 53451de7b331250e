"""Shared fixtures for the anonymizer tests: one engine per test session (building one takes ~1 s)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anonymizer import Anonymizer, get_anonymizer

#: Entity types from the name and address recognizers, written separately; the number-format tables
#: ignore them so that a name in a test sentence does not change what those tables are about.
NAME_TYPES = frozenset({"PERSON", "ADDRESS"})

Span = tuple[str, int, int]


def spans_of(text: str, *expected: tuple[str, str]) -> list[Span]:
    """Exact (type, start, end) of each (type, substring), substrings located left to right."""
    out: list[Span] = []
    position = 0
    for entity_type, substring in expected:
        start = text.index(substring, position)
        out.append((entity_type, start, start + len(substring)))
        position = start + len(substring)
    return sorted(out, key=lambda s: s[1])


def person_names(engine: Anonymizer, text: str) -> list[str]:
    """The PERSON spans ``engine`` finds in ``text`` in strict mode, as text (the name rounds' tests)."""
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == "PERSON"]


@pytest.fixture(scope="session")
def engine() -> Anonymizer:
    return get_anonymizer()


@pytest.fixture(scope="session")
def found(engine: Anonymizer) -> Callable[..., list[Span]]:
    """(type, start, end) of what ``analyze`` reports, without PERSON/ADDRESS unless asked for."""

    def _found(text: str, lang: str = "auto", *, ignore: frozenset[str] = NAME_TYPES) -> list[Span]:
        return [(e.type, e.start, e.end) for e in engine.analyze(text, lang) if e.type not in ignore]

    return _found


def chat(key: bytes, *messages: str) -> list[str]:
    """Each message redacted with its chat's memory of the ones before it (names, halves of a
    fødselsnummer), as the gateway does (anonymizer/session_names.py)."""
    from anonymizer import process, session_names

    memory: frozenset[bytes] = frozenset()
    out = []
    for text in messages:
        redaction, learned = session_names.extend(text, process(text), key, memory)
        memory |= learned
        out.append(redaction.text)
    return out
