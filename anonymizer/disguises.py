"""Disguises people put on personal data, and what the recognizers should read instead.

A customer who does not want a filter to see their number writes "4202 📌 47 📌 93030", "l2O7 5l O8l07"
or "84[.]212[.]47[.]9"; one who dislikes the @ writes "paul&#64;kvale.net" or "ellen.moe@@gmail.com";
a name becomes "J.e.n.s" or "K4ri N0rdby". Each function here finds one kind of disguise in a text and
returns the edits that undo it, as ``(start, end, replacement)`` triples; ``anonymizer.normalize``
applies them and keeps every character traceable to the original, so the redactor still replaces
exactly what the customer typed. Pure functions on strings: no recognizer, no state (python-stdnum
tells a real IBAN, whose letters must stay, from a disguised number).

Each rule is narrow on purpose (it must not turn prose into numbers): separators are undone only
between digits, look-alike letters only inside groups that are mostly digits, leetspeak only where a
digit sits between letters.
"""

from __future__ import annotations

import re

from stdnum import iban as _iban

from anonymizer.strays import LOOKALIKES as _LOOKALIKES
from anonymizer.strays import stray_characters

Edit = tuple[int, int, str]

# --- separators between digits ------------------------------------------------------------------------

#: Emoji, pictographs and dots used as separators inside a number: "4202 📌 47 📌 93030", "280359 · 02882".
_SYMBOL_SEPARATOR = re.compile(
    r"(?<=\d)[ \t]*(?:[\u00b7\u2022\u2219\u22c5\u2600-\u27bf\U0001f000-\U0001faff][\ufe0f\u200d]?)+[ \t]*(?=\d)"
)
#: A separator typed twice: "4202..72..37813", "1234--56".
_DOUBLED_SEPARATOR = re.compile(r"(?<=\d)(?:(\.)\.+|(-)-+|(/)/+)(?=\d)")
#: Dots disguised the way security people write them: "84[.]212[.]47[.]9", "193 dot 90 dot 147 dot 22".
_DEFANGED_DOT = re.compile(
    r"(?i)(?<=\d)(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|[ \t]+(?:dot|punktum|prikk)[ \t]+"
    r"|\[punktum\]|\(punktum\))(?=\d)"
)
#: Digit groups joined by commas: "0539,02,47542", "26,11,53,268,04", "178,232,96,14".
_COMMA_CHAIN = re.compile(r"(?<![\d,.])\d{1,6}(?:,\d{1,6}){2,}(?!\d|,\d|\.\d)")


_DOUBLED_HINT = re.compile(r"\d(?:\.\.|--|//)")
_DEFANGED_HINT = re.compile(r"(?i)\d(?:[\[({]|[ \t]+(?:dot|punktum|prikk)\b)")
_COMMA_HINT = re.compile(r"\d,\d")


def digit_separators(text: str) -> list[Edit]:
    """Separators inside numbers that the number recognizers do not expect, made plain."""
    edits: list[Edit] = []
    if not text.isascii():  # every symbol separator is outside ASCII
        edits += [(m.start(), m.end(), " ") for m in _SYMBOL_SEPARATOR.finditer(text)]
    # substring tests before each hint's scan: a doubled separator, a comma
    if ("--" in text or ".." in text or "//" in text) and _DOUBLED_HINT.search(text):
        edits += [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in _DOUBLED_SEPARATOR.finditer(text)]
    if _DEFANGED_HINT.search(text):
        edits += [(m.start(), m.end(), ".") for m in _DEFANGED_DOT.finditer(text)]
    for m in _COMMA_CHAIN.finditer(text) if "," in text and _COMMA_HINT.search(text) else ():
        groups = m.group().split(",")
        if len(groups) == 4 and all(len(g) <= 3 and int(g) <= 255 for g in groups):
            mark = "."  # an IPv4 address with commas: "178,232,96,14"
        elif sum(len(g) for g in groups) >= 9 and not all(len(g) == 3 for g in groups[1:]):
            mark = " "  # an account or id number, not "1,234,567" (a thousands separator)
        else:
            continue
        edits += [(m.start() + i, m.start() + i + 1, mark) for i, ch in enumerate(m.group()) if ch == ","]
    return edits


