"""An agent's ``history`` (docs/protocol.md): what a reconnecting bot missed, and to whom it is refused."""

from __future__ import annotations

from tests.gateway.client import client
from tests.servers import Running


async def test_a_reconnecting_bot_gets_what_it_missed_and_nobody_else_does(server: Running) -> None:
    async with client(server.ws + "/ws/chat") as customer:
        sid = (await customer.hello())["session_id"]
        await customer.say("c1", "hei")
        async with client(server.ws + "/ws/chat") as stranger:
            other = (await stranger.hello())["session_id"]
        await customer.say("c2", "kortet mitt er borte")
        async with client(server.ws + "/ws/agent") as bot:
            await bot.hello(token=server.staff_token("bot-h", "bot"))
            started = [await bot.recv_type("session_started") for _ in range(2)]
            assert {s["session_id"]: s["last_seq"] for s in started}[sid] == 2
            await bot.send({"type": "history", "session_id": sid, "after_seq": 1})
            message = await bot.recv_type_any(("message", "history_end"))
            assert (message["type"], message["seq"], message["text"]) == ("message", 2, "kortet mitt er borte")
            end = await bot.recv_type_any(("message", "history_end"))
            assert end == {"type": "history_end", "session_id": sid, "last_seq": 2}
            await bot.send({"type": "history", "session_id": sid, "after_seq": 2})
            assert await bot.recv_type_any(("message", "history_end")) == end  # nothing new: just the end
            await bot.send({"type": "history", "session_id": "nope-" + sid, "after_seq": 0})
            error = await bot.recv_type("error")
            assert (error["code"], error["session_id"]) == ("unknown_session", "nope-" + sid)
            await bot.send({"type": "history", "session_id": sid, "after_seq": -3})
            assert (await bot.recv_type("error"))["code"] == "bad_request"
            assert other != sid
        # An adviser reads only a session it took over.
        async with client(server.ws + "/ws/agent") as adviser:
            await adviser.hello(token=server.staff_token("adv-h", "adviser"))
            await adviser.send({"type": "history", "session_id": sid, "after_seq": 0})
            error = await adviser.recv_type("error")
            assert (error["code"], error["session_id"]) == ("forbidden", sid)
            await customer.send({"type": "handover_request"})
            await adviser.recv_type("handover_request")
            await adviser.send({"type": "accept", "session_id": sid})
            await adviser.recv_type("transcript")
            await adviser.send({"type": "history", "session_id": sid, "after_seq": 0})
            seqs = [(await adviser.recv_type_any(("message", "history_end"))).get("seq") for _ in range(3)]
            assert seqs == [1, 2, None]
