"""The demo bot's answers and its bookkeeping per session: a pure object, frames in, frames out.

Like :mod:`chat.session` (and websockets' ``protocol.py``) this never touches a socket or a clock of its
own: :class:`DemoBotCore` is fed the frames the gateway sends an agent on ``/ws/agent`` and returns the
frames to send back, so every rule is tested without a server. :mod:`chat.demo_bot.runner` is the thin
asyncio loop around it, and the reference for a bank replacing it with its own bot backend: nothing here
uses anything but the documented agent protocol (docs/protocol.md).

The answers are a handful of banking FAQs in Norwegian and English, as data (:data:`INTENTS`), matched on
words and phrases. It is a demo, not a language model: when it does not understand it says what it can
do and offers a person; a second miss in a row, or a customer asking for a person in words, hands the
chat over (the ``handover`` frame), exactly as the widget's "ask for an adviser" button does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final, Literal

Lang = Literal["nb", "en"]

#: A chat started this long before the bot hears of it is not greeted (the bot reconnected and is
#: catching up on open sessions: a greeting then would interrupt a conversation under way).
GREET_WITHIN_S: Final = 30.0
#: Misses in a row before the bot stops offering and hands the chat over.
MISSES_BEFORE_HANDOVER: Final = 2
#: How far back a reconnected bot reads a session it is told of (``history``) to find a customer
#: message nobody answered while it was away.
HISTORY_BACK: Final = 20


@dataclass(frozen=True, slots=True)
class Intent:
    name: str
    #: Words or phrases (lower case, single spaces) that mark the intent, in either language.
    cues: tuple[str, ...]
    nb: str
    en: str
    #: Answer, then hand the chat to the advisers' queue.
    handover: bool = False


INTENTS: Final[tuple[Intent, ...]] = (
    Intent(
        "human",
        ("rådgiver", "radgiver", "menneske", "ekte person", "et menneske", "snakke med noen", "kundebehandler",
         "saksbehandler", "kundeservice", "human", "adviser", "advisor", "real person", "talk to someone",
         "someone real", "an agent", "a person"),
        "Jeg setter deg over til en rådgiver. Det kan ta litt tid, og du kan skrive mens du venter.",
        "I'm passing you to an adviser. It may take a little while; you can keep writing meanwhile.",
        handover=True,
    ),
    Intent(
        "lost_card",
        ("mistet kortet", "mista kortet", "mistet bankkortet", "mistet kort", "mista kort", "mistet lommeboka",
         "stjålet", "stjålne", "sperre kortet", "sperre kort", "sperr kortet", "sperre", "sperra",
         "lost my card", "lost card", "card was stolen", "stolen", "block my card", "block card", "freeze my card",
         "freeze card", "cancel my card"),
        "Du kan sperre kortet med en gang i mobilbanken eller nettbanken: Kort → Sperr kort. Et nytt kort "
        "sendes automatisk. Mangler du tilgang, ring sperretjenesten (nummeret står på bankens nettsider), "
        "den er åpen hele døgnet.",
        "You can block the card at once in the mobile or online bank: Cards → Block card. A new card is sent "
        "automatically. Without access, call the card blocking service (its number is on the bank's website); "
        "it is open day and night.",
    ),
    Intent(
        "bankid",
        ("bankid", "bank id", "bank-id", "kodebrikke", "engangskode", "aktiveringskode", "bankid virker ikke",
         "bankid is not working", "bankid doesn't work", "bankid locked"),
        "Har BankID låst seg eller virker ikke? Åpne BankID-appen og prøv igjen. Er den sperret, kan du "
        "bestille ny aktiveringskode i nettbanken, eller møte på et kontor med legitimasjon. Skriv «rådgiver» "
        "om du vil ha hjelp av et menneske.",
        "Is your BankID locked or not working? Open the BankID app and try again. If it is blocked, order a "
        "new activation code in the online bank, or visit a branch with ID. Write \u201cadviser\u201d if you "
        "want help from a person.",
    ),
    Intent(
        "interest",
        ("rente", "renta", "renten", "rentene", "boliglån", "boliglånsrente", "sparerente", "lånerente",
         "interest", "interest rate", "rates", "mortgage", "savings rate"),
        "Rentene avhenger av produkt og avtale. Gjeldende renter for boliglån, forbrukslån og sparing står "
        "under «Priser og renter» på bankens nettsider. Vil du ha et tilbud på lån, kan en rådgiver hjelpe.",
        "Rates depend on the product and agreement. Current rates for mortgages, loans and savings are under "
        "\u201cPrices and rates\u201d on the bank's website. For a loan offer, an adviser can help.",
    ),
    Intent(
        "opening_hours",
        ("åpningstid", "åpningstider", "åpningstidene", "har dere åpent", "når åpner", "når stenger", "åpent i dag",
         "opening hours", "open today", "when are you open", "what time do you open", "when do you close"),
        "Chat og telefon med rådgivere: hverdager 08–20 og lørdager 10–15. Chatboten svarer hele døgnet.",
        "Chat and phone with advisers: weekdays 08–20 and Saturdays 10–15. The chatbot answers day and night.",
    ),
    Intent(
        "thanks",
        ("takk", "tusen takk", "takk for hjelpen", "thanks", "thank you", "cheers"),
        "Bare hyggelig! Er det noe mer jeg kan hjelpe med?",
        "You're welcome! Anything else I can help with?",
    ),
    Intent(
        "greeting",
        ("hei", "hallo", "heisann", "god morgen", "god dag", "god kveld", "hello", "hi", "hey", "good morning"),
        "Hei! Jeg kan svare på spørsmål om kort, BankID, renter og åpningstider. Skriv «rådgiver» hvis du vil "
        "snakke med et menneske.",
        "Hi! I can answer questions about cards, BankID, interest rates and opening hours. Write "
        "\u201cadviser\u201d to talk to a person.",
    ),
)

GREETING: Final[dict[Lang, str]] = {
    "nb": "Hei! Jeg er bankens chatbot. Jeg kan hjelpe med kort, BankID, renter og åpningstider, eller sette "
    "deg over til en rådgiver.",
    "en": "Hi! I'm the bank's chatbot. I can help with cards, BankID, interest rates and opening hours, or "
    "pass you to an adviser.",
}
NOT_UNDERSTOOD: Final[dict[Lang, str]] = {
    "nb": "Beklager, det forstod jeg ikke. Jeg kan hjelpe med kort, BankID, renter og åpningstider. Vil du "
    "heller snakke med en rådgiver? Skriv «rådgiver», eller trykk «Be om en rådgiver».",
    "en": "Sorry, I didn't understand that. I can help with cards, BankID, interest rates and opening hours. "
    "Would you rather talk to an adviser? Write \u201cadviser\u201d, or press \u201cAsk for an adviser\u201d.",
}
GIVING_UP: Final[dict[Lang, str]] = {
    "nb": "Jeg får ikke helt tak i hva du trenger, så jeg setter deg over til en rådgiver.",
    "en": "I can't quite work out what you need, so I'm passing you to an adviser.",
}

_WORD: Final = re.compile(r"[\w'-]+")
_ENGLISH: Final = frozenset(
    ("i", "my", "me", "you", "your", "the", "a", "an", "is", "are", "was", "what", "how", "can", "could",
     "would", "please", "card", "lost", "help", "want", "with", "to", "do", "does", "not", "don't", "hello",
     "hi", "thanks", "thank")
)
_NORWEGIAN: Final = frozenset(
    ("jeg", "meg", "min", "mitt", "mine", "du", "deg", "er", "var", "hva", "hvordan", "kan", "kunne", "vil",
     "ikke", "det", "en", "et", "å", "og", "på", "til", "med", "har", "hei", "takk", "eg", "ikkje", "kva",
     "korleis")
)


def normalise(text: str) -> str:
    """Lower case words separated by single spaces, padded, so that a cue matches whole words only."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def language_of(text: str, default: Lang = "nb") -> Lang:
    """English or Norwegian by common words; ``default`` (the session's last) when it is a tie."""
    words = _WORD.findall(text.lower())
    en = sum(w in _ENGLISH for w in words)
    nb = sum(w in _NORWEGIAN for w in words)
    if en > nb:
        return "en"
    if nb > en:
        return "nb"
    return default


