"""ADDRESS in the formats of countries whose streets carry no Norwegian or English street word.

Customers send money home and give the family's address as it is written there. The street grammar of
``address.py`` wants a street word ("gate", "Road") next to the house number; these formats say "this is
an address" by other means, and this module reads them by that structure:

* a postcode after the town, as India ("Bengaluru 560011", "Bangalore - 560011"), China ("Shanghai
  200120"), Singapore and Russia write it: six digits after a capitalised place, with comma-separated
  parts before it back to a house number ("No. 14, 2nd Cross, Jayanagar 4th Block, Bangalore 560011",
  "Room 1203, 88 Century Avenue, Pudong, Shanghai 200120");
* a postcode before the town after parts that a street type or a Philippine block, lot or barangay
  vouches for ("Blk 7 Lot 12, Mabini St., Brgy. San Isidro, 4026 Cabuyao, Laguna");
* Baltic streets, the name before the type ("Gedimino pr. 9", "Brīvības iela 55"; the pattern, read by
  ``address.py`` beside the Polish one);
* a Thai address in Thai script, by its markers of village, district and province;
* a Turkish street with its "No:" and flat ("Atatürk Cad. No: 15 D: 4, Kadıköy, İstanbul"), and a Latin
  American grid address ("Carrera 7 # 45-10, Bogotá");
* a British address whose street carries no street word, ended by its postcode in capitals: "14
  Kingsway, Leamington Spa CV32 5DD", "3 The Parade, Kenilworth CV8 1AB" (the postcode's letter-digit
  shape is what vouches for it);
* a Vietnamese address: "Số 25 Hàng Bạc, Hoàn Kiếm, Hà Nội", "12 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh":
  the house number ("Số" = number), the street, then ward, district and city, in letters no other
  language of the customers uses.

Each starts from something rare (six digits after a capitalised word, a Vietnamese letter, a block or
barangay word), found with one regex over the message, and only then reads the parts around it.
"""

from __future__ import annotations

import re

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, NAME, NOT_NAME, person_cues, word_flags
from anonymizer.recognizers.address_parts import country_end

_L = r"[^\W\d_]"
_UP = r"[A-ZÀ-ÖØ-ÞĐĞŞİ]"

