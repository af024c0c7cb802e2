#!/usr/bin/env bash
# Builds the one-folder app (build/dist/salesdesk/) with PyInstaller from packaging/salesdesk.spec
# and runs the frozen build's self-test. Needs a few minutes and binutils (objdump), so CI does
# not run it. Usage: bash packaging/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check . "pyinstaller==6.22.3"
python3 -m PyInstaller --noconfirm --clean --distpath build/dist --workpath build/work \
  packaging/salesdesk.spec

# The frozen build must do everything the installed package does, without a display.
QT_QPA_PLATFORM=offscreen build/dist/salesdesk/salesdesk --selftest

cat <<TXT

Built build/dist/salesdesk/ (start build/dist/salesdesk/salesdesk). On Linux, a menu entry:
  cp packaging/salesdesk.desktop ~/.local/share/applications/
  install -D resources/icons/salesdesk.svg ~/.local/share/icons/hicolor/scalable/apps/salesdesk.svg
and put build/dist/salesdesk on your PATH (or edit Exec= in the .desktop file).
TXT
