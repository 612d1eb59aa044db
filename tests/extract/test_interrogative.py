"""Question phrasing: clauses of sentences written for these tests, asked as questions."""
from __future__ import annotations

import pytest

from generator.extract.interrogative import Phrasing, as_question, base_form, is_plural, render


def root(make_article, text):
    article = make_article(text)
    return article.doc[:].root


def word(make_article, text, target):
    article = make_article(text)
    return next(token for token in article.doc if token.text == target)


@pytest.mark.parametrize(("text", "phrasing", "question"), [
    ("The council probably does not have the money to rebuild the bridge.",
     Phrasing(hedges=frozenset({"probably"})), "Does the council have the money to rebuild the bridge?"),
    ("The union may have planned the strike for months.", Phrasing(),
     "Did the union plan the strike for months?"),
    ("The governor will not sign the budget.", Phrasing(), "Will the governor sign the budget?"),
    ("The ferry was late again.", Phrasing(), "Was the ferry late again?"),
    ("The rebels have seized the airport.", Phrasing(), "Have the rebels seized the airport?"),
    ("Both unions backed the strike.", Phrasing(), "Did both unions back the strike?"),
    ("The mayor might resign and leave the city.", Phrasing(), "Will the mayor resign and leave the city?"),
])
def test_subject_and_auxiliary_swap(make_article, text, phrasing, question):
    assert as_question(root(make_article, text), phrasing) == question


def test_reported_clause_comes_forward(make_article):
    verb = word(make_article, "Residents asked whether the new dam would flood the valley.", "flood")
    whether = verb.doc[verb.i - 5]
    assert as_question(verb, Phrasing(forward=True, dropped=frozenset({whether.i}))) == \
        "Will the new dam flood the valley?"


def test_embedded_question_word_leads(make_article):
    verb = word(make_article, "Residents wondered how the new dam would affect the river.", "affect")
    how = verb.doc[verb.i - 5]
    assert as_question(verb, Phrasing(forward=True, wh=how, dropped=frozenset({how.i}))) == \
        "How will the new dam affect the river?"


def test_past_perfect_of_reported_speech_becomes_simple_past(make_article):
    verb = word(make_article, "It is unclear why the driver had left the road.", "left")
    why = verb.doc[verb.i - 4]
    assert as_question(verb, Phrasing(forward=True, wh=why, dropped=frozenset({why.i}))) == \
        "Why did the driver leave the road?"


def test_question_word_as_subject_keeps_the_order(make_article):
    verb = word(make_article, "They are arguing over who is responsible for the blackout.", "is")
    who = verb.doc[verb.i - 1]
    assert as_question(verb, Phrasing(wh=who, dropped=frozenset({who.i}))) == "Who is responsible for the blackout?"


def test_future_of_a_passive_keeps_be(make_article):
    verb = word(make_article, "The talks could collapse if the ceasefire is ever broken.", "broken")
    assert as_question(verb, Phrasing(future=True, dropped=frozenset({verb.i - 4}))) == \
        "Will the ceasefire ever be broken?"


def test_borrowed_subject_and_infinitive(make_article):
    verb = word(make_article, "Norland urged Ostavia to reopen the border crossing.", "reopen")
    assert as_question(verb, Phrasing(future=True, subject="Ostavia")) == "Will Ostavia reopen the border crossing?"


def test_long_question_loses_trailing_phrases(make_article):
    verb = root(make_article, "The deal could open the way to talks between the two governments in the capital "
                              "over the disputed border region after years of war and broken promises.")
    question = as_question(verb)
    assert question.startswith("Could the deal open the way to talks between the two governments")
    assert len(question.split()) <= 20 and question.endswith("?")


def test_aside_between_dashes_is_left_out(make_article):
    verb = root(make_article, "The new council - which has often opposed the plan - may approve the budget.")
    assert as_question(verb) == "Will the new council approve the budget?"


def test_no_subject_no_question(make_article):
    assert as_question(root(make_article, "Leave the building now.")) is None


def test_render_keeps_spacing_across_gaps(make_article):
    article = make_article("The plan (a draft) was sent, reportedly, to Norland.")
    tokens = [t for t in article.doc if t.text not in ("(", "a", "draft", ")")]
    assert render(tokens) == "The plan was sent, reportedly, to Norland."


def test_base_form_of_a_verb(make_article):
    article = make_article("The rebels staged a raid, planned another and are hoping for more.")
    forms = {token.text: base_form(token) for token in article.doc if token.pos_ == "VERB"}
    assert forms == {"staged": "stage", "planned": "plan", "hoping": "hope"}


def test_subject_agreement(make_article):
    emirates = word(make_article, "The United Arab Emirates signed the deal.", "Emirates")
    groups = word(make_article, "Norland-based groups signed the deal.", "groups")
    both = word(make_article, "Norland and Velmar signed the deal.", "Norland")
    assert not is_plural(emirates) and is_plural(groups) and is_plural(both)


def test_who_the_gunmen_were_stays_in_the_past(make_article):
    verb = word(make_article, "It was not clear who the gunmen were.", "were")
    who = verb.doc[verb.i - 3]
    assert as_question(verb, Phrasing(forward=True, wh=who, dropped=frozenset({who.i}))) == "Who were the gunmen?"


def test_copula_without_a_predicate_is_no_question(make_article):
    verb = word(make_article, "It was not clear who the gunmen were.", "were")
    who = verb.doc[verb.i - 3]
    assert as_question(verb, Phrasing(dropped=frozenset({who.i}))) is None  # "Were the gunmen?"


def test_relative_word_in_the_subject_is_no_question(make_article):
    verb = word(make_article, "The council, whose members are due to meet next month, voted.", "are")
    assert as_question(verb) is None


def test_trailing_conjunction_is_dropped(make_article):
    verb = word(make_article, "The budget will be ready before the summit of leaders, and that worries them.",
                "be")
    assert as_question(verb) == "Will the budget be ready before the summit of leaders?"
