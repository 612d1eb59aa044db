"""Render: briefings become Markdown pages, through the Jinja2 templates in templates/.

Every `{{ value }}` in a template is escaped for Markdown and HTML by
`escape.md_text` (the environment's finalize hook); templates mark their own
markup with `|safe`. Jinja runs sandboxed, so a template cannot reach Python
internals either. Pages are returned as {path inside docs_dir: text}; writing
them is the site stage's job.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator.escape import html_text, md_text, meta_text, mermaid_label, safe_url
from generator.extract.aliases import same_actor
from generator.model import Actor, Alliance, Briefing, Evidence, Position, Source
from generator.slugs import slugify

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SECTION_ANCHORS = {
    "summary": "In brief", "actors": "Actors", "alliances": "Alliances", "positions": "Positions",
    "open-questions": "Open questions", "timeline": "Timeline", "sources": "Sources",
}
_QUOTE_MAX_CHARS = 600
# libyaml's emitter when PyYAML has it (its wheels do): the same YAML, several times faster.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_KIND_HEADINGS = (("state", "States"), ("organization", "Organizations"), ("group", "Groups"), ("person", "People"))


@lru_cache(maxsize=4)
def environment(project_templates: Path | None) -> SandboxedEnvironment:
    folders = [str(p) for p in (project_templates, PACKAGE_TEMPLATES) if p is not None and p.is_dir()]
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in dict.fromkeys(folders)]),
        autoescape=False, finalize=md_text, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        # Markdown uses {#id} for heading anchors, so Jinja comments are {## ... ##}.
        comment_start_string="{##", comment_end_string="##}",
    )
    env.filters.update(meta=_meta_filter, url=_url_filter, mermaid=mermaid_label, anchor=slugify, html=html_text)
    env.globals.update(evidence_link=evidence_link, short_quote=short_quote, cited=cited, source_label=source_label,
                       by_sentence=by_sentence,
                       sections=SECTION_ANCHORS)
    return env


def _meta_filter(value: object) -> Markup:
    """A front-matter scalar: HTML-escaped, then quoted as YAML."""
    return Markup(yaml.dump(meta_text(value), Dumper=_YAML_DUMPER, allow_unicode=True, width=10_000)
                  .strip().removesuffix("\n..."))


def _url_filter(value: str | None) -> Markup:
    return Markup(safe_url(value) or "")


# --- page contexts -----------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ChangeView:
    """One change-log entry in words, for "What's new" and History."""

    date: str | None
    lines: tuple[str, ...]


def describe_changes(briefing: Briefing) -> list[ChangeView]:
    """The change log in words, newest first."""
    titles = {source.path: source.title for source in briefing.sources}
    names = {actor.id: actor.name for actor in briefing.actors}
    questions = {q.id: q.question for q in (*briefing.open_questions, *briefing.resolved_questions)}
    views = []
    for index, change in reversed(list(enumerate(briefing.changes))):
        if index == 0:
            lines = [f"first published from {_count(len(change.sources), 'source')}"]
        else:
            lines = [f"new source: {titles.get(path, path)}" for path in change.sources]
            if change.actors:
                lines.append("new actors: " + ", ".join(names.get(a, a) for a in change.actors[:8]))
            if change.positions:
                lines.append(_count(len(change.positions), "new position"))
            lines += [f"new question: {questions[q]}" for q in change.questions[:5] if q in questions]
        lines += [f"resolved: {questions[q]}" for q in change.resolved if q in questions]
        views.append(ChangeView(date=change.date, lines=tuple(lines or ["items revised"])))
    return views


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


@dataclass(frozen=True, kw_only=True)
class ActorGroup:
    """One actor's positions, as the Positions section lists them."""

    actor: Actor
    positions: tuple[Position, ...]


