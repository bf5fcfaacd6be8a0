"""The only code that knows TinyDB: atomic storage, locks and the session store."""
