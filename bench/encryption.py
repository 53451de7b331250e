"""What encryption at rest costs per logged-in message (issue 14): the store with and without it.

    python -m bench.encryption [--messages 20000] [--writers 100] [--runs 3]

Each run opens a fresh embedded store in a temporary directory, creates ``--writers`` logged-in sessions
and has one task per session append messages in a closed loop (as the gateway's peers do), first
through the plain :class:`~chat.store.sqlite.SqliteStore`, then through the same store wrapped by
:class:`~chat.store.encrypted.EncryptingStore`; it reports appends per second and the process's CPU
time per append for both, and the ratio, in the same run. Also the cost of sealing alone (AES-256-GCM
of a typical 60-character message) and of reading a sealed transcript back.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import resource
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from chat.crypto import MasterKeys, open_sealed, seal
from chat.keystore import SqliteKeyStore
from chat.store.base import NewMessage, Retention, SessionRecord, Store
from chat.store.encrypted import encrypting
from chat.store.sqlite import SqliteStore

TEXT = "Hei, jeg lurer på renta på boliglånet mitt, kan dere ringe meg i morgen?"
T0 = datetime.now(UTC)


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run(store: Store, writers: int, per_writer: int) -> tuple[float, float]:
    await store.open()
    try:
        retention = Retention(tier="archive", expire_at=T0 + timedelta(days=1000), visible_until=None)
        for w in range(writers):
            await store.create_session(SessionRecord(f"s{w}", "authenticated", f"c{w}", T0, retention))

        async def writer(w: int) -> None:
            for n in range(per_writer):
                await store.append_message(NewMessage(f"s{w}", "customer", TEXT, T0, client_msg_id=f"{w}-{n}"))

        wall, used = time.perf_counter(), cpu()
        await asyncio.gather(*(writer(w) for w in range(writers)))
        elapsed, spent = time.perf_counter() - wall, cpu() - used
    finally:
        await store.close()
    total = writers * per_writer
    return total / elapsed, spent / total * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--writers", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    per_writer = args.messages // args.writers
    master = MasterKeys.parse(f"k1:{base64.b64encode(os.urandom(32)).decode()}")
    plain, sealed = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            bare = SqliteStore(Path(tmp) / "a.db", sweep_interval_s=0)
            plain.append(asyncio.run(run(bare, args.writers, per_writer)))
            inner = SqliteStore(Path(tmp) / "b.db", sweep_interval_s=0)
            store = encrypting(inner, SqliteKeyStore(Path(tmp) / "keys.db"), master)
            sealed.append(asyncio.run(run(store, args.writers, per_writer)))
    p_rate, p_cpu = statistics.median(r for r, _ in plain), statistics.median(c for _, c in plain)
    s_rate, s_cpu = statistics.median(r for r, _ in sealed), statistics.median(c for _, c in sealed)
    key = os.urandom(32)
    n = 100_000
    t = time.perf_counter()
    blobs = [seal(key, "s1", TEXT) for _ in range(n)]
    seal_us = (time.perf_counter() - t) / n * 1e6
    t = time.perf_counter()
    for blob in blobs:
        open_sealed(key, "s1", blob)
    open_us = (time.perf_counter() - t) / n * 1e6
    print(f"# {args.runs} runs of {args.writers} writers x {per_writer} appends, medians")
    print(f"plain store      {p_rate:8.0f} appends/s   {p_cpu:6.1f} us CPU per append")
    print(f"encrypting store {s_rate:8.0f} appends/s   {s_cpu:6.1f} us CPU per append")
    print(f"ratio            {s_rate / p_rate:8.2f} x throughput   +{s_cpu - p_cpu:5.1f} us CPU per append")
    print(f"seal alone {seal_us:.1f} us, open alone {open_us:.1f} us per {len(TEXT)}-character message")


if __name__ == "__main__":
    main()
