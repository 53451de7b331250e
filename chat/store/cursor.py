"""Opaque page cursors for keyset pagination, shared by every backend.

Lists are paged by their sort key ``(time, id)`` instead of an offset, so that a page stays correct
while new rows arrive (an offset would repeat or skip rows). The key is handed to the client as an
opaque token: clients must not build or edit cursors, and a token for one kind of list is refused by
another (the ``kind`` tag), so a bad token is a clean 400 instead of a wrong page. Nothing personal goes
in a cursor: only a timestamp and a random id. Which list of a kind (whose sessions, which audit
filters) is not known here; the HTTP API binds each cursor to exactly its list (``chat/api/pages.py``).
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime, timedelta

from chat.errors import ProtocolError

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The kind of the audit log's cursors, in every backend (sort key: time, audit id).
AUDIT_KIND = "audit"
#: Cursors are short; anything longer is not one of ours and is refused before decoding.
_MAX_LEN = 512


def epoch_us(at: datetime) -> int:
    """Exact integer microseconds since the epoch (floats would lose microseconds and break ties)."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("naive datetime: the store only accepts timezone-aware times")
    delta = at - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_epoch_us(value: int) -> datetime:
    """The timezone-aware UTC datetime for :func:`epoch_us`'s integer."""
    return _EPOCH + timedelta(microseconds=value)


def encode_cursor(kind: str, at: datetime, key: str) -> str:
    """A URL-safe token that points just past the row with sort key ``(at, key)``."""
    raw = json.dumps([kind, epoch_us(at), key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str, kind: str) -> tuple[datetime, str]:
    """The ``(at, key)`` inside a token made by :func:`encode_cursor` for the same ``kind``.

    Raises :class:`chat.errors.ProtocolError` for anything else, whatever is wrong with it.
    """
    if not cursor or len(cursor) > _MAX_LEN:
        raise ProtocolError("invalid cursor")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError("invalid cursor") from exc
    if (
        not isinstance(value, list)
        or len(value) != 3
        or value[0] != kind
        or type(value[1]) is not int
        or not isinstance(value[2], str)
    ):
        raise ProtocolError("invalid cursor")
    try:
        at = from_epoch_us(value[1])
    except OverflowError as exc:
        raise ProtocolError("invalid cursor") from exc
    return at, value[2]


def audit_cursor_after(at: datetime, audit_id: str) -> str:
    """The audit-log cursor that points just past the record ``(at, audit_id)``: for a reader that filters
    the store's records and must end its page on the last record it returned (``chat/api/archive.py``)."""
    return encode_cursor(AUDIT_KIND, at, audit_id)
