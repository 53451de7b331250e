"""PERSON, continued: the name that closes a message, where the signature rules of ``person_lines`` doubt it.

Why: chat is signed in more ways than "Mvh Kari" on a line of its own, and the signature is where a name
stands with nothing around it to vouch for it. A reader knows these at once:

* a dash before the last word of the message ("...\\n- sandy", "... till friday — bill"): a signature even
  when the name is also a word and typed in lower case, unless the message is a list of dashed items;
* bare initials there or after a sign-off ("- jm", "mvh k.l.", "Regards, T.K."): nobody else is meant;
  one letter written as an initial after a dash set off by spaces on the message's line too ("sender inn
  søknad i kveld - K."), and a message that is only a dash and the initials ("- t.");
* a given name that is no everyday word, set off by punctuation or an emoji at the very end
  ("thx!!! 💕 kayleigh", "d-nr 670246-19998, iwona"): the writer's name in lower case;
* a name on its own line or sentence with only a phone number after it ("ROSE\\n+47 481 97 991",
  "sent from mobile. gregor. +48 574 161 011"): a contact card.

Only the last words of the message are looked at, so each rule costs a few lookups per message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import AMBIGUOUS, COMMON, FUNCTION, GIVEN, NOT_NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import LOWER, Tokens
from anonymizer.recognizers.person_context import SCORE_KNOWN, SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_introduced import comma_signed, unknown_signed
from anonymizer.recognizers.person_lists import NOT_INITIALS
from anonymizer.recognizers.person_words import _SIGN_OFFS, relations

#: A dash or slash that signs what follows: at the start of a line, or set off by a space.
_DASH_BEFORE = re.compile(r"(?:^|\n|\s)[/–—-] ?$")
#: A line that opens with a dash or a bullet: the message is a list, and its last item no signature.
_BULLET_LINE = re.compile(r"(?:^|\n)[ \t]*[-–—•*]")
#: The name's line or sentence ends, then a phone number and nothing else ("\\n+47 481 97 991", ". 91 23 45 67");
#: not after a colon, where the word is a label ("Andre: 5678 9113", see ``person_lines.contact_line``).
_PHONE_TAIL = re.compile(r"[ \t]*[.\n][ \t\n]*\+?\(?\d[\d ()\-]{6,18}\d[ .!]*$")
#: Sign-offs before bare initials: "mvh k.l.", "Regards, T.K.", "br jm".
_INITIALS_SIGN_OFFS = _SIGN_OFFS | {"br", "kr", "rgds", "hilsen", "helsing", "mvh", "vh", "regards", "cheers"}
#: Replies that are given names too ("- ok", "- done"): a dash before them closes a list or a thought.
_REPLIES = frozenset({"ok", "okay", "done", "ty", "fine", "sure", "great", "sorted", "fixed", "nice"})
#: What may follow the last word: closing punctuation and spaces.
_END = " .!)\n"
_VOWELS = "aeiouyæøå"
#: A whole message that is a signing dash before initials: "- t.", "– jm".
_LONE_DASH = re.compile(r"\s*[–—-] ?")
#: A dash between spaces right after a word of the same line: "sender inn søknad i kveld - K." (not "A-K",
#: nor after a number: "betalte 200 - K.").
_SPACED_DASH = re.compile(r"[.!]? [–—-] ?")


#: Nouns that a letter names the kind of: "jeg tar vitamin - D.", "oppgang - B", "plan - B".
_LETTERED = frozenset(
    {"vitamin", "plan", "planen", "type", "typen", "klasse", "sone", "gruppe", "kategori", "blokk", "oppgang",
     "inngang", "bygg", "seksjon", "rad", "terminal", "gate", "class", "zone", "group", "category", "block",
     "section", "row", "entrance", "building"}
)  # fmt: skip


def _dash_signed_initial(toks: Tokens, k: int, before: str) -> bool:
    """The one letter ``k``, written as an initial, closes a message of three words or more after a dash
    set off by spaces right after a word of two letters or more: "sender inn søknad i kveld - K." (not
    "plan A - B.", nor after a noun that a letter names the kind of: "jeg tar vitamin - D.")."""
    spaced = _SPACED_DASH.fullmatch(before) is not None and k >= 3 and len(toks.low[k - 1]) > 1
    return spaced and toks.low[k - 1] not in _LETTERED and _written_initial(toks, k)



def _thanked_initial(toks: Tokens, k: int, before: str) -> bool:
    """Round 37. The one letter ``k`` closes a message after a dash set off by a space, and a thanks stands
    among the five words before it on the same line: "takk for help 🙏 - k". Thanks is how a message is
    signed off, so the letter after it is the writer's initial even in lower case, where "ok det går fint
    - k" (no thanks: "k" for "ok") stays a word; not after a number or a noun a letter names the kind of."""
    ahead = toks.text[: toks.start[k]].rstrip(" –—-")[-1:]
    if " " not in before or "\n" in before or toks.low[k - 1] in _LETTERED or ahead.isdigit():
        return False  # "plan A - B", "betalte 200 - K.": a kind's letter, an amount's unit
    line_start = toks.text.rfind("\n", 0, toks.start[k]) + 1
    return any(toks.low[m] in _THANKS_BEFORE_DASH and toks.start[m] >= line_start for m in range(max(0, k - 5), k))


