"""Open questions: what is unresolved, phrased as questions (first pass: hedged sentences)."""
from __future__ import annotations

from generator.extract.article import Article
from generator.extract.cast import Cast
from generator.model import OpenQuestion
from generator.slugs import slugify

_HEDGES = {"may", "might", "could"}


def find_open_questions(article: Article, cast: Cast) -> tuple[OpenQuestion, ...]:
    questions = []
    for sentence in article.sentences:
        hedge = next((token for token in sentence if token.lower_ in _HEDGES and token.tag_ == "MD"), None)
        if hedge is None or hedge.head.pos_ != "VERB":
            continue
        subject = next((c for c in hedge.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        subject_text = article.doc[subject.left_edge.i: subject.right_edge.i + 1].text
        rest = article.doc[hedge.head.i: hedge.head.right_edge.i + 1].text
        question = f"Will {subject_text} {hedge.head.lemma_}{rest[len(hedge.head.text):]}?"
        questions.append(OpenQuestion(id=slugify(question), question=question,
                                      evidence=(article.evidence(sentence),)))
    return tuple(questions)
