"""A lean websocket client for the load generator (RFC 6455, text frames only), for bench/loadgen.py.

Why: the servers under test share this machine's two cores with the load generator. Driven through the
``websockets`` library, the generator spent about 100 µs of CPU per message (two processes at 20 % of
a core each at 4,000 msgs/s; 40 % each against the echo): CPU taken from the server under test, and
more from a server with two busy threads (the event loop and the SQLite writer) than from the
single-threaded echo. This client does only what a closed-loop chat client needs: the opening
handshake (checked), masked text frames out, text frames in, a pong for every ping, a close answered.
The frame codec is sans-I/O (:func:`client_frame`, :class:`FrameReader`, tested against ``websockets``'
own ``Frame``); :class:`LeanClient` is the thin asyncio protocol around it.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import contextlib
import hashlib
import os
import struct
from typing import Final, cast
from urllib.parse import urlsplit

try:
    from websockets.speedups import apply_mask
except ImportError:  # pragma: no cover - the C extension ships with every wheel we install
    from websockets.utils import apply_mask

GUID: Final = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


class Closed(Exception):
    """The connection is closed (by the server, or by the transport)."""


class ProtocolViolation(Closed):
    """The server sent something RFC 6455 forbids it to send (a masked frame, a bad handshake)."""


def client_frame(opcode: int, payload: bytes, mask_key: bytes | None = None) -> bytes:
    """One final frame from client to server: masked (RFC 6455 5.3), with a fresh random key."""
    key = os.urandom(4) if mask_key is None else mask_key
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, size)
    return header + key + apply_mask(payload, key)


class FrameReader:
    """Sans-I/O: bytes from the server in, whole messages out as ``(opcode, payload)``.

    Fragmented messages are joined (control frames may come between fragments, as the RFC allows)."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._fragments: list[bytes] = []
        self._fragment_opcode = 0

    def feed(self, data: bytes) -> list[tuple[int, bytes]]:
        self._buffer += data
        out: list[tuple[int, bytes]] = []
        buf = self._buffer
        pos = 0
        while len(buf) - pos >= 2:
            first, second = buf[pos], buf[pos + 1]
            if second & 0x80:
                raise ProtocolViolation("a server must not mask its frames")
            size, head = second & 0x7F, 2
            if size == 126:
                if len(buf) - pos < 4:
                    break
                size, head = struct.unpack_from("!H", buf, pos + 2)[0], 4
            elif size == 127:
                if len(buf) - pos < 10:
                    break
                size, head = struct.unpack_from("!Q", buf, pos + 2)[0], 10
            if len(buf) - pos < head + size:
                break
            payload = bytes(buf[pos + head : pos + head + size])
            pos += head + size
            opcode, fin = first & 0x0F, bool(first & 0x80)
            if opcode >= OP_CLOSE:  # control frames are never fragmented
                out.append((opcode, payload))
            elif opcode == OP_CONT:
                self._fragments.append(payload)
                if fin:
                    out.append((self._fragment_opcode, b"".join(self._fragments)))
                    self._fragments = []
            elif fin:
                out.append((opcode, payload))
            else:
                self._fragment_opcode, self._fragments = opcode, [payload]
        del buf[:pos]
        return out


