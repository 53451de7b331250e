"""PERSON, continued (round 30): a listed given name that is also a word, a month, a place or written in
capitals, inside a frame that a reader takes at once as the writer introducing themself or naming a
little one of the family.

Why: in short chat the writer says who they are in a handful of set frames: "det er STEIN her.", "d e sol
her, kona te ...", "Kari og Jo her 😊", "hi, I'm june park – ...", "i am joy i have a question", "its
sophie the nanny", "eg e Dag som skriv". The word-name vetoes ("stein", "sol", "jo", "june", "joy" are
words; STEIN is shouting) win over the general cue rules there. Inside these frames, though, the word
can only be the writer's name, provided the frame closes right after it: the name is followed by a
comma, the sentence's end, "her"/"here"/"again", a surname, "fra"/"from", or a new clause ("and I ...",
"i have ..."). So "I'm happy", "jeg er sikker", "det er stein her i hagen" stay words: either the word
is no listed given name, or the frame does not close after it (a place after "her"), or the word is one
of the few given names that are mostly predicates ("I'm done.", "jeg er lei.", "hey honey,").

A baby or a small child is named with "little"/"lille"/"vesle" before the name in a family message:
"we had a baby (little Juno!)", "vesle Storm er syk"; capitalised, since "lille venn", "little sunshine"
in lower case are endearments.

Each rule is gated by a word of its frame, so that a message without one costs a few set tests.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NOT_NAME, PARTICLE, SOFT, SURNAME
from anonymizer.recognizers._tokens import CAP, LOWER, Tokens
from anonymizer.recognizers.person_not_names import listed_kinds
from anonymizer.recognizers.person_words import relations

SCORE_FRAMED = 0.8  #: as after a greeting cue (person.SCORE["greeting"])

#: "it's X", "det er X", "d e X": the cleft that says who writes; at the start of the message or of a
#: sentence, or after a greeting.
_CLEFTS: tuple[tuple[str, ...], ...] = (
    ("it's",), ("its",), ("it", "is"), ("this", "is"), ("det", "er"), ("det", "e"), ("d", "e"), ("de", "e"),
    ("dette", "er"), ("detta", "e"), ("her", "er"), ("her", "e"),
)  # fmt: skip
#: "I'm X", "jeg er X", "æ e X": the writer says who they are.
_FIRST_PERSON: tuple[tuple[str, ...], ...] = (
    ("i'm",), ("im",), ("i", "am"), ("jeg", "er"), ("eg", "er"), ("eg", "e"), ("æ", "e"), ("je", "e"),
    ("jæ", "e"), ("jeg", "e"),
)  # fmt: skip
_FRAME_LAST = frozenset(p[-1] for p in _CLEFTS + _FIRST_PERSON)
#: Greetings that may open the message before the frame: "hei. det er ...", "hi, I'm ...".
_GREETINGS = frozenset(
    {"hei", "hi", "hallo", "hello", "hey", "heisann", "hoi", "hæ", "halla", "god", "morn", "morgen", "dag",
     "kveld", "hiii", "hii", "heia", "yo", "okei", "ok", "sorry", "unnskyld", "beklager", "good", "morning"}
)  # fmt: skip
#: "X her", "X here": the word after a name that closes a self-introduction.
_HERE = frozenset({"her", "here", "hær", "här"})
#: Words after which a self-introduced name has ended ("I'm Joy and I ...", "eg e Dag som skriv").
_AFTER_NAME = frozenset({"again", "igjen", "igen", "atter", "fra", "frå", "from", "som", "who", "speaking"})
#: "again": after a cleft also a season or a month's ("det er vår igjen").
_AGAIN = frozenset({"again", "igjen", "igjenn", "igen", "atter"})
#: What may follow a lower-case everyday word that is a name after "jeg er" / "det er": "her", "igjen", "fra".
_STRONG_AFTER = _HERE | {"igjen", "igjenn", "again", "fra", "frå", "from"}
#: After "and"/"og", a new clause: a subject pronoun or the writer ("I'm June and I need ...").
_CLAUSE_OPENERS = frozenset(
    {"i", "jeg", "eg", "æ", "je", "my", "min", "mi", "mitt", "me", "vi", "we", "he", "she", "han", "hun", "ho",
     "i'm", "im", "i've", "ive", "i'd", "this", "dette", "the", "your", "din", "har", "have", "need",
     "trenger", "treng", "lurer", "wonder", "want", "vil", "would", "skal", "has", "had", "got"}
)  # fmt: skip
#: Given names that are mostly predicates or terms of endearment after "I'm", "jeg er", "hey": "I'm done.",
#: "jeg er lei.", "i am sad,", "hey honey,", "it's just ...", "det er bra."
_PREDICATES = frozenset(
    {"done", "rich", "young", "ok", "okay", "sad", "bra", "lei", "just", "sunny", "honey", "love", "man", "kun",
     "alt", "so", "in", "on", "an", "the", "frank", "gay", "ung", "free", "grand", "sweet", "fair", "brave",
     "major", "sure", "well", "glad", "snill", "klar", "fri", "dear", "baby", "babe", "king", "queen", "god",
     "stor", "liten", "stolt", "proud", "here", "back", "fine", "new", "ny", "sent", "late", "early", "ma",
     "mate", "buddy", "pal", "miss", "boss", "bro", "dude", "sweetie", "darling", "chief", "sis", "mum", "mom"}
)  # fmt: skip
#: Endings of the frame's close in the gap after the name: punctuation, a dash, an emoji.
_CLOSING_MARKS = frozenset(",.!?;:()–—-…")
#: Greetings that open a message before the name of the one greeted: "hei june, ...", "hi joy! ...".
_HELLO = frozenset(
    {"hei", "hi", "hello", "hey", "hallo", "heisann", "hoi", "halla", "heia", "hiii", "hii", "dear", "kjære"}
)
#: "little Juno", "lille Storm", "vesle Sol": the diminutives a small child is named after.
_LITTLE = frozenset({"little", "lille", "vesle", "veslemøy", "litle", "lill", "lil"})
#: Words that put a message in the family: a birth, a child, a baby.
_FAMILY = frozenset(
    {"baby", "babyen", "born", "barn", "barna", "barnet", "kid", "kids", "child", "children", "daughter", "son",
     "datter", "dattera", "datteren", "dotter", "sønn", "sønnen", "sonen", "jenta", "gutten", "newborn",
     "fødd", "født", "fødsel", "birth", "sister", "brother", "søster", "bror", "lillebror", "lillesøster",
     "veslebror", "veslesøster", "family", "familie", "familien"}
)  # fmt: skip


def framed_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of the names these frames give away, among words not yet ``covered``."""
    low = toks.low
    n = len(low)
    if not _HERE.isdisjoint(low):
        for h in range(1, n):
            if low[h] in _HERE and _closes(toks, h):
                found = _named_here(toks, h, covered)
                if found is not None:
                    yield from found
    if not _FRAME_LAST.isdisjoint(low):
        for i in range(n - 1):
            if low[i] in _FRAME_LAST and not covered[i + 1]:
                found_after = _after_frame(toks, i)
                if found_after is not None and not any(covered[i + 1 : found_after + 1]):
                    yield i + 1, found_after, SCORE_FRAMED
    if n > 2 and low[0] in _HELLO and not covered[1] and (j := _greeted(toks)) is not None:
        yield j, j, SCORE_FRAMED  # "hei june, takk for sist", "Hi JOY!"
    if not _LITTLE.isdisjoint(low) and not _FAMILY.isdisjoint(low):
        for i in range(n - 1):
            if low[i] in _LITTLE and not covered[i + 1] and _little_one(toks, i + 1):
                yield i + 1, i + 1, SCORE_FRAMED


