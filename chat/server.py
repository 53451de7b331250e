"""Running the app under uvicorn, with a shutdown that tells websocket clients to reconnect first."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import uvicorn
from starlette.applications import Starlette

from chat.app import create_app
from chat.demo_bot.runner import DemoBot
from chat.errors import PortUnavailable
from chat.http_guard import guarded_h11
from chat.logs import configure
from chat.paced_ws import PacedWebSocketsProtocol
from chat.settings import Settings
from chat.workers import listen


class GatewayServer(uvicorn.Server):
    """uvicorn's server, but on shutdown: stop accepting, send every client ``{"type": "reconnect"}``
    and close 1012, *then* let uvicorn drain and run the lifespan shutdown (which flushes the store)."""

    def __init__(self, config: uvicorn.Config, app: Starlette) -> None:
        super().__init__(config)
        self.chat_app = app
        self.demo_bot: DemoBot | None = None
        self._demo_task: asyncio.Task[None] | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        settings: Settings = self.chat_app.state.settings
        if self.started and settings.runs_demo_bot and self.servers:
            # Started once the port listens: the bot connects to it like any bot backend would.
            self.demo_bot = DemoBot(settings, _own_url(self.servers[0].sockets[0]))
            self._demo_task = asyncio.create_task(self.demo_bot.run(), name="demo-bot")

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self._demo_task is not None:
            self._demo_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._demo_task
        for server in self.servers:
            server.close()
        services = getattr(self.chat_app.state, "services", None)
        if services is not None:
            await services.hub.shutdown()
        await super().shutdown(sockets)


def _own_url(sock: socket.socket) -> str:
    """The websocket base URL of a listening socket, over loopback when it listens on every address."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", ""):  # noqa: S104 - reading the bound address, not binding
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"ws://[{host}]:{port}" if ":" in host else f"ws://{host}:{port}"


def uvicorn_config(app: Starlette, settings: Settings, *, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        # websockets' sans-I/O implementation: the fastest uvicorn offers here (notes.md: 46k msgs/s),
        # with its parsing paced by our reading (chat/paced_ws.py: one client's flood stalls nobody).
        ws=PacedWebSocketsProtocol,
        # h11 bounds a request's head (request line and headers): httptools buffered a 20 MB header.
        # Ours also bounds a head sent in one write, and the time a head may take (chat.http_guard).
        http=guarded_h11(max_head_bytes=settings.max_header_bytes, head_timeout_s=settings.head_timeout_s),
        h11_max_incomplete_event_size=settings.max_header_bytes,
        ws_max_size=settings.max_frame_bytes,
        ws_ping_interval=settings.ping_interval_s,
        ws_ping_timeout=settings.ping_interval_s,
        # Off on purpose: +30-50 % CPU per small message and 25 → 59 KB per idle connection (notes.md).
        ws_per_message_deflate=False,
        lifespan="on",
        access_log=False,  # access logs would carry client IPs; anonymous sessions must not be linkable
        log_config=None,
        timeout_graceful_shutdown=10,
        server_header=False,
    )


def serve(
    settings: Settings, *, host: str | None = None, port: int | None = None, reuse_port: bool = False
) -> None:
    """Run one gateway process; ``reuse_port``: bind with ``SO_REUSEPORT`` beside the other workers of
    ``chatlog serve --workers N`` (see :mod:`chat.workers`)."""
    configure(settings.log_level, settings.log_format)
    host, port = host or settings.host, port or settings.port
    # The port first, before anything starts: a port in use used to leave a process that had joined the
    # cluster (relay, presence, anonymizer workers) without a listener, counted by its peers and deaf
    # to SIGTERM (outside audit, M3). Now it exits at once with status 1 and the reason.
    try:
        sock = listen(host, port, reuse_port=reuse_port)
    except OSError as exc:
        raise PortUnavailable(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    app = create_app(settings)
    config = uvicorn_config(app, settings, host=host, port=port)
    GatewayServer(config, app).run(sockets=[sock])

