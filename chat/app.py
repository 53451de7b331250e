"""The ASGI application factory.

``create_app()`` returns a Starlette app whose lifespan builds the expensive parts once — the store
(and its migrations / indexes), the anonymizer worker pool, the token verifier, the hub — and tears them
down in the right order on shutdown: stop accepting, tell clients to reconnect, then flush the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute

from chat import api, screens
from chat.errors import ChatlogError
from chat.gateway.endpoints import Watchdog, agent_endpoint, chat_endpoint
from chat.gateway.hub import Hub
from chat.metrics import CONTENT_TYPE, Metrics
from chat.msgids import MessageIdHasher
from chat.redaction import Redactor
from chat.redirects import RelativeRedirects
from chat.relay import build_relay
from chat.retention import RetentionPeriods, RetentionPolicy
from chat.services import Services
from chat.settings import Settings
from chat.store.base import Store
from chat.store.factory import build_store
from chat.tasks import stop_tasks
from chat.tokens import TokenVerifier

log = logging.getLogger("chat.app")

#: GIL switch interval for the server process (CPython's default is 0.005).
SWITCH_INTERVAL_S = 0.0001
#: Allocations between two collections of the cyclic collector's youngest generation (CPython's default is
#: 700). Each collection walks the objects of every message in flight (futures, tasks, frames): at N=1,000
#: they are thousands, survive, and are walked again by the older generations' collections. At 700 the
#: collector took 1.8 s of the event loop's ~8 s in a benchmark run (982 young, 89 middle and 9 full
#: collections, freeing 2,400 objects in all: almost nothing here is a cycle); at 10,000, 0.43 s, with
#: the same peak memory (docs/benchmarks.md, issue 11).
GC_YOUNG_THRESHOLD = 10_000


#: Health answers are about this moment: a cached "ready" would keep a load balancer routing to an
#: instance that is down.
_NO_STORE = {"Cache-Control": "no-store"}


async def healthz(request: Request) -> Response:
    """Liveness: the process serves requests (says nothing about the store)."""
    return JSONResponse({"status": "ok"}, headers=_NO_STORE)


async def readyz(request: Request) -> Response:
    """Readiness: the store can take writes now. Load balancers stop routing to us when it cannot."""
    services: Services = request.app.state.services
    if services.hub.shutting_down:
        return JSONResponse({"status": "shutting_down", "store": services.store.name}, status_code=503,
                            headers=_NO_STORE)
    relay = services.relay.status()
    try:
        await services.store.ping()
    except ChatlogError as exc:
        body = {"status": "unavailable", "store": services.store.name, "reason": exc.code, "relay": relay}
        return JSONResponse(body, status_code=503, headers=_NO_STORE)
    # A degraded relay (Redis unreachable) still serves: every message is stored and acked, only frames
    # for peers on other instances wait until those peers resume. Ready, and saying so (issue 10).
    return JSONResponse({"status": "ready", "store": services.store.name, "relay": relay}, headers=_NO_STORE)


async def metrics(request: Request) -> Response:
    services: Services = request.app.state.services
    return Response(services.metrics.render(), media_type=CONTENT_TYPE)


async def _publish_audit_head(services: Services) -> None:
    """The audit chain's head, now and every ``CHATLOG_AUDIT_HEAD_INTERVAL_S``, to the log and /metrics:
    places the database administrator cannot rewrite, from which a bank copies it to WORM storage."""
    last: tuple[int, str] | None = None
    # Until the first record: an explicit empty chain rather than an info metric without labels.
    services.metrics.audit_head.info({"seq": "0", "hash": ""})
    while True:
        try:
            head = await services.store.audit_head()
        except ChatlogError as exc:
            log.warning("audit chain head unreadable", extra={"reason": exc.code})
            head = None
        if head is not None and (head.seq, head.hash) != last:
            last = (head.seq, head.hash)
            services.metrics.audit_head.info({"seq": str(head.seq), "hash": head.hash})
            log.info("audit chain head", extra={"seq": head.seq, "hash": head.hash})
        await asyncio.sleep(services.settings.audit_head_interval_s)


async def _reap_forever(services: Services) -> None:
    """Several instances: hand back to the queue the sessions whose adviser's instance died."""
    interval = services.settings.relay_heartbeat_s * 2
    while True:
        await asyncio.sleep(interval)
        try:
            await services.hub.reap()
        except ChatlogError as exc:  # store unavailable: try again next round
            log.warning("reaper round failed", extra={"reason": exc.code})


