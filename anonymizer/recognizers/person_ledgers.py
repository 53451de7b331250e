"""PERSON, continued: names that head the lines of a list about people.

Why: expats and students paste small tables into chat: who owes what ("Jack - 430\\nPat - 430\\nme - 430"),
who is who in a family ("wife: Summer\\nkids: Hope, Will"), a transcript's speaker ("Summer: hi!!!").
The names in them are often everyday words, and nothing but the layout says they are people:

* **shares**: two or more lines that each open with one word, then a dash, colon or equals sign and an
  amount. If every such line opens with a given name or the writer ("me", "jeg"), the list is of people;
  one line opening with anything else ("Rent - 9000") makes it a budget, and nothing is taken;
* **kin labels**: a line that opens with a word for kin and a colon ("wife:", "kids:", "sønn:"); the
  capitalised names after it, one or a list, are those people;
* **a name line**: a line that holds only a given name in lower case, even one that is also a word, and a
  surname that is no word at all ("pat o'brien\n12 Rathmines Road"), as in an address block;
* **a speaker**: the message opens with a capitalised given name, a colon and a greeting ("Summer: hi");
* **a pasted conversation**: two lines or more open with a speaker's name and a colon, as a WhatsApp export
  or a copied SMS thread shows them ("[12/04/2024, 21:07:33] Wanjiru 💐: Hi sis", "Kjetta: vipps til
  meg"): each capitalised name that speaks is a person, unless it is a pronoun or a word for kin ("Me:",
  "Her:", "Dad:", "Mamma:"), which stays a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FOREIGN,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    SOFT,
    SURNAME,
)
from anonymizer.recognizers._tokens import LOWER, Tokens, unknown_name_word
from anonymizer.recognizers.person_context import SCORE_KNOWN, is_pronoun
from anonymizer.recognizers.person_extend import extend
from anonymizer.recognizers.person_words import _GREETINGS, relations

#: After a line's first word: a dash, colon or equals sign, then an amount ("Jack - 430", "Pat: 1 200 kr").
_SHARE = re.compile(r"[ \t]*[-–—:=][ \t]*(?:kr\.? ?|nok ?|\$|€|£)?\d")
#: Words that join the names after a kin label: "kids: Hope, Will", "barn: Ask og Liv".
_JOINERS = frozenset({",", "og", "and", "&", "+"})
_MAX_LABELLED = 6


def ledger_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of each name that heads a line of shares, follows a kin label or speaks first."""
    if ":" in toks.text and (speaker := _speaker(toks, covered)) is not None:
        yield speaker, speaker, SCORE_KNOWN
    if "\n" not in toks.text:
        return
    heads = [j for j in range(len(toks.low)) if j == 0 or "\n" in toks.gap(j - 1)]
    yield from _shares(toks, heads, covered)
    for j in heads:
        if not covered[j] and _name_line(toks, j):
            yield j, j + 1, SCORE_KNOWN
    if ":" in toks.text:
        yield from _labelled(toks, heads, covered)
        yield from _speakers(toks, heads, covered)


def _given_head(toks: Tokens, j: int) -> bool:
    """Word ``j`` may be a person heading a line: a given name (capitalised if it is also a word)."""
    flags = toks.flags[j]
    if not flags & GIVEN or flags & (NOT_NAME | SOFT | FUNCTION) or is_pronoun(toks.low[j]):
        return False
    return toks.shape[j] != LOWER or not flags & (AMBIGUOUS | COMMON)


