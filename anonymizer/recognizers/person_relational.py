"""PERSON, continued: names that a kin word, a naming verb or a signature position gives away.

Why: these are positions only a person's name stands in, with no cue before the name itself:

* after a kin or role noun and "av"/"til"/"of" ("kollega av tomasz", "the sister of Adaeze", "venn til
  Ruben"): what someone is the colleague or sister of is a person;
* before "heter"/"heiter" and a personal pronoun ("Cabdirisaaq heter han"), the naming sentence turned
  round, the name first;
* an English genitive of a word in no list before a kin word ("Adaeze's brother", "Oyelaran's søster"):
  the word lists do not know the name, so the tokenizer took "'s" for a contraction;
* the message's last sentence being one capitalised given name after a thanks or a farewell earlier on
  ("Thanks, all sorted. Will"): a signature, even if the name is also a word.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NOT_NAME, SOFT, word_flags
from anonymizer.recognizers._tokens import CAP, LOWER, Tokens, wordlike
from anonymizer.recognizers.person_appositions import apposed_names
from anonymizer.recognizers.person_brackets import SCORE_BRACKET, bracket_names
from anonymizer.recognizers.person_callees import callee_names
from anonymizer.recognizers.person_closings import closing_names
from anonymizer.recognizers.person_context import SCORE_KNOWN, candidate_score, is_pronoun
from anonymizer.recognizers.person_cued_words import cued_word_names
from anonymizer.recognizers.person_extend import extend
from anonymizer.recognizers.person_frames import framed_names
from anonymizer.recognizers.person_greeted import GREETED_FROM, greeted_names
from anonymizer.recognizers.person_intro import intro_names
from anonymizer.recognizers.person_inverted import inverted_given
from anonymizer.recognizers.person_kin_lower import genitive_kin, kin_lower_names
from anonymizer.recognizers.person_ledgers import ledger_names
from anonymizer.recognizers.person_nicknames import nickname_names
from anonymizer.recognizers.person_openings import opening_initials
from anonymizer.recognizers.person_pairs import ampersand_pairs
from anonymizer.recognizers.person_questions import QUESTION_STARTS, question_subjects
from anonymizer.recognizers.person_surname_nouns import SURNAME_NOUNS, surname_noun_names
from anonymizer.recognizers.person_words import _SIGN_OFFS, plain_gap, relations
from anonymizer.recognizers.person_young import young_names

#: A word in no list that a position gives away (as after a cue: person.SCORE_UNKNOWN_AFTER_CUE).
SCORE_UNLISTED = 0.75
#: "kollega av X", "sister of X", "venn til X": what links a kin or role noun to whose it is.
_OF = frozenset({"av", "til", "te", "of"})
#: "X heter han": the naming verb, and the pronouns of a person after it.
_NAMING_VERBS = frozenset({"heter", "heiter", "heite", "het", "hette", "heitte"})
#: "kaia heite æ", "Kari heter jeg": the writer names herself the same way, with "I" after the verb.
_PERSON_PRONOUNS = frozenset({"han", "hun", "ho", "hu", "hon", "jeg", "eg", "æ", "je", "jæ"})
#: Thanks and farewells after which a lone given name closing the message is its signature: the sign-offs,
#: with "thank" and "tusen" on their own ("thank you", "tusen takk" are two words) and "sorted"; not "ty",
#: which is also the Scandinavian "for".
_THANKS = (_SIGN_OFFS - {"ty"}) | {"thank", "tusen", "sorted"}


def positional_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of the names this round's positional rules find, in order; the caller marks
    each as covered before the next is asked for (so each rule sees the names found before it). Each rule
    is gated by a character or a word it needs, to stay cheap."""
    text = toks.text
    if "&" in text:
        for j, score in list(ampersand_pairs(toks, covered)):
            yield j, j, score  # "per & liv"
    if "(" in text:
        for first, last in list(bracket_names(toks, covered)):
            yield first, last, SCORE_BRACKET  # "Tulla (Turid Lie)", "Kristoffer (Kris) Dahl"
        yield from list(nickname_names(toks, covered))  # "ben (benjamin)" (person_nicknames.py)
    for j, score in list(relational_names(toks, covered)):
        if not covered[j]:
            yield j, extend(toks, j, strong=False), score  # "kollega av tomasz", "Cabdirisaaq heter han"
    if "'s" in text or "’s" in text:
        for j in range(len(toks.low) - 1):
            if not covered[j] and genitive_unlisted(toks, j):
                toks.trim[j] = 2  # "Adaeze's brother": the name without its "'s"
                yield j, j, SCORE_UNLISTED
    for first, last in list(corrected_names(toks, covered)):
        yield first, last, SCORE_UNLISTED  # "skal være Ingerda Rise, ikke Ingrid"
    if (sign := thanked_signature(toks, covered)) is not None:
        yield sign[0], sign[0], sign[1]  # "Thanks, all sorted. Will"
    yield from intro_names(toks, covered)  # "em là Mai", "Dag fra dere ringte", "may-britt" (person_intro.py)
    yield from kin_lower_names(toks, covered)  # "my friend will sent", "my grandpa ALF RUNE" (person_kin_lower.py)
    yield from genitive_kin(toks, covered)  # "will's card", "I am marks mother" (person_kin_lower.py)
    if not GREETED_FROM.isdisjoint(toks.low):
        yield from list(greeted_names(toks, covered))  # "Hi! Dawn from the accounting office" (person_greeted.py)
    if not SURNAME_NOUNS.isdisjoint(toks.low):
        yield from list(surname_noun_names(toks, covered))  # "og etternavnet lie" (person_surname_nouns.py)
    if not QUESTION_STARTS.isdisjoint(toks.low):
        yield from question_subjects(toks, covered)  # "har yrsa lov", "var det henrik jeg" (person_questions.py)
    yield from ledger_names(toks, covered)  # "Jack - 430\nPat - 430", "kids: Hope, Will" (person_ledgers.py)
    if not relations().call.isdisjoint(toks.low):
        yield from list(callee_names(toks, covered))  # "pls call Nok on +47 939 ..." (person_callees.py)
    if ", " in text:
        yield from list(inverted_given(toks, covered))  # "til Berg, Mina" (person_inverted.py)
    if "." in text:
        yield from list(opening_initials(toks, covered))  # "k.h. her, ringte om" (person_openings.py)
    yield from closing_names(toks, covered)  # "- sandy", "mvh k.l.", "ROSE\n+47 481 97 991" (person_closings.py)
    yield from young_names(toks, covered)  # "vippsa mo 2400", "milo på finn", "me, sara og mo" (person_young.py)
    yield from cued_word_names(toks, covered)  # "te dag", "het Ask", "utleiar e sand" (person_cued_words.py)
    yield from framed_names(toks, covered)  # "det er STEIN her.", "I'm june park –" (person_frames.py)
    yield from apposed_names(toks, covered)  # "barnebarna ask og frøy", "snekkeren lie 18 000" (person_appositions.py)


