"""PERSON, continued: initials without full stops and surnames after particles, after a cue.

Why: card and account fields print names as "MR S A PATEL" or "j. de vries": initials in capitals with no
full stop, or a lower-case surname after an initial and a particle. The surname is often a word in no
list, or one letter away from an English word ("vries", "tries"), so the cue rules would doubt it; after
a cue, an initial and a particle nothing but a surname stands there.

Also ``verb_next``: after a kin cue ("min samboer mai vil ha ..."), a name that is also a month is a
name when a verb of a person follows it, for a month wants and has nothing.
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import FUNCTION, NAME, NOT_NAME
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens

#: Initials a card prints before a surname ("S A PATEL"); more would be a code ("A B C D E").
_MAX_INITIALS = 3


def bare_initial(toks: Tokens, j: int) -> bool:
    """Word ``j`` is a capital letter with no full stop, one of at most three before a surname in capitals
    or capitalised, each followed by one space: "S A PATEL", "K Hansen". Not "I" before a verb ("I think"),
    which is lower case after it."""
    n = len(toks.low)
    k = j
    while k < n and len(toks.low[k]) == 1:
        letter = toks.text[toks.start[k]]
        if not letter.isupper() or toks.gap(k) != " " or k - j >= _MAX_INITIALS or k + 1 >= n:
            return False
        k += 1
    if k == j or len(toks.low[k]) < 2 or toks.shape[k] not in (UPPER, CAP):
        return False
    flags = toks.flags[k]
    return bool(flags & NAME) and not flags & (NOT_NAME | FUNCTION)


def particle_surname(toks: Tokens, k: int) -> bool:
    """Word ``k``, after an initial and a particle ("j. de vries", "A. van Dijk"), can be the surname: a
    word of three letters or more that is no closed-class word and no place, bank or brand."""
    flags = toks.flags[k]
    return len(toks.low[k]) >= 3 and toks.shape[k] in (LOWER, CAP, UPPER) and not flags & (NOT_NAME | FUNCTION)


# --- after a kin or role cue (person._role_name) ------------------------------------------------------

#: Verbs a person after "min samboer", "my wife" goes on with: "samboer mai vil ha", "wife June will".
_PERSON_VERBS = frozenset(
    {"vil", "skal", "ska", "har", "hadde", "kan", "må", "trenger", "treng", "fikk", "fekk", "får", "sa", "sier",
     "will", "would", "can", "has", "had", "needs", "wants", "said", "says", "is", "was"}
)  # fmt: skip


def verb_next(toks: Tokens, j: int) -> bool:
    """Word ``j`` is followed, after one space, by a verb a person goes on with ("mai vil", "June will")."""
    return j + 1 < len(toks.low) and toks.gap(j) == " " and toks.low[j + 1] in _PERSON_VERBS


def surname_initial(toks: Tokens, j: int) -> bool:
    """A capitalised word ``j`` is followed by the initial of a surname with its full stop: "from Mark H.",
    "til Rose K., som ...". A word does not take a capital letter and a full stop after it in a sentence;
    only "I" is a word of one capital letter."""
    k = j + 1
    if k >= len(toks.low) or toks.shape[j] != CAP or toks.gap(j) != " " or len(toks.low[k]) != 1:
        return False
    letter = toks.text[toks.start[k]]
    return letter.isupper() and letter != "I" and toks.text[toks.end[k] : toks.end[k] + 1] == "."


def initial_before_word(toks: Tokens, j: int) -> bool:
    """ "er O. Myren, som bur ...": a capital initial with its full stop, then a capitalised everyday word
    ("myren", the bog) that ends its clause, inside a sentence (after a small word such as "er", "til",
    "fra"). A letter that ends a sentence ("Plan B. Kontoen er ...") comes after a noun, and the
    capitalised word after it opens the next sentence instead of ending at a comma."""
    k = j + 1
    if k >= len(toks.low) or len(toks.low[j]) != 1 or toks.shape[j] == LOWER or toks.gap(j) != ". ":
        return False
    if j == 0 or toks.shape[j - 1] != LOWER or not toks.flags[j - 1] & FUNCTION or toks.gap(j - 1) != " ":
        return False
    if toks.shape[k] != CAP or toks.flags[k] & (NOT_NAME | FUNCTION) or len(toks.low[k]) < 3:
        return False
    return k + 1 == len(toks.low) or toks.gap(k).strip()[:1] in (",", ")", ";")
