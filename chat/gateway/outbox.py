"""Frames on their way to one peer: a bounded queue and the peer's own writer task.

Why: a websocket send waits while the peer's socket buffer is full (uvicorn pauses writing above the
transport's high-water mark). If the hub awaited that send, one bot backend that hangs, or one visitor
who never reads, would stall every conversation that broadcasts to it, the idle watchdog and shutdown
(issue 8 reproduced all three). So nothing on a shared path awaits a peer's socket: senders *put* a
frame into the peer's outbox, which never blocks, and one task per peer writes the frames out. Only
that task ever waits on the socket.

A peer that falls too far behind (more than ``max_frames`` frames or ``max_bytes`` bytes queued) is
disconnected with close code 4413 ("too slow"): what it missed is in the store and ``resume`` replays
it, while keeping its backlog would cost memory without bound. A close (idle timeout, shutdown,
replacement) goes through the queue too, after the frames before it, with a deadline; a peer whose
socket will not take the close frame in time has its transport aborted.

A resume is the one time a peer is owed more frames than the limits allow at once (a long chat replayed
from seq 0). Its own task sends them with :meth:`Outbox.put_paced`, which waits while the queue is half
full: waiting there holds up only that peer. Live frames for it meanwhile are held (:meth:`Outbox.hold`)
and follow the replay in order (:meth:`Outbox.release`), so the widget sees welcome, the replay, then
what happened since, and the held frames still count against the limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger("chat.outbox")

#: Close code for a peer dropped because its backlog passed the limits.
CLOSE_TOO_SLOW = 4413


@dataclass(frozen=True, slots=True)
class _Close:
    code: int
    reason: str


class Outbox:
    """A bounded queue of text frames for one peer, written by :meth:`run` (one task per peer)."""

    def __init__(
        self,
        write: Callable[[str], Awaitable[None]],
        close: Callable[[int, str], Awaitable[None]],
        abort: Callable[[], None],
        *,
        max_frames: int,
        max_bytes: int,
        close_timeout_s: float = 2.0,
        on_drop: Callable[[], None] | None = None,
        stall_timeout_s: float = 60.0,
        write_at_once: Callable[[str], bool] | None = None,
    ) -> None:
        self._write = write
        #: Writes a frame without waiting if the socket takes it (True), else leaves it (False).
        self._write_at_once = write_at_once
        self._close = close
        self._abort = abort
        self._on_drop = on_drop
        self.max_frames = max_frames
        self.max_bytes = max_bytes
        self.close_timeout_s = close_timeout_s
        #: How long ``put_paced`` waits for the peer to take one frame before dropping it as too slow.
        self.stall_timeout_s = stall_timeout_s
        self._frames: deque[str | _Close] = deque()
        self._bytes = 0
        self._ready = asyncio.Event()
        self._closing: _Close | None = None
        #: Set once the writer has stopped (closed, aborted, or the peer went away).
        self.done = asyncio.Event()
        #: Why the outbox stopped: "closed", "too_slow", "gone" (the socket failed).
        self.outcome: str | None = None
        self._task: asyncio.Task[None] | None = None
        self._writing = False
        #: Live frames kept behind a replay (None when not holding), and their bytes (in ``_bytes`` too).
        self._held: deque[str] | None = None
        self._held_bytes = 0
        #: Set by the writer after each frame it wrote (and when it stops): what put_paced waits for.
        self._progress = asyncio.Event()

    @property
    def idle(self) -> bool:
        """Nothing queued, nothing being written, not closing: a frame may be written at once."""
        return (
            not self._frames
            and self._held is None
            and not self._writing
            and self._closing is None
            and not self.done.is_set()
        )

    def write_now(self, frame: str) -> None:
        """Write one frame from the peer's *own* task (its ack) when the outbox is idle and the socket
        takes it without waiting (``write_at_once``), instead of waking the writer task for it: one task
        switch less per message, and no coroutine (issue 11). Otherwise (something queued before it, a
        peer that does not read, no ``write_at_once``) the frame is queued like any other, so nobody, not
        even the peer's own task, waits on its socket."""
        if self.idle and self._write_at_once is not None and self._write_at_once(frame):
            return
        self.put(frame)

    @property
    def pending(self) -> int:
        return len(self._frames)

    @property
    def pending_bytes(self) -> int:
        return self._bytes

    @property
    def _queued_bytes(self) -> int:
        """Bytes queued to be written now (not those held behind a replay)."""
        return self._bytes - self._held_bytes

    def put(self, frame: str) -> bool:
        """Queue a frame; never waits. False if the peer is closing or was just dropped as too slow."""
        if self._closing is not None or self.done.is_set():
            return False
        queued = len(self._frames) + (len(self._held) if self._held is not None else 0)
        if queued >= self.max_frames or self._bytes + len(frame) > self.max_bytes:
            self.drop(CLOSE_TOO_SLOW, "too slow: reconnect and resume")
            if self._on_drop is not None:
                self._on_drop()
            log.warning("peer dropped as too slow", extra={"frames": queued, "max_frames": self.max_frames})
            return False
        self._bytes += len(frame)
        if self._held is not None:
            self._held.append(frame)
            self._held_bytes += len(frame)
            return True
        self._frames.append(frame)
        self._ready.set()
        return True

    def hold(self) -> None:
        """From now on keep :meth:`put` frames back until :meth:`release` (a resume: see the module)."""
        if self._held is None:
            self._held = deque()

    def release(self, keep: Callable[[str], bool] | None = None) -> None:
        """Queue the held frames after everything sent so far; ``keep`` may leave some out (a live
        message the replay already carried)."""
        held, self._held = self._held, None
        self._held_bytes = 0
        if not held:
            return
        kept: Iterable[str] = held if keep is None else [f for f in held if keep(f)]
        for frame in held:
            self._bytes -= len(frame)
        for frame in kept:
            if not self.put(frame):
                return

    async def put_paced(self, frame: str) -> bool:
        """Queue a frame from the peer's *own* task, first waiting while the queue is half full (by
        frames or bytes), so that a long replay never passes the limits. False if the peer is gone."""
        half_frames, half_bytes = max(1, self.max_frames // 2), self.max_bytes // 2
        while len(self._frames) >= half_frames or self._queued_bytes + len(frame) > half_bytes:
            if self._closing is not None or self.done.is_set():
                return False
            if not self._frames:
                break  # one frame bigger than half the byte budget: send it alone
            self._progress.clear()
            try:
                await asyncio.wait_for(self._progress.wait(), self.stall_timeout_s)
            except TimeoutError:
                # Not one frame taken in that long: a peer that does not read, dropped as any other is
                # (a graceful close would queue behind the stuck write and never be reached).
                self.drop(CLOSE_TOO_SLOW, "too slow: reconnect and resume")
                if self._on_drop is not None:
                    self._on_drop()
                return False
        if self._closing is not None or self.done.is_set():
            return False
        self._frames.append(frame)
        self._bytes += len(frame)
        self._ready.set()
        return True

    def close(self, code: int, reason: str = "") -> None:
        """Close after the frames already queued (graceful); never waits. Frames held behind a replay
        that are not messages (``reconnect``, an error, ``ended``) go before the close; held messages
        do not (a gap in the seqs would hide the replay's rest from the widget's resume)."""
        if self._closing is not None or self.done.is_set():
            return
        if self._held is not None:
            held, self._held = self._held, None
            self._held_bytes = 0
            for frame in held:
                if is_message_frame(frame):
                    self._bytes -= len(frame)
                else:
                    self._frames.append(frame)
        self._closing = _Close(code, reason)
        self._frames.append(self._closing)
        self._ready.set()

    def drop(self, code: int, reason: str) -> None:
        """Close now, discarding the backlog: the peer is not reading, so the close frame is tried
        with the deadline and the transport aborted if it does not go through."""
        if self.done.is_set():
            return
        self._frames.clear()
        self._held = None
        self._held_bytes = 0
        self._bytes = 0
        self._closing = _Close(code, reason)
        self._frames.append(self._closing)
        self.outcome = "too_slow" if code == CLOSE_TOO_SLOW else None
        self._ready.set()
        self._interrupt()

    async def run(self) -> None:
        """The writer loop; returns when the outbox is closed or the peer is gone."""
        self._task = asyncio.current_task()
        try:
            while True:
                if not self._frames:
                    self._ready.clear()
                    await self._ready.wait()
                    continue
                item = self._frames.popleft()
                if isinstance(item, _Close):
                    await self._finish(item)
                    return
                self._bytes -= len(item)
                self._writing = True
                try:
                    await self._write(item)
                except asyncio.CancelledError:
                    if self._closing is not None and self._frames and self._frames[0] is self._closing:
                        if self._task is not None:
                            self._task.uncancel()
                        continue  # interrupted by drop(): go on to the close
                    raise
                except Exception:
                    self.outcome = self.outcome or "gone"
                    return
                finally:
                    self._writing = False
                self._progress.set()
        finally:
            self._frames.clear()
            self._held = None
            self._held_bytes = 0
            self._bytes = 0
            self.done.set()
            self._progress.set()

    async def _finish(self, item: _Close) -> None:
        try:
            await asyncio.wait_for(self._close(item.code, item.reason), self.close_timeout_s)
        except (TimeoutError, asyncio.CancelledError):
            self._abort()
            log.info("peer did not take its close frame in time: aborted", extra={"close_code": item.code})
        except Exception:
            self._abort()
        self.outcome = self.outcome or "closed"

    def _interrupt(self) -> None:
        """Stop a write that is stuck on a full socket, so the writer can go on to the close."""
        task = self._task
        if self._writing and task is not None and not task.done() and task is not asyncio.current_task():
            task.cancel()

    async def wait_closed(self, within_s: float) -> bool:
        """Wait (up to ``within_s`` seconds) for the writer to finish; True if it did."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.done.wait(), within_s)
        return self.done.is_set()


def is_message_frame(frame: str) -> bool:
    """A chat message frame (the encoder writes no spaces and ``type`` first: ``{"type":"message",...``)."""
    return frame.startswith('{"type":"message"')
