"""Data disguised on purpose, round 24: dialect number words, pipes and spoken IP addresses, look-alike
letters a checksum vouches for (anonymizer/lookalikes.py), an IP address broken over two lines, and
pictographs inside a name. Each kind has examples of what must be read and of what must stay as it is
(amounts, dates, KID and invoice numbers, versions: no new false positives), and the number kinds a
property test that inserts the disguise into valid numbers of every type.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.no import kontonr

from anonymizer import Anonymizer
from anonymizer.disguises import disguises
from anonymizer.lookalikes import READINGS, checked_lookalikes
from anonymizer.normalize import normalize

EXAMPLES = int(os.environ.get("CHATLOG_HYPOTHESIS_EXAMPLES", "200"))
DERANDOMIZE = "CHATLOG_HYPOTHESIS_EXAMPLES" not in os.environ


def _found(engine: Anonymizer, text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in engine.analyze(text)]


# --- what the recognizers read -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dialect digit words, and a pipe between groups of a dictated number
        ("te to 0 fæm 0 4 åtta 8 sju ni 8 åtta men", "te 2 0 5 0 4 8 8 7 9 8 8 men"),
        ("kort 4 8 6 sju | 9 9 3 fæm | fira fira 6 ein", "kort 4 8 6 7 9 9 3 5 4 4 6 1"),
        ("nummer fira 6 fira 0 sju sju åtta 1", "nummer 4 6 4 0 7 7 8 1"),
        ("tvo tri sjau nøll fæm", "2 3 7 0 5"),
        # a dictated IPv4 address keeps its dots
        ("IP-en er ti punktum null punktum null punktum førtito", "IP-en er 10.0.0.42"),
        ("ip is one nine two dot one six eight dot zero dot one", "ip is 192.168.0.1"),
        # an IP address broken after a dot, in a message about an IP address
        ("ip-adresse\n178.232.\n41.66\nhvorfor", "ip-adresse\n178.232.41.66\nhvorfor"),
        # pictographs inside a word; not between words, not an e-mail's "@"
        ("Tor🔥stein her, Li✨nnea Ho💙lm, Ås🙂mund", "Torstein her, Linnea Holm, Åsmund"),
        ("takk😊Kari", "takk😊Kari"),
        ("per.olsen🐘telia.no", "per.olsen@telia.no"),
        # look-alikes a checksum vouches for: a card (Luhn), an IBAN (mod 97), a postcode, a phone after its cue
        ("Amex 3783 I43281 s8372 takk", "Amex 3783 143281 58372 takk"),
        ("test: S2S1_3136_6149_452B (ikke", "test: 5251 3136 6149 4528 (ikke"),
        ("iban æ NO2o634s4SB64B6", "iban æ NO2063454586486"),
        ("IBAN: NO2l 923S 0617 681", "IBAN: NO21 9235 0617 681"),
        ("Torggata 9, O182 Oslo", "Torggata 9, 0182 Oslo"),
        ("Nytt telefonnummer: 97.42.lS.39", "Nytt telefonnummer: 97.42.15.39"),
        ("Number is 4O OS OB l0 (o = zero)", "Number is 40 05 08 10 (o = zero)"),
    ],
)
def test_disguises_are_read(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # amounts, dates, times, versions, references: no reading
        "Beløp 12.50.\n10.30 i morgen",  # no "ip" in the message: a time at the end of a line
        "vi ska fira 5 år",
        "Våre telefoner er 909 12 443 og 47 66 20 18",  # "og" is no "09"
        "kontoene er 4200 38 68928 og 1720 06 37577",
        "versjon 2.3.1 og build 2O24",
        "faktura SB-4471, ordre Z-12 og kode T1-G7",
        "ordre 1234 i 5678",
        "OBS 1234 5678",
        "Den 12.03.2024 betalte jeg 1 499,50 kr",
        "fem minutter, to ganger, en hund",
        "passord Gb7sT2lo",
    ],
)
def test_what_stays(text: str) -> None:
    assert normalize(text).text == text


def test_a_lookalike_reading_needs_its_checksum() -> None:
    # the same card with its last digit changed fails Luhn: no reading, the letters stay
    assert checked_lookalikes("Amex 3783 I43281 s8373 takk") == ([], [])
    # eight characters with look-alikes and no phone cue: a code
    assert checked_lookalikes("kode 97.42.lS.39") == ([], [])
    # a valid Turkish IBAN keeps its own letters (the look-alike rules leave a valid IBAN alone)
    assert disguises("iban TR63 1451 50U8 UK3V QHZH I5OB 7O") == []


def test_spans_cover_what_was_typed(engine: Anonymizer) -> None:
    cases = [
        ("kortet mitt 4 8 6 sju | 9 9 3 fæm | fira fira 6 ein | ni åtta 5 1 funke ikkje", "CREDIT_CARD",
         "4 8 6 sju | 9 9 3 fæm | fira fira 6 ein | ni åtta 5 1"),
        ("e d no feil me 1 sju 0 8 4 9 2 fira seks 7 ni??", "NO_FODSELSNUMMER", "1 sju 0 8 4 9 2 fira seks 7 ni"),
        ("fnr null en null seks fem en | 0 sju en 0 null\n", "NO_FODSELSNUMMER",
         "null en null seks fem en | 0 sju en 0 null"),
        ("den interne IP-en er ti punktum null punktum null punktum førtito", "IP_ADDRESS",
         "ti punktum null punktum null punktum førtito"),
        ("iban æ NO2o634s4SB64B6", "IBAN_CODE", "NO2o634s4SB64B6"),
        ("Amex 3783 I43281 s8372 — I'd like to dispute", "CREDIT_CARD", "3783 I43281 s8372"),
        ("Nytt telefonnummer: 97.42.lS.39", "PHONE_NUMBER", "97.42.lS.39"),
        ("Hei, det er Ma🌸rte, har dere fått søknaden?", "PERSON", "Ma🌸rte"),
    ]  # fmt: skip
    for text, entity, value in cases:
        assert (entity, value) in _found(engine, text), (text, _found(engine, text))


def test_phone_pairs_with_dots_after_a_phone_cue(engine: Anonymizer) -> None:
    assert _found(engine, "Nytt telefonnummer: 97.42.15.39") == [("PHONE_NUMBER", "97.42.15.39")]
    assert _found(engine, "min ip på telefonen er 97.42.15.39") == [("IP_ADDRESS", "97.42.15.39")]


# --- property-based: the disguises inserted into valid numbers ----------------------------------------

_WORDS = {
    "0": ["null", "nøll", "zero"], "1": ["en", "ein", "eitt", "one"], "2": ["to", "tvo", "two"],
    "3": ["tre", "tri", "trei"], "4": ["fire", "fira"], "5": ["fem", "fæm"], "6": ["seks"],
    "7": ["sju", "sjau", "syv"], "8": ["åtte", "åtta"], "9": ["ni", "nine"],
}  # fmt: skip


def _account(draw: st.DrawFn) -> str:
    body = "".join(str(draw(st.integers(0, 9))) for _ in range(10))
    checks = [d for d in "0123456789" if kontonr.is_valid(body + d)]
    assume(bool(checks))
    return body + checks[0]


def _card(draw: st.DrawFn) -> str:
    body = draw(st.sampled_from(["4", "51", "52", "55"])) + "".join(str(draw(st.integers(0, 9))) for _ in range(14))
    body = body[:15]
    return body + luhn.calc_check_digit(body)  # sixteen digits, the Luhn digit last


@st.composite
def dialect_number(draw: st.DrawFn) -> tuple[str, list[int]]:
    """An account or card number dictated with digits and (dialect) words mixed, groups split by pipes
    or spaces; the positions of every character that stands for one of its digits."""
    number = _account(draw) if draw(st.booleans()) else _card(draw)
    cue = "kontonummer" if len(number) == 11 else "kortnummer"
    tokens = [draw(st.sampled_from(_WORDS[d])) if draw(st.integers(0, 2)) else d for d in number]
    assume(sum(not t.isdigit() for t in tokens) >= 2 and any(t in ("fæm", "fira", "tri", "sjau", "åtta", "nøll",
                                                                     "sju", "seks") for t in tokens))
    sep = draw(st.sampled_from([" | ", " "]))
    text = f"{cue} "
    positions: list[int] = []
    for i, token in enumerate(tokens):
        if i and i % 4 == 0:
            text += sep
        elif i:
            text += " "
        positions.append(len(text))
        text += token
    return text + " takk", positions


@st.composite
def lookalike_card(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A valid card number with two or three digits typed as letters that look like them, grouped by
    spaces or underscores."""
    number = _card(draw)
    back = {digit: [ch for ch, d in READINGS.items() if d == digit] for digit in "0125689"}
    chars = list(number)
    places = [i for i, d in enumerate(chars) if d in back and i > 0]
    assume(len(places) >= 3)
    for place in draw(st.lists(st.sampled_from(places), min_size=2, max_size=3, unique=True)):
        chars[place] = draw(st.sampled_from(back[chars[place]]))
    sep = draw(st.sampled_from([" ", "_", "-"]))
    written = sep.join("".join(chars[i : i + 4]) for i in range(0, 16, 4))
    prefix = "kort: "
    return prefix + written + " takk", [len(prefix) + i for i, ch in enumerate(written) if ch != sep]