def match(text: str) -> Intent | None:
    """The first intent (in :data:`INTENTS` order: a person first, small talk last) with a cue in ``text``."""
    padded = normalise(text)
    for intent in INTENTS:
        if any(f" {cue} " in padded for cue in intent.cues):
            return intent
    return None


@dataclass(slots=True)
class _Session:
    lang: Lang = "nb"
    misses: int = 0
    #: False once an adviser took it, it waits for one, or it ended: the bot stays silent.
    answering: bool = True
    #: While a ``history`` answer is coming: the last customer message heard, and the last seq of anyone
    #: else's (if the customer spoke last, nobody answered: the bot does, once, at ``history_end``).
    replaying: bool = False
    last_customer: dict[str, Any] | None = None
    last_answer_seq: int = 0
    #: The highest seq this bot has heard of in the session (messages, its own acks): a repeated
    #: ``session_started`` (after a relay outage) asks ``history`` only when the session went further.
    heard_to: int = 0


@dataclass(slots=True)
class DemoBotCore:
    """Frames from the gateway in, frames to it out (``receive``); one instance per bot connection."""

    sessions: dict[str, _Session] = field(default_factory=dict)

    def receive(self, frame: dict[str, Any], *, now: float) -> list[dict[str, Any]]:
        kind = frame.get("type")
        sid = frame.get("session_id")
        if not isinstance(sid, str):
            return []
        if kind == "session_started":
            return self._started(sid, frame, now)
        known = self.sessions.get(sid)
        seq = frame.get("seq")
        if known is not None and kind in ("message", "ack") and isinstance(seq, int):
            known.heard_to = max(known.heard_to, seq)
        if known is not None and known.replaying:
            return self._replayed(sid, known, frame)
        if kind == "message" and frame.get("from") == "customer":
            return self._heard(sid, frame)
        if kind in ("handover_request", "session_taken"):
            self.sessions.setdefault(sid, _Session()).answering = False
        elif kind == "handover_cancelled":
            self.sessions.setdefault(sid, _Session()).answering = True
        elif kind == "session_ended":
            self.sessions.pop(sid, None)
        return []

    def _started(self, sid: str, frame: dict[str, Any], now: float) -> list[dict[str, Any]]:
        session = self.sessions.setdefault(sid, _Session())
        session.answering = frame.get("state", "bot") == "bot"
        created = _epoch(frame.get("created_at"))
        last_seq = frame.get("last_seq")
        if not isinstance(last_seq, int):
            last_seq = 0
        out: list[dict[str, Any]] = []
        if session.answering and created is not None and now - created <= GREET_WITHIN_S:
            # The greeting's id is fixed: if the bot reconnects and hears of the session again, the
            # gateway answers the repeat with the first ack and stores nothing twice.
            out.append(_reply(sid, "greet", GREETING[session.lang]))
        if session.answering and last_seq > session.heard_to and not session.replaying:
            # Said while this bot was away (it reconnected, or its instance died): read the end of it.
            session.replaying, session.last_customer, session.last_answer_seq = True, None, 0
            out.append({"type": "history", "session_id": sid, "after_seq": max(0, last_seq - HISTORY_BACK)})
        return out

    def _replayed(self, sid: str, session: _Session, frame: dict[str, Any]) -> list[dict[str, Any]]:
        kind, seq = frame.get("type"), frame.get("seq")
        if kind == "ack":
            return []  # of the greeting, say: no news of the conversation
        if kind == "message" and isinstance(seq, int):
            if frame.get("from") == "customer":
                session.last_customer = frame
            else:
                session.last_answer_seq = max(session.last_answer_seq, seq)
            return []
        if kind in ("history_end", "error"):
            session.replaying = False
            last = session.last_customer
            session.last_customer = None
            if last is not None and isinstance(last.get("seq"), int) and last["seq"] > session.last_answer_seq:
                return self._heard(sid, last)
            return []
        session.replaying = False  # any other news of the session (taken, ended...) ends the replay
        return self.receive(frame, now=0.0)

    def _heard(self, sid: str, frame: dict[str, Any]) -> list[dict[str, Any]]:
        session = self.sessions.setdefault(sid, _Session())
        text = frame.get("text")
        seq = frame.get("seq")
        if not session.answering or not isinstance(text, str) or not isinstance(seq, int):
            return []
        session.lang = language_of(text, session.lang)
        msg_id = f"r{seq}"  # one answer per customer message, however often the bot hears it
        intent = match(text)
        if intent is None:
            session.misses += 1
            if session.misses >= MISSES_BEFORE_HANDOVER:
                session.answering = False
                return [_reply(sid, msg_id, GIVING_UP[session.lang]), {"type": "handover", "session_id": sid}]
            return [_reply(sid, msg_id, NOT_UNDERSTOOD[session.lang])]
        session.misses = 0
        out = [_reply(sid, msg_id, intent.en if session.lang == "en" else intent.nb)]
        if intent.handover:
            session.answering = False
            out.append({"type": "handover", "session_id": sid})
        return out


def _reply(session_id: str, client_msg_id: str, text: str) -> dict[str, Any]:
    return {"type": "message", "session_id": session_id, "client_msg_id": client_msg_id, "text": text}


def _epoch(value: object) -> float | None:
    """Seconds since the epoch of the gateway's ISO 8601 UTC times ("2026-11-23T10:15:02.123Z")."""
    from datetime import datetime

    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None
