"""Gateway throughput measured on the server (issue 11): several runs, server CPU per acked message,
load generators in processes of their own, the bare websockets echo in the same run.

    python -m bench.throughput                          # N = 100, 1000, 5000; 3 runs each
    python -m bench.throughput --sizes 100 --runs 5 --loads echo,auth
    python -m bench.throughput --split-check            # is the load generator the bottleneck?

Per run and load: acked messages/s, ack latency p50/p99/p99.9 (client side, send → ack), and the
**server's CPU time per acked message** from /proc (the server process and its children, e.g. the
anonymizer workers; never the load generator). Loads: ``echo`` (a bare ``websockets`` server that
parses each frame and answers an ack: the ceiling), ``auth`` (chatlog, logged-in sessions),
``anon`` (chatlog, anonymous sessions, realistic messages from the generated corpus, 70 % of them
with personal data, each redacted before it is stored) and ``mixed`` (logged-in customers and a bot
that answers every message: two stored messages and a relay per customer message).

The load is split over ``--procs`` generator processes (uvloop; default one), each opening its
connections before timing starts; each reports its own CPU share. ``--split-check`` runs the echo with
1, 2 and 3 generator processes: if more do not raise the echo's figure, one was not the bottleneck. On
a two-core machine a second process only takes a core's time from the server it measures (chatlog runs
two busy threads, the echo one): one is the default (issue 11; docs/benchmarks.md has both).
Figures: the median of ``--runs`` runs and their spread (min-max); ratios are taken within a run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.gateway import Server, dev_issuer, echo_server, free_port, server_env, wait_port

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")


def proc_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and every live descendant."""
    return sum(_own_cpu(p) for p in {pid} | descendants(pid))


def redis_cpu_s() -> float:
    """CPU of the redis-server this benchmark started (part of the server's cost with --workers)."""
    total = 0.0
    for pid in descendants(os.getpid()):
        with contextlib.suppress(OSError):
            if Path(f"/proc/{pid}/comm").read_text().strip() == "redis-server":
                total += _own_cpu(pid)
    return total


