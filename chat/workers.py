"""``chatlog serve --workers N``: N gateway processes on one port, one per core (issue 11, item 3).

Why processes and not threads: one Python process runs one core of websocket traffic (the GIL). Why
they need Redis: each worker is an instance in its own right (its own connections, its own memory of
live sessions), so a customer on one worker and the bot on another reach each other through the relay
exactly as several instances behind a load balancer do (docs/operations.md, "Several instances"); the
store is shared as it is between instances.

How: this supervisor starts each worker as ``chatlog serve --reuse-port``; each binds its own listening
socket on the same port with ``SO_REUSEPORT``, and the kernel spreads new connections evenly over them
(one socket shared by all workers would wake them all for each connection and favour whichever is
waiting first). The supervisor forwards SIGTERM/SIGINT (each worker then tells its clients to reconnect,
as one instance does) and restarts a worker that dies unexpectedly, so a crash costs that worker's
clients a reconnect, not the service.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from types import FrameType

from chat.errors import ChatlogError, PortUnavailable
from chat.logs import configure
from chat.settings import Settings

log = logging.getLogger("chat.workers")

#: Least time between two restarts of one worker slot (a worker that dies at once must not spin).
RESTART_BACKOFF_S = 1.0
#: How long stopping workers get before they are killed (their own graceful shutdown takes ~10 s at most).
STOP_DEADLINE_S = 30.0


class WorkersNeedRedis(ChatlogError):
    """``--workers`` above 1 without ``CHATLOG_REDIS_URL``."""

    code = "workers_need_redis"


def anonymizer_pool(workers: int, cores: int | None = None) -> int:
    """Anonymizer processes per gateway worker: the cores the gateway workers leave, shared out, at
    least one each (redaction must never run on the event loop)."""
    cores = cores or os.cpu_count() or 1
    return max(1, (cores - workers) // workers)


def check(settings: Settings, workers: int) -> None:
    if workers < 1:
        raise ChatlogError("--workers must be at least 1", code="bad_workers")
    if workers > 1 and not settings.uses_redis:
        raise WorkersNeedRedis(
            f"--workers {workers} needs CHATLOG_REDIS_URL: the workers are separate processes that reach "
            "each other through Redis, as several instances do (docs/operations.md, 'Several instances')"
        )


def listen(host: str, port: int, *, backlog: int = 2048, reuse_port: bool = True) -> socket.socket:
    """A listening socket; with ``reuse_port`` one that other processes may bind too (``SO_REUSEPORT``):
    one per worker. Raises ``OSError`` (the socket closed) when the address cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        if backlog:
            sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    return sock


class Supervisor:
    def __init__(self, settings: Settings, *, host: str, port: int, workers: int) -> None:
        self.settings = settings
        self.host, self.port, self.workers = host, port, workers
        self.children: dict[int, subprocess.Popen[bytes]] = {}
        self.started_at: dict[int, float] = {}
        self.stopping = False
        self.stop_by = 0.0

    def _env(self, slot: int) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("CHATLOG_ANONYMIZER_WORKERS", str(anonymizer_pool(self.workers)))
        if slot > 0:
            env["CHATLOG_DEMO_BOT"] = "false"  # one demo bot for all workers: two would answer twice
        return env

    def _spawn(self, slot: int) -> None:
        args = [sys.executable, "-m", "chat.cli", "serve", "--reuse-port", "--host", self.host]
        args += ["--port", str(self.port)]
        self.children[slot] = subprocess.Popen(args, env=self._env(slot))
        self.started_at[slot] = time.monotonic()
        log.info("worker started", extra={"count": slot, "workers": self.workers})

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        if not self.stopping:
            self.stop_by = time.monotonic() + STOP_DEADLINE_S
        self.stopping = True
        for child in self.children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    def run(self) -> int:
        # Fail here, clearly, if the port is taken (each worker would fail alike). Without SO_REUSEPORT:
        # a port held by the workers of another supervisor (an old one still running) would otherwise be
        # shared with them silently.
        try:
            listen(self.host, self.port, backlog=0, reuse_port=False).close()
        except OSError as exc:
            raise PortUnavailable(f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}") from None
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        log.info("supervisor listening", extra={"host": self.host, "port": self.port, "workers": self.workers})
        for slot in range(self.workers):
            self._spawn(slot)
        try:
            while True:
                time.sleep(0.2)
                if self.stopping:
                    if all(child.poll() is not None for child in self.children.values()):
                        return 0
                    if time.monotonic() > self.stop_by:
                        log.warning("workers did not stop in time: killed")
                        return 1
                    continue
                for slot, child in list(self.children.items()):
                    code = child.poll()
                    if code is None:
                        continue
                    log.warning("worker exited: restarting it", extra={"count": slot, "code": str(code)})
                    wait = self.started_at[slot] + RESTART_BACKOFF_S - time.monotonic()
                    if wait > 0:
                        time.sleep(wait)
                    if not self.stopping:
                        self._spawn(slot)
        finally:
            for child in self.children.values():
                if child.poll() is None:
                    child.kill()
                    child.wait()


def serve_workers(settings: Settings, *, host: str, port: int, workers: int) -> int:
    check(settings, workers)
    configure(settings.log_level, settings.log_format)
    return Supervisor(settings, host=host, port=port, workers=workers).run()
