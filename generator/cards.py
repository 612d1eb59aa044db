"""Link-preview images ("social cards"), drawn offline with Pillow at build time.

Material's own social plugin needs Cairo and fetches fonts; this draws a plain
1200x630 card with Pillow's bundled font, so it works on a machine with no
network and no system fonts. A card depends only on its text, so it is cached
by a hash of that text and redrawn only when the title or summary changes.
"""
from __future__ import annotations

import hashlib
import io
import shutil
import textwrap
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.files import write_atomic
from generator.model import Briefing

CARD_SIZE = (1200, 630)
_BACKGROUND = (40, 53, 147)      # Material's indigo, the site's primary colour
_TEXT = (255, 255, 255)
_MUTED = (197, 202, 233)
_MARGIN = 72
_CARD_VERSION = "1"


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def card_png(title: str, summary: str, *, site_name: str, updated: str | None) -> bytes:
    image = Image.new("RGB", CARD_SIZE, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = _MARGIN
    draw.text((_MARGIN, y), site_name.upper(), font=_font(30), fill=_MUTED)
    y += 70
    for line in textwrap.wrap(title, width=34)[:3]:
        draw.text((_MARGIN, y), line, font=_font(64), fill=_TEXT)
        y += 78
    y += 20
    lines = textwrap.wrap(summary, width=62)
    if len(lines) > 4:
        lines = lines[:3] + [textwrap.shorten(lines[3] + " " + lines[4], width=60, placeholder=" …")]
    for line in lines:
        draw.text((_MARGIN, y), line, font=_font(30), fill=_MUTED)
        y += 40
    if updated:
        draw.text((_MARGIN, CARD_SIZE[1] - _MARGIN - 30), f"Updated {updated}", font=_font(28), fill=_MUTED)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_cards(folder: Path, briefings: tuple[Briefing, ...], *, site_name: str, cache: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    for briefing in briefings:
        key = hashlib.sha256("\0".join(
            (_CARD_VERSION, briefing.title, briefing.summary, site_name, briefing.updated or "")).encode()).hexdigest()
        cached = cache / f"{key}.png"
        if not cached.exists():
            write_atomic(cached, card_png(briefing.title, briefing.summary, site_name=site_name,
                                          updated=briefing.updated))
        shutil.copyfile(cached, folder / f"{briefing.slug}.png")
