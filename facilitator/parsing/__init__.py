"""Textual-free readers for user files: content packs (Markdown + YAML front matter)."""

from facilitator.parsing.content_pack import MAX_PACK_BYTES, load_pack, parse_pack
from facilitator.parsing.pack_folder import PackEntry, list_packs
from facilitator.parsing.slug import slugify

__all__ = ["MAX_PACK_BYTES", "PackEntry", "list_packs", "load_pack", "parse_pack", "slugify"]
