"""PERSON, continued: the other names a found name gives away.

A message that names one person often names more, or the same one again: a family listed after the
customer ("Kari, Sol, Even og Ask"), heirs and board members in capitals surname first ("KNUTSEN, LARS
PETTER"), and the same person later in the message ("Min mann Per døde ... Per hadde et lån", "Pers
kort"). Each function here takes the names already found (or the words covered) and yields the others.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FREQUENT,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    word_flags,
)
from anonymizer.recognizers._tokens import CAP, LOWER, SENTENCE_BREAK, UPPER, Tokens, closed
from anonymizer.recognizers.person_context import SCORE_KNOWN, candidate_score, is_pronoun, unit_after
from anonymizer.recognizers.person_extend import MIDDLE_MARKERS
from anonymizer.recognizers.person_words import (
    _MODAL,
    _MY,
    _POSSESSIVES,
    AGE,
    LIST_GAP,
    Relations,
    _word,
    plain_gap,
    relations,
    shouting,
)


def reversed_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """ "KNUTSEN, LARS PETTER", "Hansen, Kari": a surname, a comma, then given names typed the same
    way (forms and letters list people surname first). (first word, last word, score)."""
    n = len(toks.low)
    if "," not in toks.text:
        return  # the surname and the given names are set apart by a comma
    for k in range(n - 1):
        if covered[k] or covered[k + 1] or toks.shape[k] == LOWER or toks.shape[k] != toks.shape[k + 1]:
            continue
        surname, given = toks.flags[k], toks.flags[k + 1]
        if not surname & SURNAME or surname & (AMBIGUOUS | NOT_NAME | FUNCTION):
            continue
        if not given & GIVEN or given & (AMBIGUOUS | NOT_NAME | FUNCTION) or toks.gap(k).strip() != ",":
            continue
        last = k + 1
        while last + 1 < n and toks.gap(last) == " " and toks.shape[last + 1] == toks.shape[k]:
            if not toks.flags[last + 1] & GIVEN or toks.flags[last + 1] & (NOT_NAME | FUNCTION):
                break
            last += 1
        yield k, last, SCORE_KNOWN


def list_names(toks: Tokens, spans: list[tuple[int, int]], covered: list[bool]) -> Iterator[tuple[int, float]]:
    """Words next to a found name in a list of names ("Kari, Sol, Even og Ask", "Liv (7), Tor (10) og
    Storm (13)", "bjørn, vår og lerke"), in both directions, until the list ends."""
    rel = relations()
    seen = set()
    queue = list(spans)
    while queue:
        first, last = queue.pop()
        for alt, anchor in _alternatives(toks, first, last):
            if not covered[alt] and alt not in seen and _other_spelling(toks, alt, anchor):
                seen.add(alt)
                yield alt, candidate_score(toks, alt) or SCORE_SPELLING
                queue.append((alt, alt))
        for k in (_list_next(toks, last, rel), _list_previous(toks, first, rel)):
            if k is None or covered[k] or k in seen:
                continue
            if not (_list_item(toks, k, first, rel) or _opens_pair(toks, k, first, rel)):
                continue
            score = candidate_score(toks, k)
            if score is None and _soft_between(toks, k, covered, rel):
                score = SCORE_SOFT_IN_LIST
            if score is None:
                continue
            seen.add(k)
            yield k, score
            queue.append((k, k))


SCORE_SOFT_IN_LIST = 0.5
SCORE_SPELLING = 0.5

#: "Vegard eller Vegar?", "Is it Jon or John?": alternatives the writer is unsure between.
_OR = frozenset({"eller", "or"})


def _alternatives(toks: Tokens, first: int, last: int) -> Iterator[tuple[int, int]]:
    """(word, the word of the found name it stands for) across "eller"/"or", word by word, both ways:
    "FATIMA KHAN eller FATIMA KAHN" pairs KAHN with KHAN."""
    size = last - first + 1
    for start in (last + 2, first - 1 - size):  # after "X or", before "or X"
        joiner = last + 1 if start > last else first - 1
        words = range(start, start + size)
        if start < 0 or start + size > len(toks.low) or toks.low[joiner] not in _OR:
            continue
        if all(plain_gap(toks, k) for k in range(min(start, joiner), max(start + size, joiner + 1) - 1)):
            yield from zip(words, range(first, last + 1), strict=True)


def _other_spelling(toks: Tokens, k: int, anchor: int) -> bool:
    """Word ``k``, an alternative to name word ``anchor``, is a name: typed the same way, and a listed name
    ("Er det sunniva eller synnøve") or another spelling of it ("Vegard eller Vegar", "pedder eller peder":
    same first letter, at most two letters apart); "Kari eller banken" and "Per or me" are not."""
    if toks.shape[k] != toks.shape[anchor]:
        return False
    flags, low, other = toks.flags[k], toks.low[k], toks.low[anchor]
    if flags & (NOT_NAME | FUNCTION) or len(low) < 3 or is_pronoun(low) or low in relations().self_:
        return False
    if flags & NAME and not (toks.shape[k] == LOWER and flags & SOFT):
        return bool(toks.flags[anchor] & NAME) or candidate_score(toks, k) is not None
    return low[0] == other[0] and _within_two_edits(low, other)


def _within_two_edits(a: str, b: str) -> bool:
    """Levenshtein distance of at most 2 (short names only; called for the rare "X eller Y")."""
    if abs(len(a) - len(b)) > 2 or max(len(a), len(b)) > 20:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1] <= 2


