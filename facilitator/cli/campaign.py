"""``facilitator campaign …``: who must report, who has, and the report of the level.

create → units import → collect (again as files come in) → status / reminders → report.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from facilitator.cli.context import get_store, handle_errors
from facilitator.cli.documents import REPORT_FORMATS, _parse_day
from facilitator.cli.output_options import OutputChoice, output_options
from facilitator.strings import campaign as campaign_text
from facilitator.strings import main as main_text


def _campaigns(ctx: click.Context) -> Any:
    from facilitator.campaign.storage import CampaignStore

    return CampaignStore(get_store(ctx, create=False).root)


@click.group("campaign", help=campaign_text.CAMPAIGN_HELP)
def campaign_group() -> None:
    """Commands on campaigns (đợt)."""


@campaign_group.command("create", help=campaign_text.CREATE_HELP)
@click.argument("title", required=False, metavar=campaign_text.TITLE_METAVAR)
@click.option("--unit", "unit_name", required=True, help=campaign_text.LEVEL_UNIT_HELP)
@click.option("--pack", "pack", default=None, help=campaign_text.PACK_HELP)
@click.option("--number", default=None, help=campaign_text.NUMBER_HELP)
@click.option("--date", "issued", default=None, help=campaign_text.DATE_HELP)
@click.option("--issuer", default=None, help=campaign_text.ISSUER_HELP)
@click.option("--deadline", default=None, help=campaign_text.DEADLINE_HELP)
@click.pass_context
@handle_errors
def create_command(
    ctx: click.Context,
    title: str | None,
    unit_name: str,
    pack: str | None,
    number: str | None,
    issued: str | None,
    issuer: str | None,
    deadline: str | None,
) -> None:
    """A new campaign; the plan comes from the pack's metadata unless typed."""
    from facilitator.campaign.model import Campaign, Plan
    from facilitator.domain.vietnamese import clean_line

    content_id, plan = "", Plan()
    if pack is not None:
        from facilitator.cli.script import find_pack  # a file or a pack id, as content script

        loaded = find_pack(pack, tuple(ctx.meta.get("content_dirs", ())))
        content_id, title = loaded.id, title or loaded.title
        if loaded.plan is not None:
            plan = Plan(loaded.plan.number, loaded.plan.date, loaded.plan.issuer)
        plan = Plan(plan.number, plan.issued_on, plan.issuer, loaded.deadline)
    if not title or not clean_line(title):
        raise click.UsageError(campaign_text.TITLE_NEEDED)
    plan = Plan(
        clean_line(number) if number else plan.number,
        _parse_day(issued) or plan.issued_on,
        clean_line(issuer) if issuer else plan.issuer,
        _parse_day(deadline) or plan.deadline,
    )
    get_store(ctx)  # the data folder exists from here on
    store = _campaigns(ctx)
    campaign = Campaign(
        store.new_id(title), clean_line(title), clean_line(unit_name), plan, content_id
    )
    store.save(campaign)
    click.echo(campaign_text.created(campaign.id, campaign.title))


@campaign_group.command("list", help=campaign_text.LIST_HELP)
@click.pass_context
@handle_errors
def list_command(ctx: click.Context) -> None:
    """One line per campaign: id, title, deadline, how many reported."""
    from facilitator.campaign.status import campaign_status

    campaigns = _campaigns(ctx).all()
    if not campaigns:
        click.echo(campaign_text.NO_CAMPAIGNS)
    for campaign in campaigns:
        status = campaign_status(campaign, date.today())
        click.echo(
            campaign_text.list_line(
                campaign.id, campaign.title, len(status.received), len(status.units)
            )
        )


@campaign_group.group("units", help=campaign_text.UNITS_HELP)
def units_group() -> None:
    """The units expected to report."""


@units_group.command("import", help=campaign_text.UNITS_IMPORT_HELP)
@click.argument("campaign_id", metavar=campaign_text.CAMPAIGN_METAVAR)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="TỆP")
@click.pass_context
@handle_errors
def units_import_command(ctx: click.Context, campaign_id: str, file: Path) -> None:
    """Replace the campaign's list of expected units by the file's."""
    from facilitator.campaign.units_file import read_expected_units

    store = _campaigns(ctx)
    campaign_id = store.resolve(campaign_id)
    units = read_expected_units(file)
    with store.lock(campaign_id).acquire_blocking():
        store.save(store.load(campaign_id).with_units(units))
    click.echo(campaign_text.units_imported(len(units)))


@campaign_group.command("collect", help=campaign_text.COLLECT_HELP)
@click.argument("campaign_id", metavar=campaign_text.CAMPAIGN_METAVAR)
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path),
    metavar=campaign_text.PATHS_METAVAR,
)  # fmt: skip
@click.option("--replace", is_flag=True, help=campaign_text.COLLECT_REPLACE_HELP)
@click.option(
    "--assign",
    "assign",
    multiple=True,
    metavar=campaign_text.ASSIGN_METAVAR,
    help=campaign_text.ASSIGN_HELP,
)
@click.pass_context
@handle_errors
def collect_command(
    ctx: click.Context,
    campaign_id: str,
    paths: tuple[Path, ...],
    replace: bool,
    assign: tuple[str, ...],
) -> None:
    """Bring bundles of both kinds in, each matched to an expected unit; a file whose
    unit could be one of several is asked about (in a terminal) and collected after."""
    from facilitator.campaign.collect import collect, file_key
    from facilitator.cli.progress import progress_bar
    from facilitator.export.report_inputs import bundle_files

    store = _campaigns(ctx)
    campaign_id = store.resolve(campaign_id)
    files = bundle_files(paths, recursive=True)
    chosen = _assigned(assign, file_key)
    with progress_bar(campaign_text.COLLECT_PROGRESS, len(files)) as advance:
        result = collect(
            store, campaign_id, files, today=date.today(), replace=replace, progress=advance,
            chosen=chosen,
        )  # fmt: skip
    answers = _ask(result.ambiguous, file_key) if result.ambiguous and _interactive() else {}
    added, replaced = list(result.added), len(result.replaced)
    left_out = [p for p in result.left_out if not any(p.where == str(a) for a in answers)]
    if answers:
        again = collect(
            store, campaign_id, [Path(f) for f in answers], today=date.today(),
            replace=replace, chosen=answers,
        )  # fmt: skip
        added += again.added
        replaced += len(again.replaced)
    for receipt in added:
        click.echo(campaign_text.collected_one(receipt.unit, receipt.bundle_id, receipt.kind))
    for problem in left_out:
        click.secho(main_text.SKIPPED.format(problem=problem), fg="yellow", err=True)
    click.echo(campaign_text.collected_total(len(added), replaced, len(left_out)))


