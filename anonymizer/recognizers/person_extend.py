"""PERSON, continued: how far a name goes once its first word is found.

A name found after a cue or by its capitals goes on over more given names, particles ("van der"),
initials and surnames, and stops at the first word that cannot continue it. The rules differ for
capitalised and lower-case writing (``_continues_capitalised``, ``_continues_lower``); Norwegian
surnames that are places or words ("Nes", "Berg", "Bråten") continue a name only after a sure given
name (``_place_surname``).
"""

from __future__ import annotations

import re

from anonymizer.recognizers._cues import is_cue_word, is_exact_cue_word
from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FOREIGN,
    FREQUENT,
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
    DEFINITE,
    INFLECTED,
    LOWER,
    UPPER,
    Tokens,
    closed,
    joined,
    next_is_name,
    unknown_name_word,
    wordlike,
)
from anonymizer.recognizers.address import street_words
from anonymizer.recognizers.person_roles import SAID
from anonymizer.recognizers.person_words import _DIALECT_ARTICLES, _GREETINGS, _MY, _POSSESSIVES, _SIGN_OFFS, relations

#: Longest name we take: given names, particles and surnames together ("Ole Johan van der Berg").
MAX_NAME_TOKENS = 5
#: A house number after a word ("Skogveien 17", "Kari Oslo 2"), which keeps a street out of a name; not
#: the first group of a mobile number ("Geir Bakke 489 96 917": eight digits from a 4 or a 9), nor the
#: first group of a number in dotted groups (an account number or a date: "Frode Rise 4230.94.55570").
NUMBER_AFTER = re.compile(r" (?![49](?:[ .\-]?\d){7}(?![ .\-]?\d))\d{1,4}(?!\d|\.\d)")
#: Lower-case surnames not in the gazetteer, recognised by ending (only after a known given name).
SURNAME_ENDING = re.compile(
    r"(?:sen|ssen|son|sson|dottir|datter|stad|rud|heim|land|vik|dal|dahl|berg|seth|strøm|gård|gaard|haug"
    r"|nes|ov|ova|ev|eva|enko|chuk|ski|ska|cki|cka|wicz|poulos|oglu|oğlu|zadeh|zai|ović|ovic|ić"
    r"|auskas|ienė|aitė|evičius|bakken|haugen|lien|voll|tveit|sæter|seter|rød|mo|bø|li|ås|eng|myr|strand)$"
)


#: Vietnamese middle names that say a given name follows ("Thị" for women, "Văn" for men).
MIDDLE_MARKERS = frozenset({"thi", "thị", "van", "văn"})


def extend(toks: Tokens, j: int, *, strong: bool) -> int:
    """The last word of the name that starts at ``j`` (more given names, particles, surnames)."""
    n = len(toks.low)
    mode = toks.shape[j]
    last = j
    k = j + 1
    particles = 0  # "Kristine Elise Haugstad van der Berg": particles do not count towards the longest name
    while k < n and k - j - particles < MAX_NAME_TOKENS:
        if toks.gap(k - 1) == "\n" and _split_given(toks, k):
            last = k  # "Gunn\nhild Rasmussen": a given name broken over a line by a narrow field
            k += 1
            continue
        if not joined(toks, k - 1) and not _surname_next_line(toks, j, k, strong=strong):
            break
        flags, shape = toks.flags[k], toks.shape[k]
        if toks.low[k] in relations().here or (shape == LOWER and toks.low[k] in SAID):
            break  # "PER OLAV HER": the writer introducing himself; "dawn said" ("Said" is a name too)
        if flags & NOT_NAME and not (shape == mode != LOWER and _place_surname(toks, j, k, last)):
            break  # "Thomas Nes, 16058247719" goes on: a place as a surname
        if shape == mode and _introduced_surname(toks, j, k):
            last = k  # "lykke bjørk her.", "Kari B her": a name-word between a name and "her" is its surname
            k += 1
            continue
        particle = flags & PARTICLE and (shape == LOWER or not flags & NAME)
        particle = particle or (toks.low[k] in MIDDLE_MARKERS and k > j)  # "Nguyễn Văn An", "Lê Thị Hoa"
        if particle or (len(toks.low[k]) == 1 and shape == CAP):
            # "van der Berg", "bin Laden", "Ole J. Hansen": only inside a name, never at its end.
            if k + 1 < n and joined(toks, k):
                particles += 1 if particle else 0
                k += 1
                continue
            break
        initial_shape = shape != LOWER or mode == LOWER  # "Kowalski i 2. etasje": "i" is no initial of his
        if len(toks.low[k]) == 1 and toks.gap(k - 1) == " " and (k + 1 >= n or closed(toks, k)) and initial_shape:
            return k  # a surname's initial ends it: "mvh per h", "Kari H."
        if mode == CAP and len(toks.low[j]) == 1 and k == j + 1 and shape == UPPER:
            mode = UPPER  # "P. NAKAMURA": an initial before a surname in capitals
        if shape != mode or not (
            _continues_capitalised(toks, j, k, last, strong=strong)
            if mode != LOWER  # names in capitals ("ASLAUG HOVDEN") follow the capitalised rules
            else _continues_lower(toks, k, strong=strong)
        ):
            break
        last = k
        k += 1
    return last


