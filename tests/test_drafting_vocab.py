"""Drafting speaks the domain's vocabularies, not copies of them."""

from __future__ import annotations

import facilitator.drafting.model as model
from facilitator.domain.vocab import ItemKind, SessionKind


def test_drafting_defines_no_enum_of_its_own() -> None:
    assert not hasattr(model, "PackKind")
    assert model.ItemKind is ItemKind  # the domain's, re-used
    assert model.DraftPack.__annotations__["kind"] == "SessionKind"
    assert model.DraftItem.__annotations__["kind"] == "ItemKind"
    assert model.SessionKind is SessionKind
