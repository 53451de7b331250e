"""PERSON, continued: names in young people's chat, where the word lists doubt them most.

Why: young customers name their friends by first names and nicknames that are everyday words or places
("mo", "stein", "vår", "Sky", "Jazz", "Nova"), mostly in lower case, with slang verbs of paying ("vippsa
mo 2400", "skylder mo 300 og stein 150") and the sites they trade on ("milo på finn", "nova from finn").
The other rules refuse such words unless a relation vouches for them; the relations here are the ones
this kind of chat uses, each strong enough that the word can only be a person:

* the person paid or owed, with an amount or "for"/"back" after them, and the next payee of the same
  sentence ("skylder mo 300 og stein 150"); a month or a weekday is never taken ("betaler mai 5000");
* a list that holds the writer and a name found already ("me, sara og mo", "Jazz, Nova and me");
* someone on a marketplace or a social app who does something ("milo på finn vil ha", "en Rose fra tise
  sendte meg"), and a handle of given name and surname ("jonas.eriksen");
* a word whose bracket says it is a name ("jazz (her actual name lol)");
* the owner of a kin noun ("broren til Sky"), a capitalised word after a bare kin noun before what is
  granted or owned ("gi bestemor Aster tilgang", "my gf Em's account");
* a naming verb with an adverb before the name ("heter faktisk Finn");
* a maiden name after a found name ("Astrid Lie f. Vik", "née Berg");
* a name opening a message in lower case before a verb of lending with an amount ("mo lånte 2k").

Each rule is gated by a word or character it needs, so the module costs a few set lookups per message.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from anonymizer.recognizers._cues import is_cue_word
from anonymizer.recognizers._gazetteer import COMMON, FUNCTION, GIVEN, NAME, NOT_NAME, PARTICLE, SOFT, SURNAME
from anonymizer.recognizers._tokens import CAP, LOWER, Tokens, _is_emoji, unknown_name_word
from anonymizer.recognizers.person_context import SCORE_KNOWN, SCORE_KNOWN_LOWER, is_pronoun
from anonymizer.recognizers.person_extend import extend
from anonymizer.recognizers.person_pairs import _MONTHS_AND_DAYS
from anonymizer.recognizers.person_roles import _AMOUNT_AFTER, _BACK, _PARTICLES
from anonymizer.recognizers.person_words import (
    _GREETINGS,
    _MODAL,
    _MY,
    _SUBJECT_VERBS,
    LIST_GAP,
    Relations,
    _title_case,
    _word,
    plain_gap,
    relations,
)

#: Verbs of paying, owing and lending, slang forms included, whose object is the person: "vippsa mo 2400".
_PAY_VERBS = frozenset(
    {"vippsa", "vippset", "vippse", "vippser", "vippsat", "vippsar", "swisha", "swishe", "swishet",
     "swishade", "skylder", "skylde", "skyldte", "skyldar", "skylda", "betalte", "betale", "betaler", "betala",
     "lånte", "låna", "sendte", "sende", "owe", "owes", "owed", "paid", "pay", "lent", "repay", "repaid",
     "venmo", "venmoed", "venmod"}
)  # fmt: skip
#: Words after a payee that say what the payment was for or that it was paid back.
_FOR = _BACK | {"for", "fra", "from"}
#: Marketplaces and social apps, where chat meets the people it pays or is cheated by.
_PLATFORMS = frozenset(
    {"finn", "finn.no", "tise", "snap", "snapchat", "insta", "instagram", "ig", "tiktok", "facebook", "fb",
     "marketplace", "discord", "tinder", "messenger", "whatsapp", "vinted", "ebay", "depop", "reddit", "twitter",
     "telegram", "kik", "grindr", "hinge", "bumble", "blocket", "dba", "gumtree"}
)  # fmt: skip
_ON = frozenset({"på", "pa", "fra", "frå", "from", "on", "via", "in", "i"})
#: Before someone on a site: "en Rose fra tise", "noen på snap", "some guy on snap".
_SOMEONE = frozenset({"en", "ei", "a", "et", "some", "noen", "dama", "fyren", "gutten", "jenta", "this"})
#: A bracket that says the word before it is a name: "(her actual name lol)", "(ja det er navnet hans)".
_NAME_REMARK = re.compile(
    r" ?\([^()\n]{0,25}?\b(?:(?:her|his|their|hans|hennes|hennar|sitt|real|actual|first)(?: real| actual| first)?"
    r" name|(?:navnet|namnet) (?:hans|hennes|hennar|hass|sitt)|(?:ekte|faktiske|virkelige) (?:navnet|namnet))\b",
    re.IGNORECASE,
)
#: Naming verbs and the adverbs that may stand between them and the name: "heter faktisk Finn".
_NAMING = frozenset({"heter", "heiter", "heite", "het", "hette", "heitte", "named", "called", "kalles", "kallas"})
_NAMING_ADVERBS = frozenset(
    {"faktisk", "visst", "egentlig", "eigentleg", "jo", "altså", "liksom", "bare", "berre", "actually", "really",
     "literally", "legit", "fr"}
)  # fmt: skip
#: "Astrid Lie f. Vik", "født Berg", "née Berg": the maiden name after the name.
_BORN = frozenset({"født", "fødd", "née", "nee", "geb", "born"})
#: Verbs of lending or owing after a name opening a lower-case message: "mo lånte 2k av meg".
_LENT = frozenset({"lånte", "låna", "lånt", "skylder", "skylde", "owes", "borrowed", "vippsa", "sendte"})
_ME = frozenset({"meg", "me", "mæ", "mei", "deg", "oss", "us", "you"})
#: An address's "@" and its spellings, and words that say a dotted name is an e-mail address.
_AT = ("@", "(a)", "(at)", "[at]", " at ", " (a)", " @")
_MAIL_WORDS = ("mail", "epost", "e-post", "gmail", "hotmail", "outlook", "@")
_GENITIVES = ("'s", "’s")
_YOUNG_KIN = frozenset({"gf", "bf", "bff", "bestie", "bestien", "roomie", "roommaten", "crush", "crushen"})


def young_names(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """(first, last, score) of the names this module's rules find, in order; the caller marks each found
    name covered before asking for the next. A rule is asked only about the words at its offset from a
    word it needs (one dict lookup a word finds them), so the module costs little per message."""
    rel = relations()
    triggers = _triggers()
    n = len(toks.low)
    asked: list[tuple[int, _Rule]] = []
    for k, low in enumerate(toks.low) if not triggers.keys().isdisjoint(toks.low) else ():
        if low not in triggers:
            continue  # most words trigger nothing
        for rule, offset in triggers[low]:
            if 0 <= k + offset < n:
                asked.append((k + offset, rule))
    if "(" in toks.text:
        asked.extend((j, _name_remark) for j in range(n) if toks.text[toks.end[j] : toks.end[j] + 2].lstrip(" ") == "(")
    for j, rule in sorted(asked, key=lambda pair: pair[0]):
        if not covered[j] and rule(toks, j, covered, rel):
            yield j, extend(toks, j, strong=False), SCORE_KNOWN if toks.shape[j] != LOWER else SCORE_KNOWN_LOWER
    if "," in toks.text and not rel.self_.isdisjoint(toks.low):
        yield from _writer_lists(toks, covered, rel)
    if "." in toks.text or "_" in toks.text:
        yield from _handles(toks, covered)


_Rule = Callable[[Tokens, int, list[bool], Relations], bool]


@functools.cache
def _triggers() -> dict[str, tuple[tuple[_Rule, int], ...]]:
    """Each word a per-word rule needs, with the rule and the offset from that word of the word it asks
    about: "vippsa" asks ``_payee`` about the next word, "finn" asks ``_on_platform`` about two before."""
    rel = relations()
    table: dict[str, list[tuple[_Rule, int]]] = {}
    kinds: list[tuple[_Rule, int, frozenset[str]]] = [
        (_payee, 1, _PAY_VERBS | rel.and_),
        (_on_platform, -2, _PLATFORMS),
        (_kin_owner, 1, rel.kin | _YOUNG_KIN | {"til", "te"}),
        (_named, 2, _NAMING),
        (_maiden, 1, _BORN | {"f"}),
        (_lender, -1, _LENT),
        (_emoji_subject, -1, rel.speech | _PAY_VERBS | _LENT),
    ]
    for rule, offset, words in kinds:
        for word in words:
            table.setdefault(word, []).append((rule, offset))
    return {word: tuple(rules) for word, rules in table.items()}


# --- helpers ------------------------------------------------------------------------------------------


def _person_word(toks: Tokens, j: int, rel: Relations) -> bool:
    """Word ``j`` may be a person's name where a strong relation vouches for it: a listed name (a place
    or an everyday word too, not a month), or a capitalised word, of two letters or more, that is no
    closed-class word, pronoun, kin noun or cue word."""
    low, flags = toks.low[j], toks.flags[j]
    if len(low) < 2 or flags & (NOT_NAME | FUNCTION | PARTICLE) or low in _MONTHS_AND_DAYS:
        return False
    if is_pronoun(low) or low in rel.self_ or low in rel.kin or is_cue_word(low):
        return False
    if low in _MY and not flags & NAME:
        return False  # "min", "my"; but "vår" is a name too, which the relation decides
    return bool(flags & NAME) or toks.shape[j] == CAP


# --- payees -------------------------------------------------------------------------------------------


def _payee(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "vippsa mo 2400", "skylder mo 300 og stein 150", "skal vippse vår for bursdagsgave": a listed
    name (a place or an everyday word too) right after a verb of paying, then an amount or "for"/"back";
    and a name after "og" that follows such a payee's amount."""
    if j == 0 or not toks.flags[j] & NAME:
        return False
    before = toks.low[j - 1]
    chained = before in rel.and_ and j >= 2 and covered[j - 2] and _AMOUNT_AFTER.match(toks.text, toks.end[j - 2])
    if (before not in _PAY_VERBS and not chained) or not plain_gap(toks, j - 1):
        return False
    if chained and not any(toks.low[k] in _PAY_VERBS for k in range(max(0, j - 5), j - 2)):
        return False
    low = toks.low[j]
    if not toks.flags[j] & NAME or not _person_word(toks, j, rel) or low in rel.unit | rel.prep | _PARTICLES:
        return False  # "betale ned 200 000": an adverb
    if _AMOUNT_AFTER.match(toks.text, toks.end[j]):
        return True
    return j + 1 < len(toks.low) and plain_gap(toks, j) and toks.low[j + 1] in _FOR


