"""PERSON in ordinary short chat: names that stand where only a name can, though no list vouches for them.

Why: short messages name people with little around them, and the word itself is often also an everyday
word ("Hauk", "Tone", "Mai") or in lower case ("anna"). A reader still knows these at once:

* a sign-off at the start of a line, then one capitalised word that ends the message ("Hilsen Hauk");
* every capitalised word of the run after "heter"/"heiter"/"my name is" ("heter Aino Virtanen"), where
  the cue rule may take only the part it knows;
* a listed given name set off by a comma at the end of a question or exclamation, the one spoken to
  ("Ble du ferdig med saken min, Tone?"); in lower case in a question to "du"/"you", also without the
  comma after a possessive ("fekk du papira mine liv?");
* "i'm"/"i am"/"jeg er"/"eg er" and a lower-case given name that is no everyday word, then a sentence
  end or "and"/"og" ("hi i'm anna. i want ...");
* a payee after "til"/"te"/"to" with a phone number in brackets right after it ("te Mai (480 83 094)");
* a whole message that is one capitalised given name, however everyday the word ("Per", "Sol", "Hope"):
  the answer to a chatbot's "what is your name?", not a reply word ("Ok", "Bra", "Ja").

Each rule is gated on one word lookup (a sign-off, a cue word, a comma before the last word, "til"), so
a message costs a few set lookups when none applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NAME, NOT_NAME, SOFT, WELL_KNOWN
from anonymizer.recognizers._tokens import CAP, DEFINITE, LOWER, UPPER, Tokens
from anonymizer.recognizers.person_words import relations

SCORE_SHORT = 0.85
SCORE_SHORT_LOWER = 0.6

#: Sign-offs that open the last line before the writer's name: "Hilsen Hauk", "Mvh Tone".
_SIGN_OFFS = frozenset(
    {"hilsen", "helsing", "mvh", "vh", "mvh.", "regards", "cheers", "best", "thanks", "takk", "thx", "kind"}
)
#: The cue words after which every capitalised word of the run is the name.
_NAMED = frozenset({"heter", "heiter", "heite", "hete"})
#: "I am" in the languages of the chat: the word before the given name.
_AM = frozenset({"i'm", "i’m", "am", "er", "e"})
_I = frozenset({"i", "jeg", "eg", "æ", "je"})
#: What may follow the given name after "i'm": a sentence end, or a second clause.
_AND = frozenset({"and", "og", "å"})
#: Prepositions before a payee.
_TO = frozenset({"til", "te", "to", "tel"})
#: A phone number in brackets right after the payee: " (480 83 094)", "(+47 48083094)".
_PHONE_IN_BRACKETS = re.compile(r" ?\(\+?\d[\d \-]{6,16}\d\)")
#: What may close the message after the signed name.
_END = " .!\n"
#: What closes a question or an exclamation after the name spoken to.
_ASKED = ("?", "!")


def short_chat_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of each name one of the module's rules takes."""
    n = len(toks.low)
    low = toks.low
    if n == 1 and not covered[0] and _answered_name(toks):
        yield 0, 0, SCORE_SHORT
    if n >= 2:
        last = n - 1
        if low[last - 1] in _SIGN_OFFS and not covered[last] and _signed(toks, last):
            yield last, last, SCORE_SHORT
        if not covered[last] and toks.text[toks.end[last] :].lstrip(" ")[:1] in _ASKED and _spoken_to(toks, last):
            yield last, last, SCORE_SHORT if toks.shape[last] == CAP else SCORE_SHORT_LOWER
    asked = "?" in toks.text or "!" in toks.text
    for i in range(n - 1):
        word = low[i]
        if word in _NAMED:
            run = _named_run(toks, i + 1)
            if run is not None and not all(covered[i + 1 : run + 1]):
                yield i + 1, run, SCORE_SHORT  # "heter Aino Virtanen" where the cue took "Virtanen" alone
        elif word in _AM:
            if introduced_lower(toks, i + 1):
                yield i + 1, i + 1, SCORE_SHORT_LOWER
        elif word in _TO and not covered[i + 1] and _payee(toks, i + 1):
            yield i + 1, i + 1, SCORE_SHORT if toks.shape[i + 1] != LOWER else SCORE_SHORT_LOWER
        if asked and toks.flags[i] & GIVEN and not covered[i] and _spoken_to(toks, i):
            yield i, i, SCORE_SHORT if toks.shape[i] == CAP else SCORE_SHORT_LOWER


#: Replies that name lists also hold as given names: never a name when they are the whole message.
_REPLY_WORDS = frozenset(
    {"ok", "okay", "okey", "oki", "bra", "ja", "jo", "topp", "top", "nice", "super", "cool", "kult", "jepp", "yes",
     "yep", "yeah", "sure", "fine", "great", "good", "god", "greit", "takk", "thanks", "hei", "hi", "hello"}
)  # fmt: skip


def _answered_name(toks: Tokens) -> bool:
    """The message is one capitalised given name and nothing but punctuation, spaces and emoji around it;
    not one that is also a place or a month ("Bergen", "August": the answer to "where?" or "when?")."""
    flags = toks.flags[0]
    if toks.shape[0] != CAP or not flags & GIVEN or flags & (FUNCTION | NOT_NAME | SOFT) or toks.low[0] in _REPLY_WORDS:
        return False
    rest = toks.text[: toks.start[0]] + toks.text[toks.end[0] :]
    return not any(ch.isalnum() for ch in rest)


