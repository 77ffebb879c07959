// How Presend recognises the marketplace's pages. Edit freely: it is data, read by
// content.js. Paths are regular expressions over the page's path (case-insensitive).
//
// kind     what the page is; shown to the user through wording.js ("kind_<kind>")
// channel  what the checker is told the text is: message, proposal, job_post or profile
// stage    the contract stage the page itself shows, or null when it depends on the
//          conversation (then the per-conversation switch and the default setting decide)
// enter    true when Enter in the page's composer sends (never in multi-line forms)
// inputs   true when one-line inputs (milestone descriptions, titles) are sent too
// send     words on buttons that send what the page holds
globalThis.PRESEND_PAGES = {
  kinds: [
    {
      kind: "workroom",
      paths: ["^/nx/wm/", "^/ab/workroom", "^/nx/contracts?/", "^/ab/contracts?/"],
      channel: "message", stage: "active_contract", enter: true, inputs: false,
      send: ["send", "reply"],
    },
    {
      kind: "message",
      paths: ["^/ab/messages/", "^/nx/messages/", "^/messages/"],
      channel: "message", stage: null, enter: true, inputs: false,
      send: ["send", "reply"],
    },
    {
      kind: "proposal",
      paths: ["^/nx/proposals/", "^/ab/proposals/", "/apply/?$"],
      channel: "proposal", stage: "pre_contract", enter: false, inputs: true,
      send: ["submit proposal", "send for \\d+ connects?", "submit", "send"],
    },
    {
      kind: "job_post",
      paths: ["^/nx/job-post/", "^/ab/job-post/", "^/jobs/new", "^/jobs/edit", "post-job"],
      channel: "job_post", stage: "pre_contract", enter: false, inputs: true,
      send: ["post this job", "post job", "save", "next", "review job post"],
    },
    {
      kind: "profile",
      paths: ["^/nx/create-profile/", "^/freelancers/settings/profile", "^/freelancers/~",
        "^/ab/profile"],
      channel: "profile", stage: "pre_contract", enter: false, inputs: true,
      send: ["save", "next", "submit profile", "review your profile"],
    },
  ],
  // A page none of the above matches: every field is watched as a message, and the
  // badge says the page was not recognised.
  generic: {
    kind: "generic", channel: "message", stage: null, enter: false, inputs: false,
    send: ["send", "submit", "post", "reply"],
  },
  // Where a composer's own send button lives (it may be an icon with no words at all).
  composer: ".up-d-composer, .composer, .composer-container, form",
  iconSend: [
    ".up-d-composer button.air3-btn-circle",
    ".composer-container button.air3-btn-circle",
    "button[aria-label*='send' i]",
    "button[data-test*='send' i]",
    "button[data-ev-label*='send' i]",
  ],
  // Buttons whose words (text, aria-label, title, data-test) contain one of these never send.
  notSend: ["attach", "upload", "emoji", "cancel", "close", "back", "delete", "remove",
    "edit", "preview", "format", "bold", "italic", "file"],
};
