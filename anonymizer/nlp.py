"""The language side of Presidio for chat: blank spaCy pipelines, and the context-word enhancer.

Presidio needs tokens and lemmas for its context words ("tlf" before a number raises the score). No
Norwegian spaCy model exists and nothing may be downloaded at run time, so each language gets a blank
pipeline (spaCy's rule-based tokenizer and stop words) built in memory, plus one component that sets each
token's lemma to its lower-case form: a blank pipeline leaves lemmas empty, and then context words
silently never match.

A spaCy ``Vocab`` keeps every distinct token it has ever seen, and so does the tokenizer's cache: in a
long-running service that reads free text (every phone number and name is a new token) memory grows
without bound. The pipeline of a language is therefore rebuilt once its vocabulary passes a limit (a
rebuild takes about 0.15 s, once per ~100,000 new words); documents still in use keep the old one alive.

``NearestCueContextEnhancer`` is Presidio's lemma context enhancer adapted to chat (see its docstring).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer, LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from anonymizer.lang import LANGUAGES
from anonymizer.recognizers._common import NUMBER_WORDS
from anonymizer.recognizers._cues import CueSet, cue_set, nearby_words, word_forms

#: Lexemes per language before the pipeline is rebuilt (each costs a few hundred bytes).
DEFAULT_MAX_VOCAB = 100_000


@Language.component("lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Lemma = lower-case form: what Presidio's lemma-based context matching compares against."""
    for token in doc:
        token.lemma_ = token.lower_
    return doc


