"""The MongoDB store's boundary: write concern, deadlines, and the translation of driver errors.

Every public operation of :class:`chat.store.mongo.MongoStore` runs under :func:`_boundary`: one
deadline (``pymongo.timeout``) and one mapping of whatever the driver raises onto :mod:`chat.errors`
(the boundary rule of :mod:`chat.store.base`), logged with the operation's name and the error's type,
never a driver message (they can quote document values).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, Concatenate, Final, ParamSpec, TypeVar

import pymongo
from bson.errors import BSONError
from pymongo.errors import (
    ConfigurationError,
    ConnectionFailure,
    DuplicateKeyError,
    PyMongoError,
    WriteConcernError,
)
from pymongo.read_concern import ReadConcern
from pymongo.read_preferences import ReadPreference
from pymongo.write_concern import WriteConcern

from chat.errors import ChatlogError, DuplicateKey, StoreError, StoreUnavailable

log = logging.getLogger("chat.store.mongo")

S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")

#: Every acknowledged write is on a majority of members, so an ack survives a failover.
MAJORITY: Final = WriteConcern(w="majority")
#: Transactions read a consistent snapshot and commit with majority; always on the primary.
TXN_OPTIONS: Final[Mapping[str, Any]] = {
    "read_concern": ReadConcern("snapshot"),
    "write_concern": MAJORITY,
    "read_preference": ReadPreference.PRIMARY,
}


def translate_error(exc: BaseException) -> ChatlogError:
    """Map a driver error onto :mod:`chat.errors` (the boundary rule of :mod:`chat.store.base`).

    Unreachable, failing over, or too slow are all "retry later" (:class:`StoreUnavailable`); a unique
    index violation is :class:`DuplicateKey`; anything else is a :class:`StoreError`. Messages are
    fixed phrases: driver messages can quote document values.
    """
    if isinstance(exc, ConnectionFailure) or (isinstance(exc, PyMongoError) and exc.timeout):
        return StoreUnavailable("MongoDB is unreachable or has no primary")
    if isinstance(exc, WriteConcernError):
        # The primary applied the write but could not get a majority to acknowledge it (a failover, a
        # lagging secondary): it may survive or be rolled back. The client must not count it as stored,
        # so it is "retry later"; a resend with the same client_msg_id is safe, because the append
        # first looks the id up and returns the stored message if the first attempt did survive.
        return StoreUnavailable("MongoDB could not confirm the write on a majority")
    if isinstance(exc, DuplicateKeyError):
        return DuplicateKey("a document with this id already exists")
    if isinstance(exc, ConfigurationError):
        return StoreError("MongoDB configuration is invalid")
    return StoreError("MongoDB operation failed")


#: Operations whose deadline is another attribute than ``timeout_s``: the analysts' aggregation, and the
#: index builds of start-up (a new index on a large collection after an upgrade takes minutes).
_DEADLINES: Final[Mapping[str, str]] = {"stats": "stats_timeout_s", "_build_indexes": "index_timeout_s"}


def _check_limit(limit: int) -> None:
    # MongoDB reads limit(0) as "no limit": refuse it rather than return everything.
    if limit < 1:
        raise ValueError("limit must be at least 1")


def supports_transactions(hello: Mapping[str, Any]) -> bool:
    """Whether the ``hello`` reply is from a replica set member or a mongos (a standalone has neither)."""
    return "setName" in hello or hello.get("msg") == "isdbgrid"


def _boundary(
    op: Callable[Concatenate[S, P], Coroutine[Any, Any, R]],
) -> Callable[Concatenate[S, P], Coroutine[Any, Any, R]]:
    """Run one public operation under the store's deadline and translate what the driver raises."""

    @functools.wraps(op)
    async def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            deadline: float = getattr(self, _DEADLINES.get(op.__name__, "timeout_s"))
            with pymongo.timeout(deadline):
                return await op(self, *args, **kwargs)
        except (PyMongoError, BSONError) as exc:
            error = translate_error(exc)
            log.warning(
                "mongodb operation failed",
                extra={
                    "store": "mongodb",
                    "action": op.__name__.strip("_").removesuffix("_locked"),
                    "error": type(exc).__name__,
                    "code": error.code,
                },
            )
            raise error from exc

    return wrapper
