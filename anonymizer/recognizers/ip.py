"""IP addresses (IP_ADDRESS): IPv4 and IPv6, validated by the standard library's ``ipaddress``.

An IP address identifies a customer's connection. Version numbers look like addresses ("1.2.3" has
three parts and never matches; "versjon 1.2.3.4" is denied by its cue word), and a time ("12:30:45")
is not a valid IPv6 address, so ``ipaddress`` rejects it.
"""

from __future__ import annotations

import ipaddress

from anonymizer.recognizers._common import ChatPatternRecognizer, TextFacts

ENTITY = "IP_ADDRESS"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    ("ipv4", r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)", 0.85),
    (
        "ipv6",
        r"(?<![\w:.])(?:[0-9A-F]{0,4}:){2,7}(?:[0-9A-F]{1,4}|(?:\d{1,3}\.){3}\d{1,3}|:)?(?:%[\w.]{1,15})?(?![\w:%]|\.\w)",
        0.85,
    ),
)

CONTEXT: tuple[str, ...] = ("ip", "ip-adresse", "ipadresse", "ip-adressen", "ipv4", "ipv6", "address", "adresse")


def is_valid_ip(text: str) -> bool:
    """A valid IPv4 address or an IPv6 address with at least one digit.

    IPv4 with leading zeros ("192.168.001.010") is what routers and log files print; ``ipaddress``
    refuses it (it is ambiguous with octal notation), but it addresses the same machine.
    """
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
    RUN_BOUND = False  # IPv6 has letters and colons
    DENY = frozenset({"versjon", "version", "ver", "v", "release", "build", "app-versjon", "appversjon"})

    def could_match(self, facts: TextFacts) -> bool:
        # Three dots for IPv4, two colons for IPv6.
        return facts.longest_run >= 1 and (facts.text.count(".") >= 3 or facts.text.count(":") >= 2)

    def is_valid(self, candidate: str) -> bool:
        return is_valid_ip(candidate)
