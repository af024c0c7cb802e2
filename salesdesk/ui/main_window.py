"""The main window: the tabs and the menus built from the action registry, wired to the tabs and
to the jobs objects that do the work (files, exports, data safety, scorecards)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from salesdesk import __version__, paths
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.slice_spec import SliceSpec
from salesdesk.i18n import translate
from salesdesk.ui.actions import ActionId, ActionRegistry
from salesdesk.ui.charts import ChartFigures, ChartWidget
from salesdesk.ui.charts.dialog import ChartExportDialog
from salesdesk.ui.customers.customers_tab import CustomersTab
from salesdesk.ui.deals.deals_tab import DealsTab
from salesdesk.ui.export_jobs import ExportJobs
from salesdesk.ui.file_jobs import FileJobs
from salesdesk.ui.formatting import set_currency_display
from salesdesk.ui.funnel.cache_service import CacheService, CacheSource
from salesdesk.ui.funnel.figures_help import FiguresHelpDialog
from salesdesk.ui.funnel.funnel_tab import FunnelTab
from salesdesk.ui.growth.growth_tab import GrowthTab
from salesdesk.ui.guide_dialog import GuideDialog
from salesdesk.ui.language import showing_language
from salesdesk.ui.lists.lists_dialog import ListsDialog
from salesdesk.ui.preferences import EditSettingsCommand, PreferencesDialog
from salesdesk.ui.safety.data_safety import DataSafety
from salesdesk.ui.scorecards.scorecards_tab import ScorecardsTab
from salesdesk.ui.scorecards.window_jobs import ScorecardJobs
from salesdesk.ui.shortcuts_dialog import ShortcutsDialog
from salesdesk.ui.tasks import TaskRunner
from salesdesk.ui.theme import apply_theme
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import FileOpener, Workspace


class MainWindow(QMainWindow):
    """The salesdesk window for one open file at a time."""

    def __init__(self, workspace: Workspace, opener: FileOpener, ui_settings: UiSettings,
                 cache_source: CacheSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.workspace = workspace
        self._ui_settings = ui_settings
        self.registry = ActionRegistry(self)
        self.tasks = TaskRunner(self)
        self.cache = CacheService(workspace, cache_source, self.tasks, self)
        self.safety = DataSafety(workspace, self.tasks, self)
        self.files = FileJobs(workspace, opener, ui_settings, self.tasks, self.safety, self)
        self.exports = ExportJobs(workspace, ui_settings, self.tasks, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.deals_tab = DealsTab(workspace)
        self.funnel_tab = FunnelTab(
            workspace, self.cache, default_period=lambda: ui_settings.funnel_default_period)
        self.tabs.addTab(self.deals_tab, translate("MainWindow", "&Deals"))
        self.tabs.addTab(self.funnel_tab, translate("MainWindow", "F&unnel"))
        self.growth_tab = GrowthTab(workspace, self.cache, self.tasks)
        self.tabs.addTab(self.growth_tab, translate("MainWindow", "&Growth Points"))
        self.scorecards_tab = ScorecardsTab(workspace, self.cache)
        self.tabs.addTab(self.scorecards_tab, translate("MainWindow", "&Scorecards"))
        self.scorecard_jobs = ScorecardJobs(workspace, ui_settings, self.tasks, self)
        self.customers_tab = CustomersTab(workspace, self.cache, ui_settings, self.tasks)
        self.tabs.addTab(self.customers_tab, translate("MainWindow", "&Customers"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._connect_signals()
        self._restore_state()
        self._on_file_replaced()
        self.cache.rebuild()

    # --- building ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.registry
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addAction(a[ActionId.NEW_FILE])
        file_menu.addAction(a[ActionId.OPEN_FILE])
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(a[ActionId.OPEN_SAMPLE])
        file_menu.addAction(a[ActionId.SAVE_COPY])
        file_menu.addAction(a[ActionId.BACKUP_NOW])
        file_menu.addAction(a[ActionId.RESTORE_BACKUP])
        file_menu.addAction(a[ActionId.BACKUP_SETTINGS])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.IMPORT_DEALS])
        file_menu.addAction(a[ActionId.IMPORT_NPS])
        file_menu.addAction(a[ActionId.EXPORT_DEALS])
        file_menu.addAction(a[ActionId.EXPORT_REPORT])
        file_menu.addAction(a[ActionId.EXPORT_SCORECARDS])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])

        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.undo_action = self.workspace.undo_stack.createUndoAction(
            self, translate("MainWindow", "&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.workspace.undo_stack.createRedoAction(
            self, translate("MainWindow", "&Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.NEW_DEAL])
        edit_menu.addAction(a[ActionId.OPEN_DEAL])
        edit_menu.addAction(a[ActionId.DELETE_DEAL])
        edit_menu.addAction(a[ActionId.NEXT_STAGE])
        edit_menu.addAction(a[ActionId.ADD_NPS_RESPONSES])
        self.stage_menu = edit_menu.addMenu(translate("MainWindow", "Move to &Stage"))
        self.stage_menu.aboutToShow.connect(self._fill_stage_menu)
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.FIND])
        edit_menu.addAction(a[ActionId.LISTS])
        edit_menu.addAction(a[ActionId.EDIT_SKILL_TEMPLATE])
        edit_menu.addAction(a[ActionId.ERASE_CLIENT])
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.PREFERENCES])

        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addAction(a[ActionId.SHOW_DEALS_TAB])
        view_menu.addAction(a[ActionId.SHOW_FUNNEL_TAB])
        view_menu.addAction(a[ActionId.SHOW_GROWTH_TAB])
        view_menu.addAction(a[ActionId.SHOW_SCORECARDS_TAB])
        view_menu.addAction(a[ActionId.SHOW_CUSTOMERS_TAB])

        tools_menu = bar.addMenu(translate("MainWindow", "&Tools"))
        tools_menu.addAction(a[ActionId.CHECK_DATABASE])

        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(a[ActionId.USER_GUIDE])
        help_menu.addAction(a[ActionId.FIGURES_HELP])
        help_menu.addAction(a[ActionId.SHORTCUTS])
        help_menu.addAction(a[ActionId.ABOUT])

    def _connect_signals(self) -> None:
        a = self.registry
        files, exports = self.files, self.exports
        a[ActionId.NEW_FILE].triggered.connect(files.new_file)
        a[ActionId.OPEN_FILE].triggered.connect(files.open_file)
        a[ActionId.OPEN_SAMPLE].triggered.connect(files.open_sample)
        self.deals_tab.set_start_actions(
            a[i] for i in (ActionId.NEW_DEAL, ActionId.IMPORT_DEALS, ActionId.OPEN_SAMPLE))
        a[ActionId.SAVE_COPY].triggered.connect(files.save_copy)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.NEW_DEAL].triggered.connect(self.deals_tab.new_deal)
        a[ActionId.OPEN_DEAL].triggered.connect(lambda: self.deals_tab.open_deal())
        a[ActionId.DELETE_DEAL].triggered.connect(self.deals_tab.delete_selected)
        a[ActionId.NEXT_STAGE].triggered.connect(self.deals_tab.move_to_next_stage)
        a[ActionId.FIND].triggered.connect(self.deals_tab.focus_search)
        a[ActionId.LISTS].triggered.connect(self.show_lists)
        a[ActionId.ABOUT].triggered.connect(self.show_about)
        a[ActionId.FIGURES_HELP].triggered.connect(self.show_figures_help)
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        a[ActionId.USER_GUIDE].triggered.connect(self.show_guide)
        a[ActionId.PREFERENCES].triggered.connect(self.show_preferences)
        a[ActionId.EXPORT_REPORT].triggered.connect(
            lambda: exports.export_report(self.funnel_tab.figures, self.funnel_tab.comparison))
        a[ActionId.IMPORT_DEALS].triggered.connect(files.import_deals)
        a[ActionId.EXPORT_DEALS].triggered.connect(
            lambda: exports.export_deals(self.deals_tab.model.query))
        for jobs_message in (files.message, exports.message):
            jobs_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        a[ActionId.BACKUP_NOW].triggered.connect(self.safety.backup_now)
        a[ActionId.RESTORE_BACKUP].triggered.connect(self.safety.restore_from_backup)
        a[ActionId.BACKUP_SETTINGS].triggered.connect(self.safety.backup_settings)
        a[ActionId.ERASE_CLIENT].triggered.connect(self.safety.erase_client)
        a[ActionId.CHECK_DATABASE].triggered.connect(self.safety.check_database)
        self.safety.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.workspace.done.connect(lambda text: self.statusBar().showMessage(text, 5000))
        a[ActionId.SHOW_DEALS_TAB].triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.deals_tab))
        a[ActionId.SHOW_FUNNEL_TAB].triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.funnel_tab))
        self.funnel_tab.show_deals_requested.connect(self._show_deals_behind)
        self.funnel_tab.export_requested.connect(self._export_chart)
        a[ActionId.SHOW_GROWTH_TAB].triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.growth_tab))
        self.growth_tab.funnel_requested.connect(self._show_funnel_slice)
        self.growth_tab.scorecard_requested.connect(self._show_scorecard)
        self.growth_tab.show_deals_requested.connect(self._show_deals_behind)
        self.growth_tab.badges_changed.connect(self.deals_tab.model.set_badges)
        a[ActionId.SHOW_SCORECARDS_TAB].triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.scorecards_tab))
        jobs = self.scorecard_jobs
        a[ActionId.EDIT_SKILL_TEMPLATE].triggered.connect(jobs.edit_template)
        a[ActionId.EXPORT_SCORECARDS].triggered.connect(
            lambda: jobs.export_scorecards(self.scorecards_tab.report))
        self.scorecards_tab.export_requested.connect(self._export_chart)
        self.scorecards_tab.edit_template_requested.connect(jobs.edit_template)
        self.scorecards_tab.export_scorecards_requested.connect(
            lambda: jobs.export_scorecards(self.scorecards_tab.report))
        self.deals_tab.prep_requested.connect(jobs.open_prep)
        jobs.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        customers = self.customers_tab
        a[ActionId.SHOW_CUSTOMERS_TAB].triggered.connect(
            lambda: self.tabs.setCurrentWidget(customers))
        a[ActionId.ADD_NPS_RESPONSES].triggered.connect(customers.add_responses)
        a[ActionId.IMPORT_NPS].triggered.connect(customers.import_responses)
        customers.activate_requested.connect(lambda: self.tabs.setCurrentWidget(customers))
        customers.export_requested.connect(self._export_chart)
        customers.show_deals_requested.connect(self._show_deals_behind)
        customers.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.deals_tab.selection_changed.connect(self._update_actions)
        self.workspace.changed.connect(self._on_changed)
        self.workspace.file_replaced.connect(self._on_file_replaced)
        self.workspace.error_raised.connect(self.show_error)

    def _restore_state(self) -> None:
        if not self.restoreGeometry(self._ui_settings.geometry):
            screen = QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            # Most of a laptop's screen, so the deal list's main columns show at once.
            width = min(1600, int(available.width() * 0.94)) if available else 1280
            height = min(1000, int(available.height() * 0.9)) if available else 800
            self.resize(width, height)
        self.restoreState(self._ui_settings.window_state)
        self.deals_tab.splitter.restoreState(self._ui_settings.splitter("deals"))
        self.deals_tab.restore_hidden(self._ui_settings.hidden_columns("deals"))
        self.funnel_tab.splitter.restoreState(self._ui_settings.splitter("funnel"))
        # Named anew when the tab's splitter turned from vertical to horizontal.
        self.scorecards_tab.splitter.restoreState(
            self._ui_settings.splitter("scorecards_columns"))
        for splitter in self.customers_tab.splitters():
            splitter.restoreState(self._ui_settings.splitter(f"customers/{splitter.objectName()}"))

    def _save_state(self) -> None:
        self._ui_settings.geometry = self.saveGeometry()
        self._ui_settings.window_state = self.saveState()
        self._ui_settings.set_splitter("deals", self.deals_tab.splitter.saveState())
        self._ui_settings.set_hidden_columns(
            "deals", [c.value for c in self.deals_tab.hidden_columns()])
        self._ui_settings.set_splitter("funnel", self.funnel_tab.splitter.saveState())
        self._ui_settings.set_splitter("scorecards_columns",
                                       self.scorecards_tab.splitter.saveState())
        for splitter in self.customers_tab.splitters():
            self._ui_settings.set_splitter(f"customers/{splitter.objectName()}",
                                           splitter.saveState())
        self._ui_settings.sync()

    # --- state ---------------------------------------------------------------------------

    def _on_file_replaced(self) -> None:
        store = self.workspace.store
        opened = self.workspace.opened
        name = (translate("MainWindow", "Sample business (demo)") if opened.temporary
                else store.path.name)
        title = (translate("MainWindow", "{name} [read-only] — salesdesk") if store.read_only
                 else translate("MainWindow", "{name} — salesdesk"))
        self.setWindowTitle(title.format(name=name))
        self.setWindowFilePath("" if opened.temporary else str(store.path))
        self.registry.set_writable(not store.read_only)
        self._update_actions()

    def _on_changed(self, changes: Changes) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        a = self.registry
        writable = not self.workspace.read_only
        selected = self.deals_tab.selected_ids()
        a[ActionId.OPEN_DEAL].setEnabled(len(selected) == 1)
        a[ActionId.DELETE_DEAL].setEnabled(writable and bool(selected))
        a[ActionId.NEXT_STAGE].setEnabled(writable and len(selected) == 1)
        self.stage_menu.setEnabled(writable and len(selected) == 1)
        a[ActionId.DELETE_DEAL].setText(
            translate("MainWindow", "&Delete Deal") if len(selected) <= 1
            else translate("MainWindow", "&Delete {count} Deals").format(count=len(selected)))

    def _fill_stage_menu(self) -> None:
        self.stage_menu.clear()
        for stage in self.workspace.store.names(LookupKind.STAGE):
            self.stage_menu.addAction(stage, lambda s=stage: self.deals_tab.move_to_stage(s))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self._ui_settings.recent_files
        for number, name in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda checked=False, n=name: self.files.open_path(Path(n)))
        if not files:
            self.recent_menu.addAction(translate("MainWindow", "No recent files")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(translate("MainWindow", "Clear Recent Files"),
                                       self._ui_settings.clear_recent_files)

    # --- messages ------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """Tell the user what went wrong."""
        QMessageBox.warning(self, "salesdesk", message)

    def show_figures_help(self) -> None:
        """The definitions behind every figure (DESIGN.md §4), with the worked example."""
        FiguresHelpDialog(self).show()

    def _export_chart(self, chart: ChartWidget, figures: ChartFigures) -> None:
        dialog = ChartExportDialog(chart, self._ui_settings, figures, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_path is not None:
            self.statusBar().showMessage(
                translate("MainWindow", "Saved the chart to {path}.").format(
                    path=dialog.saved_path), 8000)

    def _show_deals_behind(self, ids: frozenset[int], words: str,
                           as_of: dt.date | None = None) -> None:
        self.deals_tab.show_ids(ids, words, as_of)
        self.tabs.setCurrentWidget(self.deals_tab)

    def _show_funnel_slice(self, spec: SliceSpec) -> None:
        self.funnel_tab.set_spec(spec)
        self.tabs.setCurrentWidget(self.funnel_tab)

    def _show_scorecard(self, rep: str) -> None:
        self.scorecards_tab.set_rep(rep)
        self.tabs.setCurrentWidget(self.scorecards_tab)

    def show_about(self) -> None:
        """Version, open file, data folder and the log of unexpected errors."""
        QMessageBox.about(
            self, translate("MainWindow", "About salesdesk"),
            translate("MainWindow",
                      "<h3>salesdesk {version}</h3><p>Deals, conversion and deal length,"
                      " offline.</p><p>Open file: {file}<br>Data folder: {folder}<br>"
                      "Log of unexpected errors: {log}</p>").format(
                version=__version__, file=self.workspace.store.path,
                folder=paths.data_dir(), log=paths.log_file()))

    def show_preferences(self) -> None:
        """Edit ▸ Preferences: this computer's choices apply at once, the file's through an
        undoable command."""
        store = self.workspace.store
        before = store.settings()
        dialog = PreferencesDialog(self._ui_settings, before, read_only=self.workspace.read_only,
                                   parent=self)
        dialog.backup_requested.connect(self.safety.backup_settings)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        self._ui_settings.language = dialog.language()
        self._ui_settings.theme = dialog.theme()
        self._ui_settings.funnel_default_period = dialog.funnel_period()
        if dialog.currency_display() is not self._ui_settings.currency_display:
            self._ui_settings.currency_display = dialog.currency_display()
            set_currency_display(dialog.currency_display())
            self.workspace.notify(Changes(settings=True))  # the figures are written anew
            for view in self.findChildren(QAbstractItemView):
                view.viewport().update()  # and so are the lists' amounts
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dialog.theme())
        after = dialog.business()
        if (not self.workspace.read_only
                and (after.fiscal_year_start, after.too_few_threshold)
                != (before.fiscal_year_start, before.too_few_threshold)
                and not EditSettingsCommand(self.workspace, before, after).run()):
            return
        message = translate("MainWindow", "Preferences saved.")
        if dialog.language().resolved() is not showing_language():
            message = translate("MainWindow", "Preferences saved. The new language shows the"
                                " next time salesdesk starts.")
        self.statusBar().showMessage(message, 8000)

    def show_guide(self) -> None:
        """Open Help ▸ User Guide (a window of its own: it can stay open)."""
        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_shortcuts(self) -> None:
        """Open Help ▸ Keyboard Shortcuts (a window of its own: it can stay open)."""
        menus = self.menuBar().findChildren(
            QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly)
        dialog = ShortcutsDialog(menus, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_lists(self) -> None:
        """Open the Lists dialog."""
        ListsDialog(self.workspace, self._ui_settings, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_state()
        self.safety.shutdown()  # starts the last backup when due
        self.tasks.shutdown()  # waits for it and every other worker
        super().closeEvent(event)

