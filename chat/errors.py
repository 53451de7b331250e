"""The one error hierarchy of the gateway.

Errors raised by libraries below us (sqlite3, pymongo, PyJWT, orjson) are translated into these at the
boundary, the way httpx and websockets do, so that callers handle *our* failure modes and never depend
on which backend or library raised. Each error carries a stable ``code`` that is sent to clients in
``{"type": "error", "code": ...}`` frames and mapped to HTTP statuses by the API.
"""

from __future__ import annotations


class ChatlogError(Exception):
    """Base of every error this package raises on purpose."""

    code = "internal"
    http_status = 500

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or self.__class__.__doc__ or self.code)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


# --- input from clients -------------------------------------------------------------------------------


class ProtocolError(ChatlogError):
    """The frame is not valid for the protocol."""

    code = "bad_request"
    http_status = 400
    #: The message the error is about, when the frame named one (set by chat.protocol).
    client_msg_id: str | None = None


class TooLong(ProtocolError):
    """The text is longer than the allowed maximum."""

    code = "too_long"
    http_status = 413


class MethodNotAllowed(ProtocolError):
    """The path exists, but not with this HTTP method."""

    code = "method_not_allowed"
    http_status = 405


class RateLimited(ChatlogError):
    """Too many messages in too short a time."""

    code = "rate_limited"
    http_status = 429


# --- identity -----------------------------------------------------------------------------------------


class AuthError(ChatlogError):
    """The token is missing, malformed, forged or not valid for this service."""

    code = "invalid_token"
    http_status = 401


class TokenExpired(AuthError):
    """The token has expired."""

    code = "expired_token"


class Forbidden(ChatlogError):
    """The caller is authenticated but may not do this."""

    code = "forbidden"
    http_status = 403


# --- sessions and data --------------------------------------------------------------------------------


class NotFound(ChatlogError):
    """No such object, or not one the caller may know about."""

    code = "not_found"
    http_status = 404


class UnknownSession(NotFound):
    """The session does not exist, has expired, or belongs to someone else."""

    code = "unknown_session"


class SessionEnded(ChatlogError):
    """The session has ended; no more messages are accepted."""

    code = "session_ended"
    http_status = 409


class Conflict(ChatlogError):
    """The request conflicts with the state of the object."""

    code = "conflict"
    http_status = 409


class ErasureRefused(Conflict):
    """Erasure is refused because a legal duty to keep the data applies."""

    code = "erasure_refused"


# --- infrastructure -----------------------------------------------------------------------------------


class StoreError(ChatlogError):
    """The store failed; nothing was acknowledged."""

    code = "store_unavailable"
    http_status = 503


class StoreUnavailable(StoreError):
    """The store cannot be reached right now; retry later."""


class DuplicateKey(StoreError):
    """A unique constraint was violated (mapped from the backend's own error)."""

    code = "duplicate"
    http_status = 409


class AnonymizerError(ChatlogError):
    """The anonymizer failed; an anonymous message is never stored unredacted, so it is refused."""

    code = "anonymizer_unavailable"
    http_status = 503


class AtCapacity(ChatlogError):
    """This instance holds as many connections or live sessions as it is configured to; try again later
    (or another instance). Websocket close code 1013."""

    code = "capacity"
    http_status = 503


class ShuttingDown(ChatlogError):
    """The server is shutting down; reconnect."""

    code = "shutting_down"
    http_status = 503


# --- between instances --------------------------------------------------------------------------------


class RelayError(ChatlogError):
    """The relay between gateway instances failed (Redis unreachable, or a malformed envelope).

    Never reaches a client: the relay degrades to per-instance delivery and ``/readyz`` says so.
    """

    code = "relay_unavailable"
    http_status = 503


class NotConfigured(ChatlogError):
    """A feature needs configuration this server lacks (e.g. the key that signs case bundles): 503 with
    a message naming the setting, rather than doing the thing without its safeguard."""

    code = "not_configured"
    http_status = 503


class PortUnavailable(ChatlogError):
    """``chatlog serve`` could not listen on its address (in use, or not this machine's): refused before
    anything starts, so no half-started process joins the cluster without a listener."""

    code = "port_unavailable"


class MasterKeyError(ChatlogError):
    """A master key is malformed, missing, or does not open the key store (chat/crypto.py): refused at
    start-up with this message, never a silent loss of readable chats."""

    code = "bad_master_key"
    http_status = 503


class UnsupportedMediaType(ProtocolError):
    """The request body is not in the media type the endpoint takes (JSON endpoints want
    ``application/json``): refused unread, so a form or ``text/plain`` post from another site's page
    (which a browser sends without asking the server first) is never taken for JSON."""

    code = "unsupported_media_type"
    http_status = 415
