"""ADDRESS, read from what the sentence says: "jeg bor i Tjøtta 8860", "adressa e Nedre Bakklandet 22",
"Address: Apartment 12, The Maltings, Grand Canal Dock, Dublin 4, D04 T2X9".

The street grammar in ``address.py`` knows street words ("gate", "veien", "Street", "Straße") and postcode
formats; addresses without either slip past it: farms and places ("Nordre Haugen 3"), Sami names
("Guovdageainnu 12"), formats of countries it does not model ("545 W 45th St, Apt 7C, New York, NY
10036", "Blk 7 Lot 12, Mabini St."). But the customer usually says that an address follows. After such a
cue, this recognizer takes the rest of the clause (to the end of the sentence, the line, or a word that
starts a new clause) as the address, when it holds a number (a house number or a postcode) and does not
read as a time or an amount ("bor i Norge i 5 år"). An envelope's next line with a postcode belongs to it.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymizer.recognizers._gazetteer import FUNCTION, word_flags
from anonymizer.recognizers.address_world import world_addresses

ENTITY = "ADDRESS"
SCORE = 0.6
#: An address read by a country's format (``address_world.py``): its structure is evidence enough to win
#: over a name read inside it ("Hàng Bạc", "San Isidro").
WORLD_SCORE = 0.85

#: What says that an address follows.
_CUE = re.compile(
    r"(?i)(?:\b(?:ny|nye|new|gammel|gamle|old|min|mi|my|vår|our|hans|hennes|her|his|their|deres)\s+)?"
    r"(?<![\w-])(?:post|hjemme|bosteds|leverings|besøks|faktura|gards|gårds|heim|heime|folkeregister|privat|e?)?"
    r"(?:adresse|adressa|adressen|adress|address|addr\.?"
    r"|leieobjekt|leieobjektet|bopel|bosted)(?:\s+(?:min|mi|mitt|vår|er|e|is|ist|var|was|blir|will be|lyder))*"
    r"\s*[:=]?\s+"
    r"|\b(?:bor|bur|bodde|budde|bodd|budd|bott|live|lives|lived|living|flytta|flyttet|flytter|flyttar|moved|moving)"
    r"(?:\s+(?:nå|no|now|sammen|together|fortsatt|still))?\s+(?:i|på|pa|te|til|at|in|to|ved|hos)\s+"
    r"|\b(?:orun|ásan)\s+"  # Northern Sami: "I live"
    r"|\b(?:send|sende|sendes|skicka|post|mail)\s+(?:\w+\s+){0,2}?(?:kortet|brevet|posten|pakken|kort|papirene"
    r"|dokumentene|det|it|the card|the letter|kortet mitt)\s+(?:til|till|to)\s+"
)
#: A piece of every cue above, for a cheap test.
_CUE_KEYS = (
    "adress", "addr", "leieobjekt", "bopel", "bosted", "bor ", "bur ", "bodd", "budd", "bott", "live", "flytt", "moved",
    "moving", "orun", "ásan", "send", "skicka", "post", "mail",
)  # fmt: skip
#: ``_CUE_KEYS`` as one alternation of literals: one scan of the lower-cased text instead of a substring
#: test per key (it finds a match exactly where one of the keys occurs).
_ANY_CUE_KEY = re.compile("|".join(map(re.escape, _CUE_KEYS)))
#: Where the address ends: the end of a sentence or line, or a word that starts another clause.
_END = re.compile(
    r"\s*(?:[.!?;](?:\s|$)|\n|$|\(|\s[-–—]\s|,?\s*\+\d|,\s*(?=\d{2} \d{2} \d{2} \d{2}\b|\d{3} \d{2} \d{3}\b|\d{8}\b)"
    r"|\s+(?:og|and|men|but|rett|right|until|så|so|hvor|where|siden|since|fra|frå|from|nå|now|no|sidan"
    r"|kan|can|der|there|which|som|who|med|with|but|eller|or|please|pls|takk|thanks|i\s+(?:\d+|ett|to|tre)"
    r"|in\s+(?:\d|the|jan|january|feb|february|march|april|may|june|july|aug|august|sept?|september|oct|october"
    r"|nov|november|dec|december))\b"
    r"|,\s*(?:og|and|men|but|så|so|kan|can|tlf|telefon|phone|mob|mobil|e-?post|e-?mail|tel|takk|tack|tak|iban|konto"
    r"|kontonr|kontonummer|account"
    r"|thanks|thx|please|pls|ikkje|ikke|itj|not|men|but)\b)",
    re.IGNORECASE,
)
#: The rest of a label after the cue word: "for the card: ", "til kortet: " (a few words without digits).
_LABEL_REST = re.compile(r"(?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]+:[ \t]+(?=\w)")
#: Not an address, though it follows a cue: a time, an amount, a floor, a number of people.
_NOT_ADDRESS = re.compile(
    r"(?i)\b(?:sek|dkk|eur|usd|gbp|pln|år|års|years?|måneder|månader|months?|mnd|uker|veker|weeks?|dager|dagar|days?|netter|natt|nights?|døgn|timer|hours?"
    r"|kr|kroner|nok|prosent|percent|personer|people|barn|children)\b|%"
)
#: A floor: no address on its own ("bor i 4. etasje"), but part of one after a street and number.
_FLOOR = re.compile(r"(?i)\b(?:etasje|etg|høgd|høgda|floor)\b")
#: A dot that ends an abbreviation, not the sentence: "Mabini St., Brgy. San Isidro", "No. 14", "al. 53".
_ABBREVIATION_DOT = re.compile(
    r"(?i)(?:^|(?<=[\s,]))(?:[a-z]|st|rd|ave|av|blvd|dr|ln|sq|ct|pl|cres|hwy|mt|gt|gr|vn|al|pr|no|nr|ul|vul|brgy"
    r"|bgy|blk|bldg|apt|tp|co|leil|etg|h\.no)$"
)

#: What follows such a dot inside an address: a comma, a number, a name that goes on ("Brgy. San Isidro,");
#: and a floor after its ordinal ("4. etg.").
_MORE_ADDRESS = re.compile(r"\.[ \t]*(?:[,#\d]|[A-Z][^\W\d_]*[ \t,.]+[A-Z\d])")
_ORDINAL_FLOOR = re.compile(r"(?<![\w.])\d{1,2}\.[ \t]*(?i:etg|etasje|etage|høgd|høgda|sal|floor|stock|th|tv|mf)\b")

_NUMBER_AFTER = re.compile(r"\.?[ \t]?#?\d")


def _clause_end(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """The first ``_END`` after ``pos`` that is not the dot of an abbreviation ("St.", "No.", "Brgy.")
    followed by more of the address."""
    while (m := _END.search(text, pos, limit)) is not None:
        dot = m.group().lstrip().startswith(".") and (
            (
                _ABBREVIATION_DOT.search(text, max(0, m.start() - 5), m.start())
                and _MORE_ADDRESS.match(text, m.start()) is not None
            )
            or _ORDINAL_FLOOR.match(text, max(0, m.start() - 2)) is not None
            or _ORDINAL_FLOOR.match(text, max(0, m.start() - 1)) is not None
        )
        number = m.group().strip().lower() == "no" and _NUMBER_AFTER.match(text, m.end()) is not None
        if not (dot or number):  # "Ward No. 5": the abbreviation of "number", not Norwegian "now"
            return m
        pos = m.start() + 1
    return None


_ORDINAL_START = re.compile(r"\d{1,2}\.\s")
#: The next line of an envelope: a postcode and a place ("0481 Oslo", "EH1 2AB Edinburgh", "Toronto, ON
#: M5H 1J8").
_POSTCODE_LINE = re.compile(r"\n[ \t]*(?=[^\n]{0,40}\d)(?:[A-ZÆØÅa-zæøå0-9][^\n]{2,60})")
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_NOT_A_PLACE_LINE = re.compile(
    r"(?i)\n[ \t]*(?:tel|tlf|telefon|phone|mob|mobil|e-?post|e-?mail|mail|konto|account|iban|fnr|fødselsn|org"
    r"|kid|sum|beløp|dato|date|ref|web|www|http)|\n[^\n]*[:@+]"
)
_NOT_POSTAL_BEFORE = re.compile(r"(?i)\b(?:ip|e-?post|e-?mail|mail|web|nett|url|mac|bitcoin|btc|wallet)[\s-]*$")
_BAD_START = re.compile(
    r"(?i)(?:og|and|eller|or|men|but|fra|frå|från|from|fom|f\.o\.m|er|e|is|was|var|blir|på|til|to|feil|ikke|ikkje"
    r"|not|iban|konto|kontonr"
    r"|kontonummer|account|acc|nr|nummer|number|kid|swift|bic|bankgiro|plusgiro|reg|my|min|mitt|meg|me|him|her|them"
    r"|deg|you|dere)\b"
)
_NUMBERS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A word and a house number, or a postcode and a place: what a lower-case address must hold.
_HOUSE_NUMBER = re.compile(r"[^\W\d_]{3,} \d{1,4}[a-zA-Z]?\b|\b\d{4,5} [^\W\d_]{2,}")
MAX_CHARS = 110


def cue_ends(text: str) -> list[int]:
    """Where each cue that an address follows ends (after the cheap test for a cue word)."""
    low = text.lower()
    if _ANY_CUE_KEY.search(low) is None:
        return []
    return [m.end() for m in _CUE.finditer(text)]


def cued_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address that a cue announces; see the module docstring."""
    spans: list[tuple[int, int]] = []
    if _DIGIT.search(text) is None:
        return spans  # every address here holds a number
    low = text.lower()
    if _ANY_CUE_KEY.search(low) is None:
        return spans  # no cue word (the cheap test before the pattern)
    for cue in _CUE.finditer(text):
        if _NOT_POSTAL_BEFORE.search(text, max(0, cue.start() - 12), cue.start()):
            continue  # "IP-adressen", "my IP adress is", "e-mail address": not where anyone lives
        start = cue.end()
        if start >= len(text) or not (text[start].isalnum()):
            continue
        if "\n" in cue.group() and (stacked := _stacked_lines(text, start)) is not None:
            spans.append(stacked)  # "Address:\n12\nØvre Storgate\n3018\nDRAMMEN": one field per line
            continue
        label = _LABEL_REST.match(text, start)
        if label is not None:
            start = label.end()  # "Address for the card: Bergensgata 18": the address follows the colon
        end_match = _clause_end(text, start + 1, min(len(text), start + MAX_CHARS))
        end = end_match.start() if end_match else min(len(text), start + MAX_CHARS)
        body = text[start:end].rstrip(" ,")
        end = start + len(body)
        nxt = _POSTCODE_LINE.match(text, end)
        if nxt is not None and _NOT_A_PLACE_LINE.match(text, end):
            nxt = None  # "Telefon: 92115325", "E-post: ...": the next field of a form, not the postcode line
        if (
            nxt is not None
            and any(ch.isdigit() for ch in body)  # "14 bakers row\nedinburgh eh1 2ab", not "Chidi Nwosu\n..."
            and (end_match is None or text[end_match.start() : end_match.end()].strip() == "")
        ):
            body, end = text[start : nxt.end()], nxt.end()
        if not any(ch.isdigit() for ch in body) or _LETTERS.search(body) is None:
            continue
        if _FLOOR.search(body) and _HOUSE_NUMBER.search(body) is None:
            continue
        if _NOT_ADDRESS.search(body) or _ORDINAL_START.match(body) or body.replace(" ", "").isdigit():
            continue
        if all(_YEAR.fullmatch(number) for number in _NUMBERS.findall(body)):
            continue  # "flyttet til Bergen i 2019"
        if _BAD_START.match(body):
            continue  # "ny adresse fra 15. august", "IP-adressen min ... er visst blokkert"
        if not (body[0].isupper() or body[0].isdigit()) and _HOUSE_NUMBER.search(body) is None:
            continue  # "adressen er feil på 2 brev"; but "adressen min er storgata 12 b"
        spans.append((start, end))
    return spans


