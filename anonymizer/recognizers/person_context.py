"""Names that only their place in a sentence gives away: relations a human reader sees at once.

Many Norwegian and English given names are also everyday words (Stein, Dag, Liv, Sol, Rose, Even, Per,
Hope, Will, Frank, Storm, Vår), and chat is often typed in lower case. The gazetteer cannot tell "en
stein i skoen" from "sendte 300 kr til stein", but the sentence can: a person is who you pay, who you
share an account with, who you give power of attorney, who introduces themself. Each rule below is one
such relation, with its words in ``anonymizer/data/person_relations.txt``:

* ``X her`` / ``X here`` opening a sentence ("Even her igjen", "per her.", "HARALD her,");
* coordination with the writer ("Rose og jeg", "eg og Tor", "Will and I", "me and Hope");
* granting ("gi Sol fullmakt", "Gi Ravdna tilgang", "kan Klara få tillgång");
* payments ("sendt 300kr te stein på vipps", "har lånt av liv", "kontoen til Hope");
* possessives ("Rose's invoice"), ages ("Liv (7)"), clefts ("det er tor som", "hvem er Frank");
* a name that opens a sentence with a verb only people do ("Mark says", "Stein påstår");
* a signature: the last line or sentence is only a name ("... TAKK. ASTRID", "/Ebba");
* lists: a word next to a found name in a list is a name too if it can be one ("Kari, Sol og Even").

The rules return the first word of each name; the recognizer extends it over surnames as usual.
A capitalised name-word in the middle of a sentence with no relation at all ("Takk til Dag på
kontoret") is only a *doubt* (``SCORE_DOUBT``): redacted in strict mode, not in balanced mode.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word, is_exact_cue_word
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FOREIGN,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    WELL_KNOWN,
    near_frequent_word,
    word_flags,
)
from anonymizer.recognizers._tokens import (
    CAP,
    INFLECTED,
    LOWER,
    POLITE,
    UPPER,
    Tokens,
    closed,
    wordlike,
)
from anonymizer.recognizers.person_deeds import (
    _FILLERS,
    _account_payee,
    _aged,
    _dialect_article,
    _in_role,
    _may_get,
    _sin,
    _speaks,
)
from anonymizer.recognizers.person_extend import POSSESSIVE_WORDS
from anonymizer.recognizers.person_gates import refused_may_be_named
from anonymizer.recognizers.person_initials import initial_before_word
from anonymizer.recognizers.person_introduced import NOT_SUBJECT as _NOT_SUBJECT
from anonymizer.recognizers.person_introduced import fellow_name, opening_pronoun
from anonymizer.recognizers.person_kin import kin_named
from anonymizer.recognizers.person_lines import contact_line, kin_label, signature
from anonymizer.recognizers.person_namesakes import namesake
from anonymizer.recognizers.person_payees import gift_note, lower_payee
from anonymizer.recognizers.person_payees import owner as _owner
from anonymizer.recognizers.person_payees import paid as _paid
from anonymizer.recognizers.person_payees import unit_after_word as _unit_after
from anonymizer.recognizers.person_referred import REFERRING_SLOT, referred_back
from anonymizer.recognizers.person_roles import (
    _i_am,
    after_kin,
    alone_but_sure,
    amount_after,
    asked,
    at_home_of,
    called_at,
    capitalised_word_in_role,
    echoed,
    genitive_owner,
    of_service,
    pays,
    printed_on,
    role_for,
    soft_person,
)
from anonymizer.recognizers.person_selves import SEASONS, greeted_self, self_named
from anonymizer.recognizers.person_states import bracketed, has_got, holds_role, ill_or_gone, put_on, talked_with
from anonymizer.recognizers.person_subjects import (
    MODAL_NAMES,
    month_or_modal_name,
    opens_with_a_verb,
    reported_subject,
    that_clause,
    unlisted_subject,
)
from anonymizer.recognizers.person_vocative import vocative
from anonymizer.recognizers.person_whose import before_a_noun
from anonymizer.recognizers.person_words import (
    _ARTICLES,
    _CLEFT,
    _CLOSING,
    _DETERMINERS,
    _DIALECT_ARTICLES,
    _ENGLISH_IDENTITY,
    _GREETINGS,
    _HAVE,
    _IDENTITY,
    _IT_IS,
    _LOCATIVE,
    _MODAL,
    _MY,
    _POSSESSIVES,
    _SUBJECT_VERBS,
    _WHO,
    Relations,
    _gap_before,
    _title_case,
    _word,
    phrase_before,
    phrase_index,
    plain_gap,
    relations,
    shouting,
)

#: A known name in a relation (capitalised / lower case), and a word in no list in one.
SCORE_KNOWN = 0.85
SCORE_KNOWN_LOWER = 0.6
SCORE_UNKNOWN = 0.6
SCORE_UNKNOWN_LOWER = 0.3
#: Only strict mode (threshold 0.25) redacts these; balanced mode (0.4) does not.
SCORE_DOUBT = 0.3


def candidate_score(toks: Tokens, j: int) -> float | None:
    """The score word ``j`` gets as a name when a relation vouches for it, or None if it cannot be one.

    A listed name (also one that is an everyday word) is a name here; a word in no list too, unless it
    reads as an everyday word, an inflection or a typo of one. Pronouns and the writer never are.
    """
    low = toks.low[j]
    flags = toks.flags[j]
    rel = relations()
    if flags & (NOT_NAME | FUNCTION) or len(low) < 2 or low in rel.pronoun or low in rel.self_:
        return None
    if not flags & NAME and (flags & (COMMON | PARTICLE | FOREIGN) or len(low) < 3):
        return None  # refused below whatever the next tests say, which cost lookups in large tables
    if is_cue_word(low) and not (toks.shape[j] == CAP and not flags and not is_exact_cue_word(low)):
        return None  # "Her er fødselsnr. ...": a number recognizer's cue word; but "Callum", "Kidane"
    lower = toks.shape[j] == LOWER
    if toks.shape[j] == UPPER and len(low) <= 3 and not shouting(toks):
        return None  # "a UK number", "BSU": an acronym in a message that is not all capitals
    if flags & NAME:
        if lower and flags & SOFT:
            return None  # "frå 22. august", "i mai": a month, weekday or place in lower case
        if lower and low in POSSESSIVE_WORDS and before_a_noun(toks, j):
            return None  # "frå vår felleskonto", "til min sparekonto": whose, not who ("Vår" is a name too)
        return SCORE_KNOWN_LOWER if lower else SCORE_KNOWN
    # A capitalised word inside a sentence is no typo of a frequent one ("te Kine", not "kino"): people who
    # mistype do not capitalise; at the start of a sentence or in a title-case message it may be.
    capitalised_inside = toks.shape[j] == CAP and not toks.initial[j] and not _title_case(toks)
    if flags & (COMMON | PARTICLE | FOREIGN) or len(low) < 3 or wordlike(low):
        return None
    if near_frequent_word(low) and not capitalised_inside:
        return None
    if lower and (INFLECTED.search(low) or _common_compound(low)):
        return None  # "regnskapsprogrammet", "eigenkapital": an inflected word or a compound noun
    return SCORE_UNKNOWN_LOWER if lower else SCORE_UNKNOWN


def _common_compound(low: str) -> bool:
    """ "eigenkapital", "strømregning": ends in a common word of five or more letters."""
    table = word_flags()
    return any(table.get(low[k:], 0) & COMMON for k in range(3, len(low) - 4))


def relation_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, float]]:
    """(first word, score) of each name a relation vouches for, among words not yet ``covered``."""
    rel = relations()
    alone = alone_but_sure(toks)
    lows, shapes = toks.low, toks.shape
    for j in range(len(lows)):
        if covered[j]:
            continue
        # Each test's own first condition is checked here, so that most words cost no call: only a word
        # of one letter can be an initial, only the second word addressed, only a capitalised one a genitive.
        if len(lows[j]) == 1 and _initialled(toks, j):
            yield j, SCORE_KNOWN
            continue
        if j and lows[j - 1] in REFERRING_SLOT and referred_back(toks, j):  # "spør will om det? han"
            yield j, SCORE_KNOWN if shapes[j] != LOWER else SCORE_KNOWN_LOWER
            continue
        if (j == 1 and _addressed(toks, j, rel)) or j in alone or (shapes[j] == CAP and genitive_owner(toks, j, rel)):
            yield j, SCORE_KNOWN
            continue
        score = candidate_score(toks, j)
        if score is None and not refused_may_be_named(toks, j):
            continue  # no rule below can take it (the gate is their first tests, gathered)
        if score is None:
            # "Will and I", "Hans her": a capitalised word that is mostly a function word, in the two
            # relations only a person stands in
            if (
                _capitalised_function_name(toks, j)
                and not opening_pronoun(toks, j)
                and (
                    _introduces(toks, j, rel)
                    or _with_writer(toks, j, rel)
                    or _in_role(toks, j, rel)
                    or _possessive(toks, j, rel)
                    or _may_get(toks, j, rel)
                    or (not toks.initial[j] and not _title_case(toks) and _paid(toks, j, rel))
                    or _capitalised_inside(toks, j, rel)
                    or echoed(toks, j, rel)
                    or _dialect_article(toks, j, rel)  # "æ og n Jo og a Mari"
                    or namesake(toks, j, rel)  # "Is May allowed to use my card? She's ..."
                    or (opens_with_a_verb(toks, j) and not is_pronoun(toks.low[j]) and toks.low[j] not in _NOT_SUBJECT)
                    or (_aged(toks, j, rel) and toks.low[j] not in rel.pronoun)  # "Aksel (10), Mina (7)"; "Han er 14"
                )
            ):
                yield j, SCORE_KNOWN
            elif fellow_name(toks, j) and _with_writer(toks, j, rel):
                yield j, SCORE_KNOWN  # "Guy og jeg", "me and Guy" (person_introduced.py)
            elif _stressed_given(toks, j) and (_may_get(toks, j, rel) or _granted(toks, j, rel)):
                yield j, SCORE_KNOWN  # "Kan TOR få tilgang til MIN konto???": a short name in capitals for stress
            elif _unlisted(toks, j) and _introduces(toks, j, rel):
                yield j, SCORE_UNKNOWN  # "Kine hær": in no list, and near "kino", but introducing herself
            elif word_flags().get(toks.low[j], 0) & NAME and not toks.flags[j] & NOT_NAME and _introduces(toks, j, rel):
                yield j, SCORE_KNOWN_LOWER  # "hi, will here.", "hi mai here", "frøya her igjen": a month or a verb
            elif self_named(toks, j, rel) or greeted_self(toks, j, rel):
                yield j, SCORE_KNOWN_LOWER  # "hi its will again", "Hey it's Sky again", "e mai som skriv"
            elif (toks.flags[j] & SOFT or toks.low[j] in MODAL_NAMES) and month_or_modal_name(toks, j, rel):
                yield j, SCORE_DOUBT
            elif (
                soft_person(toks, j, rel)
                or capitalised_word_in_role(toks, j, rel)
                or lower_payee(toks, j, rel)
                or has_got(toks, j, rel)
                or kin_named(toks, j, rel)
            ):
                yield j, SCORE_KNOWN_LOWER  # "hu mai har", "sønnen min ask (7)", "Sky is my son", "to will by"
            continue
        if _related(toks, j, rel) or greeted_self(toks, j, rel):
            yield j, score
        elif (_doubt(toks, j) or opens_with_a_verb(toks, j) or unlisted_subject(toks, j, rel)) and not _not_a_name_here(
            toks, j, rel
        ):
            yield j, SCORE_DOUBT


def _initialled(toks: Tokens, j: int) -> bool:
    """ "E. Strand", "S. Kvamme", "J. Smith": a capital initial with a full stop, then a capitalised word
    that can be a surname (a listed name, or a word in no list)."""
    if len(toks.low[j]) != 1 or j + 1 >= len(toks.low) or toks.gap(j) != ". ":
        return False
    k = j + 1
    flags = toks.flags[k]
    if toks.shape[j] == LOWER:
        # "om t. nilsen fortsatt jobber": in lower case only a consonant (not the words "i", "å", "e") and a
        # listed surname that is no everyday word or given name
        sure_surname = flags & SURNAME and not flags & (GIVEN | AMBIGUOUS | COMMON | SOFT | NOT_NAME | FUNCTION)
        return toks.low[j] not in "aeiouyæøå" and toks.shape[k] == LOWER and bool(sure_surname)
    if toks.shape[k] == LOWER or flags & (NOT_NAME | FUNCTION) or len(toks.low[k]) < 2:
        return False
    if flags & NAME or initial_before_word(toks, j):
        return True  # "J. Smith"; "er O. Myren, som ...": an everyday word after an initial, ending its clause
    return not flags & COMMON and not wordlike(toks.low[k]) and not near_frequent_word(toks.low[k])


#: A message that opens by addressing someone: "Til Per i kundeservice", "Dear Will,".
_ADDRESSING = frozenset({"til", "to", "kjære", "dear", "att", "attn", "v/"})
_AFTER_ADDRESSEE = frozenset({"i", "fra", "på", "hos", "in", "at", "from", "on", "og", "and"})


def _addressed(toks: Tokens, j: int, rel: Relations) -> bool:
    """The first word of the message addresses someone, and a capitalised name follows it."""
    if j != 1 or toks.low[0] not in _ADDRESSING or toks.shape[j] == LOWER or not plain_gap(toks, 0):
        return False
    if not toks.flags[j] & NAME or toks.flags[j] & (NOT_NAME | SOFT):
        return False
    return closed(toks, j) or j + 1 >= len(toks.low) or toks.low[j + 1] in _AFTER_ADDRESSEE


#: "He's my flatmate", "It's fine": an "'s" that is "is", after a pronoun or a question word.
_CONTRACTED = frozenset({"he", "she", "it", "that", "there", "what", "who", "where", "here", "let", "how"})


def _unlisted(toks: Tokens, j: int) -> bool:
    """A capitalised word in no list at all (not even as a typo's target), of three letters or more."""
    low = toks.low[j]
    return toks.shape[j] == CAP and not toks.flags[j] and len(low) >= 3 and not is_cue_word(low)


def _capitalised_function_name(toks: Tokens, j: int) -> bool:
    flags = toks.flags[j]
    return toks.shape[j] != LOWER and bool(flags & FUNCTION and flags & NAME) and not flags & NOT_NAME


def _stressed_given(toks: Tokens, j: int) -> bool:
    """A short given name in capitals in a message that is not in capitals (``candidate_score`` takes it
    for an acronym): only where a person is granted something is it stress rather than "BSU" or "UK"."""
    return toks.shape[j] == UPPER and bool(toks.flags[j] & GIVEN) and not toks.flags[j] & NOT_NAME


def _capitalised_inside(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Det er jo Jo som står som eier", "æ skylde Jo en tusenlapp": a word that is mostly a function word,
    capitalised inside a sentence of a message that does not capitalise at random, next to a verb of
    people or after a verb of paying."""
    if toks.shape[j] != CAP or toks.initial[j] or _title_case(toks) or shouting(toks) or not plain_gap(toks, j - 1):
        return False
    if toks.low[j] in _POLITE_PRONOUNS:
        return False  # "jeg håper De har tålmodighet med meg": the old polite "you", capitalised inside
    after = _word(toks, j + 1) if j + 1 < len(toks.low) and plain_gap(toks, j) else ""
    if toks.flags[j] & SOFT:
        # "in May": a month; but "whether May can use my card": a month takes no modal verb
        return after in _MODAL and _word(toks, j - 1) not in _BEFORE_MONTH and j + 2 < len(toks.low)
    return after in _SUBJECT_VERBS or after == "som" or after in rel.speech or _word(toks, j - 1) in rel.money


#: Norwegian's polite "you" ("De", "Dem", "Deres"), which older customers write capitalised inside a sentence.
_POLITE_PRONOUNS = frozenset({"de", "dem", "deres"})
#: Words before a month: "in May", "until May", "fra Mai".
_BEFORE_MONTH = _LOCATIVE | {
    "of", "from", "until", "by", "since", "before", "after", "til", "fra", "frå", "innen", "før", "etter", "every",
    "each", "last", "next", "this", "that", "hver", "neste", "forrige",
}  # fmt: skip


def _is_self(toks: Tokens, k: int, rel: Relations) -> bool:
    """Word ``k`` is the writer ("jeg", "eg", "me"; "I" in capitals, "i" is Norwegian "in", but after
    English "and" lower-case "i" is the writer too: "dag and i are moving")."""
    if _word(toks, k) not in rel.self_:
        return False
    return toks.low[k] != "i" or toks.text[toks.start[k]] == "I" or (k > 0 and toks.low[k - 1] == "and")


def _introduces(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Even her igjen", "per her.", "Frank here from accounts payable", "PER OLAV HER."."""
    here = j + 1
    while here < len(toks.low) and here - j <= 2 and _word(toks, here) not in rel.here:
        if toks.shape[here] != toks.shape[j] or not plain_gap(toks, here - 1) or not toks.flags[here] & NAME:
            return False  # only more names of the same writing may stand between: "Per Olav her"
        here += 1
    after2 = _word(toks, here + 1)
    greeted = _word(toks, j - 1) in _GREETINGS  # "hei per her kortet er knekt": after a greeting, any word
    return (
        (toks.initial[j] or greeted)
        and _word(toks, here) in rel.here
        and plain_gap(toks, here - 1)
        and (here + 1 >= len(toks.low) or closed(toks, here) or after2 in rel.after_here or greeted)
    )


def _with_writer(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Rose og jeg", "Will and I"; "eg og Tor", "me and Hope". A lower-case word that is also an
    everyday word must start the clause (or follow the greeting that opens the message: "hei dag og jeg
    skal ..."): "forrige uke og jeg lurer" joins two clauses, not two people."""
    if _word(toks, j + 1) in rel.and_ and _is_self(toks, j + 2, rel):
        starts = toks.initial[j] or "," in _gap_before(toks, j) or _word(toks, j - 1) in _MODAL  # "kan tor og jeg"
        starts = starts or (j == 1 and toks.low[0] in _GREETINGS)  # "hei dag og jeg skal gifte oss"
        if toks.shape[j] == LOWER and toks.flags[j] & AMBIGUOUS and not starts:
            return False
        return plain_gap(toks, j) and plain_gap(toks, j + 1)
    if _word(toks, j - 1) in rel.and_ and j >= 2 and _is_self(toks, j - 2, rel):
        return plain_gap(toks, j - 1) and plain_gap(toks, j - 2)
    if _word(toks, j - 1) == "å" and j >= 2 and _word(toks, j - 2) in _SUBJECT_SELF:
        # dialect "å" for "og" after the writer opening the clause: "æ å samir kjøpte bil", "hei, eg å kari
        # ska"; not after a verb, where "å" is the infinitive mark ("Rekker jeg å endre det?"), nor after an
        # object form ("for meg å forstå")
        i = j - 2
        opens = toks.initial[i] or "," in _gap_before(toks, i) or (i == 1 and toks.low[0] in _GREETINGS)
        return opens and plain_gap(toks, j - 1) and plain_gap(toks, i)
    return False


#: The writer as the subject of a sentence (not "meg", "me", "mæ", nor "e" and "i", which are also "er"
#: and "in").
_SUBJECT_SELF = frozenset({"jeg", "eg", "æ", "je", "jag"})


def _granted(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "gi Sol fullmakt", "Gi Ravdna tilgang", "kan Klara få tillgång", "give Bill access"."""
    after, after2 = _word(toks, j + 1), _word(toks, j + 2)
    before = _word(toks, j - 1)
    gets = after in rel.granted or (after in rel.get and after2 in rel.granted)
    inverted = before in rel.self_ and _word(toks, j - 2) in rel.grant  # "hvordan gir jeg liv tilgang"
    has_got = before in _HAVE and after in rel.get and after2 in rel.granted  # "HVORFOR HAR ROGER FÅTT TILGANG"
    return gets and (before in rel.grant or before in _MODAL or inverted or has_got)


def _possessive(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "Rose's invoice", "Hope's konto" (a capitalised name with an apostrophe genitive), but not
    "He's my flatmate" (an "'s" that is "is")."""
    if toks.trim[j] != 2 or toks.low[j][:-2] in _CONTRACTED:
        return False
    # in lower case only before a word for kin or a thing a person owns: "robin's mum", "hope's account",
    # or ending the sentence: "was supposed to be hope's." (a listed name; "the bank's." is no name)
    if toks.shape[j] != LOWER or _word(toks, j + 1) in rel.kin or _word(toks, j + 1) in rel.owned:
        return True
    return closed(toks, j) and bool(toks.flags[j] & NAME) and _word(toks, j + 1) not in POLITE


_CLEFT_BY_LAST = phrase_index(_CLEFT)
_WHO_BY_LAST = phrase_index(_WHO)
_IDENTITY_BY_LAST = phrase_index(_IDENTITY)
_IT_IS_BY_LAST = phrase_index(_IT_IS)


def _cleft(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "det er tor som skal ha pengene", "it's Grace who called"; "hvem er Frank??", "who is Will?"."""
    if _word(toks, j + 1) in rel.who and phrase_before(toks, j, _CLEFT_BY_LAST) is not None:
        return True
    ends = j + 1 >= len(toks.low) or closed(toks, j)
    return ends and phrase_before(toks, j, _WHO_BY_LAST) is not None


def _identity(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "dette er dag punktum", "hi its grace,", "HEI DETTE ER ODD FØDSELSNR"; but "it's done." (in
    English a lower-case word after "it's" is a name only when a comma sets it off)."""
    # "dette er tone fra frisøren", "de e per-ivar igjen", "hi its grace, ..."; not "det er vår igjen"
    if toks.low[j] in SEASONS:
        return False
    comma = j + 1 < len(toks.low) and toks.gap(j).startswith(",") and _word(toks, j - 1) in _ENGLISH_IDENTITY
    filler = _word(toks, j + 1) in _FILLERS and bool(toks.flags[j] & NAME) and plain_gap(toks, j)
    named = _word(toks, j + 1) in _CLOSING or comma or filler
    ends = j + 1 >= len(toks.low) or closed(toks, j) or named
    if not ends or phrase_before(toks, j, _IDENTITY_BY_LAST) is None:
        return False
    it_is = phrase_before(toks, j, _IT_IS_BY_LAST) is not None
    if it_is and toks.shape[j] == LOWER and toks.flags[j] & COMMON and not named:
        return False  # "det e bra", "de e ok": "it is" and an everyday word; "dette er dag." introduces Dag
    if toks.shape[j] == LOWER and toks.flags[j] & AMBIGUOUS and _word(toks, j - 1) in _ENGLISH_IDENTITY:
        if named and not comma and not filler:
            return True  # "this is daisy again"; "its jake lol" only after a greeting, below
        mark = toks.gap(j).strip(" ")[:1] if j + 1 < len(toks.low) else ""
        if mark == ",":
            return True
        # "hey its grace.", "hiii its sky": after a greeting, not "please confirm once it's done."
        # ("Hey, this is hope.": the greeting comes before the phrase, one word earlier)
        lead = j - 3 if _word(toks, j - 2) == "this" else j - 2
        greeted = lead >= 0 and _word(toks, lead).startswith(("hi", "hey", "hei", "hello", "hallo", "yo"))
        return greeted and (mark in (".", "!") or closed(toks, j) or not toks.gap(j).strip())  # "its sky 🌸"
    return True


_RULES = (
    called_at,
    asked,
    at_home_of,
    after_kin,
    of_service,
    _introduces, _with_writer, _granted, _possessive, _owner, _paid, _cleft, _identity, _speaks, _sin, _may_get,
    _in_role, _dialect_article, vocative, _i_am, role_for, printed_on, echoed, contact_line, ill_or_gone, put_on,
    namesake, gift_note, talked_with, holds_role, bracketed,
)  # fmt: skip


def _related(toks: Tokens, j: int, rel: Relations) -> bool:
    """Some relation (or the signature) vouches for word ``j`` as a name; never for a word before a
    number or a unit ("this is May 2024", "per måned"), which is a date or a preposition."""
    if _aged(toks, j, rel) or pays(toks, j, rel) or (amount_after(toks, j) and _paid(toks, j, rel)):
        return True  # the number after the name is an age or an amount
    if _account_payee(toks, j, rel):
        return True  # or the payee's account number
    if kin_named(toks, j, rel):
        return True  # "kompisen min Even 2k": a kin noun with its possessive names the word, an amount after
    if reported_subject(toks, j, rel):
        return True  # "he said that johnson would call": "that" opens the clause, no determiner
    if _not_a_name_here(toks, j, rel):
        return False
    for rule in _RULES:  # a plain loop: this runs for most words of every message
        if rule(toks, j, rel):
            return True
    return signature(toks, j)


def is_pronoun(low: str) -> bool:
    """ "hun", "ho", "him": a pronoun (or a word that stands in for a person), never a name."""
    return low in relations().pronoun


def unit_after(toks: Tokens, j: int) -> bool:
    """``_unit_after`` for the cue rules of person.py ("far min per telefon", "min sønn Mai 2024")."""
    return _unit_after(toks, j, relations()) or toks.text[toks.end[j] : toks.end[j] + 1] in ("-", ":")


#: The reflexive pronoun that follows a verb ("kaller seg", "gifta seg", "flytta sæ").
_REFLEXIVE = frozenset({"seg", "sæ", "sej"})


def _not_a_name_here(toks: Tokens, j: int, rel: Relations) -> bool:
    """What follows word ``j`` makes it something else: a number or unit ("May 2024", "Per måned"), a
    postposed possessive ("samboeren min": a noun), a label colon ("Name: ..."), or a hyphen that
    shares a compound ("Liv- og uføreforsikring")."""
    if _unit_after(toks, j, rel):
        return True
    if _word(toks, j + 1) in _REFLEXIVE and plain_gap(toks, j):
        return True  # "Han kaller seg Richard", "ho gifta seg": a verb before its reflexive, never a name
    kin_possessive = j >= 2 and _word(toks, j - 2) in rel.kin and toks.low[j - 1] in _MY  # "gutten min Storm"
    if j > 0 and toks.low[j - 1] in _DETERMINERS - _ARTICLES and plain_gap(toks, j - 1) and not kin_possessive:
        return True  # "on my loan and I", "the Grace period": a determiner makes it a noun
    follows = toks.text[toks.end[j] : toks.end[j] + 1]
    if follows == ":" and (kin_label(toks, j, rel) or contact_line(toks, j, rel)):
        return False  # "min søster Ebba: 1234 56 78901", "Rune: 905 70 288": a person, then what is theirs
    if follows in ("-", ":"):
        return True
    return (
        j + 1 < len(toks.low)
        and plain_gap(toks, j)
        and toks.low[j + 1] in _POSSESSIVES
        and _word(toks, j - 1) not in _DIALECT_ARTICLES  # "ho vår mi": my Vår
    )


def _doubt(toks: Tokens, j: int) -> bool:
    """A capitalised name-word inside a sentence, with no relation around it: in Norwegian and English
    prose only proper nouns are capitalised there, but brands and places are proper nouns too."""
    if toks.initial[j] or toks.shape[j] != CAP:
        return False
    flags = toks.flags[j]
    if not flags & NAME or flags & (SOFT | NOT_NAME):
        return False
    if not flags & (WELL_KNOWN | AMBIGUOUS) and near_frequent_word(toks.low[j]):
        return False  # "Alo", "Seet": a rare name, but here a typo of an everyday word
    if j > 0 and toks.low[j - 1] in _DETERMINERS:
        return False  # "the Grace period", "en Rose-buket": a name does not take an article
    if j > 0 and toks.low[j - 1] in _LOCATIVE and not that_clause(toks, j):
        return False  # "I live in Dal", "i Lotto", "på Netto": a place or a shop
    return not _title_case(toks)  # not Title Case Text, where capitals say nothing
