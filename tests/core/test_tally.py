"""The loop-kept metrics (chat/tally.py) render exactly as prometheus_client's own Counter and Histogram
would, for the same observations: a scraper, a dashboard or an alert cannot tell them apart."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from chat.tally import LoopCounter, LoopHistogram

BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
LABELS = ("authenticated", "anonymous")


def _without_created(text: bytes) -> str:
    """The exposition with each ``_created`` value masked (the two objects were made at different times)."""
    return re.sub(r"(_created\{[^}]*\}) \S+", r"\1 T", text.decode())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(LABELS),
            st.one_of(st.sampled_from([0.0, *BUCKETS]), st.floats(0, 10, allow_nan=False)),
        ),
        max_size=40,
    )
)
def test_same_exposition_as_prometheus_client(observations: list[tuple[str, float]]) -> None:
    ours, theirs = CollectorRegistry(), CollectorRegistry()
    our_count = LoopCounter("chatlog_messages", "Messages stored", ["kind", "sender"], registry=ours)
    their_count = Counter("chatlog_messages", "Messages stored", ["kind", "sender"], registry=theirs)
    our_hist = LoopHistogram("chatlog_ack_latency_seconds", "Ack latency", ["kind"], buckets=BUCKETS, registry=ours)
    their_hist = Histogram("chatlog_ack_latency_seconds", "Ack latency", ["kind"], buckets=BUCKETS, registry=theirs)
    for kind in LABELS:  # the hub makes its children up front, so every one is exported from the start
        our_count.labels(kind, "customer")
        their_count.labels(kind, "customer")
        our_hist.labels(kind)
        their_hist.labels(kind)
    for kind, seconds in observations:
        our_count.labels(kind, "customer").inc()
        their_count.labels(kind, "customer").inc()
        our_hist.labels(kind).observe(seconds)
        their_hist.labels(kind).observe(seconds)
    assert _without_created(generate_latest(ours)) == _without_created(generate_latest(theirs))


def test_a_value_on_a_bound_counts_in_that_bucket_and_counters_only_go_up() -> None:
    registry = CollectorRegistry()
    hist = LoopHistogram("h", "h", ["k"], buckets=(0.5, 1.0), registry=registry)
    hist.labels("a").observe(0.5)
    hist.labels("a").observe(7.0)
    text = generate_latest(registry).decode()
    assert 'h_bucket{k="a",le="0.5"} 1.0' in text
    assert 'h_bucket{k="a",le="1.0"} 1.0' in text
    assert 'h_bucket{k="a",le="+Inf"} 2.0' in text
    assert 'h_sum{k="a"} 7.5' in text
    with pytest.raises(ValueError):
        LoopCounter("c", "c", [], registry=registry).labels().inc(-1)
    with pytest.raises(ValueError):
        hist.labels("a", "b")


def test_the_created_series_follow_prometheus_clients_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    from prometheus_client import metrics

    monkeypatch.setattr(metrics, "_use_created", False)
    ours, theirs = CollectorRegistry(), CollectorRegistry()
    for registry, counter, histogram in ((ours, LoopCounter, LoopHistogram), (theirs, Counter, Histogram)):
        counter("c", "c", ["k"], registry=registry).labels("a").inc()
        histogram("h", "h", ["k"], buckets=BUCKETS, registry=registry).labels("a").observe(0.3)
    assert b"_created" not in generate_latest(ours)
    assert generate_latest(ours) == generate_latest(theirs)
