"""What the recognizers read: chat text normalised, with every character traceable to the original.

Personal data survives redaction when its characters are not the ones a recognizer expects: a
fødselsnummer with a zero-width space or a soft hyphen inside, full-width digits, an e-mail with a
full-width "＠", a phone number dictated to a voice keyboard as "fire seks sju null ...". Teaching each
recognizer every trick would spread the same fix over ten modules, so the engine normalises once and
the recognizers see plain text:

0. **Markup and encodings** (``anonymizer.markup``): HTML character references and tags, URL
   percent-escapes and markdown emphasis inside a number are decoded first ("&#48;&#55;...",
   "<span>121181</span><span>03414</span>", "ssn=%32%31...", "**2050**.**32**.**53799**").
1. **Characters** (``_fold_characters``): invisible format characters (category Cf: U+200B-U+200F,
   U+00AD, U+2060-U+206F, U+FEFF ...), variation selectors, control characters other than tab and line
   breaks (NUL among them) are dropped; every space character becomes " " and line separators "\\n";
   dashes and minus signs become "-"; other digits (Arabic-Indic, full-width, dingbat "➒" ...) become
   ASCII digits, the ideographic full stop "。" a dot;
   everything else is NFKC-normalised (full-width letters and "＠", ligatures, superscripts).
   Cyrillic and Greek look-alikes inside a Latin word or a number are read as Latin letters
   (``anonymizer.homoglyphs``: "Кari"), then the disguises people put on numbers, e-mails and names
   on purpose are undone (``anonymizer.disguises``, ``anonymizer.lookalikes``,
   ``anonymizer.disguised_names``, ``anonymizer.strays``).
2. **Spoken digits** (``anonymizer.spoken_digits``): a run of number words ("null fire én to", "nine one two",
   "nittien tjuetre førtifem", "double seven", dialect words "fæm", "fira", "sjau") becomes the digits
   it stands for, separated by spaces, so that the number recognizers, which accept spaced digits (see
   ``_common.TextFacts``), find it. A run needs four words or six digits, so "en to tre ganger" and "I
   have two or three" stay words. Four groups split by a spoken dot ("ti punktum null punktum null
   punktum førtito") are an IPv4 address and keep their dots.

3. **Dictated punctuation** ("komma", "punktum", "ny linje") becomes the marks
   (``anonymizer.dictation``), and **spaced-out letters** ("s t i a n @ g m a i l . c o m", "K a r i")
   are joined, and digits spaced out beside them ("S t o r g a t a  1 2, 0 1 5 5  O s l o").

Offsets found in the normalised text are mapped back with ``Normalized.span``: each normalised
character knows the original characters it came from, and a span covers everything from the first to
the last of them, the dropped invisible characters in between included. So the redactor replaces
exactly the original characters, hidden ones and all.

Most messages need none of this: an ASCII or NFKC-stable text without special characters or number
words is returned as it is (``Normalized.identity``), at the cost of two C-level checks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from anonymizer.dictation import DICTATED_HINT, dictated_punctuation, ignorecase_folded, may_dictate
from anonymizer.disguised_names import lead_in_word, spaced_numbers
from anonymizer.disguises import disguises
from anonymizer.homoglyphs import homoglyphs
from anonymizer.links import link_edits
from anonymizer.markup import markup
from anonymizer.spoken_digits import has_number_word_pair, spelled_digits

__all__ = ["Normalized", "ignorecase_folded", "normalize"]

#: Decimal digits of other scripts (every category Nd range outside ASCII; Unicode 15).
_OTHER_DIGITS = (
    "\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f"
    "\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29"
    "\u1040-\u1049\u1090-\u1099\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19d9\u1a80-\u1a89\u1a90-\u1a99"
    "\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\ua620-\ua629\ua8d0-\ua8d9\ua900-\ua909\ua9d0-\ua9d9"
    "\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9\uff10-\uff19\U000104a0-\U000104a9\U00010d30-\U00010d39"
    "\U00011066-\U0001106f\U000110f0-\U000110f9\U00011136-\U0001113f\U000111d0-\U000111d9\U000112f0-\U000112f9"
    "\U00011450-\U00011459\U000114d0-\U000114d9\U00011650-\U00011659\U000116c0-\U000116c9\U00011730-\U00011739"
    "\U000118e0-\U000118e9\U00011950-\U00011959\U00011c50-\U00011c59\U00011d50-\U00011d59\U00011da0-\U00011da9"
    "\U00016a60-\U00016a69\U00016ac0-\U00016ac9\U00016b50-\U00016b59\U0001d7ce-\U0001d7ff\U0001e140-\U0001e149"
    "\U0001e2f0-\U0001e2f9\U0001e950-\U0001e959\U0001fbf0-\U0001fbf9"
)

#: Characters that make a text take the slow path even when it is NFKC-stable: control and format
#: characters, unusual spaces, line separators, dashes, variation selectors and blank-looking letters.
_SPECIAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u180e\u2000-\u200f"
    "\u2010-\u2015\u2028-\u202f\u205f-\u206f\u2212\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef\u20dd-\u20e4\u2460-\u24ff\u2776-\u2793\u3002\uff61"
    "\U0001f100-\U0001f10c" + _OTHER_DIGITS + "]"
    # decimal digits of other scripts (category Nd outside ASCII), generated from unicodedata
)

#: A digit followed by a character past Latin Extended-B, where every combining mark of every script
#: lies: NFKC has no composed form for a marked digit, so such text counts as normalised.
_DIGIT_THEN_RARE = re.compile(r"\d[^\x00-\u024f]")


def _has_marked_digit(text: str) -> bool:
    """A digit carrying a mark of any script (U+0301, a Hebrew point, a Devanagari vowel sign...)."""
    return any(unicodedata.category(m.group()[1])[0] == "M" for m in _DIGIT_THEN_RARE.finditer(text))


#: ``_SPECIAL``'s ASCII characters, for an ASCII text (most chat): a small set the regex tests much
#: faster than the ranges above, and on ASCII text the same answer (built from ``_SPECIAL`` itself).
_ASCII_SPECIAL = re.compile("[" + re.escape("".join(c for c in map(chr, range(128)) if _SPECIAL.match(c))) + "]")


#: Dropped: they have no glyph of their own, so a person cannot have meant them to separate anything.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")
_KEEP_CONTROLS = frozenset("\t\n\r")
_NEWLINES = frozenset("\x0b\x0c\x85\u2028\u2029")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
#: Dashes that set a clause off and never join a compound: "Ms Ahmed\u2014Salma Ahmed\u2014get" is three
#: pieces, not the double-barrelled "Ahmed-Salma". They read as a dash between spaces (which ends a name).
_BREAK_DASHES = frozenset("\u2014\u2015")
_IDEOGRAPHIC_STOPS = frozenset("\u3002\uff61")


@dataclass(frozen=True, slots=True)
class Normalized:
    """The text the recognizers read, and where each of its characters came from in the original.

    ``starts[i]``/``ends[i]``: the original characters that normalised character ``i`` stands for.
    Both are None when the text needed no change (the common case).
    """

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @classmethod
    def identity(cls, text: str) -> Normalized:
        return cls(text)

    @property
    def changed(self) -> bool:
        return self.starts is not None

    def then(self, step: Normalized | None) -> Normalized:
        """This view followed by ``step`` (a normalisation of ``self.text``): each character of the
        result maps through ``step`` to this view's characters, and through them to the original."""
        if step is None or step.starts is None or step.ends is None:
            return self
        if self.starts is None or self.ends is None:
            return step
        return Normalized(
            step.text,
            tuple(self.starts[s] for s in step.starts),
            tuple(self.ends[e - 1] for e in step.ends),
        )

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised ``text[start:end]`` (``end > start``)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def normalize(text: str) -> Normalized:
    """``text`` as the recognizers should read it (see the module docstring)."""
    view = Normalized.identity(text)
    if not text:
        return view
    encoded = markup(text)  # HTML, percent-escapes, emphasis: decoded before anything reads the characters
    if encoded:
        view = _apply_edits(text, encoded)
    linked = link_edits(view.text)  # underscores and query strings in file names and links
    if linked:
        view = view.then(_apply_edits(view.text, linked))
    special = _ASCII_SPECIAL if view.text.isascii() else _SPECIAL
    if (
        special.search(view.text) is not None
        or not unicodedata.is_normalized("NFKC", view.text)
        or (not view.text.isascii() and _has_marked_digit(view.text))
    ):
        view = view.then(_fold_characters(view.text))
    mixed = homoglyphs(view.text)  # before the disguises, which read the Latin letters ("4О12" -> "4O12")
    if mixed:
        view = view.then(_apply_edits(view.text, mixed))
    edits = disguises(view.text)
    if edits:
        view = view.then(_apply_edits(view.text, edits))
    if has_number_word_pair(view.text):
        spelled = spelled_digits(view.text)
        view = view.then(_apply_edits(view.text, spelled) if spelled else None)
    if may_dictate(view.text) and DICTATED_HINT.search(view.text) is not None:
        marks = dictated_punctuation(view.text)
        if marks:
            view = view.then(_apply_edits(view.text, marks))
    if _SPACED_OUT.search(view.text) is not None:
        view = view.then(_join_spaced(view.text))
    return view


