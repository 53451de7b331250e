"""A websocket peer that never reads: a raw socket with a tiny receive buffer, the handshake by hand.

It is what a hung bot backend or a visitor whose browser stopped reading looks like to the server: the
TCP window closes, the server's socket buffer fills, and every further send to it would wait. Frames
are sent masked (as RFC 6455 requires of clients); nothing is read after the handshake.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import struct
from typing import Any
from urllib.parse import urlsplit


class RawPeer:
    def __init__(self, url: str, *, rcvbuf: int = 2048, origin: str | None = None) -> None:
        parts = urlsplit(url)
        assert parts.hostname is not None and parts.port is not None
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Before connect, so that the window the server sees is small from the start.
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.settimeout(10)
        self.sock.connect((parts.hostname, parts.port))
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {parts.path} HTTP/1.1",
            f"Host: {parts.hostname}:{parts.port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        if origin is not None:
            lines.append(f"Origin: {origin}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("closed during the handshake")
            response += chunk
        if not response.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(response.decode(errors="replace"))

    def send(self, frame: dict[str, Any] | str) -> None:
        payload = (frame if isinstance(frame, str) else json.dumps(frame)).encode()
        header = bytearray([0x81])  # FIN, text
        n = len(payload)
        if n < 126:
            header.append(0x80 | n)
        elif n < 1 << 16:
            header.append(0x80 | 126)
            header += struct.pack("!H", n)
        else:
            header.append(0x80 | 127)
            header += struct.pack("!Q", n)
        mask = os.urandom(4)
        header += mask
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + masked)

    def is_closed_by_server(self) -> bool:
        """True once the server has dropped the connection (reading now drains what is left)."""
        self.sock.settimeout(0.2)
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return True
        except (TimeoutError, BlockingIOError):
            return False
        except OSError:
            return True

    def close(self) -> None:
        self.sock.close()
