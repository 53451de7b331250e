"""The archive's "who has looked at my chats" list: every staff read of the customer's conversations,
with its stated purpose, as the customer sees it."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.archive.support import (
    Agents,
    access_items,
    adviser_conversation,
    bot_reply,
    items,
    new_id,
    open_archive,
    staff_read,
)
from tests.browser.conftest import no_axe_violations
from tests.servers import Running

pytestmark = pytest.mark.browser

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
        {
            "at": "2026-03-04T10:15:00Z",
            "role": "system",
            "action": "erasure",
            "purpose": "retention ended",
            "session_id": "gone-session",
        },
        {
            "at": "2026-03-03T09:30:00Z",
            "role": "analyst",
            "action": "new_kind_of_read",
            "purpose": "<b>kvalitet</b>",
            "session_id": None,
            "staff_id": "ana-7",
        },
        {
            "at": "2026-03-02T08:00:00Z",
            "role": "adviser",
            "action": "takeover",
            "purpose": "",
            "session_id": kari["loan"],
            "staff_id": "adv-ingrid",
        },
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
    expect(whats).to_have_text(
        [
            "Systemet slettet samtalen",
            "Analytiker (ansatt ana-7) new_kind_of_read",
            "Rådgiver (ansatt adv-ingrid) tok over samtalen",
        ]
    )
    expect(access_items(page).nth(1).locator(".chatlog-archive__access-reason")).to_have_text("<b>kvalitet</b>")
    assert page.locator(".chatlog-archive__access-list b").count() == 0
    expect(access_items(page).nth(2).locator(".chatlog-archive__access-purpose")).to_have_count(0)
    # Only a conversation in the list can be opened from here.
    expect(access_items(page).get_by_role("button")).to_have_count(1)
    expect(access_items(page).nth(2).get_by_role("button", name=re.compile(r"^Se samtalen fra "))).to_be_visible()
    no_axe_violations(page, "access log, hand-made")
