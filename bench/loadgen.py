"""One load-generator process for bench/throughput.py (run by it, not by hand).

It opens its share of the connections and says hello on each *before* timing starts, prints ``ready``,
waits for the start time on stdin, then runs a closed loop per connection (send a message, wait for its
ack) until the stop time, and prints one JSON line: acks and latencies inside the measured window, and
its own CPU time over the whole run (so that the orchestrator can show it was not the bottleneck), into
the file ``--out``.

Roles: ``widget`` (customer connections on /ws/chat; with ``--tokens`` logged-in, else anonymous),
``echo`` (the same frames to the bare websockets server) and ``bot`` (agent connections on /ws/agent
that answer every customer message they hear: the relay in the mixed load).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import resource
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import orjson
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from bench.wsclient import Closed, LeanClient

#: What the loops drive: this package's lean client (the default) or the ``websockets`` library's.
Client = LeanClient | ClientConnection
CLOSED = (ConnectionClosed, Closed)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Window:
    def __init__(self, measure_from: float, stop_at: float) -> None:
        self.measure_from = measure_from
        self.stop_at = stop_at
        self.acked = 0
        self.errors = 0
        self.latencies: list[float] = []

    def record(self, sent: float, done: float, ok: bool) -> None:
        if sent < self.measure_from or done > self.stop_at:
            return
        if ok:
            self.acked += 1
            self.latencies.append(done - sent)
        else:
            self.errors += 1


async def open_widget(url: str, path: str, token: str | None, lean: bool) -> Client:
    ws: Client
    if lean:
        ws = await LeanClient.connect(url + path)
    else:
        ws = await connect(url + path, open_timeout=120, max_size=2**22, compression=None, ping_interval=None)
    hello: dict[str, Any] = {"type": "hello"}
    if token:
        hello["token"] = token
    await ws.send(orjson.dumps(hello).decode())
    await ws.recv()
    return ws


async def widget_loop(ws: Client, ident: int, texts: list[str], window: Window) -> None:
    try:
        await _widget_loop(ws, ident, texts, window)
    except CLOSED:
        window.errors += 1  # the server closed it (counted; the run goes on with the others)


async def _widget_loop(ws: Client, ident: int, texts: list[str], window: Window) -> None:
    n = 0
    while time.time() < window.stop_at:
        n += 1
        text = texts[(ident * 7 + n) % len(texts)]
        sent = time.time()
        await ws.send(orjson.dumps({"type": "message", "client_msg_id": f"{ident}-{n}", "text": text}).decode())
        while True:  # bot replies may arrive in between (mixed load): skip to our ack
            reply = orjson.loads(await ws.recv())
            kind = reply.get("type")
            if kind in ("ack", "error"):
                break
        window.record(sent, time.time(), kind == "ack")


async def bot_loop(ws: Client, ident: int, window: Window, bots: int) -> None:
    try:
        await _bot_loop(ws, ident, window, bots)
    except CLOSED:
        window.errors += 1


async def _bot_loop(ws: Client, ident: int, window: Window, bots: int) -> None:
    """Answer the customer messages of this bot's share of the sessions (every bot hears all of them);
    count the acks of the answers."""
    sent_at: dict[str, float] = {}
    n = 0
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(max(0.0, window.stop_at - time.time() + 1.0)):
            while True:
                frame = orjson.loads(await ws.recv())
                kind = frame.get("type")
                mine = zlib.crc32(str(frame.get("session_id")).encode()) % bots == ident
                if kind == "message" and frame.get("from") == "customer" and mine and time.time() < window.stop_at:
                    n += 1
                    msg_id = f"b{ident}-{n}"
                    sent_at[msg_id] = time.time()
                    reply = {
                        "type": "message",
                        "session_id": frame["session_id"],
                        "client_msg_id": msg_id,
                        "text": "Takk, jeg ser på det.",
                    }
                    await ws.send(orjson.dumps(reply).decode())
                elif kind in ("ack", "error") and frame.get("client_msg_id") in sent_at:
                    window.record(sent_at.pop(frame["client_msg_id"]), time.time(), kind == "ack")


async def run(args: argparse.Namespace, texts: list[str], tokens: list[str | None]) -> dict[str, Any]:
    path = "/ws/agent" if args.role == "bot" else "/ws/chat"
    conns: list[Client] = []
    for i in range(0, args.clients, 200):  # in waves, so that thousands of handshakes do not time out
        batch = range(i, min(args.clients, i + 200))
        conns += await asyncio.gather(
            *(open_widget(args.url, path, tokens[k % len(tokens)], args.client == "lean") for k in batch)
        )
    print("ready", flush=True)
    start_at = float(await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline))
    window = Window(start_at + args.warmup, start_at + args.warmup + args.seconds)
    cpu0 = cpu_seconds()
    await asyncio.sleep(max(0.0, start_at - time.time()))
    if args.role == "bot":
        await asyncio.gather(*(bot_loop(ws, i, window, len(conns)) for i, ws in enumerate(conns)))
    else:
        await asyncio.gather(*(widget_loop(ws, args.first + i, texts, window) for i, ws in enumerate(conns)))
    cpu = cpu_seconds() - cpu0
    wall = time.time() - start_at
    await asyncio.gather(*(ws.close() for ws in conns), return_exceptions=True)  # the closing handshakes at once
    return {"acked": window.acked, "errors": window.errors, "latencies": window.latencies, "cpu_s": cpu, "wall_s": wall}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--role", choices=["widget", "echo", "bot"], default="widget")
    parser.add_argument("--clients", type=int, required=True)
    parser.add_argument("--first", type=int, default=0, help="first client number (unique message ids)")
    parser.add_argument("--tokens", default="", help="file with a JSON list of customer or staff tokens")
    parser.add_argument("--texts", default="", help="file with a JSON list of message texts")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--out", required=True, help="file for the JSON result")
    parser.add_argument(
        "--client",
        choices=["lean", "websockets"],
        default="lean",
        help="bench/wsclient.py (default) or the websockets library's client",
    )
    args = parser.parse_args()
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    texts: list[str] = json.loads(Path(args.texts).read_text(encoding="utf-8")) if args.texts else ["hei"]
    tokens: list[str | None] = json.loads(Path(args.tokens).read_text(encoding="utf-8")) if args.tokens else [None]
    result = asyncio.run(run(args, texts, tokens))
    # A file, not stdout: the event loop may leave stdout non-blocking, and a pipe takes 64 KB at once.
    Path(args.out).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
