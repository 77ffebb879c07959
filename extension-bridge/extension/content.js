// Presend content script: watches the marketplace's composers, shows the verdict in a
// shadow-DOM overlay, and asks before a violating draft is sent.
//
// It never changes what the user typed or the page's own elements: the badge,
// highlights, panel and question live in one overlay element of our own.
"use strict";

(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const DEBOUNCE_MS = 350;
  const FIELD_SELECTOR = "textarea, [contenteditable=''], [contenteditable='true']";
  const SEND_BUTTON = /\b(send|submit|post|reply)\b/i;

  // --- context --------------------------------------------------------------------

  function channelOfPage() {
    const path = location.pathname.toLowerCase();
    if (/\/(proposals?|apply)\b/.test(path)) return "proposal";
    if (/\/(job-post|post-job|jobs\/new|jobs\/edit)\b/.test(path)) return "job_post";
    if (/\/(profile|settings\/profile)\b/.test(path)) return "profile";
    return "message";
  }

  function conversationKey() {
    return `contract:${location.pathname}`;
  }

  async function contextFor() {
    const [sync, local] = await Promise.all([
      api.storage.sync.get({ role: "freelancer", stage: "pre_contract" }),
      api.storage.local.get({ [conversationKey()]: null }),
    ]);
    const started = local[conversationKey()];
    return {
      marketplace: "upwork",
      role: sync.role,
      stage: started === null ? sync.stage : started ? "active_contract" : "pre_contract",
      channel: channelOfPage(),
    };
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

  // --- the overlay -----------------------------------------------------------------

  const host = document.createElement("presend-overlay");
  host.style.cssText = "position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;";
  const shadow = host.attachShadow({ mode: "open" });
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
      .marks { position: absolute; pointer-events: none; overflow: hidden; color: transparent; }
      .marks mark { color: transparent; border-bottom: 2px solid #d93025;
        background: rgba(217,48,37,.16); border-radius: 2px; }
      .marks mark[data-severity="caution"] { border-color: #e37400; background: rgba(227,116,0,.14); }
      .marks mark[data-severity="exception"] { border-color: #1a73e8; background: rgba(26,115,232,.12); }
      .rect { position: absolute; pointer-events: none; border-bottom: 2px solid #d93025;
        background: rgba(217,48,37,.16); }
      .panel, .ask { position: absolute; width: 360px; max-height: 420px; overflow: auto;
        background: #fff; color: #202124; font: 13px/1.45 system-ui, sans-serif; border-radius: 8px;
        box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 12px 14px; }
      .panel h2, .ask h2 { font-size: 14px; margin: 0 0 8px; }
      .finding { border-top: 1px solid #eee; padding: 8px 0; }
      .finding .msg { font-weight: 600; }
      .finding .why, .finding .exc, .finding .instead { margin-top: 4px; }
      .finding .exc { color: #1a56c4; }
      .finding code { background: #f1f3f4; padding: 0 3px; border-radius: 3px; }
      label.started { display: block; margin-top: 8px; font-size: 12px; color: #444; }
      .ask .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; }
      button { font: 600 13px system-ui, sans-serif; border-radius: 4px; padding: 6px 12px;
        border: 1px solid #dadce0; background: #fff; cursor: pointer; }
      button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
      [hidden] { display: none !important; }
    </style>
    <div class="marks" part="marks"></div>
    <div class="rects"></div>
    <div class="badge" role="status" aria-live="polite" hidden></div>
    <div class="panel" role="dialog" aria-label="Presend findings" hidden></div>
    <div class="ask" role="alertdialog" aria-label="Send anyway?" hidden>
      <h2>This draft breaks the marketplace's rules</h2>
      <div class="ask-list"></div>
      <div class="buttons">
        <button class="edit primary">Edit the draft</button>
        <button class="anyway">Send anyway</button>
      </div>
    </div>`;
  const $ = (sel) => shadow.querySelector(sel);
  const badge = $(".badge");
  const marks = $(".marks");
  const rects = $(".rects");
  const panel = $(".panel");
  const ask = $(".ask");

  function attachOverlay() {
    if (!host.isConnected) document.documentElement.appendChild(host);
  }

  // --- state per field ---------------------------------------------------------------

  const states = new WeakMap(); // field -> {timer, seq, text, report, checking}
  let activeField = null;
  let askFor = null; // {field, resume}

  function stateOf(field) {
    let s = states.get(field);
    if (!s) {
      s = { timer: null, seq: 0, text: null, report: null, checking: null };
      states.set(field, s);
    }
    return s;
  }

  function isField(el) {
    return el instanceof Element && el.matches(FIELD_SELECTOR) && !host.contains(el);
  }

  function fieldFrom(el) {
    if (!(el instanceof Element)) return null;
    if (isField(el)) return el;
    const editable = el.closest("[contenteditable=''], [contenteditable='true']");
    return editable && isField(editable) ? editable : null;
  }

  async function runCheck(field) {
    const state = stateOf(field);
    const { text } = readField(field);
    if (state.text === text && state.report) return state.report;
    const seq = ++state.seq;
    const started = performance.now();
    const context = await contextFor();
    const reply = await api.runtime.sendMessage({ type: "presend:check", text, context });
    if (seq !== state.seq) return state.checking; // a newer check is on its way
    state.text = text;
    state.report = reply;
    if (field === activeField) render(field);
    host.dataset.lastMs = (performance.now() - started).toFixed(2);
    host.dataset.checks = String((parseInt(host.dataset.checks ?? "0", 10) || 0) + 1);
    return reply;
  }

  function schedule(field) {
    const state = stateOf(field);
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.checking = runCheck(field);
    }, DEBOUNCE_MS);
  }

  // --- rendering ----------------------------------------------------------------------

  function shownFindings(report) {
    return (report?.findings ?? []).filter((f) => f.severity !== "info");
  }

  function render(field) {
    attachOverlay();
    const report = stateOf(field).report;
    const rect = field.getBoundingClientRect();
    const x = rect.left + scrollX;
    const y = rect.top + scrollY;
    badge.hidden = false;
    if (!report || report.type === "error") {
      badge.dataset.verdict = "host";
      const code = report?.code ?? "";
      badge.textContent =
        code === "host_outdated" ? "Presend: update the app" :
        code.startsWith("host_") ? "Presend: app not installed" : "Presend: not checked";
      badge.title = report?.message ?? "";
      clearMarks();
    } else {
      const shown = shownFindings(report);
      badge.dataset.verdict = report.verdict;
      badge.textContent =
        report.verdict === "clean" ? "Presend: clear" :
        `Presend: ${shown.length} ${shown.length === 1 ? "issue" : "issues"}`;
      badge.title = "Show what Presend found";
      drawMarks(field, report);
    }
    const bw = badge.offsetWidth || 120;
    badge.style.left = `${x + rect.width - bw - 6}px`;
    badge.style.top = `${y + rect.height - 24}px`;
    if (!panel.hidden) fillPanel(field);
  }

  function clearMarks() {
    marks.replaceChildren();
    rects.replaceChildren();
  }

  const MIRRORED = [
    "boxSizing", "width", "height", "paddingTop", "paddingRight", "paddingBottom",
    "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
    "borderStyle", "fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing",
    "lineHeight", "textTransform", "wordSpacing", "textIndent", "tabSize", "direction",
  ];

  function drawMarks(field, report) {
    clearMarks();
    const findings = shownFindings(report);
    if (!findings.length) return;
    const { text, map } = readField(field);
    if (map === null) {
      // A textarea: a mirror with the same box and font, the findings wrapped in <mark>.
      const style = getComputedStyle(field);
      const rect = field.getBoundingClientRect();
      for (const prop of MIRRORED) marks.style[prop] = style[prop];
      marks.style.borderColor = "transparent";
      marks.style.whiteSpace = "pre-wrap";
      marks.style.overflowWrap = "break-word";
      marks.style.left = `${rect.left + scrollX}px`;
      marks.style.top = `${rect.top + scrollY}px`;
      let last = 0;
      const nodes = [];
      for (const f of [...findings].sort((a, b) => a.start - b.start)) {
        if (f.start < last) continue;
        nodes.push(document.createTextNode(text.slice(last, f.start)));
        const mark = document.createElement("mark");
        mark.dataset.severity = f.severity;
        mark.dataset.type = f.type;
        mark.textContent = text.slice(f.start, f.end);
        nodes.push(mark);
        last = f.end;
      }
      nodes.push(document.createTextNode(text.slice(last) + "\n"));
      marks.replaceChildren(...nodes);
      marks.scrollTop = field.scrollTop;
      return;
    }
    // A contenteditable: rectangles from DOM ranges over the field's own text nodes.
    for (const f of findings) {
      const range = document.createRange();
      const at = (offset, isEnd) => {
        for (let i = map.length - 1; i >= 0; i -= 1) {
          const { node, start } = map[i];
          if (offset > start || (offset === start && !isEnd) || i === 0) {
            return [node, Math.min(Math.max(offset - start, 0), node.data.length)];
          }
        }
        return null;
      };
      const a = at(f.start, false);
      const b = at(f.end, true);
      if (!a || !b) continue;
      range.setStart(...a);
      range.setEnd(...b);
      for (const r of range.getClientRects()) {
        const div = document.createElement("div");
        div.className = "rect";
        div.dataset.type = f.type;
        div.dataset.text = range.toString();
        div.style.cssText = `left:${r.left + scrollX}px;top:${r.top + scrollY}px;` +
          `width:${r.width}px;height:${r.height}px`;
        rects.appendChild(div);
      }
    }
  }

  function findingNode(f) {
    const div = document.createElement("div");
    div.className = "finding";
    const add = (cls, text) => {
      if (!text) return;
      const p = document.createElement("div");
      p.className = cls;
      p.textContent = text;
      div.appendChild(p);
    };
    add("msg", f.message);
    const found = document.createElement("code");
    found.textContent = f.text;
    div.appendChild(found);
    add("why", f.explanation);
    // An allowed finding already explains its exception; its suggestion is what the
    // exception still requires, not something to write instead.
    if (f.exception && f.exception.explanation !== f.explanation) {
      add("exc", `Exception: ${f.exception.explanation}`);
    }
    const label = f.exception ? "Still required" : "Instead";
    add("instead", f.suggestion ? `${label}: ${f.suggestion}` : "");
    return div;
  }

  async function fillPanel(field) {
    const report = stateOf(field).report;
    const title = document.createElement("h2");
    const shown = shownFindings(report);
    title.textContent = report?.type === "error"
      ? "Presend can't check this draft"
      : shown.length ? "What Presend found" : "Nothing here breaks the rules";
    const items = report?.type === "error"
      ? [Object.assign(document.createElement("div"), {
          textContent: "Install the Presend app and run `presend install-host`, then reload this page.",
        })]
      : shown.map(findingNode);
    const key = conversationKey();
    const stored = (await api.storage.local.get({ [key]: null }))[key];
    const label = document.createElement("label");
    label.className = "started";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "contract-started";
    box.checked = stored === true;
    box.addEventListener("change", async () => {
      await api.storage.local.set({ [key]: box.checked });
      stateOf(field).text = null; // re-check in the new context
      runCheck(field);
    });
    label.append(box, " The contract for this conversation has started");
    panel.replaceChildren(title, ...items, label);
    const rect = field.getBoundingClientRect();
    panel.style.left = `${Math.max(8, rect.right + scrollX - 360)}px`;
    panel.style.top = `${rect.bottom + scrollY + 6}px`;
  }

  badge.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden && activeField) fillPanel(activeField);
  });

  // --- asking before sending -------------------------------------------------------------

  let bypass = false;

  function showAsk(field, report, resume) {
    attachOverlay();
    askFor = { field, resume };
    const list = $(".ask-list");
    list.replaceChildren(...shownFindings(report).filter((f) => f.severity === "violation").map(findingNode));
    const rect = field.getBoundingClientRect();
    ask.style.left = `${Math.max(8, rect.left + scrollX)}px`;
    ask.style.top = `${Math.max(8, rect.top + scrollY - 10)}px`;
    ask.hidden = false;
    $(".edit").focus();
  }

  $(".edit").addEventListener("click", () => {
    ask.hidden = true;
    const field = askFor?.field;
    askFor = null;
    field?.focus();
  });
  $(".anyway").addEventListener("click", () => {
    ask.hidden = true;
    const pendingSend = askFor;
    askFor = null;
    if (!pendingSend) return;
    bypass = true;
    try {
      pendingSend.resume();
    } finally {
      bypass = false;
    }
  });
  shadow.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ask.hidden) $(".edit").click();
  });

  // Decide on a send: let it through, or hold it and ask. Called in the capture phase.
  function gate(event, field, resume) {
    if (bypass || !field) return;
    const state = stateOf(field);
    const { text } = readField(field);
    if (!text.trim()) return;
    const fresh = state.text === text && state.report && state.report.type === "report";
    if (fresh && state.report.verdict !== "violation") return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (fresh) {
      showAsk(field, state.report, resume);
      return;
    }
    // Typed faster than the pause: check now, then send or ask.
    clearTimeout(state.timer);
    runCheck(field).then((report) => {
      if (report?.type === "report" && report.verdict === "violation") {
        showAsk(field, report, resume);
      } else {
        bypass = true;
        try {
          resume();
        } finally {
          bypass = false;
        }
      }
    });
  }

  document.addEventListener("keydown", (event) => {
    const field = fieldFrom(event.target);
    if (!field || event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    if (channelOfPage() !== "message") return; // Enter sends only in a message box
    gate(event, field, () => {
      field.dispatchEvent(new KeyboardEvent("keydown", {
        key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true, cancelable: true,
      }));
    });
  }, true);

  function fieldForButton(button) {
    const form = button.closest("form");
    const scope = form ?? button.closest("section, article, main, [role=dialog]") ?? document;
    const candidates = [...scope.querySelectorAll(FIELD_SELECTOR)].filter(isField);
    if (activeField && candidates.includes(activeField)) return activeField;
    return candidates.find((c) => stateOf(c).report) ?? candidates[0] ?? null;
  }

  document.addEventListener("click", (event) => {
    if (bypass || !(event.target instanceof Element) || host.contains(event.target)) return;
    const button = event.target.closest("button, input[type=submit], [role=button]");
    if (!button) return;
    const label = `${button.textContent ?? ""} ${button.getAttribute("aria-label") ?? ""} ${button.value ?? ""}`;
    if (!(button.type === "submit" || SEND_BUTTON.test(label))) return;
    gate(event, fieldForButton(button), () => button.click());
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
  }, true);

  const reposition = () => {
    if (activeField?.isConnected && stateOf(activeField).report) render(activeField);
  };
  addEventListener("scroll", reposition, true);
  addEventListener("resize", reposition);
})();
