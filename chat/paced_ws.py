"""uvicorn's websocket protocol, parsing a client's bytes only as fast as the application reads its frames.

Why: uvicorn's ``websockets-sansio`` protocol parses every frame of whatever one read of the socket holds
(up to 256 KiB) in one go, on the event loop. A client that sends megabytes of tiny frames at once had the
loop parse them all, hundreds of thousands, before anyone else was served: one connection, no login,
froze the whole gateway for up to two seconds (outside audit 64, M1), and after we closed it with 4429
uvicorn went on parsing everything it still sent while waiting for its close reply. The promise is that
a hostile peer is its own problem; the parser's time is the one shared thing it could still take.

Here a read is handed to the parser one slice per turn of the event loop, whatever its frames (data,
pings, continuations); once :data:`MAX_QUEUED` frames wait for the application, or the peer does not read
the pongs we owe it, the rest of the read is held and the socket is not read again until the application
has taken them (the flood guard then sees the backlog it acts on, ``chat.gateway.endpoints._flooding``) or
the peer has read. After our close frame, at most :data:`AFTER_CLOSE` more bytes are parsed looking for
the peer's close reply; then the socket is left unread until uvicorn's close timer ends the connection. A
message may come in at most :data:`MAX_FRAGMENTS` pieces. A client that waits for each ack never has a
frame held: its traffic takes the path it always took.

It also writes an ordinary text frame straight to the transport (:meth:`PacedWebSocketsProtocol.write_text`):
every ack goes this way, and uvicorn's path builds a frame object, serializes it and joins a list for
each one (issue 11). (The frame once went to the socket with ``os.write``, which lets the GIL go during
the send; with the server's 0.1 ms switch interval that only handed the loop's GIL to the store's writer
at every ack: uvloop's ``transport.write``, which keeps it, served more, six pairs at N=100: median 9,823
against 9,190 acked msgs/s; three at N=1,000: 10,398 against 9,834.)
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import Any, Final

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.protocol import State
from websockets.speedups import apply_mask
from websockets.streams import StreamReader

#: Bytes handed to the parser at a time (more than one ordinary message, a fraction of one read).
SLICE: Final = 4 * 1024
#: Frames waiting for the application before the rest of a read is held and reading stops.
MAX_QUEUED: Final = 8
#: Bytes parsed after our close frame while waiting for the peer's close reply.
AFTER_CLOSE: Final = 64 * 1024
#: Pieces one message may come in (continuation frames).
MAX_FRAGMENTS: Final = 1024
#: The close code for a peer that did not answer our ping in time (docs/protocol.md: 4408 timeout).
KEEPALIVE_CLOSE: Final = 4408


class PacedWebSocketsProtocol(WebSocketsSansIOProtocol):
    """:class:`WebSocketsSansIOProtocol` with the parsing paced by the application's reading."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue = FrameQueue(self.loop)
        #: Bytes read from the socket and not parsed yet (reading is paused while there are any).
        self.held = bytearray()
        self._parsed_after_close = 0
        self._pump_scheduled = False

    def data_received(self, data: bytes) -> None:
        """An ordinary message takes uvicorn's own path; anything larger, or arriving while bytes are
        held or after our close frame, is held and parsed by :meth:`_pump` as the application reads."""
        if not self.held and not self.close_sent and len(data) <= SLICE:
            if not self._one_text_frame(data):
                super().data_received(data)
            return
        self.held += data
        self._pause()
        self._pump()

    def _one_text_frame(self, data: bytes) -> bool:
        """Take ``data`` as one message without websockets' parser when it is exactly one whole text
        frame, final, masked, unextended, within the size limit, arriving between frames of an open
        connection; False (nothing taken) for anything else, which the parser then reads as it always
        did. It is what nearly every read of a chat client holds, and websockets' generator-based parser
        cost about a tenth of the event loop's time per message (issue 11). The payload is unmasked by
        websockets' own C code and goes on exactly as uvicorn's ``handle_text`` hands it on (its UTF-8
        checked there: invalid text closes with 1007 as before).

        "Between frames": websockets' parser waits at ``StreamReader.at_eof`` with nothing buffered
        only there; when it waits anywhere else (inside a frame, or a websockets version that parses
        differently), this declines."""
        size = len(data)
        if size < 6 or data[0] != 0x81:  # FIN, no RSV bits, opcode text
            return False
        length = data[1] ^ 0x80  # the mask bit must be set: a client's frames are masked
        if length < 126:
            start = 6
        elif length == 126 and size >= 8:
            length = int.from_bytes(data[2:4], "big")
            start = 8
        else:
            return False  # unmasked, or a 64-bit length: far beyond what one read of a chat holds
        conn = self.conn
        waiting: Any = conn.parser  # the server's parser, in websockets' frame parser, in the reader
        while (inner := waiting.gi_yieldfrom) is not None:
            waiting = inner
        if (
            start + length != size
            or conn.state is not State.OPEN
            or conn.current_size is not None
            or conn.extensions
            or conn.debug
            or conn.parser_exc is not None
            or conn.events
            or conn.reader.buffer
            or getattr(waiting, "gi_code", None) is not _BETWEEN_FRAMES
            or (conn.max_message_size is not None and length > conn.max_message_size)
            or (conn.max_fragment_size is not None and length > conn.max_fragment_size)
        ):
            return False
        self.curr_msg_data_type = "text"
        self.frames = [apply_mask(data[start:], data[start - 4 : start])]
        self.send_receive_event_to_app()
        return True

    def _pump(self) -> None:
        """Parse one slice of the held bytes, unless :data:`MAX_QUEUED` frames wait for the application
        (its next ``receive`` goes on) or the peer does not read what we send it (pongs would pile up;
        ``resume_writing`` goes on); what is left goes on in the next turn of the event loop, after the
        other connections had theirs, whatever the frames are (a read of 40,000 empty pings took 0.4 s
        to parse in one go)."""
        if not self.held or self.transport.is_closing():
            self._resume_if_drained()
            return
        if self.close_sent:
            room = AFTER_CLOSE - self._parsed_after_close
            if room <= 0:  # no close reply within what we allowed: the close timer ends it
                self.held = bytearray()
                return
            size = min(SLICE, room, len(self.held))
            self._parsed_after_close += size
        elif self.queue.qsize() >= MAX_QUEUED or not self.writable.is_set():
            return
        else:
            size = SLICE
        piece = bytes(self.held[:size])
        del self.held[:size]
        super().data_received(piece)
        if not self.held:
            self._resume_if_drained()
        elif not self._pump_scheduled:
            self._pump_scheduled = True
            self.loop.call_soon(self._pump_later)

    def _pump_later(self) -> None:
        self._pump_scheduled = False
        self._pump()

    def _pause(self) -> None:
        if not self.read_paused:
            self.read_paused = True
            self.transport.pause_reading()

    def _resume_if_drained(self) -> None:
        if self.read_paused and not self.held and self.queue.empty() and not self.transport.is_closing():
            self.read_paused = False
            self.transport.resume_reading()

    def send_receive_event_to_app(self) -> None:
        """uvicorn's, except that reading pauses only once :data:`MAX_QUEUED` frames wait. uvicorn pauses
        the socket after every message and resumes it at the application's next ``receive``: two calls
        into uvloop for each message of a client that waits for its acks, which never has a second one
        queued (issue 11). The bound on what waits is the one :meth:`_pump` keeps. uvicorn's method pauses
        unless ``read_paused`` is set, so it is set around the call."""
        paused = self.read_paused
        self.read_paused = True
        try:
            super().send_receive_event_to_app()
        finally:
            self.read_paused = paused
        if self.queue.qsize() >= MAX_QUEUED:
            self._pause()

    async def receive(self) -> Any:
        message = await self.queue.get()
        if self.held:
            self._pump()
        else:
            self._resume_if_drained()
        return message

    async def send(self, message: Any) -> None:
        """A text message goes through :meth:`write_text` when it can; anything else takes uvicorn's path."""
        text = message.get("text") if message.get("type") == "websocket.send" else None
        if text is None or message.get("bytes") is not None or not self.write_text(text):
            await super().send(message)

    def write_text(self, text: str) -> bool:
        """Write a text frame now if the connection is open and the peer reads; False (nothing written)
        when uvicorn's path must take it (a peer that does not read: that path waits for ``writable``).

        The frame (FIN, opcode text, the length, unmasked as a server's frames are) is exactly the bytes
        uvicorn's path writes (``websockets``' ``Frame.serialize`` without extensions: none are
        negotiated here, the server is started with ``ws_per_message_deflate=False``). Not a coroutine:
        an ack is written by a plain call from the session's own task (issue 11)."""
        conn = self.conn
        if (
            not self.writable.is_set()
            or self.disconnected
            or not self.handshake_complete
            or self.close_sent
            or self.initial_response is not None
            or conn.state is not State.OPEN
            or conn.extensions
            or conn.expect_continuation_frame
            or conn.debug  # websockets logs each frame it sends at debug level: let it
        ):
            return False
        data = text.encode()
        self.transport.write(_text_header(len(data)) + data)
        return True

    def resume_writing(self) -> None:
        super().resume_writing()
        if self.held:
            self._pump()

    def handle_cont(self, event: Any) -> None:
        """A message in more than :data:`MAX_FRAGMENTS` pieces is refused (1009): empty continuation
        frames never reach the size limit, and uvicorn kept every one of them in a list."""
        if len(self.frames) >= MAX_FRAGMENTS:
            self.conn.fail(1009, "too many fragments")
            self.handle_parser_exception()
            return
        super().handle_cont(event)

    def keepalive_timeout(self) -> None:
        """No pong within the timeout: closed with 4408 (our "timeout"), where uvicorn sends 1011, which
        tells a widget "server error" rather than "resume" (outside audit 64, F6)."""
        self.pong_timer = None
        self.pending_ping_payload = None
        if self.close_sent or self.transport.is_closing():
            return
        self.conn.fail(KEEPALIVE_CLOSE, "keepalive ping timeout")
        self.transport.write(b"".join(self.conn.data_to_send()))
        self.close_sent = True
        self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        # What the client sent and we never parsed is dropped with it: nothing of it was acked, so a
        # reconnecting client sends it again (only a client far ahead of its acks has anything held).
        self.held = bytearray()
        super().connection_lost(exc)


