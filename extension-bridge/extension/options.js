// Presend options: the user's role and the default contract stage, kept in sync storage.
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const DEFAULTS = { role: "freelancer", stage: "pre_contract" };

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
  document.getElementById("saved").textContent = "Saved.";
});
