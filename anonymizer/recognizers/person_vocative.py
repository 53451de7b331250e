"""A name spoken to: "takk rune du e gull", "Mark, please mark my case", "cheers, bill", "Ståle, ring mæ".

One of the relation rules of :mod:`anonymizer.recognizers.person_context` (in its own module because
its word sets are its own): the writer greets, thanks or asks someone, and the word they address is a
name, where a reply before a request ("Ok, ring meg") is not.
"""

from __future__ import annotations

from anonymizer.recognizers._gazetteer import NAME
from anonymizer.recognizers._tokens import LOWER, Tokens, closed
from anonymizer.recognizers.person_words import _GREETINGS, _PLEASE, _SIGN_OFFS, _YOU, Relations, _word, plain_gap


def vocative(toks: Tokens, j: int, rel: Relations) -> bool:
    """ "takk rune du e gull", "Mark, please mark my case": a name spoken to."""
    after = _word(toks, j + 1)
    if _word(toks, j - 1) in _GREETINGS and plain_gap(toks, j - 1):
        # "hello sol i think we spoke": a new clause with the writer as subject after the name
        opens = toks.initial[j - 1] and toks.flags[j] & NAME and after in _I and _word(toks, j + 2) in _I_VERBS
        return j + 1 >= len(toks.low) or closed(toks, j) or after in _YOU or bool(opens)
    if _word(toks, j - 1) in _SIGN_OFFS and toks.gap(j - 1).strip(" ") == "," and j + 1 >= len(toks.low):
        return True  # "cheers, bill", "takk, even": a sign-off and the name that ends the message
    thanked = any(_word(toks, k) in _SIGN_OFFS for k in range(j - 5, j - 1))
    if _word(toks, j - 1) in _HELP and toks.gap(j - 1).strip(" ") in ("", ",") and closed(toks, j) and thanked:
        return True  # "thx for the help even!", "takk for hjelpa, Sol.": thanks, and whom they are for
    if j + 1 >= len(toks.low):
        return False
    # "Ståle, ring mæ når du har tid"; not "Ok, ring meg", "Bra, send meg papirene": a reply, then a request
    spoken_to = after in _YOU or after in _PLEASE or (after in _CALL_ME and toks.low[j] not in _REPLIES)
    return toks.initial[j] and toks.gap(j).startswith(",") and spoken_to and toks.shape[j] != LOWER


_I = frozenset({"i", "jeg", "eg", "æ"})
_I_VERBS = frozenset(
    {"think", "thought", "need", "want", "was", "have", "had", "spoke", "called", "sent", "got", "lurer", "tenkte",
     "trenger", "treng", "har", "hadde", "vil", "ville", "snakket", "snakka", "ringte", "sendte", "prata"}
)  # fmt: skip
_REPLIES = frozenset({"ok", "okay", "okei", "bra", "fint", "flott", "greit", "supert", "perfekt", "great", "fine"})
#: Asked to get in touch: "Ståle, ring mæ", "Grace, call me back".
_CALL_ME = frozenset({"ring", "ringe", "call", "text", "svar", "answer", "reply", "send", "sjekk", "check"})
_HELP = frozenset({"help", "hjelpen", "hjelpa", "hjelp", "hjølpa", "hjelpe", "assistance", "svar", "svaret"})
