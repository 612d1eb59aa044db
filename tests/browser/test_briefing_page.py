"""A built briefing in headless Chromium, at desktop and phone widths.

Structure only: the extractor is free to find other actors or positions, so the
tests take the anchors from the page itself and check every one of them.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.render import SECTION_ANCHORS
from generator.slugs import slugify

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Anchors the briefing template writes, and that snippets and newsletters link to.
ITEM_ANCHOR = re.compile(r"^(actor|position|stance|question|alliance)-")


def _soup(project):
    return BeautifulSoup((project.site / project.path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _deep_link_targets(project) -> list[str]:
    """Every id the page links to from inside itself, and every section and item anchor it has."""
    soup = _soup(project)
    linked = [a["href"][1:] for a in soup.select("a[href^='#']") if len(a["href"]) > 1]
    anchors = [element["id"] for element in soup.select("article [id]")
               if element["id"] in SECTION_ANCHORS or element["id"] == "history" or ITEM_ANCHOR.match(element["id"])]
    return list(dict.fromkeys(linked + anchors))


def test_briefing_page_fetches_nothing_outside_the_site(browser_project, site_url, visit):
    tab = visit(site_url + browser_project.path, wait_until="networkidle")
    assert tab.blocked == []


def test_briefing_page_logs_no_console_error(browser_project, site_url, visit):
    tab = visit(site_url + browser_project.path, wait_until="networkidle")
    tab.page.mouse.wheel(0, 4000)  # lazy work (search, table of contents) runs on scroll
    tab.page.wait_for_timeout(300)
    assert tab.problems() == []


def test_briefing_page_has_every_section_and_item_anchor(browser_project):
    """Whatever the extractor found, each item shown has the anchor snippets and newsletters link to."""
    briefing = browser_project.briefing
    ids = {element["id"] for element in _soup(browser_project).select("article [id]")}
    expected = {anchor for anchor in SECTION_ANCHORS if anchor != "timeline" or briefing.timeline}
    actors = {actor.id for actor in briefing.actors}
    shown = [position for position in briefing.positions if position.actor in actors]
    expected |= {f"actor-{slugify(actor.id)}" for actor in briefing.actors if actor.kind != "media"}
    expected |= {f"alliance-{slugify(alliance.id)}" for alliance in briefing.alliances}
    expected |= {f"position-{slugify(position.actor)}" for position in shown}
    expected |= {f"stance-{slugify(position.id)}" for position in shown}
    expected |= {f"question-{slugify(question.id)}" for question in briefing.open_questions}
    assert sorted(expected - ids) == []


def test_briefing_page_deep_links_from_outside_scroll_to_their_element(browser_project, site_url, visit):
    """A link into the page (newsletter, snippet, table of contents) lands on its element, for every anchor."""
    targets = _deep_link_targets(browser_project)
    assert {"summary", "actors", "positions", "open-questions", "sources"} <= set(targets)
    tab = visit(site_url + browser_project.path + "#" + targets[-1])
    misses = {}
    first = tab.scrolled_to(targets[-1])
    if not (first and first["inView"]):
        misses[targets[-1]] = first
    for element_id in targets[:-1]:
        tab.page.evaluate("id => { location.hash = id; }", element_id)
        position = tab.scrolled_to(element_id)
        if not (position and position["inView"]):
            misses[element_id] = position
    assert misses == {}, f"{len(misses)} of {len(targets)} anchors not scrolled into view"
    assert tab.problems() == []


@pytest.mark.parametrize("kind", ["section", "actor", "position", "stance", "question", "alliance"])
def test_briefing_page_opened_at_an_anchor_shows_it(browser_project, site_url, visit, kind):
    """A fresh page load with a #fragment (a newsletter reader's click) ends at that element."""
    targets = _deep_link_targets(browser_project)
    matching = [t for t in targets if (t in SECTION_ANCHORS if kind == "section" else t.startswith(kind + "-"))]
    if kind in ("section", "alliance"):
        assert matching, f"no {kind} anchor in the page"
    if not matching:
        pytest.skip(f"the extractor found no {kind} item in the sample")
    # The last one: the page must scroll furthest for it.
    element_id = matching[-1]
    tab = visit(site_url + browser_project.path + "#" + element_id)
    position = tab.scrolled_to(element_id)
    assert position is not None and position["inView"], position
    assert tab.problems() == []


