"""The privacy notice the widget shows at the start of a session (``welcome.notice``).

Wording follows the banks' own notices (seeds 000 and 001): what is stored, whether it is linked to the
customer, for how long, and for what. Periods come from the settings, so the text never disagrees with
what the retention policy actually does.
"""

from __future__ import annotations

from chat.settings import Settings
from chat.store.base import SessionKind


def _years(days: int) -> int:
    return max(1, round(days / 365))


def _years_en(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


def privacy_notice(kind: SessionKind, settings: Settings, lang: str = "nb") -> str:
    analytics = _years(settings.retention_analytics_days)
    archive = _years(settings.retention_archive_days)
    adviser = _years(settings.retention_adviser_days)
    if lang == "en":
        if kind == "anonymous":
            return (
                "You are chatting without logging in, so this chat is anonymous. Personal data (such as "
                "national identity numbers, account numbers, names, phone numbers and addresses) is removed "
                "before the chat is stored, and the chat cannot be linked to you. The anonymised chat is "
                f"kept for {_years_en(analytics)} for customer-service statistics and evaluation "
                f"({_years_en(adviser)} if a human adviser takes part). Do not share passwords or codes."
            )
        return (
            "You are logged in: this chat is stored and linked to you as a customer, to serve you when you "
            "contact us later and as documentation in case of disputes. You can read and export it in "
            f"your online-bank archive for {_years_en(archive)}. Chat logs are kept for {_years_en(analytics)} "
            f"for analysis, or {_years_en(adviser)} if a human adviser took part. You may object to analysis "
            "of your logged-in chats and ask for erasure. Do not share passwords or codes."
        )
    if kind == "anonymous":
        return (
            "Du chatter uten å være logget inn, så samtalen er anonym. Personopplysninger (som "
            "fødselsnummer, kontonummer, navn, telefonnummer og adresse) fjernes før samtalen lagres, og "
            f"den kan ikke knyttes til deg. Den anonymiserte samtalen lagres i {analytics} år for "
            f"kundeservicestatistikk og evaluering ({adviser} år hvis en rådgiver deltar). Ikke del "
            "passord eller koder."
        )
    return (
        "Du er logget inn: samtalen lagres og knyttes til deg som kunde, slik at vi kan hjelpe deg når du "
        "kontakter oss senere og som dokumentasjon ved uenighet. Du finner den i arkivet ditt i "
        f"nettbanken i {archive} år. Chatlogger lagres i {analytics} år for analyse, eller {adviser} år "
        "hvis en rådgiver har deltatt. Du kan protestere mot analyse av innloggede chatter og be om "
        "sletting. Ikke del passord eller koder."
    )
