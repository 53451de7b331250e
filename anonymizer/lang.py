"""A cheap guess at a chat message's language: Norwegian ("nb") or English ("en").

Chat is short and often mixed, so every recognizer runs for both languages anyway; the guess only picks
the tokenizer and the recognizers' language-specific data. It must cost next to nothing (it runs for
every message), hence letters and a few frequent function words instead of a language model. Nynorsk,
Danish and Swedish land on "nb", which is what the tokenizer and the cue words suit best.
"""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["nb", "en"]
LANGUAGES: tuple[Language, ...] = ("nb", "en")

#: Frequent words that are Norwegian and not English (so no "i", "for", "under", "man", "sure").
_NB_WORDS = frozenset(
    {
        "jeg", "du", "vi", "dere", "meg", "deg", "oss", "ikke", "og", "er", "det", "en", "et", "på", "til",
        "med", "har", "kan", "vil", "skal", "som", "av", "hva", "hvordan", "hvorfor", "hvor", "når", "hei",
        "takk", "ja", "nei", "min", "mitt", "mine", "din", "ditt", "kortet", "konto", "kontoen", "betale",
        "betaling", "være", "ble", "blir", "fra", "eller", "men", "også", "bare", "litt", "noe", "noen", "jo",
        "nå", "da", "så", "etter", "hos", "hadde", "hjelp", "trenger",
    }
)

#: Frequent words that are English and not Norwegian.
_EN_WORDS = frozenset(
    {
        "the", "i'm", "you", "your", "my", "me", "we", "is", "are", "was", "were", "have", "has", "had", "not",
        "and", "or", "but", "what", "how", "why", "where", "when", "hello", "hi", "thanks", "thank", "please",
        "yes", "no", "can", "could", "would", "should", "will", "this", "that", "with", "from", "account",
        "card", "payment", "pay", "need", "help", "want", "just", "some", "there", "their", "they", "it",
        "it's", "don't", "do", "does",
    }
)

_NORWEGIAN_LETTER = re.compile("[æøåÆØÅ]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def detect_language(text: str, default: Language = "nb") -> Language:
    """"nb" or "en" from the first 300 characters; ``default`` when there is no evidence either way."""
    head = text[:300]
    if _NORWEGIAN_LETTER.search(head):
        return "nb"
    words = set(_WORD.findall(head.lower()))
    nb = len(words & _NB_WORDS)
    en = len(words & _EN_WORDS)
    if en > nb:
        return "en"
    if nb > en:
        return "nb"
    return default


def resolve_language(lang: str, text: str) -> Language:
    """Map the public ``lang`` argument ("nb", "en", "auto", also "no"/"nn") to a pipeline language."""
    key = lang.lower()
    if key == "auto":
        return detect_language(text)
    if key in ("nb", "no", "nn", "nob", "nno"):
        return "nb"
    if key in ("en", "eng"):
        return "en"
    raise ValueError(f"unsupported language {lang!r}: use 'nb', 'en' or 'auto'")