def _written_initial(toks: Tokens, k: int) -> bool:
    """The one letter ``k`` is written as an initial is: a capital, or a full stop after it ("K", "t.")."""
    return toks.shape[k] != LOWER or toks.text[toks.end[k] : toks.end[k] + 1] == "."


def closing_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of the name that closes the message, if one of the module's rules takes it."""
    n = len(toks.low)
    if n == 0:
        return
    last = n - 1
    tail = toks.text[toks.end[last] :]
    if (initials := _initials(toks, covered)) is not None:
        yield initials[0], initials[1], SCORE_KNOWN
        return
    if covered[last]:
        return
    if not tail.strip(_END):
        # "Dziękuję, Basia", "my rent is due. Babajide": comma_signed, unknown_signed in person_introduced.py
        signed = _dash_signed(toks, last) or _set_off_given(toks, last) or _sentence_signed(toks, last)
        signed = signed or _thanks_signed(toks, last)
        if signed or comma_signed(toks, last) or unknown_signed(toks, last):
            yield last, last, SCORE_KNOWN
        return
    if _PHONE_TAIL.match(tail) and _before_phone(toks, last):
        yield last, last, SCORE_KNOWN if toks.shape[last] != LOWER else SCORE_KNOWN_LOWER


def _given(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a listed given name (an everyday word too), no month, place, pronoun or cue word."""
    flags = toks.flags[k]
    low = toks.low[k]
    if not flags & GIVEN or flags & (NOT_NAME | SOFT) or len(low) < 2:
        return False
    return not (is_pronoun(low) or low in relations().self_ or is_cue_word(low))


def _dash_signed(toks: Tokens, j: int) -> bool:
    """ "...\\n- sandy", "im in new york till friday — bill": a given name after a signing dash, ending the
    message, which lists no dashed items."""
    before = toks.text[toks.end[j - 1] if j else 0 : toks.start[j]]
    if not _DASH_BEFORE.search(before) or not _given(toks, j) or toks.low[j] in _REPLIES:
        return False
    head = toks.text[: toks.end[j - 1]] if j else ""
    return _BULLET_LINE.search(head) is None


def _set_off_given(toks: Tokens, j: int) -> bool:
    """ "thx!!! 💕 kayleigh", "d-nr 670246-19998, iwona": a given name that is no everyday word, the last
    word of the message, set off by punctuation or an emoji from what comes before."""
    if j == 0 or toks.shape[j] != LOWER:
        return False  # capitalised, the cue-less rules of person.py take a listed name already
    flags = toks.flags[j]
    if not _given(toks, j) or flags & (AMBIGUOUS | COMMON | FUNCTION):
        return False
    mark = toks.gap(j - 1).rstrip()[-1:]  # what stands right before the name: not a digit ("i 3 daga")
    return bool(mark) and not mark.isalnum() and mark not in "'\"-/&+%"


#: Words that end a message as a sentence of their own and are given names too ("... Thanks. Bless").
_LAST_SENTENCES = _REPLIES | {"bless", "love", "best", "soon", "later", "bye", "again", "please", "pls", "yes", "no"}


def _sentence_signed(toks: Tokens, j: int) -> bool:
    """ "my new address is Markveien 23, 0554 Oslo. pat": a given name, even one that is also a word, as a
    sentence of its own that ends a message of several sentences. Nothing but a signature stands alone
    after the last full stop; a reply or a farewell ("ok", "bye") is no given name or is listed here."""
    if j < 3 or toks.low[j] in _LAST_SENTENCES or toks.flags[j] & FUNCTION or not _given(toks, j):
        return False
    gap = toks.gap(j - 1)
    return gap.strip(" ") in (".", "!", "?", ".\n", "!\n", "?\n") and len(toks.low[j - 1]) > 1


#: A thanks that opens the last line or sentence and signs it after a comma: "...\nthanks, will".
_THANKS = frozenset({"thanks", "thx", "takk", "cheers"})
#: Round 37. Thanks in the last words before a closing dash: "takk for help 🙏 - k", "thanks so much - j".
#: Not "tusen" ("det kostet tusen kroner - k"; "tusen takk" has "takk") nor "ty" (review of round 37).
_THANKS_BEFORE_DASH = _THANKS | {"takker", "thank", "tack", "tak"}
#: Words said after "thanks," to anyone, some of them given names too ("thanks, love", "takk, alle").
_THANKED_ANYONE = _LAST_SENTENCES | {
    "man", "mate", "dear", "sir", "madam", "all", "alle", "guys", "folks", "buddy", "bro", "friend", "venn", "dere",
}  # fmt: skip
#: Given names that are modal verbs in lower case, which may sign after "thanks," ("thanks, will").
_MODAL_NAMES = frozenset({"will", "may"})


def _thanks_signed(toks: Tokens, j: int) -> bool:
    """ "...tried 3 different ones\nthanks, will": a thanks opening the last line or sentence, a comma, and
    a given name ending the message, even an everyday word or a modal verb: the thanks is the sign-off,
    and a word after its comma that ends the message is the writer's name (not "thanks, will do")."""
    if j < 3 or toks.low[j - 1] not in _THANKS or not toks.initial[j - 1] or toks.gap(j - 1) != ", ":
        return False
    low = toks.low[j]
    flags = word_flags().get(low, 0)
    if not flags & GIVEN or flags & (NOT_NAME | SOFT) or low in _THANKED_ANYONE or len(low) < 3:
        return False
    return (not flags & FUNCTION or low in _MODAL_NAMES) and not is_pronoun(low) and not is_cue_word(low)


def _before_phone(toks: Tokens, j: int) -> bool:
    """ "ROSE\\n+47 481 97 991", "sent from mobile. gregor. +48 574 161 011": the last word opens its line
    or sentence, and is a given name (in lower case one that is no everyday word)."""
    start = toks.text.rfind("\n", 0, toks.start[j]) + 1
    lead = toks.text[start : toks.start[j]]
    if j > 0 and lead.strip() and not toks.gap(j - 1).rstrip(" ").endswith((".", "!", "?", "\n")):
        return False
    if not _given(toks, j):
        return False
    flags = toks.flags[j]
    return toks.shape[j] != LOWER or not flags & (AMBIGUOUS | COMMON | FUNCTION)


def _initials(toks: Tokens, covered: list[bool]) -> tuple[int, int] | None:
    """(first, last) of bare initials that end the message after a signing dash on their own line or a
    sign-off, or on their own line after thanks: "- jm", "mvh k.l.", "Regards, T.K.", "Takk.\nR.D."; one
    consonant only after a dash on its own line ("\n- k")."""
    n = len(toks.low)
    text = toks.text
    if text[toks.end[-1] :].strip(_END):
        return None
    first = n - 1
    while first > 0 and len(toks.low[first]) == 1 and len(toks.low[first - 1]) == 1 and toks.gap(first - 1) == ".":
        first -= 1  # "k.l.": single letters joined by full stops
    letters = "".join(toks.low[first:])
    if covered[first] or letters in NOT_INITIALS or len(letters) > 3:
        return None
    if first == 0:  # "- t.", "- jm": a message that is a signing dash and the initials, sent on its own
        alone = _LONE_DASH.fullmatch(text[: toks.start[0]]) is not None and not any(c in _VOWELS for c in letters)
        return (0, n - 1) if alone and (len(letters) > 1 or _written_initial(toks, 0)) else None
    before = text[toks.end[first - 1] : toks.start[first]]
    if len(letters) == 1:
        # "...glemte den\n- k": one consonant after a signing dash on a line of its own, in no list of items;
        # on the line of the message only as an initial is written ("sender inn søknad i kveld - K.")
        own_line = "\n" in before or _dash_signed_initial(toks, first, before) or _thanked_initial(toks, first, before)
        dashed = own_line and _DASH_BEFORE.search(before) is not None and letters not in _VOWELS
        head = text[: toks.end[first - 1]]
        return (first, first) if dashed and _BULLET_LINE.search(head) is None else None
    if first == n - 1 and (toks.flags[first] or any(c in "aeiouyæøå" for c in letters)):
        return None  # one token ("jm", "KL"): no word, and no vowel that would make it one
    if first < n - 1 and text[toks.end[-1] : toks.end[-1] + 1] != ".":
        return None  # "k.l." ends with its full stop
    if "\n" in before and _DASH_BEFORE.search(before):
        return first, n - 1
    if "\n" in before and first < n - 1 and toks.shape[first] != LOWER and not _SIGN_OFFS.isdisjoint(toks.low[:first]):
        return first, n - 1  # "Takk for god hjelp.\nR.D.": capital initials with full stops on the line after thanks
    signed_off = toks.low[first - 1] in _INITIALS_SIGN_OFFS and not before.strip(" ,\n")
    return (first, n - 1) if signed_off and (toks.initial[first - 1] or "\n" in before) else None
