"""Bounded memory (issue 8, item 5): a live transcript is capped in bytes, live sessions and connections
per instance are capped, and a refusal is a clear error frame and close code 1013."""

from __future__ import annotations

from pathlib import Path

from chat.gateway.live import LiveMessage, Transcript
from chat.services import Services
from tests.gateway.client import client
from tests.servers import Running, make_settings, run_in_thread


def services_of(server: Running) -> Services:
    assert server.server is not None
    s: Services = server.server.chat_app.state.services
    return s


def test_transcript_keeps_the_newest_within_its_bytes() -> None:
    transcript = Transcript(10_000)
    for seq in range(1, 101):
        transcript.append(LiveMessage(seq, "customer", "x" * 500, "t", None))
    assert transcript.bytes <= 10_000
    assert not transcript.complete
    seqs = [m.seq for m in transcript]
    assert seqs == list(range(seqs[0], 101)) and seqs[0] > 1  # the newest, in order, oldest let go
    big = Transcript(1_000)
    big.append(LiveMessage(1, "customer", "y" * 2000, "t", None))
    assert [m.seq for m in big] == [1]  # one message over the budget is still kept (the newest)


async def test_a_live_transcript_is_bounded_and_resume_still_replays_everything(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "var", live_transcript_bytes=8192)
    with run_in_thread(settings) as running:
        async with client(running.ws + "/ws/chat") as widget:
            session_id = (await widget.hello())["session_id"]
            for i in range(40):
                assert (await widget.say(f"m{i}", f"melding {i} " + "z" * 1000))["type"] == "ack"
            live = services_of(running).hub.sessions[session_id]
            assert live.transcript.bytes <= 8192 and len(live.transcript) < 40
        async with client(running.ws + "/ws/chat") as again:
            await again.hello(resume={"session_id": session_id, "last_seq": 0})
            seqs = [(await again.recv_type("message"))["seq"] for _ in range(40)]
            assert seqs == list(range(1, 41))  # the older part from the store, the rest from memory


async def test_live_sessions_are_capped_and_detached_ones_make_room(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "var", max_live_sessions=2)
    with run_in_thread(settings) as running:
        async with client(running.ws + "/ws/chat") as first, client(running.ws + "/ws/chat") as second:
            await first.hello()
            await second.hello()
            async with client(running.ws + "/ws/chat") as third:
                refused = await third.hello()
                assert refused["type"] == "error" and refused["code"] == "capacity"
                assert await third.closed_with() == 1013
            await second.ws.close()
        # "second" left: its session gives way to a newcomer (a resume would reload it from the store).
        async with client(running.ws + "/ws/chat") as newcomer:
            assert (await newcomer.hello())["type"] == "welcome"


async def test_connections_are_capped(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "var", max_connections=2)
    with run_in_thread(settings) as running:
        async with client(running.ws + "/ws/chat") as a, client(running.ws + "/ws/chat") as b:
            await a.hello()
            await b.hello()
            async with client(running.ws + "/ws/chat") as c:
                frame = await c.recv()
                assert frame["type"] == "error" and frame["code"] == "capacity"
                assert await c.closed_with() == 1013
        async with client(running.ws + "/ws/chat") as d:  # room again once they left
            assert (await d.hello())["type"] == "welcome"
