"""Reuse the HTML MkDocs made of a page whose Markdown has not changed.

MkDocs has no incremental build: every build converts every page's Markdown,
which is most of the site step, though a new source changes a handful of pages.
`mkdocs build --dirty` skips pages but leaves the search index, sitemap and
feeds holding only the rebuilt ones (mkdocs #1871, #2220), so every build here
is a full one, and the `briefing` plugin makes the conversion cheap instead:
it wraps each page's `render` (MkDocs calls it between the `page_markdown`
and `page_content` events) with `cached_render`.

A page's entry is keyed by its Markdown, its path and URL, and the Markdown
settings and library versions; it holds what `Page.render` sets (the HTML, the
table of contents, the title, the page's anchors and its links to other pages'
anchors, which MkDocs still validates on every build) and the URLs of the
pages and files the HTML links to. An entry is used only while all of those
still exist. A page whose conversion logged a warning is never stored, so its
warnings show on every build. Everything after `render` (the theme, the
search index, the sitemap) runs on every build as before. Entries a build did
not use are removed after it; deleting the folder is always safe. A Markdown
extension that reads other files into a page (pymdownx.snippets) would make a
page depend on more than its Markdown: turn the cache off (`page_cache: false`)
when using one.
"""
from __future__ import annotations

import hashlib
import html as html_module
import json
import logging
import os
import posixpath
import re
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

log = logging.getLogger("mkdocs.plugins.briefing")

FORMAT = 1
"""Changes when what an entry holds changes."""
_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
_LINK = re.compile(r'(?:href|src)="([^"]*)"')


class PageCache:
    """Entries in `folder`, one JSON file per page version, for one MkDocs build."""

    def __init__(self, folder: Path, config: Any) -> None:
        self.folder = folder
        self.settings = _settings_fingerprint(config)
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self._urls: tuple[Any, frozenset[str]] | None = None

    def cached_render(self, page: Page, render, config: Any, files: Any) -> None:
        """`page.render(config, files)`, or what it set the last time for the same Markdown."""
        key = self._key(page)
        self.used.add(key)
        if self._restore(key, page, files):
            self.hits += 1
            return
        self.misses += 1
        with _WarningCounter() as warnings:
            render(config, files)
        if not warnings.count:
            self._store(key, page, files)

    def prune(self) -> None:
        """Remove the entries this build did not use (pages gone or changed)."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.stem not in self.used:  # with the .tmp files of a build that was stopped
                entry.unlink(missing_ok=True)

    def _file_urls(self, files: Any) -> frozenset[str]:
        """The site-relative URL of every page and file of this build."""
        if self._urls is None or self._urls[0] is not files:
            self._urls = (files, frozenset(file.url for file in files))
        return self._urls[1]

    def _key(self, page: Page) -> str:
        digest = hashlib.sha256()
        for part in (str(FORMAT), self.settings, page.file.src_uri, page.file.url, page.markdown or ""):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _restore(self, key: str, page: Page, files: Any) -> bool:
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            urls = self._file_urls(files)
            if not all(url in urls for url in entry["targets"]):
                return False  # a page or file it links to is gone: convert it again, with MkDocs' warnings
            links = {}
            for src_uri, anchors in entry["links_to_anchors"].items():
                target = files.get_file_from_path(src_uri)
                if target is None:
                    return False
                links[target] = anchors
            page.content = entry["content"]
            page.toc = get_toc(entry["toc"])
            # MkDocs 1.6 keeps the title it read from the HTML here (Page.title uses it); the
            # library versions are in the key, so an upgrade starts from an empty cache.
            page._title_from_render = entry["title"]
            page.present_anchor_ids = set(entry["anchors"])
            page.links_to_anchors = links
            return True
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.debug("ignoring damaged page cache entry %s (%s)", key, error)
            return False

    def _store(self, key: str, page: Page, files: Any) -> None:
        entry = {
            "content": page.content,
            "toc": [_token(item) for item in page.toc],
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()},
            "targets": sorted(_link_targets(page.content or "", page.file.url) & self._file_urls(files)),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.folder, delete=False,
                                             suffix=".tmp") as handle:
                json.dump(entry, handle)
            os.replace(handle.name, self.folder / f"{key}.json")
        except OSError as error:
            log.debug("could not write the page cache (%s); the build goes on without it", error)


class _WarningCounter(logging.Handler):
    """Counts the warnings logged anywhere while it is installed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _WarningCounter:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc_info) -> None:
        logging.getLogger().removeHandler(self)


def _settings_fingerprint(config: Any) -> str:
    """Everything besides a page's own Markdown that changes the HTML MkDocs makes of it."""
    versions = {name: _version(name) for name in _LIBRARIES}
    extensions = [_stable_repr(extension) if not isinstance(extension, str) else extension
                  for extension in config["markdown_extensions"]]
    settings = {"versions": versions, "extensions": extensions, "mdx_configs": config["mdx_configs"],
                "use_directory_urls": config["use_directory_urls"], "validation": config["validation"]}
    return json.dumps(settings, sort_keys=True, default=_stable_repr)


def _stable_repr(value: Any) -> str:
    """A setting that is not plain data (a fence's format function): named, without its memory address."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _link_targets(html: str, page_url: str) -> set[str]:
    """Site-relative URLs of the relative links and images in a page's HTML."""
    folder = page_url if not page_url or page_url.endswith("/") else posixpath.dirname(page_url)
    targets = set()
    for link in _LINK.findall(html):
        parts = urlsplit(html_module.unescape(link))
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue  # elsewhere, or an anchor on the page itself
        target = posixpath.normpath(posixpath.join(folder, parts.path))
        targets.add("" if target == "." else target + ("/" if parts.path.endswith("/") else ""))
    return targets


def _token(item: AnchorLink) -> dict:
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_token(c) for c in item.children]}
