"""The audit log's write side, shared by the HTTP API and the websocket gateway.

Every access of staff to personal data states a purpose and is written to the audit log *before* any
data is read or sent, so there is never an unaudited read: if the audit write fails, the access fails
with it. An adviser taking over a chat receives its transcript, which is such a read (issue 8, item 8).
The record carries who (staff id), in which role, what (action, session, customer), when and why;
nothing else, and never message text.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import timedelta
from typing import Final

from chat.errors import ProtocolError
from chat.services import Services
from chat.store.base import AuditRecord

#: A purpose is a sentence ("complaint 2025-118 from the customer"), not a document.
MAX_PURPOSE_CHARS: Final = 500
#: Characters no one can see or that break a line: control and format characters, odd spaces and line
#: separators, surrogates, private use and specials.
_HIDDEN: Final = (  # escapes, not characters: the same text is a Python and an ECMA-262 pattern
    r"\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f"
    r"\u3000\u3164\ud800-\udfff\ue000-\uf8ff\ufe00-\ufe0f\ufeff\ufff0-\uffff"
)
#: One line of visible text, not blank. The OpenAPI document publishes this very pattern, so the
#: contract and the check cannot drift apart (issue 8: the document allowed what the server refused).
PRINTABLE_LINE_PATTERN: Final = f"^[^{_HIDDEN}]*[^{_HIDDEN}\\s][^{_HIDDEN}]*$"
_PRINTABLE_LINE: Final = re.compile(PRINTABLE_LINE_PATTERN)



def check_purpose(raw: str | None, where: str) -> str:
    """A stated purpose: required, one line of visible text, at most :data:`MAX_PURPOSE_CHARS`."""
    purpose = (raw or "").strip()
    if not purpose:
        raise ProtocolError(f"state the purpose of this access in {where}", code="purpose_required")
    if len(purpose) > MAX_PURPOSE_CHARS:
        raise ProtocolError(f"purpose is longer than {MAX_PURPOSE_CHARS} characters", code="purpose_too_long")
    if _PRINTABLE_LINE.fullmatch(purpose) is None or not _readable(purpose):
        raise ProtocolError("purpose must be a single line of printable text", code="bad_request")
    return purpose


#: Letters and symbols that show nothing: fillers and blanks of Hangul and Braille.
_BLANK_GRAPHEMES: Final = frozenset("\u115f\u1160\u2800\u3164\uffa0")


def _readable(purpose: str) -> bool:
    """At least one character a reader can see (a letter, digit, punctuation mark or symbol that is not
    a blank filler), and no format, private-use or surrogate character anywhere, beyond the Basic
    Multilingual Plane too: the published pattern covers the BMP, while tag characters (U+E0000 block),
    variation selectors 17 and up and the musical and hieroglyph format controls are invisible as well,
    and tag characters can smuggle hidden ASCII (outside audit 62, F4: purposes made only of such
    characters were stored, a record nobody can read)."""
    visible = False
    for char in purpose:
        category = unicodedata.category(char)
        if category in ("Cf", "Co", "Cs") or "\U000e0100" <= char <= "\U000e01ef":
            return False
        if category[0] in "LNPS" and char not in _BLANK_GRAPHEMES:
            visible = True
    return visible


async def audit(
    svc: Services,
    *,
    actor_id: str,
    role: str,
    action: str,
    purpose: str,
    session_id: str | None = None,
    customer_id: str | None = None,
) -> AuditRecord:
    """Write one audit record durably and return it (callers write it before touching the data)."""
    now = svc.clock()
    record = AuditRecord(
        audit_id=uuid.uuid4().hex,
        at=now,
        actor_id=actor_id,
        role=role,
        action=action,
        purpose=purpose,
        expire_at=now + timedelta(days=svc.settings.retention_audit_days),
        session_id=session_id,
        customer_id=customer_id,
    )
    await svc.store.add_audit(record)
    return record
