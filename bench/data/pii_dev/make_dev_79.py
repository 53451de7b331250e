# -*- coding: utf-8 -*-
"""Builds dev_79.jsonl: red-team set of obfuscated / disguised personal data in bank chat,
mixed with ordinary messages and look-alike negatives. Norwegian + English.

Markers in the message text:
    ⟦TYPE:value⟧   -> entity
    ⟪KIND:value⟫   -> negative
Run with: /work/main/.venv/bin/python make_dev_79.py
"""
import collections
import ipaddress
import json
import os
import random
import re
import sys
import unicodedata

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.no import fodselsnummer, kontonr, orgnr

R = random.Random(79)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev_79.jsonl")
GENERATED = collections.Counter()

# ---------------------------------------------------------------- generators (valid numbers)


def _mod11(digits, weights):
    s = sum(int(d) * w for d, w in zip(digits, weights))
    r = 11 - s % 11
    if r == 11:
        return "0"
    if r == 10:
        return None
    return str(r)


def F(d, m, y, dnr=False):
    """Valid fødselsnummer (or D-number) for the given birth date."""
    for _ in range(500):
        ind = R.randint(0, 499) if y < 2000 else R.randint(500, 999)
        dd = d + 40 if dnr else d
        base = f"{dd:02d}{m:02d}{y % 100:02d}{ind:03d}"
        k1 = _mod11(base, [3, 7, 6, 1, 8, 9, 4, 5, 2])
        if k1 is None:
            continue
        k2 = _mod11(base + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if k2 is None:
            continue
        n = base + k1 + k2
        if fodselsnummer.is_valid(n) and n not in GENERATED:
            GENERATED[n] += 1
            return n
    raise RuntimeError("fnr")


BANKS = ["1503", "1506", "1254", "3000", "9710", "1200", "1594", "1822", "2801", "3201",
         "4200", "6030", "8601", "9365", "1813", "3910", "4312", "0539", "7874", "1720"]


def K(bank=None):
    for _ in range(500):
        b = bank or R.choice(BANKS)
        base = b + f"{R.randint(0, 99):02d}" + f"{R.randint(0, 9999):04d}"
        c = _mod11(base, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if c is None:
            continue
        n = base + c
        if kontonr.is_valid(n) and n not in GENERATED:
            GENERATED[n] += 1
            return n
    raise RuntimeError("konto")


def O():
    for _ in range(500):
        base = R.choice("89") + "".join(R.choice("0123456789") for _ in range(7))
        c = _mod11(base, [3, 2, 7, 6, 5, 4, 3, 2])
        if c is None:
            continue
        n = base + c
        if orgnr.is_valid(n) and n not in GENERATED:
            GENERATED[n] += 1
            return n
    raise RuntimeError("orgnr")


def C(kind="visa"):
    for _ in range(500):
        if kind == "visa":
            body = "4" + "".join(R.choice("0123456789") for _ in range(14))
        elif kind == "mc":
            body = "5" + R.choice("12345") + "".join(R.choice("0123456789") for _ in range(13))
        elif kind == "amex":
            body = "3" + R.choice("47") + "".join(R.choice("0123456789") for _ in range(12))
        n = body + luhn.calc_check_digit(body)
        if luhn.is_valid(n) and n not in GENERATED:
            GENERATED[n] += 1
            return n
    raise RuntimeError("card")


def _iban_cc(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(ch, 36)) for ch in s)
    return f"{98 - int(num) % 97:02d}"


def IB(country="NO"):
    for _ in range(500):
        if country == "NO":
            bban = K()
        elif country == "DE":
            bban = R.choice(["37040044", "10070000", "20041111", "50010517"]) + \
                "".join(R.choice("0123456789") for _ in range(10))
        elif country == "SE":
            bban = R.choice(["500", "800", "600"]) + "".join(R.choice("0123456789") for _ in range(17))
        elif country == "GB":
            bban = R.choice(["NWBK", "BARC", "MIDL"]) + "".join(R.choice("0123456789") for _ in range(14))
        elif country == "DK":
            bban = "".join(R.choice("0123456789") for _ in range(14))
        elif country == "ES":
            bban = "".join(R.choice("0123456789") for _ in range(20))
        else:
            raise ValueError(country)
        n = country + _iban_cc(country, bban) + bban
        if std_iban.is_valid(n) and n not in GENERATED:
            GENERATED[n] += 1
            return n
    raise RuntimeError("iban " + country)


def P(kind="mob"):
    for _ in range(500):
        if kind == "mob":
            n = R.choice("49") + "".join(R.choice("0123456789") for _ in range(7))
        else:
            n = R.choice(["22", "23", "51", "55", "73", "69", "38", "77", "32", "75"]) + \
                "".join(R.choice("0123456789") for _ in range(6))
        if n not in GENERATED:
            GENERATED[n] += 1
            return n
    raise RuntimeError("phone")


def NEG(n, first=None):
    """Random digit string of length n that is NOT a valid fnr/kontonr/orgnr/Luhn card."""
    for _ in range(500):
        s = (first or R.choice("123456789")) + "".join(R.choice("0123456789") for _ in range(n - 1))
        s = s[:n]
        if not _looks_valid(s):
            return s
    raise RuntimeError("neg")


def BAD(d, m, y):
    """11 digits shaped like a fnr but with a wrong check digit (and not a kontonr either)."""
    for _ in range(500):
        good = F(d, m, y)
        GENERATED[good] -= 1
        bad = good[:10] + str((int(good[10]) + R.randint(1, 9)) % 10)
        if not _looks_valid(bad):
            return bad
    raise RuntimeError("bad")


def _looks_valid(s):
    if len(s) == 11 and (fodselsnummer.is_valid(s) or kontonr.is_valid(s)):
        return True
    if len(s) == 9 and orgnr.is_valid(s):
        return True
    if 13 <= len(s) <= 19 and luhn.is_valid(s):
        return True
    return False


# ---------------------------------------------------------------- disguises

FW = str.maketrans("0123456789+-./", "０１２３４５６７８９＋－．／")
LEET = {"0": ["O", "O", "o"], "1": ["l", "I", "l"], "5": ["S"], "8": ["B"]}


def g(d, sizes, sep=" "):
    out, i = [], 0
    for s in sizes:
        out.append(d[i:i + s])
        i += s
    assert i == len(d), (d, sizes)
    return sep.join(out)


def lt(s, p=0.65):
    chars = list(s)
    idx = [i for i, c in enumerate(chars) if c in LEET]
    if not idx:
        return s
    pick = [i for i in idx if R.random() < p] or [R.choice(idx)]
    for i in pick:
        chars[i] = R.choice(LEET[chars[i]])
    return "".join(chars)


def fw(s, punct=True):
    if punct:
        return s.translate(FW)
    return s.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


NO_UNITS = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni"]
NO_TEENS = ["ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten"]
NO_TENS = {2: "tjue", 3: "tretti", 4: "førti", 5: "femti", 6: "seksti", 7: "sytti", 8: "åtti", 9: "nitti"}
EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
EN_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"]
EN_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def no_unit(k):
    if k == 7 and R.random() < 0.3:
        return "syv"
    return NO_UNITS[k]


def no2(n):
    if n < 10:
        return "null " + no_unit(n)
    if n < 20:
        return NO_TEENS[n - 10]
    t, u = divmod(n, 10)
    tens = NO_TENS[t]
    if t == 2 and R.random() < 0.25:
        tens = "tyve"
    return tens + (no_unit(u) if u else "")


def en_unit(k):
    if k == 0 and R.random() < 0.4:
        return "oh"
    return EN_UNITS[k]


def en2(n):
    if n < 10:
        return en_unit(0) + " " + EN_UNITS[n]
    if n < 20:
        return EN_TEENS[n - 10]
    t, u = divmod(n, 10)
    return EN_TENS[t] + ("-" + EN_UNITS[u] if u else "")


def _words(d, sizes, mode, sep, lang):
    out, i = [], 0
    assert len(mode) == len(sizes), (mode, sizes)
    for s, m in zip(sizes, mode):
        grp = d[i:i + s]
        i += s
        if m == "n":
            out.append(grp)
        elif m == "d":
            out.append(" ".join((no_unit if lang == "no" else en_unit)(int(c)) for c in grp))
        elif m == "p":
            assert len(grp) == 2, grp
            out.append((no2 if lang == "no" else en2)(int(grp)))
        elif m == "l":
            out.append(lt(grp))
        else:
            raise ValueError(m)
    assert i == len(d)
    return sep.join(out)


def nw(d, sizes, mode, sep=" "):
    return _words(d, sizes, mode, sep, "no")


def ew(d, sizes, mode, sep=" "):
    return _words(d, sizes, mode, sep, "en")


KEYCAP = "\ufe0f\u20e3"


def kc(s):
    return "".join(c + KEYCAP if c.isdigit() else c for c in s)


def split2(s, k, middle):
    return s[:k] + middle + s[k:].lstrip(".- ")


CYR = {"a": "\u0430", "o": "\u043e", "e": "\u0435", "A": "\u0410", "O": "\u041e", "E": "\u0415",
       "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443", "K": "\u041a", "M": "\u041c",
       "H": "\u041d", "T": "\u0422", "B": "\u0412", "C": "\u0421", "P": "\u0420", "i": "\u0456"}


def hg(name, n=2):
    chars = list(name)
    idx = [i for i, c in enumerate(chars) if c in CYR]
    R.shuffle(idx)
    for i in idx[:max(1, n)]:
        chars[i] = CYR[chars[i]]
    return "".join(chars)


def spell(name, sep="-", wsep="  "):
    return wsep.join(sep.join(w.upper()) for w in name.split())


def caps_sp(name):
    return "   ".join(" ".join(w.upper()) for w in name.split())


def dots(name):
    return " ".join(".".join(w) for w in name.split())


def rev(s):
    return s[::-1]


ZW = "\u200b"
SHY = "\u00ad"
WJ = "\u2060"

# ---------------------------------------------------------------- decoding for validation

WORDS = {}
for _i, _w in enumerate(NO_UNITS):
    WORDS[_w] = str(_i)
WORDS.update({"ett": "1", "ein": "1", "syv": "7", "tvo": "2"})
for _i, _w in enumerate(NO_TEENS):
    WORDS[_w] = str(10 + _i)
for _t, _w in list(NO_TENS.items()) + [(2, "tyve"), (3, "tredve")]:
    WORDS[_w] = str(_t * 10)
    for _u in range(1, 10):
        for _uw in [NO_UNITS[_u]] + (["syv"] if _u == 7 else []) + (["én"] if _u == 1 else []):
            WORDS[_w + _uw] = str(_t * 10 + _u)
for _i, _w in enumerate(EN_UNITS):
    WORDS[_w] = str(_i)
WORDS["oh"] = "0"
for _i, _w in enumerate(EN_TEENS):
    WORDS[_w] = str(10 + _i)
for _t, _w in EN_TENS.items():
    WORDS[_w] = str(_t * 10)
    for _u in range(1, 10):
        WORDS[_w + "-" + EN_UNITS[_u]] = str(_t * 10 + _u)

SEPS = {"punkt", "prikk", "dot", "slash", "skråstrek", "strek", "bindestrek", "dash", "hyphen",
        "underscore", "understrek", "mellomrom", "space", "pluss", "plus", "komma"}
FILL = {"resten", "er", "the", "rest", "is", "last", "part", "siste", "delen", "then", "og",
        "and", "deretter", "så", "fortsetter", "med", "continues", "with", "ends", "slutter", "på",
        "in", "next", "message", "e", "andre", "bit", "første", "neste", "melding", "kommer", "her"}
LEETT = str.maketrans("oilsb", "01158")


def decode(s, allow_fill=False):
    s = unicodedata.normalize("NFKC", s).lower()
    out = []
    for tok in re.findall(r"[a-zæøåé]+(?:-[a-zæøåé]+)*|\d", s):
        if tok.isdigit():
            out.append(tok)
            continue
        parts = [tok] if tok in WORDS else tok.split("-")
        for p in parts:
            if p in SEPS:
                continue
            if allow_fill and p in FILL:
                continue
            if p in WORDS:
                out.append(WORDS[p])
                continue
            if re.fullmatch(r"[oilsb]+", p):
                out.append(p.translate(LEETT))
                continue
            raise ValueError(f"cannot decode token {p!r} in {s!r}")
    return "".join(out)


def ip_ok(s):
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"\s*(\[\.\]|\(\.\)|\[dot\]|\(dot\)|\bdot\b|\bpunkt\b|\bprikk\b)\s*", ".", s)
    s = s.replace(" ", "")
    if ":" in s:
        ipaddress.IPv6Address(s)
        return True
    parts = s.split(".")
    return len(parts) == 4 and all(p.isdigit() and 0 <= int(p) <= 255 for p in parts)