def _surviving(engine: Anonymizer, text: str, positions: list[int]) -> int:
    spans = [(e.start, e.end) for e in engine.analyze(text, "nb")]
    return sum(1 for i in positions if not any(s <= i < e for s, e in spans))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(dialect_number())
def test_no_number_in_dialect_words_survives(engine: Anonymizer, case: tuple[str, list[int]]) -> None:
    text, positions = case
    assert _surviving(engine, text, positions) < 3, (text, engine.redact(text, "nb"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(lookalike_card())
def test_no_card_with_lookalike_letters_survives(engine: Anonymizer, case: tuple[str, list[int]]) -> None:
    text, positions = case
    assert _surviving(engine, text, positions) < 3, (text, engine.redact(text, "nb"))


# --- names: spelled out, leetspeak, backwards, broken over two lines (anonymizer/disguised_names.py) ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name spelled out with any one separator reads as the PERSON rules read a spelled name
        ("skriv d V-e-s-l-e-m-ø-y me stor V.", "skriv d v-e-s-l-e-m-ø-y me stor V."),
        ("fornavn: E, R, L, E, N, D. Etternavn", "fornavn: E-R-L-E-N-D. Etternavn"),
        ("det er a.s.l.a.u.g her", "det er a-s-l-a-u-g her"),
        ("is M. A. R. I. U. S.  L. I. E. if", "is M-A-R-I-U-S.  L-I-E. if"),  # "lie" is a word, but beside a name
        ("navn: s_i_g_r_u_n", "navn: sigrun"),  # round 50: underscores read as spaces, the letters joined
        # an e-mail address spelled out is joined
        ("Skriv til t-o-r-b-j-ø-r-n-@-o-n-l-i-n-e-.-n-o", "Skriv til torbjørn@online.no"),
        # acronyms and everyday words are joined as before, or left alone
        ("U.S.A., B-S-U og N.A.V.", "USA, BSU og NAV"),
        ("1500 t.o.m. fredag, p.g.a. det, e.g. this", "1500 t.o.m. fredag, p.g.a. det, e.g. this"),
        ("J.R.R. Holm og T.M.Ø. Berg", "J.R.R. Holm og T.M.Ø. Berg"),  # initials before a surname
        ("svar a, b, c eller d", "svar a, b, c eller d"),
        ("Gatenavnet er S-K-O-G-V-E-I-E-N 4", "Gatenavnet er SKOGVEIEN 4"),  # a street before its number
        ("e: k.a.t.e.b@gmail.com", "e: k.a.t.e.b@gmail.com"),  # an address's own user name
        # spaced out after a one-letter word: the word stays apart
        ("navnet mitt e s i r i og", "navnet mitt e siri og"),
        ("Det skal stå Å S T R I D på kortet", "Det skal stå ÅSTRID på kortet"),
        # leetspeak that spells a listed name, with its capital
        ("æ heite 8jørn å æ", "æ heite Bjørn å æ"),
        ("hides |-|elge and 7ur1d", "hides Helge and Turid"),
        ("halla, Kn|_|t here", "halla, Knut here"),
        ("Kan 0dd-Iv4r få", "Kan Odd-Ivar få"),
        ("til @sta B3rgum på Vipps", "til Asta Bergum på Vipps"),
        ("eller 6udv31g som", "eller Gudveig som"),
        ("hi B3CKY L0NGW0RTH here", "hi BECKY LONGWORTH here"),
        # backwards, an unlisted name as spelled out; a name broken by a line break
        ("baklengs: ennaivliS 🙃", "baklengs: s-i-l-v-i-a-n-n-e 🙃"),
        ("Mitt navn er Vil\nde Trykket", "Mitt navn er Vilde Trykket"),
    ],
)
def test_names_are_read(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "B2B, 4x4, MP3, 2fa, gr8, 500kr, kl14, mail@kari.no, @kari",
        "sendt 5oo te broren min",  # an amount typed with o's
        "St Albans AL1 4AD, London EC3M 4BS, Manchester M3 4DY",  # postcodes
        "Sendte til Ingrid3 i går",  # a name and a number: the name rules read it
        "user k4r0l1n3_b",  # a user name stays one
        "h3ll0 there, 1337 c0d3, 2k8",
        "Oslo\nhar screenshots, Kontaktinfo\nnavn",
    ],
)
def test_names_left_alone(text: str) -> None:
    assert normalize(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("skriv d V-e-s-l-e-m-ø-y me stor V. takk", "V-e-s-l-e-m-ø-y"),
        ("Surname is Q-U-I-S-L-E-F-O-R-D, first name Daphne.", "Q-U-I-S-L-E-F-O-R-D"),
        ("Etternamnet mitt vert stava H-Ø-Y-L-A-N-D-S-K-J-Æ-R. Det er alltid feil", "H-Ø-Y-L-A-N-D-S-K-J-Æ-R"),
        ("fornavn: E, R, L, E, N, D. Etternavn: Krokstad", "E, R, L, E, N, D"),
        ("æ heite 8jørn å æ har glømt passordet", "8jørn"),
        ("Kan 0dd-Iv4r få disposisjonsrett på kontoen", "0dd-Iv4r"),
        ("navnet mitt baklengs: ennaivliS 🙃 prøv å sladde den da", "ennaivliS"),
        ("Skriv til t-o-r-b-j-ø-r-n-@-o-n-l-i-n-e-.-n-o", "t-o-r-b-j-ø-r-n-@-o-n-l-i-n-e-.-n-o"),
    ],
)
def test_disguised_names_are_redacted_whole(engine: Anonymizer, text: str, value: str) -> None:
    assert value in [text[e.start : e.end] for e in engine.analyze(text)], _found(engine, text)


