"""PERSON, continued (round 28): Norwegian names that are everyday words ("dag", "stein", "liv", "sand"),
given away by a phrase only a person stands in.

Why: in dialect chat the names are typed in lower case and are words as often as names ("i dag", "en
stein i skoen", "per måned"), so the word lists alone must leave them; but a reader sees the name from
the slot it fills, and each slot here is one a stone, a day or a life does not fill:

* a whole message that is a payee note: "te dag", "fra even" (a preposition and one listed name);
* the naming verb before a capitalised word, past one adverb: "het Ask", "heter faktisk Bror", "heiter
  Nok" (a capitalised word after the naming verb is its name, even one that is also a word or a place);
* talking with someone, with the (dialect) article: "snakka me ei liv", "prata med han odd";
* a kin noun with the name in brackets: "Pappa (Odd)";
* paying someone for something: "betalt haug for snømåkinga";
* a question whether someone may get or do what only people do: "kan nes få fullmakt", "kan april ring
  meg", "får Jordan lov";
* what a card or a field reads, in capitals: "det står MONA";
* being vipps'ed by someone: "hauk vippsa meg";
* someone's number, birth number or address: "fødselsnummeret te ravn e", "nummeret til Bror er";
* a role noun and "er/e" before a listed name closing the sentence: "utleiar e sand";
* the wrong one of a name already found, or a capitalised given name after "feil": "feil per", "feil Mari";
* a kin noun and "og/å" before a name that does something: "mor å stein e på ferie";
* a subject whose clause has "sin/si/sitt/sine": "men liv vil ha sin del";
* "is this X?": "e dette sverre?";
* a quoted speaker opening a line: "Stein: «jeg betaler ...»";
* a listed name in a role: "lagt te ask som disponent"; or kin: "jo e kompisen min";
* whose name an account is in, and whom it belongs to: "Kontoen står på Liv", "skal tilhøre Sandvik";
* a message from someone: "fikk beskjed fra ståle på kontoret".

Every rule is gated by a word or a character it needs (one set test per message), so messages without
one cost almost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import FUNCTION, GIVEN, NAME, NOT_NAME, SOFT, SURNAME, WELL_KNOWN, word_flags
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens
from anonymizer.recognizers.person_context import SCORE_KNOWN, SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_extend import extend
from anonymizer.recognizers.person_words import _word, plain_gap, relations

#: "te dag", "fra even": a message of a preposition and one name is a payee note.
_PAYEE_PREPS = frozenset({"til", "te", "fra", "frå", "from", "to"})
#: The naming verb, and the adverbs that may stand after it: "heter faktisk Bror".
_NAMING = frozenset({"heter", "het", "heiter", "hette", "heitte", "heite", "hete"})
_NAMING_ADVERBS = frozenset({"faktisk", "egentlig", "eigentleg", "visst", "altså", "bare", "berre", "vel", "jo"})
#: Words before "het" the adjective (hot): "en het sommer", "så het", "det var het".
_HOT = frozenset(
    {"en", "ei", "et", "ein", "eit", "så", "veldig", "ganske", "litt", "for", "var", "va", "er", "e", "blir", "ble"}
)
#: Things that have a name too: "Firmaet heter Nord Fisk Industri AS".
_THINGS = frozenset(
    {"firmaet", "firma", "selskapet", "butikken", "appen", "programmet", "bedriften", "foretaket", "nettsiden",
     "siden", "tjenesten", "gata", "gaten", "vegen", "veien", "stedet", "plassen", "byen", "bygda", "hytta",
     "båten", "hunden", "katten", "som"}
)  # fmt: skip
#: Talking with someone: "snakka me ei liv", "pratet med en Stein".
_TALK = frozenset(
    {"snakka", "snakket", "snakke", "snakk", "snakte", "snakker", "prata", "pratet", "prate", "prater", "talte"}
)
_WITH = frozenset({"med", "me", "mæ", "mæ'"})
_PERSON_ARTICLES = frozenset({"ei", "en", "ein", "ho", "han", "hu", "a", "n"})
#: Paying someone for something: "betalt haug for snømåkinga".
_PAY = frozenset(
    {"betale", "betalt", "betal", "betalte", "betala", "vippse", "vippsa", "vippset", "vipse", "vipsa",
     "overføre", "overfør", "overførte", "skylde", "skylder", "skylda"}
)  # fmt: skip
#: Adverbs and particles after a verb of paying: "betale ned 50 000", "betalt inn 300".
_PAY_PARTICLES = frozenset({"ned", "inn", "ut", "opp", "av", "over", "tilbake", "mer", "mye", "ekstra", "alt", "litt"})
#: "kan nes få fullmakt", "kan april ring meg", "får Jordan lov": a question whether someone may.
_MODALS = frozenset({"kan", "ka", "får", "ska", "skal", "må", "vil", "kunne"})
_CALL = frozenset({"ring", "ringe", "ringa", "ringer"})
_CALLED = frozenset({"meg", "mæ", "me", "oss", "tebake", "tilbake", "igjen"})
#: Adverbs that stand after a modal and are listed as places or names: "kan nok få", "kan vel få".
_NOT_SUBJECT = frozenset({"nok", "vel", "jo", "da", "også", "ogs", "bare", "berre", "ikke", "ikkje", "dere", "no"})
#: What a card or a field reads: "det står MONA".
_READS = frozenset({"står", "stod", "sto", "says", "said", "reads", "read", "viser"})
_IT = frozenset({"det", "de", "d", "it", "that"})
#: "hauk vippsa meg": only a person pays by Vipps.
_VIPPSED = frozenset({"vippsa", "vippset", "vipset", "vipsa", "vippa", "vipps'a"})
_OBJECTS = frozenset({"meg", "mæ", "oss", "deg", "han", "ho", "henne", "ham", "dæ"})
#: "fødselsnummeret te ravn e", "nummeret til Bror er": someone's personal data.
_PERSONAL_DATA = frozenset(
    {"fødselsnummeret", "fødselsnummer", "fnr", "fnr'n", "nummeret", "nummer", "telefonnummeret", "mobilnummeret",
     "personnummeret", "tlf", "tlf.nr", "mobilen", "eposten", "e-posten", "epost", "mailen", "mail", "adressa",
     "adressen", "kontonummeret", "kontonr", "kontoen", "kortet", "bankid'en", "d-nummeret"}
)  # fmt: skip
#: Kin words that stand for anyone: "om man e ung?" (the English "man" is kin in the relations list).
_GENERIC_PERSON = frozenset({"man", "mann", "lille"})
_OF = frozenset({"til", "te", "åt", "hass", "hennar"})
_IS = frozenset({"er", "e", "va", "var", "is", "was"})
#: "feil per", "en annen Vik": the other one of a name.
_WRONG = frozenset({"feil", "wrong", "annen", "anna", "another", "riktig", "right", "rett"})
#: "mor å stein e på ferie": kin and someone who does something.
_AND = frozenset({"og", "å", "and", "o"})
_DOES = frozenset(
    {"e", "er", "har", "ha", "ska", "skal", "va", "var", "må", "vil", "bur", "bor", "sku", "skulle", "fekk", "fikk"}
)
#: "men liv vil ha sin del": the reflexive possessive points back at a person subject.
_CLAUSE_OPENERS = frozenset({"men", "og", "å", "så", "but", "mens"})
_SUBJECT_VERBS = frozenset({"vil", "ska", "skal", "kan", "må", "har", "he", "sku", "skulle", "ville"})
_SIN = frozenset({"sin", "si", "sitt", "sine"})
#: "e dette sverre?": asking whether this is someone.
_THIS = frozenset({"dette", "this"})
_QUOTE_AFTER_COLON = re.compile(r"\s*:\s*[«\"“'‘]")
#: "lagt te ask som disponent": a role on an account only a person has.
_ACCOUNT_ROLES = frozenset(
    {"disponent", "disponenten", "kausjonist", "kausjonisten", "medlåntaker", "medlåntakar", "fullmektig",
     "verge", "mottaker", "mottakar", "kontaktperson", "medkontohaver", "kontohaver", "begunstiget", "arving"}
)  # fmt: skip
_MY = frozenset({"min", "mi", "mitt", "vår", "våres", "my", "our"})
#: "Kontoen står på Liv": what is registered in someone's name.
_REGISTERED = re.compile(r"(?:konto|kort|postkass|leilighet|hus|bil|abonnement|avtal|lån|regning|faktura)[\w']*")
_BELONGS = frozenset({"tilhøre", "tilhører", "tilhørte", "tilhøyre", "tilhøyrer"})
#: "fikk beskjed fra ståle på kontoret".
_MESSAGE = frozenset({"beskjed", "melding", "meldinga", "meldingen", "brev", "sms", "svar", "tilbakemelding"})
_FROM = frozenset({"fra", "frå"})

#: "Mina har fått feil navn": a finite verb after a well-known given name opening the message.
_AUXILIARIES = frozenset({"har", "hadde", "ska", "skal", "vil", "kan", "må", "fikk", "fekk", "e", "er"})
#: "det va jo som betalte": a cleft, "det var X som" and a verb.
_CLEFT_IS = frozenset({"va", "var", "e", "er", "was", "is"})

#: Every word some rule here needs; a message with none of them is passed over at once.
_TRIGGERS = (
    _PAYEE_PREPS | _NAMING | _TALK | _PAY | _MODALS | _READS | _VIPPSED | _PERSONAL_DATA | _WRONG | _AND
    | _SIN | _THIS | _ACCOUNT_ROLES | _MY | _BELONGS | _MESSAGE | _IS | _AUXILIARIES
)  # fmt: skip

#: The words before or after a name that some slot needs (a quick test before ``_slot``).
_BEFORE = (
    _PERSON_ARTICLES | _PAY | _MODALS | _READS | _OF | _IS | _WRONG | _AND | _THIS | _BELONGS | _FROM | _NAMING
    | _NAMING_ADVERBS | {"på"}
)  # fmt: skip
_AFTER = _VIPPSED | _SUBJECT_VERBS | _IS | _AUXILIARIES | {"som"}


def cued_word_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of each name-word a phrase gives away, among words not yet ``covered``."""
    lows = toks.low
    n = len(lows)
    if n < 2 or _TRIGGERS.isdisjoint(lows):
        return
    if n == 2 and (j := _payee_note(toks)) is not None and not covered[j]:
        yield j, j, _score(toks, j)
        return
    shapes, flags = toks.shape, toks.flags
    brackets = "(" in toks.text or ":" in toks.text
    # Most words are lower-case words in no name list: only the Vipps slot takes one ("hauk vippsa meg"),
    # and a closed-class word only the kin slot ("jo e kompisen min"). The candidates are gathered by
    # comprehensions first, so that those words cost no turn of the loop below.
    listed = NAME | NOT_NAME
    nexts = [*lows[1:], ""]
    candidates = [
        j
        for j in range(n)
        if shapes[j] != LOWER
        or flags[j] & listed
        or nexts[j] in _VIPPSED
        or (nexts[j] in _IS and flags[j] & FUNCTION)
    ]
    for j in candidates:
        if covered[j]:
            continue
        after = lows[j + 1] if j + 1 < n else ""
        # (the first word has no word before it: only the slots keyed on the word after, or on brackets
        # and a colon, can take it)
        if not (brackets or (j and lows[j - 1] in _BEFORE) or after in _AFTER):
            continue
        if _candidate(toks, j) and _slot(toks, j, covered):
            covered[j] = True
            # "heter Aino Virtanen": a capitalised name takes the surname after it along
            last = extend(toks, j, strong=False) if shapes[j] == CAP else j
            yield j, last, _score(toks, j)
    for j in range(2, n - 2) if "som" in lows else ():
        if not covered[j] and _echoed_cleft(toks, j, covered):
            covered[j] = True
            yield j, j, _score(toks, j)


