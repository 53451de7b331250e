"""HTTP API (placeholder until the archive and staff routes land)."""

from __future__ import annotations

from starlette.routing import BaseRoute


def routes() -> list[BaseRoute]:
    return []
