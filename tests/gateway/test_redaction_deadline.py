"""The anonymizer's per-message deadline: a message the recognizers cannot finish in time is stored as
``<WITHHELD>`` (nothing of its text), and the other messages of its batch are redacted as usual, so one
hostile text cannot hold the workers every anonymous chat shares."""

from __future__ import annotations

import contextlib
import time

import pytest

import anonymizer
from chat import redaction
from chat.redaction import WITHHELD, Redactor, _redact_batch

FNR = "05109816444"


@pytest.fixture(autouse=True)
def _warm_engine() -> None:
    """Worker processes build the engine before their first message (``_worker_init``); so do these
    in-process tests, or the first message's deadline would be spent building it."""
    anonymizer.get_anonymizer().warm_up()


def test_a_message_past_its_deadline_is_withheld_and_its_neighbours_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    real = anonymizer.process

    def slow_on_marker(text: str, lang: str = "auto", mode: str | None = None) -> anonymizer.Redaction:
        if "SLOW" in text:
            time.sleep(30)  # interrupted by the worker's interval timer, as a long regex search would be
        return real(text, lang, mode)

    monkeypatch.setattr(anonymizer, "process", slow_on_marker)
    out = _redact_batch([f"fnr {FNR}", f"SLOW {FNR} ola@example.com", "ring 91234567"], "strict", 0.2)

    assert out[1] == (f"<{WITHHELD}>", {WITHHELD: 1}, frozenset())
    assert FNR not in out[0][0] and out[0][1] == {"NO_FODSELSNUMMER": 1}
    assert "91234567" not in out[2][0] and out[2][1] == {"PHONE_NUMBER": 1}


def test_a_recognizer_crash_on_one_text_withholds_that_text_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug that raises on one text (the review found "Hei. Kan Stein?" raising IndexError) must not fail
    the other customers' messages of the batch, nor let the crashing one through raw."""
    real = anonymizer.process

    def crash_on_marker(text: str, lang: str = "auto", mode: str | None = None) -> anonymizer.Redaction:
        if "CRASH" in text:
            raise IndexError("list index out of range")
        return real(text, lang, mode)

    monkeypatch.setattr(anonymizer, "process", crash_on_marker)
    out = _redact_batch([f"fnr {FNR}", f"CRASH {FNR}", "hei"], "strict", 2.0)
    assert out[1] == (f"<{WITHHELD}>", {WITHHELD: 1}, frozenset())
    assert out[0][1] == {"NO_FODSELSNUMMER": 1} and out[2] == ("hei", {}, frozenset())


def test_a_deadline_swallowed_below_still_withholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Library code that catches everything (a bare ``except``) must not turn an overrun into half a result."""
    real = anonymizer.process

    def swallowing(text: str, lang: str = "auto", mode: str | None = None) -> anonymizer.Redaction:
        with contextlib.suppress(BaseException):  # what the test is about: everything swallowed
            time.sleep(30)
        return real(text, lang, mode)

    monkeypatch.setattr(anonymizer, "process", swallowing)
    out = _redact_batch([f"fnr {FNR}"], "strict", 0.1)
    assert out == [(f"<{WITHHELD}>", {WITHHELD: 1}, frozenset())]


def test_the_timer_is_disarmed_after_each_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """A finished message must not leave a timer that fires later, in the next message or in idle."""
    out = _redact_batch(["hei", "hallo"], "strict", 0.05)
    assert [text for text, _, _ in out] == ["hei", "hallo"]
    time.sleep(0.15)  # an armed timer would raise _Overrun here and fail the test


async def test_worker_process_withholds_what_it_cannot_finish_in_time() -> None:
    """Through a real worker process: with a deadline no message can meet, every message is stored as
    ``<WITHHELD>`` and counted; none of its text comes back."""
    seen: list[int] = []
    redactor = Redactor(workers=1, max_batch=8, deadline_s=1e-6, withheld=seen.append)
    await redactor.start()
    try:
        text = f"Hei, jeg heter Kari Nordmann og fnr er {FNR}. " * 20
        result = await redactor.redact(text)
        assert result.text == f"<{WITHHELD}>" and result.counts == {WITHHELD: 1}
        assert sum(seen) == 1
    finally:
        await redactor.close()


async def test_worker_process_redacts_normally_within_the_default_deadline() -> None:
    redactor = Redactor(workers=1, max_batch=8)
    await redactor.start()
    try:
        result = await redactor.redact(f"fnr {FNR}")
        assert FNR not in result.text and result.counts == {"NO_FODSELSNUMMER": 1}
        assert redaction.DEFAULT_DEADLINE_S >= 1.0
    finally:
        await redactor.close()