def _interactive() -> bool:
    """Whether someone can answer a question (not a script, a pipe or CI)."""
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()


def _assigned(values: tuple[str, ...], key: Any) -> dict[str, str]:
    """``--assign FILE=PARENT`` options as :func:`collect`'s ``chosen``."""
    chosen: dict[str, str] = {}
    for value in values:
        file, sep, parent = value.partition("=")
        if not sep or not file.strip() or not parent.strip():
            raise click.BadParameter(campaign_text.assign_bad(value), param_hint="'--assign'")
        chosen[key(Path(file.strip()))] = parent.strip()
    return chosen


def _ask(ambiguous: Any, key: Any) -> dict[str, str]:
    """Ask, file by file, which of the same-named units it speaks for (0: leave it out)."""
    answers: dict[str, str] = {}
    for item in ambiguous:
        click.echo(campaign_text.ask_which_unit(str(item.path), item.name))
        for number, unit in enumerate(item.candidates, 1):
            click.echo(campaign_text.ask_choice(number, unit.name, unit.parent))
        click.echo(f"  0. {campaign_text.ASK_SKIP}")
        picked = click.prompt(
            campaign_text.ASK_PROMPT, type=click.IntRange(0, len(item.candidates)), default=0
        )
        if picked:
            answers[key(item.path)] = item.candidates[picked - 1].parent
    return answers


def _status(ctx: click.Context, campaign_id: str) -> Any:
    from facilitator.campaign.status import campaign_status

    store = _campaigns(ctx)
    return campaign_status(store.load(store.resolve(campaign_id)), date.today())


@campaign_group.command("status", help=campaign_text.STATUS_HELP)
@click.argument("campaign_id", metavar=campaign_text.CAMPAIGN_METAVAR)
@click.option("--missing", "only", flag_value="missing", help=campaign_text.MISSING_HELP)
@click.option("--late", "only", flag_value="late", help=campaign_text.LATE_HELP)
@click.option("--json", "as_json", is_flag=True, help=campaign_text.JSON_HELP)
@click.pass_context
@handle_errors
def status_command(ctx: click.Context, campaign_id: str, only: str | None, as_json: bool) -> None:
    """Every expected unit: received or not, late, sessions, participation, reflections."""
    from facilitator.campaign.status_view import status_json, status_lines

    status = _status(ctx, campaign_id)
    lines = status.missing if only == "missing" else status.late if only == "late" else None
    if as_json:
        click.echo(json.dumps(status_json(status, lines), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(status_lines(status, lines)))


@campaign_group.command("reminders", help=campaign_text.REMINDERS_HELP)
@click.argument("campaign_id", metavar=campaign_text.CAMPAIGN_METAVAR)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overwrite", is_flag=True, help=main_text.OVERWRITE_HELP)
@click.pass_context
@handle_errors
def reminders_command(ctx: click.Context, campaign_id: str, output: Path, overwrite: bool) -> None:
    """The units still missing, with their superior body (CSV or Markdown)."""
    from facilitator.campaign.reminders import render_reminders
    from facilitator.storage.output_file import write_output

    status = _status(ctx, campaign_id)
    data = render_reminders(status, as_csv=output.suffix.lower() == ".csv")
    click.echo(main_text.WROTE.format(path=write_output(output, data, overwrite=overwrite)))
    click.echo(campaign_text.reminders_count(len(status.missing)))


@campaign_group.command("report", help=campaign_text.REPORT_HELP)
@click.argument("campaign_id", metavar=campaign_text.CAMPAIGN_METAVAR)
@click.option(
    "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="docx", show_default=True,
    help=main_text.FORMAT_HELP,
)  # fmt: skip
@click.option("--title", default=None, help=main_text.TITLE_HELP)
@click.option("--attach-sessions", "attach", is_flag=True, help=campaign_text.ATTACH_HELP)
@output_options
@click.pass_context
@handle_errors
def report_command(
    ctx: click.Context,
    campaign_id: str,
    fmt: str,
    title: str | None,
    attach: bool,
    out: OutputChoice,
) -> None:
    """The level's report over everything collected, listing the units that did not."""
    from facilitator.cli.campaign_report import write_campaign_report

    status = _status(ctx, campaign_id)
    campaign = status.campaign
    target = out.target(ctx, f"bao-cao-{campaign.id}", fmt)
    settings = out.settings(ctx)
    store = get_store(ctx, create=False)
    path = write_campaign_report(
        store, _campaigns(ctx), status, fmt, target, title=title, attach=attach,
        settings=settings, overwrite=out.overwrite,
    )  # fmt: skip
    click.echo(main_text.WROTE.format(path=path))
