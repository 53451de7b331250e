"""Words after a cue that say whose, not who: a possessive ("advokaten vår", "frå vår felleskonto",
"Hei\nMin svigerfar"), though "Vår" and "Min" are given names too; and a bare "name" whose sentence goes
on ("my name as in the passport", "navn på kortet") instead of giving one (round 38 and 39)."""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, NAME
from anonymizer.recognizers._tokens import LOWER, Tokens, next_is_name, wordlike
from anonymizer.recognizers.person_extend import POSSESSIVE_WORDS
from anonymizer.recognizers.person_words import relations

#: The word "name" as a cue on its own: a name follows it directly, or the sentence goes on about it.
_NAME_NOUNS = frozenset({("name",), ("full", "name"), ("navn",), ("fullt", "navn"), ("navnet",)})
#: Endings of the verb forms that follow a subject: "ringer", "ringte", "sendte", "betalar".
_VERB_ENDINGS = ("er", "te", "de", "ar")
#: Words that carry on a sentence about a name instead of giving one: "name as in the passport", "navn
#: på kortet", "name and address", "navnet er feil". Not a word that is also a name ("per", "mark").
_GOES_ON = frozenset(
    {"as", "on", "in", "of", "for", "to", "and", "or", "at", "is", "was", "på", "i", "til", "og", "eller", "som",
     "er", "var", "må", "skal", "kan", "blir", "ble", "står", "stemmer"}
)  # fmt: skip


def whose_not_who(toks: Tokens, j: int, cue_words: tuple[str, ...], cue_kind: str) -> bool:
    """Word ``j``, right after a cue, names nobody: a possessive in lower case or before kin or a
    noun, or a closed-class or ambiguous word carrying on the sentence of a bare "name"."""
    low, shape = toks.low[j], toks.shape[j]
    if cue_kind != "strong" and low in POSSESSIVE_WORDS and (shape == LOWER or _owns_next(toks, j)):
        return True
    return cue_words in _NAME_NOUNS and low in _GOES_ON and toks.gap(j - 1) == " " and not next_is_name(toks, j)


def _owns_next(toks: Tokens, j: int) -> bool:
    """Word ``j``, a possessive, stands before a kin word or a noun in lower case ("Min svigerfar")."""
    k = j + 1
    if k < len(toks.low) and toks.gap(j) == " " and toks.low[k] in relations().kin:
        return True
    return before_a_noun(toks, j)


def before_a_noun(toks: Tokens, j: int) -> bool:
    """Word ``j`` stands right before an everyday word in lower case that reads as a noun ("vår
    felleskonto", "hans konto"): no closed-class word, no verb's ending and no name, which a name would
    have after it ("vår ska ha kortet", "vår og jeg", "vår ringer", "hans berg")."""
    k = j + 1
    if k >= len(toks.low) or toks.gap(j) != " " or toks.shape[k] != LOWER:
        return False
    nxt, flags = toks.low[k], toks.flags[k]
    if flags & (FUNCTION | NAME) or len(nxt) < 4 or nxt.endswith(_VERB_ENDINGS):
        return False  # a name after it: "til hans berg" is Hans Berg
    return bool(flags & COMMON) or wordlike(nxt)

