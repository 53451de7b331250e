"""Round 17: names the sentence gives as names (a naming verb in the past, a quoted name, the holder after
"is"), a former partner, a name set against another, a surname after the dialect article or in a family
compound, a double given name in capitals, a spelling explained; and the look-alikes left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# "ho het", "han het": the naming verb in the past after a pronoun; a listed name may be quoted after it.
NAMED_IN_THE_PAST: list[tuple[str, list[str]]] = [
    ("dama på telefonen sa ho het sol og at kontoen var sperra", ["sol"]),
    ("fyren som svindla meg sa han het «Stein» og snakka svensk", ["Stein"]),
    ("The buyer called himself 'rose' and never paid", ["rose"]),
    # look-alikes: "het" as an adjective, a thing named in quotes
    ("det var en het sommer og strømregninga var lav", []),
    ("Appen heter «Sparegrisen» og koster ingenting", []),
    ("svindelen kalles «phishing» har jeg lest", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_IN_THE_PAST)
def test_round17_a_name_given_with_a_naming_verb(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# The holder after "is"/"er": "The name on the card is ...", even in capitals and when it is also a word.
HOLDER_IS: list[tuple[str, list[str]]] = [
    ("The name on the card is ROSE HILL, she is my aunt", ["ROSE HILL"]),
    ("navnet på kortet er SOL BAKKE men det skal være med å", ["SOL BAKKE"]),
    # look-alikes: no name after "is"
    ("the account holder is my mother, can I still pay", []),
    ("kontoinnehaver er ikke samme person som betaler", []),
]


@pytest.mark.parametrize(("text", "expected"), HOLDER_IS)
def test_round17_the_holder_after_is(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A former partner is kin; "our son" is a cue as "my son" is.
FORMER_AND_OUR: list[tuple[str, list[str]]] = [
    ("eksmannen min GLENN har fortsatt tilgang til kortet", ["GLENN"]),
    ("my ex-husband Mark still has a card on our account", ["Mark"]),
    ("Our daughter Rose needs her own account", ["Rose"]),
    # look-alikes: the relation without a name
    ("eksmannen min har fortsatt tilgang til kortet", []),
    ("Our daughter needs her own account", []),
]


@pytest.mark.parametrize(("text", "expected"), FORMER_AND_OUR)
def test_round17_former_partners_and_our_kin(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A word set against a found name by "ikke"/"not"/"instead of" is a name too.
CONTRASTED: list[tuple[str, list[str]]] = [
    ("Nei, mottakeren er Marianne, ikke Mariann", ["Marianne", "Mariann"]),
    ("Liv ja, ikkje Kristin", ["Liv", "Kristin"]),
    ("paid 200 to kristin instead of rose by mistake", ["kristin", "rose"]),
    # look-alikes: a place, a month, a pronoun or an everyday word set against a name
    ("Send til Kristin, ikke Bergen", ["Kristin"]),
    ("Betalt til Kristin, ikke til banken", ["Kristin"]),
    ("JEG HETER KRISTIN LUND OG KAN IKKE SE SALDOEN", ["KRISTIN LUND"]),
]


@pytest.mark.parametrize(("text", "expected"), CONTRASTED)
def test_round17_a_word_set_against_a_name(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A surname after the dialect article, or before "-familien"; a double given name copied in capitals.
SURNAMES_AND_CAPITALS: list[tuple[str, list[str]]] = [
    ("naboen vår, han haugland, vil kjøpe brygga", ["haugland"]),
    ("vi har krangel med Johansen-familien om gjerdet", ["Johansen"]),
    ("fikk 500 kr fra en ROSE HEGE som jeg ikke kjenner", ["ROSE HEGE"]),
    # look-alikes: a host family, a place's family, a verb after the pronoun
    ("Host-familien min er snill", []),
    ("Oslo-familien kommer på besøk", []),
    ("han sa ja til lånet", []),
]


@pytest.mark.parametrize(("text", "expected"), SURNAMES_AND_CAPITALS)
def test_round17_surnames_and_capitals(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A word whose spelling the writer explains ("med ø", "with two n") is a name.
SPELLING_EXPLAINED: list[tuple[str, list[str]]] = [
    ("etternavnet på kortet skal være Sørby - med ø", ["Sørby"]),
    ("It is Flynn with two n", ["Flynn"]),
    # look-alikes: paying with something, an e-mail
    ("kan jeg betale med kort", []),
    ("Svar meg med e-post", []),
]


@pytest.mark.parametrize(("text", "expected"), SPELLING_EXPLAINED)
def test_round17_a_spelling_explained(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
