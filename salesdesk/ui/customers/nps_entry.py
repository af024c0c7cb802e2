"""The quick-entry form for survey responses: a batch of paper surveys typed from the keyboard.

Date, segment, product, client and deal stay filled from one survey to the next (a pile of
surveys usually shares them); the score and the comment are typed per survey. Choosing a deal
fills in its product, and choosing another deal replaces it (a product typed by hand stays).
Enter in the score field moves to the comment, Enter in the comment field adds the survey to
the batch and goes back to the score; Ctrl+Enter saves the batch as one undoable command. The
question the survey asked follows the segment. Editing a stored response uses the same form
without the batch.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.deals import LookupKind
from salesdesk.domain.nps import (
    FOLLOW_UP,
    NpsTally,
    Response,
    ResponseDraft,
    Segment,
    check_response,
)
from salesdesk.domain.parsing import ParseError, parse_date
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.nps_report import nps_text
from salesdesk.ui.customers.models import Column, RecordsModel
from salesdesk.ui.formatting import date_text
from salesdesk.ui.widgets import DateField, NameField
from salesdesk.ui.workspace import Workspace, strptime_formats

_ERROR_STYLE = "color: #c62828;"
PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1  # a deal choice's product
BATCH_COLUMNS: tuple[Column[Response], ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Date"), lambda r: date_text(r.answered_on),
           sort=lambda r: r.answered_on),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Score"), lambda r: str(r.score), right=True),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Segment"), lambda r: r.segment.label),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Product"), lambda r: r.product or "—"),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Client"), lambda r: r.client or "—"),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Comment"), lambda r: r.comment,
           tooltip=lambda r: r.comment),
)
FIELD_NAMES = {
    "date": QT_TRANSLATE_NOOP("ResponseDialog", "Date"),
    "score": QT_TRANSLATE_NOOP("ResponseDialog", "Score"),
    "segment": QT_TRANSLATE_NOOP("ResponseDialog", "Segment"),
    "product": QT_TRANSLATE_NOOP("ResponseDialog", "Product"),
    "client": QT_TRANSLATE_NOOP("ResponseDialog", "Client"),
    "comment": QT_TRANSLATE_NOOP("ResponseDialog", "Comment"),
}
"""The fields a problem is reported for (``translate("ResponseDialog", name)`` when shown)."""


class ResponseDialog(QDialog):
    """Type survey responses. After ``exec()`` returns Accepted, :attr:`responses` holds the
    valid responses to save (one when editing)."""

    def __init__(self, workspace: Workspace, response: Response | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("response_dialog")
        self._workspace = workspace
        self._editing = response
        self._deal_product: str | None = None  # the product the deal chosen filled in
        self.responses: list[Response] = []
        self.setWindowTitle(translate("ResponseDialog", "Edit survey response") if response
                            else translate("ResponseDialog", "Add survey responses"))
        self._build()
        self._fill(response)
        self._connect_signals()
        self._on_segment_changed()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        store = self._workspace.store
        self.date = DateField()
        self.segment = QComboBox()
        self.segment.setObjectName("segment")
        for segment in Segment:
            self.segment.addItem(segment.label, segment.value)
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.product = NameField()
        self.product.setObjectName("product")
        self.product.set_names(store.names(LookupKind.PRODUCT))
        self.client = NameField()
        self.client.setObjectName("client")
        self.client.set_names(store.names(LookupKind.CLIENT))
        self.client.setPlaceholderText(translate("ResponseDialog",
                                                 "optional: a paper survey may be anonymous"))
        self.deal = QComboBox()
        self.deal.setObjectName("deal")
        self.deal.setMinimumContentsLength(28)
        self.deal.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.deal.addItem(translate("ResponseDialog", "(none)"), None)
        self.score = QLineEdit()
        self.score.setObjectName("score")
        self.score.setPlaceholderText("0–10")
        self.score.setMaxLength(4)
        self.score.setMaximumWidth(self.score.fontMetrics().horizontalAdvance("0000") + 24)
        self.comment = QLineEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(translate("Nps", FOLLOW_UP))
        self.message = QLabel()
        self.message.setObjectName("entry_message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(translate("ResponseDialog", "&Date:"), self.date)
        segment_row = QHBoxLayout()
        segment_row.addWidget(self.segment)
        segment_row.addWidget(self.question, 1)
        segment_label = QLabel(translate("ResponseDialog", "S&egment:"))
        segment_label.setBuddy(self.segment)
        form.addRow(segment_label, segment_row)
        form.addRow(translate("ResponseDialog", "&Product:"), self.product)
        form.addRow(translate("ResponseDialog", "Cl&ient:"), self.client)
        form.addRow(translate("ResponseDialog", "Dea&l:"), self.deal)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score)
        score_row.addWidget(QLabel("   " + translate("ResponseDialog", "then: “{question}”")
                                   .format(question=translate("Nps", FOLLOW_UP))))
        score_row.addStretch(1)
        score_label = QLabel(translate("ResponseDialog", "&Score (0–10):"))
        score_label.setBuddy(self.score)
        form.addRow(score_label, score_row)
        form.addRow(translate("ResponseDialog", "&Comment:"), self.comment)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)

        self.batch = RecordsModel(BATCH_COLUMNS, self)
        self.batch_view = QTableView()
        self.batch_view.setObjectName("batch")
        self.batch_view.setModel(self.batch)
        self.batch_view.verticalHeader().hide()
        self.batch_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batch_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batch_view.setTabKeyNavigation(False)
        self.batch_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.batch_view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(translate("ResponseDialog", "&Add to Batch"))
        self.add_button.setObjectName("add_to_batch")
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(translate("ResponseDialog",
                                             "Enter in the comment field does the same"))
        self.remove_button = QPushButton(translate("ResponseDialog", "&Remove from Batch"))
        self.remove_button.setAutoDefault(False)
        self.batch_label = QLabel()
        self.batch_label.setObjectName("batch_summary")
        batch_bar = QHBoxLayout()
        batch_bar.addWidget(self.batch_label, 1)
        batch_bar.addWidget(self.remove_button)
        batch_bar.addWidget(self.add_button)
        if self._editing is None:
            layout.addLayout(batch_bar)
            layout.addWidget(self.batch_view, 1)
        else:
            self.batch_view.hide()
            self.add_button.hide()
            self.remove_button.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("Ctrl+Enter")
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        layout.addWidget(self.buttons)
        self._update_batch_label()
        self.resize(720, 560 if self._editing is None else 320)

    def _fill(self, response: Response | None) -> None:
        if response is None:
            self.date.set_date(self._workspace.today())
            return
        self.date.set_date(response.answered_on)
        self.segment.setCurrentIndex(self.segment.findData(response.segment.value))
        self.product.setText(response.product or "")
        self.client.setText(response.client or "")
        self._reload_deals(response.deal_id)
        if response.deal_id is not None:
            self._deal_product = self.deal.currentData(PRODUCT_ROLE) or None
        self.score.setText(str(response.score))
        self.comment.setText(response.comment)

    def _connect_signals(self) -> None:
        self.segment.currentIndexChanged.connect(self._on_segment_changed)
        self.client.editingFinished.connect(self._on_client_edited)
        self.deal.activated.connect(self._on_deal_chosen)
        self.score.returnPressed.connect(self.comment.setFocus)
        self.comment.returnPressed.connect(self._on_comment_entered)
        self.add_button.clicked.connect(self.add_to_batch)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)

    # --- behaviour -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves through the survey (score → comment → next survey), handled by the
        # fields: it must not also press the dialog's default button (the button box makes
        # Save the default when it is shown). Ctrl+Enter saves.
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_segment_changed(self) -> None:
        segment = Segment(str(self.segment.currentData()))
        self.question.setText(translate("ResponseDialog", "<i>“{question}”</i>").format(
            question=segment.question))

    def _on_client_edited(self) -> None:
        self._reload_deals(self.deal.currentData())

    def _reload_deals(self, keep: int | None) -> None:
        client = self.client.text().strip()
        choices = self._workspace.store.customers.client_deals(client) if client else []
        self.deal.clear()
        self.deal.addItem(translate("ResponseDialog", "(none)"), None)
        for choice in choices:
            self.deal.addItem(choice.describe(), choice.id)
            self.deal.setItemData(self.deal.count() - 1, choice.product, PRODUCT_ROLE)
        index = self.deal.findData(keep) if keep is not None else 0
        self.deal.setCurrentIndex(max(index, 0))

    def _on_deal_chosen(self) -> None:
        # The product follows the deal chosen: it is filled in when empty or still the
        # product an earlier deal filled in (the next survey of a pile is often about another
        # deal of the same client); a product the user typed stays. "(none)" leaves it.
        if self.deal.currentData() is None:
            return
        product = str(self.deal.currentData(PRODUCT_ROLE) or "")
        typed = self.product.text().strip()
        if not typed or typed.casefold() == (self._deal_product or "").casefold():
            self.product.setText(product)
        self._deal_product = product or None

    def _on_comment_entered(self) -> None:
        if self._editing is None:
            self.add_to_batch()
        else:
            self.save()

    def current(self) -> tuple[Response | None, dict[str, str]]:
        """The response the fields hold, or the problems per field."""
        answered_on = None
        errors: dict[str, str] = {}
        try:
            answered_on = parse_date(self.date.text(), strptime_formats(QLocale()))
        except ParseError as exc:
            errors["date"] = str(exc)
        draft = ResponseDraft(score=self.score.text(), segment=str(self.segment.currentData()),
                              product=self.product.text(), client=self.client.text(),
                              comment=self.comment.text())
        deal_id = self.deal.currentData()
        response, problems = check_response(draft, answered_on,
                                            deal_id=deal_id if isinstance(deal_id, int)
                                            else None, today=self._workspace.today())
        if "date" in errors:
            problems.pop("date", None)
        return (None if errors else response), {**problems, **errors}

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.message.setText(" ".join(
            translate("ResponseDialog", "{field}: {problem}").format(
                field=translate("ResponseDialog", FIELD_NAMES[key]) if key in FIELD_NAMES
                else key.capitalize(), problem=text)
            for key, text in problems.items()))
        focus = {"date": self.date.line_edit, "score": self.score, "segment": self.segment,
                 "product": self.product, "client": self.client, "comment": self.comment}
        first = next(iter(problems), None)
        if first in focus:
            focus[first].setFocus()
            if first == "score":
                self.score.selectAll()

    def add_to_batch(self) -> bool:
        """Add the typed survey to the batch and clear score and comment for the next one;
        show what is wrong instead when it is not valid."""
        response, problems = self.current()
        if response is None:
            self._show_problems(problems)
            return False
        self.message.clear()
        self.batch.set_rows([*self.batch.rows, response])
        self.batch_view.scrollToBottom()
        self.score.clear()
        self.comment.clear()
        self.score.setFocus()
        self._update_batch_label()
        return True

    def remove_selected(self) -> None:
        """Drop the selected surveys from the batch."""
        chosen = {index.row() for index in self.batch_view.selectionModel().selectedRows()}
        self.batch.set_rows(r for n, r in enumerate(self.batch.rows) if n not in chosen)
        self._update_batch_label()

    def _update_batch_label(self) -> None:
        rows = self.batch.rows
        if not rows:
            self.batch_label.setText(translate("ResponseDialog", "Type a score and a comment,"
                                                                 " then Enter: the survey joins"
                                                                 " the batch."))
            return
        tally = NpsTally.of(r.score for r in rows)
        self.batch_label.setText(translate("ResponseDialog", "{count} in the batch · NPS {nps}")
                                 .format(count=len(rows), nps=nps_text(tally.nps)))

    def save(self) -> None:
        """Accept with the batch (plus a survey typed but not yet added), or the edited
        response; stay open and say what is wrong otherwise."""
        if self._editing is not None:
            response, problems = self.current()
            if response is None:
                self._show_problems(problems)
                return
            self.responses = [response]
            self.accept()
            return
        if (self.score.text().strip() or self.comment.text().strip()) and \
                not self.add_to_batch():
            return
        if not self.batch.rows:
            self._show_problems({"score": translate("ResponseDialog",
                                                    "Type at least one survey's score.")})
            return
        self.responses = self.batch.rows
        self.accept()
