"""PERSON, continued: a name said again in the same message, where the word alone would not be a name.

Why: writers repeat themselves. They give the first name and then the whole name ("im jack. jack
price."), shout the name they complain about and then write it properly ("JACK FROST? ... my name is
Jack Frost"), say the given name and then spell out all of it ("heter liv komma liv marie stene"), or
sign with the name they opened with, now in lower case ("hi its Will Baker again ... thanks, will").
Once the message has made a word someone's name, these repeats are that person too, although "jack",
"will" or "liv" would be words anywhere else.

``person_lists.other_mentions`` takes a repeat that stands alone where only a person fits (a genitive,
the subject of "said"); this module takes the repeats that go *with* more of the name, where the
neighbours make the position a name's and not the word's own grammatical use:

* the same words as a found name of two or more words, in any case ("JACK FROST" after "Jack Frost");
* a repeat directly before a name found next to it, written the same way ("liv marie stene", "May
  Britt Olsen" after "heter May"): the repeat is the first of its given names;
* a repeat opening a sentence or clause with a surname after it, the two closing it ("jack price.",
  "jack senior."): the writer giving the full name;
* a repeat as the message's last word after a thanks and a comma ("thanks, will"): a signature;
* a capitalised name in the Norwegian plural with an apostrophe ("tre Mari'er", "Mari'ene").

"Per betaler 200 kr per måned" or "Arve skal arve hytta" stay as they are: there the second word has
the word's own neighbours (a unit, a verb's object), none of the name's.
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NOT_NAME, PARTICLE, SURNAME
from anonymizer.recognizers._tokens import CAP, Tokens, closed, opens_clause
from anonymizer.recognizers.person_extend import SURNAME_ENDING
from anonymizer.recognizers.person_words import plain_gap

#: Words after a given name that say which of two namesakes is meant ("jack senior", "Ola jr"): part of
#: the name as the writer gives it.
_GENERATION = frozenset({"senior", "junior", "jr", "sr", "jnr", "snr"})
#: Thanks before a comma and the writer's name at the very end ("thanks, will", "takk, per").
_THANKS = frozenset({"thanks", "thank", "thx", "ty", "takk", "cheers", "mvh", "hilsen", "regards"})
#: Norwegian plural endings written after an apostrophe on a name: "tre Mari'er", "alle Kari'ene".
_PLURALS = ("'er", "'ene", "’er", "’ene")


def repeated_names(
    toks: Tokens, named: list[tuple[int, int, float]], covered: list[bool]
) -> Iterator[tuple[int, int, float]]:
    """Names found again in the message (``named``: the words of each name found, with its score)."""
    if not named:
        return
    words: dict[str, float] = {}  # each word of a found name, in lower case
    runs: dict[tuple[str, ...], float] = {}  # each found name of two or more words
    starts: dict[int, tuple[int, float]] = {}  # where each found name starts: its last word and score
    for first, last, score in named:
        starts[first] = (last, max(score, starts.get(first, (last, 0.0))[1]))
        if last > first:
            run = tuple(toks.bare(k) for k in range(first, last + 1))
            runs[run] = max(runs.get(run, 0.0), score)
        for k in range(first, last + 1):
            if len(toks.low[k]) > 1 and not toks.flags[k] & PARTICLE:
                words[toks.bare(k)] = max(words.get(toks.bare(k), 0.0), score)
    n = len(toks.low)
    shape = toks.shape
    bare = [low[:-trim] if trim else low for low, trim in zip(toks.low, toks.trim, strict=True)]
    k = 0
    while k < n:
        # A repeat starts with a word of a found name, or is one in the plural ("tre Mari'er"): every
        # other word is passed over here, without a call (most of the message).
        if covered[k] or (bare[k] not in words and not (shape[k] == CAP and bare[k].endswith(_PLURALS))):
            k += 1
            continue
        found = _repeat(toks, k, words, runs, starts, covered)
        if found is None:
            k += 1
            continue
        yield found
        for m in range(found[0], found[1] + 1):
            covered[m] = True
        k = found[1] + 1


def _repeat(
    toks: Tokens,
    k: int,
    words: dict[str, float],
    runs: dict[tuple[str, ...], float],
    starts: dict[int, tuple[int, float]],
    covered: list[bool],
) -> tuple[int, int, float] | None:
    """The name that uncovered word ``k`` starts as a repeat of a found one, if any."""
    low = toks.bare(k)
    score = words.get(low)
    if score is None:
        if toks.shape[k] == CAP:  # "tre Mari'er": a name in the plural
            for ending in _PLURALS:
                if low.endswith(ending) and words.get(low[: -len(ending)]):
                    return k, k, words[low[: -len(ending)]]
        return None
    n = len(toks.low)
    for run, run_score in runs.items():  # "JACK FROST? ... Jack Frost"
        end = k + len(run) - 1
        if end < n and all(
            toks.bare(m) == w and not covered[m] and (m == k or plain_gap(toks, m - 1))
            for m, w in zip(range(k, end + 1), run, strict=True)
        ):
            return k, end, run_score
    nxt = k + 1
    if nxt < n and covered[nxt] and nxt in starts and toks.gap(k) == " " and toks.shape[k] == toks.shape[nxt]:
        last, nxt_score = starts[nxt]
        return k, last, max(score, nxt_score)  # "liv marie stene" after "heter liv"
    if _with_surname(toks, k, covered):
        return k, nxt, score  # "im jack. jack price."
    if _thanked(toks, k):
        return k, k, score  # "hi its Will Baker again ... thanks, will"
    return None


def _with_surname(toks: Tokens, k: int, covered: list[bool]) -> bool:
    """Repeat ``k`` opens a clause, and one word after it, a surname (or "senior"), closes the clause:
    "jack price.", "sorry, jack senior." The surname is listed (or has a surname's ending) and is no
    function word, written as the repeat is."""
    nxt = k + 1
    if nxt >= len(toks.low) or covered[nxt] or toks.gap(k) != " " or not opens_clause(toks, k):
        return False
    if toks.shape[nxt] != toks.shape[k] or not closed(toks, nxt) or len(toks.low[nxt]) < 2:
        return False
    flags, low = toks.flags[nxt], toks.low[nxt]
    if low in _GENERATION:
        return True
    if flags & (FUNCTION | NOT_NAME) or (flags & GIVEN and not flags & SURNAME):
        return False  # "jo. jo e" (a verb), "per. per dag." (a given name alone: a list of two people)
    return bool(flags & SURNAME) or (not flags & COMMON and SURNAME_ENDING.search(low) is not None)


def _thanked(toks: Tokens, k: int) -> bool:
    """Repeat ``k`` ends the message after a thanks and a comma: "thanks, will", "takk, Per!"."""
    if k < 1 or toks.low[k - 1] not in _THANKS or toks.gap(k - 1).strip() != ",":
        return False
    return k + 1 == len(toks.low) and not toks.text[toks.end[k] :].strip(" .!\n")
