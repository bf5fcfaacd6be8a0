"""Where facilitator keeps things on a user's machine, and the user's own settings.

Nothing here depends on the working folder: a laptop where the app is started from
a desktop shortcut, a terminal in ``System32`` or a clone finds the same data.
"""
