"""Names that are the subject of their sentence: the word before a verb only a person does.

Why: short chat mentions people in passing, and the name often opens the message with nothing but a
verb after it ("Storm ble født ...", "Bill still has access", "oskarine har mistet mobilen", "will said
you could help"). No cue and no relation to the writer points at the name; the verb does. Names that are
also everyday words need the verb to be one a storm or a bill does not do, and names in no list need a
verb only a person does (dying, losing a phone, living somewhere), because brands and shops in no list
"har sendt" and "sier" too. Each rule is only a doubt for strict mode (``SCORE_DOUBT`` in
``person_context``), so balanced mode is unchanged.

The same goes for a name that is also a month or a modal verb, standing where neither can
("august sendte meg feil beløp", "will said", "june from your team"): ``month_or_modal_name``.
Rules return True for the word ``j`` that is the subject; ``person_context.relation_names`` decides the
score.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    SOFT,
    SURNAME,
    dialect_word,
    word_flags,
)
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens
from anonymizer.recognizers.person_roles import of_service
from anonymizer.recognizers.person_words import _GREETINGS, _SUBJECT_VERBS, Relations, _word, plain_gap, shouting

#: One adverb may stand between the subject and its verb: "Bill still has access", "dag også skal".
_ADVERBS = frozenset(
    {"still", "also", "just", "never", "already", "finally", "også", "ogs", "ikke", "ikkje", "itj", "aldri",
     "fortsatt", "fremdeles", "allerede", "nettopp", "endelig", "bare", "berre"}
)  # fmt: skip
#: More verbs after a sentence-opening given name: "Storm ble født", "Per betaler 3 000", "long can't log
#: in". A month or an adjective does not take these ("Mai har" stays a month: soft names are left out).
_MORE_SUBJECT_VERBS = frozenset(
    {"ble", "blei", "betaler", "pays", "can't", "cant", "cannot", "won't", "wont", "doesn't", "doesnt", "didn't",
     "didnt", "isn't", "wasn't", "hasn't", "haven't", "kunne", "burde", "should", "could", "would",
     # past tenses of finding, asking, writing, paying and buying: a stone, the sun or a mark does none
     "fant", "fann", "spurte", "lurte", "skreiv", "lånte", "kjøpte", "solgte", "found", "asked", "wondered",
     "wrote", "borrowed", "bought", "sold",
     # dialect forms of the verbs above: "va" (var), "sku" (skulle), "fekk" (fikk)
     "va", "hadd"}
)  # fmt: skip
#: Verbs only a person does, for a word in no list ("oskarine har mistet mobilen", "Ingebrigt døde"):
#: companies send, say and have, but they do not die, lose their phone or live somewhere.
_HUMAN_VERBS = frozenset(
    {"døde", "died", "mistet", "mista", "miste", "glemte", "glømte", "glemt", "glømt", "lost", "forgot",
     "forgotten", "bor", "budde", "lives", "lived", "jobber", "jobba", "works", "worked", "fyller", "fylte",
     "turns", "turned", "flyttet", "flytta", "moved", "født", "born", "studerer", "studies", "giftet", "married"}
)  # fmt: skip
#: What a person gets, pays, sends or signs, for a name that is also a month or a place; and what
#: someone at the bank does for the writer ("Ask solved everything", "June fixed it", "Mai hjalp meg").
_RECEIVED = _HUMAN_VERBS | {
    "fått", "fatt", "betalt", "sendt", "ringt", "svart", "signert", "skrevet", "overført", "got", "received",
    "paid", "sent", "called", "signed", "transferred", "sendte", "ringte", "betalte", "skrev", "sa", "said",
    "told", "overførte", "vippset", "vippsa",
    "solved", "fixed", "helped", "answered", "explained", "sorted", "resolved", "replied", "løste", "løyste",
    "fikset", "fiksa", "hjalp", "hjelpte", "svarte", "forklarte", "ordnet", "ordna",
}  # fmt: skip
_SUBORDINATORS = frozenset({"om", "if", "whether", "hvis", "at", "that", "fordi", "because", "siden", "since"})
_AUXILIARIES = frozenset({"har", "hadde", "has", "had", "have", "he", "ha", "ble", "blei", "vart", "was", "is", "er"})
#: Past tense of verbs of speaking or sending: a modal ("will", "may") is never followed by one, so a
#: word that is mostly a modal is a name before it: "will said you could help", "may sent me 200".
_PAST_SPEECH = frozenset(
    {"said", "told", "asked", "called", "sent", "paid", "wrote", "promised", "says", "sa", "sendte", "ringte",
     "betalte", "skrev", "spurte", "fortalte", "lovet"}
)  # fmt: skip


#: Modals after a modal name: "Will can't log in, he's my husband".
_MODAL_AFTER = frozenset({"can't", "cant", "cannot", "can", "could", "couldn't", "won't", "should", "must", "needs"})
#: Modal verbs that are also given names.
MODAL_NAMES = frozenset({"will", "may", "can", "kan", "vil", "must"})


def verb_after(toks: Tokens, j: int) -> int:
    """Index of the word that stands where the verb of subject ``j`` would, past one adverb."""
    k = j + 1
    if _word(toks, k) in _ADVERBS and k + 1 < len(toks.low) and plain_gap(toks, k):
        k += 1
    return k


def _plain_clause(toks: Tokens, j: int, k: int) -> bool:
    return all(plain_gap(toks, m) for m in range(j, k))


def _opens(toks: Tokens, j: int) -> bool:
    """Word ``j`` opens a sentence, capitalised, or in a message typed without capitals at all."""
    if not toks.initial[j] or shouting(toks):
        return False
    return toks.shape[j] == CAP or (toks.shape[j] == LOWER and not any(ch.isupper() for ch in toks.text))


def opens_with_a_verb(toks: Tokens, j: int) -> bool:
    """A given name opens a sentence and a verb follows, perhaps after one adverb: "Tor kommer innom",
    "Storm ble født", "Bill still has access". Storms and lives come and have too, so only a doubt."""
    flags = toks.flags[j]
    if flags & FUNCTION and flags & GIVEN and not flags & NOT_NAME and toks.shape[j] == CAP:
        # "Jo flyttet ut i fjor": a closed-class word ("jo") does not move house or die; "Ha har lånt
        # kortet": a bare verb ("ha", "gi") is never followed by a verb that has a tense
        return _opens(toks, j) and (_person_verb(toks, j, _HUMAN_VERBS) or _bare_verb_subject(toks, j))
    if flags & SURNAME and not flags & (GIVEN | NOT_NAME | FUNCTION | SOFT):
        # "Bakke betaler", "Berg lånte bilen": a surname that is also a word, before a verb only a person
        # does (not "er"/"har": "Strand er stengt")
        return _opens(toks, j) and _person_verb(toks, j, _MORE_SUBJECT_VERBS | _HUMAN_VERBS)
    if not flags & GIVEN or flags & (NOT_NAME | FUNCTION):
        return False
    if j == 0 and toks.shape[j] == UPPER and shouting(toks) and len(toks.low) > 2:
        # "EVEN HAR LÅNT KORTE": a message all in capitals opens with the name as any message would
        k = verb_after(toks, j)
        verbs = _SUBJECT_VERBS | _MORE_SUBJECT_VERBS
        return not flags & SOFT and _word(toks, k) in verbs and _plain_clause(toks, j, k)
    if not _opens(toks, j):
        # "sjekke om sol har fått ukepengene": the subject of a clause after "om"/"whether"/"at"
        return _word(toks, j - 1) in _SUBORDINATORS and plain_gap(toks, j - 1) and _person_verb(toks, j, _RECEIVED)
    if flags & SOFT:
        # "Mai har ikke fått pengene", "august sendte meg feil beløp": a month or a place does not get
        # paid or send money
        return _person_verb(toks, j, _RECEIVED)
    if (dialect_word(toks.low[j]) and toks.low[j] not in _OUR) or toks.low[j] in _GREETINGS:
        # "Nu har jag flyttat": Swedish "now"; "yo kan dere sjekke"; but "Hans har ikke BankID": a
        # possessive ("hans", his) stands before a noun, not before a verb, except as a pronoun before
        # "er" ("Hans er 0912...?": his is)
        return False
    if toks.low[j] in _OUR and _word(toks, verb_after(toks, j)) in _COPULAS:
        return False
    where = _past_where(toks, j)
    k = where or verb_after(toks, j)
    verb = _word(toks, k)
    if where and verb in _RECEIVED:
        return _plain_clause(toks, j, k)  # "Frank fra Sverige sendte meg 400 kr"
    if _word(toks, k + 1) in _INVERTED_SUBJECTS and all(toks.gap(m) == " " for m in range(j, k + 1)):
        return False  # "Stein fant vi i hagen": the verb's subject follows it, the word first is its object
    return (verb in _SUBJECT_VERBS or verb in _MORE_SUBJECT_VERBS) and _plain_clause(toks, j, k)


#: Given names that are an infinitive or an imperative too: "Ha" (Vietnamese), "Si", "Gi".
_BARE_VERB_NAMES = frozenset({"ha", "gi", "si", "be"})
#: Verbs with a tense after such a name: "Ha har lånt", "Si fikk", "Gi sa" (not "ha" again: "Ha ha").
_FINITE = (_SUBJECT_VERBS | _MORE_SUBJECT_VERBS | _AUXILIARIES) - {"ha", "e"}


def _bare_verb_subject(toks: Tokens, j: int) -> bool:
    """Capitalised word ``j``, a given name that is also a bare verb, is followed by a verb with a tense: an
    infinitive or an imperative never is ("Ha det bra", "Gi meg"), so the word is the verb's subject."""
    return toks.low[j] in _BARE_VERB_NAMES and _word(toks, j + 1) in _FINITE and plain_gap(toks, j)


