"""The briefing page the templates write, read back as MkDocs reads it."""
from __future__ import annotations

from bs4 import BeautifulSoup

from generator.model import Actor, Briefing, Evidence, Position, Source
from generator.render import render_site_pages
from tests.robustness.test_escape import to_html

SENTENCE = "Ruritania’s foreign minister said the border “must be respected”."


def _source(name: str) -> Source:
    return Source(path=f"content/sources/{name}.txt", slug=name, digest=name * 8, title=f"Report {name}",
                  paragraphs=("Lead.", SENTENCE), format="text")


def test_a_sentence_given_by_two_sources_is_quoted_once_and_linked_to_both():
    sources = (_source("wire"), _source("reprint"))
    evidence = tuple(Evidence(source=source.path, paragraph=2, text=SENTENCE) for source in sources)
    briefing = Briefing(
        slug="border", title="Border", summary="Summary.", sources=sources,
        actors=(Actor(id="ruritania", name="Ruritania", kind="state", mentions=2, salience=1.0),),
        positions=(Position(id="respect", actor="ruritania", speaker=None, stance="wants the border respected",
                            quote="must be respected", evidence=evidence),),
    )
    pages = render_site_pages((briefing,), project_templates=None)
    _, html = to_html(pages["briefings/border.md"])
    item = BeautifulSoup(html, "html.parser").find(id="stance-respect").find_parent("li")
    citations = [small for small in item.find_all("small") if "border" in small.get_text()]
    assert len(citations) == 1
    assert [a["href"] for a in citations[0].find_all("a")] == ["../documents/wire.md#p2", "../documents/reprint.md#p2"]
