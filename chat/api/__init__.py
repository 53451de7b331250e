"""The HTTP API: the customer archive, staff and compliance access, statistics, and its OpenAPI document.

``routes(settings)`` is all ``chat.app`` needs: every handler is wrapped by
:func:`chat.api.serialize.endpoint`, which turns :class:`chat.errors.ChatlogError` into the JSON error
body with the error's HTTP status, so the app registers no exception handler for the API. In front of
each handler, :func:`_contract` holds the request to the OpenAPI document: its query parameters, and
one set of body rules for every operation, whether it takes a body or not (outside audit 62, F6: the
objection took malformed and oversized JSON, and two DELETEs a ``text/plain`` body). A last catch-all
route under ``/api/`` gives unknown paths and wrong methods the same JSON error body (404, or 405 with
``Allow``) instead of Starlette's plain-text defaults, so clients parse one error format. It takes
every method, also ones no route has (TRACE, PROPFIND, made-up ones): Starlette gives a method that no
route on the path matches fully to the first route on it, whose plain-text 405 named only that route's
methods (outside audit 62, F7). Human documentation: ``docs/api.md``.
"""

from __future__ import annotations

import logging

from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route

from chat.api.serialize import MethodNotAllowed, error_response, read_body
from chat.errors import ChatlogError, NotFound, ProtocolError
from chat.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["routes"]


class _AnyText(Convertor[str]):
    """A path parameter that takes any text, "/" and line breaks too (``{name:anytext}``): Starlette's
    ``path`` stops at a line break, so "/api/x%0Ay" matched no route and got its plain-text 404, and a
    customer id holding "/" or a line break could not be searched (outside audit 62, F8). The ids are
    the bank's own; the handler judges them, not the router."""

    regex = "(?s:.*)"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("anytext", _AnyText())

def _unmatched(known: list[BaseRoute]) -> Route:
    async def unmatched(request: Request) -> Response:
        allowed = sorted(
            {
                method
                for route in known
                if isinstance(route, Route) and route.matches(request.scope)[0] is Match.PARTIAL
                for method in route.methods or ()
            }
        )
        if not allowed:
            return error_response(NotFound("no such API endpoint"))
        response = error_response(MethodNotAllowed(f"use {', '.join(allowed)}"))
        response.headers["Allow"] = ", ".join(allowed)
        return response

    route = Route("/api/{rest:anytext}", unmatched, include_in_schema=False)
    route.methods = None  # every method matches it fully (Starlette's default for a function is GET)
    return route


def _contract(route: Route) -> Route:
    """The route, holding its requests to what the OpenAPI document says of its operation before the
    handler runs: query parameters it does not declare are refused, and any parameter given more than
    once (which of them counts would be a guess); and the body rules of :func:`read_body`, the same for
    every operation (a body with fields only where the document declares one)."""
    from chat.api.openapi import query_parameters, takes_fields

    methods = list(route.methods or ())
    declared = {method: query_parameters(route.path, method) for method in methods}
    fields = {method: takes_fields(route.path, method) for method in methods}
    handler = route.endpoint

    async def checked(request: Request) -> Response:
        allowed = declared.get(request.method)
        if allowed is not None:
            unknown = sorted(set(request.query_params) - allowed)
            if unknown:
                return error_response(ProtocolError(f"unknown query parameter {unknown[0][:40]!r}"))
            # Given twice, one of them would be silently ignored: a purpose or filter other than meant.
            repeated = sorted(k for k in set(request.query_params) if len(request.query_params.getlist(k)) > 1)
            if repeated:
                return error_response(ProtocolError(f"query parameter {repeated[0]!r} given more than once"))
        try:
            request.state.json_body = await read_body(request, takes_fields=fields.get(request.method, False))
        except ChatlogError as exc:
            return error_response(exc)
        except ClientDisconnect:
            # Gone in the middle of its body (or cut off by the request deadline, chat/http_guard.py):
            # nobody to answer, nothing to log as an error (a client could fill the log at will: outside
            # audit 64, F3). The answer below is never sent.
            log.info("client left during the request body", extra={"path": route.path})
            return Response(status_code=400)
        response: Response = await handler(request)
        return response

    held = Route(route.path, checked, methods=methods, name=route.name)
    held.methods = route.methods  # exactly the route's own: an audited read serves no HEAD (staff.py)
    return held


def routes(settings: Settings) -> list[BaseRoute]:
    # Imported here, not at module level, so that ``python -m chat.api.openapi`` (which writes
    # docs/openapi.json) does not import the module twice.
    from chat.api import archive, dev, openapi, service, staff, stats

    handlers = (*archive.routes(), *staff.routes(), *stats.routes(), *service.routes(), *dev.routes(settings))
    served = [_contract(r) if isinstance(r, Route) else r for r in handlers]
    return [*served, *openapi.routes(), _unmatched(served)]
