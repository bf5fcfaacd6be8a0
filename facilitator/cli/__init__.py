"""Command line of facilitator; the ``facilitator`` group lives in :mod:`facilitator.cli.main`."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point (imports the command modules only when run)."""
    from facilitator.cli.main import main as group

    group()