def _score(toks: Tokens, j: int) -> float:
    return SCORE_KNOWN_LOWER if toks.shape[j] == LOWER else SCORE_KNOWN


def _candidate(toks: Tokens, j: int) -> bool:
    """Word ``j`` may be a name in one of the slots: a word of letters, no pronoun or kin word."""
    low = toks.low[j]
    if len(low) < 2 or toks.shape[j] not in (LOWER, CAP, UPPER):
        return False
    if is_pronoun(low):  # but "heter faktisk Bror": a kin word capitalised inside a sentence, a given name
        return toks.shape[j] == CAP and not toks.initial[j] and bool(toks.flags[j] & GIVEN) and low in relations().kin
    return True


def _listed(toks: Tokens, j: int, *, soft: bool = False, function: bool = False) -> bool:
    """Word ``j`` is a listed given name or surname, no place or brand (a month or weekday in lower case
    only if ``soft``; a closed-class word only if ``function``)."""
    flags = toks.flags[j]
    if function and flags & FUNCTION:
        flags = word_flags().get(toks.low[j], 0)  # the tokenizer drops a closed-class word's name flags
    if not flags & NAME or flags & NOT_NAME or (flags & FUNCTION and not function):
        return False
    return soft or not (flags & SOFT and toks.shape[j] == LOWER)


