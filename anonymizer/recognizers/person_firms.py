"""PERSON, the other way round: a name inside a firm's name ("Hansen Rør AS", "Bakeri Ingrid Olsen",
"Frisørsalong Linda Berg AS", "Taxi Storm", "Helges Dyrehospital") is the firm's, not a person's.

Why: small businesses are named after their owners, their farms and their towns, and a company's name
is no one's personal data. What makes a capitalised run a firm's name is a word that only a firm's name
holds, beside the run: a legal form right after it ("AS", "GmbH", "Sp. z o.o."), a trade right before
it ("Bakeri", "Taxi", "Advokatfirmaet") or at its end ("Fisk", "Landhandel", "Båtservice"), words
listed in ``anonymizer/data/firm_words.txt``. The run is the capitalised words joined by single spaces
(and "og"/"&"), so a person named beside the firm keeps their name: in "daglig leder Kari Hansen i
Hansen Rør AS" the lower-case "i" ends the firm's run before "Kari Hansen".

In strict mode weak evidence keeps the name: a personal cue right before the run ("Hilsen", "jeg
heter", "Hei") makes it a person; a trade that is also what a person is ("Frisør Elin" may be the
hairdresser Elin) counts before a name only capitalised inside a sentence; a given name and surnames
right before a trade stay that person ("Kari Hansen Frisør"); and in a message written in capitals a
legal form says nothing ("KARI HANSEN AS I SAID").
"""

from __future__ import annotations

import functools
import re

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    SOFT,
    SURNAME,
    WELL_KNOWN,
    word_flags,
)
from anonymizer.recognizers._gazetteer import _lines as data_lines
from anonymizer.recognizers._tokens import LOWER, Tokens
from anonymizer.recognizers.person_not_names import _personal_cue_before
from anonymizer.recognizers.person_words import shouting

#: Words that join two parts of one firm's name: "Nilsen Fisk og Skalldyr AS", "Vik Bud og Flytt".
_JOINERS = frozenset({"og", "&", "and", "und", "och"})
#: Gaps inside a firm's name: one space, a hyphen, an ampersand.
_INNER_GAPS = frozenset({" ", "-", " & ", "&"})
#: How many words a firm's name runs over at most, on either side of the span.
_REACH = 4
#: Legal forms that are also words or abbreviations a shouting message writes ("AS I SAID", "DA").
_SHOUTED_FORMS = frozenset({"AS", "SA", "DA", "BA", "AB", "KS", "HB", "KB"})


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    """The listed words by kind: ``form`` (as written), ``trade``, ``craft``, ``ending`` (lower case)."""
    table: dict[str, set[str]] = {}
    for line in data_lines("firm_words.txt"):
        kind, entry = line.split(maxsplit=1)
        table.setdefault(kind, set()).add(entry)
    return {kind: frozenset(entries) for kind, entries in table.items()}


