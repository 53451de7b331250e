"""What a chat was about, for the statistics: a transparent phrase model over the redacted text (issue 13).

Analysts ask what people chat about; the bank may only keep anonymous chats for such statistics, so the
topic is computed from text that has already been through the anonymizer, and stored on the session as
one of a few predefined topics. The model is data (``chat/data/topics.toml``, or the bank's own file in
``CHATLOG_TOPICS_FILE``): lists of words, phrases and word stems with weights per topic, so that an
analyst can read why a chat was filed where it was and change it, and ``python -m bench.topics``
reports per-topic precision and recall on labelled sessions written by others.

Pure: no I/O except reading the model file once; :meth:`TopicModel.classify` is a function of the texts.
It runs in time linear in the text: the words are indexed once and each cue is looked up in the index,
because searching the text once per cue (445 cues) blocked the event loop for seconds on a long chat.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

DEFAULT_MODEL: Final = Path(__file__).parent / "data" / "topics.toml"
#: The topic of a chat that matched nothing (or too little).
OTHER: Final = "other"

_PLACEHOLDER: Final = re.compile(r"<[A-Z_]+>")
_TOKEN: Final = re.compile(r"[\w][\w'-]*")


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    weight: float
    #: The cue's words in order, each ``(word, is_stem)``: a stem matches any word it begins.
    words: tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    label_nb: str
    label_en: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True, slots=True)
class TopicResult:
    topic: str
    #: Score per topic that scored at all (for explaining a decision, never stored).
    scores: dict[str, float]


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces; redaction placeholders drop out (they are no topic)."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """The words of :func:`normalise`, as a list."""
    return _TOKEN.findall(_PLACEHOLDER.sub(" ", text).lower())


def _words(cue: str) -> tuple[tuple[str, bool], ...]:
    words = cue.lower().split()
    if not words:
        raise ValueError("an empty cue")
    return tuple((w[:-1], True) if w.endswith("*") else (w, False) for w in words)


class _Index:
    """Where each word of a text stands, so that a cue costs a lookup rather than a scan of the text."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.at: dict[str, list[int]] = {}
        for i, word in enumerate(words):
            self.at.setdefault(word, []).append(i)
        self.vocab = sorted(self.at)

    def _starts(self, word: str, stem: bool) -> list[int]:
        if not stem:
            return self.at.get(word, [])
        found: list[int] = []
        for i in range(bisect_left(self.vocab, word), len(self.vocab)):
            if not self.vocab[i].startswith(word):
                break
            found.extend(self.at[self.vocab[i]])
        return found

    def has(self, cue: tuple[tuple[str, bool], ...]) -> bool:
        (first, stem), rest = cue[0], cue[1:]
        words = self.words
        for i in self._starts(first, stem):
            if i + len(rest) >= len(words):
                continue
            if all(words[i + k].startswith(w) if s else words[i + k] == w for k, (w, s) in enumerate(rest, start=1)):
                return True
        return False


class TopicModel:
    def __init__(self, topics: Iterable[Topic], *, min_score: float) -> None:
        self.topics = tuple(topics)
        self.min_score = min_score
        names = [t.name for t in self.topics]
        if OTHER not in names or len(set(names)) != len(names):
            raise ValueError(f"topics must be distinct and include {OTHER!r}")

    @classmethod
    def load(cls, path: Path | None = None) -> TopicModel:
        data: dict[str, Any] = tomllib.loads((path or DEFAULT_MODEL).read_text(encoding="utf-8"))
        topics = []
        for entry in data["topic"]:
            cues = tuple(Cue(str(text), float(weight), _words(str(text))) for text, weight in entry.get("cues", []))
            topics.append(Topic(str(entry["name"]), str(entry["label_nb"]), str(entry["label_en"]), cues))
        return cls(topics, min_score=float(data.get("min_score", 1.0)))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.topics)

    def classify(self, customer_texts: Iterable[str]) -> TopicResult:
        """The topic of a chat from what its customer wrote (already redacted)."""
        index = _Index(tokens(" \n ".join(customer_texts)))
        scores: dict[str, float] = {}
        for topic in self.topics:
            score = sum(cue.weight for cue in topic.cues if index.has(cue.words))
            if score > 0:
                scores[topic.name] = score
        best = OTHER
        best_score = 0.0
        for topic in self.topics:  # ties go to the topic listed first
            score = scores.get(topic.name, 0.0)
            if score > best_score:
                best, best_score = topic.name, score
        if best_score < self.min_score:
            best = OTHER
        return TopicResult(best, scores)

    def scores_by_scan(self, customer_texts: Iterable[str]) -> dict[str, float]:
        """The scores as the model file defines them, read literally: a cue counts where its words
        stand in a row in the normalised text. One regex scan of the whole text per cue, so slow on a
        long chat: the reference that :meth:`classify`'s index is tested and benchmarked against."""
        text = normalise(" \n ".join(customer_texts))
        scores: dict[str, float] = {}
        for topic in self.topics:
            total = 0.0
            for cue in topic.cues:
                parts = [re.escape(w) + (r"\S*" if stem else "") for w, stem in cue.words]
                if re.search(r"(?<!\S)" + " ".join(parts) + r"(?!\S)", text):
                    total += cue.weight
            if total > 0:
                scores[topic.name] = total
        return scores