def handshake_request(host: str, port: int, path: str, key: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode("ascii")


def check_handshake_response(head: bytes, key: str) -> None:
    """Raise :class:`ProtocolViolation` unless ``head`` switches protocols with the right accept value."""
    lines = head.decode("latin-1").split("\r\n")
    if not lines[0].startswith("HTTP/1.1 101"):
        raise ProtocolViolation(f"handshake refused: {lines[0]!r}")
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    if headers.get("upgrade", "").lower() != "websocket" or "upgrade" not in headers.get("connection", "").lower():
        raise ProtocolViolation("handshake answered without Upgrade: websocket and Connection: Upgrade")
    expected = base64.b64encode(hashlib.sha1(key.encode("ascii") + GUID).digest()).decode("ascii")
    if headers.get("sec-websocket-accept") != expected:
        raise ProtocolViolation("handshake answered with a wrong Sec-WebSocket-Accept")


class LeanClient(asyncio.Protocol):
    """One client connection: ``await LeanClient.connect(url)``, then ``send``, ``await recv()``, ``close``."""

    def __init__(self, key: str) -> None:
        self._key = key
        self._head = bytearray()
        self._opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._reader = FrameReader()
        self._messages: collections.deque[bytes] = collections.deque()
        self._waiter: asyncio.Future[None] | None = None
        self._closed: Exception | None = None
        self._close_sent = False
        self.transport: asyncio.Transport | None = None

    @classmethod
    async def connect(cls, url: str, open_timeout_s: float = 120.0) -> LeanClient:
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        loop = asyncio.get_running_loop()
        _, client = await loop.create_connection(lambda: cls(key), host, port)
        assert client.transport is not None
        client.transport.write(handshake_request(host, port, path, key))
        try:
            async with asyncio.timeout(open_timeout_s):
                await client._opened
        except BaseException:
            client.transport.close()
            raise
        return client

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports do not subclass asyncio's

    def data_received(self, data: bytes) -> None:
        if not self._opened.done():
            self._head += data
            end = self._head.find(b"\r\n\r\n")
            if end < 0:
                return
            try:
                check_handshake_response(bytes(self._head[:end]), self._key)
            except ProtocolViolation as exc:
                self._opened.set_exception(exc)
                self._fail(exc)
                return
            self._opened.set_result(None)
            data = bytes(self._head[end + 4 :])
            self._head.clear()
            if not data:
                return
        try:
            frames = self._reader.feed(data)
        except ProtocolViolation as exc:
            self._fail(exc)
            return
        for opcode, payload in frames:
            if opcode in (OP_TEXT, OP_BINARY):
                self._messages.append(payload)
            elif opcode == OP_PING:
                self._write(client_frame(OP_PONG, payload))
            elif opcode == OP_CLOSE:
                if not self._close_sent:  # answer the server's close; ours, if sent, was the answer
                    self._write(client_frame(OP_CLOSE, payload[:2]))
                self._fail(Closed(f"closed by the server ({int.from_bytes(payload[:2], 'big') if payload else 1005})"))
        if self._messages:
            self._wake()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self._opened.done():
            self._opened.set_exception(Closed("connection lost during the handshake"))
        self._fail(Closed("connection lost"))

    # the client's API

    async def send(self, text: str | bytes) -> None:
        """Write one text message (at once, or buffered by the transport); a coroutine, as in
        ``websockets``, so that the generator's loops drive either client."""
        if self._closed is not None:
            raise self._closed
        self._write(client_frame(OP_TEXT, text.encode() if isinstance(text, str) else text))

    async def recv(self) -> bytes:
        """The next text message's payload; :class:`Closed` once none can come."""
        while not self._messages:
            if self._closed is not None:
                raise self._closed
            self._waiter = asyncio.get_running_loop().create_future()
            await self._waiter
        return self._messages.popleft()

    async def close(self, timeout_s: float = 2.0) -> None:
        """The closing handshake: a close frame, then the server's (or ``timeout_s``), then the socket."""
        if self._closed is not None or self.transport is None:
            return
        self._write(client_frame(OP_CLOSE, struct.pack("!H", 1000)))
        self._close_sent = True
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout_s):
                while self._closed is None:  # the server's close frame, or the connection gone
                    self._waiter = asyncio.get_running_loop().create_future()
                    await self._waiter
        self._fail(Closed("closed by the client"))

    def _write(self, frame: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(frame)

    def _fail(self, exc: Exception) -> None:
        if self._closed is None:
            self._closed = exc
        if self.transport is not None:
            self.transport.close()
        self._wake()

    def _wake(self) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