#: Before the first of two people a sentence opens with: "Kan fatuma og Hamza stå ...".
_PAIR_OPENERS = frozenset({"kan", "can", "skal", "vil", "må", "får", "will", "could", "may", "should"})


def _opens_pair(toks: Tokens, k: int, anchor: int, rel: Relations) -> bool:
    """ "grace og Faith er ...", "Kan fatuma og Hamza stå ...": a lower-case word joined by "og"/"and" to
    a capitalised name right after it, opening the sentence (or after the question's modal verb). People
    who type names in lower case do not go back to capitalise the second; a list in the middle of a
    sentence typed two ways ("kaffe og Kari") is left to the other rules."""
    if k + 2 != anchor or toks.low[k + 1] not in rel.and_ or toks.shape[k] != LOWER or toks.shape[anchor] != CAP:
        return False
    if not (plain_gap(toks, k) and plain_gap(toks, k + 1)) or not toks.flags[anchor] & NAME:
        return False
    return toks.initial[k] or (k >= 1 and toks.initial[k - 1] and toks.low[k - 1] in _PAIR_OPENERS)


def _soft_between(toks: Tokens, k: int, covered: list[bool], rel: Relations) -> bool:
    """A month or place in lower case between two names of a list: "til lykke, mai og liv". Months
    come in lists too ("mai, juni og juli"), so both neighbours must be names, not months. So is a given
    name that is also a little word of some dialect or language, typed like its neighbours: "ole, dina,
    mohammed og mæ", "Ole, Dina, Mohammed" ("dina" is "your" in nynorsk, and no item of a list of names)."""
    flags = toks.flags[k]
    low = toks.low[k]
    if flags & FUNCTION:
        flags = word_flags().get(low, 0)  # in lower case the tokens keep no name flag of a little word
        if not flags & GIVEN or flags & (SOFT | NOT_NAME) or len(low) < 3 or is_pronoun(low) or low in rel.self_:
            return False
    elif not flags & NAME or flags & NOT_NAME or toks.shape[k] != LOWER or not flags & SOFT:
        return False  # a month or place: in lower case only
    lower = toks.shape[k] == LOWER
    sides = (_list_previous(toks, k, rel), _list_next(toks, k, rel))
    return all(
        side is not None
        and (covered[side] or candidate_score(toks, side) is not None)
        and (toks.shape[side] == LOWER) == lower
        and not toks.flags[side] & FUNCTION
        for side in sides
    )


