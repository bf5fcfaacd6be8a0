"""Prepare's "draft a pack from a plan": ask for the file, draft, save, select, report.

Kept apart from the Prepare screen so that it does not grow; the screen shows the new
pack when it receives :class:`DraftingScreen.PackDrafted`. The plan reader is imported
on first use: python-docx and pypdf stay out of the console's start-up.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import work
from textual.message import Message

from facilitator.domain.errors import FacilitatorError
from facilitator.strings import drafting as drafting_text
from facilitator.strings.oserrors import reason as os_reason
from facilitator.ui.plain import PlainScreen
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.draft_dialog import DraftDialog, DraftReportDialog


class DraftingScreen(PlainScreen):
    """A screen that can draft a pack into the user's packs folder and then show it."""

    class PackDrafted(Message):
        """A pack was drafted and saved at ``path``: reload the packs and select it."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    @work(exclusive=True, group="prepare-dialog")
    async def action_draft_pack(self) -> None:
        """Draft a content pack from a plan file, save it and select it."""
        from facilitator.config.locations import user_packs_dir
        from facilitator.drafting.draft import draft_plan, report_lines
        from facilitator.drafting.pack_writer import default_name, write_draft

        folder = user_packs_dir()
        plan = await self.app.push_screen_wait(DraftDialog(folder))
        if plan is None:
            return
        self.notify(drafting_text.DRAFTING, timeout=2)
        try:
            draft = await asyncio.to_thread(draft_plan, plan)
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=15)
            return
        target = folder / default_name(draft)
        overwrite = target.exists()
        if overwrite and not await self.app.push_screen_wait(
            ConfirmDialog(drafting_text.replace_pack(str(target)))
        ):
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self.notify(drafting_text.folder_failed(str(folder), os_reason(err)), severity="error")
            return
        try:
            write_draft(draft, target, overwrite=overwrite)
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=15)
            return
        self.post_message(self.PackDrafted(target))
        self.notify(drafting_text.pack_drafted(draft.pack.title, str(target)))
        await self.app.push_screen_wait(DraftReportDialog(report_lines(draft)))
