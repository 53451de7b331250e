"""Personal data typed over several messages of one chat: a number in pieces, an e-mail address cut at
its "@", a surname sent after the message that gave the given name.

Why: the widget sends a message per Enter, so "kontonummeret er 1503 12" then "34562", or "ola.nordmann@"
then "gmail.com", is ordinary typing, and no piece alone is a value a checksum or a pattern vouches for.
Each piece was stored as written (outside audit 63, H2: fødselsnummer split 5+6, 4+7, 2+9 and in three
messages, account, card, phone and IBAN numbers in two to four pieces, "jeg heter Ola" then "Nordmann").
The fødselsnummer given as a date and then its five digits is paired by ``session_numbers`` from digests;
this module pairs every other split, reading the chat's last messages as the gateway holds them anyway
(the originals in the live transcript, the stored texts as redacted), and says which characters of each
belong to the value. The gateway then redacts them in the new message and rewrites the stored text of
the earlier ones (:meth:`chat.store.base.Store.replace_text`) before it acknowledges the new message.

Sans I/O and pure: :func:`find` takes the earlier messages and the new text, returns a :class:`Split` or
``None``. What counts as a value is what a checksum proves (fødselsnummer, account, organisation number,
IBAN, a card's Luhn digit), a Norwegian mobile number after a phone cue, an e-mail address whose halves
meet at the "@", and a name's second part sent alone after a message that ended with a name. Each part
has at least two digits, and the parts together are exactly the value (not a value somewhere inside a
longer run), so that an amount at the end of one message and a reference at the start of the next are
not read as one number by chance.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from stdnum import iban

from anonymizer.checksums import checksummed
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, SURNAME, word_flags

#: Messages back that a number may have started in (three pieces of a number is the most seen).
MAX_PIECES = 3
#: Characters at the end of a message (and at the start of the next) where a piece is looked for: a piece
#: of a number or an address is never longer, and a long message costs no more than a short one.
WINDOW = 64
#: Characters that may stand between the digits of a number typed in a message: spaces, dots, dashes
#: and the invisible characters the engine's normalisation removes.
_SEP = " \t\u00a0\u2009\u202f.\\-\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: A number's piece at the end of a message (an IBAN's country and check digits may open it); what may
#: follow it: closing punctuation and space.
_TAIL = re.compile(rf"(?:(?<![^\W\d_])[A-Z]{{2}}\d{{2}}[{_SEP}]*|(?<!\w))\d(?:[\d{_SEP}]*\d)?[.,;:!?)\s\-\u2013]*\Z")
#: A number's piece at the start of a message, ending at a space, punctuation or the end.
_HEAD = re.compile(rf"\A\s*(?:[\-\u2013.]\s*)?(\d(?:[\d{_SEP}]*\d)?)(?=[\s.,;:!?)]|\Z)")
#: A whole message that is only a piece of a number (a middle piece).
#: An amount: a number followed by this is no piece of a personal number.
_AMOUNT_AFTER = re.compile(r"(?i)\s*(?:kr\b|kroner|nok\b|,-|%|€|\$|prosent)")
_ONLY = re.compile(rf"\A\s*\d(?:[\d{_SEP}]*\d)?[.,;:!?\s]*\Z")
#: A phone cue shortly before a number's first piece ("ring meg på 412", "mobil: 9").
_PHONE_CUE = re.compile(r"(?i)(?<!\w)(?:tlf|telefon|mobil\w*|nummer\w*|nr|ring\w*|sms|phone|call|tel|cell)(?!\w)")
#: An e-mail address cut at its "@": the local part and "@" ending one message, the domain opening the
#: next; or the local part ending one and "@domain" opening the next.
_LOCAL_AT = re.compile(r"(?<![\w.+-])[\w.+-]+@\s*\Z")
_LOCAL = re.compile(r"(?<![\w.+@-])[\w.+-]*\w\s*\Z")
_DOMAIN = re.compile(r"\A\s*([\w-]+(?:\.[\w-]+)+)(?![\w@])")
_AT_DOMAIN = re.compile(r"\A\s*(@\s*[\w-]+(?:\.[\w-]+)+)(?![\w@])")
#: A name's second part sent alone: one or two words of letters (and hyphens), nothing else.
_NAME_ONLY = re.compile(r"\A\s*([^\W\d_]{2,}(?:-[^\W\d_]{2,})?(?:\s+[^\W\d_]{2,}(?:-[^\W\d_]{2,})?)?)[.!]?\s*\Z")
_PERSON_END = re.compile(r"<PERSON>[\s.,!]*\Z")
_PLACEHOLDER = re.compile(r"<[A-Z_]+>")


@dataclass(frozen=True, slots=True)
class Earlier:
    """One earlier message of the chat's customer, as the gateway holds it."""

    seq: int
    #: As written (the live transcript's copy).
    original: str
    #: As stored (redacted).
    stored: str


