"""The sample project built end to end: real model, real MkDocs, HTML read with BeautifulSoup."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.render import SECTION_ANCHORS

pytestmark = pytest.mark.xdist_group("seed_site")


def _briefing_html(seed_site):
    folder, result = seed_site
    [briefing] = result.assembled.briefings
    page = folder / "site" / "briefings" / briefing.slug / "index.html"
    return folder, briefing, page, BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_site_build_reports_one_source_extracted(seed_site):
    _, result = seed_site
    assert [(o.path, o.status) for o in result.outcomes] == [
        ("content/sources/newsweek-putin-mini-nato-2022.txt", "extracted")]
    assert not result.failed


def test_site_briefing_page_has_every_section_in_order(seed_site):
    _, briefing, _, soup = _briefing_html(seed_site)
    headings = [h["id"] for h in soup.select("article h2[id]")]
    expected = [anchor for anchor in SECTION_ANCHORS if anchor != "timeline" or briefing.timeline]
    assert [h for h in headings if h in SECTION_ANCHORS] == expected


def test_site_every_evidence_link_reaches_an_element(seed_site):
    folder, _, page, soup = _briefing_html(seed_site)
    base = "http://site/" + page.relative_to(folder / "site").parent.as_posix() + "/"
    evidence_links = [a["href"] for a in soup.select("article a[href*='documents/']") if "#p" in a["href"]]
    assert evidence_links, "the briefing cites no passage"
    for href in evidence_links:
        target = urlsplit(urljoin(base, href))
        document = folder / "site" / target.path.lstrip("/") / "index.html"
        assert document.exists(), f"{href} points to a missing page"
        target_soup = BeautifulSoup(document.read_text(encoding="utf-8"), "html.parser")
        assert target_soup.find(id=target.fragment) is not None, f"{href}: no element #{target.fragment}"


def test_site_home_lists_the_briefing_with_its_summary(seed_site):
    folder, briefing, _, _ = _briefing_html(seed_site)
    home = BeautifulSoup((folder / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = home.select_one(f"article a[href='briefings/{briefing.slug}/']")
    assert link is not None and link.get_text(strip=True) == briefing.title
    assert briefing.summary[:60] in home.get_text(" ", strip=True)


def test_site_actors_index_links_each_actor_to_its_briefing(seed_site):
    folder, briefing, _, _ = _briefing_html(seed_site)
    index = BeautifulSoup((folder / "site" / "actors" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = index.select("article table tbody tr")
    parties = [actor for actor in briefing.actors if actor.kind != "media"]
    assert len(rows) == len(parties)
    assert all(row.select_one(f"a[href*='briefings/{briefing.slug}/']") for row in rows)


def test_site_briefings_stay_out_of_the_sidebar(seed_site):
    _, _, _, soup = _briefing_html(seed_site)
    sidebar = soup.select_one(".md-sidebar--primary")
    assert sidebar is not None
    assert not sidebar.select("a[href*='briefings/']"), "briefing pages must not be listed in the navigation"
