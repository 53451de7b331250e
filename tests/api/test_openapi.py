"""The OpenAPI document: what the server serves, what it documents, and that the two agree."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from starlette.routing import Mount, Route, WebSocketRoute

from chat.api.openapi import DOCUMENT, main, render, template
from chat.screens import SCREENS
from tests.api.helpers import api, bearer, check_error, http, schema_errors, uid
from tests.servers import Running

__all__ = ["api"]  # the module-scoped server fixture

DOCS_COPY = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
REGENERATE = "regenerate it: python -m chat.api.openapi docs/openapi.json"
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in DOCUMENT["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def _served(server: Running) -> tuple[set[tuple[str, str]], set[str], set[str]]:
    """(path, method) of every HTTP route in the app's schema, websocket paths, mounted prefixes."""
    assert server.server is not None
    http_routes: set[tuple[str, str]] = set()
    websockets: set[str] = set()
    mounts: set[str] = set()
    for route in server.server.chat_app.routes:
        if isinstance(route, Route) and route.include_in_schema:
            http_routes |= {(template(route.path), m.lower()) for m in route.methods or () if m != "HEAD"}
        elif isinstance(route, WebSocketRoute):
            websockets.add(route.path)
        elif isinstance(route, Mount):
            mounts.add(route.path)
    return http_routes, websockets, mounts


async def test_served_document_is_the_module_and_the_docs_copy(api: Running) -> None:
    async with http(api) as client:
        r = await client.get("/openapi.json")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    served = r.json()
    assert served["openapi"] == "3.1.0"
    assert served == json.loads(render())
    assert DOCS_COPY.exists(), REGENERATE
    assert json.loads(DOCS_COPY.read_text()) == served, "docs/openapi.json is stale; " + REGENERATE


def test_main_writes_the_document(tmp_path: Path) -> None:
    out = tmp_path / "openapi.json"
    assert main([str(out)]) == 0
    assert out.read_bytes() == render()
    assert main(["a", "b"]) == 2


async def test_every_served_route_is_documented_and_nothing_else(api: Running) -> None:
    http_routes, websockets, mounts = _served(api)
    documented = {(path, method) for path, method, _ in _operations()}
    mounted = {(f"{prefix}/{{path}}", "get") for prefix in mounts}
    assert http_routes | mounted <= documented, "undocumented routes"
    # A screen is only mounted when its static files are installed; nothing else may be extra.
    screens = {(f"/{screen}/{{path}}", "get") for screen in SCREENS}
    assert documented - http_routes - mounted <= screens, "documented routes not served"
    assert set(DOCUMENT["x-websockets"]) == websockets


def test_references_resolve_and_ids_are_unique() -> None:
    text = json.dumps(DOCUMENT)
    for ref in set(re.findall(r'"\$ref": "([^"]+)"', text)):
        node: Any = DOCUMENT
        for part in ref.removeprefix("#/").split("/"):
            assert part in node, ref
            node = node[part]
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("path", "method", "op"), _operations(), ids=lambda v: v if isinstance(v, str) else "")
def test_operation_is_complete(path: str, method: str, op: dict[str, Any]) -> None:
    assert op["summary"] and op["description"]
    assert op["responses"] and all("description" in r or "$ref" in r for r in op["responses"].values())
    params = [*DOCUMENT["paths"][path].get("parameters", []), *op.get("parameters", [])]
    resolved = [
        DOCUMENT["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p for p in params
    ]
    in_path = {p["name"] for p in resolved if p["in"] == "path"}
    assert in_path == set(re.findall(r"{(\w+)}", path))
    schemes = DOCUMENT["components"]["securitySchemes"]
    for requirement in op["security"]:
        assert set(requirement) <= set(schemes)
    if op["security"]:
        assert "401" in op["responses"]


def _example_url(path: str) -> str:
    return re.sub(r"{\w+}", lambda _: uid("x"), path)


@pytest.mark.parametrize(
    ("path", "method"), [(p, m) for p, m, op in _operations() if op["security"]], ids=lambda v: str(v)
)
async def test_secured_operations_answer_401_without_a_token(api: Running, path: str, method: str) -> None:
    async with http(api) as client:
        r = await client.request(method.upper(), _example_url(path), json={} if method == "post" else None)
    check_error(r, 401, "missing_token")
    assert r.headers["www-authenticate"] == 'Bearer realm="chatlog"'


@pytest.mark.parametrize(
    ("method", "path", "status", "allow"),
    [
        ("GET", "/api/nothing-here", 404, None),
        ("PUT", "/api/archive/sessions", 405, "GET, HEAD"),
        ("POST", "/api/archive/sessions/abc", 405, "DELETE, GET, HEAD"),
        ("PUT", "/api/archive/objection", 405, "DELETE, GET, HEAD, POST"),
        ("GET", "/api/dev/tokens", 405, "POST"),
    ],
)
async def test_unknown_api_paths_and_methods_get_json_errors(
    api: Running, method: str, path: str, status: int, allow: str | None
) -> None:
    async with http(api) as client:
        r = await client.request(method, path, headers=bearer(api.customer_token(uid("c"))))
    check_error(r, status)
    assert r.headers.get("allow") == allow
    assert r.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "FOO"])
