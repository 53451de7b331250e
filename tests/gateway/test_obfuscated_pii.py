"""Personal data written to dodge redaction, through the real gateway (issue 8, item 2).

The anonymizer normalises text before it looks for personal data (issue 7). This test checks the
gateway's half: an anonymous widget's text reaches the anonymizer exactly as received (invisible
characters, full-width digits and all), the live relay still carries the original, and neither the
stored transcript nor any byte of the database holds the digits or the e-mail's name afterwards.
"""

from __future__ import annotations

import re
from pathlib import Path

from chat.services import Services
from tests.gateway.client import client
from tests.servers import make_settings, run_in_thread

FNR = "15089047746"
PHONE = "41234567"
KONTO = "12345678903"

#: (text as the customer types it, the digits or letters that must not survive anywhere)
DISGUISED: list[tuple[str, str]] = [
    ("fødselsnummer 150890\u200b47746 takk", FNR),  # a zero-width space inside
    ("fnr: 1508\u00ad9047\u00ad746", FNR),  # soft hyphens
    ("ring meg på ４１２３４５６７", PHONE),  # full-width digits
    ("tlf fire en to tre fire fem seks sju", PHONE),  # dictated
    ("konto 1234\u2060.56\u2060.78903", KONTO),  # word joiners
    ("mail meg på kari.nordmann (at) gmail (dot) com", "nordmann"),
    ("e-post: k a r i . n o r d m a n n @ g m a i l . c o m", "nordmann"),
    ("fnr " + "".join(d + "\u0301" for d in FNR), FNR),  # a combining accent on every digit (audit 63)
    ("konto " + "".join(d + "\u20dd" for d in KONTO), KONTO),  # an enclosing circle on every digit
    ("jeg heter O l a  N o r d m a n n", "nordmann"),  # letters spaced out, the given name only three
]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