def _list_item(toks: Tokens, k: int, anchor: int, rel: Relations) -> bool:
    """Word ``k`` is a whole item of the list that word ``anchor`` stands in: typed like it ("Kari, Sol"
    but not "Kari, men ..."), and followed by the list's next separator, an age or the end."""
    if (toks.shape[k] == LOWER) != (toks.shape[anchor] == LOWER):
        return False
    if k + 1 >= len(toks.low):
        return not any(c.isalnum() for c in toks.text[toks.end[k] :])
    gap = toks.gap(k)
    if any(c in ",.!?\n–—-(" for c in gap) or toks.low[k + 1] in rel.and_ or _ampersand(gap) or AGE.match(gap):
        return True
    if any(unicodedata.category(c) == "So" for c in gap):
        return True  # "tvillinger, Florence og Austin 🥰 Hvordan ...": an emoji ends the list like a full stop
    if _dialect_and(toks, k + 1):
        return True
    # The last item, after "og"/"and", goes on into the sentence: "Ayaan, Sagal and Xamza need ...", in
    # lower case before a verb: "olga og sergej har begge fått lønn"
    if k == 0 or (toks.low[k - 1] not in rel.and_ and not _ampersand(toks.gap(k - 1)) and toks.low[k - 1] != "å"):
        return False
    if toks.shape[k] == CAP:
        return toks.shape[k + 1] == LOWER
    return toks.shape[k] == LOWER and toks.low[k + 1] in _VERB_AFTER_LIST


#: A child's age in words in brackets after a name of a list, which the tokenizer keeps words of ("Sol (3 år)
#: og Ask", "Emil (6 mnd), Ida"); "(3)" alone leaves no word and is in ``LIST_GAP``.
_AGE_WORDS = re.compile(r" ?\((?:\d{1,2} ?(?:år|mnd|måneder|years?|yrs?|months?)|nyfødt|newborn|baby)\)")


def _list_next(toks: Tokens, last: int, rel: Relations) -> int | None:
    k = last + 1
    if k >= len(toks.low):
        return None
    gap = toks.gap(last)
    if "(" in gap:
        age = _AGE_WORDS.match(toks.text, toks.end[last])
        if age is not None:  # go on after the brackets: "Sol (3 år) og Ask"
            while k < len(toks.low) and toks.start[k] < age.end():
                k += 1
            if k >= len(toks.low):
                return None
            gap = toks.text[age.end() : toks.start[k]]
    if "," in gap and LIST_GAP.fullmatch(gap):
        return k
    if toks.low[k] in rel.and_ and LIST_GAP.fullmatch(gap) and k + 1 < len(toks.low) and plain_gap(toks, k):
        return k + 1
    if _dialect_and(toks, k) and LIST_GAP.fullmatch(gap):
        return k + 1
    return k if _ampersand(gap) else None


def _dialect_and(toks: Tokens, k: int) -> bool:
    """Word ``k`` is dialect "å" for "og" between two names ("sunna å inga ska ha", "te emil å ronja."):
    usually "å" is the infinitive mark ("å finne ut", "å endre."), so the word after it must be a listed
    name in lower case that ends the clause or is followed by its verb ("inga ska"), never a verb itself."""
    n = len(toks.low)
    if toks.low[k] != "å" or k + 1 >= n or not plain_gap(toks, k):
        return False
    j = k + 1
    flags = toks.flags[j]
    if toks.shape[j] != LOWER or not flags & NAME or flags & (FUNCTION | NOT_NAME | SOFT) or len(toks.low[j]) < 3:
        return False
    return closed(toks, j) or (j + 1 < n and plain_gap(toks, j) and toks.low[j + 1] in _VERB_AFTER_LIST)


def _ampersand(gap: str) -> bool:
    """ "Aaron & Bea": "&" between spaces joins two names the way "og"/"and" does (the tokenizer keeps
    only words, so it is in the gap; "H&M" has no spaces and is a brand); so does a slash next to a found
    name ("siv/unni/eli", "Eirik / Signe")."""
    return gap in (" & ", "/", " / ")


def _list_previous(toks: Tokens, first: int, rel: Relations) -> int | None:
    k = first - 1
    if k < 0:
        return None
    gap = toks.gap(k)
    if "," in gap and LIST_GAP.fullmatch(gap) and not any(c in SENTENCE_BREAK for c in gap.replace(",", "")):
        return k if not toks.initial[k] or toks.flags[k] & NAME else None
    if (toks.low[k] in rel.and_ or _dialect_and(toks, k)) and k >= 1 and plain_gap(toks, k):
        return k - 1 if LIST_GAP.fullmatch(toks.gap(k - 1)) else None
    return k if _ampersand(gap) else None


