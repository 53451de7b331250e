"""Who is calling, may they, and the audit record of what staff did: the API's access layer.

Tokens come only from ``Authorization: Bearer`` (RFC 6750 §2.1), never from a query string, where they
would end up in proxy logs and browser history. Customer and staff tokens are told apart by the
verifier (:mod:`chat.tokens`): a staff token on a customer endpoint, or the other way round, is an
invalid token for that endpoint (401), and a staff token of the wrong role is 403.

Every staff access to personal data states a ``purpose`` and is written to the audit log *before* any
data is read or returned, so there is never an unaudited read: if the audit write fails the request
fails with it. The audit record carries who (staff id), in which role, what (action, session, customer),
when and why; nothing else, and never message text.
"""

from __future__ import annotations

from starlette.requests import Request

from chat.audit import MAX_PURPOSE_CHARS, PRINTABLE_LINE_PATTERN, audit, check_purpose
from chat.errors import AuthError, ProtocolError
from chat.services import Services
from chat.store.base import StaffRole
from chat.tokens import CustomerIdentity, StaffIdentity

__all__ = [
    "MAX_PURPOSE_CHARS",
    "PRINTABLE_LINE_PATTERN",
    "audit",
    "bearer_token",
    "customer",
    "require_purpose",
    "services",
    "staff",
]

def services(request: Request) -> Services:
    svc: Services = request.app.state.services
    return svc


def bearer_token(request: Request) -> str:
    """The one bearer token of the request. Two ``Authorization`` headers are refused (400), as a
    query parameter given twice is: which one a proxy or the next server would honour is anyone's guess."""
    headers = request.headers.getlist("authorization")
    if len(headers) > 1:
        raise ProtocolError("the Authorization header is given more than once")
    header = headers[0] if headers else None
    if not header:
        raise AuthError("a bearer token is required", code="missing_token")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise AuthError("use the Authorization: Bearer scheme", code="missing_token")
    return token


def customer(request: Request) -> CustomerIdentity:
    return services(request).verifier.verify_customer(bearer_token(request))


def staff(request: Request, *roles: StaffRole) -> StaffIdentity:
    """The caller, if a staff member in one of ``roles`` (401 for a bad token, 403 for another role)."""
    return services(request).verifier.verify_staff(bearer_token(request), roles=roles)


def require_purpose(request: Request) -> str:
    """The stated purpose of a staff read (the ``purpose`` query parameter); see :func:`check_purpose`."""
    return check_purpose(request.query_params.get("purpose"), "the purpose parameter")
