"""Build an offline install kit: the app's wheel, every dependency's wheels for Windows
and Linux (``pip download``), the install scripts and a short read-me.

Run on a machine with network (``facilitator kit build DIR``); copy DIR to a USB stick.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator import __version__
from facilitator.domain.errors import FacilitatorError
from facilitator.kit import scripts
from facilitator.kit.guide import guide_docx
from facilitator.strings import kit as kit_text

Runner = Callable[[Sequence[str]], int]

PLATFORMS: dict[str, tuple[str, ...]] = {
    # pip accepts several --platform tags: the newest manylinux first, then the older ones.
    "windows": ("win_amd64",),
    "linux": ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"),
}
PYTHONS = ("3.11", "3.12", "3.13")


@dataclass(frozen=True)
class KitPlan:
    """What a kit holds: the app's wheel, for which systems and Pythons."""

    wheel: Path
    platforms: tuple[str, ...] = tuple(PLATFORMS)
    pythons: tuple[str, ...] = PYTHONS


def _run(args: Sequence[str]) -> int:
    return subprocess.run(list(args), check=False).returncode


def source_tree() -> Path | None:
    """The project folder when running from a clone (it can build the wheel itself)."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "content").is_dir() else None


def build_wheel(into: Path, run: Runner = _run) -> Path:
    """Build the app's wheel from the source tree into ``into``."""
    root = source_tree()
    if root is None:
        raise FacilitatorError(kit_text.NEED_WHEEL)
    into.mkdir(parents=True, exist_ok=True)
    code = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(into), str(root)])
    wheels = sorted(into.glob("facilitator-*.whl"))
    if code != 0 or not wheels:
        raise FacilitatorError(kit_text.wheel_failed(root))
    return wheels[-1]


def download_commands(plan: KitPlan, wheels: Path) -> list[list[str]]:
    """One ``pip download`` per system and Python: binary wheels only, for that target."""
    commands = []
    for system in plan.platforms:
        for python in plan.pythons:
            command = [sys.executable, "-m", "pip", "download", "--dest", str(wheels)]
            command += ["--only-binary=:all:", "--python-version", python]
            for tag in PLATFORMS[system]:
                command += ["--platform", tag]
            commands.append([*command, str(plan.wheel)])
    return commands


def build_kit(target: Path, plan: KitPlan, run: Runner = _run) -> Path:
    """Write the kit into ``target`` (created; refused if it exists and is not empty)."""
    if target.exists() and any(target.iterdir()):
        raise FacilitatorError(kit_text.not_empty(target))
    wheels = target / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    shutil.copy2(plan.wheel, wheels / plan.wheel.name)
    for command in download_commands(plan, wheels):
        if run(command) != 0:
            raise FacilitatorError(kit_text.download_failed(" ".join(command[-6:])))
    _write(target / "install.bat", scripts.INSTALL_BAT, crlf=True)
    _write(target / "facilitator.bat", scripts.FACILITATOR_BAT, crlf=True)
    _write(target / "install.sh", scripts.INSTALL_SH)
    (target / "install.sh").chmod(0o755)
    (target / "Huong-dan-su-dung.docx").write_bytes(guide_docx())
    targets = ", ".join(f"{s} (Python {', '.join(plan.pythons)})" for s in plan.platforms)
    _write(
        target / "DOC-TRUOC.txt", scripts.README_TXT.format(version=__version__, targets=targets)
    )
    return target


def _write(path: Path, text: str, *, crlf: bool = False) -> None:
    data = text.replace("\n", "\r\n") if crlf else text
    path.write_bytes(data.encode("utf-8"))
