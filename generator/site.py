"""Site: write the generated Markdown into content/, then build site/ with MkDocs.

Generated Markdown: a file is rewritten only when its text changes (unchanged
files keep their bytes and mtime); a file whose bytes differ from what the
last build wrote was edited by hand and is never overwritten without --force.

Crash safety (a build can be killed at any moment, or run out of disk):

1. the hashes of the new pages are recorded in content/.briefing/pending.json;
2. every changed page is written to a hidden temporary file beside it and
   flushed to disk (a full disk or a read-only folder fails here, before any
   page is replaced, and the temporary files are removed);
3. the temporary files are renamed over the pages, each in one step.

So every page always holds either its old or its new text, and a build killed
during step 3 leaves pages the next build recognises through pending.json
(they are not mistaken for hand edits); it removes the killed build's leftovers.

The site is built into a new folder beside site/ and swapped in whole, so a
failed or killed build leaves the previous site as it was.
"""
from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.config import Project
from generator.exceptions import HandEditedFile, OutputError, SiteBuildError
from generator.files import (
    cannot_write, commit_file, digest, discard, fault_point, process_alive, recover_interrupted_swap,
    remove_stale_temp_files, stage_file, swap_directories, write_atomic,
)
from generator.state import State

log = logging.getLogger("briefing.site")
PENDING_FILE = "pending.json"
SITE_KEPT = "the previous site is kept"
NOTHING_CHANGED = "no page was changed"


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
        path = output_path(project, relative)
        if not path.is_file():
            continue
        current = digest(path.read_bytes())
        if relative in pages and current == digest(pages[relative]):
            continue
        if current not in accepted.get(relative, set()):
            edited.append(project.relative(path))
    return edited


def output_path(project: Project, relative: str) -> Path:
    """Where a generated page goes: a plain relative path inside docs_dir, never elsewhere.

    Page paths are built from slugs, which cannot hold a separator; this is the
    last check before a file is written or deleted, so that no title, file name
    or edited state file can make the build touch a file outside its folders.
    """
    pure = PurePosixPath(relative)
    problem = None
    if not relative or "\\" in relative or "\0" in relative or pure.is_absolute():
        problem = "not a relative path"
    elif any(part in ("", ".", "..") or part.startswith(".") for part in relative.split("/")):
        problem = "has an empty, '.', '..' or hidden part"
    elif pure.suffix != ".md":
        problem = "is not a .md page"
    path = project.docs_dir.joinpath(*pure.parts)
    if problem is None and any(_inside(path, folder) for folder in (project.sources_dir, project.state_dir)):
        problem = "is inside the sources or state folder"
    if problem is not None:
        raise OutputError(f"{relative!r}: refusing to write this generated page: the path {problem}. "
                          "Hint: this is a bug in the generator; please report it")
    return path


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def write_pages(pages: dict[str, str], project: Project, state: State, *, force: bool) -> WriteResult:
    """Write the pages that changed, remove the ones no longer generated, update state.written."""
    targets = {relative: output_path(project, relative) for relative in pages}
    stale = {relative: output_path(project, relative) for relative in set(state.written) - set(pages)}
    remove_stale_temp_files(_output_folders(project, [*targets.values(), *stale.values()]))
    edited = find_hand_edits(pages, project, state)
    if edited and not force:
        raise HandEditedFile(edited)
    new_hashes = {relative: digest(text) for relative, text in pages.items()}
    changed = {relative: text for relative, text in sorted(pages.items()) if not _holds(targets[relative], text)}
    # Recorded before any page is replaced: a build killed half-way leaves files the next build recognises.
    pending = project.state_dir / PENDING_FILE
    write_atomic(pending, _json(new_hashes), shown=project.relative(pending), kept=NOTHING_CHANGED)
    staged = _stage_pages({relative: (targets[relative], text) for relative, text in changed.items()}, project)
    for relative, temporary in staged.items():
        fault_point("commit")
        try:
            commit_file(temporary, targets[relative])
        except OSError as error:
            discard(staged.values())
            raise OutputError(cannot_write(project.relative(targets[relative]), error,
                                           "pages not yet replaced keep their previous text")) from error
    removed = []
    for relative, path in sorted(stale.items()):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(relative)
    state.written = new_hashes
    return WriteResult(written=tuple(changed), removed=tuple(removed), unchanged=len(pages) - len(changed))


