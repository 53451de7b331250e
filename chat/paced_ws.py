"""uvicorn's websocket protocol, parsing a client's bytes only as fast as the application reads its frames.

Why: uvicorn's ``websockets-sansio`` protocol parses every frame of whatever one read of the socket holds
(up to 256 KiB) in one go, on the event loop. A client that sends megabytes of tiny frames at once had the
loop parse them all, hundreds of thousands, before anyone else was served: one connection, no login,
froze the whole gateway for up to two seconds (outside audit 64, M1), and after we closed it with 4429
uvicorn went on parsing everything it still sent while waiting for its close reply. The promise is that
a hostile peer is its own problem; the parser's time is the one shared thing it could still take.

Here a read is handed to the parser a slice at a time; once :data:`MAX_QUEUED` frames wait for the
application, the rest of the read is held and the socket is not read again until the application has
taken them (the flood guard then sees the backlog it acts on, ``chat.gateway.endpoints._flooding``). After
our close frame, at most :data:`AFTER_CLOSE` more bytes are parsed looking for the peer's close reply;
then the socket is left unread until uvicorn's close timer ends the connection. A client that waits for
each ack never has a frame held: its traffic takes the path it always took.
"""

from __future__ import annotations

from typing import Any, Final

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

#: Bytes handed to the parser at a time (more than one ordinary message, a fraction of one read).
SLICE: Final = 16 * 1024
#: Frames waiting for the application before the rest of a read is held and reading stops.
MAX_QUEUED: Final = 8
#: Bytes parsed after our close frame while waiting for the peer's close reply.
AFTER_CLOSE: Final = 64 * 1024
#: The close code for a peer that did not answer our ping in time (docs/protocol.md: 4408 timeout).
KEEPALIVE_CLOSE: Final = 4408


class PacedWebSocketsProtocol(WebSocketsSansIOProtocol):
    """:class:`WebSocketsSansIOProtocol` with the parsing paced by the application's reading."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Bytes read from the socket and not parsed yet (reading is paused while there are any).
        self.held = bytearray()
        self._parsed_after_close = 0

    def data_received(self, data: bytes) -> None:
        if not self.held and not self.close_sent and len(data) <= SLICE:
            super().data_received(data)  # an ordinary message: exactly uvicorn's path
            return
        if self.held:  # reading was resumed by someone else meanwhile: keep the order, stop again
            self.held += data
            self._pause()
            return
        self._parse(data)

    def _parse(self, data: bytes | bytearray) -> None:
        view = memoryview(data)
        pos = 0
        while pos < len(view):
            if self.close_sent:
                room = AFTER_CLOSE - self._parsed_after_close
                if room <= 0:  # no close reply in what we allowed: the close timer ends it
                    self._pause()
                    return
                piece = view[pos : pos + min(SLICE, room)]
                self._parsed_after_close += len(piece)
            else:
                piece = view[pos : pos + SLICE]
            pos += len(piece)
            super().data_received(bytes(piece))
            if self.transport.is_closing():
                return
            if pos < len(view) and not self.close_sent and self.queue.qsize() >= MAX_QUEUED:
                self.held = bytearray(view[pos:])
                self._pause()
                return

    def _pause(self) -> None:
        if not self.read_paused:
            self.read_paused = True
            self.transport.pause_reading()

    async def receive(self) -> Any:
        message = await self.queue.get()
        if self.held and self.queue.qsize() < MAX_QUEUED:
            held, self.held = self.held, bytearray()
            self._parse(held)
        if self.read_paused and not self.held and self.queue.empty():
            self.read_paused = False
            self.transport.resume_reading()
        return message

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
