"""Prometheus metrics, one registry per app (so several apps in one test process do not collide)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, generate_latest

from chat.tally import LoopCounter, LoopHistogram

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.connections = Gauge("chatlog_connections", "Open websocket connections", ["endpoint"], registry=r)
        self.live_sessions = Gauge("chatlog_live_sessions", "Sessions with a connected customer", ["kind"], registry=r)
        self.sessions = Counter("chatlog_sessions", "Sessions started", ["kind"], registry=r)
        # The two that every stored message moves are kept by the event loop itself (chat/tally.py).
        self.messages = LoopCounter("chatlog_messages", "Messages stored", ["kind", "sender"], registry=r)
        self.duplicates = Counter("chatlog_duplicate_messages", "Retried messages answered from the store", registry=r)
        self.errors = Counter("chatlog_protocol_errors", "Error frames sent, by code", ["code"], registry=r)
        self.store_errors = Counter("chatlog_store_errors", "Store operations that failed", ["op"], registry=r)
        self.slow_peers_dropped = Counter(
            "chatlog_slow_peers_dropped",
            "Peers disconnected because their outgoing backlog passed the limits (close 4413)",
            registry=r,
        )
        self.ack_latency = LoopHistogram(
            "chatlog_ack_latency_seconds",
            "Frame received to ack sent (includes redaction and the durable write)",
            ["kind"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.anonymizer_latency = Histogram(
            "chatlog_anonymizer_seconds_per_message",
            "Anonymizer time per message (batch time divided by batch size)",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.anonymizer_withheld = Counter(
            "chatlog_anonymizer_withheld_messages",
            "Anonymous messages stored as <WITHHELD> because the anonymizer passed its per-message deadline",
            registry=r,
        )

        #: The audit chain's newest link (chat/audit_chain.py): a scraper that keeps its history anchors
        #: the chain outside the database (docs/operations.md, "The audit chain").
        self.audit_head = Info("chatlog_audit_chain_head", "Newest link of the audit hash chain", registry=r)

        for op in ("append", "create_session", "update_session"):
            self.store_errors.labels(op)  # export zeros, so alerts can be written before the first error

    def render(self) -> bytes:
        return generate_latest(self.registry)
