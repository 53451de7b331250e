"""The gateway as a real process: SIGKILL after acks, graceful SIGTERM, and no PII on disk or in logs."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from tests.gateway.client import client
from tests.servers import children_of, run_subprocess

VALID_FNR = "05109816444"
KONTO = "1503.12.34562"
PII = {
    "fnr": VALID_FNR,
    "fnr_spaced": "051098 16444",
    "phone": "+47 912 34 567",
    "email": "kari.nordmann@example.no",
    "name": "Kari Nordmann",
    "card": "4111 1111 1111 1111",
    "iban": "NO93 8601 1117 947",
    "address": "Storgata 12, 0155 Oslo",
}


async def test_every_acked_message_survives_sigkill(tmp_path: Path) -> None:
    data = tmp_path / "var"
    token_owner = "cust-kill"
    acked: dict[str, int] = {}
    with run_subprocess(data) as (proc, running):
        token = running.customer_token(token_owner)
        async with client(running.ws + "/ws/chat") as c:
            w = await c.hello(token=token)
            sid = w["session_id"]
            # Pipeline sends so the kill lands while writes are in flight.
            for i in range(300):
                await c.send({"type": "message", "client_msg_id": f"m{i}", "text": f"melding {i}"})
            for _ in range(150):
                frame = await c.recv()
                if frame["type"] == "ack":
                    acked[frame["client_msg_id"]] = frame["seq"]
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    assert len(acked) >= 150

    with run_subprocess(data) as (_, running):
        async with client(running.ws + "/ws/chat") as c:
            w = await c.hello(token=running.customer_token(token_owner), resume={"session_id": sid, "last_seq": 0})
            assert w["type"] == "welcome"
            replayed = {}
            while True:
                frame = await c.recv(timeout=3)
                replayed[frame["client_msg_id"]] = frame["seq"]
                if len(replayed) >= len(acked) and all(k in replayed for k in acked):
                    break
            for msg_id, seq in acked.items():
                assert replayed[msg_id] == seq
            # Retrying an acked message after the crash is answered from the store, not stored twice.
            again = await c.say("m0", "melding 0")
            assert again == {"type": "ack", "client_msg_id": "m0", "seq": acked["m0"]}


async def test_sigterm_tells_clients_to_reconnect_and_keeps_acked_messages(tmp_path: Path) -> None:
    data = tmp_path / "var"
    with run_subprocess(data) as (proc, running):
        token = running.customer_token("cust-term")
        async with client(running.ws + "/ws/chat") as c:
            sid = (await c.hello(token=token))["session_id"]
            for i in range(20):
                assert (await c.say(f"m{i}", f"hei {i}"))["seq"] == i + 1
            proc.send_signal(signal.SIGTERM)
            frame = await c.recv()
            assert frame == {"type": "reconnect", "reason": "server restarting"}
            assert await c.closed_with() == 1012
        # uvicorn re-raises the signal after a clean shutdown, so the exit status is -SIGTERM.
        assert proc.wait(timeout=20) in (0, -signal.SIGTERM)
    with run_subprocess(data) as (_, running):
        async with client(running.ws + "/ws/chat") as c:
            await c.hello(token=running.customer_token("cust-term"), resume={"session_id": sid, "last_seq": 0})
            seqs = [(await c.recv())["seq"] for _ in range(20)]
            assert seqs == list(range(1, 21))


async def test_anonymous_pii_never_reaches_disk_or_logs(tmp_path: Path) -> None:
    data = tmp_path / "var"
    with run_subprocess(data, {"CHATLOG_LOG_LEVEL": "DEBUG"}) as (proc, running):
        async with client(running.ws + "/ws/agent") as bot:
            await bot.hello(token=running.staff_token("bot-1", "bot"))
            async with client(running.ws + "/ws/chat") as c:
                sid = (await c.hello())["session_id"]
                texts = [
                    f"Hei, jeg heter {PII['name']}, fødselsnummer {PII['fnr']}",
                    f"mitt fnr er {PII['fnr_spaced']} og tlf {PII['phone']}",
                    f"send det til {PII['email']} eller Storgata 12, 0155 Oslo",
                    f"kortet {PII['card']} og IBAN {PII['iban']}, konto {KONTO}",
                ]
                for i, text in enumerate(texts):
                    assert (await c.say(str(i), text))["type"] == "ack"
                    assert (await bot.recv_type("message"))["text"] == text  # the live relay has originals
                reply = {"type": "message", "session_id": sid, "client_msg_id": "b", "text": f"Takk {PII['name']}"}
                await bot.send(reply)
                await bot.recv_type("ack")
                # Bad input must not make the server log what it received either.
                await c.send("{" + PII["fnr"])
                await c.recv()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.name.startswith("chatlog.db") for p in files)
    needles = [*PII.values(), KONTO, "Nordmann", "16444", "91234567", "1111 1111"]
    for path in files:
        blob = path.read_bytes()
        for needle in needles:
            assert needle.encode() not in blob, f"{needle!r} found in {path.name}"


async def test_clients_vanishing_mid_message_are_not_application_errors(tmp_path: Path) -> None:
    """Widgets close tabs at any moment: a peer gone before its ack is a disconnect, not a crash."""
    import asyncio
    import json

    from websockets.asyncio.client import connect

    data = tmp_path / "var"
    with run_subprocess(data) as (_, running):

        async def vanish(i: int) -> None:
            ws = await connect(running.ws + "/ws/chat")
            await ws.send('{"type":"hello"}')
            await ws.recv()
            for n in range(5):
                await ws.send(json.dumps({"type": "message", "client_msg_id": f"{i}-{n}", "text": "hei"}))
            ws.transport.abort()  # no close handshake, acks still in flight

        await asyncio.gather(*(vanish(i) for i in range(30)))
        async with client(running.ws + "/ws/chat") as c:
            assert (await c.hello())["type"] == "welcome"
            assert (await c.say("ok", "fortsatt oppe"))["type"] == "ack"
    log = (data / "server.log").read_text()
    assert '"level":"error"' not in log, log[-2000:]



def test_the_gateway_serves_on_uvloop_with_a_young_generation_of_its_own(tmp_path: Path) -> None:
    """uvloop comes with uvicorn[standard], and uvicorn falls back to asyncio's own loop without a word
    when it is missing: benchmarks once ran so without anyone noticing (issue 11). The ready line says
    which loop serves, and the collector's young-generation threshold (chat.app.GC_YOUNG_THRESHOLD: at
    CPython's 700 the collector took a fifth of the loop's time at N=1,000)."""
    import json

    from chat.app import GC_YOUNG_THRESHOLD

    data = tmp_path / "var"
    with run_subprocess(data):
        pass
    ready = [json.loads(line) for line in (data / "server.log").read_text().splitlines() if '"ready"' in line]
    assert ready and ready[0].get("loop") == "uvloop", ready
    assert ready[0].get("gc_young") == GC_YOUNG_THRESHOLD != 700, ready

def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_anonymizer_workers_exit_when_the_server_is_killed(tmp_path: Path) -> None:
    """Issue 8, item 7: a SIGKILLed server used to leave its anonymizer worker running (~150 MB each)."""
    import asyncio
    import time

    with run_subprocess(tmp_path / "var", {"CHATLOG_ANONYMIZER_WORKERS": "2"}) as (proc, _running):
        workers = [pid for pid in children_of(proc.pid) if "spawn_main" in _cmdline(pid)]
        assert len(workers) == 2
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 20  # liveness: they notice within a second or so
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return ""
