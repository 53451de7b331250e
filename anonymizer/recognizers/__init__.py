"""The recognizers the engine registers, one module per family of personal data.

Number, e-mail and IP recognizers are Presidio pattern recognizers whose behaviour is data (see
``_common.py``). PERSON and ADDRESS come from ``person.py`` and ``address.py`` (gazetteer and street
grammar); they are imported only if present, so that the engine works while they are being developed,
but once present a broken one fails loudly instead of silently redacting less.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
from collections.abc import Callable
from typing import cast

from presidio_analyzer import EntityRecognizer

from anonymizer.recognizers.credit_card import ChatCreditCardRecognizer
from anonymizer.recognizers.email import ChatEmailRecognizer
from anonymizer.recognizers.fodselsnummer import NoFodselsnummerRecognizer
from anonymizer.recognizers.iban import ChatIbanRecognizer
from anonymizer.recognizers.ip import ChatIpRecognizer
from anonymizer.recognizers.kontonummer import NoKontonummerRecognizer
from anonymizer.recognizers.orgnr import NoOrgnrRecognizer
from anonymizer.recognizers.phone import ChatPhoneRecognizer

log = logging.getLogger("anonymizer")

PATTERN_RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    NoFodselsnummerRecognizer,
    NoKontonummerRecognizer,
    NoOrgnrRecognizer,
    ChatIbanRecognizer,
    ChatCreditCardRecognizer,
    ChatPhoneRecognizer,
    ChatEmailRecognizer,
    ChatIpRecognizer,
)

#: (module, class) of recognizers written separately; registered when their module exists.
OPTIONAL_RECOGNIZERS: tuple[tuple[str, str], ...] = (
    ("anonymizer.recognizers.person", "PersonRecognizer"),
    ("anonymizer.recognizers.address", "AddressRecognizer"),
    ("anonymizer.recognizers.address_spoken", "SpokenAddressRecognizer"),
    ("anonymizer.recognizers.partial", "PartialNumberRecognizer"),
    ("anonymizer.recognizers.address_cued", "CuedAddressRecognizer"),
    ("anonymizer.recognizers.profile_link", "ProfileLinkRecognizer"),
)


@functools.cache
def optional_recognizer_classes() -> tuple[type[EntityRecognizer], ...]:
    """The optional recognizer classes whose modules are installed (import errors inside them propagate)."""
    found: list[type[EntityRecognizer]] = []
    for module_name, class_name in OPTIONAL_RECOGNIZERS:
        if importlib.util.find_spec(module_name) is None:
            log.warning(
                "recognizer module missing, its entity is not detected", extra={"recognizer_module": module_name}
            )
            continue
        found.append(getattr(importlib.import_module(module_name), class_name))
    return tuple(found)


def build_recognizers(language: str) -> list[EntityRecognizer]:
    """One instance of every available recognizer for ``language``."""
    classes = [*PATTERN_RECOGNIZERS, *optional_recognizer_classes()]
    # Every class here takes ``supported_language`` alone (EntityRecognizer's own signature does not).
    return [cast(Callable[..., EntityRecognizer], cls)(supported_language=language) for cls in classes]


__all__ = [
    "PATTERN_RECOGNIZERS",
    "ChatCreditCardRecognizer",
    "ChatEmailRecognizer",
    "ChatIbanRecognizer",
    "ChatIpRecognizer",
    "ChatPhoneRecognizer",
    "NoFodselsnummerRecognizer",
    "NoKontonummerRecognizer",
    "NoOrgnrRecognizer",
    "build_recognizers",
    "optional_recognizer_classes",
]