_NAMES = ["Solveig", "Torbjørn", "Ingeborg", "Kristoffer", "Margrethe", "Sigurd", "Halvard", "Ragnhild"]
_SPELLING_SEPARATORS = ["-", ".", ", ", ". ", "_", "*", " - "]


@st.composite
def spelled_name(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A given name spelled out with one separator, in its own case or in capitals or lower case, after
    a cue; the positions of its letters."""
    name = draw(st.sampled_from(_NAMES))
    name = draw(st.sampled_from([name, name.upper(), name.lower()]))
    spelled = draw(st.sampled_from(_SPELLING_SEPARATORS)).join(name)
    prefix = draw(st.sampled_from(["navnet mitt er ", "Hei, det er ", "my first name is ", "fornavn: "]))
    return prefix + spelled + " takk", [len(prefix) + i for i, ch in enumerate(spelled) if ch.isalpha()]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(spelled_name())
def test_no_spelled_out_name_survives(engine: Anonymizer, case: tuple[str, list[int]]) -> None:
    text, positions = case
    assert _surviving(engine, text, positions) < 3, (text, engine.redact(text, "nb"))


# --- e-mail, addresses, homoglyphs, odd separators -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adressa er rannveig.fjeld ätt gmail punkt com", "Adressa er rannveig.fjeld at gmail punkt com"),
        ("mail på lise « at » firma « dot » no", "mail på lise ( at ) firma ( dot ) no"),
        ("Send til S t o r g a t a  1 2, 0 1 5 5  O s l o", "Send til Storgata 12, 0155 Oslo"),
        ("Hei, jeg heter Кari Nоrdmann", "Hei, jeg heter Kari Nordmann"),  # Cyrillic К and о
        ("Мене звати Олена Шевченко", "Мене звати Олена Шевченко"),  # a word wholly Cyrillic stays
        ("kontonummer 1234 56 789О3", "kontonummer 1234 56 78903"),  # a Cyrillic О in a number
        ("kort 4867 | 9935 | 4461 | 9851 funker", "kort 4867 9935 4461 9851 funker"),
        ("fnr 150890;47746 og konto 1234#56#78903", "fnr 150890 47746 og konto 1234 56 78903"),
        ("Tlf: 22 41 87 30 | 951 22 408", "Tlf: 22 41 87 30 | 951 22 408"),  # two numbers, no checksum
    ],
)
def test_more_disguises_are_read(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("Adressa er rannveig.fjeld ätt gmail punkt com, skreiv", "EMAIL_ADDRESS",
         "rannveig.fjeld ätt gmail punkt com"),
        ("jeg har mail på lise « at » firma « dot » no", "EMAIL_ADDRESS", "lise « at » firma « dot » no"),
        ("Adressen er Granlia sju B, andre etasje", "ADDRESS", "Granlia sju B"),
        ("e bur i Myrbakken fira ved skulen", "ADDRESS", "Myrbakken fira"),
        ("Eg har flytta til Bakkevegen ein, kan de endre adressa?", "ADDRESS", "Bakkevegen ein"),
        ("Send kortet til S t o r g a t a  1 2, 0 1 5 5  O s l o\nTakk", "ADDRESS",
         "S t o r g a t a  1 2, 0 1 5 5  O s l o"),
        ("kortnr (19 siffer, rart nok): 4269 6025 2187 8721 889", "CREDIT_CARD", "4269 6025 2187 8721 889"),
        ("Hei, jeg heter Кari Nоrdmann", "PERSON", "Кari Nоrdmann"),
    ],
)  # fmt: skip
def test_more_disguised_values_are_found(engine: Anonymizer, text: str, entity: str, value: str) -> None:
    assert (entity, value) in _found(engine, text), _found(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jeg snakket med Haugen to ganger og Solbakken tre ganger",  # surnames with a weak street ending
        "Storgata en gang til",  # "en" before a word is no house number
        "betalte 1 234 567 kr og saldo 2 000",
    ],
)
def test_no_address_or_number_here(engine: Anonymizer, text: str) -> None:
    assert [t for t, _ in _found(engine, text) if t in ("ADDRESS", "CREDIT_CARD")] == []


_CYRILLIC_DIGIT_LOOKALIKES = {"0": "О"}  # Cyrillic capital O, read as a Latin O and then as a zero


@st.composite
def oddly_separated(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A valid account or card number in groups joined by marks nobody groups a number with, perhaps a
    zero typed as a Cyrillic О; the positions of its digits."""
    number = _account(draw) if draw(st.booleans()) else _card(draw)
    cue = "kontonummer" if len(number) == 11 else "kortnummer"
    sizes = [4, 2, 5] if len(number) == 11 else [4, 4, 4, 4]
    groups, at = [], 0
    for size in sizes:
        groups.append(number[at : at + size])
        at += size
    mark = draw(st.sampled_from([" | ", "|", ";", "#", " * ", "~", "_", " + "]))
    written = mark.join(groups)
    if draw(st.booleans()) and "0" in written[1:]:
        place = written.index("0", 1)
        written = written[:place] + _CYRILLIC_DIGIT_LOOKALIKES["0"] + written[place + 1 :]
    prefix = f"{cue}: "
    return prefix + written + " takk", [len(prefix) + i for i, ch in enumerate(written) if ch.isdigit() or ch == "О"]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=[HealthCheck.too_slow])
