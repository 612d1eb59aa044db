"""`briefing extract FILE...`: read and extract files one by one, nothing cached or written."""
from __future__ import annotations

from pathlib import Path

from generator.config import load_project
from generator.exceptions import SourceError
from generator.extract import extract, load_pipeline
from generator.extract.nlp import load_lexicon
from generator.ingest import IngestOptions, read_bytes, read_source
from generator.model import Extraction


def extract_files(files: list[Path], project_dir: Path | str = ".") -> tuple[list[Extraction], list[SourceError]]:
    """One Extraction per readable file, and the errors of the others."""
    project = load_project(project_dir, require_config=False)
    options = IngestOptions(root=project.root, max_bytes=project.settings.max_source_mb * 1024 * 1024,
                            lexicon=load_lexicon(project.settings.model))
    results, errors = [], []
    for path in files:
        try:
            source = read_source(path, read_bytes(path, options), options)
        except SourceError as error:
            errors.append(error)
            continue
        results.append(extract(source, load_pipeline(project.settings.model)))
    return results, errors
