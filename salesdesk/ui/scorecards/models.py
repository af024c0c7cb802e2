"""Qt models of the Scorecards tab: assessment history, one assessment's scores, the weak
points, and the editable assessment sheet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication

from salesdesk.domain.scorecards import (
    SCORE_MAX,
    SCORE_MIN,
    Assessment,
    Score,
    SkillItem,
    Template,
    WeakPoint,
    latest_first,
    template_text,
)
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui.formatting import date_text, number

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def finish_editing(view: QAbstractItemView) -> None:
    """Commit and close the cell editor open in ``view`` (saving while typing in a cell)."""
    if view.state() != QAbstractItemView.State.EditingState:
        return
    editor = QApplication.focusWidget()
    if editor is not None and view.viewport().isAncestorOf(editor):
        view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def trend_text(trend: tuple[tuple[Any, int], ...]) -> str:
    """Scores oldest first joined by arrows, e.g. "4 → 3 → 2"."""
    return " → ".join(str(score) for _, score in trend)


def change_text(change: int | None) -> str:
    """A score change with its sign ("−2", "+1", "0"); "new" when there is no earlier one."""
    if change is None:
        return translate("ScorecardModels", "new")
    return "0" if change == 0 else f"{change:+d}".replace("-", "−")


class _TableModel(QAbstractTableModel):
    """A read-only table with fixed column headers (marked in the "ScorecardModels"
    context, translated when shown)."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return translate("ScorecardModels", self.HEADERS[section])
        return None


def _item_text(item: SkillItem | None, item_id: int) -> str:
    """An item's text as shown ("item 7" for one its version lacks)."""
    if item is None:
        return translate("ScorecardModels", "item {id}").format(id=item_id)
    return template_text(item.text)


def _good_tip(item: SkillItem) -> str | None:
    """What a good score looks like, as a tooltip (None when the item does not say)."""
    if not item.good:
        return None
    return translate("ScorecardModels", "Good looks like: {good}").format(
        good=template_text(item.good))


class HistoryModel(_TableModel):
    """A salesperson's assessments, newest first."""

    HEADERS = (QT_TRANSLATE_NOOP("ScorecardModels", "Date"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Assessor"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Average"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Template"))

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Assessment] = []

    def set_assessments(self, assessments: list[Assessment]) -> None:
        """Show ``assessments`` (any order)."""
        self.beginResetModel()
        self._rows = latest_first(assessments)
        self.endResetModel()

    def assessment(self, row: int) -> Assessment | None:
        """The assessment at ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, assessment_id: int | None) -> int:
        """The row of an assessment by id (-1 when absent)."""
        return next((r for r, a in enumerate(self._rows) if a.id == assessment_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            mean = a.mean()
            return (date_text(a.assessed_on), a.assessor or "—",
                    number(mean, 1),
                    translate("ScorecardModels", "v{version}").format(
                        version=a.template_version))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return RIGHT
        return None


class ScoresModel(_TableModel):
    """One assessment's scores in sheet order, with the change since the previous one."""

    HEADERS = (QT_TRANSLATE_NOOP("ScorecardModels", "Section"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Item"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Score"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Change"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Note"))

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, SkillItem | None, Score, int | None]] = []

    def set_assessment(self, assessment: Assessment | None, template: Template | None,
                       previous: Assessment | None) -> None:
        """Show ``assessment`` read with ``template`` (its own version)."""
        self.beginResetModel()
        self._rows = []
        if assessment is not None and template is not None:
            order = {item.id: n for n, item in enumerate(template.ordered_items())}
            for s in sorted(assessment.scores, key=lambda s: order.get(s.item_id, 10**6)):
                item = template.item(s.item_id)
                section = template_text(template.section_title(item.section)) if item else ""
                before = previous.score_of(s.item_id) if previous else None
                self._rows.append((section, item, s, None if before is None
                                   else s.score - before))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        section, item, score, change = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return (section, _item_text(item, score.item_id), score.score,
                    change_text(change), score.note)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text, for cells a narrow window cuts short.
            if column == 1 and item is not None:
                return translate("ScorecardModels", "{item}\n\nGood looks like: {good}").format(
                    item=template_text(item.text), good=template_text(item.good))
            return {0: section, 4: score.note}.get(column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return CENTER
        return None


class WeakPointsModel(_TableModel):
    """What to improve: the lowest scores and the items that fell, with their trend."""

    HEADERS = (QT_TRANSLATE_NOOP("ScorecardModels", "What to improve"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Score"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Change"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Trend"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Why"))

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[WeakPoint, SkillItem | None]] = []

    def set_weak_points(self, weak: list[WeakPoint], template: Template | None) -> None:
        """Show ``weak`` with item texts from ``template``."""
        self.beginResetModel()
        self._rows = [(w, template.item(w.item_id) if template else None) for w in weak]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        w, item = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            reasons = []
            if w.lowest:
                reasons.append(translate("ScorecardModels", "among the lowest"))
            if w.fell and w.change is not None:
                reasons.append(translate("ScorecardModels", "fell by {points}").format(
                    points=-w.change))
            return (_item_text(item, w.item_id), w.score, change_text(w.change),
                    trend_text(w.trend), ", ".join(reasons))[column]
        if role == Qt.ItemDataRole.ToolTipRole and item is not None:
            return _good_tip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return CENTER
        return None


class SheetModel(_TableModel):
    """The sheet of a new assessment: every active item, its score (1–5) and a note.

    Scores are set by typing a digit on the row (see the sheet dialog) or edited in place;
    notes are edited in place.
    """

    HEADERS = (QT_TRANSLATE_NOOP("ScorecardModels", "Section"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Item"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Score"),
               QT_TRANSLATE_NOOP("ScorecardModels", "Note"))
    SCORE, NOTE = 2, 3

    def __init__(self, template: Template) -> None:
        super().__init__()
        self.template = template
        self.items = template.active_items()
        self.scores: dict[int, int] = {}
        self.notes: dict[int, str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (self.SCORE, self.NOTE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role in (DISPLAY, Qt.ItemDataRole.EditRole):
            if column == 0:
                return template_text(self.template.section_title(item.section))
            if column == 1:
                return template_text(item.text)
            if column == self.SCORE:
                score = self.scores.get(item.id)
                if role == Qt.ItemDataRole.EditRole:
                    return "" if score is None else str(score)
                return "—" if score is None else score
            return self.notes.get(item.id, "")
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return template_text(item.good)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return CENTER
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item = self.items[index.row()]
        if index.column() == self.SCORE:
            text = str(value).strip()
            if not text:
                self.scores.pop(item.id, None)
            elif text.isdigit() and SCORE_MIN <= int(text) <= SCORE_MAX:
                self.scores[item.id] = int(text)
            else:
                return False
        elif index.column() == self.NOTE:
            self.notes[item.id] = str(value)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def set_score(self, row: int, score: int) -> bool:
        """Score the item at ``row``."""
        return self.setData(self.index(row, self.SCORE), str(score))

    def result(self) -> tuple[Score, ...]:
        """The scores entered, in sheet order (unscored items left out)."""
        return tuple(Score(i.id, self.scores[i.id], self.notes.get(i.id, "").strip())
                     for i in self.items if i.id in self.scores)

    def first_unscored(self) -> int:
        """The first row without a score (-1 when every item is scored)."""
        return next((r for r, i in enumerate(self.items) if i.id not in self.scores), -1)
