"""Undo commands for scorecards: assessments, template edits, preparation sheets, checklist."""

from __future__ import annotations

from dataclasses import replace

from salesdesk.domain.changes import Changes
from salesdesk.domain.deal_prep import PrepSheet
from salesdesk.domain.scorecards import Assessment, Template
from salesdesk.i18n import translate
from salesdesk.store import Scorecards
from salesdesk.ui.commands import StoreCommand
from salesdesk.ui.formatting import date_text
from salesdesk.ui.workspace import Workspace

CHANGED = Changes(scorecards=True)


def scorecards(workspace: Workspace) -> Scorecards:
    """The scorecard operations of the workspace's open file."""
    return workspace.store.scorecards


class AddAssessmentCommand(StoreCommand):
    """Save a new assessment; undo deletes it, redo puts it back under the same id."""

    def __init__(self, workspace: Workspace, assessment: Assessment) -> None:
        super().__init__(workspace, translate("AddAssessmentCommand", "Assess {rep} ({date})")
                         .format(rep=assessment.rep, date=date_text(assessment.assessed_on)))
        self.assessment = assessment

    def do(self) -> Changes:
        new_id = scorecards(self.workspace).add_assessment(self.assessment)
        self.assessment = replace(self.assessment, id=new_id)
        return CHANGED

    def undo_it(self) -> Changes:
        assert self.assessment.id is not None
        scorecards(self.workspace).delete_assessment(self.assessment.id)
        return CHANGED


class DeleteAssessmentCommand(StoreCommand):
    """Delete an assessment; undo puts it back with its scores and id."""

    def __init__(self, workspace: Workspace, assessment: Assessment) -> None:
        super().__init__(workspace, translate(
            "DeleteAssessmentCommand", "Delete the assessment of {rep} ({date})").format(
            rep=assessment.rep, date=date_text(assessment.assessed_on)))
        assert assessment.id is not None
        self.assessment = assessment

    def do(self) -> Changes:
        assert self.assessment.id is not None
        scorecards(self.workspace).delete_assessment(self.assessment.id)
        return CHANGED

    def undo_it(self) -> Changes:
        scorecards(self.workspace).add_assessment(self.assessment)
        return CHANGED


class EditTemplateCommand(StoreCommand):
    """Store an edited skill template as a new version; undo makes the previous version the
    newest again (refused, and reported, when an assessment used the new one)."""

    def __init__(self, workspace: Workspace, edited: Template, text: str) -> None:
        super().__init__(workspace, text)
        self.before = scorecards(workspace).template()
        self.edited = edited
        self.after: Template | None = None

    def do(self) -> Changes:
        cards = scorecards(self.workspace)
        if self.after is None:
            self.after = cards.save_template(self.edited)
        else:
            cards.restore_template(self.after)
        return CHANGED

    def undo_it(self) -> Changes:
        scorecards(self.workspace).restore_template(self.before)
        return CHANGED


class SavePrepCommand(StoreCommand):
    """Save a deal's preparation sheet; undo puts back the sheet it had (or none)."""

    def __init__(self, workspace: Workspace, deal_id: int, sheet: PrepSheet,
                 title: str) -> None:
        super().__init__(workspace, translate("SavePrepCommand", "Prepare deal {title}")
                         .format(title=title))
        self.deal_id = deal_id
        self.before = scorecards(workspace).deal_prep(deal_id)
        self.sheet = sheet

    def do(self) -> Changes:
        scorecards(self.workspace).save_deal_prep(self.deal_id, self.sheet)
        return CHANGED

    def undo_it(self) -> Changes:
        scorecards(self.workspace).save_deal_prep(self.deal_id, self.before)
        return CHANGED


class SetTacticsCommand(StoreCommand):
    """Replace the manipulation checklist offered on preparation sheets."""

    def __init__(self, workspace: Workspace, names: list[str]) -> None:
        super().__init__(workspace, translate("SetTacticsCommand",
                                              "Edit the manipulation checklist"))
        self.before = scorecards(workspace).tactics()
        self.names = names

    def do(self) -> Changes:
        scorecards(self.workspace).set_tactics(self.names)
        return CHANGED

    def undo_it(self) -> Changes:
        scorecards(self.workspace).set_tactics(self.before)
        return CHANGED


class SetPreparedShareCommand(StoreCommand):
    """Change the completeness from which a deal counts as prepared."""

    def __init__(self, workspace: Workspace, share: float) -> None:
        super().__init__(workspace, translate(
            "SetPreparedShareCommand", "Count deals as prepared from {share} %").format(
            share=f"{share * 100:.0f}"))
        self.before = scorecards(workspace).prepared_share()
        self.share = share

    def do(self) -> Changes:
        scorecards(self.workspace).set_prepared_share(self.share)
        return CHANGED

    def undo_it(self) -> Changes:
        scorecards(self.workspace).set_prepared_share(self.before)
        return CHANGED
