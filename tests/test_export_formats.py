"""One export-format registry (#14): the CLI's --format choices, the writers, the console's
export dialog (its list and default names) and the labels all come from
``facilitator.export.formats``; report numbers are proposed from those issued."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from builders import make_app
from click.testing import CliRunner
from textual.widgets import Input, OptionList

from facilitator.cli.documents import export_command, report_command
from facilitator.cli.main import main
from facilitator.domain.errors import FacilitatorError
from facilitator.domain.models import Unit
from facilitator.export import registry
from facilitator.export.formats import (
    EXPORT_DOCUMENTS,
    FORMATS,
    REPORT_DOCUMENTS,
    Document,
    extension,
    find,
    formats_for,
    offered,
    options,
)
from facilitator.services.reporting import issued_number, next_number
from facilitator.storage.report_files import issued_numbers, record_issued
from facilitator.strings import export_ui as export_ui_text
from facilitator.ui.screens.base import session_formats
from facilitator.ui.screens.export_dialog import ExportDialog


def choices(command: click.Command) -> tuple[str, ...]:
    (option,) = [p for p in command.params if p.name == "fmt"]
    assert isinstance(option.type, click.Choice)
    return tuple(option.type.choices)


def test_every_format_is_declared_once_with_a_label() -> None:
    ids = [f.id for f in FORMATS]
    assert len(ids) == len(set(ids))
    assert set(export_ui_text.FORMAT_LABELS) == set(ids)
    for documents in (EXPORT_DOCUMENTS, REPORT_DOCUMENTS):
        values = options(*documents)
        assert len(values) == len(set(values))  # one meaning per --format value
    for fmt in FORMATS:  # a --format value has one extension whatever the document
        assert extension(fmt.option) == fmt.ext


def test_cli_choices_are_the_registry() -> None:
    assert choices(export_command) == options(*EXPORT_DOCUMENTS)
    assert choices(report_command) == options(*REPORT_DOCUMENTS)
    # Unchanged for users: the same values, in the same order, as before the registry.
    assert choices(export_command) == ("docx", "md", "pdf", "bundle", "script", "script-md")
    assert choices(report_command) == ("docx", "md", "pdf", "csv", "xlsx", "bundle")


def test_writers_are_derived_from_the_registry() -> None:
    assert set(registry.MINUTES_WRITERS) == set(options(Document.MINUTES))
    assert set(registry.REPORT_WRITERS) == set(options(Document.REPORT))
    for fmt in FORMATS:
        if fmt.writer:
            assert callable(fmt.load_writer())
        else:
            assert fmt.document in (Document.BUNDLE, Document.REPORT_BUNDLE)


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(FacilitatorError, match="docx, md, pdf"):
        find("odt", Document.MINUTES)
    assert find("script-md", *EXPORT_DOCUMENTS).document is Document.SCRIPT


def test_pdf_is_offered_only_with_a_converter() -> None:
    without = offered(*EXPORT_DOCUMENTS, converter=False)
    assert "minutes-pdf" not in [f.id for f in without]
    assert [f.id for f in offered(*EXPORT_DOCUMENTS, converter=True)] == [
        f.id for f in formats_for(*EXPORT_DOCUMENTS)
    ]


async def test_the_export_dialog_lists_the_registry_and_its_default_names(
    store, running, content_dir, frozen_clock, tmp_path
) -> None:
    app = make_app(store, content_dir, frozen_clock, running, export_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        listed = dialog.query_one("#export-format", OptionList)
        ids = [listed.get_option_at_index(i).id for i in range(listed.option_count)]
        assert ids == [f.id for f in session_formats()]
        path = dialog.query_one("#export-path", Input)
        for fmt in session_formats():  # the file name follows the highlighted format
            assert path.value == str(tmp_path / f"{running}{fmt.suffix}.{fmt.ext}")
            await pilot.press("down")


def test_report_numbers_are_normalised_and_the_next_proposed(tmp_path: Path) -> None:
    unit = Unit("Chi bộ Khối Dân vận", abbrev="CB")
    assert next_number(unit, []) == "01-BC/CB"
    assert next_number(unit, [3, 9]) == "10-BC/CB"
    assert issued_number(unit, "Số: 7-BC/CB") == 7
    assert issued_number(unit, "") is None
    record_issued(tmp_path, unit.name, "BC", 2024, 7)
    record_issued(tmp_path, unit.name, "BC", 2024, 7)  # exported again: noted once
    record_issued(tmp_path, unit.name, "BC", 2025, 1)
    record_issued(tmp_path, "Chi bộ khác", "BC", 2024, 30)
    assert issued_numbers(tmp_path, unit.name, "BC", 2024) == [7]


def test_a_number_given_on_the_command_line_is_issued(store, running, tmp_path: Path) -> None:
    """`facilitator report --number 5` notes 5: the console then proposes 06."""
    from datetime import date

    out = tmp_path / "bc.md"
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(store.root), "report", "--unit", "Chi bộ Khối Dân vận",
         "--number", "5", "--format", "md", "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Số 05-BC/CB" in out.read_text("utf-8")
    year = date.today().year
    assert issued_numbers(store.root, "Chi bộ Khối Dân vận", "BC", year) == [5]


def test_the_console_proposes_documents_when_no_folder_was_remembered(
    store, content_dir, frozen_clock, tmp_path, monkeypatch
) -> None:
    import platformdirs

    documents = tmp_path / "Tài liệu"
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: documents)
    monkeypatch.chdir(tmp_path)
    # No Documents folder (a bare Linux account): the working folder.
    assert make_app(store, content_dir, frozen_clock).export_dir == tmp_path
    documents.mkdir()
    assert make_app(store, content_dir, frozen_clock).export_dir == documents
    chosen = tmp_path / "đã chọn"
    assert make_app(store, content_dir, frozen_clock, export_dir=chosen).export_dir == chosen
