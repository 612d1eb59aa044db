"""Page metadata: JSON-LD and meta tags first, trafilatura's guesses as the fallback.

Small pages written for the test check each field and its order of preference;
the dev pages check the whole result on real saved pages.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest.html import read_html
from generator.ingest.metadata import PageMetadata, clean_title, iso_date, read_metadata

DEV_ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "articles"


def page(head: str, body: str = "<p>Text.</p>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


FULL_HEAD = """
<title>Ceasefire talks resume in Cairo | Example Times</title>
<meta property="og:title" content="Ceasefire talks resume in Cairo | Example Times">
<meta property="og:site_name" content="Example Times">
<meta property="og:url" content="https://www.exampletimes.com/og-address">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<meta name="author" content="Somebody Else">
<link rel="canonical" href="https://www.exampletimes.com/world/ceasefire-talks">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "BreadcrumbList", "name": "Home"},
  {"@type": "NewsArticle", "headline": "Ceasefire talks resume in Cairo",
   "datePublished": "2024-05-01T23:30:00-04:00",
   "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"},
              {"@type": "Organization", "name": "Example Times Staff"}],
   "publisher": {"@type": "Organization", "name": "Example Times Group"}}
]}
</script>
"""


def test_a_page_with_everything_gives_each_field_from_its_best_source():
    assert read_metadata(page(FULL_HEAD)) == PageMetadata(
        title="Ceasefire talks resume in Cairo",          # JSON-LD headline
        publisher="Example Times",                         # og:site_name before JSON-LD publisher
        published="2024-05-01",                            # JSON-LD, the date as written (not UTC)
        url="https://www.exampletimes.com/world/ceasefire-talks",  # rel=canonical before og:url
        author="Jane Roe, John Doe",                       # people only, not the organisation
        hostname="www.exampletimes.com",
    )


def test_without_json_ld_meta_tags_are_used():
    head = """
    <title>Flood warnings issued across the north - Example Post</title>
    <meta property="og:url" content="https://examplepost.org/floods">
    <meta property="article:published_time" content="2023-01-09T08:15:00+01:00">
    <meta name="author" content="By Sam Poe">
    """
    assert read_metadata(page(head)) == PageMetadata(
        title="Flood warnings issued across the north",
        publisher="Example Post",        # the title's suffix, confirmed by the host name
        published="2023-01-09",
        url="https://examplepost.org/floods",
        author="Sam Poe",
        hostname="examplepost.org",
    )


def test_a_publisher_name_in_latin_script_is_preferred():
    # The JSON-LD gives the name in Japanese; the title suffix and the host name give it in English.
    head = """
    <title>Typhoon closes airports across the west - Tokyo Shimbun</title>
    <link rel="canonical" href="https://www.tokyo-shimbun.example/news/1">
    <script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Typhoon closes airports across the west",
     "publisher": {"@type": "Organization", "name": "東京新聞"},
     "author": {"@type": "Organization", "name": "東京新聞"}}
    </script>
    """
    metadata = read_metadata(page(head))
    assert metadata.publisher == "Tokyo Shimbun"
    assert metadata.author is None


def test_a_publisher_only_in_another_script_is_still_named():
    head = '<meta property="og:site_name" content="東京新聞">'
    assert read_metadata(page(head)).publisher == "東京新聞"


def test_the_fallback_fills_what_the_page_does_not_say():
    fallback = PageMetadata(title="Fallback headline for the page", publisher="Fallback Site",
                            published="2020-02-03", url="https://fallback.example/a",
                            author="Ann Author; Ben Writer", hostname="fallback.example")
    metadata = read_metadata(page("<title></title>"), fallback)
    assert metadata == PageMetadata(title="Fallback headline for the page", publisher="Fallback Site",
                                    published="2020-02-03", url="https://fallback.example/a",
                                    author="Ann Author, Ben Writer", hostname="fallback.example")


def test_unusable_urls_are_skipped():
    head = """
    <link rel="canonical" href="/relative/address">
    <meta property="og:url" content="javascript:alert(1)">
    <script type="application/ld+json">{"@type": "Article", "mainEntityOfPage": {"@id": "https://ok.example/story"}}</script>
    """
    assert read_metadata(page(head)).url == "https://ok.example/story"


def test_broken_json_ld_is_ignored_and_the_next_script_read():
    head = """
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
    <script type="application/ld+json">[{"@type": ["NewsArticle"], "headline": "Second script wins the day"}]</script>
    """
    assert read_metadata(page(head)).title == "Second script wins the day"


def test_deeply_nested_json_ld_is_read_without_recursion():
    nested = "[" * 900 + '{"@type": "NewsArticle", "headline": "Found at the bottom of the lists"}' + "]" * 900
    too_deep = "[" * 100_000 + "]" * 100_000
    head = f'<script type="application/ld+json">{too_deep}</script><script type="application/ld+json">{nested}</script>'
    assert read_metadata(page(head)).title == "Found at the bottom of the lists"


def test_markup_and_entities_never_reach_the_fields():
    head = """
    <script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Rates &amp; prices: <b>what</b> changes\\u0007 now",
     "author": {"@type": "Person", "name": "<a href='x'>Jane Roe</a>"}}
    </script>
    """
    metadata = read_metadata(page(head))
    assert metadata.title == "Rates & prices: what changes now"
    assert metadata.author == "Jane Roe"


def test_a_cut_json_ld_headline_gives_way_to_the_page_title():
    head = """
    <title>Parliament passes the budget after a night of votes | Example News</title>
    <meta property="og:site_name" content="Example News">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Parliament passes the budget after..."}</script>
    """
    assert read_metadata(page(head)).title == "Parliament passes the budget after a night of votes"


def test_author_urls_are_not_names():
    head = '<meta property="article:author" content="https://www.facebook.com/someone">'
    assert read_metadata(page(head)).author is None


@pytest.mark.parametrize(("title", "names", "expected"), [
    ("Ceasefire talks resume | Example Times", ["Example Times"], "Ceasefire talks resume"),
    ("Example Times - Ceasefire talks resume", ["example-times"], "Ceasefire talks resume"),
    ("Ceasefire talks resume in Cairo - Al-Bawaba", ["Al Bawaba"], "Ceasefire talks resume in Cairo"),
    # No evidence: a short last part goes only when four words of headline remain.
    ("Ceasefire talks resume in Cairo | Site", [], "Ceasefire talks resume in Cairo"),
    ("Biden - Xi meeting ends", [], "Biden - Xi meeting ends"),
    ("Ukraine war: Russia fires missiles at Kyiv", [], "Ukraine war: Russia fires missiles at Kyiv"),
    ("A headline with no separator at all", ["Anything"], "A headline with no separator at all"),
])
def test_clean_title(title, names, expected):
    assert clean_title(title, names) == expected


def test_a_json_ld_headline_is_not_guessed_at():
    assert clean_title("Gaza ceasefire talks stall - sources", [], guess=False) == "Gaza ceasefire talks stall - sources"


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-10-16T00:00:00+08:00", "2024-10-16"),
    ("2024-03-07T07:55:25Z", "2024-03-07"),
    ("Wed, 16 Oct 2024 09:00:00 GMT", "2024-10-16"),
    ("March 7, 2024", "2024-03-07"),
    ("2024-13-45", None),
    ("March 2024", None),   # no day: no date
    ("2024", None),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


DEV_METADATA = {
    "albawaba-us-settlements-reaction-2019": (
        "World Community Lashes Out at US for No Longer Considering Israeli Settlements Illegal",
        {"publisher": "Al Bawaba", "published": "2019-11-20",
         "url": "https://www.albawaba.com/news/world-community-lashes-out-us-no-longer-considering-israeli-settlements-illegal-1322354"},
    ),
    "reuters-israeli-tank-journalists-2024": (
        "Israeli tank 'likely' fired machine gun at reporters after deadly shelling, report finds",
        {"publisher": "Reuters", "published": "2024-03-07", "author": "Maya Gebeily, Anthony Deutsch",
         "url": "https://www.reuters.com/world/middle-east/israeli-tank-likely-scenario-fired-machine-gun-reporters-after-deadly-shelling-2024-03-07/"},
    ),
    "taipeitimes-us-philippines-drills-2024": (
        "US, Manila launch war games after PRC’s Taiwan drills",
        {"publisher": "Taipei Times", "published": "2024-10-16",
         "url": "https://www.taipeitimes.com/News/front/archives/2024/10/16/2003825372"},
    ),
}


@pytest.mark.parametrize("name", sorted(DEV_METADATA))
def test_dev_page_metadata(name):
    parsed = read_html((DEV_ARTICLES / f"{name}.html").read_text(encoding="utf-8"), name)
    title, meta = DEV_METADATA[name]
    assert (parsed.title, parsed.meta) == (title, meta)
