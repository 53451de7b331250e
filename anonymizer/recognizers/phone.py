"""Telephone numbers (PHONE_NUMBER): Norwegian in the usual groupings, any country in international form.

``phonenumbers`` accepts more than half of all random 8-digit strings as Norwegian numbers, so validity
alone proves little: the format has to carry the evidence. An international prefix ("+47", "0047",
"(+47)") or the 3-2-3 / 2-2-2-2 grouping Norwegians write numbers in is enough; a plain run of eight
digits needs a cue word ("tlf", "ring", "mobil"), or a name or address right before it (a signature),
and is otherwise left alone, like amounts, dates, KID and reference numbers.
"""

from __future__ import annotations

import functools
import re
from types import MappingProxyType
from typing import TYPE_CHECKING

import phonenumbers
from presidio_analyzer import RecognizerResult

from anonymizer.recognizers._common import (
    GROUP_END,
    GROUP_START,
    NUM_END,
    NUM_START,
    NUMBER_DENY,
    ChatPatternRecognizer,
    TextFacts,
    digits,
    glued,
    text_facts,
)

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

ENTITY = "PHONE_NUMBER"

#: Entity types a signature line puts right before a phone number, and the score that then gives it.
SIGNATURE_NEIGHBOURS = frozenset({"PERSON", "ADDRESS"})
SIGNATURE_SCORE = 0.5
#: A number libphonenumber does not know (``is_possible_phone``): "+47" and eight digits are still a
#: phone number; a national one needs a cue word (+0.35 from the context enhancer).
UNLISTED_NORWEGIAN_SCORE = 0.45
UNLISTED_SCORE = 0.1
#: Any other country's prefix and a possible length: strict mode redacts it, balanced mode wants a cue.
UNLISTED_INTERNATIONAL_SCORE = 0.3

# libphonenumber's metadata holds hundreds of regular expressions, which it compiles with ``re.compile``
# on every validation; beside ours and Presidio's they overflow the ``re`` module's 512-entry cache, and
# about a third of the calls recompiled (cProfile: 4 % of the anonymizer's time in ``re_compile``). The
# library's own switch keeps each compiled once (``enable_pattern_cache``; older releases lack it and
# are left as they are).
_enable_pattern_cache = getattr(phonenumbers, "enable_pattern_cache", None)
if _enable_pattern_cache is not None:
    _enable_pattern_cache()

