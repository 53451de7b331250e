"""Several gateway instances on one Redis (issue 10): throughput with 1, 2 and 3 instances, and the
latency the relay adds per hop.

    python -m bench.cluster                       # 1, 2, 3 instances; 60 clients; 8 s each
    python -m bench.cluster --quick               # a short smoke run

Throughput: C logged-in widgets, spread round-robin over the instances, each sending a message and
waiting for its ack, over and over (closed loop), while one bot connected to the *first* instance hears
every customer message (so all but 1/N of them cross the relay). The baseline is one instance without
Redis (the single-instance relay), measured in the same run: figures are reported as ratios to it.
All instances share one embedded store directory (one SQLite file, one writer at a time across
processes) and this machine's cores with the load generator, which is itself measured: its CPU share
is printed, so that a run where it saturates a core says so.

Relay latency: one customer on instance A, one bot on A and one on B; for each message the time from
send to the bot on A receiving it (local delivery) and to the bot on B receiving it (through Redis).
The difference per message is what one relay hop adds; p50 and p99 are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from websockets.asyncio.client import connect

from bench.gateway import TEXT_AUTH, dev_issuer, dev_token, free_port, server_env, wait_port

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Instance:
    proc: subprocess.Popen[bytes]
    url: str


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.RedisError), redis.Redis(port=port) as r:
                if r.ping():
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def instances(n: int, data_dir: Path, redis_url: str | None, synchronous: str = "FULL") -> Iterator[list[Instance]]:
    env = server_env(
        data_dir,
        CHATLOG_ANONYMIZER_WORKERS="0",
        CHATLOG_REDIS_URL=redis_url or "",
        CHATLOG_SQLITE_SYNCHRONOUS=synchronous,
    )
    started: list[Instance] = []
    try:
        for _ in range(n):
            port = free_port()
            proc = subprocess.Popen(
                [sys.executable, "-m", "chat.cli", "serve", "--port", str(port)],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            started.append(Instance(proc, f"ws://127.0.0.1:{port}"))
            wait_port(port, proc)
        time.sleep(0.5 if redis_url else 0)  # presence and subscriptions settle
        yield started
    finally:
        for inst in started:
            inst.proc.terminate()
        for inst in started:
            inst.proc.wait(timeout=30)


def staff_token(data_dir: Path, staff_id: str) -> str:
    return dev_issuer(data_dir).staff(staff_id, role="bot", ttl_s=3600)


@dataclass
class Run:
    label: str
    acked: int
    heard: int
    seconds: float
    latencies: list[float]
    loadgen_cpu: float

    @property
    def rate(self) -> float:
        return self.acked / self.seconds

    def pct(self, q: float) -> float:
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] * 1000 if data else float("nan")


async def _bot(url: str, token: str, stop: asyncio.Event, counter: list[int]) -> None:
    async with connect(url + "/ws/agent", open_timeout=60, max_size=2**22, compression=None) as ws:
        await ws.send(json.dumps({"type": "hello", "token": token}))
        await ws.recv()
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                raw = await asyncio.wait_for(ws.recv(), 0.5)
                if '"type":"message"' in raw:
                    counter[0] += 1


async def _widget(url: str, token: str, i: int, stop_at: float, measure_from: float, lat: list[float]) -> int:
    acked = 0
    async with connect(url + "/ws/chat", open_timeout=60, compression=None) as ws:
        await ws.send(json.dumps({"type": "hello", "token": token}))
        await ws.recv()
        n = 0
        while (now := time.perf_counter()) < stop_at:
            n += 1
            await ws.send(json.dumps({"type": "message", "client_msg_id": f"{i}-{n}", "text": TEXT_AUTH}))
            while True:  # skip anything that is not the ack (none expected: no agent writes)
                reply = await ws.recv()
                if '"ack"' in reply:
                    break
            if now >= measure_from:
                acked += 1
                lat.append(time.perf_counter() - now)
    return acked


async def throughput(label: str, urls: list[str], data_dir: Path, clients: int, seconds: float) -> Run:
    tokens = [dev_token(data_dir, f"cust-{i}") for i in range(clients)]
    stop = asyncio.Event()
    heard = [0]
    bot = asyncio.create_task(_bot(urls[0], staff_token(data_dir, "bot-bench"), stop, heard))
    await asyncio.sleep(0.5)
    lat: list[float] = []
    start = time.perf_counter() + 1.0
    measure_from = start + min(2.0, seconds / 4)
    stop_at = measure_from + seconds
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    heard_at_start = 0

    async def mark() -> None:
        nonlocal heard_at_start
        await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
        heard_at_start = heard[0]

    marker = asyncio.create_task(mark())
    acked = await asyncio.gather(
        *(_widget(urls[i % len(urls)], tokens[i], i, stop_at, measure_from, lat) for i in range(clients))
    )
    await marker
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    await asyncio.sleep(0.5)  # relayed frames still in flight
    stop.set()
    await bot
    wall = stop_at - start
    cpu = (cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime) / wall
    return Run(label, sum(acked), heard[0] - heard_at_start, seconds, lat, cpu)


async def hop_latency(url_a: str, url_b: str, data_dir: Path, messages: int) -> tuple[list[float], list[float]]:
    """Send → bot on the same instance, and send → bot on the other instance, per message."""
    local: list[float] = []
    remote: list[float] = []
    arrivals: dict[str, dict[str, float]] = {"a": {}, "b": {}}
    both: dict[str, asyncio.Event] = {}
    ready = asyncio.Event()

    async def listen(name: str, url: str) -> None:
        async with connect(url + "/ws/agent", compression=None) as ws:
            await ws.send(json.dumps({"type": "hello", "token": staff_token(data_dir, f"bot-{name}")}))
            await ws.recv()
            ready.set()
            while True:
                frame = json.loads(await ws.recv())
                if frame.get("type") == "message":
                    msg_id = frame["client_msg_id"]
                    arrivals[name][msg_id] = time.perf_counter()
                    if msg_id in arrivals["a"] and msg_id in arrivals["b"] and msg_id in both:
                        both[msg_id].set()

    listeners = [asyncio.create_task(listen("a", url_a)), asyncio.create_task(listen("b", url_b))]
    await ready.wait()
    await asyncio.sleep(0.5)
    async with connect(url_a + "/ws/chat", compression=None) as ws:
        await ws.send(json.dumps({"type": "hello", "token": dev_token(data_dir, "cust-hop")}))
        await ws.recv()
        for n in range(messages):
            msg_id = f"h{n}"
            both[msg_id] = asyncio.Event()
            sent = time.perf_counter()
            await ws.send(json.dumps({"type": "message", "client_msg_id": msg_id, "text": TEXT_AUTH}))
            await ws.recv()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(both[msg_id].wait(), 5)
            if msg_id in arrivals["a"] and msg_id in arrivals["b"]:
                local.append(arrivals["a"][msg_id] - sent)
                remote.append(arrivals["b"][msg_id] - sent)
    for task in listeners:
        task.cancel()
    await asyncio.gather(*listeners, return_exceptions=True)
    return local, remote


def pct(values: list[float], q: float) -> float:
    data = sorted(values)
    return data[min(len(data) - 1, int(q * len(data)))] * 1000 if data else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instances", default="1,2,3")
    parser.add_argument("--clients", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--hops", type=int, default=500, help="messages for the relay latency run")
    parser.add_argument("--synchronous", default="FULL", choices=["FULL", "NORMAL"],
                        help="the embedded store's fsync policy (NORMAL: see how much of the limit is fsync)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.instances, args.clients, args.seconds, args.hops = "1,2", 20, 3.0, 100
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    counts = [int(x) for x in args.instances.split(",") if x.strip()]
    print(f"# several instances: {os.cpu_count()} cores, {args.clients} closed-loop widgets, {args.seconds:.0f} s,"
          f" one shared SQLite store (synchronous={args.synchronous})")
    with tempfile.TemporaryDirectory(prefix="chatlog-cluster-") as tmp:
        with instances(1, Path(tmp) / "base", None, args.synchronous) as single:
            base = asyncio.run(throughput("1 instance, no Redis", [single[0].url], Path(tmp) / "base",
                                          args.clients, args.seconds))
        runs = [base]
        with redis_server() as url:
            for n in counts:
                data = Path(tmp) / f"n{n}"
                with instances(n, data, url, args.synchronous) as group:
                    runs.append(asyncio.run(throughput(f"{n} instance(s) + Redis", [i.url for i in group], data,
                                                       args.clients, args.seconds)))
            data = Path(tmp) / "hop"
            with instances(2, data, url, args.synchronous) as pair:
                local, remote = asyncio.run(hop_latency(pair[0].url, pair[1].url, data, args.hops))
    for r in runs:
        print(
            f"{r.label:<24} {r.rate:8.0f} msgs/s  x{r.rate / base.rate:4.2f}  ack p50 {r.pct(0.5):6.2f} ms"
            f"  p99 {r.pct(0.99):7.2f} ms  bot heard {r.heard / r.seconds:8.0f}/s"
            f"  load generator CPU {r.loadgen_cpu:4.0%}"
        )
    extra = [r - lo for lo, r in zip(local, remote, strict=True)]
    print(
        f"relay hop ({len(extra)} messages): local delivery p50 {pct(local, 0.5):.2f} ms p99 {pct(local, 0.99):.2f} ms;"
        f" through Redis p50 {pct(remote, 0.5):.2f} ms p99 {pct(remote, 0.99):.2f} ms;"
        f" added per hop p50 {pct(extra, 0.5):.2f} ms p99 {pct(extra, 0.99):.2f} ms"
    )


if __name__ == "__main__":
    main()