# ---------------------------------------------------------------- messages

MSGS = []


def add(lang, text):
    MSGS.append((lang, text))

# ===== fødselsnummer, Norwegian =====
add("nb", f"Hei! Fødselsnummeret mitt er ⟦NO_FODSELSNUMMER:{lt(g(F(5, 10, 1998), (6, 5)))}⟧, skrev det med bokstaver så ikke roboten stjeler det 😅")
add("nb", f"fnr ⟦NO_FODSELSNUMMER:{fw(g(F(17, 3, 1985), (6, 5)))}⟧ hva er status på lånesøknaden?")
add("nb", f"Personnummer: ⟦NO_FODSELSNUMMER:{g(F(2, 7, 1979), (2, 2, 2, 5), '.')}⟧\nKan dere sjekke om ⟪WORD:BSU⟫-en min er avsluttet?")
add("nb", f"ok da skriver jeg det med ord: ⟦NO_FODSELSNUMMER:{nw(F(14, 2, 1991), (2, 2, 2, 5), 'pppn')}⟧")
add("nb", f"Fødselsnummeret mitt starter med ⟦NO_FODSELSNUMMER:{split2(F(12, 3, 1988), 6, '. Resten er ')}⟧. Sorry at det ble delt i to, mobilen hakker")
add("nb", f"d-nummer ⟦NO_FODSELSNUMMER:{lt(g(F(23, 6, 1990, True), (6, 5)))}⟧ – jeg er ikke norsk statsborger men jobber her og trenger konto")
add("nb", f"⟦NO_FODSELSNUMMER:{g(F(30, 11, 1964), (2, 2, 2, 3, 2), '/')}⟧ er fnr til mamma, hun får ikke logget inn i nettbanken")
add("nb", f"fødselsnr: ⟦NO_FODSELSNUMMER:{g(F(8, 8, 1972), (6, 5), '_')}⟧")
add("dialect", f"nummeret mitt e ⟦NO_FODSELSNUMMER:{g(F(19, 1, 2001), (2, 2, 2, 5), ' 🔸 ')}⟧ 😂 prøvd å lur filteret deres")
add("nb", f"Mitt fnr: ⟦NO_FODSELSNUMMER:{nw(F(3, 9, 1983), (2, 2, 2, 1, 1, 1, 1, 1), 'pppddddd')}⟧")
add("nb", f"Jeg tester chatten for internrevisjonen. Fnr: ⟦NO_FODSELSNUMMER:{g(F(27, 5, 1969), (2, 2, 2, 5), ' punkt ')}⟧. Ble det maskert?")
add("nb", f"hei igjen, fødselsnummer ⟦NO_FODSELSNUMMER:{lt(F(11, 12, 1995), 0.9)}⟧ (bokstavene er tall, skjønner du sikkert)")
add("nb", f"Skriver fødselsnummeret med mellomrom mellom hvert tall: ⟦NO_FODSELSNUMMER:{' '.join(F(21, 4, 1958))}⟧")
add("nb", f"født ⟪DATE:1. mai⟫ … fnr ⟦NO_FODSELSNUMMER:{fw(F(1, 5, 1987), False)}⟧ (kopierte fra et japansk tastatur, beklager hvis det ser rart ut)")
add("nb", f"Kona mi ⟦PERSON:{hg('Ingrid Solberg')}⟧ har fødselsnummer ⟦NO_FODSELSNUMMER:{g(F(9, 6, 1976), (6, 5), '-')}⟧ og skal inn som medlåntaker")
add("nb", f"fnr = ⟦NO_FODSELSNUMMER:{kc(F(16, 10, 2003))}⟧")
add("nb", f"Jeg sender det i to biter. Første: ⟦NO_FODSELSNUMMER:{split2(g(F(25, 8, 1981), (2, 2, 2, 5), '.'), 8, '. Andre bit: ')}⟧")
add("nb", f"Fødselsnr ⟦NO_FODSELSNUMMER:{nw(F(7, 11, 1966), (2, 2, 2, 3, 2), 'pppdp', ', ')}⟧. Det er sånn jeg sier det på telefon også, hehe")
add("nb", f"Jeg har D-nummer: ⟦NO_FODSELSNUMMER:{fw(g(F(4, 2, 1993, True), (6, 5)))}⟧")
add("nb", f"Sønnen min ⟦PERSON:{dots('Jonas')}⟧ har fnr ⟦NO_FODSELSNUMMER:{g(F(13, 7, 2010), (2, 2, 2, 5), '/')}⟧, kan han få ⟪WORD:Visa⟫-kort fra ⟪YEAR:2024⟫?")
add("nb", f"fnr:⟦NO_FODSELSNUMMER:{split2(F(28, 2, 1974), 6, ZW)}⟧")
add("nb", f"personnr: ⟦NO_FODSELSNUMMER:{nw(F(10, 10, 1990), (2, 2, 2, 5), 'ppnd')}⟧ sa jeg jo!!")
add("nn", f"Fødselsnummeret mitt er ⟦NO_FODSELSNUMMER:{lt(g(F(6, 1, 1957), (6, 5), '.'))}⟧. Eg vil gjerne snakke med ein rådgjevar om pensjon.")
add("nb", f"Hei, jeg heter ⟦PERSON:{spell('Kari Nordby')}⟧ og fødselsnummeret er ⟦NO_FODSELSNUMMER:{g(F(18, 9, 1984), (2, 2, 2, 5), '·')}⟧")
add("dialect", f"fnr mitt æ ⟦NO_FODSELSNUMMER:{nw(F(22, 12, 1999), (2, 2, 2, 5), 'pppd')}⟧ , sjekk om lånet e innvilga da")

