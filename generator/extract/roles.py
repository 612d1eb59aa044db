"""People: names the NER missed, and each person's role and affiliation.

"Kremlin spokesman Dmitry Peskov" -> role "Kremlin spokesman"; "Aydos Sarym, member of
the Defense and Security Committee ..." -> role "member of the ...". The phrases a role
is read from are spans, so the actors mentioned in them give the affiliation.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy
from spacy.attrs import IS_ALPHA, IS_UPPER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from generator.extract import kinds
from generator.extract.lexicon import gazetteer, not_person_words, titles_by_length, word_sets

_NP_DEPS = ("compound", "amod", "nmod", "poss", "case")
_MAX_ROLE_TOKENS = 14
_MAX_NAME_WORDS = 4
_CUT_DEPS = ("relcl", "acl")
_WORKPLACE_PREPS = ("at", "of", "for", "with")
_PLACE_PREPS = ("in", "to")


def title_length(tokens: list[Token]) -> int:
    """How many of `tokens`, from the first, are a title ("Rear Admiral", "Cmdr.")."""
    if not tokens:
        return 0
    words = tuple(t.lower_ for t in tokens[:_LONGEST_TITLE])
    for title in _titles_starting(words[0]):
        if words[: len(title)] == title:
            return len(title)
    return 0


_LONGEST_TITLE = 4


@lru_cache(maxsize=None)
def _titles_starting(word: str) -> tuple[tuple[str, ...], ...]:
    return tuple(title for title in titles_by_length() if title[0] == word)


# --- names the NER missed -------------------------------------------------------------


def unlabelled_names(doc: Doc, fixed: set[int]) -> list[Span]:
    """Runs of one to four capitalised proper nouns, outside `fixed` tokens, that behave
    like a person's name: an apposition or "who" after them, a title, nationality or
    organ word before them, the subject of a reporting verb, coordinated with a person
    (a single word only with "who" after it or a title before it). Each span's label is
    PERSON, or ORG (MEDIA) for a run the text says is a body ("Serb List, the largest
    political party")."""
    rows = doc.to_array([POS, IS_ALPHA, IS_UPPER])
    proper = (rows[:, 0] == PROPN) & (rows[:, 1] == 1) & (rows[:, 2] == 0)
    found, run = [], []
    for i in [*map(int, numpy.flatnonzero(proper)), None]:
        token = doc[i] if i is not None else None
        if token is not None and i not in fixed and token.text[:1].isupper() and (not run or run[-1].i == i - 1):
            run.append(token)
            continue
        span = _name_in_run(doc, run)
        if span is not None:
            found.append(span)
        run = [token] if token is not None and i not in fixed and token.text[:1].isupper() else []
    return found


def _name_in_run(doc: Doc, run: list[Token]) -> Span | None:
    gaz = gazetteer()
    while run and (title_length(run) or gaz.lookup(run[0].text)):
        run = run[title_length(run) or 1:]
    # "Water Resources Minister [C.R. Patil]": a portfolio and an office word are no name;
    # a name, if any, comes after the office word.
    offices = [k for k, t in enumerate(run) if t.lower_ in word_sets("names")["office_words"]]
    if offices:
        run = run[offices[-1] + 1:]
    if not 1 <= len(run) <= _MAX_NAME_WORDS:
        return None
    not_person = not_person_words()
    if any(t.lower_ in not_person or gaz.lookup(t.text) for t in run):
        return None
    span = doc[run[0].i: run[-1].i + 1]
    # "the Civic Bloc": a name ending in a body word is a body's; at the start of a sentence
    # the first word may only be capitalised there ("Key Security Council powers ...")
    if len(span) > 1 and span[-1].lower_ in word_sets("names")["body_words"] and span.start != span.sent.start:
        span.label_ = "ORG"
        return span
    body = kinds.named_body(span)
    if body is not None:  # "Serb List, the largest political party ...": a body, labelled so
        span.label_ = "MEDIA" if body == "media" else "ORG"
        return span
    # A lone word needs a strong cue: "Okonkwo, who leads ...", "Mayor Okonkwo".
    if has_person_cue(span, strong=len(span) == 1):
        span.label_ = "PERSON"
        return span
    return None


def has_person_cue(span: Span, strong: bool = False) -> bool:
    """Evidence in the sentence that `span` names a person; `strong` asks for a title
    before it or "who" after it."""
    doc = span.doc
    root = span.root
    before = doc[span.start - 1] if span.start else None
    names = word_sets("names")
    if strong:
        return (before is not None and (title_length([before]) > 0 or before.lower_ in word_sets("organs")["civil"])) \
            or any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose") for c in root.children) \
            or (len(span) > 1 and _in_apposition_to_a_person(root))
    if span[-1].tag_ == "NNPS" or (len(span) == 1 and span.text.isupper()):
        return False  # a plural ("Kosovo Serbs") or an acronym ("Russian LNG") is no one's name
    return (
        any(c.dep_ == "appos" and c.i > root.i and (c.pos_ == "NUM" or c.lower_ in names["person_nouns"]
                                                     or title_length([c]) > 0) for c in root.children)
        or any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose") for c in root.children)
        or (root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in word_sets("cues")["speech_verbs"]
            and len(span) > 1)
        or (root.dep_ == "conj" and root.head.ent_type_ == "PERSON"
            and not kinds.is_thing_use(doc[root.head.i: root.head.i + 1]))
        or (len(span) > 1 and _in_apposition_to_a_person(root))
        or (before is not None and (gazetteer().lookup(before.text) is not None or title_length([before]) > 0
                                    or before.lower_ in word_sets("organs")["civil"]))
    )


def _in_apposition_to_a_person(root: Token) -> bool:
    """"the personal envoy for Sudan, Ramtane Lamamra,": the name stands in apposition to a
    person noun, however the parser attached it (here to "Sudan")."""
    if root.dep_ != "appos":
        return False
    head = root.head
    for _ in range(3):
        if head.lower_ in word_sets("names")["person_nouns"] or title_length([head]) > 0:
            return True
        if head.dep_ not in ("pobj", "prep") or head.head.i == head.i:
            return False
        head = head.head
    return False


def headline_names(title: str | None) -> dict[str, str]:
    """Full names the headline gives after a title or a nationality ("Prime Minister
    Shigeru Ishiba"): surname -> full name, for a body that only says "Ishiba"."""
    words = re.findall(r"[\w'\u2019.-]+", title or "")
    titles = titles_by_length()
    title_ends = {title[-1] for title in titles}
    found = {}
    for before, given, surname in zip(words, words[1:], words[2:]):
        if not (given[:1].isupper() and surname[:1].isupper() and given.isalpha()):
            continue
        form = gazetteer().lookup(before)
        after_title = before.lower() in title_ends or (form is not None and form.type == "adj")
        if after_title and gazetteer().lookup(given) is None and (given.lower(),) not in titles:
            found[surname.strip(".'\u2019")] = f"{given} {surname.strip('.')}"
    return found


# --- roles ----------------------------------------------------------------------------


def role_spans(name: Span) -> list[Span]:
    """The phrases that say what the person named at `name` is: the words before the
    name, the noun phrase it stands in apposition to, the apposition after it."""
    spans = [_prefix_role(name), _head_apposition(name), _apposition_role(name)]
    return [span for span in spans if span is not None and len(span)]


def role_score(span: Span) -> int:
    """How much a role phrase says: a title or an organ word weighs most, a capital next."""
    organs = word_sets("organs")
    words = {t.lower_ for t in span}
    score = 1
    if words & (organs["civil"] | organs["military"]) or any(title_length([t]) for t in span):
        score += 2
    if span[0].text[:1].isupper():
        score += 1
    return score


def role_text(spans: list[Span]) -> str | None:
    """The role to show: the words before the name unless they are only a title, then
    the apposition ("Israel's chief military spokesperson" over "Rear Admiral")."""
    if not spans:
        return None
    first = spans[0]
    if len(spans) > 1 and title_length(list(first)) == len(first):
        first = spans[1]
    return " ".join(first.text.split()).strip(" ,") or None


def _prefix_role(name: Span) -> Span | None:
    """Words before the name in its noun phrase: "Turkish Defense Minister" Hulusi Akar."""
    doc = name.doc
    left = name.start
    for token in name:
        for child in token.lefts:
            if child.i < name.start and child.dep_ in _NP_DEPS:
                left = min(left, child.left_edge.i)
    # A plural noun or a dash ends the phrase before the title: "Ukrainian forces |
    # Russian president", "KYIV (Reuters) - | Ukrainian President".
    breaks = [t.i for t in doc[left:name.start]
              if t.tag_ in ("NNS", "NNPS") or t.text in ("-", "\u2013", "\u2014", ")")]
    if breaks:
        left = breaks[-1] + 1
    while left < name.start and (doc[left].dep_ in ("det", "cc") or doc[left].is_punct):
        left += 1
    if left == name.start and name.start >= 2 and doc[name.start - 1].text in ("'s", "\u2019s"):
        owner = doc[name.start - 2]  # "and Germany's Friedrich Merz", however it was parsed
        left = min([owner.i] + [c.left_edge.i for c in owner.children if c.dep_ == "compound"])
    return doc[left:name.start] if left < name.start else None


def _head_apposition(name: Span) -> Span | None:
    """"Israel's chief military spokesperson, Rear Admiral Daniel Hagari": the name is in
    apposition to the role before it."""
    root = name.root
    if root.dep_ == "appos" and root.head.i < name.start and root.head.pos_ == "NOUN":
        return _phrase(root.head, stop=name.start)
    return None


def _apposition_role(name: Span) -> Span | None:
    """", member of the ... Majilis of Kazakhstan," or "Peter McNally of Third Bridge"."""
    root = name.root
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and child.ent_type_ != "PERSON":
            return _phrase(child, stop=None)
        if child.dep_ == "prep" and child.lower_ in ("of", "at") and child.i == name.end:
            return _phrase(child, stop=None)
    return None


def _phrase(head: Token, stop: int | None) -> Span:
    """`head` with its subtree, cut before a relative clause, a comma or `stop`."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ == "det" or doc[start].is_punct):
        start += 1
    end = head.i + 1
    for token in doc[head.i + 1: head.right_edge.i + 1]:
        if token.dep_ in _CUT_DEPS or token.text == "," or token.i == stop:
            break
        end = token.i + 1
    end = min(end, start + _MAX_ROLE_TOKENS, stop if stop is not None else end)
    return doc[start:end]


# --- affiliation -----------------------------------------------------------------------


def affiliation(spans: list[Span], actor_at: Callable[[int], str | None],
                is_person: Callable[[str], bool]) -> str | None:
    """The actor a person speaks for, from their role phrases: an employer named in
    "at/of/for ..." first, else the first state or body named; people and places ("in
    Israel", "ambassador to the Netherlands") do not count. `actor_at` gives the actor
    id mentioned at a token."""
    for span in spans:
        located = {t.i for token in span if token.dep_ == "prep" and token.lower_ in _PLACE_PREPS
                   for t in token.subtree}
        workplace = {t.i for token in span if token.dep_ == "prep" and token.lower_ in _WORKPLACE_PREPS
                     for t in token.subtree} - located
        found: list[tuple[int, str]] = []
        for token in span:
            actor = actor_at(token.i)
            if actor is None or token.i in located or is_person(actor):
                continue
            if not found or found[-1][1] != actor:
                found.append((token.i, actor))
        employers = [actor for i, actor in found if i in workplace]
        if employers:
            return employers[-1]
        if found:
            return found[0][1]
    return None