def _is_variation_selector(ch: str) -> bool:
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def _fold_characters(text: str) -> Normalized:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        j = i + 1
        category = unicodedata.category(ch)
        if category in ("Cf", "Me") or ch in _INVISIBLE or _is_variation_selector(ch):
            i = j
            continue
        if category[0] == "M" and out and out[-1].isdigit():
            i = j  # a mark on a digit ("1\u0301 5\u0301"): no digit carries one, it only hides the number
            continue
        if category == "Cc" and ch not in _KEEP_CONTROLS:
            if ch in _NEWLINES:
                out.append("\n")
                starts.append(i)
                ends.append(j)
            i = j
            continue
        if ch in _NEWLINES or category in ("Zl", "Zp"):
            replacement = "\n"
        elif category == "Zs":
            replacement = " "
        elif ch in _BREAK_DASHES:
            before = "" if i == 0 or text[i - 1].isspace() else " "
            replacement = before + ("-" if j == n or text[j].isspace() else "- ")
        elif ch in _DASHES:
            replacement = "-"
        elif category == "Nd" and not "0" <= ch <= "9":
            replacement = str(unicodedata.decimal(ch))
        elif category == "No" and unicodedata.digit(ch, None) is not None:
            replacement = str(unicodedata.digit(ch))  # "➒", "⓵", "❶": NFKC leaves dingbat digits as they are
        elif ch in _IDEOGRAPHIC_STOPS:
            replacement = "."  # "85。165。33。201": NFKC keeps the ideographic full stop
        else:
            # A base character with its combining marks normalises as one cluster ("e" + U+0301 -> "é"); a
            # digit's marks are dropped one by one by the rule above.
            while j < n and unicodedata.combining(text[j]) and not ch.isdigit():
                j += 1
            replacement = unicodedata.normalize("NFKC", text[i:j])
            if replacement != text[i:j] and _SPECIAL.search(replacement) is not None:
                replacement = replacement.translate(_SPACE_TABLE)
        for piece in replacement:
            out.append(piece)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalized("".join(out), tuple(starts), tuple(ends))