#: A line that is an address on its own, as in a signature or on an envelope: "Sogn studentby, Sognsveien
#: 218, 0864 Oslo", "Box 7124, 103 87 Stockholm", "Olav Kyrres gate 19, 5014 Bergen, Norway": a house or
#: box number, then a postcode and a place at the end of the line.
_ADDRESS_LINE = re.compile(
    r"(?m)^[ \t]*(?P<addr>[A-ZÆØÅÄÖÜ0-9][^\n:@]{0,80}?[^\W\d_][ \t.]*\d{1,5}[A-Za-z]?\b[^\n:@]{0,40}?,[ \t]*"
    r"(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{3} \d{2})[ \t]+[A-ZÆØÅÄÖÜ][^\W\d_]+(?:[ \-][A-ZÆØÅÄÖÜ][^\W\d_]+)?"
    r"(?:,[ \t]*(?:Norway|Norge|Noreg|Sweden|Sverige|Denmark|Danmark|Finland|Suomi|Germany|Deutschland|Tyskland"
    r"|Spain|España|Spania|Poland|Polen|Polska|UK|United Kingdom))?)[ \t.]*$"
)
_LABEL_START = re.compile(
    r"(?i)(?:tel|tlf|mob|org|konto|account|iban|faktura|invoice|kid|sum|beløp|dato|date|betalt|paid|total|saldo"
    r"|kr|nok|ordre|order|sak|case|ref)\b"
)


