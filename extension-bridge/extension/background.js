// Presend background: owns the native-messaging port to presend-host.
//
// Content scripts ask for checks with runtime messages; this worker forwards them to
// the host over one long-lived port (the host stays warm between keystrokes), matches
// replies to requests by id, and reconnects when the host exits. It never stores or
// logs draft text.
"use strict";

const HOST_NAME = "io.presend.host";
const PROTOCOL = 1;
// The oldest host this extension works with.
const MIN_HOST_VERSION = "0.1.0";
const REQUEST_TIMEOUT_MS = 5000;
// Reading a long PDF takes the host longer than a draft.
const FILE_TIMEOUT_MS = 20000;

const api = globalThis.browser ?? globalThis.chrome;

let port = null;
let nextId = 1;
const pending = new Map(); // id -> {resolve, timer}
// "unknown" until the first hello; then "ok", "missing", "outdated", "silent" (started
// but did not answer) or "error" (could not start, or stopped).
let hostStatus = { state: "unknown", version: null, detail: "" };
let helloPromise = null;

function versionAtLeast(version, minimum) {
  const a = String(version).split(".").map((n) => parseInt(n, 10) || 0);
  const b = minimum.split(".").map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

function failAll(reply) {
  for (const [id, entry] of pending) {
    clearTimeout(entry.timer);
    entry.resolve({ ...reply, id });
  }
  pending.clear();
}

function connect() {
  if (port) return port;
  try {
    port = api.runtime.connectNative(HOST_NAME);
  } catch (err) {
    hostStatus = { state: "missing", version: null, detail: String(err) };
    return null;
  }
  port.onMessage.addListener((message) => {
    const entry = pending.get(message?.id);
    if (!entry) return;
    pending.delete(message.id);
    clearTimeout(entry.timer);
    entry.resolve(message);
  });
  port.onDisconnect.addListener(() => {
    const detail = api.runtime.lastError?.message ?? "the host exited";
    // "Specified native messaging host not found." means it was never installed.
    const missing = /not found|forbidden|access/i.test(detail);
    hostStatus = { state: missing ? "missing" : "error", version: null, detail };
    port = null;
    helloPromise = null;
    failAll({ type: "error", code: missing ? "host_missing" : "host_exited", message: detail });
  });
  return port;
}

function request(message, timeoutMs = REQUEST_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const p = connect();
    if (!p) {
      resolve({ type: "error", code: "host_missing", message: hostStatus.detail });
      return;
    }
    const id = nextId++;
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ type: "error", code: "timeout", message: "the host did not answer" });
    }, timeoutMs);
    pending.set(id, { resolve, timer });
    try {
      p.postMessage({ v: PROTOCOL, id, ...message });
    } catch (err) {
      pending.delete(id);
      clearTimeout(timer);
      resolve({ type: "error", code: "host_exited", message: String(err) });
    }
  });
}

async function hello() {
  if (!helloPromise) {
    helloPromise = request({ type: "hello" }).then((reply) => {
      if (reply.type !== "hello") {
        if (hostStatus.state === "unknown" || reply.code === "timeout") {
          // Started but silent, or failed without saying why.
          const state = reply.code === "timeout" ? "silent" : "error";
          hostStatus = { state, version: null, detail: reply.message ?? "" };
        }
        helloPromise = null;
        return hostStatus;
      }
      const tooOld = reply.protocol !== PROTOCOL || !versionAtLeast(reply.version, MIN_HOST_VERSION);
      hostStatus = {
        state: tooOld ? "outdated" : "ok",
        version: reply.version,
        detail: tooOld ? `host ${reply.version} is older than ${MIN_HOST_VERSION}` : "",
      };
      return hostStatus;
    });
  }
  return helloPromise;
}

async function check(text, context) {
  const status = await hello();
  if (status.state === "silent") {
    return { type: "error", code: "timeout", message: status.detail, host: status };
  }
  if (status.state !== "ok") {
    return { type: "error", code: `host_${status.state}`, message: status.detail, host: status };
  }
  return request({ type: "check", text, context });
}

// An attachment: its bytes (base64) go to the host, which reads and checks its text.
async function checkFile(name, mime, data, context) {
  const status = await hello();
  if (status.state === "silent") return { type: "error", code: "timeout", message: status.detail };
  if (status.state !== "ok") {
    return { type: "error", code: `host_${status.state}`, message: status.detail, host: status };
  }
  return request({ type: "check_file", name, mime, data, context }, FILE_TIMEOUT_MS);
}

api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === "presend:check") {
    check(message.text, message.context).then(sendResponse);
    return true; // answer asynchronously
  }
  if (message?.type === "presend:check-file") {
    checkFile(message.name, String(message.mime ?? ""), message.data, message.context)
      .then(sendResponse);
    return true;
  }
  if (message?.type === "presend:status") {
    hello().then(() => sendResponse(hostStatus));
    return true;
  }
  return false;
});
