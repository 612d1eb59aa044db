"""Candidate mentions of actors in one article: step 1 of find_cast (see actors.py).

Candidates come from the gazetteers (a PhraseMatcher over lexicon.py's forms), spaCy's
entities, runs of capitalised words that behave like a person's name, and the text's
own acronym definitions. Where a gazetteer form and an entity overlap, the more
specific reading wins: "Israel Katz" is a person, "the Afghan government" is
Afghanistan, "the American University of Kabul" is a body. Each candidate then gets its
use (kinds.py): a state named, an organ of a state, an adjective, a place.

A state's armed body is the state's when written in lower case ("Kosovo police"), a
body of its own when named in capitals ("the Kosovo Police"), and a party of its own
in a civil war, fighting an armed group at home in the same state ("the Sudanese
army" against the RSF). An outlet's two-letter initials alone ("DM") name it only with
its name in the text or when cited as a source.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from generator.extract import kinds, roles
from generator.extract.acronyms import find_definitions, name_start, tokens_at
from generator.extract.aliases import NAME_PARTICLES, normalise
from generator.extract.dateline import dateline_chars
from generator.extract.lexicon import (
    Entry, gazetteer, not_person_words, phrase_matcher, shared_names, title_matcher, word_sets,
)
from generator.extract.roles import title_length

_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "nationality",
           "LOC": "place", "FAC": "place"}
POSSESSIVES = ("'s", "\u2019s")
_NAME_LINKS = ("of", "for")
_MAX_NAME_TAIL = 3
LEADER_ORGANS = ("regime", "government", "administration")


@dataclass
class Candidate:
    """A stretch of text that may name an actor."""

    start: int
    end: int
    text: str
    label: str
    """person, state, organization, group, media, people, place or nationality."""
    entry: Entry | None = None
    use: str = "name"
    """name, short, capital, organ, adj, place or group (a "<Nationality> <group noun>")."""
    names_actor: bool = True
    """False for a mention that only points at an actor named elsewhere (an adjective, a place)."""
    key: str = ""
    sure: bool = False
    """A person by a cue in the text ("Ishiba, who ..."), not only by the NER's label."""
    full_name: str = ""
    """The person's full name when only the headline gives it."""
    named_by_cue: bool = False
    """The text says this is a name: a body noun after it ("the Zeta party"), "known as" before it."""


def detect(doc: Doc, publisher: str | None = None) -> list[Candidate]:
    """Candidate mentions in `doc`, sorted and not overlapping."""
    hits = _gazetteer_hits(doc)
    in_titles = {i for _, start, end in title_matcher(doc.vocab)(doc) for i in range(start, end)}
    entities = [span for entity in doc.ents if entity.label_ in _LABELS for span in _name_spans(entity)
                if not in_titles.issuperset(range(span.start, span.end)) and not _starts_title(span, in_titles)]
    hit_at = {i: hit for hit in hits for i in range(hit.start, hit.end)}
    candidates = []
    for entity in entities:
        overlapping = {id(hit): hit for i in range(entity.start, entity.end) if (hit := hit_at.get(i)) is not None}
        candidate = _entity_candidate(entity, list(overlapping.values()))
        if candidate is not None:
            candidates.append(candidate)
    taken = _tokens_of(candidates)
    candidates += [_hit_candidate(hit) for hit in hits if not taken.intersection(range(hit.start, hit.end))]
    candidates = _with_long_forms(doc, candidates, entities + hits)
    candidates += _named_after_a_body_noun(doc, candidates)
    candidates += _named_as(doc, candidates)
    candidates = _names_before_a_body_noun(doc, candidates)
    candidates = _with_people(doc, candidates)
    candidates = [_with_hyphenated_end(doc, c) if c.label == "person" else c for c in candidates]
    candidates = _absorb_organs(doc, [_with_use(c, doc) for c in candidates])
    candidates += _resident_groups(doc, candidates)
    candidates = _owners_qualify(doc, candidates)
    candidates = _named_forces(doc, candidates)
    candidates = _armies_at_war(doc, candidates)
    candidates = _without_bare_outlet_initials(doc, candidates)
    if publisher:
        candidates = [replace(c, label="media") if normalise(c.text) == normalise(publisher) else c
                      for c in candidates]
    candidates = [c for c in candidates if not (c.label == "person" and _in_credits(doc, c))]
    candidates = [c for c in candidates if not _qualifies_a_place(doc, c)]
    candidates = _shared_names_resolved(candidates)
    dateline = dateline_tokens(doc)
    candidates = [c for c in candidates if c.label == "media" or c.start not in dateline]
    return sorted(_non_overlapping(candidates), key=lambda c: c.start)