@dataclass(frozen=True, kw_only=True)
class BriefingPage:
    """Context of templates/briefing.md.j2."""

    briefing: Briefing
    actors: dict[str, Actor]
    """Actor id -> actor, for names of speakers, targets and members."""
    actor_pages: dict[str, str]
    """Actor id -> slug of the actor's own page (actors/SLUG.md)."""
    document_pages: dict[str, str]
    """Source path -> slug of its text page (documents/SLUG.md)."""
    position_groups: tuple[ActorGroup, ...]
    diagram: str
    """Mermaid source of the alliance diagram; empty when there is no alliance."""
    site_url: str

    @property
    def parties(self) -> tuple[Actor, ...]:
        """The cast without the media it cites, pinned actors first."""
        parties = [actor for actor in self.briefing.actors if actor.kind != "media"]
        return tuple(sorted(parties, key=lambda actor: actor.id not in self.briefing.pinned))

    def cast_by_kind(self) -> list[tuple[str, str, tuple[Actor, ...]]]:
        """(kind, heading, actors) for each kind present, states first, in cast order."""
        return [(kind, label, tuple(a for a in self.parties if a.kind == kind))
                for kind, label in _KIND_HEADINGS if any(a.kind == kind for a in self.parties)]

    @property
    def media(self) -> list[str]:
        return [actor.name for actor in self.briefing.actors if actor.kind == "media"]

    def name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id or "")
        return actor.name if actor else (actor_id or "")

    def describe(self, actor: Actor) -> str:
        """ "Kremlin spokesman, Russia": role and the actor spoken for."""
        parts = [actor.role, self.name(actor.affiliation) if actor.affiliation else None]
        return ", ".join(part for part in parts if part)

    def alliance_line(self, alliance: Alliance) -> str:
        members = ", ".join(self.name(member) for member in alliance.members if member != alliance.group)
        if alliance.relation == "backs" and len(alliance.members) == 2:
            return f"{self.name(alliance.members[0])} backs {self.name(alliance.members[1])}"
        if alliance.group:
            return f"members named: {members}"
        return f"aligned: {members}"

    def latest_change(self) -> ChangeView | None:
        history = self.history()
        return history[0] if history else None

    def history(self) -> list[ChangeView]:
        return describe_changes(self.briefing)


@dataclass(frozen=True, kw_only=True)
class ActorEntry:
    """One actor across all briefings, for the actors index and the actor's page."""

    slug: str
    actor: Actor
    appearances: list[tuple[Briefing, Actor]] = field(default_factory=list)


def render_site_pages(briefings: tuple[Briefing, ...], *, project_templates: Path | None,
                      site_url: str = "", site_name: str = "Briefings") -> dict[str, str]:
    """Every generated page: {path relative to docs_dir: Markdown}."""
    env = environment(project_templates)
    documents = document_slugs(briefings)
    entries = actor_entries(briefings)
    actor_pages = {(b.slug, actor.id): entry.slug for entry in entries for b, actor in entry.appearances}
    pages: dict[str, str] = {}
    for briefing in briefings:
        page = briefing_page(briefing, documents, {a: s for (b, a), s in actor_pages.items() if b == briefing.slug},
                             site_url)
        pages[f"briefings/{briefing.slug}.md"] = env.get_template("briefing.md.j2").render(page=page)
        for source in briefing.sources:
            pages[f"documents/{documents[source.path]}.md"] = env.get_template("document.md.j2").render(
                source=source, briefing=briefing)
    for entry in entries:
        pages[f"actors/{entry.slug}.md"] = env.get_template("actor.md.j2").render(entry=entry)
    pages["actors/index.md"] = env.get_template("actors.md.j2").render(entries=entries)
    pages["index.md"] = env.get_template("home.md.j2").render(briefings=briefings, site_name=site_name)
    return pages


def document_slugs(briefings: tuple[Briefing, ...]) -> dict[str, str]:
    """Source path -> unique slug of its text page."""
    slugs: dict[str, str] = {}
    for source in sorted((s for b in briefings for s in b.sources), key=lambda s: s.path):
        slug, number = source.slug, 1
        while slug in slugs.values():
            number += 1
            slug = f"{source.slug}-{number}"
        slugs[source.path] = slug
    return slugs


