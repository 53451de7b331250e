"""What a running instance leaves on disk and in its redirects (outside audit 62, F13): every file under
the data directory is its owner's alone, and a redirect names no host, whatever ``Host`` was sent."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import httpx
import pytest

from chat.keyfiles import private_database
from tests.servers import make_settings, run_in_thread


def test_a_database_is_created_owner_only_and_a_readable_one_is_tightened(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "new" / "chatlog.db"
        private_database(fresh)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
        assert stat.S_IMODE(fresh.parent.stat().st_mode) == 0o700
        loose = tmp_path / "old.db"
        for each in (loose, tmp_path / "old.db-wal"):
            each.write_bytes(b"x")
            each.chmod(0o644)
        private_database(loose)
        assert stat.S_IMODE(loose.stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "old.db-wal").stat().st_mode) == 0o600
    finally:
        os.umask(old)


@pytest.mark.parametrize("path", ["/api", "/desk", "/archive", "/stats", "/widget"])
def test_no_file_is_readable_by_others_and_redirects_name_no_host(tmp_path: Path, path: str) -> None:
    old = os.umask(0o022)
    try:
        data_dir = tmp_path / "var"
        with run_in_thread(make_settings(data_dir)) as running:
            base = running.ws.replace("ws://", "http://")
            r = httpx.get(base + path + "?a=1", headers={"Host": "evil.example"}, follow_redirects=False)
            assert r.status_code == 307
            assert r.headers["location"] == f"{path}/?a=1"
            if path != "/api":  # the screens: the redirect leads to the page
                assert httpx.get(base + path, follow_redirects=True).status_code == 200
            files = [p for p in data_dir.rglob("*") if p.is_file()]
            assert any(p.name == "chatlog.db" for p in files) and any(p.name == "keys.db" for p in files)
            loose = [str(p) for p in files if stat.S_IMODE(p.stat().st_mode) & 0o077]
            assert loose == []
    finally:
        os.umask(old)
