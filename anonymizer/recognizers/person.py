"""PERSON: names in Norwegian and English chat, found with a gazetteer and cue phrases, no model.

Why no NER model: the anonymizer has to redact thousands of short messages per second per core, and
the available spaCy models miss most names typed in lower case or of immigrant origin. Instead the
message is tokenised with one regex and each word costs one dict lookup (see ``_gazetteer``):

1. **Cues** ("jeg heter", "mvh", "fru", "Hei ...,", "til") say a name follows; how trusting a cue is
   decides what may follow it (``anonymizer/data/person_cues.txt``). Cue words are never in the span:
   "fru Hansen" redacts "Hansen" only, "Mr. Smith" redacts "Smith".
2. **Capitalised runs** of gazetteer names ("Kari Nordmann", "Ole Johan Hansen"), a known given name
   followed by any capitalised non-common word ("Kari Xyzsen"), or a known given name or surname alone.
3. **Lower-case full names** when a known given name is followed by a surname ("ola nordmann").
4. **Names in no list** (Norway has tens of thousands of rare given names and farm surnames): two or
   more capitalised words that are neither listed words, inflected words ("Kontonummeret") nor typos
   of frequent ones ("Loggin"), or one such word after "til"/"to"/"Kan" mid-sentence ("til Juzan").
   A run that goes into a street named after a person is cut before the street's name ("Kolbjørn
   Haugland Karl Johans gate 94").

Rules 2 to 4, which read the words alone, are in ``person_uncued``; this module runs every rule in turn.

A name that is also a common word ("Per", "Mark", "Will", "May", "Dag") needs context: a cue, or a
surname after it. Capitalisation at the start of a sentence is not taken as evidence. An English or
Norwegian genitive ("John's", "Karis") is recognised, and the "'s"/"s" is left out of the span.
"""

from __future__ import annotations

import functools
import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymizer.recognizers._cues import is_cue_word
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
    Cue,
    near_frequent_word,
    person_cues,
    word_flags,
)
from anonymizer.recognizers._tokens import (
    CAP,
    INFLECTED,
    LOWER,
    UPPER,
    Tokens,
    closed,
    next_is_name,
    tokenize,
    unknown_name_word,
    wordlike,
)
from anonymizer.recognizers.person_after_cue import (
    GIVING_NAME,
    NAMING,
    NICKNAMING,
    SURNAMING,
    W,
    ambiguous_ok,
    labels_number,
    lower_unknown_pair,
    named_like_pronoun,
    names_quoted,
    with_w,
)
from anonymizer.recognizers.person_caps import capitals_name
from anonymizer.recognizers.person_context import is_pronoun, relation_names, unit_after
from anonymizer.recognizers.person_contrast import contrasted_names
from anonymizer.recognizers.person_extend import (
    NUMBER_AFTER,
    extend,
    given_before,
    name_and_initial,
)
from anonymizer.recognizers.person_families import SCORE_FAMILY, family_names
from anonymizer.recognizers.person_fields import SCORE_FIELD, field_names, stated_as_name
from anonymizer.recognizers.person_firms import firm_extent
from anonymizer.recognizers.person_glued import SCORE_GLUED, glued_cue_names, glued_names
from anonymizer.recognizers.person_headers import header_names
from anonymizer.recognizers.person_initials import (
    bare_initial,
    initial_before_word,
    particle_surname,
    surname_initial,
    verb_next,
)
from anonymizer.recognizers.person_introduced import (
    common_before_unknown,
    greeted_soft,
    introduced_name,
    opening_pronoun,
    word_given_before,
)
from anonymizer.recognizers.person_lists import (
    alias_names,
    coordinated_names,
    initials_names,
    list_names,
    other_mentions,
    reversed_names,
)
from anonymizer.recognizers.person_not import (
    COMPANY_WORDS,
    _before_street,
    _names_a_company,
    _names_a_street,
    _names_a_thing,
)
from anonymizer.recognizers.person_not_names import vetoed
from anonymizer.recognizers.person_pairs import subject_pairs
from anonymizer.recognizers.person_particles import (
    SCORE_PARTICLE_SURNAME,
    particle_names,
    particles_after,
    particles_before,
    particles_then,
    safe_run,
)
from anonymizer.recognizers.person_passport import passport_order
from anonymizer.recognizers.person_relational import positional_names
from anonymizer.recognizers.person_repeats import repeated_names
from anonymizer.recognizers.person_scripts import SCORE_SCRIPT_NAME, script_names
from anonymizer.recognizers.person_short import short_chat_names
from anonymizer.recognizers.person_spelled import SCORE_SPELLED, explained_names, respelled_names, spelled_names
from anonymizer.recognizers.person_split import SCORE_SPLIT, split_names
from anonymizer.recognizers.person_surname_forms import surname_first_names
from anonymizer.recognizers.person_uncued import (
    FROM,
    SCORE_FULL_NAME,
    SCORE_LOWER_FULL_NAME,
    SCORE_LOWER_GIVEN_ALONE,
    SCORE_UNKNOWN_AFTER_WEAK_CUE,
    capitalised_name,
    lower_full_name,
    sure_name,
)
from anonymizer.recognizers.person_unlisted import cued_lower_pair, word_before_full_name
from anonymizer.recognizers.person_whose import whose_not_who
from anonymizer.recognizers.person_words import NOT_FIRST as _NOT_FIRST
from anonymizer.recognizers.person_words import plain_gap, relations

