"""A fødselsnummer given in two messages of one chat, remembered only as keyed digests.

Why: a customer who will not type the number whole writes the birth date in one message and the
personnummer in the next ("fnr 070269", then "10034"). Each message alone is six or five digits that no
checksum vouches for; within one message ``recognizers/partial.py`` pairs the halves by their check
digits, and across the messages of a chat only the gateway knows what belongs together, so the chat's
memory (``session_names``) carries what is needed to pair them.

What the memory holds: for a six-digit group that can begin a fødselsnummer (a date, or a D-, H- or
FH-number), the five-digit endings that would make it a valid one: about 830 of the thousand
possible, because the two check digits are fixed by the nine before them. Each ending is kept as the
first four bytes of an HMAC under the chat's key, all of them in one blob of about 3.3 KB, never the
digits: a memory dump shows neither the date nor the endings. A later message's five-digit group that
stands alone and whose digest is in a blob is the second half, and is redacted as the fødselsnummer it
completes (four bytes: a five-digit group that is no ending matches by chance once in five million).

Only the last ``HALVES_KEPT`` such dates of a chat are remembered (``LiveSession``), and at most two of
any one message are learned, so a message full of dates costs a few milliseconds, not the deadline. The
order is the natural one, the date first; a personnummer given before its date is not paired.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Collection, Iterable

#: Marks of this kind start with this tag and run to kilobytes; a name's digest (``session_names``) is 16
#: bytes that start with this tag once in 2^96.
TAG = b"fnr-endings:"
#: Bytes of each ending's digest in a blob.
DIGEST_BYTES = 4
#: Dates of one message that are learned (the last ones: a date given for pairing ends its message).
LEARNED_PER_MESSAGE = 2
#: A group of five or six digits standing alone: not inside a longer number, an amount, a date or a
#: time. The halves of a fødselsnummer are such groups, in one message (``recognizers/partial.py``) or
#: in two.
HALF_GROUP = re.compile(r"(?<![\d.,/:-])\d{5,6}(?!\d|[.,/:-]\d)")
#: The ranges of individual numbers that decide the century (see ``has_valid_date``).
_RANGES = (0, 500, 750, 900)
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
#: What follows an amount: "12000 kr" is no personnummer.
_AMOUNT = re.compile(r"(?i)\s*(?:kr\b|kroner|nok\b|,-|%|€|\$|prosent)")
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
ENTITY = "NO_FODSELSNUMMER"


def _digest(key: bytes, five: str) -> bytes:
    return hmac.digest(key, b"fnr5:" + five.encode("ascii"), "sha256")[:DIGEST_BYTES]


def endings(six: str) -> list[str]:
    """The five-digit endings that make ``six`` a valid fødselsnummer (none if it is no date)."""
    head = [int(c) for c in six]
    base1 = sum(w * d for w, d in zip(_W1, head, strict=False))
    base2 = sum(w * d for w, d in zip(_W2, head, strict=False))
    from anonymizer.recognizers.fodselsnummer import has_valid_date  # see _could_begin

    # The century, and so whether the date exists (29 February), depends on the range of the individual
    # number (``has_valid_date``): one test per range.
    found = []
    for low, high in zip(_RANGES, (*_RANGES[1:], 1000), strict=True):
        if has_valid_date(f"{six}{low:03d}"):
            found += _endings_in(base1, base2, range(low, high))
    return found


def _endings_in(base1: int, base2: int, individuals: range) -> list[str]:
    """The endings with these individual numbers, given the weighted sums of the date's digits."""
    found = []
    for individual in individuals:
        a, b, c = individual // 100, individual // 10 % 10, individual % 10
        k1 = -(base1 + 4 * a + 5 * b + 2 * c) % 11
        if k1 == 10:
            continue
        k2 = -(base2 + 5 * a + 4 * b + 3 * c + 2 * k1) % 11
        if k2 == 10:
            continue
        found.append(f"{individual:03d}{k1}{k2}")
    return found


def _could_begin(six: str) -> bool:
    """Whether a six-digit group is a date (any century) or a D- or H-number's first six. Not an
    FH-number's (a day of 80 or more): any six digits would pass, and every order number of a chat would
    make about one five-digit amount in a hundred look like its ending.

    (The recognizers are imported here, not at the top: the gateway's main process imports this module
    for ``is_blob`` and must not pay for Presidio, which runs in its worker processes.)"""
    from anonymizer.recognizers.fodselsnummer import has_valid_date

    return int(six[:2]) < 80 and any(has_valid_date(f"{six}{r:03d}") for r in _RANGES)


def learn(key: bytes, text: str) -> frozenset[bytes]:
    """The blobs of endings for the last six-digit groups of ``text`` that can begin a fødselsnummer."""
    sixes = [m.group() for m in HALF_GROUP.finditer(text) if len(m.group()) == 6]
    blobs = set()
    for six in sixes[-LEARNED_PER_MESSAGE:]:
        if _could_begin(six):
            blobs.add(TAG + b"".join(_digest(key, five) for five in endings(six)))
    return frozenset(blobs)


def is_blob(mark: bytes) -> bool:
    return mark.startswith(TAG)


def recall(
    key: bytes, text: str, marks: Collection[bytes], covered: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of five-digit groups of ``text``, touched by no span in ``covered``, that complete a date
    remembered in ``marks``."""
    blobs = [m[len(TAG) :] for m in marks if is_blob(m)]
    if not blobs or not any(c.isdigit() for c in text):
        return []
    fives = [m for m in HALF_GROUP.finditer(text) if len(m.group()) == 5]
    if not fives:
        return []
    known = {blob[i : i + DIGEST_BYTES] for blob in blobs for i in range(0, len(blob), DIGEST_BYTES)}
    taken = list(covered)
    found = []
    for match in fives:
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or _AMOUNT.match(text, end):
            continue
        if _digest(key, match.group()) in known:
            found.append((start, end))
    return found