def _payee_note(toks: Tokens) -> int | None:
    """ "te dag", "fra even": the whole message a preposition and a listed name."""
    if toks.low[0] not in _PAYEE_PREPS or not plain_gap(toks, 0):
        return None
    rest = toks.text[: toks.start[0]] + toks.text[toks.end[1] :]
    if any(ch.isalnum() for ch in rest) or not _listed(toks, 1) or is_pronoun(toks.low[1]):
        return None
    return 1


def _slot(toks: Tokens, j: int, covered: list[bool]) -> bool:
    """Word ``j`` stands in one of the slots of the module docstring."""
    before = _word(toks, j - 1)
    after = _word(toks, j + 1)
    return (
        _named(toks, j)
        or (before in _PERSON_ARTICLES and _talked_with(toks, j))
        or (before in _PAY and _paid_for(toks, j))
        or (before in _MODALS and _may(toks, j))
        or (before in _READS and _reads(toks, j))
        or (after in _VIPPSED and _vippsed(toks, j))
        or (before in _OF and _data_of(toks, j))
        or (before in _IS and _in_role_is(toks, j))
        or (before in _WRONG and _wrong_one(toks, j, covered))
        or (before in _AND and _kin_and(toks, j))
        or (after in _SUBJECT_VERBS and _reflexive_subject(toks, j))
        or (before in _THIS and _is_this(toks, j))
        or (after == "som" and _as_role(toks, j))
        or (after in _IS and _is_my_kin(toks, j))
        or (before == "på" and _registered_on(toks, j))
        or (before in _BELONGS and _belongs(toks, j))
        or (before in _FROM and _message_from(toks, j))
        or (after in _AUXILIARIES and _well_known_subject(toks, j))
        or _kin_bracket(toks, j)
        or _quoted_speaker(toks, j)
    )


