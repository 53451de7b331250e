"""One gateway made of several real ``chatlog serve`` processes on one Redis (issue 10): every path a
customer, a bot or an adviser takes, whichever instance each is connected to."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from tests.cluster.harness import cluster, redis_server
from tests.gateway.client import Client, client

FNR = "05109816444"
EMAIL = "kari.nordmann@example.no"


async def agent(c: Client, token: str) -> dict[str, object]:
    welcome = await c.hello(token=token)
    assert welcome["type"] == "welcome", welcome
    return welcome


async def test_customer_on_one_instance_bot_and_adviser_on_another_then_failover(tmp_path: Path) -> None:
    """The done-when scenario: customer on A; bot and adviser on B; handover; A killed; resume on B."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        issuer = a.running
        async with (
            client(b.ws + "/ws/agent") as bot,
            client(b.ws + "/ws/agent") as adviser,
            client(a.ws + "/ws/agent") as rival,
        ):
            await agent(bot, issuer.staff_token("bot-1", "bot"))
            await agent(adviser, issuer.staff_token("adv-b", "adviser"))
            await agent(rival, issuer.staff_token("adv-a", "adviser"))
            await asyncio.sleep(0.5)  # the agents' presence reaches Redis (not needed for delivery)

            customer_ctx = client(a.ws + "/ws/chat")
            customer = await customer_ctx.__aenter__()
            try:
                welcome = await customer.hello()
                sid = welcome["session_id"]
                assert welcome["kind"] == "anonymous"

                started = await bot.recv_type("session_started")
                assert started["session_id"] == sid

                # Live relay of the original text (anonymous: the store gets it redacted).
                text = f"hei, fnr {FNR} og e-post {EMAIL}"
                assert (await customer.say("c1", text))["seq"] == 1
                relayed = await bot.recv_type("message")
                assert (relayed["session_id"], relayed["text"], relayed["from"]) == (sid, text, "customer")

                # The bot on B answers the customer on A.
                answer = {"type": "message", "session_id": sid, "client_msg_id": "b1", "text": "Hva gjelder det?"}
                await bot.send(answer)
                assert (await bot.recv_type("ack"))["seq"] == 2
                reply = await customer.recv_type("message")
                assert (reply["from"], reply["text"], reply["seq"]) == ("bot", "Hva gjelder det?", 2)

                # Handover: advisers on both instances are offered it.
                await customer.send({"type": "handover_request"})
                assert (await adviser.recv_type("handover_request"))["session_id"] == sid
                assert (await rival.recv_type("handover_request"))["session_id"] == sid

                # The adviser on B takes it: the transcript carries the originals, fetched from A.
                await adviser.send({"type": "accept", "session_id": sid})
                transcript = await adviser.recv_type("transcript")
                texts = [m["text"] for m in transcript["messages"]]
                assert texts == [text, "Hva gjelder det?"]
                assert (await customer.recv_type("adviser_joined"))["type"] == "adviser_joined"
                assert (await bot.recv_type("session_taken"))["adviser_id"] == "adv-b"
                assert (await rival.recv_type("session_taken"))["adviser_id"] == "adv-b"

                # A second adviser on the other instance cannot take it.
                await rival.send({"type": "accept", "session_id": sid})
                err = await rival.recv_type("error")
                assert err["code"] == "conflict"

                # Customer on A -> adviser on B, and back.
                assert (await customer.say("c2", "takk, jeg venter"))["seq"] == 3
                to_adviser = await adviser.recv_type("message")
                assert (to_adviser["text"], to_adviser["from"]) == ("takk, jeg venter", "customer")
                answer = {"type": "message", "session_id": sid, "client_msg_id": "a1", "text": "Jeg ser på det."}
                await adviser.send(answer)
                assert (await adviser.recv_type("ack"))["seq"] == 4
                assert (await customer.recv_type("message"))["text"] == "Jeg ser på det."
            finally:
                a.kill()  # SIGKILL, mid-chat: no goodbye
                await customer_ctx.__aexit__(None, None, None)

            # While the customer has no connection, the adviser writes: stored and acked all the same.
            await adviser.send({"type": "message", "session_id": sid, "client_msg_id": "a2", "text": "Er du der?"})
            assert (await adviser.recv_type("ack"))["seq"] == 5

            # The customer resumes on B (where the load balancer sends it now) and misses nothing.
            async with client(b.ws + "/ws/chat") as again:
                welcome = await again.hello(resume={"session_id": sid, "last_seq": 4})
                assert (welcome["session_id"], welcome["state"]) == (sid, "adviser")
                missed = await again.recv_type("message")
                assert (missed["seq"], missed["from"], missed["text"]) == (5, "adviser", "Er du der?")
                assert (await again.say("c3", "ja, her"))["seq"] == 6
                assert (await adviser.recv_type("message"))["text"] == "ja, her"
                await again.send({"type": "end"})
                ended = await adviser.recv_type("session_ended")
                assert (ended["session_id"], ended["by"]) == (sid, "customer")


