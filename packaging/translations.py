"""The translations' sources (resources/translations/*.ts) and their compiled form (.qm).

    python packaging/translations.py update    # collect new and changed strings into the .ts
    python packaging/translations.py release   # compile every .ts into its .qm

``update`` runs ``pyside6-lupdate`` over salesdesk/: it finds the ``translate()`` and
``QT_TRANSLATE_NOOP()`` calls (salesdesk/i18n.py), adds new strings as unfinished and drops the
ones the code no longer has. Translate the unfinished ones with Qt Linguist
(``pyside6-linguist``) or any .ts editor. ``release`` runs ``pyside6-lrelease``; the install path
runs it too (packaging/hatch_build.py, on every ``pip install``), so the compiled files are
never stale and never committed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# Each language and the locale its .ts file names.
LANGUAGES = {"hu": "hu_HU"}


def source_file(language: str, folder: Path = TRANSLATIONS) -> Path:
    """The .ts file of ``language``."""
    return folder / f"salesdesk_{language}.ts"


def qt_tool(name: str) -> str:
    """The path of Qt's ``lupdate`` or ``lrelease`` as PySide6 ships them."""
    import PySide6  # the build environment has it (pyproject's build-system requires)

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    raise FileNotFoundError(f"PySide6 at {folder} has no {name}")


def update(ts_file: Path, locale: str, sources: Path = ROOT / "salesdesk") -> None:
    """Bring ``ts_file`` up to date with the strings in ``sources`` (without line numbers, so
    the file changes only when the strings do)."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([qt_tool("lupdate"), "-extensions", "py", "-locations", "none",
                    "-no-obsolete", "-silent", "-source-language", "en_US", "-target-language",
                    locale, str(sources), "-ts", str(ts_file)], check=True)


def release(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts in ``folder`` into the .qm beside it; return the .qm files."""
    built = []
    for ts_file in sorted(folder.glob("*.ts")):
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
                       check=True)
        built.append(qm_file)
    return built


def main(argv: list[str]) -> int:
    """Run ``update`` or ``release``."""
    if argv == ["update"]:
        for language, locale in LANGUAGES.items():
            update(source_file(language), locale)
    elif argv == ["release"]:
        for qm_file in release():
            print(qm_file.relative_to(ROOT))
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
