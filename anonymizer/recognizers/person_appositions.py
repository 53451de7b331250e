"""Names in apposition to a noun that says who the person is: "sparing te barnebarna ask og frøy",
"kompisen i Finland, Jussi, treng penga", "betalte snekkeren lie 18 000".

Why: the cue list holds a kin noun with its name right after it ("sønnen min Even", "min venn Jordan"),
but chat puts the noun and the name side by side in more shapes, and the names are often everyday words
in lower case, which no rule takes without a relation:

* a plural kin noun announces several people, and the list right after it ("barnebarna ask og frøy",
  "tvillingene mine, Sky og Storm", "to our twins Will and Hope") are their names, a month or a place
  among them too ("ask"). The noun must close where the list starts (a possessive, a comma, or the noun
  after a preposition or opening the sentence), or "ønsker barna lykke og helse" would be two names;
* a kin noun placed somewhere ("kompisen i Finland", "my cousin from Leeds") and then one given name set
  off by commas, the apposition that says which friend or cousin: "..., Jussi, treng penga sine";
* after a verb of paying, a word for kin or a tradesperson, then a word and the amount ("betalte
  snekkeren lie 18 000", "skylder naboen min per 500"): between the payee's noun and the sum only the
  payee's name stands.

Each rule is gated on a word it needs (a plural kin noun, a comma, a verb of paying), so most messages
cost one set test per rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import AMBIGUOUS, COMMON, FUNCTION, GIVEN, NAME, NOT_NAME, SOFT, SURNAME
from anonymizer.recognizers._tokens import CAP, LOWER, Tokens, closed, unknown_name_word
from anonymizer.recognizers.person_context import SCORE_KNOWN, SCORE_KNOWN_LOWER
from anonymizer.recognizers.person_roles import _AMOUNT_AFTER, _PAY_VERBS
from anonymizer.recognizers.person_words import AGE, Relations, _word, plain_gap, relations

#: Kin nouns for several people at once.
_PLURAL_KIN = frozenset(
    {"barna", "barn", "barnebarna", "barnebarnene", "ungene", "ungane", "ungan", "ongan", "borna", "tvillingene",
     "tvillingane", "tvillinger", "tvillingar", "tvillingarna", "trillinger", "sønnene", "sønner", "døtrene",
     "døtre", "brødrene", "søstrene", "søsken", "søsknene", "foreldrene", "foreldra", "kids", "children", "twins",
     "sons", "daughters", "grandchildren", "grandkids", "siblings", "brothers", "sisters", "parents"}
)  # fmt: skip
#: A possessive after a plural kin noun ends its noun phrase: "barnebarna mine ask og frøy".
_THEIR = frozenset({"mine", "våre", "våres", "dine", "hans", "hennes", "deira", "deres"})
#: Before a plural kin noun, words after which the noun's phrase is complete, so a list after it is in
#: apposition: "til barnebarna ask og frøy", "our twins Will and Hope"; not "ønsker barna lykke og helse".
_BEFORE_PLURAL = frozenset(
    {"til", "te", "for", "med", "av", "fra", "frå", "to", "with", "of", "from", "our", "my", "the", "våre", "mine"}
)  # fmt: skip
_AND = frozenset({"og", "and", "å"})
#: What may follow the list's last name: a verb of the sentence ("ask og frøy skal ha").
_VERB_AFTER = frozenset(
    {"har", "hadde", "skal", "ska", "vil", "kan", "må", "er", "e", "var", "fikk", "fekk", "får", "fyller", "fylte",
     "has", "have", "had", "will", "can", "are", "were", "need", "want", "turn", "turned", "som", "who"}
)  # fmt: skip
_MAX_ITEMS = 5
#: "kompisen i Finland, Jussi,": where the kin lives or comes from.
_WHERE = frozenset({"i", "fra", "frå", "på", "in", "from", "at", "hos"})
_MY = frozenset({"min", "mi", "mitt", "my", "vår", "our"})
#: Verbs of paying whose indirect object is the payee: "betalte snekkeren lie 18 000".
_PAYING = _PAY_VERBS | {"sendte", "send", "sende", "overførte", "overføre", "sent", "transferred"}


def apposed_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of each name in apposition to a kin or trade noun (one word each)."""
    lows = toks.low
    rel = relations()
    if not _PLURAL_KIN.isdisjoint(lows):
        for i, low in enumerate(lows):
            if low in _PLURAL_KIN:
                for j in _kin_list(toks, i, rel):
                    if not covered[j]:
                        yield j, j, _score(toks, j)
    if "," in toks.text and not rel.kin.isdisjoint(lows):
        for j in range(3, len(lows)):
            if covered[j] or not (toks.flags[j] & NAME or toks.shape[j] == CAP):
                continue  # the name must be listed or capitalised (``_apposed_name``): most words are neither
            if toks.gap(j - 1).strip(" ") == "," and _placed_kin(toks, j, rel):
                yield j, j, _score(toks, j)
    if "," in toks.text and not _WRITER.isdisjoint(lows):
        yield from _writer_named(toks, covered)
    if not _PAYING.isdisjoint(lows):
        for p, low in enumerate(lows):
            if low not in _PAYING:
                continue
            for j in (p + 2, p + 3):  # "betalte snekkeren lie", "skylder naboen min per"
                if j < len(lows) and not covered[j] and _paid_by_noun(toks, p, j, rel):
                    yield j, j, _score(toks, j)


