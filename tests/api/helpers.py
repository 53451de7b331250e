"""Shared by the API tests: one real server, a websocket driver that makes real sessions, tokens that are
wrong on purpose, and a small JSON Schema checker for the OpenAPI document's schemas.

One server per test module, not per test: starting one (store, anonymizer warm-up) takes seconds. Every
test isolates itself by using fresh customer and staff ids (:func:`uid`), so tests never see each
other's data; tests that count (statistics) compare before/after deltas.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AsyncExitStack
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from websockets.asyncio.client import ClientConnection, connect

from chat.api.openapi import DOCUMENT
from chat.services import Services
from chat.store.base import Retention
from tests.servers import Running, make_settings, run_in_thread

TIMEOUT = 10.0

@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """One real server (uvicorn + embedded store + anonymizer) per test module."""
    with run_in_thread(make_settings(tmp_path_factory.mktemp("api") / "var")) as running:
        yield running


def uid(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def services(server: Running) -> Services:
    """The server's services, for the few checks that must look into the store directly."""
    assert server.server is not None
    svc: Services = server.server.chat_app.state.services
    return svc


# --- HTTP ---------------------------------------------------------------------------------------------


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@contextlib.asynccontextmanager
async def http(server: Running) -> Any:
    async with httpx.AsyncClient(base_url=server.base, timeout=TIMEOUT) as client:
        yield client


# --- websocket sessions -------------------------------------------------------------------------------