_BRACKETED_PREFIX = re.compile(r"^\(((?:\+|00)\d{1,3})\)")
#: "+47", "(+47)", "0047", "(0047)", and "00 48" (the international prefix dictated apart from the code).
_INTL_PREFIX = r"(?:\(\+\d{1,3}\)|\+\d{1,3}|\(00\d{1,3}\)|00 ?\d{1,3})"
#: Between the groups of an international number: up to two of space, dash, dot or slash, a spaced dash,
#: or a line break ("+44 7911\n123456": a narrow screen); the match is then shortened to a valid number.
_INTL_GAP = r"(?:[ \-./]{0,2}| [\-–] |[ \t]*\r?\n[ \t]*)"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    # "+47 912 34 567", "0047 91234567", "(+47) 91234567", "+1 (415) 555-0123", "+44 (0)20 7946 0958".
    # Greedy; shortened to a valid number by the base class. A bracket inside the number comes in pairs:
    # "(+252 61 555 2301)" is a number in brackets, whose closing one is not part of it. Groups may be set
    # apart by a spaced dash: "+48 601 - 22 - 93 - 17".
    ("intl", r"(?<![\w+])(?<![^\W\d_]-)" + _INTL_PREFIX + r"(?:" + _INTL_GAP + r"(?:\(\d{1,6}\)|\d{1,6})){1,12}", 0.8),
    # Norwegian groupings: "912 34 567" (mobile style), "91 23 45 67", "22 12 34 56".
    ("no_3_2_3", GROUP_START + r"\d{3}[ \-]\d{2}[ \-]\d{3}" + GROUP_END, 0.55),
    ("no_2_2_2_2", GROUP_START + r"\d{2}(?:[ \-]\d{2}){3}" + GROUP_END, 0.55),
    # "9123 4567" and a plain "91234567": only with a cue word.
    ("no_4_4", GROUP_START + r"\d{4} \d{4}" + GROUP_END, 0.15),
    ("no_plain", NUM_START + r"\d{8}" + NUM_END, 0.15),
    ("no_glued", glued(r"\d{8}"), 0.15),  # "tlf er94423076", "telefon:94544515mvh"
    # English chat writes home numbers nationally: UK "07700 900123", "020 7946 0958" (trunk 0) and
    # US "415-555-0123". Only with a cue word, and only if valid in that country.
    ("uk_national", GROUP_START + r"0\d{2,4}[ \-]?\d{3,4}[ \-]?\d{3,4}" + GROUP_END, 0.15),
    # Numbers in links: "https://wa.me/4741277291", "tel:+4741234567", "sms:41234567".
    ("link", r"(?i)(?<=wa\.me/)\+?\d{8,15}(?!\d)|(?<=tel:)\+?\d[\d\-]{7,17}(?!\d)|(?<=sms:)\+?\d{8,15}(?!\d)", 0.8),
    # Swedish mobiles as Swedes write them, "070-491 66 30", "073 981 22 40": a shape no amount has.
    ("se_mobile", GROUP_START + r"07[02369][\- ]?\d{3} ?\d{2} ?\d{2}" + GROUP_END, 0.5),
    # British mobiles as Britons write them, "07834 296861", "07834 296 861": five digits, then six in one
    # or two groups; no account or national identity number is grouped so (those are 4.2.5 and 6+5).
    ("uk_mobile", GROUP_START + r"07\d{3}[ \-](?:\d{6}|\d{3}[ \-]\d{3})" + GROUP_END, 0.5),
    ("us_national", GROUP_START + r"(?:1[ \-.])?\d{3}[ \-.]\d{3}[ \-.]\d{4}" + GROUP_END, 0.15),
    ("us_bracketed", r"(?<![\w(+])(?:1[ \-.]?)?\(\d{3}\)[ \-.]?\d{3}[ \-.]\d{4}(?![\d\-])", 0.15),  # "(971) 555-0142"
)

CONTEXT: tuple[str, ...] = (
    "tlf", "tlf.nr", "tlfnr", "telefon", "telefonnummer", "telefonnr", "mobil", "mobilnummer", "mobilnr",
    "mobilen", "mob", "ring", "ringe", "ringer", "ringte", "nummer", "nummeret", "sms", "tekstmelding",
    "phone", "telephone", "call", "mobile", "cell", "number", "tel", "whatsapp", "kontakt", "kontakte",
    "contact", "reach", "text", "nås", "treffes", "treffe", "mob.", "mobnr", "nr", "tlfnr", "tel.", "tfn",
    "fasttelefon", "jobbtelefon", "kontortelefon", "kontortlf", "msisdn",
    "jobb", "jobben", "jobbet", "privat", "hjemme", "festnetz", "handy", "ringa",
    "nå", "mig", "telefonnumer", "mobilnumer", "landline", "work", "home", "office", "fax", "ringes",
    "vipps", "vippse", "vippset", "vippsa", "vipps-nummer", "vippsnummer", "swish", "mobilepay",
    # being reachable, in dialect, nynorsk and English: "eg e nåbar på 51884210", "kan nåast på",
    # "treffbar på", "er å treffa på", "reachable at" ("reach" already covers "reachable")
    "nåbar", "nåast", "treffast", "treffbar", "treffa",
)


#: Countries whose customers write to a Norwegian bank and whose numbers, written nationally, start
#: with a trunk 0: Sweden "070-123 45 67", Germany "030 9821 4477", Britain "07700 900123", Finland.
TRUNK_ZERO_REGIONS: tuple[str, ...] = ("SE", "GB", "DE", "FI")


@functools.lru_cache(maxsize=32)
def _parse(text: str) -> tuple[phonenumbers.PhoneNumber, ...]:
    """The numbers ``text`` may stand for: in its own country when written internationally; Norwegian
    for 8 digits (or "47" and 8 digits, the country code dictated without its "+"); one of
    ``TRUNK_ZERO_REGIONS`` for a national number with a trunk 0; North American for 10 digits.

    Cached for the few candidates of one message (callers only read the numbers): the shrinking loop
    asks ``is_possible_phone`` of a candidate and ``score_of`` then asks ``is_valid_phone`` of the same
    text, and ``phonenumbers.parse`` of an international number is the costliest step of either."""
    return tuple(_parse_uncached(text))


