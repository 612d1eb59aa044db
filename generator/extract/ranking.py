"""Order the cast so a page leads with the main parties."""
from __future__ import annotations

import dataclasses
from collections import Counter

from generator.model import Actor, Alliance, Position

_POSITION_WEIGHT = 3.0
_ALLIANCE_WEIGHT = 1.5
_LEAD_BONUS = 3.0
"""News writing names the main parties first: an actor first named in paragraph n gets
_LEAD_BONUS / n."""
_SPOKESPERSON_SHARE = 0.5
"""A person's positions also count, by half, for the state or body they speak for."""
_MEDIA_FACTOR = 0.1


def rank_cast(actors: tuple[Actor, ...], alliances: tuple[Alliance, ...],
              positions: tuple[Position, ...]) -> tuple[Actor, ...]:
    """Actors with a salience score, most salient first: mentions, positions held (also
    through the people who speak for them), alliances, and how early they are named.
    Media outlets, cited but not parties, come last."""
    held = Counter(position.actor for position in positions)
    held.update(position.speaker for position in positions if position.speaker)
    affiliation = {actor.id: actor.affiliation for actor in actors if actor.affiliation}
    spoken_for = Counter()
    for person, body in affiliation.items():
        spoken_for[body] += held[person]
    allied = Counter(member for alliance in alliances for member in {*alliance.members, alliance.group} if member)
    scored = []
    for actor in actors:
        score = (actor.mentions + _POSITION_WEIGHT * held[actor.id] + _ALLIANCE_WEIGHT * allied[actor.id]
                 + _POSITION_WEIGHT * _SPOKESPERSON_SHARE * spoken_for[actor.id] + _lead_bonus(actor))
        if actor.kind == "media":
            score *= _MEDIA_FACTOR
        scored.append(dataclasses.replace(actor, salience=round(score, 3)))
    return tuple(sorted(scored, key=lambda actor: (-actor.salience, actor.name)))


def _lead_bonus(actor: Actor) -> float:
    paragraphs = [evidence.paragraph for evidence in actor.evidence if evidence.paragraph > 0]
    return _LEAD_BONUS / min(paragraphs) if paragraphs else 0.0