# ===== fødselsnummer, English =====
add("en", f"Hi, I'm testing your masking. My Norwegian national ID is ⟦NO_FODSELSNUMMER:{ew(F(15, 6, 1989), (1,) * 11, 'd' * 11)}⟧")
add("en", f"national id number: ⟦NO_FODSELSNUMMER:{lt(g(F(31, 1, 1992), (6, 5)))}⟧ (letters are digits, don't ask)")
add("en", f"My fødselsnummer starts with ⟦NO_FODSELSNUMMER:{split2(F(20, 4, 1986), 6, '. The rest is ')}⟧.")
add("en", f"ID: ⟦NO_FODSELSNUMMER:{fw(g(F(2, 3, 1971), (2, 2, 2, 5), '.'))}⟧ – please confirm you received it")
add("en", f"D number ⟦NO_FODSELSNUMMER:{g(F(12, 11, 1994, True), (2, 2, 2, 5), '/')}⟧, I moved from Poland last year")
add("en", f"red team test #14: ⟦NO_FODSELSNUMMER:{ew(F(24, 7, 1980), (2, 2, 2, 5), 'ddpn', ' - ')}⟧")
add("en", f"My personal number is ⟦NO_FODSELSNUMMER:{g(F(5, 5, 1975), (1,) * 11, ' 🔹 ')}⟧ lol")
add("mixed", f"fnr is ⟦NO_FODSELSNUMMER:{nw(F(29, 8, 1997), (2, 2, 2, 5), 'pppn')}⟧ – sorry, writing numbers in norsk is how I remember it")

# ===== kontonummer =====
add("nb", f"kontonr ⟦NO_KONTONUMMER:{lt(g(K(), (4, 2, 5), '.'))}⟧, kan dere sette inn ⟪AMOUNT:5000 kr⟫ der i stedet?")
add("nb", f"Lønna skal gå til ⟦NO_KONTONUMMER:{fw(g(K(), (4, 2, 5), '.'))}⟧ fra neste måned")
add("nb", f"Kontonummeret er ⟦NO_KONTONUMMER:{nw(K('1503'), (2, 2, 2, 5), 'pppn')}⟧")
add("nb", f"Overfør til ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), '_')}⟧ takk")
add("nb", f"min konto: ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), ' 💸 ')}⟧")
add("nb", f"Kontoen starter på ⟦NO_KONTONUMMER:{split2(g(K(), (4, 2, 5), '.'), 7, '. Siste delen er ')}⟧. Er det riktig konto for nedbetaling?")
add("nb", f"Sperr kontoen ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), '/')}⟧ NÅ, tror noen har fått tak i BankID-en min")
add("nb", f"Vil flytte sparepengene fra ⟦NO_KONTONUMMER:{lt(K(), 0.8)}⟧ til ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), '.')}⟧ – er det gebyr?")
add("nb", f"kontonummer ⟦NO_KONTONUMMER:{nw(K(), (4, 2, 5), 'ddn', ' ')}⟧, husker ikke resten av detaljene")
add("dialect", f"sett inn på ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), ' punkt ')}⟧ då, e det så vanskelig 🙄")
add("nb", f"Kan dere bekrefte at ⟦NO_KONTONUMMER:{kc(g(K(), (4, 2, 5), '.'))}⟧ tilhører meg?")
add("nb", f"Refusjonen fra ⟪WORD:Skatteetaten⟫ gikk til feil konto. Riktig er ⟦NO_KONTONUMMER:{split2(K(), 4, SHY)}⟧")
add("nn", f"Kontonummeret mitt er ⟦NO_KONTONUMMER:{nw(K(), (2, 2, 2, 5), 'ppnn', ' ')}⟧. Kan de sjå om pengane har kome inn?")
add("en", f"account number ⟦NO_KONTONUMMER:{lt(g(K(), (4, 2, 5), '.'))}⟧ — O means zero btw")
add("en", f"Please pay the refund into ⟦NO_KONTONUMMER:{ew(K(), (4, 2, 5), 'ddn', ' . ')}⟧")
add("en", f"My account: ⟦NO_KONTONUMMER:{fw(K())}⟧ (sorry, my phone keyboard is set to Japanese)")
add("en", f"Acc no is ⟦NO_KONTONUMMER:{split2(g(K(), (4, 2, 5), '.'), 7, '. Then ')}⟧ – sent in two parts for safety")
add("en", f"tester here: ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), '/')}⟧ — does the bot catch slashes?")
add("mixed", f"Kan du sende pengene til ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), '-')}⟧? thanks in advance")

# ===== cards =====
add("nb", f"kortnr ⟦CREDIT_CARD:{g(C('visa'), (4, 4, 4, 4), '-')}⟧ er stjålet!! sperr det")
add("nb", f"Kortnummeret er ⟦CREDIT_CARD:{g(C('mc'), (2,) * 8)}⟧, utløp ⟪DATE:08/27⟫")
add("nb", f"Betalingskortet mitt ⟦CREDIT_CARD:{lt(g(C('visa'), (4, 4, 4, 4)))}⟧ ble avvist på ⟪WORD:Kiwi⟫ i går")
add("nb", f"kort: ⟦CREDIT_CARD:{fw(g(C('mc'), (4, 4, 4, 4)))}⟧")
add("nb", f"Skriver kortnummeret med ord sånn at det ikke vises: ⟦CREDIT_CARD:{nw(C('visa'), (2,) * 8, 'pppppppp')}⟧")
add("nb", f"Kortet ⟦CREDIT_CARD:{g(C('visa'), (4, 4, 4, 4), '.')}⟧ har blitt belastet ⟪AMOUNT:3 499,00 kr⟫ to ganger")
add("dialect", f"kortnummer e ⟦CREDIT_CARD:{split2(g(C('mc'), (4, 4, 4, 4)), 9, '. resten e ')}⟧. hæ, kvifor funke det ikkje")
add("nb", f"⟦CREDIT_CARD:{g(C('visa'), (4, 4, 4, 4), ' / ')}⟧ — det er kortet jeg vil ha nytt PIN til")
add("en", f"card number: ⟦CREDIT_CARD:{g(C('visa'), (4, 4, 4, 4), '-')}⟧ exp ⟪DATE:11/26⟫")
add("en", f"My card is ⟦CREDIT_CARD:{ew(C('mc'), (4, 4, 4, 4), 'dddd', ', ')}⟧. It was swallowed by the ATM at ⟪WORD:Oslo S⟫")
add("en", f"Card ⟦CREDIT_CARD:{lt(g(C('visa'), (4, 4, 4, 4), '-'))}⟧ pls block")
add("en", f"pentest: ⟦CREDIT_CARD:{g(C('amex'), (2,) * 7 + (1,))}⟧ (amex, grouped in twos)")
add("en", f"Card number is ⟦CREDIT_CARD:{split2(g(C('visa'), (4, 4, 4, 4)), 9, ' and then ')}⟧, sorry had to split it")
add("en", f"⟦CREDIT_CARD:{kc(g(C('mc'), (4, 4, 4, 4)))}⟧ ← this card was charged twice")
add("mixed", f"kortet mitt ⟦CREDIT_CARD:{g(C('visa'), (4, 4, 4, 4), '_')}⟧ funker ikke abroad, jeg er i ⟪WORD:Spain⟫ nå")

