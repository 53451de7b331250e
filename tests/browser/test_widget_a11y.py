"""The widget's accessibility and "is anybody there?" behaviour, in a real Chromium against the real gateway.

Each test is one finding of the accessibility audit (or one thing customers noticed), numbered as in the
audit: focus after a new chat, reflow at 400 % zoom, new messages in view on short screens, focus-ring
contrast, list semantics inside the live log, the privacy notice in a live region, the too-long error tied
to the text box, "nobody is answering" while the bot or the advisers are away, the outage alert and the
backoff cap, the logged-in badge, the refused token, no session before the visitor asks for one, the
English notice, and the demo's development-token button. axe-core runs on every state the widget can be
in (idle, chatting, waiting for an adviser, nobody answering, outage, too-long error, ended, and at 400 %
zoom) and must find nothing.

Test order matters a little: the module has its own gateway, and the tests that need "no bot" or "no
adviser connected" come before any test that connects one that could still be counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, AgentClient, no_axe_violations
from tests.browser.test_widget import open_widget, own_messages, session_id, type_and_send
from tests.servers import Running

pytestmark = pytest.mark.browser

Agents = Callable[..., AgentClient]
#: 1280x1024 at 400 % zoom (WCAG 1.4.10 Reflow).
ZOOMED = {"width": 320, "height": 256}


def widget_button(page: Any, name: str) -> Any:
    return page.locator(".chatlog").get_by_role("button", name=name, exact=True)


def banner(page: Any) -> Any:
    return page.locator(".chatlog__banner")


def nobody(page: Any) -> Any:
    return page.locator(".chatlog__nobody")


def _channel(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(css: str) -> tuple[float, float, float]:
    m = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)", css)
    assert m, css
    assert m.group(4) in (None, "1"), f"translucent colour {css}"
    return float(m.group(1)), float(m.group(2)), float(m.group(3))


def contrast(a: str, b: str) -> float:
    la, lb = (0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(bl) for r, g, bl in (_rgb(a), _rgb(b)))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def in_view(locator: Any, container: str | None = None) -> bool:
    """The element is fully inside the viewport (or the given scroll container) and not covered."""
    return bool(
        locator.evaluate(
            """(el, sel) => {
                 const r = el.getBoundingClientRect();
                 const box = sel ? el.closest(sel).getBoundingClientRect()
                                 : {top: 0, left: 0, bottom: innerHeight, right: innerWidth};
                 if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) return false;
                 if (r.left < box.left - 0.5 || r.right > box.right + 0.5) return false;
                 const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                 return hit === el || el.contains(hit);
               }""",
            container,
        )
    )


def wait_scrolled_to_end(page: Any) -> None:
    page.wait_for_function(
        "() => { const s = document.querySelector('.chatlog__scroll');"
        " return s.scrollHeight - s.scrollTop - s.clientHeight < 2; }"
    )


def mount_with(page: Any, options: str) -> None:
    """Replace the demo's widget with one mounted with these options (a JavaScript object literal)."""
    page.evaluate(
        f"""() => {{
              window.chatlogDemo.destroy();
              window.chatlogDemo = ChatlogWidget.mount(document.getElementById("chatlog-widget"), {options});
            }}"""
    )


# --- 8. nobody answering (first: no agent of this module's gateway is connected yet) ----------------


def test_no_bot_connected_says_nobody_is_answering(page: Any, server: Running) -> None:
    open_widget(page, server)
    expect(nobody(page)).to_contain_text("Ingen svarer i chatten akkurat nå.")
    expect(nobody(page)).to_contain_text("Andre måter å nå oss på: ring banken.")
    expect(nobody(page)).to_have_attribute("role", "status")  # polite, not an alert
    expect(page.locator(".chatlog__waiting")).to_be_hidden()
    no_axe_violations(page, "nobody answering (no bot)")

    # The host page names its own alternatives, per language; a link only for tel:/mailto:/https:.
    mount_with(
        page,
        '{lang: "en", autoStart: true, contact: {nb: "ring 22 00 00 00", en: "call us on +47 22 00 00 00"},'
        ' contactHref: "tel:+4722000000", openingHours: "The phone is open 8 am to 8 pm on weekdays."}',
    )
    expect(nobody(page)).to_contain_text("Nobody is answering the chat right now.")
    link = nobody(page).get_by_role("link", name="call us on +47 22 00 00 00")
    expect(link).to_have_attribute("href", "tel:+4722000000")
    expect(nobody(page)).to_contain_text("The phone is open 8 am to 8 pm on weekdays.")
    mount_with(page, '{autoStart: true, contactHref: "javascript:alert(1)"}')
    expect(nobody(page)).to_contain_text("ring banken")
    expect(nobody(page).locator("a")).to_have_count(0)


