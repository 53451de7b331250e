"""The retention table (brief; seeds 000 and 001) as data, with fixed datetimes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from chat.retention import RetentionPeriods, RetentionPolicy
from chat.settings import Settings
from chat.store.base import Retention, SessionKind, SessionRecord

T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
YEAR = timedelta(days=365)
ARCHIVE = timedelta(days=3 * 365)
ADVISER = timedelta(days=5 * 365)

POLICY = RetentionPolicy(RetentionPeriods(analytics=YEAR, archive=ARCHIVE, adviser=ADVISER))


def session(
    kind: SessionKind,
    *,
    advisers: tuple[str, ...] = (),
    legal_hold: bool = False,
    objection: bool = False,
) -> SessionRecord:
    record = SessionRecord(
        session_id="s1",
        kind=kind,
        customer_id="c1" if kind == "authenticated" else None,
        created_at=T0,
        retention=Retention("analytics", T0 + YEAR, None),
        adviser_ids=list(advisers),
        legal_hold=legal_hold,
        objection=objection,
    )
    record.retention = POLICY.for_session(record)
    return record


# Every combination of the three facts: (kind, adviser took part, legal hold) -> (tier, expire, visible).
@pytest.mark.parametrize(
    ("kind", "adviser", "hold", "tier", "expire_at", "visible_until"),
    [
        ("anonymous", False, False, "analytics", T0 + YEAR, None),
        ("anonymous", True, False, "adviser", T0 + ADVISER, None),
        ("anonymous", False, True, "legal_hold", None, None),
        ("anonymous", True, True, "legal_hold", None, None),
        ("authenticated", False, False, "archive", T0 + ARCHIVE, T0 + ARCHIVE),
        ("authenticated", True, False, "adviser", T0 + ADVISER, T0 + ARCHIVE),
        ("authenticated", False, True, "legal_hold", None, T0 + ARCHIVE),
        ("authenticated", True, True, "legal_hold", None, T0 + ARCHIVE),
    ],
)
def test_table(
    kind: SessionKind,
    adviser: bool,
    hold: bool,
    tier: str,
    expire_at: datetime | None,
    visible_until: datetime | None,
) -> None:
    got = POLICY.compute(kind=kind, created_at=T0, adviser_took_part=adviser, legal_hold=hold)
    assert got == Retention(tier, expire_at, visible_until)  # type: ignore[arg-type]


def test_default_figures_come_from_settings() -> None:
    periods = RetentionPeriods.from_settings(Settings())
    assert periods == RetentionPeriods(
        analytics=timedelta(days=365), archive=timedelta(days=1095), adviser=timedelta(days=1825)
    )
    custom = Settings(retention_analytics_days=30, retention_archive_days=60, retention_adviser_days=90)
    assert RetentionPeriods.from_settings(custom).adviser == timedelta(days=90)


@pytest.mark.parametrize(
    ("periods", "kind", "adviser", "tier", "expire_after"),
    [
        # The longest rule that applies decides, whatever the configuration.
        ((700, 300, 500), "authenticated", False, "analytics", 700),
        ((700, 300, 500), "authenticated", True, "analytics", 700),
        ((100, 300, 200), "authenticated", True, "archive", 300),
        ((100, 300, 200), "anonymous", True, "adviser", 200),
        ((400, 300, 200), "anonymous", True, "analytics", 400),
        # Ties are labelled with the more specific rule.
        ((300, 300, 300), "authenticated", True, "adviser", 300),
        ((300, 300, 300), "authenticated", False, "archive", 300),
        ((300, 300, 300), "anonymous", True, "adviser", 300),
    ],
)
def test_longest_rule_wins(
    periods: tuple[int, int, int], kind: SessionKind, adviser: bool, tier: str, expire_after: int
) -> None:
    analytics, archive, adviser_days = (timedelta(days=d) for d in periods)
    policy = RetentionPolicy(RetentionPeriods(analytics=analytics, archive=archive, adviser=adviser_days))
    got = policy.compute(kind=kind, created_at=T0, adviser_took_part=adviser, legal_hold=False)
    assert (got.tier, got.expire_at) == (tier, T0 + timedelta(days=expire_after))
    # The customer's view is the archive period whatever decides the expiry.
    assert got.visible_until == (T0 + archive if kind == "authenticated" else None)


def test_escalation_hold_release_sequence_logged_in() -> None:
    s = session("authenticated")
    assert s.retention == Retention("archive", T0 + ARCHIVE, T0 + ARCHIVE)

    # An adviser joins: recomputed from created_at, not from the time of joining.
    s.retention = POLICY.for_session(s, adviser_took_part=True)
    s.adviser_ids.append("staff-7")
    assert s.retention == Retention("adviser", T0 + ADVISER, T0 + ARCHIVE)

    # Compliance places a hold: kept indefinitely, customer's view unchanged.
    s.retention = POLICY.for_session(s, legal_hold=True)
    s.legal_hold = True
    assert s.retention == Retention("legal_hold", None, T0 + ARCHIVE)

    # Release: back to exactly what it was before the hold.
    s.retention = POLICY.for_session(s, legal_hold=False)
    s.legal_hold = False
    assert s.retention == Retention("adviser", T0 + ADVISER, T0 + ARCHIVE)
    # Recomputing again changes nothing (idempotent).
    assert POLICY.for_session(s) == s.retention


def test_escalation_hold_release_sequence_anonymous() -> None:
    s = session("anonymous")
    assert s.retention == Retention("analytics", T0 + YEAR, None)
    s = replace(s, legal_hold=True)
    s.retention = POLICY.for_session(s)
    assert s.retention == Retention("legal_hold", None, None)
    # Released without an adviser ever joining: back to one year.
    s = replace(s, legal_hold=False)
    assert POLICY.for_session(s) == Retention("analytics", T0 + YEAR, None)
    # An adviser joins later: five years from creation.
    assert POLICY.for_session(s, adviser_took_part=True) == Retention("adviser", T0 + ADVISER, None)


def test_overrides_beat_record() -> None:
    s = session("authenticated", advisers=("a1",), legal_hold=True)
    assert POLICY.for_session(s).tier == "legal_hold"
    assert POLICY.for_session(s, legal_hold=False).tier == "adviser"
    assert POLICY.for_session(s, legal_hold=False, adviser_took_part=False).tier == "archive"


@pytest.mark.parametrize("kind", ["anonymous", "authenticated"])
@pytest.mark.parametrize("advisers", [(), ("a1",)])
def test_objection_does_not_change_expiry(kind: SessionKind, advisers: tuple[str, ...]) -> None:
    assert POLICY.for_session(session(kind, advisers=advisers, objection=True)) == POLICY.for_session(
        session(kind, advisers=advisers)
    )


@pytest.mark.parametrize(
    ("kind", "advisers", "hold", "reason_contains"),
    [
        ("authenticated", (), False, None),
        ("authenticated", ("a1",), False, "adviser took part"),
        ("authenticated", (), True, "legal hold"),
        ("authenticated", ("a1",), True, "legal hold"),
        ("anonymous", (), False, "anonymous"),
        ("anonymous", ("a1",), False, "adviser took part"),
        ("anonymous", (), True, "legal hold"),
    ],
)
def test_erasure_refusal(kind: SessionKind, advisers: tuple[str, ...], hold: bool, reason_contains: str | None) -> None:
    reason = POLICY.erasure_refusal(session(kind, advisers=advisers, legal_hold=hold))
    if reason_contains is None:
        assert reason is None
    else:
        assert reason is not None
        assert reason_contains in reason


def test_erasure_refusal_dates() -> None:
    adviser = POLICY.erasure_refusal(session("authenticated", advisers=("a1",)))
    assert adviser is not None and (T0 + ADVISER).date().isoformat() in adviser
    anonymous = POLICY.erasure_refusal(session("anonymous"))
    assert anonymous is not None and (T0 + YEAR).date().isoformat() in anonymous


def test_erasure_refused_by_tier_alone() -> None:
    # A record whose facts were lost but whose stored tier says hold / adviser is still protected.
    s = session("authenticated")
    s.retention = Retention("legal_hold", None, T0 + ARCHIVE)
    assert POLICY.erasure_refusal(s) is not None
    s.retention = Retention("adviser", T0 + ADVISER, T0 + ARCHIVE)
    assert POLICY.erasure_refusal(s) is not None


def test_naive_datetime_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        POLICY.compute(kind="anonymous", created_at=datetime(2024, 3, 1, 12), adviser_took_part=False, legal_hold=False)


def test_other_zones_normalised_to_utc() -> None:
    oslo = T0.astimezone(timezone(timedelta(hours=1)))
    got = POLICY.compute(kind="authenticated", created_at=oslo, adviser_took_part=False, legal_hold=False)
    assert got.expire_at == T0 + ARCHIVE
    assert got.expire_at is not None and got.expire_at.utcoffset() == timedelta(0)


def test_unknown_kind_rejected() -> None:
    with pytest.raises(ValueError, match="kind"):
        POLICY.compute(
            kind="guest",  # type: ignore[arg-type]
            created_at=T0,
            adviser_took_part=False,
            legal_hold=False,
        )


@pytest.mark.parametrize("days", [0, -1])
def test_periods_must_be_positive(days: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        RetentionPeriods(analytics=YEAR, archive=timedelta(days=days), adviser=ADVISER)


@pytest.mark.parametrize("field", ["retention_analytics_days", "retention_archive_days", "retention_adviser_days"])
@pytest.mark.parametrize("value", [0, -5])
def test_a_period_that_is_not_positive_is_refused_by_name(field: str, value: int) -> None:
    """Outside audit 63: 0 days failed at start with a bare ValueError that named no setting."""
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=field):
        Settings.model_validate({field: value})
