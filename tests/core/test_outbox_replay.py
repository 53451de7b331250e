"""The outbox's resume path without sockets: a replay far longer than the limits goes out whole, paced
by the peer's reading; live frames put meanwhile are held and follow it; a held frame the replay
already carried is left out; a peer that stops reading is still dropped, and a waiting replay ends."""

from __future__ import annotations

import asyncio

from chat.gateway.outbox import CLOSE_TOO_SLOW, Outbox


class SlowPeer:
    """A socket that takes one frame per ``step()``: the peer reads exactly when the test says."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.closed: tuple[int, str] | None = None
        self.aborted = False
        self._credit = asyncio.Semaphore(0)

    async def write(self, frame: str) -> None:
        await self._credit.acquire()
        self.written.append(frame)

    async def close(self, code: int, reason: str) -> None:
        self.closed = (code, reason)

    def abort(self) -> None:
        self.aborted = True

    def step(self, n: int = 1) -> None:
        for _ in range(n):
            self._credit.release()


def _outbox(peer: SlowPeer, max_frames: int = 10) -> Outbox:
    return Outbox(peer.write, peer.close, peer.abort, max_frames=max_frames, max_bytes=1 << 20, close_timeout_s=0.2)


async def test_a_replay_of_many_times_the_limit_goes_out_whole_with_live_frames_after_it() -> None:
    peer = SlowPeer()
    box = _outbox(peer, max_frames=10)
    writer = asyncio.create_task(box.run())
    box.hold()

    async def replay() -> None:
        assert await box.put_paced("welcome")
        for i in range(1, 101):
            assert await box.put_paced(f"r{i}")

    sending = asyncio.create_task(replay())
    await asyncio.sleep(0)
    assert box.put("live-a") and box.put("live-b")  # held: behind the replay, within the limits
    for _ in range(200):
        peer.step()
        await asyncio.sleep(0)
        assert box.pending <= 10
    await sending
    box.release()
    peer.step(10)
    for _ in range(20):
        await asyncio.sleep(0)
    assert peer.written == ["welcome", *(f"r{i}" for i in range(1, 101)), "live-a", "live-b"]
    assert peer.closed is None
    box.close(1000)
    await writer


async def test_release_leaves_out_what_the_replay_carried() -> None:
    peer = SlowPeer()
    box = _outbox(peer)
    writer = asyncio.create_task(box.run())
    box.hold()
    box.put("dup-1")
    box.put("new-2")
    assert await box.put_paced("r1")
    box.release(keep=lambda frame: not frame.startswith("dup"))
    peer.step(2)
    for _ in range(10):
        await asyncio.sleep(0)
    assert peer.written == ["r1", "new-2"]
    box.close(1000)
    peer.step()
    await writer


async def test_held_frames_still_count_against_the_limit() -> None:
    """A widget that never reads its replay is still dropped once live frames pile up behind it."""
    peer = SlowPeer()
    box = _outbox(peer, max_frames=10)
    writer = asyncio.create_task(box.run())
    box.hold()

    async def replay() -> bool:
        for i in range(100):
            if not await box.put_paced(f"r{i}"):
                return False
        return True

    sending = asyncio.create_task(replay())
    await asyncio.sleep(0)
    accepted = [box.put(f"live-{i}") for i in range(20)]
    assert not all(accepted)  # dropped as too slow
    assert await asyncio.wait_for(sending, 2) is False  # the waiting replay ends, it does not hang
    await asyncio.wait_for(writer, 2)
    assert box.outcome == "too_slow"
    assert peer.closed == (CLOSE_TOO_SLOW, "too slow: reconnect and resume") or peer.aborted


async def test_a_close_while_holding_sends_the_held_notices_but_no_held_message() -> None:
    """A shutdown's ``reconnect`` (or an idle timeout, an erasure's ``ended``) for a widget in the middle
    of its replay still reaches it before the close; a held message does not (a seq gap would make the
    widget's next resume skip the rest of the replay)."""
    peer = SlowPeer()
    box = _outbox(peer)
    writer = asyncio.create_task(box.run())
    box.hold()
    assert await box.put_paced('{"type":"welcome"}')
    box.put('{"type":"message","seq":9,"from":"bot","text":"x","at":"t"}')
    box.put('{"type":"reconnect","reason":"server restarting"}')
    box.close(1012, "service restart")
    peer.step(5)
    await asyncio.wait_for(writer, 2)
    assert peer.written == ['{"type":"welcome"}', '{"type":"reconnect","reason":"server restarting"}']
    assert peer.closed == (1012, "service restart")
    assert box.pending_bytes == 0


async def test_a_paced_sender_whose_peer_takes_nothing_is_dropped_not_left_waiting() -> None:
    """A widget that resumes and never reads must not keep its task (and its connection) forever."""
    peer = SlowPeer()
    box = Outbox(peer.write, peer.close, peer.abort, max_frames=4, max_bytes=1 << 20, close_timeout_s=0.1,
                 stall_timeout_s=0.2)  # fmt: skip
    writer = asyncio.create_task(box.run())

    async def replay() -> bool:
        for i in range(100):
            if not await box.put_paced(f"r{i}"):
                return False
        return True

    assert await asyncio.wait_for(replay(), 5) is False
    await asyncio.wait_for(writer, 5)
    assert box.outcome == "too_slow"


async def test_held_frames_do_not_slow_the_replay_down() -> None:
    """Live frames held behind a replay count against the peer's limits, not against the replay's own
    pace: the replay goes on at the peer's reading whatever waits behind it."""
    peer = SlowPeer()
    box = Outbox(peer.write, peer.close, peer.abort, max_frames=100, max_bytes=1000, close_timeout_s=0.2)
    writer = asyncio.create_task(box.run())
    box.hold()
    assert box.put("h" * 450)  # held: most of the byte budget, but not the replay's to wait for
    assert await asyncio.wait_for(box.put_paced("r" * 100), 1)
    peer.step(1)
    await asyncio.sleep(0)
    box.release()
    peer.step(1)
    for _ in range(5):
        await asyncio.sleep(0)
    assert peer.written == ["r" * 100, "h" * 450]
    box.close(1000)
    await writer
