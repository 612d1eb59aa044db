"""`briefing add PATH|URL`: put a new source into the sources folder.

A file is copied; a URL is fetched (with a timeout and a size limit) and the
page saved as HTML, with a canonical link added when the page has none so the
source keeps its address. A file whose bytes are already in the folder is
refused, naming the copy that is there.
"""
from __future__ import annotations

import hashlib
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from generator.config import load_project
from generator.escape import safe_url
from generator.exceptions import AddError
from generator.files import write_atomic
from generator.ingest import SOURCE_SUFFIXES, is_source_file
from generator.slugs import slugify, unique_slug

USER_AGENT = "briefing-site/0.1 (+https://github.com/; saves one article for analysis)"
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_HAS_CANONICAL = re.compile(rb"<link[^>]+rel=[\"']?canonical", re.IGNORECASE)
_HEAD = re.compile(rb"<head[^>]*>", re.IGNORECASE)


def add_source(location: str, project_dir: Path | str, *, timeout: float = 20.0) -> str:
    """Add the file or URL at `location`; returns the new source's path relative to the project."""
    project = load_project(project_dir)
    folder = project.sources_dir
    folder.mkdir(parents=True, exist_ok=True)
    limit = project.settings.max_source_mb * 1024 * 1024
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", location):
        data, name = fetch(location, timeout=timeout, limit=limit)
    else:
        data, name = read_file(Path(location), limit=limit)
    _refuse_duplicate(data, folder, project.relative)
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    taken = {path.stem for path in folder.iterdir()}
    target = folder / f"{unique_slug(slugify(stem, fallback='source'), taken)}{suffix}"
    write_atomic(target, data)
    return project.relative(target)


def read_file(path: Path, *, limit: int) -> tuple[bytes, str]:
    if not path.is_file():
        raise AddError(f"{path}: no such file")
    if not is_source_file(path):
        raise AddError(f"{path}: not a source file; sources end in {', '.join(SOURCE_SUFFIXES)}")
    if path.stat().st_size > limit:
        raise AddError(f"{path}: {path.stat().st_size / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit")
    return path.read_bytes(), path.name


def fetch(url: str, *, timeout: float, limit: int) -> tuple[bytes, str]:
    """The page at `url` (http or https only) and a file name for it."""
    if safe_url(url) is None:
        raise AddError(f"{url}: only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in _ACCEPTED_TYPES:
                raise AddError(f"{url}: the server sent {content_type}, not a web page or text")
            data = response.read(limit + 1)
            final_url = response.geturl()
    except AddError:
        raise
    except urllib.error.HTTPError as error:
        raise AddError(f"{url}: the server answered {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise AddError(f"{url}: could not fetch the page ({reason}); nothing was added") from error
    if len(data) > limit:
        raise AddError(f"{url}: the page is over the {limit / 1e6:.0f} MB limit; nothing was added")
    suffix = ".txt" if content_type == "text/plain" else ".md" if content_type == "text/markdown" else ".html"
    if suffix == ".html":
        data = _with_canonical(data, final_url)
    return data, _name_for(final_url) + suffix


def _name_for(url: str) -> str:
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    last = Path(segments[-1]).stem if segments else ""
    return slugify(f"{parts.hostname or 'page'}-{last}" if last else parts.hostname or "page", fallback="page")


def _with_canonical(page: bytes, url: str) -> bytes:
    """The page with <link rel="canonical"> naming where it was fetched from, unless it has one."""
    safe = safe_url(url)
    if safe is None or _HAS_CANONICAL.search(page):
        return page
    link = f'<link rel="canonical" href="{safe}">'.encode()
    head = _HEAD.search(page)
    return page[: head.end()] + link + page[head.end():] if head else link + page


def _refuse_duplicate(data: bytes, folder: Path, shown) -> None:
    digest = hashlib.sha256(data).hexdigest()
    for existing in sorted(folder.rglob("*")):
        if existing.is_file() and existing.stat().st_size == len(data) \
                and hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            raise AddError(f"already a source: {shown(existing)} has the same content; nothing was added")


__all__ = ["add_source", "fetch", "read_file"]