def _named(toks: Tokens, j: int) -> bool:
    """ "het Ask", "heter faktisk Bror", "heiter Nok": a capitalised word, or a listed name, after the
    naming verb (past one adverb)."""
    k = j - 1
    if k < 0:
        return False
    if toks.low[k] in _NAMING_ADVERBS and k > 0 and plain_gap(toks, k - 1):
        k -= 1
    if toks.low[k] not in _NAMING or not plain_gap(toks, j - 1):
        return False
    if k and toks.low[k] == "het" and toks.low[k - 1] in _HOT:
        return False  # "en het sommer", "det var het": the adjective (hot), not the verb
    if (k and toks.low[k - 1] in _THINGS) or not toks.text[toks.start[j] + 1 : toks.end[j]].islower():
        return False  # "Firmaet heter Nord Fisk", "et program som het AnyDesk": a firm's or a thing's name
    if toks.shape[j] == CAP:
        return not toks.flags[j] & FUNCTION or bool(toks.flags[j] & NAME)
    return toks.shape[j] == LOWER and _listed(toks, j) and toks.low[j] not in _NAMING_ADVERBS


def _talked_with(toks: Tokens, j: int) -> bool:
    """ "snakka me ei liv", "pratet med en Stein": someone talked with, with an article."""
    return (
        j >= 3
        and toks.low[j - 2] in _WITH
        and toks.low[j - 3] in _TALK
        and all(plain_gap(toks, m) for m in range(j - 3, j))
        and _listed(toks, j)
    )


