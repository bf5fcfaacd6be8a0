"""-o/--output, --overwrite and the layout options (--signer, --line-spacing, --margins),
shared by every command that writes a document and handed to it as one :class:`OutputChoice`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from facilitator.cli.context import get_settings
from facilitator.config.layout import LayoutValueError, check_line_spacing, parse_margins
from facilitator.export.formats import extension
from facilitator.strings import main as main_text


@dataclass(frozen=True)
class OutputChoice:
    """Where to write, whether to overwrite, and the layout asked on the command line."""

    output: Path | None
    overwrite: bool
    signer: str | None
    line_spacing: float | None
    margins: str | None

    def target(self, ctx: click.Context, stem: str, fmt: str) -> Path:
        """``-o`` when given, else a safe file name in config's export folder (else here)."""
        from facilitator.export.registry import safe_output_path

        if self.output is not None:
            return self.output
        folder = get_settings(ctx).export_folder or Path.cwd()
        return safe_output_path(folder, stem, extension(fmt))

    def settings(self, ctx: click.Context) -> Any:
        """Document settings: the command line first, then config.toml, then the defaults."""
        from facilitator.export.settings import DocSettings

        config = get_settings(ctx)
        signer = self.signer or (config.signer.value if config.signer else None)
        line_spacing = self.line_spacing if self.line_spacing is not None else config.line_spacing
        margins = self.margins or config.margins
        changes: dict[str, Any] = {}
        if signer:
            changes["signer"] = signer
        # config.toml values were checked when it was read; these may come from the command
        # line, where click's float happily takes "nan", "inf" and "-5".
        if line_spacing is not None:
            try:
                changes["line_spacing_pt"] = check_line_spacing(line_spacing) or None  # 0 = single
            except LayoutValueError as exc:
                raise click.BadParameter(str(exc), ctx, param_hint="'--line-spacing'") from None
        if margins:
            try:
                top, bottom, left, right = parse_margins(margins)
            except LayoutValueError as exc:
                raise click.BadParameter(str(exc), ctx, param_hint="'--margins'") from None
            changes |= {
                "margin_top_mm": top,
                "margin_bottom_mm": bottom,
                "margin_left_mm": left,
                "margin_right_mm": right,
            }
        return DocSettings(**changes)


def warn_unverified(fmt: str, settings: Any) -> None:
    from facilitator.strings.output_text import LINE_SPACING_UNVERIFIED

    if fmt in ("docx", "pdf") and settings.line_spacing_pt:
        click.secho(LINE_SPACING_UNVERIFIED, fg="yellow", err=True)


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the output and layout options; the command receives them as ``out``."""

    @functools.wraps(func)
    def with_choice(
        *args: Any,
        output: Path | None,
        overwrite: bool,
        signer: str | None,
        line_spacing: float | None,
        margins: str | None,
        **kwargs: Any,
    ) -> Any:
        out = OutputChoice(output, overwrite, signer, line_spacing, margins)
        return func(*args, out=out, **kwargs)

    decorated: Callable[..., Any] = with_choice
    for option in reversed(_OPTIONS):
        decorated = option(decorated)
    return decorated


_OPTIONS = (
    click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help=main_text.OUTPUT_HELP,
    ),
    click.option("--overwrite", is_flag=True, help=main_text.OVERWRITE_HELP),
    click.option(
        "--signer", type=click.Choice(["chair", "tm"]), default=None, help=main_text.SIGNER_HELP
    ),
    click.option(
        "--line-spacing", type=float, default=None, metavar="PT",
        help=main_text.LINE_SPACING_HELP,
    ),
    click.option("--margins", default=None, metavar="T/D/TR/P", help=main_text.MARGINS_HELP),
)  # fmt: skip
"""In the order --help lists them."""
