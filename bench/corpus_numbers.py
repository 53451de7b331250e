"""The generated corpus's numbers: personal numbers with real checksums, formatted the ways people type
them, and the hard negatives (amounts, dates, KIDs, invoices) that look like them but are not personal
data (see :mod:`bench.corpus`)."""

from __future__ import annotations

import ipaddress
import string
from datetime import date, timedelta
from random import Random

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.no import fodselsnummer, kontonr, orgnr

# --- numbers with real checksums --------------------------------------------------------------------


def random_digits(rng: Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def make_fodselsnummer(rng: Random, kind: str = "f") -> str:
    """11 digits; ``kind`` is ``f`` (fødselsnummer), ``d`` (D-nummer, day+40) or ``syn`` (month+80).

    Synthetic test numbers (month+80) carry both real check digits but are rejected by stdnum, which
    checks the birth date; Skatteetaten issues them for test systems, and they do turn up in chat.
    """
    while True:
        born = date(1930, 1, 1) + timedelta(days=rng.randrange(365 * 76))
        if born.year >= 2000:
            ind = rng.randrange(500, 1000)
        else:
            ind = rng.randrange(0, 500) if born.year < 1940 or rng.random() < 0.9 else rng.randrange(900, 1000)
        day = born.day + (40 if kind == "d" else 0)
        month = born.month + (80 if kind == "syn" else 0)
        base = f"{day:02d}{month:02d}{born.year % 100:02d}{ind:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if k1 == "10":
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if k2 == "10":
            continue
        number = base + k1 + k2
        if (kind == "syn") != fodselsnummer.is_valid(number):
            return number


def fodselsnummer_checks(number: str) -> bool:
    """Both check digits right (true for real, D- and synthetic numbers alike)."""
    return (
        len(number) == 11
        and number.isdigit()
        and fodselsnummer.calc_check_digit1(number[:9]) == number[9]
        and fodselsnummer.calc_check_digit2(number[:10]) == number[10]
    )


def make_kontonummer(rng: Random) -> str:
    """A valid kontonummer that is not also a fødselsnummer by checksum.

    A fødselsnummer's second check digit is the kontonummer check digit, so every fødselsnummer is a
    valid kontonummer; one in eleven kontonummer also passes the first check. Those are ambiguous
    without context, so they are drawn again to keep the gold labels unambiguous.
    """
    while True:
        candidate = rng.choice(("1", "2", "3", "4", "6", "7", "9")) + random_digits(rng, 10)
        if kontonr.is_valid(candidate) and not fodselsnummer_checks(candidate):
            return candidate


def make_orgnr(rng: Random) -> str:
    while True:
        candidate = rng.choice("89") + random_digits(rng, 8)
        if orgnr.is_valid(candidate):
            return candidate


#: country -> BBAN shape: ``n`` digit, ``a`` upper-case letter, ``c`` either.
_IBAN_BBAN: dict[str, str] = {
    "DE": "n" * 18,
    "GB": "aaaa" + "n" * 14,
    "SE": "n" * 20,
    "DK": "n" * 14,
    "FI": "n" * 14,
    "PL": "n" * 24,
    "NL": "aaaa" + "n" * 10,
    "FR": "n" * 10 + "c" * 11 + "nn",
    "ES": "n" * 20,
    "LT": "n" * 16,
    "TR": "n" * 5 + "0" + "c" * 16,
}


def _shape(rng: Random, shape: str) -> str:
    alpha = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}
    return "".join(rng.choice(alpha[s]) if s in alpha else s for s in shape)


def make_iban(rng: Random, country: str | None = None) -> str:
    """A valid IBAN (compact). Norwegian ones wrap a valid kontonummer, as real ones do."""
    cc = country or ("NO" if rng.random() < 0.55 else rng.choice(list(_IBAN_BBAN)))
    for _ in range(10_000):
        bban = make_kontonummer(rng) if cc == "NO" else _shape(rng, _IBAN_BBAN[cc])
        number = cc + stdnum_iban.calc_check_digits(cc + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number
    raise RuntimeError(f"no valid IBAN for {cc}")  # pragma: no cover - every shape above is satisfiable


def make_card(rng: Random, brand: str | None = None) -> str:
    """A Luhn-valid card number (compact): Visa, Mastercard 51-55 or 2221-2720, or Amex."""
    brand = brand or rng.choice(("visa", "visa", "mc", "mc2", "amex"))
    if brand == "visa":
        body = "4" + random_digits(rng, 14)
    elif brand == "mc":
        body = str(rng.randrange(51, 56)) + random_digits(rng, 13)
    elif brand == "mc2":
        body = str(rng.randrange(2221, 2721)) + random_digits(rng, 11)
    else:
        body = rng.choice(("34", "37")) + random_digits(rng, 12)
    return body + luhn.calc_check_digit(body)


def mod11_check(digits: str) -> str | None:
    """KID MOD11 check digit (weights 2..7 from the right); ``None`` where it would be ``-``."""
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(digits)))
    check = (11 - total % 11) % 11
    return None if check == 10 else str(check)


