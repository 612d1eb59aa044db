"""Open questions: found from the text's own signals and asked as real questions.

Every article here is written for the test; one integration test reads the seed.
"""
from __future__ import annotations

import re

import pytest

from generator.extract.cast import Cast
from generator.extract.questions import MAX_QUESTIONS, find_open_questions
from tests.conftest import ROOT, SEED
from tests.extract.test_attribution import cast_of

NO_CAST = Cast(actors=(), mentions=())


def asked(make_article, body: str, *actors) -> list[str]:
    article = make_article(body)
    cast = cast_of(article, *actors) if actors else NO_CAST
    return [question.question for question in find_open_questions(article, cast)]


@pytest.mark.parametrize(("body", "question"), [
    # hedge and negation removed
    ("The council probably does not have the money to rebuild the bridge.",
     "Does the council have the money to rebuild the bridge?"),
    ("Ostavia may have planned the attack for months.", "Did Ostavia plan the attack for months?"),
    # pending events
    ("The regional parliament is expected to vote on the budget on Friday.",
     "Will the regional parliament vote on the budget on Friday?"),
    ("A United Nations inspection team is expected to arrive in the port city on Friday.",
     "What will the United Nations inspection team find?"),
    ("Velmar plans to take the dispute to the regional court.", "Will Velmar take the dispute to the regional court?"),
    # explicit wondering, reported in the past
    ("Many residents wondered how the new dam would affect the river.", "How will the new dam affect the river?"),
    ("The two parties are trading blame for who is responsible for the blackout.",
     "Who is responsible for the blackout?"),
    ("Whether the steel plant will reopen remains unclear.", "Will the steel plant reopen?"),
    ("Investigators could not determine if the pilot had switched off the engine.",
     "Did the pilot switch off the engine?"),
    # refusal, reluctance, requests
    ("Velmar refuses to send engineers to the dam.", "Will Velmar send engineers to the dam?"),
    ("Neighbouring states are reluctant to get involved.", "Will neighbouring states get involved?"),
    ("Norland urged Velmar to reopen the border.", "Will Velmar reopen the border?"),
    # disputes
    ("Norland accused Velmar of poisoning the river, a charge Velmar denies.", "Did Velmar poison the river?"),
    ("The army has declared a truce, but the villagers report that the shelling continues.",
     "Does the shelling continue?"),
])
def test_signal_becomes_a_question(make_article, body, question):
    assert asked(make_article, body) == [question]


def test_condition_asks_about_the_person_the_pronoun_stands_for(make_article):
    body = "Marta Kovacs risks losing her seat if she does not call an early election."
    assert "Will Marta Kovacs call an early election?" in asked(make_article, body, ("person", "Marta Kovacs"))


def test_text_that_asks_its_own_question(make_article):
    body = "The plan leaves much open. Who will pay for the new pipeline?"
    assert asked(make_article, body) == ["Who will pay for the new pipeline?"]


def test_question_put_to_someone_names_them(make_article):
    body = "Piet Alder was asked, \u201cWill you stand for election again?\u201d He smiled."
    assert asked(make_article, body, ("person", "Piet Alder")) == ["Will Piet Alder stand for election again?"]


def test_plain_statement_asks_nothing(make_article):
    assert asked(make_article, "The bridge opened in 1990. It carries four lanes of traffic.") == []


def test_near_duplicates_merge_and_keep_all_evidence(make_article):
    body = ("Norland urged Velmar to reopen the border.\n\n"
            "The harbour was closed for a week.\n\n"
            "Ostavia also called on Velmar to reopen the border crossing.")
    article = make_article(body)
    [question] = find_open_questions(article, NO_CAST)
    assert question.question == "Will Velmar reopen the border?"
    assert [evidence.paragraph for evidence in question.evidence] == [1, 3]


def test_questions_are_never_copied_sentences(make_article):
    body = ("The regional government probably does not have the votes to pass the budget. "
            "The finance minister is expected to present a new plan on Monday. "
            "Unions refuse to accept any cuts to pensions.")
    article = make_article(body)
    sentences = {" ".join(s.text.split()).rstrip(".") for s in article.sentences}
    questions = find_open_questions(article, NO_CAST)
    assert len(questions) == 3
    for question in questions:
        assert question.question.endswith("?") and question.question[:-1] not in sentences
        assert question.evidence


def test_at_most_max_questions_ranked_by_strength(make_article):
    clauses = [f"Team {name} may win the {cup} cup." for name, cup in
               zip("ABCDEFGHIJ", ["spring", "summer", "autumn", "winter", "city", "county", "state", "league",
                                  "youth", "veterans"])]
    body = " ".join(clauses) + " Many fans wondered how the final would end."
    questions = find_open_questions(make_article(body), NO_CAST)
    assert len(questions) == MAX_QUESTIONS
    assert questions[0].question == "How will the final end?"
    assert [q.score for q in questions] == sorted((q.score for q in questions), reverse=True)


def test_ids_are_stable_and_unique(make_article):
    body = "Velmar refuses to send engineers. Norland urged Ostavia to reopen the border."
    first = find_open_questions(make_article(body), NO_CAST)
    again = find_open_questions(make_article(body), NO_CAST)
    assert [q.id for q in first] == [q.id for q in again]
    assert len({q.id for q in first}) == len(first) == 2


def test_seed_questions():
    from generator.extract.run import extract_files

    [extraction], errors = extract_files([SEED], ROOT)
    assert not errors
    questions = extraction.open_questions
    assert 3 <= len(questions) <= MAX_QUESTIONS
    text = " ".join(" ".join(extraction.source.paragraphs).split())
    for question in questions:
        assert re.fullmatch(r"[A-Z][^?]+\?", question.question)
        assert question.question[:-1] not in text  # asked, not copied
        assert question.evidence and all(" ".join(e.text.split()) in text for e in question.evidence)
    asked_texts = [q.question for q in questions]
    assert "Who is responsible for starting the dispute?" in asked_texts
    assert any(q.startswith("Will Kazakhstan help Armenia") for q in asked_texts)
