"""The engine as a whole: public API, odd input, batches, overlaps, context rules, Presidio parity."""

from __future__ import annotations

import random
import threading

import pytest
from presidio_analyzer import PatternRecognizer, RecognizerResult

import anonymizer
from anonymizer import Anonymizer, Entity, Redaction
from anonymizer.engine import resolve_overlaps
from anonymizer.lang import detect_language, resolve_language
from anonymizer.operators import REPLACE_OPERATORS, pseudonym_operators
from anonymizer.recognizers import PATTERN_RECOGNIZERS
from anonymizer.recognizers._common import DENIED_SHAPE_SCORE, LOOSE_PATTERN, ChatPatternRecognizer
from anonymizer.recognizers._cues import CueSet, collapse_repeats
from anonymizer.types import ENTITY_TYPES

SAMPLES = [
    "",
    "Hei! Kortet mitt ble avvist i dag, hva gjør jeg?",
    "Fnr 01019010046, konto 1234.56.78903, tlf +47 912 34 567",
    "mail kari@example.no, IBAN NO93 8601 1117 947, kort 4111 1111 1111 1111",
    "org.nr 974 760 673 og ip 192.168.0.1",
    "I paid NOK 12.000 on 12.03.2024 with KID 1234567890123",
    "🙂🙂 ring 912 34 567 🙂 привет 你好 עברית",
]

PII = {
    "01019010046",
    "1234.56.78903",
    "+47 912 34 567",
    "kari@example.no",
    "NO93 8601 1117 947",
    "4111 1111 1111 1111",
    "974 760 673",
    "192.168.0.1",
    "912 34 567",
}


def test_public_api_matches_engine(engine: Anonymizer) -> None:
    text = SAMPLES[2]
    assert anonymizer.get_anonymizer() is engine
    assert anonymizer.analyze(text) == engine.analyze(text)
    assert anonymizer.redact(text) == engine.redact(text)
    assert anonymizer.process(text) == Redaction(engine.redact(text), engine.analyze(text))


def test_result_shape(engine: Anonymizer) -> None:
    entities = engine.analyze(SAMPLES[2])
    assert [e.type for e in entities] == ["NO_FODSELSNUMMER", "NO_KONTONUMMER", "PHONE_NUMBER"]
    assert all(isinstance(e, Entity) and 0.4 <= e.score <= 1.0 for e in entities)
    assert entities == sorted(entities, key=lambda e: e.start)
    assert {e.type for e in entities} <= set(ENTITY_TYPES)


def test_empty_and_whitespace(engine: Anonymizer) -> None:
    assert engine.analyze("") == []
    assert engine.redact("") == ""
    assert engine.process("   \n") == Redaction("   \n", [])


def test_long_text_offsets(engine: Anonymizer) -> None:
    filler = "Dette er en lang melding om betaling og forfall. "
    text = (filler * 40)[:1900] + " tlf 912 34 567 og kari@example.no"
    assert len(text) > 1900
    entities = engine.analyze(text)
    assert [(e.type, text[e.start : e.end]) for e in entities if e.type != "PERSON"] == [
        ("PHONE_NUMBER", "912 34 567"),
        ("EMAIL_ADDRESS", "kari@example.no"),
    ]


def test_emoji_and_non_latin(engine: Anonymizer) -> None:
    text = SAMPLES[-1]
    entities = engine.analyze(text)
    assert [(e.type, text[e.start : e.end]) for e in entities] == [("PHONE_NUMBER", "912 34 567")]
    assert engine.redact(text) == "🙂🙂 ring <PHONE_NUMBER> 🙂 привет 你好 עברית"
    for odd in ("\x00\x01", "👍" * 500, "ﷺ" * 10, "١٢٣٤٥٦٧٨", "\u200b91234567\u200b"):
        for entity in engine.analyze(odd):
            assert 0 <= entity.start < entity.end <= len(odd)


@pytest.mark.parametrize("lang", ["auto", "nb", "en"])
def test_batch_equals_single(engine: Anonymizer, lang: str) -> None:
    assert engine.analyze_batch(SAMPLES, lang) == [engine.analyze(t, lang) for t in SAMPLES]
    assert engine.redact_batch(SAMPLES, lang) == [engine.redact(t, lang) for t in SAMPLES]
    assert engine.process_batch(SAMPLES, lang) == [engine.process(t, lang) for t in SAMPLES]
    assert anonymizer.process_batch(SAMPLES, lang) == engine.process_batch(SAMPLES, lang)
    assert anonymizer.analyze_batch(SAMPLES, lang) == engine.analyze_batch(SAMPLES, lang)
    assert anonymizer.redact_batch(SAMPLES, lang) == engine.redact_batch(SAMPLES, lang)


