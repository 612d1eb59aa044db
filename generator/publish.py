"""Files MkDocs does not make, added to the built site before it is swapped in:
redirect pages for renamed briefings (feeds and link-preview cards follow)."""
from __future__ import annotations

import html
from pathlib import Path

from generator.assemble import Assembled
from generator.config import Project

_REDIRECT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moved</title>
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
<meta name="robots" content="noindex"></head>
<body><p>This briefing has moved to <a href="{target}">{target}</a>.</p></body></html>
"""


def write_extras(folder: Path, assembled: Assembled, project: Project) -> None:
    write_redirects(folder, assembled.redirects)


def write_redirects(folder: Path, redirects: dict[str, str]) -> None:
    """briefings/OLD/index.html sends readers (and #anchors) on to briefings/NEW/."""
    for old, new in sorted(redirects.items()):
        target = html.escape(f"../{new}/", quote=True)
        page = folder / "briefings" / old / "index.html"
        if page.exists():
            continue  # a live briefing took the old slug back
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_REDIRECT_PAGE.format(target=target), encoding="utf-8")
