"""NO_ORGNR through the public ``analyze()``: formats, the leading 8/9, cues and look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anonymizer.recognizers.orgnr import is_valid_orgnr
from tests.anonymizer.conftest import spans_of

O = "NO_ORGNR"  # noqa: E741

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Fakturerer fra 974760673MVA, takk", [(O, "974760673MVA")]),
    ("org.nr 974_760_673", [(O, "974_760_673")]),
    ("org.nr 974 760 673", [(O, "974 760 673")]),
    ("orgnr: 974760673", [(O, "974760673")]),
    ("Org. nr. 974760673", [(O, "974760673")]),
    ("NO 974 760 673 MVA", [(O, "NO 974 760 673 MVA")]),
    ("Fakturaen er fra NO-858 016 541-MVA, 7 812,50", [(O, "NO-858 016 541-MVA")]),
    ("NO858016541MVA", [(O, "NO858016541MVA")]),
    ("no974760673mva", [(O, "no974760673mva")]),
    ("orgnr 974760673 MVA.", [(O, "974760673 MVA")]),
    ("Organisasjonsnummer 923456783", [(O, "923456783")]),
    ("foretaksnummer: 812 345 672", [(O, "812 345 672")]),
    ("company number 987654325", [(O, "987654325")]),
    ("974 760 673", [(O, "974 760 673")]),  # the 3-3-3 grouping alone is telling
    ("enkeltpersonforetaket mitt har orgnr 812345672 og 987654325", [(O, "812345672"), (O, "987654325")]),
    ("Faktura fra 821 730 090 ser rar ut", [(O, "821 730 090")]),  # from a company, not an invoice no.
    ("Selskapet 927645025 skal bytte bank", [(O, "927645025")]),
    # a bare number that starts with 8/9 and passes the check is reported without a cue
    ("974760673", [(O, "974760673")]),
    ("Faktura fra 878113586 ser mistenkelig ut", [(O, "878113586")]),
    ("hei, enkeltpersonforetaket mitt 949121623 trenger ny konto", [(O, "949121623")]),
    # cues with typos, abbreviations and inflections (own phrasings, not from the corpus generator)
    ("Oganisasjonsnummerret er 953832364.", [(O, "953832364")]),
    ("the orgaanisation number is 895145475", [(O, "895145475")]),
    ("Ogr 988851590", [(O, "988851590")]),
    ("org nr. 999 825 966", [(O, "999 825 966")]),
    ("orgnummer: 876004674", [(O, "876004674")]),
    ("foretaksnr 989227661", [(O, "989227661")]),
    ("organisasjonsnumer 895145475 tilhører regnskapsbyrået", [(O, "895145475")]),
    ("our vendor's organsiation no is 953832364", [(O, "953832364")]),
    # negatives
    ("899866367", []),  # bad check digit
    ("orgnr 846419526", []),
    ("kid-nummer: 895145475", []),
    ("Fakturanummer 988851590 er betalt", []),
    ("ordrenummer 999825966", []),
    ("saksnr. 876004674", []),
    ("referanse 878113586", []),
    ("bestillingsnummer 949121623", []),
    ("kundenr 953832364", []),
    ("beløp 989227661", []),
    ("Jeg har betalt 953832364 kr", []),
    ("invoice no 988851590 is overdue", []),
    ("ring meg på 91234567", [("PHONE_NUMBER", "91234567")]),  # eight digits: a phone number, not an orgnr
    ("org.nr 974 760 674", []),  # bad check digit
    ("orgnr 123456785", []),  # valid mod 11, but organisation numbers start with 8 or 9
    ("974 760 673 kr", []),  # an amount
    ("fakturanr 974760673", []),
    ("KID 974 760 673", []),
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_orgnr(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)


@pytest.mark.parametrize(
    ("number", "valid"), [("974760673", True), ("974 760 673", True), ("123456785", False), ("97476067", False)]
)
def test_is_valid_orgnr(number: str, valid: bool) -> None:
    assert is_valid_orgnr(number) is valid