def test_waiting_with_no_adviser_offers_alternatives_and_cancel(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot", reply=lambda text: "Jeg setter deg gjerne over til en rådgiver.")
    page.set_viewport_size({"width": 1280, "height": 800})
    open_widget(page, server)
    sid = session_id(page)
    expect(nobody(page)).to_have_text("")  # a bot is there
    type_and_send(page, "Jeg vil snakke med en rådgiver om refinansiering")
    expect(page.locator(".chatlog__msg--bot")).to_have_count(1)

    widget_button(page, "Be om en rådgiver").click()
    expect(page.locator(".chatlog__waiting")).to_have_text("Venter på rådgiver …")
    expect(page.locator(".chatlog__log")).to_contain_text("Du står i kø for en rådgiver.")
    # The gateway's availability frame says no adviser is connected: say so at once, politely.
    expect(nobody(page)).to_contain_text("Ingen rådgivere er ledige akkurat nå.")
    expect(nobody(page)).to_contain_text("Andre måter å nå oss på: ring banken.")
    expect(nobody(page)).to_contain_text("Du kan vente videre eller avbryte ventingen.")
    cancel = widget_button(page, "Avbryt ventingen")
    expect(cancel).to_be_visible()
    expect(widget_button(page, "Be om en rådgiver")).to_be_hidden()
    no_axe_violations(page, "waiting for an adviser, none available")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "widget-waiting.png"), animations="disabled")

    cancel.click()
    bot.wait_for(type="handover_cancelled", session_id=sid)
    expect(page.locator(".chatlog__log")).to_contain_text("Du venter ikke lenger på en rådgiver.")
    expect(page.locator(".chatlog__waiting")).to_be_hidden()
    expect(nobody(page)).to_have_text("")
    expect(widget_button(page, "Be om en rådgiver")).to_be_enabled()
    expect(page.locator(".chatlog__input")).to_be_focused()  # not lost with the vanished button
    assert page.evaluate("window.chatlogDemo.state") == "bot"
    type_and_send(page, "Da spør jeg boten i stedet")
    expect(page.locator(".chatlog__msg--bot")).to_have_count(2)  # the bot answers again