def make_kid(rng: Random) -> str:
    """A valid KID: MOD10 (Luhn) or MOD11, 7-25 digits; a fifth are Luhn-valid 16-digit ones."""
    if rng.random() < 0.2:
        body = random_digits(rng, 15)
        return body + luhn.calc_check_digit(body)
    length = rng.randrange(7, 26)
    while True:
        body = random_digits(rng, length - 1)
        if rng.random() < 0.5:
            return body + luhn.calc_check_digit(body)
        check = mod11_check(body)
        if check is not None:
            return body + check


def looks_valid(digits: str) -> bool:
    """True if a digit string passes any checksum of the types we label (used to keep negatives clean)."""
    if len(digits) == 11 and (kontonr.is_valid(digits) or fodselsnummer_checks(digits)):
        return True
    if len(digits) == 9 and orgnr.is_valid(digits):
        return True
    return 12 <= len(digits) <= 19 and luhn.is_valid(digits)


def make_bad11(rng: Random) -> str:
    """11 digits that fail every checksum: not a fødselsnummer (any kind), not a kontonummer."""
    while True:
        candidate = rng.choice("123456789") + random_digits(rng, 10)
        if not looks_valid(candidate):
            return candidate


def make_phone_no(rng: Random) -> str:
    """A valid Norwegian number in one of the ways people type it."""
    while True:
        national = rng.choice("4999922357") + random_digits(rng, 7)
        if phonenumbers.is_valid_number(phonenumbers.parse(national, "NO")):
            break
    n = national
    mobile = n[0] in "49"
    styles = [
        f"+47 {n[:3]} {n[3:5]} {n[5:]}",
        f"+47 {n}",
        f"+47{n}",
        f"0047 {n}",
        f"0047 {n[:3]} {n[3:5]} {n[5:]}",
        f"{n[:3]} {n[3:5]} {n[5:]}",
        f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
        n,
        f"+47 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
    ]
    if not mobile:  # landlines are written in pairs
        styles = [styles[6], styles[6], styles[8], n, styles[1]]
    return rng.choice(styles)


# fmt: off
_FOREIGN_PHONES: tuple[str, ...] = (
    "+44 20 79XX XXXX", "+44 7XXX XXXXXX", "0044 7XXX XXXXXX", "+46 70 XXX XX XX", "+46 8 XXX XXX XX",
    "+1 415 XXX XXXX", "+1 (212) XXX-XXXX", "+49 151 XXXXXXXX", "+49 30 XXXXXXXX", "+48 5XX XXX XXX",
    "+45 XX XX XX XX", "+92 300 XXXXXXX", "+252 61 XXXXXXX", "+90 532 XXX XX XX", "+370 6XX XXXXX",
    "+63 917 XXX XXXX", "+98 912 XXX XXXX", "+84 91 XXX XX XX", "+380 67 XXX XXXX", "+358 40 XXX XXXX",
)
# fmt: on


def make_phone_intl(rng: Random) -> str:
    """A valid foreign number in international format."""
    while True:
        shape = rng.choice(_FOREIGN_PHONES)
        number = "".join(rng.choice(string.digits) if c == "X" else c for c in shape)
        dialable = "+" + number[2:] if number.startswith("00") else number
        if phonenumbers.is_valid_number(phonenumbers.parse(dialable, None)):
            return number


def make_ip(rng: Random) -> str:
    if rng.random() < 0.7:
        first = rng.choice((84, 85, 88, 46, 77, 178, 193, 212, 10, 192, 51, 109, 129, 158))
        return ".".join(str(x) for x in (first, rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)))
    groups = [0x2001, rng.choice((0x4640, 0x0DB8, 0x67C, 0x4600, 0x9B0))] + [
        rng.randrange(0, 0x10000) if rng.random() < 0.6 else 0 for _ in range(6)
    ]
    addr = ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))
    return addr.compressed if rng.random() < 0.8 else addr.exploded


# --- formatting of numbers as people type them ------------------------------------------------------