def _split_given(toks: Tokens, k: int) -> bool:
    """A capitalised word and the lower-case word on the next line join into a listed given name."""
    if toks.shape[k - 1] != CAP or toks.shape[k] != LOWER:
        return False
    return bool(word_flags().get(toks.low[k - 1] + toks.low[k], 0) & GIVEN)


def _introduced_surname(toks: Tokens, j: int, k: int) -> bool:
    """Word ``k`` is a listed name (or an initial), and "her"/"here" follows it, ending the clause, in a
    message that opens with the name or a greeting and the name ("hei, lykke bjørk her.", "Stein Fjell
    here, ...", "Kari B her"): the writer introducing themself by full name, so a surname that is also a
    word ("bjørk", "fjell") belongs to the name."""
    n = len(toks.low)
    opens = toks.initial[j] or (j > 0 and toks.low[j - 1] in _GREETINGS)  # "hei, lykke bjørk her"
    if not opens or k + 1 >= n or toks.low[k + 1] not in relations().here or toks.gap(k) != " ":
        return False
    initial = len(toks.low[k]) == 1 and toks.shape[k] != LOWER  # "Kari B her"
    if not (toks.flags[k] & NAME or initial) or toks.flags[k] & (NOT_NAME | FUNCTION):
        return False
    return k + 2 >= n or closed(toks, k + 1) or toks.low[k + 2] in relations().after_here


def _surname_next_line(toks: Tokens, j: int, k: int, *, strong: bool = False) -> bool:
    """A name broken over two lines, as a phone's narrow field or a signature does it ("Lars Erik\nSkogstad
    heter jeg", "Mvh\nKari\nBakke\n33 18 38 59"): the given names fill their line, and the next line starts
    with a capitalised surname (in the lists or by its ending) that ends its line or is followed by lower
    case. Two people on two lines are more often "Kari\nOla": given names do not continue over a line."""
    if toks.text[toks.end[k - 1]] not in "\r\n" or toks.gap(k - 1).strip(" \t\r") != "\n":
        return False  # (the first character first: most names end before a space)
    if j > 0 and "\n" not in toks.gap(j - 1) and not (strong and k == j + 1):
        return False  # (after "jeg heter", "My name is": the given name need not start its line)
    flags, low = toks.flags[k], toks.low[k]
    if toks.shape[k] == toks.shape[j] == CAP and _signed_last_line(toks, j, k):
        return True
    if toks.shape[k] != toks.shape[j] or toks.shape[k] == LOWER or flags & (GIVEN | NOT_NAME | FUNCTION):
        return False
    unknown = strong and len(low) > 2 and not NUMBER_AFTER.match(toks.text, toks.end[k])  # not "Skogveien 17"
    if not (flags & SURNAME or (not flags and (SURNAME_ENDING.search(low) is not None or unknown))):
        return False
    return k + 1 >= len(toks.low) or "\n" in toks.gap(k) or toks.shape[k + 1] == LOWER


