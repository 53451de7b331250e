"""The session state machine, without sockets: events in, actions out."""

from __future__ import annotations

import pytest

from chat.errors import Conflict, Forbidden, SessionEnded
from chat.session import Audit, Persist, Send, SendAvailability, SendTranscript, SessionMachine


def machine(kind: str = "anonymous") -> SessionMachine:
    return SessionMachine("s1", kind)  # type: ignore[arg-type]


def test_starts_with_the_bot_listening() -> None:
    m = machine()
    assert m.state == "bot" and m.message_audience() == "bots"
    m.check_customer_can_send()
    m.check_agent_can_send("bot-1", "bot")


def test_adviser_cannot_write_before_accepting() -> None:
    with pytest.raises(Forbidden):
        machine().check_agent_can_send("adv-1", "adviser")


def test_handover_request_moves_to_waiting_and_asks_advisers() -> None:
    m = machine()
    actions = m.handover_requested()
    assert m.state == "waiting"
    assert actions[0] == Persist(state="waiting", from_states=("bot",))
    assert Send("advisers", {"type": "handover_request", "session_id": "s1", "kind": "anonymous"}) in actions
    # The customer hears that it waits, and whether anybody is there to take it.
    assert actions[-2:] == [Send("customer", {"type": "waiting", "by": "customer"}), SendAvailability()]
    assert m.handover_requested() == []  # asking twice changes nothing


def test_a_bot_hands_over_and_the_customer_is_told_who_asked() -> None:
    m = machine()
    actions = m.handover_requested(by="bot")
    assert m.state == "waiting"
    assert Send("customer", {"type": "waiting", "by": "bot"}) in actions


def test_cancelling_the_wait_gives_the_chat_back_to_the_bot() -> None:
    m = machine()
    assert m.handover_cancelled() == []  # nothing to cancel with the bot
    m.handover_requested()
    actions = m.handover_cancelled()
    assert m.state == "bot" and m.message_audience() == "bots"
    assert actions[0] == Persist(state="bot", from_states=("waiting",))
    assert Send("advisers", {"type": "handover_cancelled", "session_id": "s1"}) in actions
    assert Send("customer", {"type": "handover_cancelled"}) in actions
    # Once an adviser took it, there is no wait left to cancel.
    m.handover_requested()
    m.adviser_accepts("adv-1")
    assert m.handover_cancelled() == []
    now: str = m.state
    assert now == "adviser"
    m.end("customer")
    with pytest.raises(SessionEnded):
        m.handover_cancelled()


def test_accept_moves_to_adviser_sends_transcript_and_tells_the_customer() -> None:
    m = machine("authenticated")
    m.handover_requested()
    actions = m.adviser_accepts("adv-1")
    assert m.state == "adviser" and m.adviser_id == "adv-1" and m.advisers == ["adv-1"]
    # The audit record comes first: the transcript is a read of personal data (issue 8, item 8).
    assert actions[0] == Persist(state="adviser", from_states=("waiting",), adviser_id="adv-1", add_adviser="adv-1")
    assert actions[1] == Audit("adv-1", "handover_accept", "the customer asked for an adviser")
    assert SendTranscript("adv-1") in actions
    assert Send("customer", {"type": "adviser_joined"}) in actions
    assert m.message_audience() == "adviser"


def test_taking_over_from_the_bot_needs_a_reason_which_is_audited() -> None:
    m = machine()
    with pytest.raises(Forbidden) as refused:
        m.adviser_accepts("adv-1")
    before: str = m.state
    assert refused.value.code == "reason_required" and before == "bot"
    actions = m.adviser_accepts("adv-1", "bot gave wrong advice on a loan")
    assert m.state == "adviser"
    assert actions[1] == Audit("adv-1", "takeover", "bot gave wrong advice on a loan")


def test_only_the_accepting_adviser_speaks_and_bots_fall_silent() -> None:
    m = machine()
    m.adviser_accepts("adv-1", "monitoring")
    m.check_agent_can_send("adv-1", "adviser")
    with pytest.raises(Forbidden):
        m.check_agent_can_send("adv-2", "adviser")
    with pytest.raises(Forbidden):
        m.check_agent_can_send("bot-1", "bot")


def test_second_adviser_conflicts_and_reaccept_is_idempotent() -> None:
    m = machine()
    m.handover_requested()
    m.adviser_accepts("adv-1")
    with pytest.raises(Conflict):
        m.adviser_accepts("adv-2")
    assert m.adviser_accepts("adv-1") == [Audit("adv-1", "handover_accept", "transcript sent again"),
                                          SendTranscript("adv-1")]
    assert m.advisers == ["adv-1"]


def test_adviser_leaving_puts_the_session_back_in_the_queue() -> None:
    m = machine()
    m.handover_requested()
    m.adviser_accepts("adv-1")
    actions = m.adviser_left("adv-1")
    assert m.state == "waiting" and m.adviser_id is None
    assert Send("customer", {"type": "adviser_left"}) in actions
    assert m.adviser_left("adv-1") == []
    # A second adviser takes it; the first one stays on record (retention: adviser tier).
    m.adviser_accepts("adv-2")
    assert m.advisers == ["adv-1", "adv-2"]
    assert m.adviser_accepts("adv-2")[-1] == SendTranscript("adv-2")


def test_returning_adviser_is_not_added_twice() -> None:
    m = machine()
    m.handover_requested()
    m.adviser_accepts("adv-1")
    m.adviser_left("adv-1")
    actions = m.adviser_accepts("adv-1")
    assert actions[0] == Persist(state="adviser", from_states=("waiting",), adviser_id="adv-1", add_adviser=None)


def test_sync_takes_the_stores_state_as_the_truth() -> None:
    m = machine()
    m.sync("adviser", "adv-9")
    assert (m.state, m.adviser_id, m.advisers) == ("adviser", "adv-9", ["adv-9"])
    with pytest.raises(Conflict):
        m.adviser_accepts("adv-1")
    m.sync("waiting", "adv-9")  # the adviser is only kept while it holds the session
    assert (m.state, m.adviser_id) == ("waiting", None)
    m.sync("ended", None)
    assert m.ended and m.end("customer") == []


@pytest.mark.parametrize("before", ["bot", "waiting", "adviser"])
def test_end_from_any_live_state(before: str) -> None:
    m = machine()
    if before in ("waiting", "adviser"):
        m.handover_requested()
    if before == "adviser":
        m.adviser_accepts("adv-1")
    actions = m.end("customer")
    assert m.state == "ended" and m.ended
    assert Persist(state="ended", from_states=("bot", "waiting", "adviser"), ended=True) in actions
    assert Send("customer", {"type": "ended", "by": "customer"}) in actions
    # Only a waiting session was offered to every adviser: its offer is withdrawn from all of them.
    withdrawn = Send("advisers", {"type": "session_ended", "session_id": m.session_id, "by": "customer"})
    assert (withdrawn in actions) == (before == "waiting")
    assert m.end("agent") == []
    with pytest.raises(SessionEnded):
        m.check_customer_can_send()
    with pytest.raises(SessionEnded):
        m.check_agent_can_send("bot-1", "bot")
    with pytest.raises(SessionEnded):
        m.adviser_accepts("adv-9")
    with pytest.raises(SessionEnded):
        m.handover_requested()