def _stage_pages(pages: dict[str, tuple[Path, str]], project: Project) -> dict[str, Path]:
    """Every page's new text in a temporary file beside it; on any failure none is left and none replaced."""
    staged: dict[str, Path] = {}
    for relative, (path, text) in pages.items():
        try:
            staged[relative] = stage_file(path, text)
        except OSError as error:
            discard(staged.values())
            raise OutputError(cannot_write(project.relative(path), error, NOTHING_CHANGED)) from error
        fault_point("stage")
    return staged


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _output_folders(project: Project, paths: list[Path]) -> set[Path]:
    """Folders the build writes into (where a killed build may have left temporary files)."""
    state = project.state_dir
    return {path.parent for path in paths} | {state, *(p for p in state.glob("*") if p.is_dir())}


def finish_writing(project: Project) -> None:
    """The state that records the new pages is saved: the pending record is no longer needed."""
    with contextlib.suppress(FileNotFoundError):
        (project.state_dir / PENDING_FILE).unlink()


def _accepted_hashes(project: Project, state: State) -> dict[str, set[str]]:
    accepted = {relative: {value} for relative, value in state.written.items()}
    pending = project.state_dir / PENDING_FILE
    if pending.exists():
        with contextlib.suppress(ValueError, OSError):
            for relative, value in json.loads(pending.read_text(encoding="utf-8")).items():
                accepted.setdefault(relative, set()).add(value)
    return accepted


def _json(data: dict) -> str:
    return json.dumps(dict(sorted(data.items())), indent=1) + "\n"


# --- the site ----------------------------------------------------------------------


def check_site_writable(project: Project) -> None:
    """Raise OutputError now if site/ cannot be replaced (read-only folder), before anything is built.

    os.access sees read-only mounts and immutable folders even for root.
    """
    site_dir = project.site_dir
    shown = project.relative(site_dir)
    for folder, role in ((site_dir.parent, "the folder that holds it"), (site_dir, "the folder")):
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(cannot_write(shown, OSError(errno.EACCES, f"{role} is read-only"), SITE_KEPT))


def build_site(project: Project, *, post_build=None) -> Path:
    """Run MkDocs into a fresh folder, let `post_build(folder)` add files, then swap it in as site/."""
    if project.config_file is None:
        raise SiteBuildError(f"{project.root}: no mkdocs.yml, so there is no site to build")
    site_dir = project.site_dir
    shown = project.relative(site_dir)
    check_site_writable(project)
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    try:
        recover_interrupted_swap(site_dir)
        _remove_stale_builds(site_dir)
        shutil.rmtree(staging, ignore_errors=True)
        _run_mkdocs(project, staging)
        if post_build is not None:
            post_build(staging)
        fault_point("site-built")
        swap_directories(staging, site_dir)
    except OSError as error:
        raise OutputError(cannot_write(shown, error, SITE_KEPT)) from error
    except OutputError as error:  # raised by post_build (feeds, cards): say that the site was kept
        message = error.format_message()
        raise OutputError(message if SITE_KEPT in message else f"{message}; {SITE_KEPT}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir


def _run_mkdocs(project: Project, staging: Path) -> None:
    from mkdocs import exceptions as mkdocs_exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    try:
        config = load_config(str(project.config_file), site_dir=str(staging), strict=True)
        with _quiet_mkdocs_errors():
            mkdocs_build(config)
    except mkdocs_exceptions.Abort as error:
        raise SiteBuildError(f"MkDocs stopped: {error.message}; {SITE_KEPT}") from error
    except mkdocs_exceptions.MkDocsException as error:
        raise SiteBuildError(f"MkDocs failed: {error}; {SITE_KEPT}") from error


@contextlib.contextmanager
def _quiet_mkdocs_errors():
    """MkDocs logs "Error building page ..." before it re-raises an OSError; the OutputError
    raised from it says the same with the fix, so the log line would only repeat it."""
    logger = logging.getLogger("mkdocs.commands.build")

    def not_an_os_error(record: logging.LogRecord) -> bool:
        return not (record.levelno >= logging.ERROR and "Errno" in record.getMessage())

    logger.addFilter(not_an_os_error)
    try:
        yield
    finally:
        logger.removeFilter(not_an_os_error)


def _remove_stale_builds(site_dir: Path) -> None:
    """Folders left by builds that were killed before they could clean up."""
    for stale in site_dir.parent.glob(f".{site_dir.name}.building-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not process_alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)

