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


# --- no literal "%s", no address, no input (issue 8, item 7) ------------------------------------------


def test_uvicorn_connection_lines_are_rephrased_without_the_client_address() -> None:
    line = JsonFormatter().format(record('%s - "WebSocket %s" [accepted]', ("10.1.2.3:5555", "/ws/chat?x=1")))
    event = json.loads(line)["event"]
    assert event == "websocket accepted" and "10.1.2.3" not in line and "%s" not in line


def test_other_arguments_numbers_shown_strings_not() -> None:
    line = JsonFormatter().format(record("Maximum request limit of %d exceeded (%s)", (1000, SECRET)))
    event = json.loads(line)["event"]
    assert event == "Maximum request limit of 1000 exceeded (…)" and SECRET not in line


def test_a_logged_traceback_names_its_exception_and_our_own_message() -> None:
    ours = (
        "Traceback (most recent call last):\n  File \"x.py\", line 1\n"
        "chat.errors.ChatlogError: no token key configured"
    )
    line = json.loads(JsonFormatter().format(record(ours)))
    assert (line["event"], line["exception"], line["detail"]) == (
        "unhandled exception", "ChatlogError", "no token key configured"
    )
    theirs = f"Traceback (most recent call last):\n  File \"y.py\", line 2\nValueError: {SECRET}"
    line = json.loads(JsonFormatter().format(record(theirs)))
    assert line["exception"] == "ValueError" and "detail" not in line and SECRET not in json.dumps(line)


def test_a_flood_of_bad_utf8_frames_logs_one_warning_per_minute() -> None:
    from chat.logs import RepeatFilter

    f = RepeatFilter(interval_s=60)
    bad = "Invalid UTF-8 sequence received from client."
    results = []
    for _ in range(1000):
        rec = record(bad)
        rec.levelno, rec.levelname = logging.ERROR, "ERROR"
        results.append((f.filter(rec), rec.levelname))
    assert results[0] == (True, "WARNING")
    assert sum(passed for passed, _ in results) == 1
    assert f.filter(record("something else")) is True


def test_our_own_log_calls_never_use_percent_arguments() -> None:
    """Ids and counts go in ``extra=`` fields; a "%s" would either leak input or print literally."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in [*root.joinpath("chat").rglob("*.py"), *root.joinpath("anonymizer").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in {"debug", "info", "warning", "error", "exception", "critical"}:
                continue
            if not (isinstance(node.func.value, ast.Name) and node.func.value.id in {"log", "logger"}):
                continue
            first = node.args[0] if node.args else None
            if len(node.args) > 1 or (isinstance(first, ast.Constant) and "%" in str(first.value)):
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
            if isinstance(first, ast.JoinedStr):
                offenders.append(f"{path.relative_to(root)}:{node.lineno} (f-string)")
    assert offenders == []
