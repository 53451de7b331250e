"""The customer archive page (``/archive/``) in a real Chromium against the real server.

Conversations are made the real way: a customer on ``/ws/chat`` with their token, a Python bot that
answers, an adviser who accepts a handover. The page runs under its own strict Content-Security-Policy
(the ``page`` fixture fails on any script error or CSP violation) and axe-core checks every state.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import expect
from websockets.sync.client import ClientConnection, connect

from tests.api.helpers import signed_token
from tests.browser.conftest import SCREENSHOTS, WAIT_S, AgentClient, no_axe_violations
from tests.servers import Running, make_settings, run_in_thread

pytestmark = pytest.mark.browser

Agents = Callable[..., AgentClient]
Frame = dict[str, Any]

# A realistic conversation: the customer asks the bot, then an adviser takes over.
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


# --- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kari(server: Running) -> dict[str, str]:
    """A customer with three conversations (newest first: card, adviser, salary), shared by the tests
    that only read them."""
    customer_id = new_id("kari")
    bot = AgentClient(server, "bot", reply=bot_reply)
    adviser = AgentClient(server, "adviser")
    try:
        salary = bot_conversation(server, customer_id, ("Når blir lønna mi satt inn?",))
        loan = adviser_conversation(server, customer_id, adviser)
        card = bot_conversation(server, customer_id, ("Hvordan sperrer jeg bankkortet mitt?", "Takk, det fant jeg!"))
    finally:
        bot.close()
        adviser.close()
    return {"id": customer_id, "salary": salary, "loan": loan, "card": card}


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """As conftest's, but at the size of the screenshots and in Norwegian time."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nb-NO", timezone_id="Europe/Oslo")
    try:
        yield ctx
    finally:
        ctx.close()


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


