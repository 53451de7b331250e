"""``chat.tasks.stop_tasks``: shutdown ends tasks that swallow a cancellation, and never waits forever."""

from __future__ import annotations

import asyncio
import logging

import pytest

from chat.tasks import stop_tasks


async def _swallows_once(ticks: list[int]) -> None:
    """Like a loop whose ``asyncio.wait_for`` (Python 3.11) swallowed the cancel: it carries on once."""
    swallowed = False
    while True:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            if swallowed:
                raise
            swallowed = True
            ticks.append(1)


async def _never_stops() -> None:
    while True:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            continue


async def _fails() -> None:
    raise RuntimeError("boom")


async def test_a_task_that_swallows_its_cancellation_is_cancelled_again() -> None:
    ticks: list[int] = []
    task = asyncio.create_task(_swallows_once(ticks))
    await asyncio.sleep(0)
    assert await stop_tasks([task], within_s=10, where="test") == 0
    assert task.cancelled() and ticks == [1]


async def test_a_task_that_never_stops_is_given_up_on_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    task = asyncio.create_task(_never_stops())
    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING, logger="chat.tasks"):
        assert await stop_tasks([task], within_s=0.2, where="test") == 1
    assert [r.getMessage() for r in caplog.records] == ["tasks did not stop"]
    assert not task.done()
    task.get_coro().close()


async def test_finished_and_failed_tasks_are_consumed_quietly() -> None:
    done = asyncio.create_task(asyncio.sleep(0))
    failed = asyncio.create_task(_fails())
    await asyncio.sleep(0.01)
    assert await stop_tasks([done, failed], within_s=1, where="test") == 0
    assert failed.done() and isinstance(failed.exception(), RuntimeError)
