"""Personal data inside links, file names and identifiers, read as text.

Customers paste what their phone or computer shows them: a file name ("payslip_Daniel_Okafor_May2024.pdf",
"utskrift_98014587225_2023.pdf"), a link with a query string ("...?navn=Rami+Haddad&tlf=4798765432"), a
Wi-Fi or device name ("Olsen_family_5G"), a handle ("@kari_n92"). The recognizers read words and numbers
between spaces and punctuation, and an underscore or a plus sign is neither to them: the name or the
number inside went through whole (dev_95: 16 % of its values leaked on arrival, nine of them fødselsnumre,
account numbers and cards). Here:

* an underscore between two letters or digits reads as a space in a file name ("..._Ola_Hansen.pdf") and
  in a token of three parts or more ("Olsen_family_5G"), never in an e-mail address or what may be one: an
  underscore is part of "kari_n@online.no", "siv_eli_94 (at) hotmail . no" and of the "vilde_k_96" after
  "hotmailen min er", which the e-mail recognizer takes whole;
* in a link's query string, a plus sign between two words ("Rami+Haddad", "Sandakerveien+24C,+0473+Oslo")
  reads as the space it encodes;
* a query string reads as the fields it holds: "navn=Rami+Haddad&tlf=..." as "navn: Rami Haddad tlf: ...",
  which the recognizers read as they read a form ("Navn: ...");
* a query parameter named for a phone number ("tlf=", "phone=", "mob=") whose value is ten to thirteen
  digits with a country code and no "+" ("tlf=4791873325", "phone=447700900123") reads with the "+", and an
  encoded "+" ("%2B4798765432") as one;
* a Vipps QR link's path holds the payee's phone number with its country code ("qr.vipps.no/p/4790817263"),
  read with the "+";
* a JSON key in camel case reads as two words ("lastName" as "last name") and its string value without
  quotes, as a form's label and field would.

Each edit replaces one character by one (or a digit by "+" and the digit): the redactor still replaces
what the customer typed.
"""

from __future__ import annotations

import re

from anonymizer.dictation import AT_WORDS
from anonymizer.strays import phone_cue_before
from anonymizer.types import Edit

#: An underscore run between two letters or digits; not before a time stamp ("Screenshot_20240603-142211":
#: its date alone would read as a phone number).
_UNDERSCORE = re.compile(r"(?<=[^\W_])_+(?=[^\W_])(?!(?:19|20)\d{6}-\d{6}(?!\d))")
#: A token: what an underscore's reading depends on (an e-mail address keeps its underscores).
_TOKEN = re.compile(r"\S+")
#: A file name's extension at the end of a token (before closing quotes or punctuation).
_FILE_END = re.compile(r"\.(?:pdf|jpe?g|png|gif|heic|docx?|xlsx?|csv|txt|zip)\W*$", re.IGNORECASE)
#: What marks an e-mail address's "@", written or spoken, inside a token or right after it (``match`` at
#: the token's start and at its end) ...
_AT_AFTER = re.compile(
    rf"(?i)\S*?(?:@|[(\[](?:{AT_WORDS}|a)[)\]])|\s+(?:@|[(\[](?:{AT_WORDS}|a)[)\]]|(?:{AT_WORDS})(?![^\W\d_]))"
)
#: ... and a word for e-mail shortly before it.
_MAIL_BEFORE = re.compile(r"(?i)(?:mail|e-post|epost|adresse)\w*[^\n]{0,20}$")
#: A plus sign between words (or after a comma) inside a query string's value.
_QUERY_PLUS = re.compile(r"(?<=[^\W_]|,)\+(?=[^\W_])")
#: A link's query string: from "?" to the end of the link.
_QUERY = re.compile(r"\?[^\s?#]*=[^\s#]*")
#: A query parameter's "=" (after its name) and the "&" before the next one.
_PARAM_EQUALS = re.compile(r"(?<=[A-Za-z])=(?=[^\s&=])")
_PARAM_AND = re.compile(r"&(?=[A-Za-z_]+=)")
#: An encoded "+" before digits: "%2B4798765432".
_ENCODED_PLUS = re.compile(r"%2[Bb](?=\d)")
#: A JSON key in camel case: its first word, before the capital that starts the second ("lastName",
#: "accountHolder").
_CAMEL_KEY = re.compile(r"""(?<=["'])[a-z]{2,12}(?=[A-Z][a-z]+["']\s*:)""")
#: A JSON string value after its key: from the key's closing quote to the value's opening one, and the
#: value's closing quote (group 3).
_JSON_VALUE = re.compile(r"[\"']\s*:\s*([\"'])([^\"'\n]{1,80})([\"'])")
#: A Vipps QR link's phone number: "https://qr.vipps.no/p/4790817263?amount=2500".
_VIPPS_PATH = re.compile(r"(?i)vipps\.no/p/(?P<number>47[49]\d{7})(?!\d)")
#: A query parameter whose value is ten to thirteen digits (a phone number with its country code, if the
#: parameter is named for one: the phone recognizer's cue words, ``strays.phone_cue_before``).
_DIGITS_PARAM = re.compile(r"(?<![^\W_])(?P<key>[A-Za-z_]{2,20})=(?P<number>[1-9]\d{9,12})(?!\d)")


