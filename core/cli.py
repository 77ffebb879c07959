"""The ``presend`` command line: ``presend check`` and friends.

Exit codes for ``check``: 0 when nothing breaks the rules (verdict ``clean``,
``exception`` or ``caution``; with ``--strict`` a ``caution`` gives 1 too), 1 when any
input's verdict is ``violation``, 2 for a usage or input error (one line on stderr;
other inputs still run).

Colour follows https://no-color.org: ``--color auto`` (the default) colours only a
terminal and only when ``NO_COLOR`` is unset or empty; ``always`` and ``never`` decide
for themselves. Text output wraps to the terminal's width.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from presend.core import CoreError, Report, __version__, check
from presend.core.model import CHANNELS, ROLES, STAGES

EXIT_OK, EXIT_VIOLATION, EXIT_ERROR = 0, 1, 2

_TRAY_HELP = {
    "basedir": "keep settings, the socket and Qt's own settings under DIR",
    "quit": "quit the running tray app",
    "no_tray": "show a small window instead of a tray icon",
    "self_test": "build the app's parts, check one draft, then exit",
}
_CHECK_EPILOG = """\
exit status:
  0  nothing breaks the rules (verdict clean, exception or caution)
  1  some input's verdict is violation (or caution, with --strict)
  2  a usage or input error (one line on stderr; the other inputs are still checked)

A caution means "check this before sending": the draft does not break the rules as
written, so it exits 0 unless --strict is given.

