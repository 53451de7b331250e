"""The words of a chat message as the PERSON recognizer sees them, and what each word is.

One regex finds the words that can be part of a name (not those inside e-mail addresses or links);
each costs one dict lookup in the shipped word lists (``_gazetteer``), with the rare cases (hyphens,
genitives, diacritics) handled in ``_lookup``. The predicates at the end (``closed``, ``next_is_name``,
``joined``) are the small facts about neighbouring words that every name rule asks.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from anonymizer.recognizers._gazetteer import (
    AMBIGUOUS,
    COMMON,
    FUNCTION,
    GIVEN,
    NAME,
    NOT_NAME,
    PARTICLE,
    SOFT,
    SURNAME,
    WELL_KNOWN,
    word_flags,
)

# Letters (any script), with inner hyphens and apostrophes: Anne-Lise, O'Brien, al-Hassan, John's.
# Words glued to digits, "_" or "@" are identifiers ("nils58", "kari_h"), not prose: skipped whole.
_WORD = re.compile(r"(?<!\w)(?<![\w.]@)(?>[^\W\d_]+(?:['’\-][^\W\d_]+)*)(?![\d_@])")

#: E-mail addresses, links and handles: the names in them are the e-mail recognizer's business.
_NOT_PROSE = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\S+_\S+|\S*/\S*/\S*")
#: "Eirik/Signe/Torleif": capitalised words joined by slashes are a list of names, not a path.
_SLASHED_NAMES = re.compile(r"[A-ZÆØÅÄÖÜ][^\W\d_]+(?:/[A-ZÆØÅÄÖÜ][^\W\d_]+)+[.,!?]?")

_FOLD_TABLE = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ı": "i", "ł": "l", "đ": "d", "ß": "ss"})
_CONTRACTIONS = frozenset({"m", "s", "re", "ve", "ll", "d", "t"})

#: Words that close a request the way punctuation does: "overfør til Per takk", "for Hans please".
POLITE = frozenset({"please", "pls", "plz", "takk", "thanks", "thx", "tusen"})

# Token shapes.
LOWER, CAP, UPPER = 0, 1, 2

#: Punctuation that starts a new sentence (capitalisation after it is no evidence of a name).
SENTENCE_BREAK = frozenset('.!?:;\n•*"“”«»()[]')
#: A point or colon inside a number ("2.500", "14.30", "12:45") ends no sentence.
_NUMBER_POINT = re.compile(r"(?<=\d)[.:](?=\d)")


def without_number_points(gap: str) -> str:
    """The text ``gap`` between two words without the points and colons inside numbers ("2.500", "14.30",
    "12:45"), which end no sentence: "betalt 2.500 tel en vilma", "kl 14.30 ringte Dag"."""
    return _NUMBER_POINT.sub("", gap) if "." in gap or ":" in gap else gap


def breaks_sentence(gap: str) -> bool:
    """The text ``gap`` between two words holds a sentence break, not counting a point inside a number."""
    return not SENTENCE_BREAK.isdisjoint(gap) and not SENTENCE_BREAK.isdisjoint(without_number_points(gap))


#: Norwegian definite nouns ("kontoen", "appen", "firmaet"): frequent words, never surnames here.
DEFINITE = re.compile(r"(?:en|et|ene|ne|er)$")
#: Long lower-case words with these endings are inflected words, not names ("navnet er feilstavet").
INFLECTED = re.compile(r"^.{6,}(?:et|ert|ene|ing|else|het|ede|ende|lig|ige|ed|ly|tion|inga|inja|ja)$")

#: Endings of inflected Norwegian and English words: a word in no list whose stem is a common word is
#: that word inflected ("Kontonummeret", "Sparekontoen", "Svarer"), not a name.
INFLECTIONS = ("ene", "ane", "ens", "ets", "ers", "en", "et", "er", "ar", "es", "ed", "a", "e", "s")
#: Of those, the definite endings after which a compound noun is likely ("Strøm|regningen").
DEFINITE_ENDINGS = ("ene", "ane", "en", "et")


@dataclass(slots=True)
class Tokens:
    """The words of one message, as parallel lists (cheaper than one object per word)."""

    text: str
    start: list[int]
    end: list[int]
    low: list[str]
    shape: list[int]
    flags: list[int]
    initial: list[bool]  #: first word of a sentence
    trim: list[int]  #: characters of a genitive ending to leave out of the span
    gaps: list[str]  #: the text between word ``i`` and word ``i + 1`` (``gap``), found while tokenising

    def gap(self, i: int) -> str:
        """The text between word ``i`` and word ``i + 1``."""
        # read from ``gaps``: the rules ask about 30 times per message; a negative ``i`` slices as before
        return self.gaps[i] if i >= 0 else self.text[self.end[i] : self.start[i + 1]]

    def bare(self, i: int) -> str:
        """Word ``i`` in lower case without its genitive ending ("mcdonald" of "McDonald's")."""
        trim = self.trim[i]
        return self.low[i][:-trim] if trim else self.low[i]


def shape_of(word: str) -> int:
    if not word[0].isupper():
        # "al-Hassan", "d'Angelo": a lower-case particle before a capitalised name.
        for sep in "-'’":
            head, found, tail = word.rpartition(sep)
            if found and tail[:1].isupper() and len(head) <= 3:
                return CAP
        return LOWER
    if len(word) > 1 and word.isupper():
        return UPPER
    return CAP


def _lookup(low: str, shape: int, table: dict[str, int], capital_tail: bool = False) -> tuple[int, int]:
    """Flags of a word, and how many trailing characters are a genitive ending."""
    flags = table.get(low)
    if flags is not None:
        return flags, 0
    if "'" in low:
        stem, _, tail = low.rpartition("'")
        stem_flags = table.get(stem, 0)
        if tail == "s" and stem_flags & NAME:
            return stem_flags, 2
        if tail in _CONTRACTIONS:
            return COMMON, 0  # "I'm", "it's", "don't"
    if "-" in low:
        if shape != LOWER and len(low) > 5 and low[-1] == "s":
            # a hyphenated name's genitive: "Anne-Lises husleie", "Per-Christians konto"
            stem_flags = _hyphenated(low[:-1], table, capital_tail)
            if stem_flags & NAME and not stem_flags & (AMBIGUOUS | NOT_NAME):
                return stem_flags, 1
        return _hyphenated(low, table, capital_tail), 0
    if not low.isascii():
        folded_flags = table.get(fold(low), 0)
        if folded_flags & NAME and not folded_flags & (AMBIGUOUS | NOT_NAME):
            return folded_flags, 0  # "Trần" -> "tran"; but "Grøtte" is no "grotte"
    if shape == CAP and len(low) > 3 and low[-1] == "s":
        stem_flags = table.get(low[:-1], 0)
        if stem_flags & NAME and not stem_flags & (AMBIGUOUS | NOT_NAME):
            return stem_flags, 1
    return 0, 0


@functools.lru_cache(maxsize=65_536)
def fold(low: str) -> str:
    """Without diacritics, for names typed in their own alphabet ("trần", "yılmaz").

    Cached (bounded): the name rules fold every word of a message that names someone, and chat repeats its
    words; the decomposition costs far more than a cache hit."""
    decomposed = unicodedata.normalize("NFKD", low.translate(_FOLD_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: The endings of institutions' compound names: "Finansklagenemnda", "Sparebankstiftelsen",
#: "Säkerhetsavdelningen", "Lånekassen", "Skatteetaten", "Forbrukertilsynet"; a bank's departments and
#: shops ("Etterlatteavdelinga", "Betalingsformidling", "Bedriftsmarked", "Kaffebrenneriet").
_INSTITUTION = re.compile(
    r"(?:nemnda?|nemnden|stiftelsen?|avdelingen|avdelinga|avdeling|avdelningen|afdelingen|formidling(?:en)?"
    r"|markedet|marked|eriet|banken|kassen|kassa|etaten|verket"
    r"|tilsynet|direktoratet|senteret|sentret|sentralen|kontoret|forbundet|foreningen|föreningen|laget"
    r"|klubben|skolen|skolan|huset|kommune|kommun|departementet|instituttet|gruppen|selskapet|kompaniet"
    r"|butikken|apoteket|sykehuset|sjukehuset|universitetet|høgskolen|høyskolen|politiet|tingrett|lagmannsrett)$"
)

#: The heads of everyday compounds a chat about money is full of, which no name ends with:
#: "landbrukslån", "boliglån", "sparekonto", "bankkort", "strømregning", "husleieavtale".
_EVERYDAY_COMPOUND = re.compile(
    r"(?<=[a-zæøå]{4})(?:lån|konto|kort|avtale|forsikring|regning|rente|gebyr|betaling|overføring|faktura"
    r"|nummer|saldo|sparing|kreditt|innskudd|pensjon|skatt|avgift|lønn|trygd|stønad|utbytte|utskrift"
    r"|erklæring|fullmakt|søknad|tilbud|takst|depositum|husleie)$"
)


def institution_word(low: str) -> bool:
    """A compound that names an institution, a department or a shop by its ending (``_INSTITUTION``)."""
    return len(low) >= 9 and _INSTITUTION.search(low) is not None


@functools.lru_cache(maxsize=65_536)
def wordlike(low: str) -> bool:
    """A word in no list that is an inflected or compound common word ("kontonummeret", "strømregningen").

    Only asked about unknown words the rules below would otherwise take for a name. Compounds are split
    only before a definite ending: undeclined farm names are compounds of common words too ("Holtberg").
    """
    if institution_word(low):
        return True
    if len(low) >= 7 and _EVERYDAY_COMPOUND.search(low):
        return True
    table = word_flags()
    for ending in INFLECTIONS:
        if not low.endswith(ending):
            continue
        stem = low[: -len(ending)]
        if len(stem) < 4:
            continue  # "Veka", "Mugar" are no inflections of "vek", "mug"
        definite = ending in DEFINITE_ENDINGS
        if table.get(stem, 0) & COMMON or (definite and table.get(stem + "e", 0) & COMMON):
            return True
        if definite:
            for k in range(3, len(stem) - 3):
                if table.get(stem[k:], 0) & COMMON and not table.get(stem[k:], 0) & NAME:
                    return True
    return False


def unknown_name_word(toks: Tokens, k: int) -> bool:
    """Capitalised word ``k`` is in no list, and reads as a name rather than a word or a typo of one."""
    flags = toks.flags[k]
    low = toks.low[k]
    return (
        toks.shape[k] == CAP
        and not flags & (NAME | COMMON | NOT_NAME | PARTICLE)
        and len(low) >= 3
        and not wordlike(low)
    )


#: Where a farm lies on the land it was split from: "Ytre-Vik", "Nedre-Bø", "Øvre-Eide", "Store-Haugen".
#: A farm so named is a surname, though its last part is a word or a place ("vik", "bø"). Not the points
#: of the compass alone ("Nord-Norge", "Sør-Afrika", "Vest-Agder"), which name regions.
FARM_POSITIONS = frozenset(
    {"ytre", "indre", "nedre", "øvre", "øvste", "nordre", "søndre", "vestre", "austre", "østre", "midtre",
     "store", "vesle", "lille", "litle", "nørdre", "syndre", "mellom"}
)  # fmt: skip


def _hyphenated(low: str, table: dict[str, int], capital_tail: bool = False) -> int:
    """Anne-Lise and Hansen-Berg are names when their parts are; e-post and Bank-ID are not. With
    ``capital_tail`` (the part after the last hyphen is capitalised) a surname and a word are a double
    surname: "Haugland-Sæle", where "Hansen-jakke" is a jacket; so is a farm's position and its name,
    "Ytre-Vik", "Nedre-Bø" (``FARM_POSITIONS``): Western Norway's double surnames."""
    if capital_tail:
        position, _, tail = low.partition("-")
        tail_flags = table.get(tail, 0)
        # (not "Vesle-Kari", "Lille-Mari": a given name after "little" is a pet name, read as its parts)
        given = tail_flags & GIVEN and not tail_flags & SURNAME
        farm = position in FARM_POSITIONS and len(tail) >= 2 and "-" not in tail
        if farm and not tail_flags & FUNCTION and not given:
            return SURNAME | AMBIGUOUS
    flags = 0
    named = True
    ambiguous = True
    place = False
    for part in low.split("-"):
        f = table.get(part, 0)
        if f & PARTICLE:
            continue
        if f & NOT_NAME:
            place = True  # "Solberg-Nes" is a surname; "Oslo-Bergen" and "DNB-konto" are not
            continue
        if not f & NAME:
            named = False
        elif not f & AMBIGUOUS:
            ambiguous = False
        flags |= f
    if place:
        return SURNAME | AMBIGUOUS if named and flags & SURNAME and not ambiguous else NOT_NAME
    last = table.get(low.rsplit("-", 1)[-1], 0)
    if not named and last & SURNAME and not last & (AMBIGUOUS | NOT_NAME):
        return SURNAME | AMBIGUOUS  # "Bratt-Hansen", "Lund-Eriksen": a word and a surname
    if named and flags & NAME:
        # "May-Britt", "Liv-Marit": a hyphenated name is soft or ambiguous only if every part is
        return (flags & NAME) | (AMBIGUOUS | (flags & SOFT) if ambiguous else 0)
    if flags & COMMON and capital_tail:
        head_word = low.partition("-")[0]
        head = table.get(head_word, 0)
        if head & SURNAME and not head & (AMBIGUOUS | NOT_NAME):
            return SURNAME | AMBIGUOUS  # "Haugland-Sæle" (but "Hansen-jakke" is a jacket)
        if not head and len(head_word) >= 4 and not wordlike(head_word):
            return 0  # "Whitcombe-Price": a double surname whose first half is in no list
    return COMMON if flags & COMMON else 0