@functools.cache
def _legal_form() -> re.Pattern[str]:
    """A legal form one space after a word ("Hansen Rør AS"); in brackets it says what the business is
    ("Svanhild Tveito (ENK, sauedrift)"), not what it is called."""
    forms = sorted(_words()["form"] | _words()["sole"], key=len, reverse=True)
    return re.compile(r" (" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


@functools.cache
def _endings() -> tuple[str, ...]:
    return tuple(_words()["ending"])


def _trade(toks: Tokens, k: int, *, craft: bool = True) -> bool:
    """Word ``k`` is a capitalised trade ("Fisk", "Landhandel", "Dyrehospital"); ``craft``: a trade that
    is also a person's ("Frisør") counts too."""
    if toks.shape[k] == LOWER or toks.flags[k] & GIVEN:
        return False  # "Sienna og Marina": a given name is a person's before it is a harbour
    low = toks.low[k]
    words = _words()
    if low in words["trade"] or (craft and low in words["craft"]):
        return True
    return len(low) > 6 and low.endswith(_endings())


def _joined(toks: Tokens, k: int) -> int:
    """The word after word ``k`` in the same firm's name, or -1: one space or a hyphen between two
    capitalised words, or a joiner between them ("Fisk og Skalldyr")."""
    n = len(toks.low)
    if k + 1 >= n or toks.gap(k) not in _INNER_GAPS:
        return -1
    if toks.shape[k + 1] != LOWER:
        return k + 1
    if toks.low[k + 1] in _JOINERS and k + 2 < n and toks.gap(k + 1) == " " and toks.shape[k + 2] != LOWER:
        return k + 2
    return -1


def _run_start(toks: Tokens, first: int) -> int:
    """The first word of the capitalised run that ends with word ``first``. A personal cue ("Hilsen
    Kari Moe AS" starts at "Kari") and an everyday word, capitalised where a sentence starts ("Fra Kari
    Skog"), are no part of it; a trade is ("Bakeri Ingrid Olsen")."""
    k = first
    for _ in range(_REACH):
        if k == 0 or _personal_cue_before(toks, k):
            break
        j = k - 1
        if toks.shape[j] == LOWER and toks.low[j] in _JOINERS and j > 0:
            j -= 1  # "Fisk og Skalldyr"
        if toks.shape[j] == LOWER or _joined(toks, j) != k:
            break
        if toks.flags[j] & (COMMON | FUNCTION) and not toks.flags[j] & NAME and not _trade(toks, j):
            break
        k = j
    return k


def firm_extent(toks: Tokens, first: int, last: int) -> tuple[int, int] | None:
    """The words of the firm's name that holds words ``first..last``, or None when they are no part of
    one (or the evidence is too weak to take a possible name for a firm)."""
    start = _run_start(toks, first)
    # A personal cue right before the run ("Hilsen Kari Hansen AS", "Hei Frisør Elin") keeps a run of
    # names a person's; a run with a word in no list of names is the firm the cue introduces
    # ("heter Solskjerming Sør AS", "Beneficiary: Baltic Timber UAB").
    cued = _personal_cue_before(toks, start)
    if cued and all(toks.flags[j] & NAME for j in range(start, last + 1)):
        return None
    if last > start and _trade(toks, last) and not _person_then_trade(toks, start, last):
        return start, last  # the run took the trade in: "Lind Landskap", "Rønning Hår"
    k = last
    for _ in range(_REACH + 1):
        if _legal_form_after(toks, start, k):
            return start, k  # "Strand Fisk AS", "KARI MOE AS", "Stal-Bud Sp. z o.o."
        if k > last and _trade(toks, k) and not _person_then_trade(toks, start, k):
            return start, k  # "Olsen Taxi", "Haralds Trevare", "Fatimas Sy og Skredder"
        nxt = _joined(toks, k)
        if nxt < 0:
            break
        k = nxt
    if cued:
        return None
    # A trade before a name in the run: "Taxi Storm", "Stillas Øst", "Snekker Bakke" (inside a
    # sentence); but a full name after it is the sole trader's own ("Snekkerfirma Ørjan Ruud").
    trade = next((j for j in range(start, k) if _trade_before(toks, j)), -1)
    if trade >= 0 and not _full_name(toks, trade + 1, k):
        return start, k
    return None


def _full_name(toks: Tokens, a: int, b: int) -> bool:
    """Words ``a..b`` hold a given name followed by another name: "Ørjan Ruud", "JAN OVE STRAND"."""
    return any(
        toks.flags[j] & GIVEN and not _genitive(toks, j) and toks.flags[j + 1] & NAME for j in range(a, b)
    )


def _legal_form_after(toks: Tokens, start: int, k: int) -> bool:
    """A legal form follows word ``k`` of a run from ``start`` ("Hansen Rør AS"), unless the message is
    shouted and the form is a word in capitals too ("KARI AS A FRIEND"), or the form is a sole
    proprietorship's after a person's full name: "Rørlegger Kari Hansen ENK" is her, trading under
    her name."""
    found = _legal_form().match(toks.text, toks.end[k])
    if found is None:
        return False
    form = found.group(1)
    if form in _words()["sole"] and _full_name(toks, start, k):
        return False
    return form not in _SHOUTED_FORMS or not shouting(toks)


def _trade_before(toks: Tokens, k: int) -> bool:
    """Word ``k``, before a name in one run with it, is a trade that names a firm: any listed trade that
    is no name ("Bakeri", "Taxi", "Advokatfirmaet"), or a person's trade written capitalised
    inside a sentence ("kontoen til Frisør Elin"; at a sentence's start it may be the hairdresser)."""
    if toks.flags[k] & NAME:
        return False  # "Skog", "Hage": a surname before a name is part of it ("Kari Skog Hansen")
    if _trade(toks, k, craft=False):
        return True
    return not toks.initial[k] and _trade(toks, k)


def _person_then_trade(toks: Tokens, a: int, t: int) -> bool:
    """Words ``a..t-1`` before trade ``t`` are a person's name, not in the genitive: a given name and
    surnames ("Kari Hansen Frisør"), or a given name that is no everyday word ("Kari Skog", "Thomas
    Kraft"). "Helges Dyrehospital", "Lind Landskap" and "Rose Garden Florist" are firms."""
    flags = toks.flags[a]
    if not flags & GIVEN or _genitive(toks, a):
        return False
    if t == a + 1:
        return not flags & (AMBIGUOUS | SOFT)
    return all(toks.flags[k] & SURNAME and not _genitive(toks, k) for k in range(a + 1, t))


def _genitive(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a name's genitive ("Helges", "Haralds"): a firm's name, before a trade. A frequent
    given name that ends in "s" is that name ("Thomas", "Andreas", not Thoma's or Andrea's)."""
    if toks.trim[k]:
        return True
    low = toks.low[k]
    if len(low) < 4 or low[-1] != "s" or toks.flags[k] & WELL_KNOWN:
        return False
    return bool(word_flags().get(low[:-1], 0) & GIVEN)
