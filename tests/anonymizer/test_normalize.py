"""Normalisation before recognition (anonymizer/normalize.py): what the recognizers read, and that
redaction still replaces exactly the original characters, hidden ones included.

The property tests insert invisible characters, odd separators and full-width forms into every kind of
number and into e-mail addresses, and check that no three digits (or the local part) survive.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anonymizer import Anonymizer
from anonymizer.normalize import normalize

#: CI runs a fixed, repeatable sample; ``CHATLOG_HYPOTHESIS_EXAMPLES=5000`` explores more, at random.
EXAMPLES = int(os.environ.get("CHATLOG_HYPOTHESIS_EXAMPLES", "300"))
DERANDOMIZE = "CHATLOG_HYPOTHESIS_EXAMPLES" not in os.environ

# Valid values (checksums hold), each with the cue a customer would write before it.
VALUES: list[tuple[str, str, str]] = [
    ("NO_FODSELSNUMMER", "fødselsnummer", "15089047746"),
    ("NO_FODSELSNUMMER", "fnr", "01019012480"),
    ("NO_KONTONUMMER", "kontonummer", "12345678903"),
    ("NO_KONTONUMMER", "konto", "86011117947"),
    ("NO_ORGNR", "org.nr", "974760673"),
    ("CREDIT_CARD", "kortnummer", "4111111111111111"),
    ("CREDIT_CARD", "card", "5555555555554444"),
    ("PHONE_NUMBER", "ring meg på", "91234567"),
    ("PHONE_NUMBER", "tlf", "41234567"),
]

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\x00", "\u034f", "\u180e"]
SEPARATORS = [" ", "  ", "-", ".", "/", "_", "\n", " \n", "\u00a0", "\u202f", "\u2009", " - "]


def test_plain_text_is_returned_as_it_is() -> None:
    for text in ["", "Hei, kortet mitt er sperret", "æøå ÆØÅ 123", "I paid 500 kr on 12.03.2024"]:
        view = normalize(text)
        assert view.text == text
        assert not view.changed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("010190\u200b12345", "01019012345"),
        ("1234\u00ad56\u00ad78903", "12345678903"),
        ("kort ４１１１ １１１１", "kort 4111 1111"),
        ("ola＠gmail.com", "ola@gmail.com"),
        ("tlf\u00a0912\u202f34\u2009567", "tlf 912 34 567"),
        ("a\x00b\u2060c", "abc"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic digits
        ("9\ufe0f\u20e34\ufe0f\u20e3", "94"),  # keycap emoji digits
        ("e\u0301", "é"),
        ("1\u03015\u03010\u0301 3\u0301", "150 3"),  # marks on digits are dropped (outside audit 63)
        ("4\u20dd1\u20dd2", "412"),  # an enclosing circle on each digit
        ("4\u05b01\u05b02", "412"),  # a Hebrew point on each digit
        ("4\u064b1\u06512", "412"),  # Arabic marks
        ("4\u093f1\u09412", "412"),  # Devanagari vowel signs (combining class 0)
        ("jeg heter O l a  N o r d m a n n", "jeg heter Ola Nordmann"),  # a short given name beside it
        ("N o r d m a n n  O l a her", "Nordmann Ola her"),
        ("hilsen p e r", "hilsen p e r"),  # three letters alone are not read as spaced out
        ("12\u201334", "12-34"),  # en dash
        ("ring 9o8 12 345", "ring 908 12 345"),  # a letter O for a zero, an l for a one
        ("O4O12345 og 4l2 34 567", "04012345 og 412 34 567"),
        ("Tool 1000, solo 12, lol, I 2000", "Tool 1000, solo 12, lol, I 2000"),  # words stay words
        ("Mobil 9l O4 2O 52", "Mobil 91 04 20 52"),  # look-alikes in groups with one digit each
        ("kortet: 44O4-O3O4-4O48-l993", "kortet: 4404-0304-4048-1993"),
        # separators inside numbers: emoji, middle dots, doubled dots, defanged dots, commas
        ("1503 💰 71 💰 25129 og 280359 · 02882", "1503 71 25129 og 280359 02882"),
        ("konto 1503..71..25129", "konto 1503.71.25129"),
        ("fra 84[.]212[.]47[.]9 og 193 dot 90 dot 147 dot 22", "fra 84.212.47.9 og 193.90.147.22"),
        ("kto 0539,02,47542, ip 178,232,96,14", "kto 0539 02 47542, ip 178.232.96.14"),
        ("it costs 1,234,567 kr or 1,5 l", "it costs 1,234,567 kr or 1,5 l"),  # amounts stay amounts
        # e-mail and name disguises
        ("paul&#64;kvale.net, ellen@@gmail.com, kari%40online.no", "paul@kvale.net, ellen@gmail.com, kari@online.no"),
        ('mail "ben.oconnor"@outlook.ie', "mail ben.oconnor@outlook.ie"),
        ("Mailen er karoline.strand@gm\nail.com, den ble delt", "Mailen er karoline.strand@gmail.com, den ble delt"),
        ("skriv til kari@online.no\nHilsen Per", "skriv til kari@online.no\nHilsen Per"),
        # a name spelled out is written as the PERSON rules read one: one case, hyphens (disguised_names.py)
        ("Hilsen J.e.n.s og H-e-g-e", "Hilsen j-e-n-s og h-e-g-e"),
        ("K4ri N0rdby her", "Kari Nordby her"),
        ("B2B, 4x4, nils58, MP3, f1e0::1b7", "B2B, 4x4, nils58, MP3, f1e0::1b7"),
        # an acronym spelled out is read joined ("U.S.A."), a name stays spelled out ("K-E-V-I-N")
        ("K-E-V-I-N og U.S.A.", "K-E-V-I-N og USA"),
        # a name written backwards keeps its capital at the end (an unlisted one reads as spelled out)
        ("baklengs: dnalielK dirgnI.", "baklengs: k-l-e-i-l-a-n-d Ingrid."),
        ("Navnet er M-A-R-I-A-N-N-E  H-O-L-M.", "Navnet er M-A-R-I-A-N-N-E  H-O-L-M."),
        ("macOS, iPhone, pH 7", "macOS, iPhone, pH 7"),
        ("Mvh\nK a r i  H a n s e n", "Mvh\nKari Hansen"),
        # a valid IBAN keeps its own letters; a disguised Norwegian one does not validate, and is undone
        ("iban TR63 1451 50U8 UK3V QHZH I5OB 7O", "iban TR63 1451 50U8 UK3V QHZH I5OB 7O"),
        ("iban: NO47 O539 9522 333", "iban: NO47 0539 9522 333"),
    ],
)
def test_characters(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("null en null en ni null en to tre fire fem", "0 1 0 1 9 0 1 2 3 4 5"),
        ("nine one two three four five six seven", "9 1 2 3 4 5 6 7"),
        ("ring nittien tjuetre førtifem sekstisju", "ring 91 23 45 67"),
        ("twenty-one thirty-four fifty-six seventy-eight", "21 34 56 78"),
        ("double seven eight nine four five", " 7 7 8 9 4 5"),
        ("fire syv tre null punktum fem syv", "4 7 3 0 5 7"),
        ("zero two one one six three, four zero eight", "0 2 1 1 6 3  4 0 8"),  # a comma may start a new number
        ("ovcci okta guokte golbma njeallje", "ovcci okta guokte golbma njeallje"),  # Sami: not known
    ],
)
def test_spoken_digits(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "jeg har to barn og en hund",
        "en to tre",  # three ambiguous words: no number
        "I have one or two questions",
        "fem minutter",
        "det er ti over fem",
    ],
)
def test_ordinary_words_stay_words(text: str) -> None:
    assert normalize(text).text == text


def test_dictated_punctuation() -> None:
    text = "kyrkjevegen 3 komma 5700 voss punktum ny linje helsing kjellaug"
    assert normalize(text).text == "kyrkjevegen 3, 5700 voss.\nhelsing kjellaug"
    # an e-mail's own bracketed disguise is left to the e-mail recognizer
    assert normalize("regnskap(at)firma(punktum)no").text == "regnskap(at)firma(punktum)no"


def test_spans_map_back_over_hidden_characters() -> None:
    text = "fnr 150890\u200b\u00ad47746!"
    view = normalize(text)
    start = view.text.index("15089047746")
    assert text[slice(*view.span(start, start + 11))] == "150890\u200b\u00ad47746"


def test_spoken_number_maps_back_to_the_words() -> None:
    text = "mitt nummer er fire en to tre fire fem seks sju takk"
    view = normalize(text)
    start = view.text.index("4")
    end = view.text.rindex("7") + 1
    assert text[slice(*view.span(start, end))] == "fire en to tre fire fem seks sju"


# --- the whole engine, property-based -----------------------------------------------------------------


def _surviving_digits(text: str, redacted_spans: list[tuple[int, int]], value_positions: list[int]) -> int:
    return sum(1 for i in value_positions if not any(s <= i < e for s, e in redacted_spans))


@st.composite
def disguised(draw: st.DrawFn) -> tuple[str, str, list[int]]:
    """A cue and a valid number, with invisible characters and separators put between its digits.

    Returns the message, the entity type and the positions of the number's digits in the message.
    """
    entity, cue, value = draw(st.sampled_from(VALUES))
    pieces: list[str] = []
    for index, digit in enumerate(value):
        if draw(st.booleans()):
            digit = chr(ord("０") + int(digit)) if draw(st.integers(0, 9)) == 0 else digit
        pieces.append(digit)
        if index < len(value) - 1 and draw(st.integers(0, 3)) == 0:
            pieces.append(draw(st.sampled_from(INVISIBLE)))
    if draw(st.booleans()):
        # one separator style between fixed-size groups, the way people split a number they copy
        size = draw(st.sampled_from([1, 2, 3, 4]))
        sep = draw(st.sampled_from(SEPARATORS))
        grouped: list[str] = []
        count = 0
        for piece in pieces:
            grouped.append(piece)
            if piece not in INVISIBLE:
                count += 1
                if count % size == 0 and count < len(value):
                    grouped.append(sep)
        pieces = grouped
    number = "".join(pieces)
    prefix = f"Hei, {cue}: "
    positions = [len(prefix) + i for i, ch in enumerate(number) if ch.isdigit() or "０" <= ch <= "９"]
    return prefix + number + " takk", entity, positions


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(disguised())
def test_no_disguised_number_survives(engine: Anonymizer, case: tuple[str, str, list[int]]) -> None:
    text, _entity, positions = case
    spans = [(e.start, e.end) for e in engine.analyze(text)]
    assert _surviving_digits(text, spans, positions) < 3, (text, engine.redact(text))


@st.composite
def disguised_email(draw: st.DrawFn) -> tuple[str, str]:
    local = draw(st.sampled_from(["ola.nordmann", "kari", "per_hansen", "t.haugen", "ingrid-marie"]))
    domain = draw(st.sampled_from(["gmail.com", "online.no", "hotmail.no", "firma.co.uk", "uia.no"]))
    at = draw(st.sampled_from(["@", " @ ", "＠", "(at)", " (at) ", "[at]", " [ at ] ", " snabel-a ", " krøllalfa "]))
    dot = draw(st.sampled_from([".", " . ", " dot ", " punktum ", "(dot)", " [dot] ", ". "]))
    hide = draw(st.sampled_from(["", "\u200b", "\u00ad", "\u2060"]))
    local_text = local.replace(".", dot) if draw(st.booleans()) else local
    at_text = hide + at if hide else at
    address = local_text + at_text + domain.replace(".", dot)
    return f"e-post: {address} takk", local


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(disguised_email())
def test_no_disguised_email_survives(engine: Anonymizer, case: tuple[str, str]) -> None:
    text, local = case
    redacted = engine.redact(text)
    labels = [label for label in local.replace("_", ".").replace("-", ".").split(".") if len(label) >= 3]
    assert not any(label in redacted for label in labels), (text, redacted)
    assert "<EMAIL_ADDRESS>" in redacted, (text, redacted)


DICTATED: list[tuple[str, str, str]] = [
    # (text, entity, the value as it stands in the text)
    ("IBAN er N O en en, en fem ni fire, sju to åtte åtte, fem to åtte takk", "IBAN_CODE",
     "N O en en, en fem ni fire, sju to åtte åtte, fem to åtte"),
    ("adressen min er kirkegata ni komma fire to null sju stavanger punktum", "ADDRESS",
     "kirkegata ni komma fire to null sju stavanger"),
    ("jeg bor i Sjøveien tjuefem b, null en åtte fire oslo", "ADDRESS", "Sjøveien tjuefem b, null en åtte fire oslo"),
    ("adresse ny linje lindeveien 4 b ny linje 1363 høvik ny linje takk", "ADDRESS",
     "lindeveien 4 b ny linje 1363 høvik"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "entity", "value"), DICTATED)
def test_dictated_values_are_found_whole(engine: Anonymizer, text: str, entity: str, value: str) -> None:
    start = text.index(value)
    assert (entity, start, start + len(value)) in [(e.type, e.start, e.end) for e in engine.analyze(text)]
