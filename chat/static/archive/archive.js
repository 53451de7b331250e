/*
 * chatlog customer archive: the screen a bank embeds in its online bank so that a logged-in customer
 * reads, exports and erases their own chats, objects to their use in statistics, and sees who at the bank
 * has looked at them (the access log).
 * Plain browser JavaScript, no build step, no third-party requests.
 *
 *   const archive = ChatlogArchive.mount(document.getElementById("archive"), {token, lang: "nb"});
 *   archive.setToken(renewedToken);   // the host page renews its token
 *   archive.destroy();
 *
 * API: docs/api.md ("Customers: the archive"). Embedding and CSP: docs/archive.md. The rules that matter:
 *  - the token is held in memory only (this closure) and sent only in the Authorization header: never in
 *    a URL, in localStorage/sessionStorage, a cookie or the DOM;
 *  - every text from the server (messages, the erasure refusal, the access log's purposes) is put into
 *    the page with textContent, never innerHTML: chat text is untrusted input;
 *  - nothing is requested from anywhere but the chatlog server (no CDN, no fonts, no analytics).
 */
(function (global) {
  "use strict";

  const REQUEST_TIMEOUT_MS = 20000;
  const DEFAULT_PAGE_SIZE = 20;
  /* The access log's pages may hold no entry at all (the server drops the customer's own actions after
     reading a page): follow next_cursor at most this many times for one page shown. */
  const ACCESS_MAX_HOPS = 5;
  /* The server writes error messages (the erasure refusal's reason) in English. */
  const SERVER_LANG = "en";

  /* The API lives where this script was loaded from (the chatlog server), whatever page embeds it. */
  const SCRIPT_ORIGIN = (function () {
    try {
      const script = global.document.currentScript;
      if (script && script.src) return new URL(script.src, global.location.href).origin;
    } catch (_) {
      /* fall through */
    }
    return global.location.origin;
  })();

  const STRINGS = {
    nb: {
      locale: "nb-NO",
      title: "Chatarkivet ditt",
      intro: "Her er samtalene du har hatt i chatten mens du var logget inn i nettbanken, de nyeste først.",
      listHeading: "Samtaler",
      loading: "Henter samtalene …",
      loadingOne: "Henter samtalen …",
      empty: "Du har ingen samtaler i arkivet.",
      emptyHint: "Når du chatter med oss mens du er logget inn, blir samtalen lagret her.",
      showMore: "Vis flere samtaler",
      loadedMore: (n) => (n === 1 ? "1 samtale til er lagt til i listen." : `${n} samtaler til er lagt til i listen.`),
      listLoaded: (n, more) => (n === 0 ? "Arkivet er tomt." : `${n === 1 ? "1 samtale" : `${n} samtaler`} vises${more ? ", og det finnes flere" : ""}.`),
      messages: (n) => (n === 1 ? "1 melding" : `${n} meldinger`),
      withBot: "Chatbot",
      withAdviser: "Chatbot og rådgiver",
      state: { bot: "Pågår", waiting: "Venter på rådgiver", adviser: "Pågår med rådgiver", ended: "Avsluttet" },
      openPrefix: "Samtale",
      delete: "Slett",
      deleteHidden: (date) => ` samtalen fra ${date}`,
      confirmQuestion: (date) => `Vil du slette samtalen fra ${date}?`,
      confirmWarning: "Samtalen og alle meldingene i den slettes for godt. Det kan ikke angres.",
      confirmYes: "Ja, slett samtalen",
      confirmNo: "Avbryt",
      deleting: "Sletter samtalen …",
      deleted: (date) => `Samtalen fra ${date} er slettet.`,
      refused: "Samtalen kan ikke slettes.",
      gone: "Samtalen finnes ikke lenger i arkivet.",
      back: "Tilbake til samtalene",
      conversation: (date) => `Samtale ${date}`,
      visibleUntil: (date) => `Vises i arkivet til ${date}`,
      messagesLabel: "Meldinger i samtalen",
      noMessages: "Samtalen har ingen meldinger.",
      you: "Du",
      bot: "Chatbot",
      adviser: "Rådgiver",
      other: "Banken",
      dataHeading: "Dine data",
      objectionLabel: "Ikke bruk chattene mine i statistikk",
      objectionHint: "Da slutter banken å bruke chattene dine i statistikken sin. Ingenting blir slettet.",
      objectionOn: "Lagret: chattene dine brukes ikke i statistikk.",
      objectionOff: "Lagret: chattene dine kan brukes i statistikk igjen.",
      exportButton: "Last ned alle samtalene",
      exportHint: "Du får én fil (JSON) med alle samtalene vi har lagret om deg, også de som ikke lenger vises her.",
      exporting: "Lager filen …",
      exportReady: (name) => `Filen ${name} er lastet ned.`,
      exportLink: (name) => `Last ned ${name} igjen`,
      accessHeading: "Hvem har sett samtalene dine",
      accessIntro: "Ansatte i banken får bare åpne en samtale når de oppgir en grunn. Hver gang noen gjør det, står det her, med grunnen de oppga.",
      accessLoading: "Henter oversikten …",
      accessEmpty: "Ingen ansatte har åpnet samtalene dine.",
      accessMore: "Vis flere oppføringer",
      accessLoadedMore: (n) => (n === 1 ? "1 oppføring til er lagt til i oversikten." : `${n} oppføringer til er lagt til i oversikten.`),
      accessNoMore: "Det finnes ikke flere oppføringer.",
      accessPurpose: "Begrunnelse: ",
      accessStaff: (id) => ` (ansatt ${id})`,
      accessOpen: "Se samtalen",
      accessOpenHidden: (date) => ` fra ${date}`,
      roles: {
        adviser: "Rådgiver",
        compliance: "Compliance/etterlevelse",
        analyst: "Analytiker",
        bot: "Chatboten",
        system: "Systemet",
        other: "Banken",
      },
      actions: {
        read_session: "åpnet samtalen",
        search_customer: "søkte deg opp som kunde",
        read_audit: "så i loggen over hvem som har sett samtalene dine",
        export_case: "tok ut samtalen til en sak",
        handover_accept: "tok over samtalen fra chatboten",
        takeover: "tok over samtalen",
        erasure: "slettet samtalen",
      },
      errors: {
        no_token: "Du må være logget inn i nettbanken for å se chatarkivet.",
        expired: "Økten din er utløpt. Logg inn på nytt for å se chatarkivet.",
        network: "Vi får ikke kontakt med banken akkurat nå. Sjekk nettforbindelsen og prøv igjen.",
        unavailable: "Chatarkivet er ikke tilgjengelig akkurat nå. Prøv igjen om litt.",
        generic: "Noe gikk galt. Prøv igjen.",
      },
      retry: "Prøv igjen",
    },
    en: {
      locale: "en-GB",
      title: "Your chat archive",
      intro: "These are the chats you had while logged in to your online bank, newest first.",
      listHeading: "Conversations",
      loading: "Loading your conversations …",
      loadingOne: "Loading the conversation …",
      empty: "You have no conversations in your archive.",
      emptyHint: "When you chat with us while logged in, the conversation is kept here.",
      showMore: "Show more conversations",
      loadedMore: (n) => (n === 1 ? "1 more conversation was added to the list." : `${n} more conversations were added to the list.`),
      listLoaded: (n, more) => (n === 0 ? "Your archive is empty." : `${n === 1 ? "1 conversation" : `${n} conversations`} shown${more ? ", and there are more" : ""}.`),
      messages: (n) => (n === 1 ? "1 message" : `${n} messages`),
      withBot: "Chatbot",
      withAdviser: "Chatbot and adviser",
      state: { bot: "In progress", waiting: "Waiting for an adviser", adviser: "In progress with an adviser", ended: "Ended" },
      openPrefix: "Conversation",
      delete: "Delete",
      deleteHidden: (date) => ` the conversation of ${date}`,
      confirmQuestion: (date) => `Delete the conversation of ${date}?`,
      confirmWarning: "The conversation and all its messages are deleted for good. This cannot be undone.",
      confirmYes: "Yes, delete it",
      confirmNo: "Cancel",
      deleting: "Deleting the conversation …",
      deleted: (date) => `The conversation of ${date} has been deleted.`,
      refused: "This conversation cannot be deleted.",
      gone: "This conversation is no longer in your archive.",
      back: "Back to the conversations",
      conversation: (date) => `Conversation of ${date}`,
      visibleUntil: (date) => `Shown in your archive until ${date}`,
      messagesLabel: "Messages in the conversation",
      noMessages: "This conversation has no messages.",
      you: "You",
      bot: "Chatbot",
      adviser: "Adviser",
      other: "The bank",
      dataHeading: "Your data",
      objectionLabel: "Do not use my chats for statistics",
      objectionHint: "The bank stops using your chats in its statistics. Nothing is deleted.",
      objectionOn: "Saved: your chats are not used for statistics.",
      objectionOff: "Saved: your chats may be used for statistics again.",
      exportButton: "Download all conversations",
      exportHint: "You get one file (JSON) with every conversation we hold about you, including those no longer shown here.",
      exporting: "Preparing the file …",
      exportReady: (name) => `The file ${name} has been downloaded.`,
      exportLink: (name) => `Download ${name} again`,
      accessHeading: "Who has looked at your chats",
      accessIntro: "Bank staff may only open a chat when they state a reason. Every time someone does, it is listed here with the reason they gave.",
      accessLoading: "Loading the list …",
      accessEmpty: "No one at the bank has opened your chats.",
      accessMore: "Show more entries",
      accessLoadedMore: (n) => (n === 1 ? "1 more entry was added to the list." : `${n} more entries were added to the list.`),
      accessNoMore: "There are no more entries.",
      accessPurpose: "Reason given: ",
      accessStaff: (id) => ` (staff ${id})`,
      accessOpen: "View the conversation",
      accessOpenHidden: (date) => ` of ${date}`,
      roles: {
        adviser: "An adviser",
        compliance: "Compliance",
        analyst: "An analyst",
        bot: "The chatbot",
        system: "The system",
        other: "The bank",
      },
      actions: {
        read_session: "opened the conversation",
        search_customer: "looked you up as a customer",
        read_audit: "looked at the log of who has seen your chats",
        export_case: "took the conversation out for a case",
        handover_accept: "took over the conversation from the chatbot",
        takeover: "took over the conversation",
        erasure: "deleted the conversation",
      },
      errors: {
        no_token: "You need to be logged in to your online bank to see your chat archive.",
        expired: "Your session has expired. Log in again to see your chat archive.",
        network: "We cannot reach the bank just now. Check your connection and try again.",
        unavailable: "The chat archive is not available just now. Please try again shortly.",
        generic: "Something went wrong. Please try again.",
      },
      retry: "Try again",
    },
  };

  /* --- small helpers ---------------------------------------------------------------------------- */

  function el(tag, props, children) {
    const node = global.document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "className") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key === "hidden") node.hidden = Boolean(value);
        else node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    for (const child of children || []) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  let uidCounter = 0;
  function uid(prefix) {
    uidCounter += 1;
    return `chatlog-archive-${prefix}-${uidCounter}`;
  }

  /* The subject of a JWT, only to tell whether a new token is for another customer (then the screen
     starts afresh). Not a security decision: the server verifies every token. */
  function subjectOf(token) {
    try {
      const part = String(token).split(".")[1];
      const b64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
      const bytes = Uint8Array.from(global.atob(b64), (c) => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return typeof claims.sub === "string" ? claims.sub : null;
    } catch (_) {
      return null;
    }
  }

  /* "https://bank.example/" or "https://bank.example" -> "https://bank.example"; anything with a path,
     query, credentials or another scheme -> null. */
  function normaliseOrigin(value) {
    if (typeof value !== "string" || !value.trim()) return null;
    try {
      const u = new URL(value.trim());
      if (u.protocol !== "https:" && u.protocol !== "http:") return null;
      if (u.username || u.password || u.search || u.hash || (u.pathname && u.pathname !== "/")) return null;
      return u.origin;
    } catch (_) {
      return null;
    }
  }

  /* The server's file name, if the header is readable (same origin, or exposed by CORS), else the same
     pattern from the export's own date. Only a plain file name is ever used. */
  function exportFileName(disposition, exportedAt) {
    const match = /filename="?([A-Za-z0-9._-]+\.json)"?/.exec(disposition || "");
    if (match) return match[1];
    const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(exportedAt || "")) || /^(\d{4})-(\d{2})-(\d{2})/.exec(new Date().toISOString());
    return `chatlog-export-${day[1]}${day[2]}${day[3]}.json`;
  }

  class ApiError extends Error {
    constructor(code, status, message) {
      super(code);
      this.code = code;
      this.status = status;
      this.serverMessage = message || "";
    }
  }

  /* A response for a screen that no longer exists (destroyed, or a token for another customer). */
  class Stale extends Error {}

  /* --- the archive --------------------------------------------------------------------------------- */

  class Archive {
    constructor(root, options) {
      const opts = options || {};
      this.root = root;
      this.lang = opts.lang === "en" ? "en" : "nb";
      this.t = STRINGS[this.lang];
      this.base = String(opts.baseUrl || SCRIPT_ORIGIN).replace(/\/+$/, "");
      this.pageSize = Math.min(100, Math.max(1, Number(opts.pageSize) || DEFAULT_PAGE_SIZE));
      this.level = Math.min(4, Math.max(1, Number(opts.headingLevel) || 2));
      this.onAuthError = typeof opts.onAuthError === "function" ? opts.onAuthError : null;
      this.token = typeof opts.token === "string" && opts.token ? opts.token : null;

      this.generation = 0;
      this.inflight = new Set();
      this.destroyed = false;
      this.sessions = new Map(); // session_id -> {data, item, openButton, deleteButton, alert}
      this.nextCursor = null;
      this.loaded = false;
      this.authFailed = false;
      this.objection = null; // server state: true / false / null (unknown)
      this.objectionWanted = null;
      this.objectionBusy = false;
      this.exportBusy = false;
      this.exportUrl = null;
      this.current = null; // the open conversation's session id
      this.returnFocus = null;
      this.accessEntries = []; // {data, item, openButton, openHidden}
      this.accessCursor = null;
      this.accessLoaded = false;
      this.accessBusy = false;

      this.build();
      this.start();
    }

    h(offset, props) {
      return el(`h${Math.min(6, this.level + offset)}`, props);
    }

    /* --- DOM ------------------------------------------------------------------------------------ */

    build() {
      const t = this.t;
      const ids = {
        title: uid("title"),
        list: uid("list"),
        data: uid("data"),
        objection: uid("objection"),
        objectionHint: uid("objection-hint"),
        exportHint: uid("export-hint"),
        access: uid("access"),
        accessIntro: uid("access-intro"),
      };
      this.ids = ids;

      this.title = this.h(0, { className: "chatlog-archive__title", id: ids.title, text: t.title, tabindex: -1 });
      const header = el("header", { className: "chatlog-archive__header" }, [
        this.title,
        el("p", { className: "chatlog-archive__intro", text: t.intro }),
      ]);

      /* Live regions exist from the start (empty), so that what is put into them later is announced. */
      this.statusNode = el("p", { className: "chatlog-archive__status", role: "status" });
      this.errorText = el("p", { className: "chatlog-archive__error-text", role: "alert" });
      this.retryButton = el("button", { type: "button", className: "chatlog-archive__button", text: t.retry, hidden: true });
      this.errorBox = el("div", { className: "chatlog-archive__error" }, [this.errorText, this.retryButton]);

      /* The list. */
      this.listHeading = this.h(1, { className: "chatlog-archive__subtitle", id: ids.list, text: t.listHeading, tabindex: -1 });
      this.list = el("ul", { className: "chatlog-archive__list", "aria-labelledby": ids.list });
      this.emptyNode = el("div", { className: "chatlog-archive__empty", hidden: true }, [
        el("p", { className: "chatlog-archive__empty-title", text: t.empty }),
        el("p", { text: t.emptyHint }),
      ]);
      this.loadingNode = el("p", { className: "chatlog-archive__loading", text: t.loading, hidden: true });
      this.moreButton = el("button", { type: "button", className: "chatlog-archive__button", text: t.showMore, hidden: true });
      this.listView = el("div", { className: "chatlog-archive__view" }, [
        this.listHeading, this.loadingNode, this.emptyNode, this.list, this.moreButton,
      ]);

      /* One conversation. */
      this.backButton = el("button", { type: "button", className: "chatlog-archive__back", text: t.back });
      this.convTitle = this.h(1, { className: "chatlog-archive__subtitle", tabindex: -1 });
      this.convMeta = el("p", { className: "chatlog-archive__meta" });
      this.convMessages = el("ol", { className: "chatlog-archive__messages", "aria-label": t.messagesLabel });
      this.convEmpty = el("p", { className: "chatlog-archive__empty-title", text: t.noMessages, hidden: true });
      this.convActions = el("div", { className: "chatlog-archive__conv-actions" });
      this.convView = el("div", { className: "chatlog-archive__view", hidden: true }, [
        this.backButton, this.convTitle, this.convMeta, this.convActions, this.convEmpty, this.convMessages,
      ]);

      this.main = el("div", { className: "chatlog-archive__main" }, [this.listView, this.convView]);

      /* The customer's data: objection and export. */
      this.objectionBox = el("input", {
        type: "checkbox",
        id: ids.objection,
        className: "chatlog-archive__checkbox",
        "aria-describedby": ids.objectionHint,
        disabled: true,
      });
      this.exportButton = el("button", {
        type: "button",
        className: "chatlog-archive__button",
        text: t.exportButton,
        "aria-describedby": ids.exportHint,
      });
      this.exportLinkSlot = el("p", { className: "chatlog-archive__export-link", hidden: true });

      /* Who at the bank has looked at the customer's chats (the access log), newest first. */
      this.accessLoading = el("p", { className: "chatlog-archive__access-loading", text: t.accessLoading, hidden: true });
      this.accessEmpty = el("p", { className: "chatlog-archive__access-empty", text: t.accessEmpty, hidden: true });
      this.accessList = el("ul", { className: "chatlog-archive__access-list", "aria-labelledby": ids.access, hidden: true });
      this.accessMore = el("button", { type: "button", className: "chatlog-archive__button", text: t.accessMore, hidden: true });
      this.accessTitle = this.h(2, { className: "chatlog-archive__access-title", id: ids.access, text: t.accessHeading, tabindex: -1 });
      this.accessSection = el("section", {
        className: "chatlog-archive__setting chatlog-archive__access",
        "aria-labelledby": ids.access,
        "aria-describedby": ids.accessIntro,
      }, [
        this.accessTitle,
        el("p", { className: "chatlog-archive__hint", id: ids.accessIntro, text: t.accessIntro }),
        this.accessLoading, this.accessEmpty, this.accessList, this.accessMore,
      ]);
      this.dataSection = el("section", { className: "chatlog-archive__data", "aria-labelledby": ids.data }, [
        this.h(1, { className: "chatlog-archive__subtitle", id: ids.data, text: t.dataHeading }),
        el("div", { className: "chatlog-archive__setting" }, [
          el("div", { className: "chatlog-archive__check" }, [
            this.objectionBox,
            el("label", { for: ids.objection, text: t.objectionLabel }),
          ]),
          el("p", { className: "chatlog-archive__hint", id: ids.objectionHint, text: t.objectionHint }),
        ]),
        el("div", { className: "chatlog-archive__setting" }, [
          this.exportButton,
          el("p", { className: "chatlog-archive__hint", id: ids.exportHint, text: t.exportHint }),
          this.exportLinkSlot,
        ]),
        this.accessSection,
      ]);

      this.body = el("div", { className: "chatlog-archive__body" }, [this.main, this.dataSection]);
      this.container = el("section", { className: "chatlog-archive", lang: this.lang, "aria-labelledby": ids.title }, [
        header, this.statusNode, this.errorBox, this.body,
      ]);
      this.root.replaceChildren(this.container);

      this.moreButton.addEventListener("click", () => this.loadMore());
      this.backButton.addEventListener("click", () => this.closeConversation());
      this.retryButton.addEventListener("click", () => this.retry());
      this.objectionBox.addEventListener("change", () => this.objectionChanged());
      this.exportButton.addEventListener("click", () => this.exportAll());
      this.accessMore.addEventListener("click", () => this.loadMoreAccess());
      this.convView.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && !event.defaultPrevented && !this.convView.querySelector(".chatlog-archive__confirm")) {
          event.preventDefault();
          this.closeConversation();
        }
      });
    }

    /* --- formatting ---------------------------------------------------------------------------- */

    dateTime(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return "";
      return new Intl.DateTimeFormat(this.t.locale, { dateStyle: "long", timeStyle: "short" }).format(date);
    }

    dateOnly(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return "";
      return new Intl.DateTimeFormat(this.t.locale, { dateStyle: "long" }).format(date);
    }

    messageTime(iso, startedIso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return "";
      const sameDay = new Date(startedIso).toDateString() === date.toDateString();
      const options = sameDay ? { hour: "2-digit", minute: "2-digit" } : { dateStyle: "medium", timeStyle: "short" };
      return new Intl.DateTimeFormat(this.t.locale, options).format(date);
    }

    /* The list carries no participant list: the retention tier says whether an adviser took part. */
    participants(session, messages) {
      const adviser = (session.retention && session.retention.tier === "adviser") || session.state === "adviser" ||
        (messages || []).some((m) => m.from === "adviser");
      return adviser ? this.t.withAdviser : this.t.withBot;
    }

    stateText(state) {
      return this.t.state[state] || String(state || "");
    }

    /* --- requests ------------------------------------------------------------------------------- */

    async request(method, path, { raw } = {}) {
      if (!this.token) throw new ApiError("missing_token", 401);
      const generation = this.generation;
      const controller = new AbortController();
      this.inflight.add(controller);
      const timer = global.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
      let response;
      try {
        response = await global.fetch(this.base + path, {
          method,
          headers: { Authorization: `Bearer ${this.token}`, Accept: "application/json" },
          credentials: "omit",
          cache: "no-store",
          referrerPolicy: "no-referrer",
          signal: controller.signal,
        });
      } catch (_) {
        if (this.destroyed || generation !== this.generation) throw new Stale();
        throw new ApiError("network", 0);
      } finally {
        global.clearTimeout(timer);
        this.inflight.delete(controller);
      }
      let body = null;
      let text = "";
      try {
        if (response.status !== 204) text = await response.text();
        body = text ? JSON.parse(text) : null;
      } catch (_) {
        body = null;
      }
      if (this.destroyed || generation !== this.generation) throw new Stale();
      if (!response.ok) {
        const error = (body && body.error) || {};
        throw new ApiError(String(error.code || `http_${response.status}`), response.status,
          typeof error.message === "string" ? error.message : "");
      }
      return raw ? { body, text, headers: response.headers } : body;
    }

    /* Every failure ends here. 401: the token is refused (expired); retrying with it cannot help, the
       host must log the customer in again (and may hand us a new token with setToken). */
    fail(error, retry) {
      if (error instanceof Stale || this.destroyed) return;
      const t = this.t;
      if (!(error instanceof ApiError)) {
        this.showError(t.errors.generic, retry);
        return;
      }
      if (error.status === 401) {
        this.authFailed = true;
        this.clearContent();
        this.showError(this.token ? t.errors.expired : t.errors.no_token, null);
        if (this.onAuthError && this.token) {
          try {
            this.onAuthError(error.code);
          } catch (_) {
            /* the host's problem */
          }
        }
        return;
      }
      if (error.status === 0) this.showError(t.errors.network, retry);
      else if (error.status === 503) this.showError(t.errors.unavailable, retry);
      else this.showError(t.errors.generic, retry);
    }

    showError(text, retry) {
      this.retryAction = retry || null;
      this.errorText.textContent = text;
      this.retryButton.hidden = !retry;
      this.container.classList.add("chatlog-archive--error");
    }

    clearError() {
      this.retryAction = null;
      this.errorText.textContent = "";
      this.retryButton.hidden = true;
      this.container.classList.remove("chatlog-archive--error");
    }

    retry() {
      const action = this.retryAction;
      /* The retry button disappears: keep the keyboard user's place on the screen. */
      this.title.focus();
      this.clearError();
      if (action) action();
    }

    announce(text) {
      /* Set anew even when unchanged, so that a repeated message is announced again. */
      this.statusNode.textContent = "";
      global.setTimeout(() => {
        if (!this.destroyed) this.statusNode.textContent = text;
      }, 50);
    }

    /* --- life cycle ----------------------------------------------------------------------------- */

    start() {
      this.clearError();
      if (!this.token) {
        this.body.hidden = true;
        this.showError(this.t.errors.no_token, null);
        return;
      }
      this.authFailed = false;
      this.body.hidden = false;
      this.loadObjection();
      this.loadFirstPage();
      this.loadAccessLog();
    }

    /* Forget everything shown: a token for another customer, an expired session, destroy. */
    clearContent() {
      this.generation += 1;
      for (const controller of this.inflight) controller.abort();
      this.inflight.clear();
      this.sessions.clear();
      this.list.replaceChildren();
      this.convMessages.replaceChildren();
      this.convActions.replaceChildren();
      this.current = null;
      this.convView.hidden = true;
      this.listView.hidden = false;
      this.emptyNode.hidden = true;
      this.moreButton.hidden = true;
      this.loadingNode.hidden = true;
      this.nextCursor = null;
      this.loaded = false;
      this.objection = null;
      this.objectionWanted = null;
      this.objectionBusy = false;
      this.objectionBox.checked = false;
      this.objectionBox.disabled = true;
      this.exportBusy = false;
      this.dropExport();
      this.accessEntries = [];
      this.accessList.replaceChildren();
      this.accessList.hidden = true;
      this.accessEmpty.hidden = true;
      this.accessLoading.hidden = true;
      this.accessMore.hidden = true;
      this.accessCursor = null;
      this.accessLoaded = false;
      this.accessBusy = false;
      this.body.hidden = true;
      this.statusNode.textContent = "";
    }

    setToken(token) {
      if (this.destroyed) return;
      const next = typeof token === "string" && token ? token : null;
      const before = subjectOf(this.token);
      const after = subjectOf(next);
      this.token = next;
      /* A renewed token for the same customer: carry on where the customer is. Anything else (another
         customer, an expired session, no token): start afresh. */
      if (next && !this.authFailed && this.loaded && before !== null && before === after) {
        /* The access log is kept too, unless it never arrived (a failure): then it is fetched again. */
        if (!this.accessLoaded && !this.accessBusy) this.loadAccessLog();
        return;
      }
      this.clearContent();
      this.start();
    }

    destroy() {
      if (this.destroyed) return;
      this.clearContent();
      this.destroyed = true;
      this.token = null;
      this.root.replaceChildren();
    }

    /* --- the list ------------------------------------------------------------------------------- */

    async loadFirstPage() {
      this.loadingNode.hidden = false;
      this.loadingNode.textContent = this.t.loading;
      try {
        const page = await this.request("GET", `/api/archive/sessions?limit=${this.pageSize}`);
        this.loadingNode.hidden = true;
        this.loaded = true;
        this.addPage(page);
        this.announce(this.t.listLoaded(this.sessions.size, Boolean(this.nextCursor)));
      } catch (error) {
        this.loadingNode.hidden = true;
        this.fail(error, () => this.loadFirstPage());
      }
    }

    async loadMore() {
      if (!this.nextCursor || this.loadingMore) return;
      this.loadingMore = true;
      this.moreButton.setAttribute("aria-disabled", "true");
      const cursor = this.nextCursor;
      try {
        const page = await this.request("GET",
          `/api/archive/sessions?limit=${this.pageSize}&cursor=${encodeURIComponent(cursor)}`);
        const first = this.addPage(page);
        this.announce(this.t.loadedMore(page.sessions.length));
        /* Focus the first conversation just added: the keyboard user carries on reading there. */
        if (first) first.openButton.focus();
        else if (!this.moreButton.hidden) this.moreButton.focus();
        else this.listHeading.focus();
      } catch (error) {
        this.fail(error, () => this.loadMore());
      } finally {
        this.loadingMore = false;
        this.moreButton.removeAttribute("aria-disabled");
      }
    }

    addPage(page) {
      let first = null;
      for (const session of (page && page.sessions) || []) {
        if (!session || typeof session.session_id !== "string" || this.sessions.has(session.session_id)) continue;
        const entry = this.renderItem(session);
        this.sessions.set(session.session_id, entry);
        this.list.append(entry.item);
        if (!first) first = entry;
      }
      this.nextCursor = page && typeof page.next_cursor === "string" ? page.next_cursor : null;
      this.refreshList();
      return first;
    }

    refreshList() {
      const empty = this.sessions.size === 0;
      this.moreButton.hidden = !this.nextCursor;
      this.emptyNode.hidden = !(empty && !this.nextCursor && this.loaded);
      this.list.hidden = empty;
      this.refreshAccessLinks();
    }

    renderItem(session) {
      const t = this.t;
      const date = this.dateTime(session.created_at);
      const openButton = el("button", { type: "button", className: "chatlog-archive__open" }, [
        el("span", { className: "chatlog-archive__sr", text: `${t.openPrefix} ` }),
        el("time", { datetime: session.created_at, text: date }),
      ]);
      const deleteButton = el("button", { type: "button", className: "chatlog-archive__button chatlog-archive__button--danger" }, [
        t.delete,
        el("span", { className: "chatlog-archive__sr", text: t.deleteHidden(date) }),
      ]);
      const count = Number(session.message_count) || 0;
      const meta = el("ul", { className: "chatlog-archive__facts" }, [
        el("li", { text: this.participants(session) }),
        el("li", { text: t.messages(count) }),
        el("li", { className: `chatlog-archive__state chatlog-archive__state--${session.state}`, text: this.stateText(session.state) }),
      ]);
      const actions = el("div", { className: "chatlog-archive__actions" }, [deleteButton]);
      const alert = el("p", { className: "chatlog-archive__item-alert", role: "alert" });
      const item = el("li", { className: "chatlog-archive__item" }, [
        this.h(2, { className: "chatlog-archive__item-title" }),
        meta,
        actions,
        alert,
      ]);
      item.firstChild.append(openButton);
      item.dataset.sessionId = session.session_id;
      const entry = { data: session, item, openButton, deleteButton, actions, alert, date };
      openButton.addEventListener("click", () => this.openConversation(session.session_id, openButton));
      deleteButton.addEventListener("click", () => this.askDelete(entry, actions, deleteButton, alert));
      return entry;
    }

    /* --- one conversation ----------------------------------------------------------------------- */

    async openConversation(sessionId, trigger) {
      const entry = this.sessions.get(sessionId);
      if (!entry) return;
      this.returnFocus = trigger || null;
      this.clearError();
      entry.item.setAttribute("aria-busy", "true");
      this.announce(this.t.loadingOne);
      /* Two quick clicks on two conversations: only the last one asked for is shown. */
      this.opening = (this.opening || 0) + 1;
      const ticket = this.opening;
      try {
        const detail = await this.request("GET", `/api/archive/sessions/${encodeURIComponent(sessionId)}`);
        entry.item.removeAttribute("aria-busy");
        if (ticket !== this.opening || !this.sessions.has(sessionId)) return;
        this.showConversation(detail, entry);
      } catch (error) {
        entry.item.removeAttribute("aria-busy");
        if (error instanceof ApiError && error.status === 404) {
          this.removeEntry(sessionId);
          this.showError(this.t.gone, null);
          this.focusAfterRemoval(null);
          return;
        }
        this.fail(error, () => this.openConversation(sessionId, trigger));
      }
    }

    showConversation(detail, entry) {
      const t = this.t;
      this.current = detail.session_id;
      const messages = Array.isArray(detail.messages) ? detail.messages : [];
      this.convTitle.textContent = t.conversation(this.dateTime(detail.created_at));
      const facts = [this.participants(detail, messages), t.messages(messages.length), this.stateText(detail.state)];
      const until = detail.retention && detail.retention.visible_until;
      if (until) facts.push(t.visibleUntil(this.dateOnly(until)));
      this.convMeta.replaceChildren(el("ul", { className: "chatlog-archive__facts" },
        facts.map((text) => el("li", { text }))));

      this.convMessages.replaceChildren(...messages.map((m) => this.messageNode(m, detail.created_at)));
      this.convMessages.hidden = messages.length === 0;
      this.convEmpty.hidden = messages.length !== 0;

      const deleteButton = el("button", { type: "button", className: "chatlog-archive__button chatlog-archive__button--danger" }, [
        t.delete,
        el("span", { className: "chatlog-archive__sr", text: t.deleteHidden(entry.date) }),
      ]);
      const actions = el("div", { className: "chatlog-archive__actions" }, [deleteButton]);
      const alert = el("p", { className: "chatlog-archive__item-alert", role: "alert" });
      this.convActions.replaceChildren(actions, alert);
      deleteButton.addEventListener("click", () => this.askDelete(entry, actions, deleteButton, alert));

      this.listView.hidden = true;
      this.convView.hidden = false;
      this.announce("");
      this.convTitle.focus();
    }

    messageNode(message, startedAt) {
      const t = this.t;
      const from = ["customer", "bot", "adviser"].includes(message.from) ? message.from : "other";
      const who = { customer: t.you, bot: t.bot, adviser: t.adviser, other: t.other }[from];
      const time = el("time", { className: "chatlog-archive__time", text: this.messageTime(message.at, startedAt) });
      if (message.at) time.setAttribute("datetime", String(message.at));
      const text = el("p", { className: "chatlog-archive__text" });
      text.textContent = String(message.text ?? ""); // never innerHTML: chat text is untrusted input
      return el("li", { className: `chatlog-archive__msg chatlog-archive__msg--${from}` }, [
        el("p", { className: "chatlog-archive__msg-meta" }, [
          el("span", { className: "chatlog-archive__who", text: who }),
          time,
        ]),
        text,
      ]);
    }

    closeConversation() {
      if (this.convView.hidden) return;
      this.current = null;
      this.convView.hidden = true;
      this.convMessages.replaceChildren();
      this.convActions.replaceChildren();
      this.listView.hidden = false;
      const target = this.returnFocus;
      this.returnFocus = null;
      if (target && target.isConnected) target.focus();
      else this.listHeading.focus();
    }

    /* --- erasure -------------------------------------------------------------------------------- */

    /* An inline confirmation step (not window.confirm): a labelled group with the question, what it
       means, and two buttons; focus goes to the safe choice, Escape cancels, focus comes back. */
    askDelete(entry, actions, trigger, alert) {
      const t = this.t;
      alert.textContent = "";
      const questionId = uid("confirm-q");
      const warningId = uid("confirm-w");
      const yes = el("button", { type: "button", className: "chatlog-archive__button chatlog-archive__button--danger-solid", text: t.confirmYes });
      const no = el("button", { type: "button", className: "chatlog-archive__button", text: t.confirmNo });
      const group = el("div", {
        className: "chatlog-archive__confirm",
        role: "group",
        "aria-labelledby": questionId,
        "aria-describedby": warningId,
      }, [
        el("p", { className: "chatlog-archive__confirm-q", id: questionId, text: t.confirmQuestion(entry.date) }),
        el("p", { id: warningId, text: t.confirmWarning }),
        el("div", { className: "chatlog-archive__actions" }, [yes, no]),
      ]);
      const close = () => {
        group.remove();
        actions.hidden = false;
      };
      no.addEventListener("click", () => {
        close();
        trigger.focus();
      });
      group.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close();
          trigger.focus();
        }
      });
      yes.addEventListener("click", async () => {
        if (yes.getAttribute("aria-disabled") === "true") return;
        yes.setAttribute("aria-disabled", "true");
        this.announce(t.deleting);
        try {
          await this.request("DELETE", `/api/archive/sessions/${encodeURIComponent(entry.data.session_id)}`);
          this.erased(entry);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) {
            this.erased(entry); // already gone (erased elsewhere, or expired): the outcome the customer asked for
            return;
          }
          close();
          trigger.focus();
          if (error instanceof ApiError && error.status === 409) {
            this.showRefusal(alert, error.serverMessage);
            return;
          }
          this.fail(error, () => this.askDelete(entry, actions, trigger, alert));
        }
      });
      actions.hidden = true;
      actions.after(group);
      no.focus();
    }

    showRefusal(alert, reason) {
      const nodes = [el("strong", { text: this.t.refused })];
      if (reason) {
        const span = el("span", { className: "chatlog-archive__reason" });
        span.textContent = ` ${reason}`;
        if (SERVER_LANG !== this.lang) span.setAttribute("lang", SERVER_LANG);
        nodes.push(span);
      }
      alert.replaceChildren(...nodes);
      this.announce("");
    }

    erased(entry) {
      const id = entry.data.session_id;
      const wasOpen = this.current === id;
      const next = this.removeEntry(id);
      if (wasOpen) {
        this.returnFocus = null;
        this.current = null;
        this.convView.hidden = true;
        this.convMessages.replaceChildren();
        this.convActions.replaceChildren();
        this.listView.hidden = false;
      }
      this.announce(this.t.deleted(entry.date));
      this.focusAfterRemoval(next);
      if (this.sessions.size === 0 && this.nextCursor) this.loadMore();
    }

    /* The entry after the removed one (or before it, if it was the last), for focus. */
    removeEntry(id) {
      const entry = this.sessions.get(id);
      if (!entry) return null;
      const sibling = entry.item.nextElementSibling || entry.item.previousElementSibling;
      entry.item.remove();
      this.sessions.delete(id);
      this.refreshList();
      return sibling ? this.sessions.get(sibling.dataset.sessionId) || null : null;
    }

    focusAfterRemoval(next) {
      if (next) next.openButton.focus();
      else this.listHeading.focus();
    }

    /* --- objection ------------------------------------------------------------------------------ */

    async loadObjection() {
      try {
        const body = await this.request("GET", "/api/archive/objection");
        this.objection = Boolean(body && body.objection);
        this.objectionWanted = this.objection;
        this.objectionBox.checked = this.objection;
        this.objectionBox.disabled = false;
      } catch (error) {
        this.fail(error, () => this.loadObjection());
      }
    }

    /* The box shows what the customer wants at once; the server follows, one request at a time, until
       it agrees (a quick double toggle ends where the box ends). */
    async objectionChanged() {
      this.objectionWanted = this.objectionBox.checked;
      if (this.objectionBusy) return;
      this.objectionBusy = true;
      this.objectionBox.setAttribute("aria-busy", "true");
      try {
        while (this.objection !== this.objectionWanted) {
          const want = this.objectionWanted;
          const body = await this.request(want ? "POST" : "DELETE", "/api/archive/objection");
          this.objection = Boolean(body && body.objection);
        }
        this.announce(this.objection ? this.t.objectionOn : this.t.objectionOff);
      } catch (error) {
        if (error instanceof Stale) return;
        this.objectionWanted = this.objection;
        this.objectionBox.checked = Boolean(this.objection);
        this.fail(error, null);
      } finally {
        this.objectionBusy = false;
        this.objectionBox.removeAttribute("aria-busy");
      }
    }

    /* --- who has looked at the chats (the access log) ----------------------------------------------- */

    /* One page of entries, newest first, following next_cursor past empty pages (a few at most). */
    async fetchAccess(cursor) {
      let next = cursor;
      let entries = [];
      for (let hop = 0; hop < ACCESS_MAX_HOPS; hop += 1) {
        const query = `limit=${this.pageSize}${next ? `&cursor=${encodeURIComponent(next)}` : ""}`;
        const page = await this.request("GET", `/api/archive/access-log?${query}`);
        if (page && Array.isArray(page.entries)) entries = entries.concat(page.entries);
        next = page && typeof page.next_cursor === "string" ? page.next_cursor : null;
        if (entries.length || !next) break;
      }
      return { entries, next };
    }

    async loadAccessLog() {
      if (this.accessBusy) return;
      const generation = this.generation;
      this.accessBusy = true;
      this.accessLoading.hidden = false;
      try {
        const { entries, next } = await this.fetchAccess(null);
        this.accessLoaded = true;
        this.accessLoading.hidden = true;
        this.addAccess(entries, next);
      } catch (error) {
        if (error instanceof Stale || generation !== this.generation) return;
        this.accessLoading.hidden = true;
        this.fail(error, () => this.loadAccessLog());
      } finally {
        if (generation === this.generation) this.accessBusy = false;
      }
    }

    async loadMoreAccess() {
      if (!this.accessCursor || this.accessBusy) return;
      const generation = this.generation;
      this.accessBusy = true;
      this.accessMore.setAttribute("aria-disabled", "true");
      try {
        const { entries, next } = await this.fetchAccess(this.accessCursor);
        const { first, added } = this.addAccess(entries, next);
        this.announce(added ? this.t.accessLoadedMore(added) : this.t.accessNoMore);
        /* Focus the first entry just added: the keyboard user carries on reading there. */
        if (first) first.item.focus();
        else if (!this.accessMore.hidden) this.accessMore.focus();
        else this.accessTitle.focus();
      } catch (error) {
        if (error instanceof Stale || generation !== this.generation) return;
        this.fail(error, () => this.loadMoreAccess());
      } finally {
        if (generation === this.generation) {
          this.accessBusy = false;
          this.accessMore.removeAttribute("aria-disabled");
        }
      }
    }

    addAccess(entries, next) {
      let first = null;
      let added = 0;
      for (const data of entries) {
        if (!data || typeof data !== "object") continue;
        const entry = this.renderAccess(data);
        this.accessEntries.push(entry);
        this.accessList.append(entry.item);
        added += 1;
        if (!first) first = entry;
      }
      this.accessCursor = next;
      const empty = this.accessEntries.length === 0;
      this.accessList.hidden = empty;
      this.accessEmpty.hidden = !(empty && !next && this.accessLoaded);
      this.accessMore.hidden = !next;
      this.refreshAccessLinks();
      return { first, added };
    }

    /* "3. mars 2025 kl. 14:02 — Rådgiver tok over samtalen fra chatboten — Begrunnelse: …". Everything
       from the server (the purpose is free text a staff member typed) goes in with textContent. */
    renderAccess(data) {
      const t = this.t;
      const has = (table, key) => typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key);
      const role = has(t.roles, data.role) ? data.role : "other";
      const action = typeof data.action === "string" ? data.action : "";
      const when = el("time", { text: this.dateTime(data.at) });
      if (data.at) when.setAttribute("datetime", String(data.at));
      const what = el("p", { className: "chatlog-archive__access-what" }, [
        el("span", { className: "chatlog-archive__access-who", text: t.roles[role] }),
        typeof data.staff_id === "string" && data.staff_id
          ? el("span", { className: "chatlog-archive__access-staff", text: t.accessStaff(data.staff_id) })
          : null,
        " ",
        el("span", { className: "chatlog-archive__access-action", text: has(t.actions, action) ? t.actions[action] : action }),
      ]);
      const purpose = typeof data.purpose === "string" ? data.purpose.trim() : "";
      const purposeNode = purpose
        ? el("p", { className: "chatlog-archive__access-purpose" }, [
          el("span", { className: "chatlog-archive__access-label", text: t.accessPurpose }),
          el("span", { className: "chatlog-archive__access-reason", text: purpose }),
        ])
        : null;
      const sessionId = typeof data.session_id === "string" && data.session_id ? data.session_id : null;
      let openButton = null;
      let openHidden = null;
      if (sessionId) {
        openHidden = el("span", { className: "chatlog-archive__sr" });
        openButton = el("button", { type: "button", className: "chatlog-archive__open chatlog-archive__access-open", hidden: true }, [
          t.accessOpen,
          openHidden,
        ]);
        openButton.addEventListener("click", () => this.openConversation(sessionId, openButton));
      }
      const item = el("li", { className: "chatlog-archive__access-item", tabindex: -1 }, [
        el("p", { className: "chatlog-archive__access-when" }, [when]),
        what,
        purposeNode,
        openButton,
      ]);
      if (sessionId) item.dataset.sessionId = sessionId;
      return { data, item, sessionId, openButton, openHidden };
    }

    /* An entry links to its conversation while that conversation is in the list (loaded, not erased). */
    refreshAccessLinks() {
      for (const entry of this.accessEntries || []) {
        if (!entry.openButton) continue;
        const session = this.sessions.get(entry.sessionId);
        entry.openButton.hidden = !session;
        entry.openHidden.textContent = session ? this.t.accessOpenHidden(session.date) : "";
      }
    }

    /* --- export --------------------------------------------------------------------------------- */

    async exportAll() {
      if (this.exportBusy) return;
      this.exportBusy = true;
      this.exportButton.setAttribute("aria-disabled", "true");
      this.announce(this.t.exporting);
      try {
        const { body, text, headers } = await this.request("GET", "/api/archive/export", { raw: true });
        const name = exportFileName(headers.get("Content-Disposition"), body && body.exported_at);
        this.offerFile(text, name);
        this.announce(this.t.exportReady(name));
      } catch (error) {
        this.fail(error, () => this.exportAll());
      } finally {
        this.exportBusy = false;
        this.exportButton.removeAttribute("aria-disabled");
      }
    }

    offerFile(text, name) {
      this.dropExport();
      this.exportUrl = global.URL.createObjectURL(new Blob([text], { type: "application/json" }));
      const link = el("a", { href: this.exportUrl, download: name, className: "chatlog-archive__link", text: this.t.exportLink(name) });
      this.exportLinkSlot.replaceChildren(link);
      this.exportLinkSlot.hidden = false;
      /* Start the download at once; the link stays for a second try (or a browser that blocked it). */
      const auto = el("a", { href: this.exportUrl, download: name });
      auto.hidden = true;
      this.container.append(auto);
      auto.click();
      auto.remove();
    }

    dropExport() {
      if (this.exportUrl) global.URL.revokeObjectURL(this.exportUrl);
      this.exportUrl = null;
      this.exportLinkSlot.replaceChildren();
      this.exportLinkSlot.hidden = true;
    }
  }

  /* --- public surface ------------------------------------------------------------------------------ */

  function mount(element, options) {
    if (!(element instanceof global.Element)) throw new TypeError("ChatlogArchive.mount needs a DOM element");
    const archive = new Archive(element, options);
    return Object.freeze({
      destroy: () => archive.destroy(),
      setToken: (token) => archive.setToken(token),
      get lang() {
        return archive.lang;
      },
    });
  }

  /* The iframe variant (embed.html): the token arrives by postMessage from the parent page, accepted
     only from the one origin the page was configured with (data-parent-origin, else ?parent=). */
  function embed(element, options) {
    const opts = options || {};
    const attr = element.getAttribute("data-parent-origin");
    const param = new URLSearchParams(global.location.search).get("parent");
    const parentOrigin = normaliseOrigin(attr && attr.trim() ? attr : param);
    const waiting = element.querySelector("[data-chatlog-archive-waiting]");
    if (!parentOrigin || global.parent === global) {
      if (waiting) {
        waiting.textContent = "This page must be embedded by the bank's online bank (no parent origin configured).";
        waiting.setAttribute("lang", "en");
      }
      element.setAttribute("data-chatlog-archive-state", "unconfigured");
      return null;
    }
    const post = (message) => {
      try {
        global.parent.postMessage(message, parentOrigin);
      } catch (_) {
        /* parent gone */
      }
    };
    let controller = null;
    let lang = null;
    global.addEventListener("message", (event) => {
      if (event.origin !== parentOrigin || event.source !== global.parent) return;
      const data = event.data;
      if (!data || typeof data !== "object" || data.type !== "chatlog-archive-token") return;
      if (data.token === null) {
        if (controller) controller.destroy();
        controller = null;
        return;
      }
      if (typeof data.token !== "string" || !data.token) return;
      const wanted = data.lang === "en" ? "en" : data.lang === "nb" ? "nb" : lang || opts.lang || "nb";
      if (controller && wanted === lang) {
        controller.setToken(data.token);
        return;
      }
      if (controller) controller.destroy();
      lang = wanted;
      global.document.documentElement.lang = lang;
      global.document.title = STRINGS[lang].title;
      controller = mount(element, {
        token: data.token,
        lang,
        baseUrl: opts.baseUrl,
        headingLevel: 1,
        onAuthError: (code) => post({ type: "chatlog-archive-token-expired", code }),
      });
      element.setAttribute("data-chatlog-archive-state", "mounted");
    });
    /* Let the parent size the iframe to its content (no inner scroll bar at 400 % zoom). */
    if (typeof global.ResizeObserver === "function") {
      let last = 0;
      new global.ResizeObserver(() => {
        const height = Math.ceil(global.document.documentElement.scrollHeight);
        if (height !== last) {
          last = height;
          post({ type: "chatlog-archive-height", height });
        }
      }).observe(global.document.body);
    }
    element.setAttribute("data-chatlog-archive-state", "waiting");
    post({ type: "chatlog-archive-ready" });
    return Object.freeze({ parentOrigin });
  }

  global.ChatlogArchive = Object.freeze({ mount, embed });

  /* embed.html opts in with data-chatlog-archive-embed (no inline script needed under its CSP). */
  const host = global.document.querySelector("[data-chatlog-archive-embed]");
  if (host) embed(host);
})(window);
