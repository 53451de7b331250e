"""``POST /api/dev/tokens``: development tokens for the front door, and nothing at all in production."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.api.helpers import api, bearer, check, check_error, http, uid
from tests.servers import Running, production_settings, run_in_thread

__all__ = ["api"]


@pytest.mark.parametrize("role", ["customer", "adviser", "bot", "compliance", "analyst"])
async def test_a_development_token_works_where_its_role_does(api: Running, role: str) -> None:
    subject = uid(role)
    async with http(api) as client:
        r = await client.post("/api/dev/tokens", json={"role": role, "subject": subject})
        assert r.status_code == 200
        check("DevToken", r.json())
        body = r.json()
        assert (body["role"], body["subject"]) == (role, subject)
        token = body["token"]
        if role == "customer":
            listed = await client.get("/api/archive/sessions", headers=bearer(token))
            assert listed.status_code == 200 and listed.json()["sessions"] == []
        elif role in ("compliance", "analyst"):
            assert (await client.get("/api/stats", headers=bearer(token))).status_code == 200
        # Never a customer's token for staff, nor the other way round.
        wrong = "/api/stats" if role == "customer" else "/api/archive/sessions"
        assert (await client.get(wrong, headers=bearer(token))).status_code in (401, 403)


async def test_the_default_subject_is_a_demo_id(api: Running) -> None:
    async with http(api) as client:
        r = await client.post("/api/dev/tokens", json={"role": "adviser"})
    assert r.status_code == 200 and r.json()["subject"] == "demo-adviser"


@pytest.mark.parametrize(
    "body",
    [{}, {"role": "admin"}, {"role": ["adviser"]}, {"role": "customer", "subject": ""},
     {"role": "customer", "subject": " padded "}, {"role": "customer", "subject": "x" * 129},
     {"role": "customer", "subject": 7}, {"role": "customer", "admin": True}],
)
async def test_bad_requests_are_400(api: Running, body: dict[str, object]) -> None:
    async with http(api) as client:
        r = await client.post("/api/dev/tokens", json=body)
    check_error(r, 400)


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """A server verifying a bank's public key: it holds no signing key and issues no tokens."""
    settings = production_settings(tmp_path_factory.mktemp("prod"), allowed_origins=("https://bank.example",))
    with run_in_thread(settings) as running:
        yield running


def test_production_answers_404_like_any_unknown_path(production: Running) -> None:
    r = httpx.post(production.base + "/api/dev/tokens", json={"role": "compliance"}, timeout=10)
    assert r.status_code == 404
    assert "token" not in r.text


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "PROPFIND"])
def test_production_answers_every_method_404_like_any_unknown_path(production: Running, method: str) -> None:
    """Outside audit 62, F10: production answered ``GET /api/dev/tokens`` with 405 "use POST", which
    told that the route exists. Every method now gets what an unknown path gets, byte for byte."""
    r = httpx.request(method, production.base + "/api/dev/tokens", timeout=10)
    unknown = httpx.request(method, production.base + "/api/dev/nothing-here", timeout=10)
    assert (r.status_code, r.content) == (unknown.status_code, unknown.content) == (404, r.content)
    assert "allow" not in r.headers
    if method != "HEAD":
        check_error(r, 404, "not_found")


def test_production_answers_404_to_any_body(production: Running) -> None:
    """Not a 415 for a body that is not JSON, nor a 413 for a large one: those too would say the route
    is there."""
    for content, content_type in ((b"role=compliance", "text/plain"), (b"x" * 20_000, "application/json")):
        r = httpx.post(production.base + "/api/dev/tokens", content=content, headers={"content-type": content_type},
                       timeout=10)
        check_error(r, 404, "not_found")
