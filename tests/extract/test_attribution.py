"""Attribution and quotes: who says what, read from sentences written for these tests."""
from __future__ import annotations

import dataclasses
import re

import pytest

from generator.extract.article import Article
from generator.extract.attribution import Holder, find_statements
from generator.extract.cast import Cast, Mention
from generator.extract.quotes import find_quotes
from generator.model import Actor
from generator.slugs import slugify


def cast_of(article: Article, *actors: tuple[str, str] | tuple[str, str, str | None] | tuple) -> Cast:
    """A cast naming `actors`: (kind, name, [affiliation id], [alias, ...]); ids are the slugs of the names.

    Built by hand so these tests do not depend on how the actors stage finds people and places."""
    records, mentions = [], []
    for kind, name, *rest in actors:
        affiliation = rest[0] if rest else None
        aliases = tuple(rest[1:])
        actor_id = slugify(name)
        records.append(Actor(id=actor_id, name=name, kind=kind, aliases=aliases, affiliation=affiliation))
        for label in (name, *aliases):
            for match in re.finditer(rf"\b{re.escape(label)}\b", article.doc.text):
                span = article.doc.char_span(match.start(), match.end(), alignment_mode="expand")
                mentions.append(Mention(span.start, span.end, actor_id))
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return Cast(actors=tuple(records), mentions=tuple(kept))


def holders(article: Article, cast: Cast) -> list[Holder]:
    quotes = find_quotes(article.doc.text, article.paragraph_starts)
    return [statement.holder for statement in find_statements(article, cast, quotes)]


# --- quotes -----------------------------------------------------------------


def quoted(text: str) -> list[str]:
    starts, offset = [], 0
    for paragraph in text.split("\n\n"):
        starts.append(offset)
        offset += len(paragraph) + 2
    return [text[a:b] for a, b in find_quotes(text, tuple(starts)).ranges]


def test_straight_and_curly_quotes_are_read_by_context():
    assert quoted('She said "no deal," and left. “Talks are over,” he added.') == ["no deal,", "Talks are over,"]


def test_quote_left_open_runs_to_the_end_of_its_paragraph_and_continues():
    text = "“We asked for help.\n\n“Nobody came,” she said."
    assert quoted(text) == ["We asked for help.", "Nobody came,"]


def test_closing_mark_without_an_opening_one_quotes_from_the_paragraph_start():
    assert quoted("the plan is dead,” the mayor said.") == ["the plan is dead,"]


def test_apostrophes_are_not_quotes():
    assert quoted("The city’s mayor didn’t sign the Workers’ charter.") == []


def test_single_quotes_pair_inside_a_paragraph():
    assert quoted("The minister called it ‘a disgrace’ on Friday.") == ["a disgrace"]


# --- holders ----------------------------------------------------------------


def test_subject_of_a_reporting_verb_holds_the_statement(make_article):
    article = make_article("Transport minister Marta Kovacs said the bridge would reopen in May.")
    cast = cast_of(article, ("person", "Marta Kovacs"))
    assert holders(article, cast) == [Holder(actor="marta-kovacs", speaker="marta-kovacs")]


def test_pronoun_speaker_is_the_last_person_put_forward(make_article):
    article = make_article("Marta Kovacs visited the flooded district with Piet Alder on Monday. "
                           "\u201cThe damage is worse than we feared,\u201d she said.")
    cast = cast_of(article, ("person", "Marta Kovacs"), ("person", "Piet Alder"))
    assert holders(article, cast) == [Holder(actor="marta-kovacs", speaker="marta-kovacs")]


def test_person_speaks_for_the_body_the_phrase_names(make_article):
    article = make_article("Norland's foreign ministry spokesman, Piet Alder, said the talks had failed.")
    cast = cast_of(article, ("state", "Norland"), ("person", "Piet Alder"))
    assert holders(article, cast) == [Holder(actor="norland", speaker="piet-alder")]


