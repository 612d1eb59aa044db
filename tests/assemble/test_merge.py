"""Merging the extractions of one briefing's sources."""
from __future__ import annotations

from generator.assemble.merge import merge_actors, merge_alliances, merge_positions, merge_questions, order_positions
from generator.model import Actor, Alliance, Evidence, OpenQuestion, Position

E1 = Evidence(source="content/sources/a.txt", paragraph=1, text="One.")
E2 = Evidence(source="content/sources/b.txt", paragraph=2, text="Two.")


def test_merge_actors_across_sources_keeps_the_full_name_and_maps_ids():
    first = (Actor(id="maria-ortega", name="Maria Ortega", kind="person", mentions=3, salience=3,
                   affiliation="ruritania"),
             Actor(id="ruritania", name="Ruritania", kind="state", mentions=5, salience=5))
    second = (Actor(id="ortega", name="Ortega", kind="person", mentions=2, salience=2),
              Actor(id="ruritania", name="Ruritania", kind="state", mentions=1, salience=1),
              Actor(id="freedonia", name="Freedonia", kind="state", mentions=1, salience=1))
    actors, id_maps = merge_actors([first, second])
    assert [(a.id, a.name, a.mentions) for a in actors] == [
        ("ruritania", "Ruritania", 6), ("maria-ortega", "Maria Ortega", 5), ("freedonia", "Freedonia", 1)]
    assert id_maps[1] == {"ortega": "maria-ortega", "ruritania": "ruritania", "freedonia": "freedonia"}


def test_merge_actors_two_people_sharing_a_surname_stay_apart():
    actors, _ = merge_actors([(Actor(id="ana-silva", name="Ana Silva", kind="person"),),
                              (Actor(id="joao-silva", name="Joao Silva", kind="person"),)])
    assert sorted(a.id for a in actors) == ["ana-silva", "joao-silva"]


def test_merge_actors_an_outlet_that_is_a_party_somewhere_is_a_party():
    actors, _ = merge_actors([(Actor(id="daily-planet", name="Daily Planet", kind="media"),),
                              (Actor(id="daily-planet", name="Daily Planet", kind="organization"),)])
    assert [(a.id, a.kind) for a in actors] == [("daily-planet", "organization")]


def test_merge_alliances_of_one_organization_become_one():
    merged = merge_alliances([
        Alliance(id="a", name="Pact", group="pact", members=("ruritania",), evidence=(E1,)),
        Alliance(id="b", name="Pact", group="pact", members=("freedonia", "ruritania"), evidence=(E2,)),
    ])
    assert [(a.group, a.members, a.evidence) for a in merged] == [("pact", ("ruritania", "freedonia"), (E1, E2))]


def test_merge_questions_near_duplicates_keep_all_evidence():
    merged = merge_questions([
        OpenQuestion(id="q1", question="Will Ruritania send troops to the border?", evidence=(E1,), score=0.5),
        OpenQuestion(id="q2", question="Will Ruritania send more troops to the border?", evidence=(E2,), score=0.9),
        OpenQuestion(id="q3", question="Who pays for the dam?", evidence=(E2,), score=0.1),
    ])
    assert [(q.id, q.evidence) for q in merged] == [("q2", (E2, E1)), ("q3", (E2,))]


def test_merge_positions_main_parties_first_newest_first():
    actors = (Actor(id="ruritania", name="Ruritania", kind="state"), Actor(id="freedonia", name="Freedonia", kind="state"))
    positions = [Position(id="old", actor="ruritania", speaker=None, stance="a", date="2030-01-01"),
                 Position(id="other", actor="freedonia", speaker=None, stance="b", date="2030-01-09"),
                 Position(id="new", actor="ruritania", speaker=None, stance="c", date="2030-01-05")]
    assert [p.id for p in order_positions(positions, actors)] == ["new", "old", "other"]


def test_merge_positions_the_same_stance_in_two_sources_is_one_position_with_both_sources():
    reprint = Evidence(source="content/sources/b.txt", paragraph=5, text="One.")
    merged = merge_positions([
        Position(id="warns", actor="ruritania", speaker=None, stance="warns of “war”", quote="war",
                 evidence=(E1,), date="2030-01-01"),
        Position(id="warns", actor="ruritania", speaker=None, stance="Warns of \"war\"", quote="war",
                 evidence=(reprint,), date="2030-01-03"),
        Position(id="warns", actor="freedonia", speaker=None, stance="warns of “war”", quote="war",
                 evidence=(E2,), date="2030-01-02"),
    ])
    assert [(p.actor, p.evidence, p.date) for p in merged] == [
        ("ruritania", (E1, reprint), "2030-01-03"), ("freedonia", (E2,), "2030-01-02")]


def test_merge_positions_a_changed_stance_stays_a_position_of_its_own():
    merged = merge_positions([
        Position(id="a", actor="ruritania", speaker=None, stance="backs the truce", evidence=(E1,)),
        Position(id="b", actor="ruritania", speaker=None, stance="rejects the truce", evidence=(E2,)),
    ])
    assert [p.stance for p in merged] == ["backs the truce", "rejects the truce"]


def test_merge_questions_a_short_question_sharing_two_words_with_a_long_one_stays_apart():
    merged = merge_questions([
        OpenQuestion(id="q1", question="Will Freedonia or the Pact send troops to help defend Ruritania?",
                     evidence=(E1,), score=0.9),
        OpenQuestion(id="q2", question="Will Sylvania help Ruritania?", evidence=(E2,), score=0.5),
    ])
    assert [q.id for q in merged] == ["q1", "q2"]
