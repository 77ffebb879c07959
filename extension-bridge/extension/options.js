// Presend options: the user's role, the default contract stage and what to do with a
// draft the app could not check, kept in sync storage.
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const DEFAULTS = { role: "freelancer", stage: "pre_contract", unchecked: "warn" };

api.storage.sync.get(DEFAULTS).then((values) => {
  for (const [name, value] of Object.entries(values)) {
    const input = document.querySelector(`input[name="${name}"][value="${value}"]`);
    if (input) input.checked = true;
  }
});

document.addEventListener("change", async (event) => {
  const { name, value } = event.target;
  if (!(name in DEFAULTS)) return;
  await api.storage.sync.set({ [name]: value });
  document.getElementById("saved").textContent = globalThis.PRESEND_WORDING?.options_saved ?? "Saved.";
});
