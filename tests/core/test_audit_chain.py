"""The audit hash chain without a store: every kind of tampering is caught where it happened."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from chat.audit_chain import GENESIS, canonical, link_hash, verify
from chat.store.base import AuditLink, AuditRecord

T0 = datetime(2100, 3, 3, 9, 0, tzinfo=UTC)


def record(n: int) -> AuditRecord:
    return AuditRecord(f"a{n}", T0 + timedelta(seconds=n), "comp-1", "compliance", "read_session",
                       f"sak {n}", T0 + timedelta(days=3650), session_id=f"s{n}", customer_id="c1")


def chain(n: int) -> list[AuditLink]:
    links, prev = [], GENESIS
    for i in range(1, n + 1):
        h = link_hash(record(i), i, prev)
        links.append(AuditLink(record(i), i, prev, h))
        prev = h
    return links


def test_an_intact_chain_verifies_and_names_its_head() -> None:
    links = chain(5)
    verdict = verify(links)
    assert verdict.ok and verdict.checked == 5 and (verdict.head_seq, verdict.head_hash) == (5, links[-1].hash)


def test_the_encoding_is_canonical() -> None:
    one = canonical(record(1), 1, GENESIS)
    assert one == canonical(record(1), 1, GENESIS)
    assert b'"purpose":"sak 1"' in one and b" " not in one.replace(b"sak 1", b"")
    # Microseconds the MongoDB store cannot keep do not change the hash.
    assert link_hash(replace(record(1), at=record(1).at + timedelta(microseconds=400)), 1, GENESIS) == link_hash(
        record(1), 1, GENESIS
    )


def test_an_edited_record_is_caught_at_its_place() -> None:
    links = chain(5)
    links[2] = replace(links[2], record=replace(links[2].record, purpose="ingen grunn"))
    verdict = verify(links)
    assert (verdict.ok, verdict.broken_at, verdict.reason, verdict.head_seq) == (False, 3, "edited", 2)


def test_a_deleted_record_is_caught() -> None:
    links = chain(5)
    del links[2]
    assert (verify(links).broken_at, verify(links).reason) == (3, "missing")


def test_reordered_records_are_caught() -> None:
    links = chain(5)
    links[1], links[2] = links[2], links[1]
    assert verify(links).ok is False and verify(links).broken_at == 2


def test_an_inserted_record_is_caught_even_with_its_own_valid_hash() -> None:
    links = chain(5)
    forged = record(99)
    fake = AuditLink(forged, 3, links[1].hash, link_hash(forged, 3, links[1].hash))
    tampered = [*links[:2], fake, *[replace(link, seq=link.seq + 1) for link in links[2:]]]
    verdict = verify(tampered)
    assert not verdict.ok and verdict.broken_at == 4  # the next record's link no longer fits


def test_the_oldest_remaining_record_starts_the_walk_after_a_purge() -> None:
    links = chain(6)[2:]  # records 1 and 2 expired and were purged
    assert verify(links).ok
    first = links[0]
    # But a first record that claims to be the first ever must link to the genesis.
    assert not verify([replace(first, seq=1)]).ok
