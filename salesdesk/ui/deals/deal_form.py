"""The deal entry form: every field of DESIGN.md §3, validated by the domain, keyboard first.

Enter saves (Ctrl+Enter inside the notes), Esc cancels (asking first when something was
typed). Messages appear under the field they concern; nothing invalid is ever saved.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import CustomerType, Deal, LookupKind, Outcome
from salesdesk.domain.fields import FIELDS
from salesdesk.domain.lookups import closest_name, is_new_name
from salesdesk.domain.parsing import format_minor_units
from salesdesk.domain.validation import DealDraft, Validation, validate_draft
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui.deals.lost_reason import LostReasonField
from salesdesk.ui.widgets import DateField, NameField
from salesdesk.ui.workspace import Workspace

_NAME_FIELDS = (LookupKind.CLIENT, LookupKind.REP, LookupKind.PRODUCT, LookupKind.CHANNEL,
                LookupKind.REGION, LookupKind.AUDIENCE)
_ERROR_STYLE = "color: #c62828;"
# Fields whose messages show under another field's: the currency beside the amount, the
# lost-reason details beside the reason.
_SHARED_MESSAGES = {"currency": "amount", "lost_reason_note": "lost_reason"}
_WARNING_STYLE = "color: #9a6700;"
_HINT_STYLE = "color: palette(placeholder-text);"
# Each field's label (its DealField label) with its Alt+key, one letter per field and none
# shared with Save (S) or Preparation (O): seventeen fields leave no room for first letters
# only. A translation picks its own letters, as its words have other ones.
_LABELS = {
    "title": QT_TRANSLATE_NOOP("DealForm", "&Title"),
    "client": QT_TRANSLATE_NOOP("DealForm", "Cl&ient"),
    "rep": QT_TRANSLATE_NOOP("DealForm", "Sales&person"),
    "product": QT_TRANSLATE_NOOP("DealForm", "Pro&duct"),
    "channel": QT_TRANSLATE_NOOP("DealForm", "C&hannel"),
    "region": QT_TRANSLATE_NOOP("DealForm", "&Region"),
    "audience": QT_TRANSLATE_NOOP("DealForm", "Target a&udience"),
    "customer_type": QT_TRANSLATE_NOOP("DealForm", "Customer t&ype"),
    "stage": QT_TRANSLATE_NOOP("DealForm", "Sta&ge"),
    "outcome": QT_TRANSLATE_NOOP("DealForm", "Outco&me"),
    "lost_reason": QT_TRANSLATE_NOOP("DealForm", "&Lost reason"),
    "first_contact": QT_TRANSLATE_NOOP("DealForm", "&First contact"),
    "closed_on": QT_TRANSLATE_NOOP("DealForm", "&Closed on"),
    "expected_close": QT_TRANSLATE_NOOP("DealForm", "&Expected close"),
    "next_step": QT_TRANSLATE_NOOP("DealForm", "Ne&xt step"),
    "amount": QT_TRANSLATE_NOOP("DealForm", "&Amount"),
    "notes": QT_TRANSLATE_NOOP("DealForm", "&Notes"),
}


class DealDialog(QDialog):
    """Create or edit one deal. After ``exec()`` returns Accepted, ``deal`` is the valid deal.

    Signals:
        prep_requested(int): Preparation… was clicked on a saved deal (its id).
    """

    prep_requested = Signal(int)

    def __init__(self, workspace: Workspace, deal: Deal | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._original = deal
        self._rules = workspace.input_rules()
        self._attempted = False
        self._initial: DealDraft | None = None
        self._auto_closed = False
        self.deal: Deal | None = None
        self.setWindowTitle(translate("DealForm", "Deal — {title}").format(title=deal.title)
                            if deal else translate("DealForm", "New deal"))
        self.setObjectName("deal_dialog")
        self._build()
        self._fill(deal)
        self._initial = self.draft()
        self._connect_signals()
        self._on_outcome_changed()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        store = self._workspace.store
        self._messages: dict[str, QLabel] = {}
        self.title = QLineEdit()
        self.names: dict[LookupKind, NameField] = {}
        self._known: dict[LookupKind, list[str]] = {}
        self._warnings: Mapping[str, str] = {}
        self._hints: dict[str, str] = {}  # by field: see name_hint
        for kind in _NAME_FIELDS:
            field = NameField()
            field.set_names(store.names(kind))
            self._known[kind] = store.names(kind, include_retired=True)
            field.setObjectName(kind.value)
            self.names[kind] = field
        self.names[LookupKind.CLIENT].setPlaceholderText(
            translate("DealForm", "a new name creates the client"))
        self.lost_reason = LostReasonField()
        customers = store.customers
        self.lost_reason.set_reasons(store.names(LookupKind.LOST_REASON),
                                     customers.competitor_reason(),
                                     [name for name, _ in customers.competitor_losses()])
        self.customer_type = QComboBox()
        self.stage = QComboBox()
        self.stage.addItems(store.names(LookupKind.STAGE))
        self.outcome = QComboBox()
        for outcome in Outcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.first_contact = DateField()
        self.closed_on = DateField()
        self.expected_close = DateField()
        self.next_step = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        locale = QLocale()
        self.amount.setPlaceholderText(translate("DealForm", "e.g. {example} (empty: unknown)")
                                       .format(example=locale.toString(1234.5, "f", 2)))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(list(currency_digits()))
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.setAccessibleName(FIELDS["currency"].caption)  # beside the amount
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(translate("DealForm", "Ctrl+Enter saves"))
        self.notes.setMinimumHeight(70)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        money = QWidget()
        money_row = QHBoxLayout(money)
        money_row.setContentsMargins(0, 0, 0, 0)
        money_row.addWidget(self.amount, 1)
        money_row.addWidget(self.currency)
        money.setFocusProxy(self.amount)  # so the Amount label's Alt+A reaches the field
        rows: list[tuple[tuple[str, QWidget], tuple[str, QWidget] | None]] = [
            (("title", self.title), None),
            (("client", self.names[LookupKind.CLIENT]), ("rep", self.names[LookupKind.REP])),
            (("product", self.names[LookupKind.PRODUCT]),
             ("channel", self.names[LookupKind.CHANNEL])),
            (("region", self.names[LookupKind.REGION]),
             ("audience", self.names[LookupKind.AUDIENCE])),
            (("customer_type", self.customer_type), ("stage", self.stage)),
            (("outcome", self.outcome), ("lost_reason", self.lost_reason)),
            (("first_contact", self.first_contact), ("closed_on", self.closed_on)),
            (("expected_close", self.expected_close), ("next_step", self.next_step)),
            (("amount", money), None),
            (("notes", self.notes), None),
        ]
        row = 0
        for left, right in rows:
            self._add_field(grid, row, 0, *left, span=3 if right is None else 1)
            if right is not None:
                self._add_field(grid, row, 2, *right)
            row += 2
        self._messages["currency"] = self._messages["amount"]
        self._messages["lost_reason_note"] = self._messages["lost_reason"]

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        # Esc cancels; its C is Closed on's.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("DealForm", "Cancel"))
        self.prep_button = self.buttons.addButton(translate("DealForm", "Preparati&on…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.prep_button.setObjectName("prep_button")
        self.prep_button.setToolTip(translate(
            "DealForm", "The negotiation preparation sheet of this deal (interest areas, SPIN"
            " questions, price arguments, …)"))
        self.prep_button.setAutoDefault(False)
        saved = self._original is not None and self._original.id is not None
        self.prep_button.setEnabled(saved)
        if not saved:
            self.prep_button.setToolTip(
                translate("DealForm", "Save the deal first to prepare its negotiation."))
        self.summary = QLabel()
        self.summary.setStyleSheet(_ERROR_STYLE)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.title, self.names[LookupKind.CLIENT])
        order: list[QWidget] = [
            self.title, self.names[LookupKind.CLIENT], self.names[LookupKind.REP],
            self.names[LookupKind.PRODUCT], self.names[LookupKind.CHANNEL],
            self.names[LookupKind.REGION], self.names[LookupKind.AUDIENCE], self.customer_type,
            self.stage, self.outcome, self.lost_reason.combo, self.lost_reason.details,
            self.first_contact.line_edit, self.closed_on.line_edit,
            self.expected_close.line_edit, self.next_step, self.amount, self.currency,
            self.notes, self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.resize(760, self.sizeHint().height())

    def _add_field(self, grid: QGridLayout, row: int, column: int, key: str, widget: QWidget,
                   span: int = 1) -> None:
        label = QLabel(translate("DealForm", _LABELS[key]))
        label.setBuddy(widget.focusProxy() or widget)
        label.setToolTip(FIELDS[key].help_text)
        message = QLabel()
        message.setWordWrap(True)
        message.setObjectName(f"message_{key}")
        message.setTextFormat(Qt.TextFormat.RichText)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        message.linkActivated.connect(lambda name, key=key: self._use_name(key, name))
        message.hide()
        self._messages[key] = message
        grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignTop if key == "notes" else
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(widget, row, column + 1, 1, span)
        grid.addWidget(message, row + 1, column + 1, 1, span)

    def _fill(self, deal: Deal | None) -> None:
        base = self._rules.base_currency
        self._set_customer_type_items(deal)
        if deal is None:
            self.currency.setCurrentText(base)
            self.first_contact.set_date(self._workspace.today())
            return
        self.title.setText(deal.title)
        for kind, field in self.names.items():
            field.setText(deal.lookup(kind) or "")
        self.lost_reason.set_reason(deal.lost_reason)
        self.lost_reason.set_note(deal.lost_reason_note)
        if deal.stage:
            if self.stage.findText(deal.stage) < 0:
                self.stage.addItem(deal.stage)  # a retired stage still shows on its deals
            self.stage.setCurrentText(deal.stage)
        self.outcome.setCurrentIndex(self.outcome.findData(deal.outcome.value))
        self.first_contact.set_date(deal.first_contact)
        self.closed_on.set_date(deal.closed_on)
        self.expected_close.set_date(deal.expected_close)
        self.next_step.setText(deal.next_step)
        if deal.amount is not None:
            digits = currency_digits().get(deal.currency, 2)
            plain = format_minor_units(deal.amount, digits)
            self.amount.setText(plain.replace(".", QLocale().decimalPoint()))
        self.currency.setCurrentText(deal.currency)
        self.notes.setPlainText(deal.notes)

    def _set_customer_type_items(self, deal: Deal | None) -> None:
        derived = deal.customer_type if deal and not deal.customer_type_set else None
        automatic = (translate("DealForm", "Automatic") if derived is None else
                     translate("DealForm", "Automatic (new)") if derived is CustomerType.NEW else
                     translate("DealForm", "Automatic (current)"))
        self.customer_type.addItem(automatic, "")
        for kind in CustomerType:
            self.customer_type.addItem(kind.label, kind.value)
        self.customer_type.setToolTip(translate(
            "DealForm", "Current when the client has a won deal closed before this deal's first"
            " contact. Choose a value to override."))
        if deal is not None and deal.customer_type_set:
            self.customer_type.setCurrentIndex(
                self.customer_type.findData(deal.customer_type.value))

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.prep_button.clicked.connect(self._on_prep_clicked)
        self.outcome.currentIndexChanged.connect(self._on_outcome_changed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)
        for widget in (self.title, self.next_step, self.amount, *self.names.values()):
            widget.textEdited.connect(self._on_edited)
        for kind, field in self.names.items():
            field.textChanged.connect(lambda _text, kind=kind: self._on_name_changed(kind))
        self.lost_reason.edited.connect(self._on_edited)
        for date in (self.first_contact, self.closed_on, self.expected_close):
            date.edited.connect(self._on_edited)
        for combo in (self.customer_type, self.stage, self.outcome, self.currency):
            combo.currentTextChanged.connect(self._on_edited)
        self.notes.textChanged.connect(self._on_edited)

    # --- behaviour -----------------------------------------------------------------------

    def draft(self) -> DealDraft:
        """The form's content as typed."""
        lost = self.outcome.currentData() == Outcome.LOST.value
        return DealDraft(
            title=self.title.text(),
            client=self.names[LookupKind.CLIENT].text(),
            rep=self.names[LookupKind.REP].text(),
            product=self.names[LookupKind.PRODUCT].text(),
            channel=self.names[LookupKind.CHANNEL].text(),
            region=self.names[LookupKind.REGION].text(),
            audience=self.names[LookupKind.AUDIENCE].text(),
            customer_type=str(self.customer_type.currentData() or ""),
            stage=self.stage.currentText(),
            outcome=str(self.outcome.currentData()),
            first_contact=self.first_contact.text(),
            closed_on=self.closed_on.text(),
            expected_close=self.expected_close.text(),
            next_step=self.next_step.text(),
            amount=self.amount.text(),
            currency=self.currency.currentText(),
            lost_reason=self.lost_reason.reason() if lost else "",
            lost_reason_note=self.lost_reason.note() if lost else "",
            notes=self.notes.toPlainText(),
        )

    def validate(self) -> Validation:
        """Validate the form and show each message under its field."""
        result = validate_draft(self.draft(), self._rules, self._original)
        self._show(result.errors, result.warnings)
        return result

    def name_hint(self, kind: LookupKind) -> str | None:
        """What the form says beside a name field holding a new name ("New channel"), with
        the existing name it likely meant as a link that puts it in the field."""
        typed = self.names[kind].text()
        original = self._original.lookup(kind) if self._original else None
        if original == typed or not is_new_name(typed, self._known[kind]):
            return None
        meant = closest_name(typed, self._known[kind])
        if meant is None:
            return translate("DealForm", "New {kind}: saving adds it to the list.").format(
                kind=kind.singular)
        return translate("DealForm", "New {kind} — did you mean {name}?").format(
            kind=kind.singular,
            name=f"<a href=\"{html.escape(meant)}\">{html.escape(meant)}</a>")

    def _on_name_changed(self, kind: LookupKind) -> None:
        hint = self.name_hint(kind)
        if hint is None:
            self._hints.pop(kind.value, None)
        else:
            self._hints[kind.value] = hint
        if self._attempted:
            self.validate()
        else:
            self._show({}, self._warnings)

    def _use_name(self, key: str, name: str) -> None:
        field = self.names[LookupKind(key)]
        field.setText(name)
        field.setFocus()
        self._on_edited()

    def _show(self, errors: Mapping[str, str], warnings: Mapping[str, str]) -> None:
        self._warnings = warnings
        hints = self._hints
        for key, label in self._messages.items():
            if key in _SHARED_MESSAGES:
                continue
            text = errors.get(key) or next((errors[k] for k, shown in _SHARED_MESSAGES.items()
                                            if shown == key and k in errors), None)
            style = _ERROR_STYLE
            if not text and key in warnings:
                text, style = warnings[key], _WARNING_STYLE
            if text:
                text = html.escape(text, quote=False)
            elif key in hints:
                text, style = hints[key], _HINT_STYLE
            label.setText(text or "")
            label.setStyleSheet(style)
            label.setVisible(bool(text))
        # The summary sits under the form, by the buttons: it names the fields to look for.
        marked = {_SHARED_MESSAGES.get(key, key) for key in errors}
        names = [FIELDS[key].caption for key in self._messages if key in marked]  # form order
        self.summary.setText(
            "" if not names else
            translate("DealForm", "Fix {field}, marked in red above, before saving.").format(
                field=names[0]) if len(names) == 1 else
            translate("DealForm", "Fix {count} fields, marked in red above, before saving:"
                      " {fields}.").format(count=len(names), fields=", ".join(names)))

    def save(self) -> None:
        """Validate; accept the dialog with a valid deal, or show what to fix."""
        self._attempted = True
        result = self.validate()
        if result.deal is None:
            first = next(iter(result.errors))
            self._focus_field(first)
            return
        self.deal = result.deal
        self.accept()

    def _focus_field(self, key: str) -> None:
        widgets: dict[str, QWidget] = {
            "title": self.title, "customer_type": self.customer_type, "stage": self.stage,
            "outcome": self.outcome, "first_contact": self.first_contact.line_edit,
            "closed_on": self.closed_on.line_edit,
            "expected_close": self.expected_close.line_edit, "next_step": self.next_step,
            "amount": self.amount, "currency": self.currency, "notes": self.notes,
        }
        widgets.update({kind.value: field for kind, field in self.names.items()})
        widgets.update(lost_reason=self.lost_reason.combo,
                       lost_reason_note=self.lost_reason.details)
        widget = widgets.get(key)
        if widget is not None:
            widget.setFocus()

    def _on_prep_clicked(self) -> None:
        if self._original is not None and self._original.id is not None:
            self.prep_requested.emit(self._original.id)

    def _on_edited(self) -> None:
        if self._attempted:
            self.validate()

    def _on_outcome_changed(self) -> None:
        outcome = self.outcome.currentData()
        self.lost_reason.setEnabled(outcome == Outcome.LOST.value)
        if outcome == Outcome.OPEN.value:
            if self._auto_closed:
                self.closed_on.set_date(None)
                self._auto_closed = False
        elif not self.closed_on.text().strip():
            # Closing a deal usually happens today; the user can type another date.
            self.closed_on.set_date(self._workspace.today())
            self._auto_closed = True
        if outcome == Outcome.LOST.value:
            self.validate_warnings_only()

    def validate_warnings_only(self) -> None:
        """Show the lost-reason reminder without flagging errors the user has not met yet."""
        if not self._attempted:
            result = validate_draft(self.draft(), self._rules, self._original)
            self._show({}, result.warnings)

    def is_dirty(self) -> bool:
        """True when the user changed something."""
        return self._initial is not None and self.draft() != self._initial

    def reject(self) -> None:
        """Cancel, asking first when typed changes would be lost."""
        if self.is_dirty():
            answer = QMessageBox.question(
                self, translate("DealForm", "Discard changes?"),
                translate("DealForm", "Discard the changes to this deal?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