def test_a_silent_bot_is_noticed_after_15_seconds(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot")  # connected, but never answers
    page.clock.install()
    open_widget(page, server)
    sid = session_id(page)
    type_and_send(page, "Hallo?")
    expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text("Levert")
    page.clock.run_for(14_000)
    expect(nobody(page)).to_have_text("")
    page.clock.run_for(2_000)
    expect(nobody(page)).to_contain_text("Ingen svarer i chatten akkurat nå.")
    expect(nobody(page)).to_contain_text("Du kan også prøve chatten igjen senere.")
    bot.say(sid, "Beklager ventetiden! Hva kan jeg hjelpe deg med?")
    expect(page.locator(".chatlog__msg--bot")).to_have_count(1)
    expect(nobody(page)).to_have_text("")  # somebody answered after all


def test_an_adviser_not_joining_within_30_seconds_is_noticed(page: Any, server: Running, agents: Agents) -> None:
    agents("bot")
    adviser = agents("adviser")  # connected, but busy: does not accept at first
    page.clock.install()
    open_widget(page, server, "?lang=en")
    sid = session_id(page)
    widget_button(page, "Ask for a human adviser").click()
    adviser.wait_for(type="handover_request", session_id=sid)
    expect(page.locator(".chatlog__waiting")).to_have_text("Waiting for an adviser …")
    expect(widget_button(page, "Stop waiting")).to_be_visible()
    page.clock.run_for(29_000)
    expect(nobody(page)).to_have_text("")  # an adviser is connected: give them time
    page.clock.run_for(2_000)
    expect(nobody(page)).to_contain_text("No adviser is available right now.")
    expect(nobody(page)).to_contain_text("Other ways to reach us: call the bank.")
    no_axe_violations(page, "waiting for an adviser, nobody joining (English)")

    adviser.send({"type": "accept", "session_id": sid})
    expect(page.locator(".chatlog__log")).to_contain_text("An adviser has joined the chat.")
    expect(nobody(page)).to_have_text("")
    expect(page.locator(".chatlog__waiting")).to_be_hidden()
    expect(widget_button(page, "Stop waiting")).to_be_hidden()


def test_a_handover_by_the_bot_shows_the_waiting_state(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot")
    open_widget(page, server)
    sid = session_id(page)
    type_and_send(page, "Jeg vil snakke med et menneske")
    bot.wait_for(type="message", session_id=sid)
    bot.send({"type": "handover", "session_id": sid})
    expect(page.locator(".chatlog__log")).to_contain_text("Chatboten har satt deg i kø for en rådgiver.")
    expect(page.locator(".chatlog__waiting")).to_have_text("Venter på rådgiver …")
    expect(widget_button(page, "Avbryt ventingen")).to_be_visible()
    assert page.evaluate("window.chatlogDemo.state") == "waiting"


# --- 12, 13, 14: the demo page ------------------------------------------------------------------------


def test_the_demo_opens_no_session_until_the_visitor_asks(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot")
    page.goto(server.base + "/widget/")
    start = widget_button(page, "Start chat")
    expect(start).to_be_visible()
    expect(page.locator(".chatlog__status")).to_have_text("Ikke startet")
    expect(page.locator(".chatlog__input")).to_be_disabled()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__sockets.length") == 0
    no_axe_violations(page, "idle")

    # Logging in first creates no anonymous session: the only connection is the logged-in one.
    page.locator("#demo-token").fill(server.customer_token("c-1001"))
    page.locator("#demo-login-button").click()
    expect(page.locator(".chatlog__badge")).to_have_text("Innlogget")
    sid = session_id(page)
    started = bot.wait_for(type="session_started", session_id=sid)
    assert (started["kind"], started["customer_id"]) == ("authenticated", "c-1001")
    assert page.evaluate("window.__sockets.length") == 1


def test_start_chat_by_keyboard_lands_in_the_text_box(page: Any, server: Running, agents: Agents) -> None:
    agents("bot")
    page.goto(server.base + "/widget/")
    widget_button(page, "Start chat").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".chatlog__input")).to_be_focused()
    expect(widget_button(page, "Start chat")).to_be_hidden()


def test_development_token_button(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot")
    page.goto(server.base + "/widget/?lang=en")
    page.get_by_role("button", name="Use a development token").click()
    expect(page.locator("#demo-note")).to_have_text("Logged in as demo-customer with a development token.")
    expect(page.locator(".chatlog__badge")).to_have_text("Logged in")
    sid = session_id(page)
    started = bot.wait_for(type="session_started", session_id=sid)
    assert (started["kind"], started["customer_id"]) == ("authenticated", "demo-customer")
    expect(page.locator("#demo-token")).to_have_value("")  # in memory only
    assert "eyJ" not in page.evaluate("JSON.stringify(sessionStorage)")
    assert page.evaluate("window.__sockets.length") == 1


def test_development_token_button_in_production(context: Any, server: Running) -> None:
    """In production the route does not exist: a short note, and no chat is started. (Its own page: the
    browser logs the 404 as a console error, which the ``page`` fixture would count as a failure.)"""
    page = context.new_page()
    page.route(
        "**/api/dev/tokens",
        lambda route: route.fulfill(status=404, content_type="application/json", body='{"error": "not found"}'),
    )
    page.goto(server.base + "/widget/")
    page.get_by_role("button", name="Use a development token").click()
    expect(page.locator("#demo-note")).to_contain_text("only available when the server runs in development mode")
    expect(widget_button(page, "Start chat")).to_be_visible()
    assert page.evaluate("window.__sockets.length") == 0


def test_english_notice_has_no_year_s(page: Any, server: Running, agents: Agents) -> None:
    agents("bot")
    open_widget(page, server, "?lang=en")
    text = page.locator(".chatlog__notice-text").text_content() or ""
    assert "You are chatting without logging in" in text
    assert "year(s)" not in text
    assert re.search(r"kept for \d+ years? for customer-service statistics", text), text


# --- 10. the logged-in badge --------------------------------------------------------------------------


def test_logged_in_badge_is_an_svg_icon_and_text(page: Any, server: Running, agents: Agents) -> None:
    agents("bot")
    page.goto(server.base + "/widget/")
    page.locator("#demo-token").fill(server.customer_token("c-2002"))
    page.locator("#demo-login-button").click()
    badge = page.locator(".chatlog__badge")
    expect(badge).to_have_text("Innlogget")
    icon = badge.locator("svg")
    expect(icon).to_have_attribute("aria-hidden", "true")
    expect(icon).to_have_attribute("focusable", "false")
    assert (icon.bounding_box() or {}).get("width", 0) > 0
    for pseudo in ("::before", "::after"):
        content = badge.evaluate(f"(el) => getComputedStyle(el, '{pseudo}').content")
        assert content in ("none", "normal"), content  # no emoji drawn (or read aloud) by CSS
    assert "\U0001f512" not in (badge.text_content() or "")
    expect(page.locator(".chatlog")).to_contain_text("Innlogget")


# --- 1, 5, 6, 4: focus, the log and its list, the notice, the focus ring --------------------------------


def test_chatting_and_ended_states(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot", reply=lambda text: "Hei! Hva kan jeg hjelpe deg med?")
    page.goto(server.base + "/widget/")
    # 5/6: the live log is a wrapper that exists before the session starts; the list inside stays a list,
    # and the privacy notice lands inside the live log, so it is announced when the session starts.
    log = page.get_by_role("log", name="Samtale")
    expect(log).to_have_attribute("aria-live", "polite")
    assert page.locator(".chatlog__log").get_attribute("role") is None
    widget_button(page, "Start chat").click()
    expect(log.locator(".chatlog__notice")).to_be_visible()
    expect(log.locator(".chatlog__notice")).to_contain_text("Personvern")
    sid = session_id(page)
    type_and_send(page, "Hei")
    expect(page.locator(".chatlog__msg--bot")).to_have_count(1)
    expect(log.get_by_role("list").get_by_role("listitem")).to_have_count(2)
    no_axe_violations(page, "chatting")

    # 1: focus after "Start ny samtale" goes to the text box, also by keyboard.
    widget_button(page, "Avslutt chat").click()
    bot.wait_for(type="session_ended", session_id=sid)
    restart = widget_button(page, "Start ny samtale")
    expect(restart).to_be_focused()
    no_axe_violations(page, "ended")
    page.keyboard.press("Enter")
    expect(page.locator(".chatlog__input")).to_be_focused()
    assert session_id(page) != sid
    expect(log.locator(".chatlog__notice")).to_be_visible()


def test_conversation_focus_ring_has_3_to_1_contrast(page: Any, server: Running, agents: Agents) -> None:
    agents("bot")
    open_widget(page, server)
    page.locator(".chatlog__notice-heading").focus()
    page.keyboard.press("Shift+Tab")  # by keyboard, so :focus-visible applies
    scroller = page.locator(".chatlog__scroll")
    expect(scroller).to_be_focused()
    ring = scroller.evaluate(
        """(el) => {
             const s = getComputedStyle(el);
             let bg = "rgba(0, 0, 0, 0)";
             for (let n = el; n && (bg === "rgba(0, 0, 0, 0)" || bg === "transparent"); n = n.parentElement) {
               bg = getComputedStyle(n).backgroundColor;
             }
             return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, bg};
           }"""
    )
    assert ring["style"] == "solid" and ring["width"] >= 2, ring
    assert contrast(ring["color"], ring["bg"]) >= 3, ring
    # The privacy notice's own background, which the ring passes near, too.
    notice_bg = page.locator(".chatlog__notice").evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert contrast(ring["color"], notice_bg) >= 3


# --- 7. the too-long error ----------------------------------------------------------------------------


def test_too_long_error_is_tied_to_the_text_box(page: Any, server: Running, agents: Agents) -> None:
    agents("bot")
    open_widget(page, server)
    box = page.locator(".chatlog__input")
    box.fill("a" * 2001)
    box.press("Enter")
    error = page.locator(".chatlog__error")
    expect(error).to_have_text("Meldingen er for lang (2001 tegn). Den kan være på høyst 2000 tegn.")
    error_id = error.get_attribute("id")
    assert error_id
    expect(box).to_have_attribute("aria-invalid", "true")
    described = (box.get_attribute("aria-describedby") or "").split()
    assert error_id in described
    assert len(described) == 3  # the keyboard hint and the counter stay
    expect(box).to_have_accessible_description(re.compile("Meldingen er for lang"))
    no_axe_violations(page, "too-long error")

    box.fill("kort nok")
    expect(error).to_have_text("")
    expect(box).to_have_attribute("aria-invalid", "false")
    assert error_id not in (box.get_attribute("aria-describedby") or "").split()


# --- 2, 3: reflow and keeping new messages in view ------------------------------------------------------


def test_reflow_at_400_percent_zoom(page: Any, server: Running, agents: Agents) -> None:
    agents("bot", reply=lambda text: "Renten på BSU er 5,25 %. Vil du vite mer?")
    page.set_viewport_size(ZOOMED)
    open_widget(page, server)
    type_and_send(page, "Hva er renten på BSU?")
    reply = page.locator(".chatlog__msg--bot")
    expect(reply).to_have_count(1)

    # The conversation has real height, and nothing scrolls sideways: not the page, not the widget.
    scroller = page.locator(".chatlog__scroll")
    assert scroller.evaluate("(el) => el.clientHeight") >= 100
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert page.locator(".chatlog").evaluate("(el) => el.scrollWidth <= el.clientWidth")
    # The reply is in view in the conversation area.
    scroller.scroll_into_view_if_needed()
    assert in_view(reply, ".chatlog__scroll")

    # Every control can be scrolled fully into view (vertically) and is not clipped or covered.
    for control in (
        scroller,
        page.locator(".chatlog__notice-heading"),
        page.locator(".chatlog__input"),
        widget_button(page, "Send"),
        widget_button(page, "Be om en rådgiver"),
        widget_button(page, "Avslutt chat"),
    ):
        control.evaluate("(el) => el.scrollIntoView({block: 'nearest'})")
        assert in_view(control), control
    no_axe_violations(page, "chatting at 400 % zoom")

    widget_button(page, "Avslutt chat").click()
    restart = widget_button(page, "Start ny samtale")
    expect(restart).to_be_focused()
    restart.evaluate("(el) => el.scrollIntoView({block: 'nearest'})")
    assert in_view(restart)


def test_new_messages_come_into_view_on_a_short_screen(page: Any, server: Running, agents: Agents) -> None:
    agents("bot", reply=lambda text: "Takk for meldingen. En rådgiver kan hjelpe deg med lån og sparing.")
    page.set_viewport_size({"width": 900, "height": 420})
    open_widget(page, server)
    notice = page.locator(".chatlog__notice")
    scroller = page.locator(".chatlog__scroll")
    # At first, the notice (read first) fills the conversation area.
    assert (notice.bounding_box() or {})["height"] > 0.6 * scroller.evaluate("(el) => el.clientHeight")

    type_and_send(page, "Hei, jeg har et spørsmål om lån")
    reply = page.locator(".chatlog__msg--bot")
    expect(reply).to_have_count(1)
    expect(page.locator(".chatlog__notice-details")).not_to_have_attribute("open", "")  # folded away
    wait_scrolled_to_end(page)
    assert in_view(reply, ".chatlog__scroll")
    assert in_view(own_messages(page), ".chatlog__scroll")

    # Folded, not gone: one click opens it again.
    summary = page.locator(".chatlog__notice-heading")
    expect(summary).to_have_text("Personvern")
    summary.click()
    expect(page.locator(".chatlog__notice-details")).to_have_attribute("open", "")
    expect(page.locator(".chatlog__notice-text")).to_be_visible()


def test_a_reader_who_scrolled_up_is_not_pulled_down(page: Any, server: Running, agents: Agents) -> None:
    bot = agents("bot")
    open_widget(page, server)  # a tall screen: 1100x760
    sid = session_id(page)
    type_and_send(page, "Kan du fortelle meg alt om boliglån?")
    bot.wait_for(type="message", session_id=sid)
    for i in range(12):
        bot.say(sid, f"Del {i + 1}: " + "Boliglån har flytende eller fast rente, og nedbetalingstiden varierer. " * 2)
    expect(page.locator(".chatlog__msg--bot")).to_have_count(12)
    scroller = page.locator(".chatlog__scroll")
    wait_scrolled_to_end(page)

    # The reader scrolls back up with the mouse wheel: a new reply does not pull them down.
    box = scroller.bounding_box() or {}
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -100_000)
    page.wait_for_function("() => document.querySelector('.chatlog__scroll').scrollTop === 0")
    bot.say(sid, "Del 13: siste del.")
    expect(page.locator(".chatlog__msg--bot")).to_have_count(13)
    page.wait_for_timeout(200)
    assert scroller.evaluate("(el) => el.scrollTop") == 0
    assert not in_view(page.locator(".chatlog__msg--bot").last, ".chatlog__scroll")

    # Writing brings the conversation back to the end.
    type_and_send(page, "Takk!")
    wait_scrolled_to_end(page)
    assert in_view(own_messages(page).last, ".chatlog__scroll")


# --- 9. outage --------------------------------------------------------------------------------------


def test_outage_alert_and_try_again_now(page: Any, context: Any, server: Running, agents: Agents) -> None:
    agents("bot")
    page.clock.install()
    open_widget(page, server)
    sid = session_id(page)
    context.set_offline(True)
    page.evaluate("window.__sockets.at(-1).close()")
    expect(page.locator(".chatlog__status")).to_contain_text("frakoblet")
    alert = page.locator(".chatlog__outage-text")
    expect(alert).to_have_attribute("role", "alert")
    page.clock.run_for(9_000)
    expect(alert).to_have_text("")
    page.clock.run_for(2_000)
    expect(alert).to_have_text("Vi får ikke kontakt med chatten. Det du skriver, sendes når forbindelsen er tilbake.")
    try_now = widget_button(page, "Prøv igjen nå")
    expect(try_now).to_be_visible()
    no_axe_violations(page, "outage alert")

    # "Try again now" connects at once, without waiting for the backoff.
    page.wait_for_function("() => window.__sockets.at(-1).readyState === 3")
    before = page.evaluate("window.__sockets.length")
    try_now.click()
    page.wait_for_function(f"() => window.__sockets.length === {before + 1}")
    expect(try_now).to_be_focused()  # still there: the network is still down
    # Let that attempt fail first: an attempt still in flight when the network returns would leave the
    # next one to a back-off timer, which this test's frozen clock never runs.
    page.wait_for_function("() => window.__sockets.at(-1).readyState === 3")

    context.set_offline(False)  # the browser's "online" event reconnects at once
    expect(page.locator(".chatlog__status")).to_have_text("Tilkoblet")
    expect(alert).to_have_text("")
    expect(try_now).to_be_hidden()
    expect(page.locator(".chatlog__input")).to_be_focused()  # focus not lost with the button
    assert session_id(page) == sid


def test_reconnect_backoff_is_capped_at_about_10_seconds(
    page: Any, context: Any, server: Running, agents: Agents
) -> None:
    agents("bot")
    page.clock.install()
    open_widget(page, server)
    context.set_offline(True)
    page.evaluate("window.__sockets.at(-1).close()")
    # Ten failed attempts in a row: the delay grows 0.5 s, 1 s, 2 s … but never past 10 s (+0.1 s).
    for _ in range(10):
        page.wait_for_function("() => window.__sockets.at(-1).readyState === 3")
        before = page.evaluate("window.__sockets.length")
        page.clock.run_for(10_150)
        page.wait_for_function(f"() => window.__sockets.length > {before}")
    context.set_offline(False)
    expect(page.locator(".chatlog__status")).to_have_text("Tilkoblet", timeout=15_000)


# --- screenshot for the docs -------------------------------------------------------------------------


def test_screenshot_of_a_conversation(page: Any, server: Running, agents: Agents) -> None:
    answers = {
        "Hei! Hva er renten på BSU nå?": (
            "Hei! BSU-renten er 5,25 % nominelt per år. Du kan spare inntil 27 500 kr i året, og du får "
            "10 % av det du sparer i skattefradrag."
        ),
        "Kan jeg bruke BSU til å pusse opp leiligheten jeg allerede eier?": (
            "Ja, eier du boligen selv, kan BSU-pengene brukes til oppussing eller til å betale ned på "
            "boliglånet. Vil du at jeg setter deg over til en rådgiver?"
        ),
    }
    agents("bot", reply=lambda text: answers.get(text, "Det skal jeg finne ut av!"))
    page.set_viewport_size({"width": 1280, "height": 800})
    open_widget(page, server)
    for question in answers:
        n = page.locator(".chatlog__msg--bot").count()
        type_and_send(page, question)
        expect(page.locator(".chatlog__msg--bot")).to_have_count(n + 1)
    expect(own_messages(page).locator(".chatlog__msg-status")).to_have_text(["Levert", "Levert"])
    page.locator(".chatlog__input").fill("Ja takk, gjerne")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "widget.png"), animations="disabled")
