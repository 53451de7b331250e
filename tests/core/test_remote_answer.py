"""What an instance tells another about its sessions (chat.gateway.remote.answer): only what the store has.

The session machine moves first and the hub persists the move after, under the session's lock; another
instance acts on the answer by reading the store (an adviser's accept), so a "waiting" not yet stored
must not be offered: the accept there found the session still with the bot and refused it
(``reason_required``), a rare failure of the cluster test of an adviser ending a session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from chat.gateway import remote
from chat.gateway.live import LiveSession, Transcript
from chat.relay.protocol import Request
from chat.session import SessionMachine
from chat.store.base import Retention, SessionRecord

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _hub(live: LiveSession) -> Any:
    return SimpleNamespace(sessions={live.session_id: live})


def _asked(hub: Any, role: str) -> list[str]:
    items = remote.answer(hub, Request("other:1", "open_sessions", {"role": role, "agent_id": f"{role}-1"}))
    return [item["session_id"] for item in items]


async def test_a_handover_not_yet_stored_is_not_offered_to_advisers_elsewhere() -> None:
    record = SessionRecord("s1", "anonymous", None, T0, Retention("analytics", T0 + timedelta(days=30), None))
    live = LiveSession(record=record, machine=SessionMachine("s1", "anonymous"), transcript=Transcript(10_000))
    hub = _hub(live)
    async with live.lock:  # Hub.handover_request, between the machine's move and the store's
        live.machine.handover_requested()
        assert live.machine.state == "waiting"
        assert _asked(hub, "adviser") == []  # offered by the hub's broadcast once stored
        assert _asked(hub, "bot") == ["s1"]  # a bot hears of the session all the same
    assert _asked(hub, "adviser") == ["s1"]
