"""The anonymizer engine: Presidio's analyzer and anonymizer, configured for Norwegian bank chat.

Importing spaCy and Presidio and building the engine take about two seconds, so a process builds one
engine (``get_anonymizer()``) and keeps it. Per message the engine does as little as it can,
because it runs for every anonymous message the gateway stores:

* Recognizers that cannot match are skipped: most chat messages have no digit and no "@", which rules
  out every number, e-mail and IP recognizer before a regex runs (``ChatPatternRecognizer.could_match``).
* Cue words are read from the raw text, and only when they could change the outcome: a candidate below
  the threshold, or two types claiming the same text (see ``NearestCueContextEnhancer``). The name,
  address and pattern recognizers read the raw text themselves, so a message is tokenized only if a
  recognizer that needs spaCy tokens is registered.
* The batch forms resolve the language once per batch (when it is given) and otherwise run exactly the
  single-message path, so a batch costs no more per message than single calls.
* Presidio's own context enhancement, score thresholds and duplicate removal then run as usual.

Presidio's ``AnalyzerEngine.analyze`` stays available and gives the same results (a test checks it); the
lean path exists because its fixed per-call cost would take most of the budget of a short message.
Overlapping results of different types are resolved so that the redacted text never has nested or
overlapping replacements: the highest score wins, then the longest span.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig
from presidio_anonymizer.entities import RecognizerResult as AnonymizerResult
from presidio_anonymizer.operators import Operator, OperatorType

from anonymizer.lang import LANGUAGES, Language, resolve_language
from anonymizer.nlp import BlankSpacyNlpEngine, NearestCueContextEnhancer
from anonymizer.normalize import normalize
from anonymizer.operators import REPLACE_OPERATORS, KeyedPseudonym, SecretKey, pseudonym_operators
from anonymizer.recognizers import build_recognizers, optional_recognizer_classes
from anonymizer.recognizers._common import ChatPatternRecognizer, TextFacts, remove_duplicates, text_facts
from anonymizer.types import DEFAULT_MODE, MODE_NAMES, Entity, Redaction

log = logging.getLogger("anonymizer")

#: Scores below this are dropped. Pattern scores are set around it: formats that are telling on their
#: own score above, those that need a cue word score 0.15-0.2 and reach it only with the cue (+0.35).
DEFAULT_SCORE_THRESHOLD = 0.4

#: The score threshold of each mode (see anonymizer/types.py: ``MODES``): strict redacts results that
#: recognizers mark as doubtful (scores from 0.25), balanced only what the evidence carries.
MODES: dict[str, float] = {"strict": 0.25, "balanced": DEFAULT_SCORE_THRESHOLD}
assert set(MODES) == set(MODE_NAMES)

#: Exercises every recognizer once (``warm_up``), so nothing is left to load when the first message comes.
_WARM_UP = (
    "Hei, jeg heter Kari Nordmann og bor i Storgata 12, 0155 Oslo. Fnr 010190 12345, konto "
    "1234.56.78903, org.nr 923 456 789, IBAN NO93 8601 1117 947, kort 4111 1111 1111 1111, "
    "tlf +47 912 34 567, e-post kari@example.no, ip 192.168.0.1 og 2001:db8::1."
)

# Presidio logs matched text and context words at DEBUG level; message text must never reach a log.
for _name in ("presidio-analyzer", "presidio-anonymizer"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def _raw_text_recognizer_types() -> tuple[type[EntityRecognizer], ...]:
    """Recognizers known to ignore ``nlp_artifacts``: they can run before (and without) tokenizing."""
    return (ChatPatternRecognizer, *optional_recognizer_classes())


@dataclass(frozen=True, slots=True)
class _Plan:
    """Everything about one language that does not change between calls."""

    recognizers: tuple[EntityRecognizer, ...]
    names: tuple[str, ...]
    #: Per recognizer: its pre-filter (ChatPatternRecognizer.could_match) and whether it needs tokens.
    filters: tuple[Callable[[TextFacts], bool] | None, ...]
    needs_tokens: tuple[bool, ...]
    any_needs_tokens: bool
    entities: list[str]
    #: recognizer id -> (per-entity thresholds, the recognizer's own default threshold if it has one)
    thresholds: dict[str, tuple[dict[str, float], float | None]]
    #: (recognizer, its id, name, pre-filter, needs tokens) in registry order: what ``analyze_chat`` walks
    #: per message, gathered once so that the loop reads one tuple per recognizer (``id`` is a property).
    steps: tuple[tuple[EntityRecognizer, str, str, Callable[[TextFacts], bool] | None, bool], ...]


class ChatAnalyzerEngine(AnalyzerEngine):
    """``AnalyzerEngine`` plus ``analyze_chat``: the same analysis without its fixed per-call cost."""

    def __init__(
        self,
        *,
        registry: RecognizerRegistry,
        nlp_engine: NlpEngine,
        supported_languages: list[str],
        default_score_threshold: float,
        context_aware_enhancer: ContextAwareEnhancer,
    ) -> None:
        super().__init__(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=supported_languages,
            default_score_threshold=default_score_threshold,
            context_aware_enhancer=context_aware_enhancer,
        )
        raw_types = _raw_text_recognizer_types()
        self._plans: dict[str, _Plan] = {}
        for language in self.supported_languages:
            recognizers = tuple(self.registry.get_recognizers(language=language, all_fields=True))
            thresholds: dict[str, tuple[dict[str, float], float | None]] = {}
            for recognizer in recognizers:
                own = dict(recognizer.score_thresholds)
                thresholds[recognizer.id] = (own, own.pop("default", None))
            needs_tokens = tuple(not isinstance(r, raw_types) for r in recognizers)
            names = tuple(_recognizer_name(r) for r in recognizers)
            filters = tuple(r.could_match if isinstance(r, ChatPatternRecognizer) else None for r in recognizers)
            self._plans[language] = _Plan(
                recognizers=recognizers,
                names=names,
                filters=filters,
                needs_tokens=needs_tokens,
                any_needs_tokens=any(needs_tokens),
                entities=sorted({e for r in recognizers for e in r.supported_entities}),
                thresholds=thresholds,
                steps=tuple(zip(recognizers, (r.id for r in recognizers), names, filters, needs_tokens, strict=True)),
            )

    def needs_tokens(self, language: str) -> bool:
        """Whether any recognizer for ``language`` reads spaCy tokens (ours read the raw text)."""
        return self._plans[language].any_needs_tokens

    def analyze_chat(self, text: str, language: str, threshold: float | None = None) -> list[RecognizerResult]:
        """Presidio results for ``text``: recognizers, context enhancement, thresholds, de-duplication.

        ``threshold`` replaces the engine's default score threshold for this call (see ``MODES``)."""
        plan = self._plans[language]
        facts = text_facts(text)
        artifacts = None
        if plan.any_needs_tokens:
            artifacts = self.nlp_engine.process_text(text, language)
        results: list[RecognizerResult] = []
        active: list[EntityRecognizer] = []
        # Raw-text recognizers get None: PatternRecognizer and ours declare it Optional.
        with_tokens, without_tokens = cast(NlpArtifacts, artifacts), cast(NlpArtifacts, None)
        entities = plan.entities
        for recognizer, recognizer_id, name, could_match, needs_tokens in plan.steps:
            if could_match is not None and not could_match(facts):
                continue
            found = recognizer.analyze(
                text=text, entities=entities, nlp_artifacts=with_tokens if needs_tokens else without_tokens
            )
            if found:
                for result in found:
                    metadata = result.recognition_metadata
                    if metadata is None:
                        metadata = result.recognition_metadata = {}
                    metadata.setdefault(_ID_KEY, recognizer_id)
                    metadata.setdefault(_NAME_KEY, name)
                results.extend(found)
                active.append(recognizer)
        if not results:
            return results
        enhancer = self.context_aware_enhancer
        if not isinstance(enhancer, NearestCueContextEnhancer):
            if artifacts is None:
                artifacts = self.nlp_engine.process_text(text, language)
            results = self._enhance_using_context(text, results, artifacts, active, None)
        elif enhancer.needs_context(results):
            # Ours reads the raw text; the recognizers here got None for artifacts already.
            results = self._enhance_using_context(text, results, cast(NlpArtifacts, artifacts), active, None)
        kept = []
        engine_default = self.default_score_threshold if threshold is None else threshold
        for result in results:
            per_entity, own_default = plan.thresholds.get(
                (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, ""), ({}, None)
            )
            default = engine_default if own_default is None else own_default
            if result.score >= per_entity.get(result.entity_type, default):
                kept.append(result)
        return remove_duplicates(kept)


