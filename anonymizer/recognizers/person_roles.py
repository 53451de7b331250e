"""Who a person is to the writer: kin and roles ("bestefar Eilev", "samboeren min Kine"), a service
("Dag fra kundeservice"), someone called, asked, paid or visited ("ring Sol på ...", "spør Ask om",
"skylder kasia 1200", "hos Oscar"). Relation rules of ``person_context`` (its ``_RULES``), kept here so
that module stays one screenful of rules per kind.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NAME, NOT_NAME, SOFT, SURNAME, word_flags
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens, closed
from anonymizer.recognizers.person_words import (
    _DETERMINERS,
    _DIALECT_ARTICLES,
    _GREETINGS,
    _IS,
    _LOCATIVE,
    _MODAL,
    _MY,
    _RECEIVE,
    _ROLES,
    _SUBJECT_VERBS,
    AGE,
    Relations,
    _word,
    in_law,
    phrase_before,
    phrase_index,
    plain_gap,
    relations,
)

#: Verbs of paying or owing that take the person as their object: "jeg skylder kasia 1200", "i paid mark 200".
_PAY_VERBS = frozenset(
    {"paid", "pay", "owe", "owes", "owed", "lent", "vippset", "vippsa", "betalte", "skylder", "skylde", "skyldte",
     "skyldar", "lånte", "swishade", "swishat", "gav", "ga", "betale", "betaler", "betala", "repay", "repaid", "pays",
     "vippse", "vipse", "vippser", "vippsar", "swisha", "swishar"}
)  # fmt: skip
_AMOUNT_AFTER = re.compile(
    r" (?:kr\.? ?|nok ?|\$|€|£)?\d[\d .,]*(?:k\b|kr\b|,-)?(?!\s*(?:%|prosent|percent|uker?|dager?|døgn|måneder"
    r"|mnd|år|timer?|minutt|weeks?|days?|months?|years?|hours?|times|ganger|gang|stk|x\b))"
)


#: "betalte Sigve tilbake", "paid river back": paying someone back, which only a person is paid.
_BACK = frozenset({"back", "tilbake", "tebake", "tibake", "attende", "atte", "tillbaka", "igjen"})
_PARTICLES = _BACK | {"ned", "opp", "inn", "ut", "over", "down", "up", "off", "out", "ekstra", "extra", "ca", "rundt"}
#: An amount with its currency: "150kr", "kr 300", "2 000,-", "NOK 450" (not "dag 3", "mai 2024").
_MONEY_AFTER = re.compile(r" ?(?:(?:kr|nok)\.? ?\d[\d .,]*|\d[\d .,]*(?:,-| ?(?:kr|kroner|nok)\b|k\b))", re.IGNORECASE)


def pays(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "jeg skylder kasia 1200", "æ skylde biret 600", "i paid mark 200": the person, then the amount;
    "Eg betalte Sigve tilbake", "ska betale tor-inge tebake 500": the person paid back, or paid for
    something ("paid dawn for the sofa")."""
    low = toks.low[j]
    if j == 0 or _word(toks, j - 1) not in _PAY_VERBS or not plain_gap(toks, j - 1) or toks.flags[j] & SOFT:
        return False
    if low in rel.unit or low in rel.kin or low in rel.prep or low in _PARTICLES:
        return False  # "betale te 4032...", "betale ned 200 000": a preposition or an adverb
    # "paid back", and "paid dawn for the sofa": what the payment was for follows the payee
    back = j + 1 < len(toks.low) and plain_gap(toks, j) and toks.low[j + 1] in _BACK | {"for"}
    return back or _AMOUNT_AFTER.match(toks.text, toks.end[j]) is not None


def amount_after(toks: Tokens, j: int) -> bool:
    """An amount with its currency follows word ``j``: "sender til liv 150kr"."""
    return _MONEY_AFTER.match(toks.text, toks.end[j]) is not None


