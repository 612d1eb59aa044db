"""Extract many sources: cache first, then the misses on all cores.

Each source is read and extracted on its own, so the result is the same on one
process or several, and one bad source never stops the others.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Literal

from generator.cache import ExtractionCache, cache_key
from generator.config import Project
from generator.exceptions import ExtractionFailed, SourceError
from generator.extract import extract, extractor_version
from generator.extract.nlp import MAX_DOC_CHARS, load_lexicon, load_pipeline
from generator.ingest import IngestOptions, display_path, read_bytes, read_source
from generator.model import Extraction

log = logging.getLogger("briefing.extract")


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What became of one source file in a build."""

    path: str
    status: Literal["extracted", "cached", "failed"]
    extraction: Extraction | None = None
    error: SourceError | None = None


@dataclass(frozen=True)
class _Job:
    path: Path
    data: bytes
    key: str


def ingest_options(project: Project) -> IngestOptions:
    return IngestOptions(root=project.root, max_bytes=project.settings.max_source_mb * 1024 * 1024,
                         lexicon=load_lexicon(project.settings.model))


def extract_sources(paths: list[Path], project: Project, *, workers: int | None = None) -> list[Outcome]:
    """One Outcome per path, in the order given."""
    options = ingest_options(project)
    cache = ExtractionCache(project.cache_dir / "extractions")
    version = extractor_version(project.settings.model)
    settings_key = f"{project.settings.model}|{MAX_DOC_CHARS}"
    outcomes: dict[Path, Outcome] = {}
    jobs: list[_Job] = []
    for path in paths:
        shown = display_path(path, project.root)
        try:
            data = read_bytes(path, options)
        except SourceError as error:
            outcomes[path] = Outcome(path=shown, status="failed", error=error)
            continue
        key = cache_key(digest=hashlib.sha256(data).hexdigest(), path=shown, extractor=version, settings=settings_key)
        cached = cache.get(key)
        if cached is not None:
            outcomes[path] = Outcome(path=shown, status="cached", extraction=cached)
        else:
            jobs.append(_Job(path, data, key))
    for job, result in zip(jobs, _run(jobs, options, project.settings.model, _worker_count(workers, project, len(jobs)))):
        shown = display_path(job.path, project.root)
        if isinstance(result, SourceError):
            outcomes[job.path] = Outcome(path=shown, status="failed", error=result)
        else:
            cache.put(job.key, result)
            outcomes[job.path] = Outcome(path=shown, status="extracted", extraction=result)
    return [outcomes[path] for path in paths]


def _worker_count(requested: int | None, project: Project, jobs: int) -> int:
    count = requested if requested is not None else project.settings.workers
    if count <= 0:
        count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(count, jobs))


def _run(jobs: list[_Job], options: IngestOptions, model: str, workers: int) -> list[Extraction | SourceError]:
    if not jobs:
        return []
    if workers == 1:
        return [_extract_one(job.path, job.data, options, model) for job in jobs]
    # The lexicon is rebuilt in each worker (it is cached there) instead of being pickled per job.
    light = dataclasses.replace(options, lexicon=frozenset())
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                             initializer=_start_worker, initargs=(model,)) as pool:
        return list(pool.map(_extract_one, [j.path for j in jobs], [j.data for j in jobs], [light] * len(jobs)))


_worker_model: str | None = None


def _start_worker(model: str) -> None:
    global _worker_model
    _worker_model = model
    load_pipeline(model)


def _extract_one(path: Path, data: bytes, options: IngestOptions, model: str | None = None) -> Extraction | SourceError:
    model = model or _worker_model or "en_core_web_sm"
    if not options.lexicon:
        options = dataclasses.replace(options, lexicon=load_lexicon(model))
    shown = display_path(path, options.root)
    try:
        source = read_source(path, data, options)
        return extract(source, load_pipeline(model))
    except SourceError as error:
        return error
    except Exception as error:  # a bug in one rule must not stop the other sources
        log.debug("extraction of %s failed", shown, exc_info=True)
        return ExtractionFailed(shown, f"{type(error).__name__}: {error}")