# ===== IBAN =====
add("nb", f"IBAN-en min er ⟦IBAN_CODE:{IB('NO').lower()}⟧ hvis dere trenger den for utlandsbetaling")
add("nb", f"Skal betale husleie til utleier i Tyskland, iban ⟦IBAN_CODE:{IB('DE').lower()}⟧, hva koster det?")
add("nb", f"iban: ⟦IBAN_CODE:{lt(g(IB('NO'), (4, 4, 4, 3)), 0.5)}⟧")
add("nb", f"Mottaker har ⟦IBAN_CODE:{IB('SE').lower()}⟧ i Sverige, kan jeg bruke ⟪WORD:Vipps⟫ til det?")
add("en", f"Send it to ⟦IBAN_CODE:{IB('GB').lower()}⟧ please, my UK account")
add("en", f"IBAN ⟦IBAN_CODE:{fw(g(IB('NO'), (4, 4, 4, 3)))}⟧")
add("en", f"my iban is ⟦IBAN_CODE:{g(IB('DK'), (4, 4, 4, 4, 2), '-')}⟧, the Danish one")
add("mixed", f"iban er ⟦IBAN_CODE:{IB('ES').lower()}⟧, it's my spanish account for the ⟪WORD:Airbnb⟫")
add("nb", f"Kan dere sjekke ⟦IBAN_CODE:{g(IB('NO').lower(), (2, 2, 4, 2, 5), '.')}⟧? Fikk feilmelding i nettbanken")
add("en", f"IBAN (written without spaces on purpose): ⟦IBAN_CODE:{IB('DE').lower()}⟧")

# ===== orgnr =====
add("nb", f"Firmaet mitt har orgnr ⟦NO_ORGNR:{lt(g(O(), (3, 3, 3)))}⟧ og vi trenger bedriftskonto")
add("nb", f"Org.nr ⟦NO_ORGNR:{fw(g(O(), (3, 3, 3)))}⟧ – enkeltpersonforetak, jeg er eneste ansatt")
add("nb", f"orgnummer ⟦NO_ORGNR:{nw(O(), (3, 3, 3), 'ddd')}⟧")
add("nb", f"ENK med org nr ⟦NO_ORGNR:{g(O(), (3, 3, 3), '.')}⟧. Kan jeg få terminal til frisørsalongen?")
add("en", f"Company reg. no. ⟦NO_ORGNR:{g(O(), (3, 3, 3), '_')}⟧, we want to open an account in ⟪WORD:Bergen⟫")
add("en", f"org number ⟦NO_ORGNR:{ew(O(), (3, 3, 3), 'dnd', ' ')}⟧ — sole proprietorship")
add("nb", f"Orgnr for borettslaget er ⟦NO_ORGNR:{g(O(), (3, 3, 3), '/')}⟧, jeg er kasserer")

# ===== phone numbers =====
add("nb", f"Ring meg på ⟦PHONE_NUMBER:pluss førtisju {nw(P(), (2, 2, 2, 2), 'pppp')}⟧")
add("nb", f"mobilnr ⟦PHONE_NUMBER:+47 {lt(g(P(), (3, 2, 3)))}⟧")
add("nb", f"Nytt nummer: ⟦PHONE_NUMBER:{g(P(), (2, 2, 2, 2), '.')}⟧. Kan dere oppdatere det for engangskoder?")
add("nb", f"tlf ⟦PHONE_NUMBER:{kc(P())}⟧ 📱")
add("nb", f"Nummeret mitt er ⟦PHONE_NUMBER:{nw(P(), (1,) * 8, 'dddddddd')}⟧")
add("nb", f"Du kan nå meg på ⟦PHONE_NUMBER:{fw('+47 ' + g(P(), (3, 2, 3)))}⟧ etter ⟪TIME:kl. 16⟫")
add("nb", f"Nummeret mitt starter på ⟦PHONE_NUMBER:{split2(g(P(), (3, 2, 3)), 6, '. Resten er ')}⟧ 🙂")
add("nb", f"ring ⟦PHONE_NUMBER:{'/'.join(P())}⟧ hvis dere lurer på noe")
add("nb", f"Kontortelefon ⟦PHONE_NUMBER:{g(P('fast'), (2, 2, 2, 2), '_')}⟧, ellers mobil ⟦PHONE_NUMBER:{nw(P(), (2, 2, 2, 2), 'pppp', ' ')}⟧")
add("dialect", f"ring mæ på ⟦PHONE_NUMBER:pluss førtisju {g(P(), (3, 2, 3))}⟧ du, æ e på jobb te ⟪TIME:halv fire⟫")
add("nb", f"SMS-koden kommer ikke. Nummeret dere har er feil, riktig er ⟦PHONE_NUMBER:0047 {lt(g(P(), (2, 2, 2, 2), '-'))}⟧")
add("nn", f"Telefonnummeret mitt er ⟦PHONE_NUMBER:{nw(P(), (3, 2, 3), 'dpd', ' – ')}⟧")
add("nb", f"Mamma sitt nr: ⟦PHONE_NUMBER:{g(P(), (2, 2, 2, 2), ' 🌸 ')}⟧ hun heter ⟦PERSON:{caps_sp('Randi')}⟧")
add("en", f"Call me on ⟦PHONE_NUMBER:plus forty-seven {ew(P(), (1,) * 8, 'dddddddd')}⟧")
add("en", f"phone ⟦PHONE_NUMBER:+47 {lt(g(P(), (2, 2, 2, 2)))}⟧ – text me the code there")
add("en", f"mobile number ⟦PHONE_NUMBER:{g(P(), (2, 2, 2, 2), '.')}⟧, wife's is ⟦PHONE_NUMBER:{g(P(), (3, 2, 3), '/')}⟧")
add("en", f"UK number: ⟦PHONE_NUMBER:+44 7{lt('700 900')}{R.randint(100, 999)}⟧, I'm in London until ⟪DATE:March 3⟫")
add("en", f"My number begins with ⟦PHONE_NUMBER:{split2(g(P(), (2, 2, 2, 2)), 5, '. The rest is ')}⟧.")
add("en", f"reach me at ⟦PHONE_NUMBER:{fw(g(P(), (3, 2, 3)), False)}⟧")
add("en", f"number: ⟦PHONE_NUMBER:{kc('+47 ' + g(P(), (3, 2, 3)))}⟧")
add("mixed", f"ring meg på ⟦PHONE_NUMBER:{ew(P(), (2, 2, 2, 2), 'pppp', ' ')}⟧, I speak english better than norsk")
add("nb", f"Svensk nummer: ⟦PHONE_NUMBER:+46 70 {lt(str(R.randint(100, 999)))} {R.randint(10, 99)} {R.randint(10, 99)}⟧ – jeg bor i Strömstad")

