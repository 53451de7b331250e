"""The demo bot's core without sockets: frames in, frames out."""

from __future__ import annotations

from typing import Any

import pytest

from chat.demo_bot.brain import GREETING, INTENTS, NOT_UNDERSTOOD, DemoBotCore, language_of, match

NOW = 1_800_000_000.0
STARTED = "2027-01-15T08:00:00.000Z"  # = NOW


def started(
    core: DemoBotCore, sid: str = "s1", *, created_at: str = STARTED, state: str = "bot"
) -> list[dict[str, Any]]:
    frame = {"type": "session_started", "session_id": sid, "kind": "anonymous", "state": state,
             "created_at": created_at}
    return core.receive(frame, now=NOW)


def heard(core: DemoBotCore, text: str, seq: int, sid: str = "s1") -> list[dict[str, Any]]:
    frame = {"type": "message", "session_id": sid, "seq": seq, "from": "customer", "text": text, "at": STARTED}
    return core.receive(frame, now=NOW)


def test_a_new_session_is_greeted_once_with_a_fixed_id() -> None:
    core = DemoBotCore()
    out = started(core)
    assert out == [{"type": "message", "session_id": "s1", "client_msg_id": "greet", "text": GREETING["nb"]}]


def test_sessions_heard_of_late_are_not_greeted() -> None:
    """After a reconnect the gateway lists open sessions: greeting them would interrupt."""
    core = DemoBotCore()
    assert started(core, created_at="2027-01-15T07:58:00.000Z") == []
    assert started(core, "s2", state="waiting") == []
    assert started(core, "s3", created_at="not a time") == []


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Hei, jeg har mistet kortet mitt!", "lost_card"),
        ("eg har mista kortet på bussen", "lost_card"),
        ("I lost my card in Oslo", "lost_card"),
        ("hvordan sperre kortet?", "lost_card"),
        ("Hva er åpningstidene deres?", "opening_hours"),
        ("what are your opening hours", "opening_hours"),
        ("Hva er renta på boliglån nå?", "interest"),
        ("What's the interest rate on savings?", "interest"),
        ("BankID virker ikke", "bankid"),
        ("my bank-id is locked", "bankid"),
        ("Kan jeg få snakke med et menneske?", "human"),
        ("jeg vil ha en rådgiver om renta", "human"),  # a person first, whatever else is asked
        ("I want to talk to someone real", "human"),
        ("tusen takk!", "thanks"),
        ("hei", "greeting"),
    ],
)
def test_faq_intents(text: str, intent: str) -> None:
    found = match(text)
    assert found is not None and found.name == intent


@pytest.mark.parametrize("text", ["Kan jeg endre adressen min?", "hvem vant kampen i går", "sperrevegg", "hiking"])
def test_no_intent_for_other_questions_or_parts_of_words(text: str) -> None:
    assert match(text) is None


def test_language_follows_the_customer() -> None:
    assert language_of("I lost my card") == "en"
    assert language_of("jeg har mistet kortet") == "nb"
    assert language_of("BankID", default="en") == "en"  # a tie keeps the session's language


def test_answers_in_the_customers_language_with_one_id_per_message() -> None:
    core = DemoBotCore()
    started(core)
    out = heard(core, "I lost my card yesterday", 1)
    lost = next(i for i in INTENTS if i.name == "lost_card")
    assert out == [{"type": "message", "session_id": "s1", "client_msg_id": "r1", "text": lost.en}]
    again = heard(core, "I lost my card yesterday", 1)  # heard twice (a reconnect): the same id
    assert again[0]["client_msg_id"] == "r1"


def test_not_understood_offers_a_person_then_hands_over() -> None:
    core = DemoBotCore()
    started(core)
    first = heard(core, "Kan jeg endre adressen min?", 1)
    assert [f["text"] for f in first] == [NOT_UNDERSTOOD["nb"]]
    second = heard(core, "Hvordan bytter jeg fastlege?", 2)
    assert second[-1] == {"type": "handover", "session_id": "s1"}
    # Waiting for a person now: the bot stays silent.
    assert heard(core, "hallo?", 3) == []


def test_a_hit_resets_the_misses() -> None:
    core = DemoBotCore()
    started(core)
    heard(core, "noe rart", 1)
    heard(core, "hva er renta", 2)
    assert all(f["type"] == "message" for f in heard(core, "noe annet rart", 3))


def test_asking_for_a_person_hands_over_and_silences_the_bot() -> None:
    core = DemoBotCore()
    started(core)
    out = heard(core, "jeg vil snakke med en rådgiver", 1)
    assert out[-1] == {"type": "handover", "session_id": "s1"}
    assert heard(core, "hei?", 2) == []


