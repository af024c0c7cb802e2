"""The frozen app's entry point (PyInstaller runs a script, not ``python -m``)."""

import sys

from salesdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