#: (lower case, shape, flags, genitive trim) per word as written. Why: these depend on the word alone,
#: and chat repeats a small vocabulary ("jeg", "konto", "til"), so one dict lookup replaces lower(), the
#: shape tests and the flag lookup (with ``_lookup``'s hyphen/genitive/diacritic cases) for most words.
#: Bounded: cleared when full, so a flood of distinct words cannot grow it without limit.
_WORD_CACHE_SIZE = 50_000
_word_cache: dict[str, tuple[str, int, int, int]] = {}
_word_cache_table: list[dict[str, int] | None] = [None]


def _word_facts(word: str, table: dict[str, int]) -> tuple[str, int, int, int]:
    """Lower case, shape, flags and genitive trim of one word (``tokenize``'s per-word work)."""
    low = word.lower()
    if not word[0].isupper():
        shape = shape_of(word) if ("-" in word or "'" in word or "’" in word) else LOWER
    elif len(word) > 1 and word.isupper():
        shape = UPPER
    else:
        shape = CAP
    flags = table.get(low)
    trim = 0
    if flags is None:
        capital_tail = "-" in word and word.rpartition("-")[2][:1].isupper()
        flags, trim = _lookup(low.replace("’", "'"), shape, table, capital_tail)
    elif flags & FUNCTION and shape != CAP:
        flags &= ~(NAME | AMBIGUOUS | WELL_KNOWN)  # "ha", "kan", "men": words, not the names they also are
    return low, shape, flags, trim


