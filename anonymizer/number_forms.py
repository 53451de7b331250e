"""Numbers written in a form the recognizers do not read, and the edits that give their plain form.

A penetration tester (or a careful customer) writes an IP address as "0x55.0xA6.0x1C.0x07" or
"77(punkt)40(punkt)118(punkt)203", an IPv6 address with dashes ("2001-67c-2e8-22-0-0-c100-68b", the
ipv6-literal.net form), a phone number as "992~76~724", glues the cue to the number ("fnr110671 24016")
or gives a card in labelled groups ("first four: 5471, next four: 4602, ..."). Each function finds one
form and returns ``(start, end, replacement)`` edits (``anonymizer.disguises`` merges them with its own,
``anonymizer.normalize`` applies them and maps every character back). Each is gated by a substring
test ("0x", "~", "punkt", seven dashes, a cue word, "four"/"fire"), so ordinary messages pay nothing,
and each is narrow: hex needs four groups of at most two hex digits, dashes eight groups of hex.
"""

from __future__ import annotations

import re

from anonymizer.types import Edit

#: An IPv4 address in hexadecimal groups: "0x55.0xA6.0x1C.0x07".
_HEX_IP = re.compile(r"(?<![\w.])0[xX][0-9a-fA-F]{1,2}(?:\.0[xX][0-9a-fA-F]{1,2}){3}(?![\w]|\.\w)")
#: An IPv6 address with dashes for colons: eight groups of one to four hex digits.
_DASHED_IPV6 = re.compile(r"(?<![\w\-])[0-9a-fA-F]{1,4}(?:-[0-9a-fA-F]{1,4}){7}(?![\w\-])")
#: A spoken dot in brackets: "77(punkt)40(punkt)118", "[punkt]".
_BRACKET_DOT = re.compile(r"(?i)(?<=\d)[ \t]*(?:\(punkt\)|\[punkt\]|\{punkt\}|\(prikk\)|\[prikk\])[ \t]*(?=\d)")
#: Digit groups joined by tildes: "992~76~724" (three groups or more, eight digits or more).
_TILDE_CHAIN = re.compile(r"(?<![\d~])\d{1,6}(?:[ \t]*~[ \t]*\d{1,6}){2,}(?![\d~])")
#: A cue for a personal number glued to its digits: "fnr110671 24016", "kontonr12345678903".
_GLUED_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:fnr|f\.nr|fødselsnr|fodselsnr|fødselsnummer|pnr|personnr|ssn|dnr|kontonr|kto|tlf|mob|mobil)"
    r"(?=\d{6})"
)
#: A card (or account) given in labelled groups: "first four: 5471, next four: 4602, ...".
_LABEL = (
    r"(?:first|next|then|last|final|første|neste|deretter|siste|så)[ \t]+(?:four|fire|4)"
    r"(?:[ \t]+(?:digits|siffer|tall))?[ \t]*[:=][ \t]*"
)
_LABELLED_GROUPS = re.compile(
    rf"(?i)(?<![^\W\d_]){_LABEL}\d{{4}}(?:[ \t]*[,;]?[ \t]*(?:(?:and|og)[ \t]+)?{_LABEL}\d{{4}}){{2,4}}(?!\d)"
)
_GROUP_GAP = re.compile(rf"(?i)(?<=\d)[ \t]*[,;]?[ \t]*(?:(?:and|og)[ \t]+)?{_LABEL}(?=\d)")


def hex_ipv4(text: str) -> list[Edit]:
    """ "0x55.0xA6.0x1C.0x07" -> "85.166.28.7", each group mapped to its hex group."""
    if "0x" not in text and "0X" not in text:
        return []
    edits: list[Edit] = []
    for m in _HEX_IP.finditer(text):
        at = m.start()
        for group in m.group().split("."):
            edits.append((at, at + len(group), str(int(group[2:], 16))))
            at += len(group) + 1
    return edits


def dashed_ipv6(text: str) -> list[Edit]:
    """ "2001-67c-2e8-22-0-0-c100-68b" -> colons. A hex letter must stand in it (eight dashed decimal
    groups are a list of numbers, not an address)."""
    if text.count("-") < 7:
        return []
    edits: list[Edit] = []
    for m in _DASHED_IPV6.finditer(text):
        if not any(ch.isalpha() for ch in m.group()):
            continue
        edits += [(m.start() + i, m.start() + i + 1, ":") for i, ch in enumerate(m.group()) if ch == "-"]
    return edits


def odd_separators(text: str) -> list[Edit]:
    """ "(punkt)" between digits read as a dot, "~" in a chain of digit groups as a space."""
    edits: list[Edit] = []
    if "unkt)" in text or "unkt]" in text or "rikk" in text:
        edits += [(m.start(), m.end(), ".") for m in _BRACKET_DOT.finditer(text)]
    if "~" in text:
        for m in _TILDE_CHAIN.finditer(text):
            if sum(ch.isdigit() for ch in m.group()) >= 8:
                edits += [(m.start() + i, m.start() + i + 1, " ") for i, ch in enumerate(m.group()) if ch == "~"]
    return edits


#: The last letter of a cue glued to six digits: a class scan, before the case-blind alternation.
_GLUED_HINT = re.compile(r"\d(?<=[rRnNoOfFbBlL]\d)\d{5}")


def glued_cues(text: str) -> list[Edit]:
    """A space between a cue and the number glued to it: the cue's last letter becomes itself and a space."""
    if _GLUED_HINT.search(text) is None:
        return []
    edits: list[Edit] = []
    for m in _GLUED_CUE.finditer(text):
        edits.append((m.end() - 1, m.end(), text[m.end() - 1] + " "))
    return edits


def labelled_groups(text: str) -> list[Edit]:
    """ "first four: 5471, next four: 4602, ..." -> "first four: 5471 4602 ...": the labels between the
    groups become spaces, so the card recognizer reads one number (and checks it)."""
    if ":" not in text and "=" not in text:
        return []
    lowered = text.lower()
    if "four" not in lowered and "fire" not in lowered:
        return []
    edits: list[Edit] = []
    for m in _LABELLED_GROUPS.finditer(text):
        edits += [(g.start(), g.end(), " ") for g in _GROUP_GAP.finditer(text, m.start(), m.end())]
    return edits


def number_forms(text: str) -> list[Edit]:
    """Every edit above (the caller sorts and drops overlaps)."""
    return hex_ipv4(text) + dashed_ipv6(text) + odd_separators(text) + glued_cues(text) + labelled_groups(text)