def _starts_title(span: Span, in_titles: set[int]) -> bool:
    """"National Security" in "National Security Minister Itamar Ben-Gvir": the words of a
    portfolio before a capitalised title, not a body (a body's name has a body word)."""
    after = span.end
    return span.label_ == "ORG" and after in in_titles and span.doc[after].text[:1].isupper() \
        and not {t.lower_ for t in span} & word_sets("names")["body_words"] \
        and gazetteer().lookup(span.text) is None


def _tokens_of(candidates: list[Candidate]) -> set[int]:
    return {i for c in candidates for i in range(c.start, c.end)}


def _gazetteer_hits(doc: Doc) -> list[Span]:
    matches = phrase_matcher(doc.vocab)(doc, as_spans=True)
    return filter_spans([span for span in matches if not _in_heading(span)])


def _in_heading(span: Span) -> bool:
    """A short acronym inside a line written in capitals ("HELP US") is a word, not a name."""
    if len(span.text) > 3 or not span.text.isupper():
        return False
    sentence = span.sent
    around = [t for t in sentence if t.is_alpha and not span.start <= t.i < span.end
              and abs(t.i - span.start) <= 3]
    return sum(t.is_upper and len(t) > 1 for t in around) >= 2


def _name_spans(entity: Span) -> list[Span]:
    """The names in an entity: cleaned, a body's name completed ("Constitutional
    Democratic Party" + "of Japan"), and split at an inner possessive ("Tufts
    University's Feinstein International Center" is two bodies)."""
    span = _clean(entity)
    if span is None:
        return []
    if entity.label_ == "ORG":
        span = _completed(span)
    if entity.label_ == "PERSON":
        span = _whole_name(span)
    listed = _listed_names(span)
    if listed:
        return [_labelled(part, entity) for part in listed]
    posted = _posting_state(span)
    if posted is not None:  # "Ambassador to Denmark Karen Whitfield": a state, then a person
        state, person = span.doc[span.start:posted], span.doc[posted:span.end]
        person.label_ = "PERSON"
        return [_labelled(state, entity), person]
    inner = [t.i for t in span[1:-1] if t.text in POSSESSIVES]
    if not inner:
        return [span]
    owner, rest = _clean(_labelled(span.doc[span.start:inner[0]], entity)), \
        _clean(_labelled(span.doc[inner[0] + 1:span.end], entity))
    if rest is None or not any(t.text[:1].isupper() for t in rest):
        return [span]
    return [part for part in (owner, rest) if part is not None]


