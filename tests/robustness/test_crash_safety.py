"""A build killed at any moment leaves the previous output whole, and the next build finishes the job.

How the kills are made: generator/files.py::fault_point reads BRIEFING_FAULT
(the only place it is read) and sends the process SIGKILL at a named point of
the write path; other kills are sent from outside after fixed delays, landing
wherever the build happens to be (extraction, MkDocs, the swap).

"Whole" means: site/ is exactly the old site or exactly the new one (every
file, byte for byte), and every generated Markdown file holds exactly its old
or its new bytes (never a mix within a file, never a truncated file). Builds run
with SOURCE_DATE_EPOCH fixed, so the new output is the same in every run.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from generator.files import TEMP_SUFFIX
from tests.robustness.helpers import (
    SEED, SEED_TITLE, article, briefing_command, child_env, copy_project, make_project, run_build, tree_digest,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("crash-safety")]

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
GENERATED = ("briefings", "documents", "actors", "index.md")
EXTRA_PARAGRAPH = "The ministers met again on Friday, and the talks went on late into the night, officials said."
SECOND_SOURCE = article("A second look at the alliance",
                        extra="Analysts said the alliance would be tested again this winter, officials said.")


def generated(project: Path) -> dict[str, str]:
    """Digest of every generated Markdown file (hidden temporary files aside: see leftovers)."""
    content = project / "content"
    digests = {}
    for name in GENERATED:
        path = content / name
        if path.is_dir():
            digests.update({f"{name}/{key}": value for key, value in tree_digest(path).items()
                            if not key.endswith(TEMP_SUFFIX)})
        elif path.is_file():
            digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def change_sources(project: Path) -> None:
    """What the second build has to publish: the article gains a paragraph, and a second source arrives."""
    sources = project / "content" / "sources"
    (sources / SEED.name).write_text(article(SEED_TITLE, extra=EXTRA_PARAGRAPH), encoding="utf-8")
    (sources / "second.txt").write_text(SECOND_SOURCE, encoding="utf-8")


def leftovers(project: Path) -> list[str]:
    """Files and folders a killed build leaves behind, which the next build must clear away."""
    hidden = [p for p in (project / "content").rglob("*.briefing-tmp")]
    staging = list(project.glob(".site.building-*")) + list(project.glob("site.old"))
    return sorted(str(p.relative_to(project)) for p in hidden + staging)


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The project built once (old), and the output a complete second build gives (new)."""
    base = tmp_path_factory.mktemp("crash")
    old = make_project(base / "old", {SEED.name: SEED.read_bytes()})
    first = run_build(old, env=child_env(**EPOCH))
    assert first.code == 0, first.stderr
    new = copy_project(old, base / "new")
    change_sources(new)
    second = run_build(new, env=child_env(**EPOCH))
    assert second.code == 0, second.stderr
    state = {
        "old": (tree_digest(old / "site"), generated(old)),
        "new": (tree_digest(new / "site"), generated(new)),
    }
    assert state["old"][0] != state["new"][0] and state["old"][1] != state["new"][1], "the second build changes nothing"
    return old, state


def killed_copy(versions, tmp_path: Path) -> Path:
    """The old project with the new sources, and the new extractions already cached (to save time)."""
    old, _ = versions
    project = copy_project(old, tmp_path / "project")
    change_sources(project)
    shutil.rmtree(project / ".cache")
    shutil.copytree(old.parent / "new" / ".cache", project / ".cache")
    return project


def assert_whole(project: Path, versions, *, site: str | None = None, content: str | None = None) -> None:
    """site/ is the old or the new site, every generated file its old or new bytes (or exactly `site`/`content`)."""
    _, state = versions
    site_now, content_now = tree_digest(project / "site"), generated(project)
    old_site, new_site = state["old"][0], state["new"][0]
    if site is None:
        assert site_now in (old_site, new_site), "site/ is neither the old site nor the new one"
    else:
        assert site_now == state[site][0], f"site/ is not the {site} site"
    old_content, new_content = state["old"][1], state["new"][1]
    for name, value in content_now.items():
        assert value in (old_content.get(name), new_content.get(name)), f"content/{name} is neither old nor new"
    assert set(old_content) <= set(content_now), "a page of the old output is missing"
    if content is not None:
        assert content_now == state[content][1], f"content/ is not the {content} content"


