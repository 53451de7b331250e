"""The redaction pool: batches go to worker processes; a dead worker fails its messages (never stores
them raw) and the pool is replaced, so later messages are redacted again."""

from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor

import pytest

from chat.errors import AnonymizerError
from chat.redaction import Redactor

FNR = "05109816444"


async def test_worker_process_redacts_and_recovers_from_a_killed_worker() -> None:
    redactor = Redactor(workers=1, max_batch=8)
    await redactor.start()
    try:
        first = await redactor.redact(f"fnr {FNR}")
        assert FNR not in first.text and first.counts == {"NO_FODSELSNUMMER": 1}

        executor = redactor._executor
        assert isinstance(executor, ProcessPoolExecutor)
        for pid in list(executor._processes):  # the worker processes
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(AnonymizerError):
            await redactor.redact(f"fnr {FNR}")

        again = await redactor.redact(f"mitt fnr er {FNR}")
        assert FNR not in again.text
    finally:
        await redactor.close()


async def test_many_concurrent_requests_are_batched_and_each_gets_its_own_result() -> None:
    import asyncio

    redactor = Redactor(workers=0, max_batch=16)
    await redactor.start()
    try:
        texts = [f"melding {i}: ring {90000000 + i:08d}" if i % 2 else f"melding {i}" for i in range(100)]
        results = await asyncio.gather(*(redactor.redact(t) for t in texts))
        for i, result in enumerate(results):
            assert result.text.startswith(f"melding {i}")
    finally:
        await redactor.close()
