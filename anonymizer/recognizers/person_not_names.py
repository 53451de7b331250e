"""PERSON, vetoed by kind: a span that is a place, a nationality, a firm or a month is no one's name.

Why: the name rules take a capitalised word after "til", "fra", "hos", "from", or one a payment
relation points at ("sende penger til Polen", "trukket av Storytel", "moved from Utrecht"), and in
strict mode even weak guesses reach the output. Most such words are proper nouns of another kind,
which a list recognises at the cost of one set lookup per reported span (``not_person_words.txt``).

A veto never overrides a personal cue right before the span (a greeting, sign-off, title, "jeg
heter", a kin word: "Hei Sofia", "min venn Jordan", "Mr French"), and one word that is also a
listed name ("Sofia", "Jordan", "Haugen", "Chase") is vetoed only where the words around it make it a
place or a brand ("trip to Sofia", "Victoria station", "på Finn", "a used Mercedes") or a date ("in
June"): in strict mode a doubt is redacted.
``person.py`` asks ``vetoed`` in its one ``emit`` before it reports a name.
"""

from __future__ import annotations

import functools
import re

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    GIVEN,
    NAME,
    SOFT,
    SURNAME,
    person_cues,
    word_flags,
    word_list,
)
from anonymizer.recognizers._gazetteer import _lines as data_lines
from anonymizer.recognizers._tokens import CAP, LOWER, Tokens, institution_word
from anonymizer.recognizers.person_not import COMPANY_SUFFIXES, COMPANY_WORDS
from anonymizer.recognizers.person_short import introduced_lower
from anonymizer.recognizers.person_words import relations

