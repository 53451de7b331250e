"""The relay's envelopes and request bookkeeping, without Redis or sockets (chat/relay/protocol.py)."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chat.errors import RelayError
from chat.relay.protocol import (
    Deliver,
    Event,
    Forget,
    Hello,
    RelayCore,
    Reply,
    Request,
    Resumed,
    StateChanged,
    decode,
    encode,
)

EVENTS: list[Event] = [
    Deliver("bots", {"type": "session_started", "session_id": "s1"}),
    Deliver("customer", {"type": "message", "seq": 3, "text": "hei"}, session_id="s1"),
    Deliver("adviser", {"type": "message", "text": "x"}, session_id="s1", agent_id="adv-1"),
    StateChanged("s1", "adviser", "adv-1"),
    StateChanged("s1", "waiting", None),
    Resumed("s1"),
    Resumed("s1", 1764579600.25),
    Forget("s1"),
    Request("i1:1", "transcript", {"session_id": "s1"}),
    Reply("i1:1", [{"seq": 1}]),
    Hello(),
    Hello(bye=True),
    Hello(again=True),
]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: type(e).__name__)
def test_every_event_round_trips(event: Event) -> None:
    msg = decode(encode("inst-a", event))
    assert (msg.sender, msg.event) == ("inst-a", event)


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[]",
        b'{"v": 2, "from": "a", "k": "forget", "sid": "s"}',
        b'{"v": 1, "k": "forget", "sid": "s"}',
        b'{"v": 1, "from": "a", "k": "nope"}',
        b'{"v": 1, "from": "a", "k": "deliver", "to": "everyone", "frame": {}}',
        b'{"v": 1, "from": "a", "k": "deliver", "to": "customer", "frame": {}}',
        b'{"v": 1, "from": "a", "k": "deliver", "to": "adviser", "frame": {}, "sid": "s"}',
        b'{"v": 1, "from": "a", "k": "deliver", "to": "bots", "frame": "text"}',
        b'{"v": 1, "from": "a", "k": "state", "sid": "s", "state": "flying"}',
        b'{"v": 1, "from": "a", "k": "request", "id": "x", "op": "drop_tables", "args": {}}',
        b'{"v": 1, "from": "a", "k": "reply", "id": "x", "items": [1, 2]}',
        b'{"v": 1, "from": "", "k": "forget", "sid": "s"}',
    ],
)
def test_malformed_envelopes_are_refused(raw: bytes) -> None:
    with pytest.raises(RelayError):
        decode(raw)


@given(st.binary(max_size=200))
def test_core_never_raises_on_any_bytes(raw: bytes) -> None:
    core = RelayCore("me")
    before = core.dropped
    msg = core.incoming(raw)
    assert msg is None or msg.sender != "me"
    assert core.dropped in (before, before + 1)


def test_own_echoes_are_ignored_and_bad_input_counted() -> None:
    core = RelayCore("me")
    assert core.incoming(core.outgoing(Forget("s1"))) is None
    assert core.incoming(b"{") is None
    assert core.dropped == 1
    other = core.incoming(encode("you", Forget("s1")))
    assert other is not None and other.event == Forget("s1")


def test_a_request_completes_when_every_expected_instance_replied() -> None:
    core = RelayCore("me")
    request_id, data = core.open_request("open_sessions", {"role": "bot"}, {"me", "b", "c"})
    sent = orjson.loads(data)
    assert (sent["k"], sent["id"], sent["op"]) == ("request", request_id, "open_sessions")
    pending = core.pending[request_id]
    assert pending.expected == {"b", "c"}  # never waits for itself
    core.incoming(encode("b", Reply(request_id, [{"session_id": "s1"}])))
    assert not pending.complete
    core.incoming(encode("x", Reply("someone-else:9", [{"session_id": "zz"}])))  # not ours: ignored
    core.incoming(encode("c", Reply(request_id, [{"session_id": "s2"}])))
    assert pending.complete
    assert core.close_request(request_id) == [{"session_id": "s1"}, {"session_id": "s2"}]
    assert core.close_request(request_id) == []  # closed once; a late reply finds nothing to file


def test_request_ids_are_unique_per_instance() -> None:
    core = RelayCore("me")
    ids = {core.open_request("transcript", {}, {"b"})[0] for _ in range(100)}
    assert len(ids) == 100 and all(i.startswith("me:") for i in ids)
