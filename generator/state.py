"""What a build remembers for the next one, kept under content/.briefing/ (commit it).

- briefings.yml: each briefing's key, slug (fixed when first published), former
  slugs (for redirects) and the sources assigned to it, so grouping is stable.
- history/KEY.yml: each briefing's change log and a snapshot of its item ids,
  against which the next build finds what changed.
- written.json: the hash of every generated file as last written, to detect hand edits.

The build only reads state at the start and writes it at the end, after the
Markdown is in place; every file is replaced atomically.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.files import write_atomic
from generator.model import Change, from_dict, to_dict
from generator.slugs import slugify

# libyaml when PyYAML has it (its wheels do): the same YAML, several times faster to read and write.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(kw_only=True)
class BriefingRecord:
    key: str
    """Stable identity: `slug:NAME` for a briefing named in front matter, else its founding source's path."""
    slug: str
    former_slugs: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Snapshot:
    """Ids of what a briefing showed after the last build."""

    sources: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class History:
    changes: list[Change] = field(default_factory=list)
    snapshot: Snapshot | None = None


@dataclass(kw_only=True)
class State:
    records: dict[str, BriefingRecord] = field(default_factory=dict)
    histories: dict[str, History] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)

    def record_for_source(self, path: str) -> BriefingRecord | None:
        return next((record for record in self.records.values() if path in record.sources), None)


def load_state(folder: Path) -> State:
    state = State()
    briefings = _read_yaml(folder / "briefings.yml") or {}
    for key, data in (briefings.get("briefings") or {}).items():
        state.records[key] = BriefingRecord(key=key, slug=data["slug"],
                                            former_slugs=list(data.get("former_slugs") or []),
                                            sources=list(data.get("sources") or []))
    for key in state.records:
        data = _read_yaml(_history_file(folder, key))
        if data:
            state.histories[key] = History(
                changes=[from_dict(Change, change) for change in data.get("changes") or []],
                snapshot=Snapshot(**data["snapshot"]) if data.get("snapshot") else None,
            )
    written_file = folder / "written.json"
    if written_file.exists():
        state.written = json.loads(written_file.read_text(encoding="utf-8"))
    return state


def save_state(folder: Path, state: State) -> None:
    records = {key: _record_dict(record) for key, record in sorted(state.records.items())}
    write_if_changed(folder / "briefings.yml", _dump_yaml({"briefings": records}))
    for key, history in state.histories.items():
        data = {"changes": [to_dict(change) for change in history.changes],
                "snapshot": to_dict(history.snapshot) if history.snapshot else None}
        write_if_changed(_history_file(folder, key), _dump_yaml(data))
    write_if_changed(folder / "written.json", json.dumps(dict(sorted(state.written.items())), indent=1) + "\n")


def write_if_changed(path: Path, text: str) -> None:
    """Leave a file that already says `text` alone: `briefing serve` rebuilds on every write under content/."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    write_atomic(path, text)


def _record_dict(record: BriefingRecord) -> dict:
    data: dict = {"slug": record.slug, "sources": sorted(record.sources)}
    if record.former_slugs:
        data["former_slugs"] = record.former_slugs
    return data


def _history_file(folder: Path, key: str) -> Path:
    return folder / "history" / f"{slugify(key, max_chars=120)}.yml"


def _read_yaml(path: Path):
    if not path.exists():
        return None
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)


def _dump_yaml(data) -> str:
    return yaml.dump(data, Dumper=_YAML_DUMPER, sort_keys=False, allow_unicode=True, width=100)
