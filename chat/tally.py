"""The per-message metrics as plain numbers, read by the Prometheus registry when it is scraped (issue 11).

Why: prometheus_client's ``Counter.inc`` and ``Histogram.observe`` take a lock each (the histogram two)
and walk the bucket bounds in Python, 3.2 µs a message on the event loop for the two metrics every stored
message moves (``chatlog_messages``, ``chatlog_ack_latency_seconds``). Here an increment is an integer
addition and an observation one ``bisect``; the registry builds the same families, with the same names,
labels, ``_created`` samples and cumulative buckets, only when ``/metrics`` is read.

Only the event loop's thread writes them (the hub); the registry reads them on the same thread when it
renders ``/metrics``. Other metrics stay prometheus_client's own.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

from prometheus_client import CollectorRegistry
from prometheus_client import metrics as _prometheus_metrics
from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from prometheus_client.samples import Sample
from prometheus_client.utils import floatToGoString

C = TypeVar("C")


class _Labelled(Collector, Generic[C]):
    """A metric family: one child per label set, made on first use (as prometheus_client's ``labels``)."""

    def __init__(
        self, name: str, documentation: str, labelnames: Sequence[str], registry: CollectorRegistry,
        make: Callable[[], C],
    ) -> None:  # fmt: skip
        self.name, self.documentation, self.labelnames = name, documentation, tuple(labelnames)
        self._make = make
        self._children: dict[tuple[str, ...], C] = {}
        registry.register(self)

    def labels(self, *values: str) -> C:
        if len(values) != len(self.labelnames):
            raise ValueError(f"{self.name} takes {len(self.labelnames)} label values")
        child = self._children.get(values)
        if child is None:
            child = self._children[values] = self._make()
        return child

    def _items(self) -> list[tuple[tuple[str, ...], C]]:
        return list(self._children.items())


def _with_created() -> bool:
    """prometheus_client's own switch for the ``_created`` series (``PROMETHEUS_DISABLE_CREATED_SERIES``,
    ``disable_created_metrics()``), which its Counter and Histogram obey: so do these."""
    return bool(getattr(_prometheus_metrics, "_use_created", True))


class CountChild:
    """One label set of a :class:`LoopCounter`."""

    __slots__ = ("created", "value")

    def __init__(self) -> None:
        self.value = 0.0
        self.created = time.time()

    def inc(self, amount: float = 1.0) -> None:
        if amount < 0:
            raise ValueError("counters only go up")
        self.value += amount


class LoopCounter(_Labelled[CountChild]):
    """A labelled counter, exposed as prometheus_client's ``Counter`` exposes it (``_total``, ``_created``)."""

    def __init__(self, name: str, documentation: str, labelnames: Sequence[str], registry: CollectorRegistry) -> None:
        super().__init__(name, documentation, labelnames, registry, CountChild)

    def describe(self) -> Iterator[Metric]:
        yield CounterMetricFamily(self.name, self.documentation, labels=self.labelnames)

    def collect(self) -> Iterator[Metric]:
        family = CounterMetricFamily(self.name, self.documentation, labels=self.labelnames)
        for values, child in self._items():
            family.add_metric(values, child.value, created=child.created if _with_created() else None)
        yield family


class ObserveChild:
    """One label set of a :class:`LoopHistogram`: a count per bucket (not cumulative) and the sum."""

    __slots__ = ("bounds", "counts", "created", "total")

    def __init__(self, bounds: tuple[float, ...]) -> None:
        self.bounds = bounds
        self.counts = [0] * (len(bounds) + 1)  # the last one: above every bound (+Inf)
        self.total = 0.0
        self.created = time.time()

    def observe(self, amount: float) -> None:
        self.counts[bisect_left(self.bounds, amount)] += 1  # the first bound >= amount: "le" is inclusive
        self.total += amount


class LoopHistogram(_Labelled[ObserveChild]):
    """A labelled histogram, exposed as prometheus_client's ``Histogram`` exposes it (cumulative
    ``_bucket`` samples up to ``+Inf``, ``_count``, ``_sum``, ``_created``)."""

    def __init__(
        self,
        name: str,
        documentation: str,
        labelnames: Sequence[str],
        buckets: Sequence[float],
        registry: CollectorRegistry,
    ) -> None:
        self.bounds = tuple(sorted(float(b) for b in buckets if b != float("inf")))
        super().__init__(name, documentation, labelnames, registry, lambda: ObserveChild(self.bounds))

    def describe(self) -> Iterator[Metric]:
        yield HistogramMetricFamily(self.name, self.documentation, labels=self.labelnames)

    def collect(self) -> Iterator[Metric]:
        family = HistogramMetricFamily(self.name, self.documentation, labels=self.labelnames)
        for values, child in self._items():
            buckets: list[tuple[str, float]] = []
            running = 0
            for bound, count in zip((*self.bounds, float("inf")), child.counts, strict=True):
                running += count
                buckets.append((floatToGoString(bound), float(running)))  # type: ignore[no-untyped-call]
            family.add_metric(values, buckets, child.total)
            if _with_created():
                labels = dict(zip(self.labelnames, values, strict=True))
                family.samples.append(Sample(self.name + "_created", labels, child.created))
        yield family
