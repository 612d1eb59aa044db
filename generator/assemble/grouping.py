"""Which briefing each source belongs to.

Rules, in order:
1. A source whose front matter says `briefing: SLUG` goes to briefing SLUG.
2. A source the last build assigned keeps its briefing, so stories don't reshuffle.
3. A new source joins the most similar briefing when the similarity reaches
   `group_threshold` (mkdocs.yml); otherwise it starts a briefing of its own.

Similarity is the mean of two cosines: between the actors two texts are about
(weighted by mentions) and between their most frequent content words. Each
feature is weighted by its rarity across all sources (inverse document
frequency), so that sharing "Russia" and "United States" — present in half of
all news — counts for less than sharing "Armenia" or "ceasefire". Sources are
placed oldest first (published date, then path), so the result does not depend
on the order files are listed in.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from generator.model import Extraction
from generator.state import BriefingRecord, State

_ACTOR_WEIGHT = 2.0
_KEYWORD_WEIGHT = 1.0
_TOP_ACTORS = 12
_TOP_KEYWORDS = 15


def features(extraction: Extraction) -> Counter:
    """The bag of features a source is compared by."""
    bag: Counter = Counter()
    parties = [actor for actor in extraction.actors if actor.kind != "media"][:_TOP_ACTORS]
    for actor in parties:
        bag[f"actor:{actor.id}"] += _ACTOR_WEIGHT * math.log1p(max(actor.mentions, 1))
    for word in extraction.keywords[:_TOP_KEYWORDS]:
        bag[f"word:{word}"] += _KEYWORD_WEIGHT
    return bag


def rarity_weights(bags: list[Counter]) -> dict[str, float]:
    """Smoothed inverse document frequency of each feature over all sources."""
    document_frequency = Counter(feature for bag in bags for feature in bag)
    total = len(bags)
    return {feature: math.log((total + 1) / (count + 1)) + 1 for feature, count in document_frequency.items()}


def weighted(bag: Counter, weights: dict[str, float]) -> Counter:
    return Counter({feature: value * weights.get(feature, 1.0) for feature, value in bag.items()})


def story_similarity(first: Counter, second: Counter) -> float:
    """Mean of the actor cosine and the word cosine (0 to 1)."""
    def part(bag: Counter, prefix: str) -> Counter:
        return Counter({key: value for key, value in bag.items() if key.startswith(prefix)})
    return (similarity(part(first, "actor:"), part(second, "actor:"))
            + similarity(part(first, "word:"), part(second, "word:"))) / 2


def similarity(first: Counter, second: Counter) -> float:
    """Cosine of two feature bags, 0 (nothing shared) to 1 (same)."""
    shared = sum(first[key] * second[key] for key in first.keys() & second.keys())
    norms = math.sqrt(sum(v * v for v in first.values())) * math.sqrt(sum(v * v for v in second.values()))
    return shared / norms if norms else 0.0


def group_sources(extractions: Iterable[Extraction], state: State, threshold: float) -> dict[str, list[Extraction]]:
    """Briefing key -> its sources' extractions, oldest first."""
    ordered = sorted(extractions, key=lambda e: (e.source.published or "9999", e.source.path))
    weights = rarity_weights([features(extraction) for extraction in ordered])
    groups: dict[str, list[Extraction]] = {}
    bags: dict[str, Counter] = {}
    pending: list[Extraction] = []
    for extraction in ordered:
        key = _assigned_key(extraction, state)
        if key is None:
            pending.append(extraction)
            continue
        groups.setdefault(key, []).append(extraction)
        bags[key] = bags.get(key, Counter()) + weighted(features(extraction), weights)
    for extraction in pending:
        bag = weighted(features(extraction), weights)
        best_key, best_score = None, 0.0
        for key in sorted(groups):
            if key.startswith("slug:"):
                continue  # a briefing named in front matter only takes sources that name it
            score = story_similarity(bag, bags[key])
            if score > best_score:
                best_key, best_score = key, score
        key = best_key if best_key is not None and best_score >= threshold else extraction.source.path
        groups.setdefault(key, []).append(extraction)
        bags[key] = bags.get(key, Counter()) + bag
    return groups


def _assigned_key(extraction: Extraction, state: State) -> str | None:
    if extraction.source.briefing:
        return f"slug:{extraction.source.briefing}"
    record: BriefingRecord | None = state.record_for_source(extraction.source.path)
    return record.key if record is not None and not record.key.startswith("slug:") else None
