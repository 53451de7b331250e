"""``chatlog serve --workers N`` as a real process tree: N gateway processes on one port, cooperating
through Redis as several instances do (issue 11, item 3)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from chat.workers import anonymizer_pool
from tests.cluster.harness import FAST_RELAY, redis_server
from tests.gateway.client import client
from tests.servers import Running, children_of, free_port, run_subprocess


def instance_ids(base: str, tries: int = 60, *, resets: bool = False) -> set[str]:
    """Instance ids seen on fresh connections (each may land on another worker). With ``resets``, a
    connection reset is a try without an answer: a connection the kernel had queued on a worker that was
    just killed is reset (SO_REUSEPORT gives each worker its own queue), and a client retries it."""
    seen = set()
    for _ in range(tries):
        with httpx.Client() as http:  # a new connection each time
            try:
                seen.add(http.get(base + "/readyz", timeout=5).json()["relay"].get("instance"))
            except httpx.TransportError:
                if not resets:
                    raise
    return seen


@contextmanager
def supervisor(tmp_path: Path, redis_url: str, workers: int) -> Iterator[tuple[subprocess.Popen[bytes], Running]]:
    env = {"CHATLOG_REDIS_URL": redis_url, **FAST_RELAY}
    serve_args = ("--workers", str(workers))
    with run_subprocess(tmp_path / "var", env, log_name="workers.log", serve_args=serve_args) as started:
        yield started


def test_the_anonymizer_pool_gets_the_cores_the_workers_leave() -> None:
    assert anonymizer_pool(1, cores=8) == 7
    assert anonymizer_pool(2, cores=8) == 3
    assert anonymizer_pool(4, cores=8) == 1
    assert anonymizer_pool(2, cores=2) == 1  # never none: redaction stays off the event loop


def test_more_than_one_worker_without_redis_is_refused_clearly(tmp_path: Path) -> None:
    env = {**os.environ, "CHATLOG_DATA_DIR": str(tmp_path), "CHATLOG_REDIS_URL": ""}
    out = subprocess.run(
        [sys.executable, "-m", "chat.cli", "serve", "--workers", "2", "--port", str(free_port())],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 1
    assert "--workers 2 needs CHATLOG_REDIS_URL" in out.stderr


async def test_two_workers_on_one_port_act_as_one_gateway(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs, supervisor(tmp_path, rs.url, 2) as (proc, running):
        base, ws = running.base, running.ws
        first = await asyncio.to_thread(instance_ids, base)
        assert len(first) == 2, first  # the kernel spreads connections over both workers

        # A bot on one worker hears customers on both.
        async with client(ws + "/ws/agent") as bot:
            await bot.hello(token=running.staff_token("bot-1", "bot"))
            await asyncio.sleep(0.5)
            sessions = set()
            for i in range(12):
                async with client(ws + "/ws/chat") as customer:
                    sid = (await customer.hello())["session_id"]
                    sessions.add(sid)
                    assert (await customer.say("m1", f"hei fra kunde {i}"))["seq"] == 1
            heard: set[str] = set()
            while heard != sessions:
                heard.add((await bot.recv_type("message"))["session_id"])

        # A worker that dies is replaced; the other serves meanwhile.
        victim = children_of(proc.pid)[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while True:
            ids = await asyncio.to_thread(instance_ids, base, 20, resets=True)
            if len(ids) == 2 and ids != first:
                break
            assert time.monotonic() < deadline, "the killed worker was not replaced"
            await asyncio.sleep(0.5)
        assert victim not in children_of(proc.pid)

        # SIGTERM to the supervisor: each worker tells its clients to reconnect, then all exit.
        async with client(ws + "/ws/chat") as customer:
            await customer.hello()
            proc.send_signal(signal.SIGTERM)
            assert (await customer.recv_type("reconnect", timeout=20))["reason"] == "server restarting"
        assert await asyncio.to_thread(proc.wait, 40) == 0
