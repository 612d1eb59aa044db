"""Files MkDocs does not make, added to the built site before it is swapped in:

- feed.xml (RSS 2.0) and atom.xml (Atom 1.0): briefings by last update, each
  entry saying what changed in that update;
- assets/cards/SLUG.png: a link-preview image per briefing, drawn offline;
- briefings/OLD/index.html: a redirect for every briefing whose slug changed.

The XML is built with ElementTree, which escapes every value it writes.
"""
from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from pathlib import Path

from generator.assemble import Assembled
from generator.cards import write_cards
from generator.config import Project
from generator.model import Briefing
from generator.render import ChangeView, describe_changes

ATOM_NS = "http://www.w3.org/2005/Atom"
RSS_FILE, ATOM_FILE = "feed.xml", "atom.xml"
_REDIRECT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moved</title>
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
<meta name="robots" content="noindex"></head>
<body><p>This briefing has moved to <a href="{target}">{target}</a>.</p>
<script>location.replace("{target}" + location.hash)</script></body></html>
"""


def write_extras(folder: Path, assembled: Assembled, project: Project) -> None:
    briefings = assembled.briefings[: project.settings.feed_items]
    site_url = project.site_url or "http://localhost:8000/"
    (folder / RSS_FILE).write_bytes(rss_feed(briefings, site_url=site_url, site_name=project.site_name))
    (folder / ATOM_FILE).write_bytes(atom_feed(briefings, site_url=site_url, site_name=project.site_name))
    if project.settings.social_cards:
        write_cards(folder / "assets" / "cards", assembled.briefings, site_name=project.site_name,
                    cache=project.cache_dir / "cards")
    write_redirects(folder, assembled.redirects)


def briefing_url(site_url: str, briefing: Briefing) -> str:
    return f"{site_url.rstrip('/')}/briefings/{briefing.slug}/"


def entry_text(briefing: Briefing) -> str:
    """The summary followed by what changed in the latest update."""
    latest = describe_changes(briefing)[:1]
    change = f" What's new: {'; '.join(latest[0].lines)}." if latest else ""
    return briefing.summary + change


def _moment(date: str | None) -> dt.datetime:
    try:
        day = dt.date.fromisoformat((date or "")[:10])
    except ValueError:
        day = dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def rss_feed(briefings: tuple[Briefing, ...], *, site_url: str, site_name: str) -> bytes:
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", site_name)
    _text(channel, "link", site_url)
    _text(channel, "description", f"Briefings from {site_name}, newest update first")
    _text(channel, "language", "en")
    if briefings:
        _text(channel, "lastBuildDate", format_datetime(_moment(briefings[0].updated)))
    for briefing in briefings:
        item = ET.SubElement(channel, "item")
        url = briefing_url(site_url, briefing)
        _text(item, "title", briefing.title)
        _text(item, "link", url)
        _text(item, "description", entry_text(briefing))
        _text(item, "guid", url).set("isPermaLink", "true")
        _text(item, "pubDate", format_datetime(_moment(briefing.updated)))
    return _serialise(rss)


def atom_feed(briefings: tuple[Briefing, ...], *, site_url: str, site_name: str) -> bytes:
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _text(feed, f"{{{ATOM_NS}}}id", site_url)
    _text(feed, f"{{{ATOM_NS}}}title", site_name)
    newest = briefings[0].updated if briefings else None
    _text(feed, f"{{{ATOM_NS}}}updated", _moment(newest).isoformat())
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", href=site_url)
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="self", href=f"{site_url.rstrip('/')}/{ATOM_FILE}")
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    _text(author, f"{{{ATOM_NS}}}name", site_name)
    for briefing in briefings:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        url = briefing_url(site_url, briefing)
        _text(entry, f"{{{ATOM_NS}}}id", url)
        _text(entry, f"{{{ATOM_NS}}}title", briefing.title)
        _text(entry, f"{{{ATOM_NS}}}updated", _moment(briefing.updated).isoformat())
        if briefing.published:
            _text(entry, f"{{{ATOM_NS}}}published", _moment(briefing.published).isoformat())
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", rel="alternate", href=url)
        _text(entry, f"{{{ATOM_NS}}}summary", entry_text(briefing))
    return _serialise(feed)


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = value
    return element


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_redirects(folder: Path, redirects: dict[str, str]) -> None:
    """briefings/OLD/index.html sends readers (and #anchors) on to briefings/NEW/."""
    for old, new in sorted(redirects.items()):
        page = folder / "briefings" / old / "index.html"
        if page.exists():
            continue  # a live briefing took the old slug back
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_REDIRECT_PAGE.format(target=html.escape(f"../{new}/", quote=True)), encoding="utf-8")


__all__ = ["ChangeView", "atom_feed", "rss_feed", "write_extras", "write_redirects"]
