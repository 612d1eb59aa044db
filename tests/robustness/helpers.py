"""Helpers for the robustness tests: real projects built by the real `briefing` command.

The command runs in a child process (as a user would run it), so a test sees
exactly what the user sees on stdout and stderr, and the exit code, and can
kill the build with SIGKILL.
"""
from __future__ import annotations

import contextlib
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import SEED, make_project

HERE = Path(__file__).resolve().parent
BRIEFING = Path(sys.executable).parent / "briefing"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_TITLE, SEED_BODY = (part.strip() for part in SEED_TEXT.split("\n", 1))
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--headless"]


@dataclass(frozen=True)
class Run:
    """What the user saw: exit code, standard output and standard error."""

    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """stderr lines, in order."""
        return self.stderr.splitlines()


def briefing_command(project: Path, *args: str) -> list[str]:
    return [str(BRIEFING), "build", "--project", str(project), "--workers", "1", *args]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a build: this one, without a fault hook unless asked for."""
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_FAULT"}
    env.update(extra)
    return env


def run_build(project: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300,
              user: str | None = None) -> Run:
    """`briefing build --project PROJECT ARGS` in a child process, optionally as another user."""
    command = briefing_command(project, *args)
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env or child_env(),
                          stdin=subprocess.DEVNULL)
    return Run(done.returncode, done.stdout, done.stderr)


def tree_digest(folder: Path) -> dict[str, str]:
    """relative path -> sha256 of every file under `folder` (symlinks by their target)."""
    digests = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            digests[relative] = "link:" + os.readlink(path)
        elif path.is_file():
            digests[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def copy_project(built: Path, destination: Path) -> Path:
    """A copy of a built project (symlinks kept as symlinks, so the theme is not copied)."""
    shutil.copytree(built, destination, symlinks=True)
    return destination


def article(title: str, *, extra: str = "") -> str:
    """The sample article under another title (and an extra first paragraph): a distinct, valid source."""
    return f"{title}\n\n{extra + chr(10) * 2 if extra else ''}{SEED_BODY}\n"


@contextlib.contextmanager
def serve(folder: Path):
    """`folder` over HTTP on 127.0.0.1 (a free port) in a daemon thread; yields the base URL."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], ConnectionError):  # a tab that moved on mid-download
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


__all__ = ["BRIEFING", "CHROMIUM", "CHROMIUM_ARGS", "HERE", "Run", "SEED", "SEED_BODY", "SEED_TEXT", "SEED_TITLE",
           "article", "briefing_command", "child_env", "copy_project", "make_project", "run_build", "serve",
           "tree_digest"]
