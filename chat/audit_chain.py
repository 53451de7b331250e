"""The audit log as a hash chain (issue 14): each record carries the hash of its predecessor.

Why: the audit log is the bank's answer to "who read this chat, and why", and rows in a database can be
edited or deleted by anyone with access to it. Chained, an edit changes a record's hash; a deletion or
an insertion breaks a link; a reordering breaks two; and the head of the chain, published where the
database administrator cannot rewrite it (the server log and ``/metrics``; docs/operations.md says
how a bank anchors it in its own WORM storage), pins everything before it.

Pure: the canonical encoding, the link hash and the walk that checks a chain. The stores assign the
sequence numbers and hashes inside their own atomic insert (one chain however many instances write).

Canonical encoding: a JSON object of the record's fields plus ``seq`` and ``prev`` with sorted keys, no
whitespace, UTF-8, times as integer milliseconds since the epoch (what both stores keep exactly).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from chat.store.base import AuditLink, AuditRecord, Store

#: The predecessor of the first record ever written.
GENESIS: Final = "0" * 64


_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


def _ms(value: datetime) -> int:
    return (value - _EPOCH) // timedelta(milliseconds=1)


def canonical(record: AuditRecord, seq: int, prev: str) -> bytes:
    """Every field of the record (taken from the dataclass, so a field added later is covered too)."""
    fields: dict[str, object] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        fields[f.name] = _ms(value) if isinstance(value, datetime) else value
    fields.update(seq=seq, prev=prev)
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def link_hash(record: AuditRecord, seq: int, prev: str) -> str:
    return hashlib.sha256(canonical(record, seq, prev)).hexdigest()


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    #: Records checked.
    checked: int
    #: The last good link: where the chain stands (published as the anchor).
    head_seq: int
    head_hash: str
    #: Where it broke, and how (``edited``, ``missing``, ``reordered or inserted``).
    broken_at: int | None = None
    reason: str | None = None


def verify(links: Iterable[AuditLink]) -> Verdict:
    """Walk the chain in ``seq`` order and stop at the first fault.

    The oldest record still stored is trusted as the start (records before it expired and were purged,
    oldest first); what it is trusted for is pinned by the heads published earlier: a head seen in the
    bank's WORM storage must still be in the chain with the same hash (``chatlog audit verify
    --expect-head``), which a rewrite from that point on, or a cut of the newest records, cannot fake.
    """
    seq, prev, checked = -1, GENESIS, 0
    for link in links:
        if checked == 0:
            seq, prev = link.seq - 1, (GENESIS if link.seq == 1 else link.prev)
        if link.seq != seq + 1:
            reason = "missing" if link.seq > seq + 1 else "reordered or inserted"
            return Verdict(False, checked, seq, prev, seq + 1, reason)
        if link.prev != prev:
            return Verdict(False, checked, seq, prev, link.seq, "reordered or inserted")
        if link_hash(link.record, link.seq, link.prev) != link.hash:
            return Verdict(False, checked, seq, prev, link.seq, "edited")
        seq, prev, checked = link.seq, link.hash, checked + 1
    return Verdict(True, checked, seq, prev)


async def verify_store(store: Store, *, page: int = 1000) -> Verdict:
    """:func:`verify` over a store's whole chain, a page at a time (never the whole log in memory)."""
    links: list[AuditLink] = []
    after = 0
    verdict: Verdict | None = None
    checked = 0
    while True:
        batch = await store.audit_links(after_seq=after, limit=page)
        if not batch:
            break
        # Check each page with the last good link of the previous one in front of it.
        window = [*links[-1:], *batch]
        verdict = verify(window)
        checked += verdict.checked - len(links[-1:])
        if not verdict.ok:
            return Verdict(False, checked, verdict.head_seq, verdict.head_hash, verdict.broken_at, verdict.reason)
        links = batch
        after = batch[-1].seq
    if verdict is None:
        return Verdict(True, 0, 0, GENESIS)
    return Verdict(True, checked, verdict.head_seq, verdict.head_hash)


async def link_at(store: Store, seq: int) -> AuditLink | None:
    found = await store.audit_links(after_seq=seq - 1, limit=1)
    return found[0] if found and found[0].seq == seq else None
