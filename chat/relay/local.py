"""The relay of a single instance: there is no other instance to reach.

``chatlog serve`` with ``CHATLOG_REDIS_URL`` unset uses this one: the gateway behaves exactly as a
single process always did, and nothing on its path imports Redis.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from chat.relay.base import Relay
from chat.relay.protocol import Event, Op


class LocalRelay(Relay):
    name = "local"
    multi = False

    def publish(self, event: Event) -> None:
        return None

    async def request(self, op: Op, args: dict[str, Any]) -> list[dict[str, Any]]:
        return []

    async def agents_online(self, agent_ids: Collection[str]) -> set[str] | None:
        return set()  # no agent is connected anywhere else

    @property
    def healthy(self) -> bool:
        return True
