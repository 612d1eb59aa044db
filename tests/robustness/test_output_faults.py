"""Output that cannot be written: two builds at once, read-only folders, a full disk.

How each fault is made here (the tests run as root, which ignores permission bits):

- lock: the test holds the project's build lock itself (generator/files.py::build_lock)
  while two real builds start; both must wait, say so, and then both succeed;
- read-only site/: `chattr +i` (immutable: even root cannot rename or replace it);
- read-only content/briefings/: the build runs as the unprivileged user `nobody`
  (setpriv) on a project it owns, with that one folder chmod 555;
- full disk: the project lives on a 24 MB tmpfs mounted for the test, filled up with
  a file until too little is left for a new site (then nothing at all).

Every case must end with a clear one-line error naming the file or folder, exit
code 1, and the previous site exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from generator.files import build_lock
from tests.robustness.helpers import (
    SEED, SEED_TITLE, article, briefing_command, child_env, copy_project, make_project, run_build, tree_digest,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("output-faults")]

EXTRA = "The ministers met again on Friday, and the talks went on late into the night, officials said."
DISK_HINT = "Hint: free some disk space (or raise the quota) and build again"
READ_ONLY_HINT = ("Hint: the folder is read-only for this user: fix its permissions (or its immutable flag, see "
                  "lsattr) or build a copy of the project")


def change_source(project: Path, extra: str = EXTRA) -> None:
    (project / "content" / "sources" / SEED.name).write_text(article(SEED_TITLE, extra=extra), encoding="utf-8")


def generated(project: Path) -> dict[str, str]:
    content = project / "content"
    return {key: value for key, value in tree_digest(content).items()
            if key.split("/")[0] in ("briefings", "documents", "actors", "index.md")}


def wait_for_text(path: Path, text: str, count: int = 1, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(encoding="utf-8").count(text) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"{path} never said {text!r}: {path.read_text(encoding='utf-8') if path.exists() else ''}")


# --- two builds at once -------------------------------------------------------------


def test_a_lock_file_that_cannot_be_created_stops_the_build_naming_it_relative_to_the_project(built_seed, tmp_path):
    project = copy_project(built_seed, tmp_path / "project")
    shutil.rmtree(project / ".cache" / "briefing")
    (project / ".cache" / "briefing").write_text("a file where the cache folder should be", encoding="utf-8")
    old_site, old_content = tree_digest(project / "site"), generated(project)
    run = run_build(project)
    assert run.code == 1
    assert run.stderr.splitlines() == [
        "Error: .cache/briefing/build.lock: cannot write (File exists); nothing was built. Hint: a file stands "
        "where the path needs a folder; move it away and build again"]
    assert tree_digest(project / "site") == old_site and generated(project) == old_content



def test_builds_started_while_another_runs_wait_and_say_so(built_seed, tmp_path):
    project = copy_project(built_seed, tmp_path / "project")
    change_source(project)
    old_site, old_content = tree_digest(project / "site"), generated(project)
    logs = [tmp_path / "first.err", tmp_path / "second.err"]
    waiting = f"another build (pid {os.getpid()}) is running in this project; waiting for it to finish"
    with build_lock(project / ".cache" / "briefing" / "build.lock"):
        builds = [subprocess.Popen(briefing_command(project), env=child_env(), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=log.open("w")) for log in logs]
        for log in logs:
            wait_for_text(log, waiting)
        time.sleep(1)  # they keep waiting: nothing is written while another build holds the lock
        assert tree_digest(project / "site") == old_site and generated(project) == old_content
    assert [build.wait(timeout=300) for build in builds] == [0, 0]
    for log in logs:
        assert log.read_text(encoding="utf-8").splitlines() == [f"WARNING briefing.build: {waiting}"]
    assert tree_digest(project / "site") != old_site, "the builds did not run after the lock was released"


# --- read-only folders ----------------------------------------------------------------


@pytest.fixture
def immutable(tmp_path):
    """chattr +i on a folder for the length of a test (and always undone, so pytest can delete it)."""
    if shutil.which("chattr") is None or os.geteuid() != 0:
        pytest.skip("needs root and chattr")
    frozen: list[Path] = []

    def freeze(folder: Path) -> None:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"this file system has no immutable flag: {done.stderr.strip()}")
        frozen.append(folder)

    yield freeze
    for folder in frozen:
        subprocess.run(["chattr", "-i", str(folder)], check=False)


def test_read_only_site_gives_a_clear_error_and_keeps_the_old_site(built_seed, tmp_path, immutable):
    project = copy_project(built_seed, tmp_path / "project")
    change_source(project)
    old_site = tree_digest(project / "site")
    immutable(project / "site")
    run = run_build(project)
    assert run.code == 1
    assert run.lines == [f"Error: site: cannot write (the folder is read-only); the previous site is kept. "
                         f"{READ_ONLY_HINT}"]
    assert tree_digest(project / "site") == old_site
    assert not list(tmp_path.glob("project/.site.building-*"))


def test_read_only_site_is_found_before_any_page_is_written(built_seed, tmp_path, immutable):
    project = copy_project(built_seed, tmp_path / "project")
    change_source(project)
    old_content = generated(project)
    immutable(project / "site")
    assert run_build(project).code == 1
    assert generated(project) == old_content


@pytest.fixture
def nobody_project(built_seed):
    """A copy of the built sample, owned by `nobody`, outside root's private pytest folder."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a build as an unprivileged user")
    folder = Path(tempfile.mkdtemp(prefix="briefing-robust-"))
    folder.chmod(0o755)
    project = copy_project(built_seed, folder / "project")
    for path in [project, *project.rglob("*")]:
        os.lchown(path, 65534, 65534)
    try:
        yield project
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_read_only_content_folder_gives_a_clear_error_and_changes_nothing(nobody_project):
    project = nobody_project
    change_source(project)
    old_site, old_content = tree_digest(project / "site"), generated(project)
    (project / "content" / "briefings").chmod(0o555)
    [page] = (project / "content" / "briefings").glob("*.md")
    run = run_build(project, user="65534", env=child_env(HOME=str(project)))
    assert run.code == 1
    assert run.lines == [f"Error: content/briefings/{page.name}: cannot write (Permission denied); no page was "
                         f"changed. {READ_ONLY_HINT}"]
    assert generated(project) == old_content, "a page changed although the build failed"
    assert tree_digest(project / "site") == old_site
    assert not [p for p in (project / "content").rglob("*.briefing-tmp")], "temporary files were left behind"