def _own_cpu(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` alone; 0 once it is gone."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    return 0.0


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


@contextlib.contextmanager
def start_server(load: str, workers: int = 1) -> Iterator[Server]:
    if load == "echo":
        with echo_server() as echo:
            yield echo
        return
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="chatlog-tp-") as tmp, redis_for(workers) as redis_url:
        env = server_env(
            tmp,
            CHATLOG_MAX_CONNECTIONS="100000",
            CHATLOG_MAX_LIVE_SESSIONS="100000",
            # A bot hears every customer message: at thousands of sessions its backlog passes the
            # default 1,000 frames in a burst; a bank's bot backend would set this too.
            CHATLOG_PEER_QUEUE_FRAMES="100000",
            CHATLOG_PEER_QUEUE_BYTES="268435456",
            CHATLOG_REDIS_URL=redis_url,
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "chat.cli", "serve", "--port", str(port), "--workers", str(workers)],
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
            proc.wait(timeout=60)


@contextlib.contextmanager
def redis_for(workers: int) -> Iterator[str]:
    """A redis-server for ``--workers`` above 1 (they need one); none for a single process."""
    if workers == 1:
        yield ""
        return
    from bench.cluster import redis_server

    with redis_server() as url:
        yield url


def tokens(data_dir: Path, kind: str, count: int) -> list[str]:
    issuer = dev_issuer(data_dir)
    if kind == "bot":
        return [issuer.staff(f"bot-{i}", role="bot", ttl_s=3600) for i in range(count)]
    return [issuer.customer(f"cust-{i}", ttl_s=3600) for i in range(count)]


def corpus_texts(path: Path, n: int = 2000) -> Path:
    """Realistic messages, 70 % with personal data (the generated corpus, seed 11)."""
    from bench.corpus import generate

    messages = generate(n * 2, seed=11)
    pii = [m.text for m in messages if m.category == "pii"]
    other = [m.text for m in messages if m.category != "pii"]
    k = int(n * 0.7)
    texts = pii[:k] + other[: n - k]
    path.write_text(json.dumps(texts), encoding="utf-8")
    return path


@dataclass
class Result:
    load: str
    n: int
    acked: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    server_cpu_s: float = 0.0
    loadgen_cpu_share: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.acked / self.seconds if self.seconds else 0.0

    @property
    def cpu_us_per_msg(self) -> float:
        return self.server_cpu_s / self.acked * 1e6 if self.acked else float("nan")

    def pct(self, q: float) -> float:
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] * 1000 if data else float("nan")


def measure(
    load: str, n: int, procs: int, warmup: float, seconds: float, texts: Path, workers: int = 1, client: str = "lean"
) -> Result:
    with start_server(load, workers) as server:
        specs: list[tuple[str, int, int, list[str]]] = []  # role, clients, first, tokens
        share = [n // procs + (1 if i < n % procs else 0) for i in range(procs)]
        first = 0
        for count in share:
            toks = tokens(server.data_dir, "customer", count) if server.data_dir and load != "anon" else []
            specs.append(("echo" if load == "echo" else "widget", count, first, toks))
            first += count
        if load == "mixed":  # a bot per 500 customers, each answering its share of the sessions
            assert server.data_dir is not None
            bots = max(1, n // 500)
            specs.append(("bot", bots, 0, tokens(server.data_dir, "bot", bots)))
        children = []
        outs = []
        outs_extra: list[Path] = []
        for role, count, first_id, toks in specs:
            outs.append(Path(tempfile.mkstemp(prefix="loadgen-", suffix=".json")[1]))
            args = [
                sys.executable,
                "-m",
                "bench.loadgen",
                "--url",
                server.url,
                "--role",
                role,
                "--clients",
                str(count),
                "--first",
                str(first_id),
                "--warmup",
                str(warmup),
                "--seconds",
                str(seconds),
                "--out",
                str(outs[-1]),
                "--client",
                client,
            ]
            if toks:
                token_file = Path(tempfile.mkstemp(prefix="tokens-", suffix=".json")[1])
                token_file.write_text(json.dumps(toks), encoding="utf-8")
                outs_extra.append(token_file)
                args += ["--tokens", str(token_file)]
            if load == "anon":
                args += ["--texts", str(texts)]
            children.append(subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
        if load == "mixed":  # the bot connects first so that it hears every session start
            children.insert(0, children.pop())
            outs.insert(0, outs.pop())
        for child in children:
            assert child.stdout is not None
            line = child.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError("a load generator failed to connect")
        start_at = time.time() + 0.5
        for child in children:
            assert child.stdin is not None
            child.stdin.write(f"{start_at}\n")
            child.stdin.flush()
        time.sleep(max(0.0, start_at + warmup - time.time()))
        cpu0 = proc_cpu_s(server.proc.pid) + redis_cpu_s()
        time.sleep(max(0.0, start_at + warmup + seconds - time.time()))
        cpu1 = proc_cpu_s(server.proc.pid) + redis_cpu_s()
        result = Result(load, n, seconds=seconds, server_cpu_s=cpu1 - cpu0)
        for child, out in zip(children, outs, strict=True):
            assert child.stdin is not None
            child.stdin.close()
            if child.wait(timeout=120) != 0:
                raise RuntimeError("a load generator failed")
            data = json.loads(out.read_text(encoding="utf-8"))
            out.unlink()
            result.acked += data["acked"]
            result.errors += data["errors"]
            result.latencies += data["latencies"]
            result.loadgen_cpu_share.append(data["cpu_s"] / data["wall_s"])
        for extra in outs_extra:
            extra.unlink()
        return result


def summary(results: list[Result], echo: list[Result] | None) -> str:
    rates = [r.rate for r in results]
    cpu = [r.cpu_us_per_msg for r in results]
    line = (
        f"{results[0].load:<6} N={results[0].n:<5} {statistics.median(rates):8.0f} msgs/s"
        f" ({min(rates):.0f}-{max(rates):.0f})"
        f"  p50 {statistics.median(r.pct(0.5) for r in results):6.2f}"
        f"  p99 {statistics.median(r.pct(0.99) for r in results):7.2f}"
        f"  p99.9 {statistics.median(r.pct(0.999) for r in results):7.2f} ms"
        f"  server CPU {statistics.median(cpu):6.1f} us/msg"
    )
    if echo:
        ratios = [r.rate / e.rate for r, e in zip(results, echo, strict=True)]
        cost = [r.cpu_us_per_msg / e.cpu_us_per_msg for r, e in zip(results, echo, strict=True)]
        line += (
            f"  x echo {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
            f"  CPU/msg x echo {statistics.median(cost):.2f}"
        )
    shares = [max(r.loadgen_cpu_share) for r in results]
    line += f"  loadgen CPU max {max(shares):.0%}/proc  errors {sum(r.errors for r in results)}"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--loads", default="echo,auth,anon,mixed")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--procs", type=int, default=1, help="load generator processes")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--split-check", action="store_true")
    parser.add_argument(
        "--client",
        choices=["lean", "websockets"],
        default="lean",
        help="the generators' websocket client: bench/wsclient.py, or the websockets library's",
    )
    parser.add_argument("--workers", default="", help="also run chatlog with these --workers counts, e.g. 1,2")
    args = parser.parse_args()
    loads = [x for x in args.loads.split(",") if x]
    print(
        f"# throughput: {os.cpu_count()} cores, {args.runs} runs, {args.procs} load generator processes "
        f"({args.client} client), "
        f"{args.seconds:.0f} s measured after {args.warmup:.0f} s warm-up",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        texts = corpus_texts(Path(tmp) / "texts.json")
        if args.workers:
            for n in [int(x) for x in args.sizes.split(",") if x]:
                base: list[Result] = []
                for w in [int(x) for x in args.workers.split(",") if x]:
                    runs = [
                        measure("auth", n, args.procs, args.warmup, args.seconds, texts, w, args.client)
                        for _ in range(args.runs)
                    ]
                    base = base or runs
                    ratio = statistics.median(r.rate for r in runs) / statistics.median(r.rate for r in base)
                    print(f"--workers {w}: " + summary(runs, None) + f"  x 1 worker {ratio:.2f}", flush=True)
            return
        if args.split_check:
            for procs in (1, 2, 3):
                runs = [
                    measure("echo", 100, procs, args.warmup, args.seconds, texts, client=args.client)
                    for _ in range(args.runs)
                ]
                print(f"split check, {procs} generator process(es): " + summary(runs, None), flush=True)
            return
        for n in [int(x) for x in args.sizes.split(",") if x]:
            by_load: dict[str, list[Result]] = {load: [] for load in loads}
            for _ in range(args.runs):
                for load in loads:
                    by_load[load].append(
                        measure(load, n, args.procs, args.warmup, args.seconds, texts, client=args.client)
                    )
            echo = by_load.get("echo")
            for load in loads:
                print(summary(by_load[load], echo if load != "echo" else None), flush=True)


if __name__ == "__main__":
    main()
