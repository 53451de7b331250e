"""PERSON, continued: a name written in a script other than Latin, beside a name found or after a name label.

Why: newcomers give their name twice, in Latin letters and in their own script, so that the bank can
match a passport or a payee abroad: "Nour Alhamwi / نور الحموي", "Olena Kravchuk (Олена Кравчук)",
"kunden Tharmini (tamil: தர்மினி)", "Mottaker: Никита Орлов". The tokenizer reads Latin letters only
and no list holds these spellings, so where the words stand is what tells: right after or before a name
found, set off by a slash or brackets (a language's name with a colon may open the brackets), or as the
value of a name field ("Navn:", "Receiver:"). A run of such words anywhere else is left alone: it may be
any word ("Спасибо", "شكرا").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers.person_fields import _LABELS, _ROUTING

SCORE_SCRIPT_NAME = 0.7

#: Letters (and their combining signs) of the scripts names come in besides Latin: Greek, Cyrillic,
#: Armenian, Hebrew, Arabic, Syriac, Thaana, the Indic scripts (Devanagari to Sinhala), Thai, Lao,
#: Tibetan, Myanmar, Georgian, Ethiopic, Khmer, Mongolian, kana, CJK, Hangul, Arabic presentation forms;
#: with the zero-width joiners Persian and the Indic scripts write inside words.
_LETTER = (
    "\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u074f\u0750-\u077f"
    "\u0780-\u07bf\u08a0-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u10a0-\u10ff"
    "\u1200-\u139f\u1780-\u17ff\u1800-\u18af\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    "\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d"
)
#: One to four such words, separated by single spaces (a hyphen or apostrophe may join parts of one).
_RUN = re.compile(rf"[{_LETTER}]+(?:['’\-][{_LETTER}]+)*(?:[ \u00a0][{_LETTER}]+(?:['’\-][{_LETTER}]+)*){{0,3}}")
#: Between a name found and its other spelling after it: a slash, a bar, an equals sign or an opening
#: bracket, with a language named before a colon if the writer says which ("(tamil: ", "/ på arabisk: ").
_AFTER_NAME = re.compile(r"[ \t]*(?:[/|=]|[(\[])[ \t]*(?:[^\W\d_]+(?:[ \t][^\W\d_]+){0,2}[ \t]*:[ \t]*)?")
#: Between the other spelling and a name found after it: "نور الحموي / Nour", "Олена (Olena".
_BEFORE_NAME = re.compile(r"[ \t]*(?:[/|=]|[(\[])[ \t]*")
#: A name field's label before the value: "Navn: ", "Receiver: ", opening its line or after punctuation.
_LABEL = re.compile(r"(?:^|[\n.;,!?])[ \t]*([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]*:[ \t]*$")
_LABEL_REACH = 40


def script_names(text: str, found: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run in another script that spells a name found beside it or fills a name field."""
    if text.isascii():
        return
    ends = {end for _, end in found}
    starts = {start for start, _ in found}
    for m in _RUN.finditer(text):
        start, end = m.start(), m.end()
        if any(s <= start < e for s, e in found):
            continue
        if _after_found(text, start, ends) or _before_found(text, end, starts) or _after_label(text, start):
            yield start, end


def _after_found(text: str, start: int, ends: set[int]) -> bool:
    for end in ends:
        if end <= start and start - end <= _LABEL_REACH:
            gap = _AFTER_NAME.fullmatch(text, end, start)
            if gap is not None:
                return True
    return False


def _before_found(text: str, end: int, starts: set[int]) -> bool:
    return any(end < s <= end + 4 and _BEFORE_NAME.fullmatch(text, end, s) for s in starts)


def _after_label(text: str, start: int) -> bool:
    m = _LABEL.search(text, max(0, start - _LABEL_REACH), start)
    if m is None:
        return False
    words = tuple(m.group(1).lower().split())
    return words in _LABELS and words not in _ROUTING
