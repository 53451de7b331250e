"""``chatlog`` command line: serve, token, purge (stable names from the brief)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from chat.errors import ChatlogError
from chat.settings import Settings


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    if args.workers != 1:
        from chat.workers import serve_workers

        return serve_workers(
            settings, host=args.host or settings.host, port=args.port or settings.port, workers=args.workers
        )
    from chat.server import serve

    serve(settings, host=args.host, port=args.port, reuse_port=args.reuse_port)
    return 0


def _token(args: argparse.Namespace, settings: Settings) -> int:
    from chat.tokens import TokenIssuer

    issuer = TokenIssuer.from_settings(settings)
    if args.ttl > settings.jwt_max_lifetime_s:
        print(
            f"chatlog token: --ttl {args.ttl} is longer than the server accepts "
            f"(CHATLOG_JWT_MAX_LIFETIME_S={settings.jwt_max_lifetime_s})",
            file=sys.stderr,
        )
        return 2
    if args.kind == "customer":
        print(issuer.customer(args.id, ttl_s=args.ttl))
    else:
        if args.role is None:
            print("chatlog token staff: --role is required", file=sys.stderr)
            return 2
        print(issuer.staff(args.id, role=args.role, ttl_s=args.ttl))
    return 0


def _purge(args: argparse.Namespace, settings: Settings) -> int:
    from chat.services import utcnow
    from chat.store.factory import build_store

    async def run() -> dict[str, int]:
        store = build_store(settings.model_copy(update={"sweep_interval_s": 0}))
        await store.open()
        try:
            return dict(await store.purge_expired(now=utcnow()))
        finally:
            await store.close()

    counts = asyncio.run(run())
    print(" ".join(f"{name}={count}" for name, count in sorted(counts.items())) or "nothing to purge")
    return 0


def _audit_verify(args: argparse.Namespace, settings: Settings) -> int:
    """Walk the audit chain; exit 1 at the first broken, edited, reordered or missing record, or when a
    head published earlier (``--expect-head SEQ:HASH``, e.g. from the bank's WORM storage) is not in it."""
    from chat.audit_chain import link_at, verify_store
    from chat.store.factory import build_store

    expected: tuple[int, str] | None = None
    if args.expect_head:
        seq_text, _, hash_text = args.expect_head.partition(":")
        if not seq_text.isdigit() or len(hash_text) != 64:
            print("chatlog audit verify: --expect-head is SEQ:HASH (a published head)", file=sys.stderr)
            return 2
        expected = (int(seq_text), hash_text.lower())

    async def run() -> int:
        store = build_store(settings.model_copy(update={"sweep_interval_s": 0}))
        await store.open()
        try:
            verdict = await verify_store(store)
            if not verdict.ok:
                print(f"audit chain BROKEN at record {verdict.broken_at}: {verdict.reason} "
                      f"(last good record {verdict.head_seq}, {verdict.checked} checked)")
                return 1
            if expected is not None:
                link = await link_at(store, expected[0])
                if link is None or link.hash != expected[1]:
                    print(f"audit chain does not contain the published head {expected[0]}: rewritten or cut")
                    return 1
            print(f"audit chain intact: {verdict.checked} records, head {verdict.head_seq} {verdict.head_hash}")
            return 0
        finally:
            await store.close()

    return asyncio.run(run())


def _keys_rotate(args: argparse.Namespace, settings: Settings) -> int:
    """Wrap every data key again with the current master key (the first line of the key file), while
    the servers run: they accept both keys until the old line is removed (docs/operations.md)."""
    from chat.store.encrypted import EncryptingStore
    from chat.store.factory import build_store

    async def run() -> int:
        store = build_store(settings.model_copy(update={"sweep_interval_s": 0}))
        assert isinstance(store, EncryptingStore)
        await store.open()
        try:
            rotated = await store.rotate()
        finally:
            await store.close()
        print(f"rotated {rotated} data keys to master key {store.master.current}")
        return 0

    return asyncio.run(run())


def _case_verify(args: argparse.Namespace, settings: Settings) -> int:
    """Check a case bundle offline: every file as listed and unchanged, the manifest's signature good."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from chat import casebundle

    pinned = None
    if args.public_key:
        key = serialization.load_pem_public_key(args.public_key.read_bytes())
        if not isinstance(key, Ed25519PublicKey):
            print("chatlog case verify: --public-key must be an Ed25519 public key (PEM)", file=sys.stderr)
            return 2
        pinned = key
    verdict = casebundle.verify(args.file.read_bytes(), public_key=pinned)
    if not verdict.ok:
        print(f"case bundle NOT intact: {verdict.reason}")
        return 1
    trust = "the given key" if verdict.pinned else "the key inside the bundle (pin the bank's with --public-key)"
    print(f"case bundle intact: {verdict.files} files, signed by key {verdict.key_id}, checked with {trust}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chatlog", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the websocket gateway and the HTTP API")
    serve.add_argument("--host", default=None, help="bind address (default CHATLOG_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default CHATLOG_PORT or 8000)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="gateway processes on this port, one per core (default 1; more need CHATLOG_REDIS_URL)",
    )
    serve.add_argument("--reuse-port", action="store_true", help=argparse.SUPPRESS)  # one of --workers N
    serve.set_defaults(func=_serve)

    token = sub.add_parser("token", help="print a signed development token")
    token.add_argument("kind", choices=["customer", "staff"])
    token.add_argument("id", help="customer id or staff id (the token's subject)")
    token.add_argument("--role", choices=["adviser", "compliance", "analyst", "bot"], default=None)
    token.add_argument("--ttl", type=int, default=3600, help="lifetime in seconds (default 3600)")
    token.set_defaults(func=_token)

    purge = sub.add_parser("purge", help="delete expired data now (the embedded store's sweeper)")
    purge.set_defaults(func=_purge)

    audit = sub.add_parser("audit", help="the audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="check the audit log's hash chain (exit 1 if broken)")
    verify.add_argument("--expect-head", default=None, metavar="SEQ:HASH",
                        help="a head published earlier that must still be in the chain")
    verify.set_defaults(func=_audit_verify)

    keys = sub.add_parser("keys", help="the master keys of encryption at rest")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    rotate = keys_sub.add_parser("rotate", help="re-wrap every data key with the current master key")
    rotate.set_defaults(func=_keys_rotate)

    case = sub.add_parser("case", help="case bundles (compliance exports)")
    case_sub = case.add_subparsers(dest="case_command", required=True)
    case_verify = case_sub.add_parser("verify", help="check a case bundle offline (exit 1 if not intact)")
    case_verify.add_argument("file", type=Path, help="the .zip from /api/staff/cases/export")
    case_verify.add_argument("--public-key", type=Path, default=None, help="the bank's published key (PEM)")
    case_verify.set_defaults(func=_case_verify)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
        result: int = args.func(args, settings)
        return result
    except ChatlogError as exc:
        print(f"chatlog: {exc.message}", file=sys.stderr)
        return 1
    except ValueError as exc:  # e.g. an invalid subject id or a non-positive --ttl
        print(f"chatlog: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