@pytest.mark.parametrize(
    ("path", "status", "allow"),
    [
        ("/api/archive/objection", 405, "DELETE, GET, HEAD, POST"),
        ("/api/archive/sessions/abc", 405, "DELETE, GET, HEAD"),
        ("/api/staff/sessions/abc/holds", 405, "POST"),
        ("/api/nothing-here", 404, None),
        ("/api/", 404, None),
    ],
)
async def test_methods_outside_the_usual_ones_get_the_same_json_errors(
    api: Running, method: str, path: str, status: int, allow: str | None
) -> None:
    """Outside audit 62, F7: TRACE, PROPFIND or a made-up method got Starlette's plain-text 405 with the
    ``Allow`` of the first route on the path (``GET, HEAD`` on the objection, which takes POST and DELETE
    too), without ``Cache-Control``; on an unknown path a 405 instead of the 404 every other method gets."""
    async with http(api) as client:
        r = await client.request(method, path, headers=bearer(api.customer_token(uid("c"))))
    check_error(r, status, "method_not_allowed" if status == 405 else "not_found")
    assert r.headers.get("allow") == allow
    assert r.headers["cache-control"] == "no-store"


# The schema checker the other API tests rely on must itself be able to fail.
@pytest.mark.parametrize(
    ("schema", "value", "ok"),
    [
        ({"$ref": "#/components/schemas/Error"}, {"error": {"code": "x", "message": "y"}}, True),
        ({"$ref": "#/components/schemas/Error"}, {"error": {"code": "x"}}, False),
        ({"$ref": "#/components/schemas/Error"}, {"error": {"code": "x", "message": "y"}, "extra": 1}, False),
        ({"$ref": "#/components/schemas/Objection"}, {"objection": False, "sessions_flagged": 1}, False),
        ({"$ref": "#/components/schemas/Objection"}, {"objection": True, "sessions_flagged": -1}, False),
        ({"$ref": "#/components/schemas/Objection"}, {"objection": True, "sessions_flagged": True}, False),
        ({"$ref": "#/components/schemas/CustomerRetention"}, {"tier": "archive", "visible_until": None}, True),
        ({"$ref": "#/components/schemas/CustomerRetention"}, {"tier": "forever", "visible_until": None}, False),
        ({"$ref": "#/components/schemas/CustomerRetention"},
         {"tier": "archive", "visible_until": "2025-01-01T00:00:00.000Z"}, True),
        ({"$ref": "#/components/schemas/CustomerRetention"},
         {"tier": "archive", "visible_until": "2025-01-01T00:00:00"}, False),
        ({"$ref": "#/components/schemas/DayStats"},
         {"day": "2025-01-01", "sessions": 1, "messages": 2, "handovers": 0, "redactions": {"PERSON": "1"}}, False),
        ({"type": "array", "items": {"type": "integer"}}, [1, 2, "3"], False),
        ({"$ref": "#/components/schemas/SmallCount"}, "<5", True),
        ({"$ref": "#/components/schemas/SmallCount"}, "3", False),
        ({"$ref": "#/components/schemas/SmallCount"}, 3, True),
        ({"$ref": "#/components/schemas/ServiceSpread"}, {"n": 5, "p50": 1.5, "p90": None}, True),
        ({"$ref": "#/components/schemas/ServiceSpread"}, {"n": 5, "p50": "1.5", "p90": None}, False),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, None, True),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, 1, False),
    ],
)
def test_schema_checker(schema: dict[str, Any], value: Any, ok: bool) -> None:
    assert (schema_errors(schema, value) == []) is ok
