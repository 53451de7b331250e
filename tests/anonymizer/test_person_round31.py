"""Round 31: names that stand beside a noun saying who they are (a list after a plural kin noun, a friend
placed somewhere and named between commas, a tradesperson paid an amount, "snekker-Per"), a name a list
lacked ("Sky", a broadcaster too) and kin words it lacked in their inflected forms ("mammaen"), a name
spoken to at the end of a question in lower case, a month- or place-name given something or doing work
("kan ask få bruke kortet", "Ask solved everything"), a bare verb that is a name before a verb with a
tense ("Ha har lånt"), a name in a field written surname first ("til: bakken, tone"), a name after a
self-introduction that ends in a place noun ("I'm Rose Park"), after nynorsk "ein" and after a standing
order; and the same words left alone where no such frame holds.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from anonymizer.recognizers._tokens import tokenize
from anonymizer.recognizers.person_appositions import apposed_names
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    # "Sky", a given name the lists lacked (soft: the broadcaster too)
    ("Regards,\nSky", "Sky"),
    ("Hei. Sky og Storm er tvillingene mine og fyller 13.", "Sky"),
    # kin words in their inflected forms
    ("Det er Kari her, mammaen til Sky. Hun har mistet kortet.", "Sky"),
    # a list after a plural kin noun whose phrase is closed
    ("korsn sette æ opp sparing te barnebarna ask og frøy, 300 kvar mnd", "ask frøy"),
    ("Tvillingene mine, Sky og Storm, fyller 13 i mai", "Sky Storm"),
    # a kin noun placed somewhere, then the name between commas
    ("kompisen i Finland, Jussi, treng penga sine", "Jussi"),
    ("min venn fra Bergen, even, sa at kortet var sperret", "even"),
    # paid: a kin or trade noun, the name, the amount
    ("betalte snekkeren lie 18 000 og han vil ha kvittering", "lie"),
    ("skylder naboen min per 500 kr", "per"),
    # a given name joined to the trade the village knows them by
    ("ska betal te han snekker-Per fra Sogndal, men han har ikkje org nr", "Per"),
    # a self-introduction before a name that ends in a place noun
    ("Hi, I'm Rose Park from Seoul, studying at NTNU.", "Rose Park"),
    # a field written surname first, in lower case too
    ("til: bakken, tone\n82102098494\n6000", "bakken, tone"),
    # a name spoken to at the end of a question, in lower case
    ("fekk du papira mine liv? sendte dem i går", "liv"),
    ("har du sett saken min, even?", "even"),
    # a month- or place-name in lower case that may be given something
    ("kan ask få bruke kortet mitt? han e sønnen min og e 15", "ask"),
    # an emoji ends the sentence before a name that speaks
    ("hei per takk for sist 👍 even sa du kunne hjelpe mæ me fondet", "even"),
    # a lower-case name of a service after a preposition that takes a person
    ("d e FRØY BAKKE te liv i kundeservice, æ har sendt skjemaet no", "liv"),
    # nynorsk "ein" before a payee
    ("betalte 4500 te ein hope young for ein valp som ikkje finnes", "hope young"),
    # a bare verb that is a name, before a verb with a tense
    ("Ha har lånt kortet mitt og brukt det på steam uten lov.", "Ha"),
    # a month- or place-name before a verb of work done for the writer
    ("I'd rate this chat 5 stars. Ask solved everything in 10 minutes!", "Ask"),
    # "sin" misspelt before what a person owns
    ("TOR SINN KONTO E TOM OG HAN HAR IKKJE BRUKT D SJØL", "TOR"),
    # a standing order is a payment
    ("can i set up a standing order to June for 4 500 NOK on the 1st?", "June"),
    # a name copied in capitals that ends in a surname that is a word too
    ("Det er PER ARNE BAKKE som skriver, jeg bor på sykehjem nå", "PER ARNE BAKKE"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round31_names(engine: Anonymizer, text: str, name: str) -> None:
    found = names(engine, text)
    words = " ".join(found).split()
    assert all(word in words for word in name.split()), found


CLEAN: list[str] = [
    # the broadcaster and the word
    "Got charged by Sky again",
    "my Sky subscription renews next week",
    "Sky Sports er dyrt",
    "The sky is the limit they said",
    "ble trukket for Sky boks abonnement",
    # a plural kin noun without a list of names after it
    "barna mine og jeg har felles konto",
    "tvillingene fyller 13 og 15 år",
    "sparing til barna hver måned og til meg",
    # places in a list after a kin noun, a paid noun without a name
    "mora mi i Oslo, Bergen og Trondheim",
    "betalte snekkeren 18 000",
    "betalte snekkeren per time 500 kr",
    "betalte snekkeren for mye",
    # work, not a byname
    "snekker-arbeid koster mye",
    "maler-jobben ble dyr",
    # a park, not a person
    "We live near Vestli Park in Oslo",
    # fields of places and services
    "til: oslo, norge",
    "Til: Kundeservice, Bergen",
    # questions that end in a word, a relative or a time
    "har du hatt et godt liv?",
    "har dere fått fullmakten fra min mor?",
    "kan du ringe meg i morgen?",
    # the pronoun, a month given a rate
    "kan man få lån",
    "vil juni få høyere rente?",
    "kan mai få lønn tidligere?",
    # an emoji before a pronoun; life in a bank
    "takk 👍 hun sa det var greit",
    "det er lite liv i banken i dag",
    # a nynorsk noun after "ein"
    "hei eg har fått ein faktura frå ein snikkar eg aldri har brukt",
    # bare verbs, as verbs
    "Ha det bra!",
    "Ha en fin dag videre",
    "Gi meg en ny kode",
    # the verb "ask", a month that ends
    "Ask me anything",
    "June ended with a big bill",
    # "sinn" as the word
    "han har et dårlig sinn",
    # two capitalised words that are words too
    "TOR BERG er stengt i dag",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round31_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []


APPOSED: list[tuple[str, list[str]]] = [
    ("sparing te barnebarna ask og frøy, 300 kvar mnd", ["ask", "frøy"]),
    ("to our twins Will and Hope, who turn 18", ["Will", "Hope"]),
    ("kompisen i Finland, Jussi, treng penga", ["Jussi"]),
    ("betalte snekkeren lie 18 000", ["lie"]),
]


@pytest.mark.parametrize(("text", "expected"), APPOSED)
def test_apposed_names(text: str, expected: list[str]) -> None:
    toks = tokenize(text)
    found = [toks.low[first] for first, _, _ in apposed_names(toks, [False] * len(toks.low))]
    assert found == [word.lower() for word in expected]


NOT_APPOSED: list[str] = [
    "ønsker barna lykke og helse",  # a plural kin noun whose phrase goes on: what the children are wished
    "barna sov og spiste",
    "til barnebarna mine, 500 og 300",
    "kompisen i Finland, Helsinki, er fin",
    "vennen min i Oslo, takk, sa det",
    "betalte naboen rent 3000",
    "skylder mamma 500",
]


@pytest.mark.parametrize("text", NOT_APPOSED)
def test_not_apposed(text: str) -> None:
    toks = tokenize(text)
    assert list(apposed_names(toks, [False] * len(toks.low))) == []
