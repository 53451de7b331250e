"""The words and small helpers the name-relation rules share (``person_context``, ``person_lists``,
``person.py``): which words say what about the word next to them, and the relations of
``anonymizer/data/person_relations.txt`` by kind. Data and lookups only; the rules are elsewhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from anonymizer.recognizers._gazetteer import word_list
from anonymizer.recognizers._tokens import LOWER, UPPER, Tokens

_ARTICLES = frozenset({"en", "ei", "et", "a", "an"})
_LOCATIVE = frozenset({"i", "in", "på", "at", "ved", "near", "nær", "hos"})
_POSSESSIVES = frozenset({"min", "mi", "mitt", "mine", "din", "di", "ditt", "vår", "våres"})
_DETERMINERS = _ARTICLES | {"the", "this", "that", "my", "your", "our", "min", "din", "denne"}
_CLEFT = (
    ("det", "er"), ("det", "var"), ("it's",), ("its",), ("it", "is"), ("it", "was"), ("det", "e"), ("er", "det"),
    ("var", "det"), ("e", "d"), ("e", "det"), ("d", "e"), ("d", "va"), ("det", "va"), ("was", "it"), ("is", "it"),
)  # fmt: skip
_IDENTITY = (
    ("dette", "er"), ("det", "er"), ("this", "is"), ("it's",), ("its",), ("her", "er"), ("det", "e"), ("æ", "e"),
    ("eg", "e"), ("de", "e"), ("d", "e"), ("dette", "e"), ("detta", "e"), ("da", "e"), ("dæ", "e"), ("dæ", "er"),
)  # fmt: skip
_ENGLISH_IDENTITY = frozenset({"it's", "its", "is"})
_IT_IS = (("det", "er"), ("det", "e"), ("de", "e"), ("d", "e"), ("da", "e"), ("dæ", "e"), ("dæ", "er"))
_GREETINGS = frozenset(
    {"hei", "heisann", "hallo", "hi", "hello", "hey", "takk", "thanks", "thank", "tusen", "hej", "halla", "heia",
     "hoi", "yo", "hallå", "cheers", "thx", "ty", "tusen takk", "mvh", "hilsen",
     # season's and day's greetings before the name spoken to: "Godt nyttår dag!", "god morgen Per,"
     "nyttår", "jul", "morgen", "morning"}
    # the greetings typed with the last letter drawn out: "hiii", "heiii", "heyyy", "hallooo"
    | {word + word[-1] * k for word in ("hi", "hei", "hey", "hallo", "hello", "halla", "heia", "yo")
       for k in range(1, 5)}
)  # fmt: skip
#: Words that close a message before the writer's name: "cheers, bill", "takk, even".
_SIGN_OFFS = frozenset(
    {"cheers", "thanks", "thx", "ty", "takk", "tusen takk", "mvh", "hilsen", "helsing", "regards", "best"}
)
_YOU = frozenset({"du", "dere", "dokker", "you", "u", "ya", "ur", "you're", "youre"})
_PLEASE = frozenset({"please", "pls", "kan", "can", "could", "would", "vennligst", "takk"})
_SIN = frozenset({"sin", "si", "sitt", "sine"})
#: "X er etternavnet mitt": the words for a name itself.
_NAME_NOUNS = frozenset(
    {"navnet", "namnet", "etternavnet", "etternamnet", "fornavnet", "førenamnet", "mellomnavnet", "name", "surname"}
)
_RECEIVE = frozenset({"få", "fått", "get", "receive", "bli"})
_HAVE = frozenset({"har", "hadde", "has", "had", "have", "he", "ha"})
_DONE = frozenset({"ringt", "sendt", "skrevet", "betalt", "overført", "called", "sent", "written", "paid", "sagt"})
_ROLES = frozenset(
    {
        "disponent", "fullmektig", "medlåntaker", "medlåntakar", "kausjonist", "verge", "eier", "eigar", "arving",
        "mottaker", "mottakar", "medeier", "signatar", "co-borrower", "guarantor", "signatory", "beneficiary",
        "owner", "kontaktperson", "daglig", "styreleder", "avsender", "avsendar", "sender", "innbetaler", "payer",
    }
)  # fmt: skip
_IS = frozenset({"er", "e", "is", "was", "var", "är"})
_MY = frozenset({"min", "mi", "mitt", "my", "vår", "our", "hennes", "hans", "her", "his"})
_DIALECT_ARTICLES = frozenset({"ho", "hu", "han", "n", "'n"})
_WHO = (("hvem", "er"), ("who", "is"), ("who's",), ("kven", "er"), ("vem", "är"), ("hvem", "var"))
_MODAL = frozenset({"kan", "can", "may", "skal", "bør", "må", "kunne", "could", "should", "will", "vil", "får"})
#: Words after a name that close it the way punctuation does, in dictated or all-caps text.
_CLOSING = frozenset(
    {"punktum", "komma", "fødselsnr", "fødselsnummer", "fnr", "personnummer", "tlf", "telefon", "mobil", "here",
     "again", "igjen", "igjæn", "atter", "speaking", "fra", "frå", "från", "from", "ringte", "called"}
)  # fmt: skip
AGE = re.compile(
    r" ?\(\d{1,2}(?: ?år)?\)| \d{1,2} år\b|, \d{1,2} år\b"
    r"| (?:på|pa|på snart|som er) \d{1,2}(?: ?år| ?mnd)?\b(?! ?(?:kr|kroner|%|timer|dager|uker|kg|cm|m\b|[.,]\d))"
)
LIST_GAP = re.compile(r"(?: ?\(\d{1,2}(?: ?år)?\))?\s*,\s*|\s+")
_SIGNATURE_MARK = re.compile(r"(?:\n|\s[/–—-]\s?|^[/–—-]\s?)$")
_SIGNATURE_LEAD = re.compile(r"(?:^|\n|[.!?]\s+|\s[/–—-]\s?|^[/–—-]\s?)$")


@dataclass(frozen=True, slots=True)
class Relations:
    """The word lists of ``person_relations.txt`` by kind."""

    self_: frozenset[str]
    and_: frozenset[str]
    here: frozenset[str]
    after_here: frozenset[str]
    grant: frozenset[str]
    granted: frozenset[str]
    get: frozenset[str]
    money: frozenset[str]
    prep: frozenset[str]
    owned: frozenset[str]
    speech: frozenset[str]
    who: frozenset[str]
    unit: frozenset[str]
    pronoun: frozenset[str]
    kin: frozenset[str]
    trade: frozenset[str]
    byname: frozenset[str]
    call: frozenset[str]
    service: frozenset[str]


#: "ekssamboeren min ROBIN", "my ex-wife Liv": a former partner or in-law is kin all the same; each kin
#: word is also listed with these prefixes, so the list need not spell every former relation out.
_FORMER = ("eks", "eks-", "ex", "ex-")


@functools.cache
def relations() -> Relations:
    kinds: dict[str, set[str]] = {}
    for line in word_list("person_relations.txt"):
        kind, word = line.split(maxsplit=1)
        kinds.setdefault(kind, set()).add(word)
    for kind in ("kin", "pronoun"):
        words = kinds.setdefault(kind, set())
        words |= {prefix + w for w in kinds.get("kin", ()) if w in words for prefix in _FORMER if len(w) >= 4}
    get = {name: frozenset(kinds.get(name.rstrip("_"), ())) for name in Relations.__dataclass_fields__}
    return Relations(**get)


def shouting(toks: Tokens) -> bool:
    """The message is (mostly) written in capitals, so capitals say nothing about a word."""
    return sum(1 for shape in toks.shape if shape == UPPER) * 2 > len(toks.shape)


def _words_before(toks: Tokens, j: int, phrase: tuple[str, ...]) -> bool:
    """The words right before ``j`` are ``phrase``, separated by spaces only."""
    first = j - len(phrase)
    if first < 0:
        return False
    return all(toks.low[first + k] == w for k, w in enumerate(phrase)) and all(
        not toks.gap(k).strip() for k in range(first, j)
    )


#: Phrases by their last word (see ``phrase_index``).
PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


def phrase_index(phrases: Iterable[tuple[str, ...]]) -> PhraseIndex:
    """``phrases`` grouped by their last word, each group in the given order."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[-1], []).append(phrase)
    return {last: tuple(group) for last, group in index.items()}


