"""E-mail addresses (EMAIL_ADDRESS), including non-ASCII ones ("ola.nordmann@bøkker.no") and obfuscated ones.

Presidio's own EmailRecognizer validates the domain with ``tldextract``, which downloads the public
suffix list on first use; nothing may be fetched at run time, so this recognizer checks the shape
itself: a local part, a domain of valid labels and an alphabetic top-level domain. An e-mail address
is personal data even when its domain does not exist, so a suffix list would add nothing here.

People who do not want a form (or a spam bot) to read their address write it so that only a human
can: "ola . nordmann @ gmail . com", "kari(at)online.no", "per [at] hotmail dot com", "kari snabel-a
hotmail punktum com". Those are the same address to any reader, so they are redacted too. The
unbracketed words are also ordinary words ("jeg ser at nav.no ...", "dot"), so:

* "(at)", "[at]", "{at}", "snabel-a", "krøllalfa" and "@" with spaces around it are telling on their own;
* a bare " at " counts only before a known mail provider ("ola at gmail.com");
* a spaced dot counts with a space on both sides ("ola . nordmann"), or right after the "@" part;
* the address must end in a top-level domain people actually mail to (``TLDS``).
"""

from __future__ import annotations

import itertools
import re
from types import MappingProxyType
from typing import TYPE_CHECKING

from presidio_analyzer import RecognizerResult

from anonymizer.dictation import AT_WORDS, DOT_WORDS, SPOKEN_AT
from anonymizer.recognizers._common import ChatPatternRecognizer, TextFacts
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, word_flags
from anonymizer.spoken_digits import NUMBER_WORD_PATTERN

if TYPE_CHECKING:
    pass

ENTITY = "EMAIL_ADDRESS"

#: Top-level domains of the addresses Norwegian bank customers write (generic, Nordic, European, and
#: the usual others). An obfuscated address must end in one of these.
TLDS: tuple[str, ...] = (
    "com", "no", "net", "org", "se", "dk", "fi", "is", "de", "uk", "co.uk", "eu", "io", "info", "biz", "me",
    "nu", "fr", "es", "it", "nl", "be", "ch", "at", "pl", "lt", "lv", "ee", "ru", "ua", "us", "ca", "au",
    "edu", "gov", "online", "email", "mail", "live", "app", "dev", "tech", "cloud", "pro", "xyz", "tv", "cc",
    "ph", "pk", "in", "cn", "vn", "th", "tr", "so", "er", "sy", "af", "ng", "gh", "br", "mx", "ar", "cl", "za",
    "jp", "kr", "gr", "pt", "cz", "sk", "hu", "ro", "bg", "hr", "si", "rs", "ie", "nz", "sg", "my", "id", "ir",
    "iq", "eg", "ma", "ke", "et", "lk", "bd", "np", "ae", "sa", "il", "co", "by", "kz", "ge", "am",
)  # fmt: skip

#: Mail providers: a bare " at " before one of these is an "@" ("ola at gmail dot com").
PROVIDERS: tuple[str, ...] = (
    "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "icloud", "me", "mac", "online",
    "broadpark", "getmail", "start", "frisurf", "altibox", "lyse", "nextgentel", "telenor", "c2i", "epost",
    "protonmail", "proton", "pm", "gmx", "aol", "mail", "yandex", "tutanota", "tuta", "hey", "fastmail",
)  # fmt: skip

_TLD = "|".join(sorted((re.escape(t) for t in TLDS), key=len, reverse=True))
_PROVIDER = "|".join(sorted((re.escape(p) for p in PROVIDERS), key=len, reverse=True))
_DOT_WORDS = rf"{DOT_WORDS}|dått|punto"  # and as a dialect or Spanish says it, in an e-mail address


def _bracketed(words: str) -> str:
    """A word in brackets of any kind, spaces allowed: "(at)", "[ dot ]", "{punktum}"."""
    return rf"[ \t]*[(\[{{<][ \t]*(?:{words})[ \t]*[)\]}}>][ \t]*"


