"""The browser screens: the front door at ``/`` and one static directory per screen (issue 12).

Screens are plain HTML, CSS and JavaScript under ``chat/static/<screen>/`` with no build step and no
request to any other origin; each page carries its own Content-Security-Policy (a ``<meta>`` with hashes
for its inline parts). What a ``<meta>`` policy cannot say is added here as response headers: who may
frame a page (``frame-ancestors``: nobody for the desk, the dashboard and the front door; the bank's configured origins
for the archive page, which is made to be embedded in an online bank), ``nosniff`` and no referrer.

The front door is the one page rendered by the server, because it differs by mode: in development it
links every screen and hands out development tokens (``POST /api/dev/tokens``); in production it says
what the service is and nothing more (no links to internal screens, no version, no configuration).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chat.settings import Settings

STATIC_DIR: Final = Path(__file__).parent / "static"
#: The browser screens, each a directory under ``STATIC_DIR`` served at ``/<name>/``; ``front`` holds
#: the front door's own files.
SCREENS: Final = ("widget", "desk", "archive", "front", "stats")


def frame_ancestors(screen: str, settings: Settings) -> str:
    """Who may show ``screen`` in a frame: the archive page is embedded by the bank's online bank."""
    if screen == "archive":
        origins = " ".join(o for o in settings.allowed_origins if o != "*")
        return f"frame-ancestors 'self' {origins}".rstrip()
    if screen == "widget":
        return "frame-ancestors 'self'"
    return "frame-ancestors 'none'"


class _Hardened:
    """Adds the headers a ``<meta>`` policy cannot carry to every response of the wrapped app."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, with_headers)


def routes(settings: Settings) -> list[BaseRoute]:
    out: list[BaseRoute] = [Route("/", front_door, methods=["GET", "HEAD"])]
    for screen in SCREENS:
        directory = STATIC_DIR / screen
        if directory.is_dir():
            files = StaticFiles(directory=directory, html=True)
            out.append(Mount(f"/{screen}", _Hardened(files, frame_ancestors(screen, settings)), name=screen))
    return out


_FRONT_CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


async def front_door(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    page = "dev.html" if settings.is_dev else "production.html"
    response = FileResponse(STATIC_DIR / "front" / page, media_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = _FRONT_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response