def test_person_speaks_for_their_affiliation_from_the_cast(make_article):
    article = make_article("Piet Alder, who joined the government last year, said the talks had failed.")
    cast = cast_of(article, ("state", "Norland"), ("person", "Piet Alder", "norland"))
    assert holders(article, cast) == [Holder(actor="norland", speaker="piet-alder")]


def test_each_conjoined_holder_holds_the_position(make_article):
    article = make_article("Norland and Ostavia condemned the decision.")
    cast = cast_of(article, ("state", "Norland"), ("state", "Ostavia"))
    assert holders(article, cast) == [Holder(actor="norland", speaker=None), Holder(actor="ostavia", speaker=None)]


def with_role(cast: Cast, actor_id: str, role: str) -> Cast:
    actors = tuple(dataclasses.replace(a, role=role) if a.id == actor_id else a for a in cast.actors)
    return Cast(actors=actors, mentions=cast.mentions)


@pytest.mark.parametrize(("role", "holder"), [
    ("Velmar's health minister", Holder(actor="velmar", speaker="marta-kovacs")),
    ("Velmar government spokesperson", Holder(actor="velmar", speaker="marta-kovacs")),
    ("doctor who", Holder(actor="marta-kovacs", speaker="marta-kovacs")),
    ("city resident", Holder(actor="marta-kovacs", speaker="marta-kovacs")),
    ("former Velmar leader", Holder(actor="marta-kovacs", speaker="marta-kovacs")),
])
def test_a_person_speaks_for_their_state_only_from_an_office(make_article, role, holder):
    """A doctor or a resident of a country speaks for themselves, a minister or spokesperson for the state."""
    article = make_article("\u201cWe have no clean water,\u201d said Marta Kovacs.")
    cast = with_role(cast_of(article, ("state", "Velmar"), ("person", "Marta Kovacs", "velmar")), "marta-kovacs", role)
    assert holders(article, cast) == [holder]


def test_a_nationality_alone_is_no_office(make_article):
    article = make_article("\u201cWe have no clean water,\u201d said Marta Kovacs.")
    cast = with_role(cast_of(article, ("state", "France"), ("person", "Marta Kovacs", "france")), "marta-kovacs",
                     "French")
    assert holders(article, cast) == [Holder(actor="marta-kovacs", speaker="marta-kovacs")]


def test_according_to_names_the_holder(make_article):
    article = make_article("Food prices will rise again next year, according to Ostavia's finance ministry.")
    cast = cast_of(article, ("state", "Ostavia"))
    assert holders(article, cast) == [Holder(actor="ostavia", speaker=None)]


def test_a_common_noun_is_its_own_holder_unless_an_organ_of_its_modifier(make_article):
    article = make_article("Norland's courts rejected the appeal. Norland's justice ministry rejected the appeal.")
    cast = cast_of(article, ("state", "Norland"))
    assert holders(article, cast) == [Holder(actor="norland", speaker=None)]


def test_media_outlet_reporting_holds_no_position(make_article):
    article = make_article("The Daily Courier reported that Norland had refused to pay the fine.")
    cast = cast_of(article, ("media", "The Daily Courier"), ("state", "Norland"))
    assert holders(article, cast) == []


def test_verb_inside_a_quote_is_content_not_attribution(make_article):
    article = make_article("\u201cThey want us to give up,\u201d said Kovacs.")
    cast = cast_of(article, ("person", "Kovacs"), ("state", "Norland"))
    assert holders(article, cast) == [Holder(actor="kovacs", speaker="kovacs")]


@pytest.mark.parametrize("body", [
    'Kovacs said the plan was "dead. The council voted against it.',
    'Kovacs said: “ the plan is dead ” ” “ and buried.',
    '"\n\n"',
])
def test_unbalanced_quote_marks_do_not_break_attribution(make_article, body):
    article = make_article(body)
    cast = cast_of(article, ("person", "Kovacs"))
    found = holders(article, cast)
    assert all(holder.speaker == "kovacs" for holder in found)