def phrase_before(toks: Tokens, j: int, index: PhraseIndex) -> tuple[str, ...] | None:
    """The first of the indexed phrases (in the order given to ``phrase_index``) whose words stand right
    before word ``j`` (as ``_words_before`` says), or None.

    Why an index: the rules ask this of every word a relation may vouch for, with a dozen phrases each;
    only the phrases ending in the word before ``j`` can match, so one dict lookup leaves one or two of
    them to compare, and the first match is the same as a scan of all of them in order would find."""
    if j < 1:
        return None
    for phrase in index.get(toks.low[j - 1], ()):
        if _words_before(toks, j, phrase):
            return phrase
    return None


def _gap_before(toks: Tokens, j: int) -> str:
    return toks.gap(j - 1) if j > 0 else ""


#: Kin nouns that take "in law" written apart: "my son in law Pawel", "her mother in-law Rosa".
_IN_LAW_KIN = frozenset(
    {"son", "daughter", "mother", "father", "brother", "sister", "sons", "daughters", "brothers", "sisters"}
)


def in_law(toks: Tokens, k: int) -> int:
    """Word ``k`` ends an in-law written as more than one word ("son in law", "son in-law", "son-in law"):
    the index of the word the phrase starts at, else -1. (Hyphened whole, "son-in-law" is one kin word.)"""
    low = _word(toks, k)
    if low == "in-law":
        first = k - 1
    elif low == "law" and _word(toks, k - 1) == "in":
        first = k - 2
    elif low == "law" and _word(toks, k - 1).endswith("-in"):
        return k - 1 if _word(toks, k - 1)[:-3] in _IN_LAW_KIN and plain_gap(toks, k - 1) else -1
    else:
        return -1
    if first < 0 or _word(toks, first) not in _IN_LAW_KIN:
        return -1
    return first if all(plain_gap(toks, m) for m in range(first, k)) else -1


