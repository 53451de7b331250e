"""Bounds on what reaches the server before any request does (chat/http_guard.py), and a port that
cannot be had (outside audit, M3, M4 and L2): over raw sockets, against the real uvicorn."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gateway.client import client
from tests.servers import Running, children_of, make_settings, run_in_thread

HEAD_TIMEOUT_S = 0.5


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    settings = make_settings(tmp_path_factory.mktemp("limits") / "var", head_timeout_s=HEAD_TIMEOUT_S)
    with run_in_thread(settings) as running:
        yield running


def _connect(server: Running) -> socket.socket:
    host, port = server.base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def _reply(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes (a reset after its answer counts as closed)."""
    reply = b""
    try:
        while chunk := sock.recv(65536):
            reply += chunk
    except OSError:
        pass
    return reply


def _head(extra: int) -> bytes:
    return b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: " + b"a" * extra + b"\r\n\r\n"


def test_a_head_sent_in_one_write_is_bounded_as_documented(server: Running) -> None:
    limit = server.settings.max_header_bytes
    with _connect(server) as sock:
        sock.sendall(_head(limit - 200))
        assert _reply(sock).startswith(b"HTTP/1.1 200"), "a head just under the limit is served"
    with _connect(server) as sock:
        sock.sendall(_head(limit + 10))  # one write: h11 alone let this through up to ~128 KiB
        assert _reply(sock).startswith(b"HTTP/1.1 431")


def test_a_connection_that_sends_nothing_is_closed(server: Running) -> None:
    with _connect(server) as sock:
        assert _reply(sock).startswith(b"HTTP/1.1 408")  # not held for ever: a file descriptor each


def _trickled(server: Running, start: bytes, byte: bytes) -> bytes:
    """The reply to ``start`` followed by a byte at a time, each well inside the deadline (the whole not)."""
    with _connect(server) as sock:
        sock.sendall(start)
        for _ in range(20):
            try:
                sock.sendall(byte)
            except OSError:
                break
            time.sleep(HEAD_TIMEOUT_S / 5)
        return _reply(sock)


def test_a_trickled_head_is_closed_at_the_deadline(server: Running) -> None:
    assert _trickled(server, b"GET /healthz HTTP/1.1\r\n", b"X").startswith(b"HTTP/1.1 408")


