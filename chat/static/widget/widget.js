/*
 * chatlog chat widget: plain browser JavaScript, no build step, no third-party requests.
 *
 *   const chat = ChatlogWidget.mount(document.getElementById("chat"), {token, lang: "en"});
 *
 * Protocol: docs/protocol.md. Design notes: docs/widget.md. The rules that matter here:
 *  - the token travels only inside the hello frame, never in a URL (URLs end up in proxy logs);
 *  - message text is only ever put into the page with textContent (never innerHTML): bot and adviser
 *    replies are untrusted input;
 *  - a message stays in the outbox (memory and sessionStorage) until its ack, and is re-sent with the
 *    same client_msg_id after a reconnect, so the server's dedupe makes delivery exactly-once;
 *  - nothing is sent anywhere but the gateway: no cookies, no analytics, no CDN.
 */
(function (global) {
  "use strict";

  const MAX_CHARS = 2000;
  const BACKOFF_BASE_MS = 500;
  const BACKOFF_CAP_MS = 30000;
  /* The gateway closes connections silent for its idle timeout (600 s by default); a ping also shows
     us a dead connection that the browser has not noticed yet (laptop lid, mobile network switch). */
  const PING_EVERY_MS = 25000;
  const PONG_TIMEOUT_MS = 10000;
  const HELLO_TIMEOUT_MS = 10000;
  const STORAGE_VERSION = 1;

  /* Close codes the gateway uses (chat/protocol.py). */
  const CLOSE = {
    NORMAL: 1000,
    UNAUTHORIZED: 4401,
    FORBIDDEN: 4403,
    UNKNOWN_SESSION: 4404,
    REPLACED: 4409,
  };

  const STRINGS = {
    nb: {
      title: "Chat med banken",
      anonymous: "Anonym chat",
      authenticated: "Innlogget",
      kindAnonymousHint: "Du er ikke logget inn. Samtalen knyttes ikke til deg.",
      kindAuthenticatedHint: "Du er logget inn. Samtalen lagres i arkivet ditt i nettbanken.",
      noticeHeading: "Personvern",
      connecting: "Kobler til …",
      connected: "Tilkoblet",
      reconnecting: "Forbindelsen ble brutt. Kobler til igjen …",
      offline: "Du er frakoblet. Meldinger sendes når forbindelsen er tilbake.",
      stopped: "Frakoblet",
      ended: "Samtalen er avsluttet.",
      log: "Samtale",
      inputLabel: "Skriv en melding",
      placeholder: "Skriv her …",
      hint: "Enter sender, Shift+Enter gir ny linje.",
      counter: (n, max) => `${n} / ${max} tegn`,
      send: "Send",
      handover: "Be om en rådgiver",
      handoverSent: "Du står i kø for en rådgiver. Noen er med deg snart.",
      handoverWaiting: "Venter på rådgiver …",
      adviserJoined: "En rådgiver har blitt med i samtalen.",
      adviserLeft: "Rådgiveren forlot samtalen. Du er satt tilbake i køen.",
      end: "Avslutt chat",
      newChat: "Start ny samtale",
      retry: "Koble til igjen",
      you: "Du",
      bot: "Chatbot",
      adviser: "Rådgiver",
      other: "Banken",
      sending: "Sender …",
      delivered: "Levert",
      failed: "Ikke sendt",
      tooLong: (n, max) => `Meldingen er for lang (${n} tegn). Den kan være på høyst ${max} tegn.`,
      previousGone: "Den forrige samtalen er ikke lenger tilgjengelig. Vi har startet en ny.",
      errors: {
        too_long: `Meldingen er for lang. Den kan være på høyst ${MAX_CHARS} tegn.`,
        rate_limited: "Du sender meldinger for raskt. Vi prøver igjen om litt.",
        invalid_token: "Innloggingen din er ugyldig. Logg inn på nytt for å chatte som innlogget kunde.",
        expired_token: "Innloggingen din har utløpt. Logg inn på nytt for å fortsette.",
        forbidden: "Du har ikke tilgang til denne samtalen.",
        unknown_session: "Den forrige samtalen er ikke lenger tilgjengelig.",
        store_unavailable: "Meldingen kunne ikke lagres akkurat nå. Vi prøver igjen automatisk.",
        anonymizer_unavailable: "Meldingen kunne ikke behandles akkurat nå. Vi prøver igjen automatisk.",
        session_ended: "Samtalen er avsluttet. Start en ny samtale for å skrive mer.",
        shutting_down: "Tjenesten starter på nytt. Vi kobler til igjen automatisk.",
        replaced: "Samtalen er åpnet i en annen fane eller et annet vindu.",
        connect_failed: "Kunne ikke koble til chatten.",
        generic: "Noe gikk galt. Prøv igjen.",
      },
    },
    en: {
      title: "Chat with the bank",
      anonymous: "Anonymous chat",
      authenticated: "Logged in",
      kindAnonymousHint: "You are not logged in. This chat is not linked to you.",
      kindAuthenticatedHint: "You are logged in. This chat is kept in your online-bank archive.",
      noticeHeading: "Privacy",
      connecting: "Connecting …",
      connected: "Connected",
      reconnecting: "Connection lost. Reconnecting …",
      offline: "You are offline. Messages will be sent when the connection is back.",
      stopped: "Disconnected",
      ended: "The chat has ended.",
      log: "Conversation",
      inputLabel: "Write a message",
      placeholder: "Type here …",
      hint: "Enter sends, Shift+Enter adds a new line.",
      counter: (n, max) => `${n} / ${max} characters`,
      send: "Send",
      handover: "Ask for a human adviser",
      handoverSent: "You are in the queue for an adviser. Someone will be with you shortly.",
      handoverWaiting: "Waiting for an adviser …",
      adviserJoined: "An adviser has joined the chat.",
      adviserLeft: "The adviser left the chat. You are back in the queue.",
      end: "End chat",
      newChat: "Start a new chat",
      retry: "Reconnect",
      you: "You",
      bot: "Chatbot",
      adviser: "Adviser",
      other: "The bank",
      sending: "Sending …",
      delivered: "Delivered",
      failed: "Not sent",
      tooLong: (n, max) => `Your message is too long (${n} characters). The limit is ${max}.`,
      previousGone: "Your previous chat is no longer available. We have started a new one.",
      errors: {
        too_long: `Your message is too long. The limit is ${MAX_CHARS} characters.`,
        rate_limited: "You are sending messages too quickly. We will try again shortly.",
        invalid_token: "Your login is not valid. Log in again to chat as a logged-in customer.",
        expired_token: "Your login has expired. Log in again to continue.",
        forbidden: "You do not have access to this chat.",
        unknown_session: "Your previous chat is no longer available.",
        store_unavailable: "Your message could not be saved just now. We will retry automatically.",
        anonymizer_unavailable: "Your message could not be processed just now. We will retry automatically.",
        session_ended: "The chat has ended. Start a new chat to write more.",
        shutting_down: "The service is restarting. We will reconnect automatically.",
        replaced: "This chat is open in another tab or window.",
        connect_failed: "Could not connect to the chat.",
        generic: "Something went wrong. Please try again.",
      },
    },
  };

  /* Codes after which a message is worth sending again (same client_msg_id) rather than failed. */
  const RETRYABLE = new Set(["store_unavailable", "anonymizer_unavailable", "rate_limited", "shutting_down", "internal"]);

  /* --- small helpers ---------------------------------------------------------------------------- */

  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "className") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key === "hidden") node.hidden = Boolean(value);
        else node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  /* Python's len() counts code points; so must we, or emoji would be counted twice. */
  function charCount(text) {
    let n = 0;
    for (const _ of text) n += 1; // eslint-disable-line no-unused-vars
    return n;
  }

  /* crypto.randomUUID needs a secure context; getRandomValues does not. */
  function newId() {
    const c = global.crypto;
    if (c && typeof c.randomUUID === "function") return c.randomUUID();
    const b = c.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function defaultUrl() {
    const scheme = global.location.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${global.location.host}/ws/chat`;
  }

  /* Accept "wss://host/ws/chat", "https://host" or "/ws/chat"; always end up with a ws(s) URL. */
  function resolveUrl(url) {
    if (!url) return defaultUrl();
    const u = new URL(url, global.location.href);
    if (u.protocol === "http:") u.protocol = "ws:";
    else if (u.protocol === "https:") u.protocol = "wss:";
    if (u.pathname === "/" || u.pathname === "") u.pathname = "/ws/chat";
    return u.toString();
  }

  /* sessionStorage: survives a reload of this tab, gone when the tab closes; never shared across tabs.
     It may be unavailable (privacy modes, sandboxed iframes): the widget then simply cannot resume. */
  class SessionStore {
    constructor(key) {
      this.key = key;
      try {
        this.storage = global.sessionStorage;
      } catch (_) {
        this.storage = null;
      }
    }

    load() {
      if (!this.storage) return null;
      try {
        const data = JSON.parse(this.storage.getItem(this.key) || "null");
        return data && data.v === STORAGE_VERSION ? data : null;
      } catch (_) {
        return null;
      }
    }

    save(data) {
      if (!this.storage) return;
      try {
        this.storage.setItem(this.key, JSON.stringify({ v: STORAGE_VERSION, ...data }));
      } catch (_) {
        /* quota or disabled: resuming after a reload is a convenience, not a requirement */
      }
    }

    clear() {
      if (!this.storage) return;
      try {
        this.storage.removeItem(this.key);
      } catch (_) {
        /* ignore */
      }
    }
  }

  /* --- the widget --------------------------------------------------------------------------------- */

  class Widget {
    constructor(element, options) {
      const opts = options || {};
      this.root = element;
      this.lang = opts.lang === "en" ? "en" : "nb";
      this.t = STRINGS[this.lang];
      this.url = resolveUrl(opts.url);
      this.token = opts.token || null;
      this.maxChars = opts.maxChars || MAX_CHARS;
      this.store = new SessionStore(opts.storageKey || "chatlog.widget");

      this.ws = null;
      this.attempt = 0;
      this.timers = { reconnect: 0, hello: 0, ping: 0, pong: 0, flush: 0 };
      this.status = "connecting";
      this.welcomed = false; // a welcome arrived on the current connection
      this.everWelcomed = false; // the notice has been shown: sending may start
      this.ended = false;
      this.stopped = false;
      this.destroyed = false;

      this.sessionId = null;
      this.kind = null;
      this.state = "bot";
      this.seen = new Set(); // seqs rendered
      this.lastSeq = 0; // every seq <= lastSeq has been seen (the resume point)
      this.own = new Map(); // client_msg_id -> {node, statusNode, seq}
      this.outbox = []; // [{id, text, sentOn}] in send order, until acked

      const saved = this.store.load();
      if (saved && this.canResume(saved)) {
        this.sessionId = saved.session_id;
        this.kind = saved.kind;
        for (const item of saved.outbox || []) this.outbox.push({ id: item.id, text: item.text, sentOn: -1 });
      } else if (saved) {
        this.store.clear();
      }
      this.connectionId = 0;

      this.build();
      for (const item of this.outbox) this.renderOwnPending(item.id, item.text);
      this.onOnline = () => this.backOnline();
      this.onOffline = () => {
        if (!this.ended && !this.stopped) this.setStatus("offline");
      };
      global.addEventListener("online", this.onOnline);
      global.addEventListener("offline", this.onOffline);
      this.connect();
    }

    /* A stored session is resumed only by the same kind of visitor: a logged-in session needs its
       token (the gateway refuses it otherwise), and a visitor who has since logged in starts afresh
       rather than continuing an anonymous chat under their name. */
    canResume(saved) {
      if (!saved.session_id) return false;
      return (saved.kind === "authenticated") === Boolean(this.token);
    }

    /* --- DOM ------------------------------------------------------------------------------------ */

    build() {
      const t = this.t;
      const uid = newId().slice(0, 8);
      this.ids = {
        title: `chatlog-title-${uid}`,
        input: `chatlog-input-${uid}`,
        hint: `chatlog-hint-${uid}`,
        counter: `chatlog-counter-${uid}`,
        notice: `chatlog-notice-${uid}`,
      };
      this.kindBadge = el("span", { className: "chatlog__badge", hidden: true });
      this.statusNode = el("span", { className: "chatlog__status", role: "status", text: t.connecting });
      const header = el("header", { className: "chatlog__header" }, [
        el("h2", { className: "chatlog__title", id: this.ids.title, text: t.title }),
        el("div", { className: "chatlog__meta" }, [this.kindBadge, this.statusNode]),
      ]);

      this.noticeText = el("p", { className: "chatlog__notice-text" });
      this.kindHint = el("p", { className: "chatlog__notice-kind" });
      this.notice = el(
        "section",
        { className: "chatlog__notice", "aria-labelledby": this.ids.notice, hidden: true },
        [el("h3", { className: "chatlog__notice-heading", id: this.ids.notice, text: t.noticeHeading }), this.kindHint,
          this.noticeText],
      );

      this.log = el("ol", { className: "chatlog__log", role: "log", "aria-live": "polite", "aria-label": t.log });
      /* The notice scrolls with the conversation: first thing read, then out of the way. tabindex: a
         scrollable region must be reachable by keyboard to be scrolled without a mouse. */
      this.scroller = el("div", { className: "chatlog__scroll", role: "region", "aria-label": t.log, tabindex: 0 },
        [this.notice, this.log]);
      this.errorNode = el("div", { className: "chatlog__error", role: "alert", "aria-live": "assertive" });

      this.input = el("textarea", {
        className: "chatlog__input",
        id: this.ids.input,
        rows: 2,
        placeholder: t.placeholder,
        "aria-describedby": `${this.ids.hint} ${this.ids.counter}`,
        autocomplete: "off",
        disabled: true,
      });
      this.counter = el("span", { className: "chatlog__counter", id: this.ids.counter, text: t.counter(0, this.maxChars) });
      this.sendButton = el("button", { type: "submit", className: "chatlog__send", text: t.send, disabled: true });
      this.form = el("form", { className: "chatlog__composer", novalidate: true }, [
        el("label", { className: "chatlog__label", for: this.ids.input, text: t.inputLabel }),
        this.input,
        el("div", { className: "chatlog__composer-row" }, [
          el("span", { className: "chatlog__hint", id: this.ids.hint, text: t.hint }),
          this.counter,
          this.sendButton,
        ]),
      ]);

      this.handoverButton = el("button", { type: "button", className: "chatlog__action", text: t.handover, disabled: true });
      this.endButton = el("button", { type: "button", className: "chatlog__action chatlog__action--end", text: t.end,
        disabled: true });
      this.restartButton = el("button", { type: "button", className: "chatlog__action chatlog__action--primary",
        text: t.newChat, hidden: true });
      this.retryButton = el("button", { type: "button", className: "chatlog__action chatlog__action--primary",
        text: t.retry, hidden: true });
      const actions = el("div", { className: "chatlog__actions" },
        [this.handoverButton, this.endButton, this.restartButton, this.retryButton]);

      this.container = el(
        "section",
        { className: "chatlog", lang: this.lang === "en" ? "en" : "nb", "aria-labelledby": this.ids.title },
        [header, this.scroller, this.errorNode, this.form, actions],
      );
      this.root.replaceChildren(this.container);

      this.form.addEventListener("submit", (e) => {
        e.preventDefault();
        this.submit();
      });
      this.input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.submit();
        }
      });
      this.input.addEventListener("input", () => this.updateCounter());
      this.handoverButton.addEventListener("click", () => this.requestHandover());
      this.endButton.addEventListener("click", () => this.end());
      this.restartButton.addEventListener("click", () => this.newSession());
      this.retryButton.addEventListener("click", () => this.retry());
    }

    updateCounter() {
      const n = charCount(this.input.value);
      this.counter.textContent = this.t.counter(n, this.maxChars);
      const over = n > this.maxChars;
      this.counter.classList.toggle("chatlog__counter--over", over);
      this.input.setAttribute("aria-invalid", over ? "true" : "false");
      if (!over && this.errorKind === "too_long") this.clearError();
    }

    setStatus(status) {
      this.status = status;
      const t = this.t;
      const text = { connecting: t.connecting, open: t.connected, reconnecting: t.reconnecting, offline: t.offline,
        ended: t.ended, stopped: t.stopped }[status];
      if (this.statusNode.textContent !== text) this.statusNode.textContent = text;
      this.container.dataset.status = status;
      this.refreshControls();
    }

    refreshControls() {
      const open = this.status === "open" && this.welcomed;
      const usable = this.everWelcomed && !this.ended && !this.stopped;
      this.input.disabled = !usable;
      this.sendButton.disabled = !usable;
      this.handoverButton.disabled = !(open && this.state === "bot");
      this.handoverButton.textContent = this.state === "waiting" ? this.t.handoverWaiting : this.t.handover;
      this.endButton.disabled = !(open && !this.ended);
      this.handoverButton.hidden = this.ended || this.state === "adviser";
      this.endButton.hidden = this.ended;
      this.restartButton.hidden = !this.ended;
      this.retryButton.hidden = !this.stopped || this.ended;
    }

    showError(text, kind) {
      this.errorKind = kind || "generic";
      this.errorNode.textContent = text;
    }

    clearError() {
      this.errorKind = null;
      this.errorNode.textContent = "";
    }

    errorText(code) {
      return this.t.errors[code] || this.t.errors.generic;
    }

    showWelcome(frame) {
      const t = this.t;
      this.kind = frame.kind;
      this.kindBadge.textContent = frame.kind === "authenticated" ? t.authenticated : t.anonymous;
      this.kindBadge.className = `chatlog__badge chatlog__badge--${frame.kind === "authenticated" ? "auth" : "anon"}`;
      this.kindBadge.hidden = false;
      this.kindHint.textContent = frame.kind === "authenticated" ? t.kindAuthenticatedHint : t.kindAnonymousHint;
      this.noticeText.textContent = typeof frame.notice === "string" ? frame.notice : "";
      this.notice.hidden = false;
    }

    isNearBottom() {
      const box = this.scroller;
      return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    }

    /* Messages with a seq are kept in seq order (replays can arrive after live ones); own messages
       still waiting for their ack stay at the bottom. */
    place(node, seq) {
      const stick = this.isNearBottom();
      if (seq === undefined || seq === null) {
        this.log.append(node);
      } else {
        node.dataset.seq = String(seq);
        let before = null;
        for (const child of this.log.children) {
          if (child === node) continue;
          const s = child.dataset.seq;
          if (child.dataset.pending === "true" || (s !== undefined && Number(s) > seq)) {
            before = child;
            break;
          }
        }
        this.log.insertBefore(node, before);
      }
      if (stick) this.scroller.scrollTop = this.scroller.scrollHeight;
    }

    timeText(at) {
      const date = at ? new Date(at) : new Date();
      if (Number.isNaN(date.getTime())) return "";
      return new Intl.DateTimeFormat(this.lang === "en" ? "en-GB" : "nb-NO", { hour: "2-digit", minute: "2-digit" })
        .format(date);
    }

    messageNode(from, text, at) {
      const t = this.t;
      const who = { customer: t.you, bot: t.bot, adviser: t.adviser }[from] || t.other;
      const cls = ["customer", "bot", "adviser"].includes(from) ? from : "other";
      const body = el("p", { className: "chatlog__text" });
      body.textContent = String(text); // never innerHTML: replies are untrusted input
      const time = el("time", { className: "chatlog__time", text: this.timeText(at) });
      if (at) time.setAttribute("datetime", String(at));
      return el("li", { className: `chatlog__msg chatlog__msg--${cls}` }, [
        el("div", { className: "chatlog__msg-meta" }, [el("span", { className: "chatlog__who", text: who }), time]),
        body,
      ]);
    }

    renderOwnPending(id, text) {
      const node = this.messageNode("customer", text, null);
      node.dataset.pending = "true";
      node.dataset.clientMsgId = id;
      const statusNode = el("span", { className: "chatlog__msg-status", text: this.t.sending });
      node.append(statusNode);
      this.own.set(id, { node, statusNode, seq: null });
      this.place(node, null);
    }

    markDelivered(id, seq) {
      const entry = this.own.get(id);
      if (!entry) return;
      if (entry.seq === null) {
        if (this.seen.has(seq)) {
          /* Already shown from a replay that could not say it was ours: an anonymous session's message
             ids are stored only as hashes, so a replay from the store carries none. Keep our own copy. */
          for (const child of [...this.log.children]) {
            if (child !== entry.node && child.dataset.seq === String(seq)) child.remove();
          }
        }
        entry.seq = seq;
        delete entry.node.dataset.pending;
        entry.node.classList.remove("chatlog__msg--failed");
        entry.statusNode.textContent = this.t.delivered;
        entry.statusNode.className = "chatlog__msg-status chatlog__msg-status--delivered";
        this.place(entry.node, seq);
      }
      this.noteSeq(seq);
    }

    markFailed(id, reason) {
      const entry = this.own.get(id);
      this.outbox = this.outbox.filter((m) => m.id !== id);
      this.persist();
      if (!entry || entry.seq !== null) return;
      entry.node.classList.add("chatlog__msg--failed");
      entry.statusNode.textContent = reason ? `${this.t.failed}: ${reason}` : this.t.failed;
      entry.statusNode.className = "chatlog__msg-status chatlog__msg-status--failed";
    }

    systemNote(text) {
      this.place(el("li", { className: "chatlog__system", text }), null);
    }

    /* --- persistence and sequence bookkeeping ---------------------------------------------------- */

    persist() {
      if (!this.sessionId || this.ended) return;
      this.store.save({
        session_id: this.sessionId,
        kind: this.kind,
        last_seq: this.lastSeq,
        outbox: this.outbox.map((m) => ({ id: m.id, text: m.text })),
      });
    }

    /* lastSeq only advances over an unbroken run of seen seqs, so a frame lost between two we did get
       is replayed after a reconnect instead of skipped. */
    noteSeq(seq) {
      if (typeof seq !== "number") return;
      this.seen.add(seq);
      let moved = false;
      while (this.seen.has(this.lastSeq + 1)) {
        this.lastSeq += 1;
        moved = true;
      }
      if (moved) this.persist();
    }

    /* --- connection ------------------------------------------------------------------------------ */

    connect() {
      if (this.destroyed || this.ended || this.stopped) return;
      this.clearTimer("reconnect");
      this.welcomed = false;
      this.setStatus(this.everWelcomed ? "reconnecting" : "connecting");
      let ws;
      try {
        ws = new WebSocket(this.url);
      } catch (_) {
        this.showError(this.t.errors.connect_failed, "connect");
        this.stop();
        return;
      }
      this.ws = ws;
      this.connectionId += 1;
      ws.onopen = () => {
        if (ws !== this.ws) return;
        const hello = { type: "hello", lang: this.lang };
        if (this.token) hello.token = this.token;
        if (this.sessionId) {
          /* After a page reload the conversation is no longer on screen: ask for all of it again. */
          hello.resume = { session_id: this.sessionId, last_seq: this.seen.size ? this.lastSeq : 0 };
        }
        ws.send(JSON.stringify(hello));
        this.setTimer("hello", HELLO_TIMEOUT_MS, () => this.abandon());
      };
      ws.onmessage = (event) => {
        if (ws !== this.ws) return;
        this.clearTimer("pong");
        if (this.welcomed && this.status !== "open") this.setStatus("open");
        let frame;
        try {
          frame = JSON.parse(event.data);
        } catch (_) {
          return;
        }
        if (frame && typeof frame === "object") this.handle(frame);
      };
      ws.onclose = (event) => {
        if (ws !== this.ws) return;
        this.ws = null;
        this.onClosed(event.code);
      };
      ws.onerror = () => {
        /* a close event always follows; it decides what to do */
      };
    }

    /* Give up on a socket the browser still thinks is open (no welcome, no pong): don't wait for the
       TCP timeout, reconnect now. */
    abandon() {
      const ws = this.ws;
      if (!ws) return;
      this.ws = null;
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try {
        ws.close(CLOSE.NORMAL);
      } catch (_) {
        /* ignore */
      }
      this.onClosed(1006);
    }

    onClosed(code) {
      this.welcomed = false;
      this.clearTimer("hello");
      this.clearTimer("ping");
      this.clearTimer("pong");
      for (const item of this.outbox) item.sentOn = -1;
      if (this.destroyed || this.ended) return;
      if (code === CLOSE.UNAUTHORIZED) {
        /* The token is wrong or expired: retrying with it cannot help; the host page must log in again. */
        if (this.errorKind !== "invalid_token" && this.errorKind !== "expired_token") {
          this.showError(this.t.errors.invalid_token, "invalid_token");
        }
        this.stop();
        return;
      }
      if (code === CLOSE.REPLACED) {
        this.showError(this.t.errors.replaced, "replaced");
        this.stop();
        return;
      }
      if (code === CLOSE.UNKNOWN_SESSION || code === CLOSE.FORBIDDEN) {
        /* The stored session expired or is not ours: start a new one (a new notice will be shown). */
        const hadSession = Boolean(this.sessionId);
        this.forgetSession();
        if (hadSession) this.systemNote(this.t.previousGone);
        this.clearError();
        this.attempt = 0;
        this.connect();
        return;
      }
      this.scheduleReconnect(this.restartAnnounced || code === 1012);
    }

    scheduleReconnect(soon) {
      this.clearTimer("reconnect");
      const offline = global.navigator && global.navigator.onLine === false;
      this.setStatus(offline ? "offline" : this.everWelcomed ? "reconnecting" : "connecting");
      this.attempt += 1;
      /* Exponential backoff with full jitter, so a restarted server is not hit by every widget at once. */
      const ceiling = soon ? 2000 : Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (this.attempt - 1));
      const delay = 100 + Math.random() * ceiling;
      this.setTimer("reconnect", delay, () => this.connect());
    }

    /* The browser says the network is back. A socket that survived may be dead all the same (the
       browser does not always notice): prove it with a ping, or reconnect at once. */
    backOnline() {
      if (this.ended || this.stopped || this.destroyed) return;
      if (this.ws) {
        if (this.sendFrame({ type: "ping" })) this.armLiveness();
        return;
      }
      this.attempt = 0;
      this.connect();
    }

    /* Any frame from the gateway proves the connection alive; if none comes after we sent something
       that is always answered (a message, a ping, end), the socket is dead: reconnect and re-send. */
    armLiveness() {
      if (!this.timers.pong) this.setTimer("pong", PONG_TIMEOUT_MS, () => this.abandon());
    }

    stop() {
      this.stopped = true;
      this.clearTimer("reconnect");
      this.setStatus("stopped");
    }

    retry() {
      this.stopped = false;
      this.attempt = 0;
      this.clearError();
      this.connect();
      this.input.focus();
    }

    setTimer(name, ms, fn) {
      this.clearTimer(name);
      this.timers[name] = global.setTimeout(() => {
        this.timers[name] = 0;
        fn();
      }, ms);
    }

    clearTimer(name) {
      if (this.timers[name]) global.clearTimeout(this.timers[name]);
      this.timers[name] = 0;
    }

    schedulePing() {
      this.setTimer("ping", PING_EVERY_MS, () => {
        if (!this.sendFrame({ type: "ping" })) return;
        this.armLiveness();
        this.schedulePing();
      });
    }

    sendFrame(frame) {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(frame));
      return true;
    }

    /* --- frames from the gateway ---------------------------------------------------------------- */

    handle(frame) {
      switch (frame.type) {
        case "welcome":
          return this.onWelcome(frame);
        case "ack":
          return this.onAck(frame);
        case "message":
          return this.onMessage(frame);
        case "adviser_joined":
          this.state = "adviser";
          this.systemNote(this.t.adviserJoined);
          return this.refreshControls();
        case "adviser_left":
          this.state = "waiting";
          this.systemNote(this.t.adviserLeft);
          return this.refreshControls();
        case "ended":
          return this.onEnded();
        case "reconnect":
          /* The server is restarting and will close us with 1012; come back soon, but jittered. */
          this.restartAnnounced = true;
          return undefined;
        case "error":
          return this.onError(frame);
        default:
          return undefined; // pong, and frames added to the protocol later
      }
    }

    onWelcome(frame) {
      this.clearTimer("hello");
      if (this.sessionId && frame.session_id !== this.sessionId) {
        this.seen.clear();
        this.lastSeq = 0;
      }
      this.sessionId = frame.session_id;
      this.state = frame.state || "bot";
      this.welcomed = true;
      this.everWelcomed = true;
      this.attempt = 0;
      this.restartAnnounced = false;
      if (this.errorKind && RETRYABLE.has(this.errorKind)) this.clearError();
      this.showWelcome(frame);
      this.persist();
      this.setStatus("open");
      this.schedulePing();
      this.flushOutbox();
    }

    onAck(frame) {
      const id = frame.client_msg_id;
      this.outbox = this.outbox.filter((m) => m.id !== id);
      this.markDelivered(id, frame.seq);
      this.persist();
    }

    onMessage(frame) {
      const seq = frame.seq;
      if (typeof seq === "number" && this.seen.has(seq)) return;
      if (frame.from === "customer" && frame.client_msg_id && this.own.has(frame.client_msg_id)) {
        /* Our own message, stored before a connection drop swallowed its ack. */
        this.outbox = this.outbox.filter((m) => m.id !== frame.client_msg_id);
        this.markDelivered(frame.client_msg_id, seq);
        this.persist();
        return;
      }
      const node = this.messageNode(frame.from, frame.text ?? "", frame.at);
      if (frame.from === "customer" && frame.client_msg_id) {
        this.own.set(frame.client_msg_id, { node, statusNode: null, seq });
      }
      this.place(node, seq);
      this.noteSeq(seq);
    }

    onEnded() {
      this.ended = true;
      this.state = "ended";
      for (const item of [...this.outbox]) this.markFailed(item.id, null);
      this.store.clear();
      this.systemNote(this.t.ended);
      this.clearTimer("ping");
      this.clearTimer("pong");
      this.clearTimer("reconnect");
      this.setStatus("ended");
      this.restartButton.focus();
    }

    onError(frame) {
      const code = String(frame.code || "generic");
      const id = frame.client_msg_id;
      if (id && this.own.has(id)) {
        if (RETRYABLE.has(code)) {
          const item = this.outbox.find((m) => m.id === id);
          if (item) item.sentOn = -1;
          this.scheduleFlush();
        } else {
          this.markFailed(id, code === "too_long" ? this.t.errors.too_long : null);
        }
      } else if (code === "rate_limited") {
        /* The flood guard refuses before reading the frame, so we do not know which one: resend all. */
        for (const item of this.outbox) item.sentOn = -1;
        this.scheduleFlush();
      }
      if (code === "session_ended") this.onEnded();
      if (code === "idle_timeout") return; // we reconnect by ourselves; nothing for the customer to do
      this.showError(this.errorText(code), code);
    }

    /* --- sending ------------------------------------------------------------------------------- */

    submit() {
      const text = this.input.value;
      if (!text.trim()) return;
      if (this.send(text) !== null) {
        this.input.value = "";
        this.updateCounter();
      }
      this.input.focus();
    }

    send(text) {
      if (this.ended || this.stopped || !this.everWelcomed) return null;
      const n = charCount(text);
      if (n > this.maxChars) {
        this.showError(this.t.tooLong(n, this.maxChars), "too_long");
        this.input.setAttribute("aria-invalid", "true");
        return null;
      }
      if (!text.trim()) return null;
      if (this.errorKind === "too_long") this.clearError();
      const id = newId();
      this.outbox.push({ id, text, sentOn: -1 });
      this.renderOwnPending(id, text);
      this.persist();
      this.flushOutbox();
      return id;
    }

    flushOutbox() {
      if (!this.welcomed) return;
      for (const item of this.outbox) {
        if (item.sentOn === this.connectionId) continue;
        if (!this.sendFrame({ type: "message", client_msg_id: item.id, text: item.text })) return;
        item.sentOn = this.connectionId;
        this.armLiveness();
      }
    }

    scheduleFlush() {
      this.attempt += 1;
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(this.attempt, 10));
      this.setTimer("flush", 200 + Math.random() * ceiling, () => this.flushOutbox());
    }

    requestHandover() {
      if (this.state !== "bot") return;
      if (this.sendFrame({ type: "handover_request" })) {
        this.state = "waiting";
        this.systemNote(this.t.handoverSent);
        this.refreshControls();
        this.input.focus();
      }
    }

    end() {
      if (this.ended) return;
      if (this.sendFrame({ type: "end" })) this.armLiveness();
    }

    forgetSession() {
      this.store.clear();
      this.sessionId = null;
      this.kind = null;
      this.state = "bot";
      this.seen.clear();
      this.lastSeq = 0;
    }

    newSession() {
      if (this.ws) this.abandonQuietly();
      this.forgetSession();
      this.own.clear();
      this.outbox = [];
      this.ended = false;
      this.stopped = false;
      this.everWelcomed = false;
      this.attempt = 0;
      this.log.replaceChildren();
      this.notice.hidden = true;
      this.clearError();
      this.connect();
      this.input.focus();
    }

    abandonQuietly() {
      const ws = this.ws;
      this.ws = null;
      if (!ws) return;
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try {
        ws.close(CLOSE.NORMAL);
      } catch (_) {
        /* ignore */
      }
    }

    destroy() {
      this.destroyed = true;
      for (const name of Object.keys(this.timers)) this.clearTimer(name);
      global.removeEventListener("online", this.onOnline);
      global.removeEventListener("offline", this.onOffline);
      this.abandonQuietly();
      this.root.replaceChildren();
    }
  }

  /* The public surface: a small controller, not the Widget itself. */
  function mount(element, options) {
    if (!(element instanceof global.Element)) throw new TypeError("ChatlogWidget.mount needs a DOM element");
    const w = new Widget(element, options);
    return Object.freeze({
      send: (text) => w.send(String(text)),
      requestHandover: () => w.requestHandover(),
      end: () => w.end(),
      newSession: () => w.newSession(),
      destroy: () => w.destroy(),
      get sessionId() {
        return w.sessionId;
      },
      get kind() {
        return w.kind;
      },
      get status() {
        return w.status;
      },
      get pending() {
        return w.outbox.length;
      },
    });
  }

  global.ChatlogWidget = Object.freeze({ mount, MAX_CHARS });
})(window);
