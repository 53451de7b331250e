"""Helpers for the MongoDB test layers: an ``nx-27017`` wire-protocol server run as a subprocess.

``nx-27017`` (PyPI) speaks MongoDB's wire protocol over SQLite. It is started on a free loopback port
with ``--data-dir`` (one SQLite file per database name, so tests using different database names are
isolated) and with its log and pid files inside the test's directory (their defaults are shared paths
in /tmp). It is a stand-in for the driver layer only; see tests/store/test_mongo_nx.py for what it
gets wrong.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

#: The console script installed next to the interpreter running the tests (the project's venv).
NX_BIN: str | None = shutil.which("nx-27017", path=str(Path(sys.executable).parent)) or shutil.which("nx-27017")


def free_port() -> int:
    """A loopback port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fresh_database_name(prefix: str = "chatlog_test") -> str:
    """A database name no other test uses (MongoDB limits names to 63 bytes)."""
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


class NxServer:
    """One ``nx-27017`` process; :meth:`kill` and :meth:`start` again keep the same port and data."""

    def __init__(self, workdir: Path, *, port: int | None = None) -> None:
        if NX_BIN is None:
            raise RuntimeError("nx-27017 is not installed (pip install nx-27017)")
        self.binary = NX_BIN
        self.workdir = workdir
        self.port = port if port is not None else free_port()
        self.data_dir = workdir / "data"
        self.log_path = workdir / "nx-27017.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        # directConnection: nx-27017 answers hello as a standalone server.
        return f"mongodb://127.0.0.1:{self.port}/?directConnection=true"

    def start(self, *, timeout_s: float = 30.0) -> None:
        """Start the server and return once it accepts TCP connections on its port."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            self.binary,
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--data-dir", str(self.data_dir),
            "--log-file", str(self.log_path),
            "--pid-file", str(self.workdir / "nx-27017.pid"),
        ]  # fmt: skip
        with (self.workdir / "nx-27017.out").open("ab") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout_s
        while True:
            code = self.process.poll()
            if code is not None:
                raise RuntimeError(f"nx-27017 exited with {code} before listening:\n{self.output_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    self.kill()
                    raise RuntimeError(f"nx-27017 did not listen within {timeout_s} s") from None
                time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL, as an outage would: no goodbye to connected clients."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None

    def output_tail(self, lines: int = 20) -> str:
        path = self.workdir / "nx-27017.out"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
