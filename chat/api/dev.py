"""Development tokens on request, for the front door and the screens' demo boxes (development mode only).

In development mode the server signs tokens with a local key (``chat.tokens``), and ``chatlog token``
prints them on the command line. A person trying the product in a browser should not need a terminal:
``POST /api/dev/tokens`` hands out the same tokens. In production the route is not there at all, so every
method answers 404 like any unknown path (the server holds no signing key there: it verifies the bank's
tokens and issues none). It used to be served and answer 404 itself, which left a GET with a 405 "use
POST" that told the route exists (outside audit 62, F10).

Anyone who can reach a development server can mint any token with this: that is what development mode
means (it is also true of the key file on its disk), and why the server logs a warning at start-up.
"""

from __future__ import annotations

import logging
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat.api.auth import services
from chat.api.serialize import endpoint, json_body, json_response
from chat.errors import NotFound, ProtocolError
from chat.settings import Settings
from chat.tokens import STAFF_ROLES, TokenIssuer

__all__ = ["DEV_TOKEN_TTL_S", "routes"]

log = logging.getLogger("chat.api.dev")

#: Long enough for an afternoon of trying things, short enough not to outlive it.
DEV_TOKEN_TTL_S: Final = 8 * 3600
_DEFAULT_SUBJECT: Final = {"customer": "demo-customer", "adviser": "demo-adviser", "bot": "demo-bot",
                           "compliance": "demo-compliance", "analyst": "demo-analyst"}


@endpoint
async def issue(request: Request) -> Response:
    settings = services(request).settings
    if not settings.is_dev:  # not served in production (routes); a second lock on the signing key
        raise NotFound("no such API endpoint")
    body = json_body(request)
    if set(body) - {"role", "subject"}:
        raise ProtocolError("only role and subject may be given", code="bad_request")
    role = body.get("role")
    if not isinstance(role, str) or (role != "customer" and role not in STAFF_ROLES):
        raise ProtocolError(f"role must be customer or one of {sorted(STAFF_ROLES)}", code="bad_request")
    subject = body.get("subject", _DEFAULT_SUBJECT[role])
    issuer = TokenIssuer.from_settings(settings)
    try:
        if role == "customer":
            token = issuer.customer(subject, ttl_s=DEV_TOKEN_TTL_S)
        else:
            token = issuer.staff(subject, role=role, ttl_s=DEV_TOKEN_TTL_S)  # type: ignore[arg-type]
    except ValueError:
        raise ProtocolError("subject must be 1-128 printable characters", code="bad_request") from None
    log.info("development token issued", extra={"role": role})
    return json_response({"token": token, "role": role, "subject": subject, "expires_in": DEV_TOKEN_TTL_S})


def routes(settings: Settings) -> list[BaseRoute]:
    """The route in development mode; none in production."""
    return [Route("/api/dev/tokens", issue, methods=["POST"])] if settings.is_dev else []