ENTITY = "PERSON"

# Scores (Presidio's 0..1). The engine keeps results above its threshold (about 0.4).
SCORE = {
    "strong": 0.9,
    "title": 0.85,
    "medium": 0.85,
    "capital": 0.8,
    "greeting": 0.8,
    "weak": 0.8,
}
SCORE_UNKNOWN_AFTER_CUE = 0.75  # the word after a cue is not in the gazetteer
SCORE_INITIALS = 0.6  # "fra K.B.": bare initials after a word that points at a person
SCORE_HEADER = 0.6  # "Frå Vår:": a sender or addressee in a header line

#: Punctuation allowed between a cue and its name ("Hei, Kari", "Mr. Smith", "Navn: Kari", "Mvh\nOla").
_CUE_GAP = re.compile(r"[\s,:;.\-–—]*")
#: A nickname cue's gap with the name quoted: 'goes by "Tiny"', "kallenavnet er «Bønna»".
_QUOTED_GAP = re.compile(r"[\s:,]*[\"'«“‘]")
#: Words that end a clause after a name: "jeg heter may og får ikke ...".
_CLAUSE_JOINS = frozenset({"og", "men", "and", "but", "så", "so", "eller", "or"})


class PersonRecognizer(EntityRecognizer):
    """Finds people's names (entity ``PERSON``) without an NLP model; see the module docstring."""

    def __init__(self, supported_language: str = "nb") -> None:
        super().__init__(supported_entities=[ENTITY], name="PersonRecognizer", supported_language=supported_language)

    def load(self) -> None:
        # Load the shared word lists now rather than on the first message.
        word_flags()
        _cue_index()
        near_frequent_word("warm")  # builds the typo index

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        """Return PERSON spans. ``nlp_artifacts`` is ignored: the recognizer tokenises by itself."""
        if entities and ENTITY not in entities:
            return []
        toks = tokenize(text)
        n = len(toks.low)
        if n == 0:
            return []
        covered = [False] * n
        results: list[RecognizerResult] = []
        spans: list[tuple[int, int]] = []  # words of each name found
        named: list[tuple[int, int, float]] = []  # words of each name reported, with its score

        def emit(first: int, last: int, score: float) -> None:
            first = particles_before(toks, given_before(toks, first, covered), covered)
            first = word_given_before(toks, first, covered)  # "til Milano Dal" (person_introduced.py)
            first, last = passport_order(toks, first, last, covered)  # "KRAVCHUK Olena" (person_passport.py)
            for k in range(first, last + 1):
                covered[k] = True
            firm = firm_extent(toks, first, last)
            if firm is not None:  # "Hansen Rør AS", "Taxi Storm": a firm's name (person_firms.py)
                covered[firm[0] : firm[1] + 1] = [True] * (firm[1] + 1 - firm[0])
                return
            if vetoed(toks, first, last, named):
                return  # "til Polen", "fra Storytel", "in June": a place, firm or month (person_not_names.py)
            lead = particles_after(toks, first, last)  # "salam, abu Yusuf": the list rules look past "abu"
            spans.append((lead, last))
            if _names_a_company(toks, first, last):
                # "Fjordkraft AS", "Hansen Bygg ASA", "Berg Bil og Dekk AS": an organisation, trade words too
                k = last + 1
                while k < n and toks.low[k] in COMPANY_WORDS | {"og", "and"} and toks.shape[k] != LOWER:
                    covered[k] = True
                    k += 1
                return
            before = _before_street(toks, first, last)
            if before < first or (before == last and _names_a_street(toks, first, last)):
                return  # "Thorvald Meyers gate 45", "63 Victoria Street": the ADDRESS recognizer's
            last = before
            # A name found whole by a weaker rule ("tharshini sivakumar her") holds a part found surer
            # ("sivakumar"): the whole takes the part's score, or the engine would keep only the part.
            inner = [s for a, b, s in named if first <= a and b <= last and (a, b) != (first, last)]
            score = max([score, *inner])
            end = toks.end[last] - toks.trim[last]
            results.append(RecognizerResult(ENTITY, toks.start[first], end, score))
            named.append((first, last, score))

        # 0. Names spelled out letter by letter ("k-a-r-i", "Å S L A U G"); see person_spelled.py.
        for first, last in list(spelled_names(toks, covered)):
            emit(first, last, SCORE_SPELLED)

        # 1. After cues.
        index = _cue_index()
        for i in range(n - 1):
            if covered[i + 1] or toks.low[i] not in index:
                continue
            cue = _match_cue(toks, i, _cue_candidates(index, toks, i))
            if cue is None or _names_a_thing(toks, i - len(cue.words)):
                continue
            nxt = _cue_candidates(index, toks, i + 1) if toks.low[i + 1] in index else None
            if nxt is not None and not covered[i + 1] and i + 2 < n and _match_cue(toks, i + 1, nxt) is not None:
                continue  # "Beneficiary name: Daniel": the next word ends a cue of its own, which names the name
            if cue.words in FROM and i > 0 and (covered[i - 1] or sure_name(toks, i - 1)):
                continue  # "Tyler Brooks from Austin": a place
            if cue.words == W and not with_w(toks, i):
                continue
            copula = i + 2 < n and toks.low[i + 1] in _COPULAS and toks.shape[i + 1] == LOWER
            copula = copula and toks.shape[i + 2] == CAP
            j = i + 2 if copula else i + 1  # "Avsender var Ola"
            found = _after_cue(toks, j, cue)
            if found is not None:
                last, score = found
                emit(j, last, score)

        # 2. and 3. Without a cue. A word in lower case with no name flag starts no name here: each rule
        # below begins by asking for one (a given name or a surname; capitals_name only reads capitals),
        # so most words are passed over without a call.
        i = 0
        shapes, flags_ = toks.shape, toks.flags
        while i < n:
            if covered[i] or (shapes[i] == LOWER and not flags_[i] & NAME):
                i += 1
                continue
            run = capitalised_name(toks, i) if toks.shape[i] == CAP else lower_full_name(toks, i)
            if run is not None and shapes[i] == UPPER:  # "KIM ANDRE SOLHEIM": capitals may read further
                caps = capitals_name(toks, i)
                run = caps if caps is not None and caps[1] > run[1] else run
            elif run is None:
                run = name_and_initial(toks, i, SCORE_LOWER_FULL_NAME) or capitals_name(toks, i)
            elif run[1] == i and i + 1 < n and len(toks.low[i + 1]) == 1:
                run = name_and_initial(toks, i, run[2]) or run  # "«Kjell A»": a listed name and an initial
            if run is None:
                i += 1
                continue
            first, last, score = run
            emit(first, last, score)
            i = last + 1
        for first, last in particle_names(toks, covered):  # "«Van Der Berg»": particles open a surname
            emit(first, last, SCORE_PARTICLE_SURNAME)

        # 4. Names that a relation gives away ("sendte 300 kr til Stein", "Rose og jeg"), then the rest
        # of any list a found name stands in ("Kari, Sol og Even"); see person_context.py.
        for first, last, score in list(reversed_names(toks, covered)):
            emit(first, last, score)
        for first, last in list(initials_names(toks, covered)):
            emit(first, last, SCORE_INITIALS)
        if ":" in text:
            for first, last in list(header_names(toks, covered)):
                emit(first, last, SCORE_HEADER)
            for first, last in list(field_names(toks, covered)):
                emit(first, last, SCORE_FIELD)  # "Fra: Liv", "Name on card: WILL HARTLEY"
        for j, score in list(relation_names(toks, covered)):
            if not covered[j]:  # "er O. Myren, som": the initial takes the everyday word after it along
                emit(j, max(extend(toks, j, strong=False), j + initial_before_word(toks, j)), score)
        for j, score in list(list_names(toks, list(spans), covered)):
            if not covered[j]:
                emit(j, j, score)
        for j, score in list(alias_names(toks, list(spans), covered)):
            if not covered[j]:
                emit(j, j, score)
        for j, score in list(coordinated_names(toks, covered)):
            if not covered[j]:
                emit(j, j, score)
        for j, score in list(subject_pairs(toks, covered)):
            if not covered[j]:
                emit(j, extend(toks, j, strong=False), score)
        for first, last, score in positional_names(toks, covered):  # person_relational.py
            emit(first, last, score)  # "per & liv", "Tulla (Turid Lie)", "kollega av tomasz", "Thanks. Will"
        for first, last, score in list(short_chat_names(toks, covered)):  # person_short.py
            emit(first, last, score)  # "Hilsen Hauk", "saken min, Tone?", "i'm anna.", "te Mai (480 83 094)"
        for first, last, score in list(surname_first_names(toks, covered)):  # person_surname_forms.py
            emit(first, last, score)  # "kowalska anna.": the surname first, told by its foreign ending
        # 5. Once a word is someone's name, it is that name wherever else the message says it: "Min mann
        # Per døde ... Per hadde et lån", "Hope sin mamma her! Hope skal ...", "Pers kort".
        for j, score in list(other_mentions(toks, named, covered)):
            emit(j, j, score)
        for first, last, score in list(repeated_names(toks, named, covered)):  # person_repeats.py
            emit(first, last, score)  # "im jack. jack price.", "JACK FROST? ... Jack Frost", "thanks, will"
        for j, score in list(respelled_names(toks, named, covered)):
            emit(j, j, score)  # "T-H-I-E-N, altså Thien", "Kjersit ... istedenfor Kjersti"
        for j in list(explained_names(toks, covered)):
            emit(j, j, SCORE_SPELLED)  # "SØRENSEN - med ø": a word whose spelling is explained (person_spelled.py)
        for j, score in list(contrasted_names(toks, named, covered)):
            emit(j, j, score)  # "Torunn, ikkje Torun", "Ståle ja, ikkje Stian" (person_contrast.py)
        for start, end in glued_names(text):  # "Jonas2", "Hope123": words the tokenizer skipped
            results.append(RecognizerResult(ENTITY, start, end, SCORE_GLUED))
        for start, end in split_names(toks):  # "K ari", "Mar\ntin": a name broken in two (person_split.py)
            results.append(RecognizerResult(ENTITY, start, end, SCORE_SPLIT))
        for start, end in glued_cue_names(text):  # "hilsenOla", "jeg heterLine": a cue glued to the name
            results.append(RecognizerResult(ENTITY, start, end, SCORE["strong"]))
        if "-" in text or "amily" in text or "ousehold" in text:
            for start, end in family_names(toks):  # "Hansen-familien", "the Berg family": the surname
                results.append(RecognizerResult(ENTITY, start, end, SCORE_FAMILY))
        if not text.isascii():  # "Nour Alhamwi / نور الحموي": the name in its own script (person_scripts.py)
            for start, end in list(script_names(text, [(r.start, r.end) for r in results])):
                results.append(RecognizerResult(ENTITY, start, end, SCORE_SCRIPT_NAME))
        return results


