"""The ``presend`` command line: ``presend check`` and friends.

Exit codes for ``check``: 0 when nothing breaks the rules, 1 when any input's verdict is
``violation``, 2 for a usage or input error (one line on stderr; other inputs still run).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from presend.core import CoreError, Report, __version__, check
from presend.core.model import CHANNELS, ROLES, STAGES

EXIT_OK, EXIT_VIOLATION, EXIT_ERROR = 0, 1, 2


class InputError(Exception):
    """An input could not be read as text."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="presend",
        description="Check a marketplace draft for contact details and off-platform payment "
        "before you send it. With no command, starts the tray app.",
    )
    parser.add_argument("--version", action="version", version=f"presend {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_check = sub.add_parser("check", help="check drafts from files or standard input")
    p_check.add_argument("files", nargs="*", metavar="FILE", help="draft files; - or none: stdin")
    _add_context_options(p_check)
    p_check.add_argument("--json", action="store_true", help="one JSON report per line")

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
    p.add_argument("--stage", choices=STAGES, default="pre_contract")
    p.add_argument("--role", choices=ROLES, default="freelancer")
    p.add_argument("--channel", choices=CHANNELS, default="message")
    p.add_argument("--marketplace", default="upwork")


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
        if report.verdict == "violation":
            status = EXIT_VIOLATION
        if args.json:
            out.write(json.dumps({"input": name, **report.to_dict()}, ensure_ascii=False) + "\n")
        else:
            out.write(render_text(name, text, report))
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


def render_text(name: str, text: str, report: Report) -> str:
    """A report as a person reads it in a terminal."""
    shown = [f for f in report.findings if f.severity != "info"]
    lines = [f"{name}: {report.verdict}" + (f" ({len(shown)} to look at)" if shown else "")]
    for f in shown:
        line, col = _line_col(text, f.start)
        lines.append(f"  {line}:{col}  {f.severity.upper()}  {f.message}")
        lines.append(f"      found: {f.text!r}")
        lines.append(f"      why: {f.explanation}")
        if f.exception and f.exception.explanation != f.explanation:
            lines.append(f"      exception: {f.exception.explanation}")
        if f.suggestion:
            label = "still required" if f.exception else "instead"
            lines.append(f"      {label}: {f.suggestion}")
        lines.append(f"      source: {f.source}")
    return "\n".join(lines) + "\n"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


if __name__ == "__main__":
    sys.exit(main())
