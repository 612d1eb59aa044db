"""The records passed between stages: ingest -> extract -> assemble -> render.

Every record is a frozen, keyword-only dataclass, so a stage returns new values
instead of filling in an object another stage made. `to_dict`/`from_dict`
give the JSON shape that `briefing extract --format json` prints and the
extraction cache stores (see ../shared/eval/ANNOTATION.md for the scored keys).
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

ActorKind = Literal["person", "state", "organization", "group", "media"]
ACTOR_KINDS: tuple[str, ...] = typing.get_args(ActorKind)


@dataclass(frozen=True, kw_only=True)
class Source:
    """One input document, read and repaired, ready for analysis."""

    path: str
    """Path relative to the project, e.g. `content/sources/x.txt`; the source's identity."""
    slug: str
    """URL-safe name of the source's text page, from the file name."""
    digest: str
    """sha256 of the file's bytes: the extraction cache key and the duplicate check."""
    title: str
    paragraphs: tuple[str, ...]
    """Body text after repair, one entry per paragraph; evidence points into these."""
    format: Literal["text", "markdown", "html"]
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO date (YYYY-MM-DD) when known."""
    author: str | None = None
    briefing: str | None = None
    """Slug of the briefing the front matter assigns this source to."""
    language: str = "en"
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """The sentence an item rests on, and where to find it."""

    source: str
    """Path of the source (Source.path)."""
    paragraph: int
    """1-based paragraph number in Source.paragraphs; the source page anchors it as `#p{n}`."""
    text: str


@dataclass(frozen=True, kw_only=True)
class Actor:
    id: str
    """Slug of the canonical name, unique within an extraction or briefing."""
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    role: str | None = None
    """Title or function as the text gives it ("Kremlin spokesman")."""
    affiliation: str | None = None
    """Id of the actor a person speaks for."""
    mentions: int = 0
    salience: float = 0.0
    """Importance used to order the cast: mentions, positions held, alliances."""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Alliance:
    id: str
    name: str
    group: str | None
    """Id of the organization that embodies the alliance, or None for a plain alignment."""
    members: tuple[str, ...]
    relation: Literal["member", "ally", "backs", "exercise"] = "member"
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Position:
    id: str
    actor: str
    """Id of the state, organization, group or person the position belongs to."""
    speaker: str | None
    stance: str
    """One present-tense line built from the clause."""
    target: str | None = None
    quote: str | None = None
    evidence: tuple[Evidence, ...] = ()
    date: str | None = None
    """Published date of the source, for ordering positions across sources."""


@dataclass(frozen=True, kw_only=True)
class OpenQuestion:
    id: str
    question: str
    evidence: tuple[Evidence, ...] = ()
    score: float = 0.0
    resolved_by: tuple[Evidence, ...] = ()
    """Evidence from a later source that answers the question; empty while open."""


@dataclass(frozen=True, kw_only=True)
class TimelineEvent:
    date: str
    """ISO date, or a year-month / year prefix when the day is unknown."""
    text: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Extraction:
    """What the extract stage found in one source."""

    source: Source
    summary: str = ""
    actors: tuple[Actor, ...] = ()
    alliances: tuple[Alliance, ...] = ()
    positions: tuple[Position, ...] = ()
    open_questions: tuple[OpenQuestion, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    keywords: tuple[str, ...] = ()
    """Salient lemmas, used to group sources into briefings."""


@dataclass(frozen=True, kw_only=True)
class Change:
    """One rebuild's difference to a briefing, kept in its change log."""

    date: str | None
    sources: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    resolved: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.sources or self.actors or self.positions or self.questions or self.resolved)


@dataclass(frozen=True, kw_only=True)
class Briefing:
    """One story: the merged extractions of its sources, with editors' edits applied."""

    slug: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...] = ()
    alliances: tuple[Alliance, ...] = ()
    positions: tuple[Position, ...] = ()
    open_questions: tuple[OpenQuestion, ...] = ()
    resolved_questions: tuple[OpenQuestion, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    published: str | None = None
    updated: str | None = None
    notes: tuple[str, ...] = ()
    """Editors' notes from the sidecar file, shown as written (escaped)."""
    pinned: frozenset[str] = frozenset()
    """Ids of items an editor pinned to the top of their section."""
    changes: tuple[Change, ...] = ()
    tags: tuple[str, ...] = ()


# --- JSON round trip -------------------------------------------------------


def to_dict(record: Any) -> Any:
    """A record as plain JSON data (tuples become lists, frozensets sorted lists)."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, frozenset):
        return sorted(record)
    return record


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a record of type `cls` from `to_dict` output."""
    hints = typing.get_type_hints(cls)
    values = {f.name: _coerce(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**values)


def _coerce(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if value is None:
        return None
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _coerce(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        item_type = typing.get_args(hint)[0]
        return tuple(_coerce(item_type, item) for item in value)
    if origin is frozenset:
        return frozenset(value)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value


__all__ = [
    "ACTOR_KINDS", "Actor", "ActorKind", "Alliance", "Briefing", "Change", "Evidence",
    "Extraction", "OpenQuestion", "Position", "Source", "TimelineEvent", "from_dict", "to_dict",
]