#: NFKC turns some compatibility characters into spaces or dashes of other kinds; flatten those too.
_SPACE_TABLE = {ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"} | {
    ord(c): "-" for c in _DASHES
}


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> Normalized:
    """``text`` with each (start, end, replacement) applied; a replacement maps to the span it replaced."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for start, end, replacement in sorted(edits):
        for k in range(done, start):
            out.append(text[k])
            starts.append(k)
            ends.append(k + 1)
        for piece in replacement:
            out.append(piece)
            starts.append(start)
            ends.append(end)
        done = end
    for k in range(done, len(text)):
        out.append(text[k])
        starts.append(k)
        ends.append(k + 1)
    return Normalized("".join(out), tuple(starts), tuple(ends))


# --- spaced-out characters ---------------------------------------------------------------------------

#: Four or more single characters with one space between each: "s t i a n @ g m a i l . c o m",
#: "K a r i", "n o 1 6 9 3 ...". Written so on purpose (to hide from filters) or by a voice keyboard
#: spelling a word out; either way the word is the characters together. Digits alone stay spaced.
#: What a spaced-out run may be, joined: a word or an e-mail address (no digits but in the middle), or
#: an IBAN's country code and digits ("no169365687...").
_JOINABLE = re.compile(r"[^\W\d_][\w@.]*[^\W\d_]|[^\W\d_]{2}\d{2}[\dA-Za-z]+")
_SPACED_OUT = re.compile(r"(?<!\S)[^\W_@.](?: [^\W_]| [@.]){3,}(?![^\s.,!?;:)])")


#: Four letters or more spaced out, then digits spaced out: "S t o r g a t a 1 2".
_NUMBER_AFTER_WORD = re.compile(r"(?P<word>[^\W\d_](?: [^\W\d_]){3,})(?: \d)+")

#: Two or three letters spaced out ("O l a"): a word only beside a longer spaced-out one.
_SPACED_SHORT = re.compile(r"(?<!\S)[^\W\d_](?: [^\W\d_]){1,2}(?!\S)")


def _short_beside(text: str, runs: list[re.Match[str]]) -> list[re.Match[str]]:
    """Short spaced-out words two or three spaces from a longer one: "O l a  N o r d m a n n" is a name
    whose given name alone has too few letters to be read as spaced out (outside audit 63)."""
    if not runs:
        return []
    return [
        short
        for short in _SPACED_SHORT.finditer(text)
        if not any(run.start() <= short.start() < run.end() for run in runs)
        and any(run.start() - short.end() in (2, 3) or short.start() - run.end() in (2, 3) for run in runs)
    ]


def _join_spaced(text: str) -> Normalized | None:
    edits: list[tuple[int, int, str]] = []
    words: list[tuple[int, int]] = []
    previous_end = -1
    runs = list(_SPACED_OUT.finditer(text))
    for m in sorted([*runs, *_short_beside(text, runs)], key=lambda match: match.start()):
        joined = m.group().replace(" ", "")
        end = m.end()
        if _JOINABLE.fullmatch(joined) is None:
            number = _NUMBER_AFTER_WORD.fullmatch(m.group())
            if number is None:
                continue  # spaced digits are the number recognizers' business (DigitChain); "e 9 8 2" is two things
            # "S t o r g a t a 1 2": a street and its number, each spaced out
            end = m.start() + number.end("word")
            edits.extend((k, k + 1, "") for k in range(end + 2, m.end(), 2))
            joined = joined[: (number.end("word") + 1) // 2]
        start = m.start() + 2 if lead_in_word(joined) else m.start()  # "mitt e s i r i": "e" is a word
        if text[previous_end:start] in ("  ", "   "):
            edits.append((previous_end, start - 1, ""))  # "K a r i  H a n s e n": one space between words
        edits.extend((k, k + 1, "") for k in range(start + 1, end, 2))
        previous_end = end
        words.append((start, end))
    if words and " " in text:
        edits += spaced_numbers(text, words)
    return _apply_edits(text, edits) if edits else None