@dataclass(frozen=True, slots=True)
class Split:
    """A value typed over several messages: which characters of each are part of it."""

    entity: str
    #: ``(seq, start, end)``: the value's part in each earlier message, offsets into its original text.
    earlier: tuple[tuple[int, int, int], ...]
    #: ``(start, end)``: its part in the new message.
    here: tuple[int, int]


def find(earlier: Sequence[Earlier], text: str) -> Split | None:
    """The value that ``text`` completes with the last of ``earlier`` (oldest first), if any."""
    if not earlier:
        return None
    earlier = list(earlier)[-MAX_PIECES:]  # a deque is a Sequence that does not slice
    return _number(earlier, text) or _email(earlier[-1], text) or _name(earlier[-1], text)


def rewrite(stored: str, original: str, start: int, end: int, entity: str) -> str | None:
    """``stored`` with the value's part ``original[start:end]`` replaced, wherever the engine had already
    put placeholders inside it ("hatlestad.<PERSON>.berg@", "NO93 <NO_ORGNR>"); ``None`` if nothing of it
    is left to replace."""
    return _replace(stored, original, start, end, entity, at_end=True)


def redact_head(stored: str, original: str, start: int, end: int, entity: str) -> str | None:
    """``stored`` with the new message's part ``original[start:end]`` replaced (as :func:`rewrite`)."""
    return _replace(stored, original, start, end, entity, at_end=False)


def _replace(stored: str, original: str, start: int, end: int, entity: str, *, at_end: bool) -> str | None:
    placeholder = f"<{entity}>"
    before, after = original[:start], original[end:]
    # The engine changed nothing around the part: whatever it did inside, the whole part goes.
    if stored.startswith(before) and stored.endswith(after) and len(stored) >= len(before) + len(after):
        inside = stored[len(before) : len(stored) - len(after)]
        return None if inside == placeholder else before + placeholder + after
    # It changed something on the far side too: the part is found from its own side, as written, or as
    # the words it became: its own words and words the engine put a placeholder in.
    words = set(original[start:end].split())
    if at_end:
        if stored.endswith(original[start:]):
            return stored[: len(stored) - len(original) + start] + placeholder + after
        if not stored.endswith(after):
            return None
        body = stored[: len(stored) - len(after)]
        cut = len(body)
        for word in reversed(list(re.finditer(r"\S+", body))):
            if not _of_piece(word.group(), words):
                break
            cut = word.start()
        return None if body[cut:].strip() in ("", placeholder) else body[:cut] + placeholder + after
    if stored.startswith(original[:end]):
        return before + placeholder + stored[end:]
    if not stored.startswith(before):
        return None
    cut = len(before)
    for word in re.finditer(r"\S+", stored[len(before) :]):
        if not _of_piece(word.group(), words):
            break
        cut = len(before) + word.end()
    return None if stored[len(before) : cut].strip() in ("", placeholder) else before + placeholder + stored[cut:]


