/*
 * chatlog analysts' dashboard (/stats/): service figures from GET /api/stats/service.
 *
 * Plain browser JavaScript, no build step, no request to any other origin. The rules that matter here:
 *  - the staff token lives in this page's memory only (never a URL, never storage);
 *  - the server has already suppressed every small cell: a figure that reads "<5" is shown as "<5" in
 *    the summary, the charts (no bar, no point, the text "<5"), the tables and the CSV files, and is
 *    never replaced by a number;
 *  - every text reaches the page through textContent (or SVG text nodes), never as HTML;
 *  - each chart has its numbers in a visible table under it, and "Last ned CSV" downloads that table,
 *    built here from the same values.
 */
(function (global) {
  "use strict";

  const Charts = global.ChatlogCharts;
  const SUPPRESSED = "<5";
  const MAX_DAYS = 400;
  const DEFAULT_DAYS = 30;
  const DAY_MS = 86400000;

  const T = {
    loading: "Henter tall …",
    showing: (from, to, days) => `Viser ${days} ${days === 1 ? "dag" : "dager"}: ${longDate(from)} – ${longDate(to)} (UTC).`,
    empty: "Ingen samtaler i valgt periode.",
    badToken: "Tokenet ble ikke godtatt (ugyldig eller utløpt). Skaff et nytt.",
    wrongRole: "Tokenet gir ikke tilgang til statistikk. Det må ha rollen analytiker eller compliance.",
    unavailable: "Statistikken er ikke tilgjengelig akkurat nå. Prøv igjen om litt.",
    network: "Fikk ikke kontakt med serveren.",
    refused: (msg) => `Serveren avviste perioden: ${msg}`,
    generic: "Noe gikk galt under hentingen av tallene.",
    noDevTokens: "Utviklingstokens finnes bare i utviklingsmodus. I produksjon kommer tokenet fra bankens innlogging.",
    needDates: "Velg både fra- og til-dato.",
    order: "Fra-datoen må være før eller lik til-datoen.",
    tooLong: (n) => `Perioden er ${n} dager. Den kan være på høyst ${MAX_DAYS} dager.`,
    signedAs: "Logget inn med token for ansatte",
    csv: "Last ned CSV",
    csvNamed: (what) => `Last ned CSV: ${what}`,
    day: "Dag",
    window: "Hele perioden",
    sessions: "Samtaler",
    anonymous: "Anonyme",
    authenticated: "Innlogget",
    handovers: "Overført til rådgiver",
    handoverRate: "Andel overført",
    endedWaiting: "Avsluttet mens kunden ventet",
    endedWaitingRate: "Andel avsluttet i kø",
    topic: "Emne",
    firstAnswer: "Første svar",
    pickup: "Rådgiver tok samtalen",
    duration: "Samtalelengde",
    messages: "Meldinger per samtale",
    n: "antall",
    p50: "median",
    p90: "90. persentil",
    none: "–",
    tableScroll: (what) => `Tabell: ${what}`,
    volumeChart: "Samtaler per dag etter type",
    volumeDesc: "Stolpediagram med to stolper per dag: anonyme samtaler (helfylt) og innloggede (skravert). " +
      "«<5» står der en stolpe er skjult. Tallene står i tabellen under.",
    volumeTable: "Samtaler per dag etter type",
    topicsChart: "Samtaler per emne i perioden",
    topicsDesc: "Liggende stolper, én per emne, med tallet ved siden av. «<5» betyr at stolpen er skjult. " +
      "Tallene står i tabellen under.",
    topicsTable: "Samtaler per emne i perioden",
    trendTitle: "Emner per dag",
    trendTable: "Samtaler per emne og dag",
    handoverChart: "Andel overført til rådgiver og andel avsluttet i kø, per dag",
    handoverDesc: "Linjediagram i prosent: andel overført til rådgiver (heltrukken linje, runde punkter) og " +
      "andel avsluttet mens kunden ventet (stiplet linje, firkanter). «<5» står der en andel er skjult. " +
      "Tallene står i tabellen under.",
    handoverTable: "Overføringer og samtaler avsluttet i kø per dag",
    firstChart: "Tid til første svar per dag (median og 90. persentil)",
    pickupChart: "Tid til rådgiver tok samtalen per dag (median og 90. persentil)",
    durationChart: "Samtalelengde per dag (median og 90. persentil)",
    spreadDesc: "Linjediagram i minutter og sekunder: median (heltrukken linje, runde punkter) og 90. persentil " +
      "(stiplet linje, firkanter). «<5» står der tallet er skjult. Tallene står i tabellen under.",
    speedTable: "Svartid, samtalelengde og meldinger per dag",
    speedTitle: "Tall per dag",
    windowFigures: "Hele perioden",
  };

  /* --- formatting ----------------------------------------------------------------------------------- */

  const intFmt = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });
  const pctFmt = new Intl.NumberFormat("nb-NO", { style: "percent", maximumFractionDigits: 1 });
  const numFmt = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1 });

  function isNumber(v) {
    return typeof v === "number" && Number.isFinite(v);
  }

  function count(v) {
    if (v === SUPPRESSED) return SUPPRESSED;
    return isNumber(v) ? intFmt.format(v) : T.none;
  }

  function percent(v) {
    if (v === SUPPRESSED) return SUPPRESSED;
    return isNumber(v) ? pctFmt.format(v) : T.none;
  }

  function clock(seconds) {
    if (seconds === SUPPRESSED) return SUPPRESSED;
    if (!isNumber(seconds)) return T.none;
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const ss = String(s % 60).padStart(2, "0");
    return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${String(m).padStart(2, "0")}:${ss}`;
  }

  function plain(v) {
    if (v === SUPPRESSED) return SUPPRESSED;
    return isNumber(v) ? numFmt.format(v) : T.none;
  }

  /* A spread ({n, p50, p90} or "<5") taken apart: each part is a number, null or "<5". */
  function part(spread, key) {
    if (spread === SUPPRESSED) return SUPPRESSED;
    if (!spread || typeof spread !== "object") return null;
    const v = spread[key];
    return isNumber(v) ? v : null;
  }

  function longDate(iso) {
    const [y, m, d] = iso.split("-");
    return `${d}.${m}.${y}`;
  }

  function shortDate(iso) {
    const [, m, d] = iso.split("-");
    return `${d}.${m}`;
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  function parseDay(iso) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || "")) return null;
    const t = Date.parse(`${iso}T00:00:00Z`);
    return Number.isNaN(t) ? null : t;
  }

  function daysBetween(from, to) {
    const out = [];
    for (let t = parseDay(from); t <= parseDay(to); t += DAY_MS) out.push(isoDay(new Date(t)));
    return out;
  }

  /* --- small DOM helpers ---------------------------------------------------------------------------- */

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  let tableCounter = 0;

  /**
   * A table whose rows are built from the same values the CSV gets. cols: [{label, csv?, show(v)}];
   * rows: arrays of raw values (the first one the row header). Returns {node, csvRows}.
   */
  function dataTable(caption, cols, rows, foot) {
    const id = `table-${++tableCounter}`;
    const scroller = el("div", "stats__table-wrap stats__scroll");
    scroller.setAttribute("role", "group");
    scroller.setAttribute("aria-labelledby", `${id}-caption`);
    const table = el("table", "stats__table");
    const cap = el("caption", "", caption);
    cap.id = `${id}-caption`;
    table.append(cap);
    const head = el("thead");
    const hr = el("tr");
    for (const c of cols) {
      const th = el("th", c.numeric ? "stats__num" : "", c.label);
      th.scope = "col";
      hr.append(th);
    }
    head.append(hr);
    table.append(head);
    const section = (tag, list) => {
      const body = el(tag);
      for (const row of list) {
        const tr = el("tr");
        row.forEach((v, i) => {
          const c = cols[i];
          const cell = el(i === 0 ? "th" : "td", c.numeric ? "stats__num" : "", c.show ? c.show(v) : String(v));
          if (i === 0) cell.scope = "row";
          if (v === SUPPRESSED) cell.classList.add("stats__suppressed");
          tr.append(cell);
        });
        body.append(tr);
      }
      return body;
    };
    table.append(section("tbody", rows));
    if (foot && foot.length) table.append(section("tfoot", foot));
    scroller.append(table);
    const csvRows = [cols.map((c) => c.csv || c.label), ...rows, ...(foot || [])].map((row, r) =>
      r === 0 ? row : row.map((v, i) => (cols[i].raw ? cols[i].raw(v) : v)));
    return { node: scroller, csvRows };
  }

  /* A box that scrolls sideways (a wide table, a chart on a narrow screen) is reachable by keyboard while
     it scrolls, and only then. */
  const scrollWatch = typeof ResizeObserver === "function" ? new ResizeObserver((entries) => {
    for (const entry of entries) focusableIfScrolling(entry.target);
  }) : null;

  function focusableIfScrolling(node) {
    if (node.scrollWidth > node.clientWidth + 1) node.tabIndex = 0;
    else node.removeAttribute("tabindex");
  }

  function watchScrolling(root) {
    for (const node of root.querySelectorAll(".stats__scroll")) {
      focusableIfScrolling(node);
      if (scrollWatch) scrollWatch.observe(node);
    }
  }

  /* --- CSV -------------------------------------------------------------------------------------------- */

  function csvCell(v) {
    if (v === null || v === undefined) return "";
    if (isNumber(v)) return String(v);
    let s = String(v);
    if (s !== SUPPRESSED && /^[=+\-@\t\r]/.test(s)) s = `'${s}`; /* no formulas in a spreadsheet */
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }

  function toCsv(rows) {
    return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function download(name, rows) {
    /* A byte-order mark so that spreadsheet programs read æøå as UTF-8. */
    const blob = new Blob(["\ufeff", toCsv(rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    global.setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /* --- the page ------------------------------------------------------------------------------------- */

  class Dashboard {
    constructor() {
      this.token = null; /* in memory only */
      this.range = null;
      this.controller = null;
      this.data = null;
      this.$ = (id) => document.getElementById(id);
      this.signin = this.$("signin");
      this.board = this.$("board");
      this.tokenField = this.$("token");
      this.signinError = this.$("signin-error");
      this.fromField = this.$("from");
      this.toField = this.$("to");
      this.rangeError = this.$("range-error");
      this.status = this.$("status");
      this.loadError = this.$("load-error");
      this.signOutButton = this.$("sign-out");
      this.signedAs = this.$("signed-as");
      this.panels = {};
      for (const node of document.querySelectorAll("[data-panel]")) this.panels[node.dataset.panel] = node;
      this.setDefaultRange(DEFAULT_DAYS);
      this.wire();
    }

    wire() {
      this.$("signin-form").addEventListener("submit", (event) => {
        event.preventDefault();
        const token = this.tokenField.value.trim();
        if (token) this.signIn(token);
        else this.signinError.textContent = T.badToken;
      });
      this.$("dev-token").addEventListener("click", () => this.devToken());
      this.signOutButton.addEventListener("click", () => this.signOut());
      this.$("range-form").addEventListener("submit", (event) => {
        event.preventDefault();
        this.applyRange();
      });
      for (const button of document.querySelectorAll("[data-days]")) {
        button.addEventListener("click", () => {
          this.setDefaultRange(Number(button.dataset.days));
          this.applyRange();
        });
      }
    }

    setDefaultRange(days) {
      const today = Date.parse(`${isoDay(new Date())}T00:00:00Z`);
      this.toField.value = isoDay(new Date(today));
      this.fromField.value = isoDay(new Date(today - (days - 1) * DAY_MS));
    }

    /* The range in the fields, or null after saying what is wrong with it. */
    readRange() {
      const from = this.fromField.value;
      const to = this.toField.value;
      let problem = "";
      if (parseDay(from) === null || parseDay(to) === null) problem = T.needDates;
      else if (parseDay(from) > parseDay(to)) problem = T.order;
      else {
        const days = Math.round((parseDay(to) - parseDay(from)) / DAY_MS) + 1;
        if (days > MAX_DAYS) problem = T.tooLong(days);
      }
      this.rangeError.textContent = problem;
      for (const field of [this.fromField, this.toField]) {
        if (problem) field.setAttribute("aria-invalid", "true");
        else field.removeAttribute("aria-invalid");
      }
      return problem ? null : { from, to };
    }

    applyRange() {
      const range = this.readRange();
      if (!range) {
        this.fromField.focus();
        return;
      }
      this.range = range;
      this.load();
    }

    async devToken() {
      this.signinError.textContent = "";
      let response;
      try {
        response = await fetch("/api/dev/tokens", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ role: "analyst" }),
          credentials: "omit",
          cache: "no-store",
        });
      } catch (err) {
        this.signinError.textContent = T.network;
        return;
      }
      if (!response.ok) {
        this.signinError.textContent = response.status === 404 ? T.noDevTokens : T.generic;
        return;
      }
      this.signIn((await response.json()).token);
    }

    async signIn(token) {
      this.tokenField.value = "";
      this.signinError.textContent = "";
      this.token = token;
      this.range = this.readRange() || this.range;
      if (!this.range) {
        this.setDefaultRange(DEFAULT_DAYS);
        this.range = this.readRange();
      }
      await this.load(true);
    }

    signOut(message) {
      if (this.controller) this.controller.abort();
      this.token = null;
      this.data = null;
      this.board.hidden = true;
      this.signin.hidden = false;
      this.signOutButton.hidden = true;
      this.signedAs.textContent = "";
      this.signinError.textContent = message || "";
      this.tokenField.focus();
    }

    showBoard() {
      if (!this.board.hidden) return;
      this.signin.hidden = true;
      this.board.hidden = false;
      this.signOutButton.hidden = false;
      this.signedAs.textContent = T.signedAs;
      this.$("range-title").setAttribute("tabindex", "-1");
      this.$("range-title").focus();
    }

    async load(first) {
      if (!this.token || !this.range) return;
      if (this.controller) this.controller.abort();
      const controller = new AbortController();
      this.controller = controller;
      const { from, to } = this.range;
      const since = `${from}T00:00:00.000Z`;
      const until = `${isoDay(new Date(parseDay(to) + DAY_MS))}T00:00:00.000Z`;
      const url = `/api/stats/service?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`;
      this.status.textContent = T.loading;
      this.loadError.textContent = "";
      this.board.setAttribute("aria-busy", "true");
      let response;
      let body = null;
      try {
        response = await fetch(url, {
          headers: { Authorization: `Bearer ${this.token}` },
          credentials: "omit",
          cache: "no-store",
          signal: controller.signal,
        });
        body = await response.json().catch(() => null);
      } catch (err) {
        if (controller.signal.aborted) return;
        this.failed(T.network, first);
        return;
      } finally {
        if (this.controller === controller) this.board.removeAttribute("aria-busy");
      }
      if (controller.signal.aborted) return;
      if (response.status === 401) {
        this.signOut(T.badToken);
        return;
      }
      if (response.status === 403) {
        this.signOut(T.wrongRole);
        return;
      }
      if (!response.ok || !body) {
        const message = body && body.error && typeof body.error.message === "string" ? body.error.message : "";
        this.failed(response.status === 400 && message ? T.refused(message)
          : response.status === 503 ? T.unavailable : T.generic, first);
        return;
      }
      this.data = body;
      this.showBoard();
      this.render(body, from, to);
    }

    failed(message, first) {
      if (first) {
        this.signOut(message);
        return;
      }
      this.status.textContent = "";
      this.loadError.textContent = message;
    }

    /* --- rendering --------------------------------------------------------------------------------- */

    render(body, from, to) {
      const days = daysBetween(from, to);
      const byDay = new Map((body.days || []).map((d) => [d.day, d]));
      const listed = [...byDay.keys()].sort();
      const totals = body.totals;
      const sessions = totals.sessions;
      this.status.textContent = T.showing(from, to, days.length) + (sessions === 0 ? ` ${T.empty}` : "");
      this.renderSummary(totals);
      const ctx = {
        from, to, days, listed, byDay, totals,
        categories: days.map((d) => ({ day: d, short: shortDate(d) })),
        topics: body.topics || [],
      };
      this.renderVolume(ctx);
      this.renderTopics(ctx);
      this.renderHandover(ctx);
      this.renderSpeed(ctx);
      if (scrollWatch) scrollWatch.disconnect();
      watchScrolling(this.board);
    }

    renderSummary(totals) {
      const set = (key, text) => {
        const node = document.querySelector(`[data-summary="${key}"]`);
        node.textContent = text;
        node.classList.toggle("stats__suppressed", text === SUPPRESSED);
      };
      set("sessions", count(totals.sessions));
      set("anonymous", count(totals.anonymous));
      set("authenticated", count(totals.authenticated));
      set("handover_rate", percent(totals.handover_rate));
      set("ended_waiting_rate", percent(totals.ended_waiting_rate));
      set("first_answer_p50", clock(part(totals.first_answer_s, "p50")));
    }

    csvButton(panel, label, rows) {
      const button = el("button", "stats__csv stats__secondary", T.csv);
      button.type = "button";
      button.setAttribute("aria-label", T.csvNamed(label));
      button.dataset.csv = panel;
      button.addEventListener("click", () => {
        download(`chatlog-${panel}-${this.range.from}-${this.range.to}.csv`, rows);
      });
      return button;
    }

    /* Chart, table and CSV button, in that order, into one block. */
    block(panel, chart, caption, cols, rows, foot) {
      const wrap = el("div", "stats__block");
      wrap.dataset.block = panel;
      if (chart) wrap.append(chart);
      const table = dataTable(caption, cols, rows, foot);
      const bar = el("div", "stats__block-actions");
      bar.append(this.csvButton(panel, caption, table.csvRows));
      wrap.append(table.node, bar);
      return wrap;
    }

    renderVolume(ctx) {
      const series = [{ name: T.anonymous, key: "anonymous" }, { name: T.authenticated, key: "authenticated" }];
      const chart = Charts.columns({
        title: T.volumeChart,
        desc: T.volumeDesc,
        categories: ctx.categories,
        series,
        value: (ci, si) => {
          const d = ctx.byDay.get(ctx.days[ci]);
          return d ? d[series[si].key] : 0;
        },
        format: (v) => intFmt.format(v),
      });
      const cols = [
        { label: T.day, csv: "day" },
        { label: T.sessions, csv: "sessions", numeric: true, show: count },
        { label: T.anonymous, csv: "anonymous", numeric: true, show: count },
        { label: T.authenticated, csv: "authenticated", numeric: true, show: count },
      ];
      const row = (label, d) => [label, d.sessions, d.anonymous, d.authenticated];
      const rows = ctx.listed.map((day) => row(day, ctx.byDay.get(day)));
      const node = this.panels.volume;
      node.replaceChildren(this.block("volume", chart, T.volumeTable, cols, rows, [row(T.window, ctx.totals)]));
    }

    renderTopics(ctx) {
      const items = ctx.topics.map((t) => ({ label: t.label_nb, value: ctx.totals.topics[t.topic] }));
      const chart = Charts.bars({
        title: T.topicsChart,
        desc: T.topicsDesc,
        items: items.map((it) => ({ label: it.label, value: it.value === undefined ? null : it.value })),
        format: (v) => intFmt.format(v),
      });
      const cols = [
        { label: T.topic, csv: "topic" },
        { label: T.sessions, csv: "sessions", numeric: true, show: count },
      ];
      const rows = items.map((it) => [it.label, it.value === undefined ? null : it.value]);
      const trendCols = [
        { label: T.day, csv: "day" },
        ...ctx.topics.map((t) => ({ label: t.label_nb, csv: t.topic, numeric: true, show: count })),
      ];
      const trendRow = (label, d) => [label, ...ctx.topics.map((t) => (d.topics ? d.topics[t.topic] : null))];
      const trendRows = ctx.listed.map((day) => trendRow(day, ctx.byDay.get(day)));
      const trendHead = el("h3", "stats__subtitle", T.trendTitle);
      const node = this.panels.topics;
      node.replaceChildren(
        this.block("topics", chart, T.topicsTable, cols, rows, null),
        trendHead,
        this.block("topics-per-day", null, T.trendTable, trendCols, trendRows, [trendRow(T.window, ctx.totals)]),
      );
    }

    renderHandover(ctx) {
      const series = [{ name: T.handoverRate, key: "handover_rate" }, { name: T.endedWaitingRate, key: "ended_waiting_rate" }];
      const chart = Charts.lines({
        title: T.handoverChart,
        desc: T.handoverDesc,
        categories: ctx.categories,
        series,
        value: (ci, si) => {
          const d = ctx.byDay.get(ctx.days[ci]);
          return d ? d[series[si].key] : null;
        },
        format: (v) => pctFmt.format(v),
        max: 1,
      });
      const rate = (v) => percent(v);
      const cols = [
        { label: T.day, csv: "day" },
        { label: T.sessions, csv: "sessions", numeric: true, show: count },
        { label: T.handovers, csv: "handovers", numeric: true, show: count },
        { label: T.handoverRate, csv: "handover_rate", numeric: true, show: rate },
        { label: T.endedWaiting, csv: "ended_waiting", numeric: true, show: count },
        { label: T.endedWaitingRate, csv: "ended_waiting_rate", numeric: true, show: rate },
      ];
      const row = (label, d) => [label, d.sessions, d.handovers, d.handover_rate, d.ended_waiting, d.ended_waiting_rate];
      const rows = ctx.listed.map((day) => row(day, ctx.byDay.get(day)));
      const figures = el("dl", "stats__figures stats__figures--small");
      const fig = (label, text) => {
        const box = el("div", "stats__figure");
        const dd = el("dd", text === SUPPRESSED ? "stats__suppressed" : "", text);
        box.append(el("dt", "", label), dd);
        figures.append(box);
      };
      fig(T.handovers, count(ctx.totals.handovers));
      fig(T.handoverRate, percent(ctx.totals.handover_rate));
      fig(T.endedWaiting, count(ctx.totals.ended_waiting));
      fig(T.endedWaitingRate, percent(ctx.totals.ended_waiting_rate));
      const node = this.panels.handover;
      node.replaceChildren(
        el("h3", "stats__subtitle", T.windowFigures), figures,
        this.block("handover", chart, T.handoverTable, cols, rows, [row(T.window, ctx.totals)]),
      );
    }

    renderSpeed(ctx) {
      const spreadChart = (title, key) => Charts.lines({
        title,
        desc: T.spreadDesc,
        categories: ctx.categories,
        series: [{ name: T.p50 }, { name: T.p90 }],
        value: (ci, si) => {
          const d = ctx.byDay.get(ctx.days[ci]);
          return d ? part(d[key], si === 0 ? "p50" : "p90") : null;
        },
        format: clock,
        time: true,
      });
      const spreads = [
        ["first_answer_s", T.firstAnswer, clock],
        ["pickup_s", T.pickup, clock],
        ["duration_s", T.duration, clock],
        ["messages", T.messages, plain],
      ];
      const cols = [{ label: T.day, csv: "day" }];
      for (const [key, label, show] of spreads) {
        cols.push(
          { label: `${label}, ${T.n}`, csv: `${key}_n`, numeric: true, show: count },
          { label: `${label}, ${T.p50}`, csv: `${key}_p50`, numeric: true, show },
          { label: `${label}, ${T.p90}`, csv: `${key}_p90`, numeric: true, show },
        );
      }
      const row = (label, d) => {
        const out = [label];
        for (const [key] of spreads) {
          const s = d[key];
          out.push(s === SUPPRESSED ? SUPPRESSED : s ? s.n : null, part(s, "p50"), part(s, "p90"));
        }
        return out;
      };
      const rows = ctx.listed.map((day) => row(day, ctx.byDay.get(day)));
      const windowCols = [
        { label: "", csv: "figure" },
        { label: T.n, csv: "n", numeric: true, show: count },
        { label: T.p50, csv: "p50", numeric: true },
        { label: T.p90, csv: "p90", numeric: true },
      ];
      const windowRows = spreads.map(([key, label, show]) => {
        const s = ctx.totals[key];
        return [label, s === SUPPRESSED ? SUPPRESSED : s ? s.n : null, { v: part(s, "p50"), show }, { v: part(s, "p90"), show }];
      });
      /* The window table mixes times and counts per row: each cell carries its own formatter. */
      windowCols[2].show = (c) => c.show(c.v);
      windowCols[3].show = (c) => c.show(c.v);
      windowCols[2].raw = (c) => c.v;
      windowCols[3].raw = (c) => c.v;
      windowCols[0].label = "Mål";
      const charts = el("div", "stats__chart-grid");
      charts.append(
        spreadChart(T.firstChart, "first_answer_s"),
        spreadChart(T.pickupChart, "pickup_s"),
        spreadChart(T.durationChart, "duration_s"),
      );
      const node = this.panels.speed;
      node.replaceChildren(
        el("h3", "stats__subtitle", T.windowFigures),
        this.block("speed-window", null, `${T.windowFigures}: svartid, samtalelengde og meldinger (tider i mm:ss)`,
          windowCols, windowRows, null),
        el("h3", "stats__subtitle", T.speedTitle),
        charts,
        this.block("speed", null, `${T.speedTable} (tider i mm:ss)`, cols, rows, [row(T.window, ctx.totals)]),
      );
    }
  }

  global.chatlogStats = new Dashboard();
})(window);
