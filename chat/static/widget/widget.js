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
  /* An outage should not leave a customer waiting half a minute after the service is back. */
  const BACKOFF_CAP_MS = 10000;
  /* The gateway closes connections silent for its idle timeout (600 s by default); a ping also shows
     us a dead connection that the browser has not noticed yet (laptop lid, mobile network switch). */
  const PING_EVERY_MS = 25000;
  const PONG_TIMEOUT_MS = 10000;
  const HELLO_TIMEOUT_MS = 10000;
  /* Disconnected this long: say so loudly (role=alert) and offer to try again at once. */
  const OUTAGE_ALERT_MS = 10000;
  /* A delivered message with no answer from the bot this long, or a wait for an adviser this long:
     tell the customer nobody is answering and how else to reach the bank. */
  const REPLY_TIMEOUT_MS = 15000;
  const ADVISER_TIMEOUT_MS = 30000;
  const STORAGE_VERSION = 1;
  const SVG_NS = "http://www.w3.org/2000/svg";

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
      idle: "Ikke startet",
      idleIntro: "Trykk «Start chat» for å begynne. Før du skriver, får du se hvordan samtalen lagres.",
      startChat: "Start chat",
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
      handoverSent: "Du står i kø for en rådgiver.",
      handoverByBot: "Chatboten har satt deg i kø for en rådgiver.",
      waiting: "Venter på rådgiver …",
      cancelWaiting: "Avbryt ventingen",
      handoverCancelled: "Du venter ikke lenger på en rådgiver. Chatboten svarer igjen.",
      adviserJoined: "En rådgiver har blitt med i samtalen.",
      adviserLeft: "Rådgiveren forlot samtalen. Du er satt tilbake i køen.",
      nobodyBot: "Ingen svarer i chatten akkurat nå.",
      nobodyAdviser: "Ingen rådgivere er ledige akkurat nå.",
      alternatives: "Andre måter å nå oss på: ",
      contact: "ring banken",
      tryLater: "Du kan også prøve chatten igjen senere.",
      waitOrCancel: "Du kan vente videre eller avbryte ventingen.",
      outage: "Vi får ikke kontakt med chatten. Det du skriver, sendes når forbindelsen er tilbake.",
      retryNow: "Prøv igjen nå",
      end: "Avslutt chat",
      newChat: "Start ny samtale",
      newAnonymousChat: "Start ny anonym samtale",
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
        invalid_token:
          "Innloggingen din er ugyldig eller har utløpt. Logg inn på nytt her på siden for å chatte som " +
          "innlogget kunde. Du kan også starte en ny, anonym samtale.",
        expired_token:
          "Innloggingen din har utløpt. Logg inn på nytt her på siden for å chatte som innlogget kunde. " +
          "Du kan også starte en ny, anonym samtale.",
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
      idle: "Not started",
      idleIntro: "Press “Start chat” to begin. Before you write, you will see how the chat is stored.",
      startChat: "Start chat",
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
      handoverSent: "You are in the queue for an adviser.",
      handoverByBot: "The chatbot has put you in the queue for an adviser.",
      waiting: "Waiting for an adviser …",
      cancelWaiting: "Stop waiting",
      handoverCancelled: "You are no longer waiting for an adviser. The chatbot answers again.",
      adviserJoined: "An adviser has joined the chat.",
      adviserLeft: "The adviser left the chat. You are back in the queue.",
      nobodyBot: "Nobody is answering the chat right now.",
      nobodyAdviser: "No adviser is available right now.",
      alternatives: "Other ways to reach us: ",
      contact: "call the bank",
      tryLater: "You can also try the chat again later.",
      waitOrCancel: "You can keep waiting or stop waiting.",
      outage: "We cannot reach the chat. What you write will be sent when the connection is back.",
      retryNow: "Try again now",
      end: "End chat",
      newChat: "Start a new chat",
      newAnonymousChat: "Start a new anonymous chat",
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
        invalid_token:
          "Your login is not valid or has expired. Log in again on this page to chat as a logged-in " +
          "customer. You can also start a new, anonymous chat.",
        expired_token:
          "Your login has expired. Log in again on this page to chat as a logged-in customer. " +
          "You can also start a new, anonymous chat.",
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

  /* An option given as one string, or per language as {nb: "…", en: "…"}. */
  function localized(value, lang) {
    if (typeof value === "string" && value.trim()) return value.trim();
    if (value && typeof value === "object" && typeof value[lang] === "string" && value[lang].trim()) {
      return value[lang].trim();
    }
    return null;
  }

  /* Only links a bank would put next to "call us": never javascript: or data: URLs. */
  function safeHref(href) {
    return typeof href === "string" && /^(tel:|mailto:|https:)/i.test(href.trim()) ? href.trim() : null;
  }

  /* A padlock drawn inline (no emoji font needed, nothing fetched); hidden from screen readers, the
     badge's text says the same. */
  function lockIcon() {
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("class", "chatlog__badge-icon");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "12");
    svg.setAttribute("height", "12");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("fill-rule", "evenodd");
    path.setAttribute(
      "d",
      "M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5" +
        "A3.5 3.5 0 0 0 8 1zM6 7V4.5a2 2 0 1 1 4 0V7H6z",
    );
    svg.append(path);
    return svg;
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
      this.contact = localized(opts.contact, this.lang) || this.t.contact;
      this.contactHref = safeHref(opts.contactHref);
      this.openingHours = localized(opts.openingHours, this.lang);
      this.onLoginRequired = typeof opts.onLoginRequired === "function" ? opts.onLoginRequired : null;

      this.ws = null;
      this.attempt = 0;
      this.timers = { reconnect: 0, hello: 0, ping: 0, pong: 0, flush: 0, outage: 0, reply: 0, adviser: 0 };
      this.status = "idle";
      this.started = false; // the visitor started (or is resuming) a chat: a session may exist
      this.welcomed = false; // a welcome arrived on the current connection
      this.everWelcomed = false; // the notice has been shown: sending may start
      this.ended = false;
      this.stopped = false;
      this.authFailed = false; // the gateway refused the token (4401): only the host page can fix it
      this.destroyed = false;
      this.focusOnWelcome = false; // move focus to the text box once it is usable
      this.outage = false; // the "cannot reach the chat" alert is shown
      this.nobody = false; // nobody is answering: say so and offer other ways to reach the bank
      this.availability = null; // {bots, advisers} from welcome / availability
      this.follow = true; // keep the newest message in view (false once the reader scrolled up)
      this.noticeFolded = false;

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
        if (this.started && !this.ended && !this.stopped) this.setStatus("offline");
      };
      global.addEventListener("online", this.onOnline);
      global.addEventListener("offline", this.onOffline);
      /* autoStart: false waits for the visitor to press "Start chat", so a page that only shows the
         widget creates no session; a chat already under way in this tab is resumed all the same. */
      if (opts.autoStart !== false || this.sessionId) this.start();
      else this.setStatus("idle");
    }

    /* A stored session is resumed only by the same kind of visitor: a logged-in session needs its
       token (the gateway refuses it otherwise), and a visitor who has since logged in starts afresh
       rather than continuing an anonymous chat under their name. */
    canResume(saved) {
      if (!saved.session_id) return false;
      return (saved.kind === "authenticated") === Boolean(this.token);
    }

    start() {
      if (this.started || this.destroyed) return;
      this.started = true;
      this.idleNode.hidden = true;
      this.connect();
    }

    /* "Start chat" and "Start ny samtale" disappear when pressed; the text box they lead to becomes
       usable only once the notice is on screen. Until then focus waits in the conversation region,
       never on <body>. */
    startFromButton(fn) {
      this.focusOnWelcome = true;
      fn();
      if (this.input.disabled) this.scroller.focus();
      else this.input.focus();
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
        error: `chatlog-error-${uid}`,
      };
      this.badgeText = el("span", { className: "chatlog__badge-text" });
      this.kindBadge = el("span", { className: "chatlog__badge", hidden: true }, [this.badgeText]);
      this.statusNode = el("span", { className: "chatlog__status", role: "status", text: t.idle });
      const header = el("header", { className: "chatlog__header" }, [
        el("h2", { className: "chatlog__title", id: this.ids.title, text: t.title }),
        el("div", { className: "chatlog__meta" }, [this.kindBadge, this.statusNode]),
      ]);

      this.idleNode = el("p", { className: "chatlog__idle", text: t.idleIntro });
      this.noticeText = el("p", { className: "chatlog__notice-text" });
      this.kindHint = el("p", { className: "chatlog__notice-kind" });
      /* A disclosure: open when the session starts, foldable afterwards (and folded by itself once the
         customer writes, when it would otherwise fill most of a short conversation area). */
      this.noticeDetails = el("details", { className: "chatlog__notice-details", open: true }, [
        el("summary", { className: "chatlog__notice-heading", id: this.ids.notice, text: t.noticeHeading }),
        this.kindHint,
        this.noticeText,
      ]);
      this.notice = el("div", { className: "chatlog__notice", hidden: true }, [this.noticeDetails]);

      this.log = el("ol", { className: "chatlog__log" });
      /* The scroll region is the live log: new messages, and the privacy notice when a session starts,
         are announced politely. The list inside stays a list (role=log on the <ol> would remove its
         list semantics). tabindex: a scrollable region must be reachable by keyboard. */
      this.scroller = el(
        "div",
        { className: "chatlog__scroll", role: "log", "aria-live": "polite", "aria-label": t.log, tabindex: 0 },
        [this.idleNode, this.notice, this.log],
      );
      this.scroller.addEventListener("scroll", () => {
        this.follow = this.isNearBottom();
      }, { passive: true });
      if (typeof global.ResizeObserver === "function") {
        /* The area shrinks when a notice appears above the text box: keep the newest message in view. */
        this.resizeObserver = new global.ResizeObserver(() => {
          if (this.follow && this.log.children.length) this.scrollToEnd();
        });
        this.resizeObserver.observe(this.scroller);
        this.resizeObserver.observe(this.log);
      }

      /* Waiting for an adviser / nobody answering. The status node is always in the page (a live
         region must exist before its text changes to be announced). */
      this.waitingLine = el("p", { className: "chatlog__waiting", text: t.waiting, hidden: true });
      this.nobodyNode = el("div", { className: "chatlog__nobody", role: "status" });
      this.cancelButton = el("button", { type: "button", className: "chatlog__action", text: t.cancelWaiting,
        hidden: true });
      this.banner = el("div", { className: "chatlog__banner" }, [this.waitingLine, this.nobodyNode, this.cancelButton]);

      this.outageText = el("p", { className: "chatlog__outage-text", role: "alert" });
      this.retryNowButton = el("button", { type: "button", className: "chatlog__action chatlog__action--primary",
        text: t.retryNow, hidden: true });
      this.outageNode = el("div", { className: "chatlog__outage" }, [this.outageText, this.retryNowButton]);

      this.errorNode = el("div", { className: "chatlog__error", id: this.ids.error, role: "alert",
        "aria-live": "assertive" });

      this.input = el("textarea", {
        className: "chatlog__input",
        id: this.ids.input,
        rows: 2,
        placeholder: t.placeholder,
        "aria-describedby": `${this.ids.hint} ${this.ids.counter}`,
        "aria-invalid": "false",
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
      this.startButton = el("button", { type: "button", className: "chatlog__action chatlog__action--primary",
        text: t.startChat, hidden: true });
      this.restartButton = el("button", { type: "button", className: "chatlog__action chatlog__action--primary",
        text: t.newChat, hidden: true });
      this.anonymousButton = el("button", { type: "button", className: "chatlog__action chatlog__action--primary",
        text: t.newAnonymousChat, hidden: true });
      this.retryButton = el("button", { type: "button", className: "chatlog__action chatlog__action--primary",
        text: t.retry, hidden: true });
      const actions = el("div", { className: "chatlog__actions" }, [this.handoverButton, this.endButton,
        this.startButton, this.restartButton, this.anonymousButton, this.retryButton]);

      this.container = el(
        "section",
        { className: "chatlog", lang: this.lang === "en" ? "en" : "nb", "aria-labelledby": this.ids.title },
        [header, this.scroller, this.banner, this.outageNode, this.errorNode, this.form, actions],
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
      this.cancelButton.addEventListener("click", () => this.cancelHandover());
      this.endButton.addEventListener("click", () => this.end());
      this.startButton.addEventListener("click", () => this.startFromButton(() => this.start()));
      this.restartButton.addEventListener("click", () => this.startFromButton(() => this.newSession()));
      this.anonymousButton.addEventListener("click", () => this.startFromButton(() => this.newAnonymousSession()));
      this.retryButton.addEventListener("click", () => this.retry());
      this.retryNowButton.addEventListener("click", () => this.retryNow());
    }

    updateCounter() {
      const n = charCount(this.input.value);
      this.counter.textContent = this.t.counter(n, this.maxChars);
      const over = n > this.maxChars;
      this.counter.classList.toggle("chatlog__counter--over", over);
      if (!over && this.errorKind === "too_long") this.clearError();
      else this.markInvalid(over || this.errorKind === "too_long");
    }

    /* The too-long error is tied to the text box: invalid, and described by the error text. */
    markInvalid(invalid) {
      this.input.setAttribute("aria-invalid", invalid ? "true" : "false");
      const ids = [this.ids.hint, this.ids.counter];
      if (invalid && this.errorKind === "too_long") ids.push(this.ids.error);
      this.input.setAttribute("aria-describedby", ids.join(" "));
    }

    setStatus(status) {
      this.status = status;
      const t = this.t;
      const text = { idle: t.idle, connecting: t.connecting, open: t.connected, reconnecting: t.reconnecting,
        offline: t.offline, ended: t.ended, stopped: t.stopped }[status];
      if (this.statusNode.textContent !== text) this.statusNode.textContent = text;
      this.container.dataset.status = status;
      this.refreshControls();
    }

    refreshControls() {
      const focused = global.document.activeElement;
      const open = this.status === "open" && this.welcomed;
      const usable = this.everWelcomed && !this.ended && !this.stopped;
      const waiting = this.state === "waiting" && !this.ended;
      this.input.disabled = !usable;
      this.sendButton.disabled = !usable;
      this.handoverButton.disabled = !(open && this.state === "bot");
      this.handoverButton.hidden = !this.started || this.ended || this.authFailed || this.state !== "bot";
      this.cancelButton.hidden = !waiting || this.stopped;
      this.cancelButton.disabled = !open;
      this.endButton.disabled = !(open && !this.ended);
      this.endButton.hidden = !this.started || this.ended || this.authFailed;
      this.startButton.hidden = this.started;
      this.restartButton.hidden = !this.ended;
      this.anonymousButton.hidden = !this.authFailed || this.ended;
      this.retryButton.hidden = !this.stopped || this.ended || this.authFailed;
      this.retryNowButton.hidden = !this.outage;
      this.refreshBanner();
      /* A button that just disappeared must not take the keyboard focus down with it. */
      if (focused && focused !== global.document.body && this.container.contains(focused) &&
          (focused.hidden || focused.disabled)) {
        this.rescueFocus();
      }
    }

    rescueFocus() {
      if (!this.input.disabled) this.input.focus();
      else if (!this.restartButton.hidden) this.restartButton.focus();
      else this.scroller.focus();
    }

    /* "Waiting for an adviser" and "nobody is answering" with the other ways to reach the bank. */
    refreshBanner() {
      const t = this.t;
      const waiting = this.state === "waiting" && !this.ended && this.started;
      const nobody = this.nobody && this.started && !this.ended && this.state !== "adviser" && !this.authFailed;
      this.waitingLine.hidden = !waiting;
      this.banner.classList.toggle("chatlog__banner--on", waiting || nobody);
      const key = nobody ? (waiting ? "adviser" : "bot") : "";
      if (key === this.nobodyKey) return;
      this.nobodyKey = key;
      if (!key) {
        this.nobodyNode.replaceChildren();
        return;
      }
      const contact = this.contactHref
        ? el("a", { className: "chatlog__contact", href: this.contactHref, text: this.contact })
        : el("span", { className: "chatlog__contact", text: this.contact });
      const lines = [
        el("p", { className: "chatlog__nobody-title", text: key === "adviser" ? t.nobodyAdviser : t.nobodyBot }),
        el("p", {}, [t.alternatives, contact, "."]),
      ];
      if (this.openingHours) lines.push(el("p", { text: this.openingHours }));
      lines.push(el("p", { text: key === "adviser" ? t.waitOrCancel : t.tryLater }));
      this.nobodyNode.replaceChildren(...lines);
    }

    setNobody(on) {
      if (this.nobody === on) return;
      this.nobody = on;
      this.refreshBanner();
    }

    showError(text, kind) {
      this.errorKind = kind || "generic";
      this.errorNode.textContent = text;
    }

    clearError() {
      const wasTooLong = this.errorKind === "too_long";
      this.errorKind = null;
      this.errorNode.textContent = "";
      if (wasTooLong) this.markInvalid(charCount(this.input.value) > this.maxChars);
    }

    errorText(code) {
      return this.t.errors[code] || this.t.errors.generic;
    }

    showWelcome(frame) {
      const t = this.t;
      const auth = frame.kind === "authenticated";
      this.kind = frame.kind;
      this.badgeText.textContent = auth ? t.authenticated : t.anonymous;
      this.kindBadge.className = `chatlog__badge chatlog__badge--${auth ? "auth" : "anon"}`;
      this.kindBadge.replaceChildren(...(auth ? [lockIcon(), this.badgeText] : [this.badgeText]));
      this.kindBadge.hidden = false;
      /* Only changed text is written: the notice sits in the live log, and a reconnect must not have
         it read out again. */
      const hint = auth ? t.kindAuthenticatedHint : t.kindAnonymousHint;
      const notice = typeof frame.notice === "string" ? frame.notice : "";
      if (this.kindHint.textContent !== hint) this.kindHint.textContent = hint;
      if (this.noticeText.textContent !== notice) this.noticeText.textContent = notice;
      this.notice.hidden = false;
    }

    /* Once the customer writes, a notice taller than 60 % of the conversation area folds away (it can
       be opened again); on a tall screen it simply scrolls up with the conversation. */
    foldNoticeIfCrowding() {
      if (this.noticeFolded) return;
      this.noticeFolded = true;
      if (this.notice.offsetHeight > this.scroller.clientHeight * 0.6) this.noticeDetails.open = false;
    }

    isNearBottom() {
      const box = this.scroller;
      const slack = Math.max(16, Math.min(80, box.clientHeight / 4));
      return box.scrollHeight - box.scrollTop - box.clientHeight <= slack;
    }

    scrollToEnd() {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    }

    /* Messages with a seq are kept in seq order (replays can arrive after live ones); own messages
       still waiting for their ack stay at the bottom. New messages are scrolled into view unless the
       reader scrolled up to read back (this.follow, kept by the scroll listener); the customer's own
       message always brings the conversation back to the end. */
    place(node, seq, own) {
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
      if (own) this.follow = true;
      if (this.follow) this.scrollToEnd();
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
      this.place(node, null, true);
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
      if (this.destroyed || this.ended || this.stopped || !this.started) return;
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
      /* Covers the handshake too: a connection attempt that hangs (no answer at all) is given up. */
      this.setTimer("hello", HELLO_TIMEOUT_MS, () => this.abandon());
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
      this.cancelPending = false;
      this.clearTimer("hello");
      this.clearTimer("ping");
      this.clearTimer("pong");
      for (const item of this.outbox) item.sentOn = -1;
      if (this.destroyed || this.ended) return;
      if (code === CLOSE.UNAUTHORIZED) {
        /* The token is wrong or expired: retrying with it cannot help, so no "reconnect" is offered;
           the host page must log in again. Continuing anonymously is a new chat, chosen explicitly. */
        if (this.errorKind !== "invalid_token" && this.errorKind !== "expired_token") {
          this.showError(this.t.errors.invalid_token, "invalid_token");
        }
        this.authFailed = true;
        this.stop();
        if (this.onLoginRequired) {
          try {
            this.onLoginRequired(this.errorKind);
          } catch (_) {
            /* the host page's problem */
          }
        }
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
      if (!this.outage && !this.timers.outage) this.setTimer("outage", OUTAGE_ALERT_MS, () => this.showOutage(true));
    }

    showOutage(on) {
      if (!on) this.clearTimer("outage");
      if (this.outage === on) return;
      this.outage = on;
      this.outageText.textContent = on ? this.t.outage : "";
      this.outageNode.classList.toggle("chatlog__outage--on", on);
      this.refreshControls();
    }

    /* "Try again now": skip the rest of the backoff. */
    retryNow() {
      if (this.ended || this.stopped || this.destroyed) return;
      this.attempt = 0;
      this.clearTimer("reconnect");
      this.clearTimer("hello");
      if (this.ws) {
        const ws = this.ws;
        this.ws = null;
        ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
        try {
          ws.close(CLOSE.NORMAL);
        } catch (_) {
          /* ignore */
        }
      }
      this.connect();
    }

    /* The browser says the network is back. A socket that survived may be dead all the same (the
       browser does not always notice): prove it with a ping, or reconnect at once. */
    backOnline() {
      if (this.ended || this.stopped || this.destroyed || !this.started) return;
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
      this.clearTimer("reply");
      this.clearTimer("adviser");
      this.showOutage(false);
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

    /* --- who is answering ----------------------------------------------------------------------- */

    /* A delivered message the bot has not answered within REPLY_TIMEOUT_MS: nobody is answering. */
    expectReply() {
      if (this.state !== "bot" || this.timers.reply) return;
      this.setTimer("reply", REPLY_TIMEOUT_MS, () => {
        if (this.state === "bot" && !this.ended) this.setNobody(true);
      });
    }

    /* Waiting for an adviser: nobody has joined within ADVISER_TIMEOUT_MS, say so. */
    expectAdviser() {
      this.clearTimer("reply");
      if (this.timers.adviser) return;
      this.setTimer("adviser", ADVISER_TIMEOUT_MS, () => {
        if (this.state === "waiting" && !this.ended) this.setNobody(true);
      });
    }

    answered() {
      this.clearTimer("reply");
      if (this.state !== "waiting") this.setNobody(false);
    }

    enterWaiting(by) {
      if (this.state === "waiting" || this.state === "adviser" || this.ended) return;
      this.state = "waiting";
      this.systemNote(by === "bot" ? this.t.handoverByBot : this.t.handoverSent);
      this.setNobody(false); // the availability frame that follows says whether an adviser is there
      this.expectAdviser();
      this.refreshControls();
    }

    noteAvailability(value) {
      if (!value || typeof value !== "object") return;
      const count = (n) => (typeof n === "number" && n >= 0 ? n : null);
      this.availability = { bots: count(value.bots), advisers: count(value.advisers) };
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
        case "waiting":
          /* The customer asked (already shown when the button was pressed), or the bot handed over. */
          this.enterWaiting(frame.by === "bot" ? "bot" : "customer");
          return this.expectAdviser();
        case "availability":
          this.noteAvailability(frame);
          if (this.state === "waiting") this.setNobody(this.availability.advisers === 0);
          return undefined;
        case "handover_cancelled":
          return this.onHandoverCancelled();
        case "adviser_joined":
          this.state = "adviser";
          this.clearTimer("adviser");
          this.clearTimer("reply");
          this.setNobody(false);
          this.systemNote(this.t.adviserJoined);
          return this.refreshControls();
        case "adviser_left":
          this.state = "waiting";
          this.systemNote(this.t.adviserLeft);
          this.expectAdviser();
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
      const before = this.state;
      this.state = frame.state || "bot";
      this.welcomed = true;
      this.everWelcomed = true;
      this.attempt = 0;
      this.restartAnnounced = false;
      this.cancelPending = false;
      if (this.errorKind && RETRYABLE.has(this.errorKind)) this.clearError();
      this.noteAvailability(frame.availability);
      const a = this.availability;
      if (this.state === "bot") {
        this.clearTimer("adviser");
        this.setNobody(Boolean(a && a.bots === 0) || (this.nobody && before === "bot"));
      } else if (this.state === "waiting") {
        if (a && a.advisers === 0) this.setNobody(true);
        this.expectAdviser();
      } else {
        this.setNobody(false);
      }
      this.showWelcome(frame);
      this.persist();
      this.showOutage(false);
      this.setStatus("open");
      this.schedulePing();
      this.flushOutbox();
      if (this.focusOnWelcome) {
        this.focusOnWelcome = false;
        const active = global.document.activeElement;
        if (!active || active === global.document.body || this.container.contains(active)) this.input.focus();
      }
    }

    onAck(frame) {
      const id = frame.client_msg_id;
      this.outbox = this.outbox.filter((m) => m.id !== id);
      this.markDelivered(id, frame.seq);
      this.persist();
      if (this.own.has(id)) this.expectReply();
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
      if (frame.from === "bot" || frame.from === "adviser") this.answered();
    }

    onHandoverCancelled() {
      this.cancelPending = false;
      if (this.state !== "waiting") return;
      this.state = "bot";
      this.clearTimer("adviser");
      this.setNobody(Boolean(this.availability && this.availability.bots === 0));
      this.systemNote(this.t.handoverCancelled);
      this.refreshControls();
    }

    onEnded() {
      this.ended = true;
      this.state = "ended";
      for (const item of [...this.outbox]) this.markFailed(item.id, null);
      this.store.clear();
      this.systemNote(this.t.ended);
      for (const name of ["ping", "pong", "reconnect", "reply", "adviser"]) this.clearTimer(name);
      this.showOutage(false);
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
        this.markInvalid(true);
        return null;
      }
      if (!text.trim()) return null;
      if (this.errorKind === "too_long") this.clearError();
      const id = newId();
      this.outbox.push({ id, text, sentOn: -1 });
      this.foldNoticeIfCrowding();
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
        this.enterWaiting("customer");
        this.input.focus();
      }
    }

    /* "Stop waiting": back to the bot once the gateway confirms (handover_cancelled). */
    cancelHandover() {
      if (this.state !== "waiting" || this.cancelPending) return;
      if (this.sendFrame({ type: "cancel_handover" })) {
        this.cancelPending = true;
        this.armLiveness();
        this.refreshControls();
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
      for (const name of Object.keys(this.timers)) this.clearTimer(name);
      this.forgetSession();
      this.own.clear();
      this.outbox = [];
      this.ended = false;
      this.stopped = false;
      this.authFailed = false;
      this.everWelcomed = false;
      this.started = true;
      this.idleNode.hidden = true;
      this.nobody = false;
      this.cancelPending = false;
      this.follow = true;
      this.noticeFolded = false;
      this.noticeDetails.open = true;
      this.attempt = 0;
      this.log.replaceChildren();
      this.notice.hidden = true;
      this.clearError();
      this.showOutage(false);
      this.connect();
      this.input.focus();
    }

    /* After a refused token: continue as an anonymous visitor, in a new chat, because the customer
       chose to (never silently). */
    newAnonymousSession() {
      this.token = null;
      this.newSession();
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
      if (this.resizeObserver) this.resizeObserver.disconnect();
      this.abandonQuietly();
      this.root.replaceChildren();
    }
  }

  /* The public surface: a small controller, not the Widget itself. */
  function mount(element, options) {
    if (!(element instanceof global.Element)) throw new TypeError("ChatlogWidget.mount needs a DOM element");
    const w = new Widget(element, options);
    return Object.freeze({
      start: () => w.start(),
      send: (text) => w.send(String(text)),
      requestHandover: () => w.requestHandover(),
      cancelHandover: () => w.cancelHandover(),
      end: () => w.end(),
      newSession: () => w.newSession(),
      destroy: () => w.destroy(),
      get started() {
        return w.started;
      },
      get sessionId() {
        return w.sessionId;
      },
      get kind() {
        return w.kind;
      },
      get status() {
        return w.status;
      },
      get state() {
        return w.state;
      },
      get pending() {
        return w.outbox.length;
      },
    });
  }

  global.ChatlogWidget = Object.freeze({ mount, MAX_CHARS });
})(window);
