/*
 * chatlog statistics: a small SVG chart renderer (no library, no request anywhere).
 *
 * Three kinds: grouped columns (per day, one column per series), horizontal bars (one per item) and lines
 * (per day, one line per series). A value is a number, null (no data: nothing drawn) or the string "<5"
 * (a suppressed figure: nothing drawn, the text "<5" written where the column or point would be). Values
 * are never guessed. Series differ by pattern, dash and marker shape as well as by colour, and each chart
 * comes with an HTML legend; the numbers themselves are in the table the page puts under each chart.
 *
 * Every SVG is role="img", named by its <title> and described by its <desc>. No inline styles (the page's
 * CSP has style-src 'self'): colours are presentation attributes, checked for contrast on white:
 * #0b3d91 10.5:1, #0a5c36 7.9:1, #a4001d 7.6:1, axis text #404a5c 8.9:1, axis line #4a5263 7.9:1.
 */
(function (global) {
  "use strict";

  const NS = "http://www.w3.org/2000/svg";
  const SUPPRESSED = "<5";
  const W = 720;
  let counter = 0;

  /* Series looks: colour, fill (solid or a hatch pattern), line dash and marker shape. */
  const LOOKS = [
    { color: "#0b3d91", hatch: false, dash: null, marker: "circle" },
    { color: "#0a5c36", hatch: true, dash: "7 4", marker: "square" },
    { color: "#a4001d", hatch: false, dash: "2 3", marker: "triangle" },
    { color: "#5b2a86", hatch: true, dash: "10 3 2 3", marker: "diamond" },
  ];

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function htmlEl(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function isNumber(v) {
    return typeof v === "number" && Number.isFinite(v);
  }

  /* The axis: a round step (1, 2 or 5 times a power of ten; at least 1 for counts and seconds) and 1 to 5
     ticks, so that tick labels are exact (no "2.5" rounded to "3"). */
  const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 18000, 36000, 86400];

  function niceAxis(v, fixedMax, time) {
    if (fixedMax) return { max: fixedMax, ticks: 5 };
    if (!(v > 0)) return { max: 5, ticks: 5 };
    const p = Math.pow(10, Math.floor(Math.log10(v / 5)));
    let step = 10 * p;
    for (const m of [1, 2, 5]) {
      if (m * p * 5 >= v) { step = m * p; break; }
    }
    if (time) step = TIME_STEPS.find((t) => t * 5 >= v) || step;
    step = Math.max(1, step);
    const ticks = Math.max(1, Math.ceil(v / step));
    return { max: step * ticks, ticks };
  }

  function niceMax(v) {
    return niceAxis(v).max;
  }

  /* The <svg> with its accessible name and description, and a <defs> holding the hatch patterns. */
  function frame(opts, height) {
    const id = `chart-${++counter}`;
    const svg = svgEl("svg", {
      viewBox: `0 0 ${W} ${height}`,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      class: "chart__svg",
      focusable: "false",
    });
    svg.append(svgEl("title", { id: `${id}-title` }, opts.title), svgEl("desc", { id: `${id}-desc` }, opts.desc));
    const defs = svgEl("defs");
    LOOKS.forEach((look, i) => {
      if (!look.hatch) return;
      const pattern = svgEl("pattern", {
        id: `${id}-hatch-${i}`, patternUnits: "userSpaceOnUse", width: 6, height: 6,
        patternTransform: "rotate(45)",
      });
      pattern.append(svgEl("rect", { width: 6, height: 6, fill: "#ffffff" }),
        svgEl("rect", { width: 3, height: 6, fill: look.color }));
      defs.append(pattern);
    });
    svg.append(defs);
    const fillOf = (i) => (LOOKS[i].hatch ? `url(#${id}-hatch-${i})` : LOOKS[i].color);
    return { svg, id, fillOf };
  }

  function legend(series, kind) {
    const list = htmlEl("ul", "chart__legend");
    series.forEach((s, i) => {
      const item = htmlEl("li", "chart__key");
      const sw = svgEl("svg", { width: 28, height: 14, viewBox: "0 0 28 14", "aria-hidden": "true", focusable: "false" });
      const look = LOOKS[i];
      if (kind === "line") {
        const line = svgEl("line", { x1: 1, y1: 7, x2: 27, y2: 7, stroke: look.color, "stroke-width": 2.5 });
        if (look.dash) line.setAttribute("stroke-dasharray", look.dash);
        sw.append(line, marker(look, 14, 7, look.color));
      } else {
        const defs = svgEl("defs");
        const pid = `key-${++counter}`;
        if (look.hatch) {
          const pattern = svgEl("pattern", { id: pid, patternUnits: "userSpaceOnUse", width: 6, height: 6,
            patternTransform: "rotate(45)" });
          pattern.append(svgEl("rect", { width: 6, height: 6, fill: "#ffffff" }),
            svgEl("rect", { width: 3, height: 6, fill: look.color }));
          defs.append(pattern);
          sw.append(defs);
        }
        sw.append(svgEl("rect", { x: 1, y: 1, width: 26, height: 12, fill: look.hatch ? `url(#${pid})` : look.color,
          stroke: look.color, "stroke-width": 1.5 }));
      }
      item.append(sw, htmlEl("span", "", s.name));
      list.append(item);
    });
    return list;
  }

  function marker(look, x, y, color) {
    const r = 3.5;
    if (look.marker === "square") {
      return svgEl("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: color });
    }
    if (look.marker === "triangle") {
      return svgEl("path", { d: `M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`, fill: color });
    }
    if (look.marker === "diamond") {
      return svgEl("path", { d: `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`, fill: color });
    }
    return svgEl("circle", { cx: x, cy: y, r, fill: color });
  }

  /* Y axis with gridlines and tick labels; returns the scale. */
  function yAxis(svg, box, axis, format) {
    const g = svgEl("g", { class: "chart__axis" });
    const { max, ticks } = axis;
    for (let i = 0; i <= ticks; i++) {
      const v = (max * i) / ticks;
      const y = box.top + box.height - (box.height * i) / ticks;
      if (i > 0) g.append(svgEl("line", { x1: box.left, x2: box.left + box.width, y1: y, y2: y, stroke: "#d5dbe5", "stroke-width": 1 }));
      g.append(svgEl("text", { x: box.left - 6, y: y + 4, "text-anchor": "end", fill: "#404a5c", "font-size": 12 }, format(v)));
    }
    g.append(svgEl("line", { x1: box.left, x2: box.left + box.width, y1: box.top + box.height, y2: box.top + box.height,
      stroke: "#4a5263", "stroke-width": 1.5 }));
    svg.append(g);
    return (v) => box.top + box.height - (box.height * v) / max;
  }

  /* Labels under the x axis: at most about 8, evenly spaced. */
  function xLabels(svg, box, categories, centerOf) {
    const g = svgEl("g", { class: "chart__axis" });
    const every = Math.max(1, Math.ceil(categories.length / 8));
    categories.forEach((c, i) => {
      if (i % every !== 0) return;
      g.append(svgEl("text", { x: centerOf(i), y: box.top + box.height + 18, "text-anchor": "middle", fill: "#404a5c",
        "font-size": 12 }, c.short));
    });
    svg.append(g);
  }

  function suppressedLabel(x, y, size) {
    return svgEl("text", { x, y, "text-anchor": "middle", fill: "#1a1f2b", "font-size": size, "font-weight": 700,
      class: "chart__suppressed" }, SUPPRESSED);
  }

  /* A figure: visible caption, the SVG in a box that scrolls sideways on narrow screens (the page makes
     it focusable while it does), the legend. */
  function wrap(svg, series, kind, title) {
    const figure = htmlEl("figure", "chart");
    const caption = htmlEl("figcaption", "chart__caption", title);
    const box = htmlEl("div", "chart__scroll stats__scroll");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", title);
    box.append(svg);
    figure.append(caption, box);
    if (series && series.length > 1) figure.append(legend(series, kind));
    return figure;
  }

  /**
   * Grouped columns. opts: {title, desc, categories: [{short}], series: [{name}], value(ci, si), format}.
   */
  function columns(opts) {
    const H = 260;
    const { svg, fillOf } = frame(opts, H);
    const box = { left: 52, top: 14, width: W - 52 - 10, height: H - 14 - 34 };
    let max = 0;
    opts.categories.forEach((_, ci) => opts.series.forEach((_, si) => {
      const v = opts.value(ci, si);
      if (isNumber(v)) max = Math.max(max, v);
    }));
    const y = yAxis(svg, box, niceAxis(max), opts.format);
    const n = Math.max(1, opts.categories.length);
    const slot = box.width / n;
    const groupWidth = slot * 0.8;
    const barWidth = groupWidth / opts.series.length;
    const labelSize = Math.max(8, Math.min(12, barWidth * 0.9));
    const bars = svgEl("g", { class: "chart__marks" });
    opts.categories.forEach((_, ci) => {
      opts.series.forEach((s, si) => {
        const v = opts.value(ci, si);
        const x = box.left + slot * ci + (slot - groupWidth) / 2 + barWidth * si;
        if (v === SUPPRESSED) {
          bars.append(suppressedLabel(x + barWidth / 2, box.top + box.height - 4, labelSize));
        } else if (isNumber(v) && v > 0) {
          const top = y(v);
          bars.append(svgEl("rect", { x, y: top, width: Math.max(1, barWidth - 1), height: box.top + box.height - top,
            fill: fillOf(si), stroke: LOOKS[si].color, "stroke-width": 1, "data-series": si, "data-category": ci }));
        }
      });
    });
    svg.append(bars);
    xLabels(svg, box, opts.categories, (i) => box.left + slot * i + slot / 2);
    return wrap(svg, opts.series, "bar", opts.title);
  }

  /** Horizontal bars. opts: {title, desc, items: [{label, value}], format}. */
  function bars(opts) {
    const rowH = 30;
    const labelW = 230;
    const valueW = 70;
    const H = 12 + rowH * Math.max(1, opts.items.length) + 8;
    const { svg } = frame(opts, H);
    const box = { left: labelW, width: W - labelW - valueW };
    let max = 0;
    for (const item of opts.items) if (isNumber(item.value)) max = Math.max(max, item.value);
    const scale = niceMax(max);
    const g = svgEl("g", { class: "chart__marks" });
    opts.items.forEach((item, i) => {
      const top = 12 + rowH * i;
      g.append(svgEl("text", { x: labelW - 8, y: top + rowH / 2 + 4, "text-anchor": "end", fill: "#1a1f2b", "font-size": 13 },
        item.label));
      let end = box.left;
      if (isNumber(item.value) && item.value > 0) {
        const width = Math.max(1, (box.width * item.value) / scale);
        g.append(svgEl("rect", { x: box.left, y: top + 5, width, height: rowH - 10, fill: LOOKS[0].color,
          "data-item": i }));
        end = box.left + width;
      }
      const text = item.value === SUPPRESSED ? SUPPRESSED : item.value === null ? "–" : opts.format(item.value);
      g.append(svgEl("text", { x: end + 6, y: top + rowH / 2 + 4, fill: "#1a1f2b", "font-size": 13,
        "font-weight": item.value === SUPPRESSED ? 700 : 400,
        class: item.value === SUPPRESSED ? "chart__suppressed" : "chart__value" }, text));
    });
    g.append(svgEl("line", { x1: box.left, x2: box.left, y1: 8, y2: H - 6, stroke: "#4a5263", "stroke-width": 1.5 }));
    svg.append(g);
    return wrap(svg, null, "bar", opts.title);
  }

  /**
   * Lines. opts: {title, desc, categories: [{short}], series: [{name}], value(ci, si), format, max?, time?}.
   * Points on neighbouring days are joined; "<5" and null break the line. A "<5" point is written as
   * the text "<5" just above the axis.
   */
  function lines(opts) {
    const H = 260;
    const { svg } = frame(opts, H);
    const box = { left: 58, top: 14, width: W - 58 - 14, height: H - 14 - 34 };
    let max = 0;
    opts.categories.forEach((_, ci) => opts.series.forEach((_, si) => {
      const v = opts.value(ci, si);
      if (isNumber(v)) max = Math.max(max, v);
    }));
    const y = yAxis(svg, box, niceAxis(max, opts.max, opts.time), opts.format);
    const n = Math.max(1, opts.categories.length);
    const slot = box.width / n;
    const xOf = (ci) => box.left + slot * ci + slot / 2;
    const marks = svgEl("g", { class: "chart__marks" });
    const suppressedAt = new Set();
    opts.series.forEach((s, si) => {
      const look = LOOKS[si];
      let path = "";
      let prev = false;
      const points = svgEl("g");
      opts.categories.forEach((_, ci) => {
        const v = opts.value(ci, si);
        if (isNumber(v)) {
          path += `${prev ? "L" : "M"}${xOf(ci).toFixed(1)} ${y(v).toFixed(1)}`;
          points.append(marker(look, xOf(ci), y(v), look.color));
          prev = true;
        } else {
          if (v === SUPPRESSED && !suppressedAt.has(ci)) {
            suppressedAt.add(ci);
            marks.append(suppressedLabel(xOf(ci), box.top + box.height - 4, Math.max(8, Math.min(12, slot * 0.9))));
          }
          prev = false;
        }
      });
      const line = svgEl("path", { d: path || "M0 0", fill: "none", stroke: look.color, "stroke-width": 2.5,
        "stroke-linejoin": "round", "data-series": si });
      if (look.dash) line.setAttribute("stroke-dasharray", look.dash);
      marks.append(line, points);
    });
    svg.append(marks);
    xLabels(svg, box, opts.categories, xOf);
    return wrap(svg, opts.series, "line", opts.title);
  }

  global.ChatlogCharts = { columns, bars, lines, SUPPRESSED };
})(window);