# --- sites and handles --------------------------------------------------------------------------------


def _on_platform(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "milo på finn vil ha betaling", "nova from finn sent me", "en Rose fra tise sendte meg": someone
    on a marketplace or app, opening the sentence or after "en"/"some", who does what people do."""
    if j + 3 >= len(toks.low) or toks.low[j + 1] not in _ON or toks.low[j + 2] not in _PLATFORMS:
        return False
    if not (plain_gap(toks, j) and plain_gap(toks, j + 1) and plain_gap(toks, j + 2)):
        return False
    if not toks.initial[j] and not (_word(toks, j - 1) in _SOMEONE and plain_gap(toks, j - 1)):
        return False
    if not _person_word(toks, j, rel) or toks.flags[j] & SOFT or (toks.shape[j] == LOWER and not toks.flags[j] & NAME):
        return False
    verb = toks.low[j + 3]
    people = verb in _SUBJECT_VERBS or verb in _MODAL or verb in rel.speech or verb in rel.money
    return people


def _handles(toks: Tokens, covered: list[bool]) -> Iterator[tuple[int, int, float]]:
    """ "(jonas.eriksen)", "kari_hansen": a handle of a given name and a surname joined by a dot or an
    underscore, in lower case, with no space and no "@" around it (an e-mail address is the EMAIL
    recognizer's)."""
    text = toks.text
    for j in range(len(toks.low) - 1):
        end = toks.end[j]
        if toks.start[j + 1] != end + 1 or text[end] not in "._" or toks.shape[j] != LOWER:
            continue
        first, second = toks.flags[j], toks.flags[j + 1]
        if toks.shape[j + 1] != LOWER or not first & GIVEN or first & (FUNCTION | NOT_NAME):
            continue
        if not second & SURNAME or second & (COMMON | NOT_NAME):
            continue
        after = toks.text[toks.end[j + 1] : toks.end[j + 1] + 5].lower()
        if toks.text[toks.start[j] - 1 : toks.start[j]] == "@" or after.startswith(_AT) or covered[j + 1]:
            continue
        if any(word in toks.text.lower() for word in _MAIL_WORDS):
            return  # near talk of e-mail a dotted name is an address's
        yield j, j + 1, SCORE_KNOWN_LOWER


def _name_remark(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "sold it to jazz (her actual name lol)": a bracket right after the word says it is a name."""
    end = toks.end[j]
    if toks.text[end : end + 2].lstrip(" ")[:1] != "(" or len(toks.low[j]) < 2:
        return False
    flags = toks.flags[j]
    if flags & (NOT_NAME | FUNCTION) or is_pronoun(toks.low[j]) or toks.low[j] in rel.self_:
        return False
    return _NAME_REMARK.match(toks.text, end) is not None


# --- kin ----------------------------------------------------------------------------------------------


def _kin_owner(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "broren til Sky fikk", "gi bestemor Aster tilgang", "my gf Em's account": a capitalised word
    inside a sentence whose kin or belonging a noun names ("kontoen til Sky"), or after a bare kin noun before
    what is granted or owned."""
    if toks.shape[j] != CAP or toks.initial[j] or j < 2:
        return False
    before, before2 = toks.low[j - 1], toks.low[j - 2]
    if not (before in rel.kin or before in _YOUNG_KIN or before in ("til", "te")):
        return False
    if _title_case(toks) or not plain_gap(toks, j - 1) or not _person_word(toks, j, rel) or toks.flags[j] & SOFT:
        return False
    if before in ("til", "te") and (before2 in rel.kin or before2 in rel.owned) and plain_gap(toks, j - 2):
        return True  # "broren til Sky", "kontoen til Sky"
    if before not in rel.kin and before not in _YOUNG_KIN:
        return False
    after = _word(toks, j + 1)
    if toks.trim[j] == 2 or toks.low[j].endswith(_GENITIVES):
        if after in rel.owned or after in rel.kin:
            toks.trim[j] = 2  # "my gf Em's account": the name without its "'s"
            return True
        return False
    granted = before2 in rel.grant and after in rel.granted  # "gi bestemor Aster tilgang"
    return granted and plain_gap(toks, j)


# --- naming -------------------------------------------------------------------------------------------


def _named(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "selgeren heter faktisk Finn lol": a naming verb, an adverb, then the name."""
    if j < 2 or toks.low[j - 1] not in _NAMING_ADVERBS or toks.low[j - 2] not in _NAMING:
        return False
    if not (plain_gap(toks, j - 1) and plain_gap(toks, j - 2)) or not _person_word(toks, j, rel):
        return False
    return toks.shape[j] == CAP or bool(toks.flags[j] & NAME)


def _maiden(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "Astrid Lie f. Vik", "Aud Strand født Berg": a capitalised name after a found name and "f."/"født"."""
    if j < 2 or toks.shape[j] != CAP or not covered[j - 2] or toks.gap(j - 2) != " ":
        return False
    short = toks.low[j - 1] == "f" and toks.gap(j - 1) == ". "
    if not short and not (toks.low[j - 1] in _BORN and toks.gap(j - 1).strip(" .") == ""):
        return False
    flags = toks.flags[j]
    return not flags & (NOT_NAME | FUNCTION) and bool(flags & NAME or unknown_name_word(toks, j))


def _lender(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "mo lånte 2k av meg", "stein skylder meg 500": a listed name opening a message typed without
    capitals, before a verb of lending or owing and an amount or the writer."""
    if j + 1 >= len(toks.low) or not toks.initial[j] or toks.shape[j] != LOWER or toks.low[j + 1] not in _LENT:
        return False
    if any(c.isupper() for c in toks.text) or not plain_gap(toks, j):
        return False
    if not toks.flags[j] & NAME or not _person_word(toks, j, rel):
        return False
    lent = _AMOUNT_AFTER.match(toks.text, toks.end[j + 1]) or (_word(toks, j + 2) in _ME and plain_gap(toks, j + 1))
    return bool(lent)


def _emoji_subject(toks: Tokens, j: int, covered: list[bool], rel: Relations) -> bool:
    """ "lina 🌸 sendte meg 500", "Nova 💀 skylder meg": a listed name opening the sentence, an emoji, then a
    verb of people or of paying; an emoji is how this chat sets off a name."""
    if not toks.initial[j] or j + 1 >= len(toks.low) or not toks.flags[j] & NAME:
        return False
    gap = toks.gap(j)
    if not any(_is_emoji(c) for c in gap) or any(c.isalnum() or c in ".,!?:;" for c in gap):
        return False
    after = toks.low[j + 1]
    return (after in rel.speech or after in _PAY_VERBS or after in _LENT) and _person_word(toks, j, rel)


# --- lists with the writer ----------------------------------------------------------------------------


def _writer_lists(toks: Tokens, covered: list[bool], rel: Relations) -> Iterator[tuple[int, int, float]]:
    """ "me, sara og mo splitter", "ok so Jazz, Nova and me have": a list of three words or more, one of
    them the writer: the others are people, if each may be one, or if one is a name found already."""
    for k in range(len(toks.low)):
        if toks.low[k] not in rel.self_ or (toks.low[k] == "i" and toks.text[toks.start[k]] != "I"):
            continue
        items = [m for m in _list_around(toks, k, rel) if m != k]
        if len(items) < 2:
            continue
        people = [m for m in items if covered[m] or _listed_person(toks, m, rel)]
        if len(people) < len(items) and not any(covered[m] for m in items):
            continue  # "meg, mamma og kari": only with a name found already do the others count
        for m in people:
            if not covered[m]:
                yield m, m, SCORE_KNOWN if toks.shape[m] == CAP else SCORE_KNOWN_LOWER


def _listed_person(toks: Tokens, m: int, rel: Relations) -> bool:
    """Item ``m`` of a list with the writer may be a person: a listed name, or a capitalised word inside
    the sentence; never a greeting or a reply opening it ("Ok, me and Sara")."""
    if not _person_word(toks, m, rel) or toks.low[m] in _GREETINGS:
        return False
    if toks.flags[m] & NAME:
        return True
    return toks.shape[m] == CAP and not toks.initial[m]


def _list_around(toks: Tokens, k: int, rel: Relations) -> list[int]:
    """The one-word items of the list word ``k`` stands in, joined by commas and a last "og"/"and"."""
    items = [k]
    m = k
    while m > 0:
        gap = toks.gap(m - 1)
        if "," in gap and LIST_GAP.fullmatch(gap):
            m -= 1
        elif m >= 2 and toks.low[m - 1] in rel.and_ and plain_gap(toks, m - 1) and LIST_GAP.fullmatch(toks.gap(m - 2)):
            if "," not in toks.gap(m - 2) and not plain_gap(toks, m - 2):
                break
            m -= 2
        else:
            break
        items.insert(0, m)
    m = k
    while m + 1 < len(toks.low):
        gap = toks.gap(m)
        if "," in gap and LIST_GAP.fullmatch(gap):
            m += 1
        elif m + 2 < len(toks.low) and toks.low[m + 1] in rel.and_ and plain_gap(toks, m + 1) and plain_gap(toks, m):
            m += 2
            items.append(m)
            break
        else:
            break
        items.append(m)
    return items