def tokenize(text: str) -> Tokens:
    """The words of ``text`` that can be part of a name (not those inside e-mail addresses or links).

    Written for speed (it runs on every message): parallel lists, one dict lookup per word, the rare
    cases (hyphens, genitives, diacritics) in ``_lookup``.
    """
    table = word_flags()
    if table is not _word_cache_table[0]:
        _word_cache.clear()  # the word lists were rebuilt: cached flags may be stale
        _word_cache_table[0] = table
    cache = _word_cache
    starts: list[int] = []
    ends: list[int] = []
    lows: list[str] = []
    shapes: list[int] = []
    flags_: list[int] = []
    initial: list[bool] = []
    trims: list[int] = []
    gaps: list[str] = []
    skip = (
        [
            m.span()
            for m in _NOT_PROSE.finditer(text)
            if not _SLASHED_NAMES.fullmatch(m.group()) and not _slashed_given(m.group(), table)
        ]
        if ("@" in text or "/" in text or "_" in text)
        else []
    )
    prev_end = 0
    cached = cache.get
    no_break = SENTENCE_BREAK.isdisjoint
    for m in _WORD.finditer(text):
        s, e = m.span()
        if skip and any(a <= s < b for a, b in skip):
            continue
        word = m.group()
        known = cached(word)
        if known is None:
            known = _word_facts(word, table)
            if len(cache) >= _WORD_CACHE_SIZE:
                cache.clear()
            cache[word] = known
        low, shape, flags, trim = known
        starts.append(s)
        ends.append(e)
        lows.append(low)
        shapes.append(shape)
        flags_.append(flags)
        trims.append(trim)
        if prev_end:
            gap = text[prev_end:s]
            gaps.append(gap)
            # a point inside a number ("2.500") is no break: the regex runs only on gaps with a break in them
            initial.append(not no_break(gap) and breaks_sentence(gap))
        else:
            initial.append(True)
        prev_end = e
    return Tokens(text, starts, ends, lows, shapes, flags_, initial, trims, gaps)


