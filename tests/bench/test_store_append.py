"""bench/store_append.py: the store alone under closed-loop appends."""

from __future__ import annotations

from bench.store_append import one_run


async def test_a_short_run_appends_and_measures_its_cpu() -> None:
    rate, cpu_us = await one_run(checkpoint_pages=100, sessions=5, seconds=0.3, warmup=0.1)
    assert rate > 0 and cpu_us > 0