#: "@" written so that a form would not read it.
_LINE = r"(?:\r?\n[ \t]*)?"
_AT = rf"(?:[ \t]*{_LINE}@[ \t]*{_LINE}|{_bracketed(AT_WORDS + '|@|a')}|[ \t]+(?:{SPOKEN_AT})[ \t]+)"
#: A dot in the local part: bare, with a space after it or on both sides, or as a word; a dash or an
#: underscore dictated as a word ("martin strek olsen").
_SPOKEN_JOINS = r"bindestrek|understrek|strek|underscore|dash|hyphen|minus"
#: A number dictated after a word of the user name joins it with a space only ("per punktum hansen syttito
#: alfakrøll ..." is per.hansen72@...): voice keyboards write the digits as words.
_LOCAL_DOT = (
    rf"(?:\. ?| \. |{_bracketed(_DOT_WORDS)}| (?:{_DOT_WORDS}) | (?:{_SPOKEN_JOINS}) "
    rf"| (?=(?:{NUMBER_WORD_PATTERN})(?:-?(?:{NUMBER_WORD_PATTERN}))?[ \t]+(?:{SPOKEN_AT}|at|på)[ \t]))"
)
#: A dot in the domain: also with a space on one side only ("ola@gmail .com").
_DOMAIN_DOT = rf"(?:[ \t]?[.,][ \t]?|{_bracketed(_DOT_WORDS + '|[.]')}|[ \t]+(?:{_DOT_WORDS})[ \t]+)"
#: Possessive: what follows a label (a dot, a space, a bracket, an "@") is never a label character, so
#: giving characters back could never let the rest match; without it every word of a message is tried
#: again at each of its letters.
_LOCAL_LABEL = r"[\w+\-%']++"
_DOMAIN_LABEL = r"[^\W_](?:[\w\-]{0,61}[^\W_])?"

PATTERNS: tuple[tuple[str, str, float], ...] = (
    (
        "email",
        r"(?<![\w.+\-%'])[\w+\-%'](?:[\w.+\-%']{0,62}[\w+\-%'])?"
        r"@(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?!\w|-\w)",
        0.95,
    ),
    (
        "email_obfuscated",
        rf"(?<![\w.+\-%']){_LOCAL_LABEL}(?:{_LOCAL_DOT}{_LOCAL_LABEL}){{0,4}}{_AT}"
        rf"{_DOMAIN_LABEL}(?:{_DOMAIN_DOT}{_DOMAIN_LABEL}){{0,3}}{_DOMAIN_DOT}(?:{_TLD})(?!\w|-\w)",
        0.9,
    ),
    (
        "email_at_provider",
        rf"(?<![\w.+\-%']){_LOCAL_LABEL}(?:{_LOCAL_DOT}{_LOCAL_LABEL}){{0,4}}[ \t]+(?:at|på)[ \t]+"
        rf"(?:{_PROVIDER})(?:{_DOMAIN_DOT}{_DOMAIN_LABEL}){{0,2}}{_DOMAIN_DOT}(?:{_TLD})(?!\w|-\w)",
        0.85,
    ),
    (
        # "kari.hansen at firma.no": a bare " at " before any domain. Weak on its own ("jeg ser at nav.no
        # er nede"); a user name that looks like one or an e-mail cue carries it (see ``score_of``).
        "email_at_word",
        rf"(?<![\w.+\-%']){_LOCAL_LABEL}(?:{_LOCAL_DOT}{_LOCAL_LABEL}){{0,4}}[ \t]+(?:at|på)[ \t]+"
        rf"{_DOMAIN_LABEL}(?:{_DOMAIN_DOT}{_DOMAIN_LABEL}){{0,3}}{_DOMAIN_DOT}(?:{_TLD})(?!\w|-\w)",
        0.2,
    ),
    (
        # "ola.nordmann@gmail", "kari@gmail.c o m": an "@" between a user name and a domain with no
        # top-level domain (forgotten, or broken up). In chat nothing else is written that way.
        "email_no_tld",
        r"(?<![\w.+\-%'@])(?=[\w.+\-%']*[^\W\d_])[\w+\-%'](?:[\w.+\-%']{0,62}[\w+\-%'])?"
        r"@[^\W\d_][\w\-]{1,61}(?:\.[^\W_][\w\-]{0,61})*(?![\w\-@])",
        0.6,
    ),
)

CONTEXT: tuple[str, ...] = ("e-post", "epost", "e-postadresse", "mail", "e-mail", "email", "mailadresse")

