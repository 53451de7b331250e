"""The adviser desk (/desk/) in real Chromium against the real gateway; customers are real websocket
clients on /ws/chat (each on its own event loop in a thread, as the agents of conftest.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser.conftest import CHROMIUM, SCREENSHOTS, Frame, SocketClient, no_axe_violations
from tests.servers import Running

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

class Customer(SocketClient):
    """A widget's side of /ws/chat, recording every frame."""

    def __init__(self, server: Running, token: str | None = None) -> None:
        hello: Frame = {"type": "hello"} if token is None else {"type": "hello", "token": token}
        super().__init__(server.ws + "/ws/chat", hello, name="customer")
        self.session_id: str = self.welcome["session_id"]
        self._n = 0

    def say(self, text: str) -> None:
        self._n += 1
        self.send({"type": "message", "client_msg_id": f"c{self._n}", "text": text})
        self.wait_for(type="ack", client_msg_id=f"c{self._n}")

    def close(self, last: Frame | None = None) -> None:
        """End the session (so later tests' queues start empty), then disconnect."""
        super().close({"type": "end"} if last is None else last)


@pytest.fixture
def customers(server: Running) -> Iterator[Callable[..., Customer]]:
    made: list[Customer] = []

    def make(token: str | None = None) -> Customer:
        c = Customer(server, token)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def sign_in(page: Any, server: Running) -> None:
    from playwright.sync_api import expect

    page.goto(server.base + "/desk/")
    no_axe_violations(page, "signed out")
    page.get_by_role("button", name="Bruk utviklingstoken").click()
    expect(page.locator(".desk__status")).to_have_text("Tilkoblet som demo-adviser")


def test_queue_take_reply_several_chats_unread_and_end(page: Any, server: Running, customers: Any) -> None:
    from playwright.sync_api import expect

    sign_in(page, server)
    expect(page.locator("[data-desk=queue]")).to_have_text("Ingen kunder venter.")
    no_axe_violations(page, "empty queue")

    kari = customers()
    kari.say("Jeg har et spørsmål om boliglånet mitt")
    kari.send({"type": "handover_request"})
    queue = page.locator(".desk__queue-item")
    expect(queue).to_have_count(1)
    expect(queue.locator(".desk__kind")).to_have_text("Anonym")
    no_axe_violations(page, "one waiting")

    queue.get_by_role("button", name="Ta samtalen").click()
    kari.wait_for(type="adviser_joined")
    expect(page.locator(".desk__text")).to_have_text(["Jeg har et spørsmål om boliglånet mitt"])
    box = page.get_by_label("Svar til kunden")
    expect(box).to_be_focused()  # keyboard users land where they type
    box.fill("Hei, jeg heter Ola og er rådgiver. Hva lurer du på?")
    box.press("Enter")
    kari.wait_for(type="message", **{"from": "adviser"}, text="Hei, jeg heter Ola og er rådgiver. Hva lurer du på?")
    expect(page.locator(".desk__msg--mine .desk__delivery")).to_have_text("Levert")
    kari.say("Kan jeg betale ned ekstra uten gebyr?")
    expect(page.locator(".desk__text").last).to_have_text("Kan jeg betale ned ekstra uten gebyr?")
    assert kari.matching(type="queue_position") == []
    no_axe_violations(page, "chatting")

    # A second, logged-in customer: taken too; it then writes while the first chat is open.
    per = customers(server.customer_token("c-4711"))
    per.send({"type": "handover_request"})
    expect(queue).to_have_count(1)
    expect(queue.locator(".desk__kind")).to_have_text("Innlogget")
    queue.get_by_role("button", name="Ta samtalen").click()
    expect(page.locator(".desk__chat-title")).to_have_text("c-4711")
    mine = page.locator(".desk__open")
    expect(mine).to_have_count(2)
    mine.nth(0).click()
    expect(page.locator(".desk__text").last).to_have_text("Kan jeg betale ned ekstra uten gebyr?")
    per.say("Hallo? Er det noen der?")
    expect(mine.nth(1).locator(".desk__sr")).to_have_text("1 ulest melding")
    no_axe_violations(page, "unread marker")
    page.screenshot(path=str(SCREENSHOTS / "desk.png"))
    mine.nth(1).click()
    expect(mine.nth(1).locator(".desk__unread")).to_have_count(0)
    expect(page.locator(".desk__text").last).to_have_text("Hallo? Er det noen der?")

    page.get_by_role("button", name="Avslutt samtale").click()
    per.wait_for(type="ended", by="agent")
    expect(page.locator(".desk__note")).to_have_text("Samtalen er avsluttet.")
    no_axe_violations(page, "ended")
    page.get_by_role("button", name="Lukk").click()
    expect(mine).to_have_count(1)


