"""uvicorn's h11 protocol with the two bounds a public port needs on a request: the size of its head and
the time the whole request, head and body, may take to arrive.

h11 bounds only the part of a head still incomplete after a read, so a head sent in one write passed
up to ~128 KiB where 64 KiB was documented; and uvicorn times out a connection only between requests
(keep-alive), so a connection that never sent a complete head (idle, or trickling a byte every few
seconds) held its file descriptor for ever: enough of them took an instance off the air (outside audit,
M4 and L2). Both are answered the way a browser or curl understands (431, 408) and closed.

Closed *lingering*, as nginx does: the answer goes out, the write side is shut (FIN), and what the client
is still sending is read and dropped for a moment before the socket is closed. Closing at once, with
the rest of an oversized head unread, makes the kernel answer with a reset, and a client still sending
saw "connection reset" instead of the 431 (a flaky test caught it).

A request framed two ways, with both ``Content-Length`` and ``Transfer-Encoding``, is refused with 400
and the connection closed (RFC 9112 §6.1). h11 read such a body chunked, answered, and kept the
connection, so bytes after the chunked body were served as the next request: a proxy in front that
frames by ``Content-Length`` would have passed them on as part of the first (request smuggling; outside
audit 62, F12). Every 400 for a malformed request (this one, two ``Content-Length`` headers, a bad
``Transfer-Encoding``) now closes lingering too, instead of uvicorn's close at once.

A response sent before the request's body was read (the API's 413 and 415 refuse a body unread) ends
the connection, since the rest of the body would be read as the next request: uvicorn closed it at once,
and a client still writing a 1 MB body (urllib, curl without ``Expect``) got a reset instead of the 413
(outside audit 64, F9). That close lingers too (:class:`_LingerOnClose`).
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_HEAD_END = b"\r\n\r\n"
#: How long, and how much, a refused client's remaining bytes are read and dropped before the close.
LINGER_S = 2.0
LINGER_BYTES = 16 << 20


def _refusal(status: bytes) -> bytes:
    return b"HTTP/1.1 " + status + b"\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


class _OneFraming(h11.Connection):
    """h11's server side, refusing a request whose body is framed both by ``Content-Length`` and by
    ``Transfer-Encoding`` (h11 follows the latter and ignores the former, as RFC 7230 allowed)."""

    def next_event(self) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
        event = super().next_event()
        if isinstance(event, h11.Request):
            names = {name for name, _ in event.headers}  # h11 gives them lower-cased
            if b"content-length" in names and b"transfer-encoding" in names:
                # uvicorn answers this with its 400 (GuardedH11.send_400_response closes lingering).
                raise h11.RemoteProtocolError("both Content-Length and Transfer-Encoding", error_status_hint=400)
        return event


class _LingerOnClose:
    """The transport as one request's response cycle sees it: a close after the whole response, with
    the request's body still arriving, lingers (the protocol's ``linger``) instead of resetting."""

    __slots__ = ("_cycle", "_protocol", "_transport")

    def __init__(self, transport: asyncio.Transport, cycle: Any, protocol: Any) -> None:
        self._transport, self._cycle, self._protocol = transport, cycle, protocol

    def close(self) -> None:
        # Only for the request being answered: a finished request's late close (a background task that
        # failed) closes at once, whatever the next request on the connection is doing.
        cycle = self._cycle
        if cycle is self._protocol.cycle and cycle.response_complete and cycle.conn.their_state is h11.SEND_BODY:
            self._protocol.linger()
        else:
            self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def guarded_h11(*, max_head_bytes: int, head_timeout_s: float) -> type[H11Protocol]:
    """An :class:`H11Protocol` that refuses a head over ``max_head_bytes`` (431) and closes a
    connection whose request (head and body) is not complete ``head_timeout_s`` after it opened or
    after its last response (408)."""

    class GuardedH11(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None
        _head_bytes = 0
        #: Bytes still dropped after a refusal (``None``: not refused).
        _lingering: int | None = None

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.conn = _OneFraming(h11.SERVER, self.config.h11_max_incomplete_event_size or max_head_bytes)

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if self._lingering is None:
                self._arm()

        def handle_events(self) -> None:
            super().handle_events()
            cycle = self.cycle
            if cycle is not None and not isinstance(cycle.transport, _LingerOnClose):
                # duck-typed: every attribute but close() is the transport's own
                cycle.transport = cast(asyncio.Transport, _LingerOnClose(cycle.transport, cycle, self))

        def data_received(self, data: bytes) -> None:
            if self._lingering is not None:
                self._lingering -= len(data)
                if self._lingering < 0:
                    self.transport.close()
                return
            if self._waiting_for_head():
                end = data.find(_HEAD_END)
                size = self._head_bytes + (len(data) if end < 0 else end + len(_HEAD_END))
                if size > max_head_bytes:
                    self._refuse(b"431 Request Header Fields Too Large")
                    return
                self._head_bytes = 0 if end >= 0 else size
            super().data_received(data)

        def _waiting_for_head(self) -> bool:
            return self.conn.their_state is h11.IDLE and self.transport.get_protocol() is self

        def _arm(self) -> None:
            self._disarm()
            self._head_bytes = 0
            self._head_timer = self.loop.call_later(head_timeout_s, self._head_timed_out)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_timed_out(self) -> None:
            """The deadline is for the whole request: a head still incomplete, or a body still arriving
            (a client that sent a head and then one byte, or one every few seconds, held its descriptor
            for ever: outside audit 64, F2). The application reading that body is told the client left."""
            self._head_timer = None
            if self.transport.is_closing() or self.transport.get_protocol() is not self:
                return
            if self._waiting_for_head():
                self._refuse(b"408 Request Timeout")
            elif self.conn.their_state is h11.SEND_BODY:
                cycle = self.cycle
                started = cycle is not None and cycle.response_started
                if cycle is not None:
                    cycle.disconnected = True  # its receive() now answers http.disconnect
                    cycle.waiting_for_100_continue = False  # no "100 Continue" after our 408
                    cycle.message_event.set()
                if started:
                    self.transport.close()
                else:
                    self._refuse(b"408 Request Timeout")

        def eof_received(self) -> None:
            if self._lingering is not None:
                self.transport.close()  # the client is done sending: nothing left to linger for
                return
            super().eof_received()

        def send_400_response(self, msg: str) -> None:
            """A request h11 refused (malformed, or framed twice: :class:`_OneFraming`): 400, closed
            lingering like our own refusals, rather than uvicorn's close at once."""
            self._refuse(b"400 Bad Request")

        def _refuse(self, status: bytes) -> None:
            self._disarm()
            if self.transport.is_closing() or self._lingering is not None:
                return
            self.transport.write(_refusal(status))
            self.linger()

        def linger(self) -> None:
            """Shut the write side and drop what still arrives, for :data:`LINGER_S` or
            :data:`LINGER_BYTES`, then close."""
            self._disarm()
            if self.transport.is_closing() or self._lingering is not None:
                return
            if not self.transport.can_write_eof():
                self.transport.close()
                return
            self.transport.write_eof()
            self._lingering = LINGER_BYTES
            self.loop.call_later(LINGER_S, self.transport.close)

    return GuardedH11
