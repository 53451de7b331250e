"""The chat widget in a real Chromium against the real gateway, with Python bots and advisers.

What only a browser can show: the notice is on screen before the first message, text is rendered as
text, the outbox survives a dropped connection and is delivered exactly once, and the page runs under
its own strict Content-Security-Policy without errors (the ``page`` fixture fails on any).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, AgentClient, gateway_on_port
from tests.servers import Running, free_port, make_settings

pytestmark = pytest.mark.browser

Agents = Callable[..., AgentClient]
SCREENSHOT = str(SCREENSHOTS / "widget-test.png")


def open_widget(page: Any, server: Running, query: str = "") -> None:
    """Open the demo page and start an anonymous chat with the widget's own "Start chat" button (the
    demo opens no session until the visitor chooses to)."""
    page.goto(server.base + "/widget/" + query)
    page.locator(".chatlog").get_by_role("button", name="Start chat").click()
    expect(page.locator(".chatlog__notice")).to_be_visible()
    expect(page.locator(".chatlog__input")).to_be_enabled()


def session_id(page: Any) -> str:
    sid = page.evaluate("window.chatlogDemo.sessionId")
    assert isinstance(sid, str) and sid
    return sid


def type_and_send(page: Any, text: str) -> None:
    page.locator(".chatlog__input").fill(text)
    page.locator(".chatlog__input").press("Enter")


def own_messages(page: Any) -> Any:
    return page.locator(".chatlog__msg--customer")


def test_anonymous_chat_end_to_end(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot", reply=lambda text: "Hei! Jeg er chatboten. Hva kan jeg hjelpe deg med?")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_widget(page, server)

    # The privacy notice and the anonymous badge are on screen before anything is written.
    notice = page.locator(".chatlog__notice")
    expect(notice).to_contain_text("Personvern")
    expect(notice).to_contain_text("anonym")
    expect(page.locator(".chatlog__badge")).to_have_text("Anonym chat")
    expect(page.locator(".chatlog__log .chatlog__msg")).to_have_count(0)
    sid = session_id(page)
    started = bot.wait_for(type="session_started", session_id=sid)
    assert started["kind"] == "anonymous"

    # Shift+Enter is a new line, Enter sends.
    box = page.locator(".chatlog__input")
    box.focus()
    page.keyboard.type("Kontonummeret mitt er 1234.56.78903, jeg heter Kari Nordmann")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("og jeg lurer på renta.")
    page.keyboard.press("Enter")

    mine = own_messages(page)
    expect(mine).to_have_count(1)
    expect(mine.first.locator(".chatlog__msg-status")).to_have_text("Levert")
    bot_reply = page.locator(".chatlog__msg--bot")
    expect(bot_reply.locator(".chatlog__text")).to_have_text("Hei! Jeg er chatboten. Hva kan jeg hjelpe deg med?")
    expect(bot_reply.locator(".chatlog__who")).to_have_text("Chatbot")
    expect(box).to_have_value("")
    expect(box).to_be_focused()

    # The live relay carries the original text (only storage of anonymous chats is redacted).
    bot.wait_for(type="message", session_id=sid)
    written = "Kontonummeret mitt er 1234.56.78903, jeg heter Kari Nordmann\nog jeg lurer på renta."
    assert bot.customer_texts(sid) == [written]

    # Once acked, nothing the customer wrote is left in the browser's storage.
    stored = page.evaluate("sessionStorage.getItem('chatlog.widget')")
    assert sid in stored
    assert "Kari" not in stored

    # No third parties, no cookies: every request went to the gateway that served the page.
    assert requests
    assert all(url.startswith(server.base + "/") for url in requests), requests
    assert page.context.cookies() == []


def test_logged_in_chat_with_pasted_token_in_english(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot", reply=lambda text: "Hello, logged-in customer.")
    open_widget(page, server, "?lang=en")
    expect(page.locator(".chatlog__badge")).to_have_text("Anonymous chat")
    anonymous_sid = session_id(page)

    page.locator("#demo-token").fill(server.customer_token("c-4711"))
    page.locator("#demo-login-button").click()

    expect(page.locator(".chatlog__badge")).to_have_text("Logged in")
    notice = page.locator(".chatlog__notice")
    expect(notice).to_contain_text("You are logged in")
    expect(page.locator("#demo-token")).to_have_value("")  # the demo keeps the token in memory only
    sid = session_id(page)
    assert sid != anonymous_sid  # logging in starts a new session instead of continuing the anonymous one
    started = bot.wait_for(type="session_started", session_id=sid)
    assert (started["kind"], started["customer_id"]) == ("authenticated", "c-4711")

    type_and_send(page, "What is my balance?")
    expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text("Delivered")
    expect(page.locator(".chatlog__msg--bot .chatlog__text")).to_have_text("Hello, logged-in customer.")
    assert bot.customer_texts(sid) == ["What is my balance?"]
    # The token goes in the hello frame only: never into the URL, the page or the browser's storage.
    assert "token" not in page.url
    assert server.customer_token("c-4711")[:20] not in page.evaluate("JSON.stringify(sessionStorage)")


def test_an_empty_token_box_logs_nobody_in_and_ends_no_chat(page: Any, server: Running, agents: Agents) -> None:
    """Audit 62 F11: after a development-token login, "Log in and start chat" with the box empty closed
    the logged-in chat and opened an anonymous one without a word."""
    bot = agents("bot", reply=lambda text: "ok")
    page.goto(server.base + "/widget/?lang=en")
    page.locator("#demo-login-button").click()  # nothing pasted, nobody logged in: no chat at all
    expect(page.locator("#demo-note")).to_contain_text("Paste a customer token first")
    expect(page.locator(".chatlog").get_by_role("button", name="Start chat")).to_be_visible()
    page.locator("#demo-dev-token-button").click()
    expect(page.locator(".chatlog__badge")).to_have_text("Logged in")
    sid = session_id(page)
    bot.wait_for(type="session_started", session_id=sid)
    page.locator("#demo-login-button").click()
    expect(page.locator("#demo-note")).to_contain_text("You are logged in already")
    expect(page.locator(".chatlog__badge")).to_have_text("Logged in")
    assert session_id(page) == sid
    type_and_send(page, "still me")
    expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text("Delivered")
    assert bot.customer_texts(sid) == ["still me"]


def test_invalid_token_is_reported_and_not_retried(page: Any, server: Running) -> None:
    page.clock.install()  # fake timers: lets the test jump past every reconnect backoff
    page.goto(server.base + "/widget/")
    page.locator("#demo-token").fill("not-a-token")
    page.locator("#demo-login-button").click()
    error = page.locator(".chatlog__error")
    expect(error).to_contain_text("Innloggingen din er ugyldig")
    expect(error).to_contain_text("Logg inn på nytt her på siden")
    expect(page.locator(".chatlog__status")).to_have_text("Frakoblet")
    expect(page.locator(".chatlog__input")).to_be_disabled()
    page.clock.run_for(5 * 60 * 1000)
    # One try with the token (logging in first opened no anonymous session): retrying cannot help.
    assert page.evaluate("window.__sockets.length") == 1
    # Nothing offers to resend the refused token; continuing anonymously is a new chat, chosen explicitly.
    expect(page.get_by_role("button", name="Koble til igjen")).to_have_count(0)
    expect(page.locator(".chatlog__outage-text")).to_have_text("")  # no outage alert either
    expect(page.get_by_role("button", name="Prøv igjen nå")).to_be_hidden()
    anonymous = page.get_by_role("button", name="Start ny anonym samtale")
    expect(anonymous).to_be_visible()
    anonymous.click()
    expect(page.locator(".chatlog__badge")).to_have_text("Anonym chat")
    expect(page.locator(".chatlog__input")).to_be_focused()
    expect(page.locator(".chatlog__error")).to_have_text("")
    assert page.evaluate("window.__sockets.length") == 2


def test_bot_reply_is_rendered_as_text_not_html(page: Any, server: Running, agents: Agents) -> None:
    payload = "<img src=x onerror=window.__xss=1><b>fet</b>"
    agents("bot", reply=lambda text: payload)
    open_widget(page, server)
    type_and_send(page, "<script>window.__xss=2</script>")

    reply = page.locator(".chatlog__msg--bot .chatlog__text")
    expect(reply).to_have_text(payload)
    expect(own_messages(page).locator(".chatlog__text")).to_have_text("<script>window.__xss=2</script>")
    assert page.locator(".chatlog img, .chatlog b, .chatlog script").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("a" * 2000, True),
        ("a" * 2001, False),
        # Counted like the server (Python's len: code points), not in UTF-16 units as JS .length does.
        ("😀" * 2000, True),
        ("😀" * 2001, False),
    ],
    ids=["2000-ascii", "2001-ascii", "2000-emoji", "2001-emoji"],
)
def test_length_limit_is_enforced_in_the_browser(
    page: Any, server: Running, agents: Agents, text: str, accepted: bool
) -> None:
    bot = agents("bot")
    open_widget(page, server)
    sid = session_id(page)
    box = page.locator(".chatlog__input")
    box.fill(text)
    n = len(text)
    expect(page.locator(".chatlog__counter")).to_have_text(f"{n} / 2000 tegn")
    box.press("Enter")
    if accepted:
        expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text("Levert")
        # The ack and the delivery to the bot are separate sends: the bot may hear it a moment later.
        bot.wait_for(type="message", session_id=sid)
        assert bot.customer_texts(sid) == [text]
        return
    expect(page.locator(".chatlog__error")).to_have_text(
        f"Meldingen er for lang ({n} tegn). Den kan være på høyst 2000 tegn."
    )
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_value(text)  # kept, so the customer can shorten it
    expect(own_messages(page)).to_have_count(0)
    # Shortening it clears the error; the next message is the only one that ever reaches the bot.
    box.fill("kort")
    expect(page.locator(".chatlog__error")).to_have_text("")
    box.press("Enter")
    bot.wait_for(type="message", session_id=sid)
    assert bot.customer_texts(sid) == ["kort"]


def test_handover_to_adviser_and_end(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot", reply=lambda text: "Jeg kan sette deg over til en rådgiver.")
    adviser = agents("adviser")
    open_widget(page, server)
    sid = session_id(page)
    type_and_send(page, "Jeg vil snakke med et menneske")
    expect(page.locator(".chatlog__msg--bot")).to_have_count(1)

    handover = page.get_by_role("button", name="Be om en rådgiver")
    handover.click()
    expect(page.locator(".chatlog__log")).to_contain_text("Du står i kø for en rådgiver")
    expect(page.locator(".chatlog__actions button").first).to_be_disabled()
    adviser.wait_for(type="handover_request", session_id=sid)

    adviser.send({"type": "accept", "session_id": sid})
    expect(page.locator(".chatlog__log")).to_contain_text("En rådgiver har blitt med i samtalen.")
    transcript = adviser.wait_for(type="transcript", session_id=sid)
    assert [m["text"] for m in transcript["messages"]] == [
        "Jeg vil snakke med et menneske",
        "Jeg kan sette deg over til en rådgiver.",
    ]

    adviser.say(sid, "Hei, dette er Ola i banken.")
    adviser_msg = page.locator(".chatlog__msg--adviser")
    expect(adviser_msg.locator(".chatlog__text")).to_have_text("Hei, dette er Ola i banken.")
    expect(adviser_msg.locator(".chatlog__who")).to_have_text("Rådgiver")
    type_and_send(page, "Takk, Ola")
    adviser.wait_for(type="message", session_id=sid, text="Takk, Ola")
    assert bot.customer_texts(sid) == ["Jeg vil snakke med et menneske"]  # the bot no longer hears the customer

    page.screenshot(path=SCREENSHOT, animations="disabled")

    page.get_by_role("button", name="Avslutt chat").click()
    expect(page.locator(".chatlog__log")).to_contain_text("Samtalen er avsluttet.")
    adviser.wait_for(type="session_ended", session_id=sid, by="customer")
    expect(page.locator(".chatlog__input")).to_be_disabled()
    restart = page.get_by_role("button", name="Start ny samtale")
    expect(restart).to_be_focused()
    assert page.evaluate("sessionStorage.getItem('chatlog.widget')") is None

    restart.click()
    expect(page.locator(".chatlog__input")).to_be_enabled()
    expect(page.locator(".chatlog__input")).to_be_focused()  # not lost on <body>
    assert session_id(page) != sid


def test_reconnect_delivers_the_outbox_exactly_once(page: Any, context: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot")
    open_widget(page, server)
    sid = session_id(page)
    type_and_send(page, "første")
    expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text("Levert")
    bot.wait_for(type="message", session_id=sid, text="første")

    # Cut the connection while the network is down, so the widget cannot simply reconnect.
    context.set_offline(True)
    page.evaluate("window.__sockets.at(-1).close()")
    expect(page.locator(".chatlog__status")).to_contain_text("frakoblet")
    type_and_send(page, "skrevet uten nett")
    pending = own_messages(page).nth(1)
    expect(pending.locator(".chatlog__msg-status")).to_have_text("Sender …")
    stored = page.evaluate("sessionStorage.getItem('chatlog.widget')")
    assert "skrevet uten nett" in stored  # the outbox would survive a reload too
    bot.say(sid, "svar mens du var borte")  # stored by the server, replayed on resume

    context.set_offline(False)
    expect(pending.locator(".chatlog__msg-status")).to_have_text("Levert")
    expect(page.locator(".chatlog__status")).to_have_text("Tilkoblet")
    expect(page.locator(".chatlog__msg--bot .chatlog__text")).to_have_text(["svar mens du var borte"])
    assert session_id(page) == sid

    # A message whose ack is lost (the socket closes right after sending) is re-sent with the same
    # client_msg_id after the reconnect; the server's dedupe makes it arrive once.
    page.evaluate("window.chatlogDemo.send('ack går tapt'); window.__sockets.at(-1).close()")
    expect(own_messages(page)).to_have_count(3)
    expect(own_messages(page).nth(2).locator(".chatlog__msg-status")).to_have_text("Levert")
    bot.wait_for(type="message", session_id=sid, text="ack går tapt")

    type_and_send(page, "siste")
    expect(own_messages(page).nth(3).locator(".chatlog__msg-status")).to_have_text("Levert")
    bot.wait_for(type="message", session_id=sid, text="siste")
    assert bot.customer_texts(sid) == ["første", "skrevet uten nett", "ack går tapt", "siste"]
    expect(page.locator(".chatlog__msg")).to_have_count(5)
    assert page.evaluate("window.chatlogDemo.pending") == 0


def test_a_lost_frame_is_replayed_and_nothing_is_shown_twice(page: Any, server: Running, agents: Agents) -> None:
    """The resume point is the last seq of an unbroken run: a frame lost in between is replayed after
    the reconnect, and replayed frames the widget already shows are skipped (dedupe by seq)."""
    bot = agents("bot")
    open_widget(page, server)
    sid = session_id(page)
    type_and_send(page, "hei")
    expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text("Levert")

    page.evaluate("() => { window.__dropIncoming = (data) => data.includes('tapt underveis'); }")
    bot.say(sid, "tapt underveis")
    bot.say(sid, "kom fram")
    texts = page.locator(".chatlog__msg .chatlog__text")
    expect(texts).to_have_text(["hei", "kom fram"])

    page.evaluate("window.__dropIncoming = null; window.__sockets.at(-1).close()")
    expect(texts).to_have_text(["hei", "tapt underveis", "kom fram"])
    expect(page.locator(".chatlog__status")).to_have_text("Tilkoblet")
    type_and_send(page, "takk")
    expect(own_messages(page).nth(1).locator(".chatlog__msg-status")).to_have_text("Levert")
    expect(texts).to_have_text(["hei", "tapt underveis", "kom fram", "takk"])


def test_reload_resumes_the_session_and_redraws_it(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot", reply=lambda text: f"Du skrev {len(text)} tegn.")
    open_widget(page, server)
    sid = session_id(page)
    type_and_send(page, "før omlasting")
    expect(page.locator(".chatlog__msg--bot")).to_have_count(1)

    page.reload()
    expect(page.locator(".chatlog__input")).to_be_enabled()
    assert session_id(page) == sid
    texts = page.locator(".chatlog__msg .chatlog__text")
    expect(texts).to_have_text(["før omlasting", "Du skrev 13 tegn."])
    type_and_send(page, "etter")
    expect(texts).to_have_text(["før omlasting", "Du skrev 13 tegn.", "etter", "Du skrev 5 tegn."])
    assert bot.customer_texts(sid) == ["før omlasting", "etter"]


def test_server_restart_reconnects_and_resumes(page: Any, context: Any, tmp_path: Path) -> None:
    """A graceful restart sends ``reconnect`` and closes 1012; the widget comes back to the new process,
    resumes the same session from the store and delivers what was written in between."""
    settings = make_settings(tmp_path / "var")
    port = free_port()
    with gateway_on_port(settings, port) as first:
        bot = AgentClient(first, "bot")
        try:
            open_widget(page, first)
            sid = session_id(page)
            type_and_send(page, "før omstart")
            expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text("Levert")
            bot.wait_for(type="message", session_id=sid, text="før omstart")
        finally:
            bot.close()
    expect(page.locator(".chatlog__status")).to_have_text("Forbindelsen ble brutt. Kobler til igjen …")
    type_and_send(page, "under omstarten")
    expect(own_messages(page).nth(1).locator(".chatlog__msg-status")).to_have_text("Sender …")
    # Hold the widget back until the new process has its bot: a relay only reaches connected agents.
    context.set_offline(True)

    with gateway_on_port(settings, port) as second:
        bot = AgentClient(second, "bot")
        try:
            context.set_offline(False)
            expect(own_messages(page).nth(1).locator(".chatlog__msg-status")).to_have_text("Levert")
            expect(page.locator(".chatlog__status")).to_have_text("Tilkoblet")
            assert session_id(page) == sid
            bot.wait_for(type="message", session_id=sid, text="under omstarten")
            assert bot.customer_texts(sid) == ["under omstarten"]
            expect(page.locator(".chatlog__msg")).to_have_count(2)
        finally:
            bot.close()
