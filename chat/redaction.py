"""Redaction off the event loop: anonymous messages go through the anonymizer before they are stored.

The anonymizer is CPU-bound Python (Presidio), so running it on the event loop would stall every other
session, and threads do not help (the GIL; notes.md: four threads sharing one engine ran slower than
one). So it runs in worker *processes*, each building the engine once at start-up. Requests are
micro-batched like the store's group commit: whatever queued while a batch was in a worker goes in the
next batch, so IPC cost is paid per batch, not per message, and a lone message is not kept waiting.

With ``workers=0`` the anonymizer runs in one background thread of this process (tests, tiny installs):
still off the loop, just not in parallel.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

from chat.errors import AnonymizerError

log = logging.getLogger("chat.redaction")


@dataclass(frozen=True, slots=True)
class Redacted:
    text: str
    #: Entity type → count, for statistics (never values).
    counts: dict[str, int]


def _worker_init(watch_parent: bool = False) -> None:
    """Build the engine once per worker, before the first request arrives. A worker *process* also
    watches its parent and exits when the parent is gone: a SIGKILLed server left each of its workers
    running as an orphan of ~150 MB (issue 8, item 7)."""
    from anonymizer import get_anonymizer

    if watch_parent:
        parent = os.getppid()
        threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()
    get_anonymizer().warm_up()


#: How often a worker process checks that the server that started it is still there.
PARENT_CHECK_S = 0.5


def _exit_with_parent(parent: int) -> None:
    """Exit when reparented (the parent died; no cleanup can run in it, so none is owed here)."""
    while True:
        time.sleep(PARENT_CHECK_S)
        if os.getppid() != parent:
            os._exit(0)


def _redact_batch(texts: list[str], mode: str = "strict") -> list[tuple[str, dict[str, int]]]:
    from anonymizer import process_batch

    out: list[tuple[str, dict[str, int]]] = []
    for result in process_batch(texts, "auto", mode):
        counts: dict[str, int] = {}
        for entity in result.entities:
            counts[entity.type] = counts.get(entity.type, 0) + 1
        out.append((result.text, counts))
    return out


class Redactor:
    """Batches redaction requests onto a pool of worker processes (or one thread)."""

    def __init__(
        self,
        *,
        workers: int = 1,
        max_batch: int = 64,
        mode: str = "strict",
        observe: Callable[[float], None] | None = None,
    ) -> None:
        self._workers = workers
        self._max_batch = max_batch
        self._mode = mode
        self._observe = observe
        self._executor: Executor | None = None
        self._queue: asyncio.Queue[tuple[str, asyncio.Future[Redacted]]] | None = None
        self._tasks: list[asyncio.Task[None]] = []

    def _new_executor(self) -> Executor:
        if self._workers > 0:
            # "spawn": never fork a process that already runs an event loop and store threads.
            ctx = multiprocessing.get_context("spawn")
            return ProcessPoolExecutor(self._workers, mp_context=ctx, initializer=_worker_init, initargs=(True,))
        return ThreadPoolExecutor(1, thread_name_prefix="anonymizer", initializer=_worker_init)

    async def start(self) -> None:
        self._executor = self._new_executor()
        slots = max(1, self._workers)
        loop = asyncio.get_running_loop()
        # Warm every worker up now, so the first customer does not pay for building the engine.
        await asyncio.gather(*(loop.run_in_executor(self._executor, _redact_batch, ["Hei"]) for _ in range(slots)))
        self._queue = asyncio.Queue()
        self._tasks = [asyncio.create_task(self._batcher(), name=f"redactor-{i}") for i in range(slots)]
        log.info("anonymizer ready", extra={"workers": self._workers})

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def redact(self, text: str) -> Redacted:
        if self._queue is None:
            raise AnonymizerError("the anonymizer is not running")
        future: asyncio.Future[Redacted] = asyncio.get_running_loop().create_future()
        await self._queue.put((text, future))
        return await future

    def _replace_executor(self) -> None:
        broken = self._executor
        self._executor = self._new_executor()
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
        log.warning("anonymizer pool replaced", extra={"workers": self._workers})

    async def _batcher(self) -> None:
        assert self._queue is not None
        loop = asyncio.get_running_loop()
        queue = self._queue
        while True:
            batch = [await queue.get()]
            while len(batch) < self._max_batch and not queue.empty():
                batch.append(queue.get_nowait())
            started = time.perf_counter()
            try:
                results = await loop.run_in_executor(
                    self._executor, _redact_batch, [t for t, _ in batch], self._mode
                )
            except asyncio.CancelledError:
                for _, fut in batch:
                    if not fut.done():
                        fut.set_exception(AnonymizerError("the anonymizer is shutting down"))
                raise
            except Exception as exc:  # a broken worker must fail these messages, never store them raw
                log.error("anonymizer batch failed", extra={"batch": len(batch), "error": type(exc).__name__})
                for _, fut in batch:
                    if not fut.done():
                        fut.set_exception(AnonymizerError("the anonymizer failed"))
                if isinstance(exc, BrokenExecutor):
                    # A worker died (killed, out of memory): replace the pool so later messages work.
                    self._replace_executor()
                continue
            if self._observe is not None:
                self._observe((time.perf_counter() - started) / len(batch))
            for (_, fut), (text, counts) in zip(batch, results, strict=True):
                if not fut.done():
                    fut.set_result(Redacted(text, counts))
