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
digit sits between letters. The bolder readings live in their own modules and prove themselves:
``anonymizer.lookalikes`` reads any look-alike letter or odd separator only where a checksum vouches
for the number, ``anonymizer.disguised_names`` reads leetspeak only where it spells a listed name and
a word spelled out letter by letter as a name only when it is one. Here also: an IP address broken
after a dot, pictographs between the letters of a word ("Tor🔥stein"), "at" and "dot" in quotes or a
dialect ("« at »", "ätt"), or joined by underscores ("ola_at_gmail_dot_com").
"""

from __future__ import annotations

import functools
import re

from stdnum import iban as _iban

from anonymizer.dictation import DOT_WORDS
from anonymizer.disguised_names import backwards as turned
from anonymizer.disguised_names import broken_names, leet_names, spelled_out
from anonymizer.lookalikes import checked_lookalikes
from anonymizer.number_forms import number_forms
from anonymizer.reversed_numbers import reversed_numbers
from anonymizer.strays import LOOKALIKES as _LOOKALIKES
from anonymizer.strays import stray_characters
from anonymizer.types import Edit

# --- separators between digits ------------------------------------------------------------------------

#: Emoji, pictographs and dots used as separators inside a number: "4202 📌 47 📌 93030", "280359 · 02882".
_SYMBOL_SEPARATOR = re.compile(
    r"(?<=\d)[ \t]*(?:[\u00b7\u2022\u2219\u22c5\u2600-\u27bf\U0001f000-\U0001faff][\ufe0f\u200d]?)+[ \t]*(?=\d)"
)
#: A separator typed twice: "4202..72..37813", "1234--56", "9 8 0 4 5-- 1 2 3" (a space may follow it).
_DOUBLED_SEPARATOR = re.compile(r"(?<=\d)(?:(\.)\.+|(-)-+|(/)/+)[ \t]?(?=\d)")
#: An account number in the banks' grouping with colons for dots (a keyboard's layout): "9365:45:20486".
#: Never a time ("12:30:45"): four, two and five digits.
_COLON_ACCOUNT = re.compile(r"(?<![\d:])\d{4}:\d{2}:\d{5}(?![\d:])")
#: Dots disguised the way security people write them: "84[.]212[.]47[.]9", "193 dot 90 dot 147 dot 22".
_DEFANGED_DOT = re.compile(
    rf"(?i)(?<=\d)(?:\[\.\]|\(\.\)|\{{\.\}}|\[dot\]|\(dot\)|[ \t]+(?:{DOT_WORDS})[ \t]+"
    r"|\[punktum\]|\(punktum\))(?=\d)"
)
#: Digit groups joined by commas: "0539,02,47542", "26,11,53,268,04", "178,232,96,14".
_COMMA_CHAIN = re.compile(r"(?<![\d,.])\d{1,6}(?:,\d{1,6}){2,}(?!\d|,\d|\.\d)")


#: An IPv4 address broken after a dot by a narrow screen or an enter key: "178.232.\n41.66".
_BROKEN_IP = re.compile(r"(?<![\w.])\d{1,3}(?:\.(?:[ \t]*\r?\n[ \t]*)?\d{1,3}){3}(?![\w]|\.\d)")
_BREAK_AFTER_DOT = re.compile(r"(?<=\.)[ \t]*\r?\n[ \t]*")
#: Only with "ip" in the message: a time or an amount ending a line ("kl 12.50.") and another starting
#: the next ("10.30 passer") look the same.
_IP_WORD = re.compile(r"(?i)(?<![^\W\d_])ip(?:v4)?(?![^\W\d_])")

_DOUBLED_HINT = re.compile(r"\d(?:\.\.|--|//)")
_DEFANGED_HINT = re.compile(rf"(?i)\d(?:[\[({{]|[ \t]+(?:{DOT_WORDS})\b)")
#: An ellipsis between digit groups ("mob 94 ... 51 ... 33 ... 78"), or a space written as a word in
#: brackets ("4907 [mellomrom] 9063"): the groups of one number, sent apart "so robots cannot read it".
_ELLIPSIS = re.compile(r"(?<=\d)(?<!\d{8})[ \t]*(?:\.{3}|…)[ \t]*(?=\d)")  # not after a whole number
_SPACE_WORD = re.compile(r"(?i)(?<=\d)[ \t]*[\[(](?:mellomrom|space|blank)[\])][ \t]*(?=\d)")
#: Underscores between digit groups: "77_58_98_00", "0505_1998_12345".
_UNDERSCORE = re.compile(r"(?<=\d)_+(?=\d)")
#: Pipes or tildes between three or more digit groups: "49|22|34|47", "PL70|3809|9584|...", "1503~12~34567"
#: (not one between two numbers, as a table's column or "1|2" might be).
_PIPE_CHAIN = re.compile(r"(?<![\w|~])(?:[A-Z]{2})?\d+(?:[|~]\d+){2,}(?![\w|~])")
_COMMA_HINT = re.compile(r"\d,\d")


def digit_separators(text: str) -> list[Edit]:
    """Separators inside numbers that the number recognizers do not expect, made plain."""
    edits: list[Edit] = []
    if not text.isascii():  # every symbol separator is outside ASCII
        edits += [(m.start(), m.end(), " ") for m in _SYMBOL_SEPARATOR.finditer(text)]
    # substring tests before each hint's scan: a doubled separator, a comma
    if ("--" in text or ".." in text or "//" in text) and _DOUBLED_HINT.search(text):
        edits += [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in _DOUBLED_SEPARATOR.finditer(text)]
    if "_" in text:
        edits += [(m.start(), m.end(), " ") for m in _UNDERSCORE.finditer(text)]
    if "|" in text or "~" in text:
        for m in _PIPE_CHAIN.finditer(text):
            edits += [(m.start() + i, m.start() + i + 1, " ") for i, ch in enumerate(m.group()) if ch in "|~"]
    if "..." in text or "…" in text:
        edits += [(m.start(), m.end(), " ") for m in _ELLIPSIS.finditer(text)]
    if "[" in text or "(" in text:
        edits += [(m.start(), m.end(), " ") for m in _SPACE_WORD.finditer(text)]
    if ":" in text:
        for m in _COLON_ACCOUNT.finditer(text):
            edits += [(m.start() + 4, m.start() + 5, "."), (m.start() + 7, m.start() + 8, ".")]
    if _DEFANGED_HINT.search(text):
        edits += [(m.start(), m.end(), ".") for m in _DEFANGED_DOT.finditer(text)]
    for m in _BROKEN_IP.finditer(text) if "\n" in text and _IP_WORD.search(text) else ():
        breaks = list(_BREAK_AFTER_DOT.finditer(m.group()))
        if len(breaks) == 1 and all(int(g) <= 255 for g in re.split(r"\.\s*", m.group())):
            edits.append((m.start() + breaks[0].start(), m.start() + breaks[0].end(), ""))
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
_LOOKALIKE_HINT = re.compile(r"\d(?:(?<=[oOlISB]\d)|(?=[oOlISB]))")  # from the digit: a class scan first
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


#: "at" and "dot" in quotes or guillemets instead of brackets: "lise « at » firma « dot » no".
_QUOTED_WORD = re.compile(
    rf"(?i)([«‹“”\"'])[ \t]*(?:at|{DOT_WORDS}|dått|snabel-?a|kr[øo]ll-?alfa)[ \t]*([»›”“\"'])"
)
#: "at" as it is said in a dialect, before a domain: "rannveig.fjeld ätt gmail punkt com".
_DIALECT_AT = re.compile(
    r"(?i)(?<=[\w.])[ \t]+(ätt|ät|ætt|æt)[ \t]+"
    rf"(?=[\w\-]+(?:[ \t]*\.[ \t]*|[ \t]+(?:{DOT_WORDS})[ \t]+)[a-z]{{2,}})"
)


#: An address with its "@" and dots spelled as words joined by underscores: "ola_at_gmail_dot_com".
_UNDERSCORED = re.compile(
    r"(?i)(?<![\w.\-])[\w.\-]+?(_)(?:at|snabel-?a|kr[øo]ll-?alfa)(_)[^\W_][\w\-]*?"
    rf"(?:(_)(?:{DOT_WORDS})(_)[^\W_][\w\-]*?)*(_)(?:{DOT_WORDS})(_)[a-z]{{2,6}}(?![\w.\-])"
)


_AE = re.compile("[äæÄÆ]")


def spoken_email_marks(text: str) -> list[Edit]:
    """The quotes around a spoken "at" or "dot" made brackets, which the e-mail recognizer reads ("(at)");
    a dialect's "ätt" made "at"; underscores around "at" and "dot" made spaces."""
    edits: list[Edit] = []
    if "_" in text and ("_at_" in text.lower() or "_dot_" in text.lower()):
        for m in _UNDERSCORED.finditer(text):
            edits += [(m.start(g), m.end(g), " ") for g in range(1, 7) if m.group(g)]
    for m in _QUOTED_WORD.finditer(text):  # (the regex starts with a class: faster than a set test first)
        edits += [(m.start(1), m.end(1), "("), (m.start(2), m.end(2), ")")]
    if not text.isascii() and _AE.search(text):
        edits += [(m.start(1), m.end(1), "at") for m in _DIALECT_AT.finditer(text)]
    return edits


