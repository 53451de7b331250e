"""The load generator's lean websocket client (bench/wsclient.py): its frames checked against the
``websockets`` library's own codec, and the client driven against real servers (chatlog, and a
``websockets`` server that pings and closes)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from websockets.asyncio.server import ServerConnection, serve
from websockets.frames import Frame, Opcode
from websockets.streams import StreamReader

from bench.wsclient import (
    GUID,
    Closed,
    FrameReader,
    LeanClient,
    ProtocolViolation,
    check_handshake_response,
    client_frame,
)
from tests.servers import Running

SIZES = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000]


def parse_as_server(data: bytes) -> Frame:
    """What a websockets server reads from ``data`` (client frames must be masked)."""
    reader = StreamReader()
    reader.feed_data(data)
    parser = Frame.parse(reader.read_exact, mask=True)
    with pytest.raises(StopIteration) as done:
        next(parser)
    frame = done.value.value
    assert isinstance(frame, Frame)
    assert not reader.buffer, "the frame ends where the bytes end"
    return frame


@pytest.mark.parametrize("size", SIZES)
def test_client_frames_are_what_websockets_reads(size: int) -> None:
    payload = bytes(range(256)) * (size // 256) + bytes(range(size % 256))
    frame = parse_as_server(client_frame(Opcode.TEXT.value, payload))
    assert (frame.opcode, frame.fin, frame.data) == (Opcode.TEXT, True, payload)


def test_every_frame_has_its_own_mask_key() -> None:
    assert client_frame(Opcode.TEXT.value, b"hei")[2:6] != client_frame(Opcode.TEXT.value, b"hei")[2:6]


@given(
    payloads=st.lists(st.binary(max_size=300), min_size=1, max_size=6),
    cuts=st.lists(st.integers(min_value=0, max_value=2_000), max_size=8),
)
def test_reader_returns_each_server_message_however_the_bytes_are_cut(payloads: list[bytes], cuts: list[int]) -> None:
    data = b"".join(Frame(Opcode.TEXT, p).serialize(mask=False) for p in payloads)
    reader = FrameReader()
    got: list[tuple[int, bytes]] = []
    start = 0
    for cut in sorted({c for c in cuts if c < len(data)}):
        got += reader.feed(data[start:cut])
        start = cut
    got += reader.feed(data[start:])
    assert got == [(Opcode.TEXT.value, p) for p in payloads]


@pytest.mark.parametrize("size", SIZES)
def test_reader_reads_every_length_encoding(size: int) -> None:
    payload = b"x" * size
    assert FrameReader().feed(Frame(Opcode.TEXT, payload).serialize(mask=False)) == [(Opcode.TEXT.value, payload)]


def test_reader_joins_fragments_around_a_control_frame() -> None:
    data = (
        Frame(Opcode.TEXT, b"hei ", fin=False).serialize(mask=False)
        + Frame(Opcode.PING, b"p").serialize(mask=False)
        + Frame(Opcode.CONT, b"og ", fin=False).serialize(mask=False)
        + Frame(Opcode.CONT, b"hallo").serialize(mask=False)
    )
    assert FrameReader().feed(data) == [(Opcode.PING.value, b"p"), (Opcode.TEXT.value, b"hei og hallo")]


def test_reader_refuses_a_masked_server_frame() -> None:
    with pytest.raises(ProtocolViolation):
        FrameReader().feed(Frame(Opcode.TEXT, b"hei").serialize(mask=True))


def accept_for(key: str) -> str:
    return base64.b64encode(hashlib.sha1(key.encode() + GUID).digest()).decode()


def test_handshake_check() -> None:
    key = base64.b64encode(b"0123456789abcdef").decode()
    check_handshake_response(
        f"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Accept: {accept_for(key)}".encode(),
        key,
    )
    with pytest.raises(ProtocolViolation, match="refused"):
        check_handshake_response(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0", key)
    with pytest.raises(ProtocolViolation, match="Accept"):
        check_handshake_response(
            f"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept_for('other')}".encode(),
            key,
        )
    with pytest.raises(ProtocolViolation, match="Upgrade"):  # RFC 6455 4.1: both headers, checked
        check_handshake_response(
            f"HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: {accept_for(key)}".encode(), key
        )


async def test_against_the_real_gateway(server: Running) -> None:
    """The closed loop the generator runs: hello, then a message and its ack, for both kinds of session."""
    client = await LeanClient.connect(server.ws + "/ws/chat")
    await client.send(json.dumps({"type": "hello", "token": server.customer_token("c-lean")}))
    welcome = json.loads(await client.recv())
    assert (welcome["type"], welcome["kind"]) == ("welcome", "authenticated")
    for n in (1, 2):
        text = "Hei, hvordan endrer jeg kortgrensen? " + "ø" * 200 * n  # over 126 bytes: the 16-bit length
        await client.send(json.dumps({"type": "message", "client_msg_id": f"m{n}", "text": text}))
        ack = json.loads(await client.recv())
        assert (ack["type"], ack["client_msg_id"], ack["seq"]) == ("ack", f"m{n}", n)
    await client.close()
    with pytest.raises(Closed):
        await client.recv()


async def test_a_bad_frame_gets_the_gateways_error_frame(server: Running) -> None:
    client = await LeanClient.connect(server.ws + "/ws/chat")
    await client.send("not json")
    reply = json.loads(await client.recv())
    assert reply["type"] == "error"
    await client.close()


async def test_pings_are_answered_and_a_server_close_ends_recv() -> None:
    """A server that pings every 50 ms and drops a peer that does not answer within 50 ms keeps this
    client; a close from the server ends ``recv`` with :class:`Closed` and is answered."""
    closed_with: list[int | None] = []

    async def handler(ws: ServerConnection) -> None:
        async for message in ws:
            if message == "bye":
                await ws.close(1000)
                closed_with.append(ws.close_code)
                return
            await ws.send(message)

    async with serve(handler, "127.0.0.1", 0, ping_interval=0.05, ping_timeout=0.05) as srv:
        port = srv.sockets[0].getsockname()[1]
        client = await LeanClient.connect(f"ws://127.0.0.1:{port}/")
        await asyncio.sleep(0.4)  # eight pings: one left unanswered would have closed the connection
        await client.send("hei")
        assert await client.recv() == b"hei"
        await client.send("bye")
        with pytest.raises(Closed, match="1000"):
            await client.recv()
        with pytest.raises(Closed):
            await client.send("more")
    assert closed_with == [1000]  # the server's closing handshake completed: the client answered it


async def test_a_refused_handshake_fails_connect(server: Running) -> None:
    with pytest.raises((ProtocolViolation, Closed)):
        await LeanClient.connect(server.ws + "/no/such/socket")
