"""Personal data in ``client_msg_id`` (issue 8, item 3): an anonymous session's message ids are stored
only as keyed hashes, and idempotency and the widget's reconciliation still work after a restart."""

from __future__ import annotations

from pathlib import Path

from chat.msgids import MessageIdHasher, is_hashed
from chat.services import Services
from tests.gateway.client import client
from tests.servers import Running, make_settings, run_in_thread

FNR = "15089047746"  # a valid fødselsnummer, used (carelessly) as a message id


def services_of(server: Running) -> Services:
    assert server.server is not None
    s: Services = server.server.chat_app.state.services
    return s


def _database_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and p.suffix != ".key")


async def test_an_anonymous_message_id_is_never_stored_as_written(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    settings = make_settings(data_dir)
    with run_in_thread(settings) as running:
        async with client(running.ws + "/ws/chat") as widget:
            session_id = (await widget.hello())["session_id"]
            ack = await widget.say(FNR, "Hei, kortet mitt er sperret")
            assert ack == {"type": "ack", "client_msg_id": FNR, "seq": 1}  # the client gets its own id back
            assert (await widget.say(FNR, "Hei, kortet mitt er sperret"))["seq"] == 1  # a retry: same ack
        s = services_of(running)
        stored = await s.store.get_messages(session_id, now=s.clock())
        assert [m.seq for m in stored] == [1]
        assert stored[0].client_msg_id is not None and is_hashed(stored[0].client_msg_id)
        assert FNR not in stored[0].client_msg_id
    assert FNR.encode() not in _database_bytes(data_dir)

    # After a restart nothing of the session is in memory: the replay cannot carry the id (it is not
    # stored), and a resent message is still recognised by its hash and gets its first ack.
    with run_in_thread(settings) as running:
        async with client(running.ws + "/ws/chat") as widget:
            welcome = await widget.hello(resume={"session_id": session_id, "last_seq": 0})
            assert welcome["session_id"] == session_id
            replayed = await widget.recv_type("message")
            assert replayed["seq"] == 1 and replayed["from"] == "customer" and "client_msg_id" not in replayed
            assert (await widget.say(FNR, "Hei, kortet mitt er sperret"))["seq"] == 1
            second = await widget.say("m2", "Takk")
            assert second["seq"] == 2
    assert FNR.encode() not in _database_bytes(data_dir)


async def test_a_logged_in_session_keeps_its_ids(server: Running) -> None:
    async with client(server.ws + "/ws/chat") as widget:
        w = await widget.hello(token=server.customer_token("cust-7"))
        assert (await widget.say("my-id-1", "Hei"))["seq"] == 1
    s = services_of(server)
    stored = await s.store.get_messages(w["session_id"], now=s.clock())
    assert stored[0].client_msg_id == "c:my-id-1"


def test_hash_is_keyed_and_per_session(tmp_path: Path) -> None:
    a = MessageIdHasher(b"k" * 32)
    b = MessageIdHasher(b"j" * 32)
    assert a.hash("s1", "c:1") == a.hash("s1", "c:1")
    assert a.hash("s1", "c:1") != a.hash("s2", "c:1")  # the same id in another session
    assert a.hash("s1", "c:1") != b.hash("s1", "c:1")  # another key
    settings = make_settings(tmp_path / "var")
    created = MessageIdHasher.from_settings(settings)
    assert created.hash("s", "x") == MessageIdHasher.from_settings(settings).hash("s", "x")  # reused, not remade
    key_file = tmp_path / "var" / "keys" / "message-ids.key"
    assert key_file.stat().st_mode & 0o077 == 0
