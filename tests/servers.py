"""Start the real server for tests: uvicorn on a free loopback port, in a thread or a subprocess."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from chat.app import create_app
from chat.server import GatewayServer, uvicorn_config
from chat.settings import Settings
from chat.store.base import Store
from chat.tokens import TokenIssuer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(base: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.05)
    raise TimeoutError(f"server at {base} not ready")


@dataclass
class Running:
    settings: Settings
    base: str
    ws: str
    #: None for a production-mode server (it holds no signing key).
    issuer: TokenIssuer | None
    server: GatewayServer | None = None

    def customer_token(self, customer_id: str, ttl_s: int = 3600) -> str:
        assert self.issuer is not None, "a production-mode server issues no tokens"
        return self.issuer.customer(customer_id, ttl_s=ttl_s)

    def staff_token(self, staff_id: str, role: str, ttl_s: int = 3600) -> str:
        assert self.issuer is not None, "a production-mode server issues no tokens"
        return self.issuer.staff(staff_id, role=role, ttl_s=ttl_s)  # type: ignore[arg-type]


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    base: dict[str, object] = {
        "data_dir": data_dir,
        "anonymizer_workers": 0,
        "dev_mode": True,
        # Tests bring their own agents; the demo bot is tested on its own (tests/demo_bot/).
        "demo_bot": False,
        "log_format": "json",
        "sweep_interval_s": 0,
    }
    base.update(overrides)
    return Settings(**base)  # type: ignore[arg-type]


def production_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings of a production server: it verifies a bank's public key (so it signs no tokens) and
    needs the master keys that seal logged-in chats (written here, 0600, as an operator would)."""
    import base64
    import os

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    data_dir.mkdir(parents=True, exist_ok=True)
    bank_key = data_dir / "bank.pem"
    bank_key.write_bytes(
        Ed25519PrivateKey.generate().public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    master = data_dir / "master.keys"
    master.write_text(f"prod-1:{base64.b64encode(os.urandom(32)).decode()}\n", encoding="utf-8")
    master.chmod(0o600)
    base: dict[str, object] = {"dev_mode": None, "jwt_public_key_file": bank_key, "master_keys_file": master}
    return make_settings(data_dir / "var", **{**base, **overrides})


@contextlib.contextmanager
def run_in_thread(settings: Settings, *, port: int | None = None, store: Store | None = None) -> Iterator[Running]:
    """The real app under the real uvicorn, on its own event loop in a thread of the test process.

    ``port``: a fixed port (a test restarting the server where the widget expects it); ``store``: a
    store to use instead of the one the settings select (e.g. one that can simulate an outage)."""
    port = port or free_port()
    app = create_app(settings, store=store)
    server = GatewayServer(uvicorn_config(app, settings, host="127.0.0.1", port=port), app)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base)
        issuer = TokenIssuer.from_settings(settings) if settings.is_dev else None
        yield Running(settings, base, f"ws://127.0.0.1:{port}", issuer, server)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextlib.contextmanager
def run_subprocess(
    data_dir: Path,
    env_extra: dict[str, str] | None = None,
    *,
    log_name: str = "server.log",
    serve_args: tuple[str, ...] = (),
) -> Iterator[tuple[subprocess.Popen[bytes], Running]]:
    """``chatlog serve`` as a child process (for SIGKILL / SIGTERM tests and log inspection); several
    of them may share ``data_dir`` (one embedded store), each logging to its own ``log_name``;
    ``serve_args`` go on the command line (``("--workers", "2")``)."""
    port = free_port()
    env = {
        **os.environ,
        "CHATLOG_DATA_DIR": str(data_dir),
        "CHATLOG_DEV_MODE": "true",
        "CHATLOG_DEMO_BOT": "false",
        "CHATLOG_ANONYMIZER_WORKERS": "0",
        **(env_extra or {}),
    }
    log_path = data_dir / log_name
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "chat.cli", "serve", "--host", "127.0.0.1", "--port", str(port), *serve_args],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    settings = make_settings(data_dir)
    try:
        wait_ready(base)
        yield proc, Running(settings, base, f"ws://127.0.0.1:{port}", TokenIssuer.from_settings(settings))
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc, Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found