environment:
  NO_COLOR   set and not empty: no colour with --color auto (see https://no-color.org)
  COLUMNS    the width to wrap text output to when it is not a terminal
"""


class InputError(Exception):
    """An input could not be read as text."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="presend",
        usage="presend [TRAY OPTIONS] | presend COMMAND [OPTIONS]",
        description="Check a marketplace draft for contact details and off-platform payment "
        "before you send it. With no command, starts the tray app (or shows the running "
        "one's checker window).",
        epilog="Run `presend COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"presend {__version__}")
    # The tray app's own options, listed here so `presend --help` shows them; they are
    # parsed by the app (presend.desktop.app) when no command is given.
    tray = parser.add_argument_group("tray app options (with no command)")
    tray.add_argument("--basedir", metavar="DIR", help=_TRAY_HELP["basedir"])
    tray.add_argument("--quit", action="store_true", help=_TRAY_HELP["quit"])
    tray.add_argument("--no-tray", action="store_true", help=_TRAY_HELP["no_tray"])
    tray.add_argument("--self-test", action="store_true", help=_TRAY_HELP["self_test"])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands", prog="presend")

    p_check = sub.add_parser(
        "check",
        help="check drafts from files or standard input",
        description="Check drafts from files or standard input and say what would break\n"
        "the marketplace's rules, why, and what to write instead.",
        epilog=_CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_check.add_argument("files", nargs="*", metavar="FILE", help="draft files; - or none: stdin")
    _add_context_options(p_check)
    p_check.add_argument("--json", action="store_true", help="one JSON report per line")
    p_check.add_argument(
        "--color",
        "--colour",
        dest="color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto colours a terminal unless NO_COLOR is set "
        "(default: %(default)s)",
    )
    p_check.add_argument(
        "--strict", action="store_true", help="exit 1 for a caution too, not only a violation"
    )

    p_install = sub.add_parser(
        "install-host", help="register the browser extension's native-messaging host"
    )
    _add_install_options(p_install)

    p_eval = sub.add_parser("eval", help="score the core on a labelled corpus")
    p_eval.add_argument(
        "corpus", nargs="*", help="corpus files (default: the bundled regression corpus)"
    )
    p_eval.add_argument("--show-errors", action="store_true", help="list every miss")
    return parser


def _add_install_options(p: argparse.ArgumentParser) -> None:
    from presend.bridge import install  # noqa: PLC0415 - only this subcommand needs it

    install.add_arguments(p)


def _add_context_options(p: argparse.ArgumentParser) -> None:
    from presend.core import rulepack  # noqa: PLC0415 - only the parser needs the list

    for name, choices, default, what in (
        ("stage", STAGES, "pre_contract", "whether a contract with this person has started"),
        ("role", ROLES, "freelancer", "who is writing"),
        ("channel", CHANNELS, "message", "where the draft will be posted"),
        ("marketplace", tuple(rulepack.available()), "upwork", "whose rules apply"),
    ):
        p.add_argument(
            f"--{name}",
            choices=choices,
            default=default,
            help=f"{what} (default: %(default)s)",
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``presend`` console script."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # `presend check ... | head`: the reader left; that is not an error of ours.
        sys.stderr.close()
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (
        args_list[0].startswith("--")
        and args_list[0]
        not in (
            "--help",
            "--version",
        )
    ):
        return _start_app(args_list)
    args = parser.parse_args(args_list)
    if args.command == "check":
        return run_check(args, sys.stdin, sys.stdout, sys.stderr)
    if args.command == "install-host":
        from presend.bridge import install  # noqa: PLC0415

        return install.run(args)
    if args.command == "eval":
        from presend.core import evaluation  # noqa: PLC0415

        return evaluation.main(args.corpus, show_errors=args.show_errors)
    parser.print_help()
    return EXIT_ERROR


def _start_app(argv: list[str]) -> int:
    try:
        from presend.desktop import app  # noqa: PLC0415 - Qt loads only for the tray app
    except ImportError as exc:
        print(
            f"presend: the tray app is not available ({exc}); use `presend check`",
            file=sys.stderr,
        )
        return EXIT_ERROR
    result: int = app.main(argv)
    return result


def run_check(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    """Check every input named in ``args`` and print the reports."""
    names = args.files or ["-"]
    status = EXIT_OK
    errors = False
    for name in names:
        try:
            text = _read(name, stdin)
            report = check(
                text,
                marketplace=args.marketplace,
                stage=args.stage,
                role=args.role,
                channel=args.channel,
            )
        except (InputError, CoreError, ValueError) as exc:
            print(f"presend: {name}: {exc}", file=err)
            errors = True
            continue
        if report.verdict == "violation" or (args.strict and report.verdict == "caution"):
            status = EXIT_VIOLATION
        if args.json:
            out.write(json.dumps({"input": name, **report.to_dict()}, ensure_ascii=False) + "\n")
        else:
            out.write(render_text(name, text, report, style=_style_for(args, out)))
    return EXIT_ERROR if errors else status


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
    else:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (bad byte at offset {exc.start})") from None


#: Terminal colours (SGR codes, bold) per verdict or severity.
_ANSI = {"violation": "1;31", "caution": "1;33", "exception": "1;36", "clean": "1;32"}


class Style:
    """How text output looks: colour on or off, and the width to wrap to (0: none)."""

    def __init__(self, colour: bool = False, width: int = 0) -> None:
        self.colour = colour
        self.width = width

    def paint(self, text: str, severity: str) -> str:
        """``text`` in the severity's colour (bold), when colour is on."""
        code = _ANSI.get(severity)
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and code else text

    def dim(self, text: str) -> str:
        """Labels in a quieter weight."""
        return f"\x1b[2m{text}\x1b[0m" if self.colour else text

    def field(self, label: str, value: str, indent: str = "      ") -> list[str]:
        """``label: value``, wrapped under itself when a width is set."""
        if self.width <= 0:
            return [f"{indent}{self.dim(label + ':')} {value}"]
        lines = textwrap.wrap(
            f"{label}: {value}",
            width=max(self.width, 40),
            initial_indent=indent,
            subsequent_indent=indent + "  ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        if lines and self.colour:
            lines[0] = lines[0].replace(f"{label}:", self.dim(label + ":"), 1)
        return lines


def _style_for(args: argparse.Namespace, out: TextIO) -> Style:
    tty = hasattr(out, "isatty") and out.isatty()
    if args.color == "always":
        colour = True
    elif args.color == "never":
        colour = False
    else:
        colour = tty and not os.environ.get("NO_COLOR")
    width = 0
    if tty or os.environ.get("COLUMNS"):
        width = shutil.get_terminal_size().columns - 1
    return Style(colour, width)


def render_text(name: str, text: str, report: Report, style: Style | None = None) -> str:
    """A report as a person reads it in a terminal."""
    style = style or Style()
    shown = [f for f in report.findings if f.severity != "info"]
    verdict = style.paint(report.verdict, report.verdict)
    lines = [f"{name}: {verdict}" + (f" ({len(shown)} to look at)" if shown else "")]
    for f in shown:
        line, col = _line_col(text, f.start)
        severity = style.paint(f.severity.upper(), f.severity)
        lines.append(f"  {line}:{col}  {severity}  {f.message}")
        lines += style.field("found", repr(f.text))
        lines += style.field("why", f.explanation)
        if f.exception and f.exception.explanation != f.explanation:
            lines += style.field("exception", f.exception.explanation)
        if f.suggestion:
            label = "still required" if f.exception else "instead"
            lines += style.field(label, f.suggestion)
        lines += style.field("source", f.source)
    return "\n".join(lines) + "\n"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


if __name__ == "__main__":
    sys.exit(main())