def _paid_for(toks: Tokens, j: int) -> bool:
    """ "betalt haug for snømåkinga", "vippse dag 200": paying someone for something or a sum; but not
    paying down or back ("betale ned 50 000", which the lists have as a surname)."""
    if not plain_gap(toks, j - 1) or not _listed(toks, j) or toks.low[j] in _PAY_PARTICLES:
        return False
    if _word(toks, j + 1) == "for" and plain_gap(toks, j):
        return True
    return re.match(r" \d", toks.text[toks.end[j] : toks.end[j] + 2]) is not None


def _may(toks: Tokens, j: int) -> bool:
    """ "kan nes få fullmakt", "kan april ring meg", "får Jordan lov": a question opened by a modal whose
    subject is to get what only people get, or to call back. The word may be a place or a month here."""
    i = j - 1
    if not (i == 0 or toks.initial[i]) or toks.low[j] in _NOT_SUBJECT or not plain_gap(toks, i):
        return False
    flags = toks.flags[j]
    if flags & FUNCTION or not (flags & NAME or (flags & NOT_NAME and toks.shape[j] != UPPER)):
        return False
    verb, obj = _word(toks, j + 1), _word(toks, j + 2)
    if j + 1 >= len(toks.low) or not plain_gap(toks, j):
        return False  # "Hei. Kan Stein?": no verb after the name (and no gap to read after the last word)
    if verb == "få":
        return obj in relations().granted or obj in ("lov",)
    if verb == "lov":
        return toks.low[i] == "får"
    return verb in _CALL and obj in _CALLED


def _reads(toks: Tokens, j: int) -> bool:
    """ "det står MONA", "it says JOHN": a given name in capitals is what a card or a field reads."""
    if toks.shape[j] not in (UPPER, CAP) or toks.initial[j] or not plain_gap(toks, j - 1):
        return False
    return j >= 2 and toks.low[j - 2] in _IT and _listed(toks, j) and bool(toks.flags[j] & GIVEN)


def _vippsed(toks: Tokens, j: int) -> bool:
    """ "hauk vippsa meg": whoever opens a sentence by Vipps-ing the writer is a person; the word may be
    one no list has as a name."""
    if not (j == 0 or toks.initial[j] or toks.low[j - 1] in _CLAUSE_OPENERS) or not plain_gap(toks, j):
        return False
    if _word(toks, j + 2) not in _OBJECTS or toks.low[j] in relations().kin:
        return False
    flags = toks.flags[j]
    return not flags & (FUNCTION | NOT_NAME) and len(toks.low[j]) >= 3 and (
        bool(flags & NAME) or not toks.low[j].endswith(("en", "et", "a"))
    )


