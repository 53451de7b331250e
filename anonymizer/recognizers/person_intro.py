"""PERSON, continued (round 10): names that a phrase around them gives away, where the word lists alone
cannot tell the name from a word.

Why: newcomers write to the bank in Norwegian or English but introduce themselves in their own language
("em là Mai", "to znowu ja Kasia", "ako si Joy"); customers name the bank's own staff by where they work
("Dag fra dere ringte meg"); a writer says who they are by where the bank met them ("its guy from the
chat"), asks whether a word may be a name ("is 'Will' okay as name on card"), types a double given name
in lower case ("may-britt"), or fills a form one name a line with the Vietnamese middle name between
("Nguyen / Van / Thanh"). Each rule is gated by a word or a character it needs, so that messages without
one cost a set lookup a word at most.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import AMBIGUOUS, FUNCTION, GIVEN, NOT_NAME, SOFT, WELL_KNOWN, word_flags
from anonymizer.recognizers._tokens import CAP, LOWER, Tokens
from anonymizer.recognizers.person_extend import MIDDLE_MARKERS, extend
from anonymizer.recognizers.person_words import plain_gap, relations

SCORE_INTRO = 0.8  #: as after a greeting cue (person.SCORE["greeting"])
SCORE_HINTED = 0.7

#: "I am" / "it's (again) me" of the languages newcomers write in, before a capitalised name: Vietnamese
#: (the speaker as younger, older, child or neutral: "em là", "anh là", "con là", "tôi là", "mình là"),
#: Polish ("to ja", "to znowu ja", "tu"), Tagalog ("ako si", "si" marking a person's name), French and
#: German ("c'est", "hier ist"). Keyed by the phrase's last word. A capitalised word must follow, since
#: Vietnamese syllables are names and words alike ("em là sinh viên", I am a student).
_INTRO_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "là": (("em", "là"), ("anh", "là"), ("chị", "là"), ("con", "là"), ("cháu", "là"), ("tôi", "là"), ("mình", "là")),
    "ja": (("to", "ja"), ("to", "znowu", "ja"), ("znowu", "ja"), ("tu", "ja")),
    "si": (("ako", "si"),),
    "c'est": (("c'est",),),
    "ist": (("hier", "ist"),),
}

#: "X fra dere ringte": the bank's own people are named by the bank, its service or "you".
_FROM = frozenset({"fra", "frå", "from"})
_US_PLACES = frozenset(
    {"dere", "dykk", "dokker", "banken", "kundeservice", "kundesenteret", "kundestøtte", "support", "chatten",
     "chat", "you", "your", "the"}
)  # fmt: skip
#: After "from the": the places of the bank's people and of an earlier conversation.
_THE_PLACES = frozenset({"bank", "chat", "branch", "office", "support", "helpdesk"})
#: "it's X from the chat": saying who writes before saying where from.
_CLEFTS = (("it's",), ("its",), ("this", "is"), ("det", "er"), ("det", "e"), ("d", "e"), ("de", "e"), ("dette", "er"))

#: Personal pronouns, never a name before "from you" ("he from the bank", "han fra dere").
_PERSONAL = frozenset(
    {"he", "she", "it", "we", "they", "you", "me", "us", "him", "her", "them", "han", "hun", "ho", "hu", "hon",
     "de", "dei", "dem", "meg", "mæ", "deg", "seg", "oss", "dere", "dokker", "henne", "honom"}
)  # fmt: skip

#: "is 'Will' okay as name": a quoted word asked about as a name.
_QUOTES = frozenset("'\"«»“”‘’")
_OF = frozenset({"of", "for", "på", "til", "av"})
_AS_NAME = (("as", "name"), ("as", "my", "name"), ("as", "the", "name"), ("som", "navn"), ("som", "navnet"))

#: Month names and their abbreviations: "jan-mars" is a span of months, not a double name.
_MONTHS = frozenset(
    {"jan", "januar", "january", "feb", "februar", "february", "mar", "mars", "march", "apr", "april", "mai",
     "may", "jun", "juni", "june", "jul", "juli", "july", "aug", "august", "sep", "sept", "september", "okt",
     "oct", "oktober", "october", "nov", "november", "des", "dec", "desember", "december"}
)  # fmt: skip


def intro_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of the names these rules find among words not yet ``covered``."""
    n = len(toks.low)
    text = toks.text
    # the first loop's rules follow an introduction phrase's last word or "fra"/"from": two set tests
    introduced = not (_INTRO_PHRASES.keys().isdisjoint(toks.low) and _FROM.isdisjoint(toks.low))
    for j in range(1, n) if introduced else ():
        if covered[j]:
            continue
        phrases = _INTRO_PHRASES.get(toks.low[j - 1])
        if phrases is not None and _introduced(toks, j, phrases):
            yield j, extend(toks, j, strong=False), SCORE_INTRO
        elif toks.low[j - 1] in _FROM and j >= 2 and not covered[j - 2] and _from_us(toks, j - 2):
            yield j - 2, j - 2, SCORE_HINTED
    if "-" in text:
        for j in range(n):
            if not covered[j] and _double_given(toks, j):
                yield j, j, SCORE_HINTED
    if "name" in text or "navn" in text:
        for j in range(n):
            if not covered[j] and _asked_as_name(toks, j):
                yield j, j, SCORE_HINTED
    if "\n" in text:
        for j in range(1, n - 1):
            if not covered[j] and covered[j - 1] and covered[j + 1] and _middle_line(toks, j):
                yield j, j, SCORE_HINTED