#: "Per i nabohuset har", "Mark fra Tyskland sendte": where the subject lives or comes from, between it
#: and its verb; but "Per i dag", "per i måneden" is a preposition before a time.
_WHERE = frozenset({"i", "fra", "frå", "from", "in"})
_TIMES = frozenset(
    {"dag", "går", "morgen", "kveld", "natt", "fjor", "år", "året", "måned", "måneden", "mnd", "uka", "uken",
     "veka", "helga", "helgen", "timen", "døgnet", "morges", "kveldes", "sommer", "vinter", "høst", "vår", "jul",
     "jula", "påske", "påska", "starten", "slutten", "begynnelsen", "mellomtiden", "tillegg", "stedet", "snitt",
     "snittet", "alt", "alle", "today", "total", "advance", "addition", "general", "fact", "case", "person"}
)  # fmt: skip
_COPULAS = frozenset({"er", "e", "var", "va", "is", "was", "blir", "ble"})
_OUR = frozenset({"vår", "våre", "min", "mi", "mitt", "our", "my", "hans", "hennes", "his", "her"})


def _past_where(toks: Tokens, j: int) -> int:
    """Index of the verb after "i"/"fra" + a place or a noun (and a possessive) that follow capitalised
    subject ``j`` ("Per i nabohuset har", "Mark fra Tyskland sendte"), or 0 if no such phrase follows."""
    if _word(toks, j + 1) not in _WHERE or toks.shape[j] != CAP or j + 3 >= len(toks.low):
        return 0
    noun = toks.low[j + 2]
    if noun in _TIMES or len(noun) < 3 or toks.flags[j + 2] & FUNCTION or not noun.isalpha():
        return 0
    k = j + 4 if toks.low[j + 3] in _OUR else j + 3  # "Nes i regnskapsavdelingen vår har"
    return k if k < len(toks.low) else 0


