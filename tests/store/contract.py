"""The store contract: every backend must pass these tests unchanged.

A backend's test module subclasses :class:`StoreContract` and provides an async ``store`` fixture that
yields an opened, empty :class:`chat.store.base.Store`. Nothing here knows which backend runs it.
Time is injected (``now=...``), never read from the clock, and all datetimes are whole seconds so that
backends that store milliseconds (MongoDB) round-trip them exactly.

Purge counts are reported under the keys ``sessions``, ``messages`` and ``audit``.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from chat.errors import DuplicateKey, ErasureRefused, ProtocolError, UnknownSession
from chat.store.base import (
    AuditRecord,
    DailyStats,
    Hold,
    NewMessage,
    Retention,
    SessionKind,
    SessionRecord,
    Store,
    StoredMessage,
    Transition,
)

#: In the year 2100: a real server's TTL monitor deletes by the wall clock, and must never touch test data
#: in the middle of a test (issue 9, item 4).
T0 = datetime(2100, 3, 3, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
FAR_FUTURE = datetime(9000, 1, 1, tzinfo=UTC)
SECRET_TEXT = "Ola Nordmann 01017012345"


def analytics(created: datetime = T0, days: int = 365) -> Retention:
    return Retention(tier="analytics", expire_at=created + days * DAY, visible_until=None)


def archive(created: datetime = T0) -> Retention:
    return Retention(tier="archive", expire_at=created + 3 * 365 * DAY, visible_until=created + 3 * 365 * DAY)


def new_session(
    session_id: str,
    *,
    customer_id: str | None = None,
    created_at: datetime = T0,
    retention: Retention | None = None,
    **fields: Any,
) -> SessionRecord:
    kind: SessionKind = "authenticated" if customer_id is not None else "anonymous"
    if retention is None:
        retention = archive(created_at) if customer_id is not None else analytics(created_at)
    return SessionRecord(
        session_id=session_id,
        kind=kind,
        customer_id=customer_id,
        created_at=created_at,
        retention=retention,
        **fields,
    )


def msg(
    session_id: str,
    text: str = "hei",
    *,
    client_msg_id: str | None = None,
    at: datetime = T0 + MINUTE,
    redactions: dict[str, int] | None = None,
) -> NewMessage:
    return NewMessage(
        session_id=session_id,
        sender="customer",
        text=text,
        at=at,
        client_msg_id=client_msg_id,
        redactions=redactions or {},
    )


def audit(
    audit_id: str,
    at: datetime,
    *,
    actor_id: str = "comp-1",
    session_id: str | None = None,
    customer_id: str | None = None,
    expire_at: datetime = FAR_FUTURE,
) -> AuditRecord:
    return AuditRecord(
        audit_id=audit_id,
        at=at,
        actor_id=actor_id,
        role="compliance",
        action="read_transcript",
        purpose="complaint 2025-17",
        expire_at=expire_at,
        session_id=session_id,
        customer_id=customer_id,
    )


def hold(hold_id: str, session_id: str, placed_at: datetime) -> Hold:
    return Hold(hold_id=hold_id, session_id=session_id, case_ref="CASE-1", placed_by="comp-1", placed_at=placed_at)


def is_utc(value: datetime | None) -> bool:
    return value is not None and value.tzinfo is not None and value.utcoffset() == timedelta(0)


# One field changed at a time, and what the whole record must look like afterwards.
UPDATE_CASES: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"state": "waiting"}, {"state": "waiting"}),
    ({"ended_at": T0 + HOUR}, {"ended_at": T0 + HOUR}),
    ({"add_adviser": "adv-1"}, {"adviser_ids": ["adv-1"]}),
    ({"legal_hold": True}, {"legal_hold": True}),
    ({"objection": True}, {"objection": True}),
    ({"retention": archive()}, {"retention": archive()}),
    (
        {"retention": Retention(tier="legal_hold", expire_at=None, visible_until=T0 + DAY)},
        {"retention": Retention(tier="legal_hold", expire_at=None, visible_until=T0 + DAY)},
    ),
]


class StoreContract:
    """Subclass and provide an async fixture ``store`` that yields an opened, empty Store."""

    # --- sessions -------------------------------------------------------------------------------------

    async def test_create_and_get_round_trips_every_field(self, store: Store) -> None:
        record = new_session(
            "s1",
            customer_id="c1",
            state="adviser",
            ended_at=T0 + HOUR,
            adviser_ids=["adv-1", "adv-2"],
            legal_hold=True,
            objection=True,
        )
        await store.create_session(record)
        got = await store.get_session("s1", now=T0)
        assert got == record
        assert got is not None
        assert all(is_utc(t) for t in (got.created_at, got.ended_at, got.retention.expire_at))

    async def test_get_unknown_session_is_none(self, store: Store) -> None:
        assert await store.get_session("nope", now=T0) is None

    async def test_duplicate_session_id_raises_duplicate_key(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        with pytest.raises(DuplicateKey):
            await store.create_session(new_session("s1", customer_id="c1"))
        got = await store.get_session("s1", now=T0)
        assert got is not None and got.kind == "anonymous"

    @pytest.mark.parametrize(("changes", "expected"), UPDATE_CASES)
    async def test_update_session_changes_only_the_given_field(
        self, store: Store, changes: dict[str, Any], expected: dict[str, Any]
    ) -> None:
        record = new_session("s1", customer_id="c1")
        await store.create_session(record)
        await store.update_session("s1", **changes)
        assert await store.get_session("s1", now=T0) == replace(record, **expected)

    async def test_add_adviser_keeps_each_id_once_in_order(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        for adviser in ("adv-1", "adv-2", "adv-1"):
            await store.update_session("s1", add_adviser=adviser)
        got = await store.get_session("s1", now=T0)
        assert got is not None and got.adviser_ids == ["adv-1", "adv-2"]

    async def test_transition_moves_only_from_the_given_states(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        assert await store.transition("s1", to="waiting", from_states=("bot",)) == Transition(True, "waiting", None)
        # Asking again finds it waiting already: nothing changes, the current state comes back.
        assert await store.transition("s1", to="waiting", from_states=("bot",)) == Transition(False, "waiting", None)
        took = await store.transition("s1", to="adviser", from_states=("waiting",), adviser_id="adv-1")
        assert took == Transition(True, "adviser", "adv-1")
        other = await store.transition("s1", to="adviser", from_states=("waiting",), adviser_id="adv-2")
        assert other == Transition(False, "adviser", "adv-1")
        got = await store.get_session("s1", now=T0)
        assert got is not None and (got.state, got.adviser_id) == ("adviser", "adv-1")

    async def test_transition_releases_only_for_the_adviser_holding_it(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        await store.transition("s1", to="adviser", from_states=("bot",), adviser_id="adv-1")
        wrong = await store.transition("s1", to="waiting", from_states=("adviser",), expect_adviser="adv-2")
        assert wrong == Transition(False, "adviser", "adv-1")
        right = await store.transition("s1", to="waiting", from_states=("adviser",), expect_adviser="adv-1")
        assert right == Transition(True, "waiting", None)

    async def test_transition_to_ended_records_when_and_is_final(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        ended = await store.transition("s1", to="ended", from_states=("bot", "waiting", "adviser"), at=T0 + HOUR)
        assert ended.changed
        again = await store.transition("s1", to="adviser", from_states=("bot", "waiting"), adviser_id="adv-1")
        assert again == Transition(False, "ended", None)
        got = await store.get_session("s1", now=T0)
        assert got is not None and got.state == "ended" and got.ended_at == T0 + HOUR

    async def test_concurrent_claims_have_exactly_one_winner(self, store: Store) -> None:
        await store.create_session(new_session("s1", state="waiting"))
        results = await asyncio.gather(
            *(store.transition("s1", to="adviser", from_states=("waiting",), adviser_id=f"adv-{i}") for i in range(20))
        )
        winners = [r for r in results if r.changed]
        assert len(winners) == 1
        assert all(r.adviser_id == winners[0].adviser_id for r in results)

    async def test_transition_of_unknown_session_raises(self, store: Store) -> None:
        with pytest.raises(UnknownSession):
            await store.transition("nope", to="ended", from_states=("bot",))

    async def test_update_unknown_session_raises(self, store: Store) -> None:
        with pytest.raises(UnknownSession):
            await store.update_session("nope", state="ended")

    async def test_expired_session_is_invisible_before_purge(self, store: Store) -> None:
        await store.create_session(new_session("s1", customer_id="c1", retention=analytics(days=1)))
        await store.append_message(msg("s1"))
        expiry = T0 + DAY
        assert await store.get_session("s1", now=expiry - MINUTE) is not None
        assert len(await store.get_messages("s1", now=expiry - MINUTE)) == 1
        assert await store.get_session("s1", now=expiry) is None
        assert await store.get_messages("s1", now=expiry) == []
        assert (await store.list_sessions(customer_id="c1", now=expiry)).items == []

    async def test_delete_session_removes_session_and_messages(self, store: Store) -> None:
        await store.create_session(new_session("s1", customer_id="c1"))
        await store.create_session(new_session("s2", customer_id="c1"))
        for session_id in ("s1", "s2"):
            await store.append_message(msg(session_id))
        assert await store.delete_session("s1") is True
        assert await store.get_session("s1", now=T0) is None
        assert await store.get_messages("s1", now=T0) == []
        assert [s.session_id for s in (await store.list_sessions(customer_id="c1", now=T0)).items] == ["s2"]
        assert len(await store.get_messages("s2", now=T0)) == 1
        assert await store.delete_session("s1") is False

    # --- list_sessions --------------------------------------------------------------------------------

    async def test_list_sessions_newest_first_and_only_the_customers_own(self, store: Store) -> None:
        for i, customer in enumerate(["A", "B", "A", "B", "A", None]):
            await store.create_session(new_session(f"s{i}", customer_id=customer, created_at=T0 + i * MINUTE))
        page_a = await store.list_sessions(customer_id="A", now=T0)
        page_b = await store.list_sessions(customer_id="B", now=T0)
        assert [s.session_id for s in page_a.items] == ["s4", "s2", "s0"]
        assert [s.session_id for s in page_b.items] == ["s3", "s1"]
        assert page_a.next_cursor is None and page_b.next_cursor is None

    async def test_list_sessions_pages_cover_everything_once_even_with_inserts(self, store: Store) -> None:
        # Pairs share created_at, so the session id must break ties for the cursor to be exact.
        for i in range(25):
            await store.create_session(new_session(f"s{i:02d}", customer_id="c1", created_at=T0 + (i // 2) * MINUTE))
        await store.create_session(new_session("other", customer_id="c2", created_at=T0))
        expected = sorted((f"s{i:02d}" for i in range(25)), key=lambda s: ((int(s[1:]) // 2), s), reverse=True)
        seen: list[str] = []
        cursor: str | None = None
        pages = 0
        while True:
            page = await store.list_sessions(customer_id="c1", now=T0, limit=7, cursor=cursor)
            seen += [s.session_id for s in page.items]
            pages += 1
            if pages == 1:  # a new session arriving while the customer pages must not shift the pages
                await store.create_session(new_session("newest", customer_id="c1", created_at=T0 + DAY))
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert seen == expected
        assert pages == 4

    async def test_list_sessions_full_last_page_has_no_cursor(self, store: Store) -> None:
        for i in range(4):
            await store.create_session(new_session(f"s{i}", customer_id="c1", created_at=T0 + i * MINUTE))
        first = await store.list_sessions(customer_id="c1", now=T0, limit=2)
        assert first.next_cursor is not None
        second = await store.list_sessions(customer_id="c1", now=T0, limit=2, cursor=first.next_cursor)
        assert [s.session_id for s in second.items] == ["s1", "s0"]
        assert second.next_cursor is None

    async def test_list_sessions_archive_only_hides_what_the_customer_no_longer_sees(self, store: Store) -> None:
        visible = archive()
        adviser = Retention(tier="adviser", expire_at=T0 + 5 * 365 * DAY, visible_until=T0 + DAY)
        await store.create_session(new_session("seen", customer_id="c1", retention=visible))
        await store.create_session(new_session("kept", customer_id="c1", retention=adviser, created_at=T0 + MINUTE))
        now = T0 + 2 * DAY
        everything = await store.list_sessions(customer_id="c1", now=now)
        archived = await store.list_sessions(customer_id="c1", now=now, archive_only=True)
        assert [s.session_id for s in everything.items] == ["kept", "seen"]
        assert [s.session_id for s in archived.items] == ["seen"]

    @pytest.mark.parametrize("cursor", ["not a cursor", "", "eyJ4Ijox", "W10"])
    async def test_list_sessions_refuses_a_bad_cursor(self, store: Store, cursor: str) -> None:
        with pytest.raises(ProtocolError):
            await store.list_sessions(customer_id="c1", now=T0, cursor=cursor)

    # --- messages -------------------------------------------------------------------------------------

    async def test_append_assigns_seq_one_to_n_and_round_trips(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        sent = [
            NewMessage("s1", "customer", "hei", T0 + MINUTE, client_msg_id="m1"),
            NewMessage("s1", "bot", "Hei! Hva kan jeg hjelpe med?", T0 + 2 * MINUTE, sender_id="bot-1"),
            NewMessage("s1", "adviser", "Jeg ser på saken.", T0 + 3 * MINUTE, sender_id="adv-1"),
        ]
        results = [await store.append_message(m) for m in sent]
        assert [r.message.seq for r in results] == [1, 2, 3]
        assert not any(r.duplicate for r in results)
        expected = [
            StoredMessage(m.session_id, i, m.sender, m.text, m.at, m.client_msg_id, m.sender_id)
            for i, m in enumerate(sent, start=1)
        ]
        assert [r.message for r in results] == expected
        stored = await store.get_messages("s1", now=T0)
        assert stored == expected
        assert all(is_utc(m.at) for m in stored)
        session = await store.get_session("s1", now=T0)
        assert session is not None and session.last_seq == 3

    async def test_replace_text_changes_one_message_and_nothing_else(self, store: Store) -> None:
        """An anonymous chat's earlier message rewritten once the next completed a split value."""
        await store.create_session(new_session("s1"))
        first = (await store.append_message(msg("s1", "kontonummeret er 1503 12", client_msg_id="a"))).message
        await store.append_message(msg("s1", "takk", client_msg_id="b"))
        assert await store.replace_text("s1", 1, "kontonummeret er <NO_KONTONUMMER>")
        assert not await store.replace_text("s1", 3, "x")  # no such message
        assert not await store.replace_text("nope", 1, "x")
        stored = await store.get_messages("s1", now=T0 + HOUR)
        assert [m.text for m in stored] == ["kontonummeret er <NO_KONTONUMMER>", "takk"]
        assert replace(stored[0], text=first.text) == first  # seq, time, sender and id unchanged

    async def test_append_to_unknown_session_raises(self, store: Store) -> None:
        with pytest.raises(UnknownSession):
            await store.append_message(msg("nope"))

    async def test_repeated_client_msg_id_returns_the_first_result(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        first = await store.append_message(msg("s1", "first", client_msg_id="m1"))
        again = await store.append_message(msg("s1", "retry", client_msg_id="m1", at=T0 + HOUR))
        assert first.duplicate is False
        assert again.duplicate is True
        assert again.message == first.message
        assert [m.text for m in await store.get_messages("s1", now=T0)] == ["first"]
        session = await store.get_session("s1", now=T0)
        assert session is not None and session.last_seq == 1

    async def test_idempotency_is_per_session_and_only_for_ids(self, store: Store) -> None:
        for session_id in ("s1", "s2"):
            await store.create_session(new_session(session_id))
        a = await store.append_message(msg("s1", client_msg_id="m1"))
        b = await store.append_message(msg("s2", client_msg_id="m1"))
        c = await store.append_message(msg("s1"))
        d = await store.append_message(msg("s1"))
        assert (a.message.seq, b.message.seq, c.message.seq, d.message.seq) == (1, 1, 2, 3)
        assert not any(r.duplicate for r in (a, b, c, d))

    async def test_concurrent_appends_with_repeats_store_each_id_once_without_gaps(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        ids = [f"m{i}" for i in range(180)] + [f"m{i}" for i in range(20)]
        random.Random(7).shuffle(ids)
        results = await asyncio.gather(*(store.append_message(msg("s1", f"text {i}", client_msg_id=i)) for i in ids))
        assert sum(r.duplicate for r in results) == 20
        seq_of: dict[str | None, int] = {}
        for r in results:
            assert seq_of.setdefault(r.message.client_msg_id, r.message.seq) == r.message.seq
        stored = await store.get_messages("s1", now=T0)
        assert [m.seq for m in stored] == list(range(1, 181))
        assert {m.client_msg_id for m in stored} == set(ids)
        assert {m.client_msg_id: m.seq for m in stored} == seq_of
        session = await store.get_session("s1", now=T0)
        assert session is not None and session.last_seq == 180

    @pytest.mark.parametrize(
        ("after_seq", "limit", "expected"),
        [(0, None, [1, 2, 3, 4, 5]), (2, None, [3, 4, 5]), (0, 2, [1, 2]), (2, 2, [3, 4]), (5, None, []), (4, 10, [5])],
    )
    async def test_get_messages_after_seq_and_limit(
        self, store: Store, after_seq: int, limit: int | None, expected: list[int]
    ) -> None:
        await store.create_session(new_session("s1"))
        for i in range(5):
            await store.append_message(msg("s1", f"m{i}"))
        got = await store.get_messages("s1", now=T0, after_seq=after_seq, limit=limit)
        assert [m.seq for m in got] == expected

    # --- retention, holds and purge -------------------------------------------------------------------

    async def test_shorter_retention_takes_the_messages_with_it(self, store: Store) -> None:
        await store.create_session(new_session("s1", retention=analytics(days=10)))
        for i in range(3):
            await store.append_message(msg("s1", f"m{i}"))
        await store.update_session("s1", retention=analytics(days=1))
        assert await store.get_messages("s1", now=T0 + 2 * DAY) == []
        counts = await store.purge_expired(now=T0 + 2 * DAY)
        assert (counts["sessions"], counts["messages"]) == (1, 3)
        assert await store.get_session("s1", now=T0) is None
        assert await store.get_messages("s1", now=T0) == []

    async def test_longer_retention_keeps_the_messages_too(self, store: Store) -> None:
        await store.create_session(new_session("s1", retention=analytics(days=1)))
        for i in range(2):
            await store.append_message(msg("s1", f"m{i}"))
        await store.update_session("s1", retention=analytics(days=30))
        counts = await store.purge_expired(now=T0 + 2 * DAY)
        assert (counts["sessions"], counts["messages"]) == (0, 0)
        assert [m.seq for m in await store.get_messages("s1", now=T0 + 2 * DAY)] == [1, 2]

    async def test_legal_hold_survives_purge_until_released(self, store: Store) -> None:
        await store.create_session(new_session("s1", customer_id="c1"))
        await store.append_message(msg("s1"))
        await store.add_hold(hold("h1", "s1", T0 + HOUR))
        held = Retention(tier="legal_hold", expire_at=None, visible_until=T0 + 3 * 365 * DAY)
        await store.update_session("s1", legal_hold=True, retention=held)
        counts = await store.purge_expired(now=FAR_FUTURE)
        assert (counts["sessions"], counts["messages"]) == (0, 0)
        kept = await store.get_session("s1", now=FAR_FUTURE)
        assert kept is not None and kept.legal_hold and kept.retention == held
        assert len(await store.get_messages("s1", now=FAR_FUTURE)) == 1

        released = await store.release_hold("h1", by="comp-2", at=T0 + DAY)
        assert released == replace(hold("h1", "s1", T0 + HOUR), released_at=T0 + DAY, released_by="comp-2")
        await store.update_session("s1", legal_hold=False, retention=archive())
        counts = await store.purge_expired(now=FAR_FUTURE)
        assert (counts["sessions"], counts["messages"]) == (1, 1)
        assert await store.get_session("s1", now=T0) is None
        assert await store.list_holds(session_id="s1", active_only=False) == []  # the hold went with it

    async def test_a_retention_with_an_expiry_never_overwrites_a_hold(self, store: Store) -> None:
        """Outside audit 63, H1: an adviser accepting on one instance computed the adviser tier from a
        session read just before compliance placed a hold on another; its write gave the held session
        and its messages an expiry, and the sweep deleted them. The store keeps the hold, whatever the
        caller computed, unless the same call clears the flag."""
        await store.create_session(new_session("s1", customer_id="c1"))
        await store.append_message(msg("s1"))
        await store.add_hold(hold("h1", "s1", T0 + HOUR))
        held = Retention(tier="legal_hold", expire_at=None, visible_until=T0 + 3 * 365 * DAY)
        await store.update_session("s1", legal_hold=True, retention=held)
        stale = Retention(tier="adviser", expire_at=T0 + 5 * 365 * DAY, visible_until=T0 + 3 * 365 * DAY)
        await store.update_session("s1", add_adviser="adv-1", retention=stale)  # computed before the hold
        counts = await store.purge_expired(now=FAR_FUTURE)
        assert (counts["sessions"], counts["messages"]) == (0, 0)
        kept = await store.get_session("s1", now=FAR_FUTURE)
        assert kept is not None and kept.legal_hold and kept.retention == held
        assert kept.adviser_ids == ["adv-1"]
        assert len(await store.get_messages("s1", now=FAR_FUTURE)) == 1
        # The flag set and the expiry computed in the other order (the hold's own two steps): still held.
        await store.create_session(new_session("s2", customer_id="c1"))
        await store.add_hold(hold("h2", "s2", T0 + HOUR))
        await store.update_session("s2", retention=stale)
        kept = await store.get_session("s2", now=FAR_FUTURE)
        assert kept is not None and kept.retention == held
        # Clearing the flag in the same call writes the expiry.
        await store.update_session("s2", legal_hold=False, retention=stale)
        kept = await store.get_session("s2", now=T0)
        assert kept is not None and not kept.legal_hold and kept.retention == stale

    async def test_released_holds_leave_with_their_expired_session(self, store: Store) -> None:
        """Issue 9, item 6: the SQLite store purged them, the MongoDB store kept them for ever."""
        await store.create_session(new_session("s1", retention=analytics(days=1)))
        await store.create_session(new_session("s2", retention=analytics(days=30)))
        for hold_id, session_id in (("h1", "s1"), ("h2", "s2")):
            await store.add_hold(hold(hold_id, session_id, T0 + HOUR))
            await store.release_hold(hold_id, by="comp-2", at=T0 + 2 * HOUR)
        await store.purge_expired(now=T0 + 2 * DAY)
        assert await store.list_holds(session_id="s1", active_only=False) == []
        assert [h.hold_id for h in await store.list_holds(session_id="s2", active_only=False)] == ["h2"]

    async def test_holds_list_and_release(self, store: Store) -> None:
        await store.create_session(new_session("s1"))
        await store.create_session(new_session("s2"))
        h1, h2, h3 = hold("h1", "s1", T0), hold("h2", "s1", T0 + HOUR), hold("h3", "s2", T0 + MINUTE)
        for h in (h2, h3, h1):
            await store.add_hold(h)
        assert await store.list_holds() == [h1, h3, h2]
        assert await store.list_holds(session_id="s1") == [h1, h2]
        released = await store.release_hold("h1", by="comp-2", at=T0 + DAY)
        assert released is not None and not released.active
        assert released == replace(h1, released_at=T0 + DAY, released_by="comp-2")
        assert await store.list_holds() == [h3, h2]
        assert await store.list_holds(session_id="s1", active_only=False) == [released, h2]
        assert await store.release_hold("h1", by="comp-2", at=T0 + 2 * DAY) is None
        assert await store.release_hold("nope", by="comp-2", at=T0) is None

    async def test_a_hold_needs_its_session_and_flags_it(self, store: Store) -> None:
        with pytest.raises(UnknownSession):
            await store.add_hold(hold("h1", "gone", T0))
        assert await store.list_holds() == []
        await store.create_session(new_session("s1", customer_id="c1"))
        await store.add_hold(hold("h1", "s1", T0))
        flagged = await store.get_session("s1", now=T0)
        assert flagged is not None and flagged.legal_hold

    async def test_erasure_decided_atomically_with_the_deletion(self, store: Store) -> None:
        await store.create_session(new_session("s1", customer_id="c1"))
        await store.append_message(msg("s1"))
        seen: list[tuple[str, bool]] = []

        def refuse_if_held(record: SessionRecord, held: bool) -> str | None:
            seen.append((record.session_id, held))
            return "under a legal hold" if held else None

        await store.add_hold(hold("h1", "s1", T0))
        with pytest.raises(ErasureRefused, match="legal hold"):
            await store.delete_session("s1", check=refuse_if_held)
        assert seen == [("s1", True)]
        assert len(await store.get_messages("s1", now=T0)) == 1  # nothing deleted
        await store.release_hold("h1", by="comp-2", at=T0 + DAY)
        assert await store.delete_session("s1", check=refuse_if_held) is True
        assert seen[-1] == ("s1", False)
        assert await store.delete_session("s1", check=refuse_if_held) is False  # gone: check not called
        assert len(seen) == 2

    async def test_hold_and_erasure_at_once_exactly_one_wins(self, store: Store) -> None:
        """Issue 8, item 4: placed and erased together, never both (no hold for an erased session)."""
        for i in range(20):
            sid = f"race{i}"
            await store.create_session(new_session(sid, customer_id="c1"))
            erase = store.delete_session(sid, check=lambda record, held: "held" if held else None)
            place = store.add_hold(hold(f"h{i}", sid, T0))
            outcomes = await asyncio.gather(erase, place, return_exceptions=True)
            erased = outcomes[0] is True
            held = outcomes[1] is None
            assert erased != held, outcomes
            if erased:
                assert isinstance(outcomes[1], UnknownSession)
                assert await store.list_holds(session_id=sid, active_only=False) == []
            else:
                assert isinstance(outcomes[0], ErasureRefused)
                assert await store.get_session(sid, now=T0) is not None

    async def test_live_session_ids_in_one_batch(self, store: Store) -> None:
        await store.create_session(new_session("old", retention=analytics(days=1)))
        await store.create_session(new_session("live"))
        ids = ["old", "live", "never"]
        assert await store.live_session_ids(ids, now=T0) == {"old", "live"}
        assert await store.live_session_ids(ids, now=T0 + 2 * DAY) == {"live"}
        assert await store.live_session_ids([], now=T0) == set()

    async def test_purge_counts_and_leaves_live_data(self, store: Store) -> None:
        await store.create_session(new_session("old", retention=analytics(days=1)))
        await store.create_session(new_session("live"))
        for i in range(3):
            await store.append_message(msg("old", f"m{i}"))
        for i in range(2):
            await store.append_message(msg("live", f"m{i}"))
        await store.add_audit(audit("a-old", T0, expire_at=T0 + DAY))
        await store.add_audit(audit("a-live", T0))
        now = T0 + 2 * DAY
        counts = await store.purge_expired(now=now)
        assert (counts["sessions"], counts["messages"], counts["audit"]) == (1, 3, 1)
        again = await store.purge_expired(now=now)
        assert (again["sessions"], again["messages"], again["audit"]) == (0, 0, 0)
        assert await store.get_session("live", now=now) is not None
        assert len(await store.get_messages("live", now=now)) == 2
        assert [a.audit_id for a in (await store.list_audit(now=T0)).items] == ["a-live"]

    # --- objections -----------------------------------------------------------------------------------

    async def test_objection_is_recorded_and_flags_the_customers_sessions(self, store: Store) -> None:
        await store.create_session(new_session("a1", customer_id="A"))
        await store.create_session(new_session("a2", customer_id="A", created_at=T0 + MINUTE))
        await store.create_session(new_session("b1", customer_id="B"))
        assert await store.has_objection("A") is False
        assert await store.set_objection("A", at=T0 + HOUR) == 2
        assert await store.has_objection("A") is True
        assert await store.has_objection("B") is False
        flags = {s.session_id: s.objection for s in (await store.list_sessions(customer_id="A", now=T0)).items}
        assert flags == {"a1": True, "a2": True}
        b1 = await store.get_session("b1", now=T0)
        assert b1 is not None and b1.objection is False

    async def test_a_session_created_after_an_objection_it_did_not_see_is_flagged(self, store: Store) -> None:
        """Outside audit 63, M5: the gateway read "no objection", the objection was stored and flagged
        the customer's sessions, then the new session was stored unflagged and counted in statistics."""
        await store.set_objection("A", at=T0)
        await store.create_session(new_session("a1", customer_id="A"))  # its caller read "no objection"
        await store.create_session(new_session("b1", customer_id="B"))
        await store.create_session(new_session("x1"))
        flagged = {sid: (await store.get_session(sid, now=T0)) for sid in ("a1", "b1", "x1")}
        assert {sid: s is not None and s.objection for sid, s in flagged.items()} == {
            "a1": True, "b1": False, "x1": False,
        }  # fmt: skip

    async def test_objection_can_be_withdrawn_and_withdrawing_twice_is_harmless(self, store: Store) -> None:
        await store.create_session(new_session("a1", customer_id="A"))
        await store.create_session(new_session("b1", customer_id="B"))
        await store.set_objection("A", at=T0)
        await store.set_objection("B", at=T0)
        assert await store.withdraw_objection("A") == 1
        assert await store.withdraw_objection("A") == 0
        assert await store.has_objection("A") is False
        assert await store.has_objection("B") is True  # someone else's objection stands
        a1 = await store.get_session("a1", now=T0)
        b1 = await store.get_session("b1", now=T0)
        assert a1 is not None and a1.objection is False
        assert b1 is not None and b1.objection is True
        # Objecting again after a withdrawal flags the sessions again.
        assert await store.set_objection("A", at=T0 + HOUR) == 1
        assert await store.has_objection("A") is True

    # --- audit ----------------------------------------------------------------------------------------

    async def test_audit_filters_newest_first(self, store: Store) -> None:
        records = [
            audit("a0", T0, actor_id="comp-1", session_id="s1", customer_id="c1"),
            audit("a1", T0 + MINUTE, actor_id="comp-2", session_id="s2", customer_id="c1"),
            audit("a2", T0 + 2 * MINUTE, actor_id="comp-1", session_id="s3", customer_id="c2"),
            audit("a3", T0 + 3 * MINUTE, actor_id="adv-1", session_id="s1", customer_id="c1"),
            audit("a4", T0 + 4 * MINUTE, actor_id="comp-1", customer_id="c2"),
            audit("gone", T0 + 5 * MINUTE, actor_id="comp-1", expire_at=T0 + HOUR),
        ]
        for record in records:
            await store.add_audit(record)
        now = T0 + 2 * HOUR

        async def ids(**filters: Any) -> list[str]:
            return [a.audit_id for a in (await store.list_audit(now=now, **filters)).items]

        assert await ids() == ["a4", "a3", "a2", "a1", "a0"]
        assert await ids(actor_id="comp-1") == ["a4", "a2", "a0"]
        assert await ids(session_id="s1") == ["a3", "a0"]
        assert await ids(customer_id="c1") == ["a3", "a1", "a0"]
        assert await ids(since=T0 + MINUTE, until=T0 + 3 * MINUTE) == ["a2", "a1"]
        assert await ids(actor_id="comp-1", customer_id="c2", since=T0 + 3 * MINUTE) == ["a4"]
        got = (await store.list_audit(now=now, session_id="s1")).items
        assert got == [records[3], records[0]]
        assert all(is_utc(a.at) and is_utc(a.expire_at) for a in got)

    async def test_audit_pages_with_cursor(self, store: Store) -> None:
        for i in range(7):  # a3/a4 share a timestamp: the id breaks the tie
            await store.add_audit(audit(f"a{i}", T0 + (i - (i == 4)) * MINUTE))
        seen: list[str] = []
        cursor: str | None = None
        while True:
            page = await store.list_audit(now=T0, limit=3, cursor=cursor)
            seen += [a.audit_id for a in page.items]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert seen == ["a6", "a5", "a4", "a3", "a2", "a1", "a0"]

    async def test_audit_refuses_a_session_list_cursor(self, store: Store) -> None:
        for i in range(2):
            await store.create_session(new_session(f"s{i}", customer_id="c1", created_at=T0 + i * MINUTE))
        page = await store.list_sessions(customer_id="c1", now=T0, limit=1)
        assert page.next_cursor is not None
        with pytest.raises(ProtocolError):
            await store.list_audit(now=T0, cursor=page.next_cursor)

    # --- statistics -----------------------------------------------------------------------------------

    async def test_stats_count_anonymous_sessions_only_and_no_text(self, store: Store) -> None:
        day1, day2 = T0, T0 + DAY
        await store.create_session(new_session("a1", created_at=day1))
        await store.create_session(new_session("a2", created_at=day1 + HOUR))
        await store.create_session(new_session("a3", created_at=day2))
        await store.create_session(new_session("auth", customer_id="c1", created_at=day1))
        await store.create_session(new_session("expired", created_at=day1, retention=analytics(days=1)))
        await store.create_session(new_session("later", created_at=T0 + 2 * DAY))
        await store.append_message(msg("a1", SECRET_TEXT, redactions={"PERSON": 1, "NO_FODSELSNUMMER": 1}))
        await store.append_message(msg("a1", SECRET_TEXT, redactions={"PERSON": 2}))
        await store.append_message(msg("a2", SECRET_TEXT))
        await store.update_session("a2", add_adviser="adv-1", state="adviser")
        await store.append_message(msg("a3", SECRET_TEXT, redactions={"PHONE_NUMBER": 1}, at=day2 + MINUTE))
        for session_id, created in (("auth", day1), ("expired", day1), ("later", T0 + 2 * DAY)):
            await store.append_message(msg(session_id, SECRET_TEXT, redactions={"PERSON": 5}, at=created + MINUTE))

        stats = await store.stats(now=T0 + 3 * DAY, since=T0 - HOUR, until=T0 + 2 * DAY)

        assert [(s.day, s.sessions, s.messages, s.handovers, dict(s.redactions)) for s in stats] == [
            (day1.date().isoformat(), 2, 3, 1, {"NO_FODSELSNUMMER": 1, "PERSON": 3}),
            (day2.date().isoformat(), 1, 1, 0, {"PHONE_NUMBER": 1}),
        ]
        assert all(isinstance(s, DailyStats) for s in stats)
        assert "Nordmann" not in repr(stats)

    async def test_stats_empty_range(self, store: Store) -> None:
        await store.create_session(new_session("a1"))
        assert await store.stats(now=T0, since=T0 + DAY, until=T0 + 2 * DAY) == []

    # --- health ---------------------------------------------------------------------------------------

    async def test_ping_on_an_open_store(self, store: Store) -> None:
        await store.ping()
