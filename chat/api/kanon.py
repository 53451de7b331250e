"""Small-cell suppression for every published statistic (issue 13): no count under k, and none that
subtraction from published totals would give back.

A count of 1 for a rare topic on a given day can single a visitor out; so can a count that is hidden
but equals a published total minus the published rest of its row. The rule here:

1. **primary**: a cell built from 1 to k-1 sessions is reported as ``"<5"`` (0 reveals nobody: shown);
2. **complementary**: in every additive group (a total and the parts that sum to it: the kinds of a
   day, the topics of a day, the days of a column), one hidden member can be recovered by subtraction,
   so while any group has exactly one hidden member, its smallest other non-zero member is hidden too,
   until no group has exactly one (a fixpoint: each round only hides more, so it ends).

The API, the dashboard and its CSV all show the result of this one function: there is no other path
from the store's exact counts to a reader. What it does not promise: protection against an attacker
solving systems of equations across many overlapping tables (cell suppression in general); the tables
published here are small and fixed, and k = 5 with complementary suppression is what national
statistics offices publish for such tables.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Final

K: Final = 5
SUPPRESSED: Final = f"<{K}"

Cell = int | str


@dataclass
class Table:
    """Exact counts by key, and the additive groups among them."""

    values: dict[Hashable, int] = field(default_factory=dict)
    groups: list[tuple[Hashable, tuple[Hashable, ...]]] = field(default_factory=list)
    #: (cell, basis): the cell is built from the sessions counted by ``basis`` (a day's messages from its
    #: sessions), so it is hidden whenever its basis is, whatever its own size.
    bases: list[tuple[Hashable, Hashable]] = field(default_factory=list)

    def add(self, key: Hashable, value: int) -> None:
        self.values[key] = int(value)

    def group(self, total: Hashable, parts: Iterable[Hashable]) -> None:
        """``total`` is published and equals the sum of ``parts``."""
        self.groups.append((total, tuple(parts)))

    def based_on(self, cell: Hashable, basis: Hashable) -> None:
        self.bases.append((cell, basis))

    def hidden(self, k: int = K) -> set[Hashable]:
        hidden = {key for key, value in self.values.items() if 0 < value < k}
        changed = True
        while changed:
            changed = False
            for cell, basis in self.bases:
                if basis in hidden and cell not in hidden and self.values.get(cell, 0) > 0:
                    hidden.add(cell)
                    changed = True
            for total, parts in self.groups:
                members = (total, *parts)
                if sum(m in hidden for m in members) != 1:
                    continue
                others = [m for m in members if m not in hidden and self.values.get(m, 0) > 0]
                if others:
                    hidden.add(min(others, key=lambda m: (self.values[m], str(m))))
                    changed = True
        return hidden

    def cells(self, k: int = K) -> dict[Hashable, Cell]:
        hidden = self.hidden(k)
        return {key: (SUPPRESSED if key in hidden else value) for key, value in self.values.items()}


def rate(numerator: Cell, denominator: Cell) -> float | str | None:
    """A share published only when both of its counts are: a rate of hidden counts would unhide them."""
    if isinstance(numerator, str) or isinstance(denominator, str):
        return SUPPRESSED
    if denominator == 0:
        return None
    return round(numerator / denominator, 3)
