"""The demo bot's asyncio loop: a websocket client of ``/ws/agent``, like any bank's bot backend.

It connects to its own server over loopback with a staff token (role ``bot``), feeds every frame to
:class:`chat.demo_bot.brain.DemoBotCore` and sends back what it answers; on any disconnect it waits a
little and connects again, and the gateway catches it up (``session_started`` for each open session).
It has no private way into the hub: what it does, a bank's own bot does over the documented protocol,
which is why docs/operations.md points at this file as the example to copy.

Tokens: in development mode it signs its own (short-lived, one per connection); in production the
server holds no signing key, so ``CHATLOG_DEMO_BOT_TOKEN_FILE`` names a file with a bot token issued
by the bank (read again at each connection, so that it can be rotated).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Final

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

from chat.demo_bot.brain import DemoBotCore
from chat.errors import ChatlogError
from chat.settings import Settings

log = logging.getLogger("chat.demo_bot")

#: The demo bot's staff id (audit records and stored messages name it).
BOT_ID: Final = "demo-bot"
_TOKEN_TTL_S: Final = 3600
_BACKOFF_S: Final = (0.2, 0.5, 1.0, 2.0, 5.0)
#: Frames the bot's client reads ahead of its answers (see DemoBot._session).
_QUEUE_FRAMES: Final = 4096


def bot_token(settings: Settings) -> str:
    """A token for this connection: signed here in development mode, else read from the configured file."""
    if settings.demo_bot_token_file is not None:
        try:
            return settings.demo_bot_token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ChatlogError("cannot read CHATLOG_DEMO_BOT_TOKEN_FILE") from exc
    from chat.tokens import TokenIssuer

    return TokenIssuer.from_settings(settings).staff(BOT_ID, role="bot", ttl_s=_TOKEN_TTL_S)


class DemoBot:
    """Runs until cancelled; ``url`` is the gateway's own websocket base (``ws://127.0.0.1:8000``)."""

    def __init__(self, settings: Settings, url: str) -> None:
        self.settings = settings
        self.url = url.rstrip("/") + "/ws/agent"
        #: Connections made (tests wait for the first).
        self.connected = asyncio.Event()

    async def run(self) -> None:
        failures = 0
        while True:
            try:
                await self._session()
                failures = 0  # it was connected: start the back-off again
            except (OSError, WebSocketException, ChatlogError, TimeoutError) as exc:
                log.info("demo bot disconnected", extra={"error": type(exc).__name__})
            delay = _BACKOFF_S[min(failures, len(_BACKOFF_S) - 1)]
            failures += 1
            await asyncio.sleep(delay)

    async def _session(self) -> None:
        core = DemoBotCore()
        # The bot keeps reading through a burst (up to _QUEUE_FRAMES frames read ahead of its answers)
        # and sends no pings of its own: a bot that lags (it shares the server's event loop) still answers
        # the server's pings, which the library does as it reads. With the library's default of 16 frames
        # it stopped reading, its keepalive and the server's timed out, and under sustained load it was
        # dropped and reconnected every ~20 s (outside audit 64, F8). Further behind than that, the server's
        # outbox limit for the bot drops it (4413) as it would any bot backend, and it resumes.
        async with connect(
            self.url, open_timeout=10, max_size=2**20, compression=None, max_queue=_QUEUE_FRAMES, ping_interval=None
        ) as ws:
            await ws.send(json.dumps({"type": "hello", "token": bot_token(self.settings)}))
            welcome = json.loads(await asyncio.wait_for(ws.recv(), 10))
            if welcome.get("type") != "welcome":
                log.warning("demo bot refused", extra={"code": welcome.get("code")})
                return
            self.connected.set()
            log.info("demo bot connected", extra={"agent_id": welcome.get("agent_id")})
            async for raw in ws:
                await self._answer(ws, core, raw)

    async def _answer(self, ws: ClientConnection, core: DemoBotCore, raw: str | bytes) -> None:
        """Feed one frame to the brain and send what it answers."""
        try:
            frame = json.loads(raw)
        except ValueError:
            return
        if not isinstance(frame, dict):
            return
        for out in core.receive(frame, now=time.time()):
            await ws.send(json.dumps(out, ensure_ascii=False))