def _data_of(toks: Tokens, j: int) -> bool:
    """ "fødselsnummeret te ravn e 04...", "nummeret til Bror er ...": someone's number or address."""
    if j < 2 or toks.low[j - 2] not in _PERSONAL_DATA or not (plain_gap(toks, j - 2) and plain_gap(toks, j - 1)):
        return False
    if not _listed(toks, j):
        return False
    gap = toks.gap(j) if j + 1 < len(toks.low) else toks.text[toks.end[j] :]
    return _word(toks, j + 1) in _IS or gap.lstrip().startswith(":") or gap.strip()[:1].isdigit()


def _in_role_is(toks: Tokens, j: int) -> bool:
    """ "utleiar e sand", "mottakar er dag.": a kin or role noun, "er/e", and a lower-case listed name that
    closes the sentence."""
    if j < 2 or toks.low[j - 2] not in relations().kin or toks.shape[j] != LOWER or not _listed(toks, j):
        return False
    if toks.low[j - 2] in _GENERIC_PERSON:
        return False  # "om man e ung?": "man" is a person, but anyone
    if not (plain_gap(toks, j - 2) and plain_gap(toks, j - 1)):
        return False
    rest = toks.gap(j) if j + 1 < len(toks.low) else toks.text[toks.end[j] :]
    return (j + 1 == len(toks.low) and not rest.strip(" .!?\n")) or rest.strip()[:1] in (".", "!", "?", ",")


def _wrong_one(toks: Tokens, j: int, covered: list[bool]) -> bool:
    """ "men det va feil per": the other one of a name found in the message already; or a capitalised
    given name after "feil" ("feil Mari?")."""
    if not plain_gap(toks, j - 1):
        return False
    low = toks.low[j]
    if any(covered[k] and toks.low[k] == low for k in range(len(toks.low)) if k != j):
        return True
    return toks.shape[j] == CAP and not toks.initial[j] and _listed(toks, j) and toks.low[j - 1] == "feil"


def _kin_and(toks: Tokens, j: int) -> bool:
    """ "mor å stein e på ferie": kin, "og/å", and a listed name that does something."""
    return (
        j >= 2
        and toks.low[j - 2] in relations().kin
        and _word(toks, j + 1) in _DOES
        and all(plain_gap(toks, m) for m in range(j - 2, j + 1))
        and _listed(toks, j)
    )


def _reflexive_subject(toks: Tokens, j: int) -> bool:
    """ "men liv vil ha sin del": a listed name opening a clause whose verb has "sin" after it, which
    points back at a person."""
    if not (toks.initial[j] or toks.low[j - 1] in _CLAUSE_OPENERS) or not _listed(toks, j):
        return False
    end = min(len(toks.low), j + 5)
    return any(toks.low[k] in _SIN for k in range(j + 2, end)) and all(plain_gap(toks, m) for m in range(j, end - 1))


def _is_this(toks: Tokens, j: int) -> bool:
    """ "e dette sverre?", "is this anna?": asking whether this is someone."""
    if j < 2 or toks.low[j - 2] not in _IS or not _listed(toks, j) or not toks.flags[j] & GIVEN:
        return False
    rest = toks.gap(j) if j + 1 < len(toks.low) else toks.text[toks.end[j] :]
    return rest.lstrip().startswith("?") and plain_gap(toks, j - 1)


def _as_role(toks: Tokens, j: int) -> bool:
    """ "lagt te ask som disponent": a listed name in an account role (also one that is a month)."""
    return _word(toks, j + 2) in _ACCOUNT_ROLES and plain_gap(toks, j) and _listed(toks, j, soft=True)


def _is_my_kin(toks: Tokens, j: int) -> bool:
    """ "jo e kompisen min", "Bror er broren min": a listed name, even a closed-class word, that is kin."""
    kin = relations().kin
    a, b = _word(toks, j + 2), _word(toks, j + 3)
    if not ((a in kin and b in _MY) or (a in _MY and b in kin)):
        return False
    opens = j == 0 or toks.initial[j] or toks.low[j - 1] in _CLAUSE_OPENERS
    return opens and all(plain_gap(toks, m) for m in range(j, j + 3)) and _listed(toks, j, function=True)


