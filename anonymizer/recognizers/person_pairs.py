"""Two people joined by "og"/"and"/"&" as the subject of a sentence: "Finn og Frøya skal ha
barnesparing", "do both hope and jack need to sign?", "he and frank share it", "may and i both got ...".

Why: chat names the people a question is about as a pair in front of the verb, with no other cue. The
lists rule (``person_lists.list_names``) needs one of them found already, and the coordination rule
(``coordinated_names``) needs "both"/"begge" or kin after them; here the sentence itself is the
evidence: a pair that opens the sentence (or follows the question's modal verb, or a pronoun of a
person) and is followed by a verb. Everyday pairs take that place too ("sol og regn er ...", "mai og
juni var dyre"), so each item must be a listed name, a word in no list, the writer or a pronoun of a
person, at least one a listed name (or a name already found), and two months or weekdays are months.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NAME, NOT_NAME, PARTICLE, SOFT, word_flags
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens, wordlike
from anonymizer.recognizers.person_context import SCORE_DOUBT, candidate_score
from anonymizer.recognizers.person_subjects import _ADVERBS
from anonymizer.recognizers.person_words import _MODAL, _SUBJECT_VERBS, Relations, _word, plain_gap, relations

_NUMBER_BEFORE = re.compile(r"\d[.:]? ?\Z")
SCORE_PAIR = 0.5  # both listed names, capitalised: balanced mode too
#: What opens a question before its subject: "kan Finn og Frøya ...", "do both hope and jack ...".
_OPENERS = _MODAL | {"do", "does", "did", "are", "were", "is", "har", "hadde", "er", "skal", "ska", "vil", "må"}
_BOTH = frozenset({"both", "begge", "båe", "bægge"})
#: Pronouns of people that may stand in a pair: "he and frank", "ho og Jo", "Tor og du". The pair is one
#: of people, but the pronoun names nobody ("jeg og du skal ha lån": "du" is listed as a surname).
_PERSON_PRONOUNS = frozenset({"he", "she", "han", "hun", "ho", "hu", "du", "dere", "dokker", "dykk", "you", "they"})
#: What follows the pair: a verb of people, or "both" ("rowena and jhun both bank with you").
_AFTER = _SUBJECT_VERBS | _BOTH | {
    "need", "needs", "want", "wants", "share", "shared", "deler", "delte", "sign", "signs", "bank", "live",
    "can", "could", "should", "must", "have", "are", "were", "got", "bor", "bur", "sent", "paid", "said",
    "sendte", "betalte", "trenger", "ønsker", "skulle", "kunne", "hadde", "få", "fått", "get", "fikk",
    "ble", "blei", "vart", "became",  # "Hevin og Rojda ble lurt": what happened to them
}  # fmt: skip
_MONTHS_AND_DAYS = frozenset(
    {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
     "desember", "january", "february", "march", "may", "june", "july", "october", "december", "mandag",
     "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"}
)  # fmt: skip


def subject_pairs(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, float]]:
    """(word, score) of each uncovered name in a pair that is the subject of its sentence."""
    rel = relations()
    n = len(toks.low)
    if n < 3 or ("&" not in toks.text and rel.and_.isdisjoint(toks.low) and "å" not in toks.low):
        return  # every pair here is joined by "og", "and", "å" or "&"
    for a in range(n - 1):
        joins = toks.low[a + 1] in rel.and_ or (toks.low[a + 1] == "å" and _word(toks, a + 2) in rel.self_)
        if joins and a + 2 < n and plain_gap(toks, a) and plain_gap(toks, a + 1):
            b = a + 2  # "Tor å æ ska ha": dialect "å" for "og" before the writer
        elif toks.gap(a) == " & ":
            b = a + 1
        else:
            continue
        if not _starts_clause(toks, a) or not _verb_follows(toks, b):
            continue
        pair = (a, b)
        kinds = [_kind(toks, k, other, rel, covered) for k, other in ((a, b), (b, a))]
        if None in kinds:
            continue
        if "name" not in kinds and not (kinds == ["unlisted", "unlisted"] and _asked_about(toks, a, b)):
            continue  # "Can Olu & Kemi both sign": two capitalised words in no list, asked about as people
        if sum(1 for k in pair if toks.low[k] in _MONTHS_AND_DAYS) > 1:
            continue  # "mai og juni var dyre"
        sure = all(kind == "name" and toks.shape[k] == CAP for kind, k in zip(kinds, pair, strict=True))
        for kind, k in zip(kinds, pair, strict=True):
            if kind in ("name", "unlisted") and not covered[k]:
                yield k, SCORE_PAIR if sure else SCORE_DOUBT


def _starts_clause(toks: Tokens, a: int) -> bool:
    """The pair opens its sentence, or comes after the question's modal ("kan", "do both")."""
    if toks.initial[a]:
        return True
    k = a - 1
    if _word(toks, k) in _BOTH and k > 0:
        k -= 1
    return k >= 0 and toks.initial[k] and _word(toks, k) in _OPENERS and plain_gap(toks, k)


