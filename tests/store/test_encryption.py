"""Encryption at rest of logged-in chats (issue 14): sealed in the chat store, readable through the store,
unreadable in a backup once the session's key is destroyed, and master keys that rotate and that a
wrong key cannot open."""

from __future__ import annotations

import base64
import os
import shutil
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from chat.crypto import SEALED_PREFIX, UNREADABLE, MasterKeys, open_sealed, seal
from chat.errors import MasterKeyError, NotConfigured
from chat.keystore import SqliteKeyStore
from chat.settings import Settings
from chat.store.base import NewMessage
from chat.store.encrypted import EncryptingStore, encrypting
from chat.store.factory import build_store
from chat.store.sqlite import SqliteStore

from .contract import DAY, MINUTE, T0, analytics, new_session

SECRET = "Kontonummeret mitt er 1234.56.78903 og jeg heter Kari Nordmann"


def key_line(kid: str) -> str:
    return f"{kid}:{base64.b64encode(os.urandom(32)).decode()}"


def keys_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "master.keys"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def encrypted(data: Path, master: Path) -> EncryptingStore:
    store = build_store(Settings(data_dir=data, dev_mode=True, master_keys_file=master, sweep_interval_s=0))
    assert isinstance(store, EncryptingStore)
    return store


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[EncryptingStore]:
    s = encrypted(tmp_path / "var", keys_file(tmp_path, key_line("k1")))
    await s.open()
    try:
        yield s
    finally:
        await s.close()


def raw_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM messages ORDER BY session_id, seq")]


async def test_logged_in_text_is_sealed_on_disk_and_read_back_whole(store: EncryptingStore, tmp_path: Path) -> None:
    await store.create_session(new_session("auth", customer_id="c1"))
    await store.create_session(new_session("anon"))
    stored = await store.append_message(NewMessage("auth", "customer", SECRET, T0 + MINUTE, client_msg_id="m1"))
    assert stored.message.text == SECRET
    await store.append_message(NewMessage("anon", "customer", "<PERSON> skrev", T0 + MINUTE))
    again = await store.append_message(NewMessage("auth", "customer", SECRET, T0 + MINUTE, client_msg_id="m1"))
    assert again.duplicate and again.message.text == SECRET  # the retry's answer is readable too
    assert [m.text for m in await store.get_messages("auth", now=T0)] == [SECRET]
    on_disk = raw_texts(tmp_path / "var" / "chatlog.db")
    assert "<PERSON> skrev" in on_disk  # anonymous text is redacted, not sealed
    sealed = [t for t in on_disk if t.startswith(SEALED_PREFIX)]
    assert len(sealed) == 1 and "1234" not in sealed[0] and "Kari" not in sealed[0]
    assert b"1234.56.78903" not in (tmp_path / "var" / "keys.db").read_bytes()



async def test_a_replaced_text_is_sealed_like_an_appended_one(store: EncryptingStore, tmp_path: Path) -> None:
    await store.create_session(new_session("auth", customer_id="c1"))
    await store.create_session(new_session("anon"))
    await store.append_message(NewMessage("auth", "customer", "hei", T0 + MINUTE))
    await store.append_message(NewMessage("anon", "customer", "1503 12", T0 + MINUTE))
    assert await store.replace_text("auth", 1, SECRET)
    assert await store.replace_text("anon", 1, "<NO_KONTONUMMER>")
    assert [m.text for m in await store.get_messages("auth", now=T0)] == [SECRET]
    on_disk = raw_texts(tmp_path / "var" / "chatlog.db")
    assert on_disk[0] == "<NO_KONTONUMMER>" and on_disk[1].startswith(SEALED_PREFIX) and "Kari" not in on_disk[1]

async def test_erasure_reaches_a_backup_taken_before_it(store: EncryptingStore, tmp_path: Path) -> None:
    await store.create_session(new_session("auth", customer_id="c1"))
    await store.append_message(NewMessage("auth", "customer", SECRET, T0 + MINUTE))
    # A backup of the chat data (the key store is backed up apart, on its own short cycle).
    backup = tmp_path / "backup"
    backup.mkdir()
    for name in ("chatlog.db", "chatlog.db-wal"):
        if (tmp_path / "var" / name).exists():
            shutil.copy(tmp_path / "var" / name, backup / name)
    assert await store.delete_session("auth")
    # Restore the old chat data beside the current key store: the session is back, its text is not.
    old = encrypting(SqliteStore(backup / "chatlog.db", sweep_interval_s=0), store.keys, store.master)
    await old.inner.open()
    try:
        [message] = await old.get_messages("auth", now=T0)
        assert message.text == UNREADABLE
        assert "Kari" not in "".join(raw_texts(backup / "chatlog.db"))
    finally:
        await old.inner.close()