def _registered_on(toks: Tokens, j: int) -> bool:
    """ "Kontoen står på Liv", "postkass'n står på Aslaksen": what is registered in someone's name."""
    if j < 3 or toks.low[j - 2] != "står" or _REGISTERED.fullmatch(toks.low[j - 3]) is None:
        return False
    if not all(plain_gap(toks, m) for m in range(j - 3, j)):
        return False
    flags = toks.flags[j]
    if toks.shape[j] == CAP:
        return not flags & (NOT_NAME | FUNCTION) and (bool(flags & NAME) or not flags)
    return _listed(toks, j)


def _belongs(toks: Tokens, j: int) -> bool:
    """ "Den skal tilhøre Sandvik": a capitalised listed name or a word in no list, whom it belongs to."""
    flags = toks.flags[j]
    return toks.shape[j] == CAP and plain_gap(toks, j - 1) and not flags & (NOT_NAME | FUNCTION) and (
        bool(flags & NAME) or not flags
    )


def _message_from(toks: Tokens, j: int) -> bool:
    """ "fikk beskjed fra ståle på kontoret": a message from someone."""
    return (
        j >= 2
        and toks.low[j - 2] in _MESSAGE
        and plain_gap(toks, j - 2)
        and plain_gap(toks, j - 1)
        and _listed(toks, j)
        and bool(toks.flags[j] & (SURNAME | WELL_KNOWN | GIVEN))
    )


def _kin_bracket(toks: Tokens, j: int) -> bool:
    """ "Pappa (Odd) har sagt ja": a listed name alone in brackets after a kin noun."""
    if j == 0 or toks.low[j - 1] not in relations().kin or toks.gap(j - 1).strip() != "(":
        return False
    rest = toks.gap(j) if j + 1 < len(toks.low) else toks.text[toks.end[j] :]
    return rest.lstrip().startswith(")") and _listed(toks, j)


def _quoted_speaker(toks: Tokens, j: int) -> bool:
    """ "Stein: «jeg betaler deg neste uke»": a capitalised listed name opening a line, then a quote."""
    if toks.shape[j] != CAP or j + 1 >= len(toks.low):
        return False
    if ("\n" not in toks.gap(j - 1)) if j else toks.text[: toks.start[0]].strip():
        return False
    return _QUOTE_AFTER_COLON.match(toks.gap(j)) is not None and _listed(toks, j)



def _well_known_subject(toks: Tokens, j: int) -> bool:
    """ "Mina har fått feil navn på kortet": a capitalised well-known given name that is also a closed-class
    word (the Swedish "mina", my) opening the message before a finite verb, where the possessive cannot
    stand (it stands before a noun)."""
    if j != 0 or toks.shape[0] != CAP or not toks.flags[0] & FUNCTION or not plain_gap(toks, 0):
        return False
    flags = word_flags().get(toks.low[0], 0)
    return bool(flags & GIVEN and flags & WELL_KNOWN) and len(toks.low) > 2


def _echoed_cleft(toks: Tokens, j: int, covered: list[bool]) -> bool:
    """ "det va jo som betalte ... jo e kompisen min": "det var X som" and a verb, X a name found elsewhere
    in the message (also a closed-class word, which the rules that echo names leave)."""
    if toks.low[j - 1] not in _CLEFT_IS or toks.low[j - 2] not in _IT or toks.low[j + 1] != "som":
        return False
    if not all(plain_gap(toks, m) for m in range(j - 2, j + 2)) or is_pronoun(toks.low[j + 2]):
        return False
    low = toks.low[j]
    return any(covered[k] and toks.low[k] == low for k in range(len(toks.low)) if k != j)
