"""The `briefing` command: a thin layer that parses arguments and calls library functions.

Every command acts on the project in the current folder, or in `--project DIR`.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from generator import __version__
from generator.exceptions import BriefingError

project_option = click.option(
    "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path), default=".",
    show_default=True, help="Project folder (the one holding mkdocs.yml).",
)


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("briefing")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)
    root.propagate = False


@click.group()
@click.version_option(__version__, prog_name="briefing")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def cli(verbose: bool) -> None:
    """Turn news sources into structured Markdown briefings and a static site."""
    _setup_logging(verbose)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["json", "markdown"]), default="json",
              show_default=True, help="json: the shape scored by ../shared/eval; markdown: a briefing page.")
@project_option
def extract(files: tuple[Path, ...], output_format: str, project_dir: Path) -> None:
    """Extract actors, alliances, positions and open questions from FILES.

    One file prints one JSON object; several print a JSON list. Nothing is written.
    """
    from generator.extract.run import extract_files

    results, errors = extract_files(list(files), project_dir)
    for error in errors:
        click.echo(f"error: {error.format_message()}", err=True)
    if output_format == "json":
        from generator.extract.output import extraction_json

        payload = [extraction_json(result) for result in results]
        click.echo(json.dumps(payload[0] if len(files) == 1 and payload else payload, indent=2, ensure_ascii=False))
    else:
        from generator.build import preview_markdown

        click.echo(preview_markdown(results, project_dir))
    if errors:
        sys.exit(1)


@cli.command()
@project_option
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a JSON report of every source and briefing to this file.")
@click.option("--strict", is_flag=True, help="Treat warnings about sources as failures.")
@click.option("--force", is_flag=True, help="Overwrite generated files even if they were edited by hand.")
@click.option("--workers", type=int, default=None, help="Extraction processes (default: mkdocs.yml, or one per core).")
def build(project_dir: Path, report: Path | None, strict: bool, force: bool, workers: int | None) -> None:
    """Extract new or changed sources, write the briefings' Markdown, build the site."""
    from generator.build import build as run_build

    result = run_build(project_dir, force=force, strict=strict, workers=workers)
    for line in result.messages:
        click.echo(line, err=True)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result.report(), indent=2) + "\n", encoding="utf-8")
    click.echo(result.summary_line())
    if result.failed:
        sys.exit(1)


@cli.command()
@project_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(project_dir: Path, dev_addr: str) -> None:
    """Preview the site with live reload; a changed source is re-extracted on save."""
    from generator.serve import serve as run_serve

    run_serve(project_dir, dev_addr=dev_addr)


@cli.command()
@click.argument("location")
@project_option
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds to wait for a URL.")
def add(location: str, project_dir: Path, timeout: float) -> None:
    """Add a source: copy a file, or fetch a URL and save the page, into the sources folder."""
    from generator.add import add_source

    added = add_source(location, project_dir, timeout=timeout)
    click.echo(f"added {added}")


@cli.command()
@click.argument("slug")
@project_option
@click.option("--format", "output_format", type=click.Choice(["md", "html", "text"]), default="md",
              show_default=True)
def snippet(slug: str, project_dir: Path, output_format: str) -> None:
    """Print a newsletter-ready block for briefing SLUG, with deep links."""
    from generator.snippet import snippet as make_snippet

    click.echo(make_snippet(slug, project_dir, output_format))