_ID_KEY = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_NAME_KEY = RecognizerResult.RECOGNIZER_NAME_KEY


def _recognizer_name(recognizer: EntityRecognizer) -> str:
    return str(recognizer.name)  # type: ignore[has-type]  # assigned untyped in EntityRecognizer.__init__


def resolve_overlaps(results: Iterable[RecognizerResult], text: str | None = None) -> list[RecognizerResult]:
    """Non-overlapping results, sorted by start: highest score first, then longest, then earliest.

    A result that loses an overlap to results of other types keeps what lies outside them, when that holds at least
    ``MIN_REMAINDER`` letters or digits (of ``text``; characters without it): "ola dot nordmann at gmail"
    is an e-mail address with a name inside it, and the name winning must not leave "dot nordmann at
    gmail" in clear. Dropping the loser whole would redact less than either result alone.
    """
    ranked = sorted(results, key=lambda r: (-r.score, -(r.end - r.start), r.start))
    kept: list[RecognizerResult] = []
    for candidate in ranked:
        overlapping = [k for k in kept if k.start < candidate.end and candidate.start < k.end]
        if not overlapping:
            kept.append(candidate)
            continue
        if any(k.entity_type == candidate.entity_type for k in overlapping):
            # two readings of one thing ("Hälsningar Göran" and "Göran"): the better one stands; but an
            # address read two ways ("Tjøme Strandvei 44, 3145 Tjøme", "Strandvei 44, 3145 Tjøme") is the
            # union of both, since every part of it points at a home
            if len(overlapping) == 1 and candidate.entity_type in MERGED_TYPES:
                winner = overlapping[0]
                start, end = min(winner.start, candidate.start), max(winner.end, candidate.end)
                if all(k is winner or k.end <= start or end <= k.start for k in kept):
                    winner.start, winner.end = start, end
            continue
        clashes = sorted((k.start, k.end) for k in overlapping)
        starts = (candidate.start, *(end for _, end in clashes))
        gaps = zip(starts, (*(start for start, _ in clashes), candidate.end), strict=True)
        for piece_start, piece_end in gaps:
            if text is not None:  # no piece starts or ends with a space
                while piece_start < piece_end and text[piece_start].isspace():
                    piece_start += 1
                while piece_end > piece_start and text[piece_end - 1].isspace():
                    piece_end -= 1
            if _substantial(text, piece_start, piece_end):
                piece = RecognizerResult(
                    candidate.entity_type,
                    piece_start,
                    piece_end,
                    candidate.score,
                    candidate.analysis_explanation,
                    candidate.recognition_metadata,
                )
                kept.append(piece)
    kept.sort(key=lambda r: r.start)
    return kept


