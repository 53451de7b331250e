"""A Node.js client written from docs/protocol.md and docs/api.md (``tests/node/scenario.mjs``, the ``ws``
package) drives the real server: the documents are the contract for clients in other languages, so a
client that follows them and nothing else must get what they promise.

Needs Node.js (20 or newer) and npm: the ``ws`` package is installed into ``tests/node/node_modules`` from
the lock file on the first run (``npm ci``). Without Node.js the test is skipped with that reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from chat.services import Services
from tests.servers import make_settings, run_in_thread

NODE_DIR = Path(__file__).resolve().parent.parent / "node"
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")


def _install_ws() -> None:
    if (NODE_DIR / "node_modules" / "ws").is_dir():
        return
    npm = shutil.which("npm")
    assert npm is not None, "Node.js is installed without npm: cannot install the ws package"
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"npm ci in tests/node failed: {done.stderr[-2000:]}"


def _run_scenario(base: str) -> dict[str, Any]:
    _install_ws()
    done = subprocess.run(
        ["node", str(NODE_DIR / "scenario.mjs"), base], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


async def test_a_node_client_following_the_docs_gets_what_they_promise(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    with run_in_thread(make_settings(data_dir)) as running:
        out = _run_scenario(running.base)
        assert running.server is not None
        services: Services = running.server.chat_app.state.services
        sid = out["welcome"]["session_id"]
        stored = await services.store.get_messages(sid, now=services.clock())

    assert out["botWelcome"] == {"type": "welcome", "agent_id": "node-bot", "role": "bot"}
    welcome = out["welcome"]
    assert welcome["kind"] == "anonymous" and welcome["state"] == "bot" and welcome["notice"]
    assert welcome["availability"]["bots"] >= 1
    assert out["sessionStarted"]["session_id"] == sid and out["sessionStarted"]["kind"] == "anonymous"
    assert "customer_id" not in out["sessionStarted"]

    text = "Hi, my name is Kari Nordmann, call me on 412 34 567"
    assert out["ack1"] == {"type": "ack", "client_msg_id": "node-1", "seq": 1}
    heard = out["botHeard"]
    assert (heard["session_id"], heard["seq"], heard["from"], heard["text"]) == (sid, 1, "customer", text)
    assert out["botAck"] == {"type": "ack", "session_id": sid, "client_msg_id": "bot-1", "seq": 2}
    got = out["widgetGot"]
    assert (got["seq"], got["from"], got["text"]) == (2, "bot", "Thanks, an adviser will call you.")
    assert got["at"].endswith("Z")

    assert out["binaryError"]["code"] == "binary_frame"
    assert out["jsonError"]["code"] == "bad_json"
    assert out["typeError"]["code"] == "unknown_type"
    assert out["pong"] == {"type": "pong"}

    assert out["resumeWelcome"]["session_id"] == sid
    assert [(m["seq"], m["from"]) for m in out["replayed"]] == [(1, "customer"), (2, "bot")]
    assert out["replayed"][0]["text"] == text  # live on this instance: the original, from memory
    assert out["retryAck"] == {"type": "ack", "client_msg_id": "node-1", "seq": 1}
    assert out["ended"] == {"type": "ended", "by": "customer"}
    assert out["endClose"]["code"] == 1000
    assert out["botSessionEnded"]["session_id"] == sid

    # Stored once, and redacted: the name and the number never reached the store.
    assert [m.seq for m in stored] == [1, 2]
    assert "Nordmann" not in stored[0].text and "412 34 567" not in stored[0].text
    blob = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"Nordmann" not in blob and b"412 34 567" not in blob

    assert out["customerWelcome"]["kind"] == "authenticated"
    assert out["customerAck"]["seq"] == 1
    csid = out["customerWelcome"]["session_id"]
    assert out["archiveStatus"] == 200
    assert [s["session_id"] for s in out["archive"]["sessions"]] == [csid]
    assert out["archiveOneStatus"] == 200
    assert [(m["seq"], m["from"], m["text"]) for m in out["archiveOne"]["messages"]] == [
        (1, "customer", "Jeg vil endre adressen min")
    ]
    assert out["otherCustomerStatus"] == 404  # another customer's session: not found, existence not revealed
    assert out["otherCustomerArchive"]["sessions"] == []

    assert out["forgedError"]["code"] == "invalid_token"
    assert out["forgedClose"]["code"] == 4401
