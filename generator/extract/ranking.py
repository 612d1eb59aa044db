"""Order the cast so a page leads with the main parties."""
from __future__ import annotations

import dataclasses
from collections import Counter

from generator.model import Actor, Alliance, Position

_POSITION_WEIGHT = 3.0
_ALLIANCE_WEIGHT = 1.5
_MEDIA_FACTOR = 0.1


def rank_cast(actors: tuple[Actor, ...], alliances: tuple[Alliance, ...],
              positions: tuple[Position, ...]) -> tuple[Actor, ...]:
    """Actors with a salience score (mentions, positions held, alliances), most salient first."""
    held = Counter(position.actor for position in positions)
    held.update(position.speaker for position in positions if position.speaker)
    allied = Counter(member for alliance in alliances for member in (*alliance.members, alliance.group) if member)
    scored = []
    for actor in actors:
        score = actor.mentions + _POSITION_WEIGHT * held[actor.id] + _ALLIANCE_WEIGHT * allied[actor.id]
        if actor.kind == "media":
            score *= _MEDIA_FACTOR
        scored.append(dataclasses.replace(actor, salience=round(score, 3)))
    return tuple(sorted(scored, key=lambda actor: (-actor.salience, actor.name)))