#: Most words the last line of a signature holds when it is the writer's surname ("El Amrani", "van der Berg").
_SIGNED_SURNAME_WORDS = 3


def _signed_last_line(toks: Tokens, j: int, k: int) -> bool:
    """ "Beste hilsen Marit\nSkogen", "Regards\nFatima\nEl Amrani": right after a sign-off, a given name
    alone on its line, and the message's last line holds nothing but capitalised words (and particles).
    A signature's last line is the rest of the writer's name, even when a surname is also a word
    ("Skogen") or opens with a particle ("El"); not a place, a bank or a cue word ("Mvh\nKari\nOslo",
    "Hilsen Kari\nDNB")."""
    if j == 0 or toks.low[j - 1] not in _SIGN_OFFS or k != j + 1:
        return False
    n = len(toks.low)
    if n - k > _SIGNED_SURNAME_WORDS or toks.text[toks.end[-1] :].strip():
        return False
    for m in range(k, n):
        if m > k and toks.gap(m - 1) != " ":
            return False
        flags = toks.flags[m]
        if toks.shape[m] != CAP and not (flags & PARTICLE and m + 1 < n):
            return False
        low = toks.low[m]
        if (flags & (NOT_NAME | FUNCTION) and not flags & PARTICLE) or is_cue_word(low) or len(low) < 2:
            return False
        if m == k and flags & GIVEN and not flags & PARTICLE:
            return False  # "Mvh\nKari\nOla": two people sign, a given name does not go on over a line
    return True


def _continues_capitalised(toks: Tokens, j: int, k: int, last: int, *, strong: bool) -> bool:
    """Capitalised word ``k`` continues the name ``j..last``."""
    flags = toks.flags[k]
    low = toks.low[k]
    # a cue word as it stands, or a typo of one in capitals ("ODD FØDSELSNR 170148"); a capitalised word
    # in no list that only resembles one is a surname ("Olivia Grace Kettering", not "kontering")
    if not flags & NAME and is_cue_word(low) and (is_exact_cue_word(low) or toks.shape[k] != CAP):
        return False  # "ODD FØDSELSNR 170148 ...": the label of a number
    if not _capitalised_name_word(flags, toks.low[k]):
        # After "jeg heter", "Sølvi Flåten," is a name although "flåten" is a word; so is "heiter Kolbjørn
        # Rise og vil ...": a capitalised word that a lower-case function word goes on from, mid-sentence.
        if strong and flags & COMMON and (closed(toks, k) or _function_word_after(toks, k)):
            return True
        return _place_surname(toks, j, k, last)
    if not flags & NAME and toks.flags[last] & SURNAME and not toks.flags[last] & GIVEN:
        # unknown after a surname only at the end, or before a word in lower case: "Halvorsen Utne,",
        # "Pradeep Singh Bhatia dated", not "Orgnr 80"
        after = k + 1 < len(toks.low) and toks.gap(k) == " " and toks.shape[k + 1] == LOWER
        return closed(toks, k) or after
    if flags & AMBIGUOUS and not flags & SURNAME:
        # "Emily My husband" stops; "Bui Thi Mai", "Nguyen Minh An never" (surname first) go on.
        if toks.low[k - 1] in MIDDLE_MARKERS:
            return True  # "Tran Thi Mai", "Nguyen Van An": a Vietnamese middle name says a name goes on
        if k > j and unknown_name_word(toks, k + 1) if k + 1 < len(toks.low) and joined(toks, k) else False:
            return True  # "Stig Are Nesvik": a name-word between a given name and a surname in no list
        if next_is_name(toks, k) or closed(toks, k) or bool(toks.flags[j] & SURNAME and not toks.flags[j] & GIVEN):
            return True
        return bool(flags & SOFT) and _place_surname(toks, j, k, last)  # "til Bjørn Bergen skal": a place
    return True


#: Conjunctions that go on from a subject to its next clause ("heiter Kolbjørn Rise og vil ...").
_CONJUNCTIONS = frozenset({"og", "å", "and", "men", "but", "som", "who"})