def test_bot_follows_the_session_state() -> None:
    core = DemoBotCore()
    started(core)
    core.receive({"type": "handover_request", "session_id": "s1", "kind": "anonymous"}, now=NOW)
    assert heard(core, "hei", 1) == []  # waiting: the customer asked for a person
    core.receive({"type": "handover_cancelled", "session_id": "s1"}, now=NOW)
    assert heard(core, "hei", 2) != []  # back with the bot
    core.receive({"type": "session_taken", "session_id": "s1", "adviser_id": "a"}, now=NOW)
    assert heard(core, "hei", 3) == []
    core.receive({"type": "session_ended", "session_id": "s1", "by": "customer"}, now=NOW)
    assert "s1" not in core.sessions


@pytest.mark.parametrize(
    "frame",
    [{}, {"type": "message"}, {"type": "message", "session_id": 7}, {"type": "welcome", "agent_id": "x"},
     {"type": "message", "session_id": "s", "from": "customer", "text": None, "seq": 1},
     {"type": "message", "session_id": "s", "from": "customer", "text": "hei", "seq": "1"},
     {"type": "message", "session_id": "s", "from": "bot", "text": "hei", "seq": 1}],
)
def test_odd_frames_are_ignored(frame: dict[str, Any]) -> None:
    assert DemoBotCore().receive(frame, now=NOW) == []


def _msg(seq: int, sender: str, text: str, sid: str = "s1") -> dict[str, Any]:
    return {"type": "message", "session_id": sid, "seq": seq, "from": sender, "text": text, "at": STARTED}


def test_a_reconnected_bot_answers_the_customer_message_nobody_answered() -> None:
    """Told of an open session with messages (``last_seq``), the bot reads its end (``history``) and
    answers the last customer message if nobody did while it was away: once, with its usual id."""
    core = DemoBotCore()
    frame = {"type": "session_started", "session_id": "s1", "kind": "anonymous", "state": "bot",
             "created_at": "2027-01-15T07:58:00.000Z", "last_seq": 24}
    assert core.receive(frame, now=NOW) == [{"type": "history", "session_id": "s1", "after_seq": 4}]
    for f in (_msg(22, "customer", "hei"), _msg(23, "bot", "Hei!"), {"type": "ack", "session_id": "s1", "seq": 2},
              _msg(24, "customer", "jeg har mistet kortet mitt")):
        assert core.receive(f, now=NOW) == []
    out = core.receive({"type": "history_end", "session_id": "s1", "last_seq": 24}, now=NOW)
    lost = next(i for i in INTENTS if i.name == "lost_card")
    assert [(f["client_msg_id"], f["text"]) for f in out] == [("r24", lost.nb)]
    assert core.receive(_msg(26, "customer", "takk"), now=NOW)[0]["client_msg_id"] == "r26"  # live again


def test_a_reconnected_bot_stays_quiet_when_the_customer_was_answered() -> None:
    core = DemoBotCore()
    frame = {"type": "session_started", "session_id": "s1", "kind": "anonymous", "state": "bot",
             "created_at": "2027-01-15T07:58:00.000Z", "last_seq": 3}
    assert core.receive(frame, now=NOW)[0]["type"] == "history"
    core.receive(_msg(2, "customer", "hei"), now=NOW)
    core.receive(_msg(3, "adviser", "Hei, hva kan jeg hjelpe med?"), now=NOW)
    assert core.receive({"type": "history_end", "session_id": "s1", "last_seq": 3}, now=NOW) == []
    # Not with the bot (an adviser has it, or it waits for one): no history asked at all.
    waiting = {**frame, "session_id": "s2", "state": "waiting"}
    assert core.receive(waiting, now=NOW) == []


def test_a_repeated_announcement_asks_history_only_if_the_session_went_further() -> None:
    """After a relay outage every open session is announced again: a bot that has heard it all stays put."""
    core = DemoBotCore()
    frame = {"type": "session_started", "session_id": "s1", "kind": "anonymous", "state": "bot",
             "created_at": "2027-01-15T07:58:00.000Z", "last_seq": 0}
    assert core.receive(frame, now=NOW) == []
    assert core.receive(_msg(1, "customer", "hei"), now=NOW)[0]["client_msg_id"] == "r1"
    core.receive({"type": "ack", "session_id": "s1", "client_msg_id": "r1", "seq": 2}, now=NOW)
    assert core.receive({**frame, "last_seq": 2}, now=NOW) == []  # nothing new
    assert core.receive({**frame, "last_seq": 4}, now=NOW) == [{"type": "history", "session_id": "s1", "after_seq": 0}]