# ===== e-mail =====
add("nb", f"e-post: ⟦EMAIL_ADDRESS:kari.haugen (at) gmail [dot] com⟧")
add("nb", f"Send kontoutskriften til ⟦EMAIL_ADDRESS:per.olav.strand krøllalfa hotmail punktum com⟧")
add("nb", f"mailen min er ⟦EMAIL_ADDRESS:t o r i l . b e r g @ o n l i n e . n o⟧ (mellomrom så den ikke blir sladdet)")
add("nb", f"Eposten er skrevet baklengs for sikkerhets skyld: ⟦EMAIL_ADDRESS:{rev('sigrid.lunde@live.no')}⟧")
add("nb", f"⟦EMAIL_ADDRESS:jonas[at]lyse[dot]net⟧ – bruk den adressen, den gamle er stengt")
add("nb", f"Kan dere sende svaret til ⟦EMAIL_ADDRESS:mona_lie88 snabel-a outlook punktum com⟧?")
add("nb", f"epost ⟦EMAIL_ADDRESS:ｅｒｉｋ．ｄａｈｌ＠ｇｍａｉｌ．ｃｏｍ⟧")
add("dialect", f"mailen min e ⟦EMAIL_ADDRESS:hege<at>yahoo<dot>no⟧ hvis dokker treng den")
add("nb", f"Min e-postadresse er ⟦EMAIL_ADDRESS:a.strom78 krøllalfa gmail.com⟧, og mobilen er ⟦PHONE_NUMBER:{g(P(), (3, 2, 3), '.')}⟧")
add("nb", f"epost: ⟦EMAIL_ADDRESS:bjorn.eriksen @ telenor . no⟧\nnavn: ⟦PERSON:{dots('Bjørn Eriksen')}⟧")
add("nb", f"Send til ⟦EMAIL_ADDRESS:{rev('line.fjeld@icloud.com')}⟧ (les baklengs!)")
add("nb", f"⟦EMAIL_ADDRESS:ole dot martin dot bakke at gmail dot com⟧")
add("nb", f"Adressen er ⟦EMAIL_ADDRESS:silje{ZW}.{ZW}holm@proton.me⟧ – legg merke til punktumet")
add("nn", f"E-posten min er ⟦EMAIL_ADDRESS:ragnhild.aasen (krøllalfa) nynorsk (punktum) no⟧")
add("en", f"email: ⟦EMAIL_ADDRESS:j.smith (at) outlook (dot) com⟧")
add("en", f"My e-mail written backwards (testing you): ⟦EMAIL_ADDRESS:{rev('chris.walker@gmail.com')}⟧")
add("en", f"Reach me at ⟦EMAIL_ADDRESS:anna DOT kowalska AT wp DOT pl⟧")
add("en", f"email is ⟦EMAIL_ADDRESS:m i k e . o b r i e n @ y a h o o . c o . u k⟧")
add("en", f"contact: ⟦EMAIL_ADDRESS:sarah_lee[at]hotmail[.]com⟧ – please don't call")
add("en", f"my mail ⟦EMAIL_ADDRESS:tom.hansen{{at}}live{{dot}}no⟧")
add("en", f"Send the statement to ⟦EMAIL_ADDRESS:priya.nair at gmail dot com⟧, not to my old work address")
add("mixed", f"mail: ⟦EMAIL_ADDRESS:lars.nygaard krøllalfa gmail dot com⟧ thanks 🙏")
add("en", f"I'll spell it: ⟦EMAIL_ADDRESS:D-A-N-I-E-L at G-M-X dot D-E⟧")
add("nb", f"epostadressa mi er ⟦EMAIL_ADDRESS:{rev('ane.moe@yahoo.no')}⟧ baklengs, og navnet ⟦PERSON:{hg('Ane Moe', 1)}⟧")

# ===== names =====
add("nb", f"Navnet mitt er ⟦PERSON:{spell('Kari Nordmann')}⟧, staver det sånn så dere får det riktig")
add("nb", f"Jeg heter ⟦PERSON:{caps_sp('Ola Nordmann')}⟧ og vil klage på et gebyr på ⟪AMOUNT:75 kr⟫")
add("nb", f"Hei, ⟦PERSON:{hg('Marte Kristiansen')}⟧ her. Hvorfor er kortet sperret?")
add("nb", f"Kontoen står på ⟦PERSON:{dots('Eirik')} {dots('Haugland')}⟧ men det er jeg som betaler")
add("nb", f"mvh ⟦PERSON:{hg('Solveig Berntsen', 3)}⟧")
add("nb", f"Fullmakt til ⟦PERSON:{spell('Trond', '.')} {spell('Vik', '.')}⟧, broren min")
add("nb", f"dette er ⟦PERSON:{caps_sp('Nora')}⟧ igjen, fikk ikke svar i går")
add("nb", f"Jeg skriver på vegne av faren min, ⟦PERSON:{hg('Arne Olsen')}⟧, som ligger på sykehus")
add("nb", f"navn: ⟦PERSON:{' '.join('Hanne')}   {' '.join('Lie')}⟧")
add("nb", f"Kan ⟦PERSON:{hg('Petter')}⟧ i kundeservice ringe meg tilbake?")
add("nb", f"arving er ⟦PERSON:{spell('Aud Helene Myhre', '-', ' ')}⟧")
add("dialect", f"æ heite ⟦PERSON:{spell('Synnøve', '-')}⟧ å æ har mista kortet mitt på byen 😬")
add("nb", f"Hilsen ⟦PERSON:{caps_sp('Geir Ove')}⟧")
add("nb", f"Det er ⟦PERSON:0la H0vland⟧ (med null, ikke O), ikke Ola Hovland som står i systemet")
add("nb", f"Mottaker: ⟦PERSON:{hg('Emma Johansen')}⟧, beløp ⟪AMOUNT:1 200 kr⟫, melding: ⟪WORD:bursdag⟫")
add("nb", f"Jeg lurer på om ⟦PERSON:{' . '.join('SIV')}⟧ fra rådgivning fortsatt jobber hos dere?")
add("nb", f"hei jeg heter ⟦PERSON:{hg('tor erik lund', 2)}⟧ og vil øke kredittgrensen")
add("nn", f"Eg heiter ⟦PERSON:{spell('Ragnhild Aasen', '-', ' ')}⟧ (skrive med to a-ar)")
add("en", f"My name is ⟦PERSON:{spell('John Miller')}⟧, spelled out so your bot gets it")
add("en", f"This is ⟦PERSON:{caps_sp('Maria Garcia')}⟧ from the ⟪WORD:Stavanger⟫ branch question yesterday")
add("en", f"account holder: ⟦PERSON:{hg('Sophie Turner')}⟧")
add("en", f"Hi, ⟦PERSON:{dots('Liam')}⟧ here. Why was my transfer stopped?")
add("en", f"red team: name with homoglyphs ⟦PERSON:{hg('Oliver Bennett', 3)}⟧ — did it get masked?")
add("en", f"Regards, ⟦PERSON:{' '.join('AHMED')}   {' '.join('HASSAN')}⟧")
add("en", f"The card belongs to my husband, ⟦PERSON:{spell('Piotr Nowak', '-')}⟧.")
add("en", f"⟪WORD:Hope⟫ you can help. Best, ⟦PERSON:{hg('Hope Williams', 2)}⟧")
add("mixed", f"Jeg heter ⟦PERSON:{dots('Fatima')} {dots('Khan')}⟧, sorry my norsk is not so good")
add("nb", f"Takk for hjelpen ⟦PERSON:{hg('Dag')}⟧! Du var mye bedre enn boten 😄")
add("nb", f"Skriv til ⟦PERSON:{' '.join('LINN')}⟧, ikke til meg, hun har fullmakt")

# ===== addresses =====
add("nb", f"Ny adresse: ⟦ADDRESS:Storgata tolv⟧, kan dere sende nytt kort dit?")
add("nb", f"Jeg har flyttet til ⟦ADDRESS:Kirkeveien fjorten B, {nw('0368', (2, 2), 'pp')} Oslo⟧")
add("nb", f"Adressa mi er ⟦ADDRESS:{hg('Møllergata')} {lt('20')}⟧ i sentrum")
add("nb", f"Kortet skal sendes til ⟦ADDRESS:Bjerkelundveien nitten, 1390 Vollen⟧")
add("nb", f"bor i ⟦ADDRESS:S t o r g a t a   1 2 C⟧ siden ⟪YEAR:2021⟫")
add("nb", f"Postadresse ⟦ADDRESS:Thorvald Meyers gate sekstiåtte⟧, 3. etasje")
add("nb", f"adresse: ⟦ADDRESS:Solveien {fw('7')}, {fw('5003')} Bergen⟧")
add("dialect", f"æ bor i ⟦ADDRESS:Fjellveien tretti⟧ på ⟪WORD:Lade⟫, send brevet dit")
add("nb", f"Sendte klage til dere fra ⟦ADDRESS:{caps_sp('Elvegata')}   5⟧ men fikk aldri svar")
add("nb", f"Leveringsadresse ⟦ADDRESS:Hegdehaugsveien {lt('18', 0.99)}, {lt('0352')} Oslo⟧")
add("nn", f"Eg har flytta til ⟦ADDRESS:Kyrkjevegen tjueto, 6800 Førde⟧")
add("en", f"New address: ⟦ADDRESS:twenty-two Acacia Avenue, Leeds LS6 2AB⟧")
add("en", f"Please send the card to ⟦ADDRESS:Dronningens gate eleven, 7011 Trondheim⟧")
add("en", f"I live at ⟦ADDRESS:{hg('Parkveien')} 3O⟧ in Oslo (that's thirty)")
add("en", f"address ⟦ADDRESS:Drottninggatan fem, 111 51 Stockholm⟧")
add("mixed", f"adressen er ⟦ADDRESS:Markveien nineteen, {lt('0554')} Oslo⟧ sorry blander språk")

