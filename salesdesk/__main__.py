"""Entry point of ``salesdesk`` and ``python -m salesdesk``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run a CLI command when one is named, otherwise start the GUI."""
    from salesdesk import cli

    return cli.main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