# --- cues --------------------------------------------------------------------------------------------

#: A verb "to be" between a label and the name, in lower case: "Avsender var Ola", "Sender was Ola".
_COPULAS = frozenset({"var", "was"})


#: Per last word of a cue: its one-word cues, and the cues by the word before the last (``_cue_index``).
CueIndex = dict[str, tuple[tuple[Cue, ...], dict[str, tuple[Cue, ...]]]]


@functools.cache
def _cue_index() -> CueIndex:
    """Per last word of a cue: its one-word cues, and by the word before it the cues that may end there.

    Why: "er", "is" and "min" end about thirty cues each and stand in most messages; only the cues whose
    second-to-last word is the word before can match, so ``_match_cue`` compares one or two of them."""
    index: CueIndex = {}
    for last, cues in person_cues().items():
        before = {cue.words[-2] for cue in cues if len(cue.words) > 1}
        index[last] = (
            tuple(cue for cue in cues if len(cue.words) == 1),
            {word: tuple(c for c in cues if len(c.words) == 1 or c.words[-2] == word) for word in before},
        )
    return index


def _cue_candidates(index: CueIndex, toks: Tokens, i: int) -> tuple[Cue, ...]:
    """The cues (longest first, as ``person_cues`` orders them) that may end at word ``i``, a word that
    ends some cue (a key of ``index``): those one word long and those whose word before the last is word
    ``i - 1``."""
    singles, by_before = index[toks.low[i]]
    return by_before.get(toks.low[i - 1], singles) if i > 0 else singles


