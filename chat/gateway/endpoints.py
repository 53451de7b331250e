"""The two websocket endpoints: ``/ws/chat`` (the widget) and ``/ws/agent`` (bots and advisers).

Each is a thin loop: check the Origin, accept, wait (briefly) for the ``hello`` frame, authenticate,
then turn frames into hub calls and hub errors into error frames. Rules that decide anything live in
:mod:`chat.session` and :mod:`chat.gateway.hub`; framing in :mod:`chat.protocol`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Final
from urllib.parse import urlsplit

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from chat import protocol as p
from chat.errors import AtCapacity, AuthError, ChatlogError, ProtocolError, RateLimited
from chat.gateway.live import Agent, LiveSession, message_frame
from chat.gateway.outbox import Outbox, is_message_frame
from chat.notice import privacy_notice
from chat.ratelimit import TokenBucket
from chat.services import Services

log = logging.getLogger("chat.gateway")

_DEV_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


class Connection:
    """A websocket as the hub sees it: frames go through its :class:`Outbox` (never waiting on the
    socket), plus what the watchdog and the flood guard need."""

    __slots__ = (
        "bucket", "expires_at", "last_seen", "outbox", "receive", "refused", "replayed_to", "send_raw", "writer", "ws"
    )

    def __init__(self, ws: WebSocket, bucket: TokenBucket, services: Services) -> None:
        self.ws = ws
        # The server's own ASGI callables when we can reach them (uvicorn): a message then skips
        # starlette's WebSocket state checks and the exception middleware's send wrapper, about a
        # tenth of the event loop's time per message (issue 11). Any other server: starlette's.
        proto = _server_protocol(ws)
        raw_receive = getattr(proto, "receive", None)
        raw_send = getattr(proto, "send", None)
        write_text = getattr(proto, "write_text", None)
        self.receive: Callable[[], Awaitable[Any]] = raw_receive if callable(raw_receive) else ws.receive
        self.send_raw: Callable[[Any], Awaitable[None]] | None = raw_send if callable(raw_send) else None
        if isinstance(getattr(proto, "close_timeout", None), float):
            # uvicorn's websockets-sansio waits a fixed 10 s for the peer's answer to our close frame;
            # the documented limit is ours (outside audit, L3).
            setattr(proto, "close_timeout", services.settings.peer_close_timeout_s)  # noqa: B010 - typed object
        self.bucket = bucket
        self.last_seen = time.monotonic()
        #: When the token of this connection's hello stops being valid (epoch seconds; None: no token).
        self.expires_at: float | None = None
        self.refused = 0
        #: The last seq a resume's replay sent (0 before any).
        self.replayed_to = 0
        settings = services.settings
        self.outbox = Outbox(
            self._write,
            self._close,
            self._abort,
            max_frames=settings.peer_queue_frames,
            max_bytes=settings.peer_queue_bytes,
            close_timeout_s=settings.peer_close_timeout_s,
            on_drop=services.metrics.slow_peers_dropped.inc,
            write_at_once=write_text if callable(write_text) else None,
        )
        self.writer = asyncio.create_task(self.outbox.run(), name="ws-writer")

    def send(self, frame: str) -> bool:
        return self.outbox.put(frame)

    async def send_paced(self, frame: str) -> bool:
        return await self.outbox.put_paced(frame)

    def close(self, code: int, reason: str = "") -> None:
        self.outbox.close(code, reason)

    async def wait_closed(self, within_s: float) -> bool:
        return await self.outbox.wait_closed(within_s)

    async def finish(self, code: int, reason: str, within_s: float) -> None:
        """End of the endpoint: close (after what is queued), wait for the writer, then stop it."""
        self.outbox.close(code, reason)
        if not await self.outbox.wait_closed(within_s):
            self._abort()
            self.writer.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.writer

    async def _write(self, frame: str) -> None:
        if self.send_raw is not None:
            await self.send_raw({"type": "websocket.send", "text": frame})
        else:
            await self.ws.send_text(frame)

    async def _close(self, code: int, reason: str) -> None:
        if self.ws.application_state == WebSocketState.CONNECTED:
            await self.ws.close(code, reason)

    def _abort(self) -> None:
        """Drop the TCP connection of a peer that does not read (uvicorn's transport, if we can reach it)."""
        transport = getattr(_server_protocol(self.ws), "transport", None)
        if transport is not None:
            transport.abort()


class Watchdog:
    """Closes connections that stayed silent past the idle timeout (one task for all connections,
    instead of a timer per frame on the hot path), and counts the open ones against the cap.

    It also closes a connection whose token expired (4401 ``expired_token``), within one tick of the
    moment the token itself would be refused: a token is checked at ``hello``, and without this an
    adviser whose token had lapsed went on taking chats and reading transcripts for as long as the desk
    stayed open (outside audit 62, F2). The widget and the desk then ask for a new login."""

    def __init__(self, idle_timeout_s: float) -> None:
        self.idle_timeout_s = idle_timeout_s
        self.connections: set[Connection] = set()
        #: Every accepted connection, also before its hello (what ``max_connections`` caps).
        self.open = 0

    async def run(self, on_tick: Callable[[], None] | None = None) -> None:
        interval = max(0.05, min(5.0, self.idle_timeout_s / 4))
        while True:
            await asyncio.sleep(interval)
            cutoff = time.monotonic() - self.idle_timeout_s
            now = time.time()
            for conn in [c for c in self.connections if c.last_seen < cutoff]:
                # Queued, never awaited: a peer that does not read cannot hold the watchdog up.
                conn.send(p.error_frame("idle_timeout", "no activity; reconnect to continue"))
                conn.close(p.CLOSE_TIMEOUT, "idle timeout")
                self.connections.discard(conn)
            for conn in [c for c in self.connections if c.expires_at is not None and c.expires_at <= now]:
                conn.send(p.error_frame("expired_token", "the token has expired; log in again to continue"))
                conn.close(p.CLOSE_UNAUTHORIZED, "expired_token")
                self.connections.discard(conn)
            if on_tick is not None:
                on_tick()


def origin_allowed(ws: WebSocket, services: Services) -> bool:
    """Browsers always send Origin; refusing foreign ones stops cross-site websocket hijacking.

    No Origin header means a non-browser client (a bot backend), which the token then authenticates.
    The server's own origin (the widget page we serve) is always allowed.
    """
    origin = ws.headers.get("origin")
    if origin is None:
        return True
    settings = services.settings
    if origin in settings.allowed_origins or "*" in settings.allowed_origins:
        return True
    parts = urlsplit(origin)
    host_header = ws.headers.get("host", "")
    if parts.netloc and parts.netloc == host_header:
        return True
    return settings.is_dev and not settings.allowed_origins and (parts.hostname or "") in _DEV_HOSTS


async def _receive(conn: Connection) -> str | None:
    """The next text frame; ``None`` on disconnect. Binary frames raise a protocol error."""
    message = await conn.receive()
    if message["type"] == "websocket.disconnect":
        return None
    text = message.get("text")
    if text is None:
        raise ProtocolError("binary frames are not supported; send JSON text frames", code="binary_frame")
    return str(text)


async def _hello(ws: WebSocket, conn: Connection, services: Services, parse: Callable[..., Any]) -> p.Hello | None:
    """Wait for the first frame, which must be ``hello``; on failure send the error and close."""
    try:
        raw = await asyncio.wait_for(_receive(conn), services.settings.auth_timeout_s)
    except TimeoutError:
        conn.send(p.error_frame("auth_timeout", "send hello within the deadline"))
        conn.close(p.CLOSE_TIMEOUT, "auth timeout")
        return None
    except ProtocolError as exc:
        _refuse(conn, services, exc, p.CLOSE_BAD_FRAME)
        return None
    if raw is None:
        return None
    try:
        event = parse(raw, max_text_chars=services.settings.max_text_chars)
    except ProtocolError as exc:
        _refuse(conn, services, exc, p.CLOSE_BAD_FRAME)
        return None
    if not isinstance(event, p.Hello):
        _refuse(conn, services, ProtocolError("the first frame must be hello", code="hello_required"),
                      p.CLOSE_BAD_FRAME)
        return None
    return event


def _refuse(conn: Connection, services: Services, exc: ChatlogError, close_code: int, **extra: Any) -> None:
    services.metrics.errors.labels(exc.code).inc()
    conn.send(p.error_frame(exc.code, exc.message, **extra))
    conn.close(close_code, exc.code)


def _error(conn: Connection, services: Services, exc: ChatlogError, **extra: Any) -> None:
    services.metrics.errors.labels(exc.code).inc()
    if isinstance(exc, ProtocolError) and exc.client_msg_id is not None:
        extra.setdefault("client_msg_id", exc.client_msg_id)
    conn.send(p.error_frame(exc.code, exc.message, **extra))


def _close_code_for(exc: ChatlogError) -> int:
    if isinstance(exc, AuthError):
        return p.CLOSE_UNAUTHORIZED
    if isinstance(exc, AtCapacity):
        return p.CLOSE_TRY_AGAIN_LATER
    if exc.http_status == 404:
        return p.CLOSE_UNKNOWN_SESSION
    if exc.http_status == 403:
        return p.CLOSE_FORBIDDEN
    if exc.http_status == 503:
        return p.CLOSE_SERVICE_RESTART
    return p.CLOSE_BAD_FRAME


def _server_protocol(ws: WebSocket) -> object | None:
    """The server's protocol object for this connection (uvicorn's), reached through the ASGI receive
    callable it handed us, which middleware leaves unwrapped; None under another server."""
    return getattr(ws._receive, "__self__", None)


def _backlog(ws: WebSocket) -> int:
    """Frames already received from this client and not yet read by us.

    A client that waits for each ack before it sends the next message (a widget, or a load test) never
    has a backlog however fast it goes; a flood does. This peeks at uvicorn's per-connection queue; with
    a server whose queue we cannot see, every frame counts as backlog (plain rate limiting).
    """
    queue = getattr(_server_protocol(ws), "queue", None)
    return queue.qsize() if isinstance(queue, asyncio.Queue) else 1


def _flooding(conn: Connection, services: Services) -> bool:
    """Returns True when the frame must be refused: the token bucket is empty *and* the client keeps
    sending without waiting for acks. A client waiting for each ack is never refused, so the limit
    cannot throttle a legitimate conversation or a closed-loop load, only a flood."""
    now = time.monotonic()
    conn.last_seen = now
    if conn.bucket.allow(now):
        conn.refused = 0
        return False
    if _backlog(conn.ws) == 0:
        return False
    conn.refused += 1
    return True


def _close_flooded(conn: Connection, services: Services, **ids: str) -> None:
    """Too many frames refused in a row (``CHATLOG_FLOOD_CLOSE_AFTER``): a last error, then 4429."""
    _refuse(conn, services, RateLimited("too many messages; connection closed"), p.CLOSE_FLOOD, **ids)


async def _serve(
    ws: WebSocket,
    endpoint: str,
    parse: Callable[..., Any],
    session: Callable[[Services, Connection, p.Hello], Coroutine[Any, Any, None]],
) -> None:
    """What both endpoints share: Origin check and accept, the hello deadline, the connection gauge, the
    idle watchdog and the peer's writer; ``session`` does the rest once a hello arrived."""
    services: Services = ws.app.state.services
    if not origin_allowed(ws, services):
        services.metrics.errors.labels("origin_not_allowed").inc()
        log.warning("origin refused", extra={"endpoint": endpoint})
        await ws.close(code=1008)  # before accept: uvicorn answers the handshake with HTTP 403
        return
    await ws.accept()
    settings = services.settings
    conn = Connection(ws, TokenBucket(settings.rate_per_s, settings.rate_burst), services)
    gauge = services.metrics.connections.labels(endpoint)
    gauge.inc()
    watchdog: Watchdog = ws.app.state.watchdog
    watchdog.open += 1
    try:
        if services.hub.shutting_down:
            _refuse(conn, services, ChatlogError("server is restarting; reconnect", code="shutting_down"),
                    p.CLOSE_SERVICE_RESTART)
            return
        if watchdog.open > settings.max_connections:
            _refuse(conn, services, AtCapacity("this instance is full; try again in a moment"),
                    p.CLOSE_TRY_AGAIN_LATER)
            return
        hello = await _hello(ws, conn, services, parse)
        if hello is not None:
            watchdog.connections.add(conn)
            # A task of its own: each time the session resumes (twice a message: its frame, then its
            # store write) only its own frames are resumed, not the fifteen of the ASGI stack above this
            # one (middleware, router), about a twentieth of the event loop's time (issue 11). Cancelling
            # this endpoint cancels the task it awaits.
            await asyncio.create_task(session(services, conn, hello), name=f"{endpoint}-session")
    except WebSocketDisconnect:
        pass
    finally:
        watchdog.connections.discard(conn)
        watchdog.open -= 1
        gauge.dec()
        await conn.finish(p.CLOSE_NORMAL, "", settings.peer_close_timeout_s)


async def chat_endpoint(ws: WebSocket) -> None:
    await _serve(ws, "chat", p.parse_client_frame, _chat_session)


async def _chat_session(services: Services, conn: Connection, hello: p.Hello) -> None:
    resuming = hello.resume_session_id is not None
    if resuming:
        # Live frames for this widget wait behind the welcome and the replay (outbox.py).
        conn.outbox.hold()
    try:
        identity = services.verifier.verify_customer(hello.token) if hello.token is not None else None
        conn.expires_at = identity.expires_at if identity is not None else None
        if hello.resume_session_id is not None:
            live = await services.hub.resume_session(hello.resume_session_id, identity, conn)
        else:
            live = await services.hub.start_session(identity, conn)
    except ChatlogError as exc:
        conn.outbox.release()
        _refuse(conn, services, exc, _close_code_for(exc))
        return
    try:
        # Who is there to answer: the widget tells the customer when nobody is (issue 12).
        available = services.hub.availability()
        welcome = {
            "type": "welcome",
            "session_id": live.session_id,
            "kind": live.kind,
            "notice": privacy_notice(live.kind, services.settings, hello.lang),
            "state": live.machine.state,
            "availability": {"bots": available["bots"], "advisers": available["advisers"]},
        }
        if not resuming:
            conn.send(p.encode(welcome))
        else:
            ended_sent = False
            try:
                ended_sent = await _replay(conn, services, live, p.encode(welcome), hello.resume_last_seq)
            finally:
                conn.outbox.release(_not_replayed(live.session_id, conn.replayed_to, ended_sent))
        await _chat_loop(conn, services, live)
    finally:
        services.hub.detach_customer(live, conn)


async def _replay(conn: Connection, services: Services, live: LiveSession, welcome: str, after_seq: int) -> bool:
    """Welcome, every message after ``after_seq``, then ``ended`` for an ended session: paced by this
    widget's own reading, so a replay of any length fits the outbox limits (outbox.py). True if it sent
    ``ended``."""
    if not await conn.outbox.put_paced(welcome):
        return False
    for message in await services.hub.history(live, after_seq):
        if not await conn.outbox.put_paced(p.encode(message_frame(message))):
            return False
        conn.replayed_to = message.seq
    if live.machine.ended:
        return await conn.outbox.put_paced(p.encode({"type": "ended", "by": "earlier"}))
    return False


def _not_replayed(session_id: str, replayed_to: int, ended_sent: bool) -> Callable[[str], bool]:
    """Keeps a held live frame unless the replay already carried it: a message stored and broadcast
    between the widget's attach and the replay's read, or the end of a session that ended meanwhile."""

    def keep(frame: str) -> bool:
        if ended_sent and frame.startswith('{"type":"ended"'):
            return False
        if replayed_to <= 0 or not is_message_frame(frame):
            return True
        try:
            decoded = json.loads(frame)
        except ValueError:
            return True
        return not (
            isinstance(decoded, dict)
            and decoded.get("type") == "message"
            and decoded.get("session_id", session_id) == session_id
            and isinstance(decoded.get("seq"), int)
            and decoded["seq"] <= replayed_to
        )

    return keep


async def _chat_loop(conn: Connection, services: Services, live: LiveSession) -> None:
    hub = services.hub
    max_chars = services.settings.max_text_chars
    flood_close_after = services.settings.flood_close_after
    while True:
        try:
            raw = await _receive(conn)
        except ProtocolError as exc:
            # A binary frame counts against the flood guard like any other (outside audit 64: a flood
            # of them ended with 4413 "too slow" for the error frames, not 4429).
            if _flooding(conn, services) and conn.refused > flood_close_after:
                _close_flooded(conn, services)
                return
            _error(conn, services, exc)
            continue
        if raw is None:
            return
        if _flooding(conn, services):
            if conn.refused > flood_close_after:
                _close_flooded(conn, services, **p.message_ids(raw))
                return
            _error(conn, services, RateLimited("too many messages; slow down and resend"), **p.message_ids(raw))
            continue
        try:
            event = p.parse_client_frame(raw, max_text_chars=max_chars)
            if isinstance(event, p.ChatMessage):
                try:
                    conn.outbox.write_now(await hub.customer_message(live, event))
                except ChatlogError as exc:
                    # Not acked: the client keeps the message and retries with the same client_msg_id.
                    _error(conn, services, exc, client_msg_id=event.client_msg_id)
                continue
            if isinstance(event, p.HandoverRequest):
                await hub.handover_request(live)
            elif isinstance(event, p.CancelHandover):
                await hub.cancel_handover(live)
            elif isinstance(event, p.End):
                await hub.customer_end(live)
                conn.close(p.CLOSE_NORMAL, "session ended")
                return
            elif isinstance(event, p.Ping):
                conn.send('{"type":"pong"}')
            else:
                raise ProtocolError("hello was already received", code="unexpected_hello")
        except ChatlogError as exc:
            _error(conn, services, exc)


async def agent_endpoint(ws: WebSocket) -> None:
    await _serve(ws, "agent", p.parse_agent_frame, _agent_session)


async def _agent_session(services: Services, conn: Connection, hello: p.Hello) -> None:
    try:
        if not hello.token:
            raise AuthError("a staff token is required")
        identity = services.verifier.verify_staff(hello.token, roles=("bot", "adviser"))
    except ChatlogError as exc:
        _refuse(conn, services, exc, _close_code_for(exc))
        return
    conn.expires_at = identity.expires_at
    conn.send(p.encode({"type": "welcome", "agent_id": identity.staff_id, "role": identity.role}))
    # What is open now reaches the agent before anything live about it (outbox.py, as for a resume).
    conn.outbox.hold()
    try:
        agent = await services.hub.attach_agent(identity, conn)
        await services.hub.catch_up(agent)
    finally:
        conn.outbox.release()
    try:
        await _agent_loop(conn, services, agent)
    finally:
        await services.hub.detach_agent(agent)


#: The ids an agent's refused frame is answered with.
_AGENT_IDS: Final = ("session_id", "client_msg_id")


async def _agent_loop(conn: Connection, services: Services, agent: Agent) -> None:
    hub = services.hub
    max_chars = services.settings.max_text_chars
    while True:
        try:
            raw = await _receive(conn)
        except ProtocolError as exc:
            _error(conn, services, exc)
            continue
        if raw is None:
            return
        conn.last_seen = time.monotonic()  # agents are trusted services: no flood limit, only liveness
        session_id: str | None = None
        try:
            event = p.parse_agent_frame(raw, max_text_chars=max_chars)
            if isinstance(event, p.ChatMessage):
                session_id = event.session_id
                try:
                    conn.outbox.write_now(await hub.agent_message(agent, event))
                except ChatlogError as exc:
                    _error(conn, services, exc, session_id=session_id, client_msg_id=event.client_msg_id)
                continue
            if isinstance(event, p.Accept):
                session_id = event.session_id
                await hub.agent_accept(agent, event.session_id, event.reason)
            elif isinstance(event, p.HandoverRequest):
                session_id = event.session_id
                assert event.session_id is not None
                await hub.agent_handover(agent, event.session_id)
            elif isinstance(event, p.History):
                session_id = event.session_id
                for frame in await hub.agent_history(agent, event.session_id, event.after_seq):
                    if not await conn.send_paced(frame):  # paced by the agent's own reading
                        return
            elif isinstance(event, p.End):
                session_id = event.session_id
                assert event.session_id is not None
                await hub.agent_end(agent, event.session_id)
            elif isinstance(event, p.Ping):
                conn.send('{"type":"pong"}')
            else:
                raise ProtocolError("hello was already received", code="unexpected_hello")
        except ChatlogError as exc:
            # A frame refused while it was parsed still names its session (and message) where it can.
            extra = {"session_id": session_id} if session_id is not None else p.message_ids(raw, _AGENT_IDS)
            _error(conn, services, exc, **extra)
