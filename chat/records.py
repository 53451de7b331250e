"""``@record``: a value type that is frozen to the type checker and cheap to build at run time.

Why: every message passes through a handful of value objects on the event loop (the parsed frame, the
message to store, what the store returned), and a ``@dataclass(frozen=True)`` builds each field with
``object.__setattr__`` to get past its own ``__setattr__``: 1.5 µs for a seven-field object where a plain
slotted dataclass takes 0.2 (``timeit``, this machine), several microseconds of every message on the
thread that sets the gateway's pace (issue 11). A ``@record`` class is an ordinary slotted dataclass at run
time, hashable from its fields like a frozen one (``unsafe_hash``), and frozen where it matters for us:
mypy (strict, in CI) refuses any assignment to its fields, through ``dataclass_transform``'s
``frozen_default`` (tests/core/test_records.py checks that it does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """A slotted dataclass with field equality and hash, immutable to the type checker."""
    return dataclass(slots=True, unsafe_hash=True)(cls)