def fmt_fodselsnummer(rng: Random, number: str) -> str:
    return rng.choice((number, number, f"{number[:6]} {number[6:]}", f"{number[:6]}-{number[6:]}"))


def fmt_kontonummer(rng: Random, number: str) -> str:
    return rng.choice((f"{number[:4]}.{number[4:6]}.{number[6:]}", f"{number[:4]} {number[4:6]} {number[6:]}", number))


def fmt_orgnr(rng: Random, number: str) -> str:
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    return rng.choice((spaced, number, number, f"NO {spaced} MVA", f"NO{number}MVA"))


def fmt_iban(rng: Random, number: str) -> str:
    return stdnum_iban.format(number) if rng.random() < 0.6 else number


def fmt_card(rng: Random, number: str) -> str:
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    return rng.choice((" ".join(groups), " ".join(groups), "-".join(groups), number))


# --- hard negatives ---------------------------------------------------------------------------------


def make_amount(rng: Random, lang: str) -> str:
    whole = rng.choice((rng.randrange(50, 1000), rng.randrange(1000, 20000), rng.randrange(20000, 3_000_000)))
    spaced = f"{whole:,}".replace(",", " ")
    dotted = f"{whole:,}".replace(",", ".")
    cents = f"{rng.randrange(100):02d}"
    nb = (
        f"kr {spaced},{cents}",
        f"NOK {dotted}",
        f"{whole} kr",
        f"{spaced},-",
        f"kr {spaced}",
        f"{spaced} kroner",
        f"{whole},- kr",
        f"kr. {whole}",
    )
    en = (f"${whole:,}.{cents}", f"NOK {whole:,}", f"£{whole}.{cents}", f"€{whole:,}", f"{whole} NOK", f"kr {spaced}")
    return rng.choice(nb if lang == "nb" else en)


# fmt: off
_NB_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
              "november", "desember")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
# fmt: on


def make_date(rng: Random, lang: str) -> str:
    d = date(2019, 1, 1) + timedelta(days=rng.randrange(365 * 7))
    forms = [d.strftime("%d.%m.%Y"), d.isoformat(), f"{d.day}.{d.month}.{d.year % 100:02d}"]
    forms += (
        [f"{d.day}. {_NB_MONTHS[d.month - 1]}"]
        if lang == "nb"
        else [
            f"{d.day} {_EN_MONTHS[d.month - 1]} {d.year}",
            f"{_EN_MONTHS[d.month - 1]} {d.day}",
            d.strftime("%d/%m/%Y"),
        ]
    )
    return rng.choice(forms)


def make_time(rng: Random, lang: str) -> str:
    h, m = rng.randrange(7, 23), rng.choice((0, 15, 30, 45, 5, 50))
    if lang == "nb":
        return rng.choice((f"kl {h}:{m:02d}", f"kl. {h:02d}.{m:02d}", f"kl {h}", f"{h}:{m:02d}"))
    return rng.choice(
        (f"{h}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d} {'pm' if h >= 12 else 'am'}", f"{(h - 1) % 12 + 1}pm")
    )


def _clean_digits(rng: Random, n: int) -> str:
    while True:
        candidate = rng.choice("123456789") + random_digits(rng, n - 1)
        if not looks_valid(candidate):
            return candidate


def make_invoice(rng: Random) -> str:
    return rng.choice(
        (
            f"{rng.randrange(2019, 2026)}-{rng.randrange(1, 9999):04d}",
            _clean_digits(rng, 6),
            f"INV-{_clean_digits(rng, 5)}",
            _clean_digits(rng, 8),
        )
    )


def make_case(rng: Random) -> str:
    return rng.choice(
        (
            f"{rng.randrange(2019, 2026)}-{rng.randrange(100000, 999999)}",
            f"#{_clean_digits(rng, 5)}",
            f"SR-{_clean_digits(rng, 4)}",
            _clean_digits(rng, 7),
        )
    )


def make_order(rng: Random) -> str:
    return rng.choice(
        (
            _clean_digits(rng, 8),
            _clean_digits(rng, 7),
            f"#A-{_clean_digits(rng, 5)}",
            f"{_clean_digits(rng, 3)}-{_clean_digits(rng, 7)}",
        )
    )


def make_percent(rng: Random, lang: str) -> str:
    value = rng.randrange(50, 2500) / 100
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if lang == "nb":
        text = text.replace(".", ",")
        return rng.choice((f"{text} %", f"{text}%", f"{text} prosent"))
    return rng.choice((f"{text}%", f"{text} %", f"{text}% APR"))
