"""Use cases the CLI and the TUI share: import, export, rosters, sessions."""
