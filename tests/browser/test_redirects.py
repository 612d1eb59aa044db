"""Renaming a briefing keeps its URL; a changed slug leaves a working redirect.

Both changes go through the editors' sidecar content/briefings/SLUG.edits.yml
(`title:` and `slug:`); see the fixtures in conftest.py.
"""
from __future__ import annotations

import feedparser
import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _html(project, path: str) -> BeautifulSoup:
    return BeautifulSoup((project.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _title(page: BeautifulSoup) -> str:
    """The page's h1 as a reader sees it, without the ¶ permalink."""
    heading = page.select_one("article h1")
    for permalink in heading.select("a.headerlink"):
        permalink.decompose()
    return heading.get_text(strip=True)


def _briefing_folders(project) -> list[str]:
    return sorted(path.name for path in (project.site / "briefings").iterdir() if path.is_dir())


def test_redirects_new_title_keeps_the_url(browser_project, retitled_project, renames):
    new_title = renames["title"]
    old_slug = browser_project.briefing.slug
    assert retitled_project.briefing.slug == old_slug
    assert retitled_project.briefing.title == new_title
    assert retitled_project.result.assembled.redirects == {}
    assert _briefing_folders(retitled_project) == [old_slug]
    page = _html(retitled_project, retitled_project.path)
    assert _title(page) == new_title
    assert page.find("meta", property="og:title")["content"] == new_title
    feed = feedparser.parse((retitled_project.site / "feed.xml").read_bytes())
    assert [(entry.title, entry.link) for entry in feed.entries] == [
        (new_title, f"https://briefings.example.org/briefings/{old_slug}/")]


def test_redirects_new_slug_moves_the_page_and_leaves_a_redirect(browser_project, moved_project, renames):
    new_slug, new_title = renames["slug"], renames["title"]
    old_slug = browser_project.briefing.slug
    for project in moved_project:  # the rename build, and a later build that must keep the redirect
        assert project.briefing.slug == new_slug
        assert project.result.assembled.redirects == {old_slug: new_slug}
        assert _briefing_folders(project) == sorted([old_slug, new_slug])
        assert _title(_html(project, f"briefings/{new_slug}/")) == new_title
        redirect = _html(project, f"briefings/{old_slug}/")
        assert redirect.find("link", rel="canonical")["href"] == f"../{new_slug}/"
        assert redirect.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=../{new_slug}/"
        assert redirect.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        feed = feedparser.parse((project.site / "feed.xml").read_bytes())
        assert [entry.link for entry in feed.entries] == [f"https://briefings.example.org/briefings/{new_slug}/"]
        home = _html(project, "")
        assert home.select("article a[href^='briefings/']")[0]["href"] == f"briefings/{new_slug}/"
    assert not (moved_project[1].folder / "content" / "briefings" / f"{old_slug}.md").exists()


@pytest.mark.parametrize("fragment", ["", "#sources", "#alliance"])
def test_redirects_old_url_ends_on_the_new_page_at_the_fragment(browser_project, moved_project, moved_site_url,
                                                                 visit, editors_alliance, renames, fragment):
    new_slug = renames["slug"]
    if fragment == "#alliance":
        fragment = "#" + editors_alliance["anchor"]
    old_url = f"{moved_site_url}briefings/{browser_project.briefing.slug}/{fragment}"
    new_url = f"{moved_site_url}briefings/{new_slug}/{fragment}"
    tab = visit()
    tab.page.goto(old_url, wait_until="commit")
    tab.page.wait_for_url(new_url, wait_until="load", timeout=10000)
    if fragment:
        position = tab.scrolled_to(fragment[1:])
        assert position is not None and position["inView"], position
    assert tab.page.evaluate("() => location.href") == new_url
    assert tab.problems() == []
