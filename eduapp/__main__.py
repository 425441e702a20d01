"""Command line: `eduapp` opens the app; `check`, `self-test` and `gallery` are tools.

Heavy imports (Qt) happen inside the commands that need them, so `eduapp check` stays fast
and works without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import time
from pathlib import Path

from eduapp import version
from eduapp.core.paths import default_data_dir


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                        help=f"keep sessions and logs in DIR (default: {default_data_dir()})")
    common.add_argument("--temp-data", action="store_true", default=argparse.SUPPRESS,
                        help="use a new empty data folder, deleted at exit")
    common.add_argument("--resources", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                        help="read content from DIR instead of the built-in resources")
    common.add_argument("--lang", metavar="CODE", default=argparse.SUPPRESS,
                        help="content language, e.g. en (default: the clinic's setting)")
    common.add_argument("--text-size", type=int, choices=(0, 1, 2), default=argparse.SUPPRESS,
                        help="text size step: 0 normal, 1 larger, 2 largest")

    parser = argparse.ArgumentParser(
        prog="eduapp", parents=[common],
        description="Patient education about chronic pain and ketamine infusion therapy.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--kiosk", action="store_true",
                        help="waiting-room kiosk: full screen; closing needs the clinician")
    parser.add_argument("--idle-timeout", type=float, metavar="SECONDS",
                        help="start over after SECONDS without input (default: clinic setting)")
    parser.add_argument("--quit-when-ready", action="store_true",
                        help="exit 0 as soon as the first frame of the main window is painted")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, *, out: str = "",
                under: argparse._SubParsersAction[argparse.ArgumentParser] = commands
                ) -> argparse.ArgumentParser:
        """A command, with the common options; `out`: the metavar of its required --out."""
        made = under.add_parser(name, parents=[common], help=help)
        if out:
            made.add_argument("--out", type=Path, metavar=out, required=True)
        return made

    check = command("check", "validate all content; list every problem as path:line: message")
    check.add_argument("--deployment", action="store_true",
                       help="also fail while the clinic's phone numbers are not set")
    command("self-test", "drive the real screens through every module offscreen")
    checklist = command("checklist", "write the printable checklist as a one-page PDF",
                        out="PDF")
    checklist.add_argument("--appointment", metavar="HH:MM", type=_clock,
                           help="the session's start (24-hour clock, e.g. 09:30): the sheet "
                                "then has the clock times to stop eating and to arrive")
    gallery = command("gallery", "render every patient screen to PNG files", out="DIR")
    gallery.add_argument("--size", metavar="WxH", default="1280x800", type=_size,
                         help="window size in pixels (default 1280x800)")
    gallery.add_argument("--high-contrast", action="store_true", help="the high-contrast theme")
    export = command("export", "write sessions as a PDF summary, CSV or FHIR R4 JSON",
                     out="PATH")
    export.add_argument("--format", choices=("pdf", "csv", "fhir"), required=True)
    export.add_argument("--session", type=int, metavar="ID",
                        help="only this session (default: all sessions)")
    server = command("server", "the clinic's shared PostgreSQL (clinic mode)")
    server_commands = server.add_subparsers(dest="server_command", metavar="ACTION",
                                            required=True)
    init = command("init", "create or migrate the clinic schema and its two roles; print the "
                   "URLs", under=server_commands)
    init.add_argument("admin_url", metavar="ADMIN_URL",
                      help="postgresql://ADMIN:PASSWORD@HOST/DATABASE (an existing database)")
    init.add_argument("--host", metavar="NAME",
                      help="the server's name or address as devices reach it (default: "
                           "the host in ADMIN_URL)")
    init.add_argument("--new-passwords", action="store_true",
                      help="give both roles new passwords and print new URLs")
    command("status", "reachable or not, schema version, changes waiting, last send",
            under=server_commands)
    connect = command("connect", "join this device to the clinic's PostgreSQL")
    connect.add_argument("url", metavar="URL", help="the URL from `eduapp server init`")
    connect.add_argument("--name", metavar="DEVICE",
                         help="this device's name in the clinic (default: the computer's name)")
    reset_pin = command("reset-pin", "remove a forgotten clinician PIN (needs --yes)")
    reset_pin.add_argument("--yes", action="store_true", help="confirm removing the PIN")
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("write the size as WIDTHxHEIGHT, e.g. 1024x768") from None
    if width < 640 or height < 480:
        raise argparse.ArgumentTypeError("the smallest size is 640x480")
    return width, height


def _clock(text: str) -> time:
    from eduapp.core.day_plan import parse_time

    at = parse_time(text)
    if at is None:
        raise argparse.ArgumentTypeError("write the time as HH:MM on a 24-hour clock, e.g. "
                                         "09:30 or 14:00")
    return at


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--speech-helper"]:  # read-aloud's engine, in a process of its own
        from eduapp.ui.patient.speech_helper import main as speech_helper

        return speech_helper(argv[1:])
    try:
        return _run(argv)
    except BrokenPipeError:  # output piped into `head` and cut off: not an error to show
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _run(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.version:
        print(f"eduapp {version()}")
        return 0
    from eduapp.core.startup import Options

    options = Options(
        data_dir=getattr(args, "data_dir", None),
        temp_data=getattr(args, "temp_data", False),
        resources=getattr(args, "resources", None),
        lang=getattr(args, "lang", None),
    )
    text_step = getattr(args, "text_size", 0)
    if args.command is None and args.idle_timeout is not None and args.idle_timeout <= 0:
        print("--idle-timeout must be more than 0 seconds")
        return 2
    if args.command == "check":
        from eduapp.commands.check import run_check

        return run_check(options, deployment=args.deployment)
    if args.command == "checklist":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from eduapp.commands.checklist import run_checklist

        return run_checklist(options, args.out, args.appointment)
    if args.command == "export":
        if args.format == "pdf":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from eduapp.commands.export import run_export_pdf

            return run_export_pdf(options, args.out, args.session)
        from eduapp.commands.export import run_export

        return run_export(options, args.format, args.out, args.session)
    if args.command == "server":
        from eduapp.commands.server import run_server_init, run_server_status

        if args.server_command == "status":
            return run_server_status(options.data_dir or default_data_dir())
        return run_server_init(args.admin_url, new_passwords=args.new_passwords, host=args.host)
    if args.command == "connect":
        from eduapp.commands.connect import run_connect

        return run_connect(options.data_dir or default_data_dir(), args.url, args.name)
    if args.command == "reset-pin":
        from eduapp.commands.reset_pin import run_reset_pin

        return run_reset_pin(options.data_dir or default_data_dir(), confirmed=args.yes)
    if args.command in ("self-test", "gallery"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if args.command == "self-test":
            from eduapp.commands.self_test import run_self_test

            return run_self_test(options)
        from eduapp.commands.gallery import run_gallery

        return run_gallery(options, args.out, text_step, args.size, args.high_contrast)
    from eduapp.app import run

    return run(options, quit_when_ready=args.quit_when_ready,
               text_step=getattr(args, "text_size", None), kiosk=args.kiosk,
               idle_timeout=args.idle_timeout, report=_print_moment)


def _print_moment(moment: str) -> None:
    """`--quit-when-ready`: when the first frame was painted, then when all had loaded.

    With the processor time used so far, which a busy machine does not inflate.
    """
    import time

    print(f"{moment} at {time.time():.4f} cpu {time.process_time():.4f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