async def _recv(ws: ClientConnection, match: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The next frame that ``match``es, skipping broadcasts meant for other tests' sessions."""
    while True:
        frame: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
        if frame.get("type") == "error":
            raise AssertionError(f"server sent an error frame: {frame}")
        if match(frame):
            return frame


async def chat_session(
    server: Running,
    *,
    customer_id: str | None = None,
    texts: tuple[str, ...] = ("Hei, jeg lurer på renta på lånet mitt.",),
    adviser_id: str | None = None,
    adviser_text: str = "Hei, jeg er rådgiver og hjelper deg gjerne.",
    end: bool = True,
    bot_answers: bool = False,
) -> str:
    """Drive a real chat through ``/ws/chat`` (and ``/ws/agent`` when an adviser takes over); the session id.
    ``bot_answers``: a bot is connected and answers, so wait for its reply after each message."""
    async with AsyncExitStack() as stack:
        agent = None
        if adviser_id is not None:
            agent = await stack.enter_async_context(connect(server.ws + "/ws/agent", open_timeout=TIMEOUT))
            await agent.send(json.dumps({"type": "hello", "token": server.staff_token(adviser_id, "adviser")}))
            await _recv(agent, lambda f: f["type"] == "welcome")
        ws = await stack.enter_async_context(connect(server.ws + "/ws/chat", open_timeout=TIMEOUT))
        hello: dict[str, Any] = {"type": "hello"}
        if customer_id is not None:
            hello["token"] = server.customer_token(customer_id)
        await ws.send(json.dumps(hello))
        session_id: str = (await _recv(ws, lambda f: f["type"] == "welcome"))["session_id"]
        for n, text in enumerate(texts, start=1):
            await ws.send(json.dumps({"type": "message", "client_msg_id": str(n), "text": text}))
            await _recv(ws, lambda f: f["type"] == "ack")
            if bot_answers:
                await _recv(ws, lambda f: f["type"] == "message" and f.get("from") == "bot")
        if agent is not None:

            def mine(kind: str, sid: str = session_id) -> Callable[[dict[str, Any]], bool]:
                return lambda f: f["type"] == kind and f.get("session_id") == sid

            await ws.send(json.dumps({"type": "handover_request"}))
            await _recv(agent, mine("handover_request"))
            await agent.send(json.dumps({"type": "accept", "session_id": session_id}))
            await _recv(agent, mine("transcript"))
            await agent.send(json.dumps({"type": "message", "session_id": session_id, "client_msg_id": "a1",
                                         "text": adviser_text}))
            await _recv(agent, mine("ack"))
        if end:
            await ws.send(json.dumps({"type": "end"}))
            await _recv(ws, lambda f: f["type"] == "ended")
    return session_id


async def set_retention(server: Running, session_id: str, *, expire_in: timedelta, visible_in: timedelta) -> None:
    """Move a session in time (expired, or kept but out of the archive view) through the store itself."""
    svc = services(server)
    now = svc.clock()
    record = await svc.store.get_session(session_id, now=now)
    assert record is not None
    retention = Retention(tier=record.retention.tier, expire_at=now + expire_in, visible_until=now + visible_in)
    await svc.store.update_session(session_id, retention=retention)


# --- tokens that must be refused ----------------------------------------------------------------------


def _dev_private_key(server: Running) -> Ed25519PrivateKey:
    pem = (server.settings.data_dir / "dev-keys" / "ed25519-private.pem").read_bytes()
    key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key


def signed_token(server: Running, *, key: Ed25519PrivateKey | None = None, ttl_s: int = 3600,
                 **claims: Any) -> str:
    """A token with chosen claims, signed by the server's dev key (or ``key``): for expired, wrong-audience
    and forged tokens."""
    now = int(time.time())
    body = {"iss": server.settings.jwt_issuer, "aud": server.settings.jwt_audience, "iat": now - 7200,
            "exp": now + ttl_s, **claims}
    return jwt.encode(body, key or _dev_private_key(server), algorithm="EdDSA")


def bad_tokens(server: Running, kind: str) -> dict[str, str]:
    """Named tokens of the right ``kind`` that are each invalid in one way."""
    claims: dict[str, Any] = {"sub": uid("x"), "kind": kind}
    if kind == "staff":
        claims["role"] = "compliance"
    return {
        "expired": signed_token(server, ttl_s=-3600, **claims),
        "forged": signed_token(server, key=Ed25519PrivateKey.generate(), **claims),
        "wrong_audience": signed_token(server, **{**claims, "aud": "someone-else"}),
        "garbage": "not.a.token",
    }


# --- JSON Schema (the subset the OpenAPI document uses) -----------------------------------------------


def _resolve(ref: str) -> dict[str, Any]:
    node: Any = DOCUMENT
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    assert isinstance(node, dict)
    return node


_TYPES: dict[str, Callable[[Any], bool]] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _valid_format(fmt: str, value: str) -> bool:
    try:
        if fmt == "date-time":
            parsed = datetime.fromisoformat(value)
            return parsed.tzinfo is not None and parsed.utcoffset() == timedelta(0)
        if fmt == "date":
            date.fromisoformat(value)
    except ValueError:
        return False
    return True


def schema_errors(schema: dict[str, Any], value: Any, where: str = "$") -> list[str]:
    """Why ``value`` does not match ``schema`` (empty when it does)."""
    if "$ref" in schema:
        return schema_errors(_resolve(schema["$ref"]), value, where)
    if "anyOf" in schema:
        if any(not schema_errors(option, value, where) for option in schema["anyOf"]):
            return []
        return [f"{where}: matches none of anyOf"]
    if "oneOf" in schema:
        matching = sum(not schema_errors(option, value, where) for option in schema["oneOf"])
        return [] if matching == 1 else [f"{where}: matches {matching} of oneOf, not exactly one"]
    if "allOf" in schema:
        return [e for option in schema["allOf"] for e in schema_errors(option, value, where)]
    errors: list[str] = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            return [f"{where}: {value!r:.60} is not {types}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} != const {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "format" in schema and not _valid_format(schema["format"], value):
            errors.append(f"{where}: {value!r} is not a {schema['format']}")
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            errors.append(f"{where}: length out of range")
    if _TYPES["number"](value) and not schema.get("minimum", value) <= value <= schema.get("maximum", value):
        errors.append(f"{where}: {value} out of range")
    if isinstance(value, dict):
        properties: dict[str, Any] = schema.get("properties", {})
        errors += [f"{where}: missing {name!r}" for name in schema.get("required", []) if name not in value]
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in properties:
                errors += schema_errors(properties[name], item, f"{where}.{name}")
            elif extra is False:
                errors.append(f"{where}: undocumented field {name!r}")
            elif isinstance(extra, dict):
                errors += schema_errors(extra, item, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += schema_errors(schema["items"], item, f"{where}[{i}]")
    return errors


def check(name: str, value: Any) -> None:
    """Assert ``value`` matches the OpenAPI document's ``components.schemas[name]``."""
    errors = schema_errors({"$ref": f"#/components/schemas/{name}"}, value)
    assert not errors, errors


def check_error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is our error body with this status (and code)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    check("Error", body)
    if code is not None:
        assert body["error"]["code"] == code, body
    return body


def server_now(server: Running) -> datetime:
    return services(server).clock().astimezone(UTC)
