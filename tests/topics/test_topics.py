"""The topic model (chat/topics.py): rules as data, and a floor on sessions written by someone else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.topics import HELDOUT, HELDOUT_FLOOR, score, sessions
from chat.topics import OTHER, TopicModel, normalise


@pytest.fixture(scope="module")
def model() -> TopicModel:
    return TopicModel.load()


@pytest.mark.parametrize(
    ("texts", "topic"),
    [
        (["Hei, jeg har mistet kortet mitt i Spania"], "cards_payments"),
        (["BankID virker ikke på mobilen"], "login_bankid"),
        (["hva er renta på boliglånet?"], "loans_mortgage"),
        (["jeg fikk en rar sms med en lenke fra <PERSON>"], "fraud_security"),
        (["vil starte BSU for sønnen min"], "savings_investment"),
        (["hvordan åpne konto for barnet mitt"], "account_customer"),
        (["hei", "hallo?"], OTHER),
        (["Noen har brukt kortet mitt, det var ikke meg"], "fraud_security"),  # fraud outweighs the card
    ],
)
def test_examples(model: TopicModel, texts: list[str], topic: str) -> None:
    assert model.classify(texts).topic == topic


def test_placeholders_and_word_parts_never_match(model: TopicModel) -> None:
    assert normalise("Ring <PHONE_NUMBER> om KORTET!") == "ring om kortet"
    assert model.classify(["<PERSON> <PERSON>"]).topic == OTHER
    assert model.classify(["sperrevegg"]).topic == OTHER  # "sperre" is a word, not a part of one


def test_a_bank_can_bring_its_own_model(tmp_path: Path) -> None:
    own = tmp_path / "topics.toml"
    own.write_text(
        'min_score = 2\n[[topic]]\nname = "pension"\nlabel_nb = "Pensjon"\nlabel_en = "Pension"\n'
        'cues = [["pensjon*", 2]]\n[[topic]]\nname = "other"\nlabel_nb = "Annet"\nlabel_en = "Other"\ncues = []\n',
        encoding="utf-8",
    )
    model = TopicModel.load(own)
    assert model.names == ("pension", "other")
    assert model.classify(["når kan jeg ta ut pensjonen?"]).topic == "pension"
    with pytest.raises(ValueError, match="other"):
        TopicModel([], min_score=1)


def test_heldout_accuracy_floor(model: TopicModel) -> None:
    """320 sessions written by a writer who never saw the cues; redacted first, as the gateway stores
    them. Scores only (bench/topics.py prints no held-out session)."""
    from anonymizer import Anonymizer

    result = score(HELDOUT, model, Anonymizer(mode="strict").redact)
    assert result.total == 320
    assert result.accuracy >= HELDOUT_FLOOR


#: Words from cues (whole, stems, parts of phrases) and others, so that random texts hit cues often.
_WORDS = ["ikke", "gjort", "har", "kortet", "kort", "lån", "sperre", "svindel", "svindlet", "svindlerne", "bankid"]
_WORDS += ["ukjent", "transaksjoner", "lurte", "meg", "not", "me", "<PERSON>", "x", "\n", "!", "sperrevegg"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=14), max_size=4))
def test_the_index_gives_what_the_definition_says(texts: list[list[str]]) -> None:
    model = TopicModel.load()
    joined = [" ".join(words) for words in texts]
    assert model.classify(joined).scores == model.scores_by_scan(joined)


def test_the_index_agrees_on_held_out_sessions(model: TopicModel) -> None:
    every = list(sessions(HELDOUT))
    assert len(every) >= 100
    for session in every:
        texts = [m["text"] for m in session["messages"] if m.get("from") == "customer"]
        assert model.classify(texts).scores == model.scores_by_scan(texts)
