"""PERSON in links to a person's profile and in user handles: "facebook.com/kari.solheim.58",
"linkedin.com/in/ola-nordby-7a3b21", "@sandra.wiig94", "Kari_H", "Mats_99".

The name recognizer skips links (their words are no prose), but the user name of a profile on a social
network is a person's name, or an identifier that leads to one as surely: the handle is redacted, the
site is kept ("facebook.com/<PERSON>") so that the transcript still says what was shared. A handle
("@eline.strand", "@markus_ek") is a person on Vipps, Instagram or a forum; so is a listed given name
glued to an underscore ("Kari_H", "ole_martin").
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymizer.recognizers._gazetteer import COMMON, GIVEN, word_flags

ENTITY = "PERSON"
SCORE = 0.7

_SITES = (
    r"facebook\.com|fb\.com|m\.facebook\.com|instagram\.com|linkedin\.com/in|twitter\.com|x\.com|tiktok\.com"
    r"|snapchat\.com/add|github\.com|threads\.net|youtube\.com/@?|vipps\.me|paypal\.me|finn\.no/profile"
)
_PROFILE = re.compile(rf"(?i)\b(?:{_SITES})/@?(?P<handle>[\w.\-]{{2,60}})")
#: Paths of these sites that are no person's: pages, help and login.
_NOT_HANDLES = frozenset(
    {"groups", "pages", "events", "help", "login", "marketplace", "watch", "share", "sharer", "home", "hashtag",
     "explore", "settings", "company", "jobs", "feed", "messages", "story.php", "profile.php", "permalink.php"}
)  # fmt: skip


#: "@sandra.wiig94", "@markus_ek": a handle, not the domain part of an e-mail address.
_HANDLE = re.compile(r"(?<![\w@.])@(?P<handle>[^\W\d_][\w.]{1,40}[\w])")
#: "Kari_H", "ole_martin", "Mats_99": a word joined to more by an underscore.
_UNDERSCORED = re.compile(r"(?<![\w@.])(?P<name>[^\W\d_]{2,})_[\w]{1,20}(?![\w@])")


def handles(text: str) -> list[tuple[int, int]]:
    """Spans of user handles: every "@handle", and underscored words that start with a given name."""
    spans = []
    if "@" in text:
        spans += [m.span("handle") for m in _HANDLE.finditer(text)]
    if "_" in text:
        table = word_flags()
        for m in _UNDERSCORED.finditer(text):
            flags = table.get(m.group("name").lower(), 0)
            if flags & GIVEN and not flags & COMMON:
                spans.append(m.span())
    return spans


class ProfileLinkRecognizer(EntityRecognizer):
    """User names in links to social-network profiles; see the module docstring."""

    def __init__(self, supported_language: str = "nb") -> None:
        super().__init__(
            supported_entities=[ENTITY], name="ProfileLinkRecognizer", supported_language=supported_language
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if entities and ENTITY not in entities:
            return []
        results = [RecognizerResult(ENTITY, start, end, SCORE) for start, end in handles(text)]
        if "/" not in text:
            return results
        for m in _PROFILE.finditer(text):
            handle = m.group("handle").rstrip(".-")
            if handle.lower() in _NOT_HANDLES:
                continue
            results.append(RecognizerResult(ENTITY, m.start("handle"), m.start("handle") + len(handle), SCORE))
        return results
