"""Rosters: read a unit's people from CSV/XLSX and merge them into the stored roster."""
