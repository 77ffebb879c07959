"""``presend-host``: the native-messaging host the browser extension talks to.

The browser starts one process per port and talks to it over stdin/stdout until it
closes the port. This process never imports Qt and never writes draft text anywhere
but back to the browser (and to the user's own tray app over a private socket).
"""

from __future__ import annotations

import json
import sys
from typing import Any, BinaryIO

from presend.bridge import framing, protocol, relay, safefile
from presend.core import standarddir

#: The Chromium extension id that the fixed key in the extension's manifest produces.
EXTENSION_ID = "ipjfhnmokmgefkkafokhiealfjbiehfk"
#: The Firefox add-on id (browser_specific_settings.gecko.id).
GECKO_ID = "presend@presend.io"
HOST_NAME = "io.presend.host"
#: native-host.json holds a few extension ids; anything much larger is not it.
_MAX_MANIFEST = 64 * 1024


def allowed_callers() -> tuple[set[str], set[str]]:
    """Chromium origins and Firefox add-on ids this host answers."""
    origins = {f"chrome-extension://{EXTENSION_ID}/"}
    addons = {GECKO_ID}
    path = standarddir.config() / "native-host.json"
    try:
        data = json.loads(safefile.read_text(path, _MAX_MANIFEST))
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError, RecursionError) as exc:
        _log(f"ignored {path.name}: {exc.__class__.__name__}")
        data = {}
    if not isinstance(data, dict):
        _log(f"ignored {path.name}: not a JSON object")
        data = {}
    for key, allowed in (("allowed_origins", origins), ("allowed_extensions", addons)):
        listed = data.get(key, [])
        if isinstance(listed, list):
            allowed |= {item for item in listed if isinstance(item, str)}
        else:
            _log(f"ignored {key} in {path.name}: not a list")
    return origins, addons


def caller_allowed(argv: list[str]) -> bool:
    """Chromium passes the caller's origin as argv[1]; Firefox passes the manifest's
    path and then the add-on id."""
    origins, addons = allowed_callers()
    if argv and argv[0].startswith("chrome-extension://"):
        return argv[0] in origins
    return len(argv) >= 2 and argv[1] in addons


def serve(stdin: BinaryIO, stdout: BinaryIO, relay_to: protocol.Relay | None) -> int:
    """Answer framed requests until the browser closes the port."""
    while True:
        try:
            message = framing.read_frame(stdin)
        except framing.TruncatedFrameError as exc:
            _reply(stdout, protocol.error_reply(exc.code, str(exc)))
            return 0
        except framing.FrameError as exc:
            if not _reply(stdout, protocol.error_reply(exc.code, str(exc))):
                return 0
            continue
        if message is framing.END:
            return 0
        try:
            reply = protocol.handle(message, relay_to)
        except Exception as exc:  # the port must outlive any bug in a handler
            _log(f"internal error: {type(exc).__name__}")
            request_id = protocol.echoable_id(message)
            reply = protocol.error_reply("internal", "the host failed on this message", request_id)
        if not _reply(stdout, reply):
            return 0


def _reply(stdout: BinaryIO, message: dict[str, Any]) -> bool:
    """Send a reply; one that cannot be framed (too large, not encodable) becomes an
    error reply, so every request is answered. False once the browser has gone."""
    try:
        frame = framing.encode_frame(message)
    except (ValueError, RecursionError) as exc:
        _log(f"reply not sent: {type(exc).__name__}")
        frame = framing.encode_frame(
            protocol.error_reply(
                "reply_failed", "the host could not send this reply", protocol.echoable_id(message)
            )
        )
    try:
        stdout.write(frame)
        stdout.flush()
    except OSError:
        return False
    return True


def _log(line: str) -> None:
    # stderr ends up in the browser's log: event names only, never draft text.
    print(f"presend-host: {line}", file=sys.stderr, flush=True)


USAGE = """usage: presend-host EXTENSION-ORIGIN  (Chromium)
       presend-host MANIFEST ADD-ON-ID  (Firefox)

The native-messaging host of the Presend browser extension. The browser starts it
(Chromium passes the extension's origin, Firefox the manifest path and add-on id) and
talks to it in length-prefixed JSON frames on standard input and output; it checks
drafts with the Presend core and relays reports to the tray app. It is not meant to be
run by hand: register it with `presend install-host` (see `presend install-host --help`).

Exit status: 0 when the browser closes the connection, 2 for a caller that is not the
Presend extension."""


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["-h"], ["--help"]):
        # A person asking, not a browser (which passes the caller's origin first).
        print(USAGE)
        return 0
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Anything a library prints would corrupt the frame stream: send it to stderr.
    sys.stdout = sys.stderr
    if not caller_allowed(args):
        _log("refused a caller that is not the Presend extension")
        _reply(stdout, protocol.error_reply("forbidden_origin", "this host serves Presend only"))
        return 2
    try:
        runtime_notice = standarddir.runtime_notice()
    except OSError:
        runtime_notice = "no runtime folder; reports are not relayed to the tray app"
    if runtime_notice:
        _log(runtime_notice)
    return serve(stdin, stdout, relay.send)


if __name__ == "__main__":
    sys.exit(main())
