"""What the statistics need from a live chat (issue 13), written beside the conversation, never in its way.

Service times: when the customer first wrote and when the first answer came (the moves to ``waiting``,
``adviser`` and ``ended`` are stamped by the store's compare-and-set itself). The topic: computed once a
chat is over (ended, or left and forgotten by the hub) from its customer's *redacted* words: an
anonymous chat's stored text already is; a logged-in chat's is redacted here first, by the same worker
pool, and nothing of it is kept but the topic.

Every write here runs as a background task: a chat never waits for its statistics, and a failure costs
one figure (logged with the session id and the error code, never text), not a message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from chat.errors import ChatlogError
from chat.gateway.live import LiveSession
from chat.services import Services
from chat.topics import TopicModel

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, None]], None]


class Figures:
    def __init__(self, services: Services, spawn: Spawn) -> None:
        self.s = services
        self.spawn = spawn
        self.model = TopicModel.load(services.settings.topics_file)

    def message_stored(self, live: LiveSession, sender: str, at: datetime) -> None:
        """The first customer message, and the first answer after it, of this copy of the session (the
        store keeps the earliest report, so copies on several instances agree)."""
        if sender == "customer":
            if not live.customer_wrote:
                live.customer_wrote = True
                self.spawn(self._times(live.session_id, first_customer_at=at))
        elif live.customer_wrote and not live.answered:
            live.answered = True
            self.spawn(self._times(live.session_id, first_answer_at=at))

    def session_over(self, live: LiveSession) -> None:
        if not live.classified:
            live.classified = True
            self.spawn(self._classify(live.session_id, redact=live.kind == "authenticated"))

    async def _times(self, session_id: str, **times: datetime) -> None:
        try:
            await self.s.store.record_times(session_id, **times)
        except ChatlogError as exc:
            log.warning("service times not recorded", extra={"session_id": session_id, "code": exc.code})

    async def _classify(self, session_id: str, *, redact: bool) -> None:
        s = self.s
        try:
            messages = await s.store.get_messages(session_id, now=s.clock())
            texts = [m.text for m in messages if m.sender == "customer"]
            if redact:
                texts = [(await s.redactor.redact(text)).text for text in texts]
            # Linear in the text, but a long chat is still ~0.1 s of Python: a thread, so that the event
            # loop (and the relay's presence) keeps its turn every switch interval.
            topic = (await asyncio.to_thread(self.model.classify, texts)).topic
            await s.store.set_topic(session_id, topic)
        except ChatlogError as exc:
            log.warning("topic not recorded", extra={"session_id": session_id, "code": exc.code})
            return
        log.info("session topic", extra={"session_id": session_id, "topic": topic})
