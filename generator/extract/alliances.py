"""Alliances: memberships, allies, backing and joint action, each with its sentence.

The rules (alliance_rules.py, reading who words stand for with sides.py) each read one
construction of news writing and yield links:

- membership: "CSTO member Kazakhstan", "EU member state Estonia", "Venezuela, a member
  of OPEC", "its obligations as a member of the UN", "Lithuania, Latvia and Estonia are
  members of NATO and the EU" (every member of every body), "the Baltic states" and
  "both countries" (the states they stand for, sides.plural_states), "the Russian-led
  CSTO", "invoked Article 4 of the CSTO", "the Visegrad Group — Hungary, Slovakia, ...",
  "contribute troops to UNIFIL", "a partner in the Quad"; grouped into one Alliance per
  body (`group` = the body's id). A status short of membership ("EU candidate Serbia",
  "NATO partner Georgia") is none; a body leading a mission ("the NATO-led Kosovo
  Force") has the mission in its group, and is no member of it;
- allies: "Kyiv's European allies, including France's Emmanuel Macron", "India, a key
  U.S. partner", "Turkey, a key supporter of ...", "sided with", "signed a defence pact
  with", "Germany, which has stationed a brigade in Lithuania"; not a trading partner;
- backing: "Turkey would support Azerbaijan", "Hungary is backed by Russia", "with
  Russian support", "Iranian military aid to Syrian government forces", "pro-Israeli
  moves by Trump's administration", "U.S.-backed rebels" (the backer first);
- joint action: "a joint statement by X and Y", "the Japan-U.S. Status of Forces
  Agreement", joint exercises and those taking part in them (one coalition);
- shared stance: "Hamas and Iran have blamed Israel" (two subjects, one named target);
- belonging: "settlers, who form part of Netanyahu's constituency", "joined
  Netanyahu's coalition"; "our partnership" in a spokesperson's quote, when the
  sentence names one other side.

Denied or reported claims make no link ("not a member", "refuses to help", "the idea
that ..."), nor do deals between rivals ("the Israel-Hamas ceasefire agreement").
A plain alignment has `group` None and the aligned actors as `members`. People stand
for the state or group they speak for (Cast.side), except where the text ties the
alignment to the person ("Netanyahu's constituency", "Milei, a close ally of Trump").
"""
from __future__ import annotations

from collections import defaultdict

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span

from generator.extract.alliance_rules import Reader
from generator.extract.article import Article
from generator.extract.cast import Cast
from generator.extract.sides import Link, word_ids
from generator.model import Alliance
from generator.slugs import slugify, unique_slug


def find_alliances(article: Article, cast: Cast) -> tuple[Alliance, ...]:
    links: list[Link] = []
    paragraphs: dict[int, list[Span]] = defaultdict(list)
    for sentence in article.sentences:
        paragraphs[article.paragraph_of(sentence.start_char)].append(sentence)
    word_rows = article.doc.to_array([LOWER, LEMMA])
    for sentences in paragraphs.values():
        about_exercises = False  # exercises named earlier in the paragraph
        for sentence in sentences:
            present = frozenset(word_rows[sentence.start:sentence.end].ravel().tolist())
            about_exercises = about_exercises or not present.isdisjoint(word_ids("exercise_nouns"))
            # One actor is enough for "pro-Russian separatists", for "our partnership",
            # whose other side is the speaker, and with a noun that may stand for states
            # named before ("Both countries are members of the SCO").
            named = cast.actors_in(sentence)
            if len(named) >= 2 or not present.isdisjoint(word_ids("pro", "our")) or \
                    (named and not present.isdisjoint(word_ids("state_nouns"))):
                links += Reader(cast, sentence, sentences, present).links(about_exercises)
    return _assemble(article, cast, links)

# --- assembling -----------------------------------------------------------------------


def _assemble(article: Article, cast: Cast, links: list[Link]) -> tuple[Alliance, ...]:
    """One Alliance per body (its members), one per exercise coalition, one per pair."""
    members: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    pairs: dict[tuple[str, frozenset[str]], list[Span]] = defaultdict(list)
    first_order: dict[tuple[str, frozenset[str]], tuple[str, str]] = {}
    coalitions: list[tuple[set[str], list[Span]]] = []
    for link in links:
        if link.group is not None:
            for member in link.members:
                if member != link.group:
                    members[link.group][member].append(link.sentence)
        elif link.relation == "exercise":
            _join_coalition(coalitions, set(link.members), link.sentence)
        else:
            for i, a in enumerate(link.members):
                for b in link.members[i + 1:]:
                    pairs[(link.relation, frozenset((a, b)))].append(link.sentence)
                    first_order.setdefault((link.relation, frozenset((a, b))), (a, b))
    taken: set[str] = set()
    alliances = []
    for group, by_member in members.items():
        sentences = [s for spans in by_member.values() for s in spans]
        name = f"{_name(cast, group)} members"
        alliances.append(_alliance(article, taken, name, group, tuple(by_member), "member", sentences))
    for participants, sentences in coalitions:
        if len(participants) >= 2:
            ordered = tuple(sorted(participants))
            name = "Joint exercises: " + ", ".join(_name(cast, a) for a in ordered)
            alliances.append(_alliance(article, taken, name, None, ordered, "exercise", sentences))
    for (relation, pair), sentences in pairs.items():
        ordered = tuple(sorted(pair))
        if any(ordered[0] in c and ordered[1] in c for c, _ in coalitions):
            continue
        verb = {"backs": "backs", "ally": "and"}[relation]
        name = f"{_name(cast, ordered[0])} {verb} {_name(cast, ordered[1])}"
        if relation == "backs":  # the backer first, as the rule read it ("Hungary is backed by Russia")
            ordered = first_order[(relation, pair)]
            name = f"{_name(cast, ordered[0])} backs {_name(cast, ordered[1])}"
        alliances.append(_alliance(article, taken, name, None, ordered, relation, sentences))
    return tuple(alliances)


def _join_coalition(coalitions: list[tuple[set[str], list[Span]]], participants: set[str], sentence: Span) -> None:
    for members, sentences in coalitions:
        if members & participants or len(coalitions) == 1:
            members |= participants
            sentences.append(sentence)
            return
    coalitions.append((participants, [sentence]))


def _name(cast: Cast, actor_id: str) -> str:
    actor = cast.actor(actor_id)
    return actor.name if actor is not None else actor_id


def _alliance(article: Article, taken: set[str], name: str, group: str | None, members: tuple[str, ...],
              relation: str, sentences: list[Span]) -> Alliance:
    alliance_id = unique_slug(slugify(name), taken)
    taken.add(alliance_id)
    evidence = tuple({article.evidence(s).text: article.evidence(s) for s in sentences}.values())
    return Alliance(id=alliance_id, name=name, group=group, members=members, relation=relation, evidence=evidence)
