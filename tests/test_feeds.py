"""RSS 2.0 and Atom 1.0 feeds: parsed with feedparser and checked against each spec's required elements.

The built sample site (fixture seed_site) shows what a reader's feed reader gets;
feeds of hand-built briefings check ordering, escaping and the "What's new" text.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest

from generator.model import Briefing, Change, Source
from generator.publish import atom_feed, rss_feed

pytestmark = pytest.mark.xdist_group("seed_site")

SITE_URL = "https://briefings.example.org/"  # mkdocs.yml's site_url, which make_project copies
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _source(path: str, title: str) -> Source:
    return Source(path=path, slug=path.rsplit("/", 1)[-1].removesuffix(".txt"), digest="0" * 64, title=title,
                  paragraphs=("Text.",), format="text")


def _briefing(slug: str, title: str, summary: str, *, updated: str | None, changes: tuple[Change, ...] = (),
              sources: tuple[Source, ...] = ()) -> Briefing:
    sources = sources or (_source(f"content/sources/{slug}.txt", title),)
    return Briefing(slug=slug, title=title, summary=summary, sources=sources, updated=updated,
                    published=updated, changes=changes)


# --- the built site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_feeds(seed_site):
    folder, result = seed_site
    [briefing] = result.assembled.briefings
    site = folder / "site"
    return briefing, (site / "feed.xml").read_bytes(), (site / "atom.xml").read_bytes()


def test_feeds_rss_parses_cleanly_as_rss_2(seed_feeds):
    _, rss, _ = seed_feeds
    feed = feedparser.parse(rss)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"


def test_feeds_rss_has_the_required_channel_and_item_elements(seed_feeds):
    briefing, rss, _ = seed_feeds
    channel = ET.fromstring(rss).find("channel")
    assert channel.findtext("title") == "Briefings"
    assert channel.findtext("link") == SITE_URL
    assert channel.findtext("description")
    [item] = channel.findall("item")
    url = f"{SITE_URL}briefings/{briefing.slug}/"
    assert item.findtext("title") == briefing.title
    assert item.findtext("link") == url
    guid = item.find("guid")
    assert (guid.text, guid.get("isPermaLink")) == (url, "true")
    assert parsedate_to_datetime(item.findtext("pubDate")).date().isoformat() == briefing.updated


def test_feeds_rss_item_says_the_summary_and_whats_new(seed_feeds):
    briefing, rss, _ = seed_feeds
    [entry] = feedparser.parse(rss).entries
    assert entry.description == f"{briefing.summary} What's new: first published from 1 source."


def test_feeds_atom_parses_cleanly_as_atom_1(seed_feeds):
    _, _, atom = seed_feeds
    feed = feedparser.parse(atom)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"


def test_feeds_atom_has_the_required_feed_and_entry_elements(seed_feeds):
    briefing, _, atom = seed_feeds
    root = ET.fromstring(atom)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == SITE_URL
    assert root.findtext(f"{ATOM}title") == "Briefings"
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Briefings"
    links = {link.get("rel", "alternate"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"alternate": SITE_URL, "self": f"{SITE_URL}atom.xml"}
    [entry] = root.findall(f"{ATOM}entry")
    url = f"{SITE_URL}briefings/{briefing.slug}/"
    assert entry.findtext(f"{ATOM}id") == url
    assert entry.findtext(f"{ATOM}title") == briefing.title
    assert entry.findtext(f"{ATOM}updated").startswith(briefing.updated + "T")
    assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
    assert [(link.get("rel"), link.get("href")) for link in entry.findall(f"{ATOM}link")] == [("alternate", url)]


def test_feeds_atom_entry_says_the_summary_and_whats_new(seed_feeds):
    briefing, _, atom = seed_feeds
    [entry] = feedparser.parse(atom).entries
    assert entry.summary == f"{briefing.summary} What's new: first published from 1 source."


def test_feeds_every_url_is_absolute_on_the_site(seed_feeds):
    _, rss, atom = seed_feeds
    urls = [element.text for element in ET.fromstring(rss).iter() if element.tag in ("link", "guid")]
    urls += [link.get("href") for link in ET.fromstring(atom).iter(f"{ATOM}link")]
    urls += [element.text for element in ET.fromstring(atom).iter(f"{ATOM}id")]
    assert urls and all(url.startswith(SITE_URL) for url in urls), urls


# --- feeds of hand-built briefings ----------------------------------------------------------


def _two_briefings() -> tuple[Briefing, ...]:
    older = _briefing("old-story", "Old story", "An older summary.", updated="2024-03-01")
    sources = (_source("content/sources/a.txt", "First report"), _source("content/sources/b.txt", "Second report"))
    newer = _briefing(
        "new-story", 'Tom & Jerry <b>"quoted"</b>', "Fish < chips & peas > beans.", updated="2024-05-02",
        sources=sources,
        changes=(Change(date="2024-05-01", sources=("content/sources/a.txt",)),
                 Change(date="2024-05-02", sources=("content/sources/b.txt",))),
    )
    return (newer, older)


@pytest.mark.parametrize("make_feed", [rss_feed, atom_feed], ids=["rss", "atom"])
def test_feeds_keep_the_order_and_escape_every_value(make_feed):
    feed = feedparser.parse(make_feed(_two_briefings(), site_url="https://news.example.com/", site_name="A & B"))
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "A & B"
    assert [(entry.title, entry.link) for entry in feed.entries] == [
        ('Tom & Jerry <b>"quoted"</b>', "https://news.example.com/briefings/new-story/"),
        ("Old story", "https://news.example.com/briefings/old-story/"),
    ]


@pytest.mark.parametrize("make_feed", [rss_feed, atom_feed], ids=["rss", "atom"])
def test_feeds_entry_says_what_the_latest_update_added(make_feed):
    feed = feedparser.parse(make_feed(_two_briefings(), site_url="https://news.example.com", site_name="News"))
    assert [entry.summary for entry in feed.entries] == [
        "Fish < chips & peas > beans. What's new: new source: Second report.",
        "An older summary.",
    ]


@pytest.mark.parametrize("make_feed", [rss_feed, atom_feed], ids=["rss", "atom"])
def test_feeds_without_briefings_are_still_valid(make_feed):
    feed = feedparser.parse(make_feed((), site_url="https://news.example.com/", site_name="News"))
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.entries == []
    assert feed.feed.title == "News"