#: Subject pronouns after the verb: a sentence that opens with its object ("Stein fant vi", "Per har jeg
#: ikke sett") has the subject there.
_INVERTED_SUBJECTS = frozenset({"jeg", "eg", "vi", "me", "du", "han", "hun", "ho", "de", "dei", "dere", "dokker"})


def unlisted_subject(toks: Tokens, j: int, rel: Relations) -> bool:
    """A word in no list opens a sentence before a verb only a person does, perhaps after an auxiliary:
    "oskarine har mistet mobilen", "Kaiden døde i fjor", "Tsegereda bor hos oss". The caller has already
    ruled out everyday words, inflections and typos (``candidate_score``)."""
    if toks.flags[j] & NAME or not _opens(toks, j):
        return False
    return _person_verb(toks, j, _HUMAN_VERBS)


def _person_verb(toks: Tokens, j: int, verbs: frozenset[str]) -> bool:
    """The verb after subject ``j`` (past an auxiliary and an adverb: "har ikke mistet") is one of ``verbs``."""
    k = verb_after(toks, j)
    if _word(toks, k) in _AUXILIARIES and k + 1 < len(toks.low) and plain_gap(toks, k):
        k = verb_after(toks, k)
    return _word(toks, k) in verbs and _plain_clause(toks, j, k)


