"""Failures of a several-instance gateway with real processes: Redis killed and restarted mid-chat, an
instance killed under load (nothing acked lost, nothing stored twice), and what Redis holds meanwhile."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed

from tests.cluster.harness import Instance, cluster, redis_server
from tests.gateway.client import client

FNR = "05109816444"


async def relay_status(instance: Instance, want: str, timeout: float = 20.0) -> dict[str, Any]:
    """Poll /readyz until the relay reports ``want`` (it settles within a few heartbeats)."""
    deadline = time.monotonic() + timeout
    ready: dict[str, Any] = {}
    while time.monotonic() < deadline:
        ready = await asyncio.to_thread(instance.ready)
        if ready.get("relay", {}).get("status") == want:
            return ready
        await asyncio.sleep(0.1)
    raise AssertionError(f"relay never reported {want!r}: {ready}")


async def test_redis_killed_and_restarted_mid_chat(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        token = a.running.customer_token("cust-redis")
        async with client(b.ws + "/ws/agent") as bot:
            await bot.hello(token=a.running.staff_token("bot-1", "bot"))
            async with client(a.ws + "/ws/chat") as customer:
                sid = (await customer.hello(token=token))["session_id"]
                await bot.recv_type("session_started")
                assert (await customer.say("m1", "før"))["seq"] == 1
                assert (await bot.recv_type("message"))["text"] == "før"

                rs.kill()
                # Redis gone: both instances still take and ack messages (stored), and say they are degraded.
                assert (await customer.say("m2", "under"))["seq"] == 2
                await bot.send({"type": "message", "session_id": sid, "client_msg_id": "b1", "text": "svar under"})
                assert (await bot.recv_type("ack"))["seq"] == 3
                for instance in (a, b):
                    ready = await relay_status(instance, "degraded")
                    assert ready["status"] == "ready" and ready["relay"]["backend"] == "redis"

                rs.start()  # same port, empty: nothing had to survive in it
                for instance in (a, b):
                    await relay_status(instance, "ok")
                # The widget connected all along gets what the bot wrote during the outage (outside
                # audit 63, M3: it never did, even 20 s after Redis returned).
                caught = await customer.recv_type("message", timeout=20)
                assert (caught["seq"], caught["text"]) == (3, "svar under")
                # What the bot may have missed meanwhile: A announces its open session again, with the
                # last seq, so a bot that heard less knows to ask for ``history``.
                again = await bot.recv_type("session_started", timeout=20)
                assert again["session_id"] == sid and again["last_seq"] >= 2  # as far as A's copy knows
                await bot.send({"type": "history", "session_id": sid, "after_seq": 1})
                missed = [await bot.recv_type_any(("message", "history_end")) for _ in range(3)]
                assert [(f["type"], f.get("seq"), f.get("text")) for f in missed] == [
                    ("message", 2, "under"), ("message", 3, "svar under"), ("history_end", None, None)
                ]
                assert (await customer.say("m3", "etter"))["seq"] == 4
                assert (await bot.recv_type("message"))["text"] == "etter"
            # What the relay could not carry live is in the store: a resume gets all of it.
            async with client(a.ws + "/ws/chat") as customer:
                await customer.hello(token=token, resume={"session_id": sid, "last_seq": 0})
                replay = [await customer.recv_type("message") for _ in range(4)]
                assert [(m["seq"], m["text"]) for m in replay] == [
                    (1, "før"), (2, "under"), (3, "svar under"), (4, "etter")
                ]



async def test_what_the_customer_wrote_during_an_outage_reaches_the_adviser_elsewhere(tmp_path: Path) -> None:
    """Outside audit 63, M3, the adviser's side: the customer's messages stored on A while Redis was down
    reach the adviser connected to B once it returns, and only those (the one before is not repeated)."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(b.ws + "/ws/agent") as adviser, client(a.ws + "/ws/chat") as customer:
            await adviser.hello(token=a.running.staff_token("adv-1", "adviser"))
            sid = (await customer.hello())["session_id"]
            await customer.send({"type": "handover_request"})
            await adviser.recv_type("handover_request")
            await adviser.send({"type": "accept", "session_id": sid})
            await adviser.recv_type("transcript")
            assert (await customer.say("m1", "før"))["seq"] == 1
            assert (await adviser.recv_type("message"))["text"] == "før"
            rs.kill()
            for instance in (a, b):
                await relay_status(instance, "degraded")
            assert (await customer.say("m2", "under 1"))["seq"] == 2
            assert (await customer.say("m3", "under 2"))["seq"] == 3
            rs.start()
            # Each at least once, in any order: an envelope the relay queued during the outage may
            # still arrive besides the catch-up (the protocol: keep one message per seq).
            caught: dict[int, str] = {}
            while not {2, 3} <= set(caught):
                frame = await adviser.recv_type("message", timeout=20)
                caught[frame["seq"]] = frame["text"]
            assert (caught[2], caught[3]) == ("under 1", "under 2")