def _score(toks: Tokens, j: int) -> float:
    """A name in apposition scores as a known name; in lower case as a known name in lower case."""
    return SCORE_KNOWN if toks.shape[j] != LOWER else SCORE_KNOWN_LOWER


def _kin_list(toks: Tokens, i: int, rel: Relations) -> list[int]:
    """The words of the list of names in apposition to plural kin noun ``i``, or none."""
    n = len(toks.low)
    k = i + 1
    if k < n and toks.low[k] in _THEIR and plain_gap(toks, i):
        k += 1
        framed = True
    else:
        framed = toks.initial[i] or _word(toks, i - 1) in _BEFORE_PLURAL
    if k >= n:
        return []
    gap = toks.gap(k - 1).strip(" ")
    if gap in (",", ":"):
        framed = True
    elif gap:
        return []
    if not framed:
        return []
    items = [k]
    while len(items) < _MAX_ITEMS:
        m = items[-1]
        if m + 1 >= n:
            return []
        if toks.gap(m).strip(" ") == ",":
            items.append(m + 1)
        elif toks.low[m + 1] in _AND and plain_gap(toks, m) and m + 2 < n and plain_gap(toks, m + 1):
            items.append(m + 2)
            break
        else:
            return []
    else:
        return []
    last = items[-1]
    ends = closed(toks, last) or last + 1 >= n or _word(toks, last + 1) in _VERB_AFTER
    if not ends and AGE.match(toks.text, toks.end[last]) is None:
        return []  # the list ends the clause, or its verb or an age follows: "ask og frøy skal ha"
    if not all(_kin_name(toks, m, rel) for m in items):
        return []
    # one of them must be plainly a name: capitalised, or no everyday word ("frøy"); "lykke og helse" is not
    if all(toks.shape[m] == LOWER and toks.flags[m] & COMMON for m in items):
        return []
    return items


def _kin_name(toks: Tokens, m: int, rel: Relations) -> bool:
    """Word ``m`` may be a child's or a relative's name in a list: a listed given name, also one that is a
    month, a place or an everyday word, but no pronoun or kin noun (nor a closed-class word in lower case,
    which the tokenizer has already struck off the names: "Will and Hope", not "will and can")."""
    flags = toks.flags[m]
    low = toks.low[m]
    if not flags & GIVEN or flags & NOT_NAME or len(low) < 2:
        return False
    return low not in rel.pronoun and low not in rel.self_ and low not in rel.kin


