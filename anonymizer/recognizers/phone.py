"""Telephone numbers (PHONE_NUMBER): Norwegian in the usual groupings, any country in international form.

``phonenumbers`` accepts more than half of all random 8-digit strings as Norwegian numbers, so validity
alone proves little: the format has to carry the evidence. An international prefix ("+47", "0047",
"(+47)") or the 3-2-3 / 2-2-2-2 grouping Norwegians write numbers in is enough; a plain run of eight
digits needs a cue word ("tlf", "ring", "mobil"), or a name or address right before it (a signature),
and is otherwise left alone, like amounts, dates, KID and reference numbers.
"""

from __future__ import annotations

import re
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
)

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

ENTITY = "PHONE_NUMBER"

#: Entity types a signature line puts right before a phone number, and the score that then gives it.
SIGNATURE_NEIGHBOURS = frozenset({"PERSON", "ADDRESS"})
SIGNATURE_SCORE = 0.5

_BRACKETED_PREFIX = re.compile(r"^\(((?:\+|00)\d{1,3})\)")
_INTL_PREFIX = r"(?:\(\+\d{1,3}\)|\+\d{1,3}|\(00\d{1,3}\)|00\d{1,3})"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    # "+47 912 34 567", "0047 91234567", "(+47) 91234567", "+1 (415) 555-0123", "+44 (0)20 7946 0958".
    # Greedy; shortened to a valid number by the base class.
    ("intl", r"(?<![\w+(])" + _INTL_PREFIX + r"(?:[ \-./]{0,2}\(?\d{1,6}\)?){1,7}", 0.8),
    # Norwegian groupings: "912 34 567" (mobile style), "91 23 45 67", "22 12 34 56".
    ("no_3_2_3", GROUP_START + r"\d{3}[ \-]\d{2}[ \-]\d{3}" + GROUP_END, 0.55),
    ("no_2_2_2_2", GROUP_START + r"\d{2}(?:[ \-]\d{2}){3}" + GROUP_END, 0.55),
    # "9123 4567" and a plain "91234567": only with a cue word.
    ("no_4_4", GROUP_START + r"\d{4} \d{4}" + GROUP_END, 0.15),
    ("no_plain", NUM_START + r"\d{8}" + NUM_END, 0.15),
    # English chat writes home numbers nationally: UK "07700 900123", "020 7946 0958" (trunk 0) and
    # US "415-555-0123". Only with a cue word, and only if valid in that country.
    ("uk_national", GROUP_START + r"0\d{2,4}[ \-]?\d{3,4}[ \-]?\d{3,4}" + GROUP_END, 0.15),
    ("us_national", GROUP_START + r"\d{3}[ \-.]\d{3}[ \-.]\d{4}" + GROUP_END, 0.15),
)

CONTEXT: tuple[str, ...] = (
    "tlf", "tlf.nr", "tlfnr", "telefon", "telefonnummer", "telefonnr", "mobil", "mobilnummer", "mobilnr",
    "mobilen", "mob", "ring", "ringe", "ringer", "ringte", "nummer", "nummeret", "sms", "tekstmelding",
    "phone", "telephone", "call", "mobile", "cell", "number", "tel", "whatsapp", "kontakt", "kontakte",
    "contact", "reach", "text", "nås", "treffes", "treffe", "mob.", "mobnr",
)


def is_valid_phone(text: str) -> bool:
    """Valid for ``phonenumbers``: in its own country when written internationally, else in Norway."""
    candidate = _BRACKETED_PREFIX.sub(r"\1", text)
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    if candidate.startswith("+"):
        try:
            number = phonenumbers.parse(candidate, None)
        except phonenumbers.NumberParseException:
            return False
    else:
        national = digits(candidate)
        if len(national) == 8:
            # Norwegian numbers have no trunk prefix, so parsing (a third of the cost) can be skipped.
            number = phonenumbers.PhoneNumber(country_code=47, national_number=int(national))
        elif len(national) in (10, 11) and national.startswith("0"):
            number = phonenumbers.PhoneNumber(country_code=44, national_number=int(national[1:]))
        elif len(national) == 10:
            number = phonenumbers.PhoneNumber(country_code=1, national_number=int(national))
        else:
            return False
    return bool(phonenumbers.is_valid_number(number))


class ChatPhoneRecognizer(ChatPatternRecognizer):
    """Phone numbers with format and cue-word evidence, validated by libphonenumber."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    DENY = NUMBER_DENY | {"kontonummer", "kontonr", "konto", "orgnr", "org.nr", "fnr", "kortnummer"}
    DENY_AFTER = frozenset({"kr", "nok", "kroner"})
    MIN_DIGIT_RUN = 8  # the national formats; see could_match for the international one
    FREE_PATTERNS = frozenset({"intl"})  # "+1 (415) 555-0123" has brackets and a "+"
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

    def could_match(self, facts: TextFacts) -> bool:
        # Eight digits in a row for a Norwegian number; "+1 (415) 555-0123" breaks runs but has a "+".
        return facts.longest_run >= 8 or (facts.longest_run >= 1 and "+" in facts.text)

    def is_valid(self, candidate: str) -> bool:
        return is_valid_phone(candidate)