def build_pipeline(lang: str) -> Language:
    """A blank pipeline for ``lang`` with the lower-case lemma component; nothing is loaded from disk."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("lower_lemma")
    return nlp


class LazyKeywordsNlpArtifacts(NlpArtifacts):
    """``NlpArtifacts`` whose ``keywords`` (lemmas minus stop words and punctuation) are built when read.

    Presidio builds them for every text with two lookups per token; our context enhancer reads the
    tokens and lemmas instead, so most texts never need them. Presidio's own enhancer still gets them.
    """

    def __init__(
        self,
        entities: list[Any],
        tokens: Doc,
        tokens_indices: list[int],
        lemmas: list[str],
        nlp_engine: NlpEngine,
        language: str,
        scores: list[float] | None = None,
    ) -> None:
        self._language = language
        self._keywords: list[str] | None = None
        super().__init__(entities, tokens, tokens_indices, lemmas, nlp_engine, language, scores)
        self._keywords = None  # built on first read

    @staticmethod
    def set_keywords(nlp_engine: NlpEngine | None, lemmas: list[str], language: str) -> list[str]:
        return []  # what NlpArtifacts.__init__ stores; replaced by the deferred list on first read

    @property
    def keywords(self) -> list[str]:
        if self._keywords is None:
            self._keywords = NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self._language)
        return self._keywords

    @keywords.setter
    def keywords(self, value: list[str] | None) -> None:
        self._keywords = value


class BlankSpacyNlpEngine(NlpEngine):
    """Presidio ``NlpEngine`` over in-memory blank spaCy pipelines.

    Not a ``SpacyNlpEngine``: that one ``spacy.load``s (and may download) a model per language and maps
    NER labels, neither of which applies to a blank pipeline.
    """

    def __init__(
        self, languages: Iterable[str] = LANGUAGES, max_vocab: int = DEFAULT_MAX_VOCAB, *, lazy: bool = False
    ) -> None:
        self.languages = tuple(languages)
        self.max_vocab = max_vocab
        self.lazy = lazy
        self.rebuilds = 0
        self._pipelines: dict[str, Language] = {}
        self._stop_words: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()
        self._loaded = False

    def load(self) -> None:
        """Stop words now; the pipelines too unless ``lazy`` (then each on its language's first use).

        Building the tokenizers is a third of a second of regex compilation, and the engine needs
        tokens only for the few messages where a cue word decides, so a short-lived process (the CLI,
        a fresh worker) often never needs them.
        """
        self._stop_words = {
            lang: frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words) for lang in self.languages
        }
        if not self.lazy:
            self._pipelines = {lang: build_pipeline(lang) for lang in self.languages}
        self._loaded = True

    def is_loaded(self) -> bool:
        return self._loaded

    def get_nlp(self, language: str) -> Language:
        """The current pipeline of ``language``: built on first use, replaced when its vocabulary is full."""
        nlp = self._pipelines.get(language)
        if nlp is None:
            if language not in self.languages:
                raise KeyError(language)
            with self._lock:
                nlp = self._pipelines.get(language)
                if nlp is None:
                    nlp = self._pipelines[language] = build_pipeline(language)
        return nlp

    def _recycle_if_large(self, language: str, nlp: Language) -> None:
        if len(nlp.vocab) <= self.max_vocab:
            return
        with self._lock:
            if self._pipelines.get(language) is nlp:
                self._pipelines[language] = build_pipeline(language)
                self.rebuilds += 1

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        nlp = self.get_nlp(language)
        # The tokenizer alone: running the pipeline would only add the lemma component, whose result
        # ``_artifacts`` reads from ``token.lower_`` directly, at half the cost.
        doc = nlp.make_doc(text)
        self._recycle_if_large(language, nlp)
        return self._artifacts(doc, language)

    def process_batch(
        self,
        texts: Iterable[str],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        **kwargs: Any,
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        nlp = self.get_nlp(language)
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield doc.text, self._artifacts(doc, language)
        self._recycle_if_large(language, nlp)

    def _artifacts(self, doc: Doc, language: str) -> NlpArtifacts:
        return LazyKeywordsNlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],  # = lemma_ after the lower_lemma component
            nlp_engine=self,
            language=language,
            scores=[],
        )

    def get_supported_entities(self) -> list[str]:
        return []  # tokens only: every entity comes from a recognizer

    def get_supported_languages(self) -> list[str]:
        return list(self.languages)

    def is_stopword(self, word: str, language: str) -> bool:
        # A set lookup: SpacyNlpEngine's ``vocab[word]`` would add every word to the vocabulary.
        return word.lower() in self._stop_words[language]

    def is_punct(self, word: str, language: str) -> bool:
        return bool(word) and all(unicodedata.category(ch).startswith("P") for ch in word)


class NearestCueContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer with whole-word cues, both sides, and the nearest cue deciding.

    Three changes to ``LemmaContextAwareEnhancer``, each for a failure seen in chat:

    * Cue words match a whole word, or its start when the cue has four or more letters (Norwegian
      inflects by suffix: "kontoen", "kontonummeret"), or with a typo when the cue is long (see
      ``CueSet``). Presidio's default substring matching lets "kid" fire inside "kidnapping" and "tel"
      inside "hotel"; its "whole_word" mode misses "kontonummeret".
    * Words after the match count too ("91234567 er mobilen min"), and stop words are not skipped (the
      Norwegian stop-word list contains "kort", a card cue; the English one contains "call").
    * When two entity types claim overlapping text (every fødselsnummer is also a valid kontonummer),
      only one type is boosted: the one a cue *names* ("personnummeret", "account number"), else the one
      whose cue is nearest, so "fnr 01019012345, konto 12345678903" gives each number its own type.

    With ``decided_score`` (the engine's threshold) only *open* results are considered: those below it,
    and those that overlap a result of another type. For the others a cue cannot change what is
    redacted, so an e-mail address scores the same whatever stands next to it, and a message whose
    results are all decided needs no tokens at all (``needs_context``), which saves the engine the
    tokenizer on most messages with personal data.

    Results are updated in place (the engine owns the list), instead of Presidio's deep copy.
    """

    def __init__(
        self,
        words_before: int = 5,
        words_after: int = 3,
        similarity_factor: float = 0.35,
        min_score_with_context: float = 0.4,
        decided_score: float | None = None,
    ) -> None:
        self.decided_score = decided_score
        super().__init__(
            context_similarity_factor=similarity_factor,
            min_score_with_context_similarity=min_score_with_context,
            context_prefix_count=words_before,
            context_suffix_count=words_after,
            context_matching_mode="whole_word",
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts | None,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Raise each open result whose recognizer's cue decides it (see ``decide_cue``).

        Words are read from the raw text, not from ``nlp_artifacts``: the same words whichever tokenizer
        the language has (spaCy's English one splits "id" into "i" + "d"), and no tokenizing at all.
        """
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        extra: list[list[str] | None] = [forms for word in context or () if (forms := word_forms(word))]
        for result in raw_results:
            if not self.is_open(result, raw_results):
                continue
            metadata = result.recognition_metadata or {}
            recognizer = by_id.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recognizer is None or not recognizer.context:
                continue
            if metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            rivals = [
                _cues_of(rival)
                for other in raw_results
                if other.entity_type != result.entity_type
                and other.start < result.end
                and result.start < other.end
                and (
                    rival := by_id.get(
                        (other.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
                    )
                )
                and rival.context
            ]
            before, after = nearby_words(
                text, result.start, result.end, self.context_prefix_count, self.context_suffix_count
            )
            cue = decide_cue(before, after + extra, _cues_of(recognizer), rivals)
            if cue is None:
                continue
            result.score = min(
                max(result.score + self.context_similarity_factor, self.min_score_with_context_similarity),
                ContextAwareEnhancer.MAX_SCORE,
            )
            if result.analysis_explanation is not None:
                result.analysis_explanation.set_supportive_context_word(cue)
                result.analysis_explanation.set_improved_score(result.score)
        return raw_results

    def is_open(self, result: RecognizerResult, results: list[RecognizerResult]) -> bool:
        """Whether a cue could change what becomes of ``result`` (see the class docstring)."""
        if self.decided_score is None or result.score < self.decided_score:
            return True
        return any(
            other.entity_type != result.entity_type and other.start < result.end and result.start < other.end
            for other in results
        )

    def needs_context(self, results: list[RecognizerResult]) -> bool:
        """Whether any of ``results`` is open, i.e. whether tokens and cue words are needed at all."""
        return any(self.is_open(result, results) for result in results)


#: (all cues, naming cues) of one recognizer.
Cues = tuple[CueSet, CueSet]


def _cues_of(recognizer: EntityRecognizer) -> Cues:
    strong = getattr(recognizer, "strong_cues", None)
    return cue_set(tuple(recognizer.context)), strong if isinstance(strong, CueSet) else cue_set(())


def _first(forms: list[str], cues: CueSet) -> str | None:
    return next((cue for form in forms if (cue := cues.match(form)) is not None), None)


def _names_it(forms: list[str], nearer: list[str] | None, cues: Cues) -> str | None:
    """The cue if ``forms`` names the identifier: a naming cue, or any cue followed by "nummer"."""
    every, strong = cues
    if (cue := _first(forms, strong)) is not None:
        return cue
    if nearer and any(form in NUMBER_WORDS for form in nearer):
        return _first(forms, every)
    return None


def decide_cue(
    before: list[list[str] | None], after: list[list[str] | None], own: Cues, rivals: list[Cues]
) -> str | None:
    """The cue that makes a result of ``own``'s type, or None if there is none or a rival's decides.

    Without rivals any cue in reach counts. With rivals (the same digits valid as two types), a cue that
    *names* an identifier decides first ("konto 07053202556 er personnummeret": the number is a
    fødselsnummer), as long as no other number stands between it and the match; otherwise the
    nearest cue of either type decides (before the match first, where people put it).
    """
    if rivals:
        for side in (before, after):
            nearer: list[str] | None = None
            for forms in side:
                if forms is None:
                    break  # a cue beyond another number describes that number
                if (cue := _names_it(forms, nearer if side is before else None, own)) is not None:
                    return cue
                if any(_names_it(forms, nearer if side is before else None, rival) for rival in rivals):
                    return None
                nearer = forms
    for forms in (*before, *after):
        if forms is None:
            continue
        if (cue := _first(forms, own[0])) is not None:
            return cue
        if any(_first(forms, rival[0]) for rival in rivals):
            return None
    return None
