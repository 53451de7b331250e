"""Nobody answering must not look like "delivered" forever (issue 12): the widget is told who is there,
a bot can hand a chat to the advisers' queue, and a customer can stop waiting for one."""

from __future__ import annotations

from tests.gateway.client import client
from tests.servers import Running


async def test_welcome_says_who_is_connected(server: Running) -> None:
    async with client(server.ws + "/ws/chat") as widget:
        alone = await widget.hello()
        assert alone["availability"] == {"bots": 0, "advisers": 0}
    async with client(server.ws + "/ws/agent") as bot, client(server.ws + "/ws/agent") as adviser:
        await bot.hello(token=server.staff_token("bot-1", "bot"))
        await adviser.hello(token=server.staff_token("adv-1", "adviser"))
        async with client(server.ws + "/ws/chat") as widget:
            w = await widget.hello()
            assert w["availability"] == {"bots": 1, "advisers": 1}


async def test_asking_for_an_adviser_when_none_is_connected_says_so(server: Running) -> None:
    async with client(server.ws + "/ws/chat") as widget:
        await widget.hello()
        await widget.send({"type": "handover_request"})
        assert await widget.recv_type("waiting") == {"type": "waiting", "by": "customer"}
        assert await widget.recv_type("availability") == {"type": "availability", "bots": 0, "advisers": 0}
        # Once an adviser connects, the next request (after cancelling) is told there is one.
        await widget.send({"type": "cancel_handover"})
        assert await widget.recv_type("handover_cancelled") == {"type": "handover_cancelled"}
        async with client(server.ws + "/ws/agent") as adviser:
            await adviser.hello(token=server.staff_token("adv-1", "adviser"))
            await widget.send({"type": "handover_request"})
            await widget.recv_type("waiting")
            assert (await widget.recv_type("availability"))["advisers"] == 1


async def test_a_bot_hands_over_and_an_adviser_takes_it(server: Running) -> None:
    async with client(server.ws + "/ws/agent") as bot, client(server.ws + "/ws/agent") as adviser:
        await bot.hello(token=server.staff_token("bot-1", "bot"))
        await adviser.hello(token=server.staff_token("adv-1", "adviser"))
        async with client(server.ws + "/ws/chat") as widget:
            sid = (await widget.hello())["session_id"]
            await bot.recv_type("session_started")
            await widget.say("m1", "Jeg vil snakke med et menneske")
            await bot.send({"type": "handover", "session_id": sid})
            assert await widget.recv_type("waiting") == {"type": "waiting", "by": "bot"}
            offer = await adviser.recv_type("handover_request")
            assert offer["session_id"] == sid
            # Handing over twice changes nothing; an adviser cannot use the bot's frame.
            await bot.send({"type": "handover", "session_id": sid})
            await adviser.send({"type": "handover", "session_id": sid})
            refused = await adviser.recv_type("error")
            assert (refused["code"], refused["session_id"]) == ("forbidden", sid)
            await adviser.send({"type": "accept", "session_id": sid})
            transcript = await adviser.recv_type("transcript")
            assert [m["text"] for m in transcript["messages"]] == ["Jeg vil snakke med et menneske"]
            await widget.recv_type("adviser_joined")


async def test_cancelling_the_wait_withdraws_the_offer_and_the_bot_answers_again(server: Running) -> None:
    async with client(server.ws + "/ws/agent") as bot, client(server.ws + "/ws/agent") as adviser:
        await bot.hello(token=server.staff_token("bot-1", "bot"))
        await adviser.hello(token=server.staff_token("adv-1", "adviser"))
        async with client(server.ws + "/ws/chat") as widget:
            sid = (await widget.hello())["session_id"]
            await widget.send({"type": "handover_request"})
            await adviser.recv_type("handover_request")
            await widget.send({"type": "cancel_handover"})
            await widget.recv_type("handover_cancelled")
            assert (await adviser.recv_type("handover_cancelled"))["session_id"] == sid
            assert (await bot.recv_type("handover_cancelled"))["session_id"] == sid
            # Too late to accept: the chat is with the bot again, and says so.
            await adviser.send({"type": "accept", "session_id": sid})
            assert (await adviser.recv_type("error"))["code"] == "reason_required"
            await widget.say("m1", "glem det, hva er åpningstidene?")
            heard = await bot.recv_type("message")
            assert heard["text"] == "glem det, hva er åpningstidene?"
            # Cancelling when not waiting is a no-op, not an error.
            await widget.send({"type": "cancel_handover"})
            await widget.send({"type": "ping"})
            assert await widget.recv() == {"type": "pong"}


async def test_a_bot_cannot_hand_over_an_unknown_session(server: Running) -> None:
    async with client(server.ws + "/ws/agent") as bot:
        await bot.hello(token=server.staff_token("bot-1", "bot"))
        await bot.send({"type": "handover", "session_id": "no-such-session"})
        err = await bot.recv_type("error")
        assert (err["code"], err["session_id"]) == ("unknown_session", "no-such-session")
        await bot.send({"type": "handover"})
        assert (await bot.recv_type("error"))["code"] == "bad_request"