def modal_name_speaks(toks: Tokens, j: int) -> bool:
    """A listed name that is mostly a modal ("will", "may") opens the sentence before a verb in the past
    tense or another modal, which no modal takes: "will said you could help", "Will can't log in"."""
    if toks.low[j] not in MODAL_NAMES:
        return False
    flags = word_flags().get(toks.low[j], 0)  # the tokenizer drops NAME from a lower-case function word
    if not flags & NAME or flags & NOT_NAME:
        return False
    after = _word(toks, j + 1)
    if j + 1 >= len(toks.low) or not plain_gap(toks, j):
        return False
    if _opens(toks, j):
        return after in _PAST_SPEECH or after in _MODAL_AFTER or _from_then_said(toks, j)
    if j == 0 or not plain_gap(toks, j - 1):
        return False
    before = toks.low[j - 1]
    if _introduced(toks, j) and (j + 1 >= len(toks.low) or after in _AND_HERE or not toks.gap(j).startswith(" ")):
        return True  # "hei jeg er will og jeg har", "i'm may, the account holder": no "I am" takes a modal
    if before in _IF and after in _PAST_SPEECH | _GOT_PAST:
        return True  # "I don't know if may got the money": a modal after "if" takes no past tense
    # "Can Will use my card?": a modal after the modal that opens a question ("can will" is no English)
    return (
        toks.low[j] == "will"
        and toks.initial[j - 1]
        and before in _QUESTION_MODALS
        and toks.shape[j + 1] == LOWER
        and after not in _NOT_AFTER_WILL
    )


def _from_then_said(toks: Tokens, j: int) -> bool:
    """ "Will from your loans team said": "from" and where the person is from (at most five words, spaces
    only, no pronoun), then a past tense of saying or sending, which no modal takes."""
    if _word(toks, j + 1) not in ("from", "fra", "frå"):
        return False
    for m in range(j + 3, min(j + 8, len(toks.low))):
        if not plain_gap(toks, m - 1):
            return False
        if toks.low[m] in _PAST_SPEECH:
            return True
        if toks.low[m] in _INVERTED_SUBJECTS or toks.low[m] in ("i", "you", "we", "they", "he", "she"):
            return False  # "May from next month I said": the subject of the verb stands before it
    return False


#: "jeg er will", "I'm may", "I am will": the writer naming herself, before the name's end.
_I_AM = frozenset({"i'm", "im", "i’m"})
_AM = frozenset({"er", "e", "am"})
_I = frozenset({"jeg", "eg", "æ", "i", "je", "jæ"})
_AND_HERE = frozenset({"og", "and", "her", "here", "fra", "from"})


def _introduced(toks: Tokens, j: int) -> bool:
    """Word ``j`` follows "jeg er"/"I am"/"I'm" with spaces only."""
    before = toks.low[j - 1]
    if before in _I_AM:
        return True
    return before in _AM and j >= 2 and toks.low[j - 2] in _I and plain_gap(toks, j - 2)


#: Subordinators after which a modal name that a past tense follows is the subject ("if may got").
_IF = frozenset({"if", "whether", "om", "hvis", "that", "because", "fordi"})
#: More past tenses no modal takes: "if may got the money".
_GOT_PAST = frozenset({"got", "received", "gave", "lent", "transferred", "fikk", "fekk", "overførte", "lånte"})
#: Modals that open a question, before "will" as a name: "Can Will use", "Could Will get".
_QUESTION_MODALS = frozenset({"can", "could", "should", "would", "does", "did", "must", "may"})
#: After "can will": words that make it a slip or a phrase, not a name ("can will be", "does will you").
_NOT_AFTER_WILL = frozenset({"be", "you", "i", "we", "it", "not", "they", "he", "she"})
#: "ask e 14 no", "Storm is 9,": a sentence-opening name with its age, and no unit after the number.
IS_AGE = re.compile(
    r" (?:er|e|is|blir|turns|fyller) \d{1,2}(?: ?år| years?)?(?=[,.!?](?!\d)|\s+(?:no|nå|now|og|and)\b|\s*$)"
)


