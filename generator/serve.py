"""`briefing serve`: MkDocs' live-reloading server over the project.

The `briefing` plugin regenerates the Markdown before every rebuild (see
plugin.py), so adding or editing a source updates the preview. The preview is
built by MkDocs alone (no feeds or cards); publish with `briefing build`.
"""
from __future__ import annotations

from pathlib import Path

from generator.config import load_project
from generator.exceptions import ConfigError


def serve(project_dir: Path | str, *, dev_addr: str = "127.0.0.1:8000") -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    project = load_project(project_dir)
    if project.config_file is None:
        raise ConfigError(f"{project.root}: no mkdocs.yml")
    mkdocs_serve(config_file=str(project.config_file), dev_addr=dev_addr, livereload=True)