def _parse_uncached(text: str) -> list[phonenumbers.PhoneNumber]:
    """``_parse`` without the cache."""
    # "+47 (0) 57 72 61 40", "+44 (0)20 7946 0958": the trunk 0 in brackets is not dialled from abroad
    candidate = _BRACKETED_PREFIX.sub(r"\1", text).replace("(0)", "")
    if "\n" in candidate:  # a number broken over two lines: libphonenumber reads no line break
        candidate = " ".join(candidate.split())
    national = digits(candidate)
    if candidate.startswith("+") or national.startswith("00"):
        # "+47 ...", "0047 ...", "00 48 ...", "0 0 4 7 9 1 2 ..." (the "00" dictated digit by digit)
        try:
            return [phonenumbers.parse(candidate if candidate.startswith("+") else "+" + national[2:], None)]
        except phonenumbers.NumberParseException:
            return []
    if len(national) == 8:
        # Norwegian numbers have no trunk prefix, so parsing (a third of the cost) can be skipped.
        return [phonenumbers.PhoneNumber(country_code=47, national_number=int(national))]
    if len(national) == 10 and national.startswith("47") and national[2] not in "01":
        return [phonenumbers.PhoneNumber(country_code=47, national_number=int(national[2:]))]
    if 9 <= len(national) <= 12 and national.startswith("0") and national[1] != "0":
        return [_national(national, region) for region in TRUNK_ZERO_REGIONS]
    if len(national) == 9 and national[0] in "567":
        # Polish mobiles written nationally, "600 123 456", the largest group of newcomers; a Norwegian
        # organisation number (also nine digits in threes) starts with 8 or 9
        return [_national("0" + national, "PL")]
    if national.startswith(("86", "89")) and len(national) in (9, 11):
        # Lithuanian "8 612 37904" and Russian "8 912 345 67 89": mobiles after the trunk prefix 8
        return [_national(national, "LT" if len(national) == 9 else "RU")]
    if len(national) == 10:
        return [phonenumbers.PhoneNumber(country_code=1, national_number=int(national))]
    if len(national) == 11 and national.startswith("1"):
        return [phonenumbers.PhoneNumber(country_code=1, national_number=int(national[1:]))]  # "1-646-555-0137"
    return []


