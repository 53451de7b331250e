"""What the app builds once at start-up and every handler shares (the lifespan's product)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from chat.metrics import Metrics
from chat.msgids import MessageIdHasher
from chat.retention import RetentionPolicy
from chat.settings import Settings
from chat.store.base import Store
from chat.tokens import TokenVerifier

if TYPE_CHECKING:
    from chat.gateway.hub import Hub
    from chat.redaction import Redactor
    from chat.relay.base import Relay


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Services:
    settings: Settings
    store: Store
    verifier: TokenVerifier
    policy: RetentionPolicy
    metrics: Metrics
    redactor: Redactor
    message_ids: MessageIdHasher
    hub: Hub
    relay: Relay
    clock: Callable[[], datetime] = utcnow
