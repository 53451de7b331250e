/*
 * chatlog adviser desk: the queue of chats waiting for a person, several chats at once, replies.
 *
 * A client of /ws/agent with an adviser's staff token, exactly as docs/protocol.md describes; plain
 * browser JavaScript, no build step, no request to any other origin. The rules that matter here:
 *  - the token lives in this page's memory only (never a URL, never storage);
 *  - every text from a customer is untrusted: it reaches the page through textContent only;
 *  - a reply stays in the outbox until its ack and is re-sent with the same client_msg_id after a
 *    reconnect (the gateway answers a repeat with the first ack), so nothing is lost or doubled;
 *  - after a reconnect each open chat is accepted again (idempotent: the transcript is sent again and
 *    merged by seq), so the desk shows exactly what the store holds;
 *  - the ids of the chats this adviser holds are kept in sessionStorage (ids only, no text), so a reload
 *    picks them up again once the adviser has signed in.
 */
(function (global) {
  "use strict";

  const MAX_CHARS = 2000;
  const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];
  const PING_EVERY_MS = 25000;
  const STORE_KEY = "chatlog.desk.sessions";

  const T = {
    connecting: "Kobler til …",
    connected: (id) => `Tilkoblet som ${id}`,
    reconnecting: "Forbindelsen ble brutt. Kobler til igjen …",
    signedOut: "Ikke tilkoblet",
    badToken: "Tokenet ble ikke godtatt (ugyldig, utløpt eller ikke en rådgiver). Skaff et nytt.",
    queueEmpty: "Ingen kunder venter.",
    mineEmpty: "Du har ingen samtaler ennå. Ta en fra køen.",
    take: "Ta samtalen",
    anonymous: "Anonym",
    visitor: (tag) => `Besøkende …${tag}`,
    authenticated: "Innlogget",
    waitingSince: (t) => `venter siden ${t}`,
    unread: (n) => (n === 1 ? "1 ulest melding" : `${n} uleste meldinger`),
    newInQueue: "Ny kunde i køen.",
    taken: "Samtalen er din. Kunden har fått beskjed.",
    takenByOther: "En annen rådgiver tok samtalen.",
    cancelled: "Kunden sluttet å vente.",
    ended: "Samtalen er avsluttet.",
    endedByCustomer: "Kunden avsluttet samtalen.",
    noChat: "Velg en samtale fra køen eller fra listen over dine samtaler.",
    customer: "Kunde",
    bot: "Chatbot",
    adviser: "Rådgiver",
    you: "Du",
    sending: "Sender …",
    delivered: "Levert",
    replyLabel: "Svar til kunden",
    send: "Send",
    end: "Avslutt samtale",
    close: "Lukk",
    tooLong: (n) => `Svaret er for langt (${n} tegn). Det kan være på høyst ${MAX_CHARS} tegn.`,
    kindAnon: "Anonym kunde: samtalen lagres uten personopplysninger.",
    kindAuth: (id) => `Innlogget kunde ${id}: samtalen lagres i kundens arkiv.`,
    error: "Noe gikk galt.",
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clock(iso) {
    const when = iso ? new Date(iso) : new Date();
    return when.toLocaleTimeString("nb-NO", { hour: "2-digit", minute: "2-digit" });
  }

  function socketUrl(base) {
    const url = new URL("/ws/agent", base || global.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    return url.toString();
  }

  class Desk {
    constructor(root, options) {
      this.root = root;
      this.base = options.baseUrl;
      this.token = null;
      this.me = null;
      this.ws = null;
      this.attempt = 0;
      this.retryTimer = null;
      this.pingTimer = null;
      this.queue = new Map(); // session_id -> {kind, since}
      this.chats = new Map(); // session_id -> chat (see chat())
      this.active = null;
      this.counter = 0;
      this.stopped = true;
      this.build();
    }

    /* --- DOM ------------------------------------------------------------------------------------ */

    build() {
      const r = this.root;
      this.statusLine = r.querySelector("[data-desk=status]");
      this.announcer = r.querySelector("[data-desk=announce]");
      this.queueList = r.querySelector("[data-desk=queue]");
      this.queueCount = r.querySelector("[data-desk=queue-count]");
      this.mineList = r.querySelector("[data-desk=mine]");
      this.pane = r.querySelector("[data-desk=chat]");
      this.renderQueue();
      this.renderMine();
      this.renderChat();
    }

    say(text) {
      /* A polite live region: screen readers hear queue changes without losing their place. */
      this.announcer.textContent = "";
      global.setTimeout(() => { this.announcer.textContent = text; }, 50);
    }

    setStatus(text, state) {
      this.statusLine.textContent = text;
      this.statusLine.dataset.state = state;
    }

    renderQueue() {
      const list = this.queueList;
      list.replaceChildren();
      this.queueCount.textContent = String(this.queue.size);
      if (this.queue.size === 0) {
        list.append(el("li", "desk__empty", T.queueEmpty));
        return;
      }
      for (const [sid, item] of this.queue) {
        const li = el("li", "desk__queue-item");
        const badge = el("span", `desk__kind desk__kind--${item.kind}`,
          item.kind === "authenticated" ? T.authenticated : T.anonymous);
        const since = el("span", "desk__since", T.waitingSince(clock(item.since)));
        const button = el("button", "desk__take", T.take);
        button.type = "button";
        button.setAttribute("aria-describedby", `q-${sid}`);
        const label = el("span", "desk__queue-label");
        label.id = `q-${sid}`;
        label.append(badge, " ", since);
        button.addEventListener("click", () => this.accept(sid));
        li.append(label, button);
        list.append(li);
      }
    }

    renderMine() {
      const list = this.mineList;
      list.replaceChildren();
      if (this.chats.size === 0) {
        list.append(el("li", "desk__empty", T.mineEmpty));
        return;
      }
      for (const [sid, chat] of this.chats) {
        const li = el("li", "desk__mine-item");
        const button = el("button", "desk__open");
        button.type = "button";
        button.dataset.session = sid;
        if (sid === this.active) button.setAttribute("aria-current", "true");
        const name = this.nameOf(chat);
        button.append(el("span", `desk__kind desk__kind--${chat.kind}`,
          chat.kind === "authenticated" ? T.authenticated : T.anonymous), " ", el("span", "desk__who", name));
        if (chat.ended) button.append(" ", el("span", "desk__state", `(${T.ended.replace(".", "")})`));
        if (chat.unread > 0) {
          const dot = el("span", "desk__unread", String(chat.unread));
          dot.setAttribute("aria-hidden", "true");
          button.append(" ", dot, el("span", "desk__sr", T.unread(chat.unread)));
        }
        button.addEventListener("click", () => this.open(sid));
        li.append(button);
        list.append(li);
      }
    }

    renderChat() {
      const pane = this.pane;
      pane.replaceChildren();
      const chat = this.active ? this.chats.get(this.active) : null;
      if (!chat) {
        pane.append(el("p", "desk__placeholder", T.noChat));
        return;
      }
      const head = el("div", "desk__chat-head");
      const title = el("h2", "desk__chat-title", this.nameOf(chat));
      title.id = "desk-chat-title";
      title.tabIndex = -1;
      head.append(title, el("p", "desk__chat-kind",
        chat.kind === "authenticated" ? T.kindAuth(chat.customerId || "") : T.kindAnon));
      pane.append(head);

      const log = el("div", "desk__log");
      log.setAttribute("role", "log");
      log.setAttribute("aria-labelledby", "desk-chat-title");
      log.tabIndex = 0;
      const list = el("ol", "desk__messages");
      for (const m of this.ordered(chat)) list.append(this.messageItem(m));
      log.append(list);
      pane.append(log);
      chat.logNode = log;
      chat.listNode = list;

      if (chat.note) pane.append(el("p", "desk__note", chat.note));
      if (chat.ended) {
        const close = el("button", "desk__secondary", T.close);
        close.type = "button";
        close.addEventListener("click", () => this.forget(chat.sessionId));
        pane.append(close);
      } else {
        pane.append(this.replyForm(chat));
      }
      log.scrollTop = log.scrollHeight;
    }

    messageItem(m) {
      const li = el("li", `desk__msg desk__msg--${m.from}${m.mine ? " desk__msg--mine" : ""}`);
      const who = m.mine ? T.you : (T[m.from] || m.from);
      const meta = el("p", "desk__meta");
      meta.append(el("span", "desk__from", who), " ", el("time", "desk__time", clock(m.at)));
      if (m.mine) meta.append(" ", el("span", "desk__delivery", m.seq ? T.delivered : T.sending));
      li.append(meta, el("p", "desk__text", m.text));
      return li;
    }

    replyForm(chat) {
      const form = el("form", "desk__reply");
      form.noValidate = true;
      const id = `reply-${chat.sessionId}`;
      const label = el("label", "desk__reply-label", T.replyLabel);
      label.htmlFor = id;
      const box = el("textarea", "desk__input");
      box.id = id;
      box.rows = 3;
      box.value = chat.draft || "";
      const error = el("p", "desk__error");
      error.id = `${id}-error`;
      error.setAttribute("role", "alert");
      box.setAttribute("aria-describedby", error.id);
      const buttons = el("div", "desk__buttons");
      const send = el("button", "desk__send", T.send);
      send.type = "submit";
      const end = el("button", "desk__secondary", T.end);
      end.type = "button";
      end.addEventListener("click", () => this.end(chat.sessionId));
      buttons.append(send, end);
      box.addEventListener("input", () => {
        chat.draft = box.value;
        if ([...box.value].length <= MAX_CHARS) {
          error.textContent = "";
          box.removeAttribute("aria-invalid");
        }
      });
      box.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          form.requestSubmit();
        }
      });
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const text = box.value.trim();
        if (!text) return;
        const n = [...text].length;
        if (n > MAX_CHARS) {
          error.textContent = T.tooLong(n);
          box.setAttribute("aria-invalid", "true");
          return;
        }
        this.reply(chat.sessionId, text);
        chat.draft = "";
        box.value = "";
        box.focus();
      });
      form.append(label, box, error, buttons);
      chat.input = box;
      return form;
    }

    nameOf(chat) {
      /* A logged-in customer by id; an anonymous one by the end of the session id, so that two
         anonymous chats can be told apart (nothing else is known about them, by design). */
      return chat.customerId || T.visitor(chat.sessionId.slice(-4));
    }

    ordered(chat) {
      const stored = [...chat.messages.values()].sort((a, b) => a.seq - b.seq);
      const pending = chat.outbox.filter((m) => !m.seq);
      return stored.concat(pending);
    }

    refreshActive() {
      const chat = this.active ? this.chats.get(this.active) : null;
      if (!chat || !chat.listNode) return;
      const log = chat.logNode;
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
      chat.listNode.replaceChildren(...this.ordered(chat).map((m) => this.messageItem(m)));
      if (atBottom) log.scrollTop = log.scrollHeight;
    }

    /* --- chats ---------------------------------------------------------------------------------- */

    chat(sid, kind) {
      let chat = this.chats.get(sid);
      if (!chat) {
        chat = { sessionId: sid, kind: kind || "anonymous", customerId: null, messages: new Map(),
          outbox: [], unread: 0, ended: false, note: "", draft: "" };
        this.chats.set(sid, chat);
        this.saveIds();
      }
      return chat;
    }

    saveIds() {
      try {
        const open = [...this.chats.values()].filter((c) => !c.ended).map((c) => c.sessionId);
        global.sessionStorage.setItem(STORE_KEY, JSON.stringify(open));
      } catch (err) { /* storage off: a reload then forgets the ids, nothing else */ }
    }

    loadIds() {
      try {
        const ids = JSON.parse(global.sessionStorage.getItem(STORE_KEY) || "[]");
        return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
      } catch (err) {
        return [];
      }
    }

    open(sid) {
      if (!this.chats.has(sid)) return;
      this.active = sid;
      this.chats.get(sid).unread = 0;
      this.renderMine();
      this.renderChat();
      const chat = this.chats.get(sid);
      if (chat.input) chat.input.focus();
      else this.pane.querySelector("#desk-chat-title").focus();
    }

    forget(sid) {
      this.chats.delete(sid);
      if (this.active === sid) this.active = null;
      this.saveIds();
      this.renderMine();
      this.renderChat();
      const next = this.mineList.querySelector("button") || this.queueList.querySelector("button");
      if (next) next.focus();
    }

    accept(sid) {
      const item = this.queue.get(sid);
      const chat = this.chat(sid, item ? item.kind : undefined);
      chat.accepting = true;
      this.send({ type: "accept", session_id: sid });
      this.active = sid;
      this.renderMine();
      this.renderChat();
      if (chat.input) chat.input.focus();
    }

    reply(sid, text) {
      const chat = this.chats.get(sid);
      this.counter += 1;
      const id = `d-${Date.now().toString(36)}-${this.counter}`;
      const m = { clientMsgId: id, text: text, from: "adviser", mine: true, seq: null, at: null };
      chat.outbox.push(m);
      this.refreshActive();
      this.send({ type: "message", session_id: sid, client_msg_id: id, text: text });
    }

    end(sid) {
      this.send({ type: "end", session_id: sid });
    }

    /* --- connection ----------------------------------------------------------------------------- */

    connect(token) {
      this.token = token;
      this.stopped = false;
      this.attempt = 0;
      this.open_();
    }

    disconnect() {
      this.stopped = true;
      global.clearTimeout(this.retryTimer);
      global.clearInterval(this.pingTimer);
      if (this.ws) this.ws.close(1000);
      this.ws = null;
      this.setStatus(T.signedOut, "off");
    }

    open_() {
      global.clearTimeout(this.retryTimer);
      this.setStatus(T.connecting, "connecting");
      const ws = new WebSocket(socketUrl(this.base));
      this.ws = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: "hello", token: this.token }));
      ws.onmessage = (event) => {
        let frame;
        try { frame = JSON.parse(event.data); } catch (err) { return; }
        if (frame && typeof frame === "object") this.onFrame(frame);
      };
      ws.onclose = (event) => {
        if (this.ws !== ws) return;
        global.clearInterval(this.pingTimer);
        this.ws = null;
        if (this.stopped) return;
        if (event.code === 4401 || event.code === 4403) {
          this.stopped = true;
          this.setStatus(T.badToken, "error");
          this.root.dispatchEvent(new CustomEvent("desk:signed-out"));
          return;
        }
        this.setStatus(T.reconnecting, "connecting");
        const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
        this.attempt += 1;
        this.retryTimer = global.setTimeout(() => this.open_(), delay);
      };
    }

    send(frame) {
      if (this.ws && this.ws.readyState === WebSocket.OPEN && this.me) this.ws.send(JSON.stringify(frame));
    }

    resume() {
      /* After (re)connecting: take every open chat again and resend what was never acked. */
      for (const id of this.loadIds()) this.chat(id);
      for (const chat of this.chats.values()) {
        if (chat.ended) continue;
        this.send({ type: "accept", session_id: chat.sessionId });
      }
    }

    resendOutbox(chat) {
      for (const m of chat.outbox) {
        if (!m.seq) this.send({ type: "message", session_id: chat.sessionId, client_msg_id: m.clientMsgId, text: m.text });
      }
    }

    /* --- frames --------------------------------------------------------------------------------- */

    onFrame(f) {
      const sid = typeof f.session_id === "string" ? f.session_id : null;
      switch (f.type) {
        case "welcome":
          this.me = f.agent_id;
          this.attempt = 0;
          this.setStatus(T.connected(f.agent_id), "on");
          global.clearInterval(this.pingTimer);
          this.pingTimer = global.setInterval(() => this.send({ type: "ping" }), PING_EVERY_MS);
          this.root.dispatchEvent(new CustomEvent("desk:signed-in"));
          this.resume();
          this.renderMine();
          break;
        case "handover_request":
          if (sid && !(this.chats.has(sid) && !this.chats.get(sid).ended)) {
            const known = this.queue.get(sid);  // offered again (after a relay outage): same entry
            const fresh = !known;
            this.queue.set(sid, { kind: f.kind || "anonymous", since: known ? known.since : new Date().toISOString() });
            this.renderQueue();
            if (fresh) this.say(T.newInQueue);
          }
          break;
        case "handover_cancelled":
          if (sid) this.dropFromQueue(sid, T.cancelled);
          break;
        case "session_taken":
          if (!sid) break;
          this.dropFromQueue(sid);
          if (f.adviser_id !== this.me && this.chats.has(sid)) this.lost(sid, T.takenByOther);
          break;
        case "transcript":
          if (sid) this.onTranscript(sid, f);
          break;
        case "message":
          if (sid && this.chats.has(sid)) this.onMessage(sid, f);
          break;
        case "ack":
          if (sid && this.chats.has(sid)) this.onAck(sid, f);
          break;
        case "session_ended":
          if (!sid) break;
          this.queue.delete(sid);
          this.renderQueue();
          if (this.chats.has(sid)) this.onEnded(sid, f.by);
          break;
        case "error":
          this.onError(sid, f);
          break;
        default:
          break;
      }
    }

    dropFromQueue(sid, why) {
      if (!this.queue.delete(sid)) return;
      this.renderQueue();
      if (why) this.say(why);
    }

    onTranscript(sid, f) {
      const chat = this.chat(sid, f.kind);
      const first = chat.accepting;
      chat.accepting = false;
      chat.kind = f.kind || chat.kind;
      chat.customerId = typeof f.customer_id === "string" ? f.customer_id : null;
      chat.ended = false;
      chat.note = "";
      for (const m of Array.isArray(f.messages) ? f.messages : []) {
        if (typeof m.seq !== "number") continue;
        const known = chat.messages.get(m.seq);
        chat.messages.set(m.seq, { seq: m.seq, from: m.from, text: String(m.text), at: m.at,
          mine: Boolean(known && known.mine) });
      }
      this.queue.delete(sid);
      this.renderQueue();
      this.resendOutbox(chat);
      this.renderMine();
      if (this.active === sid) {
        if (first) { this.renderChat(); if (chat.input) chat.input.focus(); } else this.refreshActive();
      }
      if (first) this.say(T.taken);
    }

    onMessage(sid, f) {
      const chat = this.chats.get(sid);
      if (typeof f.seq !== "number" || chat.messages.has(f.seq)) return;
      chat.messages.set(f.seq, { seq: f.seq, from: f.from || "customer", text: String(f.text), at: f.at, mine: false });
      if (this.active === sid) {
        this.refreshActive();
      } else {
        chat.unread += 1;
        this.renderMine();
      }
    }

    onAck(sid, f) {
      const chat = this.chats.get(sid);
      const m = chat.outbox.find((o) => o.clientMsgId === f.client_msg_id);
      if (!m || typeof f.seq !== "number") return;
      m.seq = f.seq;
      m.at = m.at || new Date().toISOString();
      chat.messages.set(f.seq, { seq: f.seq, from: "adviser", text: m.text, at: m.at, mine: true });
      chat.outbox = chat.outbox.filter((o) => o !== m);
      if (this.active === sid) this.refreshActive();
    }

    onEnded(sid, by) {
      const chat = this.chats.get(sid);
      chat.ended = true;
      chat.note = by === "customer" ? T.endedByCustomer : T.ended;
      this.saveIds();
      this.renderMine();
      if (this.active === sid) this.renderChat();
      this.say(chat.note);
    }

    lost(sid, why) {
      const chat = this.chats.get(sid);
      chat.ended = true;
      chat.note = why;
      this.saveIds();
      this.renderMine();
      if (this.active === sid) this.renderChat();
      this.say(why);
    }

    onError(sid, f) {
      const text = typeof f.message === "string" ? f.message : T.error;
      if (sid && this.chats.has(sid)) {
        const chat = this.chats.get(sid);
        if (f.code === "conflict") { this.queue.delete(sid); this.renderQueue(); this.lost(sid, T.takenByOther); return; }
        if (f.code === "session_ended" || f.code === "unknown_session") { this.onEnded(sid, "earlier"); return; }
        if (f.code === "reason_required") { this.queue.delete(sid); this.renderQueue(); this.lost(sid, T.cancelled); return; }
        chat.note = text;
        if (this.active === sid) this.renderChat();
        this.say(text);
        return;
      }
      this.say(text);
    }
  }

  global.ChatlogDesk = {
    mount(root, options) {
      return new Desk(root, options || {});
    },
  };
})(window);
