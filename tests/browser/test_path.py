"""The new user's whole path in real Chromium (issue 12): front door → widget → the demo bot answers →
an adviser takes over at the desk (a second browser context) → the server restarts mid-chat and both
screens lose and double nothing → the customer reads, exports and deletes in the archive page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chat.demo_bot.brain import INTENTS
from tests.browser.conftest import CHROMIUM, gateway_on_port
from tests.servers import free_port, make_settings

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

LOST = next(i for i in INTENTS if i.name == "lost_card")


def test_front_door_widget_bot_desk_restart_archive(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    settings = make_settings(tmp_path / "var", demo_bot=True)
    port = free_port()
    customer_ctx = browser.new_context(viewport={"width": 1100, "height": 800}, locale="nb-NO", accept_downloads=True)
    adviser_ctx = browser.new_context(viewport={"width": 1100, "height": 800}, locale="nb-NO")
    try:
        customer, desk = customer_ctx.new_page(), adviser_ctx.new_page()
        with gateway_on_port(settings, port) as first:
            # Front door → the widget, logged in with a development token.
            customer.goto(first.base + "/")
            customer.get_by_role("link", name="Chat widget", exact=True).click()
            customer.get_by_role("button", name="Use a development token").click()
            widget = customer.locator(".chatlog")
            expect(customer.locator(".chatlog__input")).to_be_enabled()
            bot_texts = customer.locator(".chatlog__msg--bot .chatlog__text")
            expect(bot_texts.first).to_contain_text("Jeg er bankens chatbot")  # the demo bot's greeting

            box = customer.locator(".chatlog__input")
            box.fill("Hei, jeg har mistet kortet mitt")
            box.press("Enter")
            expect(bot_texts.nth(1)).to_have_text(LOST.nb)
            box.fill("Kan jeg få snakke med en rådgiver?")
            box.press("Enter")
            expect(bot_texts.nth(2)).to_contain_text("Jeg setter deg over til en rådgiver")

            # The adviser takes it at the desk.
            desk.goto(first.base + "/desk/")
            desk.get_by_role("button", name="Bruk utviklingstoken").click()
            desk.get_by_role("button", name="Ta samtalen").click()
            expect(desk.locator(".desk__chat-title")).to_have_text("demo-customer")
            expect(desk.locator(".desk__text")).to_have_count(5)
            reply = desk.get_by_label("Svar til kunden")
            reply.fill("Hei, jeg heter Ola og er rådgiver. Jeg har sperret kortet for deg.")
            reply.press("Enter")
            adviser_texts = customer.locator(".chatlog__msg--adviser .chatlog__text")
            expect(adviser_texts).to_have_text(["Hei, jeg heter Ola og er rådgiver. Jeg har sperret kortet for deg."])

        # The server restarts mid-chat; both screens come back to the new process by themselves.
        with gateway_on_port(settings, port) as second:
            expect(desk.locator(".desk__status")).to_have_text("Tilkoblet som demo-adviser", timeout=20_000)
            expect(customer.locator(".chatlog__input")).to_be_enabled(timeout=20_000)
            box.fill("Takk! Når kommer det nye kortet?")
            box.press("Enter")
            expect(desk.locator(".desk__text").last).to_have_text("Takk! Når kommer det nye kortet?", timeout=20_000)
            reply = desk.get_by_label("Svar til kunden")
            reply.fill("Det kommer i posten om 5-7 virkedager.")
            reply.press("Enter")
            expect(adviser_texts).to_have_text([
                "Hei, jeg heter Ola og er rådgiver. Jeg har sperret kortet for deg.",
                "Det kommer i posten om 5-7 virkedager.",
            ])
            # Nothing lost, nothing doubled, on either screen.
            expect(desk.locator(".desk__text")).to_have_count(8)
            expect(customer.locator(".chatlog__msg--customer")).to_have_count(3)
            expect(bot_texts).to_have_count(3)
            widget.get_by_role("button", name="Avslutt chat").click()
            expect(desk.locator(".desk__note")).to_have_text("Kunden avsluttet samtalen.")

            # The customer reads it in the archive page, exports it, and may not delete it (an adviser took part).
            customer.goto(second.base + "/archive/")
            customer.get_by_role("button", name="Use a development token").click()
            items = customer.locator(".chatlog-archive__item")
            expect(items).to_have_count(1)
            items.first.locator(".chatlog-archive__open").click()
            messages = customer.locator(".chatlog-archive__msg")
            expect(messages).to_have_count(8)
            expect(messages.last).to_contain_text("Det kommer i posten om 5-7 virkedager.")
            with customer.expect_download() as download:
                customer.get_by_role("button", name="Last ned alle samtalene").click()
            exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
            texts = [m["text"] for m in exported["sessions"][0]["messages"]]
            assert texts[1] == "Hei, jeg har mistet kortet mitt" and len(texts) == 8
    finally:
        customer_ctx.close()
        adviser_ctx.close()
