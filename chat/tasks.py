"""Stopping background tasks at shutdown, without waiting forever for one that will not stop.

Why: a worker stopped half a second after it started hung in its shutdown until its supervisor killed it
(a flaky ``tests/cluster/test_workers.py``, one run in 9 to 20; py-spy: the event loop idle, the shutdown
stuck between closing the hub and closing the store, where it awaited cancelled relay tasks and the Redis
client's close). A task can outlive its cancellation: on Python 3.11 ``asyncio.wait_for`` swallows a
cancellation that arrives as the awaited operation finishes (CPython gh-86296, fixed in 3.12), redis-py
sends every command through it, and the relay's loops then go on with ``while True``; ``await task``
after one ``cancel()`` waits for such a task forever. Here each task is cancelled again until it ends,
and the wait is bounded (as is the Redis client's close, in ``chat.relay.redis``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable
from typing import Any, Final

log = logging.getLogger("chat.tasks")

#: How often a task that is still running is cancelled again.
RECANCEL_S: Final = 0.05


async def stop_tasks(tasks: Iterable[asyncio.Task[Any]], *, within_s: float, where: str) -> int:
    """Cancel ``tasks`` and wait until they end, cancelling again each :data:`RECANCEL_S` a task that
    swallowed its cancellation, for at most ``within_s``. Returns how many had not ended (logged with
    ``where``, a fixed name, never data); their results and errors are consumed, never raised here."""
    tasks = list(tasks)
    pending = {task for task in tasks if not task.done()}
    deadline = time.monotonic() + within_s
    rounds = 0
    while pending:
        for task in pending:
            task.cancel()
        rounds += 1
        left = deadline - time.monotonic()
        if left <= 0:
            break
        _, pending = await asyncio.wait(pending, timeout=min(RECANCEL_S, left))
    if rounds > 1:
        log.info("tasks cancelled again", extra={"where": where, "count": rounds - 1})
    for task in tasks:
        if task.done() and not task.cancelled():
            with contextlib.suppress(Exception):
                task.exception()  # retrieved: no "exception was never retrieved" at exit
    if pending:
        log.warning("tasks did not stop", extra={"where": where, "count": len(pending)})
    return len(pending)