def _function_word_after(toks: Tokens, k: int) -> bool:
    """Word ``k`` is no closed-class word itself ("Kari Vil du ...") and a lower-case conjunction follows
    it after one space ("Rise og vil"): the name's clause goes on, so word ``k`` ended the name."""
    nxt = k + 1
    if nxt >= len(toks.low) or toks.flags[k] & FUNCTION or toks.gap(k) != " ":
        return False
    return toks.shape[nxt] == LOWER and toks.low[nxt] in _CONJUNCTIONS


def _place_surname(toks: Tokens, j: int, k: int, last: int) -> bool:
    """Norwegian surnames are farm and place names ("Nes", "Lid", "Lysaker", "Øye"), and many are words
    too ("Elv", "Berg", "Bråten"): after a sure given name (and maybe a middle name in no list: "Inger
    Midtbø Sandal"), such a word ends the name when nothing capitalised but a surname follows it and no
    number does ("Torstein Nes?", "MVH HALVOR NES", "Ingrid Nes Lunde", but not "Kari Oslo 2")."""
    given = toks.flags[last]
    sure_given = bool(given & GIVEN and not given & AMBIGUOUS)
    if not sure_given and last > j and (not given & (NAME | COMMON | NOT_NAME) or given & SURNAME):
        start = toks.flags[j]
        sure_given = bool(start & GIVEN and not start & AMBIGUOUS)  # "Inger Midtbø Sandal", "Magnhild Vetlesen Fjære"
    if not sure_given and last == j and given & GIVEN and toks.shape[j] == CAP and not toks.initial[j]:
        # "til Per Molde", "dette er Dag Fjell": a capital inside a sentence makes "Per" a name, and the
        # place or word after it (in the word lists, unlike a brand: "Irish Revolut") its surname
        sure_given = bool(toks.flags[k] & COMMON) and toks.low[j] not in street_words().en  # not "Mill Lane Salary"
    low = toks.low[k]
    if not sure_given or toks.flags[k] & FUNCTION or len(low) < 2 or "-" in low:
        return False  # "Helly Hansen-jakke": a brand in a compound
    if NUMBER_AFTER.match(toks.text, toks.end[k]) or is_cue_word(low):
        return False  # "Kari Oslo 2", "ODD FØDSELSNR 170148 ..."
    words = street_words()
    if (low in words.en and not _long_number_after(toks, k)) or low in words.word or low.endswith(words.suffix):
        # "Victoria Street", "Karl Johans gate" ("Bråten", "Haugen" are surnames first); but "Frode Rise
        # 4230.94.55570": a street's type word before a number no house has is a surname
        return False
    if k + 1 >= len(toks.low) or closed(toks, k) or toks.shape[k + 1] == LOWER:
        return True
    nxt = toks.flags[k + 1]
    surname = bool(nxt & SURNAME) and not nxt & (GIVEN | NOT_NAME)
    # "Ingrid Nes Lunde", "Kari Hovden Bjørke.": a surname, or a word in no list (not a street's name
    # before its number: "Reidun Sæther Vestre Strandvei 41"), ends the name
    unlisted = toks.shape[k + 1] == CAP and not nxt and len(toks.low[k + 1]) >= 3
    unknown = unlisted and not NUMBER_AFTER.match(toks.text, toks.end[k + 1])
    # the surname closes the name, or a lower-case word follows it ("Eirik Nes Myklebust og er 15")
    ends = closed(toks, k + 1) or (k + 2 < len(toks.low) and toks.shape[k + 2] == LOWER)
    return joined(toks, k) and (surname or unknown) and ends


#: A number that no house has, right after a word: an account number or date in groups, or five digits on.
_LONG_NUMBER = re.compile(r"[ \xa0]?\d+(?:[.\xad]+\d+){2}|[ \xa0]?\d{5}")


def _long_number_after(toks: Tokens, k: int) -> bool:
    return _LONG_NUMBER.match(toks.text, toks.end[k]) is not None


