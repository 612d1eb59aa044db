"""Open questions: found from the text's own signals and asked as real questions.

Every article here is written for the test; one integration test reads the seed.
"""
from __future__ import annotations

import re

import pytest

from generator.extract.cast import Cast
from generator.extract.questions import MAX_QUESTIONS, find_open_questions, well_formed
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
    ("Velmar declined to say when it would reopen the border.", "When will Velmar reopen the border?"),
    ("Officials in Norland blamed the explosion on separatist rebels, who denied any role.",
     "Were separatist rebels behind the explosion?"),
    ("Norland's president denounced a drone strike on a school in eastern Velmar, which his government blamed on "
     "Ostavia, a charge Ostavia denies.", "Was Ostavia behind a drone strike on a school in eastern Velmar?"),
])
def test_signal_becomes_a_question(make_article, body, question):
    assert asked(make_article, body) == [question]


@pytest.mark.parametrize(("body", "question"), [
    # "it was not (immediately) clear who/whether ...": who the gunmen were stays in the past
    ("It was not immediately clear who the gunmen were.", "Who were the gunmen?"),
    ("It was not clear whether the committee would meet before the deadline.",
     "Will the committee meet before the deadline?"),
    # "the question is whether ...", "it remains unclear / to be seen whether ..."
    ("The question is whether the two unions are willing to accept the offer.",
     "Are the two unions willing to accept the offer?"),
    ("It remains to be seen whether the ferry service will resume in spring.",
     "Will the ferry service resume in spring?"),
    ("It remains unclear whether the mayor will sign the decree.", "Will the mayor sign the decree?"),
    # only a body whose purpose is finding things out is asked what it will find
    ("A commission of inquiry is expected to arrive in the port on Friday.",
     "What will the commission of inquiry find?"),
    ("Inspectors are due to visit the plant next week.", "What will inspectors find?"),
    ("A UN envoy is expected to arrive in the capital on Friday.", "Will the UN envoy arrive in the capital on Friday?"),
    # a conjunction whose second half was cut does not dangle at the end
    ("Officials said the new budget was unlikely to be ready before the autumn session of parliament, "
     "and that three ministries were seeking more time.",
     "Will the new budget be ready before the autumn session of parliament?"),
    # a summary aside (", a step the mayor declined to rule out") is no part of the question
    ("Officials said the council could consider closing the port, a step the mayor declined to rule out.",
     "Could the council consider closing the port?"),
    # a joined infinitive loses its "to"; "as quickly as ..." stays whole
    ("The union urged the company to explain why the plant had closed and to pay the missing wages.",
     "Will the company explain why the plant had closed and pay the missing wages?"),
    ("The union urged the company to reopen the plant as quickly as conditions allow.",
     "Will the company reopen the plant as quickly as conditions allow?"),
    # a condition on a wish asks about what must follow; "it" in a quote is not the speaker
    ("\u201cIf the league wants to survive, it must change its rules,\u201d the coach said.",
     "Will the league change its rules?"),
    # a question noun as the subject of any verb leaves the clause open
    ("Questions remain over what exactly caused the outage at the data centre.",
     "What caused the outage at the data centre?"),
    # a doubled article from the source is read once
    ("The council plans to present the dispute to the the regional court.",
     "Will the council present the dispute to the regional court?"),
])
def test_explicit_wording_becomes_a_question(make_article, body, question):
    assert asked(make_article, body) == [question]


@pytest.mark.parametrize("body", [
    "Both towns are members of the river council, whose delegates are due to meet next month.",
    "A Velmar government spokesperson declined to comment on the report.",
    "Velmar would not ask permission from anyone to build the dam.",
    "The transport minister announced that bus fares would fall by half in May.",
    "Kovacs said the complaint would be treated with great care.",
    "\u201cAn attacker might be directed towards our coast,\u201d the admiral said.",
])
def test_statements_that_leave_nothing_open_ask_nothing(make_article, body):
    """A relative clause, a "no comment", a request not made, an announced or promised future, the
    speaker's own "our": none is a question a reader could be given."""
    assert asked(make_article, body, ("state", "Velmar"), ("person", "Kovacs")) == []


def test_quoted_pledge_about_the_speakers_own_side_is_no_question(make_article):
    body = "\u201cNorland will never be anyone's servant,\u201d Norland's foreign minister said."
    assert asked(make_article, body, ("state", "Norland")) == []


def test_accused_deed_in_its_base_form(make_article):
    body = "Norland accused Velmar of staging a raid on the border post, a charge Velmar denies."
    assert asked(make_article, body, ("state", "Norland"), ("state", "Velmar")) == \
        ["Did Velmar stage a raid on the border post?"]


def test_blame_agrees_with_a_plural_subject(make_article):
    body = "Norland blamed Velmar-based militias for the blackout; Velmar denied any role."
    assert asked(make_article, body, ("state", "Norland"), ("state", "Velmar")) == \
        ["Were Velmar-based militias responsible for the blackout?"]


