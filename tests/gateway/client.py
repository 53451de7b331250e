"""A small test client over the real ``websockets`` library: frames in, frames out, with timeouts."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

TIMEOUT = 10.0


class Client:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws

    async def send(self, frame: dict[str, Any] | str) -> None:
        await self.ws.send(frame if isinstance(frame, str) else json.dumps(frame))

    async def recv(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        raw = await asyncio.wait_for(self.ws.recv(), timeout)
        frame: dict[str, Any] = json.loads(raw)
        return frame

    async def recv_type(self, kind: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next frame of this type, skipping others (e.g. broadcasts an agent does not care about)."""
        while True:
            frame = await self.recv(timeout)
            if frame.get("type") == kind:
                return frame

    async def hello(self, **fields: Any) -> dict[str, Any]:
        await self.send({"type": "hello", **fields})
        return await self.recv()

    async def say(self, client_msg_id: str, text: str, **extra: Any) -> dict[str, Any]:
        await self.send({"type": "message", "client_msg_id": client_msg_id, "text": text, **extra})
        return await self.recv_type_any(("ack", "error"))

    async def recv_type_any(self, kinds: tuple[str, ...], timeout: float = TIMEOUT) -> dict[str, Any]:
        while True:
            frame = await self.recv(timeout)
            if frame.get("type") in kinds:
                return frame

    async def closed_with(self, timeout: float = TIMEOUT) -> int | None:
        """Wait for the server to close; return the close code."""
        try:
            while True:
                await asyncio.wait_for(self.ws.recv(), timeout)
        except Exception:  # ConnectionClosed of any kind
            pass
        return self.ws.close_code


@asynccontextmanager
async def client(url: str, **kwargs: Any) -> AsyncIterator[Client]:
    async with connect(url, open_timeout=TIMEOUT, **kwargs) as ws:
        yield Client(ws)