def test_briefing_page_skip_link_moves_to_the_content(browser_project, site_url, visit):
    """Material's "Skip to content" link, used as it is meant to be: Tab, then Enter."""
    tab = visit(site_url + browser_project.path)
    for _ in range(3):  # a headless tab may need one Tab to take the focus itself
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("() => document.activeElement !== document.body"):
            break
    skip = tab.page.evaluate("() => document.activeElement.matches('a.md-skip') && document.activeElement.hash")
    assert skip, "the first focusable element is not the skip link"
    tab.page.keyboard.press("Enter")
    position = tab.scrolled_to(skip[1:])
    assert position is not None and position["inView"], position
    assert tab.page.evaluate("() => location.hash") == skip
    assert tab.problems() == []


def test_briefing_page_in_page_links_scroll_to_their_element_when_clicked(browser_project, site_url, visit, viewport):
    """The page's own links to #anchors (table of contents, heading permalinks) work when clicked.

    Phones have no table of contents: Material shows it in the navigation drawer, and
    briefings are not in the navigation. So on phones the heading permalinks are clicked.
    """
    tab = visit(site_url + browser_project.path)
    selector = ".md-sidebar--secondary a[href^='#']" if viewport == "desktop" else "article a.headerlink"
    hrefs = tab.page.locator(f"{selector}:visible").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    sections = {"#summary", "#actors", "#alliances", "#positions", "#open-questions", "#sources"}
    assert sections <= set(hrefs), sorted(sections - set(hrefs))
    misses = {}
    for href in dict.fromkeys(hrefs):
        tab.page.locator(f"{selector}[href='{href}']:visible").first.click(timeout=5000)
        position = tab.scrolled_to(href[1:])
        if not (position and position["inView"] and tab.page.evaluate("() => location.hash") == href):
            misses[href] = position
    assert misses == {}, f"{len(misses)} of {len(hrefs)} links"
    assert tab.problems() == []


def test_briefing_page_evidence_links_open_the_paragraph(browser_project, site_url, visit):
    """Every ¶ link opens the source's text page at that paragraph, marked as the target.

    Each document is loaded fresh at its first and its last cited paragraph (a reader's
    click from the briefing); the paragraphs in between are reached by changing the #fragment.
    """
    soup = _soup(browser_project)
    page_url = site_url + browser_project.path
    evidence = {urljoin(page_url, a["href"]) for a in soup.select("article a[href*='documents/']")
                if urlsplit(a["href"]).fragment.startswith("p")}
    assert evidence, "the briefing cites no passage"
    by_document: dict[str, list[str]] = {}
    for url in evidence:
        document, _, paragraph = url.partition("#")
        by_document.setdefault(document, []).append(paragraph)
    tab = visit()
    misses = {}
    for document, paragraphs in sorted(by_document.items()):
        paragraphs.sort(key=lambda paragraph: int(paragraph[1:]))
        fresh = {paragraphs[0], paragraphs[-1]}
        for paragraph in paragraphs:
            if paragraph in fresh:
                tab.goto(f"{document}#{paragraph}")
            else:
                tab.page.evaluate("id => { location.hash = id; }", paragraph)
            position = tab.scrolled_to(paragraph)
            targeted = tab.page.evaluate("id => document.getElementById(id)?.matches(':target')", paragraph)
            if not (position and position["inView"] and targeted):
                misses[f"{document}#{paragraph}"] = position
    assert misses == {}
    assert tab.problems() == []


def test_briefing_page_draws_the_alliance_diagram_as_svg(browser_project, site_url, visit, editors_alliance):
    soup = _soup(browser_project)
    assert soup.find(id=editors_alliance["anchor"]) is not None, "the alliance from content/corrections.yml is missing"
    assert soup.select("article pre.mermaid"), "the page has no Mermaid diagram"
    tab = visit(site_url + browser_project.path)
    tab.page.wait_for_function("() => window.__shadowRoots.some(root => root.querySelector('svg'))", timeout=15000)
    [svg] = tab.shadow_svgs()
    diagram = BeautifulSoup(svg, "html.parser")
    source = soup.select_one("article pre.mermaid").get_text()
    labels = [node.get_text(" ", strip=True) for node in diagram.select("g.node")]
    assert sorted(labels) == sorted(re.findall(r'^\s*n\d+\["(.*)"\]$', source, flags=re.M))
    assert set(editors_alliance["members"].values()) <= set(labels)
    edges = re.findall(r"^\s*n\d+ (?:---|-->)", source, flags=re.M)
    assert len(diagram.select("g.edgePaths path")) == len(edges) >= 1
    assert "Syntax error" not in diagram.get_text()
    box = tab.page.locator("article div.mermaid").bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 20
    assert tab.problems() == []
    assert [url for url in tab.blocked if "mermaid" in url] == [], "Mermaid must come from the site, not a CDN"
