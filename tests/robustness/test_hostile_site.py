"""Hostile sources through the whole pipeline: real extraction, real MkDocs, the built HTML, a real browser.

One project (tests/robustness/hostile_project.py) puts every payload of
xss_corpus.txt in a source's title, body, front matter, HTML page and file
name, and is built once by `briefing build`. Its site is compared with the
sample site built from a harmless article: the hostile text may change words,
never the kinds of elements, attributes, scripts or link targets.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings

from generator.escape import plain
from tests.robustness.helpers import CHROMIUM, HERE, make_project, run_build
from tests.robustness.hostile_project import BODY, CORPUS, ODD_NAME, TITLE, hostile_text, make_hostile_project

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile-site")]

ROOT = HERE.parents[1]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "srcset", "xlink:href",
                  "cite", "longdesc", "manifest", "ping"}
# Attributes whose value is text shown or read out (escaped by the parser), never a URL or markup.
TEXT_ATTRIBUTES = {"content", "title", "aria-label", "alt", "value", "placeholder"}
# Elements the templates write only in some briefings (resolved questions, quotes...), beyond the sample site's.
TEMPLATE_ELEMENTS = {"del", "small", "ol", "blockquote", "br", "strong"}
SEARCH_INDEX_ELEMENTS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
# Text in an attribute value that only a payload can bring.
PAYLOAD_MARKS = re.compile(r"alert|onerror|onload|onmouseover|javascript|xss\.example|<|>|\"", re.IGNORECASE)
SLUG_LIKE = re.compile(r"[\w./#:%-]*", re.UNICODE)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = make_hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    run = run_build(project)
    assert run.code == 0, run.stderr
    return project


def html_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def hostile_pages(hostile):
    return html_pages(hostile / "site")


@pytest.fixture(scope="module")
def sample_pages(built_seed):
    return html_pages(built_seed / "site")


def elements(pages: dict[str, BeautifulSoup]):
    for path, soup in pages.items():
        for element in soup.find_all(True):
            yield path, element


def attribute_items(element):
    for name, value in element.attrs.items():
        yield name, " ".join(value) if isinstance(value, list) else value


def test_no_element_kind_appears_that_the_sample_site_lacks(hostile_pages, sample_pages):
    sample = {element.name for _, element in elements(sample_pages)}
    hostile = {element.name for _, element in elements(hostile_pages)}
    assert hostile - sample - TEMPLATE_ELEMENTS == set()


def test_no_attribute_kind_appears_that_the_sample_site_lacks(hostile_pages, sample_pages):
    sample = {(e.name, name) for _, e in elements(sample_pages) for name, _ in attribute_items(e)}
    hostile = {(e.name, name) for _, e in elements(hostile_pages) for name, _ in attribute_items(e)}
    assert hostile - sample == set()
    assert not [name for _, name in hostile if name.startswith("on")], "an event handler attribute"


def test_no_class_appears_that_the_sample_site_lacks(hostile_pages, sample_pages):
    """Catches markup made of allowed elements: an admonition (div.admonition.danger), an attr_list class."""
    def classes(pages):
        return {(e.name, " ".join(e["class"])) for _, e in elements(pages) if e.get("class")}

    new = {(name, value) for name, value in classes(hostile_pages) - classes(sample_pages)
           if not re.fullmatch(r"kind kind-\w+", value)}  # actor kinds the sample article may not have
    assert new == set()


def test_scripts_are_exactly_the_themes(hostile_pages, sample_pages):
    def scripts(pages):
        return {(s.get("src"), s.get("type"), s.string or "") for _, s in elements(pages) if s.name == "script"}

    assert scripts(hostile_pages) <= scripts(sample_pages)


def test_link_targets_are_relative_or_known_http_hosts(hostile_pages, sample_pages):
    def hosts(pages):
        found = set()
        for _, element in elements(pages):
            for name, value in attribute_items(element):
                if name in URL_ATTRIBUTES:
                    parts = urlsplit(value.strip())
                    found.add((parts.scheme.lower(), parts.netloc.lower()) if parts.scheme else ("", ""))
        return found

    assert hosts(hostile_pages) <= hosts(sample_pages) | {("", "")}
    assert all(scheme in ("", "http", "https") for scheme, _ in hosts(hostile_pages))


def test_payload_text_in_attributes_is_only_text_or_a_slug(hostile_pages):
    """A payload's words may reach an attribute as escaped text (meta content) or as a slug (ids, anchors)."""
    for path, element in elements(hostile_pages):
        for name, value in attribute_items(element):
            if name in TEXT_ATTRIBUTES or not PAYLOAD_MARKS.search(value):
                continue
            assert SLUG_LIKE.fullmatch(value), f"{path}: <{element.name} {name}={value!r}>"
            assert not re.search(r"(?i)(javascript|data|vbscript):", value), f"{path}: {value!r}"