def _slashed_given(chunk: str, table: dict[str, int]) -> bool:
    """ "siv/unni/eli": listed given names in lower case joined by slashes are a list, not a path."""
    parts = chunk.rstrip(".,!?").split("/")
    return len(parts) >= 2 and all(p.isalpha() and p.islower() and table.get(p, 0) & GIVEN for p in parts)


def closed(toks: Tokens, j: int) -> bool:
    """Word ``j`` ends the text, or is followed by punctuation, a dash between spaces, an emoji or a
    "please" ("til Per." / "for Per please" / "sol her 🌞 ka e renta" / "Eva Lunde Grini - Storgata 2")."""
    return (j + 1 >= len(toks.low) and not toks.text[toks.end[j] :].strip()[:1].isalnum()) or (
        j + 1 < len(toks.low)
        and (
            any(c in _CLOSERS or _is_emoji(c) for c in toks.gap(j))
            or toks.low[j + 1] in POLITE
            or toks.gap(j).replace("-", "", 1) == "  "
        )
    )


#: What ends a name after it: a sentence break or a comma; and a dash between spaces ("Eva Lunde Grini –
#: Storgata 2"; normalize.py has made every dash a "-"), which sets off an apposition as a comma does.
_CLOSERS = SENTENCE_BREAK | {","}


