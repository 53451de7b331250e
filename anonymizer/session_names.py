"""Names remembered across the messages of one chat, held only as keyed digests.

Why: a customer names someone once where the message says it is a name ("sønnen min heter Even",
"I'm Will Baker") and later writes the name alone, often in lower case ("har even fått kortet?",
"will again, any news?"), where no rule that reads one message can tell it from the word. Within one
message ``person_repeats`` handles this; across the messages of a chat only the gateway knows what
belongs together, so it keeps a *memory* per live anonymous session and hands it to each redaction.

What the memory holds: for every word of every PERSON found so far in the session, the first 16 bytes
of HMAC-SHA256 under a key that the gateway process draws at start and never writes anywhere. Not the
words: an anonymous chat's raw text is never kept, and a memory dump, a debugger or a log line shows
digests, not names. The memory dies with the live session (and with the process, whose key it needs).

When a remembered word counts again (same rule as ``person_repeats``: a word that is also an everyday
word needs the name's own shape): a word in no everyday-word list counts in any case ("tran", "Tran",
"TRAN"); an everyday word that was a name ("Even", "Per", "Will", "Dag") counts only when capitalised
or in capitals, so "per måned", "even if" and "god dag" stay as they are; a closed-class word never.
Only what the engine did not already cover is added, and nothing is ever removed: the memory can make a
message lose a word to ``<PERSON>``, never keep personal data the engine found. It works on the engine's
finished :class:`Redaction` (``extend``): it runs no recognizer again, and a message with nothing
recalled comes back as it was; one with something recalled is rewritten by the engine's own replacement.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Collection, Iterable

from anonymizer import session_numbers
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, word_flags
from anonymizer.types import Entity, Redaction

#: Bytes of each digest: 2^-128 chance that two words share one, and a session holds at most a few
#: hundred.
MARK_BYTES = 16
#: The score given to a word found again through the memory (a name once, in this very chat).
SCORE = 0.7
#: Words of a name: letters only (digits and punctuation are never part of the digest), two or more.
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A word as recalled: with nothing glued to it ("Evenes" is not "Even", nor "qvortrup2" "qvortrup").
_WHOLE_WORD = re.compile(r"(?<!\w)[^\W\d_]{2,}(?!\w)")


def mark(key: bytes, word: str) -> bytes:
    """The digest a word of a name is remembered by (case-folded: "Tran", "tran" and "TRAN" are one)."""
    return hmac.digest(key, word.casefold().encode("utf-8"), "sha256")[:MARK_BYTES]


def learn(key: bytes, text: str, spans: Iterable[tuple[str, int, int]]) -> frozenset[bytes]:
    """The digests of the words of each PERSON in ``spans`` (type, start, end into ``text``)."""
    marks: set[bytes] = set()
    for entity_type, start, end in spans:
        if entity_type != "PERSON":
            continue
        for word in _WORD.findall(text, start, end):
            if not word_flags().get(word.casefold(), 0) & FUNCTION:
                marks.add(mark(key, word))
    return frozenset(marks)


def recall(
    key: bytes, text: str, marks: Collection[bytes], covered: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of remembered words in ``text`` that no span in ``covered`` touches, by the rules above."""
    if not marks:
        return []
    taken = sorted(covered)
    found: list[tuple[int, int]] = []
    flags = word_flags()
    for match in _WHOLE_WORD.finditer(text):
        word = match.group()
        kind = flags.get(word.casefold(), 0)
        # The word tests first: they rule out most words of a message before any digest is computed.
        if kind & FUNCTION or (kind & COMMON and not word[0].isupper()) or mark(key, word) not in marks:
            continue
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        found.append((start, end))
    return found


def extend(text: str, redaction: Redaction, key: bytes, marks: Collection[bytes]) -> tuple[Redaction, frozenset[bytes]]:
    """``redaction`` of ``text`` with the remembered names added (written by the engine's
    ``replace``), and the digests of every name now in it, for the chat's memory. The same memory
    carries the first halves of fødselsnummer given apart (``session_numbers``): their second halves
    are added here too, and the text's own first halves are learned."""
    entities = redaction.entities
    extra = [Entity("PERSON", s, e, SCORE) for s, e in recall(key, text, marks, ((e.start, e.end) for e in entities))]
    # The second half of a fødselsnummer whose first half an earlier message gave (session_numbers.py).
    halves = session_numbers.recall(key, text, marks, ((e.start, e.end) for e in (*entities, *extra)))
    extra += [Entity(session_numbers.ENTITY, s, e, SCORE) for s, e in halves]
    if extra:
        from anonymizer import get_anonymizer  # the engine's own replacement (built already where this runs)

        entities = sorted([*entities, *extra], key=lambda e: e.start)
        redaction = Redaction(get_anonymizer().replace(text, entities), entities)
    learned = learn(key, text, ((e.type, e.start, e.end) for e in entities))
    return redaction, learned | session_numbers.learn(key, text)
