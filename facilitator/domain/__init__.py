"""Textual-free domain core: frozen models, Vietnamese text rules and membership arithmetic."""
