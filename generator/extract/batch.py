"""Extract many sources: cache first, then the misses on all cores.

The misses are cut into chunks of up to CHUNK_SOURCES, in order. A chunk is
parsed with one `nlp.pipe` call (a little cheaper than one `nlp` call per
text), then each of its sources is extracted on its own, so one bad source
never stops the others. Chunks go to a pool of forked processes that load the
model once each; on one process the same chunks run in this process. spaCy
gives a text the same analysis alone or in a batch, so the output is the same
on one process or several (tests/test_batch.py checks both).

Memory stays bounded: the main process keeps only the paths of the misses (a
worker reads its sources' bytes itself) and has at most
CHUNKS_IN_FLIGHT_PER_WORKER chunks per process handed out at a time.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Literal

from generator.cache import ExtractionCache, cache_key
from generator.config import Project
from generator.exceptions import ExtractionFailed, SourceError
from generator.extract import analysed_text, extract_parsed, extractor_version
from generator.extract.nlp import MAX_DOC_CHARS, load_lexicon, load_pipeline
from generator.ingest import IngestOptions, display_path, read_bytes, read_source
from generator.model import Extraction, Source

log = logging.getLogger("briefing.extract")

CHUNK_SOURCES = 8
"""Most sources handed to a process at once (fewer when there are few, so every process gets work)."""
PIPE_BATCH = 4
"""Texts spaCy analyses together. Measured on en_core_web_sm: 4 takes ~5% less CPU than one at a
time; the parser's batch buffers grow with it (+120 MB per process at 4, +230 MB at 8)."""
CHUNKS_PER_WORKER = 4
"""Chunks per process at least, so that processes finish close together."""
CHUNKS_IN_FLIGHT_PER_WORKER = 2


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
    shown: str


@dataclass(frozen=True)
class _Keys:
    """What a cache key is made of besides the source's bytes and path."""

    extractor: str
    settings: str

    def of(self, digest: str, shown: str) -> str:
        return cache_key(digest=digest, path=shown, extractor=self.extractor, settings=self.settings)


def ingest_options(project: Project) -> IngestOptions:
    return IngestOptions(root=project.root, max_bytes=project.settings.max_source_mb * 1024 * 1024,
                         lexicon=load_lexicon(project.settings.model))


def extract_sources(paths: list[Path], project: Project, *, workers: int | None = None) -> list[Outcome]:
    """One Outcome per path, in the order given."""
    options = ingest_options(project)
    cache = ExtractionCache(project.cache_dir / "extractions")
    model = project.settings.model
    keys = _Keys(extractor=extractor_version(model), settings=f"{model}|{MAX_DOC_CHARS}")
    outcomes: dict[Path, Outcome] = {}
    jobs: list[_Job] = []
    for path in paths:
        shown = display_path(path, project.root)
        try:
            data = read_bytes(path, options)
        except SourceError as error:
            outcomes[path] = Outcome(path=shown, status="failed", error=error)
            continue
        cached = cache.get(keys.of(hashlib.sha256(data).hexdigest(), shown))
        if cached is not None:
            outcomes[path] = Outcome(path=shown, status="cached", extraction=cached)
        else:
            jobs.append(_Job(path, shown))
    for job, result in _run(jobs, options, model, _worker_count(workers, project, len(jobs))):
        if isinstance(result, SourceError):
            outcomes[job.path] = Outcome(path=job.shown, status="failed", error=result)
        else:
            # Keyed by the bytes the worker read: a file changed since it was hashed above is cached as it is now.
            cache.put(keys.of(result.source.digest, job.shown), result)
            outcomes[job.path] = Outcome(path=job.shown, status="extracted", extraction=result)
    return [outcomes[path] for path in paths]


def _worker_count(requested: int | None, project: Project, jobs: int) -> int:
    count = requested if requested is not None else project.settings.workers
    if count <= 0:
        count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(count, jobs))


def _chunks(jobs: list[_Job], workers: int) -> list[list[_Job]]:
    size = max(1, min(CHUNK_SOURCES, -(-len(jobs) // (workers * CHUNKS_PER_WORKER))))
    return [jobs[start:start + size] for start in range(0, len(jobs), size)]


def _run(jobs: list[_Job], options: IngestOptions, model: str,
         workers: int) -> Iterator[tuple[_Job, Extraction | SourceError]]:
    """Each job with its result, chunk by chunk (in the order chunks finish)."""
    if not jobs:
        return
    if workers == 1:
        for chunk in _chunks(jobs, workers):
            yield from zip(chunk, _extract_chunk([job.path for job in chunk], options, model))
        return
    # The lexicon is rebuilt in each worker (it is cached there) instead of being pickled per chunk.
    light = dataclasses.replace(options, lexicon=frozenset())
    waiting = iter(_chunks(jobs, workers))
    running: dict[Future, list[_Job]] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                             initializer=_start_worker, initargs=(model,)) as pool:

        def submit_next() -> None:
            chunk = next(waiting, None)
            if chunk is not None:
                running[pool.submit(_extract_chunk, [job.path for job in chunk], light, model)] = chunk

        for _ in range(workers * CHUNKS_IN_FLIGHT_PER_WORKER):
            submit_next()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = running.pop(future)
                submit_next()
                yield from zip(chunk, future.result())


def _start_worker(model: str) -> None:
    load_pipeline(model)


def _extract_chunk(paths: list[Path], options: IngestOptions, model: str) -> list[Extraction | SourceError]:
    """Read, parse (one nlp.pipe call) and extract each source of a chunk; errors are per source."""
    if not options.lexicon:
        options = dataclasses.replace(options, lexicon=load_lexicon(model))
    read = [_read(path, options) for path in paths]
    sources = [item for item in read if isinstance(item, Source)]
    docs = iter(_parse([analysed_text(source) for source in sources], load_pipeline(model)))
    return [item if isinstance(item, SourceError) else _extract(item, next(docs)) for item in read]


def _read(path: Path, options: IngestOptions) -> Source | SourceError:
    try:
        return read_source(path, read_bytes(path, options), options)
    except SourceError as error:
        return error
    except Exception as error:  # a bug in one reader must not stop the other sources
        return _failure(display_path(path, options.root), error)


def _parse(texts: list[str], nlp) -> list:
    """A Doc (or the exception that stopped it) per text."""
    try:
        return list(nlp.pipe(texts, batch_size=PIPE_BATCH))
    except Exception:  # find the text that failed: parse each alone
        return [_parse_alone(text, nlp) for text in texts]


def _parse_alone(text: str, nlp):
    try:
        return nlp(text)
    except Exception as error:
        return error


def _extract(source: Source, doc) -> Extraction | SourceError:
    if isinstance(doc, Exception):
        return _failure(source.path, doc)
    try:
        return extract_parsed(source, doc)
    except Exception as error:  # a bug in one rule must not stop the other sources
        return _failure(source.path, error)


def _failure(shown: str, error: Exception) -> ExtractionFailed:
    log.debug("extraction of %s failed", shown, exc_info=error)
    return ExtractionFailed(shown, f"{type(error).__name__}: {error}")
