"""Entry point of ``salesdesk`` and ``python -m salesdesk``: the GUI, or a headless command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Start the GUI when no command is named, otherwise run the command."""
    from salesdesk import cli

    args = cli.build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.selftest:
        from salesdesk.cli import selftest

        return selftest.run()
    if args.command is None:
        from salesdesk import app

        return app.run(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