def _introduced(toks: Tokens, j: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Word ``j`` is capitalised right after a self-introduction phrase of another language."""
    if toks.shape[j] != CAP or toks.flags[j] & (FUNCTION | NOT_NAME) or len(toks.low[j]) < 2:
        return False
    if toks.gap(j - 1).strip(" ,"):
        return False
    if toks.low[j] in relations().pronoun:
        return False
    for phrase in phrases:
        first = j - len(phrase)
        words = first >= 0 and all(toks.low[first + k] == w for k, w in enumerate(phrase))
        if words and all(plain_gap(toks, k) for k in range(first, j - 1)):
            return True
    return False


def _from_us(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a listed given name "from you" or "from the chat": capitalised, one of the bank's
    people ("Dag fra dere ringte", "Kari from your branch"); in any case after "it's" / "det er", the
    writer saying where the bank met them ("its guy from the chat")."""
    flags = toks.flags[k]
    low = toks.low[k]
    if not flags & GIVEN or flags & NOT_NAME or len(low) < 3 or low in _PERSONAL or low in relations().kin:
        return False
    if not (plain_gap(toks, k) and plain_gap(toks, k + 1)) or k + 2 >= len(toks.low):
        return False
    place = toks.low[k + 2]
    if place not in _US_PLACES:
        return False
    if place == "the" and (k + 3 >= len(toks.low) or toks.low[k + 3] not in _THE_PLACES):
        return False
    clefted = any(_before(toks, k, phrase) for phrase in _CLEFTS)
    if low in relations().pronoun and not clefted:
        return False  # "a guy from the bank called"; but "its guy from the chat": a bare noun wants an article
    if clefted:
        return not flags & SOFT or toks.shape[k] == CAP
    return toks.shape[k] == CAP and not flags & (FUNCTION | SOFT)


def _before(toks: Tokens, k: int, phrase: tuple[str, ...]) -> bool:
    first = k - len(phrase)
    return first >= 0 and all(toks.low[first + i] == w and plain_gap(toks, first + i) for i, w in enumerate(phrase))


def _double_given(toks: Tokens, j: int) -> bool:
    """A lower-case hyphenated double given name ("may-britt", "kari-anne"): every part a given name, one
    of them a frequent one that is no everyday word, and not a span of months ("jan-mars")."""
    low = toks.low[j]
    if toks.shape[j] != LOWER or "-" not in low:
        return False
    parts = low.split("-")
    if len(parts) != 2 or parts[0] == parts[1]:
        return False
    table = word_flags()
    flags = [table.get(p, 0) for p in parts]
    if not all(f & GIVEN for f in flags) or sum(p in _MONTHS for p in parts) > 1:
        return False
    return any(f & WELL_KNOWN and not f & (AMBIGUOUS | FUNCTION | SOFT | NOT_NAME) for f in flags)


def _asked_as_name(toks: Tokens, j: int) -> bool:
    """Word ``j`` stands alone in quotes and the sentence asks about it "as name" ("is 'Will' ok as name
    on the card", "går «Bassi» an som navn")."""
    flags = toks.flags[j]
    if flags & NOT_NAME or len(toks.low[j]) < 2 or not (toks.shape[j] == CAP or flags & GIVEN):
        return False  # a lower-case word in no list of names is asked about as a word ("fee" as name of)
    before = toks.gap(j - 1)[-1:] if j > 0 else toks.text[: toks.start[j]][-1:]
    after = toks.text[toks.end[j] : toks.end[j] + 1]
    if before not in _QUOTES or after not in _QUOTES:
        return False
    n = len(toks.low)
    for k in range(j + 1, min(j + 4, n)):
        for phrase in _AS_NAME:
            end = k + len(phrase)
            if end <= n and toks.low[k:end] == list(phrase) and all(plain_gap(toks, m) for m in range(k, end - 1)):
                return end >= n or toks.low[end] not in _OF  # not "as name of the charge"
    return False


def _middle_line(toks: Tokens, j: int) -> bool:
    """A Vietnamese middle name ("Van", "Thi") alone on its line between two lines that are names found
    ("Nguyen\\nVan\\nThanh"): a form's first, middle and last name, one a line."""
    if toks.low[j] not in MIDDLE_MARKERS or toks.shape[j] == LOWER:
        return False
    return toks.gap(j - 1).strip(" ") == "\n" and toks.gap(j).strip(" ") == "\n"