async def test_a_handover_asked_while_redis_was_down_is_offered_when_it_returns(tmp_path: Path) -> None:
    """Outside audit, H2: the offer published during the outage reached nobody, and the customer waited
    offered to no adviser. When Redis returns, the instance offers its waiting sessions again: to the
    adviser connected elsewhere all along, and in the first catch-up of one who connects afterwards."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(b.ws + "/ws/agent") as adviser:
            await adviser.hello(token=a.running.staff_token("adv-1", "adviser"))
            async with client(a.ws + "/ws/chat") as customer:
                sid = (await customer.hello())["session_id"]
                rs.kill()
                for instance in (a, b):
                    await relay_status(instance, "degraded")
                await customer.send({"type": "handover_request"})
                await customer.recv_type("waiting")
                rs.start()
                offer = await adviser.recv_type("handover_request", timeout=20)
                assert offer["session_id"] == sid
                for instance in (a, b):
                    await relay_status(instance, "ok")
                await asyncio.sleep(1.0)  # quiet, as in the audit: idle pooled connections go stale
                async with client(b.ws + "/ws/agent") as late:
                    await late.hello(token=a.running.staff_token("adv-2", "adviser"))
                    assert (await late.recv_type("handover_request"))["session_id"] == sid


async def test_a_bot_reply_stored_but_never_relayed_reaches_the_customer_when_the_bot_resends_it(
    tmp_path: Path,
) -> None:
    """Outside audit, M5: a reply stored by one instance that could not relay it (it died, or Redis was
    down) was answered from the idempotency record on the bot's resend elsewhere, and never relayed:
    the customer did not see it. The instance that recognises the retry delivers it, with its seq."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(a.ws + "/ws/chat") as customer:
            sid = (await customer.hello())["session_id"]
            assert (await customer.say("c1", "hei"))["seq"] == 1
            reply = {"type": "message", "session_id": sid, "client_msg_id": "b1", "text": "Hei, hva gjelder det?"}
            async with client(b.ws + "/ws/agent") as bot:
                await bot.hello(token=a.running.staff_token("bot-1", "bot"))
                rs.kill()
                await relay_status(b, "degraded")
                dropped = (await relay_status(b, "degraded"))["relay"]["dropped"]
                await bot.send(reply)
                assert (await bot.recv_type("ack"))["seq"] == 2  # stored; the relay could not carry it
                deadline = time.monotonic() + 30
                while (await asyncio.to_thread(b.ready))["relay"]["dropped"] <= dropped:  # type: ignore[index]
                    assert time.monotonic() < deadline, "the relay never gave the reply up"
                    await asyncio.sleep(0.2)  # redis-py retries for a few seconds before it does
            rs.start()
            for instance in (a, b):
                await relay_status(instance, "ok")
            async with client(a.ws + "/ws/agent") as bot:  # the bot reconnects elsewhere and resends
                await bot.hello(token=a.running.staff_token("bot-1", "bot"))
                await bot.send(reply)
                assert (await bot.recv_type("ack"))["seq"] == 2
            delivered = await customer.recv_type("message")
            assert (delivered["seq"], delivered["from"], delivered["text"]) == (2, "bot", reply["text"])


async def test_a_frozen_redis_stalls_nobody(tmp_path: Path) -> None:
    """Redis stops answering (SIGSTOP: connections stay open, nothing comes back): customers keep
    getting acks, because nothing on their path waits on Redis; when it wakes up the relay recovers."""
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(b.ws + "/ws/agent") as bot, client(a.ws + "/ws/chat") as customer:
            await bot.hello(token=a.running.staff_token("bot-1", "bot"))
            await customer.hello()
            await bot.recv_type("session_started")
            assert rs.proc is not None
            os.kill(rs.proc.pid, signal.SIGSTOP)
            try:
                for i in range(50):
                    assert (await customer.say(f"f{i}", f"frossen {i}"))["type"] == "ack"
                await relay_status(a, "degraded")
            finally:
                os.kill(rs.proc.pid, signal.SIGCONT)
            for instance in (a, b):
                await relay_status(instance, "ok")
            assert (await customer.say("after", "tint"))["seq"] == 51
            # Live frames queued while Redis was frozen may arrive late or not at all (they are in the
            # store); the first message after the thaw does arrive.
            while (await bot.recv_type("message", timeout=15))["text"] != "tint":
                pass


