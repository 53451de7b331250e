"""A chat's memory of names (anonymizer/session_names.py): a name found once is redacted again where the
message alone would not show it; ordinary words stay words; the memory holds digests, never names."""

from __future__ import annotations

import itertools
import os

from hypothesis import given, settings
from hypothesis import strategies as st

import anonymizer
from anonymizer import session_names
from tests.anonymizer.conftest import chat as memory_chat

KEY = os.urandom(32)


def chat(*messages: str) -> list[str]:
    return memory_chat(KEY, *messages)


def test_a_name_given_once_is_redacted_where_the_message_alone_does_not_show_it() -> None:
    later = "har qvortrup fått svar?"
    assert "qvortrup" in anonymizer.redact(later)  # the premise: alone, the word reads as no name
    assert chat("hei, jeg heter Mette Qvortrup", later) == ["hei, jeg heter <PERSON>", "har <PERSON> fått svar?"]


def test_any_case_of_a_name_that_is_no_word_and_capitalised_forms_of_one_that_is() -> None:
    out = chat("sønnen min heter Even Qvortrup", "QVORTRUP har ikke kort", "even if it works", "Even sier nei")
    assert out[1] == "<PERSON> har ikke kort"
    assert out[2] == "even if it works"  # an everyday word in lower case stays a word
    assert out[3] == "<PERSON> sier nei"


def test_a_word_glued_to_a_name_is_another_word() -> None:
    assert chat("jeg heter Mette Qvortrup", "qvortrupsen og qvortrup2 er ikke meg")[1] == (
        "qvortrupsen og qvortrup2 er ikke meg"
    )


def test_without_a_memory_nothing_changes_and_what_the_engine_found_stays() -> None:
    text = "ring 91234567, hilsen Kari"
    redaction = anonymizer.process(text)
    same, learned = session_names.extend(text, redaction, KEY, frozenset())
    assert same == redaction and len(learned) == 1


def test_the_memory_holds_digests_under_its_key_not_names() -> None:
    text = "jeg heter Mette Qvortrup"
    learned = session_names.learn(KEY, text, [("PERSON", 10, len(text))])
    assert len(learned) == 2 and all(len(m) == session_names.MARK_BYTES for m in learned)
    blob = b"".join(learned)
    assert b"mette" not in blob.lower() and b"qvortrup" not in blob.lower()
    # under another key (another process, a restart) the same names are other digests: nothing recalled
    other = session_names.learn(os.urandom(32), text, [("PERSON", 10, len(text))])
    assert not learned & other
    assert session_names.recall(os.urandom(32), "qvortrup her", learned, []) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ABCQ.,", max_size=60))
def test_the_memory_only_adds_redactions(text: str) -> None:
    """Every entity the engine found is kept, spans never overlap, and the text is the engine's
    replacement of exactly those spans."""
    memory = session_names.learn(KEY, "Qvortrup Abc", [("PERSON", 0, 12)])
    base = anonymizer.process(text)
    extended, _ = session_names.extend(text, base, KEY, memory)
    assert set(base.entities) <= set(extended.entities)
    spans = [(e.start, e.end) for e in extended.entities]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    rebuilt, done = [], 0
    for e in extended.entities:
        rebuilt += [text[done : e.start], f"<{e.type}>"]
        done = e.end
    assert extended.text == "".join(rebuilt) + text[done:]


def test_the_replacement_is_the_engines_own() -> None:
    """``extend`` writes ``<TYPE>`` for each span, as the engine's replace operator does."""
    text = "Kari Nordmann, konto 1234.56.78903, ring 91234567"
    redaction = anonymizer.process(text)
    assert len(redaction.entities) == 3
    pieces, done = [], 0
    for e in redaction.entities:
        pieces += [text[done : e.start], f"<{e.type}>"]
        done = e.end
    assert redaction.text == "".join(pieces) + text[done:]
