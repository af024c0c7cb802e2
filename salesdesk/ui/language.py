"""The language of the windows: Qt's translators, the locale of numbers and dates.

salesdesk is written in English; ``resources/translations/salesdesk_<code>.qm`` holds each
other language (built from the .ts sources by the install path, see packaging/translations.py).
Qt's own ``qtbase_<code>.qm`` is loaded beside it so standard buttons and dialogs (OK, Cancel,
the file dialog) speak the same language. The chosen language also sets the default QLocale,
so every number, date and amount on screen follows it, while the stored values never change.

The language is chosen before the first window is built (``--lang`` or Preferences); a change
in Preferences takes effect at the next start, as the dialog says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from salesdesk import i18n, paths
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui.locale_setup import group_thousands


class Language(StrEnum):
    """The languages salesdesk ships; the value is the code ``--lang`` takes."""

    SYSTEM = "system"
    ENGLISH = "en"
    HUNGARIAN = "hu"

    @property
    def label(self) -> str:
        """The name Preferences shows: each language in its own words."""
        return translate("Language", _LABELS[self])

    def resolved(self, system: QLocale | None = None) -> Language:
        """The language itself, or for SYSTEM the one matching the system's locale (English
        when salesdesk does not speak the system's language)."""
        if self is not Language.SYSTEM:
            return self
        code = (system or QLocale.system()).name().split("_")[0]
        return next((lang for lang in Language if lang.value == code), Language.ENGLISH)


_LABELS = {
    Language.SYSTEM: QT_TRANSLATE_NOOP("Language", "Follow the system"),
    Language.ENGLISH: "English",
    Language.HUNGARIAN: "Magyar (Hungarian)",
}

# The locale numbers and dates follow for each language; English keeps the system's own
# locale (a British or Canadian user keeps their dates), the others take their home country's.
_LOCALES = {Language.HUNGARIAN: QLocale(QLocale.Language.Hungarian, QLocale.Country.Hungary)}


_showing = Language.ENGLISH


def showing_language() -> Language:
    """The language the windows speak now (the last one installed)."""
    return _showing


@dataclass
class InstalledLanguage:
    """The translators one :func:`install_language` call put in place."""

    language: Language
    translators: list[QTranslator] = field(default_factory=list)
    previous_locale: QLocale = field(default_factory=QLocale)

    def uninstall(self) -> None:
        """Take the translators out again and restore the previous default locale."""
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        i18n.install(None)
        QLocale.setDefault(self.previous_locale)
        global _showing
        _showing = Language.ENGLISH


def translation_file(language: Language) -> str:
    """The path of salesdesk's compiled translation for ``language`` ("" for English)."""
    if language.resolved() is Language.ENGLISH:
        return ""
    return str(paths.resource(f"translations/salesdesk_{language.resolved().value}.qm"))


def install_catalog(path: str) -> None:
    """Translate this process's text with salesdesk's compiled translation at ``path``,
    without an application object: the recipe a helper process (the reader of a big import)
    follows to speak the windows' language. A file that does not load leaves English."""
    catalog = QTranslator()  # kept alive by ``translated``
    if catalog.load(path):

        def translated(context: str, text: str, disambiguation: str | None) -> str:
            return catalog.translate(context, text, disambiguation) or text

        i18n.install(translated, partial(install_catalog, path))


def install_language(language: Language) -> InstalledLanguage:
    """Translate the windows built from now on into ``language`` and format numbers and
    dates its way. English installs no translator. Raises :class:`FileNotFoundError` when the
    language's compiled translation is missing (an install that skipped the build step)."""
    chosen = language.resolved()
    installed = InstalledLanguage(chosen)
    if chosen is not Language.ENGLISH:
        ours = QTranslator()
        if not ours.load(translation_file(chosen)):
            raise FileNotFoundError(translation_file(chosen))
        qt_own = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for translator, loaded in ((ours, True),
                                   (qt_own, qt_own.load(f"qtbase_{chosen.value}", qt_folder))):
            if loaded:
                QCoreApplication.installTranslator(translator)
                installed.translators.append(translator)
        i18n.install(QCoreApplication.translate,
                     partial(install_catalog, translation_file(chosen)))
        QLocale.setDefault(_LOCALES[chosen])
    group_thousands()
    global _showing
    _showing = chosen
    return installed
