"""The analysts' dashboard (/stats/) in real Chromium against the real gateway.

Known data is made first through the real gateway (customers on /ws/chat, a bot answering on /ws/agent,
advisers taking two chats), then read back through the page: the summary, the tables, the SVG charts and
the CSV files, with every small cell shown as "<5" and never as a number.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.helpers import chat_session
from tests.browser.conftest import CHROMIUM, SCREENSHOTS, WAIT_S, AgentClient, no_axe_violations
from tests.servers import Running

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

SUPPRESSED = "<5"
CARDS = "Hei, jeg har mistet kortet mitt og må sperre det"
LOANS = "Hva er renta på boliglånet nå?"
BANKID = "BankID virker ikke, får ikke logget inn"
#: What the data below must read back as (k = 5, with complementary suppression: 2 BankID chats are
#: hidden, and so is the mortgage count, since 14 - 7 would give them back).
SESSIONS, ANONYMOUS, AUTHENTICATED = 14, 9, 5
#: CSV columns that hold no count (labels, percentiles, rates); every other column is a count.
NOT_COUNTS = {"day", "topic", "figure", "p50", "p90"}



# --- known data through the real gateway --------------------------------------------------------------


async def _make_chats(server: Running) -> None:
    """The bot answers every customer message; two chats are taken over by an adviser."""
    for _ in range(7):
        await chat_session(server, texts=(CARDS,), bot_answers=True)
    for _ in range(5):
        await chat_session(server, texts=(LOANS,), customer_id=f"cust-{uuid.uuid4().hex[:10]}", bot_answers=True)
    for _ in range(2):
        await chat_session(server, texts=(BANKID,), adviser_id=f"adv-{uuid.uuid4().hex[:8]}", bot_answers=True)


def _service(server: Running, query: str = "") -> dict[str, Any]:
    token = server.staff_token("analyst-test", "analyst")
    r = httpx.get(f"{server.base}/api/stats/service{query}", headers={"Authorization": f"Bearer {token}"},
                  timeout=WAIT_S)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


@pytest.fixture(scope="module")
def figures(server: Running) -> dict[str, Any]:
    """The chats of this module, made once; the service figures once every chat has its topic."""
    bot = AgentClient(server, "bot", reply=lambda _text: "Takk! Jeg ser på det.")
    try:
        # The Playwright sync API must not share a thread with an asyncio loop: the chats run in their own.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, _make_chats(server)).result(120)
    finally:
        bot.close()
    deadline = time.monotonic() + 30
    while True:
        body = _service(server)
        totals = body["totals"]
        if totals["sessions"] == SESSIONS and totals["topics"]["unclassified"] in (0, SUPPRESSED) \
                and totals["topics"]["cards_payments"] == 7:
            return body
        assert time.monotonic() < deadline, f"topics never classified: {totals}"
        time.sleep(0.1)


# --- the page -----------------------------------------------------------------------------------------


def sign_in(page: Any, server: Running) -> None:
    from playwright.sync_api import expect

    page.goto(server.base + "/stats/")
    page.get_by_role("button", name="Bruk utviklingstoken").click()
    expect(page.locator("#board")).to_be_visible()
    expect(page.locator("#status")).to_contain_text("Viser 30 dager")


def summary(page: Any, key: str) -> Any:
    return page.locator(f'[data-summary="{key}"]')


def download_csv(page: Any, block: str) -> tuple[str, list[list[str]]]:
    with page.expect_download() as info:
        page.locator(f'[data-block="{block}"] [data-csv="{block}"]').click()
    download = info.value
    path = download.path()
    assert path is not None
    text = Path(path).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return download.suggested_filename, list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def no_small_counts(rows: list[list[str]]) -> None:
    """No count column of the CSV holds a number from 1 to 4."""
    header = rows[0]
    counts = [i for i, name in enumerate(header)
              if name not in NOT_COUNTS and not name.endswith(("_p50", "_p90", "_rate"))]
    for row in rows[1:]:
        for i in counts:
            assert row[i] not in {"1", "2", "3", "4"}, (header[i], row)


def test_signed_out_bad_token_and_wrong_role(page: Any, server: Running, allowed_console: list[str]) -> None:
    from playwright.sync_api import expect

    allowed_console.extend(["status of 401", "status of 403"])
    response = page.goto(server.base + "/stats/")
    assert response is not None and response.status == 200
    assert response.headers["content-security-policy"] == "frame-ancestors 'none'"  # framed by nobody
    assert response.headers["x-content-type-options"] == "nosniff"
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjenestestatistikk for chat")
    expect(page.locator("#board")).to_be_hidden()
    assert page.locator("main").count() == 1
    no_axe_violations(page, "signed out")

    page.get_by_label("Token for ansatte").fill("not.a.token")
    page.get_by_role("button", name="Vis statistikken").click()
    expect(page.locator("#signin-error")).to_have_text(
        "Tokenet ble ikke godtatt (ugyldig eller utløpt). Skaff et nytt.")
    expect(page.locator("#board")).to_be_hidden()
    expect(page.get_by_label("Token for ansatte")).to_have_value("")  # never left in the page
    no_axe_violations(page, "bad token")

    page.get_by_label("Token for ansatte").fill(server.staff_token("adv-x", "adviser"))
    page.get_by_role("button", name="Vis statistikken").click()
    expect(page.locator("#signin-error")).to_contain_text("rollen analytiker eller compliance")
    expect(page.locator("#board")).to_be_hidden()

    # A pasted analyst token works as well as the development one.
    page.get_by_label("Token for ansatte").fill(server.staff_token("analyst-y", "analyst"))
    page.get_by_role("button", name="Vis statistikken").click()
    expect(page.locator("#board")).to_be_visible()
    expect(page.locator("#signin-error")).to_be_hidden()
    page.get_by_role("button", name="Logg ut").click()
    expect(page.locator("#board")).to_be_hidden()
    expect(page.get_by_label("Token for ansatte")).to_be_focused()


def test_development_token_refused_in_production(page: Any, server: Running, allowed_console: list[str]) -> None:
    from playwright.sync_api import expect

    allowed_console.append("status of 404")
    page.route("**/api/dev/tokens", lambda route: route.fulfill(
        status=404, content_type="application/json",
        body=json.dumps({"error": {"code": "not_found", "message": "not found"}})))
    page.goto(server.base + "/stats/")
    page.get_by_role("button", name="Bruk utviklingstoken").click()
    expect(page.locator("#signin-error")).to_contain_text("tokenet fra bankens innlogging")
    expect(page.locator("#board")).to_be_hidden()


def test_loaded_summary_panels_and_csv(page: Any, server: Running, figures: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    totals = figures["totals"]
    assert totals["topics"]["login_bankid"] == SUPPRESSED and totals["topics"]["loans_mortgage"] == SUPPRESSED
    assert totals["handovers"] == SUPPRESSED and totals["handover_rate"] == SUPPRESSED
    assert isinstance(totals["first_answer_s"], dict) and totals["first_answer_s"]["n"] == SESSIONS

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, server)

    # The summary strip: the window's totals.
    expect(summary(page, "sessions")).to_have_text(str(SESSIONS))
    expect(summary(page, "anonymous")).to_have_text(str(ANONYMOUS))
    expect(summary(page, "authenticated")).to_have_text(str(AUTHENTICATED))
    expect(summary(page, "handover_rate")).to_have_text(SUPPRESSED)
    expect(summary(page, "ended_waiting_rate")).to_have_text("0 %")
    p50 = round(totals["first_answer_s"]["p50"])
    expect(summary(page, "first_answer_p50")).to_have_text(f"{p50 // 60:02d}:{p50 % 60:02d}")

    # Volume: one day, two bars (9 anonymous, 5 logged in), the window in the table's foot.
    volume = page.locator('[data-block="volume"]')
    expect(volume.locator("svg[role=img] rect[data-series]")).to_have_count(2)
    expect(volume.locator("tfoot tr")).to_have_text(re.compile(r"Hele perioden\s*14\s*9\s*5"))
    assert volume.locator("svg[role=img]").get_attribute("aria-labelledby")

    # Topics: the small cells read "<5" in the table and draw no bar; the chart writes "<5" instead.
    topics = page.locator('[data-block="topics"]')
    labels = {t["topic"]: t["label_nb"] for t in figures["topics"]}
    for name, shown in (("cards_payments", "7"), ("loans_mortgage", SUPPRESSED), ("login_bankid", SUPPRESSED)):
        row = topics.locator("tbody tr").filter(has=page.locator("th", has_text=labels[name]))
        expect(row.locator("td")).to_have_text(shown)
    index = [t["topic"] for t in figures["topics"]]
    bars = topics.locator("svg rect[data-item]")
    expect(bars).to_have_count(1)  # cards only: "<5" and zero draw nothing
    assert bars.get_attribute("data-item") == str(index.index("cards_payments"))
    expect(topics.locator("svg text.chart__suppressed")).to_have_count(2)
    trend = page.locator('[data-block="topics-per-day"]')
    expect(trend.locator("tbody tr")).to_have_count(1)
    expect(trend.locator("tbody td.stats__suppressed")).to_have_count(2)

    # Handover: the counts and rates of two chats are hidden everywhere.
    handover = page.locator('[data-block="handover"]')
    expect(handover.locator("tfoot td").nth(1)).to_have_text(SUPPRESSED)
    expect(handover.locator("tfoot td").nth(2)).to_have_text(SUPPRESSED)
    expect(handover.locator("svg text.chart__suppressed")).to_have_count(1)

    # Speed: the pickup of two chats is hidden; the first answer of 14 is shown in mm:ss.
    speed = page.locator('[data-block="speed-window"]')
    expect(speed.locator("tbody tr").nth(1).locator("td")).to_have_text([SUPPRESSED, SUPPRESSED, SUPPRESSED])
    expect(speed.locator("tbody tr").nth(0).locator("td").nth(0)).to_have_text(str(SESSIONS))
    expect(speed.locator("tbody tr").nth(0).locator("td").nth(1)).to_have_text(re.compile(r"^\d\d:\d\d$"))

    no_axe_violations(page, "loaded")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "stats.png"), animations="disabled")

    # CSV files: the same values as the tables, "<5" kept, never a count from 1 to 4.
    today = datetime.now(UTC).date()
    period = f"{today - timedelta(days=29)}-{today}"
    name, rows = download_csv(page, "topics")
    assert name == f"chatlog-topics-{period}.csv"
    assert rows[0] == ["topic", "sessions"]
    by_label = {r[0]: r[1] for r in rows[1:]}
    assert by_label[labels["cards_payments"]] == "7"
    assert by_label[labels["loans_mortgage"]] == SUPPRESSED and by_label[labels["login_bankid"]] == SUPPRESSED
    no_small_counts(rows)

    name, rows = download_csv(page, "volume")
    assert name == f"chatlog-volume-{period}.csv"
    assert rows[0] == ["day", "sessions", "anonymous", "authenticated"]
    assert rows[-1] == ["Hele perioden", "14", "9", "5"]
    no_small_counts(rows)

    for block in ("topics-per-day", "handover", "speed", "speed-window"):
        name, rows = download_csv(page, block)
        assert name == f"chatlog-{block}-{period}.csv"
        assert any(SUPPRESSED in row for row in rows), (block, rows)
        no_small_counts(rows)
    _, rows = download_csv(page, "handover")
    assert rows[-1][1:] == ["14", SUPPRESSED, SUPPRESSED, "0", "0"]


def test_range_changes_reload_and_empty_range(page: Any, server: Running, figures: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/api/stats/service" in r.url else None)
    sign_in(page, server)
    expect(summary(page, "sessions")).to_have_text(str(SESSIONS))
    assert len(requests) == 1

    # A window with nothing in it: zeros, empty tables, and a word that there was nothing.
    page.get_by_label("Fra og med").fill("2020-01-01")
    page.get_by_label("Til og med").fill("2020-01-31")
    page.get_by_role("button", name="Vis periode").click()
    expect(page.locator("#status")).to_contain_text("Ingen samtaler i valgt periode.")
    expect(summary(page, "sessions")).to_have_text("0")
    expect(summary(page, "first_answer_p50")).to_have_text("–")
    expect(page.locator('[data-block="volume"] tbody tr')).to_have_count(0)
    expect(page.locator('[data-block="topics"] svg rect[data-item]')).to_have_count(0)
    assert "since=2020-01-01T00%3A00%3A00.000Z&until=2020-02-01T00%3A00%3A00.000Z" in requests[-1]
    no_axe_violations(page, "empty range")
    name, rows = download_csv(page, "volume")
    assert name == "chatlog-volume-2020-01-01-2020-01-31.csv"
    assert rows == [["day", "sessions", "anonymous", "authenticated"], ["Hele perioden", "0", "0", "0"]]

    # Too long, or backwards: said next to the fields, nothing fetched.
    count = len(requests)
    page.get_by_label("Fra og med").fill("2018-01-01")
    page.get_by_role("button", name="Vis periode").click()
    expect(page.locator("#range-error")).to_have_text("Perioden er 761 dager. Den kan være på høyst 400 dager.")
    expect(page.get_by_label("Fra og med")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Fra og med").fill("2020-03-01")
    page.get_by_role("button", name="Vis periode").click()
    expect(page.locator("#range-error")).to_have_text("Fra-datoen må være før eller lik til-datoen.")
    no_axe_violations(page, "range error")
    assert len(requests) == count

    # A preset brings the data back, with the error gone.
    page.get_by_role("button", name="Siste 7 dager").click()
    expect(summary(page, "sessions")).to_have_text(str(SESSIONS))
    expect(page.locator("#range-error")).to_be_hidden()
    expect(page.locator("#status")).to_contain_text("Viser 7 dager")
    assert len(requests) == count + 1


def test_keyboard_only_and_reflow(page: Any, server: Running, figures: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    page.goto(server.base + "/stats/")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Token for ansatte")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Bruk utviklingstoken")).to_be_focused()
    page.keyboard.press("Enter")
    expect(summary(page, "sessions")).to_have_text(str(SESSIONS))
    # Reflow: at 320 CSS pixels the page itself does not scroll sideways (tables scroll in their region).
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, width
    no_axe_violations(page, "320 px")