#: Cue kinds that point at a person, not at a destination or a payee: "Hei Sofia", "Mvh Kenya", "Mr French".
_PERSONAL_CUES = frozenset({"strong", "title", "greeting"})
#: Punctuation allowed between such a cue and the span ("Hei, Sofia", "Mvh\nJordan").
_CUE_GAP = re.compile(r"[\s,:;.\-–—]*")
#: Words before a place name that say "where": a name that is also a well-known given name needs one.
_LOCATIVE = frozenset({"i", "in", "på", "pa", "near", "nær", "ved", "around", "rundt", "visit", "visiting", "besøke"})
_TOWARDS = frozenset({"til", "to", "te", "fra", "frå", "from", "mot", "towards"})
#: Words before "til"/"to"/"fra" that make the goal a place: "reise til Sofia", "moved from Utrecht".
_TRAVEL = frozenset(
    {"reise", "reiser", "reiste", "ferie", "ferien", "tur", "turen", "trip", "flight", "fly", "flyet", "flytte",
     "flytter", "flyttet", "flytta", "moved", "moving", "move", "going", "go", "travel", "travelling", "traveling",
     "dra", "drar", "dro", "kom", "kommer", "came", "come", "comes", "back", "hjem", "home", "hjemme", "billett",
     "ticket", "tog", "train", "buss", "bus", "kjøre", "kjørte", "drive", "drove", "flew", "flyr", "fløy",
     "flying", "heading", "headed", "travelled", "traveled", "trips", "reist", "flyreise", "flyreisen"}
)  # fmt: skip
#: Ends of compounds that name a journey: "pilgrimstur", "klassetur", "bilferie", "flybillett", "roadtrip".
_NO_JOURNEY = frozenset({"retur", "returen", "natur", "naturen", "kultur", "signatur", "signaturen", "faktura"})
_JOURNEY_ENDS = ("tur", "turen", "ferie", "ferien", "reise", "reisen", "billett", "billetten", "trip", "flight")
#: Words before "på" that make the word after it a place: "hytte på Frøya", "bor på Moss".
_STAYING = frozenset({"hytte", "hytta", "ferie", "tur", "bor", "bodde", "budde", "besøk", "hus", "huset", "ligger"})
#: Words before "på" that make the next word the place where something is: "Butikken på Holmen".
_SITES = _STAYING | frozenset(
    {"butikken", "filialen", "kontoret", "banken", "senteret", "skolen", "gården", "garden", "jobben", "hjemme",
     "heime", "bodd", "bott", "bur", "budd", "vokste", "oppvokst", "leilighet", "leiligheten"}
)  # fmt: skip
#: Words before a brand that make it the shop, the marketplace or the thing: "på Finn", "a used Mercedes".
_BRAND_BEFORE = frozenset(
    {"på", "pa", "hos", "at", "with", "by", "a", "an", "en", "ein", "ei", "et", "eit", "used", "brukt", "brukte",
     "new", "ny", "nye", "nytt", "gammel", "gamle", "old", "kjøpt", "kjøpte", "bought"}
)  # fmt: skip
#: Nouns after a word that make it a place or an institution: "Victoria station", "Lie barnehage".
_PLACE_AFTER = frozenset(
    {"station", "stasjon", "stasjonen", "airport", "lufthavn", "flyplass", "kommune", "kommune's", "fylke",
     "fylkeskommune", "sentrum", "centre", "center", "city", "festival", "festivalen", "barnehage", "barnehagen",
     "skole", "skolen", "school", "kirke", "kirken", "church", "hospital", "sykehus", "sjukehus", "borettslag",
     "brl", "sameie", "båtforening", "idrettslag", "fc", "park", "parken", "havn", "harbour", "harbor"}
)  # fmt: skip
#: Last words of a firm's name: "Kvamme Snekkerservice", "Grace Financial", "Penrose Marine Supplies".
_FIRM_ENDINGS = (
    "service", "services", "servise", "rekneskap", "regnskap", "financial", "finance", "supplies", "solutions",
    "consulting", "eiendom", "eiendomsservice", "reiser", "travel", "helse", "bygg", "elektro", "transport",
    "entreprenør", "entreprise", "industri", "marine", "logistics", "logistikk", "holding", "invest", "capital",
    "gruppen", "group", "partners", "systems", "technologies", "tech", "media", "energi", "energy",
)  # fmt: skip
#: Words before a month's name that make it a date: "in June", "siden april", "early May".
_DATE_BEFORE = frozenset(
    {"in", "i", "since", "siden", "until", "till", "innen", "before", "after", "før", "etter", "early", "late",
     "mid", "during", "primo", "ultimo", "medio", "next", "last", "this", "neste", "forrige", "hele", "every",
     "each", "of", "through", "throughout", "gjennom", "om"}
)  # fmt: skip
#: Words between a kin noun and a name: "søstra mi Frøya", "Dottera vår Frøya", "mora til Frøya".
_OF_KIN = frozenset({"min", "mi", "mitt", "mine", "my", "vår", "våres", "our", "din", "your", "hans", "his",
                     "hennes", "her", "til", "te", "sin", "si"})  # fmt: skip
_AND = frozenset({"og", "och", "and", "&", "eller", "or", "å"})
_PRONOUNS = frozenset(
    {"eg", "jeg", "jag", "i", "me", "meg", "mig", "oss", "vi", "we", "us", "æ", "mæ", "jæ", "du", "you"}
)
#: An age after a name: "Frøya (6)", "Finn, 12 år" (not "på 1 249 kr").
_AGE = re.compile(r" ?\(\d{1,2}(?: ?år| ?years?)?\)|,? \d{1,2} (?:år|years? old)\b")
_DAY_BEFORE = re.compile(r"\d{1,2}(?:\.|st|nd|rd|th)?\s*(?:of\s+)?$")
_DAY_AFTER = re.compile(r"\s*\d{1,4}\b")


@functools.cache
def _kinds() -> dict[str, frozenset[str]]:
    """Each listed phrase (its lower-case words joined by one space) with the kinds it is listed under.
    The existing list of places and brands the gazetteer holds counts as places."""
    table: dict[str, set[str]] = {}
    for line in data_lines("not_person_words.txt"):
        kind, phrase = line.split(maxsplit=1)
        for entry in phrase.split() if kind == "lower" else (phrase,):
            table.setdefault(entry, set()).add(kind)
    for word in word_list("places_and_brands.txt"):
        table.setdefault(word, set()).add("place")
    return {phrase: frozenset(kinds) for phrase, kinds in table.items()}


def listed_kinds(phrase: str) -> frozenset[str]:
    """The kinds ("place", "nation", "brand", "month", "lower") a lower-case phrase is listed under."""
    return _kinds().get(phrase, frozenset())


