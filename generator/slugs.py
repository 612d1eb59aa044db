"""URL-safe names for briefings, actors and source pages."""
from __future__ import annotations

import re
import unicodedata

MAX_SLUG_CHARS = 60
# Names that Windows refuses as file names; a slug must be a safe file name everywhere.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


def slugify(text: str, *, fallback: str = "untitled", max_chars: int = MAX_SLUG_CHARS) -> str:
    """Lower-case ASCII words joined by hyphens: "Putin's 'mini-NATO'" -> "putins-mini-nato"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_chars:
        slug = slug[:max_chars].rsplit("-", 1)[0] or slug[:max_chars]
    slug = slug or fallback
    return f"{slug}-1" if slug in _RESERVED else slug


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not in `taken`."""
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
