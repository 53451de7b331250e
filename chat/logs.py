"""Structured logging: one JSON object per line, with ids and counts — never message text.

The rule is enforced by construction: log calls pass identifiers in ``extra=``; the formatter emits
only the record's message (a fixed phrase written in code, never user input) plus the whitelisted
fields below. A stray field holding text (``extra={"text": ...}``) is dropped, not printed.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Iterator
from typing import Any

import orjson

#: The only ``extra`` fields that ever reach a log line. Values here are ids, codes and numbers.
SAFE_FIELDS = frozenset(
    {
        "session_id", "kind", "agent_id", "role", "seq", "code", "count", "batch", "workers", "store",
        "endpoint", "close_code", "state", "error", "host", "port", "duration_ms", "dev_mode", "path",
        "sessions", "messages", "deleted", "connections", "action", "status", "tier", "version", "synchronous",
        "frames", "max_frames", "not_closed", "recognizers", "key_dir", "key_file", "recognizer_module", "reason",
        "instance", "where", "backend", "revived", "remote_sessions", "hash", "topic", "loop", "gc_young",
    }
)  # fmt: skip


#: Libraries whose debug output can quote what they process (PyMongo's command log carries whole
#: documents, i.e. message text): they never log below WARNING, whatever the configured level.
QUIET_LIBRARIES = ("pymongo", "presidio-analyzer", "presidio-anonymizer", "httpx", "httpcore", "asyncio", "websockets",
                   "redis")


#: uvicorn's start-up lines whose arguments are the bind address and pid, never input: interpolated.
_SAFE_FORMATS = frozenset(
    {
        "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)",
        "Started server process [%d]",
        "Finished server process [%d]",
    }
)

#: uvicorn's lines whose arguments are the client's address and the request path (an IP address is
#: personal data, and a path may carry input): a fixed phrase instead, the status kept as a field.
_REPHRASED = {
    '%s - "WebSocket %s" [accepted]': "websocket accepted",
    '%s - "WebSocket %s" 403': "websocket refused",
    '%s - "WebSocket %s" %d': "websocket rejected",
    "ASGI callable should return None, but returned '%s'.": "ASGI callable returned a value",
}

_PLACEHOLDER = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdrfiux%]")
#: The exception named on a traceback's last line: "chat.errors.ChatlogError: no token key configured".
_TRACEBACK_TAIL = re.compile(r"^(?P<type>[\w.]+)(?::\s?(?P<detail>.*))?$")


def _event(record: logging.LogRecord) -> str:
    """The fixed phrase of a log call, never a literal "%s".

    * uvicorn's start-up lines are interpolated (address and pid); its per-connection lines are
      rephrased without the client's address (``_REPHRASED``).
    * Anything else with ``%``-arguments: numbers are interpolated, strings are not (they may carry
      input) and show as "…".
    * A traceback logged as a message (uvicorn logs a failed start-up so) becomes "unhandled
      exception" with the exception's type in a field; see ``_traceback_fields``.
    """
    if not isinstance(record.msg, str):
        return type(record.msg).__name__
    msg = record.msg
    if msg.startswith("Traceback (most recent call last)"):
        return "unhandled exception"
    if msg in _REPHRASED:
        return _REPHRASED[msg]
    if record.args:
        if msg in _SAFE_FORMATS:
            return record.getMessage()
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        values = iter(args)
        return _PLACEHOLDER.sub(lambda m: _shown(m.group(), values), msg).split("\n", 1)[0]
    return msg.split("\n", 1)[0]


def _shown(placeholder: str, values: Iterator[object]) -> str:
    if placeholder == "%%":
        return "%"
    value = next(values, None)
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else "…"


def _traceback_fields(record: logging.LogRecord) -> dict[str, str]:
    """For a traceback logged as a message: the exception type, and for this package's own errors
    (chat.errors: messages written in code, such as a configuration problem at start-up) the message."""
    if not isinstance(record.msg, str) or not record.msg.startswith("Traceback (most recent call last)"):
        return {}
    lines = [line for line in record.msg.strip().splitlines() if line and not line.startswith(" ")]
    tail = _TRACEBACK_TAIL.match(lines[-1]) if lines else None
    if tail is None:
        return {}
    fields = {"exception": tail.group("type").rsplit(".", 1)[-1]}
    if tail.group("type").startswith("chat.") and tail.group("detail"):
        fields["detail"] = tail.group("detail")
    return fields


class RepeatFilter(logging.Filter):
    """Lets one line of a kind through per ``interval_s`` and counts the rest: "Invalid UTF-8 sequence
    received from client." is logged by uvicorn once per bad frame, at error level, so an attacker
    could fill the error log at will (issue 8). Passed lines are lowered to WARNING and carry the number
    suppressed since the last one."""

    NOISY = frozenset({"Invalid UTF-8 sequence received from client."})

    def __init__(self, interval_s: float = 60.0) -> None:
        super().__init__()
        self.interval_s = interval_s
        self._last: dict[str, float] = {}
        self._suppressed: dict[str, int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.msg if isinstance(record.msg, str) else ""
        if msg not in self.NOISY:
            return True
        now = time.monotonic()
        if now - self._last.get(msg, -1e18) < self.interval_s:
            self._suppressed[msg] = self._suppressed.get(msg, 0) + 1
            return False
        self._last[msg] = now
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = None
        record.count = self._suppressed.pop(msg, 0)
        return True


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
        out.update(_traceback_fields(record))
        return orjson.dumps(out, default=str).decode()


class TextFormatter(JsonFormatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={record.__dict__[k]}" for k in sorted(SAFE_FIELDS.intersection(record.__dict__)))
        exc = ""
        if record.exc_info and record.exc_info[0] is not None:
            exc = f" exception={record.exc_info[0].__name__}"
        exc += "".join(f" {k}={v}" for k, v in _traceback_fields(record).items())
        return f"{record.levelname:<7} {record.name}: {_event(record)} {fields}{exc}".rstrip()


def configure(level: str = "INFO", fmt: str = "json") -> None:
    """Route our loggers and uvicorn's through the safe formatter (uvicorn's access log is off)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    handler.addFilter(RepeatFilter())
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