def other_mentions(
    toks: Tokens, named: list[tuple[int, int, float]], covered: list[bool]
) -> Iterator[tuple[int, float]]:
    """Uncovered words spelled like a word of a name found (or its genitive: "Pers", "Hope's").

    Only capitalised names, or words that are no everyday word: "jo" found as a name in lower case
    must not take "det er jo" with it."""
    forms: dict[str, float] = {}
    words: dict[str, float] = {}  # lower-case names that are everyday words too ("robin", "mark")
    for first, last, score in named:
        for k in range(first, last + 1):
            word = toks.text[toks.start[k] : toks.end[k] - toks.trim[k]]
            lower_word = toks.shape[k] == LOWER and toks.flags[k] & (COMMON | NOT_NAME)
            if lower_word and len(word) > 2 and not toks.flags[k] & (NOT_NAME | PARTICLE):
                words[word] = max(words.get(word, 0.0), score)
            if len(word) < 2 or toks.flags[k] & (PARTICLE | FUNCTION) or lower_word:
                continue
            for form in (word, word + "s", word + "'s", word + "’s"):
                forms[form] = max(forms.get(form, 0.0), score)
    if words:
        yield from _word_mentions(toks, words, covered)
    if not forms:
        return
    best = [0.0] * len(toks.low)  # the score of a one-word name already reported there
    for first, last, score in named:
        if first == last:
            best[first] = max(best[first], score)
    for k in range(len(toks.low)):
        if covered[k] and not 0 < best[k] < max(forms.values()):
            continue  # part of a name (or a company, a street) already; a one-word doubt may be raised
        found = forms.get(toks.text[toks.start[k] : toks.end[k] - toks.trim[k]])
        if found is None and toks.trim[k]:
            found = forms.get(toks.text[toks.start[k] : toks.end[k]])
        if found is not None and toks.flags[k] & NOT_NAME and _word(toks, k - 1) in ("i", "på", "in", "at"):
            continue  # "heter Lier til etternavn og bor i Lier": a word no list holds a name, placed
        if found is not None and found > best[k]:
            yield k, found


def _word_mentions(toks: Tokens, words: dict[str, float], covered: list[bool]) -> Iterator[tuple[int, float]]:
    """A lower-case name that is also a word, said again where only a person fits: with a genitive
    ("this is robin's mum, robin is 16", "shows will's. where's mark's??") or as the subject of a
    verb of people ("mark said"). Not after a preposition or an article ("i dag har", "a mark on")."""
    rel = relations()
    for k in range(len(toks.low)):
        if covered[k] or toks.shape[k] != LOWER:
            continue
        score = words.get(toks.text[toks.start[k] : toks.end[k] - toks.trim[k]])
        if score is None:
            continue
        before = _word(toks, k - 1)
        if before in rel.prep or before in _BEFORE_MENTION:
            continue
        genitive = toks.trim[k] == 2
        subject = k + 1 < len(toks.low) and plain_gap(toks, k) and _word(toks, k + 1) in _VERBS_OF_PEOPLE
        subject = subject and not unit_after(toks, k) and not word_flags().get(toks.low[k], 0) & FUNCTION
        # "ørn e etternavnet mitt, jan ørn": right after a name found in lower case, the surname again
        surname = k > 0 and covered[k - 1] and toks.shape[k - 1] == LOWER and toks.gap(k - 1) == " "
        surname = surname and not toks.flags[k] & FUNCTION and not is_pronoun(toks.low[k])
        if genitive or subject or surname:
            yield k, score


#: Before a word, these make it no one's name: "i dag", "a mark", "the will", "per dag".
_BEFORE_MENTION = frozenset(
    {"i", "in", "on", "at", "på", "en", "ei", "et", "a", "an", "the", "den", "det", "this", "that", "denne",
     "dette", "hver", "kvar", "every", "each", "per", "om", "neste", "forrige", "samme", "same", "good", "god",
     "min", "mi", "mitt", "my", "your", "din", "di", "ditt", "our", "vår", "his", "her", "hans", "hennes"}
)  # fmt: skip
_VERBS_OF_PEOPLE = frozenset(
    {"is", "was", "has", "had", "says", "said", "told", "asked", "wants", "needs", "paid", "sent", "owes",
     "er", "e", "var", "va", "har", "hadde", "sa", "sier", "seie", "skal", "ska", "vil", "fikk", "fekk", "får",
     "betalte", "sendte", "skylder", "skylde", "ringte", "trenger", "treng",
     "got", "gets", "received", "called", "texted", "wrote", "fått", "mottok", "skrev", "skreiv"}
)  # fmt: skip

