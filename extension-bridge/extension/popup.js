// Presend popup: says whether the Presend app (the native host) answers, and how to fix it.
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const MESSAGES = {
  ok: (s) => `Connected to the Presend app ${s.version}. Drafts are checked on this computer.`,
  missing: () => "The Presend app is not installed for this browser.",
  outdated: (s) => `The Presend app ${s.version ?? ""} is too old for this extension: update it.`,
  error: (s) => `The Presend app did not answer (${s.detail || "unknown error"}).`,
  unknown: () => "Checking the Presend app…",
};

api.runtime.sendMessage({ type: "presend:status" }).then((status) => {
  const state = document.getElementById("state");
  state.dataset.state = status.state;
  state.textContent = (MESSAGES[status.state] ?? MESSAGES.unknown)(status);
  document.getElementById("install").hidden = status.state === "ok";
});
