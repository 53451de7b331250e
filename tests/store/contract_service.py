"""The service figures' contract (issue 13): a generated set of sessions whose answers are known.

Mixed into each backend's contract class (``TestSqliteContract``, ``TestMongoContract``), so both
compute the same figures from the same data. Times are whole seconds from :data:`T0`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from chat.store.base import NewMessage, Sender, ServiceDay, Spread, Store

from .contract import DAY, HOUR, MINUTE, T0, analytics, new_session

S = timedelta(seconds=1)
NOW = T0 + 2 * DAY + 6 * HOUR


async def _session(
    store: Store,
    sid: str,
    created: datetime,
    *,
    customer_id: str | None = None,
    answer_after: int | None = None,
    waiting_after: int | None = None,
    pickup_after: int | None = None,
    end_after: int | None = None,
    messages: int = 2,
    topic: str | None = None,
) -> None:
    record = new_session(sid, customer_id=customer_id, created_at=created)
    await store.create_session(record)
    for i in range(messages):
        sender: Sender = "customer" if i % 2 == 0 else "bot"
        await store.append_message(NewMessage(sid, sender, f"m{i}", created + (i + 1) * S, client_msg_id=f"{sid}-{i}"))
    first_customer = created + S
    answer = None if answer_after is None else first_customer + answer_after * S
    await store.record_times(sid, first_customer_at=first_customer, first_answer_at=answer)
    state = "bot"
    if waiting_after is not None:
        await store.transition(sid, to="waiting", from_states=("bot",), at=created + waiting_after * S)
        state = "waiting"
        if pickup_after is not None:
            at = created + (waiting_after + pickup_after) * S
            await store.transition(sid, to="adviser", from_states=("waiting",), adviser_id="adv-1", at=at)
            state = "adviser"
    if end_after is not None:
        await store.transition(sid, to="ended", from_states=(state,), at=created + end_after * S)  # type: ignore[arg-type]
    if topic is not None:
        await store.set_topic(sid, topic)


class ServiceStatsContract:
    async def _known(self, store: Store) -> None:
        day1, day2 = T0, T0 + DAY
        # Day 1: six sessions (four anonymous, two logged in); first answers after 2, 4, 6, 8, 10 s.
        await _session(store, "s1", day1, answer_after=2, waiting_after=20, pickup_after=30, end_after=120,
                       messages=4, topic="cards_payments")
        await _session(store, "s2", day1 + MINUTE, answer_after=4, waiting_after=10, pickup_after=60, end_after=300,
                       topic="cards_payments")
        await _session(store, "s3", day1 + 2 * MINUTE, answer_after=6, waiting_after=15, end_after=200,
                       topic="fraud_security")
        await _session(store, "s4", day1 + 3 * MINUTE, answer_after=8, end_after=60, topic="loans_mortgage")
        await _session(store, "s5", day1 + 4 * MINUTE, customer_id="c5", answer_after=10, messages=6)
        await _session(store, "s6", day1 + 5 * MINUTE, customer_id="c6", messages=1)
        # Not counted: a customer who objected, and an expired session.
        await _session(store, "s7", day1 + 6 * MINUTE, customer_id="c7", answer_after=1)
        await store.set_objection("c7", at=day1 + HOUR)
        await store.create_session(new_session("s8", created_at=day1, retention=analytics(day1, days=1)))
        # Day 2: two anonymous sessions, one of them left waiting (over an hour ago, never ended).
        await _session(store, "s9", day2, answer_after=3, end_after=30, topic="other")
        await _session(store, "s10", day2 + MINUTE, waiting_after=5)

    async def test_service_figures_match_the_known_answers(self, store: Store) -> None:
        await self._known(store)
        got = await store.service_stats(now=NOW, since=T0 - HOUR, until=T0 + 2 * DAY)
        assert [d.day for d in got] == ["2100-03-03", "2100-03-04", None]
        d1, d2, total = got
        assert (d1.anonymous, d1.authenticated, d1.handovers, d1.ended_waiting) == (4, 2, 3, 1)
        assert d1.first_answer_s == Spread(5, 6.0, 10.0)  # nearest rank: 3rd and 5th of 2, 4, 6, 8, 10
        assert d1.pickup_s == Spread(2, 30.0, 60.0)
        assert d1.duration_s == Spread(4, 120.0, 300.0)  # 60, 120, 200, 300
        assert d1.messages == Spread(6, 2.0, 6.0)  # 1, 2, 2, 2, 4, 6
        assert d1.topics == {"cards_payments": 2, "fraud_security": 1, "loans_mortgage": 1, "unclassified": 2}
        assert (d2.anonymous, d2.authenticated, d2.handovers, d2.ended_waiting) == (2, 0, 1, 1)
        assert d2.pickup_s == Spread(0, None, None)
        assert d2.topics == {"other": 1, "unclassified": 1}
        assert (total.anonymous, total.authenticated, total.handovers, total.ended_waiting) == (6, 2, 4, 2)
        assert total.first_answer_s == Spread(6, 4.0, 10.0)  # 2, 3, 4, 6, 8, 10
        assert total.topics["cards_payments"] == 2 and total.topics["unclassified"] == 3

    async def test_service_figures_of_an_empty_window(self, store: Store) -> None:
        await self._known(store)
        assert await store.service_stats(now=NOW, since=T0 + 10 * DAY, until=T0 + 11 * DAY) == []

    async def test_times_keep_the_first_report_and_the_end_state(self, store: Store) -> None:
        await store.create_session(new_session("t1", created_at=T0))
        await store.record_times("t1", first_customer_at=T0 + 5 * S)
        await store.record_times("t1", first_customer_at=T0 + 9 * S, first_answer_at=T0 + 7 * S)
        await store.record_times("t1", first_answer_at=T0 + 8 * S)
        await store.transition("t1", to="waiting", from_states=("bot",), at=T0 + 10 * S)
        await store.transition("t1", to="bot", from_states=("waiting",), at=T0 + 12 * S)
        await store.transition("t1", to="waiting", from_states=("bot",), at=T0 + 20 * S)
        await store.transition("t1", to="ended", from_states=("waiting",), at=T0 + 30 * S)
        [day, _] = await store.service_stats(now=NOW, since=T0, until=T0 + DAY)
        assert replace(day, topics={}) == ServiceDay(
            day="2100-03-03", anonymous=1, authenticated=0, handovers=1, ended_waiting=1,
            first_answer_s=Spread(1, 2.0, 2.0),  # the first report of each stands: 5 s and 7 s
            pickup_s=Spread(0, None, None), duration_s=Spread(1, 30.0, 30.0), messages=Spread(1, 0.0, 0.0),
            topics={},
        )