async def test_redis_holds_no_chat_text_at_rest(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        async with client(b.ws + "/ws/agent") as bot, client(a.ws + "/ws/chat") as customer:
            await bot.hello(token=a.running.staff_token("bot-1", "bot"))
            sid = (await customer.hello())["session_id"]
            secret = f"mitt fnr er {FNR}"
            await customer.say("m1", secret)
            assert (await bot.recv_type("message"))["text"] == secret  # it crossed the relay, live
            await asyncio.sleep(1.0)  # a few heartbeats: the bot's presence is written
            with rs.client() as r:
                keys = sorted(k.decode() for k in r.scan_iter("*"))
                assert keys == ["chatlog:agents", "chatlog:agents:bot", "chatlog:instances"]
                dumped = b"".join(r.dump(k) or b"" for k in keys)
                assert FNR.encode() not in dumped and sid.encode() not in dumped
                assert r.zrange("chatlog:agents", 0, -1) == [b"bot-1"]


async def test_instance_killed_under_load_loses_no_acked_message_and_stores_none_twice(tmp_path: Path) -> None:
    customers, per_customer = 16, 40
    with redis_server(tmp_path / "redis") as rs, cluster(tmp_path, rs.url, "a", "b") as cl:
        a, b = cl.instances["a"], cl.instances["b"]
        acked_total = 0
        killed = asyncio.Event()
        a_third = asyncio.Event()
        results: dict[str, tuple[str, dict[str, int]]] = {}

        async def one_customer(i: int) -> None:
            nonlocal acked_total
            token = a.running.customer_token(f"cust-load-{i}")
            urls = [a.ws, b.ws] if i % 2 == 0 else [b.ws]
            sid: str | None = None
            acked: dict[str, int] = {}
            reconnects = 0
            while len(acked) < per_customer:
                url = urls[0] if not killed.is_set() else b.ws
                try:
                    async with client(url + "/ws/chat") as c:
                        if sid is None:
                            sid = (await c.hello(token=token))["session_id"]
                        else:
                            last = max(acked.values(), default=0)
                            welcome = await c.hello(token=token, resume={"session_id": sid, "last_seq": last})
                            assert welcome["type"] == "welcome", welcome
                        for n in range(per_customer):
                            msg_id = f"m{n}"
                            if msg_id in acked:
                                continue
                            frame = await c.say(msg_id, f"melding {n} fra kunde {i}")
                            assert frame["type"] == "ack", frame
                            assert acked.setdefault(msg_id, frame["seq"]) == frame["seq"]
                            acked_total += 1
                            if acked_total >= customers * per_customer // 3:
                                a_third.set()
                except (ConnectionClosed, OSError, TimeoutError):
                    reconnects += 1
                    assert reconnects < 20
                    await asyncio.sleep(0.05)
            assert sid is not None
            results[token] = (sid, acked)

        async def killer() -> None:
            await a_third.wait()
            await asyncio.to_thread(a.kill)
            killed.set()

        await asyncio.gather(killer(), *(one_customer(i) for i in range(customers)))
        assert killed.is_set()

        # Every session, read back from the surviving instance: each message once, seqs without gaps,
        # and every ack given before the kill still true.
        for token, (sid, acked) in results.items():
            async with client(b.ws + "/ws/chat") as c:
                await c.hello(token=token, resume={"session_id": sid, "last_seq": 0})
                replay = [await c.recv_type("message") for _ in range(per_customer)]
                assert [m["seq"] for m in replay] == list(range(1, per_customer + 1))
                assert {m["client_msg_id"]: m["seq"] for m in replay} == acked
                # Nothing else was stored (no duplicate took a seq): the next message follows on.
                assert (await c.say("probe", "siste"))["seq"] == per_customer + 1


def test_single_instance_never_imports_redis(tmp_path: Path) -> None:
    """``CHATLOG_REDIS_URL`` unset: the app starts, serves and stops without Redis on its path."""
    code = (
        "import asyncio, sys\n"
        "from chat.app import create_app\n"
        "from chat.settings import Settings\n"
        f"app = create_app(Settings(data_dir={str(tmp_path)!r}, anonymizer_workers=0, dev_mode=True))\n"
        "async def main():\n"
        "    async with app.router.lifespan_context(app):\n"
        "        assert app.state.services.relay.name == 'local'\n"
        "asyncio.run(main())\n"
        "print('redis' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "CHATLOG_REDIS_URL": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "False"
