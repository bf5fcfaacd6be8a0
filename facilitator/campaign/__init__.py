"""Campaigns (đợt) at the level above: expected units, collected bundles, who has reported.

Core code: no Textual, rich or click.
"""
