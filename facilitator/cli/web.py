"""textual-serve glue: the console or the audience view in a browser, with no external request.

textual-serve's page asks Google Fonts for "Roboto Mono"; the laptops are often offline
and the data is personal, so the page is served from a copy without that link (the
browser falls back to a local monospace font).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from facilitator.domain.errors import InputError
from facilitator.strings import audience as audience_text
from facilitator.strings import main as main_text

_EXTERNAL_LINK = re.compile(r"<link\b[^>]*https?://[^>]*>", re.IGNORECASE | re.DOTALL)


def command_line(args: list[str]) -> str:
    """One command string for textual-serve: cmd.exe quoting on Windows, POSIX elsewhere."""
    if sys.platform == "win32":
        return subprocess.list2cmdline(args)
    return shlex.join(args)


def offline_templates(source: Path, target: Path) -> Path:
    """Copy textual-serve's templates into ``target`` without links to other hosts."""
    target.mkdir(parents=True, exist_ok=True)
    for template in source.glob("*.html"):
        page = template.read_text(encoding="utf-8")
        (target / template.name).write_text(_EXTERNAL_LINK.sub("", page), encoding="utf-8")
    return target


def serve(args: list[str], host: str, port: int, title: str, banner: str) -> None:
    """Run ``args`` (a facilitator command) in the browser at ``host:port``.

    Off this machine (any host but loopback) a viewer needs the access code printed here
    for the presenter; at most :data:`~facilitator.cli.web_server.MAX_VIEWERS` at once.
    """
    try:
        import textual_serve  # the optional "web" extra

        from facilitator.cli.web_server import (
            LOOPBACK,
            GuardedServer,
            new_access_code,
            reachable_address,
        )
    except ImportError:
        raise InputError(main_text.SERVE_MISSING) from None
    source = Path(textual_serve.__file__).parent / "templates"
    templates = offline_templates(source, Path(tempfile.mkdtemp(prefix="facilitator-web-")))
    code = None if host in LOOPBACK else new_access_code()
    url = f"http://{reachable_address(host)}:{port}"
    click.echo(banner.format(url=f"{url}/?code={code}" if code else url))
    if code:
        click.echo(audience_text.WEB_CODE_SHOWN.format(code=code))
    server = GuardedServer(
        command_line(args), host=host, port=port, title=title,
        templates_path=str(templates), access_code=code,
    )  # fmt: skip
    server.serve()