#: A capitalised place and a postcode after it, with a dash or a comma between or none: six digits (a
#: space in the middle, as Indians often type it: "560 011"), or five or four ("Karachi 75300", "Leyte
#: 6500"), which an amount or a year can be too, so that those need a street or block word in the parts.
_TOWN_CODE = re.compile(
    rf"(?P<town>{_UP}{_L}+(?:[ -]{_UP}{_L}+)?)[ \t]*[-–,]?[ \t]*(?P<code>[1-9]\d{{2}} ?\d{{3}}|\d{{4,5}})(?!\d|[.,]\d)"
)
#: A four- or five-digit postcode, a capitalised place, and optionally a province: ", 4026 Cabuyao, Laguna".
_CODE_TOWN = re.compile(
    rf",[ \t]*(?P<code>\d{{4,5}})[ \t]+(?P<town>{_UP}{_L}+(?:[ -]{_UP}{_L}+)?)"
    rf"(?:,[ \t]*(?P<region>{_UP}{_L}+(?: {_UP}{_L}+)?)(?=[ \t]*(?:$|\n|[.;!?)]|,[ \t]*[A-Z])))?"
)
#: Words that announce a house number, a unit or a block: "No. 14", "H.No. 5-2-33", "#12", "Room 1203",
#: "Blk 7", "Lot 12", "Plot No. 8", "Door No 4".
_HOUSE_ANCHOR = re.compile(
    r"(?:(?:No|H\. ?No|Flat(?: No)?|Plot(?: No)?|Door(?: No)?|House(?: No)?|Room|Rm|Unit|Apt|Suite|Level|Floor"
    r"|Blk|Block|Lot|Bldg|Building|Tower|Phase)\.?[ \t]?#?|#[ \t]?)"
    r"\d{1,5}[A-Za-z]?(?:[/-](?:\d{1,5}[A-Za-z]?|[A-Za-z]))*\b"
)
#: A part that begins with a house number and a capitalised word: "88 Century Avenue", "12A Nguyễn Huệ".
_NUMBER_NAME = re.compile(rf"\d{{1,5}}[A-Za-z]?(?:[/-]\d{{1,5}}[A-Za-z]?)*,?[ \t]+{_UP}")
#: One comma-separated part of such an address: a few words, each capitalised, a number, an ordinal or
#: a dotted abbreviation ("2nd Cross", "Jayanagar 4th Block", "Brgy. San Isidro", "Mabini St.").
_WORD = (
    rf"(?:{_UP}(?:{_L}|['’.-])*|\d{{1,5}}[A-Za-z]{{0,2}}(?:[/-](?:\d{{1,5}}[A-Za-z]?|[A-Za-z]\b))*|#\d{{1,5}}"
    r"|of|de|del|la|ng|e)"
)
_PART = re.compile(rf"[ \t]*\n?[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,5}}[ \t]*")
#: What vouches for the parts before a postcode that comes first ("4026 Cabuyao"): a street type or a
#: Philippine block, lot, barangay, purok, subdivision.
_VOUCHED = re.compile(
    r"\b(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Hwy|Highway|Drive|Dr|Lane|Ln|Blk|Block|Lot|Brgy|Bgy"
    r"|Barangay|Purok|Sitio|Subd|Subdivision|Village|Phase|Compound|Cross|Main|Nagar|Layout|Sector|Colony"
    r"|House|Flat|Plot|Room|Apt|Unit|Mohalla|Gali|Marg|Chowk|Soi|Moo|Tambon|Amphoe)\b"
)
#: A Philippine block, lot or barangay: parts that vouch for a postcode that reads as a year ("Rizal 1900").
_PH_BLOCK = re.compile(r"\b(?:Blk|Block|Lot|Brgy|Bgy|Barangay|Purok|Sitio)\b\.?")
#: A label before six digits makes them a number of something else: "Ref 123456", "Order No. 12, OTP 123456".
_NOT_TOWN = frozenset(
    {"ref", "order", "invoice", "kid", "otp", "pin", "code", "kode", "account", "konto", "id", "case", "ticket",
     "customer", "kunde", "nr", "no", "number", "nummer", "ifsc", "swift", "iban", "bic", "tel", "phone", "mobile"}
)  # fmt: skip
_MAX_PARTS = 6


def _part_start(text: str, start: int, end: int) -> int | None:
    """Where the house number or unit in the part ``text[start:end]`` begins, if it has one; the part may
    hold the sentence's words before it ("Their passport addresses are No. 14")."""
    for m in _HOUSE_ANCHOR.finditer(text, start, end):
        if _PART.fullmatch(text, m.start(), end):
            return m.start()
    for m in _NUMBER_NAME.finditer(text, start, end):
        if (m.start() == start or not text[m.start() - 1].isalnum()) and _PART.fullmatch(text, m.start(), end):
            return m.start()
    return None


def _walk_back(text: str, end: int, *, need_vouch: bool) -> int | None:
    """Start of the comma-separated parts that end at ``end`` (where the town or postcode begins), back to
    the farthest part with a house number or unit; None without one."""
    colon = text.rfind(": ", 0, end)
    line_start = text.rfind("\n", 0, end) + 1
    while line_start > 1 and text[: line_start - 1].rstrip(" \t").endswith(","):
        line_start = text.rfind("\n", 0, line_start - 1) + 1  # "Tambon Nong Prue,\nBang Lamung": a comma goes on
    line_start = max(line_start, colon + 2 if colon >= 0 else 0, end - 160)
    pos = end
    best: int | None = None
    vouched = False
    for _ in range(_MAX_PARTS):
        comma = text.rfind(",", line_start, pos)
        part_start = comma + 1 if comma >= 0 else line_start
        part = text[part_start:pos]
        if part.strip() and _VOUCHED.search(part):
            vouched = True
        anchor = _part_start(text, part_start, pos)
        if anchor is not None:
            best = anchor
        if not part.strip() or not _PART.fullmatch(text, part_start, pos) or comma < 0:
            break
        pos = comma
    if best is None or (need_vouch and not vouched):
        return None
    return best