@given(oddly_separated())
def test_no_number_with_odd_separators_survives(engine: Anonymizer, case: tuple[str, list[int]]) -> None:
    text, positions = case
    assert _surviving(engine, text, positions) < 3, (text, engine.redact(text, "nb"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("navnet mitt er K•a•r•i N•o•r•d•b•y", "navnet mitt er k-a-r-i n-o-r-d-b-y"),  # any one mark between
        ("mail: ola_at_gmail_dot_com", "mail: ola at gmail dot com"),
        ("kortnummer: fire en en en, en en en en, en en en en, en en en en",  # ambiguous words, but sixteen
         "kortnummer: 4 1 1 1  1 1 1 1  1 1 1 1  1 1 1 1"),
        ("jeg bor i S t o r g a t a 1 2", "jeg bor i Storgata 12"),  # a street and its number, spaced
        # no e-mail (no "dot"); round 50 reads the underscores of a token of four parts as spaces
        ("my_var_at_home og kl 1:2:3, x=y=z", "my var at home og kl 1:2:3, x=y=z"),
    ],
)  # fmt: skip
def test_other_writers_disguises(text: str, expected: str) -> None:
    assert normalize(text).text == expected


def test_a_long_run_of_odd_marks_costs_windows_linear_in_its_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile message of marks between digits ("*1*1*1...") once made the look-alike reading try
    every window of every size (cubic: minutes of an anonymizer worker's time for 2,000 characters).
    No reading longer than a card proves itself, so only windows of up to 19 digits are tried."""
    from anonymizer import lookalikes

    calls = 0
    real = lookalikes._proves_itself

    def counting(number: str, text: str, start: int, letters: int) -> bool:
        nonlocal calls
        calls += 1
        return real(number, text, start, letters)

    monkeypatch.setattr(lookalikes, "_proves_itself", counting)
    edits, _ = lookalikes.checked_lookalikes("*1" * 300)
    assert edits == []
    assert 0 < calls <= 300 * lookalikes.MAX_NUMBER_LENGTH
