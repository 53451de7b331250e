"""Names that the layout of a message gives away: a contact line, a label after a relative, a signature.

Chat pastes contact lists ("Rune: 905 70 288", one person a line) and ends with signatures ("- Per",
"\\nKari"); a word that is a name and the first thing on such a line is that person, even when it is
also an everyday word ("Rune", "Dag"), because nothing else stands where a name stands there.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._gazetteer import AMBIGUOUS, FUNCTION, GIVEN, NAME, NOT_NAME, SOFT
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens, unknown_name_word
from anonymizer.recognizers.person_words import _MY, _SIGNATURE_LEAD, _SIGNATURE_MARK, Relations, _word

#: A colon, then a phone number: eight digits in groups, or "+" and a country code ("905 70 288", "+46 70 ...").
_PHONE_AFTER_COLON = re.compile(r":[ \t]*(?:\d[ \-]?){7}\d(?![\d.,/])|:[ \t]*\+\d[\d \-]{8,16}\d(?![\d.,/])")


def contact_line(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Rune: 905 70 288\\nElin: 911 23 704": a given name that opens its line, then a colon and a phone
    number. Labels ("Tlf:", "Mobil:") are no given names; a date or an amount has no eight-digit groups.
    A name that is also a word ("Rune", "Andre": "second") needs another line of the list with a sure
    name, or "Første: 5348 9636\\nAndre: 6741 6316" (a number in two halves) would be a contact list."""
    if not _contact_line(toks, j):
        return False
    if not toks.flags[j] & AMBIGUOUS:
        return True
    return any(
        k != j and toks.flags[k] & GIVEN and not toks.flags[k] & AMBIGUOUS and _contact_line(toks, k)
        for k in range(len(toks.low))
    )


def _contact_line(toks: Tokens, j: int) -> bool:
    if j > 0 and "\n" not in toks.gap(j - 1):
        return False
    flags = toks.flags[j]
    if toks.shape[j] not in (CAP, UPPER) or not flags & GIVEN or flags & (NOT_NAME | FUNCTION | SOFT):
        return False
    return _PHONE_AFTER_COLON.match(toks.text, toks.end[j]) is not None


def kin_label(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "min søster Ebba: 1234 56 78901", "søstera mi Vår: ...": a capitalised word after a word for a
    relative (and maybe a possessive) is that person, though a colon follows it as it follows a label."""
    if toks.shape[j] != CAP:
        return False
    before = _word(toks, j - 1)
    if before in _MY:
        before = _word(toks, j - 2)  # "søstera mi Vår"
    return before in rel.kin


def signature(toks: Tokens, j: int) -> bool:
    """Word ``j`` starts the message's last line or sentence, which holds nothing but one to three
    names: "TAKK FOR HJELPEN. ASTRID", "...\\nKari", "/Ebba", "- Per"."""
    n = len(toks.low)
    if n - j > 3 or not _SIGNATURE_LEAD.search(toks.text, 0, toks.start[j]):
        return False
    if toks.text[toks.end[-1] :].strip(" .!\n)"):
        return False  # something other than punctuation follows
    if j == 0:
        return False  # the whole message is a word or two: a greeting or an answer, not a signature
    # Signed with a dash, a slash or on a line of its own; "Giitu!", "Spärra!!" after a full stop are words
    signed = _SIGNATURE_MARK.search(toks.text, 0, toks.start[j]) is not None
    for k in range(j, n):
        if k > j and toks.gap(k - 1) != " ":
            return False
        flags = toks.flags[k]
        if flags & NOT_NAME or not (flags & NAME or (unknown_name_word(toks, k) and signed)):
            return False  # a listed name, or after a dash a capitalised word in no list ("- Chinedu")
        if flags & (AMBIGUOUS | SOFT) and toks.shape[k] == LOWER:
            return False
    return True
