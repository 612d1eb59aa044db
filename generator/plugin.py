"""The `briefing` MkDocs plugin: where the generator's settings live in mkdocs.yml.

During `mkdocs build` (which `briefing build` runs itself) the plugin lets
MkDocs reuse the HTML of pages whose Markdown has not changed
(generator/page_cache.py). During `mkdocs serve` / `briefing serve` it regenerates the
briefings' Markdown before each rebuild, so a source dropped into the sources
folder shows up in the preview: MkDocs watches content/, the change triggers
a rebuild, and only the new or changed source is extracted (the cache has the rest).
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin

from generator.config import BriefingConfig, cache_dir_of
from generator.exceptions import BriefingError

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Declares the generator's typed settings; see BriefingConfig for each option."""

    serving = False
    page_cache = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        from generator.page_cache import PageCache

        root = Path(config.config_file_path).parent
        self.page_cache = PageCache(cache_dir_of(root) / "pages", config) if self.config.page_cache else None
        return config

    def on_pre_page(self, page, *, config, files):
        if self.page_cache is not None:
            page.render = functools.partial(self.page_cache.cached_render, page, page.render)
        return page

    def on_post_build(self, *, config) -> None:
        if self.page_cache is not None:
            self.page_cache.prune()
            log.debug("briefing: %d page(s) converted, %d reused", self.page_cache.misses, self.page_cache.hits)

    def on_pre_build(self, *, config) -> None:
        if not self.serving:
            return
        from generator.build import generate
        from generator.config import load_project
        from generator.files import build_lock

        try:
            project = load_project(Path(config.config_file_path).parent)
            with build_lock(project.cache_dir / "build.lock", on_wait=log.info,
                            shown=project.relative(project.cache_dir / "build.lock")):
                result = generate(project)
        except BriefingError as error:
            log.error(error.format_message())
            return
        for line in result.messages:
            log.warning(line)
        if result.written:
            log.info("briefing: %d page(s) regenerated", len(result.written))