def actor_entries(briefings: tuple[Briefing, ...]) -> list[ActorEntry]:
    """Parties across briefings (not the media they cite), one entry per person or body, most present first."""
    entries: list[ActorEntry] = []
    for briefing in briefings:
        for actor in (actor for actor in briefing.actors if actor.kind != "media"):
            entry = next((e for e in entries if same_actor(e.actor, actor)), None)
            if entry is None:
                entry = ActorEntry(slug=_free_slug(actor.id, entries), actor=actor)
                entries.append(entry)
            entry.appearances.append((briefing, actor))
    return sorted(entries, key=lambda e: (-len(e.appearances), -e.actor.salience, e.actor.name))


def _free_slug(base: str, entries: list[ActorEntry]) -> str:
    taken = {entry.slug for entry in entries} | {"index"}
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def briefing_page(briefing: Briefing, documents: dict[str, str], actor_pages: dict[str, str],
                  site_url: str) -> BriefingPage:
    actors = {actor.id: actor for actor in briefing.actors}
    return BriefingPage(
        briefing=briefing, actors=actors, actor_pages=actor_pages, document_pages=documents,
        position_groups=position_groups(briefing), diagram=alliance_diagram(briefing, actors), site_url=site_url,
    )


def position_groups(briefing: Briefing) -> tuple[ActorGroup, ...]:
    """Positions grouped by the actor they belong to, main parties (and pinned items) first."""
    by_actor: dict[str, list[Position]] = defaultdict(list)
    for position in briefing.positions:
        by_actor[position.actor].append(position)
    order = {actor.id: index for index, actor in enumerate(briefing.actors)}
    groups = []
    for actor_id, positions in by_actor.items():
        actor = next((a for a in briefing.actors if a.id == actor_id), None)
        if actor is None:
            continue
        positions.sort(key=lambda p: p.id not in briefing.pinned)
        groups.append(ActorGroup(actor=actor, positions=tuple(positions)))
    groups.sort(key=lambda g: (g.actor.id not in briefing.pinned, order.get(g.actor.id, len(order))))
    return tuple(groups)


def alliance_diagram(briefing: Briefing, actors: dict[str, Actor]) -> str:
    """Mermaid flowchart: an organization with its members, and lines between aligned actors."""
    lines: list[str] = []
    nodes: dict[str, str] = {}

    def node(actor_id: str) -> str:
        if actor_id not in nodes:
            nodes[actor_id] = f"n{len(nodes)}"
            name = actors[actor_id].name if actor_id in actors else actor_id
            lines.append(f'  {nodes[actor_id]}["{mermaid_label(name)}"]')
        return nodes[actor_id]

    edges: list[str] = []
    for alliance in briefing.alliances:
        if alliance.group:
            hub = node(alliance.group)
            edges += [f"  {node(m)} --- {hub}" for m in alliance.members if m != alliance.group]
        else:
            members = list(alliance.members)
            arrow = " -->|backs| " if alliance.relation == "backs" else " --- "
            edges += [f"  {node(a)}{arrow}{node(b)}" for a, b in zip(members, members[1:])]
    if not edges:
        return ""
    return "graph LR\n" + "\n".join(lines + list(dict.fromkeys(edges)))


def evidence_link(evidence: Evidence, documents: dict[str, str], prefix: str = "../") -> str:
    """Relative link to the paragraph an item rests on."""
    return f"{prefix}documents/{documents[evidence.source]}.md#p{evidence.paragraph}"


def by_sentence(evidence: tuple[Evidence, ...]) -> list[tuple[str, list[Evidence]]]:
    """Evidence grouped by its sentence, in order of first appearance: the same sentence in
    several sources (wire copy reprinted) is quoted once and linked to each."""
    groups: dict[str, list[Evidence]] = {}
    for item in evidence:
        groups.setdefault(" ".join(item.text.split()), []).append(item)
    return list(groups.items())


def short_quote(text: str) -> str:
    return text if len(text) <= _QUOTE_MAX_CHARS else text[: _QUOTE_MAX_CHARS].rsplit(" ", 1)[0] + " …"


def cited(text: str) -> str:
    """An evidence sentence in quotation marks, unless it already opens with one."""
    text = short_quote(text)
    return text if text[:1] in "“\"‘'" else f"“{text}”"


def source_label(source: Source) -> str:
    parts = [source.publisher, source.published]
    return " · ".join(part for part in parts if part)
