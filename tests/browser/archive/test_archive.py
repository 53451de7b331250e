"""The customer archive page (``/archive/``) in a real Chromium against the real server.

Conversations are made the real way: a customer on ``/ws/chat`` with their token, a Python bot that
answers, an adviser who accepts a handover. The page runs under its own strict Content-Security-Policy
(the ``page`` fixture fails on any script error or CSP violation) and axe-core checks every state.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.api.helpers import signed_token
from tests.browser.archive.support import (
    ADVISER_TEXTS,
    Agents,
    adviser_conversation,
    api_get,
    bot_conversation,
    bot_reply,
    items,
    new_id,
    no_horizontal_scroll,
    open_archive,
)
from tests.browser.conftest import SCREENSHOTS, no_axe_violations
from tests.servers import Running

pytestmark = pytest.mark.browser

# --- tests ------------------------------------------------------------------------------------------


def test_list_and_open_a_conversation(page: Any, server: Running, kari: dict[str, str]) -> None:
    open_archive(page, server, server.customer_token(kari["id"]))
    archive = page.locator(".chatlog-archive")
    expect(archive).to_have_attribute("lang", "nb")
    expect(page.get_by_role("heading", name="Chatarkivet ditt")).to_be_visible()
    expect(items(page)).to_have_count(3)
    # Newest first; who took part, how many messages, the state.
    expect(items(page).nth(0)).to_contain_text("Chatbot")
    expect(items(page).nth(0)).to_contain_text("4 meldinger")
    expect(items(page).nth(0)).to_contain_text("Avsluttet")
    expect(items(page).nth(1)).to_contain_text("Chatbot og rådgiver")
    expect(items(page).nth(1)).to_contain_text("8 meldinger")
    expect(items(page).nth(2)).to_contain_text("2 meldinger")
    # Dates in Norwegian ("3. mars 2025 kl. 09:30").
    expect(items(page).nth(0).locator("time")).to_have_text(re.compile(r"^\d{1,2}\. \w+ \d{4} kl\. \d{2}:\d{2}$"))
    expect(page.get_by_role("status")).to_contain_text("3 samtaler vises")
    no_axe_violations(page, "list")
    page.locator("#chatlog-archive").evaluate("el => el.scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "archive-list.png"), animations="disabled")

    # Keyboard only: open the adviser conversation, read it, go back; focus returns where it was.
    opener = items(page).nth(1).locator(".chatlog-archive__open")
    opener.focus()
    page.keyboard.press("Enter")
    title = page.locator(".chatlog-archive__main h3:visible")
    expect(title).to_have_text(re.compile(r"^Samtale \d"))
    expect(title).to_be_focused()
    messages = page.locator(".chatlog-archive__msg")
    expect(messages).to_have_count(8)
    expect(messages.locator(".chatlog-archive__who")).to_have_text(
        ["Du", "Chatbot", "Du", "Chatbot", "Rådgiver", "Du", "Rådgiver", "Du"]
    )
    expect(messages.nth(4).locator(".chatlog-archive__text")).to_have_text(ADVISER_TEXTS[0])
    expect(messages.nth(0).locator("time")).to_have_text(re.compile(r"^\d{2}:\d{2}$"))
    expect(page.locator(".chatlog-archive__meta")).to_contain_text("Chatbot og rådgiver")
    expect(page.locator(".chatlog-archive__meta")).to_contain_text("Vises i arkivet til")
    expect(items(page).first).to_be_hidden()
    no_axe_violations(page, "open conversation")
    page.locator("#chatlog-archive").evaluate("el => el.scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "archive-conversation.png"), animations="disabled")

    page.keyboard.press("Shift+Tab")  # from the heading back to the back button
    expect(page.get_by_role("button", name="Tilbake til samtalene")).to_be_focused()
    page.keyboard.press("Enter")
    expect(items(page)).to_have_count(3)
    expect(opener).to_be_focused()

    # Escape also goes back, to the conversation that was opened.
    third = items(page).nth(2).locator(".chatlog-archive__open")
    third.click()
    expect(messages).to_have_count(2)
    page.keyboard.press("Escape")
    expect(third).to_be_focused()


def test_english_and_paging_with_show_more(page: Any, server: Running, kari: dict[str, str]) -> None:
    open_archive(page, server, server.customer_token(kari["id"]), "?lang=en&limit=2")
    expect(page.locator(".chatlog-archive")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Your chat archive")).to_be_visible()
    expect(items(page)).to_have_count(2)
    expect(items(page).nth(1)).to_contain_text("Chatbot and adviser")
    more = page.get_by_role("button", name="Show more conversations")
    more.click()
    expect(items(page)).to_have_count(3)
    expect(more).to_be_hidden()
    # The first conversation just added gets focus, so keyboard users carry on reading there.
    expect(items(page).nth(2).locator(".chatlog-archive__open")).to_be_focused()
    expect(page.get_by_role("status")).to_have_text("1 more conversation was added to the list.")
    items(page).nth(2).locator(".chatlog-archive__open").click()
    expect(page.locator(".chatlog-archive__who")).to_have_text(["You", "Chatbot"])


def test_export_downloads_the_conversations(page: Any, server: Running, kari: dict[str, str]) -> None:
    open_archive(page, server, server.customer_token(kari["id"]))
    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned alle samtalene").click()
    download = info.value
    assert re.fullmatch(r"chatlog-export-\d{8}\.json", download.suggested_filename), download.suggested_filename
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["format"] == "chatlog-export/1"
    assert data["customer_id"] == kari["id"]
    by_id = {s["session_id"]: s for s in data["sessions"]}
    assert set(by_id) == {kari["salary"], kari["loan"], kari["card"]}
    loan_texts = [m["text"] for m in by_id[kari["loan"]]["messages"]]
    assert ADVISER_TEXTS[1] in loan_texts
    assert [m["from"] for m in by_id[kari["card"]]["messages"]] == ["customer", "bot", "customer", "bot"]
    expect(page.get_by_role("status")).to_have_text(f"Filen {download.suggested_filename} er lastet ned.")
    expect(page.get_by_role("link", name=f"Last ned {download.suggested_filename} igjen")).to_be_visible()


def test_delete_a_bot_only_conversation(page: Any, server: Running, agents: Agents) -> None:
    agents("bot", reply=bot_reply)
    customer_id = new_id("ola")
    keep = bot_conversation(server, customer_id, ("Når blir lønna mi satt inn?",))
    gone = bot_conversation(server, customer_id, ("Hvordan sperrer jeg bankkortet mitt?",))
    token = server.customer_token(customer_id)
    open_archive(page, server, token)
    expect(items(page)).to_have_count(2)

    delete = items(page).first.get_by_role("button", name=re.compile(r"^Slett samtalen fra "))
    delete.click()
    confirm = page.get_by_role("group", name=re.compile(r"^Vil du slette samtalen fra "))
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("Det kan ikke angres.")
    cancel = confirm.get_by_role("button", name="Avbryt")
    expect(cancel).to_be_focused()  # the safe choice
    no_axe_violations(page, "confirmation step")

    # Cancelling keeps it and gives focus back; so does Escape.
    cancel.click()
    expect(confirm).to_be_hidden()
    expect(delete).to_be_focused()
    page.keyboard.press("Enter")
    expect(confirm).to_be_visible()
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    expect(delete).to_be_focused()
    assert api_get(server, token, f"/api/archive/sessions/{gone}").status_code == 200

    delete.click()
    confirm.get_by_role("button", name="Ja, slett samtalen").click()
    expect(items(page)).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text("er slettet.")
    expect(items(page).first.locator(".chatlog-archive__open")).to_be_focused()
    assert api_get(server, token, f"/api/archive/sessions/{gone}").status_code == 404
    assert api_get(server, token, f"/api/archive/sessions/{keep}").status_code == 200

    # Gone from the list after a reload too.
    open_archive(page, server, token)
    expect(items(page)).to_have_count(1)
    assert items(page).first.get_attribute("data-session-id") == keep


def test_refused_delete_of_an_adviser_conversation_shows_the_reason(
    page: Any, server: Running, agents: Agents, allowed_console: list[str]
) -> None:
    allowed_console.append("status of 409")
    agents("bot", reply=bot_reply)
    adviser = agents("adviser")
    customer_id = new_id("nora")
    sid = adviser_conversation(server, customer_id, adviser)
    token = server.customer_token(customer_id)
    open_archive(page, server, token)
    items(page).first.locator(".chatlog-archive__open").click()
    expect(page.locator(".chatlog-archive__msg")).to_have_count(8)

    # From the open conversation this time.
    page.locator(".chatlog-archive__conv-actions").get_by_role("button", name=re.compile("^Slett")).click()
    page.get_by_role("button", name="Ja, slett samtalen").click()
    alert = page.locator(".chatlog-archive__conv-actions [role=alert]")
    expect(alert).to_contain_text("Samtalen kan ikke slettes.")
    expect(alert).to_contain_text("A customer adviser took part in this chat")
    expect(alert.locator("[lang=en]")).to_have_count(1)  # the server's reason is in English
    expect(page.locator(".chatlog-archive__msg")).to_have_count(8)
    conv_delete = page.locator(".chatlog-archive__conv-actions").get_by_role("button", name=re.compile("^Slett"))
    expect(conv_delete).to_be_focused()
    no_axe_violations(page, "refusal")

    page.get_by_role("button", name="Tilbake til samtalene").click()
    expect(items(page)).to_have_count(1)
    assert api_get(server, token, f"/api/archive/sessions/{sid}").status_code == 200

    # From the list as well: the reason shows next to the conversation, which stays.
    items(page).first.get_by_role("button", name=re.compile("^Slett")).click()
    page.get_by_role("button", name="Ja, slett samtalen").click()
    expect(items(page).first.get_by_role("alert")).to_contain_text("duty to keep it as documentation")
    expect(items(page)).to_have_count(1)


def test_objection_switch_round_trip_survives_a_reload(page: Any, server: Running, agents: Agents) -> None:
    agents("bot", reply=bot_reply)
    customer_id = new_id("per")
    bot_conversation(server, customer_id, ("Når blir lønna mi satt inn?",))
    token = server.customer_token(customer_id)
    open_archive(page, server, token)
    switch = page.get_by_role("checkbox", name="Ikke bruk chattene mine i statistikk")
    expect(switch).not_to_be_checked()
    description = switch.get_attribute("aria-describedby")
    expect(page.locator(f"#{description}")).to_have_text(
        "Da slutter banken å bruke chattene dine i statistikken sin. Ingenting blir slettet."
    )

    switch.check()
    expect(page.get_by_role("status")).to_have_text("Lagret: chattene dine brukes ikke i statistikk.")
    assert api_get(server, token, "/api/archive/objection").json() == {"objection": True}

    open_archive(page, server, token)  # a reload: the state comes from the server
    switch = page.get_by_role("checkbox", name="Ikke bruk chattene mine i statistikk")
    expect(switch).to_be_checked()
    switch.focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_have_text("Lagret: chattene dine kan brukes i statistikk igjen.")
    assert api_get(server, token, "/api/archive/objection").json() == {"objection": False}
    open_archive(page, server, token)
    expect(page.get_by_role("checkbox", name="Ikke bruk chattene mine i statistikk")).not_to_be_checked()
    # Nothing was deleted by objecting.
    expect(items(page)).to_have_count(1)


def test_another_customer_never_sees_the_first_customers_conversations(
    page: Any, server: Running, kari: dict[str, str]
) -> None:
    open_archive(page, server, server.customer_token(kari["id"]))
    expect(items(page)).to_have_count(3)

    # The same page, a token for someone else (as the demo's box, or a host calling setToken).
    page.locator("#demo-token").fill(server.customer_token(new_id("someone-else")))
    page.locator("#demo-login-button").click()
    expect(page.locator(".chatlog-archive__empty")).to_be_visible()
    expect(page.locator(".chatlog-archive__empty")).to_contain_text("Du har ingen samtaler i arkivet.")
    expect(items(page)).to_have_count(0)
    html = page.content()
    for sid in (kari["salary"], kari["loan"], kari["card"]):
        assert sid not in html
    assert "boliglån" not in html
    no_axe_violations(page, "empty")


def test_token_never_in_url_storage_or_page(page: Any, server: Running, kari: dict[str, str]) -> None:
    requests: list[Any] = []
    page.on("request", lambda request: requests.append(request))
    token = server.customer_token(kari["id"])
    open_archive(page, server, token)
    items(page).first.locator(".chatlog-archive__open").click()
    expect(page.locator(".chatlog-archive__msg")).to_have_count(4)
    with page.expect_download():
        page.get_by_role("button", name="Last ned alle samtalene").click()

    assert token not in page.url
    assert page.evaluate("JSON.stringify(sessionStorage) + JSON.stringify(localStorage)") == "{}{}"
    assert page.context.cookies() == []
    assert token not in page.content()
    assert page.locator("#demo-token").input_value() == ""
    for request in requests:
        assert token not in request.url
        assert request.url.startswith(server.base + "/") or request.url.startswith("blob:"), request.url
    api = [r for r in requests if "/api/archive/" in r.url]
    assert api and all(r.headers.get("authorization") == f"Bearer {token}" for r in api)


def test_development_token_button(page: Any, server: Running, agents: Agents, allowed_console: list[str]) -> None:
    agents("bot", reply=bot_reply)
    customer_id = new_id("demo")
    bot_conversation(server, customer_id, ("Når blir lønna mi satt inn?",))
    page.goto(server.base + "/archive/")
    expect(page.locator(".chatlog-archive__error-text")).to_have_text(
        "Du må være logget inn i nettbanken for å se chatarkivet."
    )
    expect(page.locator("#demo-subject")).to_have_value("demo-customer")
    page.locator("#demo-subject").fill(customer_id)
    page.get_by_role("button", name="Use a development token").click()
    expect(items(page)).to_have_count(1)
    expect(page.locator("#demo-dev-note")).to_contain_text(f"Logged in as {customer_id}")

    # In production the endpoint answers 404: the page says where tokens come from.
    allowed_console.append("status of 404")
    page.route(
        "**/api/dev/tokens",
        lambda route: route.fulfill(
            status=404,
            content_type="application/json",
            body=json.dumps({"error": {"code": "not_found", "message": "not found"}}),
        ),
    )
    page.get_by_role("button", name="Use a development token").click()
    expect(page.locator("#demo-dev-note")).to_contain_text("In production the customer logs in to the online bank")
    expect(items(page)).to_have_count(1)  # the archive shown is left alone


def test_expired_token_and_network_errors(
    page: Any, server: Running, kari: dict[str, str], allowed_console: list[str]
) -> None:
    allowed_console.extend(["status of 401", "net::ERR_FAILED"])
    expired = signed_token(server, ttl_s=-3600, sub=kari["id"], kind="customer")
    page.goto(server.base + "/archive/")
    page.locator("#demo-token").fill(expired)
    page.locator("#demo-login-button").click()
    alert = page.locator(".chatlog-archive__error-text")
    expect(alert).to_have_text("Økten din er utløpt. Logg inn på nytt for å se chatarkivet.")
    expect(alert).to_have_attribute("role", "alert")
    expect(page.get_by_role("button", name="Prøv igjen")).to_be_hidden()  # the same token cannot help
    expect(items(page)).to_have_count(0)
    no_axe_violations(page, "expired")

    # A new token (the host's setToken) brings the archive back.
    page.locator("#demo-token").fill(server.customer_token(kari["id"]))
    page.locator("#demo-login-button").click()
    expect(items(page)).to_have_count(3)
    expect(alert).to_have_text("")

    # The network fails while opening a conversation: a retry button, which works once it is back.
    page.route("**/api/archive/sessions/*", lambda route: route.abort())
    items(page).first.locator(".chatlog-archive__open").click()
    expect(alert).to_have_text(re.compile("^Vi får ikke kontakt med banken"))
    retry = page.get_by_role("button", name="Prøv igjen")
    expect(retry).to_be_visible()
    no_axe_violations(page, "network error")
    page.unroute("**/api/archive/sessions/*")
    retry.click()
    expect(page.locator(".chatlog-archive__msg")).to_have_count(4)
    expect(alert).to_have_text("")


def test_narrow_screen_without_horizontal_scrolling(page: Any, server: Running, kari: dict[str, str]) -> None:
    """320 CSS pixels wide: what a 1280 px window shows at 400 % zoom (WCAG 1.4.10)."""
    page.set_viewport_size({"width": 320, "height": 640})
    open_archive(page, server, server.customer_token(kari["id"]))
    expect(items(page)).to_have_count(3)
    no_horizontal_scroll(page)
    items(page).first.get_by_role("button", name=re.compile("^Slett")).click()
    expect(page.get_by_role("button", name="Ja, slett samtalen")).to_be_visible()
    no_horizontal_scroll(page)
    page.get_by_role("button", name="Avbryt").click()
    items(page).nth(1).locator(".chatlog-archive__open").click()
    expect(page.locator(".chatlog-archive__msg")).to_have_count(8)
    no_horizontal_scroll(page)


def test_focus_ring_is_visible(page: Any, server: Running, kari: dict[str, str]) -> None:
    open_archive(page, server, server.customer_token(kari["id"]))
    opener = items(page).first.locator(".chatlog-archive__open")
    opener.focus()
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    focused = page.evaluate("""() => {
      const s = getComputedStyle(document.activeElement);
      return {style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor};
    }""")
    assert focused == {"style": "solid", "width": "3px", "color": "rgb(8, 44, 105)"}, focused


def test_chat_text_is_rendered_as_text_not_html(page: Any, server: Running, agents: Agents) -> None:
    payload = "<img src=x onerror=window.__xss=1><b>fet</b>"
    agents("bot", reply=lambda text: payload)
    customer_id = new_id("xss")
    bot_conversation(server, customer_id, ("<script>window.__xss=2</script>",))
    open_archive(page, server, server.customer_token(customer_id))
    items(page).first.locator(".chatlog-archive__open").click()
    texts = page.locator(".chatlog-archive__text")
    expect(texts).to_have_text(["<script>window.__xss=2</script>", payload])
    assert page.locator(".chatlog-archive img, .chatlog-archive b, .chatlog-archive script").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
