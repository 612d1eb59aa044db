"""Open questions answered by a later source."""
from __future__ import annotations

from generator.assemble.resolve import answers, content_stems, find_resolved
from generator.model import Evidence, Extraction, OpenQuestion
from tests.conftest import make_source


def _question(text: str, source_path: str) -> OpenQuestion:
    return OpenQuestion(id="q", question=text, evidence=(Evidence(source=source_path, paragraph=1, text="..."),))


def test_resolve_later_plain_statement_answers_the_question():
    first = make_source("Ruritania may send troops to the border.", path="content/sources/a.txt",
                        published="2030-01-01")
    later = make_source("Officials met on Monday.\n\nRuritania sent troops to the border on Friday, officials said.",
                        path="content/sources/b.txt", published="2030-01-05")
    question = _question("Will Ruritania send troops to the border?", first.path)
    still_open, resolved = find_resolved((question,), [Extraction(source=first), Extraction(source=later)])
    assert still_open == ()
    [answered] = resolved
    assert answered.resolved_by == (Evidence(source="content/sources/b.txt", paragraph=2,
                                             text="Ruritania sent troops to the border on Friday, officials said."),)


def test_resolve_hedged_or_earlier_statements_do_not_answer():
    first = make_source("Ruritania may send troops.", path="content/sources/a.txt", published="2030-01-05")
    earlier = make_source("Ruritania sent troops to the border.", path="content/sources/b.txt", published="2030-01-01")
    hedged = make_source("Ruritania might send troops to the border soon.", path="content/sources/c.txt",
                         published="2030-01-09")
    question = _question("Will Ruritania send troops to the border?", first.path)
    still_open, resolved = find_resolved((question,), [Extraction(source=s) for s in (first, earlier, hedged)])
    assert (still_open, resolved) == ((question,), ())


def test_resolve_answers_needs_most_content_words():
    wanted = content_stems("Will the ceasefire between Ruritania and Freedonia hold?")
    assert answers(wanted, "The ceasefire between Ruritania and Freedonia held through the weekend.")
    assert not answers(wanted, "Ruritania held elections.")
    assert not answers(wanted, "Will the ceasefire between Ruritania and Freedonia hold?")
