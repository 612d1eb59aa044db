"""Positions: who wants what, in their words (sentences written for these tests, and the seed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.positions import find_positions
from generator.extract.stance import third_person
from tests.conftest import ROOT, SEED
from tests.extract.test_attribution import cast_of


def positions_in(make_article, body: str, *actors):
    article = make_article(body)
    return find_positions(article, cast_of(article, *actors))


def test_stance_verbs_become_one_present_tense_line(make_article):
    [position] = positions_in(
        make_article, "On Monday, Norland blamed Ostavia for the flooding and urged Velmar to help repair the dam.",
        ("state", "Norland"), ("state", "Ostavia"), ("state", "Velmar"))
    assert position.actor == "norland" and position.speaker is None
    assert position.stance == "blames Ostavia for the flooding; urges Velmar to help repair the dam"
    assert position.target == "ostavia"


def test_reported_speech_is_moved_forward(make_article):
    [position] = positions_in(make_article, "Interior minister Marta Kovacs said the bridge would reopen in May.",
                              ("person", "Marta Kovacs"))
    assert position.speaker == "marta-kovacs"
    assert position.stance == "says the bridge will reopen in May"


def test_a_doubled_article_of_the_source_is_not_repeated_in_the_stance(make_article):
    [position] = positions_in(make_article, "Norland plans to present the issue to the The United Nations.",
                              ("state", "Norland"))
    assert position.stance == "plans to present the issue to the United Nations"


@pytest.mark.parametrize(("body", "stance"), [
    ("Norland does not believe the talks will succeed.", "does not believe the talks will succeed"),
    ("Norland plans to buy an A-10 jet.", "plans to buy an A-10 jet"),
])
def test_a_negated_belief_is_a_position_and_words_stay_whole(make_article, body, stance):
    [position] = positions_in(make_article, body, ("state", "Norland"))
    assert position.stance == stance


def test_negated_stance_keeps_its_negation(make_article):
    [position] = positions_in(make_article, "Norland does not support the new border treaty.", ("state", "Norland"))
    assert position.stance == "does not support the new border treaty"


@pytest.mark.parametrize("body", [
    "Norland has not said whether it will fund the new pipeline.",
    "Norland's foreign ministry did not say when the border would reopen.",
    "Norland declined to say when it would hold the vote.",
    "Norland has refused to say whether it will fund the new pipeline.",
    "The Ostavia government says Norland will pay, but Norland has not confirmed that.",
])
def test_speech_held_back_is_no_position(make_article, body):
    assert positions_in(make_article, body, ("state", "Norland")) == ()


def test_the_speaker_after_a_dateline_holds_the_position(make_article):
    positions = positions_in(make_article, "DUBAI/ATHENS, March 10 (Reuters) - Yemen's Ostavia movement said on "
                                           "Tuesday it had attacked a bulk carrier.", ("group", "Ostavia movement"))
    assert [(p.actor, p.stance) for p in positions] == [("ostavia-movement", "says on Tuesday it has attacked a bulk "
                                                                              "carrier")]
    assert not positions[0].evidence[0].text.startswith("DUBAI")


def test_a_vote_is_a_stance(make_article):
    positions = positions_in(make_article, "Norland and Velmar voted against the resolution.",
                             ("state", "Norland"), ("state", "Velmar"))
    assert [(p.actor, p.stance) for p in positions] == [("norland", "votes against the resolution"),
                                                        ("velmar", "votes against the resolution")]


def test_a_description_given_in_apposition_names_the_speaker_later(make_article):
    body = ("A frigate of the Ostavia Patrol, the region's naval mission, rescued the crew, the mission said "
            "in a statement posted on X. Two sailors were treated for burns.")
    positions = positions_in(make_article, body, ("organization", "Ostavia Patrol"))
    assert [p.actor for p in positions] == ["ostavia-patrol"]
    assert "Two sailors" not in positions[0].evidence[0].text


def test_a_spokesperson_for_a_body_in_apposition_speaks_for_it(make_article):
    [position] = positions_in(make_article, "A spokesperson for Danish shipping group Maersk said the company "
                                            "would keep diverting ships.", ("organization", "Maersk"))
    assert position.actor == "maersk"


def test_quote_named_after_it_belongs_to_its_speaker(make_article):
    [position] = positions_in(make_article, "\u201cWe will not pay for the repairs,\u201d said Kovacs.",
                              ("person", "Kovacs"))
    assert position.speaker == "kovacs"
    assert position.quote == "We will not pay for the repairs"


def test_first_person_quote_becomes_the_stance(make_article):
    body = "Kovacs told reporters after the vote:\n\n\u201cWe condemn the attack on the convoy.\u201d"
    positions = positions_in(make_article, body, ("person", "Kovacs"))
    assert [p.stance for p in positions] == ["condemns the attack on the convoy"]


def test_quotes_over_several_paragraphs_merge_into_one_position(make_article):
    body = ("Kovacs said the city had run out of money.\n\n"
            "\u201cWe have asked the region for help.\n\n"
            "\u201cNobody has answered us yet,\u201d she added.")
    [position] = positions_in(make_article, body, ("person", "Kovacs"))
    assert [e.paragraph for e in position.evidence] == [1, 2, 3]
    assert "Nobody has answered us yet" in position.quote


def test_adjacent_statements_of_one_holder_merge(make_article):
    body = "Kovacs condemned the strike on the depot. She called on Norland to withdraw its troops."
    [position] = positions_in(make_article, body, ("person", "Kovacs"), ("state", "Norland"))
    assert position.stance == "condemns the strike on the depot; calls on Norland to withdraw its troops"
    assert len(position.evidence) == 2


def test_distant_statements_stay_apart(make_article):
    body = ("Kovacs condemned the strike on the depot.\n\n"
            "The depot burned for two days. Firefighters came from three towns. The road was closed.\n\n"
            "Kovacs later said the city would rebuild the depot.")
    positions = positions_in(make_article, body, ("person", "Kovacs"))
    assert len(positions) == 2


def test_spokesperson_speaks_for_the_body(make_article):
    [position] = positions_in(make_article, "Velmar government spokesman Piet Alder rejected the claims as false.",
                              ("state", "Velmar"), ("person", "Piet Alder"))
    assert (position.actor, position.speaker) == ("velmar", "piet-alder")
    assert position.stance == "rejects the claims as false"


def test_media_report_is_not_a_position(make_article):
    assert positions_in(make_article, "The Daily Courier reported that the ministry had lied.",
                        ("media", "The Daily Courier")) == ()


def test_ids_are_stable_and_unique(make_article):
    body = "Norland condemned the strike. Ostavia condemned the strike too."
    actors = (("state", "Norland"), ("state", "Ostavia"))
    first = positions_in(make_article, body, *actors)
    again = positions_in(make_article, body, *actors)
    assert [p.id for p in first] == [p.id for p in again]
    assert len({p.id for p in first}) == len(first) == 2
    assert all(p.id.startswith(p.actor) for p in first)


def test_statement_in_a_clause_of_time_is_background(make_article):
    """ "since Alder called her a liar", "hours after Ostavia said": what happened before, no position now."""
    positions = positions_in(
        make_article, "Marta Kovacs, who has feuded with Piet Alder since Alder called her a liar in March, "
                      "said the city would rebuild the bridge.", ("person", "Marta Kovacs"), ("person", "Piet Alder"))
    assert [(p.actor, p.stance) for p in positions] == [("marta-kovacs", "says the city will rebuild the bridge")]
    positions = positions_in(
        make_article, "Norland urged Velmar to reopen the border, hours after Ostavia said the bridge had collapsed.",
        ("state", "Norland"), ("state", "Velmar"), ("state", "Ostavia"))
    assert [(p.actor, p.stance) for p in positions] == [("norland", "urges Velmar to reopen the border")]


def test_clauses_either_side_of_a_semicolon_are_two_positions(make_article):
    positions = positions_in(make_article, "Norland blamed Ostavian rebels for the blackout; Ostavia denied any role.",
                             ("state", "Norland"), ("state", "Ostavia"))
    assert [(p.actor, p.stance) for p in positions] == [
        ("norland", "blames Ostavian rebels for the blackout"), ("ostavia", "denies any role")]


def test_denial_of_a_named_charge(make_article):
    [position] = positions_in(
        make_article, "Velmar has been accused by Norland of smuggling fuel across the lake, a charge Velmar denies.",
        ("state", "Norland"), ("state", "Velmar"))
    assert (position.actor, position.stance) == ("velmar", "denies the charge of smuggling fuel")


def test_allegation_refuted_by_the_body_the_description_names(make_article):
    positions = positions_in(
        make_article, "Norland claims the Lake Port Authority has been infiltrated by smugglers \u2013 an allegation "
                      "the authority refutes.", ("state", "Norland"), ("organization", "Lake Port Authority"))
    assert [(p.actor, p.stance) for p in positions] == [
        ("norland", "claims the Lake Port Authority has been infiltrated by smugglers"),
        ("lake-port-authority", "refutes the allegation that the Lake Port Authority has been infiltrated by smugglers")]


def test_speaker_who_goes_on_arguing_keeps_the_position(make_article):
    [position] = positions_in(
        make_article, "The Velmar delegation said Norland continued to ignore the ruling, arguing that it had no "
                      "respect for the court.", ("state", "Norland"), ("state", "Velmar"))
    assert position.actor == "velmar"
    assert position.stance == "says Norland continued to ignore the ruling; argues it had no respect for the court"


def test_third_person():
    assert [third_person(w) for w in ("urge", "deny", "press", "say", "go", "be", "pray")] == \
        ["urges", "denies", "presses", "says", "goes", "is", "prays"]


def test_seed_positions():
    from generator.extract.run import extract_files

    [extraction], errors = extract_files([SEED], ROOT)
    assert not errors
    text = " ".join(extraction.source.paragraphs)
    actors = {actor.id for actor in extraction.actors}
    assert extraction.positions
    for position in extraction.positions:
        assert position.actor in actors and (position.speaker is None or position.speaker in actors)
        assert position.evidence and all(" ".join(e.text.split()) in " ".join(text.split())
                                          for e in position.evidence)
        assert position.stance and position.stance[0].islower()  # a verb phrase, not a copied sentence
    price = next(p for p in extraction.positions if any("Ned Price blamed" in e.text for e in p.evidence))
    assert price.stance.startswith("blames Azerbaijan for the conflict; urges Russia to help end the fighting")
    assert len(price.evidence) == 2  # his quote in the next paragraph joins the position
    assert not any(p.actor == "abc-news" for p in extraction.positions)
    assert Path(SEED).exists()


def test_a_verb_the_parser_hung_from_an_apposition_still_has_the_subject(make_article):
    positions = positions_in(
        make_article, "The Velmar Council of Private Enterprise (VCPE), the main business lobby, called for calm.",
        ("organization", "Velmar Council of Private Enterprise", None, "VCPE"))
    assert [(p.actor, p.stance) for p in positions] == [("velmar-council-of-private-enterprise", "calls for calm")]


def test_the_governments_of_two_states_each_hold_the_position(make_article):
    positions = positions_in(
        make_article, "The governments of Norland and Ostavia, long-time allies of Velmar, congratulated the winner.",
        ("state", "Norland"), ("state", "Ostavia"), ("state", "Velmar"))
    assert [(p.actor, p.stance) for p in positions] == [("norland", "congratulates the winner"),
                                                         ("ostavia", "congratulates the winner")]


@pytest.mark.parametrize("body", [
    "It remains unclear whether Norland has committed to formally recognise Ostavia.",
    "It is not known if troops will be deployed before the end of the year, as Norland officials have suggested.",
])
def test_nothing_held_in_an_open_question_or_a_bare_as_clause(make_article, body):
    assert positions_in(make_article, body, ("state", "Norland"), ("state", "Ostavia")) == ()


def test_it_after_a_states_government_was_the_subject_stands_for_that_state(make_article):
    body = ("Norland signed a lease with Velmar on Monday. Ostavia's federal government reacted within hours. "
            "It recalled its own envoy from Norland and called the deal an act of aggression.")
    positions = positions_in(make_article, body, ("state", "Norland"), ("state", "Ostavia"), ("state", "Velmar"))
    assert [p.actor for p in positions] == ["ostavia"]