def _placed_kin(toks: Tokens, j: int, rel: Relations) -> bool:
    """Word ``j``, after a comma, is a given name set off by commas after a kin noun and where the kin is:
    "kompisen i Finland, Jussi, treng", "min venn fra Bergen, even, sa", "vennen min i Sverige, Åke,"."""
    if not closed(toks, j) or not _apposed_name(toks, j):
        return False
    for place in (j - 1, j - 2):  # one or two words for the place: "i Finland", "i New York"
        prep = place - 1
        if prep < 1 or toks.low[prep] not in _WHERE or not all(plain_gap(toks, m) for m in range(prep, j - 1)):
            continue
        noun = prep - 1
        if not plain_gap(toks, noun):
            continue
        if toks.low[noun] in _MY and noun >= 1 and plain_gap(toks, noun - 1):
            noun -= 1  # "vennen min i Sverige"
        if toks.low[noun] in rel.kin:
            return True
    return False


def _apposed_name(toks: Tokens, j: int) -> bool:
    """Word ``j`` may be the name a comma sets after a kin noun: a listed given name (a month, place or
    closed-class word is not), or a capitalised surname that is no word, or a capitalised word in no list."""
    flags = toks.flags[j]
    if flags & (NOT_NAME | SOFT | FUNCTION) or len(toks.low[j]) < 2:
        return False
    if flags & GIVEN:
        return True
    if toks.shape[j] != CAP:
        return False
    return bool(flags & SURNAME and not flags & AMBIGUOUS) or unknown_name_word(toks, j)


#: The writer as the subject a name is set beside: "at eg, Ask Bø Sandal, får sjå", "I, Anna Smith, allow".
_WRITER = frozenset({"jeg", "eg", "æ", "je", "i"})
#: Most words of a name between the commas: "Ole Johan van der Berg".
_MAX_APPOSED = 5


def _writer_named(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """ "Bestefar vil at eg, Ask Bø Sandal, får sjå kontoen", "Jeg, Kari Lie, gir fullmakt til ...": the
    writer's pronoun, and between two commas their full name, as a power of attorney or a formal request
    words it. The commas bound the name, so its surnames count though they are words or places too
    ("Bø", "Sandal"); it must open with a listed given name (no little word nor a word that is never a
    name) and hold only capitalised words (or only capitals), none a cue word: "Jeg, Kunden, ..." and
    "Eg, Oslo Kommune, ..." are no names."""
    n = len(toks.low)
    for k in range(n - 2):
        low = toks.low[k]
        if low not in _WRITER or toks.gap(k) != ", " or (low == "i" and toks.text[toks.start[k]] != "I"):
            continue  # (a lower-case "i" is Norwegian "in")
        j = k + 1
        flags = toks.flags[j]
        if toks.shape[j] == LOWER or not flags & GIVEN or flags & (NOT_NAME | FUNCTION):
            continue  # (a given name that is also a month or a place is the writer's here: "eg, Ask Bø")
        last = j
        while last + 1 < n and last - j + 1 < _MAX_APPOSED and toks.gap(last) == " ":
            nxt = last + 1
            if toks.shape[nxt] != toks.shape[j] or toks.flags[nxt] & FUNCTION or is_cue_word(toks.low[nxt]):
                break
            last = nxt
        if last + 1 >= n or toks.gap(last).strip(" ") != "," or all(covered[j : last + 1]):
            continue
        yield j, last, SCORE_KNOWN


def _paid_by_noun(toks: Tokens, pay: int, j: int, rel: Relations) -> bool:
    """Word ``j``, before an amount, follows a kin or trade noun (and its possessive) right after the verb of
    paying ``pay``: "betalte snekkeren lie 18 000", "skylder naboen min per 500"."""
    noun = pay + 1
    if j == pay + 3 and toks.low[j - 1] not in _MY and toks.low[j - 1] not in _THEIR:
        return False  # only a possessive may stand between the noun and the name: "naboen min per"
    if not (toks.low[noun] in rel.trade or toks.low[noun] in rel.kin):
        return False
    if not _AMOUNT_AFTER.match(toks.text, toks.end[j]) or not all(plain_gap(toks, m) for m in range(pay, j)):
        return False
    flags = toks.flags[j]
    low = toks.low[j]
    if flags & (NOT_NAME | SOFT | FUNCTION) or len(low) < 2 or low in rel.pronoun or low in rel.kin:
        return False
    return bool(flags & NAME) or unknown_name_word(toks, j)