#: A British address, with or without a house number, in parts between commas, from where nothing but an
#: address can start (a line's start, a colon, a quote) to a postcode in capitals: "Rose Cottage, Church Lane,
#: Little Snoring, Norfolk NR21 0AA", "Level 12, 30 St Mary Axe, London EC3A 8BF". The postcode's shape is
#: unmistakable; the parts need no street word.
_UK_PARTS = re.compile(
    r"(?:^|(?<=[\n:«\"“]))[ \t]*(?P<addr>(?:(?:(?:Level|Flat|Apt|Apartment|Unit|Suite|Floor) \d{1,4}[A-Za-z]?"
    r"|(?:\d{1,5}[A-Za-z]? )?[A-Z][\w'’.-]*"
    r"(?: [A-Za-z][\w'’.-]*){0,3}),[ \t]*){1,5}"
    r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?,?[ \t]+[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})(?!\w)",
    re.MULTILINE,
)


#: A British postcode anywhere: the cheap test before ``_UK_PARTS``.
_UK_CODE = re.compile(r"[A-Z]\d[A-Z\d]? ?\d[A-Z]{2}\b")


#: The end of a sentence inside a line: a word of three or more small letters (no abbreviation), a stop.
#: Small words inside a street's name: "Haakon den Godes gate", "Rue de la Paix", "Plaza del Sol".
_NAME_PARTICLES = frozenset({"den", "der", "de", "del", "della", "la", "le", "les", "du", "des", "von", "van", "af"})
_CAPITALISED_BEFORE = re.compile(r"[A-ZÆØÅ][^\W\d_]* $")
_SMALL_WORD = re.compile(r"(?<![^\W\d_])([a-zæøå]+) +(?=[A-ZÆØÅ])")
_SENTENCE_END = re.compile(r"[a-zæøå]{3}[.!?][ \t]+(?=[A-ZÆØÅ])")