def source_page(hostile: Path, title: str) -> BeautifulSoup:
    """The built text page of the source titled `title` (slugs depend on the other sources' names)."""
    for page in sorted((hostile / "site" / "documents").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if heading(soup) == title:
            return soup
    raise AssertionError(f"no source page titled {title!r}")


def heading(soup: BeautifulSoup) -> str:
    return soup.h1.get_text().replace("¶", "").strip()


def test_page_titles_and_meta_show_the_source_title_as_text(hostile):
    """Material prints page.meta.title raw into <title>, og:title and the header: it must be text there."""
    title = "<script>alert('front')</script> {% raw %}{{ config }}{% endraw %} <!-- x -->"
    soup = source_page(hostile, title)
    assert soup.title.string == f"{title} - Briefings"
    assert soup.find("meta", property="og:title")["content"] == title
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == title
    assert heading(soup) == title


def test_every_payload_shows_as_text_on_its_source_page(hostile):
    soup = source_page(hostile, plain(TITLE))
    # Compared without spaces: the glued-word repair (ingest/repair.py) may split "endfor" into "end for".
    shown = {"".join(p.get_text().split()) for p in soup.select("p.source-paragraph")}
    missing = [payload for payload in CORPUS if "".join(plain(payload).split()) not in shown]
    assert missing == []


def test_template_syntax_in_sources_is_never_evaluated(hostile):
    soup = source_page(hostile, plain(TITLE))
    text = str(soup)
    shown = {" ".join(p.get_text().split()) for p in soup.select("p.source-paragraph")}
    assert "{{ config.site_name }}{{ 7*7 }}" in shown
    assert "{{ ''.__class__.__mro__[1].__subclasses__() }}" in shown
    assert "Briefings49" not in text and "<class 'object'>" not in text


def test_search_index_holds_only_plain_text_markup(hostile):
    index = json.loads((hostile / "site/search/search_index.json").read_text(encoding="utf-8"))
    assert any("alert" in entry["text"] or "alert" in entry["title"] for entry in index["docs"]), \
        "the hostile text did not reach the search index: this test would prove nothing"
    for entry in index["docs"]:
        for field in ("title", "text"):
            for element in BeautifulSoup(entry[field], "html.parser").find_all(True):
                assert element.name in SEARCH_INDEX_ELEMENTS and not element.attrs, (entry["location"], element)
        for tag in entry.get("tags", []):
            assert not re.search(r"[<>\"]", tag), tag


def test_mermaid_diagrams_hold_only_plain_labels(hostile_pages):
    diagrams = [pre.get_text() for _, pre in elements(hostile_pages) if pre.name == "pre" and "mermaid" in
                (pre.get("class") or [])]
    for diagram in diagrams:
        lines = diagram.strip().splitlines()
        assert lines[0] == "graph LR"
        for line in lines[1:]:
            assert re.fullmatch(r'  n\d+\["(?:[\w .,\'’()/-]+|\?)"\]|  n\d+ (---|-->\|backs\|) n\d+', line), line


def test_titles_and_file_names_make_safe_paths_inside_the_project(hostile):
    """'../../etc/passwd', 'CON' and a file name full of markup become plain slugs under content/ and site/."""
    content = hostile / "content"
    for folder in ("briefings", "documents", "actors"):
        for path in (content / folder).iterdir():
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", path.name), path
            assert path.stem not in ("con", "prn", "aux", "nul"), path
    assert (content / "briefings" / "etc-passwd.md").is_file()
    assert (content / "documents" / "con-1.md").is_file()
    assert (content / "documents" / "img-src-x-onerror-alert-name.md").is_file()
    assert sorted(p.name for p in hostile.iterdir()) == [".cache", "content", "mkdocs.yml", "site", "templates"]
    for path in (hostile / "site").rglob("*"):
        assert hostile / "site" in path.resolve().parents or path.is_symlink(), path


def test_the_hostile_file_name_is_escaped_in_front_matter(hostile):
    page = next((hostile / "content" / "briefings").glob("*.md")).read_text(encoding="utf-8")
    pages = "".join(p.read_text(encoding="utf-8") for p in (hostile / "content" / "briefings").glob("*.md"))
    assert "content/sources/&quot;&gt;&lt;img src=x onerror=alert(&#x27;name&#x27;)&gt;.txt" in pages
    assert ODD_NAME not in pages and page


# --- in a browser ----------------------------------------------------------------------


def run_probe(site: Path, *args: str) -> dict:
    """tests/robustness/browser_probe.py in its own process (see there why)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests use Debian's chromium (run `make browser`)")
    done = subprocess.run([sys.executable, "-m", "tests.robustness.browser_probe", str(site), *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.browser
def test_no_payload_runs_in_the_browser(hostile):
    """Every page that shows source text: home, actors, each briefing and each source page."""
    site = hostile / "site"
    paths = ["", "actors/"] + [f"{folder}/{page.name}/" for folder in ("briefings", "documents")
                               for page in sorted((site / folder).iterdir()) if (page / "index.html").is_file()]
    assert len(paths) >= 8
    report = run_probe(site, *paths)
    assert report["pages"] == {path: {"dialogs": [], "injected": []} for path in paths}
    assert not [url for url in report["outside"] if "xss.example" in url]


@pytest.mark.browser
def test_search_results_show_payloads_as_text(hostile):
    """Material's search renders the index as HTML: the payloads must show in the results, inert.

    The query is a word next to the payloads: Lunr splits on spaces, and each payload
    sits in a quote "... is the answer" that the extractors turn into a position."""
    briefing = next(page.name for page in sorted((hostile / "site" / "briefings").iterdir())
                    if "is the answer" in (page / "index.html").read_text(encoding="utf-8"))
    report = run_probe(hostile / "site", "--search", "answer", "--search-on", f"briefings/{briefing}/")
    assert "<script>alert('XSS')</script> is the answer" in report["search"]["text"]
    assert report["search"]["dialogs"] == [] and report["search"]["injected"] == []


# --- arbitrary text, whole pipeline ----------------------------------------------------------


def inert_site_problems(pages: dict[str, BeautifulSoup], sample: dict[str, BeautifulSoup]) -> list[str]:
    """What a site has that the sample site lacks: kinds of elements, attributes, classes, scripts, hosts."""
    def shape(pages):
        kinds, classes, scripts, hosts = set(), set(), set(), set()
        for _, element in elements(pages):
            kinds.add(element.name)
            for name, value in attribute_items(element):
                kinds.add(f"{element.name}[{name}]")
                if name == "class" and not re.fullmatch(r"kind kind-\w+", value):
                    classes.add(f"{element.name}.{value}")
                if name in URL_ATTRIBUTES:
                    parts = urlsplit(value.strip())
                    hosts.add(f"{parts.scheme}://{parts.netloc}" if parts.scheme else "relative")
            if element.name == "script":
                scripts.add((element.get("src"), element.string or ""))
        return kinds - TEMPLATE_ELEMENTS, classes, scripts, hosts

    found, allowed = shape(pages), shape(sample)
    return [f"{item}" for mine, theirs in zip(found, allowed) for item in mine - theirs if item != "relative"]


@given(text=hostile_text)
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
def test_arbitrary_text_in_a_source_builds_an_inert_site(text, sample_pages, tmp_path_factory):
    """A few whole builds (the render-level property test in test_escape.py runs many more examples)."""
    from generator.build import build

    line = " ".join(text.split()) or "x"
    front = yaml.safe_dump({"title": text, "publisher": text, "author": text, "url": text}, allow_unicode=True)
    project = make_project(tmp_path_factory.mktemp("arbitrary") / "project", {
        "arbitrary.md": f"---\n{front}---\n\n{line}\n\n{BODY}\n\n"
                        f"Vladimir Putin said: “{line},” according to Reuters.\n",
        "arbitrary.txt": f"{line}\n\n{BODY}\n\nThe minister said “{line}” on Tuesday, officials said.\n",
    })
    result = build(project, workers=1)
    assert not [o for o in result.outcomes if o.status == "failed" and o.error.code == "E120"], result.messages
    assert inert_site_problems(html_pages(project / "site"), sample_pages) == []
