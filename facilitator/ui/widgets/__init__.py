"""Widgets of the presenter's console: they receive data and post messages, never touch storage."""
