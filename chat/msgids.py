"""Message ids of anonymous chats, as the store keeps them: a keyed hash, never the id as written.

Why: idempotency (a retried message is stored once) needs only to recognise the same ``client_msg_id``
again, not to keep it. An anonymous widget, or a careless integration, may use anything as its id, a
fødselsnummer included (issue 8 found one stored and replayed for a year). So for anonymous sessions
the hub stores HMAC-SHA256(key, session_id, client_msg_id): equal ids give equal hashes within a
session, and without the key (which is not in the database) nothing can be recovered from them, not
even by trying every fødselsnummer, which an unkeyed hash would allow.

The key is a file: ``CHATLOG_MESSAGE_ID_KEY_FILE``, or one the server creates under its data directory
on first start. Instances that share a store must share the key (issue 10: several instances).

Logged-in sessions keep the id as written: the log is the customer's own, linked to them by design.
"""

from __future__ import annotations

import hashlib
import hmac

from chat.keyfiles import read_or_create_secret
from chat.settings import Settings

#: Stored ids that begin with this are hashes (no raw id starts so: see ``is_hashed``).
PREFIX = "h:"


class MessageIdHasher:
    def __init__(self, key: bytes) -> None:
        self._key = key

    @classmethod
    def from_settings(cls, settings: Settings) -> MessageIdHasher:
        path = settings.message_id_key_file or settings.data_dir / "keys" / "message-ids.key"
        return cls(read_or_create_secret(path))

    def hash(self, session_id: str, key: str) -> str:
        """The stored form of a message's idempotency key in an anonymous session."""
        digest = hmac.new(self._key, f"{session_id}\0{key}".encode(), hashlib.sha256).hexdigest()
        return PREFIX + digest[:40]


def is_hashed(stored: str) -> bool:
    return stored.startswith(PREFIX)