def test_redaction_removes_every_value(engine: Anonymizer) -> None:
    for text in SAMPLES:
        redacted = engine.redact(text)
        for value in PII:
            assert value not in redacted
        result = engine.process(text)
        assert result.text == redacted
        for entity in result.entities:
            assert f"<{entity.type}>" in redacted


def test_redacted_text_replaces_spans_exactly(engine: Anonymizer) -> None:
    text = "Fnr 01019010046, konto 1234.56.78903."
    assert engine.redact(text) == "Fnr <NO_FODSELSNUMMER>, konto <NO_KONTONUMMER>."


def test_norwegian_iban_wins_over_embedded_account(engine: Anonymizer) -> None:
    text = "NO93 8601 1117 947"
    assert [(e.type, e.start, e.end) for e in engine.analyze(text)] == [("IBAN_CODE", 0, len(text))]


def test_context_words_match_whole_tokens_only(engine: Anonymizer) -> None:
    # "tlf" raises a plain number; the same letters inside another word do not.
    # (a landline range: eight digits in a mobile range are a phone in strict mode even without a cue)
    assert [e.type for e in engine.analyze("tlf 21234567")] == ["PHONE_NUMBER"]
    assert engine.analyze("hotell 21234567") == []
    assert engine.analyze("atlfx 21234567") == []
    # Norwegian inflection: a long cue matches the start of a word.
    assert [e.type for e in engine.analyze("telefonnummeret 91234567")] == ["PHONE_NUMBER"]


def test_presidio_analyze_agrees_with_lean_path(engine: Anonymizer) -> None:
    """Presidio's own AnalyzerEngine.analyze over the same registry finds the same entities."""
    for text in SAMPLES[1:]:
        for lang in ("nb", "en"):
            ours = resolve_overlaps(engine.analyzer.analyze_chat(text, lang))
            theirs = resolve_overlaps(engine.analyzer.analyze(text=text, language=lang))
            assert [(r.entity_type, r.start, r.end, round(r.score, 4)) for r in ours] == [
                (r.entity_type, r.start, r.end, round(r.score, 4)) for r in theirs
            ]


