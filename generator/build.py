"""build(): the pipeline from sources to site, top to bottom.

    list sources -> extract (cache, all cores) -> drop duplicates -> assemble briefings
    -> render Markdown -> write what changed -> MkDocs -> feeds, cards, redirects -> swap site

Everything is gathered and checked before anything is written; the state
(slugs, change logs, hashes of written files) is saved last.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.assemble import Assembled, assemble
from generator.config import Project, load_project
from generator.exceptions import DuplicateSource, StrictWarning, UnsupportedSource
from generator.extract.batch import Outcome, extract_sources
from generator.files import build_lock
from generator.ingest import is_source_file
from generator.model import Extraction
from generator.render import render_site_pages
from generator.site import build_site, check_site_writable, finish_writing, write_pages
from generator.state import State, load_state, save_state

log = logging.getLogger("briefing.build")


@dataclass
class BuildResult:
    project: Project
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    assembled: Assembled | None = None
    written: tuple[str, ...] = ()
    seconds: float = 0.0
    strict: bool = False

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def messages(self) -> list[str]:
        lines = [f"error: {o.error.format_message()}" for o in self.failed if o.error is not None]
        return lines + [f"warning: {w}" for w in self.warnings]

    def summary_line(self) -> str:
        count = lambda status: sum(1 for o in self.outcomes if o.status == status)  # noqa: E731
        briefings = len(self.assembled.briefings) if self.assembled else 0
        return (f"{len(self.outcomes)} sources read: {count('extracted')} extracted, {count('cached')} cached, "
                f"{count('failed')} failed; {briefings} briefings, {len(self.written)} pages written; "
                f"{self.seconds:.1f} s")

    def report(self) -> dict:
        """The --report JSON: every source with its status, every briefing with its files."""
        docs = self.project.relative(self.project.docs_dir)
        briefings = []
        for briefing in self.assembled.briefings if self.assembled else ():
            briefings.append({
                "slug": briefing.slug,
                "markdown": f"{docs}/briefings/{briefing.slug}.md",
                "url": f"briefings/{briefing.slug}/",
                "sources": [source.path for source in briefing.sources],
            })
        return {
            "sources": [{"path": o.path, "status": o.status,
                         "error": o.error.format_message() if o.error else None} for o in self.outcomes],
            "warnings": self.warnings,
            "briefings": briefings,
        }


def build(project_dir: Path | str = ".", *, force: bool = False, strict: bool = False,
          workers: int | None = None) -> BuildResult:
    """Build the project in `project_dir`; source problems are reported in the result, not raised."""
    started = time.monotonic()
    project = load_project(project_dir)
    with build_lock(project.cache_dir / "build.lock", on_wait=lambda message: log.warning(message),
                    shown=project.relative(project.cache_dir / "build.lock")):
        check_site_writable(project)  # a read-only site/ stops the build before content/ changes
        result = generate(project, force=force, strict=strict, workers=workers)
        with _content_timestamp(result.assembled):
            build_site(project, post_build=lambda folder: _post_build(folder, result.assembled, project))
    result.seconds = time.monotonic() - started
    return result


def generate(project: Project, *, force: bool = False, strict: bool = False,
             workers: int | None = None) -> BuildResult:
    """Every step but the site: sources to briefings' Markdown in content/, and the state saved."""
    result, state = gather(project, strict=strict, workers=workers)
    pages = render_site_pages(result.assembled.briefings, project_templates=project.root / "templates",
                              site_url=project.site_url, site_name=project.site_name)
    result.written = write_pages(pages, project, state, force=force).written
    save_state(project.state_dir, state)
    finish_writing(project)
    return result


def gather(project: Project, *, strict: bool = False, workers: int | None = None) -> tuple[BuildResult, State]:
    """Extract (or load from the cache) every source and assemble the briefings; nothing is written."""
    result = BuildResult(project=project, strict=strict)
    result.outcomes = extract_sources(list_sources(project), project, workers=workers)
    result.outcomes += [_unsupported(path, project) for path in unsupported_files(project)]
    extractions = _usable_extractions(result)
    state = load_state(project.state_dir)
    result.assembled = assemble(extractions, project, state, build_date=build_date())
    return result, state


