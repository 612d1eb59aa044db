"""A single 5 MB line: bounded time and memory, a result, and a warning that not all of it was analysed.

spaCy reads at most MAX_DOC_CHARS (200,000) characters per source
(generator/extract/nlp.py); the rest of a longer source is kept on its text
page but not analysed. The source is one 5 MB line with no line break at all
(no headline either: its title is its first sentence), built once next to the
sample article. A headline line before the long line takes the same path.

(50 MB is refused by size before it is read: see test_bad_sources.py.)
"""
from __future__ import annotations

import re
import resource
import time

import pytest
from bs4 import BeautifulSoup

from generator.extract.nlp import MAX_DOC_CHARS
from tests.robustness.helpers import SEED, SEED_BODY, make_project, run_build

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("large-sources")]

LINE_CHARS = 5_000_000
MAX_SECONDS = 300
"""Generous for a loaded 2-core machine: the bound is what matters, not the speed."""
MAX_MEMORY_MB = 3000


def long_line(lead: str) -> str:
    sentences = " ".join(SEED_BODY.replace("Leave a Comment", "").split())
    return (lead + " " + (sentences + " ") * (LINE_CHARS // len(sentences) + 1))[:LINE_CHARS].rsplit(" ", 1)[0]


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("large") / "project", {
        SEED.name: SEED.read_bytes(),
        "one-line.txt": long_line("The envoys met again on Tuesday, diplomats said."),
    })
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    run = run_build(project, timeout=MAX_SECONDS * 2)
    seconds = time.monotonic() - started
    peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return project, run, seconds, peak_mb


def test_a_5_mb_line_builds_in_bounded_time_and_memory(large):
    project, run, seconds, peak_mb = large
    assert seconds < MAX_SECONDS, f"{seconds:.0f} s"
    assert peak_mb < MAX_MEMORY_MB, f"{peak_mb:.0f} MB"
    assert run.code == 0, run.stderr


def test_a_5_mb_line_gives_a_page_with_its_whole_text(large):
    project, _, _, _ = large
    html = (project / "site" / "documents" / "one-line" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text().replace("¶", "").strip() == "The envoys met again on Tuesday, diplomats said"
    [paragraph] = soup.select("p.source-paragraph")
    assert len(paragraph.get_text()) > LINE_CHARS * 0.99


def test_a_5_mb_line_is_analysed_in_part_with_a_warning(large):
    _, run, _, _ = large
    assert run.code == 0
    [line] = run.lines
    # The count is of the text after repair (which may add spaces between glued words): about 5,000,000.
    assert re.fullmatch(r"warning: content/sources/one-line\.txt: [\d,]+ characters of text; only the "
                        rf"first {MAX_DOC_CHARS:,} are analysed", line), line
