"""The per-source extraction cache.

An extraction is stored under a key made of the source's bytes, its path, the
extractor version (a hash of the extraction code, its data files and the
model) and the settings that change what is extracted. Any change to one of
them is a miss, so a stale result is never reused; deleting the folder is
always safe.

Entries are the JSON of `model.to_dict`. They are read back with a decoder
planned once per record type (`decode`), which gives the same records as
`model.from_dict` but does not look the type hints up again for every record:
a build with a warm cache reads every entry, so this is on its critical path.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import tempfile
import types
import typing
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.model import Extraction, to_dict

log = logging.getLogger("briefing.cache")


def cache_key(*, digest: str, path: str, extractor: str, settings: str) -> str:
    return hashlib.sha256("\0".join((digest, path, extractor, settings)).encode()).hexdigest()


class ExtractionCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Extraction | None:
        try:
            data = json.loads(self._file(key).read_bytes())
            return decode(Extraction, data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            # A damaged entry is a miss, never a failure: the source is extracted again.
            log.warning("ignoring damaged cache entry %s (%s)", self._file(key), error)
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(to_dict(extraction), ensure_ascii=False, separators=(",", ":"))
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                             suffix=".tmp") as handle:
                handle.write(payload)
            os.replace(handle.name, target)
        except (OSError, ValueError) as error:
            log.warning("could not write the extraction cache (%s); the build goes on without it", error)


# --- reading entries back ---------------------------------------------------------


def decode(cls: type, data: dict) -> Any:
    """The record of dataclass `cls` that `to_dict` turned into `data` (as model.from_dict)."""
    if not isinstance(data, dict):
        raise TypeError(f"expected an object for {cls.__name__}, found {type(data).__name__}")
    return cls(**{name: convert(data[name]) for name, convert in _plan(cls) if name in data})


@lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """For each field of `cls`: its name and the function that rebuilds its value."""
    hints = typing.get_type_hints(cls)
    return tuple((field.name, _converter(hints[field.name])) for field in dataclasses.fields(cls))


def _converter(hint: Any) -> Callable[[Any], Any]:
    """How to rebuild a value of type `hint` from JSON; None stays None at every level."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else _same
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        if item is _same:
            return lambda value: None if value is None else tuple(value)
        return lambda value: None if value is None else tuple(item(entry) for entry in value)
    if origin is frozenset:
        return lambda value: None if value is None else frozenset(value)
    if dataclasses.is_dataclass(hint):
        return lambda value: None if value is None else decode(hint, value)
    return _same


def _same(value: Any) -> Any:
    return value