async def test_exactly_one_adviser_when_two_accept_at_once_on_two_instances(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(a.ws + "/ws/agent") as adv_a, client(b.ws + "/ws/agent") as adv_b:
            await agent(adv_a, a.running.staff_token("adv-a", "adviser"))
            await agent(adv_b, a.running.staff_token("adv-b", "adviser"))
            for round_ in range(8):
                async with client((a if round_ % 2 else b).ws + "/ws/chat") as customer:
                    sid = (await customer.hello())["session_id"]
                    await customer.send({"type": "handover_request"})
                    await adv_a.recv_type("handover_request")
                    await adv_b.recv_type("handover_request")
                    await asyncio.gather(
                        adv_a.send({"type": "accept", "session_id": sid}),
                        adv_b.send({"type": "accept", "session_id": sid}),
                    )
                    outcomes = await asyncio.gather(
                        adv_a.recv_type_any(("transcript", "error")), adv_b.recv_type_any(("transcript", "error"))
                    )
                    kinds = sorted(o["type"] for o in outcomes)
                    assert kinds == ["error", "transcript"], outcomes
                    assert [o["code"] for o in outcomes if o["type"] == "error"] == ["conflict"]
                    assert (await customer.recv_type("adviser_joined"))["type"] == "adviser_joined"
                    await customer.send({"type": "end"})


async def test_agents_connecting_anywhere_are_caught_up_on_sessions_held_elsewhere(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(a.ws + "/ws/chat") as talking, client(a.ws + "/ws/chat") as waiting:
            talking_sid = (await talking.hello())["session_id"]
            waiting_sid = (await waiting.hello())["session_id"]
            await waiting.send({"type": "handover_request"})
            await asyncio.sleep(0.3)
            async with client(b.ws + "/ws/agent") as bot, client(b.ws + "/ws/agent") as adviser:
                await agent(bot, a.running.staff_token("bot-1", "bot"))
                await agent(adviser, a.running.staff_token("adv-1", "adviser"))
                seen = {(await bot.recv_type("session_started"))["session_id"] for _ in range(2)}
                assert seen == {talking_sid, waiting_sid}
                offered = await adviser.recv_type("handover_request")
                assert offered["session_id"] == waiting_sid


async def test_adviser_instance_killed_its_sessions_are_offered_again(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(a.ws + "/ws/chat") as customer, client(a.ws + "/ws/agent") as backup:
            await agent(backup, a.running.staff_token("adv-backup", "adviser"))
            sid = (await customer.hello())["session_id"]
            await customer.send({"type": "handover_request"})
            await backup.recv_type("handover_request")
            doomed_ctx = client(b.ws + "/ws/agent")
            doomed = await doomed_ctx.__aenter__()
            try:
                await agent(doomed, a.running.staff_token("adv-doomed", "adviser"))
                await doomed.recv_type("handover_request")  # catch-up from A
                await doomed.send({"type": "accept", "session_id": sid})
                await doomed.recv_type("transcript")
                await customer.recv_type("adviser_joined")
                await asyncio.sleep(0.6)  # its presence is in Redis
                b.kill()
            finally:
                await doomed_ctx.__aexit__(None, None, None)
            # Nobody said goodbye: once the adviser's presence runs out, the session is offered again.
            assert (await customer.recv_type("adviser_left", timeout=15))["type"] == "adviser_left"
            assert (await backup.recv_type("handover_request", timeout=15))["session_id"] == sid
            await backup.send({"type": "accept", "session_id": sid})
            assert (await backup.recv_type("transcript"))["session_id"] == sid


async def test_graceful_stop_tells_clients_to_reconnect_and_they_resume_on_another(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        token = a.running.customer_token("cust-graceful")
        async with client(a.ws + "/ws/chat") as customer:
            sid = (await customer.hello(token=token))["session_id"]
            assert (await customer.say("m1", "hei"))["seq"] == 1
            a.stack.close()  # SIGTERM and wait
            assert (await customer.recv_type("reconnect"))["reason"] == "server restarting"
        async with client(b.ws + "/ws/chat") as customer:
            welcome = await customer.hello(token=token, resume={"session_id": sid, "last_seq": 0})
            assert welcome["session_id"] == sid
            assert (await customer.recv_type("message"))["text"] == "hei"
            assert (await customer.say("m2", "igjen"))["seq"] == 2


async def test_one_session_written_from_two_instances_at_once_gets_exact_seqs(tmp_path: Path) -> None:
    """Several processes on one embedded store: seq assignment and idempotency stay exact."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        token = a.running.customer_token("cust-seq")
        async with client(a.ws + "/ws/chat") as customer, client(b.ws + "/ws/agent") as bot:
            await agent(bot, a.running.staff_token("bot-1", "bot"))
            sid = (await customer.hello(token=token))["session_id"]
            await bot.recv_type("session_started")
            n = 150

            async def customer_side() -> dict[str, int]:
                acks: dict[str, int] = {}
                for i in range(n):
                    await customer.send({"type": "message", "client_msg_id": f"c{i}", "text": f"kunde {i}"})
                    if i % 3 == 0:  # a retry with the same id must not store twice
                        await customer.send({"type": "message", "client_msg_id": f"c{i}", "text": f"kunde {i}"})
                while sum(1 for _ in acks) < n:
                    frame = await customer.recv_type("ack")
                    assert acks.setdefault(frame["client_msg_id"], frame["seq"]) == frame["seq"]
                return acks

            async def bot_side() -> dict[str, int]:
                acks: dict[str, int] = {}
                for i in range(n):
                    await bot.send({"type": "message", "session_id": sid, "client_msg_id": f"b{i}", "text": f"bot {i}"})
                while len(acks) < n:
                    frame = await bot.recv_type("ack")
                    acks[frame["client_msg_id"]] = frame["seq"]
                return acks

            c_acks, b_acks = await asyncio.gather(customer_side(), bot_side())
            seqs = sorted([*c_acks.values(), *b_acks.values()])
            assert seqs == list(range(1, 2 * n + 1))
        async with client(b.ws + "/ws/chat") as again:
            await again.hello(token=token, resume={"session_id": sid, "last_seq": 0})
            replay = [await again.recv_type("message") for _ in range(2 * n)]
            assert [m["seq"] for m in replay] == list(range(1, 2 * n + 1))


async def test_a_waiting_session_of_a_killed_instance_is_offered_again_when_its_customer_resumes(
    tmp_path: Path,
) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        token = a.running.customer_token("cust-waiting")
        customer_ctx = client(a.ws + "/ws/chat")
        customer = await customer_ctx.__aenter__()
        try:
            sid = (await customer.hello(token=token))["session_id"]
            assert (await customer.say("m1", "jeg vil snakke med et menneske"))["seq"] == 1
            await customer.send({"type": "handover_request"})
            await asyncio.sleep(0.3)
        finally:
            a.kill()
            await customer_ctx.__aexit__(None, None, None)
        async with client(b.ws + "/ws/agent") as adviser:
            await agent(adviser, b.running.staff_token("adv-1", "adviser"))
            async with client(b.ws + "/ws/chat") as again:
                welcome = await again.hello(token=token, resume={"session_id": sid, "last_seq": 1})
                assert welcome["state"] == "waiting"
                offered = await adviser.recv_type("handover_request")
                assert offered["session_id"] == sid
                await adviser.send({"type": "accept", "session_id": sid})
                transcript = await adviser.recv_type("transcript")
                assert [m["text"] for m in transcript["messages"]] == ["jeg vil snakke med et menneske"]
                assert (await again.recv_type("adviser_joined"))["type"] == "adviser_joined"


async def test_an_adviser_ending_on_one_instance_ends_the_customer_on_another(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(a.ws + "/ws/chat") as customer, client(b.ws + "/ws/agent") as adviser:
            await agent(adviser, a.running.staff_token("adv-1", "adviser"))
            sid = (await customer.hello())["session_id"]
            await customer.send({"type": "handover_request"})
            await adviser.recv_type("handover_request")
            await adviser.send({"type": "accept", "session_id": sid})
            await adviser.recv_type("transcript")
            await adviser.send({"type": "end", "session_id": sid})
            assert (await customer.recv_type("ended"))["by"] == "agent"
            err = await customer.say("late", "hallo?")
            assert err["code"] == "session_ended"


async def test_availability_counts_agents_on_every_instance_and_a_cancel_reaches_them(tmp_path: Path) -> None:
    """The customer on A is told about the adviser on B; cancelling on A withdraws B's offer."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(b.ws + "/ws/agent") as adviser, client(b.ws + "/ws/agent") as bot:
            await agent(adviser, a.running.staff_token("adv-1", "adviser"))
            await agent(bot, a.running.staff_token("bot-1", "bot"))
            # Presence reaches Redis a moment after an agent connects (a write of its own): A sees it then.
            for _ in range(50):
                async with client(a.ws + "/ws/chat") as probe:
                    counted = (await probe.hello())["availability"]
                    await probe.send({"type": "end"})
                if counted == {"bots": 1, "advisers": 1}:
                    break
                await asyncio.sleep(0.1)
            assert counted == {"bots": 1, "advisers": 1}
            async with client(a.ws + "/ws/chat") as customer:
                welcome = await customer.hello()
                assert welcome["availability"] == {"bots": 1, "advisers": 1}
                sid = welcome["session_id"]
                await customer.send({"type": "handover_request"})
                assert (await customer.recv_type("availability"))["advisers"] == 1
                await adviser.recv_type("handover_request")
                await customer.send({"type": "cancel_handover"})
                await customer.recv_type("handover_cancelled")
                assert (await adviser.recv_type("handover_cancelled"))["session_id"] == sid
                # The bot on B hears the customer again.
                await customer.say("m1", "glem det")
                assert (await bot.recv_type("message"))["text"] == "glem det"
            # Ended while waiting on A: the offer on B is withdrawn (outside audit 63).
            async with client(a.ws + "/ws/chat") as customer:
                sid = (await customer.hello())["session_id"]
                await customer.send({"type": "handover_request"})
                assert (await adviser.recv_type("handover_request"))["session_id"] == sid
                await customer.send({"type": "end"})
                ended = await adviser.recv_type("session_ended")
                assert (ended["session_id"], ended["by"]) == (sid, "customer")
            # Erased through B's API while it waits on A: withdrawn from B's adviser too.
            token = a.running.customer_token("cust-erased-waiting")
            async with client(a.ws + "/ws/chat") as customer:
                sid = (await customer.hello(token=token))["session_id"]
                await customer.send({"type": "handover_request"})
                assert (await adviser.recv_type("handover_request"))["session_id"] == sid
                async with httpx.AsyncClient() as http:
                    resp = await http.delete(
                        f"{b.running.base}/api/archive/sessions/{sid}", headers={"Authorization": f"Bearer {token}"}
                    )
                    assert resp.status_code == 204
                ended = await adviser.recv_type("session_ended")
                assert (ended["session_id"], ended["by"]) == (sid, "erasure")
                # B's bot too: B held no copy, A's relayed frames reached only A's agents before.
                while (heard := await bot.recv_type("session_ended"))["session_id"] != sid:
                    pass
                assert heard["by"] == "erasure"


async def test_a_reconnecting_bot_is_caught_up_on_what_it_missed_wherever_the_session_lives(tmp_path: Path) -> None:
    """Outside audit, M1 and M2: a bot that reconnects elsewhere resends its unacked reply into a
    session held by another instance *before* its catch-up arrives (the session is then loaded here
    too), and must still be told of the session, with ``last_seq``; ``history`` then gives it what the
    customer said while it was away, in the original words of an anonymous chat."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(a.ws + "/ws/chat") as customer:
            sid = (await customer.hello())["session_id"]
            async with client(a.ws + "/ws/agent") as bot:
                await agent(bot, a.running.staff_token("bot-1", "bot"))
                assert (await bot.recv_type("session_started"))["last_seq"] == 0
                assert (await customer.say("c1", "hei"))["seq"] == 1
                await bot.recv_type("message")
            # The bot is away: the customer goes on.
            assert (await customer.say("c2", f"fnr {FNR}"))["seq"] == 2
            assert (await customer.say("c3", "hallo?"))["seq"] == 3
            async with client(b.ws + "/ws/agent") as bot:
                await agent(bot, a.running.staff_token("bot-1", "bot"))
                reply = {"type": "message", "session_id": sid, "client_msg_id": "b1", "text": "Her er jeg"}
                await bot.send(reply)  # at once, before the catch-up from A can have come
                frames: dict[str, dict[str, object]] = {}
                while len(frames) < 2:  # in either order
                    frame = await bot.recv_type_any(("ack", "session_started"))
                    frames[str(frame["type"])] = frame
                assert frames["ack"]["seq"] == 4
                started = frames["session_started"]
                assert started["session_id"] == sid
                assert isinstance(started["last_seq"], int) and started["last_seq"] >= 3
                await bot.send({"type": "history", "session_id": sid, "after_seq": 1})
                got = [await bot.recv_type_any(("message", "history_end")) for _ in range(4)]
                assert [(f["type"], f.get("seq"), f.get("text")) for f in got] == [
                    ("message", 2, f"fnr {FNR}"),  # the original: it never left memory on A
                    ("message", 3, "hallo?"),
                    ("message", 4, "Her er jeg"),
                    ("history_end", None, None),
                ]
                assert got[-1]["last_seq"] == 4 and all(f["session_id"] == sid for f in got)
