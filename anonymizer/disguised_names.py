"""Names and addresses disguised letter by letter: spelled out, in leetspeak, broken over two lines.

A customer who tests the filter, or who does not want a form to read their name, writes it so that no
word list knows it: one letter at a time with a separator ("V-e-s-l-e-m-ø-y", "E, R, L, E, N, D",
"a.s.l.a.u.g", "M. A. R. I. U. S.  L. I. E.", "t-o-r-b-j-ø-r-n-@-o-n-l-i-n-e-.-n-o"), with digits and
symbols for letters ("8jørn", "7ur1d", "|-|elge", "Kn|_|t", "@sta", "0dd-Iv4r"), or with a line break in
the middle ("Vil\\nde"). Like ``anonymizer.disguises``, each function returns edits of what the
recognizers read, never of what the redactor replaces.

**Spelled out.** Three or more single letters joined by one separator repeated are one word spelled
out. What the recognizers should read depends on the word:

* with an "@" among the characters it is an e-mail address: the separators are dropped;
* a name (a listed given name or surname, or an unlisted word of five letters or more that is no
  everyday word) is written the one way the PERSON rules know as a spelled-out name, letters in one
  case joined by hyphens ("v-e-s-l-e-m-ø-y"): "the only words people spell out in a bank chat are names"
  (see ``recognizers.person_spelled``), and an unlisted surname joined into a word would need a cue;
  a run next to a spelled name ("M. A. R. I. U. S.  L. I. E.") is part of it;
* an everyday word, an acronym or an abbreviation ("U.S.A.", "B-S-U", "t.o.m.") is joined into the word
  when it is written the way acronyms are (capitals, or a capital and lower case, with dots or
  hyphens), and otherwise left as it is; so is a street name before its house number ("S-K-O-G-V-E-I-E-N
  4", which the address rules read joined).

**Leetspeak.** A token that mixes letters with digits or symbols is read with every leet reading of
its characters ("1" as i or l, "6" as g or b, "|-|" as h ...), and taken when one reading is a listed
name (not an everyday word): "7ur1d" is Turid, "gr8" and "2fa" stay what they are. The name gets its
capital when the token had none ("8jørn" reads "Bjørn"). ``anonymizer.disguises`` keeps its narrower
rule for digits between letters of any word ("K4ri N0rdby").

**Broken.** A capitalised word, a line break and a lower-case word that together make a listed given
name no everyday word ("Vil\\nde") are that name.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

from anonymizer.types import Edit

# --- broken over two lines, written backwards ----------------------------------------------------------------

#: A capitalised word, a line break, a word in lower case: "Vil\nde" (enter pressed mid-name).
_BROKEN = re.compile(r"(?<![\w\-])[A-ZÆØÅÄÖÜ][a-zæøåäöüéè]+\r?\n[a-zæøåäöüéè]+(?![\w\-])")


def broken_names(text: str) -> list[Edit]:
    """The line break inside a name dropped, when the two pieces make a well-known given name that is no
    everyday word ("Vil\nde" is Vilde; "Oslo\nhar" stays two words)."""
    if "\n" not in text:
        return []
    flags, _, common, _, well_known, _ = _flags_and_bits()
    edits: list[Edit] = []
    for m in _BROKEN.finditer(text):
        head, _, tail = m.group().partition("\n")
        f = flags.get((head.rstrip("\r") + tail).lower(), 0)
        if f & well_known and not f & common:
            edits.append((m.start() + len(head.rstrip("\r")), m.start() + len(head) + 1, ""))
    return edits


def backwards(word: str) -> str:
    """A word written backwards ("ennaivliS"), turned around; written as a spelled-out name (one case,
    hyphens: see ``spelled_out``) when no list knows it, since only a name is hidden so and an unlisted
    one would need a cue to be read as a name ("navnet mitt baklengs: Silvianne")."""
    forward = word[::-1]
    flags = _flags_and_bits()[0]
    if len(forward) >= MIN_UNLISTED_LETTERS and not flags.get(forward.lower(), 0):
        return "-".join(forward.lower())
    return forward


# --- spaced out -------------------------------------------------------------------------------------------

#: One-letter words that may stand right before letters spaced out: "navnet mitt e s i r i" (e = er).
_ONE_LETTER_WORDS = frozenset("eiåao")


def lead_in_word(joined: str) -> bool:
    """The first of some letters spaced out is a word of its own, not the name's first letter: the
    letters without it are a listed name, with it no word ("esiri" is no name, "siri" is)."""
    if len(joined) < 4 or joined[0] not in _ONE_LETTER_WORDS:
        return False  # "Å S T R I D" is Åstrid, whatever "strid" is
    if joined[1].isupper() and joined[2:].islower():
        return True  # "bor i S t o r g a t a": no word starts "iS"
    if not joined.islower():
        return False
    flags, _, common, _, well_known, _ = _flags_and_bits()
    rest = flags.get(joined[1:], 0)
    return not flags.get(joined, 0) and bool(rest & well_known) and not rest & common


#: Digits spaced out, perhaps with a comma or a stop after them: "1 2,", "0 1 5 5".
_SPACED_DIGITS = re.compile(r"(?<!\S)\d(?: \d)+(?=[,.]?(?:\s|$))")
_WIDE_GAP = re.compile(r"[,.]?( {2,3})")


def spaced_numbers(text: str, words: list[tuple[int, int]]) -> list[Edit]:
    """Digits spaced out beside words spaced out (two spaces between), joined: in "S t o r g a t a  1 2,
    0 1 5 5  O s l o" every word is spelled so, the house number and the postcode too."""
    ends = {end for _, end in words}
    starts = {start for start, _ in words}
    edits: list[tuple[int, int, str]] = []
    for m in _SPACED_DIGITS.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()]
        gap_before = len(before) - len(before.rstrip(" "))
        after = _WIDE_GAP.match(text, m.end())
        joined_before = gap_before in (2, 3) and m.start() - gap_before in ends
        joined_after = after is not None and after.end() in starts
        if not (joined_before or joined_after):
            continue
        if joined_before:
            edits.append((m.start() - gap_before, m.start() - 1, ""))
        edits.extend((k, k + 1, "") for k in range(m.start() + 1, m.end(), 2))
        if after is not None and joined_after:
            edits.append((after.start(1), after.end(1) - 1, ""))
    return edits