def _posting_state(span: Span) -> int | None:
    """Where the person's name starts in "[Ambassador to] Denmark Karen Whitfield", "[envoy
    to] Sudan Ramtane Lamamra": a title, "to", a state's name, then a two-word name that the
    NER took together. None when the span is not one of these."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in ("to", "for", "in", "at") or \
            doc[span.start - 2].lower_ not in word_sets("names")["office_words"] | {"representative", "delegate"}:
        return None
    for length in (3, 2, 1):
        if len(span) - length < 2:
            continue
        form = gazetteer().lookup(span[:length].text)
        rest = span[length:]
        if form is not None and form.entry.kind == "state" and all(t.text[:1].isupper() and t.is_alpha for t in rest):
            return span.start + length
    return None


def _listed_names(span: Span) -> list[Span]:
    """"Mali, Burkina Faso": a list the NER took for one name. Split at its commas when every
    part is a listed name (a name with a comma, "Washington, D.C.", is not split)."""
    commas = [t.i for t in span if t.text == ","]
    if not commas:
        return []
    bounds = [span.start, *[i + 1 for i in commas]]
    ends = [*commas, span.end]
    parts = [span.doc[start:end] for start, end in zip(bounds, ends)]
    forms = [gazetteer().lookup(part.text) if len(part) else None for part in parts]
    return parts if all(form is not None and form.entry.kind == "state" for form in forms) else []


def _labelled(span: Span, like: Span) -> Span:
    span.label_ = like.label_
    return span


def _clean(span: Span) -> Span | None:
    """`span` without a leading "the", title or quote, a trailing possessive or
    punctuation, and cut at a parenthesis or a dash before lower-case words."""
    doc = span.doc
    start, end = span.start, span.end
    for i in range(start, end):
        if doc[i].text in ("(", "[") or (doc[i].text in ("-", "\u2013", "\u2014") and i + 1 < end
                                         and doc[i + 1].is_lower):
            end = i
            break
    while start < end and (doc[start].lower_ in ("the",) + POSSESSIVES or doc[start].is_punct):
        start += 1
    if span.label_ == "ORG" and end - start > 3 and doc[start].lower_ == "pro" and doc[start + 1].text == "-":
        start += 3  # "pro-European Party of Reform": what the party is for is no part of its name
    if span.label_ in ("PERSON", "ORG"):
        start += title_length(list(doc[start:end]))
    while end > start and (doc[end - 1].text in POSSESSIVES + ("'", "\u2019") or doc[end - 1].is_punct):
        end -= 1
    if end <= start or not any(t.text[:1].isupper() for t in doc[start:end]):
        return None
    return _labelled(doc[start:end], span)


def _completed(span: Span) -> Span:
    """A body's name that the NER cut before "of"/"for (the)" and capitalised words, or
    after "and" ("Party of Reform and" + "Unity")."""
    doc = span.doc
    if span[-1].lower_ == "and":
        end = _capitalised_run(doc, span.end, _MAX_NAME_TAIL, set(), lambda t: t.pos_ == "PROPN")
        return _labelled(doc[span.start:end], span) if end > span.end else span
    if span[-1].lower_ not in word_sets("names")["not_person"] or span.end + 1 >= len(doc) \
            or doc[span.end].lower_ not in _NAME_LINKS:
        return span
    end = span.end + 1
    end += doc[end].lower_ == "the"
    tail = 0
    while end < len(doc) and tail < _MAX_NAME_TAIL and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end, tail = end + 1, tail + 1
    return _labelled(doc[span.start:end], span) if tail else span


def _whole_name(span: Span) -> Span:
    """A person's name the NER cut short: "Jean-Luc" + "Marchand"; "Ursula" + "von der
    Leyen" (lower-case particles, then the capitalised surname, whatever its label)."""
    doc = span.doc
    end = span.end
    while end < len(doc) and end - span.end < 2 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
            and doc[end].is_alpha and not doc[end].ent_type_ and gazetteer().lookup(doc[end].text) is None \
            and not title_length(list(doc[end:end + 4])):  # "Solomon Islands" + "Prime Minister": a title follows
        end += 1
    particles = end
    while particles < len(doc) and particles - end < 3 and doc[particles].lower_ in NAME_PARTICLES \
            and doc[particles].is_lower:
        particles += 1
    if particles > end and particles < len(doc) and doc[particles].text[:1].isupper() and doc[particles].is_alpha \
            and gazetteer().lookup(doc[particles].text) is None:
        end = particles + 1
    return _labelled(doc[span.start:end], span) if end > span.end else span


def _entity_candidate(entity: Span, hits: list[Span]) -> Candidate | None:
    label = _LABELS[entity.label_]
    if label == "person" and kinds.is_community_name(entity.text):
        return Candidate(entity.start, entity.end, entity.text, "organization")  # "Kosovo Serbs": a community
    if not hits and entity.text.isupper() and len(entity.text) > 3:
        return _capitalised_candidate(entity, label)
    if not hits:
        if label == "organization" and kinds.is_not_actor_name(entity):
            return None
        if label == "person" and kinds.named_body(entity) is not None:
            label = kinds.named_body(entity)  # "grid operator Elering", however it was tagged
        elif label == "person" and len(entity) > 1 and entity[-1].lower_ in word_sets("names")["company_tails"]:
            label = "organization"  # "Delos Maritime"
        elif label == "person" and not _looks_like_person(entity):
            return None
        elif label == "place" and len(entity) > 1 and entity[-1].lower_ in word_sets("names")["body_words"]:
            label = "organization"  # "the Civic Bloc" tagged as a place: a body's name
        return Candidate(entity.start, entity.end, entity.text, label)
    longest = max(hits, key=len)
    entry = gazetteer().forms[longest.label_].entry
    if longest.start <= entity.start and longest.end >= entity.end:
        return _hit_candidate(longest)  # the gazetteer names the whole entity
    if entry.kind == "media" and longest.start == entity.start:
        return Candidate(entity.start, entity.end, entity.text, "media", entry)  # "VOA Extremism Watch Desk"
    if label == "person" and (entry.kind not in ("media", "organization", "group") or len(longest) == 1):
        if not _looks_like_person(entity):
            return None
        return Candidate(entity.start, entity.end, entity.text, "person")  # "Israel Katz"
    same_state = entry.kind == "state" and all(gazetteer().forms[h.label_].entry == entry for h in hits)
    if same_state and _only_organ_words(entity, hits) and (
            kinds.organ_head(longest) is not None or kinds.organ_head(entity) is not None or len(hits) > 1):
        return Candidate(entity.start, entity.end, entity.text, "state", entry, "organ")
    if label == "organization" and not kinds.is_not_actor_name(entity):
        return Candidate(entity.start, entity.end, entity.text, label)  # "the American University of Kabul"
    return None  # a place or a document whose name holds a state; the hits inside stand alone