def _line_start(text: str, start: int, end: int) -> int:
    """Where the address in a line that ends in one begins: after the last sentence before it ("Garden ligg
    litt avsides. Nedre Berge, ..."), after a cue ("Adressa er Nedre Berge, ...") and after the last small
    word of the sentence before the first number ("Posten kjem til Øvre Haug, Haugsvegen 12, ...")."""
    for m in _SENTENCE_END.finditer(text, start, end):
        start = m.end()
    cue = _CUE.search(text, start, end)
    if cue is not None and cue.end() < end:
        start = cue.end()
    digit = _DIGIT.search(text, start, end)
    flags = word_flags()
    for m in _SMALL_WORD.finditer(text, start, digit.start() if digit else end):
        inside = m.group(1) in _NAME_PARTICLES and _CAPITALISED_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if flags.get(m.group(1), 0) & FUNCTION or not inside:
            start = m.end()  # "Woon op Keizersgracht 123, ...", "Ich wohne in der Berliner Str. 12, ..."
    return start


def address_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that is an address on its own (see ``_ADDRESS_LINE``, ``_UK_PARTS``)."""
    spans: list[tuple[int, int]] = []
    if "\n" in text or len(text) <= 120:
        spans = [
            (_line_start(text, m.start("addr"), m.end("addr")), m.end("addr"))
            for m in _ADDRESS_LINE.finditer(text)
            if not _LABEL_START.match(m.group("addr"))
        ]
    if _UK_CODE.search(text) is not None:
        spans += [m.span("addr") for m in _UK_PARTS.finditer(text)]
    return spans


#: A vCard's address line, as a phone pastes a contact: "ADR;TYPE=home:;;Storgata 1;Oslo;;0150;Norway". Its
#: fields (box; extended; street; town; region; postcode; country) are all one address.
_VCARD_ADR = re.compile(r"(?m)^[ \t]*(?:item\d+\.)?ADR(?:;[^:\n]*)?:[; \t]*(?P<value>[^\n]*?)[; \t\r]*$")


def vcard_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the value of each vCard ADR line that holds a word and a number."""
    return [
        m.span("value")
        for m in _VCARD_ADR.finditer(text)
        if _LETTERS.search(m.group("value")) is not None and _DIGIT.search(m.group("value")) is not None
    ]