def _greeted(toks: Tokens) -> int | None:
    """The word greeted by name at the message's start: one or two greetings, then a listed given name in
    any case, set off at once by a comma or "!" ("hei june, takk for sist", "hei hei SOL!"); not "hei sol
    og regn"."""
    j = 1 if toks.low[1] not in _HELLO else 2
    if j + 1 >= len(toks.low) or any(toks.gap(k) != " " for k in range(j)) or not _given(toks, j):
        return None
    if toks.low[j] in _HELLO:
        return None
    rest = toks.text[toks.end[j] :]
    return j if rest[:1] in (",", "!") and not rest[1:].lstrip(" ")[:1].isdigit() else None


def _given(toks: Tokens, k: int, *, lower_ok: bool = True) -> bool:
    """Word ``k`` is a listed given name that may be a person's here: any case (a capitalised word or one in
    capitals if ``lower_ok`` is false), no closed-class word, cue word, pronoun or predicate."""
    flags = toks.flags[k]
    low = toks.low[k]
    if not flags & GIVEN or flags & (NOT_NAME | PARTICLE | FUNCTION) or len(low) < 2 or toks.trim[k]:
        return False
    if not lower_ok and toks.shape[k] == LOWER and flags & COMMON:
        return False
    if low in _PREDICATES or low in relations().pronoun or is_cue_word(low):
        return False
    return "nation" not in listed_kinds(low)  # "I am thai.", "jeg er norsk"