# --- spelled out ------------------------------------------------------------------------------------------

#: A run of single characters joined by one separator repeated: hyphens, dots, underscores, asterisks,
#: slashes, a dot or a comma with a space after it, a hyphen between spaces. An "@" or a "." may stand
#: among the letters (an e-mail address spelled out). Not inside a word or an address.
_MARKS = r"-_*·/~+•‧∙⋅●|:;=#\\"
_SPELLED = re.compile(
    rf"(?<![\w@.\-])[^\W_](?P<sep>[{_MARKS}]|[.,] ?| - )(?:[^\W_]|[@.])(?:(?P=sep)(?:[^\W_]|[@.]))+(?![\w@])"
)
#: The cheap test first: a separator, one character, a separator, one character. Written from the
#: separator: a pattern that starts with a character class is scanned for it first, far faster than one
#: that starts with a lookbehind at every letter.
_HINT = re.compile(rf"[{_MARKS}.,] ?[^\W_@.](?:[{_MARKS}]|[.,] ?| - )[^\W_@.]")
#: The gap between two spelled-out words of one name: "M. A. R. I. U. S.  L. I. E.", "H-O-L-M  I-D-A".
_NAME_GAP = re.compile(r"\.?[ \t]{1,3}")
#: A capitalised word after the run's last dot: what follows initials ("J.R.R. Holm").
_SURNAME_AFTER = re.compile(r"\.? [A-ZÆØÅÄÖÜ][a-zæøåäöüéè]")
#: Separators of the acronym and spelled-name forms joined into a word (``disguises``' rule before).
_JOINED_SEPARATORS = frozenset({".", "-"})
#: A spelled-out name needs this many letters when no list knows it ("Q-U-I-S-L-E-F-O-R-D").
MIN_UNLISTED_LETTERS = 5
_ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"


@functools.cache
def _flags_and_bits() -> tuple[dict[str, int], int, int, int, int, int]:
    """The gazetteer's word flags and the bits read here, imported on first use (the recognizers
    package imports ``anonymizer.disguises``, which imports this module)."""
    from anonymizer.recognizers import _gazetteer as g

    return g.word_flags(), g.NAME, g.COMMON, g.NOT_NAME | g.FUNCTION, g.WELL_KNOWN, g.AMBIGUOUS