def _post_head(length: int) -> bytes:
    return (b"POST /api/dev/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(length).encode() + b"\r\n\r\n")  # fmt: skip


def test_a_body_that_stops_or_trickles_is_closed_at_the_deadline(server: Running) -> None:
    """The deadline is the whole request's: a head followed by one body byte and silence, or a byte
    at a time, held the descriptor for ever (outside audit 64, F2)."""
    with _connect(server) as sock:
        sock.sendall(_post_head(16_000) + b"{")
        assert _reply(sock).startswith(b"HTTP/1.1 408")
    assert _trickled(server, _post_head(16_000), b" ").startswith(b"HTTP/1.1 408")
    with _connect(server) as sock:  # a whole body in time is served as before
        body = b'{"role": "customer", "subject": "cust-1"}'
        sock.sendall(_post_head(len(body)) + body)
        assert _reply(sock).startswith(b"HTTP/1.1 200")


def test_a_client_leaving_in_the_middle_of_a_body_logs_no_error(
    server: Running, caplog: pytest.LogCaptureFixture
) -> None:
    """At will and without limit, an ERROR line each ("Exception in ASGI application": outside audit
    64, F3); now an info line without anything the client sent."""
    with caplog.at_level("INFO"):
        for _ in range(3):
            with _connect(server) as sock:
                sock.sendall(_post_head(16_000) + b'{"role": "cust')
                time.sleep(HEAD_TIMEOUT_S / 5)
        time.sleep(HEAD_TIMEOUT_S)
    assert not [r for r in caplog.records if r.levelno >= 40], [r.getMessage() for r in caplog.records]
    assert any(r.getMessage() == "client left during the request body" for r in caplog.records)


def test_keep_alive_and_websockets_outlive_the_head_deadline(server: Running) -> None:
    with _connect(server) as sock:
        buffered = b""
        for _ in range(2):  # one connection, two requests, each inside the deadline after the last reply
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            while b"\r\n\r\n" not in buffered:
                buffered += sock.recv(4096)
            head, buffered = buffered.split(b"\r\n\r\n", 1)
            assert head.startswith(b"HTTP/1.1 200")
            length = int(next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:"))[15:])
            while len(buffered) < length:
                buffered += sock.recv(4096)
            buffered = buffered[length:]
            time.sleep(HEAD_TIMEOUT_S / 2)

    async def chat() -> None:
        async with client(server.ws + "/ws/chat") as c:
            await c.hello()
            await asyncio.sleep(HEAD_TIMEOUT_S * 3)
            assert (await c.say("m1", "hei etter fristen"))["seq"] >= 1

    asyncio.run(chat())


@pytest.mark.parametrize("workers", [(), ("--workers", "2")])
def test_serve_on_a_port_in_use_exits_at_once_and_leaves_nothing(tmp_path: Path, workers: tuple[str, ...]) -> None:
    """Also when the port is held by ``SO_REUSEPORT`` sockets (another supervisor's workers), which a
    worker's own bind would share silently."""
    with socket.socket() as taken:
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {
            **os.environ,
            "CHATLOG_DATA_DIR": str(tmp_path / "var"),
            "CHATLOG_DEMO_BOT": "false",
            "CHATLOG_REDIS_URL": "redis://127.0.0.1:9/0",
        }  # --workers needs one; never reached here
        proc = subprocess.Popen(
            [sys.executable, "-m", "chat.cli", "serve", "--host", "127.0.0.1", "--port", str(port), *workers],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 1
        assert f"cannot listen on 127.0.0.1:{port}" in err.decode()
        assert children_of(proc.pid) == []
        assert not (tmp_path / "var").exists() or not any((tmp_path / "var").iterdir()), "nothing started"


def test_a_peer_that_never_answers_our_close_frame_is_dropped_at_our_deadline(tmp_path: Path) -> None:
    """Outside audit, L3: uvicorn waits a fixed 10 s for the answer to a close frame; ours is
    ``CHATLOG_PEER_CLOSE_TIMEOUT_S``. The peer reads everything and never answers: dropped well before
    uvicorn's 10 s (the socket's own timeout, 8 s, would fail this test)."""
    import base64

    settings = make_settings(tmp_path / "var", auth_timeout_s=0.2, peer_close_timeout_s=0.5)
    with run_in_thread(settings) as server, _connect(server) as sock:
        sock.settimeout(8)
        key = base64.b64encode(os.urandom(16)).decode()
        host = server.base.removeprefix("http://")
        sock.sendall(
            f"GET /ws/chat HTTP/1.1\r\nHost: {host}\r\nOrigin: {server.base}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        received = b""
        while chunk := sock.recv(65536):  # no hello: auth_timeout, then our close frame, never answered
            received += chunk
        assert received.startswith(b"HTTP/1.1 101") and b"auth_timeout" in received


@pytest.mark.parametrize(
    "framing",
    [
        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        b"Transfer-Encoding: chunked\r\ncontent-length: 5\r\n",
        b"Content-Length: 5\r\nContent-Length: 6\r\n",  # h11's own 400: closed the same way
    ],
)
def test_a_request_framed_twice_is_refused_and_the_connection_closed(server: Running, framing: bytes) -> None:
    """Outside audit 62, F12: a request with both ``Content-Length`` and ``Transfer-Encoding`` was read
    chunked, answered, and the connection kept, so the bytes after the chunked body were served as a
    second request: a proxy framing by ``Content-Length`` would have passed them on as part of the first
    (request smuggling). RFC 9112 §6.1: refused (400), and the connection closed; nothing else is served."""
    smuggled = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    with _connect(server) as sock:
        sock.settimeout(5)
        sock.sendall(
            b"POST /api/archive/objection HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + framing + b"\r\n0\r\n\r\n" + smuggled
        )
        reply = b""
        while chunk := sock.recv(65536):  # a timeout here: the connection was kept open
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 400"), reply
    assert reply.count(b"HTTP/1.1 ") == 1, reply
    assert b"connection: close" in reply.lower()


def test_a_large_body_refused_unread_is_answered_not_reset(server: Running) -> None:
    """The API refuses a body over its limit without reading it (413). A client that writes the whole
    body before it reads, as urllib and curl without ``Expect`` do, got a reset and never saw the 413:
    the connection was closed with the body unread (outside audit 64, F9). Now it closes lingering."""
    body = b'{"role": "customer", "subject": "' + b"a" * (8 << 20) + b'"}'  # more than the socket buffers hold
    request = urllib.request.Request(
        server.base + "/api/dev/tokens", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    for _ in range(3):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 413
    with _connect(server) as sock:  # the same over a raw socket: head, then the body, then the answer
        sock.sendall(_post_head(len(body)).replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
        sock.sendall(body)
        assert _reply(sock).startswith(b"HTTP/1.1 413")
