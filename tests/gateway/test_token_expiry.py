"""A token is good for the connection it opened only until it expires (outside audit 62, F2: an
adviser 42 s past ``exp`` took over a chat and read its transcript; a customer's messages went on being
acked). The watchdog closes such a connection with ``expired_token`` / 4401; a fresh token resumes."""

from __future__ import annotations

from pathlib import Path

from chat import protocol as p
from tests.gateway.client import client
from tests.servers import make_settings, run_in_thread

#: Long enough for the hello and a first message, short enough to wait for in a test.
TTL_S = 3
#: The watchdog looks at most every 5 s; the token then has to have expired: generous, never asserted.
WAIT_S = 20.0


async def test_a_connection_is_closed_when_its_token_expires(tmp_path: Path) -> None:
    with run_in_thread(make_settings(tmp_path / "var", jwt_leeway_s=0)) as running:
        async with (
            client(running.ws + "/ws/chat") as widget,
            client(running.ws + "/ws/agent") as adviser,
            client(running.ws + "/ws/agent") as bot,
        ):
            welcome = await widget.hello(token=running.customer_token("cust-exp", ttl_s=TTL_S))
            await adviser.hello(token=running.staff_token("adv-exp", "adviser", ttl_s=TTL_S))
            await bot.hello(token=running.staff_token("bot-long", "bot"))  # an hour: stays
            assert (await widget.say("m1", "hei"))["type"] == "ack"  # the token works while it is valid
            for peer in (widget, adviser):
                frame = await peer.recv_type("error", timeout=WAIT_S)
                assert frame["code"] == "expired_token"
                assert await peer.closed_with(timeout=WAIT_S) == p.CLOSE_UNAUTHORIZED
            # The long-lived bot is still there and the session lives on: a fresh token resumes it.
            async with client(running.ws + "/ws/chat") as again:
                resumed = await again.hello(
                    token=running.customer_token("cust-exp"),
                    resume={"session_id": welcome["session_id"], "last_seq": 1},
                )
                assert resumed["type"] == "welcome" and resumed["session_id"] == welcome["session_id"]
                assert (await again.say("m2", "er dere der?"))["type"] == "ack"
            await bot.send({"type": "ping"})
            assert (await bot.recv_type_any(("pong",)))["type"] == "pong"
