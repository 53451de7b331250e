"""Redaction off the event loop: anonymous messages go through the anonymizer before they are stored.

The anonymizer is CPU-bound Python (Presidio), so running it on the event loop would stall every other
session, and threads do not help (the GIL; notes.md: four threads sharing one engine ran slower than
one). So it runs in worker *processes*, each building the engine once at start-up. Requests are
micro-batched like the store's group commit: whatever queued while a batch was in a worker goes in the
next batch, so IPC cost is paid per batch, not per message, and a lone message is not kept waiting.

With ``workers=0`` the anonymizer runs in one background thread of this process (tests, tiny installs):
still off the loop, just not in parallel.

Every message has a deadline (``anonymizer_deadline_s``). The workers are shared by every anonymous
chat, so one text that the recognizers find slow (a hostile customer hunting for a pathological input)
must not hold them: a message not finished in time is stored as ``<WITHHELD>``, nothing of its text kept,
and counted. Withholding rather than refusing keeps the chat going and cannot leak; a customer whose
ordinary message took that long (none measured: the slowest known 2,000-character text takes 0.23 s
against a default of 2 s) loses its stored wording, not its privacy. The deadline is an interval timer
(``SIGALRM``) in the worker process, which interrupts Python code and the ``re`` engine alike; it needs
the worker's main thread, so the in-process thread of ``workers=0`` runs without one.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from types import FrameType

from chat.errors import AnonymizerError
from chat.tasks import stop_tasks

log = logging.getLogger("chat.redaction")

#: What a message that missed its deadline is stored as, and the type it is counted under.
WITHHELD = "WITHHELD"
#: Default per-message deadline (seconds); ``Settings.anonymizer_deadline_s`` sets it for the server.
DEFAULT_DEADLINE_S = 2.0


#: A chat's memory (anonymizer/session_names.py): keyed digests of the words of its names, and of the
#: endings of a fødselsnummer whose date it gave (anonymizer/session_numbers.py).
Marks = frozenset[bytes]
NO_MARKS: Marks = frozenset()


@dataclass(frozen=True, slots=True)
class Redacted:
    text: str
    #: Entity type → count, for statistics (never values).
    counts: dict[str, int]
    #: Digests of the names in this message, for its chat's memory (never the names).
    marks: Marks = NO_MARKS


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


class _Overrun(BaseException):
    """Raised by the interval timer inside a message that passed its deadline. A ``BaseException``, so
    that no ``except Exception`` on the way up can swallow it and hand back half a result."""


#: Set by the timer when it fires: a message whose timer fired is withheld even if ``_Overrun`` was
#: swallowed somewhere below.
_fired = False


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    global _fired
    _fired = True
    raise _Overrun


def _redact_batch(
    texts: list[str],
    mode: str = "strict",
    deadline_s: float = DEFAULT_DEADLINE_S,
    key: bytes = b"",
    memories: list[Marks] | None = None,
) -> list[tuple[str, dict[str, int], Marks]]:
    """Each text redacted, or withheld when it is not done within ``deadline_s`` (see the module).

    With a ``key``, each text also gets its chat's memory (``memories``, one per text; see
    anonymizer/session_names.py), and what it teaches that memory comes back: the digests of its own names
    and of the endings of the fødselsnummer whose date it gives."""
    global _fired
    from anonymizer import process, session_names

    timed = threading.current_thread() is threading.main_thread()
    if timed:
        signal.signal(signal.SIGALRM, _on_alarm)
    out: list[tuple[str, dict[str, int], Marks]] = []
    for at, text in enumerate(texts):
        result = None
        learned = NO_MARKS
        fired_inside = False
        _fired = False
        try:
            try:
                if timed:
                    signal.setitimer(signal.ITIMER_REAL, deadline_s)
                result = process(text, "auto", mode)
                if key:
                    result, learned = session_names.extend(text, result, key, memories[at] if memories else NO_MARKS)
                fired_inside = _fired  # the timer fired and something below swallowed it: not finished
            finally:
                if timed:
                    signal.setitimer(signal.ITIMER_REAL, 0)
        except _Overrun:  # also when the timer fired between the result and disarming it: keep the result
            pass
        except Exception as exc:  # a recognizer's bug on one text: that text is withheld, never the batch
            log.error("anonymizer failed on one message: withheld", extra={"error": type(exc).__name__})
            result = None
        if result is None or fired_inside:
            out.append((f"<{WITHHELD}>", {WITHHELD: 1}, NO_MARKS))
            continue
        counts: dict[str, int] = {}
        for entity in result.entities:
            counts[entity.type] = counts.get(entity.type, 0) + 1
        out.append((result.text, counts, learned))
    return out


class Redactor:
    """Batches redaction requests onto a pool of worker processes (or one thread)."""

    def __init__(
        self,
        *,
        workers: int = 1,
        max_batch: int = 64,
        mode: str = "strict",
        deadline_s: float = DEFAULT_DEADLINE_S,
        observe: Callable[[float], None] | None = None,
        withheld: Callable[[int], None] | None = None,
    ) -> None:
        self._workers = workers
        self._max_batch = max_batch
        self._mode = mode
        self._deadline_s = deadline_s
        self._observe = observe
        self._withheld = withheld
        self._executor: Executor | None = None
        self._queue: asyncio.Queue[tuple[str, Marks, asyncio.Future[Redacted]]] | None = None
        #: The key of the chats' memories of names: drawn here, kept in this process's memory only, so
        #: the digests mean nothing to anyone else and nothing after a restart.
        self._key = os.urandom(32)
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
        await stop_tasks(self._tasks, within_s=2.0, where="anonymizer")
        self._tasks = []
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def redact(self, text: str, memory: Marks = NO_MARKS) -> Redacted:
        """``text`` redacted; ``memory``: what its chat remembers of names (``Redacted.marks`` of its
        earlier messages), so that a name found once is redacted again where the message alone would
        not show it."""
        if self._queue is None:
            raise AnonymizerError("the anonymizer is not running")
        future: asyncio.Future[Redacted] = asyncio.get_running_loop().create_future()
        await self._queue.put((text, memory, future))
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
                    self._executor,
                    _redact_batch,
                    [t for t, _, _ in batch],
                    self._mode,
                    self._deadline_s,
                    self._key,
                    [m for _, m, _ in batch],
                )
            except asyncio.CancelledError:
                for _, _, fut in batch:
                    if not fut.done():
                        fut.set_exception(AnonymizerError("the anonymizer is shutting down"))
                raise
            except Exception as exc:  # a broken worker must fail these messages, never store them raw
                log.error("anonymizer batch failed", extra={"batch": len(batch), "error": type(exc).__name__})
                for _, _, fut in batch:
                    if not fut.done():
                        fut.set_exception(AnonymizerError("the anonymizer failed"))
                if isinstance(exc, BrokenExecutor):
                    # A worker died (killed, out of memory): replace the pool so later messages work.
                    self._replace_executor()
                continue
            if self._observe is not None:
                self._observe((time.perf_counter() - started) / len(batch))
            withheld = sum(1 for _, counts, _ in results if WITHHELD in counts)
            if withheld:
                log.warning("messages withheld: the anonymizer passed its deadline", extra={"count": withheld})
                if self._withheld is not None:
                    self._withheld(withheld)
            for (_, _, fut), (text, counts, marks) in zip(batch, results, strict=True):
                if not fut.done():
                    fut.set_result(Redacted(text, counts, marks))
