"""Grouping sources into briefings."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.assemble.grouping import group_sources, similarity, story_similarity
from generator.extract.run import extract_files
from generator.model import Actor, Extraction
from generator.state import BriefingRecord, State
from tests.conftest import DEV_ARTICLES, SEED, make_source


def _extraction(path: str, actors: list[str], words: list[str], *, briefing: str | None = None,
                published: str | None = None) -> Extraction:
    source = make_source("Body.", path=path, published=published)
    if briefing:
        import dataclasses
        source = dataclasses.replace(source, briefing=briefing)
    cast = tuple(Actor(id=a, name=a.title(), kind="state", mentions=3) for a in actors)
    return Extraction(source=source, actors=cast, keywords=tuple(words))


def test_grouping_similarity_is_cosine():
    assert similarity(Counter(a=1), Counter(a=2)) == pytest.approx(1.0)
    assert similarity(Counter(a=1), Counter(b=1)) == 0.0
    assert story_similarity(Counter({"actor:x": 1, "word:y": 1}), Counter({"actor:x": 1, "word:z": 1})) == 0.5


def test_grouping_front_matter_wins_and_assignments_are_kept():
    named = _extraction("content/sources/a.txt", ["ruritania"], ["border"], briefing="border-story")
    kept = _extraction("content/sources/b.txt", ["freedonia"], ["election"])
    state = State(records={"content/sources/z.txt": BriefingRecord(key="content/sources/z.txt", slug="old",
                                                                      sources=["content/sources/b.txt"])})
    groups = group_sources([named, kept], state, threshold=0.3)
    assert {key: [e.source.path for e in members] for key, members in groups.items()} == {
        "slug:border-story": ["content/sources/a.txt"],
        "content/sources/z.txt": ["content/sources/b.txt"],
    }


def test_grouping_new_source_joins_the_closest_story_oldest_first():
    first = _extraction("content/sources/1.txt", ["ruritania", "freedonia"], ["border", "ceasefire"],
                        published="2030-01-01")
    other = _extraction("content/sources/2.txt", ["atlantis"], ["oil", "exports"], published="2030-01-02")
    follow_up = _extraction("content/sources/3.txt", ["ruritania", "freedonia"], ["ceasefire", "talks"],
                            published="2030-01-03")
    groups = group_sources([follow_up, other, first], State(), threshold=0.3)
    assert {key: [e.source.path for e in members] for key, members in groups.items()} == {
        "content/sources/1.txt": ["content/sources/1.txt", "content/sources/3.txt"],
        "content/sources/2.txt": ["content/sources/2.txt"],
    }


@pytest.mark.slow
def test_grouping_dev_articles_keep_unrelated_stories_apart():
    names = ["albawaba-us-settlements-reaction-2019", "cbc-sinwar-hamas-gaza-2024", "dailymaverick-icj-gaza-aid-2025",
             "reuters-israeli-tank-journalists-2024", "taipeitimes-us-philippines-drills-2024",
             "euronews-trump-venezuela-oil-2026"]
    extractions, errors = extract_files([DEV_ARTICLES / f"{name}.txt" for name in names] + [SEED], Path("."))
    assert errors == []
    groups = group_sources(extractions, State(), threshold=0.3)
    where = {Path(e.source.path).stem: key for key, members in groups.items() for e in members}
    for loner in ("taipeitimes-us-philippines-drills-2024", "euronews-trump-venezuela-oil-2026", SEED.stem):
        assert [name for name, key in where.items() if key == where[loner]] == [loner], f"{loner} joined another story"