def is_month(low: str) -> bool:
    """Lower-case word ``low`` is listed as a month's name ("mai", "june"): "it's June." is the time of year."""
    kinds = _kinds().get(low)
    return kinds is not None and "month" in kinds


@functools.cache
def _long_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases of two words or more by their first word, for spans that hold only part of the phrase
    ("Kari" of "Kari Traa-genser") or a phrase and more ("Clas Ohlson Storo")."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _kinds():
        words = tuple(phrase.split(" "))
        if len(words) > 1:
            by_first.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in by_first.items()}


#: "St. Olavs hospital", "Sankt Hans": what follows is a saint's name standing for a place or a day.
_SAINT = frozenset({"st", "sankt"})
#: What a saint's name in the nominative names: "St. Olav kirke", "St. Jørgen sykehjem".
_SAINTS_PLACES = frozenset(
    {"hospital", "sykehus", "sjukehus", "kirke", "kirka", "kyrkje", "kyrkja", "church", "gate", "gata", "plass",
     "skole", "skule", "sykehjem", "hospice", "school", "street"}
)  # fmt: skip


def _saints_place(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a saint's name after "St." or "Sankt" standing for a place or a day: in the
    genitive ("St. Olavs"), before a place noun ("St. Olav kirke"), or after "Sankt" ("Sankt Hans")."""
    if not k or toks.low[k - 1] not in _SAINT or toks.gap(k - 1) not in (". ", " "):
        return False
    after = toks.low[k + 1] if k + 1 < len(toks.low) else ""
    return toks.low[k - 1] == "sankt" or toks.low[k].endswith("s") or after in _SAINTS_PLACES


def vetoed(toks: Tokens, first: int, last: int, named: list[tuple[int, int, float]]) -> bool:
    """Words ``first..last``, about to be reported as a name, are a place, nationality, firm or month
    where they stand, and no personal cue comes right before them. ``named``: the words of each name
    reported so far; a word that is someone's name elsewhere in the message is that name here too
    ("Finn og eg har lån ... No vil Finn ut")."""
    if toks.shape[first] == LOWER and toks.shape[last] == LOWER:
        return first == last and _everyday(toks, first)
    if first == last and not toks.flags[first] & NAME and institution_word(toks.low[first]):
        return True  # "til Svindelavdelingen", "/Sigrid, Etterlatteavdelinga": a department, not a person
    if _matched(toks, first, last) or _after_compass(toks, first) or _adverb(toks, first, last):
        return True  # "Chelsea vs Arsenal", "North Dakota", "Even if it took long"
    if _saints_place(toks, first):
        return True  # "på St. Olavs", "St. Olav kirke", "Sankt Hans"; not "Marie St. Pierre"
    words = [toks.bare(k) for k in range(first, last + 1)]
    kinds = _kinds().get(" ".join(words))
    if kinds is not None and "month" in kinds and first == last and _date(toks, first):
        return True  # "My wife June passed away in June": the second is a date
    if any([toks.bare(k) for k in range(a, b + 1)] == words for a, b, _ in named):
        # "Sofia er i Sofia", "Jordan skal på ferie til Jordan": the name's namesake, where it says so
        return kinds is not None and "place" in kinds and first == last and _placed(toks, first, last, named=True)
    if kinds is None and first == last and toks.shape[first] == CAP and len(words[0]) > 4:
        kinds = _kinds().get(words[0][:-1]) if words[0].endswith("s") else None  # "Elkjøps feil"
        if kinds is not None and _owner(toks, first, words[0][:-1]):
            return False  # "Kenyas konto er sperret": a given name's genitive before a bank account
    if kinds is None and first == last and not toks.flags[first] & NAME and _placed(toks, first, last, named=True):
        return True  # "She moved to Brooklyn": a word no list holds as a name, where a place stands
    in_phrase = False
    if kinds is None:
        kinds = _part_of_phrase(toks, first, last, words)
        in_phrase = kinds is not None  # "Kari" of "Kari Traa-genser": the whole phrase vouches
    if kinds is not None:
        kinds = kinds - {"month", "lower"}  # capitalised, an everyday word may be a name ("Strøm", "Nok")
    if kinds:
        listed = any(toks.flags[k] & NAME for k in range(first, last + 1))
        if listed and (_personal(toks, first, last) or _personal_elsewhere(toks, first, last)):
            return False  # but "heter Storytel", "Mvh Kundesenteret": no list holds them a name
        if listed and first == last and not in_phrase and "nation" not in kinds:
            # One word that is a listed name and a place or a brand ("Jordan", "Moss", "Chase", "Mercedes")
            # is the place or the brand only where the words around say so: "sendt te Jordan 1500 kr" and
            # "sendte 300 til Mercedes for barnevakt" are payments to people as often as to anything
            # else; in strict mode a doubt is redacted.
            return _placed(toks, first, last, named=True) or ("brand" in kinds and _branded(toks, first))
        return True  # a nationality, a listed phrase of several words, or a word in no list of names
    if _institution(toks, first, last) and not _self_introduced(toks, first):
        return True  # "Vestli Park", but "I'm Rose Park from Seoul": a park does not introduce itself
    return _firm(toks, first, last) or _farm_place(toks, first, last)


#: Cues after which the writer gives their own name (besides the "capital" ones: "I'm", "jeg er").
_SELF_NAMING = frozenset(
    {("jeg", "heter"), ("eg", "heiter"), ("jeg", "hetter"), ("my", "name", "is"), ("my", "name's"),
     ("mitt", "navn", "er"), ("navnet", "mitt", "er"), ("i", "am", "called")}
)  # fmt: skip


def _self_introduced(toks: Tokens, first: int) -> bool:
    """The writer introduces themself right before word ``first``: "I'm Rose Park", "jeg heter Lie Hage"."""
    if first == 0 or _CUE_GAP.fullmatch(toks.gap(first - 1)) is None:
        return False
    for cue in person_cues().get(toks.low[first - 1], ()):
        start = first - len(cue.words)
        named = cue.kind == "capital" or cue.words in _SELF_NAMING
        if named and start >= 0 and tuple(toks.low[start:first]) == cue.words:
            return True
    return False


#: Words between two teams or parties: "Chelsea vs Arsenal", "Brann mot Molde" is too rare to count on.
_VERSUS = frozenset({"vs", "versus"})
#: Capitalised compass words that open a place's name: "North Dakota", "South Georgia", "Vest-Agder".
_COMPASS = frozenset({"north", "south", "east", "west", "nord", "sør", "øst", "vest", "northern", "southern"})
#: Adverbs that are given names too, with the words after which they are the adverb: "Even if", "Even so".
_ADVERB_BEFORE = {"even": frozenset({"if", "though", "so", "when", "more", "less", "after", "before", "now", "then"})}


def _matched(toks: Tokens, first: int, last: int) -> bool:
    """The span is one side of a match: "vs" before or after it ("Chelsea vs Liverpool"): a team."""
    after = last + 1 < len(toks.low) and toks.low[last + 1] in _VERSUS
    return after or (first > 0 and toks.low[first - 1] in _VERSUS)


def _after_compass(toks: Tokens, first: int) -> bool:
    """A capitalised compass word opens the span's place name: "North Dakota", "South Jordan"."""
    k = first - 1
    return k >= 0 and toks.shape[k] == CAP and toks.low[k] in _COMPASS and toks.gap(k) == " "


def _adverb(toks: Tokens, first: int, last: int) -> bool:
    """A one-word span that is an adverb here: "Even if it took long" ("Even" before a conjunction)."""
    following = _ADVERB_BEFORE.get(toks.low[first]) if first == last else None
    return following is not None and last + 1 < len(toks.low) and toks.low[last + 1] in following


def _owner(toks: Tokens, k: int, stem: str) -> bool:
    """Word ``k`` is the genitive of the given name ``stem`` before a thing a person owns ("Kenyas konto")."""
    owned = k + 1 < len(toks.low) and toks.low[k + 1] in relations().owned and toks.gap(k) == " "
    return owned and bool(word_flags().get(stem, 0) & GIVEN)


def _farm_place(toks: Tokens, first: int, last: int) -> bool:
    """A surname alone right after "i"/"på" inside a sentence is the farm or village it was taken from
    ("flyttet til Vik i Sogn" is not this; "bor i Dal", "Butikken på Holmen", "filialen på Lien"): a
    person is "hos Vik", not "i Vik". Given names are left alone ("ventet på Kari")."""
    if first != last or first == 0 or toks.shape[first] != CAP or toks.initial[first]:
        return False
    flags = toks.flags[first]
    if not flags & SURNAME or (flags & GIVEN and not flags & AMBIGUOUS):
        return False
    if toks.gap(first - 1) != " " or toks.trim[first]:
        return False
    before = toks.low[first - 1]
    if before == "i":
        return True
    # "på" is a place only after a word of staying or a site ("Butikken på Holmen"): "venter på Haugen"
    # and "ringte på Berg" wait for and call people.
    return before in ("på", "pa") and first > 1 and toks.low[first - 2] in _SITES


def _part_of_phrase(toks: Tokens, first: int, last: int, words: list[str]) -> frozenset[str] | None:
    """The kinds of a listed phrase of two words or more that starts at ``first`` and holds the span
    ("Kari" before "Traa-genser") or that the span holds at its start ("Clas Ohlson Storo")."""
    phrases = _long_phrases().get(words[0])
    if phrases is None:
        return None
    ahead = list(words)
    k = last + 1
    while k < len(toks.low) and len(ahead) < 5 and not toks.gap(k - 1).strip(" "):
        ahead.extend(toks.bare(k).split("-"))
        k += 1
    for phrase in phrases:
        n = len(phrase)
        if tuple(ahead[:n]) != phrase:
            continue
        if n >= len(words) or not any(toks.flags[k] & NAME for k in range(first + n, last + 1)):
            return _kinds()[" ".join(phrase)]  # but "Karl Johan Nilsen" is a man, not a street
    return None


def _personal(toks: Tokens, first: int, last: int) -> bool:
    """The words around the span make it a person: a cue before it, an age after it ("Frøya (6)"), or
    a given name or a pronoun it is coordinated with ("Finn og eg", "Nour og Yara")."""
    if _personal_cue_before(toks, first) or _AGE.match(toks.text, toks.end[last]):
        return True
    n = len(toks.low)
    if first >= 2 and toks.low[first - 1] in _AND and _person_word(toks, first - 2):
        return True
    return last + 2 < n and toks.low[last + 1] in _AND and _person_word(toks, last + 2)


def _personal_elsewhere(toks: Tokens, first: int, last: int) -> bool:
    """The one word of the span stands elsewhere in the message where the words around make it a
    person: "Finn og eg har lån ... No vil Finn ut" (the rules may meet the second "Finn" first)."""
    if first != last:
        return False
    low = toks.low[first]
    return any(k != first and toks.low[k] == low and _personal(toks, k, k) for k in range(len(toks.low)))


def _person_word(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a capitalised given name or a personal pronoun ("Nour", "eg", "I")."""
    return toks.low[k] in _PRONOUNS or bool(toks.shape[k] == CAP and toks.flags[k] & GIVEN)


def _personal_cue_before(toks: Tokens, first: int, *, kin: bool = True) -> bool:
    """A greeting, sign-off, title, name cue or (with ``kin``) a kin word ends right before word
    ``first``. An everyday word after a kin word is a verb more often than a name ("mor bor")."""
    if first == 0 or _CUE_GAP.fullmatch(toks.gap(first - 1)) is None:
        return False
    before = toks.low[first - 1]
    kins = relations().kin if kin else frozenset()
    if before in kins or (before in _OF_KIN and first >= 2 and toks.low[first - 2] in kins):
        return True  # "min venn Jordan", "my wife June", "søstra mi Frøya", "mora til Frøya"
    for cue in person_cues().get(before, ()):
        start = first - len(cue.words)
        if cue.kind in _PERSONAL_CUES and start >= 0 and tuple(toks.low[start:first]) == cue.words:
            return True
    return False


def _placed(toks: Tokens, first: int, last: int, *, named: bool = False) -> bool:
    """The words around make the span a place: "i Sofia", "trip to Sofia", "Victoria station". ``named``:
    the word is a listed name, or someone's name elsewhere in the message, and "på" makes it a place only
    after a word of staying ("hytte på Frøya", not "venter på Frøya")."""
    if last + 1 < len(toks.low) and toks.low[last + 1] in _PLACE_AFTER and not toks.gap(last).strip():
        return True
    before = toks.low[first - 1] if first > 0 and not toks.gap(first - 1).strip() else ""
    if before in _LOCATIVE and not (named and before in ("på", "pa")):
        return True
    if before in ("på", "pa") and first > 1 and toks.low[first - 2] in _STAYING:
        return True
    return before in _TOWARDS and first > 1 and _journey(toks.low[first - 2])


def _journey(low: str) -> bool:
    """A word of travelling or a journey's noun, compounds too ("flybillett", "pilgrimstur")."""
    return low in _TRAVEL or (low.endswith(_JOURNEY_ENDS) and low not in _NO_JOURNEY)


def _branded(toks: Tokens, k: int) -> bool:
    """The word before brand word ``k`` makes it a shop, a marketplace or a thing bought: "på Finn",
    "hos Chase", "a used Mercedes", "ein brukt Ford", or the brand stands in quotes ("by \"Chase\"")."""
    if k == 0:
        return False
    gap = toks.gap(k - 1)
    if gap.strip() in ('"', "«", "'", "“"):
        return True
    return not gap.strip() and toks.low[k - 1] in _BRAND_BEFORE


def _date(toks: Tokens, k: int) -> bool:
    """Month word ``k`` is part of a date: a day's number or a year beside it, or "in"/"since" before."""
    text = toks.text
    if _DAY_AFTER.match(text, toks.end[k]) or _DAY_BEFORE.search(text, max(0, toks.start[k] - 12), toks.start[k]):
        return True
    return k > 0 and toks.low[k - 1] in _DATE_BEFORE and not toks.gap(k - 1).strip()


def _institution(toks: Tokens, first: int, last: int) -> bool:
    """A place or body noun follows the span, which is no given name in the genitive: "Lie barnehage",
    "Roskilde Festival", "Vestli Park" (taken whole), but "Emmas barnehage" is Emma's."""
    if toks.trim[last] or _sure_given(toks, first):
        return False
    if first < last and toks.low[last] in _PLACE_AFTER and toks.shape[last] == CAP:
        return True
    return (
        last + 1 < len(toks.low)
        and toks.gap(last) == " "
        and toks.low[last + 1] in _PLACE_AFTER
        and not toks.low[last].endswith("s")
    )


def _firm(toks: Tokens, first: int, last: int) -> bool:
    """The span, no sure given name at its start, ends in a legal form or a trade ("Autohaus Kessler
    GmbH", "Kvamme Snekkerservice", "Grace Financial"), or a legal form follows two or more of its words
    ("Summer House Ltd"). A firm named after a person ("Kari Hansen AS") is ``person_firms.py``'s."""
    if first < last and toks.shape[last] == CAP and not toks.flags[last] & NAME:
        low = toks.low[last]
        if low in COMPANY_WORDS or low.endswith(_FIRM_ENDINGS):
            return True  # "Yilmaz Bilservice", "Oluwaseun Services": no one's name ends in a trade
    if _sure_given(toks, first):
        return False
    end = toks.text[toks.start[last] : toks.end[last]].rstrip(".")
    if end in COMPANY_SUFFIXES:
        return True
    if first < last and last + 1 < len(toks.low) and toks.gap(last) == " ":
        return toks.text[toks.start[last + 1] : toks.end[last + 1]].rstrip(".") in COMPANY_SUFFIXES
    return False


def _sure_given(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a given name and no everyday word ("Kari", "Thomas", not "Sol" nor "Grace")."""
    flags = toks.flags[k]
    return bool(flags & GIVEN and not flags & (AMBIGUOUS | SOFT))


def _everyday(toks: Tokens, k: int) -> bool:
    """Lower-case word ``k`` is an everyday word the weak rules took ("lån te bil", "the account
    holder"), listed as such, with no personal cue before it ("min venn te"?): never a name here."""
    kinds = _kinds().get(toks.low[k])
    if kinds is None or "lower" not in kinds:
        return False
    return not _personal_cue_before(toks, k, kin=False) and not introduced_lower(toks, k)  # "hi i'm anna."