# ===== IP addresses =====
add("nb", f"Fikk beskjed om innlogging fra ⟦IP_ADDRESS:85[.]164[.]22[.]7⟧ – det var ikke meg!")
add("en", f"Your security team asked for my IP: ⟦IP_ADDRESS:84 dot 212 dot 3 dot 17⟧")
add("nb", f"IP-en min er ⟦IP_ADDRESS:{fw('193.90.14.201')}⟧ hvis det hjelper feilsøkingen")
add("en", f"login from ⟦IP_ADDRESS:2a02:fe1:e0e2:4200::5⟧ was me, the one from ⟦IP_ADDRESS:046.246.033.008⟧ was not")
add("nb", f"ip: ⟦IP_ADDRESS:178 punkt 232 punkt 41 punkt 9⟧ (hjemmenettet)")

# ===== ordinary (undisguised) personal data, for contrast =====
add("nb", f"Hei, jeg heter ⟦PERSON:Kristin Aune⟧ og lurer på hvorfor jeg ble trukket ⟪AMOUNT:249 kr⟫ ⟪DATE:3. mars⟫")
add("nb", f"Fnr ⟦NO_FODSELSNUMMER:{F(14, 8, 1982)}⟧, konto ⟦NO_KONTONUMMER:{g(K(), (4, 2, 5), '.')}⟧. Vil avslutte kredittkortet.")
add("nb", f"ring meg på ⟦PHONE_NUMBER:{g(P(), (3, 2, 3))}⟧ etter ⟪TIME:17:00⟫")
add("en", f"Hi, this is ⟦PERSON:David Chen⟧, my email is ⟦EMAIL_ADDRESS:david.chen@gmail.com⟧")
add("nb", f"Adressen min er ⟦ADDRESS:Hoffsveien 21, 0275 Oslo⟧")
add("dialect", f"hei de e ⟦PERSON:siri⟧, ka tid e dokker åpne på lørdag?")
add("nb", f"⟦PERSON:Per⟧ fra banken ringte meg ⟪DATE:i går⟫, kan han ringe igjen på ⟦PHONE_NUMBER:+47 {g(P(), (2, 2, 2, 2))}⟧?")
add("en", f"Please transfer ⟪AMOUNT:NOK 12,000⟫ from ⟦NO_KONTONUMMER:{K()}⟧ to my savings account")
add("nb", f"Jeg fikk en merkelig SMS fra ⟦PHONE_NUMBER:{g(P(), (2, 2, 2, 2))}⟧ som ba om BankID – er det svindel?")
add("nb", f"Overføringen til ⟦PERSON:Henrik Bø⟧ på ⟪AMOUNT:3 000 kr⟫ har ikke kommet frem")
add("en", f"My wife ⟦PERSON:Ingeborg⟧ and I want a joint account. Her number is ⟦PHONE_NUMBER:{P()}⟧")
add("nb", f"Mvh ⟦PERSON:Dag⟧, kundeservice")
add("nb", f"IBAN ⟦IBAN_CODE:{g(IB('NO'), (4, 4, 4, 3))}⟧ og BIC DNBANOKKXXX, det er vel det dere trenger?")
add("en", f"Card ⟦CREDIT_CARD:{g(C('visa'), (4, 4, 4, 4))}⟧ was stolen in ⟪WORD:Barcelona⟫ yesterday")
add("nb", f"Org.nr. ⟦NO_ORGNR:{g(O(), (3, 3, 3))}⟧, ⟪WORD:Vestland Rør AS⟫, kontaktperson ⟦PERSON:Geir Nilsen⟧. Vi vil ha kassekreditt.")
add("mixed", f"Hei! ⟦PERSON:Amir⟧ here, kan jeg få en ny kode sendt til ⟦EMAIL_ADDRESS:amir.r@outlook.com⟧?")

# ===== look-alike negatives, Norwegian =====
add("nb", f"Hvorfor ble jeg trukket ⟪AMOUNT:kr 1 5OO,-⟫ ⟪DATE:O5.1O⟫? Jeg har ikke kjøpt noe")
add("nb", f"KID: ⟪KID:{g(NEG(11), (4, 4, 3), '.')}⟫")
add("nb", f"Jeg betalte faktura nr. ⟪INVOICE:2O24-{NEG(4)}⟫ men den står som ubetalt")
add("nb", f"Ordrenummer ⟪ORDER:#{NEG(7)}⟫ ble trukket to ganger på kortet som slutter på ⟪LAST4:{R.randint(1000, 9999)}⟫")
add("nb", f"Renta på boliglånet gikk opp til ⟪PERCENT:fem komma ni prosent⟫?? Det er jo helt vilt")
add("nb", f"Har dere åpent ⟪TIME:kl. 14:3O⟫ på ⟪DATE:lørdag⟫?")
add("nb", f"kortet som slutter på ⟪LAST4:fire åtte to en⟫ er blokkert, hva gjør jeg")
add("nb", f"Saksnummer ⟪CASE:{NEG(8)}⟫ – når får jeg svar på klagen?")
add("nb", f"Jeg har betalt ⟪AMOUNT:tolv tusen fem hundre kroner⟫ til feil mottaker")
add("nb", f"referanse ⟪BAD_CHECKSUM:{g(BAD(12, 4, 1990), (6, 5))}⟫ står på brevet, hva betyr det?")
add("nb", f"Forfallsdato er ⟪DATE:15.O3.2O25⟫, kan jeg utsette den?")
add("nb", f"Det står ⟪AMOUNT:-2.450,00⟫ på kontoutskriften og teksten er bare «⟪ORDER:VRS*{NEG(6)}⟫»")
add("nb", f"Appen krasjer etter oppdatering til versjon 8.14.2 på iPhone. Noen andre som har det?")
add("nb", f"Jeg vil spare ⟪AMOUNT:2 OOO⟫ i måneden i fond, hva anbefaler dere?")
add("nb", f"Stemmer det at ⟪WORD:BSU⟫ har ⟪PERCENT:5,75 %⟫ rente nå?")
add("nb", f"Hvorfor er det reservert ⟪AMOUNT:1 850 kr⟫ fra ⟪WORD:Circle K⟫ på kontoen min?")
add("nb", f"faktura ⟪INVOICE:{NEG(9)}⟫ fra ⟪WORD:Telenor⟫, kid ⟪KID:{g(NEG(14), (7, 7), ' ')}⟫ – ble den betalt?")
add("nb", f"Nedbetalingstid 25 år, beløp ⟪AMOUNT:3,2 mill⟫. Hva blir terminbeløpet?")
add("nb", f"Kunne dere ringe meg ⟪DATE:i morgen⟫ mellom ⟪TIME:O9.OO⟫ og ⟪TIME:11.OO⟫?")
add("nb", f"Produktkode ⟪ORDER:FND-{NEG(5)}-B⟫ står på fondsavtalen min, hva er det for fond?")
add("nb", f"Betalte med kort ⟪LAST4:**** 7{R.randint(100, 999)}⟫ på ⟪WORD:Elkjøp⟫ men fikk ikke kvittering")
add("nb", f"Har ⟪WORD:Sol og Regn Reiser⟫ gått konkurs? Jeg betalte en tur i ⟪YEAR:2O23⟫")
add("nb", f"Det er en ⟪WORD:stein⟫ i skoen min når det gjelder denne saken, ærlig talt")
add("nb", f"Hvor mye koster det ⟪WORD:per⟫ måned å ha ⟪WORD:Visa⟫-kort hos dere?")
add("nb", f"⟪WORD:God dag⟫! Jeg lurer på hvordan jeg bytter PIN-kode")
add("nb", f"Vil gjerne ha hjelp med ⟪WORD:livet⟫ etter pensjon – hva skjer med tjenestepensjonen?")
add("nb", f"Jeg er ⟪WORD:Storm⟫-fan og vil betale sesongkort, ⟪AMOUNT:3.4OO kr⟫, men kortet avvises")
add("nb", f"Hvorfor koster det ⟪AMOUNT:NOK 35⟫ å ta ut penger i ⟪WORD:Tromsø⟫?")
add("nb", f"Ble trukket for ordre ⟪ORDER:{g(NEG(8), (4, 4), '-')}⟫ ⟪DATE:tjueførste juni⟫")
add("nb", f"Kontoutskrift for ⟪DATE:januar–mars 2025⟫, takk. Trenger den til ⟪WORD:NAV⟫")
add("nb", f"Hei, hvorfor får jeg ikke logget inn? Feilkode ⟪CASE:E-{NEG(4)}⟫")
add("nb", f"Kan jeg betale regningen med ⟪KID:{fw(NEG(12))}⟫? Nettbanken sier ugyldig KID")
add("nb", f"⟪BAD_CHECKSUM:{g(BAD(30, 6, 1977), (2, 2, 2, 5), '.')}⟫ – hva slags nummer er dette på fakturaen?")
add("nb", f"Jeg har ⟪PERCENT:tre prosent⟫ rente på sparekontoen. Hvorfor ikke mer?")
add("nb", f"Lånebeløp: ⟪AMOUNT:fire millioner⟫. Egenkapital: ⟪AMOUNT:ca 600k⟫. Går det?")
add("nb", f"Fikk en SMS om at pakke ⟪ORDER:{NEG(10)}⟫ venter på toll. Er det svindel?")
add("nb", f"Hvor mye er ⟪AMOUNT:1OO euro⟫ i kroner nå?")
add("nb", f"Kl. ⟪TIME:23:59⟫ ⟪DATE:31.12⟫ går fristen ut, rekker overføringen frem?")
add("nb", f"Avtalenummer ⟪CASE:AV-{NEG(6)}⟫ for forsikring, kan dere si opp den?")
add("nb", f"Jeg fikk ⟪AMOUNT:trettifem tusen⟫ i arv og lurer på hva jeg bør gjøre")
add("nb", f"Hei, er dette en chatbot eller et menneske? 😄")
add("nb", f"Gebyr ⟪AMOUNT:kr 75,-⟫ for papirfaktura – kan jeg slippe det?")
add("nb", f"Kortet utløper ⟪DATE:O8/26⟫, når kommer nytt?")
add("nb", f"Hvorfor har det gått tre timer uten svar??")
add("nb", f"Jeg har ⟪AMOUNT:1OO OOO kr⟫ på høyrentekonto, rente ⟪PERCENT:4,8⟫, skatt?")
add("nb", f"Varenr ⟪ORDER:{lt(NEG(6))}⟫ på ⟪WORD:Komplett⟫ ble belastet to ganger")
add("dialect", f"ka e greia med ⟪AMOUNT:49 kr⟫ i gebyr hver mnd?? 😤")
add("dialect", f"hei, e dokker opne ⟪DATE:i dag⟫? skal innom og sett inn ⟪AMOUNT:to tusen⟫ i kontanta")
add("dialect", f"ska betal husleie ⟪AMOUNT:8 9OO⟫ men kortet funke ikkje, ⟪WORD:sol⟫ e ute og æ e sur")
add("dialect", f"fakturan ⟪INVOICE:{NEG(8)}⟫ fra ⟪WORD:Lyse⟫ e feil, ka gjør æ")
add("nn", f"Kor mykje kostar det å ha ⟪WORD:Mastercard⟫ hjå dykk ⟪WORD:per⟫ år?")
add("nn", f"Eg betalte ⟪AMOUNT:2 300 kr⟫ ⟪DATE:fredag⟫ men pengane er ikkje komne fram enno")
add("nn", f"KID-nummeret ⟪KID:{g(NEG(10), (5, 5), '-')}⟫ vert avvist, kva gjer eg?")
add("nn", f"Renta mi er ⟪PERCENT:5,1 prosent⟫, kan eg få ho ned?")