def _verb_follows(toks: Tokens, b: int) -> bool:
    k = b + 1
    if k >= len(toks.low) or not plain_gap(toks, b):
        return False
    if toks.low[k] in _ADVERBS and k + 1 < len(toks.low) and plain_gap(toks, k):
        k += 1
    return toks.low[k] in _AFTER or toks.low[k] in relations().speech


def _self(toks: Tokens, k: int, rel: Relations) -> bool:
    """ "may and i", "Tor og jeg": the writer; a lower-case "i" only where nothing is capitalised."""
    low = toks.low[k]
    if low not in rel.self_:
        return False
    return low != "i" or toks.text[toks.start[k]] == "I" or not any(c.isupper() for c in toks.text)


def _asked_about(toks: Tokens, a: int, b: int) -> bool:
    """Two capitalised words, the subject of a question ("Can Olu & Kemi both ...") or called both."""
    if toks.shape[a] != CAP or toks.shape[b] != CAP:
        return False
    return _word(toks, b + 1) in _BOTH or (not toks.initial[a] and _word(toks, a - 1) in _MODAL)


def _kind(toks: Tokens, k: int, other: int, rel: Relations, covered: list[bool]) -> str | None:
    """ "name" (listed, or found already), "unlisted" (no list, reads as a name), "person" (the writer or
    a pronoun of a person), or None (an everyday word: the pair is no pair of people)."""
    low = toks.low[k]
    if _self(toks, k, rel):
        return "person"
    if low in _PERSON_PRONOUNS:
        return "person"
    if covered[k]:
        return "name"
    flags = toks.flags[k] | word_flags().get(low, 0)  # "will", "may": names the tokenizer reads as words
    if flags & NOT_NAME or low in rel.pronoun or len(low) < 2:
        return None
    dated = _NUMBER_BEFORE.search(toks.text[max(0, toks.start[k] - 4) : toks.start[k]]) is not None
    if dated or (toks.shape[k] == UPPER and len(low) <= 3):
        return None  # "fra 1. juli og jeg", "at 4:12 AM and I": a date or a time; "BSU og ASK": acronyms
    if toks.shape[k] == LOWER and flags & COMMON and toks.shape[other] == CAP:
        return None  # "Fred og ro", "Liv og helse": a lower-case word after a capital is a word, not a name
    if flags & NAME:
        if toks.shape[k] == LOWER and flags & FUNCTION and not toks.initial[k] and not _self(toks, other, rel):
            return None  # "you and may" is no pair; "may and i" opening the message, "jeg og will" are
        return "name"
    if candidate_score(toks, k) is not None:
        return "unlisted"
    if toks.shape[k] == CAP and not flags & COMMON and len(low) > 2 and not wordlike(low):
        return "unlisted"  # "Kaiden", "Tobbe": capitalised, in no list, though near a frequent word
    return None


#: What joins an ampersand pair: "per & liv", "mark&grace".
_AMPERSAND_GAPS = frozenset({" & ", "&"})
SCORE_AMPERSAND = 0.6


def ampersand_pairs(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, float]]:
    """(word, score) of both names of a lower-case pair joined by "&" where both are listed given names:
    "per & liv", "mark & grace".

    Why: "&" joins names of a couple the way it joins brand words ("salt & pepper"), but two given names
    side by side are a couple wherever they stand; a word that is also a name ("per", "mark") needs its
    partner to be a given name too, and months, places and closed-class words never count.
    """
    table = word_flags()
    n = len(toks.low)
    for k in range(n - 1):
        if toks.gap(k) not in _AMPERSAND_GAPS or toks.shape[k] != LOWER or toks.shape[k + 1] != LOWER:
            continue
        if all(_ampersand_given(toks, m, table) for m in (k, k + 1)):
            for m in (k, k + 1):
                if not covered[m]:
                    yield m, SCORE_AMPERSAND


def _ampersand_given(toks: Tokens, k: int, table: dict[str, int]) -> bool:
    low = toks.low[k]
    flags = table.get(low, toks.flags[k])
    if len(low) < 2 or low in _MONTHS_AND_DAYS:
        return False
    return bool(flags & GIVEN) and not flags & (FUNCTION | SOFT | NOT_NAME | PARTICLE)
