"""Gateway throughput and latency through the real server, against a bare websockets echo ceiling.

    python bench/gateway.py                     # N = 10, 100, 1000; logged-in and anonymous; idle memory
    python bench/gateway.py --quick             # a short smoke run
    python bench/gateway.py --sizes 100 --seconds 10 --modes authenticated

Each run starts the server under test as a child process (``chatlog serve`` with the embedded store in a
fresh temporary directory, or the bare echo server), then N websocket clients in this process each send a
message and wait for its ack, over and over, for a fixed time. Reported: acked messages/s, ack latency
p50/p99 (client-side: send → ack received), and the ratio to the bare ``websockets`` echo server measured
in the same run (the ceiling: it parses each frame and answers an ack, with no storage). Ratios, not
absolute numbers, are what carry over between machines.

The idle-memory run opens C connections that said hello and reads the server's RSS before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from websockets.asyncio.client import ClientConnection, connect

if TYPE_CHECKING:
    from chat.tokens import TokenIssuer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ECHO_SERVER = r"""
import asyncio, sys, orjson
from websockets.asyncio.server import serve

async def handler(ws):
    seq = 0
    async for raw in ws:
        frame = orjson.loads(raw)
        if frame.get("type") == "hello":
            await ws.send('{"type":"welcome","session_id":"echo","kind":"anonymous","notice":""}')
            continue
        seq += 1
        await ws.send(orjson.dumps({"type": "ack", "client_msg_id": frame["client_msg_id"], "seq": seq}).decode())

async def main():
    async with serve(handler, "127.0.0.1", int(sys.argv[1]), compression=None, max_size=2**18):
        print("ready", flush=True)
        await asyncio.Future()

