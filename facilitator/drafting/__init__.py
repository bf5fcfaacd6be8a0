"""Drafting a content pack from the plan (kế hoạch) that ordered the campaign.

Core code: no Textual, rich or click. Text is extracted per file format, then one
parser over lines recognises Vietnamese administrative numbering and section names.
"""