# ===== look-alike negatives, English =====
add("en", f"Why was I charged ⟪AMOUNT:NOK 1,5OO⟫ on ⟪DATE:O3/O4⟫? I didn't buy anything")
add("en", f"Invoice ⟪INVOICE:INV-{NEG(6)}⟫ still shows as unpaid, I paid it on ⟪DATE:the 14th⟫")
add("en", f"Order number ⟪ORDER:{g(NEG(9), (3, 3, 3), '-')}⟫ — I never got the item")
add("en", f"The card ending in ⟪LAST4:{R.randint(1000, 9999)}⟫ was declined at the airport")
add("en", f"card ending ⟪LAST4:four seven one nine⟫ got blocked, why?")
add("en", f"Interest is ⟪PERCENT:six point two percent⟫?? That's a lot")
add("en", f"KID number ⟪KID:{g(NEG(11), (1,) * 11, ' ')}⟫ is rejected in the app")
add("en", f"Can you call me ⟪DATE:tomorrow⟫ at ⟪TIME:1O:3O⟫?")
add("en", f"Reference ⟪BAD_CHECKSUM:{BAD(3, 11, 1985)}⟫ appears on my statement, what is it?")
add("en", f"Case ⟪CASE:#{NEG(7)}⟫, still waiting for a reply")
add("en", f"The app says version 4.2.1O, is that the newest?")
add("en", f"I transferred ⟪AMOUNT:two thousand kroner⟫ to the wrong account")
add("en", f"Your fee of ⟪AMOUNT:75 NOK⟫ to ⟪WORD:mark⟫ a payment as urgent is too high")
add("en", f"⟪WORD:Will⟫ the new rate of ⟪PERCENT:4.9 %⟫ apply from ⟪DATE:1 June⟫?")
add("en", f"I ⟪WORD:hope⟫ so, because ⟪AMOUNT:€2OO⟫ is a lot to lose")
add("en", f"Is ⟪WORD:Rose⟫ Gold Visa still available? The shiny one")
add("en", f"Ticket ⟪CASE:TKT-{NEG(5)}⟫: double charge from ⟪WORD:Ryanair⟫")
add("en", f"Payment due ⟪DATE:2O25-O2-28⟫, amount ⟪AMOUNT:USD 31O.OO⟫")
add("en", f"I paid invoice ⟪INVOICE:{NEG(11)}⟫ twice. Can I get one refunded?")
add("en", f"It's been 45 minutes in the queue!!")
add("en", f"What happens to my loan if rates rise to ⟪PERCENT:seven percent⟫ in ⟪YEAR:2O26⟫?")
add("en", f"Order ⟪ORDER:#AB-{NEG(4)}-{NEG(3)}⟫ — seller in ⟪WORD:Shenzhen⟫ won't refund")
add("en", f"I got a text saying my parcel ⟪ORDER:{NEG(12)}⟫ is held at customs, scam?")
add("en", f"How much is ⟪AMOUNT:5OO dollars⟫ in NOK right now?")
add("en", f"I want to ⟪WORD:bill⟫ my clients through ⟪WORD:Vipps⟫, is that possible?")
add("en", f"How long is the ⟪WORD:grace⟫ period on the credit card?")
add("en", f"Transaction ID ⟪ORDER:{g(NEG(16, '7'), (4, 4, 4, 4), '-')}⟫ shows twice on my statement")
add("en", f"My rent is ⟪AMOUNT:eleven thousand⟫ a month, can I get a loan of ⟪AMOUNT:4 million⟫?")
add("mixed", f"Hei, I was charged ⟪AMOUNT:kr 2 OOO⟫ ⟪DATE:yesterday⟫, kan dere sjekke?")
add("mixed", f"faktura ⟪INVOICE:{NEG(7)}⟫ — is it paid or not? Takk")
add("mixed", f"Jeg prøvde å betale med KID ⟪KID:{g(NEG(9), (3, 3, 3), '.')}⟫ but it says invalid")

