"""`briefing snippet SLUG --format md|html|text`, run through the CLI on the built sample project.

Every deep link must land on an element of the built briefing page; the HTML is
for email, so it may style with inline `style` attributes only.
"""
from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from markdown_it import MarkdownIt

from generator.cli import cli
from generator.model import Position
from generator.snippet import top_positions, two_sentences

pytestmark = pytest.mark.xdist_group("seed_site")

SITE_URL = "https://briefings.example.org/"  # mkdocs.yml's site_url, which make_project copies
FORMATS = ("md", "html", "text")


def run_snippet(folder, slug: str, output_format: str):
    return CliRunner().invoke(cli, ["snippet", slug, "--project", str(folder), "--format", output_format])


@pytest.fixture(scope="module")
def seed(seed_site):
    folder, result = seed_site
    [briefing] = result.assembled.briefings
    page = BeautifulSoup((folder / "site" / "briefings" / briefing.slug / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    return folder, briefing, page


@pytest.fixture(scope="module")
def snippets(seed) -> dict[str, str]:
    folder, briefing, _ = seed
    outputs = {}
    for output_format in FORMATS:
        run = run_snippet(folder, briefing.slug, output_format)
        assert run.exit_code == 0, run.output
        outputs[output_format] = run.output
    return outputs


def links_of(output_format: str, text: str) -> list[tuple[str, str]]:
    """(link text, URL) of every link, read as a mail client or a Markdown renderer would."""
    if output_format == "text":
        title, url = text.splitlines()[:2]
        return [(title, url), *re.findall(r"^- (.*?) <(https?://[^>]+)>$", text, flags=re.M)]
    html = MarkdownIt("commonmark").render(text) if output_format == "md" else text
    return [(a.get_text(), a["href"]) for a in BeautifulSoup(html, "html.parser").find_all("a")]


@pytest.mark.parametrize("output_format", FORMATS)
def test_snippet_deep_links_land_on_elements_of_the_built_page(seed, snippets, output_format):
    _, briefing, page = seed
    url = f"{SITE_URL}briefings/{briefing.slug}/"
    links = links_of(output_format, snippets[output_format])
    assert url in [href for _, href in links]
    fragments = [urlsplit(href).fragment for _, href in links if urlsplit(href).fragment]
    assert fragments, "the snippet has no deep link"
    assert all(href.split("#")[0] == url for _, href in links), links
    missing = [fragment for fragment in fragments if page.find(id=fragment) is None]
    assert missing == []
    assert all(re.match(r"^(stance|question)-", fragment) for fragment in fragments), fragments


def test_snippet_formats_carry_the_same_links(snippets):
    urls = {output_format: sorted(href for _, href in links_of(output_format, text))
            for output_format, text in snippets.items()}
    assert urls["md"] == urls["html"] == urls["text"]


def test_snippet_markdown_opens_with_the_linked_title_and_summary(seed, snippets):
    _, briefing, _ = seed
    html = BeautifulSoup(MarkdownIt("commonmark").render(snippets["md"]), "html.parser")
    heading = html.find("h3")
    assert (heading.get_text(), heading.a["href"]) == (briefing.title, f"{SITE_URL}briefings/{briefing.slug}/")
    assert html.find("p").get_text() == two_sentences(briefing.summary)


def test_snippet_positions_read_actor_colon_space_stance_in_every_format(snippets):
    def position_items(html: str) -> list[str]:
        return [li.get_text() for li in BeautifulSoup(html, "html.parser").find_all("li")
                if li.a is not None and "#stance-" in li.a["href"]]

    items = {"md": position_items(MarkdownIt("commonmark").render(snippets["md"])),
             "html": position_items(snippets["html"]),
             "text": [line[2:] for line in snippets["text"].splitlines() if "#stance-" in line]}
    for output_format, lines in items.items():
        assert lines, output_format
        assert all(re.match(r"[^:]+: \S", line) for line in lines), (output_format, lines)


def test_snippet_html_uses_only_inline_styles(snippets):
    soup = BeautifulSoup(snippets["html"], "html.parser")
    assert soup.find_all(["style", "script", "link", "meta", "img", "iframe"]) == []
    elements = soup.find_all(True)
    assert {element.name for element in elements} <= {"div", "h2", "p", "ul", "li", "a"}
    assert [e.name for e in elements if set(e.attrs) - {"style", "href"}] == [], "only style and href attributes"
    assert all(element.get("style") for element in elements), "every element is styled inline"
    assert all(a["href"].startswith(SITE_URL) for a in soup.find_all("a"))


def test_snippet_text_is_title_url_then_summary(seed, snippets):
    _, briefing, _ = seed
    lines = snippets["text"].splitlines()
    assert lines[:4] == [briefing.title, f"{SITE_URL}briefings/{briefing.slug}/", "", two_sentences(briefing.summary)]
    assert "<" not in "".join(line for line in lines if not line.startswith("- "))


def test_snippet_unknown_slug_names_the_briefings(seed):
    folder, briefing, _ = seed
    run = run_snippet(folder, "no-such-briefing", "md")
    assert run.exit_code == 1
    assert run.output == f"Error: no briefing 'no-such-briefing'. Briefings: {briefing.slug}\n"


@pytest.fixture(scope="module")
def edited_project(seed, tmp_path_factory):
    """The sample project after an editor gave the briefing a new slug and a title full of markup (not rebuilt)."""
    folder, briefing, _ = seed
    copy = shutil.copytree(folder, tmp_path_factory.mktemp("snippet") / "project", symlinks=True)
    (copy / "content" / "briefings" / f"{briefing.slug}.edits.yml").write_text(
        "title: 'Tom & Jerry <script>alert(1)</script> *not em* [x](http://evil.example)'\nslug: renamed-story\n",
        encoding="utf-8")
    return copy, briefing.slug


def test_snippet_former_slug_finds_the_renamed_briefing(edited_project):
    folder, old_slug = edited_project
    run = run_snippet(folder, old_slug, "text")
    assert run.exit_code == 0, run.output
    assert run.output.splitlines()[1] == f"{SITE_URL}briefings/renamed-story/"


@pytest.mark.parametrize("output_format", FORMATS)
def test_snippet_title_markup_stays_text(edited_project, output_format):
    folder, _ = edited_project
    run = run_snippet(folder, "renamed-story", output_format)
    assert run.exit_code == 0, run.output
    title = "Tom & Jerry <script>alert(1)</script> *not em* [x](http://evil.example)"
    if output_format == "text":
        assert run.output.splitlines()[0] == title
        return
    html = MarkdownIt("commonmark").render(run.output) if output_format == "md" else run.output
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(["h2", "h3"]).get_text() == title
    assert soup.find_all(["script", "em"]) == []
    assert [a["href"] for a in soup.find_all("a") if "evil" in a["href"]] == []


def test_snippet_top_positions_take_one_per_actor_before_a_second_from_anyone():
    positions = tuple(Position(id=f"{actor}-{n}", actor=actor, speaker=None, stance=f"{actor} {n}")
                      for actor, n in (("ruritania", 1), ("ruritania", 2), ("ruritania", 3), ("freedonia", 1),
                                       ("sylvania", 1), ("freedonia", 2)))
    assert [p.id for p in top_positions(positions, 4)] == ["ruritania-1", "freedonia-1", "sylvania-1", "ruritania-2"]
