"""Fixtures for driving the widget in a real Chromium: the browser, a page, and agents (bot/adviser).

Chromium is Debian's package (``apt-get install chromium``), launched by path: ``playwright install``
downloads browsers, which cannot work offline. Every browser test is skipped, with that reason, when it is
missing (``pytest_collection_modifyitems`` below).

The agents are real ``websockets`` clients on ``/ws/agent``, each running its own event loop in a
thread, because Playwright's sync API must not run inside an asyncio loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
import websockets

from chat.settings import Settings
from tests.servers import Running, make_settings, run_in_thread

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip every test of this folder when Debian's chromium is missing (the reason says how to install it)."""
    if CHROMIUM.exists():
        return
    here = Path(__file__).resolve().parent
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) "
        "to run the browser tests"
    )
    for item in items:
        if here in item.path.resolve().parents:
            item.add_marker(skip)


#: Lets a test reach the page's sockets (to cut one) and lose chosen incoming frames (to make a gap in
#: the sequence), without a test hook in the widget itself.
RECORD_SOCKETS = """
(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.__dropIncoming = null;
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__sockets.push(this); }
    get onmessage() { return super.onmessage; }
    set onmessage(handler) {
      super.onmessage = handler && ((event) => {
        if (window.__dropIncoming && window.__dropIncoming(event.data)) return;
        handler.call(this, event);
      });
    }
  };
})();
"""
#: Screenshots of each screen: into docs/screenshots/ when CHATLOG_SCREENSHOTS=1 (to refresh the docs
#: pictures), else into a temporary directory, so that a test run never changes the repository.
SCREENSHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("CHATLOG_SCREENSHOTS") == "1"
    else Path(tempfile.mkdtemp(prefix="chatlog-screenshots-"))
)


def no_axe_violations(page: Any, state: str) -> None:
    """axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now: zero violations allowed.

    Once every animation has ended: a message fades in over 140 ms, and axe measured the contrast of one
    caught half-way (white on a paler blue) when the bot's answer came quickly enough."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    results = Axe().run(page)
    assert results.violations_count == 0, f"axe-core, state {state!r}:\n{results.generate_report()}"


#: Console errors a test provokes on purpose (connecting while the context is offline).
EXPECTED_CONSOLE = ("ERR_INTERNET_DISCONNECTED", "WebSocket connection to")
WAIT_S = 10.0

Frame = dict[str, Any]


class SocketClient:
    """A real ``websockets`` client on its own event loop in a thread (Playwright's sync API must not run
    inside an asyncio loop): says hello, records every frame, and lets the test wait for one."""

    def __init__(self, url: str, hello: Frame, *, name: str) -> None:
        self.frames: list[Frame] = []
        self._cond = threading.Condition()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._thread.start()
        self._ws: Any = None
        self.welcome: Frame = self._run(self._connect(url, hello))
        assert self.welcome["type"] == "welcome", self.welcome
        self._reader: Future[None] = asyncio.run_coroutine_threadsafe(self._read(), self._loop)

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(WAIT_S)

    async def _connect(self, url: str, hello: Frame) -> Frame:
        self._ws = await websockets.connect(url)
        await self._ws.send(json.dumps(hello))
        welcome: Frame = json.loads(await self._ws.recv())
        return welcome

    async def _read(self) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in self._ws:
                frame = json.loads(raw)
                with self._cond:
                    self.frames.append(frame)
                    self._cond.notify_all()
                await self.on_frame(frame)

    async def on_frame(self, frame: Frame) -> None:
        """A subclass's answer to a frame (a bot's reply); nothing by default."""

    def send(self, frame: Frame) -> None:
        self._run(self._ws.send(json.dumps(frame)))

    def matching(self, **fields: Any) -> list[Frame]:
        with self._cond:
            return [f for f in self.frames if all(f.get(k) == v for k, v in fields.items())]

    def wait_for(self, **fields: Any) -> Frame:
        """The first recorded frame with these field values, waiting for it if need be."""
        with self._cond:
            found = self._cond.wait_for(lambda: self.matching(**fields), timeout=WAIT_S)
        assert found, f"{self._thread.name} never received a frame with {fields}; got {self.frames}"
        return found[0]

    def close(self, last: Frame | None = None) -> None:
        with contextlib.suppress(Exception):
            if last is not None:
                self._run(self._ws.send(json.dumps(last)))
            self._run(self._ws.close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=WAIT_S)


class AgentClient(SocketClient):
    """A bot or adviser on ``/ws/agent``. Records every frame; a bot can answer customer messages."""

    def __init__(self, server: Running, role: str, reply: Callable[[str], str | None] | None = None) -> None:
        self.role = role
        self.agent_id = f"{role}-{uuid.uuid4().hex[:8]}"
        self.reply = reply
        token = server.staff_token(self.agent_id, role)
        super().__init__(server.ws + "/ws/agent", {"type": "hello", "token": token}, name=self.agent_id)

    async def on_frame(self, frame: Frame) -> None:
        if self.reply is not None and frame.get("type") == "message" and frame.get("from") == "customer":
            answer = self.reply(frame["text"])
            if answer is not None:
                await self._ws.send(json.dumps(self._message(frame["session_id"], answer)))

    @staticmethod
    def _message(session_id: str, text: str) -> Frame:
        return {"type": "message", "session_id": session_id, "client_msg_id": uuid.uuid4().hex, "text": text}

    def say(self, session_id: str, text: str) -> None:
        self.send(self._message(session_id, text))

    def customer_texts(self, session_id: str) -> list[str]:
        return [f["text"] for f in self.matching(type="message", session_id=session_id, **{"from": "customer"})]


@contextlib.contextmanager
def gateway_on_port(settings: Settings, port: int) -> Iterator[Running]:
    """The gateway on a port we choose, so a test can stop it and start a new one where the widget
    expects it (a server restart). Leaving the block is a graceful shutdown: clients get
    ``{"type": "reconnect"}`` and close code 1012."""
    with run_in_thread(settings, port=port) as running:
        yield running


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    """The real gateway, as tests/conftest.py's ``server`` but shared by the module: start-up (store,
    anonymizer warm-up) takes seconds, and every test opens its own session, so sharing is safe."""
    with tempfile.TemporaryDirectory(prefix="chatlog-browser-") as tmp, run_in_thread(
        make_settings(Path(tmp) / "var")
    ) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_S * 1000)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1100, "height": 760}, locale="nb-NO")
    ctx.add_init_script(RECORD_SOCKETS)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def allowed_console() -> list[str]:
    """Console errors a test provokes on purpose (Chromium logs every 4xx or refused fetch as one): a
    test appends the ones it expects."""
    return []


@pytest.fixture
def page(context: Any, allowed_console: list[str]) -> Iterator[Any]:
    """A page that fails the test on any script error or CSP violation it did not ask for."""
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))

    def on_console(msg: Any) -> None:
        if msg.type == "error" and not any(e in msg.text for e in (*EXPECTED_CONSOLE, *allowed_console)):
            problems.append(f"console: {msg.text}")

    pg.on("console", on_console)
    yield pg
    assert not problems, problems


@pytest.fixture
def agents(server: Running) -> Iterator[Callable[..., AgentClient]]:
    """Factory: ``agents("bot", reply=fn)`` / ``agents("adviser")``; all closed after the test."""
    made: list[AgentClient] = []

    def make(role: str, reply: Callable[[str], str | None] | None = None) -> AgentClient:
        agent = AgentClient(server, role, reply)
        made.append(agent)
        return agent

    yield make
    for agent in made:
        agent.close()
