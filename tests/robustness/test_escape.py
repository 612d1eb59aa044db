"""Source text can never become markup: the escape functions, and the rendered pages (property tests).

Render level, many examples (fast): a briefing whose every string field holds
the same arbitrary text T is rendered with the real templates, converted with
Python-Markdown and the Markdown extensions of mkdocs.yml (as MkDocs does), and
compared with the same briefing holding a neutral placeholder. The two HTML
trees must have the same elements, attributes and URLs; only the ids the table
of contents derives from a heading may differ, and those must be plain slugs.
The text itself must show, as text, where the template puts it.

The full pipeline (real sources, real MkDocs, real browser) is in test_hostile_site.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from mkdocs.utils.meta import get_data

from generator.escape import md_text, mermaid_label, meta_text, plain, safe_url
from generator.model import (
    Actor, Alliance, Briefing, Change, Evidence, OpenQuestion, Position, Source, TimelineEvent,
)
from generator.render import render_site_pages
from tests.robustness.helpers import HERE
from tests.robustness.hostile_project import CORPUS, hostile_text

ROOT = HERE.parents[1]
NEUTRAL = "Placeholder"
SOURCE_PATH = "content/sources/hostile.md"
SLUG = re.compile(r"[\w-]*", re.UNICODE)


# --- the escape functions ------------------------------------------------------------


@pytest.mark.parametrize(("value", "shown"), [
    ("!!! danger \"x\"", "&#33;!! danger \"x\""),
    ("??? note", "&#63;?? note"),
    ("1. item", "1&#46; item"),
    ("- item", "&#45; item"),
    (": definition", "&#58; definition"),
    ("/// block", "&#47;// block"),
    ("<b>x</b>", "&#60;b&#62;x&#60;/b&#62;"),
    ("{: .x }", "&#123;: .x &#125;"),
    ("a\x02wzxhzdk:0\x03b", "awzxhzdk:0b"),
    ("two\n\nparagraphs", "two paragraphs"),
])
def test_md_text_blocks_every_construct(value, shown):
    assert md_text(value) == shown


@pytest.mark.parametrize("value", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x",
    "http://", "http://a`b/", "http://a b/", "http://a<b/", "http://a\"b/", "http://a(b)/", "http://a*b/",
    "http://a{b}/", "http:///path", "mailto:a@b.c", "ftp://example.org/",
])
def test_safe_url_refuses_anything_but_plain_http(value):
    assert safe_url(value) is None


@pytest.mark.parametrize(("value", "url"), [
    ("https://example.org/a b", "https://example.org/a%20b"),
    ("https://example.org/x)[y](javascript:alert(1))", "https://example.org/x%29%5By%5D%28javascript:alert%281%29%29"),
    ("HTTPS://Example.org/p?q=<script>", "https://Example.org/p?q=%3Cscript%3E"),
    ("https://exämple.org/'quoted'", "https://exämple.org/%27quoted%27"),
])
def test_safe_url_keeps_http_links_inert(value, url):
    assert safe_url(value) == url


@given(hostile_text)
@settings(max_examples=300, deadline=None)
def test_meta_text_is_inert_in_any_html_context(text):
    value = meta_text(text)
    assert not re.search(r"[<>\"'\x00-\x1f]", value)
    assert re.fullmatch(r"(?:[^&]|&(?:amp|lt|gt|quot|#x27);)*", value)


@given(hostile_text)
@settings(max_examples=300, deadline=None)
def test_mermaid_label_keeps_only_plain_characters(text):
    label = mermaid_label(text)
    assert label == "?" or re.fullmatch(r"[\w .,'’()/-]{1,60}", label), label
    assert "\"" not in label and "`" not in label and ";" not in label and "#" not in label


# --- rendered pages ---------------------------------------------------------------------


def briefing_of(text: str) -> Briefing:
    """A briefing whose every string a source can reach holds `text` (ids stay fixed slugs)."""
    evidence = (Evidence(source=SOURCE_PATH, paragraph=1, text=text),)
    source = Source(path=SOURCE_PATH, slug="hostile", digest="0" * 64, title=text, paragraphs=(text, text),
                    format="markdown", publisher=text, url=text, published=text, author=text)
    actors = (
        Actor(id="actor-one", name=text, kind="person", aliases=(text,), role=text, affiliation="actor-two",
              mentions=3, salience=2.0, evidence=evidence),
        Actor(id="actor-two", name=text, kind="state", aliases=(text,), mentions=2, salience=1.0, evidence=evidence),
        Actor(id="actor-three", name=text, kind="media", mentions=1, evidence=evidence),
    )
    question = OpenQuestion(id="question-one", question=text, evidence=evidence, score=1.0)
    return Briefing(
        slug="hostile-briefing", title=text, summary=text, sources=(source,), actors=actors,
        alliances=(Alliance(id="alliance-one", name=text, group=None, members=("actor-one", "actor-two"),
                            relation="ally", evidence=evidence),),
        positions=(Position(id="position-one", actor="actor-two", speaker="actor-one", stance=text,
                            target="actor-two", quote=text, evidence=evidence, date=text),),
        open_questions=(question,),
        resolved_questions=(OpenQuestion(id="question-two", question=text, evidence=evidence,
                                         resolved_by=evidence),),
        timeline=(TimelineEvent(date=text, text=text, evidence=evidence),),
        published=text, updated=text, notes=(text,), pinned=frozenset({"actor-one"}),
        changes=(Change(date=text, sources=(SOURCE_PATH,)),
                 Change(date=text, sources=(SOURCE_PATH,), actors=("actor-one",), positions=("position-one",),
                        questions=("question-one",), resolved=("question-two",))),
        tags=(text,),
    )


@lru_cache(maxsize=1)
def markdown_settings() -> tuple[list, dict]:
    """The Markdown extensions and their settings from the repository's mkdocs.yml, as MkDocs reads them."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def to_html(page: str) -> tuple[dict, str]:
    """(front matter, body HTML) of a generated page, read the way MkDocs reads it."""
    body, meta = get_data(page)
    extensions, configs = markdown_settings()
    return meta, markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)


