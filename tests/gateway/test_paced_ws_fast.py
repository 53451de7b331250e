"""One whole text frame in a read skips websockets' parser (chat/paced_ws.py, ``_one_text_frame``; issue 11).

The fast path must change nothing a client can see: the same messages in the same order, the same
frames written back, the same closes for bad input. Checked against the parser alone (the fast path
turned off) on streams of every kind of frame cut at arbitrary points.
"""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from websockets.frames import Frame, Opcode
from websockets.speedups import apply_mask

from chat.paced_ws import SLICE, PacedWebSocketsProtocol
from tests.gateway.test_paced_ws import FakeTransport, connected

MAX_SIZE = 1000


async def opened(*, fast: bool = True) -> tuple[PacedWebSocketsProtocol, FakeTransport, list[bytes]]:
    """An accepted connection; the third item lists every read that went to websockets' parser."""
    proto, transport = await connected(ws_max_size=MAX_SIZE)
    parsed: list[bytes] = []
    receive_data = proto.conn.receive_data

    def spy(data: bytes | bytearray) -> None:
        parsed.append(bytes(data))
        receive_data(data)

    proto.conn.receive_data = spy  # type: ignore[method-assign]
    if not fast:
        proto._one_text_frame = lambda data: False  # type: ignore[method-assign]
    transport.written.clear()
    return proto, transport, parsed


def drain(proto: PacedWebSocketsProtocol) -> list[dict[str, Any]]:
    got: list[Any] = []
    while not proto.queue.empty():
        got.append(proto.queue.get_nowait())
    if proto.read_paused and not proto.held:
        proto.read_paused = False
        proto.transport.resume_reading()
    return got


def text_frame(payload: bytes, *, fin: bool = True, mask: bool = True, opcode: Opcode = Opcode.TEXT) -> bytes:
    return Frame(opcode, payload, fin=fin).serialize(mask=mask)


async def test_an_ordinary_message_never_reaches_the_parser_and_arrives_as_sent() -> None:
    proto, transport, parsed = await opened()
    for text in ("hei", "æøå 🙂" * 10, "x" * 125, "y" * 126, "z" * 999):  # 7- and 16-bit lengths
        proto.data_received(text_frame(text.encode()))
        assert drain(proto) == [{"type": "websocket.receive", "text": text}]
    assert parsed == [] and not transport.written and not transport.closing


async def test_bad_frames_get_the_parsers_verdict() -> None:
    cases = {
        # Whole and masked: taken by the fast path, and refused where uvicorn refuses it (the decoding).
        b"\xff\xfe not utf-8": (text_frame(b"\xff\xfe not utf-8"), 1007, False),
        b"unmasked": (text_frame(b"unmasked", mask=False), 1002, True),
        b"too big": (text_frame(b"a" * (MAX_SIZE + 1)), 1009, True),
    }
    for name, (data, code, declined) in cases.items():
        proto, transport, parsed = await opened()
        proto.data_received(data)
        assert bool(parsed) is declined, name
        assert transport.closing or transport.written, name
        sent = bytes(transport.written)
        assert sent[0] == 0x88 and int.from_bytes(sent[2:4], "big") == code, name
        assert [m for m in drain(proto) if m["type"] == "websocket.receive"] == [], name


async def test_a_frame_after_a_partial_one_goes_to_the_parser() -> None:
    """The second half of a frame the parser holds the first half of must not be read as a new frame."""
    proto, _transport, parsed = await opened()
    whole = text_frame(b"first") + text_frame(b"second")
    proto.data_received(whole[:3])  # the parser holds one byte of the first frame's mask
    proto.data_received(whole[3:])
    assert [m["text"] for m in drain(proto)] == ["first", "second"]
    assert len(parsed) == 2
    # Cut exactly after the header: the parser has taken its 2 bytes and waits inside the frame with an
    # empty buffer; the rest (mask and payload) is made to look like a whole frame of its own (0x81,
    # masked, 3 bytes) and must not be read as one.
    mask = b"\x81\x83\x00\x00"
    inner = b"\x81\x85" + mask + apply_mask(b"hello", mask)
    proto.data_received(inner[:2])
    proto.data_received(inner[2:])
    assert [m["text"] for m in drain(proto)] == ["hello"]


_frames = st.one_of(
    st.builds(lambda t: ("text", text_frame(t.encode())), st.text(max_size=300)),
    st.builds(lambda b: ("text", text_frame(b)), st.binary(max_size=40)),  # not always UTF-8
    st.builds(lambda b: ("bytes", text_frame(b, opcode=Opcode.BINARY)), st.binary(max_size=40)),
    st.builds(lambda b: ("ping", text_frame(b, opcode=Opcode.PING)), st.binary(max_size=20)),
    st.builds(
        lambda a, b: ("parts", text_frame(a.encode(), fin=False) + text_frame(b.encode(), opcode=Opcode.CONT)),
        st.text(max_size=30),
        st.text(max_size=30),
    ),
    st.builds(lambda t: ("unmasked", text_frame(t.encode(), mask=False)), st.text(max_size=20)),
)


async def _run(stream: bytes, cuts: list[int], *, fast: bool) -> tuple[list[dict[str, Any]], bytes, bool]:
    proto, transport, _parsed = await opened(fast=fast)
    got: list[dict[str, Any]] = []
    at = 0
    for cut in [*sorted(set(cuts)), len(stream)]:
        if cut <= at:
            continue
        proto.data_received(stream[at:cut])
        at = cut
        got += drain(proto)
        for _ in range(3):
            await asyncio.sleep(0)  # let a held remainder be pumped
        got += drain(proto)
    return got, bytes(transport.written), transport.closing


@settings(max_examples=150, deadline=None)
@given(frames=st.lists(_frames, min_size=1, max_size=12), cuts=st.lists(st.integers(0, 6000), max_size=6))
def test_any_stream_cut_anywhere_reads_the_same_with_and_without_the_fast_path(
    frames: list[tuple[str, bytes]], cuts: list[int]
) -> None:
    stream = b"".join(data for _kind, data in frames)
    cuts = [c for c in cuts if c < len(stream)]
    if any(b - a > SLICE for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), len(stream)], strict=True)):
        cuts = [*cuts, *range(SLICE, len(stream), SLICE)]  # reads no longer than a socket read of a chat
    fast = asyncio.run(_run(stream, cuts, fast=True))
    slow = asyncio.run(_run(stream, cuts, fast=False))
    assert fast == slow
