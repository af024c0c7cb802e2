"""The frozen app's entry point (PyInstaller runs a script, not ``python -m``)."""

import multiprocessing
import sys

from salesdesk.__main__ import main

if __name__ == "__main__":
    # A big import reads its file in a second process of this executable (spawned): in a
    # frozen app that child must run the import reader, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
