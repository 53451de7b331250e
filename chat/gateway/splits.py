"""A value typed over several messages of an anonymous chat, redacted in every one of them.

The hub's side of ``anonymizer/split_values.py``, which decides (pure, no I/O) which characters of the
new message and of the chat's last ones make one value: "kontonummeret er 1503 12" then "34562",
"ola.nordmann@" then "gmail.com", "jeg heter Ola" then "Nordmann". Here the new message's part is
replaced in its redacted text, and each earlier part in that message's stored text, *before* the new
message is stored and acknowledged: a message is acked only once what it completed is gone from the
store too (outside audit 63, H2). Only ids and counts are logged.
"""

from __future__ import annotations

import logging

from anonymizer import split_values
from anonymizer.split_values import Earlier
from chat.gateway.live import LiveSession
from chat.store.base import Store

log = logging.getLogger(__name__)


async def join(
    store: Store, live: LiveSession, text: str, stored: str, counts: dict[str, int]
) -> tuple[str, dict[str, int]]:
    """The new message's stored text and counts, with a value it completes redacted here and in the
    earlier messages that hold the rest of it."""
    split = split_values.find(list(live.recent), text)
    if split is None:
        return stored, counts
    replaced = 0
    for seq, start, end in split.earlier:
        # A copy per piece: the deque may change while the store is awaited (a resumed widget's resend).
        earlier = next((e for e in list(live.recent) if e.seq == seq), None)
        if earlier is None:
            continue
        new = split_values.rewrite(earlier.stored, earlier.original, start, end, split.entity)
        if new is not None and await store.replace_text(live.session_id, seq, new):
            for at, entry in enumerate(list(live.recent)):
                if entry.seq == seq:
                    live.recent[at] = Earlier(seq, entry.original, new)
            replaced += 1
    here = split_values.redact_head(stored, text, *split.here, split.entity)
    if here is not None:
        stored = here
        replaced += 1
    if not replaced:
        return stored, counts
    log.info("value split over messages redacted", extra={"session_id": live.session_id, "count": replaced})
    return stored, {**counts, split.entity: counts.get(split.entity, 0) + 1}


def remember(live: LiveSession, seq: int, text: str, stored: str) -> None:
    """Keep the customer's new message for the next one to complete."""
    live.recent.append(Earlier(seq, text, stored))
