"""Reading who a sentence's words stand for: the resolution the alliance rules share.

A token stands for the actor the cast mentions there or qualifies it with ("Russian
troops"); a pronoun for the last state, body or person named before it; a person for
the side they speak for (Cast.side). `negated` tells when the text does not assert what
a word says ("not a member", "refuses to help", "the idea that ...").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from generator.extract.cast import Cast
from generator.extract.lexicon import collective_states, word_sets

_BODY_KINDS = ("organization", "group")
SUBJECTS = ("nsubj", "nsubjpass")
RECIPROCAL = ("each other", "one another")
_PERSONAL = ("he", "she", "his", "her")


@dataclass(frozen=True)
class Link:
    """One alignment a sentence states: `members` of `group`, or aligned with each other."""

    relation: str
    """member, ally, backs or exercise."""
    members: tuple[str, ...]
    sentence: Span
    group: str | None = None


def words(name: str) -> frozenset[str]:
    """A word list of data/alliances.yml."""
    return word_sets("alliances")[name]


@lru_cache(maxsize=None)
def word_ids(*names: str) -> frozenset[int]:
    """The string ids (spaCy's hashes) of the words of lists `names`, or of the words
    themselves for names that are no list: what a sentence is scanned for."""
    lists = word_sets("alliances")
    return frozenset(get_string_id(word) for name in names for word in lists.get(name, {name}))


class Sides:
    """Who a sentence's words stand for, as the cast knows them."""

    def __init__(self, cast: Cast, sentence: Span, paragraph: list[Span], present: frozenset[int]) -> None:
        self.cast = cast
        self.sentence = sentence
        self.paragraph = paragraph
        self.present = present
        """Ids of the sentence's lower-case words and lemmas."""

    def says(self, *names: str) -> bool:
        """Whether the sentence has a word of the lists `names` (or one of those words)."""
        return not self.present.isdisjoint(word_ids(*names))

    def actor(self, token: Token) -> str | None:
        actor_id = self.cast.actor_for(token)
        if actor_id is None and token.lower_ == "whose":
            actor_id = self._whose(token)
        if actor_id is None and token.lower_ in ("its", "it", "their", "they") + _PERSONAL:
            actor_id = self._antecedent(token)
        return actor_id

    def _whose(self, pronoun: Token) -> str | None:
        """ "Burundi, whose own troops ...": the noun the relative clause hangs from."""
        clause = pronoun.head
        for _ in range(3):
            if clause.dep_ == "relcl" or clause.head.i == clause.i:
                break
            clause = clause.head
        return self.cast.actor_for(clause.head) if clause.dep_ == "relcl" else None

    def acting_sides(self, verb: Token) -> list[str]:
        """Who does what `verb` says, through a clause with no subject of its own ("deployed
        ... to support", "UN experts say have fought") and an armed force's owner ("whose
        troops", "Chadian troops")."""
        token = verb
        for _ in range(3):
            if children(token, *SUBJECTS) or token.dep_ not in ("xcomp", "advcl", "ccomp") or token.head.i == token.i:
                break
            token = token.head
        # "whose troops UN experts say have fought": the parser makes the troops what is said
        subjects = [c for c in token.children if c.dep_ == "dobj" and any(p.lower_ == "whose" for p in children(c, "poss"))] \
            or children(token, *SUBJECTS)
        sides = []
        for subject in subjects:
            owners = children(subject, "poss") if subject.lower_ in word_sets("organs")["military"] else []
            sides += [self.side(o) for o in owners] or self.subjects(token, people=False)
        return [side for side in dict.fromkeys(sides) if side]

    def _antecedent(self, pronoun: Token) -> str | None:
        """"its" -> the last state or body named before it in the sentence; "he" -> the
        last person. The subject of a reporting verb comes first ("The United States,
        which together with Saudi Arabia mediated talks, said it supported ...": "it" is
        the United States), and a name inside a relative clause or apposition that does
        not hold the pronoun is passed over."""
        kinds = ("person",) if pronoun.lower_ in _PERSONAL else ("state", "organization", "group")
        reporter = self._reporting_subject(pronoun, kinds)
        if reporter is not None:
            return reporter
        for mention in reversed(self.cast.mentions_in(self.sentence)):
            actor = self.cast.actor(mention.actor)
            if mention.end <= pronoun.i and actor is not None and actor.kind in kinds and \
                    not _aside(self.sentence.doc[mention.start], pronoun):
                return mention.actor
        return None

    def _reporting_subject(self, pronoun: Token, kinds: tuple[str, ...]) -> str | None:
        """The subject of the verb whose complement clause the pronoun is the subject of:
        "X said it would ...", "X warned that it could ..."."""
        if pronoun.dep_ not in SUBJECTS:
            return None
        clause = pronoun.head
        for _ in range(3):
            if clause.dep_ not in ("ccomp", "xcomp", "conj") or clause.head.i == clause.i:
                return None
            clause = clause.head
            for subject in children(clause, *SUBJECTS):
                if subject.i >= pronoun.i:
                    continue
                actor = self.cast.actor(self.cast.actor_for(subject))
                if actor is not None and actor.kind in kinds:
                    return actor.id
        return None

    def side(self, token: Token) -> str | None:
        return self.cast.side(self.actor(token))

    def np_sides(self, head: Token, people: bool = True) -> list[str]:
        """The sides named in the noun phrase headed by `head`, its conjuncts included:
        "Thousands of US and Filipino troops" -> united-states, philippines; "The United
        States and Britain, along with Germany" -> the three; "the Baltic states" and
        "both countries" -> the states they stand for (`plural_states`). Without
        `people`, people named in it do not count (a membership is not a person's)."""
        found: list[tuple[int, str]] = []
        stack = [head]
        while stack:
            token = stack.pop()
            mention = self.cast.mention_at(token.i)
            if mention is not None:
                if people or getattr(self.cast.actor(mention.actor), "kind", None) != "person":
                    found.append((mention.start, mention.actor))
            else:
                found += [(token.i, state) for state in self.plural_states(token)]
            for child in token.children:
                if child.dep_ in ("relcl", "acl", "advcl", "appos", "punct", "cc") or \
                        (child.dep_ == "prep" and not _joins_np(child)):
                    continue
                stack.append(child)
        if not found:
            actor = self.actor(head)
            if not people and getattr(self.cast.actor(actor), "kind", None) == "person":
                return []
            return [self.cast.side(actor)] if actor else []
        ordered = [actor for _, actor in sorted(found)]
        return list(dict.fromkeys(s for s in (self.cast.side(a) for a in ordered) if s))

    def plural_states(self, noun: Token) -> list[str]:
        """The states a plural noun stands for: a collective name ("the Baltic states",
        "the Nordic countries": the listed states the text names) or a definite count of
        states already named ("both countries", "the two countries", "all three nations"),
        which are the ones the text has named most so far, when they stand out."""
        if noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() not in words("state_nouns"):
            return []
        named = {a.id for a in self.cast.actors if a.kind == "state"}
        for qualifier in children(noun, "amod", "compound", "nmod"):
            members = collective_states().get(qualifier.lower_)
            if members is not None:
                return [state for state in members if state in named]
        count = _definite_count(noun)
        if count is None:
            return []
        seen: Counter[str] = Counter()
        for mention in self.cast.mentions:
            if mention.start >= noun.i:
                break
            if mention.actor in named:
                seen[mention.actor] += 1
        ranked = seen.most_common(count + 1)
        if len(ranked) < count or (len(ranked) > count and ranked[count - 1][1] <= ranked[count][1]):
            return []  # no clear pair (or trio) to refer to
        return [state for state, _ in ranked[:count]]

    def body(self, token: Token) -> str | None:
        actor_id = self.actor(token)
        actor = self.cast.actor(actor_id)
        return actor_id if actor is not None and actor.kind in _BODY_KINDS else None

    def link(self, relation: str, *members: str | None, group: str | None = None) -> Iterator[Link]:
        """A link, when its ends are known: a membership needs its body, an alignment two sides."""
        present = tuple(dict.fromkeys(m for m in members if m))
        if relation == "member" and group is None:
            return
        if present and (group or len(present) >= 2):
            yield Link(relation, present, self.sentence, group)

    def subjects(self, verb: Token, people: bool = True) -> list[str]:
        """The sides of a verb's subject, looking through "agreed to support" chains (without
        `people`, people named in it do not count, as in `np_sides`)."""
        token = verb
        while not children(token, *SUBJECTS) and token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
            token = token.head
        subjects = children(token, *SUBJECTS)
        if not subjects and token.dep_ == "acl" and token.head.pos_ in ("PROPN", "NOUN"):
            subjects = [token.head]  # "Hungary, ..., sided with Germany" parsed as a reduced relative
        if token.dep_ == "relcl" and any(s.lower_ in ("which", "who", "that") for s in subjects):
            subjects = [token.head]  # "Russia, which signed a pact with ..."
        return [side for subject in subjects for side in self.np_sides(subject, people=people)]

    def object_side(self, obj: Token) -> str | None:
        """"support Azerbaijan" or "defended Israel's decision": the object or its owner."""
        actor = self.cast.mention_at(obj.i)
        if actor is not None:
            return self.cast.side(actor.actor)
        owners = children(obj, "poss")
        return self.side(owners[0]) if owners else self.side(obj)

    def named_before(self, i: int, exclude: set[str | None]) -> str | None:
        """The last state or body named before token `i` in the sentence."""
        for mention in reversed(self.cast.mentions_in(self.sentence)):
            side = self.cast.side(mention.actor)
            actor = self.cast.actor(side)
            if mention.end <= i and side not in exclude and actor is not None and \
                    actor.kind in ("state", "organization", "group"):
                return side
        return None


_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}