def plain_gap(toks: Tokens, i: int) -> bool:
    """Words ``i`` and ``i + 1`` are separated by spaces only."""
    return not toks.gap(i).strip()


def _word(toks: Tokens, k: int) -> str:
    return toks.low[k] if 0 <= k < len(toks.low) else ""


def _title_case(toks: Tokens) -> bool:
    """Half the words or more start with a capital ("Can I Transfer Money to My Savings Account?")."""
    return sum(1 for s in toks.shape if s != LOWER) * 2 > len(toks.shape)


#: Verbs after which a sentence-opening given name is probably the subject: "Tor kommer innom",
#: "Trude er varslet", "Storm har bursdag". Storms and lives come and have too, so only a doubt.
_SUBJECT_VERBS = frozenset(
    {"kommer", "kom", "skal", "har", "hadde", "er", "var", "fikk", "får", "vil", "ville", "må", "trenger",
     "kjem", "kjæm", "treng", "hev", "flyttet", "flytta", "reiste", "jobber", "studerer", "fyller", "fylte",
     "is", "has", "was", "will", "gets", "got", "needs", "came", "comes", "moved", "works", "lives", "turns",
     "fekk", "ska", "sku", "skulle", "vart", "vert", "e", "ha", "hadd", "kan", "sa", "sier", "seie"}
)  # fmt: skip


#: Words that start questions and sentences but are also names somewhere ("Can", "Will", "May", "Kan").
NOT_FIRST = frozenset(
    {
      "can", "will", "may", "might", "shall", "should", "could", "would", "must", "did", "does", "do", "is", "are",
      "was", "were", "has", "have", "had", "kan", "vil", "skal", "må", "kunne", "ville", "skulle", "har", "er", "var",
      "blir", "får", "fikk", "bør", "hva", "hvor", "når",
    }
)  # fmt: skip
