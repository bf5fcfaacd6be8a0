"""The offline install kit: one folder with the app, every dependency and install scripts,
carried on a USB stick to laptops that have no network."""