def _shares(toks: Tokens, heads: list[int], covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    rows = [j for j in heads if _SHARE.match(toks.text, toks.end[j])]
    if len(rows) < 2:
        return
    people = [j for j in rows if _given_head(toks, j)]
    writer = [j for j in rows if toks.low[j] in relations().self_]
    if len(people) + len(writer) != len(rows) or not people:
        return  # "Rent - 9000\nPower - 800": one line is no person, the list is a budget
    for j in people:
        if not covered[j]:
            yield j, j, SCORE_KNOWN


def _labelled(toks: Tokens, heads: list[int], covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """ "wife: Summer", "kids: Hope, Will": the capitalised names that fill a kin label's line."""
    kin = relations().kin
    n = len(toks.low)
    for head in heads:
        if toks.low[head] not in kin or head + 1 >= n or toks.gap(head).strip(" \t") != ":":
            continue
        found: list[tuple[int, int]] = []
        k = head + 1
        while k < n and len(found) < _MAX_LABELLED:
            flags = toks.flags[k]
            # capitalised after the label, a listed name that is also a closed-class word is a name ("Will")
            listed = bool(flags & NAME) and not flags & (NOT_NAME | SOFT) and len(toks.low[k]) > 1
            low = toks.low[k]
            word = is_cue_word(low) or is_pronoun(low)
            if toks.shape[k] == LOWER or not (listed or unknown_name_word(toks, k)) or word:
                found = []
                break  # "kids: Two, both under 10": the line says something else
            last = extend(toks, k, strong=False)
            found.append((k, last))
            if last + 1 >= n or "\n" in toks.gap(last):
                break
            joiner = toks.gap(last).strip() or toks.low[last + 1]
            if joiner not in _JOINERS:
                found = []
                break
            k = last + 1 if toks.gap(last).strip() else last + 2
        for first, last in found:
            if not covered[first]:
                yield first, last, SCORE_KNOWN


def _name_line(toks: Tokens, j: int) -> bool:
    """ "pat o'brien\n...": a lower-case given name and a sure surname fill line ``j`` opens."""
    k = j + 1
    if k >= len(toks.low) or toks.gap(j) != " " or toks.shape[j] != LOWER or toks.shape[k] != LOWER:
        return False
    if k + 1 < len(toks.low) and "\n" not in toks.gap(k):
        return False
    given, surname = toks.flags[j], toks.flags[k]
    if not given & GIVEN or given & (NOT_NAME | SOFT | FUNCTION) or is_pronoun(toks.low[j]):
        return False
    return bool(surname & SURNAME) and not surname & (GIVEN | AMBIGUOUS | COMMON | FUNCTION | FOREIGN | NOT_NAME)


def _speaker(toks: Tokens, covered: list[bool]) -> int | None:
    """ "Summer: hi!!! sorry to bother": the message opens with a capitalised given name that speaks."""
    if len(toks.low) < 2 or covered[0] or toks.gap(0).strip(" \t") != ":" or toks.low[1] not in _GREETINGS:
        return None
    flags = toks.flags[0]
    if toks.shape[0] == LOWER or not flags & GIVEN or flags & (NOT_NAME | SOFT | FUNCTION):
        return None
    return 0


#: The pronouns and kin that speak in a pasted conversation ("Me: I paid", "Her: No you didn't", "Dad: ...").
_SPEAKING = frozenset(
    {"me", "meg", "jeg", "eg", "æ", "i", "her", "him", "he", "she", "han", "hun", "ho", "du", "you",
     "dad", "mum", "mom", "mamma", "pappa", "mor", "far", "sis", "bro"}
)  # fmt: skip
#: A label's value after the colon: a number, an amount or a date ("Dato: 14.02.2024", "Beløp: kr 300").
_VALUE_AFTER = re.compile(r"[^\n:]*:[ \t]*(?:kr\.?|nok|\$|€|£)?[ \t]*\d", re.IGNORECASE)
#: What may stand between a speaker's name and the colon: spaces and the emoji a display name carries.
_DISPLAY_MARKS = re.compile(r"[ \t\u200e\u200f\ufe0f\u2600-\u27bf\U0001f000-\U0001faff]+")


def _speakers(toks: Tokens, heads: list[int], covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """The names that speak in a pasted conversation: two lines or more that open with one or two words
    and a colon ("Kjetta: ...", "[11.04.24, 16:20] Bogdan Elektro ⚡: ...")."""
    rel = relations()
    lines: list[tuple[int, int]] = []
    for j in heads:
        for last in (j, j + 1):
            if last >= len(toks.low) - 1 or (last > j and toks.gap(j) != " "):
                break
            said = _DISPLAY_MARKS.sub("", toks.gap(last))
            if (
                said.startswith(":")
                and "\n" not in said  # "Gruppechat:\n...": a heading, not a line of the conversation
                and not said[1:2].isdigit()
                and not _VALUE_AFTER.match(toks.text, toks.end[last])
            ):
                lines.append((j, last))
                break
    if len(lines) < 2 or not any(_speaking_name(toks, first) for first, _ in lines):
        return  # "Rent: 9000\nPower: 800", "Pris: ...\nMerk: ...": labels, not people speaking
    named = [" ".join(toks.low[first : last + 1]) for first, last in lines if _speaking_name(toks, first)]
    if not (
        len(set(named)) < len(named)  # someone speaks twice
        or sum(toks.low[first] in _SPEAKING for first, _ in lines) >= 2  # "Me:" and "Dad:", "Her:" twice
        or any(first > 0 and "]" in toks.gap(first - 1) for first, _ in lines)  # "[12/04/2024, 21:07] Name:"
    ):
        return  # "Klient: ...\nMotpart: ...": a form's labels, which no conversation shows
    for first, last in lines:
        low = toks.low[first]
        if covered[first] or is_pronoun(low) or low in rel.kin or low in rel.self_ or is_cue_word(low):
            continue  # "Me:", "Dad:", "Mamma:": the writer's side or kin, no name
        if _speaking_name(toks, first):
            yield first, extend(toks, first, strong=False) if last > first else first, SCORE_KNOWN


def _speaking_name(toks: Tokens, j: int) -> bool:
    """Word ``j``, capitalised, is a given name that is no everyday word ("Stian", "Emily") or a word in no
    list that reads as a name ("Kjetta", "Wanjiru"); "Bil:", "Leige:", "Dato:" are a form's labels."""
    flags = toks.flags[j]
    if toks.shape[j] == LOWER or flags & (NOT_NAME | SOFT | FUNCTION):
        return False
    if flags & GIVEN:
        return not flags & (COMMON | AMBIGUOUS)
    return unknown_name_word(toks, j)
