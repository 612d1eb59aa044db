"""build(): the pipeline from sources to site, top to bottom."""
from __future__ import annotations

from pathlib import Path

from generator.config import load_project
from generator.exceptions import SourceError
from generator.extract import extract, load_pipeline
from generator.extract.nlp import load_lexicon
from generator.ingest import IngestOptions, read_bytes, read_source
from generator.model import Extraction


def extract_files(files: list[Path], project_dir: Path) -> tuple[list[Extraction], list[SourceError]]:
    """Extract each file on its own (no cache, nothing written): `briefing extract`."""
    project = load_project(project_dir, require_config=False)
    settings = project.settings
    options = IngestOptions(root=project.root, max_bytes=settings.max_source_mb * 1024 * 1024,
                            lexicon=load_lexicon(settings.model))
    results, errors = [], []
    nlp = None
    for path in files:
        try:
            source = read_source(path, read_bytes(path, options), options)
        except SourceError as error:
            errors.append(error)
            continue
        nlp = nlp or load_pipeline(settings.model)
        results.append(extract(source, nlp))
    return results, errors
