"""Structured logging: one JSON object per line, with ids and counts — never message text.

The rule is enforced by construction: log calls pass identifiers in ``extra=``; the formatter emits
only the record's message (a fixed phrase written in code, never user input) plus the whitelisted
fields below. A stray field holding text (``extra={"text": ...}``) is dropped, not printed.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import orjson

#: The only ``extra`` fields that ever reach a log line. Values here are ids, codes and numbers.
SAFE_FIELDS = frozenset(
    {
        "session_id", "kind", "agent_id", "role", "seq", "code", "count", "batch", "workers", "store",
        "endpoint", "close_code", "state", "error", "host", "port", "duration_ms", "dev_mode", "path",
        "sessions", "messages", "deleted", "connections", "action", "status", "tier",
    }
)  # fmt: skip


#: Libraries whose debug output can quote what they process (PyMongo's command log carries whole
#: documents, i.e. message text): they never log below WARNING, whatever the configured level.
QUIET_LIBRARIES = ("pymongo", "presidio-analyzer", "presidio-anonymizer", "httpx", "httpcore", "asyncio", "websockets")


#: uvicorn's start-up lines whose arguments are the bind address and pid, never input: interpolated.
_SAFE_FORMATS = frozenset(
    {
        "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)",
        "Started server process [%d]",
        "Finished server process [%d]",
    }
)


def _event(record: logging.LogRecord) -> str:
    """The fixed phrase of a log call. ``%``-arguments are never interpolated: they may carry input.
    A multi-line message (a formatted traceback, as uvicorn logs them) is cut to its first line, since
    an exception's message can quote input."""
    if not isinstance(record.msg, str):
        return type(record.msg).__name__
    if record.msg in _SAFE_FORMATS and record.args:
        return record.getMessage()
    return record.msg.split("\n", 1)[0]


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": _event(record),
        }
        for key in SAFE_FIELDS.intersection(record.__dict__):
            out[key] = record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            # The exception type only: messages of library exceptions can quote input.
            out["exception"] = record.exc_info[0].__name__
        return orjson.dumps(out, default=str).decode()


class TextFormatter(JsonFormatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={record.__dict__[k]}" for k in sorted(SAFE_FIELDS.intersection(record.__dict__)))
        exc = ""
        if record.exc_info and record.exc_info[0] is not None:
            exc = f" exception={record.exc_info[0].__name__}"
        return f"{record.levelname:<7} {record.name}: {_event(record)} {fields}{exc}".rstrip()


def configure(level: str = "INFO", fmt: str = "json") -> None:
    """Route our loggers and uvicorn's through the safe formatter (uvicorn's access log is off)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    logging.getLogger("uvicorn.access").disabled = True
    floor = max(logging.WARNING, root.level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(floor)
