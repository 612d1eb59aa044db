"""`briefing snippet SLUG`: a newsletter-ready block with deep links into the briefing.

Three formats: Markdown (md), plain text (text) and HTML for email (html). The
HTML uses only inline styles on simple block elements, which email clients
keep; every value from a source is escaped for the format it lands in.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from generator.build import gather
from generator.config import load_project
from generator.escape import md_text
from generator.exceptions import BriefingError
from generator.model import Briefing, Position
from generator.publish import briefing_url
from generator.slugs import slugify

TOP_POSITIONS = 3
TOP_QUESTIONS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    lead: str = ""
    """Who, before the linked text ("Russia: ")."""


@dataclass(frozen=True)
class Snippet:
    title: str
    url: str
    summary: str
    positions: tuple[Link, ...]
    questions: tuple[Link, ...]


def snippet(slug: str, project_dir: Path | str, output_format: str) -> str:
    project = load_project(project_dir)
    result, _ = gather(project)
    briefing = find_briefing(slug, result.assembled.briefings, result.assembled.redirects)
    content = make_snippet(briefing, project.site_url or "http://localhost:8000/")
    return {"md": as_markdown, "html": as_html, "text": as_text}[output_format](content)


def find_briefing(slug: str, briefings: tuple[Briefing, ...], redirects: dict[str, str]) -> Briefing:
    wanted = redirects.get(slugify(slug), slugify(slug))
    for briefing in briefings:
        if briefing.slug == wanted:
            return briefing
    known = ", ".join(b.slug for b in briefings) or "none yet"
    raise BriefingError(f"no briefing '{slug}'. Briefings: {known}")


def make_snippet(briefing: Briefing, site_url: str) -> Snippet:
    url = briefing_url(site_url, briefing)
    names = {actor.id: actor.name for actor in briefing.actors}
    positions = tuple(
        Link(text=p.stance, url=f"{url}#stance-{slugify(p.id)}", lead=f"{names.get(p.actor, p.actor)}: ")
        for p in top_positions(briefing.positions, TOP_POSITIONS)
    )
    questions = tuple(Link(text=q.question, url=f"{url}#question-{slugify(q.id)}")
                      for q in briefing.open_questions[:TOP_QUESTIONS])
    return Snippet(title=briefing.title, url=url, summary=two_sentences(briefing.summary),
                   positions=positions, questions=questions)


def top_positions(positions: tuple[Position, ...], count: int) -> list[Position]:
    """The first position of each actor in the page's order (main parties first), then their
    next ones: a newsletter reader sees who stands where before a second line from anyone."""
    rounds: dict[str, list[Position]] = {}
    for position in positions:
        rounds.setdefault(position.actor, []).append(position)
    ordered = [p for depth in range(max(map(len, rounds.values()), default=0))
               for p in (group[depth] for group in rounds.values() if depth < len(group))]
    return ordered[:count]


def two_sentences(text: str) -> str:
    return " ".join(_SENTENCE_END.split(text.strip())[:2])


def as_markdown(s: Snippet) -> str:
    lines = [f"### [{md_text(s.title)}]({s.url})", "", md_text(s.summary), ""]
    if s.positions:
        lines += ["**Positions**", ""] + [f"- {_md_lead(p.lead)}[{md_text(p.text)}]({p.url})" for p in s.positions] + [""]
    if s.questions:
        lines += ["**Open questions**", ""] + [f"- [{md_text(q.text)}]({q.url})" for q in s.questions] + [""]
    return "\n".join(lines).rstrip() + "\n"


def as_text(s: Snippet) -> str:
    lines = [s.title, s.url, "", s.summary, ""]
    if s.positions:
        lines += ["Positions:"] + [f"- {p.lead}{p.text} <{p.url}>" for p in s.positions] + [""]
    if s.questions:
        lines += ["Open questions:"] + [f"- {q.text} <{q.url}>" for q in s.questions] + [""]
    return "\n".join(lines).rstrip() + "\n"


_FONT = "font-family:Georgia,'Times New Roman',serif;"
_H_STYLE = _FONT + "font-size:20px;line-height:26px;margin:0 0 8px 0;"
_P_STYLE = _FONT + "font-size:15px;line-height:22px;color:#222222;margin:0 0 12px 0;"
_LABEL_STYLE = "font-family:Arial,sans-serif;font-size:12px;letter-spacing:1px;color:#555555;margin:12px 0 4px 0;"
_A_STYLE = "color:#283593;text-decoration:underline;"
_LI_STYLE = _FONT + "font-size:15px;line-height:22px;color:#222222;margin:0 0 6px 0;"


def as_html(s: Snippet) -> str:
    e = lambda text: html.escape(text, quote=True)  # noqa: E731
    parts = [f'<div style="max-width:600px;">',
             f'<h2 style="{_H_STYLE}"><a href="{e(s.url)}" style="{_A_STYLE}">{e(s.title)}</a></h2>',
             f'<p style="{_P_STYLE}">{e(s.summary)}</p>']
    for label, links in (("POSITIONS", s.positions), ("OPEN QUESTIONS", s.questions)):
        if not links:
            continue
        parts.append(f'<p style="{_LABEL_STYLE}">{label}</p>')
        parts.append('<ul style="margin:0 0 12px 0;padding-left:20px;">')
        parts += [f'<li style="{_LI_STYLE}">{e(link.lead)}<a href="{e(link.url)}" style="{_A_STYLE}">{e(link.text)}</a></li>'
                  for link in links]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _md_lead(lead: str) -> str:
    """"Russia: " before a link; md_text trims its text to one line, so the space is put back."""
    return f"{md_text(lead)} " if lead.strip() else ""