# --- a full disk ----------------------------------------------------------------------------


@pytest.fixture
def small_disk():
    """A 24 MB tmpfs, mounted for the test (root only) and unmounted after it."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs")
    folder = Path(tempfile.mkdtemp(prefix="briefing-disk-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def fill(disk: Path, name: str, leave: int) -> None:
    """Write a file that leaves `leave` bytes free on `disk`."""
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize
    with open(disk / name, "wb") as handle:
        handle.write(b"\0" * max(free - leave, 0))


def test_full_disk_gives_a_clear_error_and_keeps_the_old_site(small_disk):
    project = make_project(small_disk / "project", {SEED.name: SEED.read_bytes()})
    assert run_build(project).code == 0
    old_site = tree_digest(project / "site")

    change_source(project)
    fill(small_disk, "filler", leave=1024 * 1024)  # room for the Markdown, not for a new site
    run = run_build(project)
    assert run.code == 1
    assert run.lines == [f"Error: site: cannot write (No space left on device); the previous site is kept. {DISK_HINT}"]
    assert tree_digest(project / "site") == old_site
    assert not list(project.glob(".site.building-*")), "the half-built site was not removed"

    content_now = generated(project)
    change_source(project, EXTRA + " A last paragraph arrived on Saturday.")
    fill(small_disk, "filler-2", leave=0)  # not a byte left: not even the pending record fits
    run = run_build(project)
    assert run.code == 1
    assert run.lines[-1] == (f"Error: content/.briefing/pending.json: cannot write (No space left on device); "
                             f"no page was changed. {DISK_HINT}")
    assert generated(project) == content_now
    assert tree_digest(project / "site") == old_site

    for filler in ("filler", "filler-2"):
        (small_disk / filler).unlink()
    run = run_build(project)
    assert run.code == 0, run.stderr
    assert tree_digest(project / "site") != old_site
    assert not [p for p in (project / "content").rglob("*.briefing-tmp")]