asyncio.run(main())
"""

TEXTS_ANON = [
    "Hei, jeg lurer på hvordan jeg endrer kortgrensen min",
    "Jeg heter Kari Nordmann og fødselsnummeret mitt er 05109816444",
    "Kan dere ringe meg på 912 34 567 i morgen?",
    "Hva er renten på boliglån nå?",
    "My card ending in 1234 was declined at the store",
    "Kontonummeret mitt er 1503.12.34562, hvorfor er det sperret?",
]
TEXT_AUTH = "Hei, jeg lurer på hvordan jeg endrer kortgrensen min på kredittkortet"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children_rss_kb(pid: int) -> int:
    """RSS of the server's children (anonymizer workers), reported separately."""
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (proc / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                total += rss_kb(int(proc.name))
    return total


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    data_dir: Path | None = None


def server_env(data_dir: Path | str, **extra: str) -> dict[str, str]:
    """The environment every benchmark runs ``chatlog serve`` in: development keys under ``data_dir``,
    the flood limit and idle timeout out of the way of a closed-loop load, warnings only; ``extra``
    adds or overrides ``CHATLOG_*`` variables."""
    return {
        **os.environ,
        "CHATLOG_DATA_DIR": str(data_dir),
        "CHATLOG_DEV_MODE": "true",
        "CHATLOG_DEMO_BOT": "false",  # the benchmarks measure the gateway, with their own agents
        "CHATLOG_RATE_PER_S": "1000000",
        "CHATLOG_RATE_BURST": "1000000",
        "CHATLOG_LOG_LEVEL": "WARNING",
        "CHATLOG_IDLE_TIMEOUT_S": "3600",
        **extra,
    }


@contextlib.contextmanager
def chatlog_server(workers: int) -> Iterator[Server]:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="chatlog-bench-") as tmp:
        env = server_env(tmp, CHATLOG_ANONYMIZER_WORKERS=str(workers))
        proc = subprocess.Popen(
            [sys.executable, "-m", "chat.cli", "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_port(port, proc)
            yield Server(proc, f"ws://127.0.0.1:{port}", Path(tmp))
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@contextlib.contextmanager
def echo_server() -> Iterator[Server]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", ECHO_SERVER, str(port)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        proc.stdout.readline()
        yield Server(proc, f"ws://127.0.0.1:{port}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited during start-up")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as resp:
            if resp.status == 200:
                return
        time.sleep(0.1)
    raise TimeoutError("server did not become ready")


def dev_issuer(data_dir: Path) -> TokenIssuer:
    """Signs tokens with the development key the server under test created in ``data_dir``."""
    from chat.settings import Settings
    from chat.tokens import TokenIssuer

    return TokenIssuer.from_settings(Settings(data_dir=data_dir, dev_mode=True))


def dev_token(data_dir: Path, customer_id: str) -> str:
    return dev_issuer(data_dir).customer(customer_id, ttl_s=3600)


@dataclass
class Result:
    label: str
    n: int
    acked: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def rate(self) -> float:
        return self.acked / self.seconds

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] * 1000


async def _client(
    url: str, token: str | None, texts: list[str], stop_at: float, measure_from: float, lat: list[float], i: int
) -> tuple[int, int]:
    acked = errors = 0
    async with connect(url + "/ws/chat", open_timeout=60, max_size=2**20, compression=None) as ws:
        hello: dict[str, object] = {"type": "hello"}
        if token:
            hello["token"] = token
        await ws.send(json.dumps(hello))
        await ws.recv()
        n = 0
        while True:
            now = time.perf_counter()
            if now >= stop_at:
                break
            n += 1
            await ws.send(json.dumps({"type": "message", "client_msg_id": f"{i}-{n}", "text": texts[n % len(texts)]}))
            reply = json.loads(await ws.recv())
            done = time.perf_counter()
            if reply.get("type") == "ack":
                if now >= measure_from:
                    acked += 1
                    lat.append(done - now)
            else:
                errors += 1
    return acked, errors


async def load(label: str, url: str, n: int, seconds: float, tokens: list[str | None], texts: list[str]) -> Result:
    warmup = min(2.0, seconds / 4)
    lat: list[float] = []
    # Connect in waves so 1,000 handshakes do not all time out at once on a 2-core machine.
    start = time.perf_counter() + 1.0 + n / 500
    measure_from = start + warmup
    stop_at = measure_from + seconds
    tasks = [
        asyncio.create_task(_client(url, tokens[i % len(tokens)], texts, stop_at, measure_from, lat, i))
        for i in range(n)
    ]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    acked = sum(r[0] for r in results if isinstance(r, tuple))
    errors = sum(r[1] for r in results if isinstance(r, tuple)) + sum(
        1 for r in results if isinstance(r, BaseException)
    )
    return Result(label, n, acked, seconds, lat, errors)


async def widgets(url: str, count: int) -> list[ClientConnection]:
    """``count`` widget connections with their hello done (an anonymous session each)."""
    batch = await asyncio.gather(*(connect(url + "/ws/chat", open_timeout=60, compression=None) for _ in range(count)))
    for ws in batch:
        await ws.send('{"type":"hello"}')
    for ws in batch:
        await ws.recv()
    return batch


async def idle(url: str, pid: int, count: int) -> tuple[float, int]:
    base = rss_kb(pid)
    conns = []
    for i in range(0, count, 250):
        conns.extend(await widgets(url, min(250, count - i)))
    await asyncio.sleep(1.0)
    per_conn_kb = (rss_kb(pid) - base) / count
    for ws in conns:
        await ws.close()
    return per_conn_kb, len(conns)


async def session_memory(url: str, pid: int, count: int, messages: int, text: str) -> tuple[float, float]:
    """KB of server RSS per live anonymous session that has sent ``messages`` messages of ``text``
    (its live transcript, idempotency keys and connection): while connected, and after its widget left
    (detached sessions stay in memory for the grace period). Issue 8, item 5."""
    base = rss_kb(pid)
    conns = []
    for i in range(0, count, 100):
        batch = await widgets(url, min(100, count - i))
        for k in range(messages):
            for ws in batch:
                await ws.send(json.dumps({"type": "message", "client_msg_id": f"m{k}", "text": text}))
            for ws in batch:
                await ws.recv()
        conns.extend(batch)
    await asyncio.sleep(1.0)
    connected_kb = (rss_kb(pid) - base) / count
    for ws in conns:
        await ws.close()
    await asyncio.sleep(1.0)
    detached_kb = (rss_kb(pid) - base) / count
    return connected_kb, detached_kb


def report(r: Result, ceiling: Result | None) -> str:
    ratio = f"{r.rate / ceiling.rate:5.2f}" if ceiling else "  -  "
    return (
        f"{r.label:<28} N={r.n:<5} {r.rate:9.0f} msgs/s   p50 {r.pct(0.50):6.2f} ms   p99 {r.pct(0.99):7.2f} ms"
        f"   vs echo {ratio}   errors {r.errors}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--modes", default="authenticated,anonymous")
    parser.add_argument("--workers", type=int, default=1, help="anonymizer worker processes")
    parser.add_argument("--idle", type=int, default=5000, help="idle connections for the memory run (0: skip)")
    parser.add_argument("--sessions", type=int, default=500, help="live anonymous sessions for the memory run")
    parser.add_argument("--session-messages", type=int, default=200, help="messages each of them sends")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.seconds, args.idle, args.sessions, args.session_messages = "10,100", 3.0, 500, 100, 50
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    modes = args.modes.split(",")
    print(f"# gateway benchmark: {os.cpu_count()} cores, python {sys.version.split()[0]}, {args.seconds:.0f} s per run")
    for n in sizes:
        with echo_server() as echo:
            ceiling = asyncio.run(load("bare websockets echo", echo.url, n, args.seconds, [None], [TEXT_AUTH]))
        print(report(ceiling, None), flush=True)
        for mode in modes:
            with chatlog_server(args.workers) as srv:
                assert srv.data_dir is not None
                if mode == "authenticated":
                    tokens: list[str | None] = [dev_token(srv.data_dir, f"cust-{i}") for i in range(min(n, 50))]
                    r = asyncio.run(load("chatlog logged-in (sqlite)", srv.url, n, args.seconds, tokens, [TEXT_AUTH]))
                else:
                    r = asyncio.run(load("chatlog anonymous (redacted)", srv.url, n, args.seconds, [None], TEXTS_ANON))
            print(report(r, ceiling), flush=True)
    if args.idle:
        with echo_server() as echo:
            echo_kb, _ = asyncio.run(idle(echo.url, echo.proc.pid, args.idle))
        with chatlog_server(args.workers) as srv:
            kb, opened = asyncio.run(idle(srv.url, srv.proc.pid, args.idle))
            workers_kb = children_rss_kb(srv.proc.pid)
        print(
            f"idle connections: {opened} open, {kb:.1f} KB each (bare echo {echo_kb:.1f} KB each); "
            f"anonymizer workers RSS {workers_kb / 1024:.0f} MB"
        )
    if args.sessions:
        text = "x" * 1990  # the longest message a widget may send: the worst case for the transcript
        with chatlog_server(args.workers) as srv:
            live_kb, gone_kb = asyncio.run(
                session_memory(srv.url, srv.proc.pid, args.sessions, args.session_messages, text)
            )
        bound = 256 + 0.4  # CHATLOG_LIVE_TRANSCRIPT_BYTES in KB, plus the idempotency keys
        print(
            f"live anonymous sessions: {args.sessions} x {args.session_messages} messages of 2,000 characters: "
            f"{live_kb:.0f} KB each while connected, {gone_kb:.0f} KB each after leaving "
            f"(transcript bound {bound:.0f} KB; {args.session_messages * 2000 / 1024:.0f} KB of text sent each)"
        )


if __name__ == "__main__":
    main()
