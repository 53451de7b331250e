"""``@record`` (chat/records.py): frozen to the type checker, a plain slotted dataclass at run time."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

from mypy import api as mypy_api

from chat.protocol import ChatMessage
from chat.store.base import AppendResult, NewMessage, StoredMessage


def test_mypy_refuses_assigning_a_field_of_a_record(tmp_path: Path) -> None:
    source = tmp_path / "mutates.py"
    source.write_text(
        textwrap.dedent(
            """
            from chat.records import record

            @record
            class Point:
                x: int
                y: int = 0

            p = Point(1)
            p.x = 2
            q = Point(1, y=3)
            """
        )
    )
    out, _err, status = mypy_api.run(["--strict", "--no-incremental", "--follow-imports=silent", str(source)])
    assert status == 1
    assert 'Property "x" defined in "Point" is read-only' in out
    assert out.count("error:") == 1  # the constructor with a keyword and a default is understood


def test_records_compare_and_hash_by_their_fields() -> None:
    at = datetime(2026, 12, 2, tzinfo=UTC)
    a = StoredMessage("s1", 3, "customer", "hei", at, "c1")
    b = StoredMessage("s1", 3, "customer", "hei", at, "c1")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != StoredMessage("s1", 4, "customer", "hei", at, "c1")
    assert AppendResult(a, False) == AppendResult(b, False)
    assert ChatMessage("c1", "hei") == ChatMessage("c1", "hei")
    assert NewMessage("s1", "customer", "hei", at).redactions == {}
    assert not hasattr(a, "__dict__")  # slotted