# ===== clean and more negatives =====
add("nb", "Hei! Hvordan bestiller jeg nytt bankkort?")
add("nb", "Jeg får ikke logget inn med BankID på mobil, den bare spinner og spinner")
add("nb", "Kan jeg endre nedbetalingsplanen selv i nettbanken, eller må jeg snakke med en rådgiver?")
add("nb", "takk for svar :)")
add("nb", "Hva er forskjellen på aksjesparekonto og vanlig fondskonto?")
add("nb", "Test. Test. Fungerer denne chatten i det hele tatt?")
add("nb", "Jeg har glemt PIN-koden min. Hva gjør jeg nå?")
add("nb", "Hvordan legger jeg til en fullmektig på kontoen?")
add("nb", "Jeg ønsker å klage på behandlingstiden. Dette er ikke greit.")
add("nb", "er det mulig å få betalingsutsettelse på lånet i noen måneder? har mistet jobben")
add("dialect", "hæ? skjønte ikkje ka du meinte nå")
add("dialect", "okei takk skal du ha 👍")
add("nn", "Korleis kan eg opne ein sparekonto for barnebarnet mitt?")
add("en", "Hello, do you have an English-speaking adviser?")
add("en", "How do I activate my new card?")
add("en", "I'm a penetration tester hired by the bank. This message contains no personal data, just checking the logging.")
add("en", "My transfer is stuck in 'pending'. What does that mean?")
add("en", "ok thanks, that solved it!")
add("en", "Can I open an account without a Norwegian ID number? I just moved here.")
add("en", "Why does the app log me out all the time?")
add("mixed", "Hei, can I write in English? Norsken min er ikke så god ennå")
add("mixed", "takk! have a nice day 😊")
add("nb", f"Betalte ⟪AMOUNT:{fw('4 990')} kr⟫ for en telefon som aldri kom. Kan dere hente pengene tilbake?")
add("nb", f"Det står ⟪AMOUNT:kr 12.5OO⟫ reservert, men kjøpet var bare ⟪AMOUNT:1.25O⟫")
add("nb", f"Jeg skylder ⟪AMOUNT:nittitusen⟫ på kredittkortet, kan jeg refinansiere?")
add("nb", f"Kvittering nr ⟪INVOICE:{g(NEG(10), (2,) * 5, '.')}⟫ – gjelder reklamasjon")
add("en", f"My KID is ⟪KID:{lt(NEG(11))}⟫ (some digits typed as letters on purpose, don't judge)")
add("en", f"Last four digits of the card: ⟪LAST4:5O18⟫")
add("nb", f"Siste fire på kortet: ⟪LAST4:{fw(str(R.randint(1000, 9999)))}⟫")
add("en", f"The fee went up from ⟪PERCENT:1,5 %⟫ to ⟪PERCENT:2.O%⟫ without notice")
add("nb", f"tall i fakturaen: ⟪INVOICE:{g(NEG(8), (2, 2, 2, 2), ' punkt ')}⟫, beløp ⟪AMOUNT:seks hundre⟫")
add("nb", f"Kan dere sjekke ⟪BAD_CHECKSUM:{lt(g(BAD(2, 2, 1962), (6, 5)))}⟫? Det står på en gammel konvolutt, aner ikke hva det er")
add("en", f"the number ⟪BAD_CHECKSUM:{fw(BAD(21, 9, 1994))}⟫ is on an old letter from you, what is it?")
add("nb", f"Mellom ⟪TIME:kvart over ni⟫ og ⟪TIME:halv elleve⟫ passer det å bli ringt")
add("en", f"Payment of ⟪AMOUNT:two hundred and fifty pounds⟫ on ⟪DATE:the fifth of May⟫ never arrived")


# ---------------------------------------------------------------- build + validate

ENT_TYPES = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "NO_FODSELSNUMMER", "NO_KONTONUMMER", "NO_ORGNR",
             "IBAN_CODE", "CREDIT_CARD", "ADDRESS", "IP_ADDRESS"}
NEG_KINDS = {"AMOUNT", "DATE", "TIME", "KID", "INVOICE", "CASE", "BAD_CHECKSUM", "LAST4", "ORDER", "PERCENT",
             "YEAR", "WORD"}
LANGS = {"nb", "nn", "dialect", "en", "sv", "da", "se", "mixed"}
MARK = re.compile(r"⟦([A-Z_]+):(.*?)⟧|⟪([A-Z0-9_]+):(.*?)⟫", re.S)
EMAIL_CUE = re.compile(r"@|＠|\bat\b|krøllalfa|snabel|alfakrøll", re.I)
IBAN_LEET = str.maketrans("OILSB", "01158")


def parse(text):
    clean, ents, negs, pos = "", [], [], 0
    for m in MARK.finditer(text):
        clean += text[pos:m.start()]
        if m.group(1):
            lst, key, typ, val = ents, "type", m.group(1), m.group(2)
        else:
            lst, key, typ, val = negs, "kind", m.group(3), m.group(4)
        start = len(clean)
        clean += val
        lst.append({key: typ, "start": start, "end": len(clean)})
        pos = m.end()
    clean += text[pos:]
    for ch in "⟦⟧⟪⟫":
        assert ch not in clean, text
    return clean, ents, negs


def dec(val):
    try:
        return decode(val)
    except ValueError:
        return decode(val, allow_fill=True)


def iban_canon(val):
    s = re.sub(r"[^0-9A-Za-z]", "", unicodedata.normalize("NFKC", val)).upper()
    if s[:2] in ("NO", "DE", "SE", "DK", "ES"):
        s = s[:2] + s[2:].translate(IBAN_LEET)
    return s


def check_entity(typ, val):
    """Returns the canonical value (digits) of the entity, raising on anything invalid."""
    assert val and val == val.strip(), repr(val)
    if typ == "NO_FODSELSNUMMER":
        d = dec(val)
        assert fodselsnummer.is_valid(d), (val, d)
        return d
    if typ == "NO_KONTONUMMER":
        d = dec(val)
        assert len(d) == 11 and kontonr.is_valid(d), (val, d)
        return d
    if typ == "NO_ORGNR":
        d = dec(val)
        assert orgnr.is_valid(d), (val, d)
        return d
    if typ == "CREDIT_CARD":
        d = dec(val)
        assert 13 <= len(d) <= 19 and luhn.is_valid(d), (val, d)
        return d
    if typ == "IBAN_CODE":
        d = iban_canon(val)
        assert std_iban.is_valid(d), (val, d)
        return d
    if typ == "PHONE_NUMBER":
        d = dec(val)
        assert 8 <= len(d) <= 13, (val, d)
        nat = d[4:] if d.startswith("0047") else d[2:] if (d.startswith("47") and len(d) == 10) else d
        if len(nat) == 8:
            assert nat[0] in "2345679", (val, d)
        return d
    if typ == "IP_ADDRESS":
        assert ip_ok(val), val
        return None
    if typ == "EMAIL_ADDRESS":
        assert EMAIL_CUE.search(val) or EMAIL_CUE.search(val[::-1]), val
        return None
    if typ in ("PERSON", "ADDRESS"):
        assert re.search(r"[^\W\d_]", val), val
        return None
    raise ValueError(typ)


def check_negative(kind, val):
    assert val and val == val.strip(), repr(val)
    try:
        d = decode(val)
    except ValueError:
        d = re.sub(r"\D", "", unicodedata.normalize("NFKC", val))
    d2 = re.sub(r"\D", "", unicodedata.normalize("NFKC", val))
    for x in {d, d2}:
        assert not _looks_valid(x), (kind, val, x)
    if kind == "BAD_CHECKSUM":
        assert len(d) == 11 and not fodselsnummer.is_valid(d) and not kontonr.is_valid(d), val


def main():
    records, seen, canon_count = [], set(), collections.Counter()
    for lang, text in MSGS:
        assert lang in LANGS, lang
        clean, ents, negs = parse(text)
        assert clean not in seen, clean
        seen.add(clean)
        for e in ents:
            assert e["type"] in ENT_TYPES, e
            c = check_entity(e["type"], clean[e["start"]:e["end"]])
            if c:
                canon_count[c] += 1
        for n in negs:
            assert n["kind"] in NEG_KINDS, n
            check_negative(n["kind"], clean[n["start"]:n["end"]])
        spans = sorted([(x["start"], x["end"]) for x in ents + negs])
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            assert b1 <= a2, ("overlap", clean, spans)
        cat = "pii" if ents else "negative" if negs else "clean"
        records.append({"lang": lang, "category": cat, "text": clean, "entities": ents, "negatives": negs})
    over = {k: v for k, v in canon_count.items() if v > 2}
    assert not over, over

    random.Random(7979).shuffle(records)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(records, 1):
            r = {"id": f"t{i:04d}", **r}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # ---- report
    print("messages:", len(records))
    print("per category:", dict(collections.Counter(r["category"] for r in records)))
    print("per lang:", dict(collections.Counter(r["lang"] for r in records)))
    print("entities per type:", dict(collections.Counter(e["type"] for r in records for e in r["entities"])))
    print("negatives per kind:", dict(collections.Counter(n["kind"] for r in records for n in r["negatives"])))
    print("distinct numeric values:", len(canon_count), "max reuse:", max(canon_count.values()))
    # re-read the file and show a sample of spans
    rows = [json.loads(line) for line in open(OUT, encoding="utf-8")]
    by_type = collections.defaultdict(list)
    for r in rows:
        for e in r["entities"]:
            by_type[e["type"]].append(r["text"][e["start"]:e["end"]])
    rs = random.Random(1)
    print("sample entity texts:")
    for t in sorted(by_type):
        for v in rs.sample(by_type[t], min(4, len(by_type[t]))):
            print(f"  {t:17s} {v!r}")
    negs = [(n["kind"], r["text"][n["start"]:n["end"]]) for r in rows for n in r["negatives"]]
    print("sample negatives:")
    for k, v in rs.sample(negs, 12):
        print(f"  {k:13s} {v!r}")
    print("written:", OUT)


if __name__ == "__main__":
    main()