def _national(national: str, region: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.PhoneNumber(
        country_code=phonenumbers.country_code_for_region(region), national_number=int(national[1:])
    )


def is_valid_phone(text: str) -> bool:
    """Valid for ``phonenumbers`` (an assigned range of a real numbering plan)."""
    return any(phonenumbers.is_valid_number(number) for number in _parse(text))


def is_possible_phone(text: str) -> bool:
    """The right length for its country, in a range that may be assigned tomorrow.

    Numbering plans grow (Norway opens new mobile ranges every few years) and libphonenumber's metadata
    lags behind them; a customer's number in a new range is as personal as any. Norwegian subscriber
    numbers never start with 0, which keeps most dates of eight digits out. North American
    numbers written nationally have no prefix to vouch for them, so those must be valid.
    """
    international = text.lstrip("(").startswith(("+", "00"))
    for number in _parse(text):
        if number.country_code == 47:
            national = str(number.national_number)
            if len(national) == 8 and national[0] != "0":
                return True  # with a cue even "104 22 876": ranges open, and people mistype a digit
        elif number.country_code == 1 and not international:
            if phonenumbers.is_valid_number(number):
                return True
        elif phonenumbers.is_possible_number(number):
            return True
    return False


#: A number of eight digits in a Norwegian mobile range (4 or 9 first), grouped in any way ("49 831 386",
#: "447 40918", "4 1 2 3 4 5 6 7", over lines): what else would a customer write so? Strict mode
#: redacts it without a cue word; balanced mode still wants one.
MOBILE_CHAIN_SCORE = 0.3


_GROUPS = re.compile(r"\d+")
_DECIMALS = re.compile(r"^\d+[.,]\d{2}$")
_AMOUNT_AFTER = re.compile(r"[.,]\d{1,2}(?!\d)|,-")
#: Shapes of other numbers: a year and a dash first, a date, an account (4.2.5), a birth number (6+5).
_SHAPED_AS_OTHER = re.compile(
    r"^(?:19|20)\d\d-|\d\d\.\d\d\.(?:19|20)\d\d|^\d{4}\.\d{2}\.\d{5}$|^[0-3]\d[01]\d\d\d\s\d{5}$"
)
#: A reference code's letters glued before the digits ("CC-", "INK-", "#"), not a phone cue ("TLF-").
_CODE_BEFORE = re.compile(r"(?:(?<![\w])(?!TLF|TEL|MOB)[A-Z]{1,4}-|#)$")
_PERSONNUMMER_AFTER = re.compile(r"-\d{4}\b")
_CURRENCY_AFTER = re.compile(r"(?i)[ \t]*(?:kr\b|nok\b|kroner\b|,-)")
_CURRENCY_BEFORE = re.compile(r"(?i)(?:[£$€¥]|kr\.?|nok|sek|dkk|eur|usd|gbp)\s*$")
#: Cue words that make such a number something else: a code, a reference, an error.
MOBILE_CHAIN_DENY = frozenset({"kode", "koden", "code", "engangskode", "otp", "pin", "feilkode", "error", "err"})
#: Words that make eight digits written in one piece a reference rather than a phone ("Fakturanr
#: 94150561", "ordre #94571022", "TID 40011872"): looked for among the three words before it.
REFERENCE_WORDS = frozenset({
    "faktura", "fakturanr", "fakturanummer", "fakturanummeret", "fakturanr.", "ordre", "ordren", "ordrenr",
    "ordrenummer", "ordrenummeret", "order", "invoice", "tid", "terminal-id", "terminal", "kid", "kid-nummer",
    "kidnummer", "ref", "ref.", "referanse", "referansen", "referansenummer", "reference", "sak", "saken",
    "saksnr", "saksnummer", "saksnummeret", "case", "ticket", "kundenummer", "kundenr", "kundenummeret",
    "kunde-id", "avtalenr", "avtalenummer", "avtalen", "polise", "polisenummer", "forsikringsnummer", "id",
    "bestilling", "bestillingsnummer", "sporingsnummer", "tracking", "pakke", "sendingsnummer", "lånenummer",
    "lån", "medlemsnummer", "transaksjon", "transaksjons-id", "transaction", "ordrebekreftelse", "booking",
    "bookingnummer", "versjon", "version", "serienummer", "serial", "arkivref", "journalnummer", "dok",
})  # fmt: skip


_PHONE_WORDS = frozenset(CONTEXT) | {"tlf", "tlf.", "telefon", "mobil", "mobilnr", "tel"}
#: "plus" or "pluss" said for the "+" right before a number.
_SPOKEN_PLUS = re.compile(r"(?i)(?<![^\W\d_])pluss?[ \t]+(?:\d{1,3}[ \t]+)?$")  # "pluss 47 92345678"


def _reference(text: str, start: int) -> bool:
    """Eight digits in one piece after a reference word, a "#" or a "nr." that no phone word precedes."""
    before = text[max(0, start - 40) : start]
    if before.rstrip().endswith(("#", "nr", "nr.", "no", "no.", "nummer", "number")):
        words = before.lower().split()
        return not any(w.strip(":.,") in _PHONE_WORDS for w in words[-3:])
    words = [w.strip(":.,()#") for w in before.lower().split()[-3:]]
    return any(w in REFERENCE_WORDS for w in words)


def mobile_chains(text: str) -> list[tuple[int, int]]:
    """Spans of whole digit chains of eight digits that start with 4 or 9, grouped as no reference or
    amount is: not "4510-8837" (an order), "9182 4417" (a code; that one needs a cue word as before),
    "45 000 000" (an amount), nor glued to a word ("ERR_400 882 19"). Written in one piece
    ("48123390") it is a phone too unless a reference word comes just before it (``REFERENCE_WORDS``):
    in the development sets 23 of 30 such numbers were phones, and all 7 others had such a word."""
    facts = text_facts(text)
    candidates = [(c.segments[0][0], c.segments[-1][1]) for c in facts.chains if c.digits == 8]
    candidates += [(r.start, r.end) for r in facts.runs if r.digits == 8 and text[r.start : r.end].isdigit()]
    # "vippset 430 95 143 450 kr": the last group before a currency is the amount, the eight before it the phone
    for chain in facts.chains:
        start, end = chain.segments[0][0], chain.segments[-1][1]
        if chain.digits > 8 and _CURRENCY_AFTER.match(text, end) is not None:
            parts = list(_GROUPS.finditer(text, start, end))
            if len(parts) > 2 and chain.digits - len(parts[-1].group()) == 8:
                candidates.append((start, parts[-2].end()))
    spans = []
    for start, end in sorted(set(candidates)):
        number = text[start:end]
        groups = _GROUPS.findall(number)
        if number[0] not in "49" or "-" in number or "000" in groups:
            continue
        if len(groups) < 2 and (_reference(text, start) or _AMOUNT_AFTER.match(text, end)):
            continue
        if [len(g) for g in groups] == [4, 4] or (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-")):
            continue
        if end < len(text) and (text[end].isalnum() or text[end] in "_"):
            continue  # "48123390kr", "94150561A": glued to a word
        if _DECIMALS.search(number) or _CURRENCY_BEFORE.search(text, max(0, start - 5), start):
            continue  # "£931932.65", "kr 41 234 567": an amount
        before = [w.strip(":.,") for w in text[max(0, start - 30) : start].lower().split()]
        if any(w in MOBILE_CHAIN_DENY for w in before[-1 if len(groups) > 1 else -3 :]):
            continue
        spans.append((start, end))
    return spans


def _digits(text: str) -> str:
    return "".join(filter(str.isdigit, text))


class ChatPhoneRecognizer(ChatPatternRecognizer):
    """Phone numbers with format and cue-word evidence, validated by libphonenumber."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    DENY = NUMBER_DENY | {
        "kontonummer", "kontonr", "konto", "orgnr", "org.nr", "fnr", "kortnummer", "account",
        # police reports, applications, receipts, statements, loans: their numbers are references
        "anmeldelse", "anmeldelsen", "anmeldelsesnummer", "anmeldelsesnr", "anm", "anm.", "politianmeldelse",
        "application", "søknad", "søknadsnummer", "søknaden", "kvitt.nr", "kvitteringsnr", "kvittering",
        "statement", "loan",
    }  # fmt: skip

    def is_denied(self, text: str, start: int, end: int) -> bool:
        """Also a number shaped as something else: a reference code glued to its letters ("CC-7781-0524",
        "#2291-4408"), a year opening it ("2024-117732", "2025-07-02"), a date inside ("02.03.2024 15"), a
        Swedish personal number's first part ("19930812-7936"), an account (4.2.5) or a birth number (6+5)."""
        candidate = text[start:end]
        if _SHAPED_AS_OTHER.search(candidate) or _CODE_BEFORE.search(text, max(0, start - 6), start):
            return True
        if _PERSONNUMMER_AFTER.match(text, end):
            return True
        return super().is_denied(text, start, end)
    DENY_AFTER = frozenset({"kr", "nok", "kroner"})
    MIN_DIGIT_RUN = 8  # the national formats; see could_match for the international one
    #: "4 1 2 3 4 5 6 7", "41 23\n45 67", "0771-44 55 20", "47 91 28 50 34": with a cue only
    LOOSE_LENGTHS = frozenset({8, 9, 10, 11, 12})
    LOOSE_SCORE = 0.15
    FREE_PATTERNS = frozenset({"intl", "us_bracketed", "link"})  # "+1 (415) 555-0123" has brackets and a "+"
    #: What each free pattern cannot match without (see ChatPatternRecognizer.PATTERN_HINTS): the "+" or
    #: "00" of an international prefix, the bracket of "(971) 555-0142", the start of a link.
    PATTERN_HINTS = MappingProxyType({"intl": r"\+|00", "us_bracketed": r"\(", "link": r"wa\.me/|tel:|sms:"})
    SHRINK_TO_VALID = True
    SHRINK_MIN_CHARS = 8

    def enhance_using_context(
        self,
        text: str,
        raw_recognizer_results: list[RecognizerResult],
        other_raw_recognizer_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """A number right after a name or an address is a signature line ("Kari Hansen\n91234567").

        Presidio's hook for related-entity context: a weak candidate (a plain eight-digit number) that
        follows a PERSON or ADDRESS result with only spaces and punctuation between is raised as if a cue
        word stood before it.
        """
        anchors = [r.end for r in other_raw_recognizer_results if r.entity_type in SIGNATURE_NEIGHBOURS]
        if not anchors:
            return raw_recognizer_results
        for result in raw_recognizer_results:
            before = [end for end in anchors if end <= result.start]
            if result.score >= SIGNATURE_SCORE or not before:
                continue
            gap = text[max(before) : result.start]
            if len(gap) <= 4 and not any(ch.isalnum() for ch in gap):
                result.score = SIGNATURE_SCORE
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return raw_recognizer_results

    def add_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Norwegian mobile numbers in any grouping (see ``mobile_chains``), over weaker pattern results."""
        for start, end in mobile_chains(text):
            if self.is_denied(text, start, end):
                continue
            clash = [r for r in results if r.start < end and start < r.end]
            if all(r.score < MOBILE_CHAIN_SCORE for r in clash):
                results = [r for r in results if r not in clash]
                results.append(self._result(self._loose_pattern, start, end, MOBILE_CHAIN_SCORE))
        return self._spoken_plus(text, self._restated(text, results))

    @staticmethod
    def _spoken_plus(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """ "plus four seven nine two ...", "pluss 47 9234...": the country code's "+" said as a word, and
        the code after it, are part of the number (left readable, they say whose number it is)."""
        for result in results:
            m = _SPOKEN_PLUS.search(text, max(0, result.start - 11), result.start)
            if m is not None and m.end() == result.start:
                result.start = m.start()
        return results

    def _restated(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """ "jeg har 9 1 8 - 2 2 - 4 7 1 nei vent 918 22 471": the same digits typed twice are the same
        number. A digit chain holding exactly the digits of a phone number found in the message is that
        number, however oddly it is grouped, though alone it would need a cue word."""
        sure = {_digits(text[r.start : r.end]) for r in results if r.score >= MOBILE_CHAIN_SCORE}
        if not sure:
            return results
        for chain in text_facts(text).chains:
            start, end = chain.segments[0][0], chain.segments[-1][1]
            if _digits(text[start:end]) not in sure:
                continue
            clash = [r for r in results if r.start < end and start < r.end]
            if all(r.score < MOBILE_CHAIN_SCORE for r in clash):
                results = [r for r in results if r not in clash]
                results.append(self._result(self._loose_pattern, start, end, MOBILE_CHAIN_SCORE))
        return results

    def could_match(self, facts: TextFacts) -> bool:
        # Eight digits in a row for a Norwegian number; "+1 (415) 555-0123" breaks runs but has a "+".
        # "(971) 555-0142" breaks runs at its brackets.
        if max(facts.longest_run, facts.longest_chain) >= 8:
            return True
        return (facts.longest_run >= 1 and "+" in facts.text) or (facts.longest_run >= 3 and "(" in facts.text)

    def is_valid(self, candidate: str) -> bool:
        return is_possible_phone(candidate)

    def score_of(self, candidate: str, score: float) -> float:
        """Below the pattern's score when libphonenumber does not know the range (see
        ``is_possible_phone``): a "+47" and eight digits still stand on their own, anything else then
        needs a cue word ("ring meg på 4 1 2 3 4 5 6 7")."""
        if is_valid_phone(candidate):
            return score
        if candidate.lstrip("(").startswith(("+47", "0047")):
            return min(score, UNLISTED_NORWEGIAN_SCORE)
        if candidate.lstrip("(").startswith("+"):
            # "+44 7700 900123": a fictional range, a phone still; not "0044..." (a reference as often)
            return min(score, UNLISTED_INTERNATIONAL_SCORE)
        return min(score, UNLISTED_SCORE)
