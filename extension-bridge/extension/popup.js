// Presend popup: says whether the Presend app (the native host) answers, how to fix it,
// and which stage and channel the open page's checks assume (changeable here).
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const WORDS = globalThis.PRESEND_WORDING ?? {};

function say(key, values = {}) {
  return (WORDS[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

api.runtime.sendMessage({ type: "presend:status" }).then((status) => {
  const state = document.getElementById("state");
  state.dataset.state = status.state;
  const key = `popup_${status.state === "silent" ? "error" : status.state}`;
  const detail = status.state === "silent" ? say("short_timeout") : status.detail || "unknown error";
  state.textContent = say(key in WORDS ? key : "popup_unknown", { version: status.version ?? "", detail });
  document.getElementById("install").hidden = status.state === "ok";
});

async function showPage() {
  const line = document.getElementById("page");
  const box = document.getElementById("started");
  let page = null;
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) page = await api.tabs.sendMessage(tab.id, { type: "presend:page" });
  } catch {
    page = null; // not a marketplace page, or Presend is not running there
  }
  if (!page) {
    line.textContent = say("popup_no_page");
    return;
  }
  line.textContent = say("popup_page", { assumed: page.text });
  box.checked = page.stage === "active_contract";
  document.getElementById("started-label").lastChild.textContent =
    ` ${say(page.kind === "message" ? "started_conversation" : "started_page")}`;
  document.getElementById("started-label").hidden = false;
  box.addEventListener("change", async () => {
    await api.storage.local.set({ [page.key]: box.checked });
    setTimeout(showPage, 100);
  }, { once: true });
}
showPage();
