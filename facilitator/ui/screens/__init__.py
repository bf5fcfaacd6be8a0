"""Screens of the presenter's console; each owns its state and calls the service layer."""
