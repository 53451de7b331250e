"""The websocket protocol parses a client's bytes only as fast as the application reads (chat/paced_ws.py).

Outside audit 64, M1: megabytes of tiny frames sent at once were all parsed on the event loop, before
anyone else was served and again after we had closed the sender. Driven here without a socket: a fake
transport, uvicorn's own protocol object, an ASGI app that accepts and leaves the reading to the test.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import uvicorn
from uvicorn.server import ServerState
from websockets.frames import Frame, Opcode

from chat.paced_ws import AFTER_CLOSE, MAX_FRAGMENTS, MAX_QUEUED, SLICE, PacedWebSocketsProtocol

HANDSHAKE = (
    b"GET /ws/chat HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


class FakeTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.paused = False
        self.closing = False
        self.written = bytearray()

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}.get(name, default)

    def pause_reading(self) -> None:
        self.paused = True

    def resume_reading(self) -> None:
        self.paused = False

    def is_closing(self) -> bool:
        return self.closing

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written += data

    def close(self) -> None:
        self.closing = True

    def abort(self) -> None:
        self.closing = True


def frames(count: int, start: int = 0) -> bytes:
    return b"".join(Frame(Opcode.TEXT, str(start + i).encode()).serialize(mask=True) for i in range(count))


async def connected(
    close_after_accept: bool = False, **config: Any
) -> tuple[PacedWebSocketsProtocol, FakeTransport]:
    """An accepted connection over a fake transport; ``config``: more of uvicorn's settings."""
    accepted = asyncio.Event()

    async def app(scope: Any, receive: Any, send: Any) -> None:
        assert (await receive())["type"] == "websocket.connect"
        await send({"type": "websocket.accept"})
        if close_after_accept:
            await send({"type": "websocket.close", "code": 4429})
        accepted.set()
        await asyncio.Event().wait()  # the test reads in the app's place

    settings = uvicorn.Config(app, ws=PacedWebSocketsProtocol, lifespan="off", log_config=None, **config)
    settings.load()
    proto = PacedWebSocketsProtocol(config=settings, server_state=ServerState(), app_state={})
    transport = FakeTransport()
    proto.connection_made(transport)
    proto.data_received(HANDSHAKE)
    await asyncio.wait_for(accepted.wait(), 5)
    assert b"101 Switching Protocols" in transport.written
    return proto, transport


async def test_a_flood_in_one_read_is_parsed_as_the_application_reads_it_in_order_and_whole() -> None:
    proto, transport = await connected()
    burst = frames(40_000)  # ~330 KB of tiny frames in one read: more than one socket read holds
    assert len(burst) > 10 * SLICE
    proto.data_received(burst)
    # Parsed only until MAX_QUEUED frames wait; the rest is held and the socket is not read meanwhile.
    assert MAX_QUEUED <= proto.queue.qsize() < MAX_QUEUED + SLICE // 6
    assert proto.held and transport.paused
    held_at_first = len(proto.held)
    assert held_at_first > len(burst) - 2 * SLICE

    got = []
    for _ in range(40_000):
        message = await asyncio.wait_for(proto.receive(), 5)
        got.append(message["text"])
        assert proto.queue.qsize() < MAX_QUEUED + SLICE  # never the whole read at once
    assert got == [str(i) for i in range(40_000)]  # nothing lost, nothing reordered
    assert not proto.held and not transport.paused and proto.queue.empty()


async def test_an_ordinary_message_takes_uvicorns_path_and_reading_pauses_only_once_frames_pile_up() -> None:
    proto, transport = await connected()
    proto.data_received(frames(1))
    # A client that waits for its ack never has a second frame queued: its socket is never paused.
    assert proto.queue.qsize() == 1 and not proto.held and not transport.paused
    assert (await proto.receive())["text"] == "0"
    assert not transport.paused
    for i in range(MAX_QUEUED):  # one frame per read, none read by the application
        assert not transport.paused
        proto.data_received(frames(1, start=i))
    assert proto.queue.qsize() == MAX_QUEUED and transport.paused and not proto.held
    got = [(await proto.receive())["text"] for _ in range(MAX_QUEUED)]
    assert got == [str(i) for i in range(MAX_QUEUED)]
    assert not transport.paused and proto.queue.empty()  # drained: reading again


async def test_a_reader_cancelled_while_waiting_loses_nothing() -> None:
    proto, _transport = await connected()
    waiting = asyncio.ensure_future(proto.receive())
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    proto.data_received(frames(2))
    assert [(await proto.receive())["text"] for _ in range(2)] == ["0", "1"]
    # Woken with a frame, then cancelled before it ran: the frame goes to the next reader.
    first = asyncio.ensure_future(proto.receive())
    await asyncio.sleep(0)
    proto.data_received(frames(1, start=7))
    first.cancel()
    second = asyncio.ensure_future(proto.receive())
    with pytest.raises(asyncio.CancelledError):
        await first
    assert (await asyncio.wait_for(second, 5))["text"] == "7"


async def test_after_our_close_only_a_bounded_amount_is_parsed_looking_for_the_close_reply() -> None:
    proto, transport = await connected(close_after_accept=True)
    assert proto.close_sent
    flood = frames(200_000)  # ~1.7 MB the peer keeps sending instead of answering our close
    for start in range(0, len(flood), 256 * 1024):
        if transport.paused:
            break  # the event loop reads nothing more from a paused socket
        proto.data_received(flood[start : start + 256 * 1024])
    assert transport.paused
    assert proto._parsed_after_close <= AFTER_CLOSE


async def test_a_close_reply_within_the_bound_is_read_and_ends_the_connection() -> None:
    proto, transport = await connected(close_after_accept=True)
    proto.data_received(frames(100) + Frame(Opcode.CLOSE, b"\x0f\xa0").serialize(mask=True))
    assert transport.closing  # the handshake completed: uvicorn closed the transport


