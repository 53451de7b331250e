"""The front door (/) in real Chromium: development mode links every screen and hands out tokens;
production says what the service is and nothing more."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.browser.conftest import CHROMIUM, SCREENSHOTS, no_axe_violations
from tests.servers import Running, production_settings, run_in_thread

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

def test_development_front_door_links_the_screens_and_issues_tokens(page: Any, server: Running) -> None:
    from playwright.sync_api import expect

    page.goto(server.base + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("chatlog")
    for name, href in [("Chat widget", "/widget/"), ("Adviser desk", "/desk/"),
                       ("Customer archive", "/archive/"), ("HTTP API", "/openapi.json")]:
        expect(page.get_by_role("link", name=name, exact=True)).to_have_attribute("href", href)
    no_axe_violations(page, "development")

    page.get_by_label("Customer id").fill("c-front-1")
    page.get_by_role("button", name="Create customer token").click()
    expect(page.locator("#token-status")).to_have_text("Token created for customer c-front-1.")
    token = page.locator("#token-out").input_value()
    # The token works against the archive API, and is the customer's own.
    r = httpx.get(server.base + "/api/archive/sessions", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 200
    page.get_by_role("button", name="Create adviser token").click()
    expect(page.locator("#token-label")).to_have_text("Token for adviser demo-adviser (valid 8 hours)")
    no_axe_violations(page, "token shown")
    page.screenshot(path=str(SCREENSHOTS / "front-door.png"), full_page=True)
    assert "token" not in page.url
    assert page.evaluate("JSON.stringify(sessionStorage) + JSON.stringify(localStorage)") == "{}{}"

    headers = httpx.get(server.base + "/", timeout=10).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    settings = production_settings(tmp_path_factory.mktemp("prod"), allowed_origins=("https://nettbank.example",))
    with run_in_thread(settings) as running:
        yield running


def test_production_front_door_says_nothing_more(page: Any, production: Running) -> None:
    from playwright.sync_api import expect

    page.goto(production.base + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("chatlog")
    expect(page.get_by_role("link")).to_have_count(0)
    assert "token" not in page.content().lower()
    no_axe_violations(page, "production")
    # The archive page may be framed by the bank's online bank, the desk by nobody.
    archive = httpx.get(production.base + "/archive/", timeout=10).headers["content-security-policy"]
    assert archive == "frame-ancestors 'self' https://nettbank.example"
    desk = httpx.get(production.base + "/desk/", timeout=10).headers["content-security-policy"]
    assert desk == "frame-ancestors 'none'"