def _town(word: str) -> bool:
    """A place rather than a label, an everyday word or a greeting."""
    low = word.split()[0].lower()
    if low in _NOT_TOWN or low in person_cues():
        return False
    flags = word_flags().get(low, 0)
    return not flags & (COMMON | FUNCTION) or bool(flags & NOT_NAME and not flags & NAME)


def _postcode_addresses(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _TOWN_CODE.finditer(text):
        if not _town(m.group("town")):
            continue
        before = text[: m.start()].rstrip(" \t")
        if not before.endswith(","):
            continue  # the town is a part of its own: ", Bengaluru 560011"
        code = m.group("code").replace(" ", "")
        year = len(code) == 4 and code[:2] in ("19", "20")  # "Oslo 2024", but "Cainta, Rizal 1900"
        six = len(code) == 6
        start = _walk_back(text, len(before) - 1, need_vouch=not six)
        if start is not None and (not year or _PH_BLOCK.search(text, start, m.start())):
            spans.append((start, country_end(text, m.end())))
    if "," in text:
        for m in _CODE_TOWN.finditer(text):
            if not _town(m.group("town")):
                continue
            start = _walk_back(text, m.start(), need_vouch=True)
            if start is not None:
                end = m.end() if m.group("region") and _town(m.group("region").split()[-1]) else m.end("town")
                spans.append((start, country_end(text, end)))
    return spans


#: Letters only Vietnamese writes (with a hook, a dot below, a horn, or the crossed d).
_VI_LETTERS = re.compile("[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơưĐƠƯ]")
_VI_WORD = rf"{_UP}{_L}*"
#: "Số 25 Hàng Bạc", "12A Nguyễn Huệ", "số nhà 5 ngõ 12 Phố Huế": a house number and the street's words.
_VI_STREET = re.compile(
    rf"(?<![\w/])(?:(?:[Ss]ố(?: nhà)?|[Nn]hà(?: số)?)[ \t]+)?\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}}[A-Za-z]?)*"
    rf"(?:[ \t]+(?:[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt)[ \t]+\d{{1,4}}(?:/\d{{1,4}})*)?"
    rf"(?:[ \t]+(?:[Đđ]ường|[Pp]hố))?(?:[ \t]+{_VI_WORD}){{0,4}}(?=[ \t]*,)"
)
#: The ward, district, town and province after the street: ", Hoàn Kiếm", ", Quận 1", ", TP. Hồ Chí Minh".
_VI_PART = re.compile(
    r",[ \t]*(?:(?i:phường|quận|huyện|xã|thị xã|thị trấn|tỉnh|thành phố|thôn|ấp|tổ|khu phố|đường|phố|ngõ"
    r"|tp\.?|p\.|q\.)[ \t]*)?"
    rf"(?:\d{{1,2}}\b|{_VI_WORD}(?:[ \t]+{_VI_WORD}){{0,3}})"
)
_VI_ADMIN = re.compile(r"(?i)\b(?:phường|quận|huyện|thành phố|tp\.|tỉnh|xã|thôn)")


def _vietnamese_addresses(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _VI_STREET.finditer(text):
        end = m.end()
        parts = 0
        while (part := _VI_PART.match(text, end)) is not None and parts < 4:
            end, parts = part.end(), parts + 1
        body = text[m.start() : end]
        said = body[:3].lower() in ("số", "nhà") or _VI_ADMIN.search(body) is not None
        if parts >= 1 and _VI_LETTERS.search(body) is not None and (said or parts >= 2):
            spans.append((m.start(), end))
    return spans


#: A Baltic address, the name before the street type: Lithuanian "Laisvės al. 53-12", "Gedimino pr. 9",
#: "Vilniaus g. 12"; Latvian "Brīvības iela 55"; Estonian "Narva mnt 5", "Tartu tn 12".
BALTIC = re.compile(
    rf"\b(?P<name>[A-ZĀČĒĢĪĶĻŅŌŖŠŪŽĄĘĖĮŲÕÄÖÜ]{_L}+(?: [A-ZĀČĒĢĪĶĻŅŠŪŽĄĘĖĮŲÕÄÖÜ]{_L}+)?) "
    rf"(?:(?<=[oųsė] )(?:g\.|al\.|pr\.|pl\.)|gatvė|alėja|prospektas|iela|tn\.?|mnt\.?|tänav|maantee|pst\.?|puiestee) ?"
    rf"\d{{1,4}}[A-Za-z]?(?:[-/]\d{{1,4}})?(?!\d)"
)
#: Pieces of the Baltic street types: the cheap test before ``BALTIC``.
BALTIC_KEYS = re.compile(r"[gl]\. ?\d|pr\. ?\d|gatv|alėj|prospekt|iela|tn|mnt|tänav|maantee|pst")


#: A town and a postcode after a street, in the formats of Brazil (", São Paulo - SP, 01234-567"), Romania
#: (", București 010011") and others that put the code last: a capitalised town, perhaps a state's two
#: letters, then five to six digits or the Brazilian 5-3.
_TOWN_THEN_CODE = re.compile(
    rf",[ \t]*{_UP}{_L}+(?:[ -]{_UP}{_L}+){{0,2}}(?:[ \t]*[-–/,][ \t]*[A-Z]{{2}})?,?[ \t]*"
    r"(?:\d{5}-\d{3}|\d{5,6})(?![\d-])"
)


def town_code_end(text: str, pos: int) -> int | None:
    """End of a town and the postcode after it right at ``pos`` (see ``_TOWN_THEN_CODE``), else None."""
    m = _TOWN_THEN_CODE.match(text, pos)
    return m.end() if m is not None else None


#: Turkish: the street and its type, "No:" and the door, "D:" or "Daire" and the flat, then district and
#: town: "Atatürk Cad. No: 15 D: 4, Kadıköy, İstanbul", "Gül Sok. No:3/5, 34710 Kadıköy" ("Adresim", "my
#: address", is no part of the street's name).
_TURKISH = re.compile(
    rf"(?:(?!Adres){_UP}{_L}+[ \t]+){{1,3}}(?:Cad\.|Caddesi|Cd\.|Sok\.|Sk\.|Sokak|Sokağı|Bulvarı|Blv\.|Mah\.|Mahallesi)"
    rf"(?:[ \t]+{_UP}{_L}+[ \t]+(?:Cad\.|Caddesi|Sok\.|Sk\.|Sokak|Sokağı))?,?[ \t]+No[ \t]?:?[ \t]?\d{{1,4}}[A-Z]?"
    rf"(?:/\d{{1,3}})?(?:[ \t]+(?:D|Daire|Kat)[ \t]?:?[ \t]?\d{{1,3}})*"
    rf"(?:,[ \t]*(?:\d{{5}}[ \t]+)?{_UP}{_L}+(?:[ \t/]+{_UP}{_L}+)?){{0,3}}"
)
#: Colombian and other Latin American: "Carrera 7 # 45-10, Bogotá", "Calle 45 No. 12-34", "Cra. 15 #93-60".
_LATIN_GRID = re.compile(
    rf"(?<![\w.])(?:Calle|Carrera|Cra\.?|Cr\.?|Cl\.?|Avenida|Av\.?|Diagonal|Dg\.?|Transversal|Tv\.?)[ \t]+\d{{1,3}}"
    rf"[A-Z]?(?:[ \t]+(?:Bis|Sur|Norte))?[ \t]*(?:#|No\.?|N[°º])[ \t]*\d{{1,3}}[A-Z]?[ \t]*-[ \t]*\d{{2,3}}"
    rf"(?:,[ \t]*{_UP}{_L}+(?:[ \t]+{_UP}{_L}+)?)?"
)


#: Thai script, and a Thai address: the house number ("บ้านเลขที่ 88/3"), then village, road, lane, sub-district,
#: district and province, each a Thai word or a marker and its number, then the five-digit postcode:
#: "บ้านเลขที่ 88/3 หมู่ 2 ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150".
_THAI = re.compile("[\u0e00-\u0e7f]")
_TH_WORD = r"[\u0e00-\u0e7f][\u0e00-\u0e7f.]*(?:[ \t]*\d{1,4}(?:/\d{1,4})?(?!\d))?"
_TH_ADDRESS = re.compile(
    rf"(?:(?:บ้านเลขที่|เลขที่)[ \t]*)?\d{{1,4}}(?:/\d{{1,4}})?(?:[ \t]+{_TH_WORD}){{1,8}}(?:[ \t]+\d{{5}}(?!\d))?"
)
#: Markers of Thai addresses: house number, village, road, lane, sub-district, district, province.
_TH_MARKER = re.compile(r"บ้านเลขที่|เลขที่|หมู่|ถนน|ถ\.|ซอย|ซ\.|ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|จังหวัด|จ\.")


def _thai_addresses(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TH_ADDRESS.finditer(text) if len(_TH_MARKER.findall(m.group())) >= 2]


#: A house number, a street of one to three capitalised words, a comma, a town of one to three, and a
#: British postcode in capitals (outward code, space optional, inward code).
_UK_CAPITALS_CODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
_UK_TYPELESS = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?[ \t]+{_UP}{_L}+(?:[ \t]+{_UP}{_L}+){{0,2}},[ \t]*{_UP}{_L}+(?:[ \t-]+{_UP}{_L}+){{0,2}},?"
    rf"[ \t]+{_UK_CAPITALS_CODE}"
)
_UK_CODE = re.compile(rf"\b{_UK_CAPITALS_CODE}")
#: The same with a street type and no comma before the town: "27 Brick Lane London E1 6PU".
_UK_TYPED = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?[ \t]+(?:{_UP}{_L}+[ \t]+){{1,3}}"
    r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Dr|Close|Way|Crescent|Place|Gardens|Terrace|Court|Grove"
    r"|Hill|Park|Square|Row|Mews|Walk)\.?,?"
    rf"[ \t]+{_UP}{_L}+(?:[ \t-]+{_UP}{_L}+){{0,2}},?[ \t]+{_UK_CAPITALS_CODE}"
)

#: Cheap tests, one scan each: a postcode's digits; a letter of Vietnamese or Thai.
_CODE_DIGITS = re.compile(r"\d{4}|\d{3} \d{3}")
_SCRIPTS = re.compile(f"{_VI_LETTERS.pattern[:-1]}\u0e00-\u0e7f]")


def world_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address in one of the formats in the module docstring."""
    spans = _postcode_addresses(text) if "," in text and _CODE_DIGITS.search(text) is not None else []
    if _UK_CODE.search(text) is not None:
        spans += [m.span() for m in _UK_TYPELESS.finditer(text)] if "," in text else []
        spans += [m.span() for m in _UK_TYPED.finditer(text)]
    if "No" in text or "#" in text or "N°" in text or "Nº" in text:
        spans += [m.span() for m in (*_TURKISH.finditer(text), *_LATIN_GRID.finditer(text))]
    script = _SCRIPTS.search(text)
    if script is not None:
        if _THAI.match(script.group()):
            spans += _thai_addresses(text)
        else:
            spans += _vietnamese_addresses(text)
    return spans
