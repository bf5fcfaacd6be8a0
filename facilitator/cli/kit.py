"""``facilitator kit build``: the offline install kit."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from facilitator.cli.context import handle_errors
from facilitator.kit.build import PLATFORMS, KitPlan, build_kit, build_wheel
from facilitator.strings import kit as kit_text


@click.group("kit", help=kit_text.KIT_HELP)
def kit_group() -> None:
    """Offline install kits."""


@kit_group.command("build", help=kit_text.BUILD_HELP)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path),
                metavar=kit_text.FOLDER_METAVAR)  # fmt: skip
@click.option("--wheel", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help=kit_text.WHEEL_HELP)  # fmt: skip
@click.option("--platform", "platforms", multiple=True, type=click.Choice(sorted(PLATFORMS)),
              help=kit_text.PLATFORM_HELP)  # fmt: skip
@handle_errors
def kit_build_command(folder: Path, wheel: Path | None, platforms: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory(prefix="facilitator-kit-") as scratch:
        wheel = wheel or build_wheel(Path(scratch))
        plan = KitPlan(wheel, platforms=platforms or tuple(PLATFORMS))
        click.echo(kit_text.built(build_kit(folder.absolute(), plan)))
