"""Assemble: extractions become briefings.

group sources -> merge each group -> corrections and editors' edits -> slug
-> what changed since the last build.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from generator.assemble.changes import find_change, snapshot_of
from generator.assemble.edits import (
    BriefingEdits, apply_corrections, apply_edits, edits_file, load_corrections, load_edits, raise_problems,
)
from generator.assemble.grouping import group_sources
from generator.assemble.merge import merge_extractions
from generator.assemble.resolve import find_resolved
from generator.config import Project
from generator.model import Briefing, Extraction
from generator.slugs import slugify, unique_slug
from generator.state import BriefingRecord, History, State


@dataclass(frozen=True)
class Assembled:
    briefings: tuple[Briefing, ...]
    """Newest first (by last update)."""
    redirects: dict[str, str]
    """Former slug -> current slug, for every briefing ever renamed."""


def assemble(extractions: list[Extraction], project: Project, state: State, *, build_date: str) -> Assembled:
    """Briefings from the extractions; updates `state` (records and histories) in place."""
    problems: list[str] = []
    corrections = load_corrections(project.corrections_file, problems)
    groups = group_sources(extractions, state, project.settings.group_threshold)
    taken: set[str] = {record.slug for key, record in state.records.items() if key in groups}
    briefings = []
    for key in sorted(groups):
        record = _record(key, groups[key], state, taken)
        edits = _edits_for(record, project.briefings_dir, problems)
        if edits.slug and edits.slug != record.slug and edits.slug not in taken:
            record.former_slugs.append(record.slug)
            taken.add(edits.slug)
            record.slug = edits.slug
        briefing = build_briefing(record.slug, groups[key], max_questions=project.settings.max_open_questions)
        briefing = apply_edits(apply_corrections(briefing, corrections), edits)
        briefings.append(_with_history(briefing, key, state, build_date))
    raise_problems(problems)
    state.records = {key: record for key, record in state.records.items() if key in groups}
    redirects = {old: record.slug for record in state.records.values() for old in record.former_slugs}
    ordered = sorted(briefings, key=lambda b: (b.updated or "", b.slug), reverse=True)
    return Assembled(briefings=tuple(ordered), redirects=redirects)


def build_briefing(slug: str, extractions: list[Extraction], *, max_questions: int) -> Briefing:
    """One briefing from its sources' extractions (oldest first), before editors' edits."""
    merged = merge_extractions(extractions)
    newest = max(extractions, key=lambda e: (e.source.published or "", e.source.path))
    dates = sorted(e.source.published for e in extractions if e.source.published)
    open_questions, resolved = find_resolved(merged.open_questions, extractions)
    return Briefing(
        slug=slug,
        title=extractions[0].source.title,
        summary=newest.summary,
        sources=tuple(e.source for e in extractions),
        actors=merged.actors,
        alliances=merged.alliances,
        positions=merged.positions,
        open_questions=open_questions[:max_questions],
        resolved_questions=resolved,
        timeline=merged.timeline,
        published=dates[0] if dates else None,
        updated=dates[-1] if dates else None,
        tags=tuple(actor.name for actor in merged.actors if actor.kind != "media")[:8],
    )


def _record(key: str, extractions: list[Extraction], state: State, taken: set[str]) -> BriefingRecord:
    record = state.records.get(key)
    if record is None:
        base = key.removeprefix("slug:") if key.startswith("slug:") else slugify(extractions[0].source.title)
        record = BriefingRecord(key=key, slug=unique_slug(base, taken | _reserved_slugs()))
        taken.add(record.slug)
        state.records[key] = record
    record.sources = sorted(e.source.path for e in extractions)
    return record


def _reserved_slugs() -> set[str]:
    return {"index"}


def _edits_for(record: BriefingRecord, briefings_dir: Path, problems: list[str]) -> BriefingEdits:
    for slug in (record.slug, *reversed(record.former_slugs)):
        path = edits_file(briefings_dir, slug)
        if path.exists():
            return load_edits(path, problems)
    return BriefingEdits()


def _with_history(briefing: Briefing, key: str, state: State, build_date: str) -> Briefing:
    history = state.histories.setdefault(key, History())
    change = find_change(history.snapshot, briefing, fallback_date=build_date)
    if not change.is_empty:
        history.changes.append(change)
    history.snapshot = snapshot_of(briefing)
    updated = max(filter(None, [briefing.updated, *(c.date for c in history.changes)]), default=None)
    return dataclasses.replace(briefing, changes=tuple(history.changes), updated=updated)
