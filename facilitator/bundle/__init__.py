"""Session bundles (``facilitator.session/1``): validation, reading and writing files."""