# --- letters for digits ---------------------------------------------------------------------------------

#: Groups of digits with letters O/o for zero, l/I for one, S for five and B for eight among them, next to
#: each other: "9l O4 2O 52", "l2O7 5l O8l07", "976 O9 595", "938 3S 2Sl". The run starts and ends with a
#: group that holds a real digit; it holds five real digits, or eight characters of a number and three.
_LOOKALIKE_RUN = re.compile(
    r"(?<![^\W\d_])(?=[oOlISB]*\d)[0-9oOlISB]+(?:[ .\-][0-9oOlISB]+)*(?![^\W\d_])"
)
_LOOKALIKE_HINT = re.compile(r"\d[oOlISB]|[oOlISB]\d")
_TRAILING_LETTERS = re.compile(r"(?:[ .\-][oOlISB]+)+$")


def digit_lookalikes(text: str) -> list[Edit]:
    """Letters that stand for digits inside a number, one for one (offsets unchanged)."""
    if _LOOKALIKE_HINT.search(text) is None:
        return []
    edits: list[Edit] = []
    for m in _LOOKALIKE_RUN.finditer(text):
        run = _TRAILING_LETTERS.sub("", m.group())  # "412 I": the number ends before the word
        real = sum(ch.isdigit() for ch in run)
        if not any(ch in _LOOKALIKES for ch in run):
            continue
        if real < 5 and not (real >= 3 and sum(ch.isalnum() for ch in run) >= 8):
            continue
        if any(not any(ch.isdigit() for ch in group) and len(group) > 2 for group in re.split(r"[ .\-]", run)):
            continue  # "OBS", "SOS": a word between numbers
        edits += [(m.start() + i, m.start() + i + 1, _LOOKALIKES[ch]) for i, ch in enumerate(run) if ch in _LOOKALIKES]
    return edits


# --- e-mail -----------------------------------------------------------------------------------------------

#: "@" written as an HTML or URL entity, or twice: "paul&#64;kvale.net", "frida.holt%40gmail.com",
#: "ellen.moe@@gmail.com".
_AT_ENTITY = re.compile(r"(?i)(?<=[\w.])(?:&#0*64;|&#x0*40;|&commat;|%40|@@+)(?=[\w])")
#: A domain broken over two lines by a narrow screen or a careless paste: "karoline.strand@gm\nail.com".
_BROKEN_DOMAIN = re.compile(r"@[\w\-]+(?:\.[\w\-]+)*(\r?\n)[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,24}(?![\w\-])")
#: A local part in quotes: '"ben.oconnor"@outlook.ie' (valid, and unusual enough to slip past).
#: Dots typed twice in an address: "ingrid.tveit@@gmail..com".
_AT_TOKEN = re.compile(r"[\w.\-]*@[\w.\-]*")
_DOTS = re.compile(r"(?<=\w)\.{2,}(?=\w)")
_QUOTED_LOCAL = re.compile(r"([\"'“”])([\w.+\-]+)([\"'“”])(?=@)")


#: An emoji for the "@" between a user name and a domain: "sten-ake.lundgren🐘telia.se".
_EMOJI_AT = re.compile(
    r"(?<=[\w.])[\u2600-\u27bf\U0001f000-\U0001faff]\ufe0f?(?=[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,24}(?![\w\-]))"
)


def email_disguises(text: str) -> list[Edit]:
    emoji_at = [] if text.isascii() else [(m.start(), m.end(), "@") for m in _EMOJI_AT.finditer(text)]
    if "@" not in text and "&" not in text and "%40" not in text:
        return emoji_at
    edits: list[Edit] = emoji_at + [(m.start(), m.end(), "@") for m in _AT_ENTITY.finditer(text)]
    edits += [(m.start(1), m.end(1), "") for m in _BROKEN_DOMAIN.finditer(text)]
    for token in _AT_TOKEN.finditer(text) if ".." in text else ():
        edits += [(token.start() + d.start(), token.start() + d.end(), ".") for d in _DOTS.finditer(token.group())]
    for m in _QUOTED_LOCAL.finditer(text):
        edits += [(m.start(1), m.end(1), ""), (m.start(3), m.end(3), "")]
    return edits