def _is_name(word: str, letters: int) -> bool:
    """A spelled-out ``word`` is a name: listed as one (an everyday word only when long: "lie", "tom"
    and "sos" are words too), or unlisted and long, and not the alphabet recited."""
    flags, name, common, never, _, _ = _flags_and_bits()
    f = flags.get(word.lower(), 0)
    if f & never:
        return False
    if f & name:
        return letters >= 4 or not f & common
    return not f & common and letters >= MIN_UNLISTED_LETTERS and word.lower() not in _ALPHABET


class _Run:
    """One spelled-out run: its span, separator and characters."""

    __slots__ = ("chars", "end", "sep", "start")

    def __init__(self, m: re.Match[str]) -> None:
        self.start, self.end, self.sep = m.start(), m.end(), m.group("sep")
        self.chars = m.group()[:: len(self.sep) + 1]


def spelled_out(text: str) -> list[Edit]:
    """Edits for words spelled out one character at a time (see the module docstring)."""
    if _HINT.search(text) is None:
        return []
    runs = [run for run in map(_Run, _SPELLED.finditer(text)) if not _cut_short(text, run)]
    edits: list[Edit] = []
    phrase: list[_Run] = []
    for run in runs:
        if phrase and _NAME_GAP.fullmatch(text, phrase[-1].end, run.start) is None:
            edits += _phrase_edits(text, phrase)
            phrase = []
        phrase.append(run)
    return edits + _phrase_edits(text, phrase)


def _cut_short(text: str, run: _Run) -> bool:
    """The run is part of something longer: an e-mail user name ("k.a.t.e.b@gmail.com", "m_a_r_i_t @
    online . no") or a longer token the pattern had to stop short of."""
    after = text[run.end : run.end + len(run.sep) + 1]
    if after.startswith(run.sep) and not run.sep.endswith(" ") and after[len(run.sep) :][:1].isalnum():
        return True
    if "@" in run.chars:
        return False
    following = text[run.end : run.end + 4].lstrip(" \t")
    return following.startswith("@") or (run.start > 0 and text[run.start - 1] == "@")


def _phrase_edits(text: str, phrase: list[_Run]) -> list[Edit]:
    """The edits of consecutive spelled-out runs one or two spaces apart: a name if any of them is."""
    if not phrase:
        return []
    words = [run for run in phrase if run.chars.isalpha()]
    edits: list[Edit] = []
    for run in phrase:
        if "@" in run.chars:
            edits += _joined(run) if _looks_like_address(run.chars) else []
    if any(_is_name(run.chars, len(run.chars)) for run in words) and not _house_number_after(text, phrase[-1]):
        for run in words:
            edits += _hyphenated(run)
        return edits
    for run in words:
        if _acronym_form(run) and not (run.sep == "." and _SURNAME_AFTER.match(text, run.end)):
            edits += _joined(run)  # not "J.R.R. Holm", "T.M.Ø. Berg": initials, which the name rules read
            if run.sep == "." and text.startswith(".", run.end):
                edits.append((run.end, run.end + 1, ""))  # "U.S.A." reads "USA"
    return edits


def _looks_like_address(chars: str) -> bool:
    local, _, domain = chars.partition("@")
    return bool(local) and "@" not in domain and "." in domain.strip(".")


def _house_number_after(text: str, run: _Run) -> bool:
    """A street spelled out before its number: "S-K-O-G-V-E-I-E-N 4" (the address rules read it joined)."""
    return bool(re.match(r"[ \t]+\d", text[run.end : run.end + 3]))


def _acronym_form(run: _Run) -> bool:
    """Written the way an acronym or a spelled word is joined: capitals, or a capital and lower case,
    with dots or hyphens ("U.S.A.", "B-S-U", "J.e.n.s"); three capitals or four letters at least."""
    chars = run.chars
    if run.sep not in _JOINED_SEPARATORS or not chars.isalpha() or not chars[0].isupper():
        return False
    return (chars.isupper() and len(chars) >= 3) or (chars[1:].islower() and len(chars) >= 4)


