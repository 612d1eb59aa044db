"""Extracting many sources (generator/extract/batch.py): real articles, real spaCy, a real process pool."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.extract.batch as batch
from generator.config import load_project
from generator.extract import extract
from generator.extract.batch import CHUNK_SOURCES, extract_sources
from generator.model import to_dict
from tests.conftest import DEV_ARTICLES, SEED, make_project

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("batch")]

ARTICLES = sorted(DEV_ARTICLES.glob("*.txt"))[:9] + [SEED]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Ten real articles, and one file of each kind that cannot be used, mixed in."""
    sources = {path.name: path.read_bytes() for path in ARTICLES}
    sources["empty.txt"] = "Only a title\n"
    sources["french.txt"] = "Un titre\n\n" + "La France et l'Allemagne ont signé un accord sur l'énergie. " * 20
    return load_project(make_project(tmp_path_factory.mktemp("batch") / "project", sources))


def _paths(project) -> list[Path]:
    return sorted(project.sources_dir.iterdir())


def _run(project, workers: int):
    shutil.rmtree(project.cache_dir, ignore_errors=True)
    return extract_sources(_paths(project), project, workers=workers)


def _comparable(outcomes) -> list:
    return [(o.path, o.status, to_dict(o.extraction) if o.extraction else None,
             o.error.format_message() if o.error else None) for o in outcomes]


@pytest.fixture(scope="module")
def serial(project):
    return _run(project, workers=1)


def test_two_processes_give_the_same_output_as_one(project, serial):
    assert _comparable(_run(project, workers=2)) == _comparable(serial)


def test_outcomes_follow_the_paths_and_bad_sources_fail_alone(project, serial):
    assert [o.path for o in serial] == [f"content/sources/{path.name}" for path in _paths(project)]
    statuses = {Path(o.path).name: o.status for o in serial}
    assert statuses.pop("empty.txt") == "failed"
    assert statuses.pop("french.txt") == "failed"
    assert set(statuses.values()) == {"extracted"}


def test_a_source_parsed_in_a_batch_is_extracted_as_when_parsed_alone(serial, nlp):
    """The chunks go through nlp.pipe; each result must be what extract() gives the source on its own."""
    extracted = [o.extraction for o in serial if o.extraction is not None]
    assert len(extracted) == len(ARTICLES)
    for extraction in extracted:
        assert to_dict(extract(extraction.source, nlp)) == to_dict(extraction), extraction.source.path


def test_a_second_run_reads_every_source_from_the_cache(project):
    first = _run(project, workers=2)
    again = extract_sources(_paths(project), project, workers=2)
    assert [(o.path, o.status) for o in again] == \
        [(o.path, "cached" if o.status == "extracted" else o.status) for o in first]
    assert [o.extraction for o in again] == [o.extraction for o in first]


def test_a_bug_in_a_rule_fails_that_source_only(project, monkeypatch):
    broken = ARTICLES[3].name
    real = batch.extract_parsed

    def extract_parsed(source, doc):
        if source.path.endswith(broken):
            raise RuntimeError("rule bug")
        return real(source, doc)

    monkeypatch.setattr(batch, "extract_parsed", extract_parsed)
    outcomes = {Path(o.path).name: o for o in _run(project, workers=2)}
    assert outcomes[broken].status == "failed"
    assert "RuntimeError: rule bug" in outcomes[broken].error.format_message()
    assert all(o.status == "extracted" for name, o in outcomes.items()
               if name not in (broken, "empty.txt", "french.txt"))


@pytest.mark.parametrize("jobs, workers", [(1, 1), (3, 2), (10, 2), (500, 2), (17, 4)])
def test_chunks_cover_the_jobs_in_order_and_share_them_out(jobs, workers):
    chunks = batch._chunks(list(range(jobs)), workers)
    assert [job for chunk in chunks for job in chunk] == list(range(jobs))
    assert max(len(chunk) for chunk in chunks) <= CHUNK_SOURCES
    assert len(chunks) >= min(jobs, workers)  # every process gets work
    if jobs >= workers * batch.CHUNKS_PER_WORKER * CHUNK_SOURCES:  # and a large run parses in full batches
        assert {len(chunk) for chunk in chunks[:-1]} == {CHUNK_SOURCES}


def test_the_main_process_keeps_only_a_few_chunks_in_flight(project, monkeypatch):
    """Memory is bounded: chunks are handed to the pool as others finish, not all at once."""
    futures, peak = [], [0]
    real_submit = batch.ProcessPoolExecutor.submit

    def submit(self, *args, **kwargs):
        futures.append(real_submit(self, *args, **kwargs))
        peak[0] = max(peak[0], sum(not future.done() for future in futures))
        return futures[-1]

    monkeypatch.setattr(batch.ProcessPoolExecutor, "submit", submit)
    monkeypatch.setattr(batch, "CHUNK_SOURCES", 1)
    monkeypatch.setattr(batch, "CHUNKS_PER_WORKER", 10)
    outcomes = _run(project, workers=2)
    assert sum(o.status == "extracted" for o in outcomes) == len(ARTICLES)
    assert len(futures) == len(outcomes)
    assert peak[0] <= 2 * batch.CHUNKS_IN_FLIGHT_PER_WORKER < len(futures)