#: Anything that could start an obfuscated "@" (the cheap test before the patterns run).
_HINT = re.compile(
    rf"(?i){_bracketed(AT_WORDS + '|a')}|{SPOKEN_AT}| (?:at|på|on|hos) (?:{_PROVIDER})\b"
    rf"|[\w.][ \t]+(?:at|på)[ \t]+[\w\-]+(?:[ \t]?[.,]|[ \t]+(?:{_DOT_WORDS})[ \t])"
    rf"|\b(?:gmail|hotmail|outlook|yahoo|icloud|mail)(?:-?adressen|-?adressa|-?kontoen|en|-?address)?"
    rf"[ \t]+(?:min |mi |mitt |my )?(?:er|e|is|:)[ \t]"
)

#: An address given as its user name and its provider in words: "roarkvam63 på gmail", "bjorn.tveit77
#: on hotmail" (the user name must look like one: a digit, a dot or an underscore in it).
_USER_AT_PROVIDER = re.compile(
    rf"(?i)(?<![\w.+\-@])(?P<user>[\w+\-]+(?:\.[\w+\-]+)*)[ \t]+(?:på|at|on|hos)[ \t]+(?:{_PROVIDER})\b"
)
#: "gmail-adressen min er bjorn.tveit77", "Hotmailen min er vilde_k_96": the provider names the
#: address, and what follows "er" is its user name (only that is reported).
_PROVIDER_CUE = re.compile(
    rf"(?i)\b(?:{_PROVIDER})(?:-?adressen|-?adressa|-?kontoen|en|-?address)?[ \t]+(?:min|mi|mitt|my)?[ \t]*"
    rf"(?:er|e|is|:)[ \t]+(?P<user>[\w+\-]+(?:\.[\w+\-]+)*)(?![\w@])"
)
_USER_NAME = re.compile(r"(?=.*[\d._])[\w.+\-]{3,64}")
SCORE_USER_NAME = 0.8

#: Providers whose name is no everyday word: an address written around one of these is recognised even
#: when every "@" and dot in it is disguised or dropped ("ola-dot-nordmann-at-gmail-dot-com",
#: "ola 📧 gmail.com", "olanordmann på gmail").
DISTINCT_PROVIDERS: tuple[str, ...] = (
    "gmail", "googlemail", "hotmail", "outlook", "yahoo", "icloud", "broadpark", "getmail", "frisurf",
    "altibox", "nextgentel", "protonmail", "gmx", "yandex", "tutanota", "online.no", "live.no", "msn",
)  # fmt: skip
_DISTINCT = re.compile(
    "(?i)(?<![\\w@])(?:"
    + "|".join(re.escape(p) for p in sorted(DISTINCT_PROVIDERS, key=len, reverse=True))
    + ")(?!\\w)"
)
#: ``_HINT``'s alternatives and ``_DISTINCT``, each behind the words one of which every match of it holds
#: in lower case. Why: these case-blind regexes try every position of every message, and cost more than
#: the rest of the recognizer's gate; a few substring tests skip most of them. Same answer: a search for
#: "A|B" finds a match where A or B does, and "[\w.][ \t]+" finds one where "(?<=[\w.])[ \t]+" does.
_GATED: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("(", "[", "{", "<"), re.compile(rf"(?i){_bracketed(AT_WORDS + '|a')}")),
    (("snabel", "krøll", "kroll", "arobase", "klammeraffe"), re.compile(rf"(?i){SPOKEN_AT}")),
    (
        ("mail", "outlook", "yahoo", "icloud"),
        re.compile(
            r"(?i)\b(?:gmail|hotmail|outlook|yahoo|icloud|mail)(?:-?adressen|-?adressa|-?kontoen|en|-?address)?"
            r"[ \t]+(?:min |mi |mitt |my )?(?:er|e|is|:)[ \t]"
        ),
    ),
    (
        ("mail", "outlook", "yahoo", "icloud", "broadpark", "frisurf", "altibox", "nextgentel", "gmx", "yandex",
         "tutanota", "online.no", "live.no", "msn"),
        _DISTINCT,
    ),
)  # fmt: skip
#: Letters that IGNORECASE matches as "i" or "s" but ``str.lower`` leaves as they are: the full regexes then.
_UNFOLDED = "ıİſ"
#: ``_GATED`` with each group's words as one regex: one C call finds whether the lower-cased text holds
#: any of them (a plain alternation of the literal words matches exactly where one of them occurs).
_GATED_ANY: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile("|".join(re.escape(word) for word in words)), pattern) for words, pattern in _GATED
)
#: ``_HINT``'s " on gmail" and "kari at firma.no" alternatives, each with where in the lower-cased text a
#: match of it can start. Their words (" på ", " on ", " at ") are in many messages, where the case-blind
#: regex would try every position; tried only where it can start, it answers the same. A match of the
#: first starts at the space before the word; one of the second at the first space or tab of the run
#: before "at"/"på" (its look-behind wants a word character or a dot before the run). The starts'
#: look-ahead lets "on at gmail" find both words.
_ANCHORED: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r" (?:at|på|on|hos)(?= )"), re.compile(rf"(?i) (?:at|på|on|hos) (?:{_PROVIDER})\b")),
    (
        re.compile(r"[ \t]+(?:at|på)(?=[ \t])"),
        re.compile(rf"(?i)(?<=[\w.])[ \t]+(?:at|på)[ \t]+[\w\-]+(?:[ \t]?[.,]|[ \t]+(?:{_DOT_WORDS})[ \t])"),
    ),
)
#: Every word the gates above need (a word of each, at least, is in any message they may pass), as one
#: alternation grouped by first letter: most messages hold none, and one scan then answers for all.
_ANY_GATE_WORD = re.compile(
    "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(word[1:]) for word in words) + ")"
        for first, words in itertools.groupby(
            sorted({w for ws, _ in _GATED for w in ws} | {"at ", "at\t", "på ", "på\t", "on ", "hos "}),
            key=lambda word: word[0],
        )
    )
)