def _joined(run: _Run) -> list[Edit]:
    """The separators dropped: "U.S.A" -> "USA", "t-o-r-b-j-ø-r-n-@-o-n-l-i-n-e-.-n-o" -> an address."""
    step = len(run.sep) + 1
    return [(run.start + k + 1, run.start + k + step, "") for k in range(0, run.end - run.start - 1, step)]


def _hyphenated(run: _Run) -> list[Edit]:
    """The run as the PERSON rules read a spelled-out name: one case, hyphens ("E, R, L" -> "E-R-L")."""
    step = len(run.sep) + 1
    edits: list[Edit] = []
    if run.sep != "-":
        edits += [(run.start + k + 1, run.start + k + step, "-") for k in range(0, run.end - run.start - 1, step)]
    if not run.chars.isupper():
        at = run.start
        edits += [(at + i * step, at + i * step + 1, ch.lower()) for i, ch in enumerate(run.chars) if ch.isupper()]
    return edits


# --- leetspeak ----------------------------------------------------------------------------------------------

#: What each leet character may stand for, the likelier first.
_LEET_READINGS: dict[str, str] = {
    "0": "o", "1": "il", "2": "z", "3": "e", "4": "a", "5": "s", "6": "gb", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "€": "e", "!": "il", "|": "li",
}  # fmt: skip
#: Letters drawn with several characters: "|-|elge", "Kn|_|t", "|<ari".
_LEET_SHAPES: dict[str, str] = {"|-|": "h", "|_|": "u", "|<": "k"}
#: A leet character next to a lower-case letter, or a leet symbol next to a capital (written from the
#: leet character: a class scan first). A digit beside capitals is a code far more often than a name
#: ("NO868978465MVA", "EC3M"); the narrower rule of ``anonymizer.disguises`` reads "B3CKY L0NGW0RTH".
_LOWER = "a-zæøåäöüéèáóúíñçšžčćłńśźżđ"
_LEET_PAIR = re.compile(
    rf"[\d@$€|!](?:(?<=[{_LOWER}][\d@$€|!])|(?=[{_LOWER}])|(?<=[@$€|!])(?=[A-ZÆØÅ])|(?<=[A-ZÆØÅ][@$€|!]))"
)
#: The characters of a leet token, and what may not touch it (an e-mail address, a path, a number).
_LEET_TOKEN = re.compile(r"[\w@$€|!<\-]+")
#: The token's characters before a position (searched up to it, in C, instead of a loop backwards).
_TOKEN_HEAD = re.compile(r"[\w@$€|!<\-]*\Z")
_NOT_BEFORE = frozenset("./:")  # (a one-character string: "" is in no frozenset)
#: Readings tried per token at most (each ambiguous character doubles them).
MAX_READINGS = 16
#: Letters (not leet characters) a token needs, at least half of it: "5oo" is an amount typed with
#: o's, "7ur1d" a name. And the longest token read (a double name in leetspeak).
MIN_LEET_LETTERS = 3
MAX_LEET_LENGTH = 24
#: A name this short must be a well-known one ("7or" is Tor); "Soo", "Ady" are names too, but rare.
SHORT_NAME = 3


def leet_names(text: str) -> tuple[list[Edit], list[tuple[int, int]]]:
    """Edits that read a leetspeak token as the listed name it spells, and the tokens' spans."""
    edits: list[Edit] = []
    spans: list[tuple[int, int]] = []
    done = -1
    for pair in _LEET_PAIR.finditer(text):
        if pair.start() < done:
            continue
        back = _TOKEN_HEAD.search(text, max(0, pair.start() - MAX_LEET_LENGTH), pair.start())
        start = back.start() if back is not None else pair.start()
        m = _LEET_TOKEN.match(text, start)
        if m is None:  # pragma: no cover - the pair itself is made of token characters
            continue
        done = m.end()
        after = text[m.end() : m.end() + 2]
        if (start > 0 and text[start - 1] in _NOT_BEFORE) or (after[:1] in _NOT_BEFORE and after[1:].isalnum()):
            continue  # part of a domain, a path, a time or a version ("k4ri.no", "v2.3"), not a full stop
        token = m.group().rstrip("!-")
        if "@" in token[1:] or "_" in token.replace("|_|", "") or len(token) > MAX_LEET_LENGTH:
            continue  # an e-mail address, a user name ("k4r0l1n3_b"), an IBAN
        letters = sum(ch.isalpha() for ch in token)
        if letters < MIN_LEET_LETTERS or 2 * letters < len(token) or (len(token) <= 4 and token.isupper()):
            continue  # "5oo" (500), "4DY", "EC3M", "AL1", "H0304": an amount, a postcode, a code
        if _numbered_name(token):
            continue  # "Ingrid3", "nils58": a name with a number after it, which the name rules read
        found = _read_leet(m.start(), token)
        if found:
            edits += found
            spans.append((m.start(), m.start() + len(token)))
    return edits, spans


