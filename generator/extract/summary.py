"""The one-paragraph summary ("In brief") and the keywords used to group sources."""
from __future__ import annotations

from collections import Counter

from generator.extract.article import Article, sentence_text
from generator.extract.cast import Cast

_SUMMARY_SENTENCES = 2
_MIN_CHARS, _MAX_CHARS = 60, 320
_LEAD_SENTENCES = 8
_KEYWORDS = 25
# Words every news story uses; they say nothing about which story it is.
_GENERIC_LEMMAS = frozenset(
    "say tell add accord report include make take year time people week day month official statement "
    "news government country state told call come go know think want give use".split()
)


def summarise(article: Article, cast: Cast) -> str:
    """The lead: the first sentences that name at least two actors, as news writing puts it."""
    chosen: list[str] = []
    for sentence in article.sentences[:_LEAD_SENTENCES]:
        text = sentence_text(sentence)
        if _MIN_CHARS <= len(text) <= _MAX_CHARS and len(cast.actors_in(sentence)) >= 2 and '"' not in text[:1]:
            chosen.append(text)
        if len(chosen) == _SUMMARY_SENTENCES:
            break
    if not chosen and article.sentences:
        chosen = [sentence_text(article.sentences[0])]
    return " ".join(chosen)


def keywords(article: Article, cast: Cast) -> tuple[str, ...]:
    """Salient terms: the most frequent content lemmas outside actors' names (the cast is compared apart)."""
    named = {token.i for mention in cast.mentions for token in article.doc[mention.start:mention.end]}
    lemmas = Counter(
        token.lemma_.lower() for token in article.doc
        if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and token.i not in named and not token.is_stop
        and token.is_alpha and len(token) > 2 and token.lemma_.lower() not in _GENERIC_LEMMAS
    )
    return tuple(lemma for lemma, _ in sorted(lemmas.items(), key=lambda item: (-item[1], item[0]))[:_KEYWORDS])
