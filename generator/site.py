"""Site: write the generated Markdown into content/, then build site/ with MkDocs.

Generated Markdown: a file is rewritten only when its text changes (unchanged
files keep their bytes and mtime); a file whose bytes differ from what the
last build wrote was edited by hand and is never overwritten without --force.

The site is built into a new folder beside site/ and swapped in whole, so a
failed or killed build leaves the previous site as it was.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.config import Project
from generator.exceptions import HandEditedFile, OutputError, SiteBuildError
from generator.files import digest, recover_interrupted_swap, swap_directories, write_atomic
from generator.state import State

log = logging.getLogger("briefing.site")
PENDING_FILE = "pending.json"


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def find_hand_edits(pages: dict[str, str], project: Project, state: State) -> list[str]:
    """Generated files whose bytes are neither what the last build wrote nor what it would write now."""
    accepted = _accepted_hashes(project, state)
    edited = []
    for relative in sorted(set(pages) | set(state.written)):
        path = project.docs_dir / relative
        if not path.is_file():
            continue
        current = digest(path.read_bytes())
        if relative in pages and current == digest(pages[relative]):
            continue
        if current not in accepted.get(relative, set()):
            edited.append(project.relative(path))
    return edited


def write_pages(pages: dict[str, str], project: Project, state: State, *, force: bool) -> WriteResult:
    """Write the pages that changed, remove the ones no longer generated, update state.written."""
    edited = find_hand_edits(pages, project, state)
    if edited and not force:
        raise HandEditedFile(edited)
    new_hashes = {relative: digest(text) for relative, text in pages.items()}
    # Recorded before any page is replaced: a build killed half-way leaves files the next build recognises.
    write_atomic(project.state_dir / PENDING_FILE, _json(new_hashes))
    written, unchanged = [], 0
    for relative, text in sorted(pages.items()):
        path = project.docs_dir / relative
        if path.is_file() and path.read_bytes() == text.encode("utf-8"):
            unchanged += 1
            continue
        write_atomic(path, text)
        written.append(relative)
    removed = []
    for relative in sorted(set(state.written) - set(pages)):
        with contextlib.suppress(FileNotFoundError):
            (project.docs_dir / relative).unlink()
            removed.append(relative)
    state.written = new_hashes
    return WriteResult(written=tuple(written), removed=tuple(removed), unchanged=unchanged)


def finish_writing(project: Project) -> None:
    """The state that records the new pages is saved: the pending record is no longer needed."""
    with contextlib.suppress(FileNotFoundError):
        (project.state_dir / PENDING_FILE).unlink()


def _accepted_hashes(project: Project, state: State) -> dict[str, set[str]]:
    import json

    accepted = {relative: {value} for relative, value in state.written.items()}
    pending = project.state_dir / PENDING_FILE
    if pending.exists():
        with contextlib.suppress(ValueError, OSError):
            for relative, value in json.loads(pending.read_text(encoding="utf-8")).items():
                accepted.setdefault(relative, set()).add(value)
    return accepted


def _json(data: dict) -> str:
    import json

    return json.dumps(dict(sorted(data.items())), indent=1) + "\n"


def build_site(project: Project, *, post_build=None) -> Path:
    """Run MkDocs into a fresh folder, let `post_build(folder)` add files, then swap it in as site/."""
    if project.config_file is None:
        raise SiteBuildError(f"{project.root}: no mkdocs.yml, so there is no site to build")
    site_dir = project.site_dir
    recover_interrupted_swap(site_dir)
    _remove_stale_builds(site_dir)
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _run_mkdocs(project, staging)
        if post_build is not None:
            post_build(staging)
        swap_directories(staging, site_dir)
    except OSError as error:
        raise OutputError(f"{site_dir}: cannot write the site ({error.strerror or error}); "
                          "the previous site is kept") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir


def _run_mkdocs(project: Project, staging: Path) -> None:
    from mkdocs import exceptions as mkdocs_exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    try:
        config = load_config(str(project.config_file), site_dir=str(staging), strict=True)
        mkdocs_build(config)
    except mkdocs_exceptions.Abort as error:
        raise SiteBuildError(f"MkDocs stopped: {error.message}; the previous site is kept") from error
    except mkdocs_exceptions.MkDocsException as error:
        raise SiteBuildError(f"MkDocs failed: {error}; the previous site is kept") from error


def _remove_stale_builds(site_dir: Path) -> None:
    """Folders left by builds that were killed before they could clean up."""
    for stale in site_dir.parent.glob(f".{site_dir.name}.building-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _process_alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
