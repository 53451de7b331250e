"""PERSON, continued: the particles before a surname ("von Krogh", "Van Der Berg", "de la Cruz").

Why: Dutch, German, Iberian and Arabic surnames open with particles ("van der", "von", "de los", "bin")
that belong to the surname: "Etternavnet er von Krogh" leaves "von" readable if only "Krogh" is taken,
and a surname written with capitalised particles ("Van Der Berg") has no given name or cue to vouch for
it. ``person_extend.extend`` already keeps particles *inside* a name ("Anna van der Berg"); here they are
taken when they *open* it.

Several particles are also Norwegian closed-class words ("de" they, "da" then, "den", "der", "la" let,
"du"): one of those alone only opens a surname after a cue, and the rule without a cue wants a particle
that is no Norwegian word ("von", "van", "bin") or two particles in a row ("De La", "Van Der").
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NOT_NAME, PARTICLE, SOFT, SURNAME
from anonymizer.recognizers._tokens import CAP, LOWER, UPPER, Tokens, unknown_name_word

#: Particles that are no Norwegian or English word: one alone opens a surname ("von Krogh", "bin Said").
SAFE_PARTICLES = frozenset(
    {"von", "van", "vom", "zu", "zum", "bin", "ibn", "abu", "al", "dos", "della", "los", "dela", "delos", "delas",
     "ould"}
)  # fmt: skip
#: The longest run of particles before a surname ("de los", "van de", "von und zu" is rarer still).
_MAX_PARTICLES = 3
SCORE_PARTICLE_SURNAME = 0.75


def _run_end(toks: Tokens, j: int) -> int | None:
    """The word after the particles that start at ``j`` (joined by single spaces), or None."""
    n = len(toks.low)
    k = j
    while k < n and toks.flags[k] & PARTICLE and k - j < _MAX_PARTICLES:
        if k + 1 >= n or toks.gap(k).replace("\xa0", " ") != " ":
            return None
        k += 1
    if k == j or k >= n or toks.flags[k] & PARTICLE:
        return None
    return k


def safe_run(toks: Tokens, j: int, k: int) -> bool:
    """The particles ``j``..``k - 1`` are two or more, or one that is no everyday word."""
    return k - j >= 2 or toks.low[j] in SAFE_PARTICLES


def particles_then(toks: Tokens, j: int) -> int | None:
    """Word ``j`` opens a run of particles: the word after them (the surname to judge), or None."""
    if not toks.flags[j] & PARTICLE:
        return None
    return _run_end(toks, j)


def particles_before(toks: Tokens, first: int, covered: list[bool]) -> int:
    """The first word of a found name with the particles just before it ("von" of "von Krogh").

    Only particles of the name's own case or lower case ("von Krogh", "Van Der Berg"), and a single
    particle that is also a Norwegian word ("de", "da") only if the name after it is a surname in capitals
    or capitalised and no given name ("de Vries", not "da Per").
    """
    if first == 0 or not toks.flags[first - 1] & PARTICLE:
        return first
    k = first
    while (
        k > 0
        and first - k < _MAX_PARTICLES
        and not covered[k - 1]
        and toks.flags[k - 1] & PARTICLE
        and toks.gap(k - 1).replace("\xa0", " ") == " "
        and toks.shape[k - 1] in (LOWER, toks.shape[first])
    ):
        k -= 1
    if k == first:
        return first
    if k > 0 and toks.flags[k - 1] & PARTICLE:
        return first  # more particles than a name has: words, not a surname's particles
    inner = first
    while inner < len(toks.low) and toks.flags[inner] & PARTICLE:
        inner += 1  # the name found opens with particles of its own: "[De] La Cruz"
    if safe_run(toks, k, inner):
        return k
    flags = toks.flags[first]
    if toks.shape[first] != LOWER and flags & SURNAME and not flags & (GIVEN | NOT_NAME | FUNCTION):
        return k  # "de Vries", "da Costa"
    return first


def particle_names(toks: Tokens, covered: list[bool]) -> list[tuple[int, int]]:
    """Capitalised particles before a capitalised surname, no cue needed: "Van Der Berg", "Von Trapp",
    "De La Cruz". (first word, last word) per name."""
    found: list[tuple[int, int]] = []
    n = len(toks.low)
    i = 0
    while i < n - 1:
        if covered[i] or not toks.flags[i] & PARTICLE or toks.shape[i] != CAP:
            i += 1
            continue
        k = _run_end(toks, i)
        if k is None or not safe_run(toks, i, k) or covered[k] or toks.shape[k] not in (CAP, UPPER):
            i += 1
            continue
        if any(toks.shape[m] != CAP for m in range(i, k)):
            i += 1
            continue  # "Van der" mixed is handled by extend after a given name
        flags = toks.flags[k]
        surname = bool(flags & SURNAME) and not flags & (NOT_NAME | FUNCTION | SOFT)
        unknown = unknown_name_word(toks, k)
        if surname or (unknown and not flags & COMMON):
            found.append((i, k))
            i = k + 1
            continue
        i += 1
    return found


def particles_after(toks: Tokens, first: int, last: int) -> int:
    """The first word of a found name past the particles it opens with ("Yusuf" of "abu Yusuf"): what
    the list rules take as the name's edge, so that a greeting before a lower-case particle ("salam, abu
    Yusuf") is not read as another name in a lower-case list."""
    while first < last and toks.flags[first] & PARTICLE:
        first += 1
    return first
