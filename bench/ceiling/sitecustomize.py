"""The gateway's ceiling without its store: what chatlog could reach if storing a message cost nothing.

    CHATLOG_BENCH_CEILING=nullstore PYTHONPATH=bench/ceiling python -m bench.throughput --loads echo,auth

Python imports ``sitecustomize`` at start-up from ``PYTHONPATH``, so every ``chatlog serve`` the benchmark
starts (it passes its environment on) has the embedded store's ``append_message`` replaced by one that
numbers messages in memory and writes nothing. Encryption, hashing of ids, the hub, framing and the
acks stay as they are. For measuring only: it breaks every guarantee (nothing is stored), which is why it
lives here and is switched on by a variable no deployment sets. Issue 11 uses it to split the cost per
message into the gateway's part and the store's part (docs/benchmarks.md).
"""

from __future__ import annotations

import os

if os.environ.get("CHATLOG_BENCH_CEILING") == "nullstore":
    from chat.store.base import AppendResult, NewMessage
    from chat.store.cursor import epoch_us
    from chat.store.sqlite import SqliteStore
    from chat.store.sqlite_ops import stored_message

    _seqs: dict[str, int] = {}

    async def _append_nothing(self: SqliteStore, message: NewMessage) -> AppendResult:
        seq = _seqs.get(message.session_id, 0) + 1
        _seqs[message.session_id] = seq
        return AppendResult(stored_message(message, seq, epoch_us(message.at)), duplicate=False)

    SqliteStore.append_message = _append_nothing  # type: ignore[method-assign]
