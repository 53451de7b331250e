"""IP_ADDRESS through the public ``analyze()``: IPv4, IPv6, and version numbers, times, dates."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.anonymizer.conftest import spans_of

A = "IP_ADDRESS"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("router 192.168.001.010 svarer ikke", [(A, "192.168.001.010")]),  # leading zeros
    ("to adresser: 91.189.91.38 og fe80::1ff:fe23:4567:890a.", [(A, "91.189.91.38"), (A, "fe80::1ff:fe23:4567:890a")]),
    ("ip ::ffff:192.168.1.1", [(A, "::ffff:192.168.1.1")]),
    ("192.168.0.1", [(A, "192.168.0.1")]),
    ("min ip er 10.0.0.1.", [(A, "10.0.0.1")]),
    ("2001:db8::1", [(A, "2001:db8::1")]),
    ("fe80::1 og ::1", [(A, "fe80::1"), (A, "::1")]),
    ("2001:0DB8:0000:0000:0000:FF00:0042:8329", [(A, "2001:0DB8:0000:0000:0000:FF00:0042:8329")]),
    ("v 1.2.3.4, server 8.8.8.8", [(A, "8.8.8.8")]),
    # spaced dots; dashes and spaces after an "ip" cue
    ("logget inn fra 85 . 164 . 22 . 9 i natt", [(A, "85 . 164 . 22 . 9")]),
    ("IP 85. 164. 22. 9", [(A, "85. 164. 22. 9")]),
    ("IP address 85-164-22-9", [(A, "85-164-22-9")]),
    ("IP: 85 164 22 9", [(A, "85 164 22 9")]),
    # negatives
    ("versjon 1.2.3", []),
    ("versjon 1.2.3.4", []),
    ("app version 10.4.1.2 crashed", []),
    ("256.1.1.1", []),
    ("1.2.3.4.5", []),
    ("kl 12:30:45", []),
    ("mac 00:1a:2b:3c:4d:5e", []),
    ("std::vector", []),
    ("dato 01.02.2024 kl. 12.30", []),
    ("kap. 1. 2. 3. 4", []),  # a numbered list
    ("dato 12-05-20-23", []),
    ("beløp 12 300 200 100 kr", []),
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ip(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)
