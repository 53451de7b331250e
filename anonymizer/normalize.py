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
2. **Spoken digits** (``_spell_digits``): a run of number words ("null fire én to", "nine one two",
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

import functools
import re
import unicodedata
from dataclasses import dataclass

from anonymizer.dictation import DICTATED_HINT, DOT_WORDS, dictated_punctuation, ignorecase_folded, may_dictate
from anonymizer.disguised_names import lead_in_word, spaced_numbers
from anonymizer.disguises import disguises
from anonymizer.homoglyphs import homoglyphs
from anonymizer.markup import markup
from anonymizer.types import Edit

__all__ = [
    "NUMBER_WORD_PATTERN", "Normalized", "has_number_word", "ignorecase_folded", "is_digit_word", "normalize",
    "spoken_number",
]  # fmt: skip

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
    if _has_number_word_pair(view.text):
        view = view.then(_spell_digits(view.text))
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

# --- spoken digits -----------------------------------------------------------------------------------

#: Words for one digit, Norwegian (bokmål, nynorsk and the dialects people type as they speak: "fæm",
#: "fira", "tri", "sjau"), English, Swedish and Danish. A dialect word missing here splits a dictated
#: number in two ("to 0 fæm 0 4 åtta ..."), and neither half is long enough to be read as one.
_UNITS: dict[str, int] = {
    "null": 0, "zero": 0, "oh": 0, "noll": 0, "nul": 0, "nøll": 0,
    "en": 1, "én": 1, "ein": 1, "eitt": 1, "ett": 1, "one": 1, "et": 1,
    "to": 2, "two": 2, "två": 2, "tva": 2, "tvo": 2, "tvei": 2,
    "tre": 3, "three": 3, "tri": 3, "trei": 3,
    "fire": 4, "four": 4, "fyra": 4, "fira": 4, "fýre": 4,
    "fem": 5, "five": 5, "fæm": 5,
    "seks": 6, "six": 6, "sex": 6,
    "sju": 7, "syv": 7, "seven": 7, "sjau": 7,
    "åtte": 8, "atte": 8, "eight": 8, "åtta": 8, "otte": 8,
    "ni": 9, "nine": 9, "nio": 9,
}  # fmt: skip

#: Ten to nineteen.
_TEENS: dict[str, int] = {
    "ti": 10, "ten": 10, "tio": 10,
    "elleve": 11, "elleva": 11, "eleven": 11, "elva": 11,
    "tolv": 12, "twelve": 12,
    "tretten": 13, "thirteen": 13, "tretton": 13,
    "fjorten": 14, "fourteen": 14, "fjorton": 14,
    "femten": 15, "fifteen": 15, "femton": 15,
    "seksten": 16, "sixteen": 16, "sexton": 16,
    "sytten": 17, "søtten": 17, "seventeen": 17, "sjutton": 17,
    "atten": 18, "eighteen": 18, "arton": 18,
    "nitten": 19, "nineteen": 19, "nitton": 19,
}  # fmt: skip

#: Tens, which Norwegians glue to the unit ("tjuetre", "førtifem", "nittien").
_TENS: dict[str, int] = {
    "tjue": 20, "tyve": 20, "twenty": 20, "tjugo": 20, "tjuge": 20,
    "tretti": 30, "tredve": 30, "thirty": 30, "trettio": 30,
    "førti": 40, "forti": 40, "forty": 40, "fyrtio": 40,
    "femti": 50, "fifty": 50, "femtio": 50,
    "seksti": 60, "sixty": 60, "sextio": 60,
    "sytti": 70, "søtti": 70, "seventy": 70, "sjuttio": 70,
    "åtti": 80, "atti": 80, "eighty": 80, "åttio": 80,
    "nitti": 90, "ninety": 90, "nittio": 90,
}  # fmt: skip

#: "double seven", "dobbel sju": the next digit twice.
_REPEAT: dict[str, int] = {"double": 2, "dobbel": 2, "dobbelt": 2, "triple": 3, "trippel": 3}

#: Words that are digits in speech but ordinary words in writing ("en", "to", "et", "ni", "oh", "sex"):
#: they count in a run only between unmistakable number words or digits.
_AMBIGUOUS = frozenset(
    {"en", "et", "ett", "to", "ni", "oh", "sex", "ti", "ten", "one", "fire", "tre", "ein", "fira", "sjau", "tri"}
)

_WORD_ALTERNATIVES = "|".join(sorted({*_UNITS, *_TEENS, *_TENS, *_REPEAT}, key=len, reverse=True))
_TENS_ALTERNATIVES = "|".join(sorted(_TENS, key=len, reverse=True))
_UNIT_ALTERNATIVES = "|".join(sorted(_UNITS, key=len, reverse=True))

#: A Norwegian number from a hundred to 999 in one word: "hundreogsekstifire", "tohundreogfemti",
#: "hundre", "etthundreogtolv" (the octets of a dictated IP address).
_TEEN_ALTERNATIVES = "|".join(sorted(_TEENS, key=len, reverse=True))
_HUNDRED = (
    rf"(?:(?P<hundreds>{_UNIT_ALTERNATIVES})?hundre(?:og)?"
    rf"(?:(?P<htens>{_TENS_ALTERNATIVES})(?P<hunit>{_UNIT_ALTERNATIVES})?|(?P<hteen>{_TEEN_ALTERNATIVES})"
    rf"|(?P<hsingle>{_UNIT_ALTERNATIVES}))?)"
)
_HUNDRED_RE = re.compile(rf"(?i){_HUNDRED}")
_HUNDRED_TOKEN = re.sub(r"\(\?P<\w+>", "(?:", _HUNDRED)

#: One number token: a hundreds word, a tens word with an optional glued unit ("førtifem",
#: "twenty-one"), another number word, or a group of digits.
_TOKEN = rf"(?:(?:{_TENS_ALTERNATIVES})(?:-?(?:{_UNIT_ALTERNATIVES}))?|{_WORD_ALTERNATIVES}|\d{{1,4}})"
#: The same with hundreds words, used only for a text that holds "hundre" (the alternative costs every
#: other text a third more time in the run regex).
_TOKEN_H = rf"(?:{_HUNDRED_TOKEN}|{_TOKEN[3:-1]})"
#: Separators people dictate inside a number ("fire syv tre null punktum fem syv ...").
_SPOKEN_SEPARATORS = rf"{DOT_WORDS}|komma|strek|bindestrek|skråstrek|dash|comma"
_SEPARATOR_WORDS = frozenset(_SPOKEN_SEPARATORS.split("|"))
#: The separators of a dictated IPv4 address: "ti punktum null punktum null punktum førtito".
_SPOKEN_DOT = re.compile(rf"(?i)[ \t]+(?:{DOT_WORDS})[ \t]+")
_SEP = rf"(?:[ \t]*[,\-/|][ \t]*|[ \t]+(?:(?:{_SPOKEN_SEPARATORS}|\.)[ \t]+)?|[ \t]*\n[ \t]*)"
#: A separator that needs rewriting so that the number recognizers read it as one: a spoken one or a
#: pipe ("4 8 6 sju | 9 9 3 fæm | ...", a card typed in groups) becomes a space, a comma two spaces (a
#: list separator: "..., fire en to ..." may start another number).
_REWRITE_SEPARATOR = re.compile(rf"(?i)[ \t]*,[ \t]*|[ \t]*\|[ \t]*|[ \t]+(?:{_SPOKEN_SEPARATORS})[ \t]+")
_RUN = re.compile(rf"(?i)(?<![^\W_])(?:{_TOKEN}){_SEP}(?:{_TOKEN})(?:{_SEP}(?:{_TOKEN}))*(?![^\W_])")
_TOKEN_RE = re.compile(rf"(?i)(?<![^\W_]){_TOKEN}(?![^\W_])")
_RUN_H = re.compile(rf"(?i)(?<![^\W_])(?:{_TOKEN_H}){_SEP}(?:{_TOKEN_H})(?:{_SEP}(?:{_TOKEN_H}))*(?![^\W_])")
_TOKEN_RE_H = re.compile(rf"(?i)(?<![^\W_]){_TOKEN_H}(?![^\W_])")
_GLUED = re.compile(rf"(?i)({_TENS_ALTERNATIVES})-?({_UNIT_ALTERNATIVES})?")

#: One spoken number below a hundred: "fjorten", "tjueen", "åtti sju", "twenty-one", "sju".
_SPOKEN_NUMBER = re.compile(
    rf"(?i)(?:(?P<tens>{_TENS_ALTERNATIVES})(?:-?(?P<unit>{_UNIT_ALTERNATIVES})|[ ](?P<unit2>{_UNIT_ALTERNATIVES}))?"
    rf"|(?P<teen>{'|'.join(sorted(_TEENS, key=len, reverse=True))})|(?P<single>{_UNIT_ALTERNATIVES}))(?![^\W_])"
)
_STOP = re.compile(r"[ \t]*(?:$|[,.!?;\n])")
#: Single digit words too common to read as a number on their own ("Storgata en gang").
_NOT_ALONE = frozenset({"en", "én", "et", "ett", "ein", "eitt", "one", "oh", "null", "zero", "noll", "nul"})


#: Every word for a number below a hundred, as a regex alternation (longest first), for other modules'
#: patterns; ``spoken_number`` reads its value.
NUMBER_WORD_PATTERN = _WORD_ALTERNATIVES


def is_digit_word(word: str) -> bool:
    """ "fire", "null", "åtta": a word for one digit."""
    return word.lower() in _UNITS


def has_number_word(text: str) -> bool:
    """Any word of ``text`` is a number word ("fjorten", "tjueto"): a set lookup per word."""
    return not _NUMBER_WORDS.isdisjoint(_letter_words(text))


def spoken_number(text: str, pos: int, *, one_before_stop: bool = False) -> tuple[int, int] | None:
    """(end, value) of a number from one to ninety-nine spoken at ``pos``, or None.

    The address recognizer asks after a street word: "Løkkegata fjorten", "Storgata åtti sju" are
    house numbers too short for a run of spoken digits (see ``MIN_WORDS``). A word for one alone
    ("Storgata en gang") is no number, unless ``one_before_stop`` and a comma, a stop or the end
    follows it: "Bakkevegen ein, kan de endre adressa?"."""
    m = _SPOKEN_NUMBER.match(text, pos)
    if m is None:
        return None
    if m.group("tens"):
        unit = m.group("unit") or m.group("unit2")
        value = _TENS[m.group("tens").lower()] + (_UNITS[unit.lower()] if unit else 0)
        if m.group("unit2") and value % 10 == 0:
            return None
        return m.end(), value
    if m.group("teen"):
        return m.end(), _TEENS[m.group("teen").lower()]
    low = m.group("single").lower()
    if low in _NOT_ALONE and not (one_before_stop and _UNITS[low] == 1 and _STOP.match(text, m.end())):
        return None
    return m.end(), _UNITS[low]


#: A run of number words is taken as a spoken number when it has this many words, or this many digits.
MIN_WORDS = 4
MIN_DIGITS = 6


#: Every number word, glued tens included ("tjuetre", "twenty-one"), for the quick check below.
_NUMBER_WORDS: frozenset[str] = frozenset(
    {*_UNITS, *_TEENS, *_TENS, *_REPEAT}
    | {t + u for t in _TENS for u in _UNITS}
    | {t + "-" + u for t in _TENS for u in _UNITS}
)
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@functools.lru_cache(maxsize=8)
def _letter_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case. Cached (a few texts): the normaliser and the spoken-address
    recognizer both ask about each message, and finding them costs more than the set tests after."""
    return tuple(_LETTERS.findall(text.lower()))


def _has_number_word_pair(text: str) -> bool:
    """Two number words next to each other (separated by anything but a word): worth a closer look.

    A set lookup per word; the run regex, which is far slower, only runs on texts that pass.
    """
    words = _letter_words(text)
    # "fire-en-to": dictated digits joined by hyphens (split only when the text has a hyphen)
    parts = [part for word in words for part in word.split("-")] if "-" in text else words
    hundreds = "undre" in text or "UNDRE" in text
    if _NUMBER_WORDS.isdisjoint(parts) and not hundreds:
        return False  # no number word at all (most messages): one set test instead of the loop
    previous = False
    for part in parts:
        if part in _NUMBER_WORDS or (hundreds and _HUNDRED_RE.fullmatch(part) is not None):
            if previous:
                return True
            previous = True
        elif previous and part not in _SEPARATOR_WORDS:  # "ti punktum null ...": a spoken separator keeps it
            previous = False
    return False


def _token_digits(token: str) -> tuple[str, bool] | None:
    """The digits a token stands for, and whether it is a number *word* (not digits already)."""
    if token.isdigit():
        return token, False
    low = token.lower()
    if low in _UNITS:
        return str(_UNITS[low]), True
    if low in _TEENS:
        return str(_TEENS[low]), True
    hundred = _HUNDRED_RE.fullmatch(low) if "hundre" in low else None
    if hundred is not None:
        value = 100 * (_UNITS[hundred["hundreds"]] if hundred["hundreds"] else 1)
        if hundred["htens"]:
            value += _TENS[hundred["htens"]] + (_UNITS[hundred["hunit"]] if hundred["hunit"] else 0)
        elif hundred["hteen"]:
            value += _TEENS[hundred["hteen"]]
        elif hundred["hsingle"]:
            value += _UNITS[hundred["hsingle"]]
        return str(value), True
    glued = _GLUED.fullmatch(low)
    if glued is not None:
        tens = _TENS[glued.group(1)]
        unit = _UNITS[glued.group(2)] if glued.group(2) else 0
        return str(tens + unit), True
    return None


def _spell_digits(text: str) -> Normalized | None:
    """Runs of spoken digits replaced by digits (see the module docstring), or None if there are none."""
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) of each token in a run
    run_re, token_re = (_RUN_H, _TOKEN_RE_H) if "undre" in text or "UNDRE" in text else (_RUN, _TOKEN_RE)
    for run in run_re.finditer(text):
        tokens = list(token_re.finditer(text, run.start(), run.end()))
        converted: list[tuple[int, int, str]] = []
        words = 0
        unmistakable = 0
        repeat = 1
        for m in tokens:
            low = m.group().lower()
            if low in _REPEAT:
                repeat = _REPEAT[low]
                converted.append((m.start(), m.end(), ""))
                continue
            found = _token_digits(m.group())
            if found is None:
                continue
            value, is_word = found
            if is_word:
                words += 1
                unmistakable += low not in _AMBIGUOUS
            converted.append((m.start(), m.end(), " ".join([value] * repeat)))
            repeat = 1
        digit_count = sum(len(v.replace(" ", "")) for _, _, v in converted)
        if words == 0 or (unmistakable == 0 and not _digits_among(len(converted), words)):
            continue
        if not (words + (len(converted) - words) >= MIN_WORDS or digit_count >= MIN_DIGITS):
            continue
        if words < 2 and digit_count < MIN_DIGITS:
            continue
        address = _spoken_ip(text, run, converted)
        if address is not None:
            edits.extend(address)
            continue
        edits.extend((s, e, v) for s, e, v in converted if not text[s:e].isdigit())
        for sep in _REWRITE_SEPARATOR.finditer(text, run.start(), run.end()):
            edits.append((sep.start(), sep.end(), "  " if "," in sep.group() else " "))
    if not edits:
        return None
    return _apply_edits(text, edits)


#: Tokens a run of ambiguous number words and digits needs to be a number ("0 en en 0 | en 0 ..."), and
#: a run of ambiguous words alone (as many as the shortest personal number has digits).
MIN_MIXED_TOKENS = 8
MIN_AMBIGUOUS_WORDS = 11


def _digits_among(tokens: int, words: int) -> bool:
    """A run whose number words are all ambiguous ("en", "to", "fira") is still a number when digits
    stand among them and it is long, or when it is as long as a personal number: "en to tre" is prose,
    "tri en 0 0 | 0 0 0 0 | 0 0 3" and "fire en en en, en en en en, ..." (a card) are not."""
    return (tokens >= MIN_MIXED_TOKENS and tokens - words >= 2) or tokens >= MIN_AMBIGUOUS_WORDS


def _spoken_ip(text: str, run: re.Match[str], converted: list[Edit]) -> list[Edit] | None:
    """The edits that make a dictated IPv4 address its dotted form, or None if the run is none.

    Digits read one by one with "punktum" between the groups would become "1 9 2 1 6 8 ...", which no
    recognizer takes for an address. A run of exactly four groups split by a spoken dot, each a number
    from 0 to 255 ("en ni to", "ti", "førtito"), is written "192.168.0.42" instead; each group maps
    back to the words it was read from."""
    dots = list(_SPOKEN_DOT.finditer(text, run.start(), run.end()))
    if len(dots) != 3:
        return None
    bounds = [run.start(), *(p for d in dots for p in (d.start(), d.end())), run.end()]
    edits: list[tuple[int, int, str]] = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        group = "".join(v.replace(" ", "") for s, e, v in converted if start <= s and e <= end)
        if not group or len(group) > 3 or int(group) > 255 or (len(group) > 1 and group[0] == "0"):
            return None
        edits.append((start, end, group))
    return edits + [(d.start(), d.end(), ".") for d in dots]


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

