"""The gateway's ceiling without parts of its work: what chatlog could reach if they cost nothing.

    CHATLOG_BENCH_CEILING=nullstore PYTHONPATH=bench/ceiling python -m bench.throughput --loads echo,auth

Python imports ``sitecustomize`` at start-up from ``PYTHONPATH``, so every ``chatlog serve`` the benchmark
starts (it passes its environment on) has part of a logged-in message's path replaced by a stand-in that
numbers messages in memory and stores nothing. ``CHATLOG_BENCH_CEILING`` says how much, from the least:

* ``nullstore``: the embedded store's ``append_message`` (encryption, hashing of ids, the hub, framing and
  the acks stay as they are);
* ``encrypted``: the encrypting store's ``append_message`` (no sealing either);
* ``store_message``: the hub's ``_store_message`` (no store objects, no metrics);
* ``hub``: the hub's ``customer_message`` (only the endpoint, parsing, the flood guard and the ack's write).

For measuring only: it breaks every guarantee (nothing is stored), which is why it lives here and is
switched on by a variable no deployment sets. Issue 11 uses it to split the cost per message into its
parts (docs/benchmarks.md).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

_MODE = os.environ.get("CHATLOG_BENCH_CEILING", "")
_seqs: dict[str, int] = {}


def _next_seq(session_id: str) -> int:
    seq = _seqs[session_id] = _seqs.get(session_id, 0) + 1
    return seq


if _MODE == "nullstore":
    from chat.store.base import AppendResult, NewMessage
    from chat.store.cursor import epoch_us
    from chat.store.sqlite import SqliteStore
    from chat.store.sqlite_ops import stored_message

    async def _append_nothing(self: SqliteStore, message: NewMessage) -> AppendResult:
        return AppendResult(stored_message(message, _next_seq(message.session_id), epoch_us(message.at)), False)

    SqliteStore.append_message = _append_nothing  # type: ignore[method-assign]

elif _MODE == "encrypted":
    from chat.store.base import AppendResult, NewMessage, StoredMessage
    from chat.store.encrypted import EncryptingStore

    async def _append_unsealed(self: EncryptingStore, message: NewMessage) -> AppendResult:
        m = message
        seq = _next_seq(m.session_id)
        stored = StoredMessage(m.session_id, seq, m.sender, m.text, m.at, m.client_msg_id, m.sender_id)
        return AppendResult(stored, False)

    EncryptingStore.append_message = _append_unsealed  # type: ignore[method-assign]

elif _MODE == "store_message":
    from chat.gateway.hub import Hub
    from chat.store.base import StoredMessage

    async def _store_nothing(self: Hub, live: Any, sender: Any, sender_id: Any, key: str, text: str) -> Any:
        seq = _next_seq(live.session_id)
        return StoredMessage(live.session_id, seq, sender, text, datetime.now(UTC), key, sender_id), False

    Hub._store_message = _store_nothing  # type: ignore[method-assign]

elif _MODE == "hub":
    from chat.gateway.hub import Hub
    from chat.protocol import encode

    async def _ack_only(self: Hub, live: Any, msg: Any) -> str:
        return encode({"type": "ack", "client_msg_id": msg.client_msg_id, "seq": _next_seq(live.session_id)})

    Hub.customer_message = _ack_only  # type: ignore[method-assign]