def _definite_count(noun: Token) -> int | None:
    """2 for "both countries" and "the two countries", 3 for "all three states"; None
    for an indefinite "two countries" (not yet named) or no count."""
    both = [c for c in noun.children if c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj")]
    if both:
        return 2
    numbers = [c for c in noun.children if c.dep_ == "nummod" and c.lower_ in _COUNTS]
    definite = any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "all", "these", "those")
                   for c in noun.children)
    return _COUNTS[numbers[0].lower_] if numbers and definite else None


def _aside(token: Token, pronoun: Token) -> bool:
    """Whether `token` sits in a relative clause, apposition or parenthetical phrase that
    does not hold `pronoun` ("which together with Saudi Arabia mediated ...")."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in ("relcl", "acl", "appos", "parataxis") and not \
                (current.left_edge.i <= pronoun.i <= current.right_edge.i):
            return True
        current = current.head
    return False


def _joins_np(prep: Token) -> bool:
    """"of" ("numbers of Greek forces") and "along/together with" add to a noun phrase."""
    return prep.lower_ in ("of", "along", "alongside", "together") or \
        (prep.lower_ == "with" and prep.i > 0 and prep.nbor(-1).lower_ in ("along", "together"))


def before_possessive(token: Token) -> bool:
    """"Kyiv" in "Kyiv's European allies", however the parser attached the "'s"."""
    return token.i + 1 < len(token.doc) and token.nbor(1).text in ("'s", "\u2019s")


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def negated(token: Token) -> bool:
    """Whether the text does not assert what `token` says: "not a member", "neither Putin
    nor the CSTO agreed to", "refuses to help", "the idea that the U.S. is training"."""
    current = token
    for _ in range(5):
        if any(c.dep_ == "neg" for c in current.children) or current.lemma_.lower() in words("negating_verbs"):
            return True
        if any(c.lower_ in ("no", "neither") for s in children(current, *SUBJECTS) for c in s.children):
            return True
        if current.dep_ in ("acl", "ccomp") and current.head.lemma_.lower() in words("unasserted"):
            return True
        if current.dep_ not in ("xcomp", "ccomp", "conj", "attr") or current.head.i == current.i:
            return False  # a negation above an adverbial or relative clause is not this clause's
        current = current.head
    return False


def quote_speaker(cast: Cast, paragraph: list[Span]) -> str | None:
    """The side of the person a paragraph's quotes are attributed to ("..., said White
    House Press Secretary Stephanie Grisham")."""
    for sentence in paragraph:
        for token in sentence:
            if token.lemma_ in ("say", "tell", "add") and token.pos_ == "VERB":
                for subject in children(token, *SUBJECTS):
                    actor = cast.actor(cast.actor_for(subject))
                    if actor is not None and actor.kind == "person":
                        side = cast.side(actor.id)
                        return side if side != actor.id else None  # whom they speak for, if known
    return None