def test_a_lost_connection_resumes_without_losing_or_doubling(page: Any, server: Running, customers: Any) -> None:
    from playwright.sync_api import expect

    sign_in(page, server)
    kari = customers()
    kari.send({"type": "handover_request"})
    page.get_by_role("button", name="Ta samtalen").click()
    kari.wait_for(type="adviser_joined")

    # The desk's socket drops; a reply typed meanwhile waits in the outbox, the customer keeps writing.
    page.evaluate("window.__sockets.at(-1).close()")
    box = page.get_by_label("Svar til kunden")
    box.fill("Svar skrevet mens forbindelsen var borte")
    box.press("Enter")
    kari.say("Skrevet mens rådgiveren var borte")
    expect(page.locator(".desk__status")).to_have_text("Tilkoblet som demo-adviser")
    kari.wait_for(type="message", text="Svar skrevet mens forbindelsen var borte")
    texts = page.locator(".desk__text")
    expect(texts).to_have_text(["Skrevet mens rådgiveren var borte", "Svar skrevet mens forbindelsen var borte"])
    assert len(kari.matching(type="message", text="Svar skrevet mens forbindelsen var borte")) == 1

    # A reload forgets the token but not which chats were open: signing in again takes them back.
    page.reload()
    page.get_by_role("button", name="Bruk utviklingstoken").click()
    expect(page.locator(".desk__open")).to_have_count(1)
    page.locator(".desk__open").click()
    expect(texts).to_have_text(["Skrevet mens rådgiveren var borte", "Svar skrevet mens forbindelsen var borte"])
    assert page.evaluate("JSON.stringify(sessionStorage)").count(kari.session_id) == 1
    assert "token" not in page.url


def test_a_cancelled_wait_and_another_advisers_take_leave_the_queue(
    page: Any, server: Running, customers: Any, agents: Any
) -> None:
    from playwright.sync_api import expect

    sign_in(page, server)
    first, second = customers(), customers()
    first.send({"type": "handover_request"})
    second.send({"type": "handover_request"})
    expect(page.locator(".desk__queue-item")).to_have_count(2)
    first.send({"type": "cancel_handover"})
    expect(page.locator(".desk__queue-item")).to_have_count(1)
    other = agents("adviser")
    other.send({"type": "accept", "session_id": second.session_id})
    expect(page.locator(".desk__queue-item")).to_have_count(0)
    expect(page.locator("[data-desk=queue]")).to_have_text("Ingen kunder venter.")


def test_a_refused_token_says_so_and_keeps_the_sign_in(page: Any, server: Running) -> None:
    from playwright.sync_api import expect

    page.goto(server.base + "/desk/")
    page.get_by_label("Rådgivertoken", exact=False).fill(server.customer_token("c-1"))  # not staff
    page.get_by_role("button", name="Koble til").click()
    expect(page.locator(".desk__status")).to_contain_text("Tokenet ble ikke godtatt")
    expect(page.locator("#signin")).to_be_visible()
    expect(page.locator("#workspace")).to_be_hidden()
    assert uuid.UUID(int=0)  # keep the import honest for readers of the helper above
