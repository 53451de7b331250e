"""Making real conversations for the archive page's tests (a customer on ``/ws/chat``, a Python bot,
an adviser), and the page helpers they share."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from playwright.sync_api import expect
from websockets.sync.client import ClientConnection, connect

from tests.browser.conftest import WAIT_S, AgentClient
from tests.servers import Running

Agents = Callable[..., AgentClient]
Frame = dict[str, Any]

# A realistic conversation: the customer asks the bot, then an adviser takes over.
# fmt: off
BOT_ANSWERS = {
    "Hei! Jeg har fått brev om at renten på boliglånet mitt endres. Hva betyr det for meg?":
        "Hei, og takk for at du tar kontakt! Ny rente gjelder tidligst seks uker etter at du fikk varselet. "
        "Vil du snakke med en rådgiver om lånet ditt?",
    "Ja takk, jeg vil gjerne snakke med en rådgiver.": "Da setter jeg deg over til en rådgiver. Et øyeblikk!",
    "Hvordan sperrer jeg bankkortet mitt?":
        "Du sperrer kortet i appen under Kort → Sperr kort, eller ved å ringe oss hele døgnet.",
    "Takk, det fant jeg!": "Så bra! Ha en fin dag.",
    "Når blir lønna mi satt inn?": "Lønn fra arbeidsgiveren din blir vanligvis satt inn natt til lønningsdagen.",
}
# fmt: on
ADVISER_TEXTS = (
    "Hei, jeg heter Ingrid og er rådgiver for boliglån. Jeg ser på lånet ditt nå.",
    "Ja, du kan binde renten i fem år. Jeg sender deg et tilbud i nettbanken i løpet av dagen.",
)


def bot_reply(text: str) -> str | None:
    return BOT_ANSWERS.get(text, "Takk for meldingen! Kan du si litt mer om hva du lurer på?")


# --- making conversations ---------------------------------------------------------------------------


class Customer:
    """A logged-in customer on ``/ws/chat`` (synchronous websockets: no asyncio loop next to Playwright)."""

    def __init__(self, ws: ClientConnection, server: Running, customer_id: str) -> None:
        self.ws = ws
        self.ws.send(json.dumps({"type": "hello", "token": server.customer_token(customer_id), "lang": "nb"}))
        self.session_id: str = self.recv(lambda f: f["type"] == "welcome")["session_id"]

    def recv(self, match: Callable[[Frame], bool]) -> Frame:
        deadline = time.monotonic() + WAIT_S
        while True:
            frame: Frame = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            assert frame.get("type") != "error", frame
            if match(frame):
                return frame

    def say(self, text: str, answer_from: str | None = "bot") -> None:
        self.ws.send(json.dumps({"type": "message", "client_msg_id": uuid.uuid4().hex, "text": text}))
        self.recv(lambda f: f["type"] == "ack")
        if answer_from is not None:
            self.recv(lambda f: f["type"] == "message" and f.get("from") == answer_from)

    def end(self) -> None:
        self.ws.send(json.dumps({"type": "end"}))
        self.recv(lambda f: f["type"] == "ended")


def bot_conversation(server: Running, customer_id: str, texts: tuple[str, ...]) -> str:
    """A chat with the bot only (a bot agent answering must be connected); its session id."""
    with connect(server.ws + "/ws/chat", open_timeout=WAIT_S) as ws:
        customer = Customer(ws, server, customer_id)
        for text in texts:
            customer.say(text)
        customer.end()
    return customer.session_id


def adviser_conversation(server: Running, customer_id: str, adviser: AgentClient) -> str:
    """The customer asks the bot, asks for a human, and an adviser takes over; its session id."""
    with connect(server.ws + "/ws/chat", open_timeout=WAIT_S) as ws:
        customer = Customer(ws, server, customer_id)
        sid = customer.session_id
        customer.say("Hei! Jeg har fått brev om at renten på boliglånet mitt endres. Hva betyr det for meg?")
        customer.say("Ja takk, jeg vil gjerne snakke med en rådgiver.")
        customer.ws.send(json.dumps({"type": "handover_request"}))
        adviser.wait_for(type="handover_request", session_id=sid)
        adviser.send({"type": "accept", "session_id": sid})
        customer.recv(lambda f: f["type"] == "adviser_joined")
        adviser.wait_for(type="transcript", session_id=sid)
        adviser.say(sid, ADVISER_TEXTS[0])
        customer.recv(lambda f: f["type"] == "message" and f.get("from") == "adviser")
        customer.say("Tusen takk! Kan jeg binde renten for fem år?", answer_from=None)
        adviser.wait_for(type="message", session_id=sid, text="Tusen takk! Kan jeg binde renten for fem år?")
        adviser.say(sid, ADVISER_TEXTS[1])
        customer.recv(lambda f: f["type"] == "message" and f.get("text") == ADVISER_TEXTS[1])
        customer.say("Flott, da ser jeg etter det i kveld.", answer_from=None)
        customer.end()
    return sid


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


# --- helpers ----------------------------------------------------------------------------------------


def open_archive(page: Any, server: Running, token: str, query: str = "") -> None:
    page.goto(server.base + "/archive/" + query)
    page.locator("#demo-token").fill(token)
    page.locator("#demo-login-button").click()
    expect(page.locator(".chatlog-archive__loading")).to_be_hidden()
    expect(page.locator(".chatlog-archive__checkbox")).to_be_enabled()
    expect(page.locator(".chatlog-archive__access-loading")).to_be_hidden()


def items(page: Any) -> Any:
    return page.locator(".chatlog-archive__item")


def access_items(page: Any) -> Any:
    return page.locator(".chatlog-archive__access-item")


def staff_read(server: Running, staff_id: str, session_id: str, purpose: str) -> None:
    """A compliance officer reads a session the way the staff API wants it: with a stated purpose."""
    r = httpx.get(
        f"{server.base}/api/staff/sessions/{session_id}",
        params={"purpose": purpose},
        headers={"Authorization": f"Bearer {server.staff_token(staff_id, 'compliance')}"},
        timeout=WAIT_S,
    )
    assert r.status_code == 200, r.text


def api_get(server: Running, token: str, path: str) -> httpx.Response:
    return httpx.get(server.base + path, headers={"Authorization": f"Bearer {token}"}, timeout=WAIT_S)


def no_horizontal_scroll(page: Any) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls horizontally by {overflow}px"


def focused_text(page: Any) -> str:
    return str(page.evaluate("document.activeElement ? document.activeElement.textContent : ''"))