async def test_disguised_personal_data_is_redacted_before_it_is_stored(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    with run_in_thread(make_settings(data_dir)) as running:
        async with client(running.ws + "/ws/agent") as bot:
            await bot.hello(token=running.staff_token("bot-1", "bot"))
            async with client(running.ws + "/ws/chat") as widget:
                session_id = (await widget.hello())["session_id"]
                for i, (text, _) in enumerate(DISGUISED):
                    assert (await widget.say(f"m{i}", text))["type"] == "ack"
                    # the live relay carries the message exactly as the customer wrote it
                    assert (await bot.recv_type("message"))["text"] == text
        assert running.server is not None
        services: Services = running.server.chat_app.state.services
        stored = await services.store.get_messages(session_id, now=services.clock())
    assert len(stored) == len(DISGUISED)
    for message, (original, secret) in zip(stored, DISGUISED, strict=True):
        assert message.text != original
        if secret.isdigit():
            assert secret not in _digits(message.text), message.text
        else:
            assert secret not in message.text.replace(" ", "").lower(), message.text
    blob = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    for _, secret in DISGUISED:
        assert secret.encode() not in blob
    for text, _ in DISGUISED:
        assert text.encode() not in blob


async def test_a_name_given_once_is_redacted_in_the_chats_later_messages(tmp_path: Path) -> None:
    """A chat's memory of names (anonymizer/session_names.py) through the real gateway and its worker
    process: the name given with a cue in the first message is redacted in a later one where the
    message alone reads it as a word, in that chat only, and no byte of the database holds it."""
    data_dir = tmp_path / "var"
    later = "har qvortrup fått svar?"
    with run_in_thread(make_settings(data_dir)) as running:
        async with client(running.ws + "/ws/chat") as widget:
            named = (await widget.hello())["session_id"]
            assert (await widget.say("a1", "hei, jeg heter Mette Qvortrup"))["type"] == "ack"
            assert (await widget.say("a2", later))["type"] == "ack"
        async with client(running.ws + "/ws/chat") as other:
            unnamed = (await other.hello())["session_id"]
            assert (await other.say("b1", later))["type"] == "ack"
        assert running.server is not None
        services: Services = running.server.chat_app.state.services
        first, second = await services.store.get_messages(named, now=services.clock())
        (alone,) = await services.store.get_messages(unnamed, now=services.clock())
    assert first.text == "hei, jeg heter <PERSON>" and second.text == "har <PERSON> fått svar?"
    assert alone.text == later  # another chat has its own memory: the word alone is no name there
    blob = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"Mette" not in blob


async def test_a_fodselsnummer_given_in_two_messages_is_redacted_in_both(tmp_path: Path) -> None:
    """The date in one message, the personnummer in the next (anonymizer/session_numbers.py), through
    the real gateway and its worker process: neither half is stored, in that chat; in another chat the
    five digits alone are nothing and stay."""
    data_dir = tmp_path / "var"
    number = "07026910034"
    with run_in_thread(make_settings(data_dir)) as running:
        async with client(running.ws + "/ws/chat") as widget:
            split = (await widget.hello())["session_id"]
            assert (await widget.say("a1", f"fnr {number[:6]}"))["type"] == "ack"
            assert (await widget.say("a2", "vent litt"))["type"] == "ack"
            assert (await widget.say("a3", number[6:]))["type"] == "ack"
        async with client(running.ws + "/ws/chat") as other:
            alone = (await other.hello())["session_id"]
            assert (await other.say("b1", number[6:]))["type"] == "ack"
        assert running.server is not None
        services: Services = running.server.chat_app.state.services
        first, _, third = await services.store.get_messages(split, now=services.clock())
        (control,) = await services.store.get_messages(alone, now=services.clock())
    assert first.text == "fnr <NO_FODSELSNUMMER>" and third.text == "<NO_FODSELSNUMMER>"
    assert control.text == number[6:]
    blob = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert number[:6].encode() not in blob


#: (the messages as typed one after the other, what the last but one and last must be stored as)
SPLITS: list[tuple[list[str], list[str]]] = [
    (["kontonummeret er 1503 12", "34562"], ["kontonummeret er <NO_KONTONUMMER>", "<NO_KONTONUMMER>"]),
    (["fnr 05109", "816444 takk"], ["fnr <NO_FODSELSNUMMER>", "<NO_FODSELSNUMMER> takk"]),
    (["0510", "98", "16444"], ["<NO_FODSELSNUMMER>", "<NO_FODSELSNUMMER>"]),
    (["kortet 4925 0000", "0000 0004"], ["kortet <CREDIT_CARD>", "<CREDIT_CARD>"]),
    (["ring meg på 412", "34 567"], ["ring meg på <PHONE_NUMBER>", "<PHONE_NUMBER>"]),
    (["ola.nordmann@", "gmail.com"], ["<EMAIL_ADDRESS>", "<EMAIL_ADDRESS>"]),
    (["jeg heter Ola", "Hatlestad"], ["jeg heter <PERSON>", "<PERSON>"]),
]


async def test_a_value_typed_over_several_messages_is_redacted_in_each(tmp_path: Path) -> None:
    """Outside audit 63, H2: the widget sends a message per Enter, so a number in pieces, an address
    cut at its "@" or a surname sent after the given name is ordinary typing. Through the real gateway:
    the earlier pieces are rewritten in the store before the last one is acked; in another chat the
    last piece alone stays as written, and an amount followed by a reference is left alone."""
    data_dir = tmp_path / "var"
    with run_in_thread(make_settings(data_dir)) as running:
        sessions = []
        for n, (typed, _) in enumerate(SPLITS):
            async with client(running.ws + "/ws/chat") as widget:
                sessions.append((await widget.hello())["session_id"])
                for i, text in enumerate(typed):
                    assert (await widget.say(f"s{n}-{i}", text))["type"] == "ack"
        async with client(running.ws + "/ws/chat") as other:
            alone = (await other.hello())["session_id"]
            for i, text in enumerate(["34562", "jeg skylder 5000", "123456 er saksnummeret"]):
                assert (await other.say(f"o{i}", text))["type"] == "ack"
        assert running.server is not None
        services: Services = running.server.chat_app.state.services
        stored = [await services.store.get_messages(sid, now=services.clock()) for sid in sessions]
        control = await services.store.get_messages(alone, now=services.clock())
    for (_, expected), messages in zip(SPLITS, stored, strict=True):
        assert [m.text for m in messages][-2:] == expected
    assert [m.text for m in control] == ["34562", "jeg skylder 5000", "123456 er saksnummeret"]
