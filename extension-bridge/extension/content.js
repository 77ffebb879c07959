// Presend content script: watches the marketplace's composers and forms, shows the
// verdict in an overlay of its own, and asks before a violating draft is sent.
//
// It never changes what the user typed or the page's own elements, never fetches the
// marketplace's pages and never sends on its own: only a send the user started is
// resumed. The overlay is a closed shadow root, so the page's scripts cannot read it;
// highlights are boxes measured from the field, not a copy of the draft.
// Wording: wording.js. How pages are recognised: pages.js.
"use strict";

(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const WORDS = globalThis.PRESEND_WORDING ?? {};
  const PAGES = globalThis.PRESEND_PAGES;
  const DEBOUNCE_MS = 350;
  const EDITABLE = "[contenteditable=''], [contenteditable='true' i], [contenteditable='plaintext-only']";
  const INPUTS = "input[type=text], input:not([type])";

  function say(key, values = {}) {
    const template = WORDS[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  }

  // --- the page ---------------------------------------------------------------------

  const compiled = PAGES.kinds.map((k) => ({ ...k, re: k.paths.map((p) => new RegExp(p, "i")) }));

  function pageInfo() {
    const path = location.pathname;
    return compiled.find((k) => k.re.some((re) => re.test(path))) ?? PAGES.generic;
  }

  function fieldSelector() {
    return pageInfo().inputs ? `textarea, ${EDITABLE}, ${INPUTS}` : `textarea, ${EDITABLE}`;
  }

  function conversationKey() {
    return `contract:${location.pathname}`;
  }

  // The extension was reloaded or updated: this copy of the script can no longer
  // reach it (Chromium does not inject the new copy into open pages).
  function orphaned() {
    try {
      return !api.runtime?.id;
    } catch {
      return true;
    }
  }

  let settings = { role: "freelancer", stage: "pre_contract", unchecked: "warn" };
  let stored = null; // this page's stage choice: true, false or null
  const loadSettings = async () => {
    try {
      settings = await api.storage.sync.get(settings);
      stored = (await api.storage.local.get({ [conversationKey()]: null }))[conversationKey()];
    } catch {
      // orphaned: keep what we had
    }
  };
  loadSettings();

  // The context a check assumes, and where its stage came from.
  function assumed() {
    const info = pageInfo();
    let stage = settings.stage;
    let source = info.kind === "generic" ? "generic" : "default";
    if (stored !== null) {
      stage = stored ? "active_contract" : "pre_contract";
      source = "choice";
    } else if (info.stage) {
      stage = info.stage;
      source = "page";
    }
    return { kind: info.kind, channel: info.channel, stage, source, key: conversationKey() };
  }

  function assumedText(a) {
    return say("assumed", {
      channel: say(`channel_${a.channel}`),
      stage: say(`stage_${a.stage}`),
      source: say(`source_${a.source}`),
    });
  }

  // --- reading a field -------------------------------------------------------------

  // Text of a contenteditable, with a map from text offsets (UTF-16, like the host's
  // reply) back to DOM text nodes.
  function readEditable(root) {
    const pieces = [];
    const map = []; // {node, start}
    let length = 0;
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          map.push({ node: child, start: length });
          pieces.push(child.data);
          length += child.data.length;
        } else if (child.nodeName === "BR") {
          pieces.push("\n");
          length += 1;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const block = /^(DIV|P|LI|H[1-6]|BLOCKQUOTE)$/.test(child.nodeName);
          if (block && length > 0 && pieces[pieces.length - 1] !== "\n") {
            pieces.push("\n");
            length += 1;
          }
          walk(child);
        }
      }
    };
    walk(root);
    return { text: pieces.join(""), map };
  }

  function readField(field) {
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
      return { text: field.value, map: null };
    }
    return readEditable(field);
  }

  function fieldLabel(field) {
    const byId = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    const label =
      field.getAttribute("aria-label") ||
      (field.getAttribute("aria-labelledby") && byId(field.getAttribute("aria-labelledby"))) ||
      (field.labels?.[0]?.textContent) ||
      field.closest(".form-group, fieldset, section")?.querySelector("label, legend, h2, h3")?.textContent ||
      field.getAttribute("placeholder") || "";
    return label.trim().replace(/\s+/g, " ").slice(0, 80);
  }

  // --- the overlay -----------------------------------------------------------------

  const host = document.createElement("presend-overlay");
  host.style.cssText = "position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;";
  const shadow = host.attachShadow({ mode: "closed" });
  shadow.innerHTML = `
    <style>
      :host { all: initial; }
      .badge { position: absolute; font: 600 12px/1.6 system-ui, sans-serif; padding: 1px 8px;
        border-radius: 10px; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25);
        white-space: nowrap; user-select: none; }
      .badge[data-verdict="clean"] { background: #e6f4ea; color: #137333; }
      .badge[data-verdict="violation"] { background: #d93025; color: #fff; }
      .badge[data-verdict="caution"] { background: #fef7e0; color: #a05a00; }
      .badge[data-verdict="exception"] { background: #e8f0fe; color: #1a56c4; }
      .badge[data-verdict="host"] { background: #eee; color: #444; }
      .badge[data-verdict="unchecked"] { background: #fef7e0; color: #a05a00; }
      .mirror { position: absolute; visibility: hidden; overflow: hidden; }
      .rect { position: absolute; pointer-events: none; border-bottom: 2px solid #d93025;
        background: rgba(217,48,37,.16); border-radius: 2px; }
      .rect[data-severity="caution"] { border-color: #e37400; background: rgba(227,116,0,.14); }
      .rect[data-severity="exception"] { border-color: #1a73e8; background: rgba(26,115,232,.12); }
      .panel, .ask { position: absolute; width: 360px; max-height: 420px; overflow: auto;
        background: #fff; color: #202124; font: 13px/1.45 system-ui, sans-serif; border-radius: 8px;
        box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 12px 14px; }
      .panel h2, .ask h2 { font-size: 14px; margin: 0 0 8px; }
      .finding { border-top: 1px solid #eee; padding: 8px 0; }
      .finding .where { color: #5f6368; font-size: 12px; }
      .finding .msg { font-weight: 600; }
      .finding .why, .finding .exc, .finding .instead { margin-top: 4px; }
      .finding .exc { color: #1a56c4; }
      .finding code { background: #f1f3f4; padding: 0 3px; border-radius: 3px; }
      .assumed { margin-top: 8px; font-size: 12px; color: #444; }
      label.started { display: block; margin-top: 4px; font-size: 12px; color: #444; }
      .ask .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; }
      button { font: 600 13px system-ui, sans-serif; border-radius: 4px; padding: 6px 12px;
        border: 1px solid #dadce0; background: #fff; cursor: pointer; }
      button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
      .note { position: fixed; right: 16px; bottom: 16px; max-width: 420px; white-space: pre-line;
        background: #fff; color: #202124; font: 13px/1.45 system-ui, sans-serif; border-radius: 8px;
        box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 10px 14px; }
      [hidden] { display: none !important; }
    </style>
    <div class="mirror"></div>
    <div class="rects"></div>
    <div class="badge" role="status" aria-live="polite" hidden></div>
    <div class="panel" role="dialog" hidden></div>
    <div class="ask" role="alertdialog" hidden>
      <h2></h2>
      <div class="ask-list"></div>
      <div class="buttons">
        <button class="edit primary"></button>
        <button class="anyway"></button>
      </div>
    </div>`;
  const $ = (sel) => shadow.querySelector(sel);
  const badge = $(".badge");
  const mirror = $(".mirror");
  const rects = $(".rects");
  const panel = $(".panel");
  const ask = $(".ask");
  panel.setAttribute("aria-label", say("panel_title_found"));
  $(".edit").textContent = say("ask_edit");

  function attachOverlay() {
    if (!host.isConnected) document.documentElement.appendChild(host);
  }

  // --- state per field ---------------------------------------------------------------

  const states = new WeakMap(); // field -> {timer, seq, text, report, assumed, checking, sent}
  let activeField = null;
  let askFor = null; // {fields, resume, signature}
  let approved = null; // the texts the user chose to send anyway

  function stateOf(field) {
    let s = states.get(field);
    if (!s) {
      s = { timer: null, seq: 0, text: null, report: null, assumed: null, checking: null, sent: null };
      states.set(field, s);
    }
    return s;
  }

  function isField(el) {
    return el instanceof Element && el.matches(fieldSelector()) && !host.contains(el) &&
      !el.disabled && !el.readOnly;
  }

  function fieldFrom(el) {
    if (!(el instanceof Element)) return null;
    if (isField(el)) return el;
    const editable = el.closest(EDITABLE);
    return editable && isField(editable) ? editable : null;
  }

  function visible(el) {
    return el.getClientRects().length > 0;
  }

  // Ask the host; a failure comes back as an error report, never as an exception.
  async function askHost(text, context) {
    if (orphaned()) return { type: "error", code: "reloaded" };
    try {
      const reply = await api.runtime.sendMessage({ type: "presend:check", text, context });
      return reply ?? { type: "error", code: "host_exited", message: "no reply" };
    } catch (err) {
      const invalid = orphaned() || /context invalidated/i.test(String(err?.message ?? err));
      return invalid
        ? { type: "error", code: "reloaded" }
        : { type: "error", code: "other", message: String(err?.message ?? err) };
    }
  }

  async function runCheck(field) {
    const state = stateOf(field);
    const { text } = readField(field);
    if (state.text === text && state.report?.type === "report") return state.report;
    const seq = ++state.seq;
    const started = performance.now();
    const a = assumed();
    const context = { marketplace: "upwork", role: settings.role, stage: a.stage, channel: a.channel };
    const reply = await askHost(text, context);
    if (seq !== state.seq) return state.checking; // a newer check is on its way
    state.text = text;
    state.report = reply;
    state.assumed = a;
    state.sent = null;
    if (field === activeField) render(field);
    host.dataset.lastMs = (performance.now() - started).toFixed(2);
    host.dataset.checks = String((parseInt(host.dataset.checks ?? "0", 10) || 0) + 1);
    return reply;
  }

  function check(field) {
    const state = stateOf(field);
    clearTimeout(state.timer);
    state.checking = runCheck(field);
    return state.checking;
  }

  function schedule(field) {
    const state = stateOf(field);
    clearTimeout(state.timer);
    state.timer = setTimeout(() => check(field), DEBOUNCE_MS);
  }

  // --- rendering ----------------------------------------------------------------------

  function shownFindings(report) {
    return (report?.findings ?? []).filter((f) => f.severity !== "info");
  }

  // Findings the host left out of the reply because it would have been too large.
  function hiddenCount(report) {
    const t = report?.truncated;
    return t ? Math.max(0, (t.total ?? 0) - (t.shown ?? 0)) : 0;
  }

  function errorCode(report) {
    const code = report?.code ?? "other";
    return ["host_missing", "host_outdated", "host_exited", "host_error", "timeout", "reloaded"]
      .includes(code) ? code : "other";
  }

  function badgeText(report) {
    const shown = shownFindings(report).length + hiddenCount(report);
    if (report.verdict === "clean") return say("badge_clear");
    if (report.verdict === "violation" && shownFindings(report).length === 0) return say("badge_too_large");
    return shown === 1 ? say("badge_one_issue") : say("badge_issues", { n: shown });
  }

  function render(field) {
    attachOverlay();
    const state = stateOf(field);
    const report = state.report;
    const rect = field.getBoundingClientRect();
    const x = rect.left + scrollX;
    const y = rect.top + scrollY;
    badge.hidden = false;
    let text;
    if (state.sent) {
      badge.dataset.verdict = "unchecked";
      text = say("badge_sent_unchecked", { why: say(`short_${state.sent}`) });
      badge.title = say(`fix_${state.sent}`);
      clearMarks();
    } else if (!report || report.type === "error") {
      badge.dataset.verdict = "host";
      const code = report ? errorCode(report) : "other";
      text = code === "other" ? say("badge_not_checked") : say("badge_error", { why: say(`short_${code}`) });
      badge.title = report?.message ?? "";
      clearMarks();
    } else {
      badge.dataset.verdict = report.verdict;
      text = badgeText(report);
      badge.title = say("badge_title_found");
      drawMarks(field, report);
    }
    badge.textContent = pageInfo().kind === "generic" ? say("badge_generic", { badge: text }) : text;
    const bw = badge.offsetWidth || 120;
    badge.style.left = `${x + rect.width - bw - 6}px`;
    badge.style.top = `${y + rect.height - 24}px`;
    if (!panel.hidden) fillPanel(field);
  }

  function clearMarks() {
    rects.replaceChildren();
  }

  const MIRRORED = [
    "boxSizing", "width", "height", "paddingTop", "paddingRight", "paddingBottom",
    "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
    "borderStyle", "fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing",
    "lineHeight", "textTransform", "wordSpacing", "textIndent", "tabSize", "direction",
  ];

  function addRect(r, f, clip) {
    const left = Math.max(r.left, clip.left);
    const right = Math.min(r.right, clip.right);
    const top = Math.max(r.top, clip.top);
    const bottom = Math.min(r.bottom, clip.bottom);
    if (right <= left || bottom <= top) return;
    const div = document.createElement("div");
    div.className = "rect";
    div.dataset.severity = f.severity;
    div.dataset.type = f.type;
    div.dataset.start = String(f.start);
    div.dataset.end = String(f.end);
    div.style.cssText = `left:${left + scrollX}px;top:${top + scrollY}px;` +
      `width:${right - left}px;height:${bottom - top}px`;
    rects.appendChild(div);
  }

  function drawMarks(field, report) {
    clearMarks();
    const findings = shownFindings(report);
    if (!findings.length) return;
    const clip = field.getBoundingClientRect();
    const { text, map } = readField(field);
    if (map === null) {
      // A textarea or input: lay the text out in a hidden mirror with the same box and
      // font, measure where each finding falls, and empty the mirror again at once.
      const style = getComputedStyle(field);
      for (const prop of MIRRORED) mirror.style[prop] = style[prop];
      const oneLine = field instanceof HTMLInputElement;
      mirror.style.whiteSpace = oneLine ? "pre" : "pre-wrap";
      mirror.style.overflowWrap = "break-word";
      mirror.style.left = `${clip.left + scrollX}px`;
      mirror.style.top = `${clip.top + scrollY}px`;
      const node = document.createTextNode(`${text}\n`);
      mirror.replaceChildren(node);
      mirror.scrollTop = field.scrollTop;
      mirror.scrollLeft = field.scrollLeft;
      for (const f of findings) {
        const range = document.createRange();
        range.setStart(node, Math.min(f.start, text.length));
        range.setEnd(node, Math.min(f.end, text.length));
        for (const r of range.getClientRects()) addRect(r, f, clip);
      }
      mirror.replaceChildren();
      return;
    }
    // A contenteditable: boxes from DOM ranges over the field's own text nodes.
    const at = (offset, isEnd) => {
      for (let i = map.length - 1; i >= 0; i -= 1) {
        const { node, start } = map[i];
        if (offset > start || (offset === start && !isEnd) || i === 0) {
          return [node, Math.min(Math.max(offset - start, 0), node.data.length)];
        }
      }
      return null;
    };
    for (const f of findings) {
      const a = at(f.start, false);
      const b = at(f.end, true);
      if (!a || !b) continue;
      const range = document.createRange();
      range.setStart(...a);
      range.setEnd(...b);
      for (const r of range.getClientRects()) addRect(r, f, clip);
    }
  }

  function findingNode(f, where) {
    const div = document.createElement("div");
    div.className = "finding";
    const add = (cls, text) => {
      if (!text) return;
      const p = document.createElement("div");
      p.className = cls;
      p.textContent = text;
      div.appendChild(p);
    };
    if (where) add("where", say("finding_in_field", { field: where }));
    add("msg", f.message);
    const found = document.createElement("code");
    found.textContent = f.text;
    div.appendChild(found);
    add("why", f.explanation);
    // An allowed finding already explains its exception; its suggestion is what the
    // exception still requires, not something to write instead.
    if (f.exception && f.exception.explanation !== f.explanation) {
      add("exc", say("finding_exception", { text: f.exception.explanation }));
    }
    if (f.suggestion) {
      add("instead", say(f.exception ? "finding_still_required" : "finding_instead", { text: f.suggestion }));
    }
    return div;
  }

  function hiddenNode(report) {
    const n = hiddenCount(report);
    if (!n) return [];
    const div = document.createElement("div");
    div.className = "finding hidden-findings";
    div.textContent = say("panel_hidden_findings", { n });
    return [div];
  }

  function errorNodes(report) {
    const code = report.type === "error" ? errorCode(report) : report;
    return ["why", "fix"].map((part) => Object.assign(document.createElement("div"), {
      className: part,
      textContent: say(`${part}_${code}`, { detail: report.message ?? "" }),
    }));
  }

  function fillPanel(field) {
    const state = stateOf(field);
    const report = state.report;
    const title = document.createElement("h2");
    const shown = shownFindings(report);
    const failed = !report || report.type === "error";
    title.textContent = failed
      ? say("panel_title_error")
      : shown.length || hiddenCount(report) ? say("panel_title_found") : say("panel_title_clear");
    const items = failed
      ? report ? errorNodes(report) : []
      : [...shown.map((f) => findingNode(f)), ...hiddenNode(report)];
    const a = state.assumed ?? assumed();
    const line = Object.assign(document.createElement("div"), {
      className: "assumed", textContent: assumedText(a),
    });
    const label = document.createElement("label");
    label.className = "started";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "contract-started";
    box.checked = a.stage === "active_contract";
    box.addEventListener("change", () => setStarted(box.checked));
    const kind = pageInfo().kind;
    label.append(box, " ", say(kind === "message" ? "started_conversation" : "started_page"));
    panel.replaceChildren(title, ...items, line, label);
    const rect = field.getBoundingClientRect();
    panel.style.left = `${Math.max(8, rect.right + scrollX - 360)}px`;
    panel.style.top = `${rect.bottom + scrollY + 6}px`;
  }

  async function setStarted(started) {
    stored = started;
    try {
      await api.storage.local.set({ [conversationKey()]: started });
    } catch {
      // orphaned: the choice holds for this page until it reloads
    }
    recheckAll();
  }

  function recheckAll() {
    for (const field of document.querySelectorAll(fieldSelector())) {
      const state = states.get(field);
      if (!state) continue;
      state.text = null;
      if (readField(field).text.trim()) check(field);
    }
  }

  badge.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden && activeField) fillPanel(activeField);
  });

  try {
    api.storage.onChanged.addListener((changes) => {
      if (changes[conversationKey()]) stored = changes[conversationKey()].newValue ?? null;
      for (const name of ["role", "stage", "unchecked"]) {
        if (changes[name]) settings[name] = changes[name].newValue;
      }
      recheckAll();
    });
    // The popup asks which stage and channel this page's checks assume.
    api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      if (message?.type !== "presend:page") return false;
      const a = assumed();
      sendResponse({ ...a, text: assumedText(a) });
      return false;
    });
  } catch {
    // orphaned before we started
  }

  // --- asking before sending -------------------------------------------------------------

  let bypass = false;

  function signature(fields) {
    return fields.map((f) => readField(f).text).join("\u0000");
  }

  function resumeSend(resume) {
    bypass = true;
    try {
      resume();
    } finally {
      bypass = false;
    }
  }

  // bad: [{field, report, where?}]; mode "violation" or "unchecked"; a file's question
  // brings its own words and what to do when the user keeps it out.
  function showAsk(mode, bad, fields, resume, file = null) {
    attachOverlay();
    askFor = { fields, resume, bad, mode, file };
    const titles = file
      ? ["ask_file_title", "ask_file_unchecked_title", "ask_file_anyway", "ask_file_unchecked"]
      : ["ask_violation_title", "ask_unchecked_title", "ask_send_anyway", "ask_send_unchecked"];
    const violation = mode === "violation";
    ask.querySelector("h2").textContent = say(violation ? titles[0] : titles[1]);
    ask.setAttribute("aria-label", ask.querySelector("h2").textContent);
    $(".anyway").textContent = say(violation ? titles[2] : titles[3]);
    $(".edit").textContent = say(file ? "ask_file_keep_out" : "ask_edit");
    const several = fields.length > 1;
    const items = [];
    for (const { field, report, where: named } of bad) {
      const where = named ?? (several ? fieldLabel(field) : "");
      if (!violation) {
        items.push(...errorNodes(report));
        break;
      }
      const violations = shownFindings(report).filter((f) => f.severity === "violation");
      items.push(...violations.map((f) => findingNode(f, where)), ...hiddenNode(report));
    }
    $(".ask-list").replaceChildren(...items);
    const rect = anchorOf(bad[0].field).getBoundingClientRect();
    ask.style.left = `${Math.max(8, rect.left + scrollX)}px`;
    ask.style.top = `${Math.max(8, rect.top + scrollY - 10)}px`;
    ask.hidden = false;
    $(".edit").focus();
  }

  // Where to show something about an element that may itself be hidden (a file input).
  function anchorOf(el) {
    let node = el;
    while (node && node !== document.body && !visible(node)) node = node.parentElement;
    return node ?? document.body;
  }

  $(".edit").addEventListener("click", () => {
    ask.hidden = true;
    const pendingSend = askFor;
    askFor = null;
    if (pendingSend?.file) {
      pendingSend.file.keepOut();
      return;
    }
    pendingSend?.bad[0]?.field?.focus();
  });
  $(".anyway").addEventListener("click", () => {
    ask.hidden = true;
    const pendingSend = askFor;
    askFor = null;
    if (!pendingSend) return;
    if (pendingSend.file) {
      resumeSend(pendingSend.resume);
      return;
    }
    approved = signature(pendingSend.fields);
    if (pendingSend.mode === "unchecked") markSentUnchecked(pendingSend.bad);
    resumeSend(pendingSend.resume);
  });
  shadow.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ask.hidden) $(".edit").click();
  });

  function markSentUnchecked(bad) {
    for (const { field, report } of bad) {
      stateOf(field).sent = errorCode(report);
      if (field === activeField || bad.length === 1) render(field);
    }
  }

  function freshReport(field) {
    const state = stateOf(field);
    const fresh = state.text === readField(field).text && state.report?.type === "report";
    return fresh ? state.report : null;
  }

  function decide(fields, reports, resume) {
    const pairs = fields.map((field, i) => ({ field, report: reports[i] }));
    const bad = pairs.filter((p) => p.report?.type === "report" && p.report.verdict === "violation");
    if (bad.length) {
      showAsk("violation", bad, fields, resume);
      return;
    }
    const failed = pairs.filter((p) => p.report?.type !== "report");
    if (failed.length && settings.unchecked === "hold") {
      showAsk("unchecked", failed, fields, resume);
      return;
    }
    resumeSend(resume);
    // Sent without a check: the badge says so and why.
    if (failed.length) markSentUnchecked(failed);
  }

  // Decide on a send of these fields: let it through, or hold it, check, and ask.
  // Called in the capture phase, before the page sees the event.
  function gate(event, fields, resume) {
    if (bypass) return;
    const filled = fields.filter((f) => readField(f).text.trim());
    if (!filled.length) return;
    if (approved !== null && approved === signature(filled)) return;
    if (orphaned()) {
      const failed = filled.map((field) => ({ field, report: { type: "error", code: "reloaded" } }));
      if (settings.unchecked === "hold") {
        event.preventDefault();
        event.stopImmediatePropagation();
        showAsk("unchecked", failed, filled, resume);
      } else {
        markSentUnchecked(failed);
      }
      return;
    }
    const reports = filled.map(freshReport);
    if (reports.every((r) => r && r.verdict !== "violation")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (reports.every((r) => r)) {
      decide(filled, reports, resume);
      return;
    }
    // Typed faster than the pause, or not checked yet: check now, then send or ask.
    Promise.all(filled.map((f, i) => reports[i] ?? check(f)))
      .then((done) => decide(filled, done, resume))
      .catch(() => resumeSend(resume));
  }

  document.addEventListener("keydown", (event) => {
    const field = fieldFrom(event.target);
    if (!field || event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    // Enter sends only in a message composer; in forms it is a new line.
    if (!pageInfo().enter || field instanceof HTMLInputElement) return;
    gate(event, [field], () => {
      field.dispatchEvent(new KeyboardEvent("keydown", {
        key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true, cancelable: true,
      }));
    });
  }, true);

  function fieldsIn(scope) {
    return [...scope.querySelectorAll(fieldSelector())].filter((f) => isField(f) && visible(f));
  }

  // Every field that goes out with this button: its composer's, its form's, its
  // dialog's, or else the page's.
  function fieldsForButton(button) {
    const scopes = [button.closest(PAGES.composer), button.form, button.closest("[role=dialog], dialog")];
    for (const scope of scopes) {
      if (!scope) continue;
      const fields = fieldsIn(scope);
      if (fields.length) return fields;
    }
    return fieldsIn(document);
  }

  function buttonWords(button) {
    return [button.textContent, button.getAttribute("aria-label"), button.getAttribute("title"),
      button.value, button.getAttribute("data-test"), button.getAttribute("data-ev-label")]
      .filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
  }

  const NOT_SEND = new RegExp(PAGES.notSend.join("|"), "i");
  const ICON_SEND = PAGES.iconSend.join(", ");

  function isSendButton(button) {
    if (button.disabled) return false;
    const words = buttonWords(button);
    if (words && NOT_SEND.test(words)) return false;
    const send = new RegExp(`\\b(${pageInfo().send.join("|")})\\b`, "i");
    if (send.test(words)) return true;
    if (button.type === "submit" && button.form) return true;
    return button.matches(ICON_SEND);
  }

  document.addEventListener("click", (event) => {
    if (bypass || !(event.target instanceof Element) || host.contains(event.target)) return;
    const button = event.target.closest("button, input[type=submit], [role=button]");
    if (!button || !isSendButton(button)) return;
    gate(event, fieldsForButton(button), () => button.click());
  }, true);

  // --- attachments ------------------------------------------------------------------------
  //
  // A file chosen in the page's file input, or dropped on the page, is held back from the
  // page until the host has read and checked it; then it is passed on, or kept out if the
  // user chooses so. Images are passed on at once, with a note that they were not read.

  const MAX_FILE_MB = 3; // its base64 must fit the host's 4 MB frames
  const READABLE = /\.(pdf|docx|txt|md)$/i;
  const IMAGE = /\.(png|jpe?g|gif|webp|heic|bmp|tiff?|svg)$/i;
  const note = document.createElement("div");
  note.className = "note";
  note.setAttribute("role", "status");
  note.hidden = true;
  shadow.appendChild(note);
  let noteTimer = null;

  function showNote(text) {
    attachOverlay();
    note.textContent = text;
    note.hidden = false;
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => { note.hidden = true; }, 15000);
  }

  function readBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",", 2)[1] ?? "");
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  // The host's report on a file, or a local one for files it need not see.
  async function checkFile(file) {
    const local = (reason) => ({ type: "report", file: file.name, checked: false, reason });
    if (IMAGE.test(file.name) || file.type.startsWith("image/")) return local("image");
    if (!READABLE.test(file.name)) return local("type");
    if (file.size > MAX_FILE_MB * 1024 * 1024) return local("too_large");
    if (orphaned()) return { type: "error", code: "reloaded" };
    const a = assumed();
    const context = { marketplace: "upwork", role: settings.role, stage: a.stage, channel: a.channel };
    try {
      const data = await readBase64(file);
      const reply = await api.runtime.sendMessage({
        type: "presend:check-file", name: file.name, mime: file.type, data, context,
      });
      return reply ?? { type: "error", code: "host_exited", message: "no reply" };
    } catch (err) {
      return orphaned() ? { type: "error", code: "reloaded" } : { type: "error", code: "other", message: String(err?.message ?? err) };
    }
  }

  function fileWhy(report) {
    if (report.type === "error") return say(`short_${errorCode(report)}`);
    return say(`file_why_${report.reason}`, { mb: MAX_FILE_MB, detail: report.message ?? "" });
  }

  // Decide on files the page has not seen yet; release() hands them to the page.
  async function judgeFiles(files, anchor, release, keepOut) {
    const started = performance.now();
    const reports = await Promise.all(files.map(checkFile));
    host.dataset.lastFileMs = (performance.now() - started).toFixed(2);
    const pairs = files.map((f, i) => ({ field: anchor, report: reports[i], where: f.name }));
    const bad = pairs.filter((p) => p.report.checked && p.report.verdict === "violation");
    const hostFailed = pairs.filter((p) => p.report.type === "error");
    const unread = pairs.filter((p) => p.report.type === "report" && !p.report.checked);
    if (bad.length) {
      showAsk("violation", bad, [anchor], release, { keepOut });
      return;
    }
    if (hostFailed.length && settings.unchecked === "hold") {
      showAsk("unchecked", hostFailed, [anchor], release, { keepOut });
      return;
    }
    resumeSend(release);
    const notes = [...hostFailed, ...unread].map((p) => say("file_not_checked", { name: p.where, why: fileWhy(p.report) }));
    if (!notes.length) notes.push(...pairs.map((p) => say("file_clear", { name: p.where })));
    showNote(notes.join("\n"));
  }

  const heldInputs = new WeakSet();

  function holdFileInput(event) {
    const input = event.target;
    if (bypass || !(input instanceof HTMLInputElement) || input.type !== "file") return;
    if (!input.files?.length || orphaned()) return;
    event.stopImmediatePropagation();
    if (event.type === "input" || heldInputs.has(input)) return; // the change decides for both
    heldInputs.add(input);
    const release = () => {
      heldInputs.delete(input);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    };
    const keepOut = () => {
      heldInputs.delete(input);
      input.value = "";
    };
    judgeFiles([...input.files], input, release, keepOut);
  }
  document.addEventListener("input", holdFileInput, true);
  document.addEventListener("change", holdFileInput, true);

  document.addEventListener("drop", (event) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (bypass || !files.length || orphaned() || !(event.target instanceof Element)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const target = event.target;
    const release = () => {
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(f);
      target.dispatchEvent(new DragEvent("drop", {
        bubbles: true, cancelable: true, dataTransfer: transfer,
        clientX: event.clientX, clientY: event.clientY,
      }));
    };
    judgeFiles(files, target, release, () => {});
  }, true);

  // --- watching fields -------------------------------------------------------------------

  document.addEventListener("input", (event) => {
    const field = fieldFrom(event.target);
    if (!field) return;
    activeField = field;
    schedule(field);
  }, true);

  document.addEventListener("focusin", (event) => {
    const field = fieldFrom(event.target);
    if (!field) return;
    activeField = field;
    if (readField(field).text.trim()) schedule(field);
    else if (stateOf(field).report || stateOf(field).sent) render(field);
  }, true);

  const reposition = () => {
    const s = activeField && stateOf(activeField);
    if (activeField?.isConnected && (s.report || s.sent)) render(activeField);
  };
  addEventListener("scroll", reposition, true);
  addEventListener("resize", reposition);
})();
