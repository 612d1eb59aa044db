"""Actors: who is involved, as what (first pass: spaCy entities, surnames merged)."""
from __future__ import annotations

from collections import Counter, defaultdict

from generator.extract.article import Article
from generator.extract.cast import Cast, Mention
from generator.model import Actor
from generator.slugs import slugify

_KINDS = {"PERSON": "person", "GPE": "state", "ORG": "organization", "NORP": "group"}


def find_cast(article: Article) -> Cast:
    names: dict[str, str] = {}
    kinds: dict[str, Counter] = defaultdict(Counter)
    spans: list[tuple[int, int, str]] = []
    for entity in article.doc.ents:
        if entity.label_ not in _KINDS:
            continue
        name = entity.text.removeprefix("the ").removesuffix("'s").removesuffix("’s").strip()
        key = _person_key(name, names) if entity.label_ == "PERSON" else slugify(name)
        names.setdefault(key, name)
        kinds[key][_KINDS[entity.label_]] += 1
        spans.append((entity.start, entity.end, key))
    counts = Counter(key for _, _, key in spans)
    actors = tuple(
        Actor(id=key, name=names[key], kind=kinds[key].most_common(1)[0][0], mentions=counts[key])
        for key in sorted(counts, key=lambda k: (-counts[k], k))
    )
    return Cast(actors=actors, mentions=tuple(Mention(start, end, key) for start, end, key in spans))


def _person_key(name: str, names: dict[str, str]) -> str:
    for key, known in names.items():
        if known.split()[-1] == name.split()[-1]:
            return key
    return slugify(name)