# --- names ------------------------------------------------------------------------------------------------

#: A capitalised name with a dot or a hyphen after every letter: "J.e.n.s", "T.o.r.i.l.d", "H-e-g-e".
#: Lower case after the first letter, so that acronyms ("U.S.A.", "A-B-C-D") stay what they are.
_SPELLED_NAME = re.compile(
    r"(?<![\w.\-])[A-ZÆØÅÄÖÜ](?:([.\-])[a-zæøåäöüéè])(?:\1[a-zæøåäöüéè]){2,}\.?(?![\w\-])"
    # in capitals, three letters or more ("K-E-V-I-N", "B.E.R.G.S.E.T", "L.I.E"; "U.S.A." reads "USA")
    r"|(?<![\w.\-])[A-ZÆØÅÄÖÜ](?:([.\-])[A-ZÆØÅÄÖÜ])(?:\2[A-ZÆØÅÄÖÜ]){1,}\.?(?![\w\-])"
)
#: Leetspeak: digits for letters inside a word, at least one between two letters ("K4ri", "N0rdby",
#: "3r1k5en"); "nils58" and "2fa" (digits at an edge only) are identifiers and stay.
_LEET_WORD = re.compile(r"(?<![\w@.:/])(?=[0-9]*[^\W\d_])[^\W_]*[^\W\d_][01345][^\W\d_][^\W_]*(?![\w@:/])")
_HEX = re.compile(r"[0-9a-fA-F]+")  # "f1e0" in an IPv6 address, "3a4b" in a hash: no word
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s"}
#: Any of ``_LEET``'s digits: one scan instead of a substring test per digit, before the hint's regex.
_LEET_DIGIT = re.compile("[" + "".join(_LEET) + "]")


#: A capitalised word after a space: what follows initials ("J.R.R. Holm") rather than a spelled name.
_SURNAME_AFTER = re.compile(r" [A-ZÆØÅÄÖÜ][a-zæøåäöüéè]")
_SPELLED_HINT = re.compile(r"[A-ZÆØÅÄÖÜ][.\-][a-zæøåäöüéèA-ZÆØÅÄÖÜ][.\-]")
_LEET_HINT = re.compile(r"[^\W\d_][01345][^\W\d_]")


#: A name written backwards keeps its capital at the end: "dnalielK dirgnI", "nesrednA ytteB". No word of
#: any language ends in its only capital, so such a word is turned around (same length, same offsets).
_BACKWARDS = re.compile(r"(?<![\w\-])[a-zæøåäöüéè]{3,}[A-ZÆØÅÄÖÜ](?![\w\-])")
_LOWER_UPPER = re.compile(r"[a-zæøåäöüéè][A-ZÆØÅÄÖÜ]")