def test_it_after_a_spokesperson_is_the_body_not_the_person(make_article):
    body = ("A Norland government spokesperson said Norland remained committed to the talks but did not say "
            "whether it would lift the sanctions.")
    assert asked(make_article, body, ("state", "Norland")) == ["Will Norland lift the sanctions?"]


def test_object_pronoun_stands_for_the_actor_named_before_it(make_article):
    body = "Norland considers Ostavia part of its territory and has vowed it would never rule out using force to take it."
    assert asked(make_article, body, ("state", "Norland"), ("state", "Ostavia")) == \
        ["Will Norland rule out using force to take Ostavia?"]


def test_the_country_in_reported_speech_is_the_speakers_state(make_article):
    body = "Velmar defence minister Piet Alder said the country would keep the border closed until spring."
    assert asked(make_article, body, ("state", "Velmar"), ("person", "Piet Alder", "velmar")) == \
        ["Will Velmar keep the border closed until spring?"]


def test_subject_loses_an_apposition_left_open(make_article):
    body = "The regional envoy for Ostavia, Piet Alder is expected to brief the council next week."
    assert asked(make_article, body, ("state", "Ostavia"), ("person", "Piet Alder")) == \
        ["Will the regional envoy for Ostavia brief the council next week?"]


def test_denial_of_the_accusation_paragraphs_later_makes_a_dispute(make_article):
    body = ("Norland on Monday accused Velmar of diverting the river during the dry season.\n\n"
            "The river feeds three dams.\n\n"
            "Velmar's foreign ministry rejected the accusation, saying the dams were being repaired.")
    article = make_article(body)
    [question] = find_open_questions(article, cast_of(article, ("state", "Norland"), ("state", "Velmar")))
    assert question.question == "Did Velmar divert the river during the dry season?"
    assert [evidence.paragraph for evidence in question.evidence] == [1, 3]


def test_denial_of_involvement_answers_a_claim_in_the_paragraph_before(make_article):
    body = "Ostavia said armed men from Velmar had crossed the border at night.\n\nVelmar denied any involvement."
    article = make_article(body)
    [question] = find_open_questions(article, cast_of(article, ("state", "Ostavia"), ("state", "Velmar")))
    assert question.question == "Did armed men from Velmar cross the border at night?"
    assert [evidence.paragraph for evidence in question.evidence] == [1, 2]


def test_plain_claim_without_a_denial_asks_nothing(make_article):
    body = "Ostavia said armed men from Velmar had crossed the border at night.\n\nThe border is 40 km long."
    assert asked(make_article, body, ("state", "Ostavia"), ("state", "Velmar")) == []


@pytest.mark.parametrize("question", [
    "Will the budget be ready before the summit, and?",  # a conjunction left dangling
    "Will the talks move to?",  # a preposition without its object
    "Will whose ministers meet next month?",  # a question word inside the subject
    "Will it rain on Friday?",  # asks about someone it does not name
    "What does that mean?",
    "Will an attacker reach our coast?",  # the speaker's "our"
    "Will Norland?",  # too short to ask anything
    "Will state firm Velgaz Under the agreement, the line carry more gas?",  # a clause out of order
])
def test_quality_gate_rejects_malformed_questions(question):
    assert not well_formed(question)


@pytest.mark.parametrize("question", [
    "Will prices rise?", "Who were the gunmen?", "Will the US keep its base?",
    "Will the league change its rules?", "Are the two unions willing to accept the offer?",
    "Will the Amid Party win the vote?",  # a sentence opener inside a name
    "Will Under Secretary Ana Ruiz visit Velmar?",
])
def test_quality_gate_keeps_plain_questions(question):
    assert well_formed(question)


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


def test_a_question_noun_is_not_what_it_stands_for(make_article):
    questions = asked(make_article, "\u201cThe question is whether it will be enough,\u201d the analyst said.")
    assert not any(question.lower().startswith("will the question") for question in questions), questions


def test_a_name_put_for_a_pronoun_keeps_its_capitals(make_article):
    body = ("Defence Minister Henrik Olsen presented the plan on Monday. "
            "He declined to sign the request from Copenhagen.")
    assert asked(make_article, body, ("person", "Henrik Olsen"), ("state", "Copenhagen")) == [
        "Will Henrik Olsen sign the request from Copenhagen?"]


@pytest.mark.parametrize(("body", "question"), [
    ("Norland said in a statement that the delegations would return to the capital in the coming weeks. "
     "It gave no date.", "When will the delegations return to the capital?"),
    ("Velmar's envoy said the government would take appropriate measures in response. He did not elaborate.",
     "How will the government take appropriate measures in response?"),
    ("Norland said it would cut gas supplies to Velmar. It gave no reason.", "Why will Norland cut gas supplies to Velmar?"),
])
def test_a_detail_the_text_says_is_missing_is_asked_about(make_article, body, question):
    article = make_article(body)
    found = find_open_questions(article, cast_of(article, ("state", "Norland"), ("state", "Velmar")))
    assert [q.question for q in found] == [question]
    assert len(found[0].evidence) == 2