def _closes(toks: Tokens, k: int) -> bool:
    """The frame closes after word ``k``: the text ends, or punctuation, an emoji or a line break follows
    (but no number: "I'm May 2024"); not a word that goes on ("her i hagen")."""
    n = len(toks.low)
    if k + 1 >= n:
        rest = toks.text[toks.end[k] :].strip()
        return not rest[:1].isalnum()
    gap = toks.gap(k)
    mark = gap.strip()
    if not mark:
        return False
    if mark[0] in _CLOSING_MARKS or "\n" in gap or not mark[0].isascii():
        return not toks.text[toks.end[k] :].lstrip(" ,")[:1].isdigit()
    return False


def _opens(toks: Tokens, k: int) -> bool:
    """Word ``k`` opens the message or a sentence, perhaps after greetings ("hei hei, ...", "hi. ...")."""
    while k > 0:
        gap = toks.gap(k - 1)
        if any(c in ".!?\n" for c in gap):
            return True
        if toks.low[k - 1] not in _GREETINGS:
            return False
        k -= 1
    return True


def _named_here(toks: Tokens, h: int, covered: list[bool]) -> list[tuple[int, int, float]] | None:
    """The names before "her"/"here" at ``h``: "STEIN her.", "d e sol her,", "Kari og Jo her 😊", "Hei,
    Stein Are Lid her." One or two people (joined by "og"/"and"/"&"), each one to three words whose first
    is a listed given name; the run opens a sentence or follows a cleft ("det er") that does."""
    last = h - 1
    if toks.gap(last).strip():
        return None
    people: list[tuple[int, int]] = []
    for first in _starts(toks, last, loose=False):
        if _opens(toks, first) or _after_cleft(toks, first):
            people = [(first, last)]
            break
    if not people:
        for first in _starts(toks, last, loose=True):
            k = first - 1  # "Kari og Jo her": the second of two people may be a closed-class word
            if k < 1 or toks.low[k] not in ("og", "and", "&") or toks.gap(k - 1) != " " or toks.gap(k) != " ":
                continue
            for first0 in _starts(toks, k - 1, loose=False):
                if _opens(toks, first0) or _after_cleft(toks, first0):
                    people = [(first0, k - 1), (first, last)]
                    break
            if people:
                break
    if not people:
        return None
    start = people[0][0]
    if toks.shape[start] == LOWER and toks.flags[start] & COMMON and not _at_start(toks, start):
        return None  # "ja, sol her." inside a message is weather; at its start the writer
    found = []
    for a, b in people:
        while a <= b and covered[a]:
            a += 1
        if a <= b and not any(covered[a : b + 1]):
            found.append((a, b, SCORE_FRAMED))
    return found or None


def _starts(toks: Tokens, last: int, *, loose: bool) -> Iterator[int]:
    """Where a name of one to three words ending at word ``last`` may start, the longest first: a listed
    given name (with ``loose`` also a capitalised closed-class one), then words of a name."""
    for first in range(max(0, last - 2), last + 1):
        if any(toks.gap(m) != " " for m in range(first, last)):
            continue
        head = _given(toks, first) or (loose and _pair_name(toks, first))
        if head and all(_tail_word(toks, m, toks.shape[first]) for m in range(first + 1, last + 1)):
            yield first


def _tail_word(toks: Tokens, k: int, head_shape: int) -> bool:
    """Word ``k`` may belong to a name after its given name: a listed name, or a capitalised word after a
    capitalised given name ("Stein Are Lid her")."""
    flags = toks.flags[k]
    if flags & NOT_NAME or toks.low[k] in relations().pronoun or is_cue_word(toks.low[k]):
        return False
    if toks.shape[k] != LOWER and head_shape != LOWER:
        return True
    return toks.shape[k] == head_shape and bool(flags & SURNAME) and not flags & FUNCTION


def _pair_name(toks: Tokens, k: int) -> bool:
    """The second of two people before "her" may be a given name that is a closed-class word too ("Kari og
    Jo her"), when capitalised."""
    flags = toks.flags[k]
    return bool(flags & GIVEN) and toks.shape[k] != LOWER and toks.low[k] not in relations().pronoun


def _after_cleft(toks: Tokens, k: int) -> bool:
    """A cleft or a first-person frame ends right before word ``k`` and opens its sentence."""
    for phrase in _CLEFTS + _FIRST_PERSON:
        first = k - len(phrase)
        words = first >= 0 and all(toks.low[first + m] == w for m, w in enumerate(phrase))
        if words and all(toks.gap(first + m) == " " for m in range(len(phrase))):
            return _opens(toks, first)
    return False


_OPENING_WORDS = _GREETINGS | {w for p in _CLEFTS + _FIRST_PERSON for w in p}


def _at_start(toks: Tokens, k: int) -> bool:
    """Word ``k`` stands in the message's first sentence, only greetings and a cleft before it."""
    return all(toks.low[m] in _OPENING_WORDS for m in range(k))


