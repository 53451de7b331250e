"""PERSON, the other way round: the words around a capitalised run that make it no person's name.

A firm named after its owner ("Hansen Bygg AS", "Møller Bil"), a street named after a person ("Thorvald
Meyers gate 45", "63 Victoria Street") and a thing a cue names ("en app som heter Vipps") are redacted by
other recognizers or not at all; ``person.py`` asks these before it reports a name.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._gazetteer import AMBIGUOUS, FUNCTION, GIVEN, NAME, NOT_NAME, SURNAME
from anonymizer.recognizers._tokens import LOWER, Tokens
from anonymizer.recognizers.address import street_name_start, street_words
from anonymizer.recognizers.person_extend import NUMBER_AFTER
from anonymizer.recognizers.person_introduced import signed_pair
from anonymizer.recognizers.person_shops import names_a_shop

_STREET_AFTER = re.compile(r" (?P<w>[^\W\d_]+)\.?(?P<n> \d)?")
_NUMBER_BEFORE = re.compile(r"\d[A-Za-z]? $")
#: "5011 Bergen"; not the last four digits of a longer number ("4091-0867 arild her": a phone number)
_POSTCODE_BEFORE = re.compile(r"(?<![-./+])\b\d{4} $")
#: Words that no street's name holds but that stand between a person and where they live: "Malin på
#: Lilla Torg 3", "Marte i Kongens gate 62", "Sindre frå Fosswinckels gate 33". The street after them is
#: not the name's street, so the search for a street word stops there.
_NOT_IN_A_STREET = frozenset(
    {"på", "pa", "i", "frå", "fra", "til", "te", "ved", "hos", "og", "and", "in", "at", "from"}
)

#: Legal-form suffixes: "Fjordkraft AS", "Hansen Bygg ASA", "Acme Ltd" name companies, not people.
#: Compared case-sensitively, so that English "as" ("I know Kari as a friend") is not one.
COMPANY_SUFFIXES = frozenset(
    {"AS", "ASA", "AB", "ANS", "BA", "DA", "SA", "NUF", "Ltd", "LTD", "Inc", "INC", "GmbH", "LLC", "PLC",
     "plc", "Limited", "Corp", "Oyj", "ApS", "A/S"}
)  # fmt: skip


#: Trades that follow a family name in a firm's name ("Møller Bil", "Hansen Bygg").
COMPANY_WORDS = frozenset(
    {"bil", "bygg", "elektro", "regnskap", "transport", "eiendom", "service", "consulting", "holding", "invest",
     "maskin", "rør", "vvs", "frisør", "bakeri", "hotell", "hotel", "tannlege", "advokat", "advokatfirma",
     "entreprenør", "tak", "maling", "auto", "motor", "handel", "gruppen", "group", "partners", "co", "dekk",
     "hage", "anlegg", "tapet", "rørlegger", "elektriker", "megler", "eiendomsmegling", "catering"}
)  # fmt: skip


def _names_a_company(toks: Tokens, first: int, last: int) -> bool:
    """The word after the candidate is a legal form ("Fjordkraft AS") and no word of it is a known name
    (a run of names before a legal form is ``person_firms.py``'s to judge, which ``person.py`` asks
    first). Names joined by "&" are a firm's ("Hansen & Sønn", "Johnson & Johnson", "Hartley & Moss")."""
    if names_a_shop(toks, first, last):
        return True  # "Sol Kaffebar", "Roar Frisør", "Borettslaget Solbakken"
    if signed_pair(toks, first, last):
        return False  # "Hilsen\nFrank & Joy Berg": a couple signs, a firm does not (person_introduced.py)
    sure_given = bool(toks.flags[first] & GIVEN and not toks.flags[first] & (AMBIGUOUS | SURNAME))
    full_name = sure_given and last > first  # "Luca Bianchi & Giulia Rossi": two people, not a firm
    if not full_name and ("&" in toks.gap(last) if last + 1 < len(toks.low) else False):
        return not (_given_names(toks, last, last + 1) or _both_after(toks, last + 1))
    if not full_name and first > 0 and "&" in toks.gap(first - 1):
        return not (_given_names(toks, first, first - 1) or _both_after(toks, last))
    if not sure_given and any(toks.low[k] in COMPANY_WORDS for k in range(first + 1, last + 1)):
        return True  # "Møller Bil" taken whole
    if last + 1 >= len(toks.low) or toks.gap(last).strip(" ") != "":
        return False
    if toks.shape[last + 1] != LOWER and toks.low[last + 1] in COMPANY_WORDS and not sure_given:
        return True  # "Møller Bil", "Hansen Bygg", "Berg Bil og Dekk": a firm named after its owner
    legal_form = toks.text[toks.start[last + 1] : toks.end[last + 1]].rstrip(".") in COMPANY_SUFFIXES
    if legal_form and first == last and not sure_given:
        return True  # "Bakke AS", "Tannlege Haug AS": a family name alone before a legal form is the firm's
    if any(toks.flags[k] & NAME for k in range(first, last + 1)):
        return False
    return legal_form


_TWINS = frozenset({"twins", "tvillinger", "tvillingar", "tvillingene", "tvillingane"})