def name_disguises(text: str) -> list[Edit]:
    # a backwards name has a lower-case letter right before a capital; the bigram is the cheaper scan
    backwards = _BACKWARDS.finditer(text) if _LOWER_UPPER.search(text) else ()
    edits: list[Edit] = [(m.start(), m.end(), m.group()[::-1]) for m in backwards]
    previous_end = -1
    for m in _SPELLED_NAME.finditer(text) if _SPELLED_HINT.search(text) else ():
        word = m.group()
        separator = m.group(1) or m.group(2)
        if separator == "." and m.group(2) and _SURNAME_AFTER.match(text, m.end()) and word.endswith("."):
            continue  # "J.R.R. Holm", "T.M.Ø. Berg": initials before a surname, which the name rules read
        if previous_end >= 0 and text[previous_end : m.start()].strip(" ") == "" and m.start() - previous_end > 1:
            edits.append((previous_end + 1, m.start(), ""))  # "M-A-R-I-A-N-N-E  H-O-L-M": one space between
        previous_end = m.end()
        edits += [(m.start() + i, m.start() + i + 1, "") for i, ch in enumerate(word) if ch == separator]
    leet = _LEET_DIGIT.search(text) is not None and _LEET_HINT.search(text)  # a cheap scan before the regex
    for m in _LEET_WORD.finditer(text) if leet else ():
        word = m.group()
        letters = [ch for ch in word if ch.isalpha() and ch not in _LOOKALIKES]
        if len(letters) < 2 or any(ch.isdigit() and ch not in _LEET for ch in word) or _HEX.fullmatch(word):
            continue  # "B2B", "4x4", "O3O4" (digits with look-alike letters): a code or a number
        if len(word) <= 4 and word.isupper():
            continue  # "SW1A", "EC3M": a postcode or a code in capitals
        edits += [(m.start() + i, m.start() + i + 1, _LEET[ch]) for i, ch in enumerate(word) if ch in _LEET]
    return edits


#: Letters as stdnum's mod-97 reads them (A=10 ... Z=35, ``int(ch, 36)``), for the gate below.
_BASE10 = str.maketrans({chr(c): str(c - 55) for c in range(ord("A"), ord("Z") + 1)})
_ALNUM_ASCII = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def valid_iban(compact: str) -> bool:
    """stdnum's IBAN check (country format and check digits) of ``compact`` (letters and digits, upper
    case), behind a cheap gate: the one place both the normaliser and the IBAN recognizer ask.

    Why the gate: the IBAN pattern is greedy and every candidate is shortened a character at a time until
    stdnum accepts it, so stdnum runs on several strings per number-like text and on every amount or
    reference that looks like one; its country lookup (``numdb``) costs far more than the check digits.
    stdnum validates the same mod-97 sum before anything else and rejects a string that fails it, so
    rejecting it here first gives the same answer. Anything else (empty, non-ASCII) is left to stdnum.
    """
    plain = bool(compact) and _ALNUM_ASCII.issuperset(compact)
    if plain and int((compact[4:] + compact[:4]).translate(_BASE10)) % 97 != 1:
        return False
    return bool(_iban.is_valid(compact))


_DIGIT = re.compile(r"\d")

#: An IBAN as written: letters are part of many (Turkish, French, Irish), so a valid one is left alone.
_IBAN_SHAPE = re.compile(r"(?<![\w@])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}(?![\w@])")


def _valid_ibans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _IBAN_SHAPE.finditer(text):
        compact = m.group().replace(" ", "")
        for end in range(len(compact), 14, -1):  # the pattern may take a following short word
            if valid_iban(compact[:end]):
                spans.append((m.start(), m.end()))
                break
    return spans


def disguises(text: str) -> list[Edit]:
    """Every edit above, in text order, without overlaps (the first found wins), and none inside a
    valid IBAN ("TR63 1451 50U8 UK3V QHZH I5OB 7O" holds an O and an I of its own). A number whose
    stray character was undone (``anonymizer.strays``) gets no look-alike reading on top: its letter
    was a slip, not a digit ("7874.68.5911o1")."""
    if _DIGIT.search(text) is None:
        # the stray, separator and look-alike rules each start by looking for a digit (most chat has none)
        found = sorted(email_disguises(text) + name_disguises(text))
    else:
        strays, fixed = stray_characters(text)
        lookalikes = [e for e in digit_lookalikes(text) if not any(s <= e[0] < t for s, t in fixed)]
        found = sorted(strays + digit_separators(text) + lookalikes + email_disguises(text) + name_disguises(text))
    protected = _valid_ibans(text) if found and any(c.isupper() for c in text) else []
    edits: list[Edit] = []
    end = -1
    for edit in found:
        if edit[0] >= end and not any(s <= edit[0] < e for s, e in protected):
            edits.append(edit)
            end = max(end, edit[1])
    return edits