#: Conjunctions that open the next clause right after a name: "til nguyen van an men appen sier nei".
_CLAUSE_AFTER = frozenset({"men", "but", "og", "and", "som", "who", "fordi", "because", "så"})


def _irish_surname(flags: int) -> bool:
    """A listed name that is no everyday word and no common given name: "connell", "brien" after "o"
    (not "ola o kari", where "o" is the dialect's "og" between two people)."""
    return bool(flags & NAME) and not flags & (COMMON | FUNCTION | NOT_NAME | SOFT | WELL_KNOWN)


def _continues_lower(toks: Tokens, k: int, *, strong: bool) -> bool:
    """Lower-case (or all-caps) word ``k`` continues a name typed without capitals."""
    flags = toks.flags[k]
    if _lower_surname_word(flags, toks.low[k], strong=strong):
        return True
    if toks.low[k] == "o" and toks.shape[k] == LOWER and k + 1 < len(toks.low) and toks.gap(k) == " ":
        return _irish_surname(toks.flags[k + 1])  # "shevawn o connell": the Irish "O'" without its apostrophe
    if toks.low[k - 1] == "o" and toks.gap(k - 1) == " " and _irish_surname(flags):
        return True
    marker = toks.flags[k - 1] & PARTICLE or toks.low[k - 1] in MIDDLE_MARKERS
    if k >= 2 and marker and toks.flags[k - 2] & NAME and not flags & NOT_NAME:
        # after "van", "thi", "bin" inside a name, any word: "nguyen van hung", "tran thi mai"; a closed-class
        # word only where the name ends ("nguyen van an\n", "til nguyen van an men ..."), not "tran van and ..."
        ends = k + 1 < len(toks.low) and toks.low[k + 1] in _CLAUSE_AFTER and not toks.gap(k).strip()
        return not flags & FUNCTION or closed(toks, k) or ends
    if strong and flags & NAME and not flags & (FUNCTION | SOFT) and closed(toks, k):
        return True  # "name marcus hope\n": after a strong cue, a second name-word that ends the line
    # After "jeg heter", "sølvi flåten" ends the message: a surname although "flåten" is a word.
    return strong and bool(flags & COMMON) and len(toks.low[k]) >= 5 and closed(toks, k)


def _capitalised_name_word(flags: int, low: str) -> bool:
    """A capitalised word that can continue a name: a name, or a word that is not a common word."""
    if flags & NAME:
        return True
    if flags & FREQUENT and not flags & NOT_NAME and not DEFINITE.search(low):
        return True  # "Jonas Gahr Støre", "Dagfinn Grøtte", but not "Oddny Kontoen"
    return not flags & (COMMON | NOT_NAME) and len(low) > 1


def _lower_surname_word(flags: int, low: str, *, strong: bool) -> bool:
    """A lower-case word that can continue a name typed in lower case."""
    if flags & NOT_NAME:
        return False
    if flags & NAME:
        return not flags & AMBIGUOUS or bool(flags & SURNAME)
    if flags & (COMMON | FOREIGN):
        return False
    if strong or (len(low) >= 5 and SURNAME_ENDING.search(low) is not None):
        return True
    # a word in no list, and no inflection or typo of one: "siriporn saelim", "nattapong wongsakul"
    return len(low) >= 4 and not (wordlike(low) or INFLECTED.search(low) or near_frequent_word(low))


#: "Vår Kari", "Deres Ola": possessives that are also given names somewhere (the shared sets, and the
#: plural and reflexive forms they lack).
#: Words that say whose, not who: "min", "vår", "hans", "deres".
POSSESSIVE_WORDS = _MY | _POSSESSIVES | {"våre", "vårt", "deres", "sin"}


