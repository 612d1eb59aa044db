"""The extraction cache (generator/cache.py): keys, round trips, damaged entries."""
from __future__ import annotations

import json
import logging

import pytest

from generator.cache import ExtractionCache, cache_key, decode
from generator.model import (
    Actor, Alliance, Evidence, Extraction, OpenQuestion, Position, Source, TimelineEvent, from_dict, to_dict,
)

KEY = cache_key(digest="d" * 64, path="content/sources/a.txt", extractor="v1", settings="en_core_web_sm|200000")


def _extraction() -> Extraction:
    """A record with every kind of field: nested records, tuples of records and of strings, None and defaults."""
    evidence = Evidence(source="content/sources/a.txt", paragraph=2, text="Russia backs Armenia, Ivanov said.")
    source = Source(path="content/sources/a.txt", slug="a", digest="d" * 64, title="Allies — “quoted” é",
                    paragraphs=("First paragraph.", "Russia backs Armenia, Ivanov said."), format="text",
                    published="2024-05-01", warnings=("long source",))
    return Extraction(
        source=source,
        summary="Russia backs Armenia.",
        actors=(Actor(id="russia", name="Russia", kind="state", aliases=("Moscow",), mentions=3, salience=1.5,
                      evidence=(evidence,)),
                Actor(id="ivan-ivanov", name="Ivan Ivanov", kind="person", role="spokesman", affiliation="russia")),
        alliances=(Alliance(id="russia-armenia", name="Russia and Armenia", group=None, members=("russia", "armenia"),
                            relation="backs", evidence=(evidence,)),),
        positions=(Position(id="p1", actor="russia", speaker="ivan-ivanov", stance="backs Armenia", target=None,
                            quote=None, evidence=(evidence,), date="2024-05-01"),),
        open_questions=(OpenQuestion(id="q1", question="Will Russia send troops?", score=0.5),),
        timeline=(TimelineEvent(date="2024-05", text="Talks begin."),),
        keywords=("troops", "talks"),
    )


def test_put_then_get_gives_back_an_equal_record(tmp_path):
    cache = ExtractionCache(tmp_path)
    extraction = _extraction()
    cache.put(KEY, extraction)
    assert cache.get(KEY) == extraction
    assert isinstance(cache.get(KEY).actors, tuple) and isinstance(cache.get(KEY).actors[0].evidence, tuple)


def test_an_unknown_key_is_a_miss(tmp_path):
    assert ExtractionCache(tmp_path).get(KEY) is None


def test_decode_gives_what_model_from_dict_gives():
    data = json.loads(json.dumps(to_dict(_extraction())))
    assert decode(Extraction, data) == from_dict(Extraction, data) == _extraction()


def test_decode_keeps_defaults_for_missing_fields_and_none_values():
    data = to_dict(_extraction())
    del data["keywords"]
    data["source"]["publisher"] = None
    decoded = decode(Extraction, data)
    assert decoded.keywords == () and decoded.source.publisher is None
    assert decoded == from_dict(Extraction, data)


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                      # cut short
    lambda text: "not json at all",
    lambda text: json.dumps([1, 2, 3]),                      # wrong shape
    lambda text: json.dumps({**json.loads(text), "source": 5}),
    lambda text: json.dumps({k: v for k, v in json.loads(text).items() if k != "source"}),  # required field gone
    lambda text: json.dumps({**json.loads(text), "actors": [{"id": "x"}]}),
])
def test_a_damaged_entry_is_a_miss_with_a_warning(tmp_path, caplog, damage):
    cache = ExtractionCache(tmp_path)
    cache.put(KEY, _extraction())
    entry = next(tmp_path.rglob(f"{KEY}.json"))
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing.cache"):
        assert cache.get(KEY) is None
    assert "damaged cache entry" in caplog.text


def test_every_part_of_the_key_changes_it():
    parts = {"digest": "d" * 64, "path": "content/sources/a.txt", "extractor": "v1", "settings": "s"}
    keys = {cache_key(**parts)}
    for name in parts:
        keys.add(cache_key(**{**parts, name: parts[name] + "x"}))
    assert len(keys) == len(parts) + 1


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="briefing.cache"):
        ExtractionCache(blocker).put(KEY, _extraction())
    assert "could not write the extraction cache" in caplog.text
    assert ExtractionCache(blocker).get(KEY) is None