_COUPLE_GAP = re.compile(r"[ \t]+(?:og|och|and|und|og\s+fru|&)[ \t]+")


def join_couples(results: list[RecognizerResult], text: str) -> list[RecognizerResult]:
    """ "Lars och Eva Björk", "Kari og Ola Nordmann": a given name, "og", then a full name that shares its
    surname are one name (one person's surname stands for both). The "og" is redacted with them, so the
    pair reads as one redacted name instead of two with a word between."""
    joined: list[RecognizerResult] = []
    for result in results:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.entity_type == result.entity_type == "PERSON"
            and " " not in text[previous.start : previous.end].strip()
            and " " in text[result.start : result.end].strip()
            and _COUPLE_GAP.fullmatch(text, previous.end, result.start)
        ):
            previous.end = result.end
            previous.score = max(previous.score, result.score)
            continue
        joined.append(result)
    return joined


#: Types whose overlapping readings are merged into one span (see resolve_overlaps).
MERGED_TYPES = frozenset({"ADDRESS"})
#: Letters or digits a leftover piece of an overlapping result must hold to be kept (see resolve_overlaps).
MIN_REMAINDER = 3


def _substantial(text: str | None, start: int, end: int) -> bool:
    if end - start < MIN_REMAINDER:
        return False
    return text is None or sum(map(str.isalnum, text[start:end])) >= MIN_REMAINDER