def _capitalised_candidate(entity: Span, label: str) -> Candidate | None:
    """A name in capitals: a dateline's city ("SEOUL (Reuters) -") is no actor, a listed
    name is itself ("HAMAS"), an unknown acronym stays, a longer word is a heading's."""
    doc = entity.doc
    after = doc[entity.end].text if entity.end < len(doc) else ""
    if entity.start == entity.sent.start and after in (",", "(", "-", "\u2013", "\u2014", "/"):
        return None  # a dateline: "DERNA, Libya —", "SEOUL (Reuters) -"
    form = gazetteer().lookup(entity.text)
    if form is not None:
        return Candidate(entity.start, entity.end, entity.text, form.entry.kind, form.entry, form.type)
    if len(entity.text.replace(".", "")) > 5 or " " in entity.text:
        return None
    return Candidate(entity.start, entity.end, entity.text, label)


def _only_organ_words(span: Span, hits: list[Span]) -> bool:
    """"US State Department", "the Russian Ministry of Defense": a state and organ words."""
    organs = word_sets("organs")
    allowed = organs["civil"] | organs["military"] | organs["qualifiers"] | {*POSSESSIVES, "-"}
    in_hits = {i for hit in hits for i in range(hit.start, hit.end)}
    return all(t.lower_ in allowed for t in span if t.i not in in_hits)


def _hit_candidate(hit: Span) -> Candidate:
    form = gazetteer().forms[hit.label_]
    return Candidate(hit.start, hit.end, hit.text, form.entry.kind, form.entry, form.type)


def _looks_like_person(span: Span) -> bool:
    """Rejects what the NER took for a person: "gaunt", a capitalised adjective."""
    last = span[-1]
    return last.pos_ == "PROPN" and last.text[:1].isupper() and last.lower_ not in not_person_words()


def _with_long_forms(doc: Doc, candidates: list[Candidate], named: list[Span]) -> list[Candidate]:
    """The long form of an acronym the text defines names a body, whatever the NER made
    of it ("Petróleos de Venezuela, S.A. (PDVSA)"); a listed name at its start stays."""
    for definition in find_definitions(doc, named):
        long = definition.long
        inside = [c for c in candidates if c.start < long.end and long.start < c.end]
        if any(c.entry is not None and c.start <= long.start and (c.end >= long.end or c.entry.kind != "state")
               for c in inside):
            continue  # a listed body stays; a state at the start of a longer name is part of it ("NCSO")
        if any(c.start < long.start or c.end > long.end for c in inside):
            continue
        candidates = [c for c in candidates if c not in inside]
        candidates.append(Candidate(long.start, long.end, long.text, "organization"))
        short = definition.short
        if not any(c.start < short.end and short.start < c.end for c in candidates):
            candidates.append(Candidate(short.start, short.end, short.text, "organization"))  # the NER missed "(NCSO)"
    return candidates