def _of_piece(word: str, words: set[str]) -> bool:
    """A stored word that was the piece's: one of its own, or one the engine put a placeholder in whose
    other characters are the piece's ("hatlestad.<PERSON>.berg@"; not "<PERSON>:" before it)."""
    if word in words:
        return True
    rest = [part for part in _PLACEHOLDER.split(word) if part]
    return _PLACEHOLDER.search(word) is not None and all(any(part in own for own in words) for part in rest)


def _digits(piece: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in piece if c.isdigit())


def _number(earlier: Sequence[Earlier], text: str) -> Split | None:
    head = _HEAD.match(text[:WINDOW])
    if head is None or len(_digits(head.group(1))) < 2 or _AMOUNT_AFTER.match(text, head.end(1)):
        return None
    parts: list[tuple[int, int, int, str]] = []  # seq, start, end, the piece; newest first
    for message in reversed(earlier):
        tail = _TAIL.search(message.original, max(0, len(message.original) - WINDOW))
        if tail is None:
            break
        piece = tail.group(0).rstrip(".,;:!?) \t\r\n-\u2013")
        if len(_digits(piece)) < 2:
            break
        parts.append((message.seq, tail.start(), tail.start() + len(piece), piece))
        if len(message.original) > WINDOW or not _ONLY.match(message.original):  # then it is all a piece
            break
    # The most pieces first: a number in three pieces is not taken for a shorter one in its last two.
    for count in range(len(parts), 0, -1):
        used = parts[:count][::-1]
        first = next(m for m in earlier if m.seq == used[0][0])
        entity = _value("".join(p[3] for p in used) + head.group(1), first.original[: used[0][1]])
        if entity is not None:
            return Split(entity, tuple((seq, s, e) for seq, s, e, _ in used), (head.start(1), head.end(1)))
    return None


def _value(joined: str, before: str) -> str | None:
    """What the pieces joined are, if a checksum (or for a phone, the cue before it) says so."""
    letters = joined[:2] if joined[:2].isalpha() else ""
    digits = _digits(joined)
    if letters:
        return "IBAN_CODE" if iban.is_valid(letters + digits) else None
    kind = checksummed(digits)
    if kind is not None:
        return kind
    national = digits[2:] if len(digits) == 10 and digits.startswith("47") else digits
    national = national[4:] if len(national) == 12 and national.startswith("0047") else national
    if len(national) == 8 and national[0] in "49" and _PHONE_CUE.search(before[-30:]):
        return "PHONE_NUMBER"
    return None


def _email(previous: Earlier, text: str) -> Split | None:
    window = max(0, len(previous.original) - WINDOW)
    local_at, domain = _LOCAL_AT.search(previous.original, window), _DOMAIN.match(text[:WINDOW])
    if local_at is not None and domain is not None:
        start = local_at.start()
        end = start + len(local_at.group(0).rstrip())
        return Split("EMAIL_ADDRESS", ((previous.seq, start, end),), (domain.start(1), domain.end(1)))
    local, at_domain = _LOCAL.search(previous.original, window), _AT_DOMAIN.match(text[:WINDOW])
    if local is not None and at_domain is not None and len(local.group(0).strip()) >= 2:
        start = local.start()
        end = start + len(local.group(0).rstrip())
        return Split("EMAIL_ADDRESS", ((previous.seq, start, end),), (at_domain.start(1), at_domain.end(1)))
    return None


def _name(previous: Earlier, text: str) -> Split | None:
    """The rest of a name sent alone right after a message whose stored text ends with the name."""
    if not _PERSON_END.search(previous.stored):
        return None
    alone = _NAME_ONLY.match(text) if len(text) <= WINDOW else None
    if alone is None:
        return None
    flags = word_flags()
    for word in re.split(r"[\s-]+", alone.group(1)):
        flag = flags.get(word.lower(), 0)
        # A surname that is also a word ("Berg", "Nordmann") is the rest of a name here; "takk", "ok" are not.
        if flag & FUNCTION or (flag & COMMON and not flag & SURNAME):
            return None
    return Split("PERSON", (), (alone.start(1), alone.end(1)))