def email_disguises(text: str) -> list[Edit]:
    emoji_at = [] if text.isascii() else [(m.start(), m.end(), "@") for m in _EMOJI_AT.finditer(text)]
    emoji_at += spoken_email_marks(text)
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

#: Leetspeak: digits for letters inside a word, at least one between two letters ("K4ri", "N0rdby",
#: "3r1k5en"); "nils58" and "2fa" (digits at an edge only) are identifiers and stay.
_LEET_WORD = re.compile(r"(?<![\w@.:/])(?=[0-9]*[^\W\d_])[^\W_]*[^\W\d_][01345][^\W\d_][^\W_]*(?![\w@:/])")
_HEX = re.compile(r"[0-9a-fA-F]+")  # "f1e0" in an IPv6 address, "3a4b" in a hash: no word
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s"}


_LEET_HINT = re.compile(r"[01345](?<=[^\W\d_][01345])(?=[^\W\d_])")  # from the digit: a class scan first


#: A name written backwards keeps its capital at the end: "dnalielK dirgnI", "nesrednA ytteB". No word of
#: any language ends in its only capital, so such a word is turned around (same length, same offsets).
_BACKWARDS = re.compile(r"(?<![\w\-])[a-zæøåäöüéè]{3,}[A-ZÆØÅÄÖÜ](?![\w\-])")
_LOWER_UPPER = re.compile(r"[A-ZÆØÅÄÖÜ](?<=[a-zæøåäöüéè][A-ZÆØÅÄÖÜ])")  # from the capital, the rarer letter


