"""What a format reader returns before the common steps (repair, checks) run."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class Parsed:
    title: str | None
    paragraphs: list[str]
    meta: dict[str, str] = field(default_factory=dict)
    """publisher, url, published, author, briefing: whatever the format carries."""