def _after_frame(toks: Tokens, i: int) -> int | None:
    """The last word of the name right after a cleft or a first-person frame ending at word ``i``, when the
    frame closes after the name; or None."""
    j = i + 1
    low = toks.low
    # The word's own flags first: most words after "er"/"is" are no given name, and cost no more.
    if toks.gap(i).strip(" ") or not _given(toks, j):
        return None
    cleft = _frame_at(toks, i, _CLEFTS)
    first_person = _frame_at(toks, i, _FIRST_PERSON)
    if cleft is None and first_person is None:
        return None
    frame_start = cleft if cleft is not None else first_person
    assert frame_start is not None
    if cleft is not None and first_person is None and not _opens(toks, frame_start):
        return None  # "sa at det er sol" is no cleft of the writer
    last = j
    n = len(low)
    if j + 1 < n and toks.gap(j) == " " and _surname_after(toks, j + 1):
        last = j + 1  # "I'm june park", "det er STEIN HAUGE"
    soft = bool(toks.flags[j] & SOFT)
    if first_person is None and last == j and toks.flags[j] & (COMMON | SOFT) and _next(toks, j) in _AGAIN:
        return None  # "det er vår igjen", "it's june again": a season or a month comes round again
    # "jeg er bonde.", "eg er vikar og har": Norwegian puts no article before a trade, so a word after
    # "jeg er" / "det er" in lower case is a name only before a surname, "her", "igjen" or "fra"
    bare = toks.shape[j] == LOWER and bool(toks.flags[j] & COMMON) and low[i] in ("er", "e")
    if bare and last == j:
        nxt = _next(toks, j)
        return j if nxt in _STRONG_AFTER and (nxt not in _HERE or _closes(toks, j + 1)) else None
    if _closes(toks, last):
        if soft and last == j and cleft is not None:
            return None  # "it's June." is as often the month
        return last
    if last + 1 >= n or toks.gap(last) != " ":
        return None
    nxt = low[last + 1]
    if nxt in _HERE:
        return last if _closes(toks, last + 1) else None  # "det er STEIN her.", not "det er stein her i hagen"
    if nxt in _AFTER_NAME:
        return last
    if soft and last == j:
        return None  # "I'm may be late": a month or a modal needs a surname or a full close
    if first_person is not None and nxt == ("i" if low[i] in ("i'm", "im", "am") else "jeg"):
        return last  # "i am joy i have question": a run-on second clause (not "jeg er vikar i barnehage")
    if nxt in ("and", "og", "&") and last + 2 < n and low[last + 2] in _CLAUSE_OPENERS:
        return last  # "I'm Joy and I need", "jeg er Sol og har ..."
    if cleft is not None and nxt in ("the", "your", "din", "di", "ditt", "deres") and last + 2 < n:
        kin = low[last + 2]
        if kin in relations().kin or kin in ("au", "nanny", "neighbour", "neighbor", "tenant", "nabo", "leietaker"):
            return last  # "its sophie the au pair", "det er Stein din nabo"
    return None


def _next(toks: Tokens, j: int) -> str:
    """The word right after word ``j`` (one space between), or ""."""
    return toks.low[j + 1] if j + 1 < len(toks.low) and toks.gap(j) == " " else ""


def _frame_at(toks: Tokens, i: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """The first word of the phrase of ``phrases`` that ends at word ``i``, its words one space apart."""
    for phrase in phrases:
        first = i - len(phrase) + 1
        words = first >= 0 and all(toks.low[first + m] == w for m, w in enumerate(phrase))
        if words and all(toks.gap(first + m) == " " for m in range(len(phrase) - 1)):
            return first
    return None


def _surname_after(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a surname after a given name: a listed surname, in the given name's case or capitals."""
    flags = toks.flags[k]
    if not flags & SURNAME or flags & (NOT_NAME | FUNCTION | PARTICLE) or len(toks.low[k]) < 2:
        return False
    return toks.low[k] not in _PREDICATES and not is_cue_word(toks.low[k])


def _little_one(toks: Tokens, j: int) -> bool:
    """Word ``j`` after "little"/"lille" is a capitalised given name, and a mark or a verb closes it."""
    if toks.shape[j] != CAP or toks.initial[j] or not toks.flags[j] & GIVEN or toks.flags[j] & (NOT_NAME | FUNCTION):
        return False
    if toks.low[j] in relations().pronoun or toks.low[j] in relations().kin or is_cue_word(toks.low[j]):
        return False
    if toks.gap(j - 1) != " ":
        return False
    return _closes(toks, j) or (j + 1 < len(toks.low) and toks.low[j + 1] in ("er", "is", "was", "var", "har", "has"))
