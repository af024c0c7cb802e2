"""The ``salesdesk`` command line: the options of the app and its headless commands.

``__main__`` parses the arguments here and hands a run without a command to the GUI (app.py);
:func:`run` runs a command. Each command lives in a module of this package with the
``register`` function that adds its options. Exit statuses (DESIGN.md §7): 0 done, 1 a file
problem (unreadable, damaged, foreign, newer), 2 usage, 3 locked by another writer.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from salesdesk import __version__, paths
from salesdesk.cli import (
    customer_commands,
    deal_commands,
    growth_commands,
    report_commands,
    safety_commands,
)
from salesdesk.cli.common import CommandError, Handler
from salesdesk.launch import EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``salesdesk``: the GUI's options and the headless commands."""
    parser = argparse.ArgumentParser(
        prog="salesdesk",
        description="Track sales deals offline; without a command, start the app.",
    )
    parser.add_argument("--version", action="version", version=f"salesdesk {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help=f"database file (default: {paths.default_database()})")
    parser.add_argument("--demo", action="store_true",
                        help="open a generated sample business in a temporary file")
    parser.add_argument("--lang", choices=("en", "hu"), metavar="CODE",
                        help="the language of the windows for this run: en or hu (default: the"
                             " one chosen in Preferences, else the system's)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="build and show the main window, then exit 0")
    parser.add_argument("--selftest", action="store_true",
                        help="run every part of salesdesk once in a temporary folder and print"
                             " a JSON summary (exit 0 when all passed)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (deal_commands, report_commands, growth_commands, customer_commands,
                   safety_commands):
        module.register(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` names; return its exit status."""
    if args.command is None:
        print("salesdesk: name a command (salesdesk --help lists them).", file=sys.stderr)
        return EXIT_USAGE
    handler: Handler = args.handler
    try:
        return handler(args)
    except CommandError as exc:
        print(f"salesdesk {args.command}: {exc}", file=sys.stderr)
        return exc.status


def main(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run the command it names."""
    return run(build_parser().parse_args(list(argv)))