def given_before(toks: Tokens, first: int, covered: list[bool]) -> int:
    """Where a name found at ``first`` really starts: one given name more before it, written the same
    way, when that given name is also a word ("Tor Arne Fjell har ...", "MIN MOR ELSE MARIE TVEIT"):
    a word the rules would not start a name with, but a name once a name follows it."""
    k = first - 1
    if k < 0 or covered[k] or not joined(toks, k) or toks.shape[k] != toks.shape[first]:
        return first
    flags = toks.flags[k]
    low = toks.low[k]
    if low in _THIRD_PERSON_OWNER and toks.shape[k] == CAP:
        return k if _sure_given(toks.flags[first]) and flags & GIVEN else first  # "Hans Petter er faren min"
    if low in _WORD_GIVEN and toks.shape[k] != LOWER:
        return k if _word_given_joins(toks, k, first) else first  # "Sky Johnson is my daughter", "«May Britt»"
    if not flags & GIVEN or flags & (FUNCTION | NOT_NAME) or low in relations().kin or low in POSSESSIVE_WORDS:
        return k if _surname_then_given(toks, k, first) else first  # "kowalski jan"
    if (low in _BEFORE_LOWER_GIVEN or low in _DIALECT_ARTICLES) and toks.shape[k] == LOWER:
        return first  # "bestemor te emil", "ho hansen sa": "te" (til) or the dialect article introduces the name
    if toks.shape[k] == LOWER and not _lower_given_before(toks, k, first):
        return first
    if toks.flags[first] & NAME:
        return k
    # A capitalised given name inside a sentence, before a found name in no list ("legg til Ask Hårstad"):
    # a sentence does not capitalise the everyday word "ask" there, so it is the name's first word.
    return k if toks.shape[k] == CAP and not toks.initial[k] else first


#: Given names that are also a verb or an everyday word the lists do not call a name ("May", "Will",
#: "Are", "Jo", "Sky"): never a name alone, but the first given name when capitalised right before a name.
_WORD_GIVEN = frozenset({"may", "will", "are", "jo", "sky"})


def _word_given_joins(toks: Tokens, k: int, first: int) -> bool:
    """Capitalised (or upper-case) word-name ``k`` before the listed name found at ``first``, written the
    same way, is its first given name ("Sky Johnson is", "SKY HAGEN", "«May Britt»"). Opening a sentence,
    "May"/"Will" are the modal verbs of a question ("Will Johnson be there?"): there the name must end
    the clause ("May Britt Olsen", "Will Baker?"), not run into lower-case words ("Will Michael Jensen
    call me back?"); a name in capitals must end its line or clause."""
    if not toks.flags[first] & NAME or toks.flags[first] & (FUNCTION | NOT_NAME):
        return False
    n = len(toks.low)
    last = first  # the name's last word: the run of words written as it is ("May Britt Olsen")
    while last + 1 < n and toks.shape[last + 1] == toks.shape[first] and joined(toks, last):
        last += 1
    ends = last + 1 >= n or "\n" in toks.gap(last) or closed(toks, last)
    if toks.shape[k] == UPPER:
        return ends
    if toks.initial[k] and toks.flags[k] & FUNCTION:
        return ends  # not "Will Michael Jensen call me back?"
    return True


#: The possessive of the third person that is also a common given name: capitalised before a sure given
#: name it is the first of a double name ("Hans Petter", "Hans Olav"), as "his Petter" is not said.
_THIRD_PERSON_OWNER = frozenset({"hans"})


def _sure_given(flags: int) -> bool:
    """A given name that is no everyday word: "Petter", not "Per" or "Mark"."""
    return bool(flags & GIVEN) and not flags & (AMBIGUOUS | COMMON | FUNCTION | NOT_NAME | SOFT)


def _surname_then_given(toks: Tokens, k: int, first: int) -> bool:
    """A lower-case name written surname first ("kowalski jan", "nguyen thanh" on a line of its own): a
    listed surname that is no word and no given name, opening its line or sentence, before the given name
    found. After other words a surname alone is too weak a sign ("ring nilsen jan" is left as it was)."""
    if toks.shape[k] != LOWER or toks.shape[first] != LOWER or not toks.initial[k]:
        return False
    flags = toks.flags[k]
    if not flags & SURNAME or flags & (GIVEN | AMBIGUOUS | COMMON | FOREIGN | FUNCTION | NOT_NAME | SOFT):
        return False
    return bool(toks.flags[first] & GIVEN)