async def test_what_was_held_is_dropped_when_the_client_goes() -> None:
    proto, _ = await connected()
    proto.data_received(frames(20_000))
    assert proto.held
    proto.connection_lost(None)
    assert not proto.held
    kinds = []
    while not proto.queue.empty():
        kinds.append(proto.queue.get_nowait()["type"])
    assert kinds[-1] == "websocket.disconnect"


async def test_a_peer_that_never_answers_our_ping_is_closed_with_4408_not_1011() -> None:
    """1011 tells a widget "server error" rather than "you were gone: resume" (outside audit 64, F6)."""
    proto, transport = await connected()
    before = len(transport.written)
    proto.keepalive_timeout()
    sent = bytes(transport.written[before:])  # the close frame, unmasked: 0x88, its length, then the code
    assert sent[0] == 0x88 and int.from_bytes(sent[2:4], "big") == 4408
    assert proto.close_sent and transport.closing


async def test_control_frames_are_parsed_a_slice_per_turn_and_not_while_the_peer_reads_no_pongs() -> None:
    """Pings never reach the application, so its reading cannot pace them: one slice per turn of the
    event loop instead (a read of 40,000 empty pings took 0.4 s in one go), and none while the pongs we
    owe pile up unread (review of audit 64's fix)."""
    proto, transport = await connected()
    pings = b"".join(Frame(Opcode.PING, b"").serialize(mask=True) for _ in range(40_000))
    proto.data_received(pings)
    assert len(pings) - len(proto.held) <= SLICE and transport.paused  # one slice now, the rest later
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert len(pings) - len(proto.held) <= 3 * SLICE  # a slice per turn, the other connections between
    proto.pause_writing()  # the transport's buffer is full: the peer reads none of the pongs
    held = len(proto.held)
    for _ in range(5):
        await asyncio.sleep(0)
    assert len(proto.held) == held
    proto.resume_writing()
    for _ in range(len(pings) // SLICE + 5):
        await asyncio.sleep(0)
    assert not proto.held and not transport.paused


async def test_closing_while_bytes_are_held_still_reads_the_close_reply() -> None:
    """The application stops reading once it closes: what is held is parsed on by the pump (within
    the after-close budget), so the peer's close reply behind it ends the connection at once rather
    than at the close timer (review of audit 64's fix)."""
    proto, transport = await connected()
    backlog = frames(3_000)
    assert SLICE < len(backlog) < AFTER_CLOSE // 2
    proto.data_received(backlog)
    assert proto.held
    await proto.send({"type": "websocket.close", "code": 4429})
    proto.data_received(Frame(Opcode.CLOSE, b"\x0f\xa0").serialize(mask=True))
    for _ in range(AFTER_CLOSE // SLICE + 5):
        await asyncio.sleep(0)
    assert transport.closing and not proto.held


async def test_a_message_in_too_many_pieces_is_refused() -> None:
    """Empty continuation frames never reach the size limit, and uvicorn kept every one in a list."""
    proto, transport = await connected()
    first = Frame(Opcode.TEXT, b"x", fin=False).serialize(mask=True)
    pieces = b"".join(Frame(Opcode.CONT, b"", fin=False).serialize(mask=True) for _ in range(MAX_FRAGMENTS + 5))
    proto.data_received(first + pieces)
    for _ in range(len(pieces) // SLICE + 5):
        await asyncio.sleep(0)
    assert transport.closing and len(proto.frames) <= MAX_FRAGMENTS
    assert b"\x88" in transport.written and (1009).to_bytes(2, "big") in transport.written


async def test_a_text_frame_is_written_as_uvicorns_path_writes_it_and_a_slow_peer_still_waits() -> None:
    """The direct write of a text frame (issue 11) gives the bytes uvicorn's own path gives, for each
    length encoding (7, 16 and 64 bits) and for text that is not ASCII; a peer that does not read (the
    transport paused our writing) takes uvicorn's path, which waits until it reads again."""
    proto, transport = await connected()
    framed: list[bytes] = []  # what went through websockets' framing (uvicorn's path)
    send_text = proto.conn.send_text

    def counted(data: Any, fin: bool = True) -> None:
        framed.append(bytes(data))
        send_text(data, fin)

    proto.conn.send_text = counted  # type: ignore[method-assign]
    for size in (0, 5, 125, 126, 65535, 65536, 70000):
        text = ("æ" + "x" * size)[:size] if size else ""
        transport.written.clear()
        await proto.send({"type": "websocket.send", "text": text})
        direct = bytes(transport.written)
        assert not framed  # written directly
        transport.written.clear()
        await super(PacedWebSocketsProtocol, proto).send({"type": "websocket.send", "text": text})
        assert direct == bytes(transport.written) == Frame(Opcode.TEXT, text.encode()).serialize(mask=False)
        assert framed.pop() == text.encode()
    proto.pause_writing()
    transport.written.clear()
    waiting = asyncio.ensure_future(proto.send({"type": "websocket.send", "text": "after"}))
    await asyncio.sleep(0.01)
    assert not waiting.done() and not transport.written
    proto.resume_writing()
    await asyncio.wait_for(waiting, 5)
    assert bytes(transport.written) == Frame(Opcode.TEXT, b"after").serialize(mask=False)


async def test_after_our_close_a_text_frame_takes_uvicorns_path_which_refuses_it() -> None:
    proto, transport = await connected(close_after_accept=True)
    transport.written.clear()
    with pytest.raises(RuntimeError, match=r"after sending 'websocket\.close'"):
        await proto.send({"type": "websocket.send", "text": "too late"})
    assert b"too late" not in transport.written