#: "Dag fra kundeservice", "Liv i banken", "Will from customer service": someone of a service.
_OF = frozenset({"fra", "frå", "från", "from", "i", "hos", "at", "på", "in", "with"})
_SERVICES = frozenset(
    {"kundeservice", "kundeservicen", "kundesenter", "kundesenteret", "banken", "filialen", "kontoret",
     "avdelingen", "svindelavdelingen", "support", "supporten", "customer", "nav", "skatteetaten", "inkasso",
     "inkassoselskapet", "fraud", "lånekontoret", "bedriftsavdelingen", "bank", "service",
     # where people work: "Frank fra jobben sendte", "Lykke i kassa sa", "rose i resepsjonen hos dere sa"
     "jobben", "jobbet", "jobb", "work", "kassa", "kassen", "skranken", "resepsjonen", "reception", "sentralbordet",
     # "june from your team", "May from your Bergen office"
     "team", "teamet", "office", "staff",
     # "amber from the chat on tuesday", "Dag i chatten sa": the bank's chat is staffed by people
     "chat", "chatten", "chaten", "kundechat", "kundechatten", "livechat"}
)  # fmt: skip
_FROM = frozenset({"fra", "frå", "från", "from"})
_YOUR = frozenset({"the", "your", "dere", "deres", "dykk", "dykkar", "dokker", "jeres", "er", "era", "ert"})
_YOU_THERE = frozenset({"dere", "dykk", "dokker", "dykker", "dokk"})
#: Prepositions that take a person, before a lower-case name of a service: "sendt te liv i kundeservice".
_TO_SOMEONE = frozenset({"til", "te", "med", "to", "with"})
_DEPARTMENT = ("avdelingen", "avdelinga", "avdelningen", "afdelingen", "kontoret", "kontor", "senteret", "banken")


