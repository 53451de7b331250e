"""The embedded store alone under appends: acked appends per second and the process's CPU per append
(issue 11).

    python -m bench.store_append                                   # 100 sessions, 3 rounds of 5 s
    python -m bench.store_append --sessions 1000 --checkpoint-pages 1000,4000,16000

Why: the gateway's figures at N=100 move with the host by a third between runs; the writer thread and its
waits for the GIL are easier to see without sockets. One :class:`SqliteStore` (the real writer thread and
group commit, durability ``FULL``), one closed-loop appender per session on uvloop (append, wait for the
result, append again: a customer waiting for each ack), each message with its own ``client_msg_id``.
Configurations run interleaved, round after round, each on a fresh file; every figure is the median of
the rounds and is compared with the first configuration's in the same round (ratio).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import uvloop

from chat.store.base import NewMessage, Retention, SessionRecord
from chat.store.sqlite import SqliteStore


def _session(session_id: str, now: datetime) -> SessionRecord:
    return SessionRecord(
        session_id=session_id,
        kind="authenticated",
        customer_id=f"cust-{session_id[:8]}",
        created_at=now,
        retention=Retention(
            tier="archive", expire_at=now + timedelta(days=1826), visible_until=now + timedelta(days=1095)
        ),
    )


async def one_run(checkpoint_pages: int, sessions: int, seconds: float, warmup: float) -> tuple[float, float]:
    """Appends per second and CPU µs per append of one configuration, measured after ``warmup``."""
    with tempfile.TemporaryDirectory(prefix="chatlog-store-") as tmp:
        store = SqliteStore(Path(tmp) / "chatlog.db", checkpoint_pages=checkpoint_pages, sweep_interval_s=0)
        await store.open()
        try:
            now = datetime.now(UTC)
            ids = [uuid.uuid4().hex for _ in range(sessions)]
            for sid in ids:
                await store.create_session(_session(sid, now))
            text = "v1:" + os.urandom(90).hex()  # about the size of a sealed short message
            done = 0
            stop = False

            async def appender(sid: str) -> None:
                nonlocal done
                while not stop:
                    message = NewMessage(sid, "customer", text, datetime.now(UTC), uuid.uuid4().hex)
                    await store.append_message(message)
                    done += 1

            tasks = [asyncio.create_task(appender(sid)) for sid in ids]
            await asyncio.sleep(warmup)
            count0, wall0, cpu0 = done, time.perf_counter(), time.process_time()
            await asyncio.sleep(seconds)
            count1, wall1, cpu1 = done, time.perf_counter(), time.process_time()
            stop = True
            await asyncio.gather(*tasks)
        finally:
            await store.close()
    appended = count1 - count0
    return appended / (wall1 - wall0), 1e6 * (cpu1 - cpu0) / max(1, appended)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=100, help="concurrent appenders, one per session")
    parser.add_argument("--checkpoint-pages", default="1000,4000", help="configurations; the first is the baseline")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.5)
    args = parser.parse_args()
    configs = list(dict.fromkeys(int(c) for c in args.checkpoint_pages.split(",")))  # each once
    rates: dict[int, list[float]] = {c: [] for c in configs}
    cpus: dict[int, list[float]] = {c: [] for c in configs}
    ratios: dict[int, list[float]] = {c: [] for c in configs}
    print(f"# store_append: {os.cpu_count()} cores, {args.sessions} sessions, {args.rounds} x {args.seconds:g} s")
    for _ in range(args.rounds):
        baseline = None
        for pages in configs:
            rate, cpu = uvloop.run(one_run(pages, args.sessions, args.seconds, args.warmup))
            rates[pages].append(rate)
            cpus[pages].append(cpu)
            baseline = baseline or rate
            ratios[pages].append(rate / baseline)
    for pages in configs:
        r = rates[pages]
        print(
            f"checkpoint {pages:>6} pages  {statistics.median(r):8.0f} appends/s ({min(r):.0f}-{max(r):.0f})"
            f"  CPU {statistics.median(cpus[pages]):6.1f} us/append  x first {statistics.median(ratios[pages]):.2f}"
        )


if __name__ == "__main__":
    main()