@pytest.mark.parametrize(
    ("results", "kept"),
    [
        # highest score wins; the loser keeps what lies outside it when that is 3 characters or more
        ([("A", 0, 10, 0.5), ("B", 2, 5, 0.9)], [("B", 2, 5), ("A", 5, 10)]),
        ([("A", 0, 10, 0.9), ("B", 0, 5, 0.9)], [("A", 0, 10)]),  # then the longest
        ([("A", 0, 5, 0.9), ("B", 5, 9, 0.9)], [("A", 0, 5), ("B", 5, 9)]),  # touching is fine
        ([("A", 0, 5, 0.5), ("B", 4, 9, 0.6), ("C", 8, 12, 0.7)], [("A", 0, 4), ("B", 4, 8), ("C", 8, 12)]),
        ([("A", 0, 9, 0.5), ("B", 2, 4, 0.9), ("B", 5, 7, 0.9)], [("B", 2, 4), ("B", 5, 7)]),  # short pieces go
        ([("A", 0, 10, 0.5), ("A", 2, 5, 0.9)], [("A", 2, 5)]),  # one type: two readings, the better stands
    ],
)
def test_resolve_overlaps(results: list[tuple[str, int, int, float]], kept: list[tuple[str, int, int]]) -> None:
    resolved = resolve_overlaps(RecognizerResult(t, s, e, score) for t, s, e, score in results)
    assert [(r.entity_type, r.start, r.end) for r in resolved] == kept


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hei, jeg lurer på noe", "nb"),
        ("Jeg har ikke fått kortet", "nb"),
        ("Hello, I need help with my card", "en"),
        ("What is the balance on my account?", "en"),
        ("12345", "nb"),  # no evidence: the default
        ("", "nb"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_resolve_language() -> None:
    assert resolve_language("auto", "hello, can you help me") == "en"
    assert resolve_language("NB", "hello") == "nb"
    assert resolve_language("en", "hei") == "en"
    with pytest.raises(ValueError, match="unsupported language"):
        resolve_language("de", "hallo")


def test_unknown_language_is_refused(engine: Anonymizer) -> None:
    with pytest.raises(ValueError):
        engine.analyze("tlf 91234567", "sv")


def test_singleton_is_built_once_across_threads() -> None:
    seen: list[Anonymizer] = []
    threads = [threading.Thread(target=lambda: seen.append(anonymizer.get_anonymizer())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(e) for e in seen}) == 1


def test_vocabulary_is_recycled(engine: Anonymizer) -> None:
    """Every new token grows spaCy's vocabulary; past the limit the pipeline is rebuilt. (The lean path
    reads cue words from the raw text; Presidio's own ``analyze`` still tokenizes every message.)"""
    nlp_engine = engine.nlp_engine
    old_limit, rebuilds = nlp_engine.max_vocab, nlp_engine.rebuilds
    nlp_engine.max_vocab = len(nlp_engine.get_nlp("nb").vocab) + 50
    try:
        for i in range(100):
            engine.analyzer.analyze(text=f"tlf 9{i:07d} ord{i}x", language="nb")
        assert nlp_engine.rebuilds > rebuilds
        assert len(nlp_engine.get_nlp("nb").vocab) < nlp_engine.max_vocab + 50
        assert [e.type for e in engine.analyze("tlf 91234567", "nb")] == ["PHONE_NUMBER"]
    finally:
        nlp_engine.max_vocab = old_limit


def test_lemmas_are_lower_case(engine: Anonymizer) -> None:
    doc = engine.nlp_engine.get_nlp("nb")("Ring TLF Kontonummer")
    assert [t.lemma_ for t in doc] == ["ring", "tlf", "kontonummer"]


def _texts_with_numbers(n: int) -> list[str]:
    """Deterministic jumble of valid and invalid numbers, separators, cue and deny words."""
    rng = random.Random(20241123)
    pieces = [
        "01019010046", "010190 10046", "1234.56.78903", "1234 56 78903", "12345678903", "974 760 673",
        "NO 974760673 MVA", "974760673", "4111 1111 1111 1111", "4111111111111111", "3782 822463 10005",
        "912 34 567", "91 23 45 67", "91234567", "+47 912 34 567", "12.03.2024", "1 500,00", "12:30",
        "kr", "KID", "fnr", "konto", "tlf", "org.nr", "kort", "og", "til", "-", ".", ",", "nr.", "er",
    ]
    out = []
    for _ in range(n):
        words = [rng.choice(pieces) if rng.random() < 0.7 else str(rng.randrange(10 ** rng.randrange(1, 12)))]
        words += [rng.choice(pieces) for _ in range(rng.randrange(1, 8))]
        out.append(rng.choice([" ", "  ", ""]).join(words) if rng.random() < 0.2 else " ".join(words))
    return out


def test_pattern_matching_agrees_with_presidio(engine: Anonymizer) -> None:
    """Our matching loop (digit-group anchored) finds what PatternRecognizer's own loop finds."""
    recognizers = [r for r in engine.analyzer._plans["nb"].recognizers if isinstance(r, ChatPatternRecognizer)]
    checked = 0
    for text in _texts_with_numbers(400):
        for recognizer in recognizers:
            if recognizer.SHRINK_TO_VALID:
                continue  # Presidio has no shortening; covered by the IBAN and phone tables
            theirs = PatternRecognizer.analyze(recognizer, text, [recognizer.ENTITY])
            kept = []
            for r in theirs:
                if not recognizer.is_denied(text, r.start, r.end):
                    kept.append(r)
                elif r.analysis_explanation.pattern_name in recognizer.UNDENIABLE:
                    r.score = min(r.score, DENIED_SHAPE_SCORE)  # a shape no deny word explains away
                    kept.append(r)
            theirs = kept
            ours = [
                r
                for r in recognizer.analyze(text, [recognizer.ENTITY])
                if r.analysis_explanation is None or r.analysis_explanation.pattern_name != LOOSE_PATTERN
            ]  # numbers written oddly are ours alone (see test_loose_numbers.py)
            assert sorted((r.start, r.end, r.score) for r in ours) == sorted(
                (r.start, r.end, r.score) for r in theirs
            ), (type(recognizer).__name__, text)
            checked += len(ours)
    assert checked > 100  # the jumble does contain numbers


@pytest.mark.parametrize("pseudonyms", [False, True])
def test_operators_applied_like_presidio_anonymizer_engine(engine: Anonymizer, pseudonyms: bool) -> None:
    """The lean operator application gives AnonymizerEngine.anonymize's text, entity for entity."""
    operators = pseudonym_operators(b"k" * 32) if pseudonyms else REPLACE_OPERATORS
    for text in [*SAMPLES, *_texts_with_numbers(150)]:
        result = engine.pseudonymize_process(text, b"k" * 32) if pseudonyms else engine.process(text)
        assert result.text == engine.anonymize_with_presidio(text, result.entities, operators)


def test_cue_words_only_decide_open_results(engine: Anonymizer) -> None:
    """A cue raises a candidate below the threshold, or one contested by another type; it does not
    change the score of a result that is already decided (the same e-mail scores the same anywhere)."""
    assert engine.analyze("21234567") == []
    assert [e.score for e in engine.analyze("tlf 21234567")] == [0.5]  # 0.15 + cue
    alone = engine.analyze("kari@example.no")
    with_cue = engine.analyze("e-post kari@example.no")
    assert [e.score for e in alone] == [e.score for e in with_cue] == [0.95]
    # contested: valid as both fødselsnummer and kontonummer; the cue decides the type
    assert [e.type for e in engine.analyze("kontonummer 01019010046")] == ["NO_KONTONUMMER"]


def test_tokenizers_are_built_lazily_and_not_by_warm_up() -> None:
    lazy = Anonymizer()
    assert lazy.nlp_engine._pipelines == {}
    assert [e.type for e in lazy.analyze("kari@example.no and 4111 1111 1111 1111", "en")] == [
        "EMAIL_ADDRESS",
        "CREDIT_CARD",
    ]
    assert lazy.nlp_engine._pipelines == {}  # nothing was open: no tokens needed
    assert [e.type for e in lazy.analyze("tlf 91234567", "nb")] == ["PHONE_NUMBER"]
    assert lazy.nlp_engine._pipelines == {}  # cue words are read from the raw text: still no tokens
    lazy.warm_up()
    assert lazy.nlp_engine._pipelines == {}  # no recognizer reads tokens: warm-up does not build them
    assert not lazy.analyzer.needs_tokens("nb") and not lazy.analyzer.needs_tokens("en")


def test_stock_presidio_registry_loads_after_import() -> None:
    """Presidio's registry finds its recognizers by class name among all EntityRecognizer subclasses;
    ours must not shadow them (a stock AnalyzerEngine in the same process would crash)."""
    from presidio_analyzer import RecognizerRegistry
    from presidio_analyzer.recognizer_registry.recognizers_loader_utils import RecognizerListLoader

    assert anonymizer.get_anonymizer() is not None
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers()
    stock = {type(r).__module__ for r in registry.recognizers}
    assert stock and all(module.startswith("presidio_analyzer.") for module in stock)
    for cls in PATTERN_RECOGNIZERS:
        assert RecognizerListLoader.get_existing_recognizer_cls(cls.__name__) is cls


@pytest.mark.parametrize(
    ("cues", "word", "expected"),
    [
        (("organisasjonsnummer",), "organisasjonsnummeret", "organisasjonsnummer"),  # inflection (prefix)
        (("organisasjonsnummer",), "oganisasjonsnummerret", "organisasjonsnummer"),  # two typos + inflection
        (("organisation",), "orgaanisation", "organisation"),
        (("organisation",), "organsiation", "organisation"),  # transposition
        (("fødselsnummer",), "fødselsnumer", "fødselsnummer"),
        (("personnummer",), "personummeret", "personnummer"),
        (("number",), "nuumber", "number"),  # doubled letter
        (("mobil",), "moobil", "mobil"),  # doubled letter in a short cue
        (("order",), "ordeer", "order"),
        (("kontonummer",), "kortnummer", None),  # a cue of another family, not a typo
        (("telefon",), "telefax", None),  # two edits in a seven-letter cue
        (("kontakt",), "kanskje", None),
        (("number",), "summer", None),  # a typo keeps the first letter
        (("ring",), "rig", None),  # short cues need the exact word
        (("konto",), "kanto", None),
    ],
)
def test_cue_matching_tolerates_typos(cues: tuple[str, ...], word: str, expected: str | None) -> None:
    assert CueSet(cues).match(word) == expected


def test_collapse_repeats() -> None:
    assert collapse_repeats("nuumber") == collapse_repeats("number") == "number"
    assert collapse_repeats("kontonummer") == "kontonumer"


@pytest.mark.parametrize(
    "texts",
    [
        ["tlf 91234567", "", "Fnr 01019010046", "org.nr 974 760 673", "hei"],
        SAMPLES,
    ],
)
@pytest.mark.parametrize("lang", ["auto", "nb", "en"])
def test_batch_forms_equal_single_calls(engine: Anonymizer, texts: list[str], lang: str) -> None:
    assert engine.analyze_batch(texts, lang) == [engine.analyze(t, lang) for t in texts]
    assert engine.redact_batch(texts, lang) == [engine.redact(t, lang) for t in texts]
    assert engine.process_batch(texts, lang) == [engine.process(t, lang) for t in texts]
