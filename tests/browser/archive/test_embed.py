"""The archive framed by the bank's online bank (``/archive/embed.html``): the token arrives by
postMessage from the configured parent origin only, never in a URL or storage."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.archive.support import bot_conversation, bot_reply, new_id
from tests.browser.conftest import AgentClient
from tests.servers import Running, make_settings, run_in_thread

pytestmark = pytest.mark.browser


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
