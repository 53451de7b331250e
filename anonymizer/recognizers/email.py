"""E-mail addresses (EMAIL_ADDRESS), including non-ASCII ones ("ola.nordmann@bøkker.no").

Presidio's own EmailRecognizer validates the domain with ``tldextract``, which downloads the public
suffix list on first use; nothing may be fetched at run time, so this recognizer checks the shape
itself: a local part, a domain of valid labels and an alphabetic top-level domain. An e-mail address
is personal data even when its domain does not exist, so a suffix list would add nothing here.
"""

from __future__ import annotations

from anonymizer.recognizers._common import ChatPatternRecognizer

ENTITY = "EMAIL_ADDRESS"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    (
        "email",
        r"(?<![\w.+\-%'])[\w+\-%'](?:[\w.+\-%']{0,62}[\w+\-%'])?"
        r"@(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?![\w\-])",
        0.95,
    ),
)

CONTEXT: tuple[str, ...] = ("e-post", "epost", "e-postadresse", "mail", "e-mail", "email", "mailadresse")


def is_valid_email(text: str) -> bool:
    """The pattern checks the shape; reject what it lets through but mail systems do not: "a..b@x.no"."""
    local, _, domain = text.rpartition("@")
    return ".." not in local and not any(label.startswith("-") or label.endswith("-") for label in domain.split("."))


class ChatEmailRecognizer(ChatPatternRecognizer):
    """E-mail addresses, offline (no public-suffix download)."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    MIN_DIGIT_RUN = 0
    RUN_BOUND = False
    REQUIRED_CHARS = "@"

    def is_valid(self, candidate: str) -> bool:
        return is_valid_email(candidate)