def cors_middleware(settings: Settings) -> list[Middleware]:
    """The bank's online-bank front end calls the archive API from its own origin with a bearer token.

    Only the configured origins (``CHATLOG_ALLOWED_ORIGINS``) may; development also allows localhost.
    No cookies are used, so credentials stay off.
    """
    regex = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?" if settings.is_dev else None
    if not settings.allowed_origins and regex is None:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=settings.allowed_origins,
            allow_origin_regex=regex,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
            # The archive page embedded in the online bank names the export file as the server does.
            expose_headers=["Content-Disposition"],
            max_age=600,
        )
    ]


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> Starlette:
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.is_dev:
            log.warning(
                "DEVELOPMENT MODE: tokens are signed with a local key under the data directory; "
                "configure CHATLOG_JWKS_FILE or CHATLOG_JWT_PUBLIC_KEY_FILE for production",
                extra={"dev_mode": True},
            )
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        the_store = store or build_store(settings)
        await the_store.open()
        m = Metrics()
        redactor = Redactor(
            workers=settings.anonymizer_workers,
            max_batch=settings.anonymizer_max_batch,
            mode=settings.anonymizer_mode,
            deadline_s=settings.anonymizer_deadline_s,
            observe=m.anonymizer_latency.observe,
            withheld=m.anonymizer_withheld.inc,
        )
        await redactor.start()
        relay = build_relay(settings)
        services = Services(
            settings=settings,
            store=the_store,
            verifier=TokenVerifier.from_settings(settings),
            policy=RetentionPolicy(RetentionPeriods.from_settings(settings)),
            metrics=m,
            redactor=redactor,
            message_ids=MessageIdHasher.from_settings(settings),
            hub=None,  # type: ignore[arg-type]  # set just below: the hub needs the services
            relay=relay,
        )
        services.hub = Hub(services)
        await relay.start()
        app.state.services = services
        watchdog = Watchdog(settings.idle_timeout_s)
        app.state.watchdog = watchdog
        def sweep_hub() -> None:
            services.hub.sweep(detached_grace_s=settings.detached_grace_s)

        reaper = asyncio.create_task(_reap_forever(services), name="reaper") if relay.multi else None

        watchdog_task = asyncio.create_task(watchdog.run(sweep_hub), name="watchdog")
        anchor_task = asyncio.create_task(_publish_audit_head(services), name="audit-head")
        # Long-lived objects built at start-up never become garbage: keep the collector off them
        # (notes.md: gc.freeze() took 5,000 connections from 16k to 27k msgs/s and halved p99).
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        # The store's writer thread takes the GIL back after each SQLite call (about six a batch) and
        # every ack waits for its batch: with CPython's default 5 ms switch interval a ready writer could
        # wait that long behind the loop thread. 0.1 ms against 0.5 ms, six interleaved pairs at N=100:
        # median 10,080 against 8,616 acked msgs/s, faster in five (issue 11, docs/benchmarks.md).
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        # Which event loop serves: uvloop (a dependency through uvicorn[standard]) costs the gateway less
        # CPU per message than asyncio's own loop; uvicorn falls back to asyncio's without a word.
        loop = type(asyncio.get_running_loop()).__module__.partition(".")[0]
        log.info(
            "ready",
            extra={
                "store": the_store.name,
                "workers": settings.anonymizer_workers,
                "loop": loop,
                "gc_young": gc.get_threshold()[0],
            },
        )
        try:
            yield
        finally:
            await services.hub.shutdown()
            if reaper is not None:
                reaper.cancel()
            await relay.close()
            await stop_tasks([watchdog_task, anchor_task], within_s=2.0, where="app")
            await redactor.close()
            await the_store.close()  # flushes everything already accepted
            log.info("stopped", extra={"store": the_store.name})

    routes: list[BaseRoute] = [
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics),
        WebSocketRoute("/ws/chat", chat_endpoint),
        WebSocketRoute("/ws/agent", agent_endpoint),
        *api.routes(settings),
    ]
    routes += screens.routes(settings)
    middleware = [Middleware(RelativeRedirects), *cors_middleware(settings)]
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.state.settings = settings
    return app
