"""The relay interface: how one gateway instance reaches the peers connected to the others.

One interface, several transports (the way httpx has transports): :class:`chat.relay.local.LocalRelay`
for a single instance (nothing to reach: every method is a no-op, and Redis is never imported) and
:class:`chat.relay.redis.RedisRelay` for several instances behind a load balancer. The hub talks to
this interface only, and the envelopes are :mod:`chat.relay.protocol`'s.

Rules every transport keeps:

* ``publish`` never waits: the hot path (a customer's message, acked after the store) must not wait on
  Redis any more than on a peer's socket. A transport that cannot keep up drops live envelopes and says
  so in :meth:`Relay.status`; nothing is lost that matters, since every message is in the store and a
  client that resumes gets it from there.
* Nothing here is the source of truth. Session state lives in the store and moves by compare-and-set
  (:meth:`chat.store.base.Store.transition`); the relay only tells other instances that it moved.
"""

from __future__ import annotations

import abc
from collections.abc import Collection, Mapping
from typing import Any, Final, Protocol

from chat.relay.protocol import Event, Incoming, Op

#: The agent roles whose presence is counted (the availability sent to customers).
AGENT_ROLES: Final = ("bot", "adviser")


class RelayHandler(Protocol):
    """The hub, as the relay sees it."""

    def on_relay(self, msg: Incoming) -> list[dict[str, Any]] | None:
        """Handle an event from another instance; for a request, return the reply's items. Never waits."""
        ...

    def local_agents(self) -> Mapping[str, str]:
        """The agents connected here, id → role (for the presence other instances check)."""
        ...

    def on_relay_rejoined(self) -> None:
        """This instance subscribed again after losing its subscription, or another one says it did:
        envelopes published while either was away are gone, so announce again what a peer must not
        miss. Not on a first subscription (every start): a new instance's agents get the catch-up.
        Never waits."""
        ...


class Relay(abc.ABC):
    #: ``local`` or ``redis`` (for /readyz and the logs).
    name: str = "relay"
    #: False when this instance is the only one (nothing to publish, nobody to ask).
    multi: bool = False

    def __init__(self, instance_id: str) -> None:
        self.instance_id = instance_id
        self._handler: RelayHandler | None = None

    def bind(self, handler: RelayHandler) -> None:
        self._handler = handler

    async def start(self) -> None:  # noqa: B027 - optional hook
        """Connect and start the background tasks (returns at once; a transport that cannot connect yet
        starts degraded and keeps trying)."""

    async def close(self) -> None:  # noqa: B027 - optional hook
        """Stop the background tasks and let go of connections."""

    @abc.abstractmethod
    def publish(self, event: Event) -> None:
        """Send ``event`` to every other instance; never waits, never raises."""

    @abc.abstractmethod
    async def request(self, op: Op, args: dict[str, Any]) -> list[dict[str, Any]]:
        """Ask every other live instance and return the items of their replies; waits at most the
        relay's request timeout (an instance that died without a goodbye is waited for that long)."""

    def touch_agent(self, agent_id: str, role: str) -> None:  # noqa: B027 - optional hook
        """An agent just connected here: record its presence now rather than at the next heartbeat.
        Never waits."""

    def agent_counts(self) -> Mapping[str, int] | None:
        """Connected agents per role on every live instance, this one included, as of the last heartbeat
        (the availability a customer is told at every welcome: never a round trip of its own); ``None``
        when only this instance's own count can be known. Never waits."""
        return None

    @abc.abstractmethod
    async def agents_online(self, agent_ids: Collection[str]) -> set[str] | None:
        """Which of ``agent_ids`` are connected to another live instance; ``None`` when that cannot be
        known now (relay degraded): callers must then not act as if the agents were gone."""

    @property
    @abc.abstractmethod
    def healthy(self) -> bool:
        """True while envelopes flow both ways."""

    def status(self) -> dict[str, Any]:
        return {"backend": self.name, "status": "ok" if self.healthy else "degraded"}
