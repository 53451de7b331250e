"""Numbers given in pieces: "de siste åtte på kortet er 13960046 og de første åtte 46659765".

A customer who will not write a whole number in one place writes it in halves, each of which fails
every checksum, so the number recognizers cannot see either. But the sentence says what the digits
are: "the last N digits of the card / account / personal number are ...". This recognizer takes a
group of N digits that follows such a phrase, when the message names what the number is, and reports
it as that number's type. Four digits or fewer are left alone: "kortet som slutter på 2003" (the last
four of a card, which banks print on receipts) identifies no one.

It also takes the two halves of a fødselsnummer named as such: the five digits of the "personnummer"
("personnummeret (de fem siste) er 46425") and a six-digit date after "født"/"fødselsdato" in a message
that speaks of a fødselsnummer; and a whole one mistyped ("fødselsnummeret mitt er 01019012345" with a
wrong check digit): the number recognizers refuse it by its checksum, but the customer has just said
what it is, and eleven digits that start with their birth date identify them however the last one came
out (found by an outside audit, which saw such a number stored as written in an anonymous chat).

And the leading groups of a longer run right after the word for an account number or a fødselsnummer
("kontonr 5712 3383 070 1200": the account, then an amount without its currency): the number
recognizers refuse a few groups of a run, because "4111 1111 1111 1111" holds no phone number, but after
its name the number is the groups that make up its length and pass its checksum, and what follows is
something else.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from stdnum import luhn

from anonymizer.recognizers._common import text_facts
from anonymizer.recognizers.fodselsnummer import is_valid_fodselsnummer
from anonymizer.recognizers.kontonummer import is_valid_kontonummer
from anonymizer.session_numbers import HALF_GROUP
from anonymizer.spoken_digits import NUMBER_WORD_PATTERN, spoken_number

FNR, KONTO, CARD, PHONE = "NO_FODSELSNUMMER", "NO_KONTONUMMER", "CREDIT_CARD", "PHONE_NUMBER"
SCORE = 0.8

#: "de siste åtte (sifrene) på kortet er 13960046", "first six are 150390", "siste fem i kontonummeret 70097".
_PIECE = re.compile(
    rf"(?i)\b(?:(?:siste|første|last|first|sista|första)\s+(?P<n>\d{{1,2}}|{NUMBER_WORD_PATTERN})"
    rf"|(?P<n2>{NUMBER_WORD_PATTERN})\s+(?:siste|første|last|first|sista|första))\b[^\d\n]{{0,40}}?"
    r"(?<![\d.,])(?P<num>\d(?:[ .]?\d){3,10})(?![\d.,]\d)"
)
#: "personnummeret (de fem siste) er 46425", "personnr: 46425".
_PERSONNUMMER = re.compile(r"(?i)\bperson(?:nummer(?:et)?|nr)\b[^\d\n]{0,30}?(?<!\d)(?P<num>\d{5})(?![\d.,]\d)")
#: "født 030185", "fødselsdatoen min er 170293" (only with a fødselsnummer cue in the message).
_BIRTH = re.compile(
    r"(?i)\b(?:født|fødd|fødselsdato(?:en)?|born|fødselsnummer(?:et)?|fnr|personnummer(?:et)?)\b[^\d\n]{0,25}?"
    r"(?<![\d.])(?P<num>[0-3]\d([./-]?)[01]\d\2\d\d)(?![\d.]\d|\d)"
)
#: "fødselsnummer: 010190 12346", "personnummeret mitt er 01019012346": 11 digits right after the word
#: (any of the groupings people use), whatever their check digits say.
_MISTYPED = re.compile(
    r"(?i)\b(?:fødsels|fodsels|foedsels|person)(?:nummer(?:et)?|nr)\b|\bd-?nummer(?:et)?\b|\bf\.?nr\b"
    r"|\bpersonal (?:id(?:entity)? )?number\b|\bnational id(?:entity)? number\b"
)  # the number after it: _MISTYPED_NUMBER
_MISTYPED_NUMBER = re.compile(r"[^\d\n]{0,25}?(?<![\d.,])(?P<num>\d{6}[ -]?\d{5}|\d(?:[ .]?\d){10})(?![\d.,]?\d)")
#: "kontonr 5712 3383 070 1200", "fnr 010190 12345 2": the run of digit groups right after the word.
_NAMED_RUN = re.compile(
    r"(?i)(?:(?P<konto>\bkonto(?:nummer(?:et)?|nr)|\bkto(?:\.?nr)?|\baccount (?:number|no))"
    r"|(?P<fnr>\b(?:fødsels|fodsels|person)(?:nummer(?:et)?|nr)|\bfnr))\b"
    r"[^\d\n]{0,15}?(?<![\d.,])(?P<num>\d+(?:[ .]\d+){2,7})(?![\d.,]?\d)"
)
_GROUP = re.compile(r"\d+")
_FNR_CUE = re.compile(r"(?i)fødselsn|fodselsn|personn|\bfnr\b|d-nummer|f\.nr|(?:de )?(?:fem|5) siste|siste (?:fem|5)")
#: What the number is, by the nearest cue before the piece.
_KIND = re.compile(
    r"(?i)(?P<fnr>fødselsn|fodselsn|fødselsdato|personn|\bfnr\b|d-nummer|f\.nr)|(?P<konto>konto|account)"
    r"|(?P<card>kort|card)|(?P<phone>telefon|mobil|phone|\bnummer(?:et)?\b|\bnr\b)"
)
_ENTITY = {"fnr": FNR, "konto": KONTO, "card": CARD, "phone": PHONE}


class PartialNumberRecognizer(EntityRecognizer):
    """Pieces of a number, named as pieces of it; see the module docstring."""

    def __init__(self, supported_language: str = "nb") -> None:
        super().__init__(
            supported_entities=[FNR, KONTO, CARD, PHONE],
            name="PartialNumberRecognizer",
            supported_language=supported_language,
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        if _DIGIT.search(text) is None:
            return results  # every piece is digits
        low = text.lower()
        facts = text_facts(text)
        if max(facts.longest_run, facts.longest_chain) >= 11 and ("nr" in low or "numme" in low or "number" in low
                                                                  or "kto" in low):  # fmt: skip
            # a named whole number: eleven digits at least, in one run (the engine's facts, already found)
            if not entities or FNR in entities:
                results += _mistyped(text)
            results += [r for r in _named_run_heads(text) if not entities or r.entity_type in entities]
        if not entities or FNR in entities:
            results += _split_fnr(text)
        if _ANY_KEY.search(low) is None:
            return results  # no word that announces a piece (the cheap test before the patterns)
        pieces = _pieces(text)
        # Both ends of a number given apart ("første fire er 9219, siste fire er 3740", "first half ...
        # second half ..."): every piece is part of it, however short, and the pieces say what it is.
        both = {side for *_, side in pieces} == {"first", "last"}
        total = sum(digits for _, _, digits, _, _ in pieces)
        joined = "".join(_GROUP.findall("".join(text[s:e] for s, e, *_ in sorted(pieces)))) if both else ""
        for start, end, digits, count, _ in pieces:
            if both and digits >= 2:
                kind = _kind_near(text, end) or _kind_of_length(total, joined)
            elif count is not None and count >= 5 and digits == count:
                kind = _kind_near(text, end)
            else:
                continue
            if kind is not None and (not entities or kind in entities):
                results.append(RecognizerResult(kind, start, end, SCORE))
        if not entities or FNR in entities:
            halves = list(_PERSONNUMMER.finditer(text))
            if _FNR_CUE.search(text):
                halves += _BIRTH.finditer(text)
            results += [RecognizerResult(FNR, m.start("num"), m.end("num"), SCORE) for m in halves]
        return results


#: How far apart the two halves of a fødselsnummer may stand in one message (characters between them).
SPLIT_REACH = 100


def _split_fnr(text: str) -> list[RecognizerResult]:
    """The birth date and the personnummer of one fødselsnummer written apart in one message, in either
    order and with anything between them ("070269 og 10034", "070269\n\n10034", "id 070269 ... 10034",
    "min fnr er 070269, resten kommer: 10034"): a six-digit group and a five-digit group that together
    pass both of its check digits.

    Why the checksum is enough without a cue: two random groups pass one time in a hundred, and the six
    must also be a date; a KID, an amount or an order number beside a postcode-length group is left
    alone (found by trying the ways a customer who will not write the number whole writes it)."""
    groups = list(HALF_GROUP.finditer(text))
    if len(groups) < 2:
        return []
    found: list[RecognizerResult] = []
    for a, first in enumerate(groups):
        for second in groups[a + 1 :]:
            if second.start() - first.end() > SPLIT_REACH:
                break
            six, five = (first, second) if len(first.group()) == 6 else (second, first)
            if len(six.group()) == 6 and len(five.group()) == 5 and is_valid_fodselsnummer(six.group() + five.group()):
                found += [RecognizerResult(FNR, m.start(), m.end(), SCORE) for m in (first, second)]
    return found


def _named_run_heads(text: str) -> list[RecognizerResult]:
    """The leading groups of a run named as an account number or a fødselsnummer, when they alone make
    a valid one and more groups follow (see the module)."""
    found = []
    for m in _NAMED_RUN.finditer(text):
        total, start = 0, m.start("num")
        for group in _GROUP.finditer(text, start, m.end("num")):
            total += group.end() - group.start()
            if total > 11:
                break
            if total == 11:
                if group.end() == m.end("num"):
                    break  # the whole run: the number recognizers' to judge
                head = text[start : group.end()]
                valid = is_valid_kontonummer(head) if m.group("konto") else is_valid_fodselsnummer(head)
                if valid:
                    found.append(RecognizerResult(KONTO if m.group("konto") else FNR, start, group.end(), SCORE))
                break
    return found


def _mistyped(text: str) -> list[RecognizerResult]:
    """Eleven digits named as a fødselsnummer by the words just before them (see the module)."""
    found = []
    for cue in _MISTYPED.finditer(text):
        number = _MISTYPED_NUMBER.match(text, cue.end())
        if number is not None:
            found.append(RecognizerResult(FNR, number.start("num"), number.end("num"), SCORE))
    return found


#: "first half of my number is 9068", "andre halvdel: 6025", "resten er 22908": a piece by its place.
_HALF = re.compile(
    r"(?i)\b(?:(?P<first>first|første|fyrste|första)|(?P<last>second|last|other|andre|siste|sista|andra))"
    r"\s+(?:half|halvdel|halvdelen|halvpart|halvparten|del|delen|part|bit|biten|bit)\b|\b(?P<rest>resten|the rest)\b"
    # "først 8601.85 og så 83897", "Første: 5348 9636 ... Andre: 6741 6316", "begynner på 905 og så kommer det 17 334"
    r"|\b(?P<first2>først|first|første:|begynner (?:på|med)|starts? with|begins? with|starter (?:på|med))"
    r"|\b(?P<last2>(?:og )?så(?: kommer det)?|then|andre:|second:|slutter (?:på|med)|ends? with|deretter|etterpå)"
)
_HALF_NUMBER = re.compile(r"[^\d\n]{0,30}?(?<![\d.,])(?P<num>\d(?:[ .]?\d){1,10})(?![\d.,]\d)")
Piece = tuple[int, int, int, int | None, str]  # start, end, digits, digits announced, "first" or "last"


def _pieces(text: str) -> list[Piece]:
    """Every piece of a number the text announces as a piece, with its side."""
    found: list[Piece] = []
    for m in _PIECE.finditer(text):
        n = m.group("n") or m.group("n2")
        spoken = None if n.isdigit() else spoken_number(n, 0)
        count = int(n) if n.isdigit() else spoken[1] if spoken else 0
        side = "first" if re.search(r"(?i)første|first|första", m.group()) else "last"
        found.append((m.start("num"), m.end("num"), _digits(m.group("num")), count, side))
    for m in _HALF.finditer(text):
        number = _HALF_NUMBER.match(text, m.end())
        if number is None or any(s <= number.start("num") < e for s, e, *_ in found):
            continue
        if _AMOUNT.match(text, number.end("num")):
            continue  # "første del av lånet er 2000 og resten 3000 kr": amounts
        if _YEAR.fullmatch(number.group("num")):
            continue  # "først i 2019 og så 2020": years
        side = "first" if m.group("first") or m.group("first2") else "last"
        found.append((number.start("num"), number.end("num"), _digits(number.group("num")), None, side))
        head = _unannounced_head(text, m.start(), number.group("num")) if side == "last" else None
        if head is not None and not any(s <= head[0] < e for s, e, *_ in found):
            found.append(head)  # "1813.66. Then 12391", "5145 5271. resten e 0992 8181"
    return found


#: The digits right before a "then" or "the rest" that announces the second piece, with at most a full
#: stop or comma and "and"/"og" between: the first piece, which nothing announces.
#: A currency or an amount's word right before the first piece.
_MONEY_BEFORE = re.compile(r"(?i)(?:\bkr\.?|\bnok|€|\$|£|beløp\w*|amount|betalt?e?|paid)[ \t:]*$")
#: Eight digits in two pieces are a mobile number only where the message speaks of one.
_PHONE_CUE = re.compile(r"(?i)telefon|mobil|phone|nummer|number|\btlf|\bring|\bcall|\bsms")
_HEAD_BEFORE = re.compile(r"(?i)(?<![\d.,])(?P<num>\d(?:[ .]?\d){1,10})[.,]?[ \t]*(?:(?:and|og)[ \t]+)?$")


def _unannounced_head(text: str, cue: int, tail: str) -> Piece | None:
    """The first piece of a number whose second piece a cue announces ("Card number is 4371 9653 and then
    9862 7684"), when the digits of both make a number that vouches for itself: a valid fødselsnummer or
    account number, a card number that passes Luhn, or a Norwegian mobile number (round 41)."""
    m = _HEAD_BEFORE.search(text, max(0, cue - 30), cue)
    if m is None or _MONEY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "kr 12 500, resten 340 000": amounts
    digits = re.sub(r"\D", "", m.group("num") + tail)
    valid = (
        (len(digits) == 11 and (is_valid_fodselsnummer(digits) or is_valid_kontonummer(digits)))
        or (13 <= len(digits) <= 19 and luhn.is_valid(digits))
        or (len(digits) == 8 and digits[0] in "49" and _PHONE_CUE.search(text) is not None)
    )
    return (m.start("num"), m.end("num"), _digits(m.group("num")), None, "first") if valid else None


_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A word every pattern here needs, one of these at least.
_KEYS = (
    "første", "fyrste", "först", "first", "siste", "sista", "last", "half", "halv", "del", "part", "bit", "rest",
    "andre", "andra", "second", "other", "person", "født", "fødd", "fødsel", "born", "først", "begynner", "start",
    "slutter", "ends", "så ", "then", "fnr",
)  # fmt: skip
#: ``_KEYS`` as one alternation of literals: one scan instead of a substring test per key.
_ANY_KEY = re.compile("|".join(map(re.escape, _KEYS)))
_AMOUNT = re.compile(r"(?i)\s*(?:kr\b|kroner|nok\b|,-|%|€|\$|prosent|dager|år\b|mnd|måneder)")


def _digits(text: str) -> int:
    return sum(map(str.isdigit, text))


def _kind_of_length(total: int, digits: str) -> str | None:
    """What a number of ``total`` digits given in pieces (``digits``, joined) most likely is, when no word
    says it: eleven are an account number when only that checksum passes, else a fødselsnummer."""
    if total == 11 and is_valid_kontonummer(digits) and not is_valid_fodselsnummer(digits):
        return KONTO
    return {8: PHONE, 11: FNR, 16: CARD}.get(total)


def _kind_near(text: str, end: int) -> str | None:
    """The number's type from the nearest cue in the 80 characters before the piece ends, or else in
    the 60 after it ("de fem siste er 27378 og fødselsdatoen min er ...")."""
    found = None
    for m in _KIND.finditer(text, max(0, end - 80), end):
        found = _ENTITY[next(k for k, v in m.groupdict().items() if v)]
    if found is None and (after := _KIND.search(text, end, end + 60)) is not None:
        found = _ENTITY[next(k for k, v in after.groupdict().items() if v)]
    return found