_LOOSE_DOT = rf"(?:[ \t]*[.,][ \t]*|-(?:{_DOT_WORDS})-|{_bracketed(_DOT_WORDS)}|[ \t]+(?:{_DOT_WORDS})[ \t]+)"
#: The user name and the "@" before a provider, read backwards from it: the "@" may be any symbol
#: (an emoji, "#", "(@)"), a word ("at", "på", "snabel-a", "-at-"), or only a space.
_BEFORE_PROVIDER = re.compile(
    rf"(?i)(?<![\w.+\-@])(?P<user>[\w+'](?:[\w+\-']*[\w+'])?(?:{_LOOSE_DOT}[\w+'](?:[\w+\-']*[\w+'])?){{0,4}})"
    rf"(?P<at>[ \t]*(?:{_bracketed(AT_WORDS + '|@|a')}|-at-|[^\w\s]{{1,3}}\ufe0f?)[ \t]*(?:\r?\n[ \t]*)?"
    rf"|[ \t]+(?:at|ætt|æt|på|hos|on|{SPOKEN_AT})[ \t]+|[ \t]+)$"
)
_AFTER_PROVIDER = re.compile(rf"(?i)(?:(?:{_LOOSE_DOT}|\s*\.|[ \t]+)(?:{_TLD})(?![\w\-]))*")
_EMAIL_CUE = re.compile(r"(?i)(?:e-?post|e-?mail|mail|epost|adresse|address)\w*\W{0,3}(?:\w+\W+){0,3}$")
_EXPLICIT_AT = re.compile(r"[^\w\s]|snabel|kr[øo]ll|-at-", re.IGNORECASE)
SCORE_AROUND_PROVIDER = 0.6


def addresses_around_providers(text: str) -> list[tuple[int, int]]:
    """Spans of addresses built around a distinctive provider name, however their "@" and dots are
    written. The user name must stand where an address has it, and the "@" must be telling: a symbol
    or "snabel-a" on its own; "at"/"på" when the user name is no everyday word ("olanordmann på gmail",
    not "jeg er på gmail"); a bare space only after an e-mail cue ("e-post: olanordmann gmail com")."""
    spans: list[tuple[int, int]] = []
    for m in _DISTINCT.finditer(text):
        head = _BEFORE_PROVIDER.search(text, max(0, m.start() - 90), m.start())
        if head is None:
            continue
        user, at = head.group("user"), head.group("at")
        first = re.split(r"[^\w']", user, maxsplit=1)[0].lower()
        if not _EXPLICIT_AT.search(at):
            flags = 0 if re.search(r"[\d_.]", user) else word_flags().get(first, 0)
            cued = _EMAIL_CUE.search(text, max(0, head.start() - 40), head.start()) is not None
            if flags & FUNCTION or not (cued or (at.strip() and not flags & COMMON)):
                continue
        tail = _AFTER_PROVIDER.match(text, m.end())
        spans.append((head.start(), tail.end() if tail else m.end()))
    return spans


_CANONICAL_AT = re.compile(rf"(?i){_AT}|[ \t]+(?:at|på)[ \t]+")
_CANONICAL_DOT = re.compile(rf"(?i){_DOMAIN_DOT}| (?:{_SPOKEN_JOINS}) ")


