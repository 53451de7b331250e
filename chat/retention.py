"""The retention table as a pure function of a session's facts: no I/O, no clock.

Every figure comes from the bank's own privacy notices (``/work/shared/seeds``), via the retention
table of the product brief, and is configurable through :class:`chat.settings.Settings`:

* Anonymous chat, seed 000 (SpareBank 1): "If you start a chat from the bank's website without being
  logged in to online banking, the communication is anonymous. The chat is saved for use in customer
  service statistics and evaluation, but cannot be linked to you as a customer. The chats are stored
  for one year." → tier ``analytics``, 365 days.
* Logged-in chat, seed 001 (DNB): "Chattloggen fra innlogget samtale vil være tilgjengelig for deg i
  nettbanken i tre år." (the log of a logged-in chat is available to you in the online bank for three
  years) → tier ``archive``, 3 years, visible to the customer for those 3 years.
* Seed 001: "Vi lagrer chatloggene for analyse og forbedringsformål i 1 år. Hvis du har snakket med en
  kunderådgiver, lagrer vi chatloggen i 5 år." (chat logs are kept 1 year for analysis; 5 years if you
  talked to an adviser) → tier ``adviser``, 5 years. Seed 001 grounds the 5 years in the duty to document
  advice ("lagres i henhold til verdipapirhandelloven i fem år for å sikre korrekt dokumentasjon");
  seed 000 likewise keeps investment-service communication "for at least three years". That duty is why
  erasure is refused for this tier.

Several rules can apply to one session; the stored expiry is the *longest* that applies (brief:
"A session's stored expiry is the longest that applies"). Everything is anchored at the session's
``created_at``, so recomputing after an event (adviser joins, hold placed or released) is idempotent and
never depends on when the recomputation happens.

Objection (seed 001: a customer who used the chatbot logged in "kan protestere mot denne behandlingen",
i.e. may object to the analysis of their logs) deliberately does *not* change expiry. A logged-in chat
is kept for the customer's own service and archive (3 years, longer than the 1-year analytics period),
not for analytics; objecting removes the analytics purpose only, which the statistics queries honour by
excluding objected sessions. Shortening the archive would take away the customer's own copy, which the
objection did not ask for. With the default periods the analytics rule never decides a logged-in
session's expiry anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import get_args

from chat.settings import Settings
from chat.store.base import Retention, SessionKind, SessionRecord, Tier

__all__ = ["RetentionPeriods", "RetentionPolicy"]

_KINDS: frozenset[str] = frozenset(get_args(SessionKind))



def kept_by_hold(retention: Retention, held: bool) -> Retention:
    """The retention a store writes: a session under a legal hold keeps no expiry, whatever a caller
    computed. Callers compute retention from a session they read a moment before; a hold placed on
    another instance in between (an adviser accepting while compliance places a hold) was overwritten
    by an adviser-tier expiry, and the sweep then deleted the held chat (outside audit 63, H1). The
    stores apply this inside the write's own transaction, where the flag they read cannot change."""
    if not held or retention.tier == "legal_hold":
        return retention
    return Retention(tier="legal_hold", expire_at=None, visible_until=retention.visible_until)


@dataclass(frozen=True, slots=True)
class RetentionPeriods:
    """How long each tier keeps a session, counted from its ``created_at``."""

    #: Anonymous and bot-only chat kept for statistics and evaluation: 1 year (seeds 000, 001).
    analytics: timedelta
    #: Logged-in chat in the customer's online-bank archive: 3 years (seed 001).
    archive: timedelta
    #: Any chat a human adviser took part in: 5 years (seed 001).
    adviser: timedelta

    def __post_init__(self) -> None:
        for name in ("analytics", "archive", "adviser"):
            if getattr(self, name) <= timedelta(0):
                raise ValueError(f"retention period {name!r} must be positive")

    @classmethod
    def from_settings(cls, settings: Settings) -> RetentionPeriods:
        return cls(
            analytics=timedelta(days=settings.retention_analytics_days),
            archive=timedelta(days=settings.retention_archive_days),
            adviser=timedelta(days=settings.retention_adviser_days),
        )


def _as_utc(value: datetime) -> datetime:
    """Reject naive datetimes: guessing their zone would shift every expiry date silently."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("created_at must be timezone-aware (UTC)")
    return value.astimezone(UTC)


class RetentionPolicy:
    """Decides a session's tier, expiry and customer visibility, and whether erasure is allowed."""

    __slots__ = ("_periods",)

    def __init__(self, periods: RetentionPeriods) -> None:
        self._periods = periods

    @property
    def periods(self) -> RetentionPeriods:
        return self._periods

    def compute(
        self,
        *,
        kind: SessionKind,
        created_at: datetime,
        adviser_took_part: bool,
        legal_hold: bool,
    ) -> Retention:
        """The retention a session with these facts has; call again whenever a fact changes."""
        if kind not in _KINDS:
            raise ValueError(f"unknown session kind {kind!r}")
        created = _as_utc(created_at)
        periods = self._periods
        # Only logged-in chat is linked to a customer and so shown in the online-bank archive; the
        # customer sees it for the archive period even when an adviser's duty keeps it longer.
        visible_until = created + periods.archive if kind == "authenticated" else None
        if legal_hold:
            # A hold keeps everything until compliance releases it; the customer's view is unchanged.
            return Retention(tier="legal_hold", expire_at=None, visible_until=visible_until)

        # Candidates from least to most specific; ``max`` keeps the first of equal periods, so iterate
        # most specific first to label ties with the rule that carries the stronger duty.
        candidates: list[tuple[Tier, timedelta]] = []
        if adviser_took_part:
            candidates.append(("adviser", periods.adviser))
        if kind == "authenticated":
            candidates.append(("archive", periods.archive))
        candidates.append(("analytics", periods.analytics))
        tier, period = max(candidates, key=lambda candidate: candidate[1])
        return Retention(tier=tier, expire_at=created + period, visible_until=visible_until)

    def for_session(
        self,
        session: SessionRecord,
        *,
        legal_hold: bool | None = None,
        adviser_took_part: bool | None = None,
    ) -> Retention:
        """Recompute from a stored record, with the fact that is about to change given as an override.

        E.g. ``for_session(s, adviser_took_part=True)`` when an adviser joins, ``legal_hold=False`` on
        release (the caller knows whether other holds on the session are still active).
        """
        return self.compute(
            kind=session.kind,
            created_at=session.created_at,
            adviser_took_part=bool(session.adviser_ids) if adviser_took_part is None else adviser_took_part,
            legal_hold=session.legal_hold if legal_hold is None else legal_hold,
        )

    def erasure_refusal(self, session: SessionRecord) -> str | None:
        """``None`` if the customer's erasure request may be carried out, else the reason to show them.

        The reason is meant for the customer (sent with the 409) and names no staff, case or data.
        """
        if session.legal_hold or session.retention.tier == "legal_hold":
            return (
                "This chat is under a legal hold and must be kept until the hold is released; it cannot be erased now."
            )
        if session.adviser_ids or session.retention.tier == "adviser":
            keep_until = _as_utc(session.created_at) + self._periods.adviser
            return (
                "A customer adviser took part in this chat, and the bank has a duty to keep it as "
                f"documentation until {keep_until.date().isoformat()}; it cannot be erased before then."
            )
        if session.kind == "anonymous":
            delete_on = _as_utc(session.created_at) + self._periods.analytics
            return (
                "This chat was anonymous and cannot be linked to any customer, so it cannot be erased on "
                f"request; it is deleted automatically on {delete_on.date().isoformat()}."
            )
        return None
