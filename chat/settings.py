"""The one settings object, read from ``CHATLOG_*`` environment variables.

Everything configurable lives here so that operators have one page to read (the README lists every
field) and tests build a ``Settings(...)`` directly instead of patching the environment.
Secrets are ``SecretStr`` so that they cannot leak through a repr or a log line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from chat.redaction import DEFAULT_DEADLINE_S

DAY = 86_400


class Settings(BaseSettings):
    """Gateway configuration. Defaults give a working development server with no setup."""

    model_config = SettingsConfigDict(env_prefix="CHATLOG_", extra="ignore")

    # --- serving --------------------------------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = Path("var")
    log_level: str = "INFO"
    log_format: Literal["json", "text"] = "json"

    # --- storage --------------------------------------------------------------------------------------
    mongodb_uri: SecretStr | None = None
    mongodb_database: str = "chatlog"
    #: Deadline of one MongoDB operation; an outage is reported to the client (no ack) after this.
    mongodb_timeout_s: float = 5.0
    #: Deadline of the analysts' statistics aggregation.
    mongodb_stats_timeout_s: float = 60.0
    #: Group commit: the writer commits whatever queued during the previous commit; this caps one batch.
    sqlite_max_batch: int = 512
    #: /readyz reports the embedded store not ready below this much free disk space (MiB).
    min_free_disk_mb: int = Field(default=64, ge=0)
    #: ``FULL`` survives power loss, ``NORMAL`` survives a process crash (WAL). See docs/benchmarks.md.
    sqlite_synchronous: Literal["FULL", "NORMAL"] = "FULL"
    #: The write connection's page cache (MiB): each message touches its session's pages in two indexes
    #: and the sessions table, and with SQLite's 2 MB default the writer read them back from the file once
    #: the file outgrew it (issue 11). The process settles up to about this much larger.
    sqlite_cache_mb: int = Field(default=64, ge=2)
    #: The WAL is copied back into the file once it holds this many pages (SQLite's default is 1,000).
    #: A session's hot pages are rewritten by every commit that touches it, and a checkpoint copies each
    #: page once however often it was rewritten: at 4,000 (16 MiB) a commit of 48 messages cost 0.91 ms of
    #: CPU against 1.05 (issue 11, docs/benchmarks.md). The ``-wal`` file stays up to about this size.
    sqlite_checkpoint_pages: int = Field(default=4000, ge=100)
    #: How often the embedded store's sweeper deletes expired data.
    sweep_interval_s: float = 300.0

    # --- several instances (issue 10) ----------------------------------------------------------------
    #: Set: this instance joins the others on the same Redis and they act as one gateway. Unset: a
    #: single instance, and Redis is never imported. ``redis://[:password@]host:6379/0`` or ``rediss://``.
    redis_url: SecretStr | None = None
    #: Prefix of the relay's channels and keys, so that several deployments can share one Redis.
    redis_prefix: str = "chatlog"
    #: How often presence is renewed and the subscription pinged.
    relay_heartbeat_s: float = Field(default=1.0, gt=0)
    #: An instance or agent not renewed for this long is taken for gone (its sessions are re-offered).
    relay_presence_ttl_s: float = Field(default=6.0, gt=0)
    #: Longest wait for other instances' replies (transcript originals, catch-up lists).
    relay_request_timeout_s: float = Field(default=2.0, gt=0)
    #: Envelopes queued for Redis before new ones are dropped (counted; the store has everything).
    relay_queue_max: int = Field(default=10_000, ge=100)

    # --- encryption at rest (logged-in chats) --------------------------------------------------------
    #: Master keys, one ``kid:base64(32 bytes)`` per line, the first current (chat/crypto.py); development
    #: mode creates one under data_dir. Required in production.
    master_keys_file: Path | None = None
    #: Where the wrapped data keys live, apart from the chat data: for the embedded store a file (default
    #: data_dir/keys.db); with MongoDB a database of its own on the same cluster.
    keystore_path: Path | None = None
    keystore_mongodb_database: str = "chatlog_keys"

    # --- case bundles ---------------------------------------------------------------------------------
    #: Ed25519 private key (PEM) that signs case bundles; development mode creates one under data_dir.
    case_signing_key_file: Path | None = None

    # --- audit -----------------------------------------------------------------------------------------
    #: How often the audit chain's head is published to the log and /metrics (its outside anchor).
    audit_head_interval_s: float = Field(default=300.0, gt=0)

    # --- the customer's access log ---------------------------------------------------------------------
    #: Show customers the id of each staff member who read their chats (else only the role).
    access_log_staff_ids: bool = False

    # --- statistics -------------------------------------------------------------------------------------
    #: The bank's own topic model (chat/data/topics.toml is the default): topics and their cues.
    topics_file: Path | None = None

    # --- demo bot -------------------------------------------------------------------------------------
    #: The built-in demo bot (chat/demo_bot), a client of /ws/agent: ``None`` = on in development mode,
    #: off in production. With ``--workers N`` only the first worker runs it.
    demo_bot: bool | None = None
    #: Production only: a file holding a bot token issued by the bank (a production server signs none).
    demo_bot_token_file: Path | None = None

    # --- tokens ---------------------------------------------------------------------------------------
    #: ``None`` = decide: development mode when no public key / JWKS is configured.
    dev_mode: bool | None = None
    jwt_public_key_file: Path | None = None
    #: Key of the hashes that anonymous sessions' message ids are stored as (chat/msgids.py); created
    #: under the data directory when unset. Instances sharing a store must share it.
    message_id_key_file: Path | None = None
    jwks_file: Path | None = None
    jwt_issuer: str = "chatlog-dev"
    jwt_audience: str = "chatlog"
    jwt_algorithms: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["EdDSA", "ES256", "RS256"])
    jwt_leeway_s: int = 30
    #: Longest validity (exp - iat) a token may have; longer ones are refused whatever their signature.
    jwt_max_lifetime_s: int = Field(default=12 * 3600, ge=60)

    # --- websocket limits -----------------------------------------------------------------------------
    #: Empty means: development allows localhost origins only; production must list them.
    allowed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    #: 2000 characters is the banks' own free-text form limit (seed 000).
    max_text_chars: int = 2000
    #: Frames above this are closed by the websocket layer (1009). Kept well above 2000 characters of
    #: escaped JSON so that over-long text gets the documented `too_long` error frame, not a close.
    max_frame_bytes: int = 262_144
    #: Largest HTTP request head (request line and headers); larger requests are refused (431).
    max_header_bytes: int = Field(default=64 * 1024, ge=8 * 1024)
    #: Seconds a connection may take to send a complete request, head and body (after it opened, or
    #: after its last response); then 408 and closed, so idle or trickling sockets cannot hold descriptors.
    head_timeout_s: float = Field(default=10.0, gt=0)
    auth_timeout_s: float = 5.0
    idle_timeout_s: float = 600.0
    ping_interval_s: float = 20.0
    #: Per-connection token bucket: sustained messages per second and burst size.
    rate_per_s: float = 100.0
    rate_burst: int = 200
    #: Consecutive refused messages after which a flooding connection is closed.
    flood_close_after: int = 50
    #: Frames and bytes queued for one peer before it is dropped as too slow (close 4413; it resumes).
    peer_queue_frames: int = Field(default=1000, ge=1)
    peer_queue_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    #: How long a peer may take to accept its close frame before its connection is aborted.
    peer_close_timeout_s: float = Field(default=2.0, gt=0)
    #: Most open websocket connections and live sessions per instance; more are refused (close 1013).
    max_connections: int = Field(default=20_000, ge=1)
    max_live_sessions: int = Field(default=20_000, ge=1)
    #: Memory for one session's live transcript (the originals of an anonymous chat); older messages are
    #: then replayed from the store.
    live_transcript_bytes: int = Field(default=256 * 1024, ge=4096)
    #: How long a session stays in memory after its widget went away (resume then reads the store).
    detached_grace_s: float = Field(default=600.0, ge=0)

    # --- anonymizer -----------------------------------------------------------------------------------
    #: Worker processes for redaction; 0 runs it in a thread in this process (tests, tiny installs).
    anonymizer_workers: int = 1
    anonymizer_max_batch: int = 64
    #: How much evidence redaction of anonymous chats needs: "strict" (when in doubt, redact) or
    #: "balanced"; measured trade-off in docs/benchmarks.md.
    anonymizer_mode: Literal["strict", "balanced"] = "strict"
    #: Most time the anonymizer may spend on one message; a message not done by then is stored as
    #: ``<WITHHELD>`` (nothing of its text), so one hostile text cannot hold the workers every anonymous
    #: chat shares (chat/redaction.py).
    anonymizer_deadline_s: float = Field(default=DEFAULT_DEADLINE_S, gt=0, le=60)

    # --- retention (days; defaults from the source documents) ----------------------------------------
    #: Anonymous and bot-only chat logs: 1 year for statistics and evaluation (seeds 000, 001).
    retention_analytics_days: int = Field(default=365, gt=0)
    #: Logged-in chat visible in the customer's online-bank archive: 3 years (seed 001).
    retention_archive_days: int = Field(default=3 * 365, gt=0)
    #: Any chat a human adviser took part in: 5 years (seed 001).
    retention_adviser_days: int = Field(default=5 * 365, gt=0)
    #: Audit records of staff access.
    retention_audit_days: int = Field(default=10 * 365, gt=0)

    @field_validator("allowed_origins", "jwt_algorithms", mode="before")
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def is_dev(self) -> bool:
        """Development mode: explicitly set, or nothing configured to verify the bank's tokens."""
        if self.dev_mode is not None:
            return self.dev_mode
        return self.jwt_public_key_file is None and self.jwks_file is None

    @property
    def runs_demo_bot(self) -> bool:
        """The demo bot runs when asked for, else in development mode only."""
        return self.is_dev if self.demo_bot is None else self.demo_bot

    @property
    def uses_redis(self) -> bool:
        """Several instances: the relay runs over Redis (an empty value counts as unset)."""
        return self.redis_url is not None and bool(self.redis_url.get_secret_value())

    @property
    def uses_mongodb(self) -> bool:
        return self.mongodb_uri is not None and bool(self.mongodb_uri.get_secret_value())