class Anonymizer:
    """Detects personal data in chat text and replaces it; build once (``get_anonymizer()``), share."""

    def __init__(
        self,
        *,
        languages: Sequence[Language] = LANGUAGES,
        score_threshold: float = DEFAULT_SCORE_THRESHOLD,
        mode: str = DEFAULT_MODE,
        lazy_nlp: bool = True,
    ) -> None:
        """``mode``: the default of ``MODES`` for calls that do not name one. ``lazy_nlp``: build each
        language's tokenizer on first need (see BlankSpacyNlpEngine.load); a long-running service calls
        ``warm_up()`` instead, so no message waits for it."""
        self.mode = mode
        self._threshold(mode)  # an unknown mode fails here, not on the first message
        self.languages = tuple(languages)
        nlp_engine = BlankSpacyNlpEngine(self.languages, lazy=lazy_nlp)
        nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=list(self.languages))
        count = 0
        for language in self.languages:
            for recognizer in build_recognizers(language):
                registry.add_recognizer(recognizer)
                count += 1
        self.analyzer = ChatAnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=list(self.languages),
            default_score_threshold=score_threshold,
            context_aware_enhancer=NearestCueContextEnhancer(decided_score=score_threshold),
        )
        self.nlp_engine = nlp_engine
        self.redactor = AnonymizerEngine()  # type: ignore[no-untyped-call]
        self.redactor.add_anonymizer(KeyedPseudonym)
        self._operators: dict[str, Operator] = {}  # stateless operator instances, created once
        log.info("anonymizer ready", extra={"recognizers": count})

    def warm_up(self) -> None:
        """Build what is otherwise built on first use (tokenizers, word lists) by analysing a sample."""
        for language in self.languages:
            if self.analyzer.needs_tokens(language):
                # Building a blank spaCy pipeline costs ~0.25 s each; only pay for it when it is used.
                self.nlp_engine.get_nlp(language)
            self.process(_WARM_UP, language)

    # --- analysis -------------------------------------------------------------------------------------

    def _threshold(self, mode: str | None) -> float:
        try:
            return MODES[mode or self.mode]
        except KeyError:
            raise ValueError(f"unknown anonymizer mode {mode!r} (choose from {', '.join(MODES)})") from None

    def _language(self, text: str, lang: str) -> str:
        language = resolve_language(lang, text)
        return language if language in self.languages else self.languages[0]

    def _analyze(self, text: str, language: str, threshold: float) -> list[RecognizerResult]:
        """Non-overlapping results for ``text``, found in its normalised form (anonymizer/normalize.py)
        and mapped back, so that offsets are into ``text`` and cover any hidden characters inside."""
        view = normalize(text)
        results = join_couples(
            resolve_overlaps(self.analyzer.analyze_chat(view.text, language, threshold), view.text), view.text
        )
        if view.changed:
            for result in results:
                result.start, result.end = view.span(result.start, result.end)
        return results

    def _results(self, text: str, lang: str, mode: str | None) -> list[RecognizerResult]:
        threshold = self._threshold(mode)
        if not text:
            return []
        return self._analyze(text, self._language(text, lang), threshold)

    def analyze(self, text: str, lang: str = "auto", mode: str | None = None) -> list[Entity]:
        """Personal data in ``text`` as non-overlapping entities sorted by start (``mode``: see ``MODES``)."""
        return [_entity(r) for r in self._results(text, lang, mode)]

    def _results_batch(self, texts: Sequence[str], lang: str, mode: str | None) -> Iterator[list[RecognizerResult]]:
        """``_results`` for each text, with the language resolved once when it is not "auto"."""
        analyze = self._analyze
        threshold = self._threshold(mode)
        fixed = None if lang.lower() == "auto" else self._language("", lang)
        for text in texts:
            if not text:
                yield []
            else:
                yield analyze(text, fixed or self._language(text, lang), threshold)

    def analyze_batch(self, texts: Sequence[str], lang: str = "auto", mode: str | None = None) -> list[list[Entity]]:
        return [[_entity(r) for r in results] for results in self._results_batch(texts, lang, mode)]

    # --- redaction ------------------------------------------------------------------------------------

    def _apply(self, text: str, results: list[RecognizerResult], operators: dict[str, OperatorConfig]) -> str:
        """``text`` with each result replaced by its Presidio operator (``operators`` by type or DEFAULT).

        The results are already sorted and free of overlaps, so this applies the operators registered
        with the AnonymizerEngine directly: ``AnonymizerEngine.anonymize`` would spend several times the
        operators' own cost re-resolving conflicts and re-validating entities (a test checks that both
        give the same text).
        """
        if not results:
            return text
        pieces: list[str] = []
        done = 0
        for result in results:
            config = operators.get(result.entity_type) or operators["DEFAULT"]
            operator = self._operators.get(config.operator_name)
            if operator is None:
                operator = self.redactor.operators_factory.create_operator_class(
                    config.operator_name, OperatorType.Anonymize
                )
                self._operators[config.operator_name] = operator
            params = {**config.params, "entity_type": result.entity_type}
            operator.validate(params=params)
            pieces.append(text[done : result.start])
            pieces.append(operator.operate(text=text[result.start : result.end], params=params))
            done = result.end
        pieces.append(text[done:])
        return "".join(pieces)

    def replace(self, text: str, entities: Sequence[Entity]) -> str:
        """``text`` with ``<TYPE>`` in place of each of ``entities`` (sorted, not overlapping): the
        replacement ``process`` writes, for entities found elsewhere (anonymizer/session_names.py)."""
        results = [RecognizerResult(e.type, e.start, e.end, e.score) for e in entities]
        return self._apply(text, results, REPLACE_OPERATORS)

    def anonymize_with_presidio(
        self, text: str, entities: Sequence[Entity], operators: dict[str, OperatorConfig]
    ) -> str:
        """The same replacement through ``AnonymizerEngine.anonymize`` (the reference for ``_apply``)."""
        converted = [AnonymizerResult(e.type, e.start, e.end, e.score) for e in entities]
        result = self.redactor.anonymize(
            text=text, analyzer_results=converted, operators=dict(operators), merge_entities_with_spaces=False
        )
        return str(result.text)

    def process(self, text: str, lang: str = "auto", mode: str | None = None) -> Redaction:
        """The text with ``<TYPE>`` in place of each entity, and the entities (offsets into ``text``)."""
        results = self._results(text, lang, mode)
        return Redaction(self._apply(text, results, REPLACE_OPERATORS), [_entity(r) for r in results])

    def process_batch(self, texts: Sequence[str], lang: str = "auto", mode: str | None = None) -> list[Redaction]:
        apply = self._apply
        return [
            Redaction(apply(text, results, REPLACE_OPERATORS), [_entity(r) for r in results])
            for text, results in zip(texts, self._results_batch(texts, lang, mode), strict=True)
        ]

    def redact(self, text: str, lang: str = "auto", mode: str | None = None) -> str:
        return self._apply(text, self._results(text, lang, mode), REPLACE_OPERATORS)

    def redact_batch(self, texts: Sequence[str], lang: str = "auto", mode: str | None = None) -> list[str]:
        apply = self._apply
        return [
            apply(text, results, REPLACE_OPERATORS)
            for text, results in zip(texts, self._results_batch(texts, lang, mode), strict=True)
        ]

    def pseudonymize_process(
        self, text: str, key: bytes | SecretKey, lang: str = "auto", mode: str | None = None
    ) -> Redaction:
        """Like ``process`` but with keyed pseudonyms ``<TYPE_xxxxxxxx>`` (see anonymizer/operators.py)."""
        results = self._results(text, lang, mode)
        return Redaction(self._apply(text, results, pseudonym_operators(key)), [_entity(r) for r in results])

    def pseudonymize(self, text: str, key: bytes | SecretKey, lang: str = "auto", mode: str | None = None) -> str:
        return self.pseudonymize_process(text, key, lang, mode).text


def _entity(result: RecognizerResult) -> Entity:
    return Entity(result.entity_type, result.start, result.end, round(float(result.score), 4))


_instance: Anonymizer | None = None
_instance_lock = threading.Lock()


def get_anonymizer() -> Anonymizer:
    """The process-wide engine, built on first use; concurrent first calls build it once."""
    global _instance
    if _instance is None:
        with _instance_lock:
            if _instance is None:
                _instance = Anonymizer()
    return _instance