_OPEN = frozenset("(«\"“'")
_CLOSE = frozenset(")»\"”'")
SCORE_ALIAS = 0.6
_VERB_AFTER_LIST = frozenset(
    {"har", "hadde", "skal", "ska", "sku", "vil", "kan", "må", "er", "e", "var", "fikk", "fekk", "får", "has", "have",
     "had", "will", "can", "are", "were", "need", "want", "sent", "paid", "owe", "said", "sendte", "betalte",
     "skylder", "sa", "som", "who"}
)  # fmt: skip


def alias_names(toks: Tokens, spans: list[tuple[int, int]], covered: list[bool]) -> Iterator[tuple[int, float]]:
    """A second name given in brackets or quotes right next to a found one: "Kalle (Karl-Johan)",
    "Øyvind «Øyvi» Kristiansen", 'Robert "Bob" McAllister'. The nickname is the same person."""
    n = len(toks.low)
    for first, last in spans:
        k = first - 1  # the word before "(Name)"
        closes = toks.text[toks.end[last] : toks.end[last] + 1] in _CLOSE
        if k >= 0 and closes and toks.gap(k).strip(" ") in _OPEN and _alias_word(toks, k, covered):
            rel = relations()
            low = toks.low[k]
            if toks.flags[k] & NAME and low not in rel.kin and low not in rel.pronoun and low not in rel.self_:
                yield k, SCORE_ALIAS  # "Kalle (Karl-Johan)"; not "Mor (Randi ...)", "Volvo Cars (Per-Olof)"
        k = first - 2  # "Kikki (egentlig Kristine)", "Bobby (real name Robert)": a nickname, then the name
        nickname = k >= 0 and _word(toks, first - 1) in _REALLY and toks.gap(k).strip(" ") == "("
        if nickname and _alias_word(toks, k, covered):
            rel = relations()
            if toks.low[k] not in rel.kin and toks.low[k] not in rel.pronoun:
                yield k, SCORE_ALIAS
        k = last + 1  # the word in brackets or quotes right after a name, or inside it
        closes = k < n and toks.text[toks.end[k] : toks.end[k] + 1] in _CLOSE
        if closes and toks.gap(last).strip(" ") in _OPEN and _alias_word(toks, k, covered):
            yield k, SCORE_ALIAS


#: A word in brackets before a person's real name: "Kikki (egentlig Kristine)".
_REALLY = frozenset({"egentlig", "eigentleg", "actually", "really", "aka", "alias", "døpt", "født"})


def _alias_word(toks: Tokens, k: int, covered: list[bool]) -> bool:
    return not covered[k] and toks.shape[k] == CAP and not toks.flags[k] & (FUNCTION | NOT_NAME)


#: Words before a person's bare initials ("Overføring fra K.B.", "Kontaktpersonen var K.N.", "mvh T.O.").
_BEFORE_INITIALS = frozenset(
    {"fra", "frå", "från", "til", "te", "var", "med", "hos", "from", "to", "by", "av", "mvh", "hilsen", "helsing",
     "signert", "avsender", "sender", "signed", "regards", "is", "er", "heter", "named", "called", "kontakt"}
)  # fmt: skip
#: Abbreviations written as initials: never a person.
NOT_INITIALS = frozenset(
    {"as", "eu", "us", "uk", "ps", "nb", "ok", "tv", "id", "dj", "ba", "ma", "am", "pm", "no", "usa", "nav", "dnb",
     "sms", "pin", "atm", "otp", "kid", "uae", "ceo", "cfo", "eøs", "ssb", "nrk", "bsu", "ask", "ips", "asa", "ie",
     "eg", "ad", "bc", "mr", "dr", "st"}
)  # fmt: skip


