"""``facilitator kit build``: the offline install kit."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from facilitator.cli.context import handle_errors
from facilitator.kit.build import PLATFORMS, KitPlan, build_kit, build_wheel
from facilitator.strings import kit as msg


@click.group("kit", help=msg.KIT_HELP)
def kit_group() -> None:
    """Offline install kits."""


@kit_group.command("build", help=msg.BUILD_HELP)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path),
                metavar=msg.FOLDER_METAVAR)  # fmt: skip
@click.option("--wheel", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help=msg.WHEEL_HELP)  # fmt: skip
@click.option("--platform", "platforms", multiple=True, type=click.Choice(sorted(PLATFORMS)),
              help=msg.PLATFORM_HELP)  # fmt: skip
@handle_errors
def kit_build_command(folder: Path, wheel: Path | None, platforms: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory(prefix="facilitator-kit-") as scratch:
        wheel = wheel or build_wheel(Path(scratch))
        plan = KitPlan(wheel, platforms=platforms or tuple(PLATFORMS))
        click.echo(msg.built(build_kit(folder.absolute(), plan)))