def canonical_email(text: str) -> str:
    """The address as it would be typed plainly: "ola . nordmann (at) gmail dot com" -> "ola.nordmann@gmail.com"."""
    parts = _CANONICAL_AT.split(text, maxsplit=1)
    return "@".join(_CANONICAL_DOT.sub(".", part) for part in parts)


_BARE_AT = re.compile(r"(?i)[ \t](?:at|på)[ \t]")
_SPOKEN_DOT = re.compile(rf"(?i)[ \t](?:{_DOT_WORDS})[ \t]")


def is_valid_email(text: str) -> bool:
    """The pattern checks the shape; reject what it lets through but mail systems do not: "a..b@x.no".

    An address with a bare " at " must not start with an everyday word: "hun sa at hotmail.com var
    nede" is a sentence about a provider, "ola at hotmail.com" an address.
    """
    plain = "@" in text and not any(c.isspace() for c in text)
    address = text if plain else canonical_email(text)
    local, _, domain = address.rpartition("@")
    if not local or ".." in local or any(label.startswith("-") or label.endswith("-") for label in domain.split(".")):
        return False
    if not plain and "@" not in text and _BARE_AT.search(text) and "(" not in text and "[" not in text:
        return not word_flags().get(local.lower(), 0) & COMMON
    return True


class ChatEmailRecognizer(ChatPatternRecognizer):
    """E-mail addresses, plain and obfuscated, offline (no public-suffix download)."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT
    #: A bare "at"/"på" between spaces, which both patterns spell out: most messages with an address in
    #: them have an "@" instead, and these two case-blind patterns cost more than all the others.
    PATTERN_HINTS = MappingProxyType(
        {"email_at_provider": r"[ \t](?:at|på)[ \t]", "email_at_word": r"[ \t](?:at|på)[ \t]"}
    )
    MIN_DIGIT_RUN = 0
    RUN_BOUND = False

    def could_match(self, facts: TextFacts) -> bool:
        text = facts.text
        if "@" in text:
            return True
        if not text.isascii() and any(ch in text for ch in _UNFOLDED):
            return _HINT.search(text) is not None or _DISTINCT.search(text) is not None
        low = text.lower()  # ``str.lower`` keeps every offset when none of _UNFOLDED is in the text
        if _ANY_GATE_WORD.search(low) is None:
            return False
        for words, pattern in _GATED_ANY:
            if words.search(low) is not None and pattern.search(text) is not None:
                return True
        for starts, pattern in _ANCHORED:
            for start in starts.finditer(low):
                if pattern.match(text, start.start()) is not None:
                    return True
        return False

    def is_valid(self, candidate: str) -> bool:
        return is_valid_email(candidate)

    def score_of(self, candidate: str, score: float) -> float:
        """A bare " at " address whose user name has a dot, a digit or an underscore ("kari.hansen at
        firma.no") stands on its own; "kari at firma.no" needs an e-mail cue (Presidio's context)."""
        local, *rest = _BARE_AT.split(candidate, maxsplit=1)
        if score < SCORE_USER_NAME and rest and _SPOKEN_DOT.search(rest[0]):
            return SCORE_USER_NAME  # "MARTIN AT RORLEGGER-NESS DOT NO": nobody writes prose so
        if (
            score < SCORE_USER_NAME
            and len(local) < len(candidate)
            and _USER_NAME.fullmatch(local)
            and local[0].isalpha()
        ):
            return SCORE_USER_NAME
        return score

    def add_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Addresses given as a user name and a provider in words, after the patterns' own."""
        taken = [(r.start, r.end) for r in results]
        for start, end in addresses_around_providers(text):
            if not any(s <= start and end <= e for s, e in taken):
                results = [r for r in results if not (start <= r.start and r.end <= end)]
                taken.append((start, end))
                results.append(RecognizerResult(ENTITY, start, end, SCORE_AROUND_PROVIDER))
        for m in (*_USER_AT_PROVIDER.finditer(text), *_PROVIDER_CUE.finditer(text)):
            start, end = (m.start("user"), m.end()) if m.re is _USER_AT_PROVIDER else m.span("user")
            if not _USER_NAME.fullmatch(m.group("user")) or any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            results.append(RecognizerResult(ENTITY, start, end, SCORE_USER_NAME))
        return results