def initials_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) word of a person's bare initials after a word that points at a person: "fra K.B.";
    and of initials before a surname anywhere: "E.M. Berg sa", "Mvh B.K. Solheim"."""
    n = len(toks.low)
    for j in range(n - 1):
        if covered[j] or toks.shape[j] == LOWER or len(toks.low[j]) != 1 or toks.gap(j) not in (".", ". "):
            continue
        if toks.shape[j + 1] == LOWER or len(toks.low[j + 1]) != 1 or (j > 0 and toks.gap(j - 1) == "."):
            continue
        cued = j > 0 and _word(toks, j - 1) in _BEFORE_INITIALS
        last = j + 1
        while (
            last + 1 < n
            and last - j < 8
            and len(toks.low[last + 1]) == 1
            and toks.shape[last + 1] != LOWER
            and toks.gap(last) in (".", ". ")
        ):
            last += 1  # "T.O.R.E. L.I.E": a name spelled out
        if "".join(toks.low[j : last + 1]) in NOT_INITIALS:
            continue
        if _surname_after_initials(toks, last, cued=cued):
            yield j, last + 1  # "J.R.R. Holm here", "Helsing A.K. Fjell"
        elif cued:
            yield j, last


def _surname_after_initials(toks: Tokens, last: int, *, cued: bool) -> bool:
    """Initials ("J.R.R.", "A.K.") are followed by a capitalised surname: a name anywhere; after a word
    that points at a person ("Helsing A.K. Fjell") a surname that is also a word, ending its clause."""
    k = last + 1
    if k >= len(toks.low) or toks.gap(last) != ". " or toks.shape[k] != toks.shape[last] or len(toks.low[k]) < 3:
        return False
    flags = toks.flags[k]
    if flags & (NOT_NAME | FUNCTION):
        return False
    if flags & NAME or not flags:
        return True
    return cued and flags == COMMON and closed(toks, k)


#: Between a surname and a given name as bank statements and card embossing print them: "HAUGE KJELL",
#: "LIE, ANNE GRETHE", "ANDERSEN/TRINE".
_SURNAME_FIRST_GAPS = frozenset({" ", ", ", "/", ","})


def surname_first(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """A surname in capitals, then given names in capitals, in a message that is not all capitals."""
    n = len(toks.low)
    if toks.shape[i] == LOWER:
        return _marked_surname_first(toks, i)
    if toks.shape[i] != UPPER or not toks.flags[i] & SURNAME or toks.flags[i] & (NOT_NAME | FUNCTION) or shouting(toks):
        return None
    if i + 1 >= n or toks.gap(i) not in _SURNAME_FIRST_GAPS or toks.shape[i + 1] != UPPER:
        return None
    last = i + 1
    if not toks.flags[last] & GIVEN or toks.flags[last] & (NOT_NAME | FUNCTION):
        return None
    while last + 1 < n and toks.gap(last) == " " and toks.shape[last + 1] == UPPER and toks.flags[last + 1] & GIVEN:
        last += 1  # "LIE, ANNE GRETHE"
    return i, last, SCORE_SURNAME_FIRST


SCORE_SURNAME_FIRST = 0.75  # as a lower-case full name (person.py)


def _marked_surname_first(toks: Tokens, i: int) -> tuple[int, int, float] | None:
    """A surname in lower case, a Vietnamese middle name and a given name: "pappa nguyen van long", "fra
    pham thi lan". The middle name ("van", "thi") says the words around it are a name, whatever they mean."""
    if i + 2 >= len(toks.low) or toks.low[i + 1] not in MIDDLE_MARKERS or toks.shape[i + 2] != LOWER:
        return None
    flags, given = toks.flags[i], toks.flags[i + 2]
    if not flags & SURNAME or flags & (NOT_NAME | FUNCTION) or given & (NOT_NAME | FUNCTION | PARTICLE):
        return None  # not "hansen van der berg": a particle, not a middle name
    if len(toks.low[i + 2]) < 2:
        return None
    if toks.gap(i) != " " or toks.gap(i + 1) != " ":
        return None
    return i, i + 2, SCORE_SURNAME_FIRST


#: After a pair or list of names: "mark and will both paid", "lily and daisy (my roommates)", "may and
#: april are my twin daughters", "tor og liv (foreldra mine)".
_BOTH = frozenset({"both", "begge", "båe", "bægge", "all", "alle"})
_ARE = frozenset({"are", "were", "er", "e", "var"})
#: "hope and faith each got 3000": what each of them got; "twins": what only people are in pairs.
_EACH = frozenset({"each", "hver", "hvar"})
_TWINS = frozenset({"twins", "tvillinger", "tvillingar", "tvillingene", "tvillingane", "siblings", "søsken"})