def _match_cue(toks: Tokens, i: int, candidates: tuple[Cue, ...]) -> Cue | None:
    """The longest cue phrase ending at word ``i`` (its words separated by spaces only)."""
    low = toks.low
    for cue in candidates:
        first = i - len(cue.words) + 1
        if first < 0:
            continue
        # one slice comparison rather than a generator per cue: a frequent last word ends many cues
        if tuple(low[first : i + 1]) == cue.words and all(not toks.gap(k).strip() for k in range(first, i)):
            return cue
    return None


def _after_cue(toks: Tokens, j: int, cue: Cue) -> tuple[int, float] | None:
    """If the words from ``j`` are a name the cue vouches for: the last word and the score."""
    gap = toks.gap(j - 1)
    if cue.kind == "weak":
        if gap.strip():
            return None
    elif _CUE_GAP.fullmatch(gap) is None and not (names_quoted(toks, j, cue) and _QUOTED_GAP.fullmatch(gap)):
        return None  # but a nickname or a name given may be quoted: 'He goes by "Tiny"', 'sa han het «Dag»'
    flags, shape = toks.flags[j], toks.shape[j]
    if (k := particles_then(toks, j)) is not None and (cue.kind in SURNAMING or safe_run(toks, j, k)):
        found = _after_cue(toks, k, cue)  # "etternavnet er von Krogh": the particles open the surname
        surname = toks.shape[k] != LOWER and particle_surname(toks, k)
        return found if found is not None or not surname else (k, SCORE_PARTICLE_SURNAME)
    if is_pronoun(toks.low[j]) and not named_like_pronoun(toks, j):
        return None  # "someone called me from", "my mother, I'm trying to", "det er nabojenta"
    if whose_not_who(toks, j, cue.words, cue.kind):
        return None  # "advokaten vår", "Hei\nMin svigerfar", "my name as in the passport" (person_whose.py)
    if opening_pronoun(toks, j) and j + 1 < len(toks.low) and toks.shape[j + 1] == LOWER:
        return None  # "Hi,\nMy partner ...": a new sentence opened by a pronoun that is a name too (My, He)
    sign_off = cue.kind == "strong" and toks.initial[j - len(cue.words)] and closed(toks, j)
    if sign_off and flags & FUNCTION and word_flags().get(toks.low[j], 0) & NAME:
        return j, SCORE["strong"]  # "mvh jo": a sign-off names a person, whatever else the word is
    initial = len(toks.low[j]) == 1 and j + 1 < len(toks.low) and cue.kind != "weak"
    if initial and (toks.gap(j).strip() == "." or bare_initial(toks, j)):
        # an initial first: "Regards, J. Smith", "hilsen t. bakke", "Venleg helsing S. Kvamme", "MR S A PATEL"
        k = j + 1
        while k + 1 < len(toks.low) and toks.flags[k] & PARTICLE and toks.gap(k).replace("\xa0", " ") == " ":
            k += 1  # "Mr J. van der Berg": the particles belong to the surname after them
        found = _after_cue(toks, k, Cue(cue.words, "strong" if cue.kind == "strong" else "medium"))
        if found is None and k > j + 1 and particle_surname(toks, k):
            found = k, SCORE["strong"]  # "name on account: j. de vries": after an initial and "de", a surname
        if found is None or k == j + 1:
            return found
        return max(found[0], extend(toks, j, strong=True)), found[1]
    titled = (cue.kind == "title" and not is_cue_word(toks.low[j])) or cue.words in NICKNAMING  # "kallenavn Nok"
    if flags & NOT_NAME and not (titled and shape == CAP) and not stated_as_name(toks, j):
        return None  # but "Mr Nes", "fru Berg": after a title a place is a surname
    if len(toks.low[j]) < 2:
        return None
    if cue.kind in GIVING_NAME and (opened := word_before_full_name(toks, j)) is not None:
        return opened, SCORE[cue.kind]  # "I am Lovely Grace Aquino": an everyday word opening a full name
    if cue.kind == "capital" and toks.shape[j] == CAP:  # "jeg er Diego fra Spania" (person_introduced.py)
        named = introduced_name(toks, j) or common_before_unknown(toks, j)  # "I'm Will and", "I'm Juniper Ashcombe."
        if named is not None:
            return named, SCORE["capital"]
    known = bool(flags & NAME)
    unknown = not flags & (NAME | COMMON | PARTICLE | FOREIGN)
    ambiguous = known and bool(flags & AMBIGUOUS)
    kind = cue.kind
    if kind in ("medium", "capital", "greeting", "weak"):
        if any(c in ".!?" for c in gap) or (kind != "greeting" and "\n" in gap):
            return None  # the cue ended its sentence: "snakke med en rådgiver. Per i dag ..."
        if toks.low[j] in _NOT_FIRST and not closed(toks, j) and not next_is_name(toks, j):
            role = _role_name(toks, j, cue)
            return None if role is None else (j, role)  # "takk Kan dere ...", "rådgiver Kan jeg ..."
        if unknown and (wordlike(toks.low[j]) or near_frequent_word(toks.low[j], chat_only=True)):
            return None  # "ba om Kontonummeret", "takk Pengenne skulle ..."

    ended = any(c in ".!?" for c in gap) and len(toks.low[j - 1]) > 1  # not the full stop of "t. bakke"
    if kind == "strong" and ended and flags & (FUNCTION | AMBIGUOUS) and not sign_off:
        return None  # "Bjørn Aune er kontaktperson. Vi ber om ...": the cue's sentence has ended
    if kind == "strong":
        low = toks.low[j]
        ok = known or (
            unknown
            and (shape == CAP or (shape == LOWER and not INFLECTED.search(low)))
            # "fullmakt til brukskontoen", "signert dokumentet": an inflected word, a cue word or a typo
            and (shape != LOWER or not (wordlike(low) or is_cue_word(low) or near_frequent_word(low)))
        )
        if not ok and shape == CAP and cue.words[-1] in NAMING and not flags & FUNCTION and not is_cue_word(low):
            ok = not ended  # "called himself River", "jeg heter Sky": a capitalised word given as a name
        if not ok and shape == LOWER and cue.words[-1] in NAMING and flags & FUNCTION and not ended:
            # "jeg heter may og ...", "my name is will.": a listed given name that is also a little word, when
            # the sentence or the clause ends with it; not "han heter jo Per", "det heter kan du si"
            ends = closed(toks, j) or (j + 1 < len(toks.low) and toks.low[j + 1] in _CLAUSE_JOINS)
            ok = ends and bool(word_flags().get(low, 0) & GIVEN) and len(low) >= 3
        if not ok and shape != LOWER and cue.words in NICKNAMING and not is_pronoun(low) and len(low) > 1:
            ok = not ended  # "kallenavn Nok", "alle kaller ham HP": a nickname may be any word
    elif shape != CAP:
        # Lower case (or all caps) after a weaker cue: only a known name that is no common word.
        ok = known and not ambiguous and not flags & SOFT and kind in ("title", "medium", "greeting", "weak", "capital")
        if kind == "weak" and not flags & WELL_KNOWN:
            # "hos dee" (a typo of "dere"), "av moen min" (of "moren"); but "til frøydis?", "til eiliv om"
            ok = ok and bool(flags & GIVEN) and len(toks.low[j]) >= 4 and not near_frequent_word(toks.low[j])
            if shape == LOWER and lower_unknown_pair(toks, j):
                return j + 1, SCORE_LOWER_FULL_NAME  # "til alleik vassvoll"
        if kind == "title" and known and flags & SURNAME:
            ok = True
        if kind == "medium" and shape == LOWER and unknown and len(toks.low[j]) >= 3:
            # "it's halvdan again", "min mann tjerand har ...": a lower-case word in no list after a cue
            # about a person, unless it reads as an inflected word or a typo
            low = toks.low[j]
            ok = not (INFLECTED.search(low) or wordlike(low) or near_frequent_word(low) or labels_number(toks, j))
    elif kind in ("title", "medium", "greeting", "capital"):
        ok = known or unknown or (kind == "title" and not flags & FUNCTION)  # "Mr Nes", "fru Strand"
        if ok and (ambiguous or flags & SOFT) and kind != "title":
            ok = ambiguous_ok(toks, j)
    else:  # weak, capitalised: a name that is also a word needs a surname or punctuation after it
        ok = known and (
            not (ambiguous or flags & SOFT) or next_is_name(toks, j) or closed(toks, j) or surname_initial(toks, j)
        )
        if not ok and unknown_name_word(toks, j) and not toks.initial[j] and not labels_number(toks, j):
            # "lånt ut kortet til Juzan": capitalised mid-sentence, in no list, no word and no typo of one
            ok = not near_frequent_word(toks.low[j], chat_only=True)
            if ok:
                last = extend(toks, j, strong=False)
                return last, SCORE_FULL_NAME if last > j else SCORE_UNKNOWN_AFTER_WEAK_CUE
    if flags & SOFT and kind != "strong" and not (next_is_name(toks, j) or surname_initial(toks, j)):
        ok = kind == "greeting" and greeted_soft(toks, j)  # "Thank you June, ...", not "takk, Mai 5 ..."
    if not ok and shape == LOWER and (pair := cued_lower_pair(toks, j, kind)) is not None:
        return pair, SCORE_LOWER_FULL_NAME  # "my name is neeve murfy", "I am chidinma okonkwo"
    if not ok:
        role = _role_name(toks, j, cue)
        return None if role is None else (extend(toks, j, strong=False), role)
    last = extend(toks, j, strong=kind == "strong")
    score = SCORE[kind] if known or last > j else SCORE_UNKNOWN_AFTER_CUE
    return last, score


