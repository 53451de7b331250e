"""Secret files the server creates for itself under its data directory: written 0600 from the first
byte, linked into place atomically (so that several processes starting at once agree on one secret),
and refused when other users can read them, as OpenSSH refuses a private key."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path

from chat.errors import ChatlogError

log = logging.getLogger("chat.keys")


def write_private(path: Path, data: bytes) -> Path:
    """Write to a fresh file next to ``path`` (mkstemp: unique name, 0600 from the start, so the secret
    is never readable by others even for a moment); the caller links or renames it into place."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def create_once(path: Path, data: bytes) -> bool:
    """Put ``data`` at ``path`` unless a file is there already (whoever links first wins). True if ours."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.exists():
        return False
    tmp = write_private(path, data)
    try:
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False  # another process won the race; use its secret
    finally:
        tmp.unlink()


def check_private(path: Path) -> None:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise ChatlogError(f"{path} is accessible by other users; chmod 600 it")


def read_or_create_secret(path: Path, size: int = 32) -> bytes:
    """A random secret at ``path``, created on first use (see the module docstring)."""
    if create_once(path, os.urandom(size)):
        log.info("created a secret key file", extra={"key_file": str(path)})
    check_private(path)
    secret = path.read_bytes()
    if len(secret) < 16:
        raise ChatlogError(f"{path} holds fewer than 16 bytes; a secret key needs more")
    return secret


def private_database(path: Path) -> None:
    """Make the SQLite file ``path`` readable by its owner only, before SQLite opens it.

    Why: SQLite creates a database with the process's umask (0644 under the usual 022), and it holds the
    audit log (customer ids, staff ids, purposes, case references of holds), every session's customer
    id and the wrapped data keys (outside audit 62, F13). A new file is created 0600 here first; SQLite
    gives its ``-wal`` and ``-shm`` files the mode of the database. A file left readable by an earlier
    version (or by hand) is tightened, and the WAL and shared-memory files with it."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for each in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = stat.S_IMODE(each.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            each.chmod(mode & 0o700)
            log.warning("database file was readable by others: now owner-only", extra={"file": each.name})