def relational_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, float]]:
    """(word, score) of each name given away by its position, among words not yet ``covered``."""
    rel = relations()
    n = len(toks.low)
    # each loop needs a word of its own in the message ("av"/"of", a naming verb): one set test skips it
    for j in range(1, n) if not _OF.isdisjoint(toks.low) else ():
        if covered[j]:
            continue
        before = toks.low[j - 1]
        if (
            before in _OF
            and j >= 2
            and toks.low[j - 2] in rel.kin
            and plain_gap(toks, j - 2)
            and plain_gap(toks, j - 1)
        ):
            score = candidate_score(toks, j)  # "kollega av tomasz", "the sister of Adaeze"
            if score is not None and not is_pronoun(toks.low[j]):
                yield j, score
    for j in range(n - 2) if not _NAMING_VERBS.isdisjoint(toks.low) else ():
        if covered[j] or toks.low[j + 1] not in _NAMING_VERBS or toks.low[j + 2] not in _PERSON_PRONOUNS:
            continue
        if not (plain_gap(toks, j) and plain_gap(toks, j + 1)) or is_cue_word(toks.low[j]):
            continue
        score = candidate_score(toks, j)  # "Cabdirisaaq heter han", not "Hva heter han"
        if score is not None and not is_pronoun(toks.low[j]):
            yield j, score


