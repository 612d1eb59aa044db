"""Extract: a Source becomes an Extraction (actors, alliances, positions, open questions).

Each stage is a module with one entry function that takes the Article (the
source as spaCy read it) and what earlier stages found, and returns new records:

    find_cast -> find_alliances -> find_positions -> find_open_questions
    -> find_timeline -> summarise, keywords -> rank_cast
"""
from __future__ import annotations

import hashlib
from importlib import resources

from generator.extract.actors import find_cast
from generator.extract.alliances import find_alliances
from generator.extract.article import Article, text_of
from generator.extract.nlp import MAX_DOC_CHARS, load_pipeline, model_version
from generator.extract.positions import find_positions
from generator.extract.questions import find_open_questions
from generator.extract.ranking import rank_cast
from generator.extract.summary import keywords, summarise
from generator.extract.timeline import find_timeline
from generator.model import Extraction, Source


def extract(source: Source, nlp) -> Extraction:
    """Everything the rules find in one source, analysed with the spaCy pipeline `nlp`."""
    return extract_parsed(source, nlp(analysed_text(source)))


def extract_parsed(source: Source, doc) -> Extraction:
    """As `extract`, for a Doc already made from `analysed_text(source)` (nlp.pipe)."""
    article = Article.of(source, doc)
    cast = find_cast(article)
    alliances = find_alliances(article, cast)
    positions = find_positions(article, cast)
    return Extraction(
        source=source,
        summary=summarise(article, cast),
        actors=rank_cast(cast.actors, alliances, positions),
        alliances=alliances,
        positions=positions,
        open_questions=find_open_questions(article, cast),
        timeline=find_timeline(article),
        keywords=keywords(article, cast),
    )


def analysed_text(source: Source) -> str:
    """The text given to spaCy: all paragraphs, cut at MAX_DOC_CHARS on a paragraph boundary."""
    text = text_of(source)
    if len(text) <= MAX_DOC_CHARS:
        return text
    return text[:MAX_DOC_CHARS].rsplit("\n\n", 1)[0]


def extractor_version(model: str) -> str:
    """Changes whenever the extraction code, its data files or the model change (cache key)."""
    digest = hashlib.sha256(model_version(model).encode())
    package = resources.files("generator")
    for folder in ("extract", "extract/data", "ingest", "ingest/data"):
        for entry in sorted(package.joinpath(folder).iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".yml", ".txt", ".tsv")):
                digest.update(entry.name.encode() + entry.read_bytes())
    digest.update(b"model.py" + package.joinpath("model.py").read_bytes())
    return digest.hexdigest()[:16]


__all__ = ["analysed_text", "extract", "extract_parsed", "extractor_version", "load_pipeline"]