_POSSESSIVE_WORDS = frozenset({"hans", "hennes", "hennar", "deres", "dykkar", "his", "her", "their", "its"})
_SUBJECTS = frozenset(
    {"jeg", "eg", "je", "du", "vi", "me", "dere", "de", "han", "hun", "ho", "det", "den", "man", "i", "you",
     "we", "they", "he", "she", "it"}
)  # fmt: skip


def _role_name(toks: Tokens, j: int, cue: Cue) -> float | None:
    """Score of word ``j`` as a name after a kin or role cue when the general rules doubt it, or None."""
    if not any(w in relations().kin for w in cue.words):  # a kin or role cue (person_relations.txt)
        return None
    flags, low = toks.flags[j], toks.low[j]
    verb = verb_next(toks, j)
    if flags & (NOT_NAME | PARTICLE) or len(low) < 3 or is_cue_word(low) or labels_number(toks, j):
        return None
    if any(c.kind == "title" for c in person_cues().get(low, ())):
        return None  # "the landlord, Mrs. Ingrid Bakke": the title, not the name
    if flags & FUNCTION and toks.shape[j] != CAP:
        return None  # "kona mi sa", but "my mother May is 84"
    if NUMBER_AFTER.match(toks.text, toks.end[j]) or toks.text[toks.end[j] : toks.end[j] + 2].lstrip()[:1].isdigit():
        return None  # "min sønn Mai 2024"
    if unit_after(toks, j):
        return None  # "far min per telefon", "min sønn Mai 2024"
    if j + 1 < len(toks.low) and toks.low[j + 1] in _SUBJECTS and plain_gap(toks, j):
        return None  # "rådgiveren Kan jeg ...": a new sentence without its full stop
    if toks.shape[j] == CAP and not toks.initial[j]:
        return SCORE["medium"]
    if (
        toks.shape[j] == LOWER
        and flags & GIVEN
        and flags & AMBIGUOUS
        and (not flags & SOFT or verb)  # "min samboer mai vil ha": a month has no will
        and plain_gap(toks, j - 1)
        and not is_pronoun(low)
        and low not in _POSSESSIVE_WORDS
    ):
        return SCORE_LOWER_GIVEN_ALONE  # "bror min even ska", not "min mor, hun ba" nor "kona hans"
    return None
