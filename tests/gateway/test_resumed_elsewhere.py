"""Two resumes of one session at one moment on two instances (outside audit 63, M4): each instance heard
the other's ``Resumed`` and closed its own connection, so nobody stayed. Now the later attach keeps the
session on both sides' reckoning; a tie goes to the greater instance id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from chat.gateway import remote
from chat.relay.protocol import Incoming, Resumed


@dataclass
class Peer:
    closed: list[tuple[int, str]] = field(default_factory=list)

    def close(self, code: int, reason: str = "") -> None:
        self.closed.append((code, reason))


@dataclass
class Live:
    customer: Peer | None
    attached_at: float


@dataclass
class Relay:
    instance_id: str


class Hub:
    """What ``_resumed_elsewhere`` reads of the hub."""

    def __init__(self, instance_id: str, live: Live) -> None:
        self.relay = Relay(instance_id)
        self.sessions = {"s1": live}
        self.detached: list[Any] = []

    def detach_customer(self, live: Live, peer: Peer) -> None:
        live.customer = None
        self.detached.append(peer)


def instance(instance_id: str, attached_at: float) -> tuple[Hub, Peer]:
    peer = Peer()
    return Hub(instance_id, Live(peer, attached_at)), peer


@pytest.mark.parametrize(
    ("a_at", "b_at", "a_stays", "b_stays"),
    [
        (100.0, 100.2, False, True),  # B attached later: B keeps it
        (100.2, 100.0, True, False),
        (100.0, 100.0, False, True),  # a tie: the greater instance id ("b")
    ],
)
def test_of_two_resumes_at_once_exactly_one_stays(a_at: float, b_at: float, a_stays: bool, b_stays: bool) -> None:
    a, a_peer = instance("a", a_at)
    b, b_peer = instance("b", b_at)
    # Each hears the other's Resumed.
    remote.handle(a, Incoming("b", Resumed("s1", b_at)))  # type: ignore[arg-type]
    remote.handle(b, Incoming("a", Resumed("s1", a_at)))  # type: ignore[arg-type]
    assert (not a_peer.closed, not b_peer.closed) == (a_stays, b_stays)
    assert [code for code, _ in a_peer.closed + b_peer.closed] == [remote.CLOSE_REPLACED]


def test_a_resume_elsewhere_after_this_connection_replaces_it() -> None:
    a, a_peer = instance("z", 100.0)  # the instance id does not matter when the times differ
    remote.handle(a, Incoming("b", Resumed("s1", 160.0)))  # type: ignore[arg-type]
    assert a_peer.closed == [(remote.CLOSE_REPLACED, "replaced by a newer connection")]



def test_a_sender_that_gives_no_time_or_a_time_far_off_replaces_as_before() -> None:
    """An instance of the previous release sends no time; a clock seconds off is no race: the remote
    ``Resumed`` replaces the connection here, as it always did."""
    for remote_at in (0.0, 90.0):
        a, a_peer = instance("z", 100.0)
        remote.handle(a, Incoming("b", Resumed("s1", remote_at)))  # type: ignore[arg-type]
        assert a_peer.closed == [(remote.CLOSE_REPLACED, "replaced by a newer connection")]