def _both_after(toks: Tokens, k: int) -> bool:
    """ "Can Olu & Kemi both sign": "both"/"begge" after the pair makes it two people, not a firm."""
    if k + 2 < len(toks.low) and toks.low[k + 1] in ("are", "er", "e") and toks.low[k + 2] in _TWINS:
        return True  # "Faith & Joy are twins": a firm has no twins
    return k + 1 < len(toks.low) and toks.low[k + 1] in ("both", "begge", "båe") and not toks.gap(k).strip()


def _given_names(toks: Tokens, a: int, b: int) -> bool:
    """Both words are given names, no everyday words, and not both surnames: "Liam & Noah", "Gunnhild &
    Reidar" are people, as firms take their owners' surnames ("Hansen & Sønn"), not their given names."""
    if all(toks.shape[k] == LOWER and toks.flags[k] & GIVEN and not toks.flags[k] & NOT_NAME for k in (a, b)):
        return True  # "per & liv", "rose & mark": firms are written capitalised; these are a couple
    given = all(toks.flags[k] & GIVEN and not toks.flags[k] & (AMBIGUOUS | NOT_NAME) for k in (a, b))
    if given and not all(toks.flags[k] & SURNAME for k in (a, b)):  # "Johnson & Johnson" is a firm
        return True
    # "Mark & Hannah": a given name that is a word beside one that is a given name only (no surname, no
    # word); no firm takes the given name of an owner with the word beside it ("Ernst & Young", "Marks &
    # Spencer" are surnames both).
    both_given = all(toks.flags[k] & GIVEN and not toks.flags[k] & (NOT_NAME | FUNCTION) for k in (a, b))
    return both_given and any(not toks.flags[k] & (SURNAME | AMBIGUOUS) for k in (a, b))


def _names_a_street(toks: Tokens, first: int, last: int) -> bool:
    """The words are (part of) a street or place name: "Thorvald Meyers gate 45", "karl johans gate 27",
    "63 Victoria Street", "Solvei 16", "5011 Bergen"."""
    words = street_words()
    if _POSTCODE_BEFORE.search(toks.text, max(0, toks.start[first] - 8), toks.start[first]):
        return True
    pos = toks.end[last]
    for _ in range(3):  # the street word may come after more of the street's name
        after = _STREET_AFTER.match(toks.text, pos)
        if after is None:
            break
        word = after.group("w").lower()
        if word in _NOT_IN_A_STREET:
            break
        if word in words.word and (after.group("n") or _genitive_street(toks, last, pos, after.start("w"))):
            return True
        if word in words.en and _NUMBER_BEFORE.search(toks.text, 0, toks.start[first]):
            return True
        pos = after.end("w")
    if NUMBER_AFTER.match(toks.text, toks.end[last]):
        low = toks.low[last]
        return any(low.endswith(x) for x in words.suffix) or any(low.endswith(x) for x in words.weak)
    return False


def _genitive_street(toks: Tokens, last: int, pos: int, word_start: int) -> bool:
    """ "Karl Johans gate", "Olav Kyrres gate-butikken": a genitive right before a lower-case street word
    names the street after the person, with or without a house number."""
    return pos == toks.end[last] and toks.text[pos - 1] == "s" and toks.text[word_start].islower()


def _before_street(toks: Tokens, first: int, last: int) -> int:
    """The last word of the name before a street named after a person, if the run goes into one:
    "Kolbjørn Haugland Karl Johans gate 94" is "Kolbjørn Haugland" and the address "Karl Johans gate 94".
    Returns ``first - 1`` when the whole run is the street's name, ``last`` when no street follows."""
    after = _STREET_AFTER.match(toks.text, toks.end[last])
    if after is None or not after.group("n") or after.group("w").lower() not in street_words().word:
        return last
    start = street_name_start(toks.text, after.start("w"))
    if start is None or start > toks.start[last]:
        return last
    k = last
    while k >= first and toks.start[k] >= start:
        k -= 1
    if k == first and not toks.flags[k] & NAME:
        return first - 1  # one word in no list before the street's name: part of it, or nothing
    return k


#: "noe som heter mobilpay", "an app called Vipps": the cue names a thing, not a person.
_THINGS = frozenset(
    {
        "noe", "noko", "något", "something", "firma", "firmaet", "selskap", "selskapet", "butikk", "butikken",
        "app", "appen", "tjeneste", "tjenesten", "side", "siden", "nettside", "nettsiden", "nettbutikk",
        "company", "shop", "store", "site", "website", "service", "program", "programmet", "fond", "fondet",
    }
)  # fmt: skip


def _names_a_thing(toks: Tokens, before_cue: int) -> bool:
    """The word before the cue phrase is a thing ("firma som heter Berg Bil"): what the cue names is its
    name, not a person's. Not a thing that ends the sentence before ("a credit card. My name is ...")."""
    if before_cue >= 1 and toks.low[before_cue] in ("som", "that", "called"):
        before_cue -= 1
    return before_cue >= 0 and toks.low[before_cue] in _THINGS and not toks.gap(before_cue).strip()