def list_sources(project: Project) -> list[Path]:
    """Source files in the sources folder and its subfolders, in a stable order."""
    if not project.sources_dir.is_dir():
        return []
    # A link whose target is gone is listed too, so that it is reported (E101), not skipped.
    return sorted(path for path in project.sources_dir.rglob("*")
                  if (path.is_file() or path.is_symlink()) and is_source_file(path))


def unsupported_files(project: Project) -> list[Path]:
    """Files in the sources folder that are not sources (a PDF, a Word file): each is reported."""
    if not project.sources_dir.is_dir():
        return []
    return sorted(path for path in project.sources_dir.rglob("*")
                  if (path.is_file() or path.is_symlink()) and not is_source_file(path)
                  and not path.name.startswith("."))


def _unsupported(path: Path, project: Project) -> Outcome:
    shown = project.relative(path)
    return Outcome(path=shown, status="failed", error=UnsupportedSource(shown, f"'{path.suffix or path.name}'"))


def _usable_extractions(result: BuildResult) -> list[Extraction]:
    """Extractions of the sources that can be used: failures left out, duplicates said once."""
    seen: dict[str, str] = {}
    usable = []
    for outcome in result.outcomes:
        extraction = outcome.extraction
        if extraction is None:
            continue
        result.warnings += [f"{outcome.path}: {warning}" for warning in extraction.source.warnings]
        fingerprint = extraction.source.text
        if fingerprint in seen:
            duplicate = DuplicateSource(outcome.path, f"same text as {seen[fingerprint]}; only that one is used")
            result.warnings.append(duplicate.format_message())
            continue
        seen[fingerprint] = outcome.path
        usable.append(extraction)
    if result.strict and result.warnings:
        result.outcomes = [_strict_failure(o, result.warnings) for o in result.outcomes]
        failed = {o.path for o in result.outcomes if o.status == "failed"}
        # A failed source is left out, and its warning is said once, in its error line.
        usable = [e for e in usable if e.source.path not in failed]
        result.warnings = [w for w in result.warnings if not any(w.startswith(f"{path}: ") for path in failed)]
    return usable


def _strict_failure(outcome: Outcome, warnings: list[str]) -> Outcome:
    mine = [w.removeprefix(f"{outcome.path}: ") for w in warnings if w.startswith(f"{outcome.path}:")]
    if not mine or outcome.status == "failed":
        return outcome
    return Outcome(path=outcome.path, status="failed", error=StrictWarning(outcome.path, "; ".join(mine)))


def _post_build(folder: Path, assembled: Assembled, project: Project) -> None:
    from generator.publish import write_extras

    write_extras(folder, assembled, project)


@contextlib.contextmanager
def _content_timestamp(assembled: Assembled):
    """Let MkDocs date the site (sitemap, gzip headers) by its content, not the clock, so that
    the same sources build the same bytes. An explicit SOURCE_DATE_EPOCH wins."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    dates = [b.updated for b in assembled.briefings if b.updated]
    day = dt.date.fromisoformat(max(dates)) if dates else dt.date(1970, 1, 1)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day,
                                                          tzinfo=dt.timezone.utc).timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def build_date() -> str:
    """Today (UTC), or the date SOURCE_DATE_EPOCH names, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return moment.date().isoformat()


def preview_markdown(extractions: list[Extraction], project_dir: Path) -> str:
    """The briefing page `briefing extract --format markdown` prints for these sources."""
    from generator.assemble import build_briefing

    project = load_project(project_dir, require_config=False)
    if not extractions:
        return ""
    briefing = build_briefing("preview", extractions, max_questions=project.settings.max_open_questions)
    pages = render_site_pages((briefing,), project_templates=project.root / "templates")
    return pages["briefings/preview.md"]