#: Pictographs typed between the letters of one word: "Tor🔥stein", "Li✨nnea Ho💙lm", "Ås🙂mund". A word
#: goes on after them in lower case, so they cut it in two; between words ("takk😊Kari") the next one
#: starts with a capital and stays apart.
_PICTOGRAPHS_IN_WORD = re.compile(
    r"(?<=[^\W\d_])(?:[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0f\u200d]*)+(?=[^\W\d_])"
)


_PICTOGRAPH = re.compile(r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")


def pictographs_in_words(text: str) -> list[Edit]:
    """Pictographs between two letters of a word, dropped (not one before an e-mail domain: "@")."""
    if text.isascii() or _PICTOGRAPH.search(text) is None:  # a character class scans faster than the rule
        return []
    return [
        (m.start(), m.end(), "")
        for m in _PICTOGRAPHS_IN_WORD.finditer(text)
        if text[m.end()].islower() and _EMOJI_AT.match(text, m.start()) is None
    ]


#: Two to four spaces between capitalised words, as a PDF form or an OCR of a letter sets a name apart
#: ("Navn:  MAGNUS  HOLTE-LIE", "Cardholder ELLA  MORGAN  HAUGE"): one space, so the parts are one name.
#: Not tabs (columns of a pasted table) and not line breaks.
_WIDE_GAP = re.compile(r"(?<![^\W\d_])[A-ZÆØÅÄÖÜ][^\W\d_'’\-]*(?:-[^\W\d_]+)?( {2,4})(?=[A-ZÆØÅÄÖÜ][^\W\d_])")


def name_disguises(text: str) -> list[Edit]:
    # a backwards name has a lower-case letter right before a capital; the bigram is the cheaper scan
    backwards = _BACKWARDS.finditer(text) if _LOWER_UPPER.search(text) else ()
    edits: list[Edit] = [(m.start(), m.end(), turned(m.group())) for m in backwards]
    if "  " in text:
        edits += [(m.start(1), m.end(1), " ") for m in _WIDE_GAP.finditer(text)]
    edits += spelled_out(text) + broken_names(text)
    named, read = leet_names(text)  # tokens that spell a listed name: "8jørn", "|-|elge", "0dd-Iv4r"
    edits += named
    leet = _LEET_HINT.search(text)  # a cheap scan before the regex
    for m in _LEET_WORD.finditer(text) if leet else ():
        word = m.group()
        if any(s <= m.start() < e for s, e in read):
            continue
        letters = [ch for ch in word if ch.isalpha() and ch not in _LOOKALIKES]
        if len(letters) < 2 or any(ch.isdigit() and ch not in _LEET for ch in word) or _HEX.fullmatch(word):
            continue  # "B2B", "4x4", "O3O4" (digits with look-alike letters): a code or a number
        if len(word) <= 4 and word.isupper():
            continue  # "SW1A", "EC3M": a postcode or a code in capitals
        case = str.upper if word.isupper() else str.lower  # "B3CKY L0NGW0RTH" reads in capitals
        edits += [(m.start() + i, m.start() + i + 1, case(_LEET[ch])) for i, ch in enumerate(word) if ch in _LEET]
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
    return _stdnum_iban(compact)


@functools.lru_cache(maxsize=4096)
def _stdnum_iban(compact: str) -> bool:
    """stdnum's check, remembered: its country lookup costs about half a millisecond, and the normaliser
    and the recognizer ask about the same string in one message (the check is pure)."""
    return bool(_iban.is_valid(compact))


_DIGIT = re.compile(r"\d")

#: An IBAN as written: letters are part of many (Turkish, French, Irish, Kuwaiti), so a valid one is left
#: alone, in any case and grouped by spaces or dashes ("kw35 uwnv m2t7 u9nd ...": its "d4ui" is no leetspeak).
#: Also the IBAN recognizer's cheap test for an IBAN with few digits (``anonymizer.recognizers.iban``).
IBAN_SHAPE = re.compile(r"(?i)(?<![\w@])[A-Z]{2} ?\d{2}(?:[ \-]?[A-Z0-9]{1,4}){3,8}(?![\w@])")


def _valid_ibans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in IBAN_SHAPE.finditer(text):
        compact = m.group().replace(" ", "").replace("-", "").upper()
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
        found = sorted(email_disguises(text) + name_disguises(text) + pictographs_in_words(text))
    else:
        strays, fixed = stray_characters(text)
        checked, read = checked_lookalikes(text)
        if read and fixed:
            # a stray character's eleven digits inside a longer number that a checksum vouches for read with
            # its look-alikes ("5542 7b34 3773 144B", a card) were a window of that number, by chance valid
            fixed = [f for f in fixed if not any(s <= f[0] and f[1] <= e and e - s > f[1] - f[0] for s, e in read)]
            strays = [e for e in strays if any(s <= e[0] < t for s, t in fixed)]
        lookalikes = [e for e in digit_lookalikes(text) + checked if not any(s <= e[0] < t for s, t in fixed)]
        names = name_disguises(text)
        if read:  # a checksum vouches for the number: its "3g0z" is no leetspeak
            names = [e for e in names if not any(s <= e[0] < t for s, t in read)]
        found = sorted(
            reversed_numbers(text) + strays + digit_separators(text) + number_forms(text) + lookalikes
            + email_disguises(text) + names + pictographs_in_words(text)
        )
    protected = _valid_ibans(text) if found else []
    edits: list[Edit] = []
    end = -1
    for edit in found:
        if edit[0] >= end and not any(s <= edit[0] < e for s, e in protected):
            edits.append(edit)
            end = max(end, edit[1])
    return edits
