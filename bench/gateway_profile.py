"""Where the gateway's time goes: py-spy samples the server while bench/gateway.py's load runs.

    pip install py-spy                      # a sampling profiler; not a project dependency
    python bench/gateway_profile.py         # logged-in sessions, N=100
    python bench/gateway_profile.py --mode anonymous

Prints the share of samples per component for the server's event-loop thread (uvicorn/websockets
framing, starlette, asyncio, our gateway, JSON, metrics, the store hand-off) and, separately, for the
SQLite writer thread. Shares, not times: they carry over between machines better than absolute figures.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gateway import TEXT_AUTH, TEXTS_ANON, chatlog_server, dev_token, load

#: Sample attribution: the first matching fragment of a frame's file path names the component.
COMPONENTS = [
    ("chat/store/", "chatlog store (hand-off, SQL)"),
    ("chat/gateway/", "chatlog gateway (hub, endpoints)"),
    ("chat/protocol", "chatlog framing (orjson)"),
    ("chat/redaction", "chatlog redaction hand-off"),
    ("chat/", "chatlog other"),
    ("prometheus_client", "prometheus metrics"),
    ("uvicorn/protocols/websockets", "uvicorn websockets protocol"),
    ("websockets/", "websockets framing"),
    ("starlette/", "starlette"),
    ("asyncio/", "asyncio event loop"),
    ("uvloop", "asyncio event loop"),
    ("concurrent/futures", "executor hand-off"),
    ("sqlite3", "sqlite"),
]


def component(frame: str) -> str:
    for fragment, name in COMPONENTS:
        if fragment in frame:
            return name
    return "other (interpreter, stdlib)"


def summarise(folded: Path) -> dict[str, collections.Counter[str]]:
    """Self samples per component, per thread (the thread is the first frame of py-spy's raw output)."""
    per_thread: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in folded.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        thread = "sqlite writer" if "sqlite-writer" in frames[0] or "_GroupCommitWriter" in stack else "event loop"
        if "MainThread" not in frames[0] and thread == "event loop" and "thread" in frames[0].lower():
            thread = "other threads"
        leaf = next((f for f in reversed(frames) if "(" in f), frames[-1])
        per_thread[thread][component(leaf)] += int(count)
    return per_thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["authenticated", "anonymous"], default="authenticated")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        sys.exit("py-spy is not installed: pip install py-spy")
    with tempfile.TemporaryDirectory() as tmp, chatlog_server(1) as srv:
        assert srv.data_dir is not None
        out = Path(tmp) / "profile.folded"
        record = subprocess.Popen(
            [spy, "record", "-p", str(srv.proc.pid), "-d", str(int(args.seconds)), "-r", "250", "-f", "raw",
             "--threads", "--nonblocking", "-o", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        if args.mode == "authenticated":
            tokens: list[str | None] = [dev_token(srv.data_dir, f"c{i}") for i in range(50)]
            result = asyncio.run(load("logged-in", srv.url, args.n, args.seconds, tokens, [TEXT_AUTH]))
        else:
            result = asyncio.run(load("anonymous", srv.url, args.n, args.seconds, [None], TEXTS_ANON))
        record.wait()
        print(f"# {args.mode}, N={args.n}: {result.rate:.0f} acked msgs/s during the profile")
        for thread, counts in sorted(summarise(out).items()):
            total = sum(counts.values())
            print(f"\n{thread} ({total} samples)")
            for name, n in counts.most_common():
                print(f"  {100 * n / total:5.1f} %  {name}")


if __name__ == "__main__":
    main()