def assert_next_build_recovers(project: Path, versions) -> None:
    """The next build succeeds at once (the kernel dropped the killed build's lock), with no 'edited by
    hand' complaint, and leaves exactly the new output."""
    run = run_build(project, env=child_env(**EPOCH))
    assert run.code == 0, run.stderr
    assert "edited by hand" not in run.stderr and "waiting" not in run.stderr
    assert_whole(project, versions, site="new", content="new")
    assert leftovers(project) == []


@pytest.mark.parametrize(("fault", "site", "content"), [
    ("stage:2", "old", "old"),         # two pages staged beside their targets, none replaced
    ("commit:4", "old", None),         # all staged, three pages renamed: a mix of old and new pages
    ("write:3", "old", "new"),         # pages in place, state half saved
    ("site-built", "old", "new"),      # new site complete in its staging folder, not swapped in
    ("swapped", "new", "new"),         # swapped in; the old site not yet deleted
])
def test_kill_at_a_write_step_leaves_output_whole(versions, tmp_path, fault, site, content):
    project = killed_copy(versions, tmp_path)
    run = run_build(project, env=child_env(BRIEFING_FAULT=fault, **EPOCH))
    assert run.code == -signal.SIGKILL, f"the build was not killed at {fault}: {run.code} {run.stderr}"
    assert_whole(project, versions, site=site, content=content)
    assert_next_build_recovers(project, versions)


@pytest.fixture(scope="module")
def build_seconds(versions, tmp_path_factory) -> float:
    """How long the build the delayed kills interrupt takes here; it runs with the fault hook set to a
    point that does not exist, which also shows that the hook does nothing unless its point is reached."""
    project = killed_copy(versions, tmp_path_factory.mktemp("timed"))
    started = time.monotonic()
    run = run_build(project, env=child_env(BRIEFING_FAULT="no-such-point", **EPOCH))
    seconds = time.monotonic() - started
    assert run.code == 0, run.stderr
    assert_whole(project, versions, site="new", content="new")
    return seconds


@pytest.mark.parametrize("share", [0.45, 0.7, 0.9])
def test_kill_after_a_delay_leaves_output_whole(versions, build_seconds, tmp_path, share):
    """SIGKILL from outside, at a share of a build's duration: wherever the build is then (MkDocs, the swap...)."""
    project = killed_copy(versions, tmp_path)
    process = subprocess.Popen(briefing_command(project), env=child_env(**EPOCH), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True)
    time.sleep(build_seconds * share)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert_whole(project, versions)
    assert_next_build_recovers(project, versions)


def test_pages_of_a_killed_build_are_not_taken_for_hand_edits(versions, tmp_path):
    """Killed mid-way through replacing pages, then the sources change again before the next build:
    the pages the killed build wrote differ from both the recorded and the new ones, and only the
    pending record (content/.briefing/pending.json) tells the next build that the generator wrote them."""
    project = killed_copy(versions, tmp_path)
    killed = run_build(project, env=child_env(BRIEFING_FAULT="commit:4", **EPOCH))
    assert killed.code == -signal.SIGKILL
    sources = project / "content" / "sources"
    (sources / "second.txt").write_text(SECOND_SOURCE.replace("this winter", "next spring"), encoding="utf-8")
    (sources / SEED.name).write_text(article(SEED_TITLE, extra=EXTRA_PARAGRAPH + " They will meet again."),
                                     encoding="utf-8")
    run = run_build(project, env=child_env(**EPOCH))
    assert run.code == 0, run.stderr
    assert "edited by hand" not in run.stderr
    assert leftovers(project) == []