def _soft_of_service(toks: Tokens, j: int, rel: Relations) -> bool:
    """A month-name (lower case, or a capitalised modal: "May") that belongs to the bank's service."""
    if not toks.flags[j] & SOFT:
        return False
    flags = word_flags().get(toks.low[j], 0)
    return bool(flags & NAME) and not flags & NOT_NAME and of_service(toks, j, rel)


def _soft_lower(toks: Tokens, j: int) -> bool:
    """A lower-case listed name that is also a month or a place ("august", "ask"), no function word."""
    flags = toks.flags[j]
    return toks.shape[j] == LOWER and bool(flags & NAME and flags & SOFT) and not flags & (NOT_NAME | FUNCTION)


def month_or_modal_name(toks: Tokens, j: int, rel: Relations) -> bool:
    """A name that is also a month or a modal verb, in a place neither stands: "will said you could help"
    (a modal takes no past tense), "august sendte meg feil beløp", "ask e 14 no" (a month sends nothing
    and has no age), "june from your team helped" (a month belongs to no team)."""
    if modal_name_speaks(toks, j):
        return True
    if toks.low[j] in rel.pronoun:
        return False  # "hvis man har vippsa": the generic pronoun, though "Man" is a place too
    if _soft_lower(toks, j) and (
        opens_with_a_verb(toks, j) or (toks.initial[j] and IS_AGE.match(toks.text, toks.end[j]) is not None)
    ):
        return True
    return _soft_of_service(toks, j, rel)


#: "can faith be added as a card holder", "kan liv bli lagt til": someone added to an account.
PASSIVE = frozenset({"be", "bli", "blir", "get"})
ADDED = frozenset(
    {"added", "removed", "registered", "lagt", "lagd", "fjernet", "fjerna", "registrert", "innmeldt", "meldt"}
)


def that_clause(toks: Tokens, j: int) -> bool:
    """ "han sa at Dag skulle ringe": Norwegian "at" (that) opens a clause whose subject is word ``j``,
    followed by its verb; English "at Netto" is a place."""
    return toks.low[j - 1] == "at" and _word(toks, j + 1) in _SUBJECT_VERBS and plain_gap(toks, j)


#: Verbs of saying that report a clause ("hun sa at", "he told me that"), and the object that may stand
#: between the verb and "at"/"that".
_REPORTING = frozenset(
    {"sa", "sagt", "sier", "seier", "sei", "fortalte", "fortalde", "skrev", "skreiv", "mente", "meinte", "lovet",
     "lovte", "lova", "forklarte", "nevnte", "said", "says", "told", "wrote", "promised", "mentioned",
     "explained", "claimed"}
)  # fmt: skip
_TOLD_WHOM = frozenset({"meg", "me", "mæ", "oss", "us", "mamma", "mum", "mom"})
_REPORTED_VERBS = _SUBJECT_VERBS | _MORE_SUBJECT_VERBS | _RECEIVED | _AUXILIARIES | _MODAL_AFTER | {
    "would", "will", "kan", "can", "skal", "vil", "må", "must", "had", "did"
}  # fmt: skip


def reported_subject(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "hun sa at hansen skulle ringe meg", "he told me that johnson would call": a listed name that is no
    everyday word (in lower case too) opens a clause reported after a verb of saying, and its verb follows,
    perhaps after one adverb. An everyday word or a pronoun there is not taken ("sa at banken skulle")."""
    if j < 2 or toks.low[j - 1] not in ("at", "that") or not plain_gap(toks, j - 1):
        return False
    verb = j - 2
    if toks.low[verb] in _TOLD_WHOM and verb > 0 and plain_gap(toks, verb - 1):
        verb -= 1
    if toks.low[verb] not in _REPORTING or not plain_gap(toks, verb):
        return False
    flags, low = toks.flags[j], toks.low[j]
    if not flags & (GIVEN | SURNAME) or flags & (COMMON | AMBIGUOUS | FUNCTION | NOT_NAME | SOFT):
        return False
    if len(low) < 3 or low in rel.pronoun or low in rel.self_ or low in rel.kin:
        return False
    k = verb_after(toks, j)
    return _word(toks, k) in _REPORTED_VERBS and _plain_clause(toks, j, k)
