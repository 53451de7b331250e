"""Token bucket driven by a fake clock (plain numbers): no sleeping, no wall clock."""

from __future__ import annotations

import math

import pytest

from chat.ratelimit import TokenBucket


def test_burst_then_refused() -> None:
    bucket = TokenBucket(rate_per_s=1.0, burst=3)
    assert [bucket.allow(100.0) for _ in range(5)] == [True, True, True, False, False]


@pytest.mark.parametrize(
    ("rate", "burst", "wait", "expected_allowed"),
    [
        (10.0, 5, 0.1, 1),  # one token back after 1/rate
        (10.0, 5, 0.05, 0),  # half a token is not enough
        (10.0, 5, 0.3, 3),
        (10.0, 5, 60.0, 5),  # long idle refills to burst, not beyond
        (0.5, 1, 2.0, 1),  # slow rates: one message per 2 s
        (0.5, 1, 1.9, 0),
    ],
)
def test_refill(rate: float, burst: int, wait: float, expected_allowed: int) -> None:
    bucket = TokenBucket(rate_per_s=rate, burst=burst)
    t = 1_000.0
    while bucket.allow(t):
        pass
    allowed = 0
    while bucket.allow(t + wait):
        allowed += 1
    assert allowed == expected_allowed


def test_sustained_rate_is_enforced() -> None:
    # A client sending every 10 ms for 10 s against 5/s with burst 20 gets burst + rate * 10 s through.
    bucket = TokenBucket(rate_per_s=5.0, burst=20)
    allowed = sum(bucket.allow(i / 100) for i in range(1_000))
    assert allowed in (69, 70)  # 20 + 5 * 9.99 s; float rounding may decide the last one


def test_steady_client_at_the_rate_is_never_refused() -> None:
    bucket = TokenBucket(rate_per_s=10.0, burst=1)
    assert all(bucket.allow(i * 0.1) for i in range(1_000))


def test_clock_going_backwards_mints_nothing() -> None:
    bucket = TokenBucket(rate_per_s=1.0, burst=2)
    assert bucket.allow(50.0) and bucket.allow(50.0)
    assert not bucket.allow(10.0)
    assert not bucket.allow(50.5)
    assert bucket.allow(51.0)


def test_retry_after() -> None:
    bucket = TokenBucket(rate_per_s=4.0, burst=1)
    assert bucket.retry_after(0.0) == 0.0
    assert bucket.allow(0.0)
    assert bucket.retry_after(0.0) == pytest.approx(0.25)
    assert bucket.retry_after(0.1) == pytest.approx(0.15)
    assert bucket.tokens == pytest.approx(0.4)
    assert not bucket.allow(0.2)
    assert bucket.allow(0.25)


@pytest.mark.parametrize(("rate", "burst"), [(0.0, 1), (-1.0, 1), (math.inf, 1), (math.nan, 1), (1.0, 0), (1.0, -5)])
def test_invalid_parameters(rate: float, burst: int) -> None:
    with pytest.raises(ValueError):
        TokenBucket(rate_per_s=rate, burst=burst)
