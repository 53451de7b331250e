"""Redirects that name no host: ``Location: /desk/``, never ``http://<whatever Host said>/desk/``.

Starlette answers "/desk" with a redirect to "/desk/" (its ``redirect_slashes``), built from the
request's ``Host`` header, so a request with a forged ``Host`` was sent to any site (outside audit 62,
F13). Behind the documented proxy that header is the proxy's, but an instance reachable directly, or a
cache keyed without the host, would hand the forged redirect to others. A path alone means the same to
every browser and cannot point elsewhere (RFC 9110 allows a relative ``Location``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class RelativeRedirects:
    """ASGI middleware: an absolute ``Location`` of a redirect becomes its path and query."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def relative(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in _REDIRECTS:
                message["headers"] = [
                    (name, _path_of(value) if name.lower() == b"location" else value)
                    for name, value in message["headers"]
                ]
            await send(message)

        await self.app(scope, receive, relative)


def _path_of(location: bytes) -> bytes:
    parts = urlsplit(location.decode("latin-1"))
    if not parts.scheme and not parts.netloc:
        return location
    path = parts.path or "/"
    if path.startswith("//"):  # "//evil.example" would be read as a host again
        path = "/" + path.lstrip("/")
    return (path + (f"?{parts.query}" if parts.query else "")).encode("latin-1")
