"""Merge the extractions of one briefing's sources into one set of items.

Actors are merged across sources (generator/extract/aliases.py::same_actor),
and every alliance, position and question is re-pointed at the merged ids.
Positions keep their source's date and are ordered newest first within an
actor, so a changed stance shows both versions with their dates. The same
stance in several sources (wire copy reprinted, a quote repeated) is one
position resting on all of them, dated by the latest.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from generator.extract.aliases import same_actor
from generator.model import Actor, Alliance, Evidence, Extraction, OpenQuestion, Position, TimelineEvent
from generator.slugs import unique_slug

_QUESTION_OVERLAP = 0.6
_WORD = re.compile(r"[a-z0-9]+")
_QUESTION_STOP_WORDS = frozenset(
    "a an the of to in on for and or is are was were be will would could should can does do did has have "
    "had what which who whom whose how why when where whether its it their there this that with by from as".split()
)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Merged:
    actors: tuple[Actor, ...]
    alliances: tuple[Alliance, ...]
    positions: tuple[Position, ...]
    open_questions: tuple[OpenQuestion, ...]
    timeline: tuple[TimelineEvent, ...]


def merge_extractions(extractions: list[Extraction]) -> Merged:
    actors, id_maps = merge_actors([extraction.actors for extraction in extractions])
    alliances: list[Alliance] = []
    positions: list[Position] = []
    questions: list[OpenQuestion] = []
    timeline: list[TimelineEvent] = []
    for extraction, id_map in zip(extractions, id_maps):
        remap = lambda actor_id: id_map.get(actor_id, actor_id) if actor_id else actor_id  # noqa: E731
        alliances.extend(_remap_alliance(alliance, remap) for alliance in extraction.alliances)
        positions.extend(dataclasses.replace(position, actor=remap(position.actor), speaker=remap(position.speaker),
                                             target=remap(position.target)) for position in extraction.positions)
        questions.extend(extraction.open_questions)
        timeline.extend(extraction.timeline)
    return Merged(
        actors=actors,
        alliances=merge_alliances(alliances),
        positions=order_positions(_unique_ids(merge_positions(positions)), actors),
        open_questions=merge_questions(questions),
        timeline=merge_timeline(timeline),
    )


def merge_actors(casts: list[tuple[Actor, ...]],
                 same: Callable[[Actor, Actor], bool] = same_actor) -> tuple[tuple[Actor, ...], list[dict[str, str]]]:
    """One actor per person or body across all casts, and for each cast a map old id -> merged id."""
    merged: list[Actor] = []
    id_maps: list[dict[str, str]] = []
    for cast in casts:
        id_map: dict[str, str] = {}
        for actor in cast:
            index = next((i for i, known in enumerate(merged) if same(known, actor)), None)
            if index is None:
                new_id = unique_slug(actor.id, {known.id for known in merged})
                merged.append(dataclasses.replace(actor, id=new_id))
                id_map[actor.id] = new_id
            else:
                merged[index] = _combine_actors(merged[index], actor)
                id_map[actor.id] = merged[index].id
        id_maps.append(id_map)
    affiliation_map = {old: new for id_map in id_maps for old, new in id_map.items()}
    actors = [dataclasses.replace(a, affiliation=affiliation_map.get(a.affiliation, a.affiliation)) for a in merged]
    return tuple(sorted(actors, key=lambda actor: (-actor.salience, actor.name))), id_maps


def _combine_actors(first: Actor, second: Actor) -> Actor:
    longer = first if len(first.name) >= len(second.name) else second
    aliases = {first.name, second.name, *first.aliases, *second.aliases} - {longer.name}
    return dataclasses.replace(
        first,
        name=longer.name,
        # A party to the story in any source is a party in the briefing, not just a cited outlet.
        kind=first.kind if first.kind != "media" else second.kind,
        aliases=tuple(sorted(aliases)),
        role=first.role or second.role,
        affiliation=first.affiliation or second.affiliation,
        mentions=first.mentions + second.mentions,
        salience=round(first.salience + second.salience, 3),
        evidence=first.evidence + second.evidence,
    )


def _remap_alliance(alliance: Alliance, remap: Callable[[str | None], str | None]) -> Alliance:
    members = tuple(dict.fromkeys(remap(member) for member in alliance.members))
    return dataclasses.replace(alliance, group=remap(alliance.group), members=members)


def merge_alliances(alliances: list[Alliance]) -> tuple[Alliance, ...]:
    """Alliances of one organization become one; plain alignments merge when their members are the same."""
    merged: dict[tuple, Alliance] = {}
    for alliance in alliances:
        key = ("group", alliance.group) if alliance.group else ("members", frozenset(alliance.members), alliance.relation)
        if key in merged:
            known = merged[key]
            merged[key] = dataclasses.replace(
                known,
                members=tuple(dict.fromkeys(known.members + alliance.members)),
                evidence=_unique_evidence(known.evidence + alliance.evidence),
            )
        else:
            merged[key] = alliance
    return tuple(merged.values())


def order_positions(positions: list[Position], actors: tuple[Actor, ...]) -> tuple[Position, ...]:
    """Main parties first (the cast's order), newest first within an actor."""
    rank = {actor.id: index for index, actor in enumerate(actors)}
    by_date = sorted(positions, key=lambda p: p.date or "", reverse=True)
    return tuple(sorted(by_date, key=lambda p: rank.get(p.actor, len(rank))))


def merge_positions(positions: list[Position]) -> list[Position]:
    """One position per actor, speaker, stance and quote, with the evidence of every source that gives it."""
    merged: dict[tuple, Position] = {}
    for position in positions:
        key = (position.actor, position.speaker, _folded(position.stance), _folded(position.quote or ""))
        known = merged.get(key)
        if known is None:
            merged[key] = position
            continue
        merged[key] = dataclasses.replace(known, evidence=_unique_evidence(known.evidence + position.evidence),
                                          date=max(known.date or "", position.date or "") or None)
    return list(merged.values())


def _folded(text: str) -> str:
    """Text compared without case, spacing or the kind of quotation marks."""
    return " ".join(_WORD.findall(text.lower()))


def _unique_ids(positions: list[Position]) -> list[Position]:
    taken: set[str] = set()
    unique = []
    for position in positions:
        new_id = unique_slug(position.id, taken)
        taken.add(new_id)
        unique.append(dataclasses.replace(position, id=new_id) if new_id != position.id else position)
    return unique


def question_words(question: str) -> set[str]:
    return {word for word in _WORD.findall(question.lower()) if word not in _QUESTION_STOP_WORDS}


def merge_questions(questions: list[OpenQuestion]) -> tuple[OpenQuestion, ...]:
    """Near-duplicate questions become one that keeps all their evidence; best scored first."""
    merged: list[OpenQuestion] = []
    for question in sorted(questions, key=lambda q: -q.score):
        words = question_words(question.question)
        for index, known in enumerate(merged):
            known_words = question_words(known.question)
            # Shared words over the longer question's: a short question that shares two words
            # with a long one ("Will Kazakhstan help Armenia?") asks something else.
            shared = len(words & known_words) / max(1, len(words), len(known_words))
            if known.id == question.id or shared >= _QUESTION_OVERLAP:
                merged[index] = dataclasses.replace(
                    known, evidence=_unique_evidence(known.evidence + question.evidence),
                    score=max(known.score, question.score))
                break
        else:
            merged.append(question)
    return tuple(merged)


def merge_timeline(events: list[TimelineEvent]) -> tuple[TimelineEvent, ...]:
    unique = {(event.date, event.text): event for event in events}
    return tuple(sorted(unique.values(), key=lambda event: (event.date, event.text)))


def _unique_evidence(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))