def genitive_unlisted(toks: Tokens, j: int) -> bool:
    """Word ``j`` is "X's" of a capitalised word in no list, before a kin word: "Adaeze's brother"."""
    low = toks.low[j]
    if toks.shape[j] != CAP or not low.endswith(("'s", "’s")) or j + 1 >= len(toks.low):
        return False
    stem = low[:-2]
    if len(stem) < 3 or stem in word_flags() or wordlike(stem) or not plain_gap(toks, j):
        return False
    return toks.shape[j + 1] == LOWER and toks.low[j + 1] in relations().kin


def thanked_signature(toks: Tokens, covered: list[bool]) -> tuple[int, float] | None:
    """The message's last word, if it is its own last sentence, a capitalised given name (also one that
    is a word: "Will", "Per"), and the message thanks or says goodbye before it."""
    n = len(toks.low)
    j = n - 1
    if n < 3 or covered[j] or toks.shape[j] != CAP or toks.text[toks.end[j] :].strip(" .!\n"):
        return None
    if not any(c in ".!\n" for c in toks.gap(j - 1)):
        return None
    flags = word_flags().get(toks.low[j], 0)
    if not flags & GIVEN or flags & (NOT_NAME | SOFT) or is_pronoun(toks.low[j]) or is_cue_word(toks.low[j]):
        return None
    if not any(low in _THANKS for low in toks.low[:j]):
        return None
    return j, SCORE_KNOWN


#: What sets a wrong form against the right one: "skal være Ingerda Rise ikke Ingrid", "står Torbjeørn men
#: skal være Torbjørn".
_AGAINST = frozenset({"ikke", "ikkje", "not", "istedenfor", "istedet", "men", "but"})
#: The verbs before a name as written or as it should be: "skal være X", "det står X", "it says X".
_STATES = frozenset({"være", "vere", "er", "står", "stod", "sto", "be", "is", "says", "said", "read", "reads"})
_MAX_CORRECTED = 3


def corrected_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) of the other form in a correction whose one form is a name found already: the
    capitalised words after "være"/"står"/"says" and before "ikke"/"men"/"not" and the found name."""
    n = len(toks.low)
    if _AGAINST.isdisjoint(toks.low):
        return  # every correction here sets its forms apart with one of these words
    for m in range(2, n - 1):
        if toks.low[m] not in _AGAINST or covered[m - 1] or not _found_after(toks, m, covered):
            continue
        last = m - 1
        first = last
        while first > 0 and last - first < _MAX_CORRECTED and toks.low[first - 1] not in _STATES:
            if toks.gap(first - 1) != " ":
                break
            first -= 1
        if first == 0 or toks.low[first - 1] not in _STATES or toks.gap(first - 1) != " ":
            continue
        if toks.gap(last).strip(" ,") or any(covered[first : last + 1]):
            continue
        if _name_form(toks, first, head=True) and all(_name_form(toks, k) for k in range(first + 1, last + 1)):
            yield first, last


def _found_after(toks: Tokens, m: int, covered: list[bool]) -> bool:
    """A found name follows the contrast word, perhaps after "skal være"/"should be" (at most 3 words)."""
    return any(covered[k] for k in range(m + 1, min(m + 4, len(toks.low))))


def _name_form(toks: Tokens, k: int, *, head: bool = False) -> bool:
    """Word ``k`` may be a name's (mis)spelling: capitalised, no closed-class word, place or cue word; the
    first word (``head``) a name or a word in no list, no everyday word ("Det er Bra, ikke Kari"). After
    it, a capitalised word inside the sentence is a surname, even one that is also a word ("Rise")."""
    flags = toks.flags[k]
    low = toks.low[k]
    if toks.shape[k] != CAP or len(low) < 2 or flags & (NOT_NAME | SOFT | FUNCTION) or is_cue_word(low):
        return False
    if head:
        return not flags & COMMON and candidate_score(toks, k) is not None
    return True
