"""Editors' files: validation messages and their effects on a briefing."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.assemble.edits import (
    BriefingEdits, Corrections, apply_corrections, apply_edits, load_corrections, load_edits, raise_problems,
)
from generator.exceptions import ConfigError
from generator.model import Actor, Alliance, Briefing, Evidence, OpenQuestion, Position
from tests.conftest import make_source

EVIDENCE = (Evidence(source="content/sources/test.txt", paragraph=1, text="A sentence."),)


def _briefing() -> Briefing:
    return Briefing(
        slug="story", title="Story", summary="Summary.", sources=(make_source("Body text."),),
        actors=(Actor(id="russia", name="Russia", kind="state", mentions=5),
                Actor(id="kremlin", name="Kremlin", kind="organization", mentions=2),
                Actor(id="putin", name="Putin", kind="person", mentions=3),
                Actor(id="reuters", name="Reuters", kind="organization", mentions=1)),
        alliances=(Alliance(id="a", name="Bloc", group=None, members=("russia", "kremlin")),),
        positions=(Position(id="p1", actor="kremlin", speaker=None, stance="says things", evidence=EVIDENCE),
                   Position(id="p2", actor="reuters", speaker=None, stance="reports", evidence=EVIDENCE),
                   Position(id="p3", actor="putin", speaker="putin", stance="wants more", evidence=EVIDENCE)),
        open_questions=(OpenQuestion(id="q1", question="Will it end?", evidence=EVIDENCE),),
    )


def test_edits_load_reports_every_problem_with_file_and_key(tmp_path: Path):
    path = tmp_path / "story.edits.yml"
    path.write_text("title: 42\nhide: [a]\ncolour: red\n", encoding="utf-8")
    problems: list[str] = []
    edits = load_edits(path, problems)
    assert problems == [
        f"{path}: title: expected str, found int",
        f"{path}: colour: unknown key; valid keys are hide, notes, pin, questions, slug, summary, title",
    ]
    assert edits.hide == ("a",)
    with pytest.raises(ConfigError) as raised:
        raise_problems(problems)
    assert raised.value.format_message().startswith("2 problem(s) in editors' files; nothing was written:")


def test_edits_load_refuses_yaml_tags(tmp_path: Path):
    path = tmp_path / "story.edits.yml"
    path.write_text("title: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    problems: list[str] = []
    load_edits(path, problems)
    assert len(problems) == 1 and problems[0].startswith(f"{path}: invalid YAML: line 1: ")


def test_edits_apply_overrides_hides_pins_and_adds_questions():
    edits = BriefingEdits(title="New title", summary="New summary.", hide=("p1", "putin"), pin=("russia",),
                          notes=("A note.",), questions=("Who pays?",))
    briefing = apply_edits(_briefing(), edits)
    assert (briefing.title, briefing.summary, briefing.notes) == ("New title", "New summary.", ("A note.",))
    assert [a.id for a in briefing.actors] == ["russia", "kremlin", "reuters"]
    assert [p.id for p in briefing.positions] == ["p2"]
    assert [q.question for q in briefing.open_questions] == ["Who pays?", "Will it end?"]
    assert briefing.pinned == frozenset({"russia"})


def test_corrections_merge_rename_retype_drop_and_add_alliance(tmp_path: Path):
    path = tmp_path / "corrections.yml"
    path.write_text(
        "actors:\n"
        "  kremlin: {merge_into: russia}\n"
        "  Putin: {name: Vladimir Putin, affiliation: russia, role: President}\n"
        "  reuters: {kind: media}\n"
        "alliances:\n"
        "  - {name: Pact, members: [russia, putin], group: null}\n", encoding="utf-8")
    problems: list[str] = []
    corrections = load_corrections(path, problems)
    assert problems == []
    briefing = apply_corrections(_briefing(), corrections)
    actors = {a.id: a for a in briefing.actors}
    assert sorted(actors) == ["putin", "reuters", "russia"]
    assert "Kremlin" in actors["russia"].aliases
    assert (actors["putin"].name, actors["putin"].role, actors["putin"].affiliation) == \
        ("Vladimir Putin", "President", "russia")
    assert actors["reuters"].kind == "media"
    assert briefing.positions[0].actor == "russia", "positions of a merged actor move to the one it joined"
    assert [a.name for a in briefing.alliances] == ["Pact"], "an alliance left with one member is dropped"


def test_corrections_reject_unknown_kind(tmp_path: Path):
    path = tmp_path / "corrections.yml"
    path.write_text("actors:\n  russia: {kind: country}\n", encoding="utf-8")
    problems: list[str] = []
    load_corrections(path, problems)
    assert problems == [f"{path}: actors.russia.kind: 'country' is not one of "
                        "person, state, organization, group, media"]


def test_corrections_drop_removes_the_actors_positions():
    corrections = Corrections(actors={"reuters": {"drop": True}})
    briefing = apply_corrections(_briefing(), corrections)
    assert "reuters" not in {a.id for a in briefing.actors}
    assert [p.id for p in briefing.positions] == ["p1", "p3"]
