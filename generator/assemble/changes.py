"""What changed in a briefing since the last build, for its "What's new" and history."""
from __future__ import annotations

from generator.model import Briefing, Change
from generator.state import Snapshot


def snapshot_of(briefing: Briefing) -> Snapshot:
    return Snapshot(
        sources=sorted(source.path for source in briefing.sources),
        actors=sorted(actor.id for actor in briefing.actors),
        positions=sorted(position.id for position in briefing.positions),
        questions=sorted(question.id for question in briefing.open_questions),
        resolved=sorted(question.id for question in briefing.resolved_questions),
    )


def find_change(previous: Snapshot | None, briefing: Briefing, *, fallback_date: str) -> Change:
    """The difference between the last snapshot and `briefing`; empty when nothing changed."""
    current = snapshot_of(briefing)
    before = previous or Snapshot()
    new_sources = [path for path in current.sources if path not in before.sources]
    dates = [s.published for s in briefing.sources if s.path in new_sources and s.published]
    return Change(
        date=max(dates) if dates else fallback_date,
        sources=tuple(new_sources),
        actors=tuple(a for a in current.actors if a not in before.actors),
        positions=tuple(p for p in current.positions if p not in before.positions),
        questions=tuple(q for q in current.questions if q not in before.questions),
        resolved=tuple(q for q in current.resolved if q not in before.resolved),
    )
