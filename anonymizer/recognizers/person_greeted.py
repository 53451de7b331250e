"""PERSON, continued: a writer who greets, then names herself by the office or team she writes from.

Why: staff and company customers open with a greeting and "X from the accounting office", "Kari fra
lønnsavdelingen", with no verb after; the rules for "X from your office said" want one. Right after a
greeting, a listed given name (also one that is a word) followed by "from"/"fra" and, within a few
words, a noun for a part of an organisation (office, team, department, "-avdelingen", "kontoret") is
the writer's name: a greeting is followed by who writes, and no bill or stone writes from an office.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import FUNCTION, GIVEN, NOT_NAME
from anonymizer.recognizers._tokens import Tokens, closed
from anonymizer.recognizers.person_context import SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_words import _GREETINGS, plain_gap

_FROM = frozenset({"from", "fra", "frå"})
#: Parts of an organisation one writes from.
_UNITS = frozenset(
    {"office", "team", "department", "dept", "desk", "branch", "kontoret", "kontor", "teamet", "avdeling",
     "avdelingen", "filialen", "kundeservice", "sekretariatet", "økonomiavdelingen", "regnskapet"}
)  # fmt: skip
_UNIT_ENDINGS = ("avdelingen", "avdeling", "kontoret")
#: After the office, where it is or "here", never a verb: "Dawn from the office at X", "Kari fra kontoret
#: her"; not "bill fra kontoret kom i går", a bill that came.
_AFTER_UNIT = frozenset({"at", "i", "in", "på", "hos", "her", "here", "og", "and", "with", "med", "of", "for"})
#: The words a message must hold for ``greeted_names`` (the caller's cheap test).
GREETED_FROM = frozenset({"from", "fra", "frå"})
#: How many words after "from" the unit may stand ("from the accounting office" is three).
_REACH = 5


def greeted_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(word, word, score) of a given name right after a greeting, before "from" and an office."""
    low, n = toks.low, len(toks.low)
    for j in range(1, n - 2):
        if covered[j] or low[j - 1] not in _GREETINGS or low[j + 1] not in _FROM or not plain_gap(toks, j):
            continue
        if toks.gap(j - 1).strip() not in ("", ",", "!", ".", "!!"):
            continue
        flags = toks.flags[j]
        if not flags & GIVEN or flags & (FUNCTION | NOT_NAME) or is_pronoun(low[j]) or len(low[j]) < 2:
            continue
        for m in range(j + 2, min(j + 2 + _REACH, n)):
            if not plain_gap(toks, m - 1):
                break
            if low[m] in _UNITS or low[m].endswith(_UNIT_ENDINGS):
                if closed(toks, m) or (m + 1 < n and low[m + 1] in _AFTER_UNIT and plain_gap(toks, m)):
                    yield j, j, SCORE_KNOWN_LOWER  # "Hi! Dawn from the accounting office at ..."
                break
