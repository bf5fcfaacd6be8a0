"""Every user-facing string, in Vietnamese, collected in one package.

One module per area (``cli``, ``store``, ``content``, ``export``, ``ui``...) so that
translators and reviewers find all wording in one place and code never embeds prose.
"""
