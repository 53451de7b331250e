"""PERSON, continued (round 25): a capitalised name right after the writer introduces themself, and the
capitalised name that signs a message after a comma or a full stop, where the name is also a word.

Why: "jeg er Diego fra Spania", "Hei, jeg er June, søsteren til April", "I'm Will and ...": after "jeg
er" / "I'm" / "eg er" (the "capital" cues of ``person_cues.txt``) the general cue rules refuse a name
that is a month or a place (soft: Diego, June) or a modal verb (Will), because "jeg er i Mai" and "I'm
will..." exist. But a *capitalised* word inside the sentence right after the writer says who they are,
that ends there (punctuation, "and"/"og", "from"/"fra", "here"/"her"), can only be their name: "I'm
June and ..." is a person while "It's June and ..." is a month, which is why only the first-person
cues take this rule, not "it's" / "det er".

The signature: "Dziękuję, Basia", "Thanks, Will", "my rent is due. Babajide". The last word of the
message, capitalised and set off by a comma, is the writer's name if a list holds it as a name, even
when it looks like a typo of a word ("Basia"/"basis") or is a word too ("Will"): nobody ends a message
with ", Will" meaning the verb. After a full stop a lone capitalised word in no list, no word and no
typo of one (Babajide) signs the message too. Months and places (soft names) are left out: "..., June"
and "... . Paris" are dates and places as often.

Both rules look at one word and its neighbours after a cheap shape and flag test.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import (
    COMMON,
    FREQUENT,
    FUNCTION,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    near_frequent_word,
)
from anonymizer.recognizers._tokens import CAP, INFLECTED, LOWER, Tokens, unknown_name_word, wordlike
from anonymizer.recognizers.person_extend import extend
from anonymizer.recognizers.person_words import _title_case as title_case
from anonymizer.recognizers.person_words import relations, shouting

#: Letters of an unlisted signature: English and Norwegian ones. A last word with other letters is more
#: often a word of the writer's own language ("Dziękuję", "Дякую", "Spärra") than a name.
_PLAIN_LETTERS = re.compile(r"[a-zæøå]+")
#: Words after which a self-introduced name has ended: "I'm Will and", "jeg er Diego fra Spania", "Tor her".
_ENDS_INTRO = frozenset(
    {"og", "and", "fra", "frå", "from", "her", "here", "hær", "again", "igjen", "igen", "&", "som", "who"}
)
#: Punctuation right after a self-introduced name: "jeg er June, søsteren til April", "I'm Jo (Joanna)".
_CLOSING_MARKS = ",.!?()–—-:;"


def introduced_name(toks: Tokens, j: int) -> int | None:
    """The last word of the capitalised name at ``j`` right after a first-person introduction ("jeg er",
    "I'm"), when a list holds it as a name (also a month, a word or a modal) and the name ends at once;
    or None."""
    if toks.shape[j] != CAP or toks.initial[j]:
        return None
    flags = toks.flags[j]
    if not flags & NAME or flags & (NOT_NAME | PARTICLE) or len(toks.low[j]) < 2:
        return None
    low = toks.low[j]
    if low in relations().pronoun or is_cue_word(low) or toks.trim[j]:
        return None  # "I'm Jordan's mother": a genitive before a noun, another rule's
    if (len(toks.low) >= 6 and title_case(toks)) or shouting(toks):
        return None  # "I Am Happy To Pay In June": capitals say nothing (a short greeting is no headline)
    last = extend(toks, j, strong=False)
    if any(toks.shape[k] != CAP for k in range(j, last + 1)):
        return None
    return last if _ends_here(toks, last) else None


def _ends_here(toks: Tokens, k: int) -> bool:
    """The name ends at word ``k``: the text ends, punctuation follows, or a word that closes an
    introduction ("and", "fra"); never a number ("I'm May 2024 ...")."""
    if k + 1 >= len(toks.low):
        rest = toks.text[toks.end[k] :].strip()
        return not rest[:1].isdigit()
    gap = toks.gap(k)
    mark = gap.strip()[:1]
    if mark:
        return mark in _CLOSING_MARKS and not toks.text[toks.end[k] :].lstrip(" ,")[:1].isdigit()
    return toks.low[k + 1] in _ENDS_INTRO


def common_before_unknown(toks: Tokens, j: int) -> int | None:
    """ "I'm Juniper Ashcombe.": a capitalised everyday word, then a capitalised word in no list that ends
    the name, right after a first-person introduction; the word in no list says the pair is a name."""
    k = j + 1
    if toks.shape[j] != CAP or toks.initial[j] or k >= len(toks.low) or toks.gap(j) != " ":
        return None
    flags = toks.flags[j]
    if not flags & COMMON or flags & (FUNCTION | NOT_NAME | PARTICLE | SOFT) or is_cue_word(toks.low[j]):
        return None
    if not unknown_name_word(toks, k) or near_frequent_word(toks.low[k]):
        return None
    return k if _ends_here(toks, k) else None


#: Thanks before the comma of a signature: "Thanks, Brooklyn", "Takk, Ashford".
_THANKS = frozenset({"thanks", "thank", "thx", "takk", "tusen", "cheers", "regards", "mvh", "hilsen", "dziękuję"})


def comma_signed(toks: Tokens, j: int) -> bool:
    """ "Dziękuję, Basia", "Thanks, Will": the message's last word, capitalised, after a comma that ends
    a clause of two words or more, and a listed given name or surname that is no month or place; or, right
    after thanks, a proper noun no list holds as a name ("Thanks, Brooklyn")."""
    if j < 2 or toks.shape[j] != CAP or toks.gap(j - 1).strip(" ") != ",":
        return False
    flags = toks.flags[j]
    if flags & FREQUENT and not flags & (NAME | NOT_NAME | FUNCTION) and toks.low[j - 1] in _THANKS:
        return len(toks.low[j]) >= 5  # "Thanks, Brooklyn": a proper noun no list holds as a name, after thanks
    if not flags & NAME or flags & (NOT_NAME | SOFT | PARTICLE) or len(toks.low[j]) < 2:
        return False
    if toks.shape[j - 1] != LOWER and toks.flags[j - 1] & NAME and not toks.flags[j - 1] & COMMON:
        return False  # "Kari, Per": a list of names, the list rules' business
    low = toks.low[j]
    return not (low in relations().pronoun or is_cue_word(low))


def unknown_signed(toks: Tokens, j: int) -> bool:
    """ "my rent is due. Babajide": the last word of a message of several words, capitalised after a full
    stop or a comma, in no list, no inflected word and no typo of a frequent one."""
    if j < 3 or toks.shape[j] != CAP or len(toks.low[j - 1]) < 2:
        return False
    if toks.gap(j - 1).strip(" ") not in (".", "!", ",", ".\n", "!\n", ",\n"):
        return False
    low = toks.low[j]
    if toks.flags[j] or len(low) < 4 or _PLAIN_LETTERS.fullmatch(low) is None or "!" in toks.text[toks.end[j] :]:
        return False  # "Dziękuję", "Дякую", "Spärra!!": thanks or a cry in another language, not a name
    if INFLECTED.search(low) or wordlike(low) or is_cue_word(low):
        return False
    return not near_frequent_word(low)


#: Words for a fellow that are given names too: "guy" is a pronoun-like noun to the relation rules ("this
#: guy called"), but "Guy og jeg", "me and Guy" capitalised name a person.
_FELLOW_NAMES = frozenset({"guy"})


def fellow_name(toks: Tokens, j: int) -> bool:
    """Word ``j`` is "Guy" in capitals of a name (not all capitals, and the message is no headline)."""
    return toks.low[j] in _FELLOW_NAMES and toks.shape[j] == CAP and not (title_case(toks) and len(toks.low) >= 6)


def greeted_soft(toks: Tokens, j: int) -> bool:
    """ "Thank you June, you were ...", "Hi April!": a capitalised month or place name right after a
    greeting or thanks and set off by a comma or "!" at once, with no number after it ("Takk, Mai 5 ...").
    A date or a place is not thanked or greeted."""
    if toks.shape[j] != CAP or toks.initial[j] or not toks.flags[j] & NAME or toks.flags[j] & (NOT_NAME | FUNCTION):
        return False
    rest = toks.text[toks.end[j] :].lstrip(" ")
    if j + 1 >= len(toks.low):
        return not rest[:1].isalnum()
    return rest[:1] in (",", "!") and not rest[1:].lstrip(" ")[:1].isdigit()


#: Words before a person's full name, after which a place or brand word before a found surname is the
#: given name: "Sender til Brooklyn Dal", "Hälsningar Milano Berg".
_BEFORE_FULL_NAME = frozenset(
    {"til", "te", "to", "hilsen", "helsing", "hälsningar", "mvh", "vh", "regards", "cheers", "thanks", "takk"}
)


def word_given_before(toks: Tokens, first: int, covered: list[bool]) -> int:
    """Where a surname found at ``first`` starts when a capitalised place, brand or everyday word stands
    before it right after "til"/"to" or a sign-off ("til Milano Dal", "Hälsningar Milano Berg"): a
    person named after a place. The lists call the word no name, so ``given_before`` leaves it; but a
    capitalised word inside a sentence, between a word that points at a person and a surname that ends
    the name, is the given name."""
    k = first - 1
    if k < 1 or covered[k] or toks.shape[k] != CAP or toks.shape[first] != CAP or toks.initial[k]:
        return first
    flags = toks.flags[k]
    if not flags & (COMMON | NOT_NAME) or flags & (NAME | FUNCTION | PARTICLE) or toks.gap(k) != " ":
        return first
    if toks.low[k - 1] not in _BEFORE_FULL_NAME or toks.gap(k - 1).strip(" \n,") or is_cue_word(toks.low[k]):
        return first
    if not toks.flags[first] & SURNAME or (first + 1 < len(toks.low) and toks.gap(first) == " "):
        return first  # the surname must end the name: "til Brooklyn Dal," not "til Oslo Berg sentrum"
    return k


#: Capitalised closed-class words that open a sentence before a verb as pronouns or determiners ("Vi bor",
#: "My son lives"), which are in no pronoun list of a person: never "Jo flyttet ut"'s name.
NOT_SUBJECT = frozenset({"vi", "me", "de", "dei", "my", "we", "they", "i", "det", "den", "du", "dere", "you"})


def opening_pronoun(toks: Tokens, j: int) -> bool:
    """ "He is my father", "My partner and I", "Han er syk": a pronoun or determiner that is a name too
    (Chinese He, Han; Vietnamese My) opening its sentence is the pronoun; inside one it may be the name."""
    return toks.initial[j] and (toks.low[j] in relations().pronoun or toks.low[j] in NOT_SUBJECT)


#: Sign-offs before a couple's names: "Hilsen\nFrank & Joy Berg", "Mvh Kari & Ola".
_COUPLE_SIGN_OFFS = frozenset({"hilsen", "helsing", "mvh", "vh", "regards", "hälsningar", "cheers", "love"})


def signed_pair(toks: Tokens, first: int, last: int) -> bool:
    """Words ``first..last`` are one side of names joined by "&" that a sign-off opens: a couple signing
    ("Hilsen\\nFrank & Joy Berg"), not a firm ("Hansen & Sønn"), which nobody signs with: the names end the
    message and each is a listed name."""
    k = first - 1 if first > 0 and "&" in toks.gap(first - 1) else first  # "Joy Berg" after "Frank &"
    if k == first and not (last + 1 < len(toks.low) and "&" in toks.gap(last)):
        return False
    if k == 0 or toks.low[k - 1] not in _COUPLE_SIGN_OFFS or toks.gap(k - 1).strip(" ,\n"):
        return False
    # the names end the message, every word a listed name: not "Hilsen Hansen & Sønn AS"
    rest = range(k, len(toks.low))
    return len(rest) <= 5 and all(toks.shape[m] == CAP and toks.flags[m] & NAME for m in rest)


#: A verb of turning an age and the age: "fylte nettopp 1", "turns 7", "blir 12 år" (not "er 30": "og Juni
#: er 30" counts days).
_TURNS_AGE = re.compile(
    r" (?:blir|turns|turned|fyller|fylte)(?: nettopp| just| snart)? \d{1,2}(?: ?år| years?)?"
    r"(?=[,.!?](?!\d)|\s+(?:no|nå|now|og|and)\b|\s*$)"
)


def turned_age_after_and(toks: Tokens, j: int) -> bool:
    """ "Jack er 4 og June fylte nettopp 1": a capitalised listed name after "og"/"and" that turns an age.
    A month or a place turns no age, so a soft name is a person here too."""
    if toks.shape[j] != CAP or j == 0 or toks.low[j - 1] not in ("og", "and", "&") or toks.gap(j - 1) != " ":
        return False
    return bool(toks.flags[j] & NAME) and _TURNS_AGE.match(toks.text, toks.end[j]) is not None