class FrameQueue(asyncio.Queue[Any]):
    """The queue between the parser and the application, as uvicorn uses it (``put_nowait``, ``get``,
    ``qsize``, ``empty``) and nothing more: no task accounting (``join``), no size limit (the protocol
    keeps its own), the loop given once. ``asyncio.Queue`` made each message go through a dozen calls of
    bookkeeping, one of which looked the running loop up again (issue 11)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._frames_loop = loop
        self._items: deque[Any] = deque()
        self._readers: deque[asyncio.Future[None]] = deque()

    def qsize(self) -> int:
        return len(self._items)

    def empty(self) -> bool:
        return not self._items

    def put_nowait(self, item: Any) -> None:
        self._items.append(item)
        self._wake_next()

    def get_nowait(self) -> Any:
        if not self._items:
            raise asyncio.QueueEmpty
        return self._items.popleft()

    async def get(self) -> Any:
        items = self._items
        while not items:
            reader = self._frames_loop.create_future()
            self._readers.append(reader)
            try:
                await reader
            except BaseException:
                # Cancelled: whatever woke this reader goes to the next one (asyncio.Queue does the same).
                reader.cancel()
                with contextlib.suppress(ValueError):
                    self._readers.remove(reader)
                if items and not reader.cancelled():
                    self._wake_next()
                raise
        return items.popleft()

    def _wake_next(self) -> None:
        readers = self._readers
        while readers:
            reader = readers.popleft()
            if not reader.done():
                reader.set_result(None)
                return


#: Where websockets' parser waits between two frames (see :meth:`PacedWebSocketsProtocol._one_text_frame`).
_BETWEEN_FRAMES: Final = StreamReader.at_eof.__code__


def _text_header(size: int) -> bytes:
    """RFC 6455 5.2: FIN and opcode 1, then the payload length in 7, 7+16 or 7+64 bits (no mask)."""
    if size < 126:
        return bytes((0x81, size))
    if size < 1 << 16:
        return b"\x81\x7e" + size.to_bytes(2, "big")
    return b"\x81\x7f" + size.to_bytes(8, "big")
