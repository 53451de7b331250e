"""Fixtures of the archive page's tests: a customer with three conversations, and a browser context
at the size of the screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.archive.support import adviser_conversation, bot_conversation, bot_reply, new_id
from tests.browser.conftest import AgentClient
from tests.servers import Running

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
