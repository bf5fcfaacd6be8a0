"""facilitator: run Vietnamese political study sessions from the terminal."""

__version__ = "0.2.0"