def _signed(toks: Tokens, last: int) -> bool:
    """ "...\\n\\nHilsen Hauk": the sign-off opens its line, and one capitalised word ends the message."""
    sign = last - 1
    if toks.shape[last] != CAP or toks.gap(sign).strip(" ,") or toks.text[toks.end[last] :].strip(_END):
        return False
    before = toks.text[: toks.start[sign]].rstrip(" ")
    if before and before[-1] not in "\n.!":
        return False  # "takk Gud for at", "the best Price": the sign-off inside a sentence
    flags = toks.flags[last]
    if flags & (FUNCTION | NOT_NAME) and not flags & NAME:
        return False  # "Mvh Kundeservice", "Best Regards"
    if not flags & NAME and DEFINITE.search(toks.low[last]):
        return False  # "Hilsen Familien", "Mvh Styret": a group, not a person
    return toks.low[last] not in _SIGN_OFFS


def _spoken_to(toks: Tokens, j: int) -> bool:
    """ "Ble du ferdig med saken min, Tone?": a listed given name after a comma closes a question. In lower
    case ("fekk du papira mine liv?", "har du sett saken min, even?") only in a question put to "du"/"you",
    after a comma or a possessive or object pronoun that closes what the question is about."""
    if j == 0 or toks.shape[j] == UPPER or (toks.shape[j] == CAP and toks.gap(j - 1).strip(" ") != ","):
        return False
    if j + 1 < len(toks.low) and toks.gap(j).lstrip(" ")[:1] not in _ASKED:
        return False  # the name closes a question: "saken min, Tone? Venter ..."
    flags = toks.flags[j]
    if not flags & GIVEN or flags & (NOT_NAME | FUNCTION):
        return False
    return toks.shape[j] == CAP or _asked_lower(toks, j)


#: Words that close a noun phrase before a name spoken to: "papira mine liv?", "hjelpe meg even?".
_CLOSING_PRONOUNS = frozenset(
    {"min", "mi", "mitt", "mine", "meg", "mæ", "mæg", "oss", "vår", "vårt", "våre", "din", "di", "ditt", "dine"}
)
#: The one spoken to, in the question: "fekk du ...", "have you ...".
_YOU = frozenset({"du", "dere", "dokker", "dykk", "you", "u"})


def _asked_lower(toks: Tokens, j: int) -> bool:
    """Lower-case given name ``j`` closes a question put to "du"/"you" (within its sentence), after a comma
    or a word that closes the noun phrase before it; a month or a place is no one spoken to."""
    if toks.flags[j] & SOFT or toks.shape[j] != LOWER or len(toks.low[j]) < 3:
        return False
    rel = relations()
    if toks.low[j] in rel.kin or toks.low[j] in rel.pronoun:
        return False  # "har dere fått fullmakten fra min mor?": a relative, not the one asked
    gap = toks.gap(j - 1).strip(" ")
    if gap != "," and (gap or toks.low[j - 1] not in _CLOSING_PRONOUNS):
        return False
    if gap != "," and j >= 2 and toks.flags[j - 2] & FUNCTION:
        return False  # "etter min liv": a possessive before its noun, after a preposition
    k = j - 1
    while k >= 0 and j - k <= _MAX_ASKED:
        if toks.low[k] in _YOU:
            return True
        if toks.initial[k]:
            return False
        k -= 1
    return False


_MAX_ASKED = 12


def _named_run(toks: Tokens, first: int) -> int | None:
    """The last word of the capitalised run after "heter", if it has two words or more and ends in a
    listed name; an everyday word ends the run ("heter Eritreisk Ortodoks Menighet"), and a word listed
    as no name may open it ("Aino Virtanen") but not end it ("SolKraft Norge")."""
    n = len(toks.low)
    k = first
    while k < n and k - first < 4 and toks.shape[k] == CAP and (k == first or toks.gap(k - 1) == " "):
        flags = toks.flags[k]
        if flags & FUNCTION and not (k > first and flags & GIVEN):
            break  # "heter Stein Are": a given name that is also a function word, after the first name
        if flags & COMMON and not flags & NAME:
            break
        k += 1
    last = k - 1
    while last > first and not toks.flags[last] & NAME:
        last -= 1
    if last - first < 1 or toks.flags[last] & NOT_NAME:
        return None
    return last


def introduced_lower(toks: Tokens, j: int) -> bool:
    """ "hi i'm anna.", "jeg er kari og ...": a lower-case given name that is no everyday word."""
    am = j - 1
    if am < 0 or toks.low[am] not in _AM:
        return False
    if toks.low[am] in ("am", "er", "e") and not (am > 0 and toks.low[am - 1] in _I and toks.gap(am - 1) == " "):
        return False
    if j >= len(toks.low) or toks.shape[j] != LOWER or toks.gap(am) != " ":
        return False
    flags = toks.flags[j]
    if not flags & GIVEN or flags & (FUNCTION | NOT_NAME | SOFT) or (flags & COMMON and not flags & WELL_KNOWN):
        return False
    if j + 1 >= len(toks.low):
        return not toks.text[toks.end[j] :].strip(" .!")
    gap = toks.gap(j).strip(" ")
    return gap[:1] in (".", "!", ",", "\n") or (not gap and toks.low[j + 1] in _AND)


def _payee(toks: Tokens, j: int) -> bool:
    """ "sku hatt 1000 te Mai (480 83 094)": a name with its phone number after a preposition of paying."""
    flags = toks.flags[j]
    if flags & (FUNCTION | NOT_NAME):
        return False
    if toks.shape[j] == LOWER:
        if not flags & GIVEN or flags & COMMON:
            return False
    elif not flags & NAME and flags & COMMON:
        return False
    return _PHONE_IN_BRACKETS.match(toks.text, toks.end[j]) is not None