@contextlib.contextmanager
def host_page(content: dict[str, str]) -> Iterator[str]:
    """A page served by its own little HTTP server, on a port of its own: another origin than the
    chatlog server (and a loopback one, so Chromium's local-network checks let it frame the archive)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = content.get(self.path, "").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def parent_html(server: Running, src: str, other: str) -> str:
    """A bank page that frames the archive (and a frame of ``other`` origin, say an advert), records
    what it hears and can post the archive a token."""
    return f"""<!doctype html><html lang="nb"><head><title>Nettbanken</title></head><body>
      <main><h1>Nettbanken</h1>
      <iframe id="archive" title="Chatarkivet ditt" src="{src}" width="1000" height="700"></iframe>
      <iframe id="advert" title="Annonse" src="{other}/advert.html" width="300" height="100"></iframe></main>
      <script>
        window.received = [];
        window.addEventListener("message", (e) => window.received.push({{origin: e.origin, data: e.data}}));
        window.sendToken = (token, lang) => document.getElementById("archive").contentWindow.postMessage(
          {{type: "chatlog-archive-token", token, lang}}, "{server.base}");
      </script></body></html>"""


def test_iframe_embed_takes_the_token_only_from_the_allowed_origin(page: Any, tmp_path: Path) -> None:
    """embed.html gets its token by postMessage from the parent origin it was configured with (?parent=).
    The server lets only the bank's configured origins frame the archive (frame-ancestors), so this test
    runs its own server with two: the bank's online bank, and a partner site of the bank that may frame
    the archive too but is not the configured parent. A third origin (an advert framed by the bank's
    page) is not allowed to frame anything."""
    content: dict[str, str] = {}
    with host_page(content) as bank, host_page(content) as partner, host_page(content) as advert:
        settings = make_settings(tmp_path / "var", allowed_origins=[bank, partner])
        with run_in_thread(settings) as server:
            bot = AgentClient(server, "bot", reply=bot_reply)
            try:
                customer_id = new_id("embed")
                bot_conversation(server, customer_id, ("Hvordan sperrer jeg bankkortet mitt?", "Takk, det fant jeg!"))
                bot_conversation(server, customer_id, ("Når blir lønna mi satt inn?",))
            finally:
                bot.close()
            src = f"{server.base}/archive/embed.html?parent={quote(bank, safe='')}"
            content["/nettbank.html"] = parent_html(server, src, advert)
            content["/advert.html"] = "<!doctype html><title>Annonse</title><p>Annonse</p>"
            _embed_checks(page, server, customer_id, bank, partner, advert)


def _embed_checks(page: Any, server: Running, customer_id: str, bank: str, partner: str, advert: str) -> None:
    token = server.customer_token(customer_id)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    # The partner's page frames the archive (it may) and posts a token: ignored, nothing is fetched,
    # and the archive never even said "ready" to it.
    page.goto(f"{partner}/nettbank.html")
    frame = page.frame_locator("#archive")
    expect(frame.locator("[data-chatlog-archive-state=waiting]")).to_be_attached()
    page.evaluate("([t]) => window.sendToken(t, 'nb')", [token])
    page.wait_for_timeout(500)
    expect(frame.locator(".chatlog-archive")).to_have_count(0)
    assert not [u for u in requests if "/api/" in u], requests
    assert page.evaluate("window.received") == []

    # The bank's own page: the archive says it is ready, the token arrives by postMessage, it shows.
    page.goto(f"{bank}/nettbank.html")
    frame = page.frame_locator("#archive")
    page.wait_for_function("window.received.some(m => m.data && m.data.type === 'chatlog-archive-ready')")
    assert {m["origin"] for m in page.evaluate("window.received")} == {server.base}
    page.evaluate("([t]) => window.sendToken(t, 'nb')", [token])
    expect(frame.locator(".chatlog-archive__item")).to_have_count(2)
    expect(frame.locator("html")).to_have_attribute("lang", "nb")
    expect(frame.get_by_role("heading", level=1, name="Chatarkivet ditt")).to_be_visible()

    # A frame of another origin inside the bank's page posts a token of someone else: ignored.
    other = next(f for f in page.frames if f.url.startswith(advert))
    other.evaluate(
        "([t]) => parent.frames[0].postMessage({type: 'chatlog-archive-token', token: t, lang: 'en'}, '*')",
        [server.customer_token(new_id("intruder"))],
    )
    page.wait_for_timeout(500)
    expect(frame.locator(".chatlog-archive__item")).to_have_count(2)
    expect(frame.locator("html")).to_have_attribute("lang", "nb")

    # The origin only, never the token, is in the iframe's URL; nothing is stored.
    archive = next(f for f in page.frames if f.url.startswith(server.base))
    assert archive.url == f"{server.base}/archive/embed.html?parent={quote(bank, safe='')}"
    assert token not in archive.url
    assert archive.evaluate("JSON.stringify(sessionStorage) + JSON.stringify(localStorage)") == "{}{}"
    assert token not in archive.content()
    for url in requests:
        assert token not in url

    # A new message from the bank switches the language; the parent hears the height to size the frame.
    page.evaluate("([t]) => window.sendToken(t, 'en')", [token])
    expect(frame.get_by_role("heading", level=1, name="Your chat archive")).to_be_visible()
    expect(frame.locator("html")).to_have_attribute("lang", "en")
    expect(frame.locator(".chatlog-archive__item")).to_have_count(2)
    heights = page.evaluate("window.received.filter(m => m.data.type === 'chatlog-archive-height')")
    assert heights and all(isinstance(m["data"]["height"], int) for m in heights)


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
    page.route("**/api/dev/tokens", lambda route: route.fulfill(
        status=404, content_type="application/json",
        body=json.dumps({"error": {"code": "not_found", "message": "not found"}})))
    page.get_by_role("button", name="Use a development token").click()
    expect(page.locator("#demo-dev-note")).to_contain_text("In production the customer logs in to the online bank")
    expect(items(page)).to_have_count(1)  # the archive shown is left alone


def test_expired_token_and_network_errors(page: Any, server: Running, kari: dict[str, str],
                                          allowed_console: list[str]) -> None:
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


# --- who has looked at my chats (the access log) ------------------------------------------------------

COMPLIANCE_PURPOSE = "Klage 2026-114: kunden mener renten er satt opp feil"


def test_who_has_looked_at_my_chats(page: Any, server: Running, agents: Agents) -> None:
    agents("bot", reply=bot_reply)
    adviser = agents("adviser")
    customer_id = new_id("siri")
    sid = adviser_conversation(server, customer_id, adviser)  # the adviser's takeover is on record
    staff_read(server, new_id("comp"), sid, COMPLIANCE_PURPOSE)
    token = server.customer_token(customer_id)
    open_archive(page, server, token)

    access = page.get_by_role("region", name="Hvem har sett samtalene dine")
    expect(access).to_contain_text("bare åpne en samtale når de oppgir en grunn")
    entries = access_items(page)
    expect(entries).to_have_count(2)
    expect(access.get_by_role("list", name="Hvem har sett samtalene dine")).to_be_visible()
    # Newest first: the compliance read, then the adviser who took the chat over from the bot.
    expect(entries.locator(".chatlog-archive__access-who")).to_have_text(["Compliance/etterlevelse", "Rådgiver"])
    expect(entries.locator(".chatlog-archive__access-action")).to_have_text(
        ["åpnet samtalen", "tok over samtalen fra chatboten"]
    )
    expect(entries.nth(0)).to_contain_text("Compliance/etterlevelse åpnet samtalen")
    expect(entries.nth(0).locator(".chatlog-archive__access-purpose")).to_have_text(
        f"Begrunnelse: {COMPLIANCE_PURPOSE}"
    )
    expect(entries.nth(1).locator(".chatlog-archive__access-reason")).not_to_be_empty()
    expect(entries.locator(".chatlog-archive__access-staff")).to_have_count(0)  # roles only, by default
    times = entries.locator("time")
    expect(times.nth(0)).to_have_text(re.compile(r"^\d{1,2}\. \w+ \d{4} kl\. \d{2}:\d{2}$"))
    stamps = [times.nth(i).get_attribute("datetime") for i in range(2)]
    assert stamps[0] >= stamps[1], stamps
    no_axe_violations(page, "access log")

    # Each entry opens the conversation it is about; focus comes back to the entry's button.
    opener = entries.nth(0).get_by_role("button", name=re.compile(r"^Se samtalen fra \d"))
    opener.click()
    expect(page.locator(".chatlog-archive__msg")).to_have_count(8)
    expect(page.locator(".chatlog-archive__main h3:visible")).to_be_focused()
    page.keyboard.press("Escape")
    expect(opener).to_be_focused()

    # Another customer's page shows none of it.
    page.locator("#demo-token").fill(server.customer_token(new_id("someone-else")))
    page.locator("#demo-login-button").click()
    empty = page.locator(".chatlog-archive__access-empty")
    expect(empty).to_be_visible()
    expect(empty).to_have_text("Ingen ansatte har åpnet samtalene dine.")
    expect(access_items(page)).to_have_count(0)
    html = page.content()
    assert COMPLIANCE_PURPOSE not in html and sid not in html
    no_axe_violations(page, "access log empty")


def test_access_log_in_english_with_show_more(page: Any, server: Running, agents: Agents) -> None:
    agents("bot", reply=bot_reply)
    adviser = agents("adviser")
    customer_id = new_id("tor")
    sid = adviser_conversation(server, customer_id, adviser)
    staff_read(server, new_id("comp"), sid, "revisjon")
    open_archive(page, server, server.customer_token(customer_id), "?lang=en&limit=1")
    access = page.get_by_role("region", name="Who has looked at your chats")
    expect(access_items(page)).to_have_count(1)
    expect(access_items(page).first).to_contain_text("Compliance opened the conversation")
    expect(access_items(page).first).to_contain_text("Reason given: revisjon")
    more = access.get_by_role("button", name="Show more entries")
    more.click()
    expect(access_items(page)).to_have_count(2)
    expect(access_items(page).nth(1)).to_contain_text("An adviser took over the conversation from the chatbot")
    expect(access_items(page).nth(1)).to_be_focused()  # the first entry added
    expect(page.get_by_role("status")).to_have_text("1 more entry was added to the list.")
    expect(more).to_be_hidden()
    view = access_items(page).nth(1).get_by_role("button", name=re.compile(r"^View the conversation of "))
    expect(view).to_be_visible()


def test_access_log_labels_unknown_actions_staff_ids_and_errors(
    page: Any, server: Running, kari: dict[str, str], allowed_console: list[str]
) -> None:
    """The server's answer shaped by hand: every role and action label, staff ids where the bank shows
    them, an action the page does not know yet, a first page with nothing on it, and a failure."""
    allowed_console.append("net::ERR_FAILED")
    entries = [
        {"at": "2026-03-04T10:15:00Z", "role": "system", "action": "erasure", "purpose": "retention ended",
         "session_id": "gone-session"},
        {"at": "2026-03-03T09:30:00Z", "role": "analyst", "action": "new_kind_of_read",
         "purpose": "<b>kvalitet</b>", "session_id": None, "staff_id": "ana-7"},
        {"at": "2026-03-02T08:00:00Z", "role": "adviser", "action": "place_hold", "purpose": "",
         "session_id": kari["loan"], "staff_id": "adv-ingrid"},
    ]
    served: list[str] = []

    def fulfil(route: Any) -> None:
        served.append(route.request.url)
        first = "cursor=" not in route.request.url
        body = {"entries": [], "next_cursor": "page-2"} if first else {"entries": entries, "next_cursor": None}
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/api/archive/access-log*", lambda route: route.abort())
    page.goto(server.base + "/archive/")
    page.locator("#demo-token").fill(server.customer_token(kari["id"]))
    page.locator("#demo-login-button").click()
    alert = page.locator(".chatlog-archive__error-text")
    expect(alert).to_have_text(re.compile("^Vi får ikke kontakt med banken"))
    expect(items(page)).to_have_count(3)  # the rest of the page is there
    page.unroute("**/api/archive/access-log*")
    page.route("**/api/archive/access-log*", fulfil)
    page.get_by_role("button", name="Prøv igjen").click()
    expect(access_items(page)).to_have_count(3)
    expect(alert).to_have_text("")
    assert len(served) == 2 and "cursor=page-2" in served[1]  # the empty first page was followed

    whats = page.locator(".chatlog-archive__access-what")
    expect(whats).to_have_text([
        "Systemet slettet samtalen",
        "Analytiker (ansatt ana-7) new_kind_of_read",
        "Rådgiver (ansatt adv-ingrid) la samtalen under oppbevaringsplikt",
    ])
    expect(access_items(page).nth(1).locator(".chatlog-archive__access-reason")).to_have_text("<b>kvalitet</b>")
    assert page.locator(".chatlog-archive__access-list b").count() == 0
    expect(access_items(page).nth(2).locator(".chatlog-archive__access-purpose")).to_have_count(0)
    # Only a conversation in the list can be opened from here.
    expect(access_items(page).get_by_role("button")).to_have_count(1)
    expect(access_items(page).nth(2).get_by_role("button", name=re.compile(r"^Se samtalen fra "))).to_be_visible()
    no_axe_violations(page, "access log, hand-made")
