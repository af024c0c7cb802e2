"""The one door to the translations, for every layer.

Code that shows text to a person writes it in English through :func:`translate`, with a context
(the screen or module it belongs to) and any values as ``{named}`` fields filled in afterwards:

    translate("DealForm", "Fix {field}, marked in red above, before saving.").format(field=...)

``pyside6-lupdate`` finds these calls by their name (``packaging/translations.py``), so the
context and the text must be literal strings. Text kept in a table and shown later is marked
with :func:`QT_TRANSLATE_NOOP` where it is written and passed through :func:`translate` where it
is shown: a translation is looked up when it is needed, never at import time. A count that
changes the English word chooses between two whole sentences in the code ("{count} deal",
"{count} deals"); Hungarian, the one other language, has a single form after numbers.

The module is pure Python, so the domain, the store and the reports can use it. Until the GUI
installs Qt's translator (``salesdesk.ui.language``), text stays English, which is also what the
command line prints.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, str | None], str]


def _english(context: str, text: str, disambiguation: str | None) -> str:
    return text


_translator: Translator = _english
_recipe: Callable[[], None] | None = None


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """``text`` in the chosen language (English until a translator is installed).

    ``disambiguation`` tells apart two uses of the same English text in one context that
    another language words differently.
    """
    return _translator(context, text, disambiguation)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for translation without translating it (for tables shown later)."""
    return text


def install(translator: Translator | None, recipe: Callable[[], None] | None = None) -> None:
    """Make :func:`translate` use ``translator``; ``None`` goes back to English.

    ``recipe``, a picklable function, installs the same translations in another process (an
    import reads a big file in one): see :func:`recipe`.
    """
    global _translator, _recipe
    _translator = translator or _english
    _recipe = recipe if translator is not None else None


def recipe() -> Callable[[], None] | None:
    """What installs this process's translations in a new process (None for English)."""
    return _recipe
