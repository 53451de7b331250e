"""What a chat was about, for the statistics: a transparent phrase model over the redacted text (issue 13).

Analysts ask what people chat about; the bank may only keep anonymous chats for such statistics, so the
topic is computed from text that has already been through the anonymizer, and stored on the session as
one of a few predefined topics. The model is data (``chat/data/topics.toml``, or the bank's own file in
``CHATLOG_TOPICS_FILE``): lists of words, phrases and word stems with weights per topic, so that an
analyst can read why a chat was filed where it was and change it, and ``python -m bench.topics``
reports per-topic precision and recall on labelled sessions written by others.

Pure: no I/O except reading the model file once; :meth:`TopicModel.classify` is a function of the texts.
"""

from __future__ import annotations

import re
import tomllib
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
    pattern: re.Pattern[str]


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
    return " ".join(_TOKEN.findall(_PLACEHOLDER.sub(" ", text).lower()))


def _compile(cue: str) -> re.Pattern[str]:
    words = cue.lower().split()
    if not words:
        raise ValueError("an empty cue")
    parts = [re.escape(w[:-1]) + r"\S*" if w.endswith("*") else re.escape(w) for w in words]
    return re.compile(r"(?<!\S)" + " ".join(parts) + r"(?!\S)")


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
            cues = tuple(Cue(str(text), float(weight), _compile(str(text))) for text, weight in entry.get("cues", []))
            topics.append(Topic(str(entry["name"]), str(entry["label_nb"]), str(entry["label_en"]), cues))
        return cls(topics, min_score=float(data.get("min_score", 1.0)))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.topics)

    def classify(self, customer_texts: Iterable[str]) -> TopicResult:
        """The topic of a chat from what its customer wrote (already redacted)."""
        text = normalise(" \n ".join(customer_texts))
        scores: dict[str, float] = {}
        for topic in self.topics:
            score = sum(cue.weight for cue in topic.cues if cue.pattern.search(text))
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