class _Unit(NamedTuple):
    """One character of a leet token, or one letter drawn with several ("|-|"): what it may read as."""

    start: int
    end: int
    readings: str
    leet: bool


def _numbered_name(token: str) -> bool:
    """A listed name with digits after it and no leet character before them."""
    stem = token.rstrip("0123456789")
    flags, name = _flags_and_bits()[:2]
    return stem != token and stem.isalpha() and bool(flags.get(stem.lower(), 0) & name)


def _units(start: int, token: str) -> list[_Unit]:
    units: list[_Unit] = []
    i = 0
    while i < len(token):
        shape = next((s for s in _LEET_SHAPES if token.startswith(s, i)), None)
        if shape is not None:
            units.append(_Unit(start + i, start + i + len(shape), _LEET_SHAPES[shape], True))
            i += len(shape)
            continue
        ch = token[i]
        units.append(_Unit(start + i, start + i + 1, _LEET_READINGS.get(ch, ch), ch in _LEET_READINGS))
        i += 1
    return units


def _read_leet(start: int, token: str) -> list[Edit]:
    """The edits that make ``token`` (parts joined by hyphens: "0dd-Iv4r") the name it spells, or none."""
    parts: list[list[_Unit]] = [[]]
    for unit in _units(start, token):
        if unit.readings == "-":
            parts.append([])
        else:
            parts[-1].append(unit)
    readings = [_read_part(part, compound=len(parts) > 1) for part in parts]
    if not all(readings):
        return []
    flags, _, common, _, _, _ = _flags_and_bits()
    words = [reading[0] for reading in readings if reading]
    if not any(reading[1] for reading in readings if reading):
        return []
    if all(flags.get(word.lower(), 0) & common for word in words):
        return []  # "0dd" alone is "odd"; "0dd-Iv4r" has a name that is no everyday word
    return [edit for reading in readings if reading for edit in reading[1]]


def _read_part(part: list[_Unit], *, compound: bool) -> tuple[str, list[Edit]] | None:
    """The name one hyphen-free part of a leet token spells, and its edits (none if it holds no leet
    character but is a name: "Iv4r" in "0dd-Iv4r" needs them, "Odd" in "Odd-Iv4r" does not); None if
    it spells no name. A short name beside another ("0dd-Iv4r") need not be a well-known one."""
    plain = "".join(u.readings for u in part if not u.leet)
    if len(part) < 3 or not plain.isalpha() or len(plain) < 2:
        return None
    flags, name, _, never, well_known, _ = _flags_and_bits()
    for count, reading in enumerate(itertools.product(*(u.readings for u in part))):
        if count >= MAX_READINGS:
            return None
        word = "".join(reading)
        f = flags.get(word.lower(), 0)
        if f & name and not f & never and (len(word) > SHORT_NAME or compound or f & well_known):
            cased = _cased(word, part, plain)
            return cased, [(u.start, u.end, ch) for u, ch in zip(part, cased, strict=True) if u.leet]
    return None


def _cased(word: str, part: list[_Unit], plain: str) -> str:
    """The name with the case its letters were typed in: a leet first character of a word in lower case
    stands for its capital ("8jørn" reads "Bjørn"), and every leet character of a word in capitals too."""
    if plain.isupper():
        return word.upper()
    first = word[0].upper() if part[0].leet and plain.islower() else word[0]
    return first + "".join(ch if not u.leet else ch.lower() for u, ch in zip(part[1:], word[1:], strict=True))
