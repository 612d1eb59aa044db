"""Link previews: Open Graph and Twitter tags of the built pages, read with BeautifulSoup, and the card image."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

pytestmark = pytest.mark.xdist_group("seed_site")

SITE_URL = "https://briefings.example.org/"  # mkdocs.yml's site_url, which make_project copies
TRICKY_TITLE = 'Tom & Jerry say "no" </title><script>alert(1)</script>'
TRICKY_SUMMARY = "Fish & chips <b>cost</b> more; \"prices\" rise </head><img src=x onerror=alert(1)>."


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    """Every <meta property|name=... content=...>, by property or name."""
    tags = soup.head.find_all("meta", attrs={"content": True})
    return {tag.get("property") or tag.get("name"): tag["content"]
            for tag in tags if tag.get("property") or tag.get("name")}


@pytest.fixture(scope="module")
def seed_briefing(seed_site):
    folder, result = seed_site
    [briefing] = result.assembled.briefings
    return folder / "site", briefing, _page(folder / "site", f"briefings/{briefing.slug}")


def test_meta_briefing_is_an_article_with_title_and_summary(seed_briefing):
    _, briefing, soup = seed_briefing
    meta = _meta(soup)
    assert meta["og:type"] == "article"
    assert meta["og:title"] == meta["twitter:title"] == briefing.title
    assert meta["og:description"] == meta["twitter:description"] == meta["description"] == briefing.summary
    assert meta["og:site_name"] == "Briefings"


def test_meta_briefing_url_is_the_canonical_url(seed_briefing):
    _, briefing, soup = seed_briefing
    url = f"{SITE_URL}briefings/{briefing.slug}/"
    assert _meta(soup)["og:url"] == url
    assert soup.head.find("link", rel="canonical")["href"] == url


def test_meta_briefing_dates(seed_briefing):
    _, briefing, soup = seed_briefing
    meta = _meta(soup)
    assert meta["article:modified_time"] == briefing.updated
    assert meta.get("article:published_time") == briefing.published


def test_meta_briefing_image_is_a_1200x630_png_on_the_site(seed_briefing):
    site, briefing, soup = seed_briefing
    meta = _meta(soup)
    image_url = f"{SITE_URL}assets/cards/{briefing.slug}.png"
    assert meta["og:image"] == meta["twitter:image"] == image_url
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["twitter:card"] == "summary_large_image"
    with Image.open(site / image_url.removeprefix(SITE_URL)) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def test_meta_home_is_a_website_without_article_tags(seed_briefing):
    site, _, _ = seed_briefing
    meta = _meta(_page(site, ""))
    assert meta["og:type"] == "website"
    assert meta["og:url"] == SITE_URL
    assert meta["twitter:card"] == "summary"
    assert not [key for key in meta if key.startswith("article:") or key == "og:image"]


@pytest.mark.parametrize("feed_type, file", [("application/rss+xml", "feed.xml"), ("application/atom+xml", "atom.xml")])
def test_meta_every_page_links_the_feeds(seed_briefing, feed_type, file):
    site, briefing, _ = seed_briefing
    for path in ("", f"briefings/{briefing.slug}", "actors"):
        page = site / path / "index.html"
        link = _page(site, path).head.find("link", rel="alternate", type=feed_type)
        assert link is not None, f"{path or 'home'}: no {feed_type} link"
        assert (page.parent / link["href"]).resolve() == (site / file).resolve()


@pytest.fixture(scope="module")
def tricky_site(seed_site, tmp_path_factory):
    """The sample project rebuilt after an editor gave the briefing a title and summary full of markup."""
    from generator.build import build

    folder, result = seed_site
    [briefing] = result.assembled.briefings
    copy = shutil.copytree(folder, tmp_path_factory.mktemp("tricky") / "project", symlinks=True)
    sidecar = copy / "content" / "briefings" / f"{briefing.slug}.edits.yml"
    sidecar.write_text(f"title: '{TRICKY_TITLE}'\nsummary: '{TRICKY_SUMMARY}'\n", encoding="utf-8")
    rebuilt = build(copy, workers=1)
    assert not rebuilt.failed
    return copy / "site", _page(copy / "site", f"briefings/{briefing.slug}")


def test_meta_markup_in_title_and_summary_stays_text(tricky_site):
    _, soup = tricky_site
    meta = _meta(soup)
    assert meta["og:title"] == meta["twitter:title"] == TRICKY_TITLE
    assert meta["og:description"] == meta["twitter:description"] == TRICKY_SUMMARY
    assert soup.title.get_text() == f"{TRICKY_TITLE} - Briefings"
    assert not soup.select("img[onerror], head b")
    assert [script.get("src") for script in soup.find_all("script") if "alert" in script.get_text()] == []


def test_meta_card_is_drawn_for_any_title(tricky_site):
    site, soup = tricky_site
    with Image.open(site / _meta(soup)["og:image"].removeprefix(SITE_URL)) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))
