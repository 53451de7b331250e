"""Log lines carry ids and counts, never text: the formatter enforces it whatever the caller passes."""

from __future__ import annotations

import json
import logging

import pytest

from chat.logs import JsonFormatter, TextFormatter, configure

SECRET = "05109816444 Kari Nordmann"


def record(msg: object, args: tuple[object, ...] = (), **extra: object) -> logging.LogRecord:
    rec = logging.LogRecord("chat.test", logging.INFO, __file__, 1, msg, args, None)
    rec.__dict__.update(extra)
    return rec


@pytest.mark.parametrize("formatter", [JsonFormatter(), TextFormatter()])
def test_unknown_extra_fields_and_args_are_dropped(formatter: logging.Formatter) -> None:
    line = formatter.format(record("message stored %s", (SECRET,), session_id="s1", text=SECRET, seq=3))
    assert SECRET not in line and "s1" in line and "3" in line


def test_non_string_messages_are_reduced_to_their_type() -> None:
    class CommandLog(dict[str, str]):
        pass

    line = JsonFormatter().format(record(CommandLog(document=SECRET)))
    assert SECRET not in line and json.loads(line)["event"] == "CommandLog"


def test_exceptions_are_logged_by_type_only() -> None:
    try:
        raise ValueError(SECRET)
    except ValueError:
        import sys

        rec = record("failed")
        rec.exc_info = sys.exc_info()
    line = JsonFormatter().format(rec)
    assert SECRET not in line and json.loads(line)["exception"] == "ValueError"


def test_chatty_libraries_stay_at_warning_even_in_debug() -> None:
    configure("DEBUG", "json")
    try:
        assert logging.getLogger("pymongo").getEffectiveLevel() == logging.WARNING
        assert logging.getLogger("chat").getEffectiveLevel() == logging.DEBUG
    finally:
        configure("WARNING", "json")
