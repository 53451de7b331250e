"""Small-cell suppression (issue 13): under 5 reads "<5", and nothing hidden comes back by subtraction."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from chat.api.kanon import SUPPRESSED, Table, rate
from chat.api.service import service_body
from chat.store.base import ServiceDay, Spread
from chat.topics import TopicModel


def test_primary_suppression_hides_1_to_4_and_shows_0_and_5() -> None:
    t = Table()
    for key, value in {"a": 0, "b": 1, "c": 4, "d": 5, "e": 120}.items():
        t.add(key, value)
    assert t.cells() == {"a": 0, "b": SUPPRESSED, "c": SUPPRESSED, "d": 5, "e": 120}


def test_one_hidden_part_of_a_published_total_hides_the_next_smallest_part() -> None:
    t = Table()
    for key, value in {"total": 30, "x": 2, "y": 8, "z": 20}.items():
        t.add(key, value)
    t.group("total", ["x", "y", "z"])
    cells = t.cells()
    assert (cells["x"], cells["y"], cells["z"], cells["total"]) == (SUPPRESSED, SUPPRESSED, 20, 30)


def test_a_hidden_total_hides_a_part() -> None:
    t = Table()
    for key, value in {"total": 3, "x": 3, "y": 0}.items():
        t.add(key, value)
    t.group("total", ["x", "y"])
    assert t.cells() == {"total": SUPPRESSED, "x": SUPPRESSED, "y": 0}


def test_rates_of_hidden_counts_are_hidden() -> None:
    assert rate(5, 20) == 0.25
    assert rate(SUPPRESSED, 20) == SUPPRESSED
    assert rate(5, SUPPRESSED) == SUPPRESSED
    assert rate(0, 0) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=0, max_value=12), min_size=3, max_size=3), min_size=1, max_size=5))
def test_no_group_ever_has_exactly_one_hidden_member(rows: list[list[int]]) -> None:
    """Rows of parts with row totals, columns with column totals and a grand total: after suppression,
    no additive group can be solved for a single hidden cell."""
    t = Table()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.add((r, c), value)
        t.add((r, "total"), sum(row))
        t.group((r, "total"), [(r, c) for c in range(3)])
    for c in [*range(3), "total"]:
        t.add(("all", c), sum(t.values[(r, c)] for r in range(len(rows))))
        t.group(("all", c), [(r, c) for r in range(len(rows))])
    cells = t.cells()
    assert all(v == SUPPRESSED for k, v in cells.items() if 0 < t.values[k] < 5)
    for total, parts in t.groups:
        assert sum(cells[m] == SUPPRESSED for m in (total, *parts)) != 1


def _day(day: str | None, anon: int, auth: int, handovers: int, topics: dict[str, int]) -> ServiceDay:
    spread = Spread(anon + auth, 1.0, 2.0)
    return ServiceDay(day, anon, auth, handovers, 0, spread, Spread(handovers, 30.0, 60.0), spread, spread, topics)


def test_the_service_body_never_shows_a_small_number() -> None:
    model = TopicModel.load()
    days = [
        _day("2100-03-03", 40, 2, 3, {"cards_payments": 30, "fraud_security": 1, "other": 11}),
        _day("2100-03-04", 50, 9, 12, {"cards_payments": 40, "fraud_security": 19}),
        _day(None, 90, 11, 15, {"cards_payments": 70, "fraud_security": 20, "other": 11}),
    ]
    body = service_body(days, model)
    first, second = body["days"]
    assert first["authenticated"] == SUPPRESSED and first["anonymous"] == SUPPRESSED  # 2 hidden: 40 goes too
    assert first["handovers"] == SUPPRESSED and first["handover_rate"] == SUPPRESSED
    assert first["pickup_s"] == SUPPRESSED  # a spread over 3 sessions
    assert first["topics"]["fraud_security"] == SUPPRESSED
    # 15 handovers in the window, 3 of them on the first day: the second day's 12 would give it away.
    assert second["handovers"] == SUPPRESSED and body["totals"]["handovers"] == 15
    assert second["sessions"] == 59 and body["totals"]["handover_rate"] == round(15 / 101, 3)
    # The window's authenticated total (11) minus the second day's (9) would give the first day's 2.
    assert body["totals"]["authenticated"] == SUPPRESSED or second["authenticated"] == SUPPRESSED
    # No number from 1 to 4 anywhere in the body, whatever its key.
    numbers = [v for v in _leaves(body) if isinstance(v, int) and not isinstance(v, bool)]
    assert not [n for n in numbers if 0 < n < 5 and n != body["k"]]
    json.dumps(body)


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return list(itertools.chain.from_iterable(_leaves(v) for v in value.values()))
    if isinstance(value, list):
        return list(itertools.chain.from_iterable(_leaves(v) for v in value))
    return [value]