def of_service(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Dag fra kundeservice sa ...", "Will from customer service called", "sendt te liv i kundeservice": a
    name that belongs to a service, which only a person does."""
    if toks.shape[j] == UPPER or _word(toks, j + 1) not in _OF or not plain_gap(toks, j):
        return False
    flags = toks.flags[j]
    opens = toks.initial[j] or _word(toks, j - 1) in _GREETINGS
    if toks.shape[j] == CAP and _word(toks, j + 1) == "hos" and _word(toks, j + 2) in _YOU_THERE:
        return bool(flags & NAME)  # "snakket med en Bakken hos dere": someone who works at the bank
    word = False  # a lower-case name that is also a word: "dag from your branch", "og per i banken sa"
    # "june from your team helped": a month opening the message is no one from a team
    month_from = flags & SOFT and not flags & FUNCTION and opens and _word(toks, j + 1) in _FROM
    if toks.shape[j] == LOWER and not (flags & NAME and not flags & (COMMON | SOFT) and opens):
        soft = flags & SOFT and not month_from
        # "te liv i kundeservice": after a preposition that takes a person the service says who it is
        sent_to = _word(toks, j - 1) in _TO_SOMEONE and plain_gap(toks, j - 1)
        if not flags & NAME or soft or flags & FUNCTION or not (opens or sent_to or _word(toks, j - 1) in rel.and_):
            return False  # in lower case a listed name opening the message: "hey sophie from customer service"
        word = not sent_to
    k = j + 2
    if _word(toks, k) in _YOUR:
        k += 1
    if k + 1 < len(toks.low) and toks.shape[k] == CAP and _word(toks, k + 1) in _SERVICES | {"branch", "filial"}:
        k += 1  # "Mark from your Oslo branch", "Per fra jeres kontor i Oslo"
    service = _word(toks, k)
    if not (service in _SERVICES or service in ("branch", "filial") or service.endswith(_DEPARTMENT)):
        return False
    if word and _word(toks, j + 1) not in _FROM:
        k = k + 2 if service == "customer" else k + 1
        if _word(toks, k) in rel.speech:
            return True  # "per i banken sa", not "dag i banken var lang"
        # "rose i resepsjonen hos dere sa": where the service is, between the service and the verb
        return _word(toks, k) in _OF and _word(toks, k + 2) in rel.speech and plain_gap(toks, k + 1)
    return True


#: "Please call June on +47 919 33 270", "ring Sol på 412 34 567": someone to call at a number.
_CALL = frozenset({"call", "ring", "ringe", "ringa", "text", "contact", "kontakt", "kontakte", "sms"})
_ON = frozenset({"on", "at", "på", "pa", "på:"})


def called_at(toks: Tokens, j: int, rel: Relations) -> bool:
    if _word(toks, j - 1) not in _CALL or _word(toks, j + 1) not in _ON or toks.shape[j] == LOWER:
        return False
    rest = toks.text[toks.end[j + 1] : toks.end[j + 1] + 6].lstrip()
    return rest[:1].isdigit() or rest[:1] == "+" or rest[:1] == "("


def after_kin(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Bestefar Eilev vil ...", "samboeren min Kine", "adviser Marte": a capitalised word right after a
    word for a relative or a role is that person's name (a rare name near a frequent word included);
    in lower case a listed name before a verb: "dotra mi vår e myndig no"."""
    if j == 0 or toks.flags[j] & NOT_NAME:
        return False
    kin = j - 2 if _word(toks, j - 1) in _MY and plain_gap(toks, j - 2) else j - 1  # "Eksen min, Rune, ..."
    if toks.gap(j - 1).strip(" ") == "," and toks.shape[j] == CAP and _word(toks, kin) in rel.kin:
        # "Veslejenta, Idunn, har ...", "Ungane, Eir og Ask, skal ...": the name set off by commas
        return j + 1 >= len(toks.low) or toks.gap(j).strip(" ") == "," or _word(toks, j + 1) in rel.and_
    soft_ok = toks.shape[j] == CAP and _word(toks, j - 1) in _MY  # "søstra mi Frøya": a place-name too
    if not plain_gap(toks, j - 1) or (toks.flags[j] & SOFT and not soft_ok):
        return False
    if toks.shape[j] == LOWER:
        # "onkel oddleif å ...", "svigermor eldrid vil", "dotra mi vår e myndig", "sønnen min ask (7)": in
        # lower case the name must be followed by a verb, an age or the end; "naboen vår har" is "our".
        low = toks.low[j]
        owned = _word(toks, j - 1) in _MY  # "dotra mi vår": the possessive is said, the next word is the name
        if (low in _MY and not owned) or low in rel.pronoun or low in rel.self_ or toks.flags[j] & FUNCTION:
            return False
        nxt = _word(toks, j + 1)
        ends = j + 1 >= len(toks.low) or closed(toks, j) or AGE.match(toks.text, toks.end[j]) is not None
        verb = nxt in _IS or nxt in _SUBJECT_VERBS or nxt in _MODAL or nxt in rel.speech or nxt in rel.money
        if not (ends or verb or nxt in rel.and_ or nxt == "å"):  # "onkel oddleif å (og) ..."
            return False
    if j + 1 < len(toks.low) and toks.shape[j + 1] == CAP and not toks.flags[j + 1] & NAME and plain_gap(toks, j):
        return False  # "advokat Oslo Sentrum", "rådgiver Nordea Finans": a place or a firm
    before = j - 1
    if _word(toks, before) in _MY and j >= 2 and plain_gap(toks, j - 2):
        before = j - 2  # "samboeren min Kine"
    return _word(toks, before) in rel.kin or in_law(toks, before) >= 0  # "my son in law Pawel needs"


def at_home_of(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "festen var hos Oscar", "bor hos Liv": "hos" before a capitalised listed name is at someone's."""
    return (
        j > 0
        and toks.shape[j] == CAP
        and bool(toks.flags[j] & NAME)
        and toks.low[j - 1] in ("hos", "hjå", "hjemme hos")
        and plain_gap(toks, j - 1)
    )


#: "ask Ask in your mortgage team to call", "vil du spørre Ask om", "tell will that": someone asked or told.
_ASK = frozenset({"ask", "tell", "spør", "spørre", "spurte", "spurt", "fortell", "fortelle", "fortalte", "sei"})
_ASK_AFTER = frozenset({"if", "om", "about", "to", "å", "hvis", "whether", "at", "that", "in", "i", "from", "fra"})


#: "må sjekke med liv først", "I'll check with hope": the person one talks a decision over with.
_CONSULT = frozenset(
    {"sjekke", "sjekka", "sjekket", "snakke", "snakka", "snakket", "prate", "prata", "pratet", "høre", "høyre",
     "avklare", "rådføre", "check", "checked", "talk", "talked", "speak", "spoke", "discuss", "confirm"}
)  # fmt: skip
_WITH = frozenset({"med", "with", "to"})


def asked(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "spør Ask om", "ask will if"; "må sjekke med liv først", "check with hope": someone asked."""
    if (
        j > 1
        and _word(toks, j - 1) in _WITH
        and _word(toks, j - 2) in _CONSULT
        and plain_gap(toks, j - 1)
        and plain_gap(toks, j - 2)
        and bool(toks.flags[j] & NAME)
        and not toks.flags[j] & SOFT
    ):
        return True
    return (
        j > 0
        and _word(toks, j - 1) in _ASK
        and bool(toks.flags[j] & NAME)
        and (toks.shape[j] != LOWER or not toks.flags[j] & SOFT)
        and plain_gap(toks, j - 1)
        and _word(toks, j + 1) in _ASK_AFTER
    )


#: "jeg er verge for thusyanthan", "fullmektig for Ragnhild": a role held for someone.
_FOR = frozenset({"for", "til", "of", "åt"})


def role_for(toks: Tokens, j: int, rel: Relations) -> bool:
    """The word after a role and "for" is the person the role is held for: "verge for thusyanthan"."""
    return (
        j >= 2
        and _word(toks, j - 1) in _FOR
        and _word(toks, j - 2) in _ROLES
        and plain_gap(toks, j - 2)
        and plain_gap(toks, j - 1)
        and toks.low[j] not in _MY
    )


#: "det står anne-lise på kortet", "står det Torleiv A som avsendar": the name printed on something.
_PRINTED_ON = frozenset({"kortet", "kontoen", "konto", "kort", "card", "account", "giroen", "fakturaen", "regninga"})


def printed_on(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "det står anne-lise på kortet", "står det Kari på kontoen?": what a card or account says."""
    before = _word(toks, j - 1)
    stands = before == "står" or (before == "det" and _word(toks, j - 2) == "står")
    return (
        stands
        and plain_gap(toks, j - 1)
        and _word(toks, j + 1) in ("på", "on")
        and _word(toks, j + 2) in _PRINTED_ON
    )


#: Norwegian verbs after "a" that make it the dialect's article before a woman's name ("a vår ska ha"),
#: not the English article ("a mark is").
_NORWEGIAN_VERBS = frozenset({"ska", "skal", "har", "hadde", "vil", "fekk", "fikk", "får", "kan", "må", "treng", "sa"})


_I_AM = (("i'm",), ("i’m",), ("im",), ("iam",), ("i", "am"))
_I_AM_BY_LAST = phrase_index(_I_AM)
_AFTER_I_AM = frozenset({"from", "fra", "frå", "here", "her", "again", "igjen", "speaking", "writing"})


def _i_am(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "hi!! i'm faith and this is ...", "hello i am daisy from Philippines", "Hi! I'm April, I have":
    the writer introducing themself at the start of a sentence, the name set off after it by a comma,
    "and" or "from" (so "i'm fine" and "i am sure that" stay words, which no name list holds anyway)."""
    phrase = phrase_before(toks, j, _I_AM_BY_LAST)
    if phrase is None:
        return False
    k = j - len(phrase)
    if not (toks.initial[k] or _word(toks, k - 1) in _GREETINGS):
        return False
    after = _word(toks, j + 1)
    return j + 1 >= len(toks.low) or closed(toks, j) or after in rel.and_ or after in _AFTER_I_AM


_ONLY_KIN_IN_BRACKETS = re.compile(
    r" ?\((?:(?:min|mi|mitt|my|vår|our|hans|hennes)\s+)?([^\W\d_]+)(?:\s+(?:min|mi|mitt|vår|mine|våre))?\)"
)
_SPEAK_OF_MONEY = frozenset({"skylder", "skylde", "owes", "påstår", "claims", "says", "sier", "seier", "lurer"})
_AGE_IS = re.compile(r" (?:er|e|is) \d{1,2} (?:år|years?)\b")


#: What a child or a relative may get, after "kan X få": "bruke kortet", "eget kort", "lov", "a card".
_OWN_THINGS = frozenset(
    {"bruke", "bruka", "use", "lov", "eget", "egen", "eige", "eigen", "sitt", "sin", "kort", "kortet", "card", "konto",
     "kontoen", "account", "bankid", "vipps", "bsu", "ekstrakort"}
)  # fmt: skip


def soft_person(toks: Tokens, j: int, rel: Relations) -> bool:
    """A month or place in lower case ("mai", "ask", "vår") where only a person stands: after the
    dialect's article and before a verb ("hu mai har lånt", "a vår ska ha"), after a word for kin
    and before an age ("sønnen min ask (7)", "dotter mi ask er 10 år"), or between a modal verb and
    what someone may get ("kan ask få bruke kortet")."""
    flags = toks.flags[j]
    if toks.shape[j] != LOWER or not flags & SOFT or not flags & NAME or flags & (NOT_NAME | FUNCTION):
        return False
    if j + 1 >= len(toks.low):
        return False
    if j == 0 and toks.low[j + 1] in _SPEAK_OF_MONEY and plain_gap(toks, j) and not any(c.isupper() for c in toks.text):
        return True  # "frøya skylder meg penger": a message in lower case opened by who owes or says
    bracket = _ONLY_KIN_IN_BRACKETS.match(toks.text, toks.end[j])
    if bracket is not None and bracket.group(1).lower() in rel.kin and _word(toks, j - 1) not in _LOCATIVE:
        return True  # "til ask (sønnen min)": a bracket that holds nothing but whose kin the word is
    if j == 0 or not plain_gap(toks, j - 1):
        return False
    before, after = toks.low[j - 1], toks.low[j + 1]
    if before in _MODAL and after in _RECEIVE and after != "bli" and plain_gap(toks, j):
        # "kan ask få bruke kortet mitt?": a month or a place gets no card, access or leave ("vil juni få
        # høyere rente" may); and "kan man få" is the pronoun, though "Man" is a place too
        got = _word(toks, j + 2)
        return (got in rel.granted or got in _OWN_THINGS) and toks.low[j] not in rel.pronoun
    verb = after in _SUBJECT_VERBS or after in _MODAL
    if plain_gap(toks, j) and (before in _DIALECT_ARTICLES or (before == "a" and after in _NORWEGIAN_VERBS)) and verb:
        return not (j >= 2 and toks.low[j - 2] in _DETERMINERS | _LOCATIVE | rel.prep)  # "i a mai"
    kin = before in rel.kin or (before in _MY and j >= 2 and toks.low[j - 2] in rel.kin)
    if kin and after in rel.speech and plain_gap(toks, j) and after not in _SUBJECT_VERBS:
        return True  # "sønnen min ask sier", "kona mi vår ringte", not "min samboer mai vil"
    aged = AGE.match(toks.text, toks.end[j]) is not None or _AGE_IS.match(toks.text, toks.end[j]) is not None
    return kin and aged


def genitive_owner(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Pers bil", "Livs konto", "Steins dotter": a capitalised name-word with the Norwegian genitive "s"
    before a word for kin or a thing a person owns. The word lists know "pers" and "livs" as words, so the
    genitive of a name that is also a word is found only by what it owns."""
    low = toks.low[j]
    if toks.shape[j] != CAP or len(low) < 4 or low[-1] != "s" or toks.trim[j] or j + 1 >= len(toks.low):
        return False
    stem = word_flags().get(low[:-1], 0)
    if not stem & GIVEN or stem & (NOT_NAME | FUNCTION) or not plain_gap(toks, j) or low[:-1] in rel.kin:
        return False  # "Mors konto": mother's, though "Mor" is a name too
    after = toks.low[j + 1]
    if stem & SOFT:
        return toks.shape[j + 1] == LOWER and after in rel.owned  # "Kenyas konto", not "Kenyas hovedstad"
    return toks.shape[j + 1] == LOWER and (after in rel.kin or after in rel.owned)


def capitalised_word_in_role(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Sky is my son", "Storm er sønnen min": a capitalised everyday word said to be someone's kin."""
    flags = toks.flags[j]
    if toks.shape[j] != CAP or flags & (NOT_NAME | FUNCTION) or len(toks.low[j]) < 3 or is_cue_word(toks.low[j]):
        return False
    after, after2, after3 = _word(toks, j + 1), _word(toks, j + 2), _word(toks, j + 3)
    low = toks.low[j]
    if after not in _IS or not plain_gap(toks, j) or low in rel.pronoun or low in rel.self_ or low in rel.kin:
        return False  # "Jeg er moren hennes"
    if "-" in low or low in _ROLES:
        return False  # "Co-applicant is my wife"
    return (after2 in _MY and after3 in rel.kin) or (after2 in rel.kin and after3 in _MY)


def echoed(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Will will sign the papers", "May may call": a capitalised name-word followed by the same word in
    lower case. Nobody writes a word twice in a row with two spellings; the first is the name."""
    return (
        toks.shape[j] == CAP
        and j + 1 < len(toks.low)
        and toks.low[j + 1] == toks.low[j]
        and toks.shape[j + 1] == LOWER
        and plain_gap(toks, j)
        and bool(toks.flags[j] & NAME)
        and _word(toks, j + 2) not in _AFTER_DOUBLED  # "Kan kan du ...": a word typed twice by mistake
    )


#: After a word typed twice by mistake comes the question's subject: "Kan kan du", "Can can you".
_AFTER_DOUBLED = frozenset(
    {"du", "dere", "jeg", "eg", "æ", "vi", "me", "de", "dokker", "han", "hun", "ho", "det", "den", "you", "i",
     "we", "they", "he", "she", "it", "ikke", "ikkje", "itj", "not", ""}
)  # fmt: skip


#: A dash after the first word: "gard - jeg fikk ikke ...", "Brede – ringte dere meg?".
_HEADER_DASH = re.compile(r"[ \t]+[-–—][ \t]+\S")


def header_name(toks: Tokens, j: int) -> bool:
    """The message opens with the writer's given name on a line of its own, or before a dash, the way a
    signature closes one: "brede\\nDu ringte meg i går", "gard - jeg fikk ikke lastet opp". Only the
    first word of the message, only a given name (in any case: nothing else is written there), never a
    greeting or a word that is no name, and something must follow."""
    if j != 0 or len(toks.low) < 3:
        return False
    flags = toks.flags[0]
    if not flags & GIVEN or flags & (FUNCTION | NOT_NAME) or toks.low[0] in _GREETINGS:
        return False
    last = 1 if toks.gap(0) == " " and toks.flags[1] & SURNAME and not toks.flags[1] & (FUNCTION | NOT_NAME) else 0
    gap = toks.gap(last)
    return gap.strip(" \t\r") == "\n" or _HEADER_DASH.match(toks.text, toks.end[last]) is not None


#: Trades and offices a name is put beside, "Hansen, regnskapsfører for ...", "Lie, advokat, sender ...".
_TRADES = frozenset(
    {"regnskapsfører", "revisor", "advokat", "megler", "eiendomsmegler", "rørlegger", "elektriker", "snekker",
     "tannlege", "lege", "fastlege", "sykepleier", "saksbehandler", "rådgiver", "kunderådgiver", "konsulent",
     "styreleder", "økonomisjef", "daglig", "kasserer", "sekretær", "lærer", "vaktmester", "utleier", "huseier",
     "accountant", "lawyer", "solicitor", "advisor", "adviser", "manager", "director", "plumber", "electrician",
     "landlord", "doctor", "treasurer", "secretary", "caretaker", "ceo", "cfo"}
)  # fmt: skip
_TRADE_ENDINGS = ("sjef", "leder", "leiar", "rådgiver", "konsulent", "megler", "fører")


def beside_trade(toks: Tokens, j: int) -> bool:
    """A capitalised name-word before a comma and the person's trade or office: "Hansen, regnskapsfører
    for Bakeriet", "Berg, økonomisjef i Fjord AS". Only a person has a trade; a firm or a place before
    such a comma ("Bergen, advokat ...") is rare, and a word that is no name is never taken."""
    if toks.text[toks.end[j] : toks.end[j] + 1] != "," or j + 1 >= len(toks.low) or toks.shape[j] != CAP:
        return False
    flags = toks.flags[j]
    if flags & (NOT_NAME | FUNCTION | SOFT) or not (flags & NAME or not flags & COMMON):
        return False
    trade = toks.low[j + 1]
    return toks.shape[j + 1] == LOWER and (trade in _TRADES or trade.endswith(_TRADE_ENDINGS))


#: Verbs of saying that follow a person: "dawn said I'd get a callback", "siri sa at ...".
SAID = frozenset({"said", "says", "told", "promised", "wrote", "sa", "sier", "sei", "seier", "lovet", "lova", "skrev"})


def opens_saying(toks: Tokens, j: int) -> bool:
    """The message opens with a given name (in any case) that says something: "dawn said I'd get a
    callback", "hege sa at kortet var sendt". Only a person says; a word that is also a name ("dawn",
    "hege") is no subject of "said" in its other sense."""
    if j != 0 or len(toks.low) < 3 or toks.gap(0) != " " or toks.low[1] not in SAID:
        return False
    flags = toks.flags[0]
    if toks.low[0] in relations().pronoun:
        return False  # "hun sa at ...": the pronoun, though "Hun" is a given name too
    return bool(flags & GIVEN) and not flags & (FUNCTION | NOT_NAME) and toks.low[0] not in _GREETINGS


def alone_but_sure(toks: Tokens) -> set[int]:
    """The words that are names by where they stand, with no cue before them: opening the message on its
    own line or before a dash, saying something, or beside a trade (``header_name``, ``opens_saying``,
    ``beside_trade``). Found once per message (the first word, and the words before a comma), not per word."""
    found: set[int] = set()
    # both openings need a given name first (their own first test, here before either call)
    if len(toks.low) >= 3 and toks.flags[0] & GIVEN and (header_name(toks, 0) or opens_saying(toks, 0)):
        found.add(0)
    if "," in toks.text:
        # the words a comma follows right away (``beside_trade``'s first test): capitalised ones only
        text, ends, shapes = toks.text, toks.end, toks.shape
        for j, end in enumerate(ends):
            if shapes[j] == CAP and text[end : end + 1] == "," and beside_trade(toks, j):
                found.add(j)
    return found
