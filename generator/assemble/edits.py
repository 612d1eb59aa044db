"""Editors' work, applied at every build and never written by it.

Two kinds of file, both plain YAML:

content/corrections.yml, for every briefing (actors by id, as the pages show them):

    actors:
      putin: {name: Vladimir Putin, kind: person, role: President, affiliation: russia}
      kremlin: {merge_into: russia}
      verisk-maplecroft: {drop: true}
    alliances:
      - {name: Turkey and Azerbaijan, members: [turkey, azerbaijan], group: null}

content/briefings/SLUG.edits.yml, for one briefing:

    title: A better headline
    summary: One paragraph written by the desk.
    slug: new-slug            # a deliberate rename; the old URL redirects here
    pin: [russia, question-will-the-ceasefire-hold]
    hide: [verisk-maplecroft]
    notes: ["Figures from the ministry are not independently verified."]
    questions: ["Who will pay for reconstruction?"]

Every problem in these files is reported at once, naming the file and key, and
stops the build before anything is written.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.exceptions import ConfigError
from generator.model import ACTOR_KINDS, Actor, Alliance, Briefing, OpenQuestion
from generator.slugs import slugify

EDIT_KEYS = {"title": str, "summary": str, "slug": str, "pin": list, "hide": list, "notes": list, "questions": list}
ACTOR_CORRECTION_KEYS = {"name": str, "kind": str, "role": str, "affiliation": str, "merge_into": str, "drop": bool}
ALLIANCE_KEYS = {"name": str, "group": (str, type(None)), "members": list, "relation": str}


@dataclass(frozen=True, kw_only=True)
class BriefingEdits:
    title: str | None = None
    summary: str | None = None
    slug: str | None = None
    pin: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Corrections:
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    alliances: tuple[dict[str, Any], ...] = ()


def edits_file(briefings_dir: Path, slug: str) -> Path:
    return briefings_dir / f"{slug}.edits.yml"


def load_edits(path: Path, problems: list[str]) -> BriefingEdits:
    data = _load_mapping(path, problems)
    if not data:
        return BriefingEdits()
    _check_keys(path, data, EDIT_KEYS, problems)
    values = {key: data[key] for key in EDIT_KEYS if key in data and isinstance(data[key], EDIT_KEYS[key])}
    for key in ("pin", "hide", "notes", "questions"):
        if key in values:
            values[key] = tuple(str(item) for item in values[key])
    if "slug" in values:
        values["slug"] = slugify(values["slug"])
    return BriefingEdits(**values)


def load_corrections(path: Path, problems: list[str]) -> Corrections:
    data = _load_mapping(path, problems)
    if not data:
        return Corrections()
    _check_keys(path, data, {"actors": dict, "alliances": list}, problems)
    actors: dict[str, dict[str, Any]] = {}
    for actor_id, change in (data.get("actors") or {}).items():
        where = f"actors.{actor_id}"
        if not isinstance(change, dict):
            problems.append(f"{path}: {where}: expected a mapping of changes, found {type(change).__name__}")
            continue
        _check_keys(path, change, ACTOR_CORRECTION_KEYS, problems, where=where)
        if "kind" in change and change["kind"] not in ACTOR_KINDS:
            problems.append(f"{path}: {where}.kind: '{change['kind']}' is not one of {', '.join(ACTOR_KINDS)}")
        actors[str(actor_id)] = change
    alliances = []
    for index, alliance in enumerate(data.get("alliances") or []):
        where = f"alliances[{index}]"
        if not isinstance(alliance, dict) or not isinstance(alliance.get("members"), list):
            problems.append(f"{path}: {where}: expected name, group and a list of members")
            continue
        _check_keys(path, alliance, ALLIANCE_KEYS, problems, where=where)
        alliances.append(alliance)
    return Corrections(actors=actors, alliances=tuple(alliances))


def _load_mapping(path: Path, problems: list[str]) -> dict | None:
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{path}: cannot be read ({error})")
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problems.append(f"{path}: invalid YAML: {where}{getattr(error, 'problem', None) or error}")
        return None
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(f"{path}: expected key: value pairs at the top, found {type(data).__name__}")
        return None
    return data


def _check_keys(path: Path, data: dict, schema: dict, problems: list[str], *, where: str = "") -> None:
    prefix = f"{where}." if where else ""
    for key, value in data.items():
        if key not in schema:
            problems.append(f"{path}: {prefix}{key}: unknown key; valid keys are {', '.join(sorted(schema))}")
        elif not isinstance(value, schema[key]):
            expected = schema[key].__name__ if isinstance(schema[key], type) else "text or null"
            problems.append(f"{path}: {prefix}{key}: expected {expected}, found {type(value).__name__}")


def raise_problems(problems: list[str]) -> None:
    if problems:
        raise ConfigError(f"{len(problems)} problem(s) in editors' files; nothing was written:\n  "
                          + "\n  ".join(problems))


# --- applying ----------------------------------------------------------------


def apply_corrections(briefing: Briefing, corrections: Corrections) -> Briefing:
    """Rename, retype, merge or drop actors and add alliances, as content/corrections.yml says."""
    actors = {actor.id: actor for actor in briefing.actors}
    merged_into: dict[str, str] = {}
    for actor_id, change in corrections.actors.items():
        actor_id = _find_actor(actor_id, actors)
        if actor_id is None:
            continue
        actor = actors[actor_id]
        if change.get("drop"):
            del actors[actor_id]
            merged_into[actor_id] = ""
            continue
        target = _find_actor(change.get("merge_into", ""), actors)
        if target and target != actor_id:
            keep = actors[target]
            actors[target] = dataclasses.replace(
                keep, aliases=tuple(sorted({*keep.aliases, actor.name, *actor.aliases} - {keep.name})),
                mentions=keep.mentions + actor.mentions, salience=keep.salience + actor.salience)
            del actors[actor_id]
            merged_into[actor_id] = target
            continue
        updates = {key: change[key] for key in ("kind", "role", "affiliation") if key in change}
        if "name" in change and change["name"] != actor.name:
            updates["name"] = change["name"]
            updates["aliases"] = tuple(sorted({*actor.aliases, actor.name} - {change["name"]}))
        actors[actor_id] = dataclasses.replace(actor, **updates)
    remap = lambda actor_id: merged_into.get(actor_id, actor_id) if actor_id else actor_id  # noqa: E731
    positions = tuple(
        dataclasses.replace(p, actor=remap(p.actor), speaker=remap(p.speaker) or None, target=remap(p.target) or None)
        for p in briefing.positions if remap(p.actor)
    )
    alliances = [dataclasses.replace(a, group=remap(a.group) or None,
                                     members=tuple(m for m in dict.fromkeys(map(remap, a.members)) if m))
                 for a in briefing.alliances]
    alliances = [a for a in alliances if len(a.members) + bool(a.group) >= 2]
    alliances += [_editor_alliance(spec, actors) for spec in corrections.alliances
                  if all(_find_actor(m, actors) for m in spec["members"])]
    kept = tuple(actors[actor.id] for actor in briefing.actors if actor.id in actors)
    return dataclasses.replace(briefing, actors=kept, positions=positions, alliances=tuple(alliances))


def _find_actor(reference: str, actors: dict[str, Actor]) -> str | None:
    """An actor id from an id or a name as an editor may write it."""
    if reference in actors:
        return reference
    slug = slugify(str(reference))
    if slug in actors:
        return slug
    return next((actor.id for actor in actors.values()
                 if slug in {slugify(name) for name in (actor.name, *actor.aliases)}), None)


def _editor_alliance(spec: dict[str, Any], actors: dict[str, Actor]) -> Alliance:
    members = tuple(_find_actor(member, actors) for member in spec["members"])
    group = _find_actor(spec["group"], actors) if spec.get("group") else None
    name = spec.get("name") or " and ".join(actors[m].name for m in members)
    return Alliance(id=slugify(f"editor-{name}"), name=name, group=group, members=members,
                    relation=spec.get("relation", "ally"))


def apply_edits(briefing: Briefing, edits: BriefingEdits) -> Briefing:
    """Titles, summary, pins, hidden items, notes and extra questions from the sidecar file."""
    hidden = set(edits.hide)
    extra = tuple(OpenQuestion(id=slugify(f"editor-{q}"), question=q, evidence=(), score=1.0)
                  for q in edits.questions)
    return dataclasses.replace(
        briefing,
        title=edits.title or briefing.title,
        summary=edits.summary or briefing.summary,
        actors=tuple(a for a in briefing.actors if a.id not in hidden),
        alliances=tuple(a for a in briefing.alliances if a.id not in hidden),
        positions=tuple(p for p in briefing.positions if p.id not in hidden and p.actor not in hidden),
        open_questions=extra + tuple(q for q in briefing.open_questions if q.id not in hidden),
        notes=edits.notes,
        pinned=frozenset(edits.pin),
    )