#: Characters that open a clause before a word (punctuation or a line break).
_OPENERS = frozenset(".,;:!?\n")


def opens_clause(toks: Tokens, k: int) -> bool:
    """Word ``k`` opens the message, a sentence or a clause (after punctuation or a line break): the
    counterpart of ``closed``."""
    return k == 0 or any(c in _OPENERS for c in toks.gap(k - 1))


def after_emoji(toks: Tokens, k: int) -> bool:
    """An emoji stands right before word ``k``: chat ends a sentence with one as with a full stop ("takk
    for sist 👍 even sa du kunne ..."), though ``Tokens.initial`` (which capitalisation rules read) does
    not count it."""
    return k > 0 and any(_is_emoji(c) for c in toks.gap(k - 1))


def _is_emoji(ch: str) -> bool:
    return ch >= "\u2600" and unicodedata.category(ch) == "So"


def next_is_name(toks: Tokens, j: int) -> bool:
    return (
        j + 1 < len(toks.low)
        and toks.gap(j) == " "
        and bool(toks.flags[j + 1] & NAME)
        and not toks.flags[j + 1] & (NOT_NAME | SOFT)
    )


def joined(toks: Tokens, i: int) -> bool:
    """Words ``i`` and ``i + 1`` belong to one name: separated by one space, or an initial ("Ole J. Hansen")."""
    gap = toks.gap(i).replace("\xa0", " ")  # a no-break space: "Mr\xa0J.\xa0van der Berg"
    return gap == " " or (gap == ". " and len(toks.low[i]) == 1)