_SIGN_OFF = re.compile(r"(?i)(?:takk|tak|tack|thanks|thank|mvh|hilsen|helsing|regards|vennlig|best|kind|med)\b")
_SHORT_LINE = re.compile(r"[^\S\n]*([^\n]{1,40})(?:\n|$)")


def _stacked_lines(text: str, start: int) -> tuple[int, int] | None:
    """An address given one part per line after a cue that ends its line: two to five short lines that
    together hold a number and a word, up to an empty line or a form field ("Tlf: ...")."""
    end, lines, pos = start, 0, start
    while lines < 5:
        m = _SHORT_LINE.match(text, pos)
        if m is None:
            break
        line = m.group(1).strip()
        if not line or line[0] in "(-–—*" or _LABEL_START.match(line) or _SIGN_OFF.match(line) or ":" in line:
            break
        end, lines, pos = m.end(1), lines + 1, m.end()
    body = text[start:end]
    if lines < 2 or not any(ch.isdigit() for ch in body) or _LETTERS.search(body) is None:
        return None
    return (start, end) if not _NOT_ADDRESS.search(body) and not _FLOOR.search(body) else None


class CuedAddressRecognizer(EntityRecognizer):
    """Addresses announced by the sentence; see the module docstring."""

    def __init__(self, supported_language: str = "nb") -> None:
        super().__init__(
            supported_entities=[ENTITY], name="CuedAddressRecognizer", supported_language=supported_language
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if entities and ENTITY not in entities:
            return []
        spans = cued_addresses(text)
        if _DIGIT.search(text) is not None and "," in text:
            spans += address_lines(text)
        if "ADR" in text:
            spans += vcard_addresses(text)
        results = [RecognizerResult(ENTITY, start, end, SCORE) for start, end in spans]
        return results + [RecognizerResult(ENTITY, start, end, WORLD_SCORE) for start, end in world_addresses(text)]