def _with_people(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """People the NER missed or mislabelled: name-like runs (roles.unlabelled_names),
    single names with a person cue ("Ishiba, who ..."), bare surnames of people found."""
    fixed = _tokens_of([c for c in candidates if c.entry is not None or c.label == "person" or c.end - c.start > 1])
    found = [Candidate(s.start, s.end, s.text, "person", sure=True) if s.label_ == "PERSON" else
             Candidate(s.start, s.end, s.text, "media" if s.label_ == "MEDIA" else "organization")
             for s in roles.unlabelled_names(doc, fixed)]
    replaced = _tokens_of(found)
    candidates = [c for c in candidates if not replaced.intersection(range(c.start, c.end))] + found
    not_person = word_sets("names")["not_person"]
    for candidate in candidates:
        span = doc[candidate.start:candidate.end]
        words = [t for t in span if not (t.is_lower and t.lower_ in NAME_PARTICLES)]  # "Hanna van der Meer"
        if candidate.entry is not None or candidate.label in ("person", "media") or len(words) > 3 \
                or not all(t.pos_ == "PROPN" and t.lower_ not in not_person for t in words):
            continue
        # "Ishiba, who ...", "Chancellor Olaf Scholz": a single name needs any cue, a
        # longer one a title or "who" (a firm's name after "Danish" is still a firm).
        if roles.has_person_cue(span, strong=len(span) > 1):
            candidate.label, candidate.sure = "person", True
    candidates = [_with_particles(doc, c) if c.label == "person" else c for c in candidates]
    surnames = {c.text.split()[-1] for c in candidates if c.label == "person" and len(c.text.split()) > 1}
    taken = _tokens_of(candidates)
    candidates += [Candidate(t.i, t.i + 1, t.text, "person") for t in tokens_at(doc, *{s.lower() for s in surnames})
                   if t.i not in taken and t.text in surnames and t.pos_ == "PROPN"]
    return candidates


def _with_particles(doc: Doc, candidate: Candidate) -> Candidate:
    """"Ursula" + "von der Leyen": a person's name continued by lower-case particles and a
    capitalised surname."""
    span = _whole_name(doc[candidate.start:candidate.end])
    if span.end == candidate.end:
        return candidate
    return replace(candidate, end=span.end, text=span.text)


def _with_use(candidate: Candidate, doc: Doc) -> Candidate:
    """How a state, people or leader reference is used, and whether it names an actor."""
    span = doc[candidate.start:candidate.end]
    entry = candidate.entry
    if candidate.label == "person" and len(span) == 1 and span.root.dep_ in ("compound", "poss") \
            and span.root.head.lower_ in LEADER_ORGANS and not title_length([doc[span.start - 1]]):
        return replace(candidate, names_actor=False, use="leader")  # "the Assad regime" is a state
    if candidate.label == "nationality" and entry is None:
        group = kinds.group_head(span)  # "Shiite militias", "Islamist militants"
        return _group_phrase(candidate, doc, group) if group is not None else replace(candidate, names_actor=False)
    if entry is None or entry.kind not in ("state", "people") or candidate.use == "organ":
        if candidate.label == "place":
            return replace(candidate, names_actor=False)
        return candidate
    group = kinds.group_head(span)
    if group is not None:
        return _group_phrase(candidate, doc, group)
    if entry.kind == "people":
        return replace(candidate, names_actor=candidate.use != "adj" or kinds.people_head(span) is not None)
    people = gazetteer().people_by_adj.get(span.text) if candidate.use == "adj" else None
    if people is not None and kinds.people_head(span) is not None:
        return replace(candidate, entry=people, label="people", use="name")
    use = kinds.state_use(span, candidate.use)
    if candidate.use == "capital" and use == "place":
        return replace(candidate, use="place", label="place", entry=None, names_actor=False)
    return replace(candidate, use=candidate.use if use == "name" else use, names_actor=use in ("name", "organ"))


def _group_phrase(candidate: Candidate, doc: Doc, head) -> Candidate:
    """"Israeli settlers", "Chinese maritime militia", "pro-Russian separatists": a group
    named by who and what. A "pro-" group is not of the state it is for."""
    start = candidate.start
    pro = start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "pro"
    if pro:
        start -= 2
    span = doc[start: head.i + 1]
    pieces = []
    for token in span:
        if not token.is_punct or token.text == "-" and pro:
            pieces.append(token.text_with_ws)
        elif pieces and token.whitespace_:
            pieces[-1] = pieces[-1].rstrip() + " "  # "Honduras' main": the space stays when the "'" goes
    text = "".join(pieces).strip()
    text = text.removeprefix("the ").removeprefix("The ")
    who = candidate.entry.id if candidate.entry is not None else normalise(candidate.text)
    return Candidate(span.start, span.end, text, "group", candidate.entry, "group",
                     key=f"{'pro-' if pro else ''}{who}:{head.lemma_.lower()}")


def _absorb_organs(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"Russia's Defense Ministry": the ministry the NER found on its own is the state's.
    A civil organ named without its state ("the Foreign Ministry") names no one."""
    civil = word_sets("organs")["civil"]
    state_ending_at = {c.end: c for c in candidates if c.entry is not None and c.entry.kind == "state"}
    kept = []
    for candidate in candidates:
        span = doc[candidate.start:candidate.end]
        if candidate.entry is not None or candidate.label != "organization" or not _only_organ_words(span, []):
            kept.append(candidate)
            continue
        owner_end = candidate.start - (candidate.start > 0 and doc[candidate.start - 1].text in POSSESSIVES)
        state = state_ending_at.get(owner_end)
        if state is not None:
            organ = replace(state, end=candidate.end, use="organ", names_actor=True)
            kept = [c for c in kept if c is not state] + [organ]
            state_ending_at[candidate.end] = organ
        elif not {t.lower_ for t in span} & civil and len(span) > 1:
            kept.append(candidate)  # a named armed body: "the Air Force", not "Army" opening a sentence
    organ_starts = {c.start for c in kept if c.use == "organ"}
    return [c for c in kept if not (c.entry is not None and c.use != "organ" and c.start in organ_starts)]


def _owners_qualify(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"Tufts University's Feinstein International Center": the unlisted owner only
    says whose the center is; it names an actor only if mentioned on its own."""
    starts = {c.start: c for c in candidates}
    for candidate in candidates:
        after = candidate.end
        if candidate.entry is None and candidate.label == "organization" and after < len(doc) \
                and doc[after].text in POSSESSIVES and after + 1 in starts \
                and starts[after + 1].label == "organization" and starts[after + 1].entry is None:
            candidate.names_actor = False
    return candidates


def _resident_groups(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"Rukban residents": the people of a named place, a group of the story."""
    residents = word_sets("names")["resident_nouns"]
    groups = []
    for candidate in candidates:
        after = doc[candidate.end] if candidate.end < len(doc) else None
        if after is not None and after.lower_ in residents and candidate.label not in ("person", "nationality") \
                and candidate.use not in ("adj", "organ"):
            text = f"{display_name(candidate.text)} {after.lower_}"
            groups.append(Candidate(candidate.start, after.i + 1, text, "group", use="group",
                                    key=f"residents:{normalise(text)}"))
    return groups


def _without_bare_outlet_initials(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """An outlet's two-letter initials ("DM" for Daily Maverick, "DW") name it only when
    the text also gives its name, or cites it as a source ("according to DW"): alone,
    two capitals are too often something else (a direct message, a currency, a
    person's initials)."""
    named = {c.entry.id for c in candidates if c.entry is not None and c.use != "short"}
    kept = []
    for candidate in candidates:
        entry = candidate.entry
        if entry is not None and entry.kind == "media" and candidate.use == "short" and entry.id not in named \
                and sum(ch.isalpha() for ch in candidate.text) <= 2:
            span = doc[candidate.start:candidate.end]
            if any(c.dep_ == "det" for c in span.root.children) or not kinds.is_media_context(span, listed=True):
                continue
        kept.append(candidate)
    return kept


def _capitalised_run(doc: Doc, start: int, most: int, taken: set[int], fits: Callable[[Token], bool]) -> int:
    """The end of the run of at most `most` capitalised tokens from `start`, outside `taken`, that `fits`."""
    end = start
    while end < len(doc) and end - start < most and end not in taken and doc[end].text[:1].isupper() \
            and fits(doc[end]):
        end += 1
    return end


def _named_after_a_body_noun(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """A capitalised name the NER missed right after a noun saying what kind of body it
    is: "Estonian grid operator Elering", "the chipmaker Nexperia"."""
    taken = _tokens_of(candidates)
    org_nouns = word_sets("names")["org_nouns"]
    found = []
    for noun in tokens_at(doc, *org_nouns):
        start = noun.i + 1
        end = _capitalised_run(doc, start, 3, taken, lambda t: t.pos_ in ("PROPN", "NOUN") and t.is_alpha)
        if end > start and doc[end - 1].head.i != noun.i and noun.head.i in range(start, end) and \
                gazetteer().lookup(doc[start:end].text) is None and noun.is_lower:
            found.append(Candidate(start, end, doc[start:end].text, "organization"))
    return found


def _with_hyphenated_end(doc: Doc, candidate: Candidate) -> Candidate:
    """"Shin Ha-yoon", "Baek Ji-ho": the tokenizer splits a hyphenated given name, and
    the NER keeps only its first part."""
    suffix = _hyphen_suffix(doc, candidate.end)
    if suffix is not None and suffix.is_alpha and suffix.is_lower \
            and suffix.lower_ not in _compound_suffixes():  # not "the Erdogan-backed candidate"
        return replace(candidate, end=suffix.i + 1, text=doc[candidate.start:suffix.i + 1].text)
    return candidate


def _hyphen_suffix(doc: Doc, end: int) -> Token | None:
    """The word a hyphen joins to the name ending before `end` ("Ha-yoon", "Limassol-based")."""
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        return doc[end + 1]
    return None


def _compound_suffixes() -> frozenset[str]:
    """What follows a name and a hyphen in a compound adjective ("Erdogan-led", "Limassol-based")."""
    alliances, names = word_sets("alliances"), word_sets("names")
    return alliances["led_words"] | alliances["backed_words"] | names["place_suffixes"] | names["compound_suffixes"]


def _named_as(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """A name the NER missed after "known as" or "called", given to several actors or to a
    group: "France, Britain and Germany, known as the E3", "militias known as Wazalendo"."""
    taken = _tokens_of(candidates)
    group_nouns = word_sets("names")["group_nouns"]
    found = []
    for participle in tokens_at(doc, *word_sets("alliances")["naming_participles"]):
        named = participle.head
        if participle.dep_ != "acl" or not (named.conjuncts or named.lower_ in group_nouns):
            continue
        start = name_start(participle)
        end = _capitalised_run(doc, start, 4, taken, lambda t: not t.is_punct)
        if end > start and gazetteer().lookup(doc[start:end].text) is None:
            label = "group" if named.lower_ in group_nouns else "organization"
            found.append(Candidate(start, end, doc[start:end].text, label, named_by_cue=True))
    return found


def _names_before_a_body_noun(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Names the NER missed or took for places that qualify a noun saying what they are:
    "the Zeta and Omega parties", "the Delta conglomerate"."""
    unlisted = {c.start: c for c in candidates if c.entry is None and c.end == c.start + 1}
    taken = _tokens_of([c for c in candidates if c.start not in unlisted])
    body_nouns = word_sets("names")["named_body_nouns"]
    groups = word_sets("names")["party_nouns"]
    found = []
    for noun in tokens_at(doc, *body_nouns):
        for name in (c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i):
            for part in [name, *name.conjuncts]:
                if (part.pos_ == "PROPN" or part.ent_type_) and part.text[:1].isupper() and part.i not in taken \
                        and part.i != part.sent.start and gazetteer().lookup(part.text) is None:
                    label = "group" if noun.lower_ in groups else "organization"
                    found.append(Candidate(part.i, part.i + 1, part.text, label, named_by_cue=True))
    replaced = _tokens_of(found)
    return [c for c in candidates if not replaced.intersection(range(c.start, c.end))] + found


def _named_forces(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"the Kosovo Police", "the Pakistan Army": a state's name before capitalised words of
    an armed body is that body's name, an organization of its own (as the "Israel
    Defense Forces"); written in lower case ("Kosovo police") it stays the state's."""
    organs = word_sets("organs")
    heads = organs["force_heads"]
    inner = heads | organs["qualifiers"] | organs["force_name_words"]
    kept, found = [], []
    for candidate in candidates:
        end = candidate.end
        entry = candidate.entry
        if entry is not None and entry.kind == "state" and candidate.use in ("name", "adj", "short"):
            while end < len(doc) and end - candidate.end < 3 and doc[end].text[:1].isupper() \
                    and doc[end].lower_ in inner:
                end += 1
            while end > candidate.end and doc[end - 1].lower_ not in heads:
                end -= 1
        if end > candidate.end:
            found.append(Candidate(candidate.start, end, doc[candidate.start:end].text, "organization"))
        else:
            kept.append(candidate)
    taken = _tokens_of(found)
    return [c for c in kept if not taken.intersection(range(c.start, c.end))] + found


def _armies_at_war(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """A state's army at war with an armed group at home in that state (a civil war: "The
    army ... has been fighting the RSF", the RSF being Sudan's) is a party of its own,
    not the state: each mention of it ("the Sudanese army", "Sudan's army", and "the
    army" alone once the text has said whose) becomes one actor, the force the text
    names if it does ("the Sudanese Armed Forces"). Elsewhere a lower-case army stays
    the state's ("Israeli forces", "Russia's army")."""
    groups = [(c.start, home) for c in candidates if (home := _home_state(c)) is not None]
    if not groups:
        return candidates
    states_at = {i: c for c in candidates if c.entry is not None and c.entry.kind == "state"
                 for i in range(c.start, c.end)}
    armies = [(token, _army_owner(token, states_at)) for token in tokens_at(doc, *word_sets("organs")["army_words"])
              if _is_army(token)]
    forces = {state: c for c in candidates if (state := _force_state(doc, c)) is not None}
    owned = {owner.entry.id for _, owner in armies if owner is not None} | set(forces)
    conflict = word_sets("cues")["conflict_words"]
    at_war = set()
    for token, owner in armies:
        state = owner.entry.id if owner is not None else None
        sentence = token.sent
        if not any(t.lemma_.lower() in conflict for t in sentence):
            continue
        fighting = {home for start, home in groups if sentence.start <= start < sentence.end}
        if state is not None and state in fighting:
            at_war.add(state)
        elif state is None and len(fighting & owned) == 1:
            at_war |= fighting & owned  # "the army" fighting the RSF, the text's "Sudanese army"
    if not at_war:
        return candidates
    names = {state: display_name(force.text) for state, force in forces.items()}  # "Sudanese Armed Forces"
    for token, owner in armies:
        if owner is not None and owner.entry.id in at_war:
            names.setdefault(owner.entry.id, display_name(doc[owner.start: token.i + 1].text))
    removed, armed = set(), []
    for token, owner in armies:
        state = owner.entry.id if owner is not None else (next(iter(at_war)) if len(at_war) == 1 else None)
        if state not in at_war or (owner is None and not any(c.lower_ == "the" for c in token.children)):
            continue
        if owner is not None:
            removed.add(id(owner))
        start = owner.start if owner is not None else token.i
        armed.append(Candidate(start, token.i + 1, names[state], "organization"))
    taken = _tokens_of(armed)
    return [c for c in candidates if id(c) not in removed and not taken.intersection(range(c.start, c.end))] + armed


def _force_state(doc: Doc, candidate: Candidate) -> str | None:
    """The state whose armed body an unlisted name names: "the Sudanese Armed Forces",
    "the Kosovo Police" -> the state."""
    span = doc[candidate.start:candidate.end]
    if candidate.entry is not None or candidate.label != "organization" or span[-1].lower_ not in word_sets("organs")["force_heads"] \
            or not span[-1].text[:1].isupper():
        return None
    for length in range(min(3, len(span) - 1), 0, -1):
        form = gazetteer().lookup(span[:length].text)
        if form is not None and form.entry.kind == "state":
            return form.entry.id
    return None


def _home_state(candidate: Candidate) -> str | None:
    """The state an armed group fights in: listed (groups.yml `home`), or said by its
    nationality ("Sudanese rebels")."""
    if candidate.entry is not None and candidate.entry.kind == "group" and candidate.use != "group":
        return candidate.entry.home
    if candidate.use == "group" and candidate.entry is not None and candidate.entry.kind == "state" and \
            candidate.key.split(":")[-1] in word_sets("names")["group_nouns"] - {"farmers", "workers", "students"}:
        return candidate.entry.id
    return None


def _is_army(token) -> bool:
    """"army", "military", "armed forces" heading a noun phrase of their own, not "army-led"
    or "military aid"."""
    if not token.is_lower or token.pos_ != "NOUN" or token.dep_ in ("compound", "amod", "npadvmod"):
        return False
    if token.i + 1 < len(token.doc) and token.nbor(1).text in ("-", "\u2013"):
        return False
    return token.lower_ != "forces" or any(c.lower_ == "armed" for c in token.children)


def _army_owner(token, states_at: dict) -> Candidate | None:
    """The state an army token is qualified by: "the Sudanese army", "Sudan's army"."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < token.i and child.i in states_at:
            return states_at[child.i]
    return None


def _in_credits(doc: Doc, candidate: Candidate) -> bool:
    """Staff named in wire credits ("Reporting by ...; Editing by ...")."""
    words = [t.lower_ for t in doc[candidate.start].sent if not t.is_punct][:3]  # "(Reporting by ...)"
    openers = word_sets("cues")["credit_openers"]
    return bool(words) and words[0] in openers and "by" in words[1:] \
        and all(word in openers for word in words[:words.index("by")])  # "Additional reporting by"


def _qualifies_a_place(doc: Doc, candidate: Candidate) -> bool:
    """"Limassol-based Delos Maritime", "the Liberia-flagged Sea Lark": where a company
    sits or a ship is registered, not an actor."""
    suffix = _hyphen_suffix(doc, candidate.end)
    return suffix is not None and suffix.lower_ in word_sets("names")["place_suffixes"]


def _shared_names_resolved(candidates: list[Candidate]) -> list[Candidate]:
    """"Congo" is the Congo the text otherwise names, else the usual one (shared_names.yml)."""
    shared = shared_names()
    if not any(c.text in shared for c in candidates):
        return candidates
    forms = (gazetteer().lookup(c.text) for c in candidates if c.text not in shared)
    named = {form.entry.id for form in forms if form is not None}  # "in Brazzaville" counts, a place or not
    resolved = []
    for candidate in candidates:
        states = shared.get(candidate.text)
        if states and candidate.entry is not None:
            meant = next((state for state in states if state in named), states[0])
            candidate = replace(candidate, entry=gazetteer().entries[meant])
        resolved.append(candidate)
    return resolved


def dateline_tokens(doc: Doc) -> range:
    """The tokens of the dateline that opens wire copy ("DUBAI/ATHENS, March 10 (Reuters) -"):
    where the story was filed, not who is in it."""
    found = dateline_chars(doc.text)
    if found is None:
        return range(0)
    span = doc.char_span(*found, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    kept, taken = [], set()
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        tokens = set(range(candidate.start, candidate.end))
        if not tokens & taken:
            kept.append(candidate)
            taken |= tokens
    return kept


def display_name(text: str) -> str:
    """A name as shown: one line, straight apostrophes, no leading "the" or possessive."""
    text = " ".join(text.replace("\u2019", "'").split())
    text = text.removeprefix("the ").removeprefix("The ")
    for suffix in ("'s", "'"):
        text = text.removesuffix(suffix)
    return text.strip()
