"""The relay between gateway instances (issue 10): one interface, a local and a Redis transport."""

from __future__ import annotations

import uuid

from chat.relay.base import Relay, RelayHandler
from chat.relay.local import LocalRelay
from chat.settings import Settings

__all__ = ["LocalRelay", "Relay", "RelayHandler", "build_relay"]


def build_relay(settings: Settings) -> Relay:
    """Redis when ``CHATLOG_REDIS_URL`` is set, else the single-instance relay (Redis never imported)."""
    instance_id = uuid.uuid4().hex[:12]
    if not settings.uses_redis:
        return LocalRelay(instance_id)
    from chat.relay.redis import RedisRelay

    return RedisRelay.from_settings(settings, instance_id)