def site_pages(text: str) -> dict[str, tuple[dict, str]]:
    pages = render_site_pages((briefing_of(text),), project_templates=None, site_url="https://example.org/",
                              site_name="Briefings")
    return {path: to_html(page) for path, page in pages.items()}


def structure(html: str) -> list[tuple]:
    """Every element with its attributes; heading ids (derived from the text) must be slugs and are masked."""
    shape = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        attributes = []
        for name, value in sorted(element.attrs.items()):
            value = " ".join(value) if isinstance(value, list) else value
            if name == "id" and element.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                assert SLUG.fullmatch(value), f"heading id {value!r} is not a slug"
                value = "<slug>"
            elif name == "href" and value.startswith("#") and element.get("class") == ["headerlink"]:
                assert SLUG.fullmatch(value[1:]), f"permalink {value!r} is not a slug"
                value = "#<slug>"
            attributes.append((name, value))
        shape.append((element.name, tuple(attributes)))
    return shape


@lru_cache(maxsize=2)
def _neutral(text: str) -> dict[str, tuple[dict, str]]:
    return site_pages(text)


def neutral_pages(text: str) -> dict[str, tuple[dict, str]]:
    """The pages with a placeholder of the same kind: a word; or, for text that shows as nothing, a blank
    (which templates still test as true) or the empty string."""
    return _neutral(NEUTRAL if plain(text) else " " if text else "")


def visible(element) -> str:
    """Text of an element without the table of contents' permalink sign."""
    for link in element.select("a.headerlink"):
        link.decompose()
    return " ".join(element.get_text().split())


@given(hostile_text)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_rendered_pages_hold_the_text_only_as_text(text):
    """One property, three views of the same rendering (rendering is the slow part)."""
    pages = site_pages(text)
    assert_same_markup(pages, neutral_pages(text))
    assert_shown_as_text(pages, plain(text))
    assert_front_matter_escaped(pages, text)


def assert_same_markup(pages: dict, neutral: dict) -> None:
    """No element, attribute or URL comes from the text: the markup is the placeholder's."""
    assert pages.keys() == neutral.keys()
    for path, (meta, html) in pages.items():
        assert structure(html) == structure(neutral[path][1]), f"{path}: the text changed the page's markup"
        assert meta.keys() == neutral[path][0].keys(), f"{path}: the text changed the front matter's keys"


def assert_shown_as_text(pages: dict, shown: str) -> None:
    """The text reads back, character for character, where the templates put it."""
    soup = BeautifulSoup(pages["briefings/hostile-briefing.md"][1], "html.parser")
    assert visible(soup.h1) == shown
    if shown:
        assert visible(soup.find(id="summary").find_next_sibling("p")) == shown
    document = BeautifulSoup(pages["documents/hostile.md"][1], "html.parser")
    # Each paragraph keeps its element (and so its #pN anchor), even when it holds nothing.
    assert [visible(p) for p in document.select("p.source-paragraph")] == [shown, shown]


def assert_front_matter_escaped(pages: dict, text: str) -> None:
    """MkDocs reads the front matter back; the theme prints title and description raw into HTML."""
    for path, (meta, _) in pages.items():
        for key in ("title", "description"):
            if key in meta and path not in ("actors/index.md", "index.md"):
                assert meta[key] in (meta_text(text), meta_text(f"Positions and alliances of {text} across the "
                                                              "briefings")), (path, key, meta[key])
        for value in _strings(meta):
            assert not re.search(r"[<>\"']", value), (path, value)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("payload", CORPUS)
def test_every_corpus_payload_renders_inert(payload):
    pages = site_pages(payload)
    assert_same_markup(pages, neutral_pages(payload))
    assert_shown_as_text(pages, plain(payload))
    assert_front_matter_escaped(pages, payload)
    for path, (meta, html) in pages.items():
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find(["script", "img", "iframe", "object", "embed", "style", "svg", "math", "base", "meta",
                              "link", "form", "input", "details", "frameset", "frame", "noscript"])


def test_mermaid_diagram_has_only_plain_labels():
    """The diagram source is written with |safe: every label must be mermaid_label's output."""
    page = render_site_pages((briefing_of(CORPUS[0] + "\"]; click n0 href \"javascript:alert(1)\""),),
                             project_templates=None)["briefings/hostile-briefing.md"]
    diagram = page.split("``` mermaid\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert diagram[0] == "graph LR"
    for line in diagram[1:]:
        assert re.fullmatch(r'  n\d+\["(?:[\w .,\'’()/-]+|\?)"\]|  n\d+ (---|-->\|backs\|) n\d+', line), line


def test_yaml_front_matter_cannot_be_closed_early():
    page = render_site_pages((briefing_of("x\n---\ntitle: injected\n---\n<script>alert(1)</script>"),),
                             project_templates=None)["briefings/hostile-briefing.md"]
    front = page.split("\n---\n", 1)[0].removeprefix("---\n")
    data = yaml.safe_load(front)
    assert data["title"] == "x --- title: injected --- &lt;script&gt;alert(1)&lt;/script&gt;"
