"""Round 16: names in everyday chat that a weak cue gives away (a name after a phone number, the writer
naming themself in dialect), and the same words as numbers, places and everyday words left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# Four digits after a hyphen or a dot end a longer number, not a postcode before a place.
AFTER_A_NUMBER: list[tuple[str, list[str]]] = [
    ("ring meg på 4812-3390 torstein her", ["torstein"]),
    ("tlf 22.41.7765 kjersti her", ["kjersti"]),
    # look-alikes: a postcode and its place
    ("adressa mi e Sjøgata 4, 8006 Bodø", []),
    ("bor på 7043 Trondheim no", []),
]


@pytest.mark.parametrize(("text", "expected"), AFTER_A_NUMBER)
def test_round16_a_name_after_a_number_is_no_place(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
