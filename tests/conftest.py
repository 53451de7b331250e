from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import Running, make_settings, run_in_thread


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Running]:
    """A real gateway (uvicorn, embedded store, anonymizer in a thread) on a loopback port."""
    with run_in_thread(make_settings(tmp_path / "var")) as running:
        yield running
