"""Per-connection flood control: a token bucket with the clock passed in.

The caller passes ``time.monotonic()`` (or the event loop's ``loop.time()``, which it already has) so
the bucket holds no clock of its own: tests drive it with plain numbers, and one connection's bucket
costs two floats and no system call.
"""

from __future__ import annotations

import math

__all__ = ["TokenBucket"]

#: Refills accumulate floating-point error (10 x 0.1 s at 10/s is 0.9999999999999999 tokens); a
#: message that arrives exactly on time must still pass.
_EPSILON = 1e-9


class TokenBucket:
    """Allows ``burst`` messages at once and ``rate_per_s`` sustained; starts full."""

    __slots__ = ("_last", "_tokens", "burst", "rate_per_s")

    def __init__(self, rate_per_s: float, burst: int) -> None:
        if not (math.isfinite(rate_per_s) and rate_per_s > 0):
            raise ValueError("rate_per_s must be a positive finite number")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.rate_per_s = float(rate_per_s)
        self.burst = burst
        self._tokens = float(burst)
        self._last: float | None = None

    def _refill(self, now: float) -> None:
        if self._last is None:
            self._last = now
            return
        elapsed = now - self._last
        # A clock that goes backwards (a caller mixing clocks) must not mint or destroy tokens.
        if elapsed > 0:
            self._tokens = min(float(self.burst), self._tokens + elapsed * self.rate_per_s)
            self._last = now

    def allow(self, now: float) -> bool:
        """Take one token if there is one. ``now`` is monotonic seconds."""
        self._refill(now)
        if self._tokens + _EPSILON >= 1.0:
            self._tokens = max(0.0, self._tokens - 1.0)
            return True
        return False

    def retry_after(self, now: float) -> float:
        """Seconds until :meth:`allow` would next succeed (0.0 if it would now); takes no token."""
        self._refill(now)
        missing = 1.0 - self._tokens - _EPSILON
        return max(0.0, missing / self.rate_per_s)

    @property
    def tokens(self) -> float:
        """Tokens left as of the last call (for metrics and tests)."""
        return self._tokens
