"""The anonymizer deadline through the real server: a message the anonymizer cannot finish in time is
acked, relayed live as written, stored as ``<WITHHELD>`` (nothing of its text on disk) and counted."""

from __future__ import annotations

import signal
from pathlib import Path

import httpx

from tests.gateway.client import client
from tests.servers import run_subprocess

FNR = "05109816444"
NAME = "Kari Nordmann"


async def test_a_message_past_the_deadline_is_stored_withheld_and_counted(tmp_path: Path) -> None:
    data = tmp_path / "var"
    # A deadline no message can meet, in a real worker process (the deadline needs one).
    env = {"CHATLOG_ANONYMIZER_WORKERS": "1", "CHATLOG_ANONYMIZER_DEADLINE_S": "0.000001"}
    with run_subprocess(data, env) as (proc, running):
        async with client(running.ws + "/ws/agent") as bot:
            await bot.hello(token=running.staff_token("bot-1", "bot"))
            async with client(running.ws + "/ws/chat") as c:
                await c.hello()
                text = f"Hei, jeg heter {NAME} og fødselsnummeret mitt er {FNR}"
                assert (await c.say("1", text))["type"] == "ack"
                assert (await bot.recv_type("message"))["text"] == text  # the live relay has the original
                async with httpx.AsyncClient() as http:
                    metrics = (await http.get(running.base + "/metrics")).text
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    assert "chatlog_anonymizer_withheld_messages_total 1.0" in metrics
    files = [p for p in data.rglob("*") if p.is_file()]
    blobs = b"".join(p.read_bytes() for p in files)
    assert b"<WITHHELD>" in blobs  # stored (the SQLite file or its WAL), as the placeholder
    for needle in (FNR, NAME, "Nordmann", "heter"):
        assert needle.encode() not in blobs, needle
