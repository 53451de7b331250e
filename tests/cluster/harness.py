"""Real parts for the several-instances tests: ``redis-server`` processes and ``chatlog serve`` processes
sharing one embedded store directory and one Redis (issue 10)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import redis

from tests.servers import Running, free_port, run_subprocess

REDIS_SERVER = shutil.which("redis-server")

#: Fast heartbeats so that the tests see an instance's death in about three seconds, not six (a TTL much
#: shorter than that takes a busy CI machine's late heartbeat for a death).
FAST_RELAY = {
    "CHATLOG_RELAY_HEARTBEAT_S": "0.25",
    "CHATLOG_RELAY_PRESENCE_TTL_S": "3",
    "CHATLOG_RELAY_REQUEST_TIMEOUT_S": "1.5",
}


def need_redis() -> str:
    """The redis-server binary; on CI (``CI`` set) its absence fails the run instead of skipping."""
    if REDIS_SERVER is None:
        reason = "redis-server is not installed (.ci/run installs the Debian package redis-server)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return REDIS_SERVER


class RedisServer:
    """A real ``redis-server`` on a loopback port, with no persistence (the relay keeps nothing)."""

    def __init__(self, workdir: Path) -> None:
        self.binary = need_redis()
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", str(self.workdir)]
        with open(self.workdir / "redis.log", "ab") as log:
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.RedisError), redis.Redis(port=self.port, socket_timeout=1) as r:
                if r.ping():
                    return
            time.sleep(0.05)
        raise TimeoutError("redis-server did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self.proc = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=2)


@contextlib.contextmanager
def redis_server(workdir: Path) -> Iterator[RedisServer]:
    server = RedisServer(workdir)
    server.start()
    try:
        yield server
    finally:
        server.kill()


@dataclass
class Instance:
    name: str
    proc: subprocess.Popen[bytes]
    running: Running
    stack: contextlib.ExitStack = field(repr=False)

    @property
    def ws(self) -> str:
        return self.running.ws

    def kill(self) -> None:
        """SIGKILL: no goodbye to anyone."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def ready(self) -> dict[str, object]:
        body: dict[str, object] = httpx.get(self.running.base + "/readyz", timeout=5).json()
        return body


class Cluster:
    """Instances of ``chatlog serve`` on one data directory and one Redis; started and stopped by name."""

    def __init__(self, data_dir: Path, redis_url: str, **env: str) -> None:
        self.data_dir = data_dir
        self.env = {"CHATLOG_REDIS_URL": redis_url, **FAST_RELAY, **env}
        self.instances: dict[str, Instance] = {}

    def start(self, name: str) -> Instance:
        stack = contextlib.ExitStack()
        proc, running = stack.enter_context(run_subprocess(self.data_dir, self.env, log_name=f"{name}.log"))
        instance = Instance(name, proc, running, stack)
        self.instances[name] = instance
        return instance

    def stop_all(self) -> None:
        for instance in self.instances.values():
            instance.stack.close()


@contextlib.contextmanager
def cluster(tmp_path: Path, redis_url: str, *names: str, **env: str) -> Iterator[Cluster]:
    c = Cluster(tmp_path / "var", redis_url, **env)
    try:
        for name in names:
            c.start(name)
        yield c
    finally:
        c.stop_all()
