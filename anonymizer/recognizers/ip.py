"""IP addresses (IP_ADDRESS): IPv4 and IPv6, validated by the standard library's ``ipaddress``.

An IP address identifies a customer's connection. Version numbers look like addresses ("1.2.3" has
three parts and never matches; "versjon 1.2.3.4" is denied by its cue word), and a time ("12:30:45")
is not a valid IPv6 address, so ``ipaddress`` rejects it.
"""

from __future__ import annotations

import ipaddress
import re

from anonymizer.recognizers._common import ChatPatternRecognizer, TextFacts
from anonymizer.strays import phone_cue_before

ENTITY = "IP_ADDRESS"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    ("ipv4", r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)", 0.85),
    # Dots with spaces around them, as a phone's keyboard or a careful customer types them:
    # "85 . 164 . 22 . 9", "85. 164. 22. 9".
    (
        "ipv4_spaced",
        r"(?<![\w.])\d{1,3}(?:[ \t]?\.[ \t]|[ \t]\.[ \t]?)\d{1,3}(?:[ \t]?\.[ \t]?\d{1,3}){2}"
        r"(?![\w]|[ \t]?\.[ \t]?\d)",
        0.5,
    ),
    # Dashes or plain spaces ("85-164-22-9", "85 164 22 9") are amounts, phone numbers and dates as
    # often: only an "ip" cue makes them an address.
    ("ipv4_cued", r"(?<![\w.\-])\d{1,3}(?:([ \t]|-)\d{1,3})(?:\1\d{1,3}){2}(?![\w]|[ \t\-]\d)", 0.1),
    (
        "ipv6",
        r"(?<![\w:.])(?:[0-9A-F]{0,4}:){2,7}(?:[0-9A-F]{1,4}|(?:\d{1,3}\.){3}\d{1,3}|:)?(?:%[\w.]{1,15})?(?![\w:%]|\.\w)",
        0.85,
    ),
)

CONTEXT: tuple[str, ...] = ("ip", "ip-adresse", "ipadresse", "ip-adressen", "ipv4", "ipv6", "address", "adresse")


_SEPARATOR = re.compile(r"[ \t]*[.\-][ \t]*|[ \t]+")
_IP_CUE = re.compile(r"(?i)\bip")
#: A Norwegian phone number in pairs: eight digits, the first 2-9.
_PHONE_PAIRS = re.compile(r"[2-9]\d(?:[ \t]?\.[ \t]?\d{2}){3}")


def is_valid_ip(text: str) -> bool:
    """A valid IPv4 address or an IPv6 address with at least one digit.

    IPv4 with leading zeros ("192.168.001.010") is what routers and log files print; ``ipaddress``
    refuses it (it is ambiguous with octal notation), but it addresses the same machine.
    """
    if ":" not in text and not text.replace(".", "").isdigit():
        if sum(ch.isdigit() for ch in text) < 6:
            return False  # "kap. 1. 2. 3. 4": a numbered list, not an address
        text = _SEPARATOR.sub(".", text)
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        octets = text.split(".")
        return len(octets) == 4 and all(o.isdigit() and len(o) <= 3 and int(o) <= 255 for o in octets)
    return address.version == 4 or any(ch.isdigit() for ch in text)


class ChatIpRecognizer(ChatPatternRecognizer):
    """IPv4 and IPv6 addresses."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    #: IPv6 has letters and colons and is searched over the whole text; every IPv4 form starts at a digit
    #: group (nothing but a non-word character before its first digits), so those are tried only there.
    FREE_PATTERNS = frozenset({"ipv6"})
    DENY = frozenset({"versjon", "version", "ver", "v", "release", "build", "app-versjon", "appversjon"})

    def could_match(self, facts: TextFacts) -> bool:
        # Three dots for IPv4, two colons for IPv6.
        # (or an "ip" cue for the dashed and spaced forms)
        return facts.longest_run >= 1 and (
            facts.text.count(".") >= 3 or facts.text.count(":") >= 2 or _IP_CUE.search(facts.text) is not None
        )

    def is_valid(self, candidate: str) -> bool:
        return is_valid_ip(candidate)

    def is_denied(self, text: str, start: int, end: int) -> bool:
        """Also denied: four pairs of digits after a phone cue, in a message that never says "ip".
        Norwegians write a phone number in pairs, with dots as often as spaces ("Nytt telefonnummer:
        97.42.15.39"); it has the shape of an IPv4 address, but the cue says what it is."""
        if super().is_denied(text, start, end):
            return True
        return (
            _PHONE_PAIRS.fullmatch(text, start, end) is not None
            and _IP_CUE.search(text) is None
            and phone_cue_before(text, start)
        )
