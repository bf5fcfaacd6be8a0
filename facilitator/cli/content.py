"""``facilitator content ...``: validate content packs, draft one from a plan."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from facilitator.cli.context import handle_errors
from facilitator.domain.content import ITEM_KINDS, ContentPack
from facilitator.domain.errors import InputError, Problem
from facilitator.drafting.draft import draft_plan, report_lines
from facilitator.drafting.pack_writer import default_name, write_draft
from facilitator.parsing.content_pack import load_pack
from facilitator.parsing.pack_folder import is_pack_file
from facilitator.strings import content as content_text
from facilitator.strings import drafting as drafting_text
from facilitator.strings import main as main_text
from facilitator.strings.oserrors import reason as os_reason


def summary_lines(pack: ContentPack) -> list[str]:
    """The ``check`` summary of a valid pack, one labelled line each."""
    counts = Counter(item.kind for item in pack.items)
    # Kinds in agenda order rather than by frequency, so summaries of packs compare easily.
    ordered = {kind: counts[kind] for kind in ITEM_KINDS if counts[kind]}
    used = dict.fromkeys(item.framing for item in pack.items if item.framing)
    lenses = [lens.label for key in used if (lens := pack.lens(key)) is not None]
    kind_label = content_text.PACK_KIND_LABELS.get(pack.kind, pack.kind)
    kinds = content_text.kind_counts_text(ordered)
    return [
        f"  {content_text.LABEL_ID}: {pack.id}",
        f"  {content_text.LABEL_TITLE}: {pack.title}",
        f"  {content_text.LABEL_KIND}: {kind_label}",
        f"  {content_text.LABEL_VERSION}: {pack.version}",
        f"  {content_text.LABEL_SOURCES}: {len(pack.sources)}",
        f"  {content_text.LABEL_ITEMS}: {len(pack.items)} ({kinds})",
        f"  {content_text.LABEL_FRAMING}: {', '.join(lenses) or content_text.NO_FRAMING}",
        f"  {content_text.LABEL_TOTAL}: {content_text.minutes_text(pack.total_minutes)}",
        f"  {content_text.LABEL_DISCUSSION}: {sum(len(item.questions) for item in pack.items)}",
        f"  {content_text.LABEL_REFLECTION}: {len(pack.questions)}",
    ]


def _problems(path: str, err: InputError) -> list[Problem]:
    return list(err.problems) or [Problem(path, err.message)]


@click.group("content", help=content_text.GROUP_HELP)
def content_group() -> None:
    """Commands that work on content packs."""


@content_group.command("check", help=content_text.CHECK_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
def check_command(files: tuple[str, ...]) -> None:
    """Validate each FILE; exit 1 when any of them has a problem."""
    failed = skipped = 0
    for path in files:
        if not is_pack_file(path):
            skipped += 1
            click.echo(content_text.check_skipped(path))
            continue
        try:
            pack = load_pack(path)
        except InputError as err:
            failed += 1
            problems = _problems(path, err)
            click.echo(content_text.check_failed(path, len(problems)))
            for problem in problems:
                click.echo(str(problem))
            continue
        except OSError as err:  # load_pack maps these already; a race could still slip one
            failed += 1
            click.echo(content_text.check_failed(path, 1))
            click.echo(str(Problem(path, content_text.file_unreadable(os_reason(err)))))
            continue
        click.echo(content_text.check_ok(path))
        for line in summary_lines(pack):
            click.echo(line)
    if len(files) - skipped > 1:
        click.echo(content_text.check_totals(len(files) - skipped - failed, failed))
    if failed:
        click.get_current_context().exit(1)


@content_group.command("draft", help=drafting_text.DRAFT_HELP)
@click.argument("plan", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=drafting_text.DRAFT_OUTPUT_HELP,
)
@click.option("--overwrite", is_flag=True, help=main_text.OVERWRITE_HELP)
@handle_errors
def draft_command(plan: Path, output: Path | None, overwrite: bool) -> None:
    """Draft a pack from PLAN and write it to OUTPUT (or <pack id>.md here)."""
    draft = draft_plan(plan)
    for line in report_lines(draft):
        click.echo(line)
    path = write_draft(draft, output or Path(default_name(draft)), overwrite=overwrite)
    click.echo(drafting_text.draft_written(str(path)))
    click.echo(drafting_text.draft_next(str(path)))