def coordinated_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, float]]:
    """Words joined by commas and "and"/"og" that a word after them calls people: "both", "begge", a
    word for kin in brackets, or "are my <kin>". Everyday words stand in such lists too ("bread and
    butter are ..."), so each item must be a listed name or a word in no list."""
    rel = relations()
    n = len(toks.low)
    if n < 2 or ("," not in toks.text and rel.and_.isdisjoint(toks.low)):
        return  # every list here has a comma or an "and"/"og"
    k = 0
    while k < n:
        items = [k]
        m = k
        while m + 2 < n and toks.low[m + 1] in rel.and_ and plain_gap(toks, m) and plain_gap(toks, m + 1):
            items.append(m + 2)
            m += 2
        if m + 1 < n and toks.gap(m).strip(" ") == "&" and len(items) == 1:
            items.append(m + 1)  # "Faith & Joy are twins, both need ...": a pair joined by "&"
            m += 1
        while m + 1 < n and toks.gap(m).strip(" ") == "," and m + 1 not in items:
            items.append(m + 1)
            m += 1
            if m + 2 < n and toks.low[m + 1] in rel.and_:
                items.append(m + 2)
                m += 2
                break  # "mark, ray og June, går det an": the item after "og" is the list's last
        if len(items) < 2:
            k = m + 1
            continue
        flags = [toks.flags[i] | word_flags().get(toks.low[i], 0) for i in items]
        listed = any(f & NAME for f in flags)
        # three or more, two of them names that are no month or place: "jack, hope, tor, kiki and sam";
        # one month-name among them is a person too ("med mark, ray og June"), not a list of months
        names = sum(1 for f in flags if f & NAME and not f & SOFT)
        long_list = len(items) >= 3 and names >= 2 and sum(1 for f in flags if f & SOFT) <= 1 and m > k + 2
        called = long_list or _called_people(toks, m, rel)
        if len(items) >= 2 and listed and called and all(_person_like(toks, i) for i in items):
            for i in items:
                if not covered[i]:
                    yield i, SCORE_COORDINATED
        k = m + 1


SCORE_COORDINATED = 0.5


def _called_people(toks: Tokens, last: int, rel: Relations) -> bool:
    after = _word(toks, last + 1)
    if after in _BOTH or after in _EACH:
        return True
    if (after in _MODAL or after in _ARE or after == "ska" or after in _NEED) and _word(toks, last + 2) in _BOTH:
        return True  # "sol og stein ska begge få 500", "hope and jack should both sign", "... trenger begge"
    if after in _ARE and _word(toks, last + 2) in _TWINS:
        return True  # "Faith & Joy are twins"
    bracket = toks.text[toks.end[last] : toks.end[last] + 2].lstrip(" ")[:1] == "("
    if bracket and (_word(toks, last + 1) in rel.kin or _word(toks, last + 2) in rel.kin):
        return True
    if after in _ARE and _word(toks, last + 2) in rel.kin and _word(toks, last + 3) in _THEIR_OWNER:
        return True  # "grace og Faith er tvillingene mine"
    return after in _ARE and _word(toks, last + 2) in {"my", "our", "mine", "våre"} and _word(toks, last + 3) != ""


#: Verbs of needing or having before "begge"/"both": "brooklyn og ivy trenger begge barnekonto".
_NEED = frozenset({"trenger", "treng", "need", "needs", "har", "have", "has", "ønsker", "want", "fikk", "got"})


#: After a plural word for kin: whose they are ("tvillingene mine", "barna våre").
_THEIR_OWNER = frozenset({"mine", "våre", "mine,", "hans", "hennes", "deres"})


#: Conjunctions that open a clause after a comma ("Hans-Petter, men alle kaller ham ..."): never a list item.
_CLAUSE_OPENERS = frozenset({"men", "but", "mens", "while", "fordi", "because", "though", "enn", "than"})


def _person_like(toks: Tokens, i: int) -> bool:
    flags = toks.flags[i] | word_flags().get(toks.low[i], 0)  # "will", "may": names the tokenizer reads as words
    low = toks.low[i]
    if low in _CLAUSE_OPENERS and toks.shape[i] == LOWER:
        return False
    if flags & NOT_NAME or low in relations().pronoun or low in relations().self_ or low in _MY or low in _POSSESSIVES:
        return False  # "Besteforeldra mine, Ingebjørg og Lars": "mine" is whose they are
    if flags & FREQUENT and not flags & FUNCTION and len(low) >= 5:
        return True  # "brooklyn": a proper noun no dictionary holds, among names the list calls people
    return bool(flags & NAME) or (toks.shape[i] != LOWER and not flags & COMMON and len(toks.low[i]) > 2)
