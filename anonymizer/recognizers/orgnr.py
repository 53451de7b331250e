"""Norwegian organisation numbers (NO_ORGNR): 9 digits starting with 8 or 9, "923 456 789", mod 11.

A sole proprietorship's organisation number points at one person, so it is redacted. The rule for a
bare number: nine digits that start with 8 or 9 *and* pass the mod-11 check are reported on their own
(score just above the threshold), unless the nearest word before them is a deny word ("KID", "faktura-
nummer", "kr", "beløp" ...) or "kr" follows. Random nine-digit strings pass both checks about one time
in 55, and the numbers that chat is full of (amounts, dates, KID, case and order numbers) are either
shorter, separated, or announced by a deny word; while customers often drop or mistype the cue ("Faktura
fra 889423994", "Ogr 811519030"). A cue, typos included ("Oganisasjonsnummerret"), raises the score;
the 3-3-3 grouping and the VAT form "NO 923 456 789 MVA" score higher on their own. The span is the digits
with their separators, and in the VAT form the "NO" and "MVA" around them as well: they are format marks,
not the identifier, but people who label invoices take the whole form as the number (two of the writers
of the development sets did), and "NO <NO_ORGNR> MVA" says no more than "<NO_ORGNR>".
``stdnum.no.orgnr`` checks the mod-11 digit but not the leading 8/9, so that is checked here.
"""

from __future__ import annotations

from types import MappingProxyType

from stdnum.no import orgnr as _orgnr

from anonymizer.recognizers._common import (
    GROUP_END,
    GROUP_START,
    NUM_END,
    NUM_START,
    NUMBER_DENY,
    ChatPatternRecognizer,
    digits,
)

ENTITY = "NO_ORGNR"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    ("orgnr_mva", r"(?<![\w@])(?:NO[ \-]?)?[89]\d{2} ?\d{3} ?\d{3}[ \-]?MVA\b", 0.95),
    ("orgnr_3_3_3", GROUP_START + r"[89]\d{2}[ .]\d{3}[ .]\d{3}" + GROUP_END, 0.5),
    ("orgnr_bare", NUM_START + r"[89]\d{8}" + NUM_END, 0.45),
    # glued to its VAT suffix, as on invoices: "805185333MVA", "NO805185333MVA"
    ("orgnr_glued_mva", r"(?<![\w@])(?:NO)?[89]\d{8}MVA\b", 0.9),
)

CONTEXT: tuple[str, ...] = (
    "org.nr", "orgnr", "org", "org.n", "orgn", "organisasjonsnummer", "organisasjonsnr", "organisasjonsn",
    "org.nummer", "orgnummer", "foretaksnummer", "foretaksnr", "foretaksn", "foretak", "enhetsregisteret",
    "brønnøysund", "brreg", "mva", "firma", "selskap", "bedrift", "aksjeselskap", "leverandør", "enk",
    "company", "organisation", "organization", "registration", "business", "vat", "supplier", "vendor",
    # typos too short for edit-distance matching (see anonymizer/recognizers/_cues.py)
    "orggnr", "orgr", "ogrnr", "ogr", "orgnmr", "ogrn", "ogr.nr",
)


def is_valid_orgnr(text: str) -> bool:
    """Nine digits, first 8 or 9, valid mod-11 check digit (stdnum)."""
    number = digits(text)
    return len(number) == 9 and number[0] in "89" and _orgnr.is_valid(number)


class NoOrgnrRecognizer(ChatPatternRecognizer):
    """Norwegian organisation numbers (Enhetsregisteret)."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    MIN_DIGIT_RUN = 9
    #: The VAT forms may start at "NO", before the digit run: searched over the text, when it says "mva".
    FREE_PATTERNS = frozenset({"orgnr_mva", "orgnr_glued_mva"})
    PATTERN_HINTS = MappingProxyType({"orgnr_mva": "mva", "orgnr_glued_mva": "mva"})
    DENY = NUMBER_DENY
    DENY_AFTER = frozenset({"kr", "nok", "kroner"})
    LOOSE_LENGTHS = frozenset({9})
    LOOSE_SCORE = 0.3

    def is_valid(self, candidate: str) -> bool:
        return is_valid_orgnr(candidate)