def _lower_given_before(toks: Tokens, k: int, first: int) -> bool:
    """In lower case, a given name that is also a word ("mai", "tor", "per") starts the name only before a
    given name in no word list ("dette er mai tran", "d e tor egil kårvåg", "mai linh tran som"): a word
    before an ambiguous name, or after other words, stays a word ("kr per kari", "not even kari")."""
    nxt = toks.flags[first]
    if not nxt & NAME or nxt & (AMBIGUOUS | COMMON | FUNCTION | NOT_NAME | SOFT):
        return False
    before = toks.low[k - 1] if k > 0 and joined(toks, k - 1) else ""
    return k == 0 or before in _BEFORE_LOWER_GIVEN or before in relations().kin  # "samboer mai linh tran"


#: Words a lower-case full name follows (besides kin): "dette er mai tran", "mi mai linh tran", "til tor egil".
_BEFORE_LOWER_GIVEN = _MY | _GREETINGS | {"er", "e", "is", "am", "im", "til", "te", "to", "fra", "frå", "from"}


#: After "name + initial": a verb of the person ("kan per h ringe meg", "ola n sa at").
_VERB_AFTER_INITIAL = frozenset(
    {"ringe", "ringer", "ringte", "sa", "sier", "har", "hadde", "skal", "ska", "vil", "kan", "er", "e", "var", "va",
     "fikk", "fekk", "sendte", "betalte", "skylder", "said", "says", "called", "has", "had", "is", "was", "will",
     "sent", "paid", "owes", "som", "who"}
)  # fmt: skip


_VOWELS = frozenset("aeiouyæøå")
_BEFORE_NOT_NAME = frozenset({"kr", "nok", "en", "ei", "et", "a", "an", "the", "plan", "type", "vitamin"})


def name_and_initial(toks: Tokens, i: int, score: float) -> tuple[int, int, float] | None:
    """A given name and the initial of a surname, where the name ends: "kan per h ringe meg", "hei æ e
    per h, va her", "the name showed june k", "as ALEX J", "«Torleiv A»". The initial is typed like the
    name; in lower case it is a consonant ("ka e", "saken i" are words), and a verb or punctuation follows."""
    n = len(toks.low)
    k = i + 1
    if k >= n or toks.gap(i) != " " or len(toks.low[k]) != 1 or len(toks.low[i]) < 3:
        return None
    flags, shape = toks.flags[i], toks.shape[i]
    if flags & (NOT_NAME | FUNCTION | PARTICLE) or (shape == LOWER and flags & SOFT):
        return None
    letter = toks.text[toks.start[k]]
    if shape == LOWER:
        if not flags & GIVEN or not letter.islower() or letter in _VOWELS:
            return None
    elif not letter.isupper() or letter == "I" or not (flags & GIVEN or unknown_name_word(toks, i)):
        return None
    number_before = toks.text[max(0, toks.start[i] - 2) : toks.start[i]].strip()[-1:].isdigit()
    if i > 0 and (toks.low[i - 1] in _BEFORE_NOT_NAME or number_before):
        return None  # "200 kr per m", "plan B"
    after = toks.text[toks.end[k] : toks.end[k] + 2]
    if (after[:1] in (".", "-", "/", "&") and shape != LOWER) or (after[:1] == "." and after[1:].isalpha()):
        return None  # "Kari H." is the surname rules'; "P.S.", "Q&A", "per d.d."
    nxt = toks.low[k + 1] if k + 1 < n and toks.gap(k) == " " else ""
    verb = nxt in _VERB_AFTER_INITIAL
    # "Per H her.", "kari n here": the writer opening with name and initial, then "here"
    # ... or after the greeting that opens the message: "hei, per h her"
    opens = toks.initial[i] or (toks.low[i - 1] in _GREETINGS and toks.gap(i - 1).strip() in ("", ","))
    here = opens and nxt in relations().here and (k + 2 >= n or closed(toks, k + 1))
    if not (closed(toks, k) or verb or here):
        return None
    return i, k, score
