"""The per-source extraction cache.

An extraction is stored under a key made of the source's bytes, its path, the
extractor version (a hash of the extraction code, its data files and the
model) and the settings that change what is extracted. Any change to one of
them is a miss, so a stale result is never reused; deleting the folder is
always safe.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from generator.model import Extraction, from_dict, to_dict

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
            data = json.loads(self._file(key).read_text(encoding="utf-8"))
            return from_dict(Extraction, data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
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
        except OSError as error:
            log.warning("could not write the extraction cache (%s); the build goes on without it", error)