def link_edits(text: str) -> list[Edit]:
    """The edits described in the module docstring, in text order, without overlaps."""
    edits: list[Edit] = []
    if "_" in text:
        for token in _TOKEN.finditer(text):
            word = token.group()
            if "_" not in word or not _splits(text, token):
                continue
            edits += [(token.start() + m.start(), token.start() + m.end(), " ") for m in _UNDERSCORE.finditer(word)]
    if "?" in text and "=" in text:
        # a decoded "%20" may have put a space inside the query: its fields are read up to the end of the text
        query_at = text.find("?")
        edits += [(m.start(), m.end(), ": ") for m in _PARAM_EQUALS.finditer(text, query_at)]
        edits += [(m.start(), m.end(), " ") for m in _PARAM_AND.finditer(text, query_at)]
        for query in _QUERY.finditer(text):
            q, at = query.group(), query.start()
            edits += [(at + m.start(), at + m.end(), " ") for m in _QUERY_PLUS.finditer(q)]
            edits += [(at + m.start(), at + m.end(), "+") for m in _ENCODED_PLUS.finditer(q)]
            for m in _DIGITS_PARAM.finditer(q):
                if phone_cue_before(m.group("key"), len(m.group("key"))):
                    digit = at + m.start("number")
                    edits.append((digit, digit + 1, "+" + text[digit]))
    if "/p/" in text:  # a substring test before the pattern: most messages hold no link
        edits += [(m.start("number"), m.start("number") + 1, "+4") for m in _VIPPS_PATH.finditer(text)]
    if '":' in text or "':" in text:
        edits += [(m.end(), m.end() + 1, " " + text[m.end()].lower()) for m in _CAMEL_KEY.finditer(text)]
        for m in _JSON_VALUE.finditer(text):  # "lastName":"Bello": the value without its quotes, as a form's
            edits += [(m.start(), m.end(1), ": "), (m.start(3), m.end(3), " ")]
    edits.sort()
    kept: list[Edit] = []
    end = -1
    for edit in edits:
        if edit[0] >= end:
            kept.append(edit)
            end = edit[1]
    return kept


def _splits(text: str, token: re.Match[str]) -> bool:
    """The underscores of ``token`` read as spaces: a file name, or three parts or more, and nothing that
    makes it an e-mail address."""
    word = token.group()
    if "@" in word[1:] or "%40" in word or _AT_AFTER.match(text, token.start()) or _AT_AFTER.match(text, token.end()):
        return False
    if _FILE_END.search(word):
        return True
    return word.count("_") >= 2 and _MAIL_BEFORE.search(text, max(0, token.start() - 40), token.start()) is None