async def test_expiry_destroys_the_key_and_a_hold_keeps_it(store: EncryptingStore) -> None:
    await store.create_session(new_session("short", customer_id="c1", retention=analytics(T0, days=1)))
    await store.create_session(new_session("kept", customer_id="c1"))
    for sid in ("short", "kept"):
        await store.append_message(NewMessage(sid, "customer", SECRET, T0 + MINUTE))
    counts = await store.purge_expired(now=T0 + 2 * DAY)
    assert counts["keys"] == 1
    assert await store.keys.get("short") is None and await store.keys.get("kept") is not None


async def test_rotation_rewraps_every_key_and_keeps_every_message_readable(tmp_path: Path) -> None:
    old_line = key_line("k1")
    first = encrypted(tmp_path / "var", keys_file(tmp_path, old_line))
    await first.open()
    for n in range(5):
        await first.create_session(new_session(f"s{n}", customer_id="c1"))
        await first.append_message(NewMessage(f"s{n}", "customer", f"{SECRET} {n}", T0 + MINUTE))
    await first.close()
    # The operator puts a new key first, keeps the old one, and rotates (online, no downtime).
    new_line = key_line("k2")
    second = encrypted(tmp_path / "var", keys_file(tmp_path, new_line, old_line))
    await second.open()
    assert await second.rotate() == 5
    assert {kid for _, kid, _ in await second.keys.page(after="", limit=100)} == {"k2"}
    await second.close()
    # Then the old key is removed: everything still opens.
    third = encrypted(tmp_path / "var", keys_file(tmp_path, new_line))
    await third.open()
    try:
        for n in range(5):
            assert [m.text for m in await third.get_messages(f"s{n}", now=T0)] == [f"{SECRET} {n}"]
    finally:
        await third.close()


async def test_a_wrong_or_missing_master_key_is_refused_at_start(tmp_path: Path) -> None:
    first = encrypted(tmp_path / "var", keys_file(tmp_path, key_line("k1")))
    await first.open()
    await first.close()
    wrong = encrypted(tmp_path / "var", keys_file(tmp_path, key_line("k1")))  # same id, other bytes
    with pytest.raises(MasterKeyError, match="wrong"):
        await wrong.open()
    unknown = encrypted(tmp_path / "var", keys_file(tmp_path, key_line("k9")))
    with pytest.raises(MasterKeyError, match="not configured"):
        await unknown.open()
    with pytest.raises(NotConfigured, match="CHATLOG_MASTER_KEYS_FILE"):
        build_store(Settings(data_dir=tmp_path / "prod", dev_mode=False))
    for bad in ("k1:short", "no key here", "k1:" + base64.b64encode(os.urandom(32)).decode() + "\nk1:x"):
        with pytest.raises(MasterKeyError):
            MasterKeys.parse(bad)


def test_sealed_text_is_bound_to_its_session() -> None:
    key = os.urandom(32)
    sealed = seal(key, "s1", SECRET)
    assert open_sealed(key, "s1", sealed) == SECRET
    assert open_sealed(key, "s2", sealed) == UNREADABLE  # moved to another session: does not open
    assert open_sealed(None, "s1", sealed) == UNREADABLE
    assert open_sealed(None, "s1", "plain text stays") == "plain text stays"


async def test_the_key_store_is_a_file_of_its_own(tmp_path: Path) -> None:
    keys = SqliteKeyStore(tmp_path / "k" / "keys.db")
    await keys.open()
    try:
        await keys.put("s1", "k1", b"blob-1")
        await keys.put("s1", "k1", b"blob-2")  # the first stands
        assert await keys.get("s1") == ("k1", b"blob-1")
        assert await keys.delete(["s1", "nope"]) == 1 and await keys.get("s1") is None
    finally:
        await keys.close()


async def test_chatlog_keys_rotate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio

    from chat.cli import main

    old_line = key_line("k1")
    first = encrypted(tmp_path / "var", keys_file(tmp_path, old_line))
    await first.open()
    await first.create_session(new_session("s1", customer_id="c1"))
    await first.close()
    monkeypatch.setenv("CHATLOG_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("CHATLOG_DEV_MODE", "true")
    monkeypatch.setenv("CHATLOG_MASTER_KEYS_FILE", str(keys_file(tmp_path, key_line("k2"), old_line)))
    assert await asyncio.to_thread(main, ["keys", "rotate"]) == 0
    assert "rotated 1 data keys to master key k2" in capsys.readouterr().out
