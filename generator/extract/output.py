"""The JSON shape `briefing extract --format json` prints (../shared/eval/ANNOTATION.md)."""
from __future__ import annotations

from typing import Any

from generator.model import Extraction, to_dict

_SOURCE_FIELDS = ("path", "title", "publisher", "url", "published", "author", "briefing", "warnings")


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    data = to_dict(extraction)
    data["source"] = {key: data["source"][key] for key in _SOURCE_FIELDS}
    return data
