"""Alliances: blocs, treaties, who backs whom (first pass: none found)."""
from __future__ import annotations

from generator.extract.article import Article
from generator.extract.cast import Cast
from generator.model import Alliance


def find_alliances(article: Article, cast: Cast) -> tuple[Alliance, ...]:
    return ()
